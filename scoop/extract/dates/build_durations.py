"""Builders for durations and sets: 'nearly four years', 'the first month', 'for years',
'a decades-long feud', 'every week', 'daily'; and their TIMEX3 values (P3Y, PT1H30M).
"""
from __future__ import annotations

import re

from scoop.extract.dates import time_words as tw
from scoop.extract.dates.reference_times import Context
from scoop.extract.dates.timex import Timex, match_span


def _num_str(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else str(n)


# Part of an hour or minute is written in the next unit down, as on a clock (5.5 hours ->
# PT5H30M, as TimeBank writes it); calendar units keep ISO 8601's decimal (2.5 years -> P2.5Y,
# as MEANTIME writes it; a month has no fixed number of days).
_SPLIT_UNITS = {"hour": (60, "PT{}H{}M"), "minute": (60, "PT{}M{}S")}


def duration_value(n: float | None, unit: str) -> str:
    """P3Y, PT24H, P10Y (decade), P2.5Y, PT1H30M (an hour and a half), PXM for vague counts."""
    letter, is_time, _ = tw.UNITS[unit]
    if n is not None and not float(n).is_integer() and unit in _SPLIT_UNITS:
        per, shape = _SPLIT_UNITS[unit]
        if float(n * per).is_integer():
            whole, part = divmod(int(n * per), per)
            return shape.format(whole, part).replace("PT0H", "PT").replace("PT0M", "PT")
    if letter == "DE":  # decades count in years, vague ones too ("decades-long": PXY, as TimeBank writes it)
        return f"P{_num_str(n * 10)}Y" if n is not None else "PXY"
    if letter == "CE":
        return f"P{_num_str(n * 100) if n is not None else 'X'}{'Y' if n is not None else 'CE'}"
    if letter == "WE":
        return f"P{_num_str(n)}WE"
    if letter == "Q":
        return f"P{_num_str(n * 3) if n is not None else 'X'}M" if n is not None else "PXQ"
    return f"P{'T' if is_time else ''}{_num_str(n)}{letter}"


def b_duration(m: re.Match, ctx: Context) -> list[Timex]:
    gd = m.groupdict()
    unit = tw.unit_of(gd["unit"])
    n = tw.parse_number(gd["num"]) if gd.get("num") else None
    if gd.get("num") and n is None:
        return []
    if gd.get("first") and not gd.get("num") and not gd.get("vague"):
        n = 1
    half_at = m.start("half") if gd.get("half") else None
    if half_at is not None and n is not None:  # "a year and a half"
        n, half_at = n + 0.5, None
    mod = tw.QUANT_MODS.get(" ".join((gd.get("quant") or "").lower().split()))
    s, e = match_span(m)
    if gd.get("num") and not gd.get("first") and not mod and "-" in ctx.text[m.end("num"):m.start("unit")]:
        s = m.start("num")  # "the 30-day period": the article belongs to the noun, not the timex
    if half_at is not None:  # "several years and a half": the half of no count
        e = half_at
    return [Timex(s, e, "DURATION", duration_value(n, unit), mod)]


def b_duration_bare(m: re.Match, ctx: Context) -> list[Timex]:
    word = m["bare"].lower()
    unit = tw.unit_of(word)
    return [Timex(*match_span(m), "DURATION", duration_value(None, unit))]


def b_long(m: re.Match, ctx: Context) -> list[Timex]:
    """'a decades-long feud', 'a day-long meeting', 'a yearlong search'."""
    unit = tw.unit_of(m["unit"])
    return [Timex(*match_span(m), "DURATION", duration_value(None if m["unit"].lower().endswith("s") else 1, unit))]


def b_set(m: re.Match, ctx: Context) -> list[Timex]:
    gd = m.groupdict()
    s, e = match_span(m)
    if gd.get("setword"):
        return [Timex(s, e, "SET", tw.SET_WORDS[gd["setword"].lower()])]
    if gd.get("wd"):
        return [Timex(s, e, "SET", f"XXXX-WXX-{tw.WEEKDAYS[gd['wd']] + 1}")]
    if gd.get("part"):
        return [Timex(s, e, "SET", "TXX" + tw.DAY_PARTS[gd["part"].lower()])]
    unit = tw.unit_of(gd["unit"])
    n = 2 if gd.get("other") else 1
    return [Timex(s, e, "SET", duration_value(n, unit))]
