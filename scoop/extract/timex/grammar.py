"""The phrase grammar: one table of rules, each a regex plus a builder.

Every rule finds candidate spans; the longest non-overlapping candidates win
(ties go to the earlier rule in ``RULES``); then the survivors are resolved in
text order, so relative phrases can lean on dates written before them. A
builder returns ``Timex`` rows (one match may give two: "March 3 and 4").
Hand-written rather than dateparser: dateparser has no extents, no mods and
no "late 2031"/"the first half" (see STACK_NOTES.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable

from scoop.extract.timex import lexicon as lx
from scoop.extract.timex.anchoring import (
    Context, NarrativeRef, year_for_month, fmt_value, relative_season, shift,
    start_of, weekday_date,
)
from scoop.extract.timex.intervals import granularity_of, interval
from scoop.extract.timex.scan import DIGITS, Scanner, Trigger


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


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern
    build: Builder
    guard: Callable[[re.Match, str], bool] | None = None


# ---------------------------------------------------------------- fragments
_ABBR = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
_FULL = ("January", "February", "March", "April", "May", "June", "July", "August",
         "September", "October", "November", "December")
MON = r"(?P<mon>(?:" + "|".join(_FULL) + r"|(?:" + "|".join(_ABBR) + r")\.?)(?![A-Za-z]))"
MON_FULL = r"(?P<mon>(?:" + "|".join(_FULL) + r")(?![A-Za-z]))"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?P<year>(?:1[6-9]|20)\d{2})(?![\d%]|,\d|\.\d)"
WD_ANY = r"(?P<wd>(?:" + "|".join(lx.WEEKDAYS) + r")\.?)(?![A-Za-z])"
WD = r"(?P<wd>" + "|".join(lx.FULL_WEEKDAYS) + r")(?![A-Za-z])"
TZ = r"(?:\s*\(?(?P<tz>" + "|".join(lx.TIMEZONES) + r")\)?(?![A-Za-z]))?"
AMPM = r"(?P<ampm>[aApP]\.?\s?[mM]\.?(?![A-Za-z]))"
CLOCK = (r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?!\d)"
         r"(?:\s*" + AMPM + r")?" + TZ)
CLOCK_AMPM = r"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*" + AMPM + TZ
NUM = lx.NUMBER_RE
VAGUE = lx.alternation(lx.VAGUE_QUANTITIES)
UNIT_SG = lx.unit_alternation(False)
UNIT_PL = lx.unit_alternation(True)
UNIT_ANY = lx.unit_alternation(None)
DUR_ADJ = (r"(?:long|short|full|straight|consecutive|additional|more|whole|extra|entire|solid|"
           r"grueling|gruelling|agonizing|painful|difficult|hard|busy|f\*+\w*|fucking|freaking|"
           r"subsequent|previous|following|last|past|next)")
QUANT = lx.alternation(lx.QUANT_MODS)
I = r"(?i:{})".format  # case-insensitive piece


def _num(words: str) -> float | None:
    return lx.parse_number(words)


def _month(word: str) -> int:
    return lx.MONTHS[word.rstrip(".")]


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
    letter, is_time, _ = lx.UNITS[unit]
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


# ---------------------------------------------------------------- anchoring helpers
def _doc(ctx: Context) -> date | None:
    return ctx.doc_date


def _unresolved(m: re.Match, value: str, ttype: str = "DATE", mod: str | None = None) -> list[Timex]:
    s, e = _span(m)
    return [Timex(s, e, ttype, value, mod, "unresolved")]


def _span(m: re.Match) -> tuple[int, int]:
    return m.span("x") if "x" in m.re.groupindex and m.group("x") is not None else m.span()


def _year_for(m: re.Match, ctx: Context, month: int) -> tuple[int | None, str]:
    """Year of a year-less month or day, from the document date and the clause's tense."""
    doc = _doc(ctx)
    if doc is None:
        return None, "unresolved"
    return year_for_month(month, doc, ctx.future_leaning(_span(m)[0])), "publication"


# ---------------------------------------------------------------- builders
def b_date_time(m: re.Match, ctx: Context) -> list[Timex]:
    d = _valid_date(int(m["year"]), _month(m["mon"]), int(m["day"]))
    if d is None:
        return []
    s, e = _span(m)
    return [Timex(s, e, "TIME", d.isoformat() + _clock_value(m), None, "absolute")]


def _clock_value(m: re.Match, g: dict | None = None) -> str:
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


def _valid_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def b_full_date(m: re.Match, ctx: Context) -> list[Timex]:
    d = _valid_date(int(m["year"]), _month(m["mon"]), int(m["day"]))
    if d is None:
        return []
    s, e = _span(m)
    return [Timex(s, e, "DATE", d.isoformat())]


def b_numeric_date(m: re.Match, ctx: Context) -> list[Timex]:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        y += 2000 if y < 50 else 1900
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless impossible
    d = _valid_date(y, month, day)
    return [Timex(*_span(m), "DATE", d.isoformat())] if d else []


def b_iso_date(m: re.Match, ctx: Context) -> list[Timex]:
    d = _valid_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return []
    value = d.isoformat()
    if m["hour"]:
        value += f"T{m['hour']}:{m['minute']}" + (f":{m['second']}" if m["second"] else "")
    return [Timex(*_span(m), "TIME" if m["hour"] else "DATE", value)]


def b_month_year(m: re.Match, ctx: Context) -> list[Timex]:
    return [Timex(*_span(m), "DATE", f"{int(m['year'])}-{_month(m['mon']):02d}")]


def b_month_day(m: re.Match, ctx: Context) -> list[Timex]:
    month = _month(m["mon"])
    year, anchor = _year_for(m, ctx, month)
    if year is not None and m.groupdict().get("wdm"):  # "Monday, Oct. 26": the year that day is a Monday
        weekday = lx.WEEKDAYS[m["wdm"].rstrip(".")]
        fits = [y for y in (year, year + 1, year - 1)
                if (d := _valid_date(y, month, int(m["day"]))) and d.weekday() == weekday]
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
        d = _valid_date(year, month, day)
        if d:
            out.append(Timex(*span, "DATE", d.isoformat(), None, anchor if i == 0 else "narrative"))
    return out


def b_month_rel_year(m: re.Match, ctx: Context) -> list[Timex]:
    month = _month(m["mon"])
    doc = _doc(ctx)
    if doc is None:
        return _unresolved(m, f"XXXX-{month:02d}")
    year = doc.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    return [Timex(*_span(m), "DATE", f"{year}-{month:02d}", None, "publication")]


def b_clock_date(m: re.Match, ctx: Context) -> list[Timex]:
    day = b_month_day(m, ctx)
    if not day:
        return []
    return [replace(day[0], timex_type="TIME", value=day[0].value + _clock_value(m))]


def b_month_alone(m: re.Match, ctx: Context) -> list[Timex]:
    month = _month(m["mon"])
    rel = (m.groupdict().get("rel") or "").lower()
    doc = _doc(ctx)
    if rel in ("last", "next", "this", "coming", "past"):
        if doc is None:
            return _unresolved(m, f"XXXX-{month:02d}")
        if rel == "last" or rel == "past":
            year = doc.year if month < doc.month else doc.year - 1
        elif rel in ("next", "coming"):
            year = doc.year if month > doc.month else doc.year + 1
        else:
            year = doc.year
        return [Timex(*_span(m), "DATE", f"{year}-{month:02d}", None, "publication")]
    year, anchor = _year_for(m, ctx, month)
    if year is None:
        return _unresolved(m, f"XXXX-{month:02d}")
    return [Timex(*_span(m), "DATE", f"{year}-{month:02d}", None, anchor)]


def b_year(m: re.Match, ctx: Context) -> list[Timex]:
    return [Timex(*_span(m), "DATE", m["year"])]


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
    return [Timex(*_span(m), "DATE", value)]


def b_decade_bare(m: re.Match, ctx: Context) -> list[Timex]:
    """'the 70s and 80s': decades of the 1900s, each its own timex."""
    out = [Timex(*_span(m), "DATE", "19" + m["d1"])]
    if m["d2"]:
        out.append(Timex(*m.span("y"), "DATE", "19" + m["d2"]))
    return out


