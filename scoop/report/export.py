"""The views as files: ``<view>.csv``, ``<view>.parquet`` or ``<view>.jsonl``, one per view.

CSV has a header row, ISO dates and empty cells for NULL; JSON Lines has one object per row with
ISO dates and null; Parquet keeps the DuckDB types. Each file is written under a temporary name
and renamed, so a reader never sees half a file.
"""
from __future__ import annotations

import os
from pathlib import Path

import duckdb

# file name -> view (cast is an SQL keyword: the file is cast.*, read from cast_members)
VIEWS = {"cast": "cast_members", "claim_facts": "claim_facts", "claim_timeline": "claim_timeline",
         "claim_conflicts": "claim_conflicts"}


class ExportError(Exception):
    """The export cannot be written, said in one line."""


def _relation(con: duckdb.DuckDBPyConnection, view: str) -> duckdb.DuckDBPyRelation:
    return con.table(view)


def write_view(con: duckdb.DuckDBPyConnection, view: str, target: Path, fmt: str) -> int:
    """Write one view to ``target`` (renamed into place); returns its row count."""
    relation = _relation(con, view)
    tmp = target.with_name(f".{target.name}.tmp")
    if fmt == "csv":
        relation.write_csv(str(tmp), header=True)
    elif fmt == "parquet":
        relation.write_parquet(str(tmp))
    elif fmt == "jsonl":
        relation.pl().write_ndjson(tmp)
    else:
        raise ExportError(f"unknown format {fmt!r}: csv, parquet or jsonl")
    os.replace(tmp, target)
    return relation.aggregate("count(*)").fetchall()[0][0]


def export_views(con: duckdb.DuckDBPyConnection, out: Path, fmt: str) -> list[tuple[Path, int]]:
    """Write every view into ``out``; returns (file, rows) per view."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot write --out {out}: {exc.strerror or exc}") from None
    written = []
    for name, view in VIEWS.items():
        target = out / f"{name}.{fmt}"
        try:
            written.append((target, write_view(con, view, target, fmt)))
        except (OSError, duckdb.IOException) as exc:
            raise ExportError(f"cannot write {target}: {getattr(exc, 'strerror', None) or exc}") from None
    return written
