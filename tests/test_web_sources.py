"""Feeds and pages end to end against a local server: fetch -> raw/web snapshots -> ingest, incremental."""
from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner
from werkzeug import Response

from fakes import YearDates
from scoop.pipeline import run_ingest
from scoop.warehouse import DB_NAME
from scoop.web.refresh import refresh
from scoop.web.state import load_state
from webfakes import SETTINGS_TOML, article, no_outside_network, rss  # noqa: F401

DAY1, DAY2 = "Mon, 02 Jun 2025 10:00:00 GMT", "Tue, 03 Jun 2025 10:00:00 GMT"


class Site:
    """Pages served from a dict, changeable between runs: path -> (body, content type, status)."""

    def __init__(self, httpserver):
        self.server, self.pages = httpserver, {"/robots.txt": ("User-agent: *\nDisallow: /private\n", "text/plain", 200)}
        httpserver.expect_request(re.compile("^/.*")).respond_with_handler(self.respond)

    def respond(self, request):
        body, ctype, status = self.pages.get(request.path, ("not found", "text/plain", 404))
        return Response(body, status=status, content_type=ctype)

    def url(self, path: str = "/") -> str:
        return self.server.url_for(path)

    def feed(self, items, **kw) -> None:
        self.pages["/feed.xml"] = (rss(self.url("/"), items, **kw), "application/rss+xml", 200)

    def requested(self, since: int = 0) -> list[str]:
        return [e[0].path for e in self.server.log[since:] if e[0].path != "/robots.txt"]


@pytest.fixture
def site(httpserver):
    return Site(httpserver)


@pytest.fixture
def project(tmp_path, site):
    (tmp_path / "raw").mkdir()
    (tmp_path / "sources.toml").write_text(SETTINGS_TOML + f'\n[[feed]]\nurl = "{site.url("/feed.xml")}"\n')
    return tmp_path


def fetch_and_ingest(project: Path) -> dict:
    refresh(project / "sources.toml", project / "raw", project / "warehouse")
    return run_ingest(project / "raw", project / "warehouse", extractors=[YearDates()], project_root=project)