def b_part_of_year(m: re.Match, ctx: Context) -> list[Timex]:
    """Quarters and halves: 'the first half', 'Q1 2026', 'third-quarter'."""
    gd = m.groupdict()
    if gd.get("q"):
        kind, n = gd["q"][0].upper(), int(gd["q"][1])
    else:
        kind = "Q" if gd["unit"].lower() == "quarter" else "H"
        n = lx.ORDINALS[gd["ord"].lower()]
        if kind == "H" and n > 2:
            n = 2
    s, e = _span(m)
    if gd.get("ord") and "-" in ctx.text[m.end("ord"):m.start("unit")] and ctx.text[s:s + 3].lower() == "the":
        s = _WORD_AND_SPACE.match(ctx.text, s).end()  # "the third-quarter loss": drop the article
    if gd.get("year"):
        return [Timex(s, e, "DATE", f"{gd['year']}-{kind}{n}")]
    rel = (gd.get("rel") or "").lower()
    doc = _doc(ctx)
    if rel:
        if doc is None:
            return _unresolved(m, f"XXXX-{kind}{n}")
        year = doc.year + {"last": -1, "next": 1}.get(rel, 0)
        return [Timex(s, e, "DATE", f"{year}-{kind}{n}", None, "publication")]
    ref = ctx.narrative_in_sentence(s)
    if ref is not None:
        return [Timex(s, e, "DATE", f"{ref.start.year}-{kind}{n}", None, "narrative")]
    if doc is None:
        return _unresolved(m, f"XXXX-{kind}{n}")
    year = doc.year
    first_month = (n - 1) * (3 if kind == "Q" else 6) + 1
    if kind == "Q" and first_month > doc.month:  # financial news reports the latest quarter
        year -= 1
    return [Timex(s, e, "DATE", f"{year}-{kind}{n}", None, "publication")]


_WORD_AND_SPACE = re.compile(r"\w+\s+")


def b_season(m: re.Match, ctx: Context) -> list[Timex]:
    code = lx.SEASONS[m["season"].lower()]
    s, e = _span(m)
    if m.groupdict().get("year"):
        return [Timex(s, e, "DATE", f"{m['year']}-{code}")]
    rel = (m.groupdict().get("rel") or "").lower()
    offset = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    ref = ctx.narrative_in_sentence(s) if not rel else None
    if ref is not None:
        return [Timex(s, e, "DATE", f"{ref.start.year}-{code}", None, "narrative")]
    doc = _doc(ctx)
    if doc is None:
        return _unresolved(m, f"XXXX-{code}")
    return [Timex(s, e, "DATE", relative_season(code, doc, offset), None, "publication")]


_REL_OFFSET = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1,
               "this": 0, "current": 0, "the current": 0}


