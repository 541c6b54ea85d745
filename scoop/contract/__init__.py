"""The warehouse contract in one place: every table's columns, checks, key and write mode.

``catalog`` holds the spec (as dbt's ``schema.yml`` describes every column
once); everything else is derived from it:

- ``derive``: the polars schemas extractors build frames with, ``conform``,
  the DuckDB DDL and ``COMMENT ON`` statements, the Parquet export list;
- ``checks``: the pandera schema that validates each table (imported on
  demand: pandera is not needed to build frames);
- ``vocabulary``: the controlled vocabularies columns are checked against.

Write modes (after dlt's write disposition) say how a run changes a table:
``replace_per_source`` (an article's rows are replaced when it is
re-extracted), ``replace_per_input`` (quarantine: replaced when its input is
re-read), ``merge`` (the inputs ledger, by key), ``rebuild`` (people, from
every mention) and ``append`` (runs).
"""
from scoop.contract.catalog import TABLES
from scoop.contract.derive import (POLARS_TYPES, comments, conform, ddl, empty_frame, parquet_tables, polars_schema,
                                   tables_written)
from scoop.contract.spec import (APPEND, MERGE, PER_INPUT, PER_SOURCE, REBUILD, WRITE_MODES, Column, RowCheck,
                                 Table)

__all__ = ["APPEND", "MERGE", "PER_INPUT", "PER_SOURCE", "POLARS_TYPES", "REBUILD", "TABLES", "WRITE_MODES",
           "Column", "RowCheck", "Table", "comments", "conform", "ddl", "empty_frame", "parquet_tables",
           "polars_schema", "tables_written"]
