"""Incremental, idempotent, atomic ingest: the pipeline without Prefect, fake extractor, tmp folders."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from fakes import YearDates, make_project, query
from scoop import pipeline
from scoop.pipeline import run_ingest
from scoop.warehouse import DB_NAME, PARQUET_DIR, RUN_MARKER, WarehouseBusy, run_lock

ARTICLES = {
    "a.txt": " date 2025-03-01 Studio Renews Show For 2026\nThe studio renewed the show in 2025 for 2026.\n",
    "b.txt": " date 2025-04-02 Filming Starts\nFilming started in 2024 and ends in 2025.\n",
    "c.txt": "Published: May 5, 2025 10:00 IST\nThe sequel lands in 2027, reports say.\n",
}


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, ARTICLES)


def ingest(project: Path, extractor=None, **kw) -> dict:
    return run_ingest(project / "raw", project / "warehouse", extractors=[extractor or YearDates()],
                      project_root=project, **kw)


q = query


def invariant_holds(project: Path) -> None:
    """Every raw input has exactly one inputs row; every quarantined one has a reason."""
    uris = [u for (u,) in q(project, "SELECT uri FROM inputs")]
    assert len(uris) == len(set(uris))
    orphans = q(project, "SELECT uri FROM inputs WHERE status = 'quarantined' "
                         "AND uri NOT IN (SELECT uri FROM quarantine)")
    assert orphans == []


def test_first_run_loads_everything(project):
    summary = ingest(project)
    assert (summary["read"], summary["new"], summary["status"]) == (3, 3, "success")
    assert q(project, "SELECT count(*) FROM sources") == [(3,)]
    assert q(project, "SELECT uri FROM sources ORDER BY uri")[0][0] == "raw/a.txt"
    # offsets index into body
    bad = q(project, "SELECT d.text FROM dates d JOIN sources s USING (source_id) "
                     "WHERE substr(s.body, d.char_start + 1, d.char_end - d.char_start) <> d.text")
    assert bad == []
    assert (project / "warehouse" / PARQUET_DIR / "dates" / "data.parquet").exists()


def test_second_run_with_no_change_extracts_nothing_and_duplicates_nothing(project):
    extractor = YearDates()
    ingest(project, extractor)
    before = q(project, "SELECT count(*) FROM dates")
    calls = extractor.calls
    summary = ingest(project, extractor)
    assert extractor.calls == calls                       # no extraction at all
    assert (summary["unchanged"], summary["new"], summary["changed"]) == (3, 0, 0)
    assert q(project, "SELECT count(*) FROM dates") == before
    assert q(project, "SELECT count(*) FROM sources") == [(3,)]
    assert q(project, "SELECT count(*) FROM runs") == [(2,)]


def test_new_file_adds_only_its_rows(project):
    extractor = YearDates()
    ingest(project, extractor)
    (project / "raw" / "d.txt").write_text("A new article about 2030.", encoding="utf-8")
    calls = extractor.calls
    summary = ingest(project, extractor)
    assert summary["new"] == 1 and summary["unchanged"] == 3
    assert extractor.calls == calls + 1
    assert q(project, "SELECT count(*) FROM sources") == [(4,)]


def test_edited_file_replaces_its_own_rows(project):
    ingest(project)
    old_sid = q(project, "SELECT source_id FROM inputs WHERE uri = 'raw/a.txt'")[0][0]
    (project / "raw" / "a.txt").write_text("Rewritten: now it says 1999 only.", encoding="utf-8")
    summary = ingest(project)
    assert summary["changed"] == 1
    new_sid = q(project, "SELECT source_id FROM inputs WHERE uri = 'raw/a.txt'")[0][0]
    assert new_sid != old_sid
    assert q(project, f"SELECT count(*) FROM sources WHERE source_id = '{old_sid}'") == [(0,)]
    assert q(project, f"SELECT count(*) FROM dates WHERE source_id = '{old_sid}'") == [(0,)]
    assert q(project, f"SELECT value FROM dates WHERE source_id = '{new_sid}'") == [("1999",)]


def test_removed_file_keeps_rows_and_is_marked_missing(project):
    ingest(project)
    (project / "raw" / "b.txt").unlink()
    summary = ingest(project)
    assert summary["missing"] == 1
    assert q(project, "SELECT status FROM inputs WHERE uri = 'raw/b.txt'") == [("missing",)]
    assert q(project, "SELECT count(*) FROM sources") == [(3,)]
    invariant_holds(project)


def test_extractor_version_change_reextracts(project):
    ingest(project, YearDates(version="1"))
    v2 = YearDates(version="2")
    summary = ingest(project, v2)
    assert summary["reextracted"] == 3 and v2.calls == 3
    assert q(project, "SELECT DISTINCT version FROM extractions") == [("2",)]
    assert q(project, "SELECT count(*) FROM sources") == [(3,)]
    again = YearDates(version="2")
    ingest(project, again)
    assert again.calls == 0


def test_full_rebuild(project):
    ingest(project)
    summary = ingest(project, full=True)
    assert summary["new"] == 3 and summary["full_rebuild"] is True
    assert q(project, "SELECT count(*) FROM sources") == [(3,)]


def test_bad_inputs_are_ledgered_with_reasons(project):
    raw = project / "raw"
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.bin").write_bytes(b"\x00\x01\x02\x03" * 100)
    (raw / "latin.txt").write_bytes("Caf\u00e9 news from 2021.".encode("cp1252"))
    (raw / "big.txt").write_bytes(b"word " * 3000)
    (raw / "baddate.txt").write_text(" date 2025-13-45 Odd Header Title\nText from 2020.", encoding="utf-8")
    (raw / "copy-of-a.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    summary = ingest(project, max_bytes=10_000)
    status = dict(q(project, "SELECT uri, status FROM inputs"))
    assert status["raw/empty.txt"] == status["raw/binary.bin"] == status["raw/big.txt"] == "quarantined"
    assert status["raw/latin.txt"] == "loaded"
    assert status["raw/baddate.txt"] == "loaded"
    assert status["raw/copy-of-a.txt"] == "duplicate"
    reasons = dict(q(project, "SELECT uri, reason FROM quarantine"))
    assert reasons["raw/empty.txt"] == "empty file"
    assert "binary" in reasons["raw/binary.bin"]
    assert "article limit" in reasons["raw/big.txt"]
    assert "not a valid date" in reasons["raw/baddate.txt"]
    notes = dict(q(project, "SELECT uri, note FROM inputs"))
    assert "Windows-1252" in notes["raw/latin.txt"]
    assert "raw/a.txt" in notes["raw/copy-of-a.txt"]
    assert summary["status"] == "partial" and summary["quarantined"] == 3 and summary["duplicate"] == 1
    invariant_holds(project)
    # a second run keeps the same picture without re-reading anything
    again = ingest(project, max_bytes=10_000)
    assert again["quarantined"] == 3 and again["duplicate"] == 1 and again["new"] == 0
    invariant_holds(project)


def test_file_vanishing_mid_run_is_quarantined(project, monkeypatch):
    real_read = pipeline.read_raw

    def read_then_vanish(raw, **kw):
        if raw.uri.endswith("b.txt"):
            raw.path.unlink()
        return real_read(raw, **kw)

    monkeypatch.setattr(pipeline, "read_raw", read_then_vanish)
    ingest(project)
    assert q(project, "SELECT status FROM inputs WHERE uri = 'raw/b.txt'") == [("quarantined",)]
    assert "vanished" in q(project, "SELECT reason FROM quarantine WHERE uri = 'raw/b.txt'")[0][0]
    invariant_holds(project)


def test_failing_extractor_quarantines_that_article_only(project):
    summary = ingest(project, YearDates(explode_on="sequel"))
    assert summary["status"] == "partial"
    reason = q(project, "SELECT stage, reason FROM quarantine")
    assert reason[0][0] == "extract" and "RuntimeError: boom" in reason[0][1]
    assert q(project, "SELECT count(*) FROM sources") == [(3,)]


def test_invalid_rows_go_to_quarantine(project):
    class BadRows(YearDates):
        def extract(self, docs, context):
            frame = super().extract(docs, context)["dates"]
            return {"dates": frame.with_columns(
                timex_type=__import__("polars").when(frame["text"] == "2027").then(
                    __import__("polars").lit("NONSENSE")).otherwise(frame["timex_type"]),
                char_end=__import__("polars").when(frame["text"] == "2024").then(
                    __import__("polars").lit(10_000)).otherwise(frame["char_end"]))}

    summary = ingest(project, BadRows())
    assert summary["rows_quarantined"] == 2 and summary["status"] == "partial"
    rows = q(project, "SELECT table_name, reason FROM quarantine ORDER BY reason")
    assert all(t == "dates" for t, _ in rows)
    assert any("span_inside_body" in r for _, r in rows) and any("isin" in r for _, r in rows)
    assert q(project, "SELECT count(*) FROM dates WHERE text IN ('2027', '2024')") == [(0,)]


def test_refresh_while_a_reader_holds_the_file(project):
    ingest(project)
    reader = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import duckdb, sys, time
            con = duckdb.connect({str(project / 'warehouse' / DB_NAME)!r}, read_only=True)
            print(con.execute('select count(*) from sources').fetchone()[0], flush=True)
            time.sleep(30)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "3"
        (project / "raw" / "d.txt").write_text("Another one from 2031.", encoding="utf-8")
        summary = ingest(project)
        assert summary["new"] == 1
        assert q(project, "SELECT count(*) FROM sources") == [(4,)]
    finally:
        reader.kill()
        reader.wait()


KILLER = """
import sys, time
sys.path.insert(0, {tests!r})
from pathlib import Path
from fakes import YearDates
from scoop.pipeline import run_ingest