def b_relative_unit(m: re.Match, ctx: Context) -> list[Timex]:
    """'last year', 'this month', 'next week', 'the coming year'."""
    unit = lx.unit_of(m["unit"])
    rel = " ".join(m["rel"].lower().split())
    offset = _REL_OFFSET.get(rel.replace("the ", ""), 0)
    doc = _doc(ctx)
    gran = "weekend" if unit == "weekend" else unit
    if doc is None:
        xs = {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
              "day": "XXXX-XX-XX", "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}
        return _unresolved(m, xs.get(unit, "XXXX"))
    if rel in ("following", "the following", "previous", "the previous") and ctx.narrative is not None:
        d = shift(ctx.narrative.start, unit, offset)
        return [Timex(*_span(m), "DATE", fmt_value(d, gran), None, "narrative")]
    d = shift(doc, unit, offset)
    return [Timex(*_span(m), "DATE", fmt_value(d, gran), None, "publication")]


def b_weekday(m: re.Match, ctx: Context) -> list[Timex]:
    wd = lx.WEEKDAYS[m["wd"].rstrip(".")]
    rel = (m.groupdict().get("rel") or "").lower()
    part = (m.groupdict().get("part") or "").lower()
    s, e = _span(m)
    doc = _doc(ctx)
    # "Friday night" is a part of that day (TIME 1998-02-13TNI)
    ttype, suffix = ("TIME", "T" + lx.DAY_PARTS[part]) if part else ("DATE", "")
    if doc is None:
        return [Timex(s, e, ttype, f"XXXX-WXX-{wd + 1}" + suffix, None, "unresolved")]
    if rel in ("last", "past"):
        d = weekday_date(wd, doc - _days(1), -1)
    elif rel in ("next", "coming"):
        d = weekday_date(wd, doc, 1)
    elif rel == "this":
        d = weekday_date(wd, doc, 0)
    else:
        d = weekday_date(wd, doc - _days(1), 1) if ctx.future_leaning(s) else weekday_date(wd, doc, -1)
    return [Timex(s, e, ttype, d.isoformat() + suffix, None, "publication")]


def _days(n: int):
    from datetime import timedelta

    return timedelta(days=n)


def b_deictic_day(m: re.Match, ctx: Context) -> list[Timex]:
    word = m["deictic"].lower()
    part = (m.groupdict().get("part") or "").lower()
    doc = _doc(ctx)
    if word == "tonight":
        offset, part = 0, "night"
    else:
        offset = lx.DEICTIC_DAYS[word]
    ttype = "TIME" if part else "DATE"
    suffix = "T" + lx.DAY_PARTS[part] if part else ""
    if doc is None:
        return _unresolved(m, "XXXX-XX-XX" + suffix, ttype)
    return [Timex(*_span(m), ttype, (doc + _days(offset)).isoformat() + suffix, None, "publication")]


def b_this_daypart(m: re.Match, ctx: Context) -> list[Timex]:
    part = m["part"].lower()
    doc = _doc(ctx)
    suffix = "T" + lx.DAY_PARTS[part]
    if doc is None:
        return _unresolved(m, "XXXX-XX-XX" + suffix, "TIME")
    return [Timex(*_span(m), "TIME", doc.isoformat() + suffix, None, "publication")]


def b_clock(m: re.Match, ctx: Context) -> list[Timex]:
    s, e = _span(m)
    ref = ctx.narrative_in_sentence(s)
    if ref is not None and ref.granularity == "day":
        return [Timex(s, e, "TIME", ref.value[:10] + _clock_value(m), None, "narrative")]
    doc = _doc(ctx)
    if doc is None:
        return [Timex(s, e, "TIME", "XXXX-XX-XX" + _clock_value(m), None, "unresolved")]
    return [Timex(s, e, "TIME", doc.isoformat() + _clock_value(m), None, "publication")]


def b_ref_word(m: re.Match, ctx: Context) -> list[Timex]:
    word = " ".join(m["ref"].lower().split())
    value = lx.REF_WORDS[word]
    return [Timex(*_span(m), "DATE", value, None, "publication" if ctx.doc_date else "unresolved")]


def b_duration(m: re.Match, ctx: Context) -> list[Timex]:
    gd = m.groupdict()
    unit = lx.unit_of(gd["unit"])
    n = _num(gd["num"]) if gd.get("num") else None
    if gd.get("num") and n is None:
        return []
    if gd.get("first") and not gd.get("num") and not gd.get("vague"):
        n = 1
    half_at = m.start("half") if gd.get("half") else None
    if half_at is not None and n is not None:  # "a year and a half"
        n, half_at = n + 0.5, None
    mod = lx.QUANT_MODS.get(" ".join((gd.get("quant") or "").lower().split()))
    s, e = _span(m)
    if gd.get("num") and not gd.get("first") and not mod and "-" in ctx.text[m.end("num"):m.start("unit")]:
        s = m.start("num")  # "the 30-day period": the article belongs to the noun, not the timex
    if half_at is not None:  # "several years and a half": the half of no count
        e = half_at
    return [Timex(s, e, "DURATION", duration_value(n, unit), mod)]


def b_ago(m: re.Match, ctx: Context) -> list[Timex]:
    """'two years ago', 'over three weeks ago', 'six weeks later', 'a year earlier'."""
    gd = m.groupdict()
    unit = lx.unit_of(gd["unit"])
    n = _num(gd["num"]) if gd.get("num") else None
    direction = gd["dir"].lower()
    quant = " ".join((gd.get("quant") or "").lower().split())
    s, e = _span(m)
    if n is None:  # "years ago": somewhere in the past/future
        if direction == "ago":
            return [Timex(s, e, "DATE", "PAST_REF", None, "publication" if ctx.doc_date else "unresolved")]
        return [Timex(s, e, "DURATION", duration_value(None, unit))]
    sign = 1 if direction in ("later", "after", "from now", "hence", "afterward", "afterwards") else -1
    anchor_date, anchor = _doc(ctx), "publication"
    if direction in ("later", "earlier", "after", "before", "afterward", "afterwards"):
        # "later" follows the story's own timeline; "earlier" mostly compares with nearby dates
        ref = ctx.narrative if sign > 0 else ctx.narrative_near(s)
        if ref is not None:
            anchor_date, anchor = ref.start, "narrative"
    if anchor_date is None:
        return [Timex(s, e, "DATE", "XXXX", None, "unresolved")]
    quarter = ctx.quarter_near(s) if (unit, n, direction) in (("year", 1, "ago"), ("year", 1, "earlier")) else None
    if quarter is not None and not quant:  # "$93 million a year earlier": the year-ago quarter
        return [Timex(s, e, "DATE", _year_back(quarter.value), None, "narrative")]
    if n != int(n):
        return [Timex(s, e, "DURATION", duration_value(n, unit))]
    gran = {"hour": "day", "minute": "day", "second": "day"}.get(unit, unit)
    try:
        target = shift(anchor_date, gran if gran != "weekend" else "week", sign * int(n)) \
            if lx.UNITS[unit][1] is False else anchor_date
    except (ValueError, OverflowError):  # "2026 centuries later" leaves the calendar
        return [Timex(s, e, "DURATION", duration_value(n, unit))]
    value = fmt_value(target, gran)
    mod = lx.AGO_MODS.get(quant) if direction == "ago" else None
    rng = None
    if mod == "BEFORE":
        rng = (None, target)
    elif mod == "AFTER":
        rng = (target, anchor_date)
    return [Timex(s, e, "DATE", value, mod, anchor, rng)]


def b_set(m: re.Match, ctx: Context) -> list[Timex]:
    gd = m.groupdict()
    s, e = _span(m)
    if gd.get("setword"):
        return [Timex(s, e, "SET", lx.SET_WORDS[gd["setword"].lower()])]
    if gd.get("wd"):
        return [Timex(s, e, "SET", f"XXXX-WXX-{lx.WEEKDAYS[gd['wd']] + 1}")]
    if gd.get("part"):
        return [Timex(s, e, "SET", "TXX" + lx.DAY_PARTS[gd["part"].lower()])]
    unit = lx.unit_of(gd["unit"])
    n = 2 if gd.get("other") else 1
    return [Timex(s, e, "SET", duration_value(n, unit))]


def b_holiday(m: re.Match, ctx: Context) -> list[Timex]:
    s, e = _span(m)
    name = " ".join(m["holiday"].lower().replace("’", "'").split())
    month, day = lx.HOLIDAYS[name]
    year = int(m["year"]) if m.groupdict().get("year") else None
    anchor = "absolute" if year else "publication"
    if year is None:
        doc = _doc(ctx)
        if doc is None:
            return _unresolved(m, "XXXX-XX-XX")
        rel = (m.groupdict().get("rel") or "").lower()
        year = year_for_month(month, doc, rel in ("next", "coming") or (rel != "last" and ctx.future_leaning(s)))
        if rel == "last" and (month, 1) >= (doc.month, 1):
            year = doc.year - 1
    d = lx.holiday_date(name, year)
    return [Timex(s, e, "DATE", d.isoformat(), None, anchor)] if d else []


def b_clock_day(m: re.Match, ctx: Context) -> list[Timex]:
    """'9 a.m. Tuesday', '4 a.m. EDT Thursday', '10 p.m. yesterday'."""
    day_rows = (b_weekday if m["wd"] else b_deictic_day)(m, ctx)
    if not day_rows:
        return []
    day_value = day_rows[0].value[:10]
    s, e = _span(m)
    g = None if m["hour"] else {"hour": m["hour2"], "minute": m["minute2"], "second": m["second2"], "tz": m["tz2"]}
    return [Timex(s, e, "TIME", day_value + _clock_value(m, g), None, day_rows[0].anchor)]


def b_narrative_then(m: re.Match, ctx: Context) -> list[Timex]:
    """'right then' / 'back then': the date last written out ('since then' keeps only 'then')."""
    s, e = _span(m)
    ref = ctx.narrative_near(s, sentences=6)
    if ref is None:
        return []
    if m["x"].split()[0].lower() in ("since", "until", "till", "by"):
        s = e - 4
    return [Timex(s, e, "DATE", ref.value[:10], None, "narrative")]


def b_narrative_this(m: re.Match, ctx: Context) -> list[Timex]:
    """'this time' / 'around that time' / 'right then' -> the date last written out."""
    s, e = _span(m)
    ref = ctx.narrative
    if ref is None:
        return []
    mod = "APPROX" if m.groupdict().get("approx") else None
    return [Timex(s, e, "DATE", ref.value[:10], mod, "narrative")]


# ---------------------------------------------------------------- definite and fiscal periods
def _latest_quarter(ctx: Context) -> tuple[str, str] | None:
    """(value, anchor) of the quarter earnings news is about: the last one the article
    named, else the last one completed before the document date."""
    if ctx.quarter is not None:
        return ctx.quarter.value, "narrative"
    doc = ctx.doc_date
    if doc is None:
        return None
    done = (doc.month - 1) // 3  # quarters completed this year
    return (f"{doc.year}-Q{done}" if done else f"{doc.year - 1}-Q4"), "publication"


def _year_back(value: str) -> str:
    """The same period a year before: 1989-Q3 -> 1988-Q3."""
    return f"{int(value[:4]) - 1}{value[4:]}"


def b_the_unit(m: re.Match, ctx: Context) -> list[Timex]:
    """'the weekend', 'the week', 'the quarter', 'the latest period', 'the fiscal year'."""
    unit = m["unit"]
    s, e = _span(m)
    if unit in ("quarter", "period"):
        latest = _latest_quarter(ctx)
        if latest is None:
            return _unresolved(m, "XXXX-QX")
        return [Timex(s, e, "DATE", latest[0], None, latest[1])]
    if unit == "year" and re.match(r"\s+end(?:ed|ing)\b", ctx.text[e:e + 10]):
        return [Timex(s, e, "DURATION", "P1Y")]  # "the year ended March 31": a fiscal year's length
    doc = _doc(ctx)
    if doc is None:
        return _unresolved(m, {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX"))
    if unit == "weekend":  # the weekend just past, or the coming one in a future clause
        ahead = ctx.future_leaning(s)
        saturday = doc + _days((5 - doc.weekday()) % 7) if ahead else doc - _days((doc.weekday() - 5) % 7)
        return [Timex(s, e, "DATE", fmt_value(saturday, "weekend"), None, "publication")]
    return [Timex(s, e, "DATE", fmt_value(doc, unit), None, "publication")]


def g_the_unit(m: re.Match, text: str) -> bool:
    if m["unit"] == "period" and not m["qual"]:
        return False  # "the period" alone can be any stretch of time
    if _TITLE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return False  # "song of the year"
    # "the year before", "the week of ...", "the year 2000" are other expressions
    return not _THE_UNIT_STOP.match(text, m.end())


_TITLE_BEFORE = re.compile(I(lx.alternation(lx.TITLE_NOUNS)) + r"s?\s+of\s+$")  # also "songwriter of the year"
_THE_UNIT_STOP = re.compile(r"-\w|\s+(?:before|after|earlier|later|ago|prior|of\b|\d|two\s+thousand|nineteen|"
                            r"previous\b|awards?\b|prizes?\b|titles?\b)", re.I)  # "... of the year award"


def b_year_ago(m: re.Match, ctx: Context) -> list[Timex]:
    """'the year-ago quarter', 'the year-earlier period', 'year-ago results'."""
    s, e = _span(m)
    if m["months"]:
        return [Timex(s, e, "DURATION", f"P{int(lx.NUMBER_WORDS[m['months'].lower()])}M")]
    latest = _latest_quarter(ctx)
    doc = _doc(ctx)
    if m["what"] is None:  # the adjective alone: "year-ago results"
        s, e = m.span("ya")
        near = ctx.quarter_near(s)
        if near is not None:
            return [Timex(s, e, "DATE", _year_back(near.value), None, "narrative")]
        if doc is None:
            return [Timex(s, e, "DATE", "XXXX", None, "unresolved")]
        return [Timex(s, e, "DATE", str(doc.year - 1), None, "publication")]
    if latest is None:
        return _unresolved(m, "XXXX-QX")
    value = _year_back(latest[0])
    if m["ord"]:
        value = f"{value[:4]}-Q{lx.ORDINALS[m['ord'].lower()]}"
    return [Timex(s, e, "DATE", value, None, latest[1])]


def b_year_quarter(m: re.Match, ctx: Context) -> list[Timex]:
    """'this year's third quarter', 'last year's quarter', 'the 1988 period'."""
    s, e = _span(m)
    if m["year"]:
        year, anchor = int(m["year"]), "absolute"
    else:
        doc = _doc(ctx)
        if doc is None:
            return _unresolved(m, "XXXX-QX")
        year, anchor = doc.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0), "publication"
    if m["ord"]:
        kind = "Q" if m["unit"] == "quarter" else "H"
        n = lx.ORDINALS[m["ord"].lower()]
        return [Timex(s, e, "DATE", f"{year}-{kind}{min(n, 2) if kind == 'H' else n}", None, anchor)]
    latest = _latest_quarter(ctx)  # "the 1988 period": the quarter under discussion, in 1988
    q = latest[0][5:] if latest else "QX"
    return [Timex(s, e, "DATE", f"{year}-{q}", None, "narrative" if latest else "unresolved")]


def b_current(m: re.Match, ctx: Context) -> list[Timex]:
    """'current' (its current share) is the present; 'then-current' a past present."""
    value = "PAST_REF" if m["then"] else "PRESENT_REF"
    return [Timex(*_span(m), "DATE", value, None, "publication" if ctx.doc_date else "unresolved")]


def b_spoken_year(m: re.Match, ctx: Context) -> list[Timex]:
    year = lx.spoken_year(m["sy"])
    return [Timex(*_span(m), "DATE", str(year))] if year and 1000 <= year <= 2099 else []


def b_decade_word(m: re.Match, ctx: Context) -> list[Timex]:
    return [Timex(*_span(m), "DATE", lx.DECADE_WORDS[m["dw"].lower()])]


def b_century(m: re.Match, ctx: Context) -> list[Timex]:
    """'the 20th century' -> 19 (TIMEX3 writes the century's first two digits)."""
    word = m["cord"].lower()
    n = int(word[:-2]) if word[0].isdigit() else lx.CENTURY_ORDINALS[" ".join(word.replace("-", " ").split())]
    return [Timex(*_span(m), "DATE", f"{n - 1:02d}")] if 1 <= n <= 21 else []


def b_last_night(m: re.Match, ctx: Context) -> list[Timex]:
    doc = _doc(ctx)
    if doc is None:
        return _unresolved(m, "XXXX-XX-XXTNI", "TIME")
    return [Timex(*_span(m), "TIME", (doc - _days(1)).isoformat() + "TNI", None, "publication")]


_NOON = {"noon": "T12:00", "midday": "T12:00", "midnight": "T24:00"}


def b_noon(m: re.Match, ctx: Context) -> list[Timex]:
    """'noon Thursday', 'at midday', 'mid-afternoon yesterday': a time of the day."""
    word = " ".join(m["noon"].lower().replace("-", " ").split())
    suffix = _NOON.get(word) or "T" + lx.DAY_PARTS[word.split()[-1]]
    s, e = _span(m)
    if m["wd"] or m["deictic"]:
        day = (b_weekday if m["wd"] else b_deictic_day)(m, ctx)
        if not day:
            return []
        return [Timex(s, e, "TIME", day[0].value[:10] + suffix, None, day[0].anchor)]
    ref = ctx.narrative_in_sentence(s)
    if ref is not None and ref.granularity == "day":
        return [Timex(s, e, "TIME", ref.value[:10] + suffix, None, "narrative")]
    doc = _doc(ctx)
    if doc is None:
        return _unresolved(m, "XXXX-XX-XX" + suffix, "TIME")
    return [Timex(s, e, "TIME", doc.isoformat() + suffix, None, "publication")]


def b_that_unit(m: re.Match, ctx: Context) -> list[Timex]:
    """'that year', 'later that year', 'earlier that day', 'that quarter': the story's own date."""
    unit = m["unit"].lower()
    s, e = _span(m)
    gran = {"year": "year", "month": "month", "week": "week", "quarter": "quarter"}.get(unit, "day")
    if unit == "quarter":
        ref = ctx.quarter_near(s) or (ctx.narrative if ctx.narrative and ctx.narrative.granularity == "quarter" else None)
    else:
        refs = [r for r in (ctx.day_near(s) if gran == "day" else None, ctx.narrative_near(s, sentences=4)) if r]
        ref = max(refs, key=lambda r: r.offset) if refs else None  # the date written last
    if ref is None:
        return []
    suffix = "T" + lx.DAY_PARTS[unit] if unit in lx.DAY_PARTS else ""
    order = ("day", "week", "month", "quarter", "year")
    if ref.granularity in ("month", "year") and gran == "day":  # "that day" after "in October 1998"
        value = ref.value + ("-XX" if ref.granularity == "month" else "-XX-XX")
    elif ref.granularity not in order or order.index(ref.granularity) > order.index(gran):
        return []
    else:
        value = fmt_value(ref.start, gran)
    return [Timex(s, e, "TIME" if suffix else "DATE", value + suffix, None, "narrative")]


def b_the_term(m: re.Match, ctx: Context) -> list[Timex]:
    """'the near term', 'the long term': the future, vaguely."""
    return [Timex(*_span(m), "DATE", "FUTURE_REF", None, "publication" if ctx.doc_date else "unresolved")]


def b_next_day(m: re.Match, ctx: Context) -> list[Timex]:
    """'the next day', 'the following morning', 'the previous night': a day from the last one named."""
    s, e = _span(m)
    ref = ctx.day_near(s)
    base, anchor = (ref.start, "narrative") if ref else (_doc(ctx), "publication")
    if base is None:
        return _unresolved(m, "XXXX-XX-XX")
    unit = m["unit"].lower()
    suffix = "T" + lx.DAY_PARTS[unit] if unit in lx.DAY_PARTS else ""
    d = base + _days(1 if m["rel"].lower() in ("next", "following") else -1)
    return [Timex(s, e, "TIME" if suffix else "DATE", d.isoformat() + suffix, None, anchor)]


def b_trading_day(m: re.Match, ctx: Context) -> list[Timex]:
    """Market reports: 'ended the day at 9,505', 'for the day', 'the start of the day'."""
    s, e = _span(m)
    ref = ctx.day_near(s, sentences=1)
    day, anchor = (ref.start, "narrative") if ref else (_doc(ctx), "publication")
    if day is None:
        return _unresolved(m, "XXXX-XX-XX")
    mod = {"start": "START", "beginning": "START", "end": "END", "close": "END"}.get((m["edge"] or "").lower())
    return [Timex(s, e, "DATE", day.isoformat(), mod, anchor)]


def b_clock_daypart(m: re.Match, ctx: Context) -> list[Timex]:
    """'4 in the morning', '9 o'clock in the evening'."""
    hour = int(m["hour"]) % 12 + (12 if m["dp"].lower() in ("afternoon", "evening") else 0)
    s, e = _span(m)
    ref = ctx.day_near(s, sentences=1)
    day, anchor = (ref.start, "narrative") if ref else (_doc(ctx), "publication")
    if day is None:
        return _unresolved(m, f"XXXX-XX-XXT{hour:02d}:00", "TIME")
    return [Timex(s, e, "TIME", f"{day.isoformat()}T{hour:02d}:{m['minute'] or '00'}", None, anchor)]


def b_year_end(m: re.Match, ctx: Context) -> list[Timex]:
    """'by year-end', 'since year end', "by year's end": the end of the current (or, after
    'since', the previous) year."""
    if m["year"]:  # "at year-end 1986"
        return [Timex(*_span(m), "DATE", m["year"], "END")]
    doc = _doc(ctx)
    if doc is None:
        return _unresolved(m, "XXXX", mod="END")
    year = doc.year - 1 if re.search(r"\b(?i:since)\s+$", ctx.text[max(0, m.start() - 7):m.start()]) else doc.year
    return [Timex(*_span(m), "DATE", str(year), "END", "publication")]


def b_long(m: re.Match, ctx: Context) -> list[Timex]:
    """'a decades-long feud', 'a day-long meeting', 'a yearlong search'."""
    unit = lx.unit_of(m["unit"])
    return [Timex(*_span(m), "DURATION", duration_value(None if m["unit"].lower().endswith("s") else 1, unit))]


# ---------------------------------------------------------------- guards
_PREV_WORD = re.compile(r"([#\w.]+)\W*$")


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 20), start)
    return m.group(1) if m else ""


