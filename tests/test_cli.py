"""The CLI over a small warehouse built with the fake extractor (no Prefect)."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from fakes import YearDates
from scoop.cli import app
from scoop.pipeline import run_ingest

runner = CliRunner()


@pytest.fixture
def warehouse(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(" date 2025-01-02 A Headline\nThe film opens in 2026.", encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    run_ingest(raw, tmp_path / "wh", extractors=[YearDates()], project_root=tmp_path)
    return tmp_path / "wh"


def test_query_json_and_csv(warehouse):
    result = runner.invoke(app, ["query", "select value from dates", "--warehouse", str(warehouse), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"value": "2026"}]
    result = runner.invoke(app, ["query", "select title, published_on from sources", "--warehouse", str(warehouse),
                                 "--format", "csv"])
    assert result.stdout.splitlines() == ["title,published_on", "A Headline,2025-01-02"]


def test_query_errors_are_clear(warehouse, tmp_path):
    result = runner.invoke(app, ["query", "select nope from sources", "--warehouse", str(warehouse)])
    assert result.exit_code == 1 and "nope" in result.output
    result = runner.invoke(app, ["query", "select 1", "--warehouse", str(tmp_path / "none")])
    assert result.exit_code == 2 and "scoop run" in result.output
    result = runner.invoke(app, ["query", "delete from sources", "--warehouse", str(warehouse)])
    assert result.exit_code == 1       # read-only


def test_status_shows_runs_counts_and_reasons(warehouse):
    result = runner.invoke(app, ["status", "--warehouse", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "empty file" in result.stdout and "sources" in result.stdout and "partial" in result.stdout


def test_run_reports_missing_raw_folder(tmp_path):
    result = runner.invoke(app, ["run", "--raw", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "wh"),
                                 "--no-prefect"])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_every_command_has_help():
    for command in ("run", "query", "status", "serve", "bench", "evaluate", "timeml", "server"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output
    for sub in ("start", "stop", "status"):
        assert runner.invoke(app, ["server", sub, "--help"]).exit_code == 0


def test_bench_dates_on_articles_and_timeml(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(" date 2025-01-02 Headline\nThe sequel opens in late 2026, a year from now.",
                                    encoding="utf-8")
    result = runner.invoke(app, ["bench-dates", str(articles), "-f", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == 1 and report["rows"] >= 2 and report["tokens"] > 10
    assert report["times_heideltime"] > 0

    tml = tmp_path / "tml"
    tml.mkdir()
    (tml / "d.tml").write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>d</DOCID>\n'
        '<DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-01" functionInDocument="CREATION_TIME">'
        '1998-03-01</TIMEX3></DCT>\n<TEXT>Sales rose <TIMEX3 tid="t1" type="DATE" value="1998-02-28">yesterday'
        '</TIMEX3>.</TEXT>\n</TimeML>\n', encoding="utf-8")
    report = json.loads(runner.invoke(app, ["bench-dates", str(tml), "-f", "json"]).stdout)
    assert (report["articles"], report["rows"]) == (1, 1)

    result = runner.invoke(app, ["bench-dates", str(tmp_path / "missing")])
    assert result.exit_code == 2
