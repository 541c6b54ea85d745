"""Builders for expressions anchored on the story's own dates: 'back then', 'around
that time', 'that year', 'the same day', 'the next morning', 'for the day'.
"""
from __future__ import annotations

import re
from datetime import timedelta

from scoop.extract.dates import time_words as tw
from scoop.extract.dates.reference_times import Context, fmt_value
from scoop.extract.dates.timex import Timex, match_span, unresolved


def b_narrative_then(m: re.Match, ctx: Context) -> list[Timex]:
    """'right then' / 'back then': the date last written out ('since then' keeps only 'then')."""
    s, e = match_span(m)
    ref = ctx.narrative_near(s, sentences=6)
    if ref is None:
        return []
    if m["x"].split()[0].lower() in ("since", "until", "till", "by"):
        s = e - 4
    return [Timex(s, e, "DATE", ref.value[:10], None, "narrative")]


def b_narrative_this(m: re.Match, ctx: Context) -> list[Timex]:
    """'this time' / 'around that time' / 'right then' -> the date last written out."""
    s, e = match_span(m)
    ref = ctx.narrative
    if ref is None:
        return []
    mod = "APPROX" if m.groupdict().get("approx") else None
    return [Timex(s, e, "DATE", ref.value[:10], mod, "narrative")]


def b_that_unit(m: re.Match, ctx: Context) -> list[Timex]:
    """'that year', 'later that year', 'earlier that day', 'that quarter': the story's own date."""
    unit = m["unit"].lower()
    s, e = match_span(m)
    gran = {"year": "year", "month": "month", "week": "week", "quarter": "quarter"}.get(unit, "day")
    if unit == "quarter":
        ref = ctx.quarter_near(s) or (ctx.narrative if ctx.narrative and ctx.narrative.granularity == "quarter" else None)
    else:
        refs = [r for r in (ctx.day_near(s) if gran == "day" else None, ctx.narrative_near(s, sentences=4)) if r]
        ref = max(refs, key=lambda r: r.offset) if refs else None  # the date written last
    if ref is None:
        return []
    suffix = "T" + tw.DAY_PARTS[unit] if unit in tw.DAY_PARTS else ""
    order = ("day", "week", "month", "quarter", "year")
    if ref.granularity in ("month", "year") and gran == "day":  # "that day" after "in October 1998"
        value = ref.value + ("-XX" if ref.granularity == "month" else "-XX-XX")
    elif ref.granularity not in order or order.index(ref.granularity) > order.index(gran):
        return []
    else:
        value = fmt_value(ref.start, gran)
    return [Timex(s, e, "TIME" if suffix else "DATE", value + suffix, None, "narrative")]


def b_next_day(m: re.Match, ctx: Context) -> list[Timex]:
    """'the next day', 'the following morning', 'the previous night': a day from the last one named."""
    s, e = match_span(m)
    ref = ctx.day_near(s)
    base, anchor = (ref.start, "narrative") if ref else (ctx.doc_date, "publication")
    if base is None:
        return unresolved(m, "XXXX-XX-XX")
    unit = m["unit"].lower()
    suffix = "T" + tw.DAY_PARTS[unit] if unit in tw.DAY_PARTS else ""
    d = base + timedelta(days=1 if m["rel"].lower() in ("next", "following") else -1)
    return [Timex(s, e, "TIME" if suffix else "DATE", d.isoformat() + suffix, None, anchor)]


def b_trading_day(m: re.Match, ctx: Context) -> list[Timex]:
    """Market reports: 'ended the day at 9,505', 'for the day', 'the start of the day'."""
    s, e = match_span(m)
    ref = ctx.day_near(s, sentences=1)
    day, anchor = (ref.start, "narrative") if ref else (ctx.doc_date, "publication")
    if day is None:
        return unresolved(m, "XXXX-XX-XX")
    mod = {"start": "START", "beginning": "START", "end": "END", "close": "END"}.get((m["edge"] or "").lower())
    return [Timex(s, e, "DATE", day.isoformat(), mod, anchor)]
