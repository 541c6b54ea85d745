"""Tiny stand-in extractors: fast, deterministic, no spaCy (pipeline tests only)."""
from __future__ import annotations

import os
import re
from datetime import date

import polars as pl

from scoop import contract as T
from scoop.ids import stable_id

YEAR_RE = re.compile(r"\b(19|20)\d\d\b")


class YearDates:
    """Tags bare years as DATE rows; ``version`` is settable to test re-extraction."""

    name = "dates"
    tables = ("dates",)

    def __init__(self, version: str = "1", explode_on: str | None = None):
        self.version = version
        self.explode_on = explode_on
        self.calls = 0

    def extract(self, docs, context):
        rows = []
        for doc in docs:
            self.calls += 1
            if self.explode_on and self.explode_on in doc.body:
                raise RuntimeError("boom")
            for m in YEAR_RE.finditer(doc.body):
                y = int(m.group())
                rows.append({"date_id": stable_id(doc.source_id, "date", m.start(), m.end()),
                             "source_id": doc.source_id, "text": m.group(), "char_start": m.start(),
                             "char_end": m.end(), "timex_type": "DATE", "value": m.group(), "mod": None,
                             "range_start": date(y, 1, 1), "range_end": date(y, 12, 31),
                             "granularity": "year", "anchor": "absolute"})
        frame = pl.DataFrame(rows, schema=T.polars_schema("dates")) if rows else T.empty_frame("dates")
        return {"dates": frame}


class DiesInWorker(YearDates):
    """Like YearDates, but kills any process other than the one that built it (a crashed worker)."""

    def __init__(self, version: str = "1"):
        super().__init__(version)
        self.home_pid = os.getpid()

    def extract(self, docs, context):
        if os.getpid() != self.home_pid:
            os._exit(3)
        return super().extract(docs, context)


def make_project(tmp_path, articles: dict[str, str], mtime: float | None = None):
    """A project folder whose ``raw/`` holds ``articles`` (file name -> text); returns the folder.
    ``mtime``: set every file's modification time (a file not racily new, whose stat can be trusted)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in articles.items():
        (raw / name).write_text(text, encoding="utf-8")
        if mtime is not None:
            os.utime(raw / name, (mtime, mtime))
    return tmp_path


def query(project, sql: str) -> list[tuple]:
    """``sql``'s rows from the project's published warehouse, opened read-only."""
    import duckdb

    from scoop.warehouse import DB_NAME

    con = duckdb.connect(str(project / "warehouse" / DB_NAME), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
