"""What the table spec implies for polars and DuckDB: frame schemas, DDL, comments, the Parquet list."""
from __future__ import annotations

from typing import Iterable

import polars as pl

from scoop.contract.catalog import TABLES

POLARS_TYPES: dict[str, pl.DataType] = {
    "VARCHAR": pl.Utf8, "INTEGER": pl.Int64, "BIGINT": pl.Int64, "DOUBLE": pl.Float64,
    "BOOLEAN": pl.Boolean, "DATE": pl.Date, "TIMESTAMP": pl.Datetime("us"), "VARCHAR[]": pl.List(pl.Utf8),
}


def polars_schema(table: str, columns: Iterable[str] | None = None, *,
                  drop: Iterable[str] = ()) -> dict[str, pl.DataType]:
    """``{column: polars type}`` of a table, in table order; or of ``columns``, in their order, minus ``drop``."""
    types = {c.name: POLARS_TYPES[c.sql_type] for c in TABLES[table].columns}
    names = list(columns) if columns is not None else list(types)
    if unknown := [n for n in names if n not in types]:
        raise KeyError(f"{table} has no column {unknown}")
    skip = set(drop)
    return {n: types[n] for n in names if n not in skip}


def empty_frame(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=polars_schema(table))


def conform(frame: pl.DataFrame, table: str) -> pl.DataFrame:
    """The table's columns in order and type; missing ones null, unknown ones dropped."""
    schema = polars_schema(table)
    return frame.select([
        (pl.col(name) if name in frame.columns else pl.lit(None)).cast(dtype).alias(name)
        for name, dtype in schema.items()
    ])


def sql_literal(text: str) -> str:
    """A SQL string literal. Only for DDL (``COMMENT ON``), which takes no parameters: the
    texts are scoop's own constant docs; every value a query reads is a parameter."""
    return "'" + text.replace("'", "''") + "'"


def sql_ident(name: str) -> str:
    """A quoted SQL identifier (a table, view or column name)."""
    return '"' + name.replace('"', '""') + '"'


def ddl() -> list[str]:
    """CREATE TABLE IF NOT EXISTS for every table."""
    statements = []
    for table in TABLES.values():
        cols = ", ".join(f'"{c.name}" {c.sql_type}' for c in table.columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table.name} ({cols})")
    return statements


def comments() -> list[str]:
    """COMMENT ON for every table and column."""
    statements = []
    for table in TABLES.values():
        statements.append(f"COMMENT ON TABLE {table.name} IS {sql_literal(table.doc)}")
        statements += [f'COMMENT ON COLUMN {table.name}."{c.name}" IS {sql_literal(c.doc)}' for c in table.columns]
    return statements


def parquet_tables() -> list[str]:
    """The tables exported to ``parquet/<table>/`` after each run."""
    return [t.name for t in TABLES.values() if t.exported]


def tables_written(mode: str) -> list[str]:
    """The tables with write mode ``mode`` (``scoop.contract.spec``), in spec order."""
    return [t.name for t in TABLES.values() if t.write == mode]
