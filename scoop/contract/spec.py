"""The shape of the table spec: columns, row checks, tables and their write modes.

One ``Column`` says everything about a column once (type, doc, nullability,
checks, vocabulary), as dbt's ``schema.yml`` does; one ``Table`` adds its key,
its row-level checks and its write mode (after dlt's write disposition).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import polars as pl

# write modes: how a run changes a table's rows
PER_SOURCE = "replace_per_source"   # rows belong to one article: replaced when it is re-extracted, dropped with it
PER_INPUT = "replace_per_input"     # replaced for every input re-read and every article re-extracted
MERGE = "merge"                     # upserted by key: one row per key, the latest wins
REBUILD = "rebuild"                 # recomputed from other tables after every load that changed them
APPEND = "append"                   # one new row per run, never changed
WRITE_MODES = (PER_SOURCE, PER_INPUT, MERGE, REBUILD, APPEND)


@dataclass(frozen=True, slots=True)
class Column:
    """One column: name, DuckDB type and doc, plus what validation demands of it."""

    name: str
    sql_type: str
    doc: str
    nullable: bool = False
    unique: bool = False
    values: tuple[str, ...] | None = None     # the vocabulary: every value must be one of these
    ge: int | None = None                     # numbers: at least this
    min_len: int | None = None                # strings: length bounds
    max_len: int | None = None

    def but(self, **changes) -> Column:
        """A copy with some fields changed (a shared column reused with another doc or check)."""
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class RowCheck:
    """A check over whole rows; ``expr`` is true for a good row (a null counts as good)."""

    name: str
    doc: str
    expr: pl.Expr


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    write: str = PER_SOURCE
    checks: tuple[RowCheck, ...] = ()
    # rows cite a span of sources.body: validated with that source's body length joined in
    span: bool = False
    validated_as: str = ""         # the name validation reports failures under (the pandera schema name)
    exported: bool = True          # written to parquet/<table>/ after each run

    def __post_init__(self) -> None:
        if self.write not in WRITE_MODES:
            raise ValueError(f"{self.name}: unknown write mode {self.write!r}")
        names = self.column_names
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: a column is listed twice")
        if missing := set(self.key) - set(names):
            raise ValueError(f"{self.name}: key columns {sorted(missing)} are not columns")

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def per_source(self) -> bool:
        return self.write == PER_SOURCE

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)
