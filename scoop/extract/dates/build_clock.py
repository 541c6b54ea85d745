"""Builders for times of day: clock times ('5 p.m. EST', '15:00'), with a day
('9 a.m. Tuesday', '5 p.m. Nov. 9') or a part of the day ('4 in the morning'),
'noon', 'this morning', 'last night'.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from scoop.extract.dates import time_words as tw
from scoop.extract.dates.build_calendar import b_month_day
from scoop.extract.dates.build_relative import b_deictic_day, b_weekday
from scoop.extract.dates.reference_times import Context
from scoop.extract.dates.timex import Timex, clock_value, match_span, unresolved


def b_clock(m: re.Match, ctx: Context) -> list[Timex]:
    s, e = match_span(m)
    ref = ctx.narrative_in_sentence(s)
    if ref is not None and ref.granularity == "day":
        return [Timex(s, e, "TIME", ref.value[:10] + clock_value(m), None, "narrative")]
    doc = ctx.doc_date
    if doc is None:
        return [Timex(s, e, "TIME", "XXXX-XX-XX" + clock_value(m), None, "unresolved")]
    return [Timex(s, e, "TIME", doc.isoformat() + clock_value(m), None, "publication")]


def b_clock_date(m: re.Match, ctx: Context) -> list[Timex]:
    day = b_month_day(m, ctx)
    if not day:
        return []
    return [replace(day[0], timex_type="TIME", value=day[0].value + clock_value(m))]


def b_clock_day(m: re.Match, ctx: Context) -> list[Timex]:
    """'9 a.m. Tuesday', '4 a.m. EDT Thursday', '10 p.m. yesterday'."""
    day_rows = (b_weekday if m["wd"] else b_deictic_day)(m, ctx)
    if not day_rows:
        return []
    day_value = day_rows[0].value[:10]
    s, e = match_span(m)
    g = None if m["hour"] else {"hour": m["hour2"], "minute": m["minute2"], "second": m["second2"], "tz": m["tz2"]}
    return [Timex(s, e, "TIME", day_value + clock_value(m, g), None, day_rows[0].anchor)]


def b_clock_daypart(m: re.Match, ctx: Context) -> list[Timex]:
    """'4 in the morning', '9 o'clock in the evening'."""
    hour = int(m["hour"]) % 12 + (12 if m["dp"].lower() in ("afternoon", "evening") else 0)
    s, e = match_span(m)
    ref = ctx.day_near(s, sentences=1)
    day, anchor = (ref.start, "narrative") if ref else (ctx.doc_date, "publication")
    if day is None:
        return unresolved(m, f"XXXX-XX-XXT{hour:02d}:00", "TIME")
    return [Timex(s, e, "TIME", f"{day.isoformat()}T{hour:02d}:{m['minute'] or '00'}", None, anchor)]


def b_this_daypart(m: re.Match, ctx: Context) -> list[Timex]:
    part = m["part"].lower()
    doc = ctx.doc_date
    suffix = "T" + tw.DAY_PARTS[part]
    if doc is None:
        return unresolved(m, "XXXX-XX-XX" + suffix, "TIME")
    return [Timex(*match_span(m), "TIME", doc.isoformat() + suffix, None, "publication")]


def b_last_night(m: re.Match, ctx: Context) -> list[Timex]:
    doc = ctx.doc_date
    if doc is None:
        return unresolved(m, "XXXX-XX-XXTNI", "TIME")
    return [Timex(*match_span(m), "TIME", (doc - timedelta(days=1)).isoformat() + "TNI", None, "publication")]


_NOON = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}


def b_noon(m: re.Match, ctx: Context) -> list[Timex]:
    """'noon Thursday', 'at midday', 'mid-afternoon yesterday': a time of the day."""
    word = " ".join(m["noon"].lower().replace("-", " ").split())
    suffix = _NOON.get(word) or "T" + tw.DAY_PARTS[word.split()[-1]]
    s, e = match_span(m)
    if m["wd"] or m["deictic"]:
        day = (b_weekday if m["wd"] else b_deictic_day)(m, ctx)
        if not day:
            return []
        return [Timex(s, e, "TIME", day[0].value[:10] + suffix, None, day[0].anchor)]
    ref = ctx.narrative_in_sentence(s)
    if ref is not None and ref.granularity == "day":
        return [Timex(s, e, "TIME", ref.value[:10] + suffix, None, "narrative")]
    doc = ctx.doc_date
    if doc is None:
        return unresolved(m, "XXXX-XX-XX" + suffix, "TIME")
    return [Timex(s, e, "TIME", doc.isoformat() + suffix, None, "publication")]