def q(project: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(project / "warehouse" / DB_NAME), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def publish(site: Site, path: str, words: str) -> None:
    site.pages[path] = (article(f"Story {path}", words), "text/html; charset=utf-8", 200)


def test_feed_end_to_end_new_items_only_and_changed_page_replaced(project, site):
    for i, year in ((1, 2026), (2, 2027), (3, 2028)):
        publish(site, f"/a{i}", f"The show returns in {year} with its cast.")
    site.feed([(f"a{i}", DAY1) for i in (1, 2, 3)])
    summary = fetch_and_ingest(project)
    assert summary["new"] == 3
    uris = sorted(u for (u,) in q(project, "SELECT uri FROM sources"))
    assert uris == [site.url(f"/a{i}") for i in (1, 2, 3)]
    snapshots = sorted((project / "raw" / "web").rglob("*.html"))
    assert len(snapshots) == 3 and all(re.fullmatch(r"[0-9a-f]{64}\.html", p.name) for p in snapshots)

    # the feed gains one item: only that page is fetched
    publish(site, "/a4", "The spin-off lands in 2029.")
    site.feed([(f"a{i}", DAY1) for i in (1, 2, 3, 4)])
    mark = len(site.server.log)
    summary = fetch_and_ingest(project)
    assert site.requested(mark) == ["/feed.xml", "/a4"]
    assert (summary["new"], summary["unchanged"]) == (1, 3)

    # one item's page changes (the feed says it was updated): that article's rows are replaced
    publish(site, "/a2", "The show was delayed to 2030 after the strike.")
    site.feed([("a1", DAY1), ("a2", DAY2), ("a3", DAY1), ("a4", DAY1)])
    mark = len(site.server.log)
    summary = fetch_and_ingest(project)
    assert site.requested(mark) == ["/feed.xml", "/a2"]
    assert (summary["changed"], summary["unchanged"]) == (1, 3)
    body = q(project, f"SELECT body FROM sources WHERE uri = '{site.url('/a2')}'")[0][0]
    assert "2030" in body and "2027" not in body
    assert q(project, "SELECT count(*) FROM sources")[0][0] == 4
    years = {v for (v,) in q(project, "SELECT value FROM dates")}
    assert "2030" in years and "2027" not in years

    # same bytes again: nothing changes
    summary = fetch_and_ingest(project)
    assert (summary["new"], summary["changed"], summary["unchanged"]) == (0, 0, 4)


def test_bad_items_are_quarantined_and_a_failing_feed_keeps_its_state(project, site):
    publish(site, "/ok", "The film opens in 2026.")
    site.pages["/doc.pdf"] = (b"%PDF-1.4", "application/pdf", 200)
    site.pages["/private/x"] = (article("Secret", "Hidden in 2026."), "text/html", 200)
    site.feed([("ok", DAY1), ("missing", DAY1), ("doc.pdf", DAY1), ("private/x", DAY1)], duplicate=True)
    summary = fetch_and_ingest(project)
    assert (summary["new"], summary["quarantined"]) == (1, 3)
    reasons = [r for (r,) in q(project, "SELECT reason FROM quarantine ORDER BY reason")]
    assert any("/missing: HTTP 404" in r for r in reasons)
    assert any("content type application/pdf is not a web page" in r for r in reasons)
    assert any("robots.txt" in r and "disallows" in r for r in reasons)
    assert all(uri.startswith("raw/web/") for (uri,) in q(project, "SELECT uri FROM inputs"))
    feed = load_state(project / "warehouse").sources[site.url("/feed.xml")]
    assert (feed["status"], feed["items"]) == ("ok", 4) and "1 duplicate item(s) ignored" in feed["reason"]

    # the feed breaks: its last good state stays, the quarantined items stay quarantined (not "missing")
    site.pages["/feed.xml"] = ("<rss><channel><item><title>broken", "application/rss+xml", 200)
    summary = fetch_and_ingest(project)
    feed = load_state(project / "warehouse").sources[site.url("/feed.xml")]
    assert feed["status"] == "failed" and "malformed" in feed["reason"] and feed["items"] == 4
    assert (summary["unchanged"], summary["quarantined"], summary["missing"]) == (1, 3, 0)

    site.pages["/feed.xml"] = ("oops", "text/plain", 500)
    refresh(project / "sources.toml", project / "raw", project / "warehouse")
    feed = load_state(project / "warehouse").sources[site.url("/feed.xml")]
    assert "HTTP 500" in feed["reason"] and feed["etag"] is None and feed["items"] == 4


def test_single_page_source_is_rechecked_and_dns_failure_is_a_status(tmp_path, site):
    publish(site, "/page", "The finale airs in 2026.")
    (tmp_path / "raw").mkdir()
    (tmp_path / "sources.toml").write_text(
        SETTINGS_TOML + f'\n[[page]]\nurl = "{site.url("/page")}"\n\n[[feed]]\nurl = "http://nonexistent.invalid/rss"\n')
    assert fetch_and_ingest(tmp_path)["new"] == 1
    publish(site, "/page", "The finale moved to 2027.")
    assert fetch_and_ingest(tmp_path)["changed"] == 1
    state = load_state(tmp_path / "warehouse")
    dns = state.sources["http://nonexistent.invalid/rss"]
    assert dns["status"] == "failed" and "DNS lookup failed" in dns["reason"]


def test_cli_sources_add_list_remove_and_status(tmp_path, site, monkeypatch):
    from scoop.cli import app

    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    feed = site.url("/feed.xml")
    assert runner.invoke(app, ["sources", "add", feed]).exit_code == 0
    assert "feed" in (tmp_path / "sources.toml").read_text()
    result = runner.invoke(app, ["sources", "add", "ftp://x"])
    assert result.exit_code == 2 and "not an http" in result.output
    publish(site, "/a1", "The show returns in 2026.")
    site.feed([("a1", DAY1)])
    text = (tmp_path / "sources.toml").read_text().replace("# rate_limit = 1.0", "rate_limit = 100.0")
    (tmp_path / "sources.toml").write_text(text)
    result = runner.invoke(app, ["sources", "fetch"])
    assert result.exit_code == 0, result.output
    assert list((tmp_path / "raw" / "web").rglob("*.html"))
    result = runner.invoke(app, ["sources", "list"])
    assert result.exit_code == 0 and "ok" in result.output and feed in result.output.replace("\n", "")
    run_ingest(tmp_path / "raw", tmp_path / "warehouse", extractors=[YearDates()], project_root=tmp_path)
    result = runner.invoke(app, ["status"])
    assert result.exit_code == 0 and "Web sources" in result.output
    assert runner.invoke(app, ["sources", "remove", feed]).exit_code == 0
    result = runner.invoke(app, ["sources", "remove", feed])
    assert result.exit_code == 2 and "is not in" in result.output
    result = runner.invoke(app, ["run", "--sources", "nope.toml", "--no-prefect"])
    assert result.exit_code == 2 and "does not exist" in result.output
