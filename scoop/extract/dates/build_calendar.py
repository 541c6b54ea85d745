"""Builders for calendar dates written out: full dates, numeric and ISO dates, months,
years, year ranges, decades, centuries, spoken years and holidays. A date without its
year takes the year from the document date and the clause's tense.
"""
from __future__ import annotations

import re

from scoop.extract.dates import time_words as tw
from scoop.extract.dates.reference_times import Context, year_for_month
from scoop.extract.dates.timex import (
    Timex, clock_value, match_span, month_number, unresolved, valid_date, year_for,
)


def b_date_time(m: re.Match, ctx: Context) -> list[Timex]:
    d = valid_date(int(m["year"]), month_number(m["mon"]), int(m["day"]))
    if d is None:
        return []
    s, e = match_span(m)
    return [Timex(s, e, "TIME", d.isoformat() + clock_value(m), None, "absolute")]


def b_full_date(m: re.Match, ctx: Context) -> list[Timex]:
    d = valid_date(int(m["year"]), month_number(m["mon"]), int(m["day"]))
    if d is None:
        return []
    s, e = match_span(m)
    return [Timex(s, e, "DATE", d.isoformat())]


def b_numeric_date(m: re.Match, ctx: Context) -> list[Timex]:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
    d = valid_date(y, month, day)
    return [Timex(*match_span(m), "DATE", d.isoformat())] if d else []


def b_iso_date(m: re.Match, ctx: Context) -> list[Timex]:
    d = valid_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return []
    value = d.isoformat()
    if m["hour"]:
        value += f"T{m['hour']}:{m['minute']}" + (f":{m['second']}" if m["second"] else "")
    return [Timex(*match_span(m), "TIME" if m["hour"] else "DATE", value)]


def b_month_year(m: re.Match, ctx: Context) -> list[Timex]:
    return [Timex(*match_span(m), "DATE", f"{int(m['year'])}-{month_number(m['mon']):02d}")]


def b_month_day(m: re.Match, ctx: Context) -> list[Timex]:
    month = month_number(m["mon"])
    year, anchor = year_for(m, ctx, month)
    if year is not None and m.groupdict().get("wdm"):  # "Monday, Oct. 26": the year that day is a Monday
        weekday = tw.WEEKDAYS[m["wdm"].rstrip(".")]
        fits = [y for y in (year, year + 1, year - 1)
                if (d := valid_date(y, month, int(m["day"]))) and d.weekday() == weekday]
        year = fits[0] if fits else year
    out = []
    days = [(m.span("x"), int(m["day"]))]
    if m.groupdict().get("day2"):
        days.append((m.span("day2"), int(m["day2"])))
    for i, (span, day) in enumerate(days):
        if year is None:
            if day > 31:
                continue
            out.append(Timex(*span, "DATE", f"XXXX-{month:02d}-{day:02d}", None, "unresolved"))
            continue
        d = valid_date(year, month, day)
        if d:
            out.append(Timex(*span, "DATE", d.isoformat(), None, anchor if i == 0 else "narrative"))
    return out


def b_month_rel_year(m: re.Match, ctx: Context) -> list[Timex]:
    month = month_number(m["mon"])
    doc = ctx.doc_date
    if doc is None:
        return unresolved(m, f"XXXX-{month:02d}")
    year = doc.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    return [Timex(*match_span(m), "DATE", f"{year}-{month:02d}", None, "publication")]


def b_month_alone(m: re.Match, ctx: Context) -> list[Timex]:
    month = month_number(m["mon"])
    rel = (m.groupdict().get("rel") or "").lower()
    doc = ctx.doc_date
    if rel in ("last", "next", "this", "coming", "past"):
        if doc is None:
            return unresolved(m, f"XXXX-{month:02d}")
        if rel == "last" or rel == "past":
            year = doc.year if month < doc.month else doc.year - 1
        elif rel in ("next", "coming"):
            year = doc.year if month > doc.month else doc.year + 1
        else:
            year = doc.year
        return [Timex(*match_span(m), "DATE", f"{year}-{month:02d}", None, "publication")]
    year, anchor = year_for(m, ctx, month)
    if year is None:
        return unresolved(m, f"XXXX-{month:02d}")
    return [Timex(*match_span(m), "DATE", f"{year}-{month:02d}", None, anchor)]


def b_year(m: re.Match, ctx: Context) -> list[Timex]:
    return [Timex(*match_span(m), "DATE", m["year"])]


def b_year_range(m: re.Match, ctx: Context) -> list[Timex]:
    y1 = m["y1"]
    y2 = m["y2"]
    if len(y2) == 2:
        y2 = y1[:2] + y2
    if int(y2) <= int(y1):
        return []
    return [Timex(*m.span("y1"), "DATE", y1), Timex(*m.span("y2"), "DATE", y2)]


def b_decade(m: re.Match, ctx: Context) -> list[Timex]:
    if m["cent"]:
        value = m["cent"] + m["dec"]
    else:
        d = int(m["dec2"])
        value = ("20" if d <= 2 else "19") + str(d)
    return [Timex(*match_span(m), "DATE", value)]


def b_decade_bare(m: re.Match, ctx: Context) -> list[Timex]:
    """'the 70s and 80s': decades of the 1900s, each its own timex."""
    out = [Timex(*match_span(m), "DATE", "19" + m["d1"])]
    if m["d2"]:
        out.append(Timex(*m.span("y"), "DATE", "19" + m["d2"]))
    return out


def b_spoken_year(m: re.Match, ctx: Context) -> list[Timex]:
    year = tw.spoken_year(m["sy"])
    return [Timex(*match_span(m), "DATE", str(year))] if year and 1000 <= year <= 2099 else []


def b_decade_word(m: re.Match, ctx: Context) -> list[Timex]:
    return [Timex(*match_span(m), "DATE", tw.DECADE_WORDS[m["dw"].lower()])]


def b_century(m: re.Match, ctx: Context) -> list[Timex]:
    """'the 20th century' -> 19 (TIMEX3 writes the century's first two digits)."""
    word = m["cord"].lower()
    n = int(word[:-2]) if word[0].isdigit() else tw.CENTURY_ORDINALS[" ".join(word.replace("-", " ").split())]
    return [Timex(*match_span(m), "DATE", f"{n - 1:02d}")] if 1 <= n <= 21 else []


def b_holiday(m: re.Match, ctx: Context) -> list[Timex]:
    s, e = match_span(m)
    name = " ".join(m["holiday"].lower().replace("’", "'").split())
    month, day = tw.HOLIDAYS[name]
    year = int(m["year"]) if m.groupdict().get("year") else None
    anchor = "absolute" if year else "publication"
    if year is None:
        doc = ctx.doc_date
        if doc is None:
            return unresolved(m, "XXXX-XX-XX")
        rel = (m.groupdict().get("rel") or "").lower()
        year = year_for_month(month, doc, rel in ("next", "coming") or (rel != "last" and ctx.future_leaning(s)))
        if rel == "last" and (month, 1) >= (doc.month, 1):
            year = doc.year - 1
    d = tw.holiday_date(name, year)
    return [Timex(s, e, "DATE", d.isoformat(), None, anchor)] if d else []
