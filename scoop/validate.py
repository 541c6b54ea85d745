"""Validation: every frame through its pandera model; failing rows become quarantine rows.

Nothing is silently dropped: a row that fails any check leaves its table and
lands in ``quarantine`` with the failed checks as the reason and the row as
JSON. A schema-level failure (a missing column, a wrong type) quarantines the
whole frame, since no row of it can be trusted.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pandera.polars as pa
import polars as pl

from schemas import tables as models

MODELS: dict[str, type[pa.DataFrameModel]] = {
    "sources": models.Sources, "people": models.People, "inputs": models.Inputs,
    "quarantine": models.Quarantine, **models.SPAN_MODELS,
}


@dataclass(slots=True)
class Validated:
    valid: pl.DataFrame
    rejected: list[dict]     # quarantine rows without run_id/uri (the caller knows those)


def _row_json(row: dict) -> str:
    return json.dumps(row, default=str, ensure_ascii=False)[:4000]


def _describe(check: str, column: str | None) -> str:
    return f"{column}: {check}" if column and column != "None" else check


def validate_frame(table: str, frame: pl.DataFrame, body_lengths: pl.DataFrame | None = None) -> Validated:
    """Validate ``frame`` eagerly; ``body_lengths`` (source_id, body_length) enables span checks."""
    model = MODELS.get(table)
    if model is None or frame.height == 0:
        return Validated(frame, [])
    checked = frame
    if table in models.SPAN_MODELS:
        lengths = body_lengths if body_lengths is not None else pl.DataFrame(
            schema={"source_id": pl.Utf8, "body_length": pl.Int64})
        checked = frame.join(lengths, on="source_id", how="left")
    checked = checked.with_row_index("__row")
    try:
        model.validate(checked.drop("__row"), lazy=True)
        return Validated(frame, [])
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
    except pa.errors.SchemaError as err:       # raised for errors pandera cannot collect lazily
        cases = pl.DataFrame({"check": [str(err)], "column": [None], "index": [None]},
                             schema={"check": pl.Utf8, "column": pl.Utf8, "index": pl.Int32})
    if cases.filter(pl.col("index").is_null()).height:
        # a frame-level failure: every row is suspect
        reasons = "; ".join(sorted({_describe(str(r["check"]), r["column"])
                                    for r in cases.filter(pl.col("index").is_null()).iter_rows(named=True)}))
        rejected = [{"table_name": table, "reason": f"schema failed ({reasons})", "payload": _row_json(row),
                     "source_id": row.get("source_id")} for row in frame.iter_rows(named=True)]
        return Validated(frame.clear(), rejected)
    by_row = (cases.with_columns(reason=pl.struct("check", "column").map_elements(
                  lambda s: _describe(str(s["check"]), s["column"]), return_dtype=pl.Utf8))
              .group_by("index").agg(pl.col("reason").unique().sort().str.join("; ")))
    bad = set(by_row["index"].to_list())
    reasons = dict(zip(by_row["index"].to_list(), by_row["reason"].to_list()))
    rows = frame.with_row_index("__row")
    rejected = [
        {"table_name": table, "reason": f"failed checks: {reasons[row['__row']]}",
         "payload": _row_json({k: v for k, v in row.items() if k != "__row"}), "source_id": row.get("source_id")}
        for row in rows.filter(pl.col("__row").is_in(list(bad))).iter_rows(named=True)
    ]
    return Validated(rows.filter(~pl.col("__row").is_in(list(bad))).drop("__row"), rejected)
