"""Refresh cost that does not grow with history: stat-first planning, --full keeps history, prune --missing."""
from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from fakes import YearDates, make_project
from scoop import filestats
from scoop.cli import app
from scoop.pipeline import run_ingest
from scoop.warehouse import DB_NAME

ARTICLES = {
    "a.txt": " date 2025-03-01 Studio Renews Show For 2026\nThe studio renewed the show in 2025 for 2026.\n",
    "b.txt": " date 2025-04-02 Filming Starts\nFilming started in 2024 and ends in 2025.\n",
    "c.txt": "Published: May 5, 2025 10:00 IST\nThe sequel lands in 2027, reports say.\n",
}
HOUR_AGO = time.time() - 3600


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, ARTICLES, mtime=HOUR_AGO)   # not racily new: its stat can be trusted


@pytest.fixture
def hashed(monkeypatch) -> list[str]:
    """The names of the files hashed, in order."""
    names: list[str] = []
    real = filestats.hash_file

    def counting(path: Path):
        names.append(path.name)
        return real(path)

    monkeypatch.setattr(filestats, "hash_file", counting)
    return names


def ingest(project: Path, extractor=None, **kw) -> dict:
    return run_ingest(project / "raw", project / "warehouse", extractors=[extractor or YearDates()],
                      project_root=project, **kw)


def q(project: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(project / "warehouse" / DB_NAME), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_no_change_refresh_hashes_nothing(project, hashed):
    ingest(project)
    assert sorted(hashed) == ["a.txt", "b.txt", "c.txt"]
    hashed.clear()
    summary = ingest(project)
    assert hashed == [] and summary["unchanged"] == 3 and summary["new"] == summary["changed"] == 0
    assert q(project, "SELECT count(*) FROM input_stats") == [(3,)]


def test_only_files_whose_stat_changed_are_hashed(project, hashed):
    extractor = YearDates()
    ingest(project, extractor)
    hashed.clear()
    raw = project / "raw"
    os.utime(raw / "a.txt", (HOUR_AGO + 60, HOUR_AGO + 60))                  # touched: same bytes
    (raw / "b.txt").write_text(ARTICLES["b.txt"].replace("2024", "2023"), encoding="utf-8")  # same size
    os.utime(raw / "b.txt", (HOUR_AGO, HOUR_AGO))          # even with its old mtime back (ctime moved)
    (raw / "d.txt").write_text("A new article about 2030.\n", encoding="utf-8")
    calls = extractor.calls
    summary = ingest(project, extractor)
    assert sorted(hashed) == ["a.txt", "b.txt", "d.txt"]
    assert (summary["unchanged"], summary["changed"], summary["new"]) == (2, 1, 1)
    assert extractor.calls == calls + 2                    # b and d only
    assert q(project, "SELECT count(*) FROM dates WHERE text = '2023'") == [(1,)]


def test_racily_new_files_are_hashed_again(tmp_path, hashed):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")     # mtime: now
    ingest(tmp_path)
    ingest(tmp_path)
    assert hashed == ["a.txt", "a.txt"]


def test_full_hashes_everything_and_keeps_history_and_missing_inputs(project, hashed):
    extractor = YearDates()
    ingest(project, extractor)
    (project / "raw" / "b.txt").unlink()
    ingest(project, extractor)
    hashed.clear()
    summary = ingest(project, extractor, full=True)
    assert sorted(hashed) == ["a.txt", "c.txt"]
    assert q(project, "SELECT count(*) FROM runs") == [(3,)]
    assert dict(q(project, "SELECT uri, status FROM inputs")) == {
        "raw/a.txt": "loaded", "raw/b.txt": "missing", "raw/c.txt": "loaded"}
    assert summary["reextracted"] == 1
    assert q(project, "SELECT count(*) FROM sources") == [(3,)]


def test_prune_missing_deletes_gone_articles_only(project):
    raw = project / "raw"
    (raw / "copy.txt").write_text(ARTICLES["c.txt"], encoding="utf-8")    # c's article, twice
    ingest(project)
    (raw / "b.txt").unlink()
    (raw / "c.txt").unlink()                 # its article lives on: copy.txt takes it over
    ingest(project)
    before = q(project, "SELECT count(*) FROM sources")[0][0]
    result = CliRunner().invoke(app, ["prune", "--missing", "--warehouse", str(project / "warehouse")])
    assert result.exit_code == 0, result.output
    assert "removed raw/b.txt" in result.output and "removed raw/c.txt" in result.output
    assert "pruned 2 missing inputs and 1 article;" in result.output
    assert before - q(project, "SELECT count(*) FROM sources")[0][0] == 1
    assert dict(q(project, "SELECT uri, status FROM inputs")) == {"raw/a.txt": "unchanged",
                                                                 "raw/copy.txt": "loaded"}
    assert q(project, "SELECT count(*) FROM dates d LEFT JOIN sources s USING (source_id) "
                      "WHERE s.source_id IS NULL") == [(0,)]
    assert q(project, "SELECT count(*) FROM extractions WHERE source_id NOT IN "
                      "(SELECT source_id FROM sources)") == [(0,)]
    # a run after the prune takes c's article over in copy.txt and keeps everything else
    summary = ingest(project)
    assert summary["missing"] == 0
    assert q(project, "SELECT uri FROM sources ORDER BY uri") == [("raw/a.txt",), ("raw/copy.txt",)]
    again = CliRunner().invoke(app, ["prune", "--missing", "--warehouse", str(project / "warehouse")])
    assert again.exit_code == 0 and "nothing to prune" in again.output


def test_prune_needs_what_to_prune(project):
    result = CliRunner().invoke(app, ["prune", "--warehouse", str(project / "warehouse")])
    assert result.exit_code == 2 and "--missing" in result.output
    result = CliRunner().invoke(app, ["prune", "--missing", "--warehouse", str(project / "nowhere")])
    assert result.exit_code == 2 and "no warehouse" in result.output
