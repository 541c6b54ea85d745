"""The rule table: each rule is a regex, a builder, an optional guard and its trigger.

Rules are tried in table order; the longest non-overlapping matches win, ties going
to the earlier rule (``tagger.select``). A rule's *trigger* says where its regex can
match at all, so it runs only in windows around those words (speed only; see
``trigger_scan.py``): the anchor words, how many words a match may reach before and
after the anchor's word, whether the anchor starts a word, a regex the anchor must
match, and a test on the words before it. The bounds are read off the rule's pattern:
change a pattern, check its trigger (``tests/test_dates_properties.py`` compares the
windowed scan with a full one). Digit checks match at the start of the digit run: the
rules' lookbehinds forbid a digit before their first one (the decade rule has none, so
its check may skip into the run).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from scoop.extract.dates import time_words as tw
from scoop.extract.dates.build_calendar import (
    b_century, b_date_time, b_decade, b_decade_bare, b_decade_word, b_full_date, b_holiday, b_iso_date,
    b_month_alone, b_month_day, b_month_rel_year, b_month_year, b_numeric_date, b_spoken_year, b_year,
    b_year_range,
)
from scoop.extract.dates.build_clock import (
    b_clock, b_clock_date, b_clock_day, b_clock_daypart, b_last_night, b_noon, b_this_daypart,
)
from scoop.extract.dates.build_durations import b_duration, b_duration_bare, b_long, b_set
from scoop.extract.dates.build_narrative import (
    b_narrative_then, b_narrative_this, b_next_day, b_that_unit, b_trading_day,
)
from scoop.extract.dates.build_periods import (
    b_part_of_year, b_season, b_the_unit, b_year_ago, b_year_end, b_year_quarter,
)
from scoop.extract.dates.build_relative import (
    b_ago, b_current, b_deictic_day, b_ref_word, b_relative_unit, b_the_term, b_vague_period, b_weekday,
)
from scoop.extract.dates.guards import (
    g_ago, g_bare_month, g_clock, g_clock_day, g_day_month, g_duration, g_duration_first, g_noon,
    g_ref_word, g_relative_unit, g_season, g_set, g_spoken_year, g_the_unit, g_weekday, g_year, g_year_end,
)
from scoop.extract.dates.patterns import (
    AGO_DIR, CLOCK, CLOCK_AMPM, DAY, DUR_ADJ, MON, MON_FULL, NUM, QUANT, REL, UNIT_ANY, UNIT_SG, VAGUE, WD,
    WD_ANY, YEAR, I,
)
from scoop.extract.dates.timex import Builder
from scoop.extract.dates.trigger_scan import DIGITS, Trigger
from scoop.lexicon import MONTH_NUMBERS


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern
    build: Builder
    guard: Callable[[re.Match, str], bool] | None = None
    trigger: Trigger = field(kw_only=True)


def _r(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# ---------------------------------------------------------------- trigger words
_MONTHS = tuple(MONTH_NUMBERS)
_WEEKDAYS = tuple(w.lower() for w in tw.FULL_WEEKDAYS)
_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "centur", "quarter")
_DAYPARTS = ("morning", "afternoon", "evening")
_MON_AT = re.compile(MON)
_WD_AT = re.compile(WD)
_NUMBER_ENDS = frozenset(w.split()[-1] for w in (*tw.NUMBER_WORDS, *tw.VAGUE_QUANTITIES))
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


_REF_PHRASES = [w for w in tw.REF_WORDS if w not in ("current", "recent", "future", "one day")]


# ---------------------------------------------------------------- the rules
RULES: tuple[Rule, ...] = (
    # July 23, 2025 15:00:00 IST / January 10, 2026 at 3:44 PM IST
    Rule("date_time", _r(r"\b(?P<x>" + MON + r"\s+" + DAY + r",?\s+" + YEAR +
                         r"(?:,?\s+(?:at\s+)?|\s*[-–|]\s*)" + CLOCK + r")"), b_date_time,
         trigger=Trigger(_MONTHS, 0, 9, False, _MON_AT)),
    Rule("date_time_ampm", _r(r"\b(?P<x>" + MON + r"\s+" + DAY + r",?\s+" + YEAR +
                              r"(?:,?\s+(?:at\s+)?|\s*[-–|]\s*)" + CLOCK_AMPM + r")"), b_date_time,
         trigger=Trigger(_MONTHS, 0, 8, False, _MON_AT)),
    Rule("iso_date", _r(r"(?<![\d-])(?P<y>(?:19|20)\d{2})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
                        r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?(?![\d-])"),
         b_iso_date,
         trigger=Trigger((DIGITS,), 0, 4, False, re.compile(r"(?:19|20)\d\d-[01]\d-"))),
    Rule("numeric_date", _r(r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)?\d{2})(?![\d/])"),
         b_numeric_date,
         trigger=Trigger((DIGITS,), 0, 2, False, re.compile(r"\d\d?/\d\d?/"))),
    # (Friday,) June 6, 2022 / June 6th 2022
    Rule("month_day_year", _r(r"(?P<x>(?:" + WD_ANY.replace("?P<wd>", "?:") + r",?\s+)?" + MON + r"\s+" + DAY +
                              r"(?:,\s*|\s+)" + YEAR + r")"), b_full_date,
         trigger=Trigger(_MONTHS, 1, 3, False, _MON_AT)),
    # 6 June 2022 / 6th of June, 2022
    Rule("day_month_year", _r(r"\b(?P<x>" + DAY + r"\s+(?:of\s+)?" + MON + r",?\s+" + YEAR + r")"),
         b_full_date, g_day_month,
         trigger=Trigger(_MONTHS, 2, 2, False, _MON_AT)),
    # December 2026 / July of 2025
    Rule("month_year", _r(r"(?P<x>" + MON + r",?\s+(?:of\s+)?" + YEAR + r")"), b_month_year,
         trigger=Trigger(_MONTHS, 0, 3, False, _MON_AT)),
    # March 3 and 4 / Jan. 6 / Friday, Jan. 6
    Rule("month_day", _r(r"(?P<x>(?:" + WD_ANY.replace("?P<wd>", "?P<wdm>") + r",?\s+)?" + MON + r"\s+" + DAY + r")"
                         r"(?:\s*(?:and|or|&|to|through|-|–)\s*(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:]))?"),
         b_month_day,
         trigger=Trigger(_MONTHS, 1, 3, False, _MON_AT)),
    # 17 January
    Rule("day_month", _r(r"\b(?P<x>" + DAY + r"\s+(?:of\s+)?" + MON + r")"), b_month_day, g_day_month,
         trigger=Trigger(_MONTHS, 2, 1, False, _MON_AT)),
    # last January / in May
    Rule("month_rel", _r(r"\b(?P<x>(?P<rel>" + I(r"last|next|this|coming|past") + r")\s+" + MON_FULL + r")"),
         b_month_alone,
         trigger=Trigger(_MONTHS, 1, 0, False, _MON_AT)),
    Rule("month_alone", _r(r"(?P<x>" + MON_FULL + r")(?!\s*\d)"), b_month_alone, g_bare_month,
         trigger=Trigger(_MONTHS, 0, 1, False, _MON_AT)),
    # January this year / June last year
    Rule("month_rel_year", _r(r"\b(?P<x>" + MON_FULL + r"\s+(?P<yrel>" + I("this|last|next") + r")\s+" + I("year") + r")\b"),
         b_month_rel_year,
         trigger=Trigger(_MONTHS, 0, 2, False, _MON_AT)),
    # 5 p.m. EST Nov. 9 / 5 p.m. EST, Nov. 6
    Rule("clock_date", _r(r"(?<![\d:.$])(?P<x>" + CLOCK_AMPM + r",?\s+(?:on\s+)?" + MON + r"\s+" + DAY + r")"), b_clock_date,
         trigger=Trigger(_MONTHS, 6, 2, False, _MON_AT)),
    # 2009-2010, 2024-25
    Rule("year_range", _r(r"(?<![\d-])(?P<y1>(?:19|20)\d{2})\s*[-–]\s*(?P<y2>(?:19|20)?\d{2})(?![\d-])"),
         b_year_range,
         trigger=Trigger((DIGITS,), 0, 1, False, re.compile(r"(?:19|20)\d\d\s*[-–]"))),
    Rule("year", _r(r"(?<![\d$£€])(?P<x>(?:(?P<fy>" + I(r"fiscal(?:\s+year)?") + r")\s+)?" + YEAR + r")"),
         b_year, g_year,
         trigger=Trigger((DIGITS,), 2, 1, False, re.compile(r"(?:1[6-9]|20)\d\d(?!\d)"))),
    Rule("decade", _r(r"(?P<x>(?:" + I("the") + r"\s+)?(?:(?P<cent>1[89]|20)(?P<dec>\d)0|'(?P<dec2>\d)0)'?s)\b"),
         b_decade,  # the check: "1990s", "'90s"; it may start inside the digit run
         trigger=Trigger((DIGITS,), 1, 1, False, re.compile(r"\d*0'?s"))),
    # the 70s and 80s (no apostrophe: "the" in front, so not an age, "in his 30s")
    Rule("decade_bare", _r(r"\b(?P<x>" + I("the") + r"\s+(?P<d1>[4-9])0s)(?:\s+(?:and|or|to)\s+(?P<y>(?P<d2>[4-9])0s))?\b"
                           r"(?!['’-]|\s+(?:degrees|percent|mph|km)\b)"), b_decade_bare,
         trigger=Trigger((DIGITS,), 1, 3, False, re.compile(r"[4-9]0s"))),
    # the first half (of 2031), Q3, third-quarter, the fourth quarter of last year
    Rule("quarter_half", _r(
        r"(?P<x>(?:" + I("the") + r"\s+)?(?:(?:" + I("fiscal") + r"[-\s]+)?(?P<ord>" + I(r"first|second|third|fourth|1st|2nd|3rd|4th|final|last") +
        r")[-\s]+(?P<unit>" + I("quarter|half") + r")|(?P<q>\b[QH][1-4]\b))"
        r"(?:\s+(?:of\s+)?(?:(?:" + I("fiscal") + r"\s+)?" + YEAR + r"|(?P<rel>" + I("this|last|next") + r")\s+" +
        I("year") + r"|" + I("the year") + r"))?)"), b_part_of_year,
         trigger=Trigger(("quarter", "half", "q1", "q2", "q3", "q4", "h1", "h2", "h3", "h4"), 3, 4)),
    Rule("season", _r(r"(?P<x>(?:(?P<rel>" + I(r"this|last|next|past|coming") + r")\s+)?(?P<season>" +
                      I(r"spring|summer|fall|autumn|winter") + r")(?:\s+(?:of\s+)?" + YEAR + r")?)"),
         b_season, g_season,
         trigger=Trigger(tuple(tw.SEASONS), 1, 3, False)),
    Rule("season_the", _r(r"(?P<x>" + I(r"the") + r"\s+(?P<season>" + I(r"spring|summer|fall|autumn|winter") +
                          r")(?:\s+(?:of\s+)?" + YEAR + r")?)(?!\s+(?:of\s+(?!\d)|season|collection|term|semester|olympics|games))"),
         b_season,
         trigger=Trigger(tuple(tw.SEASONS), 1, 4)),
    Rule("relative_unit", _r(r"\b(?P<x>(?P<rel>" + REL + r")\s+(?P<unit>" + I(r"year|month|week|weekend|quarter|decade|century") + r"))\b"),
         b_relative_unit, g_relative_unit,
         trigger=Trigger(("year", "month", "week", "quarter", "decade", "centur"), 2, 0)),
    Rule("weekday", _r(r"(?P<x>(?:(?P<rel>" + I(r"last|next|this|coming|past") + r")\s+)?" + WD +
                       r"(?:\s+(?P<part>" + I(r"morning|afternoon|evening|night") + r"))?)"), b_weekday, g_weekday,
         trigger=Trigger(_WEEKDAYS, 1, 1, False, _WD_AT)),
    Rule("deictic_day", _r(r"\b(?P<x>(?P<deictic>" + I(r"today|yesterday|tomorrow|tonight") + r")(?:\s+(?P<part>" +
                           I(r"morning|afternoon|evening|night") + r"))?)\b"), b_deictic_day,
         trigger=Trigger(("today", "yesterday", "tomorrow", "tonight"), 0, 1)),
    Rule("this_daypart", _r(r"\b(?P<x>" + I(r"this") + r"\s+(?P<part>" + I(r"morning|afternoon|evening") + r"))\b"),
         b_this_daypart,
         trigger=Trigger(_DAYPARTS, 1, 0)),
    Rule("clock", _r(r"(?<![\d:.])(?P<x>" + CLOCK + r")"), b_clock, g_clock,
         trigger=Trigger((DIGITS,), 0, 5, False, re.compile(r"\d\d?:"))),
    Rule("clock_ampm", _r(r"(?<![\d:.$])(?P<x>" + CLOCK_AMPM + r")"), b_clock,
         trigger=Trigger((DIGITS,), 0, 4, False, re.compile(r"\d\d?(?:[:.][0-5]\d)?\s*[aApP]"))),
    Rule("ref_word", _r(r"\b(?P<x>(?P<ref>" + tw.alternation(_REF_PHRASES) + r"))\b(?!-)"), b_ref_word, g_ref_word,
         trigger=_phrase_trigger(_REF_PHRASES, {"now", "currently", "nowadays", "present", "these", "recently",
                                                "lately", "past", "once", "soon", "future", "someday"}, 0, 0)),
    Rule("holiday", _r(r"\b(?P<x>(?:(?P<rel>" + I(r"last|next|this|coming") + r")\s+)?(?P<holiday>" + I(tw.alternation(tw.HOLIDAYS).replace("'", "['’]")) +
                       r")(?:\s+" + YEAR + r")?)\b"), b_holiday,
         trigger=_phrase_trigger(tw.HOLIDAYS, {"christmas", "new", "valentine", "halloween", "independence", "fourth",
                                               "veterans", "boxing", "thanksgiving", "labor", "memorial", "election",
                                               "mother", "father"}, 1, 2)),
    Rule("clock_day", _r(r"(?<![\d:.$])(?P<x>(?:" + CLOCK_AMPM + r"|" + CLOCK.replace("(?P<ampm>", "(?P<ampm2>").replace("(?P<tz>", "(?P<tz2>")
                         .replace("(?P<hour>", "(?P<hour2>").replace("(?P<minute>", "(?P<minute2>").replace("(?P<second>", "(?P<second2>") +
                         r")\s+(?:(?:on|this|next|last)\s+)?(?:" + WD + r"|(?P<deictic>" + I(r"today|yesterday|tomorrow") + r")))"),
         b_clock_day,  # a 24-hour clock needs a zone or "at": "12:00 UTC Monday", "at 16:00 today"
         g_clock_day,
         trigger=Trigger(_WEEKDAYS + ("today", "yesterday", "tomorrow"), 7, 0, True,
                         re.compile(WD + "|" + I("today|yesterday|tomorrow")))),
    Rule("ref_word_cap", _r(r"\b(?P<x>(?P<ref>Now|Currently|Recently|Soon|Nowadays|Lately))\b"), b_ref_word,
         trigger=Trigger(("now", "currently", "recently", "soon", "nowadays", "lately"), 0, 0)),
    # N units ago / over two years ago / six weeks later / years ago
    Rule("ago", _r(r"(?<![\d,.$/])\b(?P<x>(?=\w)(?:(?P<quant>" + QUANT + r")\s+)?(?:(?P<num>" + I(NUM) + r")|" + I(VAGUE) + r")?\s*"
                   r"(?P<unit>" + I(UNIT_ANY) + r")\s+(?P<dir>" + AGO_DIR + r"))\b"),
         b_ago, g_ago,
         trigger=Trigger(_UNITS, 8, 2, False, re.compile(I(UNIT_ANY) + r"\s+" + AGO_DIR))),
    # nearly four years / first 30 days / two long decades / a five-year deal / the past two months
    Rule("duration", _r(r"(?<![\d,.$/])\b(?P<x>(?:(?P<quant>" + I(QUANT) + r")\s+(?!" + I("the") + r"\b))?(?:" + I(r"the") + r"\s+)?"
                        r"(?:(?P<first>" + I(r"first|last|past|next|coming|previous|following|initial|final|entire|whole|full|better\s+part\s+of\s+the") + r")\s+)?"
                        r"(?:(?P<num>" + I(NUM) + r")|(?P<vague>" + I(VAGUE) + r"))[-\s]+(?:(?P<adj>" + I(DUR_ADJ) + r")\s+)?"
                        r"(?P<unit>" + I(UNIT_ANY) + r")(?P<half>\s+" + I(r"and\s+a\s+half") + r")?)\b"), b_duration, g_duration,
         trigger=Trigger(_UNITS, 14, 3, True, None, _counted)),
    # first month / the first week
    Rule("duration_first", _r(r"\b(?P<x>(?P<first>" + I(r"first|initial|opening") + r")\s+(?P<unit>" + I(UNIT_SG) + r"))\b"),
         b_duration, g_duration_first,
         trigger=Trigger(_UNITS, 1, 0)),
    # the coming years / recent months
    Rule("vague_period", _r(r"\b(?P<x>(?:" + I("the") + r"\s+)?(?P<qual>" + I(r"coming|recent|past|last|next|following|future") +
                            r")\s+(?P<bare>" + I(r"years|months|weeks|decades|days|quarters") + r"))\b"), b_vague_period,
         trigger=Trigger(("year", "month", "week", "decade", "day", "quarter"), 2, 0)),
    # bare plural: for years / over the years / set years after / years later
    Rule("duration_bare", _r(r"(?:\b(?i:for|over|in|after|within|set|took|spent|wait(?:ed)?|lasted|span(?:ned)?|decades|take)\s+)(?P<x>(?:" + I("the") +
                             r"\s+)?(?P<bare>" + I(r"years|months|weeks|decades|centuries|days|hours|minutes") + r")(?:\s+" + I("later") + r")?)\b"),
         b_duration_bare,
         trigger=Trigger(("year", "month", "week", "decade", "centur", "day", "hour", "minute"), 2, 1)),
    Rule("duration_bare_after", _r(r"\b(?P<x>(?P<bare>" + I(r"years|months|weeks|decades|days") + r")\s+" + I("later") + r")\b"),
         b_duration_bare,
         trigger=Trigger(("year", "month", "week", "decade", "day"), 0, 1)),
    Rule("set", _r(r"\b(?P<x>(?:" + I(r"every|each|per") + r"\s+(?:(?P<other>" + I("other") + r")\s+)?(?:(?P<unit>" +
                   I(r"day|week|month|quarter|year|weekend|decade") + r")|" + WD + r"|(?P<part>" + I(r"morning|night|evening|afternoon") +
                   r")))|(?P<setword>" + I(r"daily|nightly|weekly|monthly|yearly|annually|quarterly|hourly|biweekly") + r"))\b"),
         b_set, g_set,
         trigger=Trigger(("day", "week", "month", "quarter", "year", "decade", "morning", "night", "evening", "afternoon",
                          *_WEEKDAYS, *tw.SET_WORDS), 2, 0)),
    # this time / around that time / right then / back then
    # ("at the same time" means "meanwhile": only "around the same time" is a date)
    Rule("narrative_this", _r(r"(?:\b(?i:at|by|during|since|until|from|before|after)\s+)(?P<x>(?:" + I(r"this|that") +
                              r"\s+" + I("time") + r"))\b(?!\s+(?:around|round|of|to|for|last|next|in\s+(?:history|my|his|her|their)))"),
         b_narrative_this,
         trigger=Trigger(("time",), 2, 2)),
    Rule("narrative_approx", _r(r"\b(?P<x>(?P<approx>" + I(r"around|about") + r")\s+" + I(r"this|that|the\s+same") +
                              r"\s+" + I("time") + r")\b(?!\s+(?:around|round|of|to|for|last|next))"),
         b_narrative_this,
         trigger=Trigger(("time",), 3, 1)),
    Rule("narrative_then", _r(r"\b(?P<x>" + I(r"right|back|since|until|till|by") + r"\s+" + I("then") + r")\b"),
         b_narrative_then,
         trigger=Trigger(("then",), 1, 0)),
    # the weekend / the week / the quarter / the latest period / the fiscal year
    Rule("the_unit", _r(r"\b(?P<x>" + I("the") + r"\s+(?:(?P<qual>" + I(r"latest|most\s+recent|full|fiscal|calendar|"
                        r"(?:current|latest)\s+fiscal") + r")\s+)?(?P<unit>week|weekend|month|quarter|year|period))\b"),
         b_the_unit, g_the_unit,
         trigger=Trigger(("week", "month", "quarter", "year", "period"), 3, 0)),
    # the year-ago quarter / the comparable year-earlier period / year-ago results
    Rule("year_ago", _r(r"\b(?P<x>(?:" + I("the") + r"\s+(?:" + I("comparable|same") + r"\s+)?)?(?P<ya>" + I("year") +
                        r"-(?:ago|earlier))(?:\s+(?P<what>(?:(?P<ord>" + I("first|second|third|fourth") + r")\s+)?quarter|period|"
                        r"(?P<months>nine|six|three)\s+months))?)\b"), b_year_ago,
         trigger=Trigger(("year",), 2, 3)),
    # this year's third quarter / last year's quarter / the 1988 period
    Rule("year_quarter", _r(r"\b(?P<x>(?:" + I("the") + r"\s+)?(?:(?P<rel>" + I("this|last|next") + r")\s+year['’]s|" + YEAR +
                            r")\s+(?:(?P<ord>" + I("first|second|third|fourth") + r")[-\s]+(?P<unit>quarter|half)|quarter|period))\b"),
         b_year_quarter,
         trigger=Trigger(("quarter", "half", "period"), 5, 0)),
    # its current share / the then-current price
    Rule("current", _r(r"\b(?P<x>(?:(?P<then>then)[-\s])?current)(?=\s+[a-z])(?!\s+(?:account|assets|liabilities|affairs)\b)"),
         b_current,
         trigger=Trigger(("current",), 1, 1)),
    # spoken years and decades: nineteen ninety-six, the year two thousand, the nineties
    Rule("spoken_year", _r(r"\b(?P<x>(?:" + I("the") + r"\s+year\s+)?(?P<sy>" + I(tw.SPOKEN_YEAR_RE) + r"))"),
         b_spoken_year, g_spoken_year,
         trigger=Trigger(("nineteen", "twenty", "thousand"), 3, 2)),
    Rule("decade_word", _r(r"\b(?P<x>" + I("the") + r"\s+(?P<dw>" + I(tw.alternation(tw.DECADE_WORDS)) + r"))\b"), b_decade_word,
         trigger=Trigger(tuple(tw.DECADE_WORDS), 1, 0)),
    # the 20th century / the eleventh century
    Rule("century", _r(r"\b(?P<x>(?:" + I("the") + r"\s+)?(?P<cord>\d{1,2}(?:st|nd|rd|th)|" + I(tw.alternation(tw.CENTURY_ORDINALS)) +
                       r")[-\s]+" + I("century") + r")\b(?!\s+[A-Z])"), b_century,  # not "20th Century Fox"
         trigger=Trigger(("centur",), 3, 1)),
    # that year / later that year / earlier that day / that same day
    Rule("that_unit", _r(r"\b(?P<x>(?:" + I("later|earlier") + r"\s+)?" + I("that") + r"\s+(?:" + I("same") + r"\s+)?(?P<unit>" +
                         I("year|quarter|month|week|day|night|morning|afternoon|evening") + r"))\b(?![-'’])"), b_that_unit,
         trigger=Trigger(("year", "quarter", "month", "week", "day", "night", *_DAYPARTS), 3, 0)),
    # on the same day / in the same year: the story's own date (not "the same day last year")
    Rule("same_unit", _r(r"\b(?P<x>" + I("the") + r"\s+same\s+(?P<unit>year|month|week|day|night|morning|afternoon|evening))\b"
                         r"(?![-'’]|\s+(?:a\s+year|last|the\s+(?:previous|prior|year)|of|in|as|that|when)\b)"), b_that_unit,
         trigger=Trigger(("year", "month", "week", "day", "night", *_DAYPARTS), 2, 2)),
    Rule("year_end", _r(r"\b(?P<x>" + I("year") + r"(?:-|\s+|['’]s\s+)" + I("end") + r"(?:\s+" + YEAR + r")?)\b(?!-)"), b_year_end,
         g_year_end,
         trigger=Trigger(("year",), 0, 4)),
    # decades-long / day-long / yearlong
    Rule("long", _r(r"\b(?P<x>(?P<unit>" + I("days?|weeks?|months?|years?|decades?|centur(?:y|ies)") + r")-?long)\b"), b_long,
         trigger=Trigger(("day", "week", "month", "year", "decade", "centur"), 0, 1)),
    # the next day / the following morning / the previous night
    Rule("next_day", _r(r"\b(?P<x>" + I("the") + r"\s+(?P<rel>" + I("next|following|previous|prior") + r")\s+(?P<unit>" +
                        I("day|morning|afternoon|evening|night") + r"))\b"), b_next_day,
         trigger=Trigger(("day", "night", *_DAYPARTS), 2, 0)),
    Rule("clock_daypart", _r(r"\b(?P<x>(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s+(?:o['’]clock\s+)?in\s+the\s+(?P<dp>" +
                             I("morning|afternoon|evening") + r"))\b"), b_clock_daypart,
         trigger=Trigger(_DAYPARTS, 6, 0)),
    # the trading day: end the day at 9,505 / for the day / the start of the day
    # (but "at the end of the day" is an idiom for "in the end")
    Rule("trading_day", _r(r"(?:\b(?i:for|end|ends|ended|ending|finish|finished|finishing|close|closed|closing)\s+(?=the\s+day\b)|"
                           r"\b(?=the\s+(?:start|beginning|close)\s+of\s+the\s+day\b)|"
                           r"(?<!\b[Aa]t\s)\b(?=the\s+end\s+of\s+the\s+day\b))(?P<x>(?:the\s+(?P<edge>start|beginning|end|close)"
                           r"\s+of\s+)?the\s+day)\b(?!\s+(?:before|after|of|when|that)\b)"), b_trading_day,
         trigger=Trigger(("day",), 4, 1)),
    # in the near term / over the long term: only before punctuation or a function word
    # (not "near-term", not "the long term unemployed", "the longer term effects")
    Rule("the_term", _r(r"\b(?P<x>" + I("the") + r"\s+(?:" + I("near|short|long|longer|medium|shorter") + r")\s+term)\b"
                        r"(?=\s*(?:[^\w\s'’-]|$)|\s+(?:and|or|but|as|of|for|to|in|on|at|by|is|was|will|would|could|should|may|might|"
                        r"are|were|has|have|had|than|it|its|we|I|he|she|they|you|the|a|an|this|that|with|because|if|when|while|so|"
                        r"though|although|before|after|unless|until|there|remains?|looks?|seems?|appears?)\b)"),
         b_the_term,
         trigger=Trigger(("term",), 2, 1)),
    Rule("last_night", _r(r"\b(?P<x>" + I("last") + r"\s+night)\b"), b_last_night,
         trigger=Trigger(("night",), 1, 0)),
    # noon Thursday / at midday / mid-afternoon yesterday
    Rule("noon", _r(r"\b(?P<x>(?P<noon>noon|midday|midnight|mid-?\s?(?:morning|afternoon))(?:\s+(?:(?P<rel>" + I("last|next|this") +
                    r")\s+)?(?:" + WD + r"|(?P<deictic>today|yesterday|tomorrow)))?)\b"), b_noon, g_noon,
         trigger=Trigger(("noon", "mid"), 0, 3)),
)
