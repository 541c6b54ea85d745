"""The ``dates`` table: every time expression with TIMEX3 type/value/mod, interval and anchor.

``tag_dates`` is the pure tagger (text in, rows out); ``DatesExtractor`` wraps
it in the extractor protocol. The rules live in ``rule_table``, the driver in ``tagger``.
"""
from __future__ import annotations

from datetime import date
from typing import Mapping, Sequence

import polars as pl

from scoop.contract import polars_schema
from scoop.extract.base import Document
from scoop.extract.dates.calendar_intervals import granularity_of, interval
from scoop.extract.dates.reference_times import RESOLVABLE_BASES, Context
from scoop.extract.segment import sentence_starts
from scoop.extract.dates.tagger import parse
from scoop.extract.dates.timex import Timex
from scoop.ids import stable_id

DATES_SCHEMA: dict[str, pl.DataType] = polars_schema("dates")


def _row(text: str, t: Timex, present: date | None) -> dict:
    if t.range is not None:
        start, end = t.range
    elif t.timex_type in ("DATE", "TIME") and t.anchor != "unresolved":
        start, end = interval(t.value, t.mod, present if t.anchor == "publication" else None)
    else:
        start, end = None, None
    gran = "duration" if t.timex_type in ("DURATION", "SET") else granularity_of(t.value)
    return {"text": text[t.start:t.end], "char_start": t.start, "char_end": t.end,
            "timex_type": t.timex_type, "value": t.value, "mod": t.mod,
            "range_start": start, "range_end": end, "granularity": gran, "anchor": t.anchor}


def tag_dates(text: str, doc_date: date | None, *, basis: str = "header") -> list[dict]:
    """Every time expression in ``text`` as a ``dates`` row (without ids).

    Relative expressions resolve against ``doc_date`` only when its ``basis``
    is trustworthy (header, byline, inferred); otherwise they stay
    ``unresolved`` with XXXX-style values instead of a guess.
    """
    if not text:
        return []
    doc = doc_date if basis in RESOLVABLE_BASES else None
    ctx = Context(text=text, doc_date=doc, sentence_starts=sentence_starts(text))
    rows = sorted((_row(text, t, doc) for t in parse(text, ctx)), key=lambda r: (r["char_start"], -r["char_end"]))
    # one expression per stretch of text: a later rule's span may overlap an earlier one
    kept: list[dict] = []
    for row in rows:
        if not kept or row["char_start"] >= kept[-1]["char_end"]:
            kept.append(row)
    return kept


class DatesExtractor:
    """Extractor protocol wrapper around ``tag_dates``."""

    name = "dates"
    version = "0.2.2"
    tables = ("dates",)
    needs: tuple[str, ...] = ()

    def extract(self, docs: Sequence[Document], context: Mapping[str, pl.DataFrame]
                ) -> dict[str, pl.DataFrame]:
        rows = []
        for doc in docs:
            for row in tag_dates(doc.body, doc.published_on, basis=doc.published_on_basis):
                rows.append({"date_id": stable_id(doc.source_id, "date", row["char_start"], row["char_end"]),
                             "source_id": doc.source_id, **row})
        return {"dates": pl.DataFrame(rows, schema=DATES_SCHEMA, orient="row") if rows
                else pl.DataFrame(schema=DATES_SCHEMA)}
