"""Builders for expressions relative to the document date: 'last year', 'next week',
'Friday', 'yesterday', 'now', 'recent years', 'the near term' and counts of units
before or after it ('two years ago', 'six weeks later').
"""
from __future__ import annotations

import re
from datetime import timedelta

from scoop.extract.dates import time_words as tw
from scoop.extract.dates.build_durations import duration_value
from scoop.extract.dates.build_periods import year_back
from scoop.extract.dates.reference_times import Context, fmt_value, shift, weekday_date
from scoop.extract.dates.timex import Timex, match_span, unresolved


_REL_OFFSET = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1,
               "this": 0, "current": 0, "the current": 0}


def b_relative_unit(m: re.Match, ctx: Context) -> list[Timex]:
    """'last year', 'this month', 'next week', 'the coming year'."""
    unit = tw.unit_of(m["unit"])
    rel = " ".join(m["rel"].lower().split())
    offset = _REL_OFFSET.get(rel.replace("the ", ""), 0)
    doc = ctx.doc_date
    gran = "weekend" if unit == "weekend" else unit
    if doc is None:
        xs = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
              "day": "XXXX-XX-XX", "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}
        return unresolved(m, xs.get(unit, "XXXX"))
    if rel in ("following", "the following", "previous", "the previous") and ctx.narrative is not None:
        d = shift(ctx.narrative.start, unit, offset)
        return [Timex(*match_span(m), "DATE", fmt_value(d, gran), None, "narrative")]
    d = shift(doc, unit, offset)
    return [Timex(*match_span(m), "DATE", fmt_value(d, gran), None, "publication")]


def b_weekday(m: re.Match, ctx: Context) -> list[Timex]:
    wd = tw.WEEKDAYS[m["wd"].rstrip(".")]
    rel = (m.groupdict().get("rel") or "").lower()
    part = (m.groupdict().get("part") or "").lower()
    s, e = match_span(m)
    doc = ctx.doc_date
    # "Friday night" is a part of that day (TIME 1998-02-13TNI)
    ttype, suffix = ("TIME", "T" + tw.DAY_PARTS[part]) if part else ("DATE", "")
    if doc is None:
        return [Timex(s, e, ttype, f"XXXX-WXX-{wd + 1}" + suffix, None, "unresolved")]
    if rel in ("last", "past"):
        d = weekday_date(wd, doc - timedelta(days=1), -1)
    elif rel in ("next", "coming"):
        d = weekday_date(wd, doc, 1)
    elif rel == "this":
        d = weekday_date(wd, doc, 0)
    else:
        d = weekday_date(wd, doc - timedelta(days=1), 1) if ctx.future_leaning(s) else weekday_date(wd, doc, -1)
    return [Timex(s, e, ttype, d.isoformat() + suffix, None, "publication")]


def b_deictic_day(m: re.Match, ctx: Context) -> list[Timex]:
    word = m["deictic"].lower()
    part = (m.groupdict().get("part") or "").lower()
    doc = ctx.doc_date
    if word == "tonight":
        offset, part = 0, "night"
    else:
        offset = tw.DEICTIC_DAYS[word]
    ttype = "TIME" if part else "DATE"
    suffix = "T" + tw.DAY_PARTS[part] if part else ""
    if doc is None:
        return unresolved(m, "XXXX-XX-XX" + suffix, ttype)
    return [Timex(*match_span(m), ttype, (doc + timedelta(days=offset)).isoformat() + suffix, None, "publication")]


def b_ref_word(m: re.Match, ctx: Context) -> list[Timex]:
    word = " ".join(m["ref"].lower().split())
    value = tw.REF_WORDS[word]
    return [Timex(*match_span(m), "DATE", value, None, "publication" if ctx.doc_date else "unresolved")]


def b_current(m: re.Match, ctx: Context) -> list[Timex]:
    """'current' (its current share) is the present; 'then-current' a past present."""
    value = "PAST_REF" if m["then"] else "PRESENT_REF"
    return [Timex(*match_span(m), "DATE", value, None, "publication" if ctx.doc_date else "unresolved")]


def b_vague_period(m: re.Match, ctx: Context) -> list[Timex]:
    """'recent years' -> PAST_REF, 'the coming months' -> FUTURE_REF, 'the past weeks' -> PAST_REF."""
    qual = m["qual"].lower()
    value = "FUTURE_REF" if qual in ("coming", "next", "following", "future") else "PAST_REF"
    return [Timex(*match_span(m), "DATE", value, None, "publication" if ctx.doc_date else "unresolved")]


def b_the_term(m: re.Match, ctx: Context) -> list[Timex]:
    """'the near term', 'the long term': the future, vaguely."""
    return [Timex(*match_span(m), "DATE", "FUTURE_REF", None, "publication" if ctx.doc_date else "unresolved")]


def b_ago(m: re.Match, ctx: Context) -> list[Timex]:
    """'two years ago', 'over three weeks ago', 'six weeks later', 'a year earlier'."""
    gd = m.groupdict()
    unit = tw.unit_of(gd["unit"])
    n = tw.parse_number(gd["num"]) if gd.get("num") else None
    direction = gd["dir"].lower()
    quant = " ".join((gd.get("quant") or "").lower().split())
    s, e = match_span(m)
    if n is None:  # "years ago": somewhere in the past/future
        if direction == "ago":
            return [Timex(s, e, "DATE", "PAST_REF", None, "publication" if ctx.doc_date else "unresolved")]
        return [Timex(s, e, "DURATION", duration_value(None, unit))]
    sign = 1 if direction in ("later", "after", "from now", "hence", "afterward", "afterwards") else -1
    anchor_date, anchor = ctx.doc_date, "publication"
    if direction in ("later", "earlier", "after", "before", "afterward", "afterwards"):
        # "later" follows the story's own timeline; "earlier" mostly compares with nearby dates
        ref = ctx.narrative if sign > 0 else ctx.narrative_near(s)
        if ref is not None:
            anchor_date, anchor = ref.start, "narrative"
    if anchor_date is None:
        return [Timex(s, e, "DATE", "XXXX", None, "unresolved")]
    quarter = ctx.quarter_near(s) if (unit, n, direction) in (("year", 1, "ago"), ("year", 1, "earlier")) else None
    if quarter is not None and not quant:  # "$93 million a year earlier": the year-ago quarter
        return [Timex(s, e, "DATE", year_back(quarter.value), None, "narrative")]
    if n != int(n):
        return [Timex(s, e, "DURATION", duration_value(n, unit))]
    gran = {"hour": "day", "minute": "day", "second": "day"}.get(unit, unit)
    try:
        target = shift(anchor_date, gran if gran != "weekend" else "week", sign * int(n)) \
            if tw.UNITS[unit][1] is False else anchor_date
    except (ValueError, OverflowError):  # "2026 centuries later" leaves the calendar
        return [Timex(s, e, "DURATION", duration_value(n, unit))]
    value = fmt_value(target, gran)
    mod = tw.AGO_MODS.get(quant) if direction == "ago" else None
    rng = None
    if mod == "BEFORE":
        rng = (None, target)
    elif mod == "AFTER":
        rng = (target, anchor_date)
    return [Timex(s, e, "DATE", value, mod, anchor, rng)]