def g_not_numbered(m: re.Match, text: str) -> bool:
    """'Season 2 May ...' is not 2 May; 'No. 2026' is not a year."""
    return _prev_word(text, _span(m)[0]).rstrip(".") not in lx.NON_DATE_NUMBER_PREFIXES


_COUNT_AFTER = re.compile(r"\s+(?:" + "|".join(lx.COUNT_NOUNS) + r")\b")
_MONEY_BEFORE = re.compile(r"[$€£¥₹]\s*$|(?:US|Rs|USD|EUR)\s*$")


def g_year(m: re.Match, text: str) -> bool:
    s, e = _span(m)
    if not g_not_numbered(m, text):
        return False
    if _MONEY_BEFORE.search(text, max(0, s - 4), s) or _COUNT_AFTER.match(text, e):
        return False
    # a year inside an id, a score or a phone number
    return not (s > 0 and text[s - 1] in "-/:.,#") or \
        text[max(0, s - 6):s].strip().lower().split(" ")[-1] in ("mid-", "late-", "early-", "post-", "pre-")


_BARE_MONTH_CUE = re.compile(
    r"(?:\b(?i:in|since|by|until|till|from|through|throughout|during|before|after|of|to|between|"
    r"and|or|early|mid|late|last|next|this|each|every|around|for|on|the\s+end\s+of|"
    r"the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|as\s+of|the)|[-–])\s*$")


def g_bare_month(m: re.Match, text: str) -> bool:
    """A month name alone must follow a preposition ('in May', not 'May I')."""
    s, _ = _span(m)
    return bool(_BARE_MONTH_CUE.search(text, max(0, s - 25), s))


def g_weekday(m: re.Match, text: str) -> bool:
    _, e = _span(m)
    return not re.match(r"\s+the\s+\d", text[e:e + 10])  # "Friday the 13th" is a title


def g_day_month(m: re.Match, text: str) -> bool:
    return g_not_numbered(m, text)


def g_duration(m: re.Match, text: str) -> bool:
    _, e = _span(m)
    if re.match(r"(?:-|\s+)olds?\b", text[e:e + 6]):  # ages: "55 years old"
        return False
    if m["unit"][0].isupper() and not m["x"][0].isupper():  # titles: "60 Minutes"
        return False
    unit = m["unit"].lower()
    if re.fullmatch(r"(?:1[6-9]|20)\d\d", m["num"] or "") and not unit.endswith("s"):
        return False  # "the 1988 quarter" is a year's quarter, not 1988 quarters
    if unit.startswith("quarter") and (m["num"] or "").lower() in ("a", "one", "three") and not m["adj"] \
            and (re.match(r"\s+of\b", text[e:e + 4]) or re.search(r"-\s*quarters?$", m["x"])):
        return False  # fractions: "a quarter of the market", "three-quarters"
    if (m["num"] or "").lower() in ("a", "an") and not m["quant"] and _RATE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return False  # rates: "$2 million a year", "24 hours a day"
    # "a second time", "the 1988 second quarter": singular "second" is an ordinal unless "one second"
    return not (unit == "second" and (m["num"] or "").lower() not in ("one", "1"))


