"""The polite fetcher against local servers: every bad case ends in a clear reason."""
from __future__ import annotations

import time

import pytest
from werkzeug import Response

from scoop.web.feeds import FeedError, parse_feed
from scoop.web.fetcher import FEED_TYPES, PAGE_TYPES, Fetcher, FetchError
from webfakes import FAST, article, no_outside_network, rss, serve_robots  # noqa: F401


def get(url, settings=FAST, **kw):
    with Fetcher(settings) as fetcher:
        return fetcher.get(url, accept=PAGE_TYPES, **kw), fetcher.requests


def fails(url, settings=FAST) -> FetchError:
    with pytest.raises(FetchError) as info:
        get(url, settings)
    return info.value


def test_page_ok_with_user_agent_and_conditional_get(httpserver):
    serve_robots(httpserver)
    httpserver.expect_request("/a", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    httpserver.expect_request("/a").respond_with_data(article("A", "Text."), content_type="text/html",
                                                      headers={"ETag": '"v1"'})
    fetched, _ = get(httpserver.url_for("/a"))
    assert fetched.status == 200 and b"<h1>A</h1>" in fetched.content and fetched.etag == '"v1"'
    again, _ = get(httpserver.url_for("/a"), etag='"v1"')
    assert again.not_modified
    agent = httpserver.log[1][0].headers["User-Agent"]
    assert agent.startswith("scoop/") and "contact: tests@example.invalid" in agent


@pytest.mark.parametrize("status", [404, 410])
def test_gone_pages(httpserver, status):
    serve_robots(httpserver)
    httpserver.expect_request("/gone").respond_with_data("no", status=status)
    error = fails(httpserver.url_for("/gone"))
    assert f"HTTP {status}" in error.reason and error.permanent


def test_500_that_recovers_on_retry(httpserver):
    serve_robots(httpserver)
    calls = []

    def flaky(request):
        calls.append(1)
        if len(calls) < 3:
            return Response("busy", status=503)
        return Response(article("B", "Back."), content_type="text/html")

    httpserver.expect_request("/flaky").respond_with_handler(flaky)
    fetched, _ = get(httpserver.url_for("/flaky"))
    assert fetched.status == 200 and len(calls) == 3


def test_500_that_never_recovers(httpserver):
    serve_robots(httpserver)
    httpserver.expect_request("/down").respond_with_data("err", status=500)
    error = fails(httpserver.url_for("/down"))
    assert "HTTP 500" in error.reason and "gave up after 3 attempt(s)" in error.reason and not error.permanent


def test_timeout(httpserver):
    serve_robots(httpserver)

    def slow(request):
        time.sleep(0.6)
        return Response("late", content_type="text/html")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    error = fails(httpserver.url_for("/slow"))
    assert error.reason.startswith("timed out") and "3 attempt(s)" in error.reason


def test_redirect_loop_and_too_many_redirects(httpserver):
    serve_robots(httpserver)
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=301, headers={"Location": "/a"})
    assert "redirect loop" in fails(httpserver.url_for("/a")).reason
    for i in range(6):
        httpserver.expect_request(f"/r{i}").respond_with_data("", status=302, headers={"Location": f"/r{i + 1}"})
    assert "more than 3 redirects" in fails(httpserver.url_for("/r0")).reason


def test_non_html_and_oversize(httpserver):
    serve_robots(httpserver)
    httpserver.expect_request("/doc.pdf").respond_with_data(b"%PDF-1.4", content_type="application/pdf")
    httpserver.expect_request("/photo").respond_with_data(b"\x89PNG", content_type="image/png")
    httpserver.expect_request("/big").respond_with_data("x" * 50_000, content_type="text/html")
    assert "content type application/pdf is not a web page" in fails(httpserver.url_for("/doc.pdf")).reason
    assert "image/png" in fails(httpserver.url_for("/photo")).reason
    assert "over the 20 KB limit" in fails(httpserver.url_for("/big")).reason


def test_dns_failure_without_any_lookup():
    error = fails("http://nonexistent.invalid/feed.xml")
    assert "DNS lookup failed" in error.reason and "nonexistent.invalid" in error.reason


def test_robots_disallow(httpserver):
    serve_robots(httpserver, "User-agent: scoop\nDisallow: /private\n\nUser-agent: *\nAllow: /\n")
    httpserver.expect_request("/private/x").respond_with_data("secret", content_type="text/html")
    error = fails(httpserver.url_for("/private/x"))
    assert "robots.txt" in error.reason and "disallows" in error.reason
    assert all(entry[0].path != "/private/x" for entry in httpserver.log)


def test_rate_limit_per_host(httpserver):
    serve_robots(httpserver)
    httpserver.expect_request("/p").respond_with_data(article("P", "Text."), content_type="text/html")
    slow = FAST.__class__(**{**FAST.__dict__, "rate_limit": 5.0})
    start = time.monotonic()
    with Fetcher(slow) as fetcher:
        for _ in range(3):
            fetcher.get(httpserver.url_for("/p"), accept=PAGE_TYPES)
    # robots.txt + 3 pages = 4 requests at 5/s: at least 3 gaps of 0.2 s
    assert time.monotonic() - start >= 0.55


def test_malformed_and_duplicate_feeds(httpserver):
    base = "http://example.test/"
    with pytest.raises(FeedError, match="malformed|not an RSS"):
        parse_feed(b"<rss><channel><item><title>broken", base)
    with pytest.raises(FeedError, match="malformed feed|not an RSS or Atom feed"):
        parse_feed(article("Not a feed", "Text.").encode(), base)
    feed = parse_feed(rss(base, [("a", "Mon, 02 Jun 2025 10:00:00 GMT"), ("b", "x")], duplicate=True).encode(), base)
    assert [i.url for i in feed.items] == [base + "a", base + "b"] and feed.duplicates == 1
    assert "1 duplicate item(s) ignored" in feed.notes()
    serve_robots(httpserver)
    httpserver.expect_request("/feed").respond_with_data(rss(base, [("a", "d")]), content_type="application/rss+xml")
    with Fetcher(FAST) as fetcher:
        assert fetcher.get(httpserver.url_for("/feed"), accept=FEED_TYPES).status == 200
