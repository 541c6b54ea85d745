"""Regex fragments the rules are written in: months, days, years, weekdays, clocks,
counts and units. Month and weekday names are matched capitalised, so "may",
"march" and "sun" as ordinary words never start a date.
"""
from __future__ import annotations

from scoop.extract.dates import time_words as tw
from scoop.lexicon import MONTH_ABBREVIATIONS, MONTH_NAMES

_ABBR = MONTH_ABBREVIATIONS
_FULL = MONTH_NAMES
MON = r"(?P<mon>(?:" + "|".join(_FULL) + r"|(?:" + "|".join(_ABBR) + r")\.?)(?![A-Za-z]))"
MON_FULL = r"(?P<mon>(?:" + "|".join(_FULL) + r")(?![A-Za-z]))"
DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?P<year>(?:1[6-9]|20)\d{2})(?![\d%]|,\d|\.\d)"
WD_ANY = r"(?P<wd>(?:" + "|".join(tw.WEEKDAYS) + r")\.?)(?![A-Za-z])"
WD = r"(?P<wd>" + "|".join(tw.FULL_WEEKDAYS) + r")(?![A-Za-z])"
TZ = r"(?:\s*\(?(?P<tz>" + "|".join(tw.TIMEZONES) + r")\)?(?![A-Za-z]))?"
AMPM = r"(?P<ampm>[aApP]\.?\s?[mM]\.?(?![A-Za-z]))"
CLOCK = (r"(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?!\d)"
         r"(?:\s*" + AMPM + r")?" + TZ)
CLOCK_AMPM = r"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*" + AMPM + TZ
NUM = tw.NUMBER_RE
VAGUE = tw.alternation(tw.VAGUE_QUANTITIES)
UNIT_SG = tw.unit_alternation(False)
UNIT_ANY = tw.unit_alternation(None)
DUR_ADJ = (r"(?:long|short|full|straight|consecutive|additional|more|whole|extra|entire|solid|"
           r"grueling|gruelling|agonizing|painful|difficult|hard|busy|f\*+\w*|fucking|freaking|"
           r"subsequent|previous|following|last|past|next)")
QUANT = tw.alternation(tw.QUANT_MODS)
I = r"(?i:{})".format  # case-insensitive piece
REL = I(r"last|next|this|coming|past|previous|following|current|the\s+(?:current|following|previous|past|last)")
AGO_DIR = I(r"ago|later|earlier|afterwards?|from\s+now|hence|before|after")
