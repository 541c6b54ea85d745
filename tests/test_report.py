"""`scoop report` on an invented warehouse (tests/report_fixture.py): pages, escaping, errors, and
the rendered page in headless Chromium (skipped when chromium is not installed)."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

import report_fixture as fx
from browser import Browser, chromium_path
from scoop.cli import app
from scoop.report import charts, data, site, view
from scoop.warehouse import DB_NAME, connect

runner = CliRunner()
needs_chromium = pytest.mark.skipif(chromium_path() is None, reason="chromium is not installed: the browser "
                                    "tests need Debian's chromium package (apt-get install chromium)")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    return fx.build(tmp_path_factory.mktemp("report") / "wh")


@pytest.fixture(scope="module")
def pages(warehouse, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "report.html"
    result = runner.invoke(app, ["report", "--warehouse", str(warehouse), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, out.with_suffix("") / "night-harbor.html"


@pytest.fixture(scope="module")
def night_harbor(warehouse):
    con = connect(warehouse / DB_NAME, read_only=True)
    try:
        work = data.find_work(data.list_works(con, 1), "night harbor season 2")
        return data.load(con, [work])[0]
    finally:
        con.close()


def test_works_merge_seasons_and_count_sources(warehouse):
    con = connect(warehouse / DB_NAME, read_only=True)
    try:
        works = data.list_works(con, 1)
    finally:
        con.close()
    assert [(w.name, w.sources_count) for w in works] == [("Night Harbor", 4), ("O'Brien's Way", 1)]


def test_index_and_work_page_are_written(pages):
    index, page = pages
    html = index.read_text(encoding="utf-8")
    assert 'href="report/night-harbor.html"' in html and "O&#39;Brien" not in html   # 1 source: no page
    assert "1 with fewer sources are left out" in html
    text = page.read_text(encoding="utf-8")
    for heading in ("Release and production timeline", "Cast and crew", "Conflicts", "Figures", "Sources"):
        assert f">{heading}</h2>" in text
    assert '<figure class="chart"><svg' in text
    assert 'href="../report.html"' in text
    assert "https://" not in re.sub(r'(xmlns(:xlink)?|href)="[^"]*"', "", text.split("<footer")[0]
                                    ).replace("https://example.com/night-harbor", "")


def test_page_view_sections(night_harbor):
    v = view.page_view(night_harbor)
    assert [(c["person"], c["status"]) for c in v["cast"]] == [
        ("Ana Ruiz", "returning"), (f"{fx.SCRIPT}Eve {fx.IMG}", "new"), ("Ben Cole", "departed")]
    assert v["cast"][0]["character"] == "Captain Mara" and [l["n"] for l in v["cast"][0]["links"]] == [1, 3]
    assert [(c["role"], c["person"]) for c in v["crew"]] == [("director", "Dan Dir")]
    assert len(v["disagreements"]) == 2 and len(v["updates"]) == 2
    assert {(c["a"]["value"], c["b"]["value"]) for c in v["updates"]} == {("late 2025", "early 2026"),
                                                                         ("2027", "early 2026")}
    assert [f["disputed"] for f in v["figures"]] == [True, True]
    assert [s["url"] for s in v["sources"]] == [None, "https://example.com/night-harbor", None, None]


def test_evidence_offsets_follow_the_browser():
    body = "a 🎬\r\nb 😀 Evidence here."
    start = body.index("Evidence")
    shown = view.body_text(body)
    offset = view.js_offset(body, start)
    assert shown.encode("utf-16-le")[offset * 2:(offset + 8) * 2].decode("utf-16-le") == "Evidence"
    assert view.js_offset("plain text", 3) == 3


def test_urls_are_only_http():
    assert view.safe_url("javascript:alert(1)") is None
    assert view.safe_url(" JavaScript:alert(1)") is None
    assert view.safe_url("data:text/html,x") is None
    assert view.safe_url("raw/a.txt") is None
    assert view.safe_url("https://example.com/a") == "https://example.com/a"


def test_injection_is_escaped(pages):
    text = pages[1].read_text(encoding="utf-8")
    assert "<script>alert" not in text and "<img" not in text and "<b>Evil" not in text
    assert 'href="javascript:' not in text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;Eve" in text            # the person's name
    assert "&lt;img src=x onerror=alert(1)&gt;" in text                  # the body and the title
    assert "&lt;a href=&#34;javascript:alert(1)&#34;&gt;click me&lt;/a&gt;" in text
    assert text.count("<script>") == 1                                   # the page's own script only
    assert "script-src &#39;sha256-" in text and "default-src &#39;none&#39;" in text


def test_chart_spec_holds_no_article_text(night_harbor):
    spec = charts.timeline_spec(night_harbor.timeline)
    dumped = json.dumps(spec)
    assert "script" not in dumped and "Night Harbor" not in dumped
    assert {p["panel"] for p in spec["data"]["values"]} == {"Release · season 2"}
    assert {p["style"] for p in spec["data"]["values"]} == {"stated", "denied"}


def test_single_work_and_quotes_in_titles(warehouse, tmp_path):
    out = tmp_path / "one.html"
    result = runner.invoke(app, ["report", "--warehouse", str(warehouse), "--work", "O'Brien's Way",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "O&#39;Brien&#39;s Way</h1>" in out.read_text(encoding="utf-8")
    result = runner.invoke(app, ["report", "--warehouse", str(warehouse), "--work", "NIGHT HARBOR",
                                 "--out", str(tmp_path / "pages")])
    assert result.exit_code == 0 and (tmp_path / "pages" / "night-harbor.html").exists()


@pytest.mark.parametrize("args, code, message", [
    (["--work", "No Such Show"], 2, "unknown --work 'No Such Show'"),
    (["--warehouse", "{tmp}/none"], 2, "no warehouse at"),
    (["--out", "{tmp}/file.txt/report.html"], 1, "cannot write"),
])
def test_errors_are_one_line(warehouse, tmp_path, args, code, message):
    (tmp_path / "file.txt").write_text("x")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    base = ["report", "--warehouse", str(warehouse), "--out", str(tmp_path / "r.html")]
    result = runner.invoke(app, base + args)
    assert result.exit_code == code
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_layout():
    from pathlib import Path

    assert site.layout(Path("out/report.html"), False) == site.Layout(Path("out/report.html"), Path("out/report"))
    assert site.layout(Path("out"), False) == site.Layout(Path("out/index.html"), Path("out"))
    assert site.slugify("Thelma & Louise", set()) == "thelma-louise"
    taken = {"index"}
    assert site.slugify("Index", taken) == "index-2"


# ------------------------------------------------------------------ in Chromium
@needs_chromium
def test_rendered_page_has_chart_cast_and_highlights_evidence(pages):
    with Browser() as b:
        b.open(pages[1])
        assert b.evaluate("document.querySelectorAll('figure.chart > svg').length") == 1
        assert b.evaluate("document.querySelectorAll('figure.chart svg path, figure.chart svg rect').length") > 5
        cast = b.evaluate("[...document.querySelectorAll('table.cast tbody tr')].map("
                          "r => [...r.cells].slice(0, 4).map(c => c.textContent.trim()))")
        assert cast == [["Ana Ruiz", "Captain Mara", "season 2", "returning"],
                        [f"{fx.SCRIPT}Eve {fx.IMG}", "", "season 2", "new"],
                        ["Ben Cole", "", "season 2", "departed"]]
        assert b.evaluate("document.querySelector('#src-s3').open") is False
        # Ben Cole's second link: source 3, Windows line ends and emoji before the sentence
        b.click("table.cast tbody tr:nth-child(3) a.ev:nth-of-type(2)")
        assert b.evaluate("document.querySelector('#src-s3').open") is True
        assert b.evaluate("document.querySelectorAll('mark.evidence').length") == 1
        assert b.evaluate("document.querySelector('#src-s3 mark.evidence').textContent") == fx.S3_EXIT
        visible = b.evaluate("(() => { const r = document.querySelector('mark.evidence').getBoundingClientRect();"
                             " return r.top >= 0 && r.bottom <= innerHeight; })()")
        assert visible
        b.click("#conflicts .kind-update .side:nth-of-type(1) a.ev")
        assert b.evaluate("document.querySelectorAll('mark.evidence').length") == 1   # the last one only
        assert b.evaluate("document.querySelector('mark.evidence').textContent") == fx.S1_RELEASE
        assert b.dialogs == []


@needs_chromium
def test_injection_runs_nothing_and_loads_nothing(pages):
    with Browser() as b:
        b.open(pages[1])
        b.click("table.cast tbody tr:nth-child(2) a.ev")          # Eve: the hostile source
        assert b.evaluate("document.querySelector('#src-s4 mark.evidence').textContent") == fx.S4_CAST
        assert b.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert b.evaluate("document.querySelectorAll('script').length") == 1
        assert b.evaluate("[...document.querySelectorAll('a[href]')].filter("
                          "a => !/^(#|\\.\\.\\/report\\.html$|https:\\/\\/example\\.com\\/)/.test("
                          "a.getAttribute('href'))).length") == 0
        assert fx.JS_LINK in b.evaluate("document.querySelector('#src-s4 .body').textContent")
        assert fx.SCRIPT in b.evaluate("document.querySelector('#src-s4 summary').textContent")
        assert b.dialogs == []
        assert [u for u in b.requests if not u.startswith("file://")] == []
        assert len(b.requests) == 1                               # the page itself, nothing else


@needs_chromium
def test_index_links_to_the_work_page(pages):
    with Browser() as b:
        b.open(pages[0])
        assert b.evaluate("[...document.querySelectorAll('table.works tbody a')].map(a => a.textContent)") == \
            ["Night Harbor"]
        assert b.dialogs == [] and len(b.requests) == 1