# a count (and its noun) before "a week": "$2 million a year", "four flights a week", "24 hours a day"
_RATE_BEFORE = re.compile(
    r"(?:(?:\d%?|\b(?:two|three|four|five|six|seven|eight|nine|ten|twelve|dozen|hundred|thousand|million|billion))"
    r"(?:\s+[a-z]+)?|\b(?:times|twice|once|cents?|dollars))\s+$", re.I)


# ---------------------------------------------------------------- the rule table
def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# "early summer", "late fall": a bare season with a part-of-period word before it
_PART_BEFORE = re.compile(r"\b(?i:early|late|mid)[-\s]$")
REL = I(r"last|next|this|coming|past|previous|following|current|the\s+(?:current|following|previous|past|last)")
AGO_DIR = I(r"ago|later|earlier|afterwards?|from\s+now|hence|before|after")

RULES: tuple[Rule, ...] = (
    # July 23, 2025 15:00:00 IST / January 10, 2026 at 3:44 PM IST
    Rule("date_time", _r(r"\b(?P<x>" + MON + r"\s+" + DAY + r",?\s+" + YEAR +
                         r"(?:,?\s+(?:at\s+)?|\s*[-–|]\s*)" + CLOCK + r")"), b_date_time),
    Rule("date_time_ampm", _r(r"\b(?P<x>" + MON + r"\s+" + DAY + r",?\s+" + YEAR +
                              r"(?:,?\s+(?:at\s+)?|\s*[-–|]\s*)" + CLOCK_AMPM + r")"), b_date_time),
    Rule("iso_date", _r(r"(?<![\d-])(?P<y>(?:19|20)\d{2})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                        r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?(?![\d-])"),
         b_iso_date),
    Rule("numeric_date", _r(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)?\d{2})(?![\d/])"),
         b_numeric_date),
    # (Friday,) June 6, 2022 / June 6th 2022
    Rule("month_day_year", _r(r"(?P<x>(?:" + WD_ANY.replace("?P<wd>", "?:") + r",?\s+)?" + MON + r"\s+" + DAY +
                              r"(?:,\s*|\s+)" + YEAR + r")"), b_full_date),
    # 6 June 2022 / 6th of June, 2022
    Rule("day_month_year", _r(r"\b(?P<x>" + DAY + r"\s+(?:of\s+)?" + MON + r",?\s+" + YEAR + r")"),
         b_full_date, g_day_month),
    # December 2026 / July of 2025
    Rule("month_year", _r(r"(?P<x>" + MON + r",?\s+(?:of\s+)?" + YEAR + r")"), b_month_year),
    # March 3 and 4 / Jan. 6 / Friday, Jan. 6
    Rule("month_day", _r(r"(?P<x>(?:" + WD_ANY.replace("?P<wd>", "?P<wdm>") + r",?\s+)?" + MON + r"\s+" + DAY + r")"
                         r"(?:\s*(?:and|or|&|to|through|-|–)\s*(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:]))?"),
         b_month_day),
    # 17 January
    Rule("day_month", _r(r"\b(?P<x>" + DAY + r"\s+(?:of\s+)?" + MON + r")"), b_month_day, g_day_month),
    # last January / in May
    Rule("month_rel", _r(r"\b(?P<x>(?P<rel>" + I(r"last|next|this|coming|past") + r")\s+" + MON_FULL + r")"),
         b_month_alone),
    Rule("month_alone", _r(r"(?P<x>" + MON_FULL + r")(?!\s*\d)"), b_month_alone, g_bare_month),
    # January this year / June last year
    Rule("month_rel_year", _r(r"\b(?P<x>" + MON_FULL + r"\s+(?P<yrel>" + I("this|last|next") + r")\s+" + I("year") + r")\b"),
         b_month_rel_year),
    # 5 p.m. EST Nov. 9 / 5 p.m. EST, Nov. 6
    Rule("clock_date", _r(r"(?<![\d:.$])(?P<x>" + CLOCK_AMPM + r",?\s+(?:on\s+)?" + MON + r"\s+" + DAY + r")"), b_clock_date),
    # 2009-2010, 2024-25
    Rule("year_range", _r(r"(?<![\d-])(?P<y1>(?:19|20)\d{2})\s*[-–]\s*(?P<y2>(?:19|20)?\d{2})(?![\d-])"),
         b_year_range),
    Rule("year", _r(r"(?<![\d$£€])(?P<x>(?:(?P<fy>" + I(r"fiscal(?:\s+year)?") + r")\s+)?" + YEAR + r")"),
         b_year, g_year),
    Rule("decade", _r(r"(?P<x>(?:" + I("the") + r"\s+)?(?:(?P<cent>1[89]|20)(?P<dec>\d)0|'(?P<dec2>\d)0)'?s)\b"),
         b_decade),
    # the 70s and 80s (no apostrophe: "the" in front, so not an age, "in his 30s")
    Rule("decade_bare", _r(r"\b(?P<x>" + I("the") + r"\s+(?P<d1>[4-9])0s)(?:\s+(?:and|or|to)\s+(?P<y>(?P<d2>[4-9])0s))?\b"
                           r"(?!['’-]|\s+(?:degrees|percent|mph|km)\b)"), b_decade_bare),
    # the first half (of 2031), Q3, third-quarter, the fourth quarter of last year
    Rule("quarter_half", _r(
        r"(?P<x>(?:" + I("the") + r"\s+)?(?:(?:" + I("fiscal") + r"[-\s]+)?(?P<ord>" + I(r"first|second|third|fourth|1st|2nd|3rd|4th|final|last") +
        r")[-\s]+(?P<unit>" + I("quarter|half") + r")|(?P<q>\b[QH][1-4]\b))"
        r"(?:\s+(?:of\s+)?(?:(?:" + I("fiscal") + r"\s+)?" + YEAR + r"|(?P<rel>" + I("this|last|next") + r")\s+" +
        I("year") + r"|" + I("the year") + r"))?)"), b_part_of_year),
    Rule("season", _r(r"(?P<x>(?:(?P<rel>" + I(r"this|last|next|past|coming") + r")\s+)?(?P<season>" +
                      I(r"spring|summer|fall|autumn|winter") + r")(?:\s+(?:of\s+)?" + YEAR + r")?)"),
         b_season, lambda m, t: bool(m["rel"] or m["year"] or _PART_BEFORE.search(t, max(0, m.start() - 7), m.start()))),
    Rule("season_the", _r(r"(?P<x>" + I(r"the") + r"\s+(?P<season>" + I(r"spring|summer|fall|autumn|winter") +
                          r")(?:\s+(?:of\s+)?" + YEAR + r")?)(?!\s+(?:of\s+(?!\d)|season|collection|term|semester|olympics|games))"),
         b_season),
    Rule("relative_unit", _r(r"\b(?P<x>(?P<rel>" + REL + r")\s+(?P<unit>" + I(r"year|month|week|weekend|quarter|decade|century") + r"))\b"),
         b_relative_unit, lambda m, t: m["unit"].islower()),  # "This Week" is a column's title
    Rule("weekday", _r(r"(?P<x>(?:(?P<rel>" + I(r"last|next|this|coming|past") + r")\s+)?" + WD +
                       r"(?:\s+(?P<part>" + I(r"morning|afternoon|evening|night") + r"))?)"), b_weekday, g_weekday),
    Rule("deictic_day", _r(r"\b(?P<x>(?P<deictic>" + I(r"today|yesterday|tomorrow|tonight") + r")(?:\s+(?P<part>" +
                           I(r"morning|afternoon|evening|night") + r"))?)\b"), b_deictic_day),
    Rule("this_daypart", _r(r"\b(?P<x>" + I(r"this") + r"\s+(?P<part>" + I(r"morning|afternoon|evening") + r"))\b"),
         b_this_daypart),
    Rule("clock", _r(r"(?<![\d:.])(?P<x>" + CLOCK + r")"), b_clock,
         lambda m, t: bool(m["ampm"] or m["tz"] or re.search(r"\bat\s*$", t[max(0, m.start() - 4):m.start()]))),
    Rule("clock_ampm", _r(r"(?<![\d:.$])(?P<x>" + CLOCK_AMPM + r")"), b_clock),
    Rule("ref_word", _r(r"\b(?P<x>(?P<ref>" + lx.alternation([w for w in lx.REF_WORDS if w not in ("current", "recent", "future", "one day")]) +
                        r"))\b(?!-)"), b_ref_word,
         lambda m, t: not re.match(r"\s+(?:" + NUM + r"|" + VAGUE + r")\s+" + UNIT_ANY, t[m.end():m.end() + 40], re.I)),
    Rule("holiday", _r(r"\b(?P<x>(?:(?P<rel>" + I(r"last|next|this|coming") + r")\s+)?(?P<holiday>" + I(lx.alternation(lx.HOLIDAYS).replace("'", "['’]")) +
                       r")(?:\s+" + YEAR + r")?)\b"), b_holiday),
    Rule("clock_day", _r(r"(?<![\d:.$])(?P<x>(?:" + CLOCK_AMPM + r"|" + CLOCK.replace("(?P<ampm>", "(?P<ampm2>").replace("(?P<tz>", "(?P<tz2>")
                         .replace("(?P<hour>", "(?P<hour2>").replace("(?P<minute>", "(?P<minute2>").replace("(?P<second>", "(?P<second2>") +
                         r")\s+(?:(?:on|this|next|last)\s+)?(?:" + WD + r"|(?P<deictic>" + I(r"today|yesterday|tomorrow") + r")))"),
         b_clock_day,  # a 24-hour clock needs a zone or "at": "12:00 UTC Monday", "at 16:00 today"
         lambda m, t: bool(m["hour"] or m["tz2"] or re.search(r"\bat\s*$", t[max(0, m.start() - 4):m.start()]))),
    Rule("ref_word_cap", _r(r"\b(?P<x>(?P<ref>Now|Currently|Recently|Soon|Nowadays|Lately))\b"), b_ref_word),
    # N units ago / over two years ago / six weeks later / years ago
    Rule("ago", _r(r"(?<![\d,.$/])\b(?P<x>(?=\w)(?:(?P<quant>" + QUANT + r")\s+)?(?:(?P<num>" + I(NUM) + r")|" + I(VAGUE) + r")?\s*"
                   r"(?P<unit>" + I(UNIT_ANY) + r")\s+(?P<dir>" + AGO_DIR + r"))\b"),
         b_ago, lambda m, t: (m["dir"].lower() not in ("before", "after") or bool(re.match(r"\s*[,.;)]", t[m.end():m.end() + 2])))
         and (m["num"] is not None or m["unit"].lower().endswith("s"))),
    # nearly four years / first 30 days / two long decades / a five-year deal / the past two months
    Rule("duration", _r(r"(?<![\d,.$/])\b(?P<x>(?:(?P<quant>" + I(QUANT) + r")\s+(?!" + I("the") + r"\b))?(?:" + I(r"the") + r"\s+)?"
                        r"(?:(?P<first>" + I(r"first|last|past|next|coming|previous|following|initial|final|entire|whole|full|better\s+part\s+of\s+the") + r")\s+)?"
                        r"(?:(?P<num>" + I(NUM) + r")|(?P<vague>" + I(VAGUE) + r"))[-\s]+(?:(?P<adj>" + I(DUR_ADJ) + r")\s+)?"
                        r"(?P<unit>" + I(UNIT_ANY) + r")(?P<half>\s+" + I(r"and\s+a\s+half") + r")?)\b"), b_duration, g_duration),
    # first month / the first week
    Rule("duration_first", _r(r"\b(?P<x>(?P<first>" + I(r"first|initial|opening") + r")\s+(?P<unit>" + I(UNIT_SG) + r"))\b"),
         b_duration, lambda m, t: m["unit"].lower() != "quarter"),
    # the coming years / recent months
    Rule("vague_period", _r(r"\b(?P<x>(?:" + I("the") + r"\s+)?(?P<qual>" + I(r"coming|recent|past|last|next|following|future") +
                            r")\s+(?P<bare>" + I(r"years|months|weeks|decades|days|quarters") + r"))\b"), lambda m, c: b_vague_period(m, c)),
    # bare plural: for years / over the years / set years after / years later
    Rule("duration_bare", _r(r"(?:\b(?i:for|over|in|after|within|set|took|spent|wait(?:ed)?|lasted|span(?:ned)?|decades|take)\s+)(?P<x>(?:" + I("the") +
                             r"\s+)?(?P<bare>" + I(r"years|months|weeks|decades|centuries|days|hours|minutes") + r")(?:\s+" + I("later") + r")?)\b"),
         lambda m, c: b_duration_bare(m, c)),
    Rule("duration_bare_after", _r(r"\b(?P<x>(?P<bare>" + I(r"years|months|weeks|decades|days") + r")\s+" + I("later") + r")\b"),
         lambda m, c: b_duration_bare(m, c)),
    Rule("set", _r(r"\b(?P<x>(?:" + I(r"every|each|per") + r"\s+(?:(?P<other>" + I("other") + r")\s+)?(?:(?P<unit>" +
                   I(r"day|week|month|quarter|year|weekend|decade") + r")|" + WD + r"|(?P<part>" + I(r"morning|night|evening|afternoon") +
                   r")))|(?P<setword>" + I(r"daily|nightly|weekly|monthly|yearly|annually|quarterly|hourly|biweekly") + r"))\b"),
         b_set, lambda m, t: not (m["setword"] and m["setword"].lower() == "quarterly" and re.match(r"\s+[a-z]", t[m.end():m.end() + 2]))),
    # this time / around that time / right then / back then
    # ("at the same time" means "meanwhile": only "around the same time" is a date)
    Rule("narrative_this", _r(r"(?:\b(?i:at|by|during|since|until|from|before|after)\s+)(?P<x>(?:" + I(r"this|that") +
                              r"\s+" + I("time") + r"))\b(?!\s+(?:around|round|of|to|for|last|next|in\s+(?:history|my|his|her|their)))"),
         b_narrative_this),
    Rule("narrative_approx", _r(r"\b(?P<x>(?P<approx>" + I(r"around|about") + r")\s+" + I(r"this|that|the\s+same") +
                              r"\s+" + I("time") + r")\b(?!\s+(?:around|round|of|to|for|last|next))"),
         b_narrative_this),
    Rule("narrative_then", _r(r"\b(?P<x>" + I(r"right|back|since|until|till|by") + r"\s+" + I("then") + r")\b"),
         b_narrative_then),
    # the weekend / the week / the quarter / the latest period / the fiscal year
    Rule("the_unit", _r(r"\b(?P<x>" + I("the") + r"\s+(?:(?P<qual>" + I(r"latest|most\s+recent|full|fiscal|calendar|"
                        r"(?:current|latest)\s+fiscal") + r")\s+)?(?P<unit>week|weekend|month|quarter|year|period))\b"),
         b_the_unit, g_the_unit),
    # the year-ago quarter / the comparable year-earlier period / year-ago results
    Rule("year_ago", _r(r"\b(?P<x>(?:" + I("the") + r"\s+(?:" + I("comparable|same") + r"\s+)?)?(?P<ya>" + I("year") +
                        r"-(?:ago|earlier))(?:\s+(?P<what>(?:(?P<ord>" + I("first|second|third|fourth") + r")\s+)?quarter|period|"
                        r"(?P<months>nine|six|three)\s+months))?)\b"), b_year_ago),
    # this year's third quarter / last year's quarter / the 1988 period
    Rule("year_quarter", _r(r"\b(?P<x>(?:" + I("the") + r"\s+)?(?:(?P<rel>" + I("this|last|next") + r")\s+year['’]s|" + YEAR +
                            r")\s+(?:(?P<ord>" + I("first|second|third|fourth") + r")[-\s]+(?P<unit>quarter|half)|quarter|period))\b"),
         b_year_quarter),
    # its current share / the then-current price
    Rule("current", _r(r"\b(?P<x>(?:(?P<then>then)[-\s])?current)(?=\s+[a-z])(?!\s+(?:account|assets|liabilities|affairs)\b)"),
         b_current),
    # spoken years and decades: nineteen ninety-six, the year two thousand, the nineties
    Rule("spoken_year", _r(r"\b(?P<x>(?:" + I("the") + r"\s+year\s+)?(?P<sy>" + I(lx.SPOKEN_YEAR_RE) + r"))"),
         b_spoken_year, lambda m, t: not m["sy"].lower().startswith("two") or m["x"].lower().startswith("the")),
    Rule("decade_word", _r(r"\b(?P<x>" + I("the") + r"\s+(?P<dw>" + I(lx.alternation(lx.DECADE_WORDS)) + r"))\b"), b_decade_word),
    # the 20th century / the eleventh century
    Rule("century", _r(r"\b(?P<x>(?:" + I("the") + r"\s+)?(?P<cord>\d{1,2}(?:st|nd|rd|th)|" + I(lx.alternation(lx.CENTURY_ORDINALS)) +
                       r")[-\s]+" + I("century") + r")\b(?!\s+[A-Z])"), b_century),  # not "20th Century Fox"
    # that year / later that year / earlier that day / that same day
    Rule("that_unit", _r(r"\b(?P<x>(?:" + I("later|earlier") + r"\s+)?" + I("that") + r"\s+(?:" + I("same") + r"\s+)?(?P<unit>" +
                         I("year|quarter|month|week|day|night|morning|afternoon|evening") + r"))\b(?![-'’])"), b_that_unit),
    # on the same day / in the same year: the story's own date (not "the same day last year")
    Rule("same_unit", _r(r"\b(?P<x>" + I("the") + r"\s+same\s+(?P<unit>year|month|week|day|night|morning|afternoon|evening))\b"
                         r"(?![-'’]|\s+(?:a\s+year|last|the\s+(?:previous|prior|year)|of|in|as|that|when)\b)"), b_that_unit),
    Rule("year_end", _r(r"\b(?P<x>" + I("year") + r"(?:-|\s+|['’]s\s+)" + I("end") + r"(?:\s+" + YEAR + r")?)\b(?!-)"), b_year_end,
         lambda m, t: bool(re.search(r"\b(?i:by|at|until|till|since|before|after|around|near|through|toward|towards)\s+$",
                                     t[max(0, m.start() - 8):m.start()]))),
    # decades-long / day-long / yearlong
    Rule("long", _r(r"\b(?P<x>(?P<unit>" + I("days?|weeks?|months?|years?|decades?|centur(?:y|ies)") + r")-?long)\b"), b_long),
    # the next day / the following morning / the previous night
    Rule("next_day", _r(r"\b(?P<x>" + I("the") + r"\s+(?P<rel>" + I("next|following|previous|prior") + r")\s+(?P<unit>" +
                        I("day|morning|afternoon|evening|night") + r"))\b"), b_next_day),
    Rule("clock_daypart", _r(r"\b(?P<x>(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s+(?:o['’]clock\s+)?in\s+the\s+(?P<dp>" +
                             I("morning|afternoon|evening") + r"))\b"), b_clock_daypart),
    # the trading day: end the day at 9,505 / for the day / the start of the day
    # (but "at the end of the day" is an idiom for "in the end")
    Rule("trading_day", _r(r"(?:\b(?i:for|end|ends|ended|ending|finish|finished|finishing|close|closed|closing)\s+(?=the\s+day\b)|"
                           r"\b(?=the\s+(?:start|beginning|close)\s+of\s+the\s+day\b)|"
                           r"(?<!\b[Aa]t\s)\b(?=the\s+end\s+of\s+the\s+day\b))(?P<x>(?:the\s+(?P<edge>start|beginning|end|close)"
                           r"\s+of\s+)?the\s+day)\b(?!\s+(?:before|after|of|when|that)\b)"), b_trading_day),
    # in the near term / over the long term: only before punctuation or a function word
    # (not "near-term", not "the long term unemployed", "the longer term effects")
    # in the near term / over the long term: only before punctuation or a function word
    # (not "near-term", not "the long term unemployed", "the longer term effects")
    Rule("the_term", _r(r"\b(?P<x>" + I("the") + r"\s+(?:" + I("near|short|long|longer|medium|shorter") + r")\s+term)\b"
                        r"(?=\s*(?:[^\w\s'’-]|$)|\s+(?:and|or|but|as|of|for|to|in|on|at|by|is|was|will|would|could|should|may|might|"
                        r"are|were|has|have|had|than|it|its|we|I|he|she|they|you|the|a|an|this|that|with|because|if|when|while|so|"
                        r"though|although|before|after|unless|until|there|remains?|looks?|seems?|appears?)\b)"),
         b_the_term),
    Rule("last_night", _r(r"\b(?P<x>" + I("last") + r"\s+night)\b"), b_last_night),
    # noon Thursday / at midday / mid-afternoon yesterday
    Rule("noon", _r(r"\b(?P<x>(?P<noon>noon|midday|midnight|mid-?\s?(?:morning|afternoon))(?:\s+(?:(?P<rel>" + I("last|next|this") +
                    r")\s+)?(?:" + WD + r"|(?P<deictic>today|yesterday|tomorrow)))?)\b"), b_noon,
         lambda m, t: bool(m["wd"] or m["deictic"] or m["noon"].startswith("mid-") or
                           re.search(r"\b(?i:at|by|until|till|before|after|around|about|from|since|past|of)\s+$", t[max(0, m.start() - 8):m.start()]))),
)


