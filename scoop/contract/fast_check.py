"""A table's schema checks as one polars ``select``: a frame that passes them all needs no pandera run.

pandera's polars backend runs each check of each column as a query of its own
(about 60 per extraction table), and validation was the largest part of the
main process's CPU in a run (a third of its busy samples on 500 articles),
CPU taken from the two workers extracting beside it. Nearly every frame is valid, so
``passes`` first evaluates every check of the table spec (types, nulls,
vocabularies, bounds, lengths, uniqueness, row checks) in one query. Only a
frame that fails goes to pandera, which finds and words the failing rows.

``passes`` may be stricter than pandera, never laxer: a frame it wrongly
fails only costs the pandera run. ``tests/test_fast_check.py`` checks that on
random corruptions of valid rows of every table.
"""
from __future__ import annotations

from functools import cache

import polars as pl

from scoop.contract.catalog import TABLES
from scoop.contract.derive import polars_schema
from scoop.contract.pandera_schemas import BODY_LENGTH
from scoop.contract.spec import Column


def _column_exprs(col: Column) -> list[pl.Expr]:
    c = pl.col(col.name)
    exprs = [] if col.nullable else [c.is_not_null().all()]
    if col.values is not None:
        exprs.append((c.is_null() | c.is_in(list(col.values))).all())
    if col.ge is not None:
        exprs.append((c.is_null() | (c >= col.ge)).all())
    if col.min_len is not None:
        exprs.append((c.is_null() | (c.str.len_chars() >= col.min_len)).all())
    if col.max_len is not None:
        exprs.append((c.is_null() | (c.str.len_chars() <= col.max_len)).all())
    if col.unique:
        exprs.append(c.is_duplicated().not_().all())     # nulls count as values: stricter than needed
    return exprs


@cache
def _plan(table: str) -> tuple[dict[str, pl.DataType], pl.Expr]:
    spec = TABLES[table]
    types = polars_schema(table)
    if spec.span:
        types[BODY_LENGTH] = pl.Int64
    exprs = [e for c in spec.columns for e in _column_exprs(c)]
    # a row check's null result counts as a pass (the spec's rule, and pandera's)
    exprs += [check.expr.fill_null(True).all() for check in spec.checks]
    return types, pl.all_horizontal(exprs).fill_null(False) if exprs else pl.lit(True)


def passes(table: str, frame: pl.DataFrame) -> bool:
    """True when ``frame`` meets every check of ``table``'s schema; False when any may fail (ask pandera)."""
    types, every_check = _plan(table)
    schema = frame.schema
    if any(schema.get(name) != dtype for name, dtype in types.items()):
        return False
    try:
        return bool(frame.select(every_check.alias("ok")).item())
    except pl.exceptions.PolarsError:      # a check that cannot even run here: pandera says what is wrong
        return False
