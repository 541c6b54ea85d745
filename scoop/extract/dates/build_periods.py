"""Builders for parts of a year: quarters and halves ('Q3', 'the first half'),
seasons, fiscal and definite periods ('the quarter', 'the year-ago period',
'last year's third quarter') and the year's end. Earnings news keeps comparing with
the last quarter it named, so several of these lean on it.
"""
from __future__ import annotations

import re
from datetime import timedelta

from scoop.extract.dates import time_words as tw
from scoop.extract.dates.reference_times import Context, fmt_value, relative_season
from scoop.extract.dates.timex import Timex, match_span, unresolved


def b_part_of_year(m: re.Match, ctx: Context) -> list[Timex]:
    """Quarters and halves: 'the first half', 'Q1 2026', 'third-quarter'."""
    gd = m.groupdict()
    if gd.get("q"):
        kind, n = gd["q"][0].upper(), int(gd["q"][1])
    else:
        kind = "Q" if gd["unit"].lower() == "quarter" else "H"
        n = tw.ORDINALS[gd["ord"].lower()]
        if kind == "H" and n > 2:
            n = 2
    s, e = match_span(m)
    if gd.get("ord") and "-" in ctx.text[m.end("ord"):m.start("unit")] and ctx.text[s:s + 3].lower() == "the":
        s = _WORD_AND_SPACE.match(ctx.text, s).end()  # "the third-quarter loss": drop the article
    if gd.get("year"):
        return [Timex(s, e, "DATE", f"{gd['year']}-{kind}{n}")]
    rel = (gd.get("rel") or "").lower()
    doc = ctx.doc_date
    if rel:
        if doc is None:
            return unresolved(m, f"XXXX-{kind}{n}")
        year = doc.year + {"last": -1, "next": 1}.get(rel, 0)
        return [Timex(s, e, "DATE", f"{year}-{kind}{n}", None, "publication")]
    ref = ctx.narrative_in_sentence(s)
    if ref is not None:
        return [Timex(s, e, "DATE", f"{ref.start.year}-{kind}{n}", None, "narrative")]
    if doc is None:
        return unresolved(m, f"XXXX-{kind}{n}")
    year = doc.year
    first_month = (n - 1) * (3 if kind == "Q" else 6) + 1
    if kind == "Q" and first_month > doc.month:  # financial news reports the latest quarter
        year -= 1
    return [Timex(s, e, "DATE", f"{year}-{kind}{n}", None, "publication")]


_WORD_AND_SPACE = re.compile(r"\w+\s+")


def b_season(m: re.Match, ctx: Context) -> list[Timex]:
    code = tw.SEASONS[m["season"].lower()]
    s, e = match_span(m)
    if m.groupdict().get("year"):
        return [Timex(s, e, "DATE", f"{m['year']}-{code}")]
    rel = (m.groupdict().get("rel") or "").lower()
    offset = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    ref = ctx.narrative_in_sentence(s) if not rel else None
    if ref is not None:
        return [Timex(s, e, "DATE", f"{ref.start.year}-{code}", None, "narrative")]
    doc = ctx.doc_date
    if doc is None:
        return unresolved(m, f"XXXX-{code}")
    return [Timex(s, e, "DATE", relative_season(code, doc, offset), None, "publication")]


def latest_quarter(ctx: Context) -> tuple[str, str] | None:
    """(value, anchor) of the quarter earnings news is about: the last one the article
    named, else the last one completed before the document date."""
    if ctx.quarter is not None:
        return ctx.quarter.value, "narrative"
    doc = ctx.doc_date
    if doc is None:
        return None
    done = (doc.month - 1) // 3  # quarters completed this year
    return (f"{doc.year}-Q{done}" if done else f"{doc.year - 1}-Q4"), "publication"


def year_back(value: str) -> str:
    """The same period a year before: 1989-Q3 -> 1988-Q3."""
    return f"{int(value[:4]) - 1}{value[4:]}"