def b_vague_period(m: re.Match, ctx: Context) -> list[Timex]:
    """'recent years' -> PAST_REF, 'the coming months' -> FUTURE_REF, 'the past weeks' -> PAST_REF."""
    qual = m["qual"].lower()
    value = "FUTURE_REF" if qual in ("coming", "next", "following", "future") else "PAST_REF"
    return [Timex(*_span(m), "DATE", value, None, "publication" if ctx.doc_date else "unresolved")]


def b_duration_bare(m: re.Match, ctx: Context) -> list[Timex]:
    word = m["bare"].lower()
    unit = lx.unit_of(word)
    return [Timex(*_span(m), "DURATION", duration_value(None, unit))]


# ---------------------------------------------------------------- prefix modifiers
# Words just before a time expression that set its mod and join its extent.
PART_PREFIX = re.compile(
    r"(?:\b(?P<pw>" + I(r"the\s+(?:very\s+)?(?:beginning|start|end|middle|close|dawn)\s+of(?:\s+the)?") + r")\s+"
    r"|(?:\b" + I("the") + r"\s+)?\b(?P<ew>" + I(r"early|mid|late|earlier|later") + r")(?:\s+|-))$")
# "late yesterday", "early Tuesday": only early/late set a mod ("earlier Sunday" is just Sunday)
DAY_PART_PREFIX = re.compile(r"\b(?P<dw>" + I(r"early|late|earlier|later") + r")\s+$")
_NAMED_DAY = re.compile(I("yesterday|today|tomorrow") + r"|" + WD)
APPROX_PREFIX = re.compile(r"\b(?P<aw>" + I(r"around|about|roughly|approximately|circa|nearly|almost") + r")\s+$")
DUR_QUANT_PREFIX = re.compile(r"\b(?P<qw>" + I(QUANT) + r")\s+$")
_PARTABLE = ("year", "month", "season", "quarter", "half", "decade", "week")


