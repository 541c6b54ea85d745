"""The pandera (polars) schema of every table, derived from the table spec.

Frames are validated eagerly (``lazy=True`` collects every failure): on a
LazyFrame pandera checks types only. Span tables are validated with an extra
``body_length`` column joined from their source, so "offsets inside body" and
"source exists" are ordinary row checks whose failing rows go to quarantine.
Extra columns are allowed (``strict=False``) and nothing is coerced.
"""
from __future__ import annotations

from functools import cache

import pandera.polars as pa
import polars as pl

from scoop.contract.catalog import TABLES
from scoop.contract.derive import POLARS_TYPES
from scoop.contract.spec import Column, RowCheck, Table

BODY_LENGTH = "body_length"     # joined into span tables for validation only


def _column_checks(col: Column) -> list[pa.Check]:
    checks = []
    if col.values is not None:
        checks.append(pa.Check.isin(col.values))
    if col.ge is not None:
        checks.append(pa.Check.ge(col.ge))
    if col.min_len is not None or col.max_len is not None:
        checks.append(pa.Check.str_length(min_value=col.min_len, max_value=col.max_len))
    return checks


def _row_check(check: RowCheck) -> pa.Check:
    expr = check.expr

    def run(data) -> pl.LazyFrame:
        return data.lazyframe.select(expr)

    return pa.Check(run, name=check.name, description=check.doc)


def _schema(table: Table) -> pa.DataFrameSchema:
    columns = {c.name: pa.Column(POLARS_TYPES[c.sql_type], checks=_column_checks(c), nullable=c.nullable,
                                 unique=c.unique, description=c.doc)
               for c in table.columns}
    if table.span:
        columns[BODY_LENGTH] = pa.Column(pl.Int64, nullable=True)
    return pa.DataFrameSchema(columns, checks=[_row_check(c) for c in table.checks], strict=False, coerce=False,
                              name=table.validated_as or table.name, description=table.doc)


@cache
def pandera_schema(table: str) -> pa.DataFrameSchema:
    return _schema(TABLES[table])


def span_tables() -> list[str]:
    """The tables validated with their source's body length joined in."""
    return [t.name for t in TABLES.values() if t.span]
