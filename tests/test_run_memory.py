"""A run's memory does not grow with the warehouse: DuckDB is capped, the ledger goes in chunks."""
from __future__ import annotations

import time

from fakes import YearDates, make_project, query
from scoop import defaults, loader
from scoop.pipeline import run_ingest
from scoop.warehouse.store import WorkingCopy, connect

HOUR_AGO = time.time() - 3600


def test_connect_sets_duckdbs_memory_limit(tmp_path):
    con = connect(tmp_path / "x.duckdb", memory_limit="64MB")
    try:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    finally:
        con.close()
    assert limit.replace(" ", "") in {"61.0MiB", "64.0MB", "61.0MB"}


def test_the_working_copy_runs_under_the_run_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(defaults, "RUN_DUCKDB_MEMORY", "96MB")
    copy = WorkingCopy(tmp_path, "run-1", fresh=True)
    try:
        limit = copy.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    finally:
        copy.discard()
    assert limit.replace(" ", "").startswith(("91.", "96."))


def test_a_ledger_longer_than_a_chunk_is_stored_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "LEDGER_CHUNK", 2)
    articles = {f"a{k}.txt": f"Story {k} happened in 20{10 + k}.\n" for k in range(7)}
    project = make_project(tmp_path, articles, mtime=HOUR_AGO)
    summary = run_ingest(project / "raw", project / "warehouse", extractors=[YearDates()])
    assert summary["new"] == 7
    assert query(project, "SELECT count(*), count(DISTINCT uri) FROM inputs") == [(7, 7)]
    assert query(project, "SELECT count(*) FROM input_stats") == [(7,)]
    # a second, no-change run replaces the ledger in chunks too: nothing doubled, nothing lost
    again = run_ingest(project / "raw", project / "warehouse", extractors=[YearDates()])
    assert again["unchanged"] == 7
    assert query(project, "SELECT count(*), count(DISTINCT uri) FROM inputs") == [(7, 7)]
    assert query(project, "SELECT count(*) FROM input_stats") == [(7,)]


def test_staged_rows_go_in_a_few_files_per_commit_and_none_is_lost(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "FILES_PER_COMMIT", 2)
    articles = {f"a{k}.txt": f"Story {k} happened in 20{10 + k}.\n" for k in range(7)}
    project = make_project(tmp_path, articles, mtime=HOUR_AGO)
    # batches of one article: seven staged files per table, loaded in four commits
    summary = run_ingest(project / "raw", project / "warehouse", extractors=[YearDates()], batch_size=1)
    assert summary["new"] == 7
    assert query(project, "SELECT count(*), count(DISTINCT source_id) FROM sources") == [(7, 7)]
    assert query(project, "SELECT count(*), count(DISTINCT source_id) FROM dates") == [(7, 7)]
    # an edited article replaces its rows: the old ones go, in their own commit, before the new ones come
    (project / "raw" / "a3.txt").write_text("Story 3 happened in 1999.\n")
    again = run_ingest(project / "raw", project / "warehouse", extractors=[YearDates()], batch_size=1)
    assert again["changed"] == 1
    assert query(project, "SELECT count(*) FROM sources") == [(7,)]
    assert sorted(r[0] for r in query(project, "SELECT value FROM dates"))[:1] == ["1999"]