def stall(con):
    print("in-load", flush=True)
    time.sleep(60)

run_ingest(Path({raw!r}), Path({wh!r}), extractors=[YearDates()], finalizers=[stall], project_root=Path({root!r}))
"""


def test_run_killed_mid_load_leaves_previous_warehouse(project):
    ingest(project)
    (project / "raw" / "d.txt").write_text("Killed run article, 2032.", encoding="utf-8")
    script = KILLER.format(tests=str(Path(__file__).parent), raw=str(project / "raw"),
                           wh=str(project / "warehouse"), root=str(project))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "in-load"     # rows already inserted in the working copy
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert q(project, "SELECT count(*) FROM sources") == [(3,)]     # previous state, readable
    summary = ingest(project)
    assert summary["new"] == 1 and summary["status"] == "success"
    assert q(project, "SELECT count(*) FROM sources") == [(4,)]
    assert not (project / "warehouse" / f"{DB_NAME}.next").exists()


def test_interrupted_parquet_export_is_redone(project):
    ingest(project)
    marker = project / "warehouse" / PARQUET_DIR / RUN_MARKER
    marker.unlink()                                  # as if killed between publish and export
    import shutil
    shutil.rmtree(project / "warehouse" / PARQUET_DIR / "dates")
    ingest(project)                                  # no change, but the export is repaired
    assert (project / "warehouse" / PARQUET_DIR / "dates" / "data.parquet").exists()
    assert marker.read_text() == q(project, "SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1")[0][0]


def test_second_concurrent_run_exits_with_clear_message(project):
    (project / "warehouse").mkdir()
    with run_lock(project / "warehouse"):
        t0 = time.monotonic()
        with pytest.raises(WarehouseBusy, match="another scoop run"):
            ingest(project, wait_seconds=0.5)
        assert time.monotonic() - t0 >= 0.5
    assert ingest(project)["new"] == 3                 # and the warehouse is fine afterwards


def test_comments_document_every_column(project):
    ingest(project)
    undocumented = q(project, "SELECT table_name, column_name FROM duckdb_columns() "
                              "WHERE schema_name = 'main' AND comment IS NULL AND table_name IN "
                              "(SELECT table_name FROM duckdb_tables())")
    assert undocumented == []


def test_full_rebuild_keeps_run_history_and_missing_inputs(project):
    extractor = YearDates()
    ingest(project, extractor)
    (project / "raw" / "b.txt").unlink()
    (project / "raw" / "copy.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    ingest(project, extractor)
    calls = extractor.calls
    summary = ingest(project, extractor, full=True)
    assert q(project, "SELECT count(*) FROM runs") == [(3,)]
    assert dict(q(project, "SELECT uri, status FROM inputs")) == {
        "raw/a.txt": "loaded", "raw/b.txt": "missing", "raw/c.txt": "loaded", "raw/copy.txt": "duplicate"}
    # the gone file's article is re-extracted from its stored body, not dropped
    assert summary["reextracted"] == 1 and extractor.calls == calls + 3      # a, c, and b from its body
    assert q(project, "SELECT count(*), count(DISTINCT source_id) FROM sources") == [(3, 3)]
    assert q(project, "SELECT count(*) FROM dates d JOIN inputs i USING (source_id) "
                      "WHERE i.uri = 'raw/b.txt'") == [(2,)]
    invariant_holds(project)
