"""How the CLI lays out tables: side by side when they fit, one field per line when not.

A table wider than the terminal would make rich cut headers ("chang…") or fold
values (run ids in pieces). Instead, a table that does not fit at its natural
width is printed vertically: one ``name  value`` line per column, a blank line
between rows. Every cell is a ``rich.text.Text``, so values are never read as
markup, and goes through ``clean_text`` (no terminal escape sequences).
"""
from __future__ import annotations

from typing import Any, Sequence

from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from scoop.query import Result, cell_text, clean_text

SUMMARY_KEYS = ("read", "new", "changed", "unchanged", "duplicate", "quarantined", "missing", "reextracted",
                "rows_quarantined")


def _text(value: Any) -> Text:
    return Text(cell_text(value))


def fits(console: Console, table: Table) -> bool:
    """Whether ``table`` prints at its natural width, nothing cut or folded."""
    natural = Measurement.get(console, console.options.update_width(1_000_000), table).maximum
    return natural <= console.width


def vertical(columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None) -> RenderableType:
    """One ``column  value`` line per field, a blank line between rows; the title on its own line."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for i, row in enumerate(rows):
        if i:
            grid.add_row("", "")
        for name, value in zip(columns, row):
            grid.add_row(Text(clean_text(name)), _text(value))
    return Group(Text(title), grid) if title else grid


def records(console: Console, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
            title: str | None = None, right: Sequence[str] = ()) -> RenderableType:
    """A table of ``rows``, or its vertical form when it would not fit ``console``."""
    table = Table(title=title)
    for name in columns:
        table.add_column(Text(clean_text(name)), justify="right" if name in right else "left")
    for row in rows:
        table.add_row(*(_text(v) for v in row))
    if fits(console, table) or not rows:
        return table
    return vertical(columns, rows, title)


def print_result(console: Console, result: Result, limit: int) -> int:
    """Print up to ``limit`` rows of a query result; returns how many rows were left out."""
    if not result.columns:
        console.print("ok (no result)")
        return 0
    console.print(records(console, result.columns, result.rows[:limit]))
    return max(0, len(result.rows) - limit)


def summary_table(console: Console, summary: dict, elapsed: float) -> RenderableType:
    """The run summary: one row of counts, vertical when narrow."""
    title = f"run {summary['run_id']}: {summary['status']} in {elapsed:.1f} s"
    headers = [key.replace("_", " ") for key in SUMMARY_KEYS]
    return records(console, headers, [[summary.get(k, 0) for k in SUMMARY_KEYS]], title=title, right=headers)
