"""Validation: every frame through its table's pandera schema; failing rows become quarantine rows.

Nothing is silently dropped: a row that fails any check leaves its table and
lands in ``quarantine`` with the failed checks as the reason and the row as
JSON. A schema-level failure (a missing column, a wrong type) quarantines the
whole frame, since no row of it can be trusted. A frame that passes
``scoop.contract.fast_check`` (nearly all) needs no pandera run. The schemas are derived from
the table spec (``scoop.contract``); every table has one.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import duckdb
import pandera.polars as pa
import polars as pl

from scoop.contract import TABLES, conform, polars_schema
from scoop.contract.fast_check import passes
from scoop.contract.pandera_schemas import BODY_LENGTH, pandera_schema


@dataclass(slots=True)
class Validated:
    valid: pl.DataFrame
    rejected: list[dict]     # quarantine rows without run_id/uri (the caller knows those)


def _row_json(row: dict) -> str:
    return json.dumps(row, default=str, ensure_ascii=False)[:4000]


def _describe(check: str, column: str | None) -> str:
    return f"{column}: {check}" if column and column != "None" else check


def _rejected(table: str, reason: str, row: dict) -> dict:
    return {"table_name": table, "reason": reason, "payload": _row_json(row), "source_id": row.get("source_id"),
            "uri": row.get("uri")}


def _failure_cases(table: str, checked: pl.DataFrame) -> pl.DataFrame | None:
    """pandera's failure cases of ``checked``; None when it passes (most frames: ``fast_check`` says so in
    one query, and pandera runs only on a frame it cannot clear)."""
    if passes(table, checked):
        return None
    schema = pandera_schema(table)
    try:
        schema.validate(checked, lazy=True)
        return None
    except pa.errors.SchemaErrors as err:
        return err.failure_cases
    except pa.errors.SchemaError as err:       # raised for errors pandera cannot collect lazily
        return pl.DataFrame({"check": [str(err)], "column": [None], "index": [None]},
                            schema={"check": pl.Utf8, "column": pl.Utf8, "index": pl.Int32})


def validate_frame(table: str, frame: pl.DataFrame, body_lengths: pl.DataFrame | None = None) -> Validated:
    """Validate ``frame`` eagerly; ``body_lengths`` (source_id, body_length) enables span checks."""
    if table not in TABLES or frame.height == 0:
        return Validated(frame, [])
    checked = frame
    if TABLES[table].span:
        lengths = body_lengths if body_lengths is not None else pl.DataFrame(
            schema={"source_id": pl.Utf8, BODY_LENGTH: pl.Int64})
        checked = frame.join(lengths, on="source_id", how="left")
    cases = _failure_cases(table, checked)
    if cases is None:
        return Validated(frame, [])
    if cases.filter(pl.col("index").is_null()).height:
        # a frame-level failure: every row is suspect
        reasons = "; ".join(sorted({_describe(str(r["check"]), r["column"])
                                    for r in cases.filter(pl.col("index").is_null()).iter_rows(named=True)}))
        rejected = [_rejected(table, f"schema failed ({reasons})", row) for row in frame.iter_rows(named=True)]
        return Validated(frame.clear(), rejected)
    by_row = (cases.with_columns(reason=pl.struct("check", "column").map_elements(
                  lambda s: _describe(str(s["check"]), s["column"]), return_dtype=pl.Utf8))
              .group_by("index").agg(pl.col("reason").unique().sort().str.join("; ")))
    bad = set(by_row["index"].to_list())
    reasons = dict(zip(by_row["index"].to_list(), by_row["reason"].to_list()))
    rows = frame.with_row_index("__row")
    rejected = [
        _rejected(table, f"failed checks: {reasons[row['__row']]}", {k: v for k, v in row.items() if k != "__row"})
        for row in rows.filter(pl.col("__row").is_in(list(bad))).iter_rows(named=True)
    ]
    return Validated(rows.filter(~pl.col("__row").is_in(list(bad))).drop("__row"), rejected)


def validate_quarantine(frame: pl.DataFrame, run_id: str) -> pl.DataFrame:
    """Quarantine rows, validated: one that fails is itself quarantined, wrapped in a valid row."""
    checked = validate_frame("quarantine", frame)
    if not checked.rejected:
        return checked.valid
    wrapped = [{"uri": (json.loads(r["payload"]).get("uri") if r["payload"] else None) or "?", "stage": "validate",
                "table_name": "quarantine", "reason": r["reason"], "payload": r["payload"], "run_id": run_id,
                "source_id": r["source_id"]} for r in checked.rejected]
    return pl.concat([checked.valid, pl.DataFrame(wrapped, schema=polars_schema("quarantine"))], how="vertical")


def validate_stored(con: duckdb.DuckDBPyConnection, table: str, run_id: str) -> list[dict]:
    """Validate a table rebuilt in the warehouse: failing rows move to ``quarantine`` (its quarantine
    rows from the previous rebuild go). Returns the quarantine rows written."""
    key = TABLES[table].key
    checked = validate_frame(table, conform(con.table(table).pl(), table))
    rows = [{"uri": f"{table}/" + "/".join(str(json.loads(r["payload"]).get(k)) for k in key),
             "stage": "validate", "table_name": table, "reason": r["reason"], "payload": r["payload"],
             "run_id": run_id, "source_id": None} for r in checked.rejected]
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM quarantine WHERE table_name = $1 AND stage = 'validate'", [table])
    if rows:
        bad = pl.DataFrame([{k: json.loads(r["payload"]).get(k) for k in key} for r in rows],
                           schema=polars_schema(table, key))
        con.register("rejected_keys", bad)
        match = " AND ".join(f't."{k}" = r."{k}"' for k in key)
        con.execute(f"DELETE FROM {table} t WHERE EXISTS (SELECT 1 FROM rejected_keys r WHERE {match})")
        con.unregister("rejected_keys")
        con.register("rejected_rows", pl.DataFrame(rows, schema=polars_schema("quarantine")))
        con.execute("INSERT INTO quarantine SELECT * FROM rejected_rows")
        con.unregister("rejected_rows")
    con.execute("COMMIT")
    return rows
