"""`scoop prune --missing`: forget the articles whose files are gone, when the user asks for it.

A refresh keeps the rows of an input gone from the raw folder (``inputs.status
= 'missing'``), so deleting a file never loses data by accident. Pruning
deletes, in one transaction of a working copy published like a run:

- every ``missing`` ledger row (and its ``quarantine`` rows);
- every row of an article no remaining input holds (a file still present that
  holds the same article keeps it), in every per-article table;
- then people are resolved again over what is left, and Parquet is re-exported.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from scoop import contract as T
from scoop.warehouse import DB_NAME, WorkingCopy, export_parquet, run_lock

# articles held by missing inputs only: no other input row names them
_GONE_SOURCES = """
    SELECT DISTINCT source_id FROM inputs
    WHERE status = 'missing' AND source_id IS NOT NULL
      AND source_id NOT IN (SELECT source_id FROM inputs WHERE status <> 'missing' AND source_id IS NOT NULL)
"""


def _count(con, sql: str, params: list) -> int:
    return con.execute(sql, params).fetchone()[0]


def prune_missing(warehouse: Path, *, wait_seconds: float = 0.0, finalizers: list | None = None) -> dict:
    """Delete the missing inputs and the articles only they held; returns what was removed.

    ``{"inputs": [uri, ...], "articles": n, "rows": {table: n}}``; nothing is written when
    there is nothing to remove. ``finalizers`` default to scoop's (person resolution).
    """
    if not (warehouse / DB_NAME).exists():
        raise FileNotFoundError(f"no warehouse at {warehouse / DB_NAME}; run `scoop run` first")
    if finalizers is None:
        from scoop.warehouse.people_ids import default_finalizers
        finalizers = default_finalizers()
    with run_lock(warehouse, wait_seconds=wait_seconds):
        run_id = "prune-" + datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        copy = WorkingCopy(warehouse, run_id)
        try:
            removed = _delete(copy.con)
            if not removed["inputs"]:
                copy.discard()
                return removed
            if removed["articles"]:
                for finalize in finalizers:
                    finalize(copy.con)
            copy.publish()
        except BaseException:
            copy.discard()
            raise
    export_parquet(warehouse)
    return removed


def _delete(con) -> dict:
    uris = [u for (u,) in con.execute("SELECT uri FROM inputs WHERE status = 'missing' ORDER BY uri").fetchall()]
    gone = [s for (s,) in con.execute(_GONE_SOURCES).fetchall()]
    rows: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    for table in (t.name for t in T.TABLES.values() if t.per_source):
        rows[table] = _count(con, f"SELECT count(*) FROM {table} WHERE source_id IN (SELECT unnest($1))",
                             [gone or [""]])
        con.execute(f"DELETE FROM {table} WHERE source_id IN (SELECT unnest($1))", [gone or [""]])
    rows["quarantine"] = _count(con, "SELECT count(*) FROM quarantine WHERE uri IN (SELECT unnest($1)) "
                                     "OR source_id IN (SELECT unnest($2))", [uris or [""], gone or [""]])
    con.execute("DELETE FROM quarantine WHERE uri IN (SELECT unnest($1)) OR source_id IN (SELECT unnest($2))",
                [uris or [""], gone or [""]])
    con.execute("DELETE FROM inputs WHERE status = 'missing'")
    rows["inputs"] = len(uris)
    con.execute("COMMIT")
    return {"inputs": uris, "articles": len(gone), "rows": {k: v for k, v in rows.items() if v}}
