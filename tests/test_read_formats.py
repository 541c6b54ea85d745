"""Files of every common shape in the raw folder: HTML pages, JSON Lines / JSON records, unread extensions."""
from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

from fakes import YearDates
from scoop.pipeline import run_ingest
from scoop.read_html import clean_author, clean_title, extract_page, page_url
from scoop.warehouse import DB_NAME

PAGE = """<!DOCTYPE html>
<html><head><title>Studio Renews The Show For 2026 | Showbiz Daily</title>
<meta property="og:title" content="Studio Renews The Show For 2026">
<meta property="og:site_name" content="Showbiz Daily">
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2025-03-01T10:00:00+00:00">
<link rel="canonical" href="https://news.example.com/renewal">
<script>var tracker = function() { window.dataLayer = []; };</script>
<style>.x { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/tv">TV</a></nav>
<article><h1>Studio Renews The Show For 2026</h1>
<p>The studio renewed the show in 2025 for a new season that will premiere in 2026, the network said on Monday.</p>
<p>Production on the new season starts in the spring, and most of the cast is expected to return for it.</p>
<p>The first season was the most watched series on the platform last year, according to the company.</p>
</article>
<aside><h3>Related Stories</h3><ul><li><a href="/x">Another Show Is Cancelled In 2031</a></li></ul></aside>
<footer>Copyright Showbiz Daily. All rights reserved.</footer></body></html>
"""


