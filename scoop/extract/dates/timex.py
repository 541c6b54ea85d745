"""What a builder returns (``Timex``) and the helpers every builder family shares:
the span of a match, unresolved rows, month numbers, valid dates, clock values and
the year of a year-less month.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable

from scoop.extract.dates import time_words as tw
from scoop.extract.dates.reference_times import Context, year_for_month


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    timex_type: str
    value: str
    mod: str | None = None
    anchor: str = "absolute"
    # explicit interval when the value alone cannot carry it ("over three weeks ago")
    range: tuple[date | None, date | None] | None = None


Builder = Callable[[re.Match, Context], list[Timex]]


def match_span(m: re.Match) -> tuple[int, int]:
    return m.span("x") if "x" in m.re.groupindex and m.group("x") is not None else m.span()


def unresolved(m: re.Match, value: str, ttype: str = "DATE", mod: str | None = None) -> list[Timex]:
    s, e = match_span(m)
    return [Timex(s, e, ttype, value, mod, "unresolved")]


def year_for(m: re.Match, ctx: Context, month: int) -> tuple[int | None, str]:
    """Year of a year-less month or day, from the document date and the clause's tense."""
    doc = ctx.doc_date
    if doc is None:
        return None, "unresolved"
    return year_for_month(month, doc, ctx.future_leaning(match_span(m)[0])), "publication"


def month_number(word: str) -> int:
    return tw.MONTHS[word.rstrip(".")]


def valid_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def clock_value(m: re.Match, g: dict | None = None) -> str:
    g = m.groupdict() if g is None else g
    hour = int(g["hour"])
    ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    value = f"T{hour:02d}:{g.get('minute') or '00'}"
    if g.get("second"):
        value += f":{g['second']}"
    if (g.get("tz") or "") in ("UTC", "GMT"):
        value += "Z"  # TIMEX3 writes UTC as Z; other zones are not encoded
    return value