def apply_prefix_mods(t: Timex, text: str) -> Timex:
    if t.mod is not None:
        return t
    window = text[max(0, t.start - 40):t.start]
    if t.timex_type == "DATE" and granularity_of(t.value) in _PARTABLE:
        if m := PART_PREFIX.search(window):
            words = (m["pw"] or m["ew"]).lower().split()
            key = next((w for w in words if w in lx.PART_MODS), "")
            mod = lx.PART_MODS.get(key)
            if mod:
                return replace(t, start=t.start - (len(window) - m.start()), mod=mod)
    if t.timex_type == "DATE" and _NAMED_DAY.match(text, t.start):
        if m := DAY_PART_PREFIX.search(window):
            mod = {"early": "START", "late": "END"}.get(m["dw"].lower())
            return replace(t, start=t.start - (len(window) - m.start()), mod=mod)
    if t.timex_type == "DATE" and not t.value.endswith("_REF") and t.anchor == "narrative":
        if m := APPROX_PREFIX.search(window):
            return replace(t, start=t.start - (len(window) - m.start()), mod="APPROX")
    if t.timex_type == "DURATION" and "X" not in t.value and not text.startswith(("the", "The"), t.start):
        if m := DUR_QUANT_PREFIX.search(window):
            mod = lx.QUANT_MODS.get(" ".join(m["qw"].lower().split()))
            return replace(t, start=t.start - (len(window) - m.start()), mod=mod)
    return t


# ---------------------------------------------------------------- driver
# Each rule runs only in windows around words it cannot match without (speed only; see
# scan.py): (anchor words, words a match may reach before / after the anchor's word,
# whether the anchor starts a word, a regex the anchor must match, a test on the words
# before it). The bounds are read off the patterns above: change one, check its trigger.
# Digit checks match at the start of the digit run: the rules' lookbehinds forbid a digit
# before their first one (the decade rule has none, so its check may skip into the run).
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = tuple(w.lower() for w in lx.FULL_WEEKDAYS)
_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "centur", "quarter")
_DAYPARTS = ("morning", "afternoon", "evening")
_MON_AT = re.compile(MON)
_WD_AT = re.compile(WD)
_NUMBER_ENDS = frozenset(w.split()[-1] for w in (*lx.NUMBER_WORDS, *lx.VAGUE_QUANTITIES))
_WORD = re.compile(r"\w+")


def _counted(text: str, start: int) -> bool:
    """Is one of the three words before a unit a number's last word ("two", "couple of",
    "5", "several")? A duration's count sits there, with at most a two-word adjective between."""
    lo = max(0, start - 60)
    words = _WORD.findall(text, lo, start)
    if len(words) < 4 and lo > 0:
        words = _WORD.findall(text, 0, start)
    return any(not w.isalpha() or w.lower() in _NUMBER_ENDS for w in words[-3:])


def _phrase_trigger(phrases, anchors: set[str], before: int, after: int) -> Trigger:
    """A trigger for a list of phrases: each holds one anchor word; the bounds grow by
    the words around it ("the near future": two before "future")."""
    most_before = most_after = 0
    for phrase in phrases:
        words = _WORD.findall(phrase.lower())
        k = next(i for i, w in enumerate(words) if w in anchors)
        most_before, most_after = max(most_before, k), max(most_after, len(words) - k - 1)
    return Trigger(tuple(sorted(anchors)), before + most_before, after + most_after)


