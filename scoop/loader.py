"""The load stage: applies a run to its working copy (``scoop.pipeline`` sequences it).

The staged Parquet of every article the run wrote replaces that article's rows; the run's
ledger replaces the ``inputs`` rows it looked at, and its quarantine rows the old problems of
what it re-read; cross-article steps (people) run after; the ``runs`` row closes it.

The working copy is the run's own, and a run that fails anywhere is discarded whole
(``WorkingCopy.discard``): the publish is what is atomic, not a transaction. So the staged rows
go in a few files per commit: DuckDB holds a transaction's new rows in memory until it
commits. Inserting the staged files of 19,043 Reuters articles in one transaction raised the
process's memory by 97 MB, in commits of ``FILES_PER_COMMIT`` files by 64 MB (2,000 articles:
21 and 18 MB); in a whole run the load's own peak fell from 320 to 302 MB.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import polars as pl

from scoop import contract as T, filestats
from scoop.runstate import Ledger, RunState, quarantine_row
from scoop.validate import validate_frame, validate_quarantine, validate_stored

# ledger rows (inputs, file stats) built, validated and inserted at a time
LEDGER_CHUNK = 5_000
# staged Parquet files (one per batch and table) inserted per commit: about 2,000 articles
FILES_PER_COMMIT = 32


def reject(run_id: str, record: Ledger, rejected: list[dict], uri_of: dict[str, str], *, stage: str) -> None:
    """Rows that failed their schema become quarantine rows in ``record``."""
    for row in rejected:
        sid = row.get("source_id")
        record.quarantine.append(quarantine_row(
            run_id, row.get("uri") or uri_of.get(sid, sid or "?"), stage, row["reason"], payload=row["payload"],
            table_name=row["table_name"], source_id=sid))
        record.counts["rows_quarantined"] += 1


def validated(run_id: str, record: Ledger, table: str, frame: pl.DataFrame,
              uri_of: dict | None = None) -> pl.DataFrame:
    """The valid rows of ``frame``; the others are quarantined in ``record``."""
    checked = validate_frame(table, frame)
    reject(run_id, record, checked.rejected, uri_of or {}, stage="validate")
    return checked.valid


def _replace_rows(con, staging: Path, written: list[str], per_source: list[str]) -> None:
    """The articles this run wrote: their old rows out, the staged Parquet in, a few files per commit."""
    con.execute("BEGIN TRANSACTION")
    for table in per_source:
        con.execute(f"DELETE FROM {table} WHERE source_id IN (SELECT unnest($1))", [written])
    con.execute("COMMIT")
    for table in per_source:
        files = sorted(str(f) for f in (staging / table).glob("*.parquet"))
        cols = ", ".join(f'"{c}"' for c in T.TABLES[table].column_names)
        for start in range(0, len(files), FILES_PER_COMMIT):
            con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM "
                        "read_parquet($1, union_by_name = true)", [files[start:start + FILES_PER_COMMIT]])


def _insert_frame(con, table: str, frame: pl.DataFrame) -> None:
    con.register("run_frame", frame)
    con.execute(f"INSERT INTO {table} SELECT * FROM run_frame")
    con.unregister("run_frame")


def _record_inputs(run: RunState, con, written: list[str]) -> None:
    """The ledger (one row per raw input this run looked at), the file stats and the quarantine."""
    record, full = run.ledger, run.settings.full
    rows = record.outcomes.frame()
    # a few thousand rows at a time: the ledger is the one part of a run as long as the raw folder
    for start in range(0, rows.height, LEDGER_CHUNK):
        inputs = T.conform(rows.slice(start, LEDGER_CHUNK), "inputs")
        inputs = validated(run.run_id, record, "inputs", inputs)
        con.register("run_inputs", inputs)
        con.execute("DELETE FROM inputs WHERE uri IN (SELECT uri FROM run_inputs)")
        con.unregister("run_inputs")
        _insert_frame(con, "inputs", inputs)
    del rows
    filestats.save(con, record.file_stats.frame(), chunk=LEDGER_CHUNK)
    # quarantine holds current problems: a re-read input or re-extracted article replaces its old ones
    reread = sorted(record.reread_uris)
    if full:                   # every input re-read, every article re-extracted
        con.execute("DELETE FROM quarantine")
    con.execute("DELETE FROM quarantine WHERE uri IN (SELECT unnest($1))", [reread or [""]])
    con.execute("DELETE FROM quarantine WHERE source_id IN (SELECT unnest($1))", [written or [""]])
    if record.quarantine:
        _insert_frame(con, "quarantine", validate_quarantine(T.conform(
            pl.DataFrame(record.quarantine, schema=T.polars_schema("quarantine")), "quarantine"), run.run_id))


def load_run(run: RunState) -> dict:
    """Apply the run to the working copy; returns the ``runs`` row."""
    con, record, settings = run.copy.con, run.ledger, run.settings
    per_source = [t.name for t in T.TABLES.values() if t.per_source]
    written = sorted(run.written_sources)
    with record.timed("load"):
        if written:
            _replace_rows(con, run.copy.staging, written, per_source)
        con.execute("BEGIN TRANSACTION")
        _record_inputs(run, con, written)
        # an article no input refers to any more (its file was edited into another) goes with its rows
        for table in per_source:
            con.execute(f"DELETE FROM {table} WHERE source_id NOT IN "
                        "(SELECT source_id FROM inputs WHERE source_id IS NOT NULL)")
        con.execute("COMMIT")
    if written or settings.full:
        for finalize in settings.finalizers:
            with record.timed(f"finalize:{finalize.__name__}"):
                finalize(con)
        for table in T.tables_written(T.REBUILD):     # people: validated where it is rebuilt
            rejected = validate_stored(con, table, run.run_id)
            record.quarantine += rejected
            record.counts["rows_quarantined"] += len(rejected)
    with record.timed("views"):
        from scoop.warehouse.views import create_views
        create_views(con)
    return record_run(run)


def record_run(run: RunState, status: str | None = None) -> dict:
    """The run's ``runs`` row, inserted and returned."""
    c, record, settings = run.ledger.counts, run.ledger, run.settings
    quarantined_now = record.outcomes.count("status", "quarantined")
    status = status or ("partial" if quarantined_now or record.quarantine else "success")
    row = {
        "run_id": run.run_id, "started_at": settings.started_at,
        "finished_at": datetime.now(timezone.utc).replace(tzinfo=None), "status": status,
        "read": c["read"], "new": c["new"], "changed": c["changed"], "unchanged": c["unchanged"],
        "duplicate": c["duplicate"], "quarantined": c["quarantined"], "missing": c["missing"],
        "reextracted": c["reextracted"], "rows_quarantined": c["rows_quarantined"],
        "full_rebuild": settings.full, "extractor_versions": json.dumps(settings.versions, sort_keys=True),
        "stage_seconds": json.dumps({k: round(v, 3) for k, v in sorted(record.stage_seconds.items())}),
    }
    _insert_frame(run.copy.con, "runs", T.conform(pl.DataFrame([row], schema=T.polars_schema("runs")), "runs"))
    return row
