"""Raw folders and files as a careless or hostile user leaves them: nothing lost, nothing doubled, all said.

Every test ends with the invariants: one ``inputs`` row per input, a reason for
every quarantined input, no duplicate ids, and ``sources.uri`` naming a file
that holds the article.
"""
from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import duckdb
import pytest

from fakes import YearDates
from scoop import pipeline
from scoop.warehouse import store as wh
from scoop.pipeline import run_ingest
from scoop.warehouse import DB_NAME, PARQUET_DIR, RUN_MARKER, WorkingCopyError

A = " date 2025-03-01 Studio Renews Show For 2026\nThe studio renewed the show in 2025 for 2026.\n"
B = " date 2025-04-02 Filming Starts\nFilming started in 2024 and ends in 2025.\n"


@pytest.fixture
def project(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(A, encoding="utf-8")
    (raw / "b.txt").write_text(B, encoding="utf-8")
    return tmp_path


def ingest(project: Path, extractor=None, **kw) -> dict:
    kw.setdefault("project_root", project)
    return run_ingest(project / "raw", project / "warehouse", extractors=[extractor or YearDates()], **kw)


def q(project: Path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(project / "warehouse" / DB_NAME), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def status_of(project: Path) -> dict[str, str]:
    return dict(q(project, "SELECT uri, status FROM inputs"))


def invariants(project: Path, expected_inputs: int) -> None:
    """inputs count = inputs on disk (plus missing), reasons for quarantine, unique ids, true uris."""
    assert q(project, "SELECT count(*), count(DISTINCT uri) FROM inputs") == [(expected_inputs, expected_inputs)]
    assert q(project, "SELECT uri FROM inputs WHERE status = 'quarantined' "
                      "AND uri NOT IN (SELECT uri FROM quarantine WHERE reason <> '')") == []
    for table, key in (("sources", "source_id"), ("dates", "date_id")):
        assert q(project, f"SELECT {key} FROM {table} GROUP BY {key} HAVING count(*) > 1") == []
    # every loaded article is in sources, under the uri of an input that holds it now
    assert q(project, "SELECT uri FROM inputs WHERE status IN ('loaded', 'unchanged') "
                      "AND source_id NOT IN (SELECT source_id FROM sources)") == []
    for uri, sid in q(project, "SELECT uri, source_id FROM sources"):
        assert q(project, "SELECT status FROM inputs WHERE uri = ? AND source_id = ?", [uri, sid]) \
            in ([("loaded",)], [("unchanged",)]), uri


# ------------------------------------------------------------------ symlinks and odd entries
@pytest.mark.parametrize("batch_size", [64, 1])
def test_symlink_and_target_are_two_inputs_one_article(project, batch_size):
    (project / "raw" / "link.txt").symlink_to(project / "raw" / "a.txt")
    summary = ingest(project, batch_size=batch_size)
    assert (summary["new"], summary["duplicate"]) == (2, 1)
    status = status_of(project)
    assert status["raw/a.txt"] == "loaded" and status["raw/link.txt"] == "duplicate"
    assert q(project, "SELECT note FROM inputs WHERE uri = 'raw/link.txt'") == [("same article as raw/a.txt",)]
    assert q(project, "SELECT uri FROM sources ORDER BY uri") == [("raw/a.txt",), ("raw/b.txt",)]
    invariants(project, 3)
    again = ingest(project, batch_size=batch_size)
    assert (again["unchanged"], again["duplicate"], again["new"]) == (2, 1, 0)
    invariants(project, 3)


def test_symlink_loop_fifo_and_broken_link_are_quarantined(project):
    raw = project / "raw"
    (raw / "loop.txt").symlink_to(raw / "loop.txt")
    (raw / "dangling.txt").symlink_to(raw / "nowhere.txt")
    os.mkfifo(raw / "pipe.txt")                     # opening it would block the run forever
    summary = ingest(project)
    assert summary["quarantined"] == 3 and summary["new"] == 2
    reasons = dict(q(project, "SELECT uri, reason FROM quarantine"))
    assert reasons["raw/loop.txt"] == "symbolic link loop: the link never reaches a file"
    assert reasons["raw/dangling.txt"].startswith("broken symbolic link:")
    assert reasons["raw/pipe.txt"] == "a FIFO (named pipe), not an article file"
    invariants(project, 5)


def test_hidden_entries_and_folder_links_are_skipped_out_loud(project, caplog):
    raw = project / "raw"
    (raw / ".draft.txt").write_text("A hidden draft from 2020.", encoding="utf-8")
    (raw / ".git").mkdir()
    (raw / ".git" / "HEAD").write_text("ref: refs/heads/main", encoding="utf-8")
    (raw / "mirror").symlink_to(raw, target_is_directory=True)      # would loop if followed
    summary = ingest(project)
    assert summary["skipped"] == [
        ("raw/.draft.txt", "hidden file or folder (name starts with '.')"),
        ("raw/.git", "hidden file or folder (name starts with '.')"),
        ("raw/mirror", "symbolic link to a folder; not followed"),
    ]
    assert "skipped raw/.draft.txt" in caplog.text
    invariants(project, 2)


def test_unreadable_subfolder_is_quarantined(project, monkeypatch):
    locked = project / "raw" / "locked"
    locked.mkdir()
    (locked / "c.txt").write_text("Locked away since 2019.", encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:                           # root reads anything: refuse the folder ourselves
        real = os.scandir

        def scandir(path="."):
            if isinstance(path, (str, os.PathLike)) and Path(path) == locked:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
    try:
        summary = ingest(project)
    finally:
        locked.chmod(0o755)
    assert summary["quarantined"] == 1 and summary["status"] == "partial"
    assert q(project, "SELECT reason FROM quarantine WHERE uri = 'raw/locked'") == [
        ("cannot read folder: Permission denied; its files were not ingested",)]
    invariants(project, 3)


# ------------------------------------------------------------------ bytes read wrongly
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_decoded(project, encoding):
    text = " date 2025-05-05 Wide Encoding\nCaf\u00e9 sequel confirmed for 2027.\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    (project / "raw" / "wide.txt").write_bytes(data)
    ingest(project)
    assert status_of(project)["raw/wide.txt"] == "loaded"
    body, = q(project, "SELECT body FROM sources WHERE uri = 'raw/wide.txt'")[0]
    assert body == "Wide Encoding\nCaf\u00e9 sequel confirmed for 2027."
    note, enc = q(project, "SELECT note, encoding FROM inputs WHERE uri = 'raw/wide.txt'")[0]
    assert enc == encoding[:6] and "byte-order mark" in note
    invariants(project, 3)


def test_nul_after_the_sniffed_head_is_stripped_and_noted(project):
    text = "Long story about 2026. " * 400             # ~9 KB, past the 8 KB binary sniff
    (project / "raw" / "nul.txt").write_bytes(text.encode() + b"\x00tail from 2031.")
    (project / "raw" / "blob.txt").write_bytes(text.encode() + b"\x00\x01\x02" * 2000)
    summary = ingest(project)
    status = status_of(project)
    assert status["raw/nul.txt"] == "loaded" and status["raw/blob.txt"] == "quarantined"
    assert q(project, "SELECT count(*) FROM sources WHERE body LIKE '%' || chr(0) || '%'") == [(0,)]
    assert q(project, "SELECT body LIKE '%tail from 2031.' FROM sources WHERE uri = 'raw/nul.txt'") == [(True,)]
    assert "1 NUL character(s) removed" in q(project, "SELECT note FROM inputs WHERE uri = 'raw/nul.txt'")[0][0]
    assert q(project, "SELECT reason FROM quarantine WHERE uri = 'raw/blob.txt'")[0][0] \
        == "binary file: 2000 NUL bytes after the first 8 KB, not article text"
    assert summary["quarantined"] == 1
    invariants(project, 4)


@pytest.mark.parametrize("year", ["0001", "9999"])
def test_absurd_header_year_is_noted_and_the_dates_survive(project, year):
    from scoop.extract.dates import DatesExtractor

    (project / "raw" / "odd.txt").write_text(
        f" date {year}-01-01 Odd Year Header\nPublished: March 3, 2025 10:00 IST\n"
        "The show returns next year, in late 2026.\n", encoding="utf-8")
    summary = ingest(project, DatesExtractor())
    assert summary["status"] == "partial"
    assert q(project, "SELECT published_on::VARCHAR, published_on_basis FROM sources WHERE uri = 'raw/odd.txt'") \
        == [("2025-03-03", "byline")]
    reason = q(project, "SELECT stage, reason FROM quarantine WHERE uri = 'raw/odd.txt'")
    assert reason[0][0] == "parse" and f"header date '{year}-01-01' is not a valid date (outside 1900.." \
        in reason[0][1]
    dates = q(project, "SELECT d.text, d.value FROM dates d JOIN sources s USING (source_id) "
                       "WHERE s.uri = 'raw/odd.txt' ORDER BY d.char_start")
    assert ("next year", "2026") in dates and ("late 2026", "2026") in dates     # resolved against 2025
    assert q(project, "SELECT count(*) FROM quarantine WHERE stage = 'extract'") == [(0,)]
    invariants(project, 3)


# ------------------------------------------------------------------ uris that stay true
def test_renamed_file_moves_its_article_to_the_new_name(project):
    ingest(project)
    sid = q(project, "SELECT source_id FROM inputs WHERE uri = 'raw/a.txt'")[0][0]
    (project / "raw" / "a.txt").rename(project / "raw" / "z.txt")
    summary = ingest(project)
    assert (summary["new"], summary["missing"], summary["duplicate"]) == (1, 1, 0)
    assert status_of(project) == {"raw/a.txt": "missing", "raw/b.txt": "unchanged", "raw/z.txt": "loaded"}
    assert q(project, "SELECT uri FROM sources WHERE source_id = ?", [sid]) == [("raw/z.txt",)]
    invariants(project, 3)
    (project / "raw" / "z.txt").rename(project / "raw" / "a.txt")      # and back
    ingest(project)
    assert q(project, "SELECT uri FROM sources WHERE source_id = ?", [sid]) == [("raw/a.txt",)]
    assert status_of(project)["raw/z.txt"] == "missing"
    invariants(project, 3)


def test_editing_a_duplicates_original_hands_the_article_to_the_copy(project):
    (project / "raw" / "copy.txt").write_text(A, encoding="utf-8")
    ingest(project)
    sid = q(project, "SELECT source_id FROM inputs WHERE uri = 'raw/a.txt'")[0][0]
    assert status_of(project)["raw/copy.txt"] == "duplicate"
    (project / "raw" / "a.txt").write_text("Rewritten: a different story from 1999.", encoding="utf-8")
    summary = ingest(project)
    assert summary["changed"] == 2 and summary["duplicate"] == 0
    assert status_of(project) == {"raw/a.txt": "loaded", "raw/b.txt": "unchanged", "raw/copy.txt": "loaded"}
    assert q(project, "SELECT uri FROM sources WHERE source_id = ?", [sid]) == [("raw/copy.txt",)]
    assert q(project, "SELECT count(*) FROM sources") == [(3,)]
    invariants(project, 3)


def test_deleting_a_duplicates_original_hands_the_article_to_the_copy(project):
    (project / "raw" / "copy.txt").write_text(A, encoding="utf-8")
    ingest(project)
    (project / "raw" / "a.txt").unlink()
    ingest(project)
    assert status_of(project) == {"raw/a.txt": "missing", "raw/b.txt": "unchanged", "raw/copy.txt": "loaded"}
    assert q(project, "SELECT uri FROM sources ORDER BY uri") == [("raw/b.txt",), ("raw/copy.txt",)]
    invariants(project, 3)


def test_uris_do_not_depend_on_the_working_directory(project, tmp_path_factory, monkeypatch):
    ingest(project)
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    summary = run_ingest((project / "raw").resolve(), (project / "warehouse").resolve(),
                         extractors=[YearDates()])             # no project_root: the cwd is elsewhere
    assert (summary["unchanged"], summary["new"], summary["missing"]) == (2, 0, 0)
    assert sorted(status_of(project)) == ["raw/a.txt", "raw/b.txt"]
    invariants(project, 2)


def test_warehouse_inside_the_raw_folder_is_not_ingested(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(A, encoding="utf-8")
    for _ in range(2):
        summary = run_ingest(raw, raw / "warehouse", extractors=[YearDates()])
    assert summary["read"] == 1 and summary["quarantined"] == 0
    assert ("raw/warehouse", "the warehouse folder; not read as input") in summary["skipped"]
    con = duckdb.connect(str(raw / "warehouse" / DB_NAME), read_only=True)
    try:
        assert con.execute("SELECT uri, status FROM inputs").fetchall() == [("raw/a.txt", "unchanged")]
    finally:
        con.close()


# ------------------------------------------------------------------ failures around publish
def test_disk_full_while_copying_leaves_no_working_copy(project, monkeypatch):
    ingest(project)
    before = (project / "warehouse" / DB_NAME).read_bytes()
    (project / "raw" / "c.txt").write_text("A third story from 2030.", encoding="utf-8")

    def copy_until_full(src, dst, **kw):
        Path(dst).write_bytes(Path(src).read_bytes()[:4096])       # half a copy, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(wh.shutil, "copyfile", copy_until_full)
    with pytest.raises(WorkingCopyError, match="No space left on device.*unchanged"):
        ingest(project)
    assert not (project / "warehouse" / f"{DB_NAME}.next").exists()
    assert (project / "warehouse" / DB_NAME).read_bytes() == before
    monkeypatch.undo()
    assert ingest(project)["new"] == 1
    invariants(project, 3)


def test_parquet_export_error_after_publish_says_what_was_committed(project, monkeypatch):
    def broken_export(warehouse, tables=None):
        (warehouse / PARQUET_DIR / RUN_MARKER).unlink(missing_ok=True)
        raise OSError(errno.ENOSPC, "No space left on device")

    ingest(project)
    (project / "raw" / "c.txt").write_text("A third story from 2030.", encoding="utf-8")
    monkeypatch.setattr(pipeline, "export_parquet", broken_export)
    summary = ingest(project)                                          # no exception: the data is in
    assert summary["committed"] is True and summary["new"] == 1
    assert len(summary["warnings"]) == 1 and "is committed to" in summary["warnings"][0]
    assert "Parquet export failed (OSError" in summary["warnings"][0]
    assert q(project, "SELECT count(*) FROM sources") == [(3,)]
    monkeypatch.undo()
    ingest(project)                                                    # the next run redoes the export
    assert (project / "warehouse" / PARQUET_DIR / RUN_MARKER).read_text() == \
        q(project, "SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1")[0][0]
    shutil.rmtree(project / "warehouse" / PARQUET_DIR)
    invariants(project, 3)


def test_prefect_failing_after_publish_returns_the_committed_run(monkeypatch):
    import flows.ingest as ingest_flow

    committed = {"run_id": "r1", "status": "success", "new": 2, "warnings": []}

    def flow_that_loses_its_server(**params):
        ingest_flow._committed = committed                # published, then the API is gone
        raise RuntimeError("Cannot connect to Prefect API at http://127.0.0.1:4242/api\nretries exhausted")

    monkeypatch.setattr(ingest_flow, "ingest", flow_that_loses_its_server)
    summary = ingest_flow.run_flow(raw_dir="raw")
    assert summary["new"] == 2 and summary["run_id"] == "r1"
    assert summary["warnings"] == [
        "run r1 is committed to the warehouse, but Prefect failed after it (RuntimeError: Cannot connect to "
        "Prefect API at http://127.0.0.1:4242/api); Prefect may show the flow run as crashed"]

    def flow_that_fails_before(**params):
        raise RuntimeError("lost before publish")

    monkeypatch.setattr(ingest_flow, "ingest", flow_that_fails_before)
    with pytest.raises(RuntimeError, match="lost before publish"):      # nothing committed: still an error
        ingest_flow.run_flow(raw_dir="raw")