def q(warehouse: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(warehouse / DB_NAME), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def ingest(tmp_path: Path) -> dict:
    return run_ingest(tmp_path / "raw", tmp_path / "warehouse", extractors=[YearDates()], project_root=tmp_path)


@pytest.fixture
def raw(tmp_path):
    folder = tmp_path / "raw"
    folder.mkdir()
    return folder


def test_html_page_gives_main_text_and_metadata():
    page = extract_page(PAGE)
    assert page.title == "Studio Renews The Show For 2026"
    assert page.author == "Ann Lee"
    assert page.published_on.isoformat() == "2025-03-01"
    assert page.publisher == "Showbiz Daily"
    assert page.url == "https://news.example.com/renewal"
    assert "renewed the show" in page.text
    for clutter in ("<", "tracker", "window.", "color: red", "Another Show", "All rights reserved"):
        assert clutter not in page.text


def test_title_author_and_url_helpers():
    assert clean_title("Headline Here | Site Name", "Site Name") == "Headline Here"
    assert clean_title("A - B Said Things In The Long Headline", None) == "A - B Said Things In The Long Headline"
    assert clean_author("Jack Mirkinson Jack Mirkinson is an editor at Fusion") == "Jack Mirkinson"
    assert page_url("<!-- scoop-url: https://a.example/x -->\n<html>") == "https://a.example/x"
    assert page_url("<!-- saved from url=(0021)https://b.example/ -->\n<html>") == "https://b.example/"


def test_html_file_becomes_a_source_with_its_url(raw, tmp_path):
    (raw / "page.html").write_text(PAGE, encoding="utf-8")
    summary = ingest(tmp_path)
    assert summary["new"] == 1
    (row,) = q(tmp_path / "warehouse", "SELECT uri, title, author, publisher, published_on, published_on_basis, "
                                       "body FROM sources")
    uri, title, author, publisher, published_on, basis, body = row
    assert (uri, title, author, publisher) == ("https://news.example.com/renewal", "Studio Renews The Show For 2026",
                                               "Ann Lee", "Showbiz Daily")
    assert (published_on.isoformat(), basis) == ("2025-03-01", "header")
    assert body.startswith("Studio Renews The Show For 2026\n")
    assert not re.search(r"<[a-z/!]", body) and "2031" not in body
    assert q(tmp_path / "warehouse", "SELECT uri, status FROM inputs") == [("raw/page.html", "loaded")]


def test_jsonl_records_are_inputs_each_and_a_bad_one_is_quarantined(raw, tmp_path):
    lines = [
        json.dumps({"url": "https://a.example/1", "title": "First Story", "author": "Ann Lee",
                    "published": "2025-05-01T08:00:00Z", "text": "The show returns in 2026 for a second season."}),
        "{not json",
        json.dumps({"url": "https://a.example/3", "title": "No Body"}),
        "",
        json.dumps({"url": "https://a.example/5", "html": PAGE}),
    ]
    (raw / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = ingest(tmp_path)
    assert (summary["new"], summary["quarantined"]) == (2, 2)
    wh = tmp_path / "warehouse"
    assert dict(q(wh, "SELECT uri, status FROM inputs")) == {
        "raw/feed.jsonl#1": "loaded", "raw/feed.jsonl#2": "quarantined", "raw/feed.jsonl#3": "quarantined",
        "raw/feed.jsonl#5": "loaded"}
    reasons = dict(q(wh, "SELECT uri, reason FROM quarantine"))
    assert "not valid JSON" in reasons["raw/feed.jsonl#2"]
    assert "no 'text' or 'html'" in reasons["raw/feed.jsonl#3"]
    rows = dict(q(wh, "SELECT uri, title || '|' || author || '|' || published_on FROM sources"))
    assert rows["https://a.example/1"] == "First Story|Ann Lee|2025-05-01"
    assert rows["https://a.example/5"] == "Studio Renews The Show For 2026|Ann Lee|2025-03-01"

    # editing one line re-reads that record only
    lines[0] = lines[0].replace("second season", "third season")
    (raw / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = ingest(tmp_path)
    assert (summary["changed"], summary["unchanged"], summary["new"]) == (1, 1, 0)


def test_json_array_and_single_object(raw, tmp_path):
    (raw / "list.json").write_text(json.dumps([
        {"title": "One", "text": "The film opens in 2027 in cinemas."}, 42]), encoding="utf-8")
    (raw / "one.json").write_text(json.dumps({"headline": "Solo", "body": "The series wraps in 2025."}))
    (raw / "broken.json").write_text("[{", encoding="utf-8")
    ingest(tmp_path)
    status = dict(q(tmp_path / "warehouse", "SELECT uri, status FROM inputs"))
    assert status == {"raw/list.json#1": "loaded", "raw/list.json#2": "quarantined", "raw/one.json": "loaded",
                      "raw/broken.json": "quarantined"}
    reasons = dict(q(tmp_path / "warehouse", "SELECT uri, reason FROM quarantine"))
    assert "not valid JSON" in reasons["raw/broken.json"] and "JSON int" in reasons["raw/list.json#2"]


def test_unread_extension_is_skipped_with_a_row_and_binary_still_quarantined(raw, tmp_path):
    (raw / "index.tsv").write_text("file\ttitle\n", encoding="utf-8")
    (raw / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" * 20)
    (raw / "a.txt").write_text(" date 2025-03-01 Title\nThe show returns in 2026.\n", encoding="utf-8")
    summary = ingest(tmp_path)
    rows = {u: (s, n) for u, s, n in q(tmp_path / "warehouse", "SELECT uri, status, note FROM inputs")}
    assert rows["raw/index.tsv"][0] == "skipped" and "does not read .tsv files" in rows["raw/index.tsv"][1]
    assert rows["raw/photo.jpg"][0] == "quarantined" and "binary" in rows["raw/photo.jpg"][1]
    assert rows["raw/a.txt"][0] == "loaded"
    assert ("raw/index.tsv", rows["raw/index.tsv"][1]) in summary["skipped"]
    assert ingest(tmp_path)["unchanged"] == 1


def test_page_without_text_is_quarantined(raw, tmp_path):
    (raw / "empty.html").write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
    ingest(tmp_path)
    (reason,) = q(tmp_path / "warehouse", "SELECT reason FROM quarantine WHERE uri = 'raw/empty.html'")[0]
    assert "no article text" in reason