_REF_PHRASES = [w for w in lx.REF_WORDS if w not in ("current", "recent", "future", "one day")]
TRIGGERS: dict[str, Trigger] = {
    "date_time": Trigger(_MONTHS, 0, 9, False, _MON_AT),
    "date_time_ampm": Trigger(_MONTHS, 0, 8, False, _MON_AT),
    "iso_date": Trigger((DIGITS,), 0, 4, False, re.compile(r"(?:19|20)\d\d-[01]\d-")),
    "numeric_date": Trigger((DIGITS,), 0, 2, False, re.compile(r"\d\d?/\d\d?/")),
    "month_day_year": Trigger(_MONTHS, 1, 3, False, _MON_AT),
    "day_month_year": Trigger(_MONTHS, 2, 2, False, _MON_AT),
    "month_year": Trigger(_MONTHS, 0, 3, False, _MON_AT),
    "month_day": Trigger(_MONTHS, 1, 3, False, _MON_AT),
    "day_month": Trigger(_MONTHS, 2, 1, False, _MON_AT),
    "month_rel": Trigger(_MONTHS, 1, 0, False, _MON_AT),
    "month_alone": Trigger(_MONTHS, 0, 1, False, _MON_AT),
    "month_rel_year": Trigger(_MONTHS, 0, 2, False, _MON_AT),
    "clock_date": Trigger(_MONTHS, 6, 2, False, _MON_AT),
    "year_range": Trigger((DIGITS,), 0, 1, False, re.compile(r"(?:19|20)\d\d\s*[-–]")),
    "year": Trigger((DIGITS,), 2, 1, False, re.compile(r"(?:1[6-9]|20)\d\d(?!\d)")),
    "decade": Trigger((DIGITS,), 1, 1, False, re.compile(r"\d*0'?s")),  # "1990s", "'90s"; may start inside the run
    "decade_bare": Trigger((DIGITS,), 1, 3, False, re.compile(r"[4-9]0s")),
    "quarter_half": Trigger(("quarter", "half", "q1", "q2", "q3", "q4", "h1", "h2", "h3", "h4"), 3, 4),
    "season": Trigger(tuple(lx.SEASONS), 1, 3, False),
    "season_the": Trigger(tuple(lx.SEASONS), 1, 4),
    "relative_unit": Trigger(("year", "month", "week", "quarter", "decade", "centur"), 2, 0),
    "weekday": Trigger(_WEEKDAYS, 1, 1, False, _WD_AT),
    "deictic_day": Trigger(("today", "yesterday", "tomorrow", "tonight"), 0, 1),
    "this_daypart": Trigger(_DAYPARTS, 1, 0),
    "clock": Trigger((DIGITS,), 0, 5, False, re.compile(r"\d\d?:")),
    "clock_ampm": Trigger((DIGITS,), 0, 4, False, re.compile(r"\d\d?(?:[:.][0-5]\d)?\s*[aApP]")),
    "ref_word": _phrase_trigger(_REF_PHRASES, {"now", "currently", "nowadays", "present", "these", "recently",
                                               "lately", "past", "once", "soon", "future", "someday"}, 0, 0),
    "holiday": _phrase_trigger(lx.HOLIDAYS, {"christmas", "new", "valentine", "halloween", "independence", "fourth",
                                             "veterans", "boxing", "thanksgiving", "labor", "memorial", "election",
                                             "mother", "father"}, 1, 2),
    "clock_day": Trigger(_WEEKDAYS + ("today", "yesterday", "tomorrow"), 7, 0, True,
                         re.compile(WD + "|" + I("today|yesterday|tomorrow"))),
    "ref_word_cap": Trigger(("now", "currently", "recently", "soon", "nowadays", "lately"), 0, 0),
    "ago": Trigger(_UNITS, 8, 2, False, re.compile(I(UNIT_ANY) + r"\s+" + AGO_DIR)),
    "duration": Trigger(_UNITS, 14, 3, True, None, _counted),
    "duration_first": Trigger(_UNITS, 1, 0),
    "vague_period": Trigger(("year", "month", "week", "decade", "day", "quarter"), 2, 0),
    "duration_bare": Trigger(("year", "month", "week", "decade", "centur", "day", "hour", "minute"), 2, 1),
    "duration_bare_after": Trigger(("year", "month", "week", "decade", "day"), 0, 1),
    "set": Trigger(("day", "week", "month", "quarter", "year", "decade", "morning", "night", "evening", "afternoon",
                    *_WEEKDAYS, *lx.SET_WORDS), 2, 0),
    "narrative_this": Trigger(("time",), 2, 2),
    "narrative_approx": Trigger(("time",), 3, 1),
    "narrative_then": Trigger(("then",), 1, 0),
    "the_unit": Trigger(("week", "month", "quarter", "year", "period"), 3, 0),
    "year_ago": Trigger(("year",), 2, 3),
    "year_quarter": Trigger(("quarter", "half", "period"), 5, 0),
    "current": Trigger(("current",), 1, 1),
    "spoken_year": Trigger(("nineteen", "twenty", "thousand"), 3, 2),
    "decade_word": Trigger(tuple(lx.DECADE_WORDS), 1, 0),
    "century": Trigger(("centur",), 3, 1),
    "that_unit": Trigger(("year", "quarter", "month", "week", "day", "night", *_DAYPARTS), 3, 0),
    "same_unit": Trigger(("year", "month", "week", "day", "night", *_DAYPARTS), 2, 2),
    "year_end": Trigger(("year",), 0, 4),
    "long": Trigger(("day", "week", "month", "year", "decade", "centur"), 0, 1),
    "next_day": Trigger(("day", "night", *_DAYPARTS), 2, 0),
    "clock_daypart": Trigger(_DAYPARTS, 6, 0),
    "trading_day": Trigger(("day",), 4, 1),
    "last_night": Trigger(("night",), 1, 0),
    "the_term": Trigger(("term",), 2, 1),
    "noon": Trigger(("noon", "mid"), 0, 3),
}
assert set(TRIGGERS) == {rule.name for rule in RULES}, set(TRIGGERS) ^ {rule.name for rule in RULES}
_SCANNER = Scanner([TRIGGERS.get(rule.name) for rule in RULES])


def candidates(text: str, *, windowed: bool = True) -> list[tuple[int, int, int, re.Match]]:
    """(start, end, rule index, match) of every guarded rule match. ``windowed=False``
    scans the whole text with every rule: slower, and the same answer."""
    found = []
    windows = _SCANNER.windows(text, text.lower()) if windowed else [None] * len(RULES)
    for i, rule in enumerate(RULES):
        spans = windows[i]
        for lo, hi in ((0, len(text)),) if spans is None else spans:
            for m in rule.pattern.finditer(text, lo, hi):
                s, e = m.span()
                if e <= s or (rule.guard is not None and not rule.guard(m, text)):
                    continue
                found.append((s, e, i, m))
    return found


def select(found: list[tuple[int, int, int, re.Match]]) -> list[tuple[int, int, int, re.Match]]:
    """Longest first, then earlier rule; no two chosen spans overlap."""
    import bisect

    chosen: list[tuple[int, int, int, re.Match]] = []
    starts: list[int] = []  # chosen spans, kept sorted and disjoint: a bisect finds the neighbours
    ends: list[int] = []
    for c in sorted(found, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        i = bisect.bisect_left(starts, c[0])
        if (i == 0 or ends[i - 1] <= c[0]) and (i == len(starts) or starts[i] >= c[1]):
            chosen.append(c)
            starts.insert(i, c[0])
            ends.insert(i, c[1])
    return sorted(chosen, key=lambda c: c[0])


def parse(text: str, ctx: Context) -> list[Timex]:
    out: list[Timex] = []
    for s, e, i, m in select(candidates(text)):
        for t in RULES[i].build(m, ctx):
            t = apply_prefix_mods(t, text)
            out.append(t)
            _remember(t, ctx)
    return out


def _remember(t: Timex, ctx: Context) -> None:
    """Dates written out with a year become the narrative reference. The newest quarter
    named that is over by the document date becomes the quarter reference: results
    are reported for finished quarters ("the fourth quarter" ahead is an outlook)."""
    if t.timex_type == "DATE" and t.anchor in ("absolute", "publication") and granularity_of(t.value) == "quarter":
        period = interval(t.value)
        if period[1] is not None and (ctx.doc_date is None or period[1] < ctx.doc_date) \
                and (ctx.quarter is None or t.value >= ctx.quarter.value):
            ctx.quarter = NarrativeRef(t.value, period[0], "quarter", t.start)
    if t.timex_type in ("DATE", "TIME") and t.anchor != "unresolved" and granularity_of(t.value) == "day":
        day = start_of(t.value)
        if day is not None:
            ctx.day = NarrativeRef(t.value[:10], day, "day", t.start)
    if t.timex_type not in ("DATE", "TIME") or t.anchor != "absolute":
        return
    start = start_of(t.value)
    if start is None:
        return
    gran = granularity_of(t.value)
    if gran in ("decade",):
        return
    ctx.narrative = NarrativeRef(t.value, start, gran, t.start)