def b_the_unit(m: re.Match, ctx: Context) -> list[Timex]:
    """'the weekend', 'the week', 'the quarter', 'the latest period', 'the fiscal year'."""
    unit = m["unit"]
    s, e = match_span(m)
    if unit in ("quarter", "period"):
        latest = latest_quarter(ctx)
        if latest is None:
            return unresolved(m, "XXXX-QX")
        return [Timex(s, e, "DATE", latest[0], None, latest[1])]
    if unit == "year" and re.match(r"\s+end(?:ed|ing)\b", ctx.text[e:e + 10]):
        return [Timex(s, e, "DURATION", "P1Y")]  # "the year ended March 31": a fiscal year's length
    doc = ctx.doc_date
    if doc is None:
        return unresolved(m, {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}.get(unit, "XXXX"))
    if unit == "weekend":  # the weekend just past, or the coming one in a future clause
        ahead = ctx.future_leaning(s)
        saturday = doc + timedelta(days=(5 - doc.weekday()) % 7) if ahead else doc - timedelta(days=(doc.weekday() - 5) % 7)
        return [Timex(s, e, "DATE", fmt_value(saturday, "weekend"), None, "publication")]
    return [Timex(s, e, "DATE", fmt_value(doc, unit), None, "publication")]


def b_year_ago(m: re.Match, ctx: Context) -> list[Timex]:
    """'the year-ago quarter', 'the year-earlier period', 'year-ago results'."""
    s, e = match_span(m)
    if m["months"]:
        return [Timex(s, e, "DURATION", f"P{int(tw.NUMBER_WORDS[m['months'].lower()])}M")]
    latest = latest_quarter(ctx)
    doc = ctx.doc_date
    if m["what"] is None:  # the adjective alone: "year-ago results"
        s, e = m.span("ya")
        near = ctx.quarter_near(s)
        if near is not None:
            return [Timex(s, e, "DATE", year_back(near.value), None, "narrative")]
        if doc is None:
            return [Timex(s, e, "DATE", "XXXX", None, "unresolved")]
        return [Timex(s, e, "DATE", str(doc.year - 1), None, "publication")]
    if latest is None:
        return unresolved(m, "XXXX-QX")
    value = year_back(latest[0])
    if m["ord"]:
        value = f"{value[:4]}-Q{tw.ORDINALS[m['ord'].lower()]}"
    return [Timex(s, e, "DATE", value, None, latest[1])]


def b_year_quarter(m: re.Match, ctx: Context) -> list[Timex]:
    """'this year's third quarter', 'last year's quarter', 'the 1988 period'."""
    s, e = match_span(m)
    if m["year"]:
        year, anchor = int(m["year"]), "absolute"
    else:
        doc = ctx.doc_date
        if doc is None:
            return unresolved(m, "XXXX-QX")
        year, anchor = doc.year + {"last": -1, "next": 1}.get(m["rel"].lower(), 0), "publication"
    if m["ord"]:
        kind = "Q" if m["unit"] == "quarter" else "H"
        n = tw.ORDINALS[m["ord"].lower()]
        return [Timex(s, e, "DATE", f"{year}-{kind}{min(n, 2) if kind == 'H' else n}", None, anchor)]
    latest = latest_quarter(ctx)  # "the 1988 period": the quarter under discussion, in 1988
    q = latest[0][5:] if latest else "QX"
    return [Timex(s, e, "DATE", f"{year}-{q}", None, "narrative" if latest else "unresolved")]


def b_year_end(m: re.Match, ctx: Context) -> list[Timex]:
    """'by year-end', 'since year end', "by year's end": the end of the current (or, after
    'since', the previous) year."""
    if m["year"]:  # "at year-end 1986"
        return [Timex(*match_span(m), "DATE", m["year"], "END")]
    doc = ctx.doc_date
    if doc is None:
        return unresolved(m, "XXXX", mod="END")
    year = doc.year - 1 if re.search(r"\b(?i:since)\s+$", ctx.text[max(0, m.start() - 7):m.start()]) else doc.year
    return [Timex(*match_span(m), "DATE", str(year), "END", "publication")]
