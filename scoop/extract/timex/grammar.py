"""The phrase grammar: one table of rules, each a regex plus a builder.

Every rule finds candidate spans; the longest non-overlapping candidates win
(ties go to the earlier rule in ``RULES``); then the survivors are resolved in
text order, so relative phrases can lean on dates written before them. A
builder returns ``Timex`` rows (one match may give two: "January 17 and 18").
Hand-written rather than dateparser: dateparser has no extents, no mods and
no "late 2026"/"the second half" (see STACK_NOTES.md).
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
from scoop.extract.timex.intervals import granularity_of


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    timex_type: str
    value: str
    mod: str | None = None
    anchor: str = "absolute"
    # explicit interval when the value alone cannot carry it ("over two years ago")
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
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
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


def duration_value(n: float | None, unit: str) -> str:
    """P3Y, PT24H, P10Y (decade), PXM for vague counts."""
    letter, is_time, _ = lx.UNITS[unit]
    if letter == "DE":
        return f"P{_num_str(n * 10) if n is not None else 'X'}{'Y' if n is not None else 'DE'}"
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


def _clock_value(m: re.Match) -> str:
    hour = int(m["hour"])
    ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm.startswith("p") and hour < 12:
        hour += 12
    if ampm.startswith("a") and hour == 12:
        hour = 0
    value = f"T{hour:02d}:{m['minute'] or '00'}"
    if m.groupdict().get("second"):
        value += f":{m['second']}"
    if (m.groupdict().get("tz") or "") in ("UTC", "GMT"):
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


def b_part_of_year(m: re.Match, ctx: Context) -> list[Timex]:
    """Quarters and halves: 'the second half', 'Q1 2026', 'third-quarter'."""
    gd = m.groupdict()
    if gd.get("q"):
        kind, n = gd["q"][0].upper(), int(gd["q"][1])
    else:
        kind = "Q" if gd["unit"].lower() == "quarter" else "H"
        n = lx.ORDINALS[gd["ord"].lower()]
        if kind == "H" and n > 2:
            n = 2
    s, e = _span(m)
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
    ttype, suffix = "DATE", ""  # "Friday night": TimeBank values the day
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
    mod = lx.QUANT_MODS.get(" ".join((gd.get("quant") or "").lower().split()))
    return [Timex(*_span(m), "DURATION", duration_value(n, unit), mod)]


def b_ago(m: re.Match, ctx: Context) -> list[Timex]:
    """'two years ago', 'over two years ago', 'five months later', 'a year earlier'."""
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
    if n != int(n):
        return [Timex(s, e, "DURATION", duration_value(n, unit))]
    gran = {"hour": "day", "minute": "day", "second": "day"}.get(unit, unit)
    target = shift(anchor_date, gran if gran != "weekend" else "week", sign * int(n)) \
        if lx.UNITS[unit][1] is False else anchor_date
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
    return [Timex(s, e, "TIME", day_value + _clock_value(m), None, day_rows[0].anchor)]


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
    return not (s > 0 and text[s - 1] in "-/:.,#") or text[max(0, s - 5):s].strip().lower() in ("mid-", "late-", "early-")


_BARE_MONTH_CUE = re.compile(
    r"(?:\b(?i:in|since|by|until|till|from|through|throughout|during|before|after|of|to|between|"
    r"and|or|early|mid|late|last|next|this|each|every|around|for|on|the\s+end\s+of|"
    r"the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|as\s+of)|[-–])\s*$")


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
    # "a second time", "the 1988 second quarter": singular "second" is an ordinal unless "one second"
    return not (m["unit"].lower() == "second" and (m["num"] or "").lower() not in ("one", "1"))


# ---------------------------------------------------------------- the rule table
def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern)


REL = I(r"last|next|this|coming|past|previous|following|current|the\s+current|the\s+following|the\s+previous")
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
    # January 17 and 18 / Jan. 6 / Friday, Jan. 6
    Rule("month_day", _r(r"(?P<x>(?:" + WD_ANY.replace("?P<wd>", "?:") + r",?\s+)?" + MON + r"\s+" + DAY + r")"
                         r"(?:\s*(?:and|or|&|to|through|-|–)\s*(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:]))?"),
         b_month_day),
    # 17 January
    Rule("day_month", _r(r"\b(?P<x>" + DAY + r"\s+(?:of\s+)?" + MON + r")"), b_month_day, g_day_month),
    # last January / in May
    Rule("month_rel", _r(r"\b(?P<x>(?P<rel>" + I(r"last|next|this|coming|past") + r")\s+" + MON_FULL + r")"),
         b_month_alone),
    Rule("month_alone", _r(r"(?P<x>" + MON_FULL + r")(?!\s*\d)"), b_month_alone, g_bare_month),
    # 2009-2010, 2024-25
    Rule("year_range", _r(r"(?<![\d-])(?P<y1>(?:19|20)\d{2})\s*[-–]\s*(?P<y2>(?:19|20)?\d{2})(?![\d-])"),
         b_year_range),
    Rule("year", _r(r"(?<![\d$£€])(?P<x>(?:(?P<fy>" + I(r"fiscal(?:\s+year)?") + r")\s+)?" + YEAR + r")"),
         b_year, g_year),
    Rule("decade", _r(r"(?P<x>(?:" + I("the") + r"\s+)?(?:(?P<cent>1[89]|20)(?P<dec>\d)0|'(?P<dec2>\d)0)'?s)\b"),
         b_decade),
    # the second half (of 2026), Q3, third-quarter, the fourth quarter of last year
    Rule("quarter_half", _r(
        r"(?P<x>(?:" + I("the") + r"\s+)?(?:(?P<ord>" + I(r"first|second|third|fourth|1st|2nd|3rd|4th|final|last") +
        r")[-\s]+(?P<unit>" + I("quarter|half") + r")|(?P<q>\b[QH][1-4]\b))"
        r"(?:\s+(?:of\s+)?(?:(?:" + I("fiscal") + r"\s+)?" + YEAR + r"|(?P<rel>" + I("this|last|next") + r")\s+" +
        I("year") + r"|" + I("the year") + r"))?)"), b_part_of_year),
    Rule("season", _r(r"(?P<x>(?:(?P<rel>" + I(r"this|last|next|past|coming") + r")\s+)?(?P<season>" +
                      I(r"spring|summer|fall|autumn|winter") + r")(?:\s+(?:of\s+)?" + YEAR + r")?)"),
         b_season, lambda m, t: bool(m["rel"] or m["year"])),
    Rule("season_the", _r(r"(?P<x>" + I(r"the") + r"\s+(?P<season>" + I(r"spring|summer|fall|autumn|winter") +
                          r")(?:\s+(?:of\s+)?" + YEAR + r")?)(?!\s+(?:of\s+(?!\d)|season|collection|term|semester|olympics|games))"),
         b_season),
    Rule("relative_unit", _r(r"\b(?P<x>(?P<rel>" + REL + r")\s+(?P<unit>" + I(r"year|month|week|weekend|quarter|decade|century") + r"))\b"),
         b_relative_unit),
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
         lambda m, c: b_clock_day(m, c) if m["hour"] else []),
    Rule("ref_word_cap", _r(r"\b(?P<x>(?P<ref>Now|Currently|Recently|Soon|Nowadays|Lately))\b"), b_ref_word),
    # N units ago / over two years ago / five months later / years ago
    Rule("ago", _r(r"(?<![\d,.$])\b(?P<x>(?:(?P<quant>" + QUANT + r")\s+)?(?:(?P<num>" + I(NUM) + r")|" + I(VAGUE) + r")?\s*"
                   r"(?P<unit>" + I(UNIT_ANY) + r")\s+(?P<dir>" + AGO_DIR + r"))\b"),
         b_ago, lambda m, t: m["dir"].lower() not in ("before", "after") or bool(re.match(r"\s*[,.;)]", t[m.end():m.end() + 2]))),
    # nearly four years / first 30 days / three long years / a five-year deal / the past two months
    Rule("duration", _r(r"(?<![\d,.$])\b(?P<x>(?:(?P<quant>" + I(QUANT) + r")\s+)?(?:" + I(r"the") + r"\s+)?"
                        r"(?:(?P<first>" + I(r"first|last|past|next|coming|previous|following|initial|final|entire|whole|full|better\s+part\s+of\s+the") + r")\s+)?"
                        r"(?:(?P<num>" + I(NUM) + r")|(?P<vague>" + I(VAGUE) + r"))[-\s]+(?:(?P<adj>" + I(DUR_ADJ) + r")\s+)?"
                        r"(?P<unit>" + I(UNIT_ANY) + r"))\b"), b_duration, g_duration),
    # first month / the first week
    Rule("duration_first", _r(r"\b(?P<x>(?P<first>" + I(r"first|initial|opening") + r")\s+(?P<unit>" + I(UNIT_SG) + r"))\b"),
         b_duration, lambda m, t: m["unit"].lower() != "quarter"),
    # the coming years / recent months
    Rule("vague_period", _r(r"\b(?P<x>(?:" + I("the") + r"\s+)?(?P<qual>" + I(r"coming|recent|past|last|next|following") +
                            r")\s+(?P<bare>" + I(r"years|months|weeks|decades|days") + r"))\b"), lambda m, c: b_vague_period(m, c)),
    # bare plural: for years / over the years / set years after / years later
    Rule("duration_bare", _r(r"(?:\b(?i:for|over|in|after|within|set|took|spent|wait(?:ed)?|lasted|span(?:ned)?|decades|take)\s+)(?P<x>(?:" + I("the") +
                             r"\s+)?(?P<bare>" + I(r"years|months|weeks|decades|days|hours|minutes") + r")(?:\s+" + I("later") + r")?)\b"),
         lambda m, c: b_duration_bare(m, c)),
    Rule("duration_bare_after", _r(r"\b(?P<x>(?P<bare>" + I(r"years|months|weeks|decades|days") + r")\s+" + I("later") + r")\b"),
         lambda m, c: b_duration_bare(m, c)),
    Rule("set", _r(r"\b(?P<x>(?:" + I(r"every|each|per") + r"\s+(?:(?P<other>" + I("other") + r")\s+)?(?:(?P<unit>" +
                   I(r"day|week|month|year|weekend|decade") + r")|" + WD + r"|(?P<part>" + I(r"morning|night|evening|afternoon") +
                   r")))|(?P<setword>" + I(r"daily|nightly|weekly|monthly|yearly|annually|quarterly|hourly|biweekly") + r"))\b"),
         b_set),
    # this time / around that time / right then / back then
    Rule("narrative_this", _r(r"(?:\b(?i:at|by|during|since|until|from|before|after)\s+)(?P<x>(?:" + I(r"this|that|the\s+same") +
                              r"\s+" + I("time") + r"))\b(?!\s+(?:around|round|of|to|for|last|next|in\s+(?:history|my|his|her|their)))"),
         b_narrative_this),
    Rule("narrative_approx", _r(r"\b(?P<x>(?P<approx>" + I(r"around|about") + r")\s+" + I(r"this|that|the\s+same") +
                              r"\s+" + I("time") + r")\b(?!\s+(?:around|round|of|to|for|last|next))"),
         b_narrative_this),
    Rule("narrative_then", _r(r"\b(?P<x>" + I(r"right|back|since|until|till|by") + r"\s+" + I("then") + r")\b"),
         b_narrative_then),
)


def b_vague_period(m: re.Match, ctx: Context) -> list[Timex]:
    """'recent years' -> PAST_REF, 'the coming months' -> FUTURE_REF, 'the past weeks' -> PAST_REF."""
    qual = m["qual"].lower()
    value = "FUTURE_REF" if qual in ("coming", "next", "following") else "PAST_REF"
    return [Timex(*_span(m), "DATE", value, None, "publication" if ctx.doc_date else "unresolved")]


def b_duration_bare(m: re.Match, ctx: Context) -> list[Timex]:
    word = m["bare"].lower()
    unit = lx.unit_of(word)
    return [Timex(*_span(m), "DURATION", duration_value(None, unit))]


# ---------------------------------------------------------------- prefix modifiers
# Words just before a time expression that set its mod and join its extent.
PART_PREFIX = re.compile(
    r"(?:\b(?P<pw>" + I(r"the\s+(?:very\s+)?(?:beginning|start|end|middle|close|dawn)\s+of(?:\s+the)?") + r")\s+"
    r"|\b(?P<ew>" + I(r"early|mid|late|earlier|later") + r")(?:\s+|-))$")
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
    if t.timex_type == "DATE" and not t.value.endswith("_REF") and t.anchor == "narrative":
        if m := APPROX_PREFIX.search(window):
            return replace(t, start=t.start - (len(window) - m.start()), mod="APPROX")
    if t.timex_type == "DURATION" and "X" not in t.value:
        if m := DUR_QUANT_PREFIX.search(window):
            mod = lx.QUANT_MODS.get(" ".join(m["qw"].lower().split()))
            return replace(t, start=t.start - (len(window) - m.start()), mod=mod)
    return t


# ---------------------------------------------------------------- driver
def candidates(text: str) -> list[tuple[int, int, int, re.Match]]:
    """(start, end, rule index, match) of every guarded rule match."""
    found = []
    for i, rule in enumerate(RULES):
        for m in rule.pattern.finditer(text):
            s, e = m.span()
            if e <= s or (rule.guard is not None and not rule.guard(m, text)):
                continue
            found.append((s, e, i, m))
    return found


def select(found: list[tuple[int, int, int, re.Match]]) -> list[tuple[int, int, int, re.Match]]:
    """Longest first, then earlier rule; no two chosen spans overlap."""
    chosen: list[tuple[int, int, int, re.Match]] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(found, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        if all(c[1] <= s or c[0] >= e for s, e in taken):
            chosen.append(c)
            taken.append((c[0], c[1]))
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
    """Dates written out with a year become the narrative reference."""
    if t.timex_type not in ("DATE", "TIME") or t.anchor != "absolute":
        return
    start = start_of(t.value)
    if start is None:
        return
    gran = granularity_of(t.value)
    if gran in ("decade",):
        return
    ctx.narrative = NarrativeRef(t.value, start, gran, t.start)
