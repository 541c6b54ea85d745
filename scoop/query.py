"""Read-only SQL over the warehouse, and safe text for the terminal.

Safety comes from DuckDB's own settings, not from a keyword filter. The warehouse
is opened ``read_only`` with:

- ``enable_external_access = false``: no file access besides the database file
  itself, so no ``COPY ... TO``, ``EXPORT DATABASE``, ``ATTACH``, ``read_csv``,
  ``read_text``, ``glob``, ``INSTALL``, ``LOAD`` or persistent secrets;
- ``autoinstall_known_extensions`` / ``autoload_known_extensions = false``,
  ``allow_community_extensions`` / ``allow_unsigned_extensions = false``;
- ``python_enable_replacements = false``: a table name never resolves to a
  Python variable of the caller;
- ``lock_configuration = true``: ``SET``/``RESET``/``PRAGMA`` cannot undo any of
  the above.

The views only read tables of the database, so nothing outside the file is needed.
One statement per call: several statements are refused (exit 2), so the output of
``--format csv|json`` is always one result. Every printed value goes through
``clean_text``, which drops terminal escape sequences and control characters.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from scoop.contract.derive import sql_ident

READ_ONLY_CONFIG = {
    "enable_external_access": False,
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "allow_unsigned_extensions": False,
    "allow_persistent_secrets": False,
    "python_enable_replacements": False,
    "lock_configuration": True,      # last: nothing can be changed after this
}

# CSI / OSC / other ESC sequences, then any C0 (but tab and newline), DEL, C1, and bidi controls
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


class QueryError(Exception):
    """A query that cannot run; ``code`` is the exit code (1 refused or failed, 2 bad usage)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[tuple]


def clean_text(text: str) -> str:
    """``text`` without terminal escape sequences or control characters (tab and newline stay)."""
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def error_text(exc: BaseException) -> str:
    """DuckDB's message, hints included ("Did you mean ..."), cleaned, without blank lines."""
    lines = [clean_text(line).rstrip() for line in str(exc).splitlines()]
    return "\n".join(line for line in lines if line.strip()) or type(exc).__name__


def open_read_only(db: Path) -> duckdb.DuckDBPyConnection:
    """The warehouse file, read-only and locked down (see the module docstring)."""
    if not db.is_file():
        raise QueryError(f"no warehouse at {db}: run `scoop run` first", 2)
    try:
        return duckdb.connect(str(db), read_only=True, config=dict(READ_ONLY_CONFIG))
    except duckdb.Error as exc:
        raise QueryError(f"cannot open the warehouse {db}: {error_text(exc)}", 1) from None


def single_statement(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """``sql`` if it holds exactly one statement; else a QueryError (exit 2)."""
    if not sql.strip():
        raise QueryError("the query is empty", 2)
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(error_text(exc), 1) from None
    if not statements:
        raise QueryError("the query is empty (only ';' or comments)", 2)
    if len(statements) > 1:
        raise QueryError(f"one statement per call, got {len(statements)}; run them one by one", 2)
    return sql


def run_query(db: Path, sql: str) -> Result:
    """Run one read-only statement on the warehouse file ``db``."""
    con = open_read_only(db)
    try:
        single_statement(con, sql)
        cursor = con.execute(sql)
        if cursor.description is None:
            return Result([], [])
        return Result([d[0] for d in cursor.description], cursor.fetchall())
    except duckdb.Error as exc:
        raise QueryError(error_text(exc), 1) from None
    finally:
        con.close()


def _plain(value: Any) -> Any:
    """A JSON-ready value: nested lists/dicts kept (keys as text), other types as clean text."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)       # JSON has no NaN or Infinity
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {clean_text(str(k)): _plain(v) for k, v in value.items()}
    return clean_text(str(value))


def cell_text(value: Any) -> str:
    """One value as text: NULL is empty, lists, maps and structs are JSON, the rest ``str``."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(_plain(value), ensure_ascii=False, default=str)
    return clean_text(str(value))


def to_csv(result: Result) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([clean_text(c) for c in result.columns])
    writer.writerows([cell_text(v) for v in row] for row in result.rows)
    return buffer.getvalue()


def to_json(result: Result) -> str:
    columns = [clean_text(c) for c in result.columns]
    records = [dict(zip(columns, (_plain(v) for v in row))) for row in result.rows]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def status_sections(db: Path, tables: list[str]) -> list[tuple[str, Result]]:
    """What ``scoop status`` shows: the last runs, row counts per table, quarantine reasons."""
    counts = " UNION ALL ".join(f"SELECT ? AS table_name, count(*) AS rows FROM {sql_ident(t)}" for t in tables)
    queries = [
        ("last runs", "SELECT run_id, status, strftime(finished_at, '%Y-%m-%d %H:%M') AS finished, read, new, "
                      "changed, unchanged, duplicate, quarantined, missing, rows_quarantined AS bad_rows "
                      "FROM runs ORDER BY started_at DESC LIMIT 5", []),
        ("tables", counts, list(tables)),
        ("quarantine reasons", "SELECT stage, coalesce(table_name, '') AS table_name, reason, count(*) AS n "
                               "FROM quarantine GROUP BY ALL ORDER BY n DESC LIMIT 20", []),
    ]
    con = open_read_only(db)
    try:
        sections = []
        for title, sql, params in queries:
            cursor = con.execute(sql, params)
            sections.append((title, Result([d[0] for d in cursor.description], cursor.fetchall())))
        return sections
    except duckdb.Error as exc:
        raise QueryError(f"{db} is not a scoop warehouse this version can read: {error_text(exc)}", 1) from None
    finally:
        con.close()
