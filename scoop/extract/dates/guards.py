"""Guards: tests a rule's match must pass on the text around it ('in May' but not
'May I', '55 years' but not '55 years old', 'the year' but not 'song of the year').
"""
from __future__ import annotations

import re

from scoop.extract.dates import time_words as tw
from scoop.extract.dates.patterns import NUM, UNIT_ANY, VAGUE, I
from scoop.extract.dates.timex import match_span


_PREV_WORD = re.compile(r"([#\w.]+)\W*$")


def _prev_word(text: str, start: int) -> str:
    m = _PREV_WORD.search(text, max(0, start - 20), start)
    return m.group(1) if m else ""


def g_not_numbered(m: re.Match, text: str) -> bool:
    """'Season 2 May ...' is not 2 May; 'No. 2026' is not a year."""
    return _prev_word(text, match_span(m)[0]).rstrip(".") not in tw.NON_DATE_NUMBER_PREFIXES


_COUNT_AFTER = re.compile(r"\s+(?:" + "|".join(tw.COUNT_NOUNS) + r")\b")
_MONEY_BEFORE = re.compile(r"[$€£¥₹]\s*$|(?:US|Rs|USD|EUR)\s*$")


def g_year(m: re.Match, text: str) -> bool:
    s, e = match_span(m)
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
    s, _ = match_span(m)
    return bool(_BARE_MONTH_CUE.search(text, max(0, s - 25), s))


def g_weekday(m: re.Match, text: str) -> bool:
    _, e = match_span(m)
    return not re.match(r"\s+the\s+\d", text[e:e + 10])  # "Friday the 13th" is a title


def g_day_month(m: re.Match, text: str) -> bool:
    return g_not_numbered(m, text)


def g_duration(m: re.Match, text: str) -> bool:
    _, e = match_span(m)
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


def g_the_unit(m: re.Match, text: str) -> bool:
    if m["unit"] == "period" and not m["qual"]:
        return False  # "the period" alone can be any stretch of time
    if _TITLE_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return False  # "song of the year"
    # "the year before", "the week of ...", "the year 2000" are other expressions
    return not _THE_UNIT_STOP.match(text, m.end())


_TITLE_BEFORE = re.compile(I(tw.alternation(tw.TITLE_NOUNS)) + r"s?\s+of\s+$")  # also "songwriter of the year"
_THE_UNIT_STOP = re.compile(r"-\w|\s+(?:before|after|earlier|later|ago|prior|of\b|\d|two\s+thousand|nineteen|"
                            r"previous\b|awards?\b|prizes?\b|titles?\b)", re.I)  # "... of the year award"

# "early summer", "late fall": a bare season with a part-of-period word before it
_PART_BEFORE = re.compile(r"\b(?i:early|late|mid)[-\s]$")


def g_season(m: re.Match, text: str) -> bool:
    """A bare season needs 'this'/'last', a year, or a part-of-period word before it."""
    return bool(m["rel"] or m["year"] or _PART_BEFORE.search(text, max(0, m.start() - 7), m.start()))


def g_relative_unit(m: re.Match, text: str) -> bool:
    return m["unit"].islower()  # "This Week" is a column's title


def g_clock(m: re.Match, text: str) -> bool:
    """A 24-hour clock needs a.m./p.m., a zone or 'at' before it."""
    return bool(m["ampm"] or m["tz"] or re.search(r"\bat\s*$", text[max(0, m.start() - 4):m.start()]))


def g_ref_word(m: re.Match, text: str) -> bool:
    """'past', 'once' and the like before a count of units belong to a duration."""
    return not re.match(r"\s+(?:" + NUM + r"|" + VAGUE + r")\s+" + UNIT_ANY, text[m.end():m.end() + 40], re.I)


def g_clock_day(m: re.Match, text: str) -> bool:
    """A 24-hour clock needs a zone or 'at': '12:00 UTC Monday', 'at 16:00 today'."""
    return bool(m["hour"] or m["tz2"] or re.search(r"\bat\s*$", text[max(0, m.start() - 4):m.start()]))


def g_ago(m: re.Match, text: str) -> bool:
    """'before'/'after' only at a clause's end; a count, or a plural ('years ago')."""
    return (m["dir"].lower() not in ("before", "after") or bool(re.match(r"\s*[,.;)]", text[m.end():m.end() + 2]))) \
        and (m["num"] is not None or m["unit"].lower().endswith("s"))


def g_duration_first(m: re.Match, text: str) -> bool:
    return m["unit"].lower() != "quarter"


def g_set(m: re.Match, text: str) -> bool:
    """'quarterly' before a lower-case word is an adjective ('quarterly results')."""
    return not (m["setword"] and m["setword"].lower() == "quarterly" and re.match(r"\s+[a-z]", text[m.end():m.end() + 2]))


def g_spoken_year(m: re.Match, text: str) -> bool:
    """'two thousand' is a year only as 'the year two thousand'."""
    return not m["sy"].lower().startswith("two") or m["x"].lower().startswith("the")


def g_year_end(m: re.Match, text: str) -> bool:
    return bool(re.search(r"\b(?i:by|at|until|till|since|before|after|around|near|through|toward|towards)\s+$",
                          text[max(0, m.start() - 8):m.start()]))


def g_noon(m: re.Match, text: str) -> bool:
    """'noon' alone needs a preposition before it ('at noon')."""
    return bool(m["wd"] or m["deictic"] or m["noon"].startswith("mid-") or
                re.search(r"\b(?i:at|by|until|till|before|after|around|about|from|since|past|of)\s+$",
                          text[max(0, m.start() - 8):m.start()]))
