"""TIMEX3 value (+ mod) -> inclusive calendar interval and granularity.

Parts of a period follow CONTRACT.md: START/MID/END are the first, middle and
last third. Month-aligned periods whose length divides by three are cut by
whole months (late 2026 -> Sep..Dec); a single month is cut into days 1-10,
11-20 and 21-end (mid-February -> 11..20). Seasons: SP Mar-May, SU Jun-Aug,
FA Sep-Nov, WI Dec-Feb of the next year.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

SEASON_START_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# value shape -> granularity (first match wins)
_GRANULARITY = (
    (re.compile(r"_REF$"), "ref"),
    (re.compile(r"^P"), "duration"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}-[\dX]{2}"), "day"),
    (re.compile(r"^[\dX]{4}-W"), "week"),
    (re.compile(r"^[\dX]{4}-(SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^[\dX]{4}-Q"), "quarter"),
    (re.compile(r"^[\dX]{4}-H"), "half"),
    (re.compile(r"^[\dX]{4}-[\dX]{2}$"), "month"),
    (re.compile(r"^[\dX]{4}$"), "year"),
    (re.compile(r"^(FY)?[\dX]{3}$"), "decade"),
)


@lru_cache(maxsize=4096)  # values repeat: the same years and months over and over
def granularity_of(value: str) -> str:
    for pattern, name in _GRANULARITY:
        if pattern.search(value):
            return name
    return "year" if value.startswith("FY") else "ref"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def months_span(year: int, month: int, count: int) -> tuple[date, date]:
    """Interval of ``count`` whole months starting at year-month."""
    ey, em = add_months(year, month, count - 1)
    return date(year, month, 1), month_end(ey, em)


@lru_cache(maxsize=4096)
def period_interval(value: str) -> tuple[date, date, int] | None:
    """(start, end, length in months or 0 for day-based periods) of a value."""
    v = value.split("T", 1)[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, 0
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6), 0
            return monday, monday + timedelta(days=6), 0
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            return (*months_span(int(m[1]), int(m[2]), 1), 1)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            return (*months_span(int(m[1]), 3 * int(m[2]) - 2, 3), 3)
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            return (*months_span(int(m[1]), 6 * int(m[2]) - 5, 6), 6)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            return (*months_span(int(m[1]), SEASON_START_MONTH[m[2]], 3), 3)
        if m := re.fullmatch(r"(?:FY)?(\d{4})", v):
            return (*months_span(int(m[1]), 1, 12), 12)
        if m := re.fullmatch(r"(\d{3})", v):
            return (*months_span(int(m[1]) * 10, 1, 120), 120)
        if m := re.fullmatch(r"(\d{2})", v):
            return (*months_span(int(m[1]) * 100, 1, 1200), 1200)
    except ValueError:  # e.g. February 30 written in the text
        return None
    return None


def part_of(start: date, end: date, months: int, mod: str) -> tuple[date, date]:
    """First (START), middle (MID) or last (END) third of a period."""
    third = {"START": 0, "MID": 1, "END": 2}[mod]
    if months >= 3 and months % 3 == 0:
        step = months // 3
        return months_span(*add_months(start.year, start.month, third * step), step)
    if months == 1:
        bounds = ((1, 10), (11, 20), (21, end.day))[third]
        return start.replace(day=bounds[0]), start.replace(day=bounds[1])
    days = (end - start).days + 1
    if days < 3:  # "late yesterday": a single day has no smaller calendar part
        return start, end
    cut1, cut2 = round(days / 3), round(2 * days / 3)
    lo, hi = ((0, cut1 - 1), (cut1, cut2 - 1), (cut2, days - 1))[third]
    return start + timedelta(days=lo), start + timedelta(days=max(lo, hi))


def interval(value: str, mod: str | None = None, present: date | None = None
             ) -> tuple[date | None, date | None]:
    """Inclusive interval a DATE/TIME value denotes, mod applied; (None, None) if none."""
    if value == "PRESENT_REF":
        return (present, present) if present else (None, None)
    period = period_interval(value)
    if period is None:
        return None, None
    start, end, months = period
    if mod in ("START", "MID", "END"):
        return part_of(start, end, months, mod)
    if mod in ("BEFORE",):
        return None, start - timedelta(days=1)
    if mod in ("AFTER",):
        return end + timedelta(days=1), None
    if mod == "ON_OR_BEFORE":
        return None, end
    if mod == "ON_OR_AFTER":
        return start, None
    return start, end
