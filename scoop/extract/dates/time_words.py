"""Word tables and regex fragments for English time expressions.

All vocabulary lives here so the rules (``rule_table.py``) read as a list of
phrase shapes. Fragments are plain strings meant to be embedded in verbose
regexes; month and weekday names are matched case-sensitively (capitalised)
so that "may"/"march"/"sun" as ordinary words never start a date.
"""
from __future__ import annotations

from scoop.lexicon import CARDINALS, ORDINAL_WORDS, TEENS, TENS, UNITS_1_9, WEEKDAY_NAMES, month_spellings

MONTHS: dict[str, int] = month_spellings()
WEEKDAYS: dict[str, int] = {
    "Monday": 0, "Mon": 0, "Tuesday": 1, "Tues": 1, "Tue": 1, "Wednesday": 2, "Wed": 2,
    "Thursday": 3, "Thurs": 3, "Thu": 3, "Friday": 4, "Fri": 4, "Saturday": 5, "Sat": 5,
    "Sunday": 6, "Sun": 6,
}
# Only full weekday names stand alone as dates: "Sun"/"Sat"/"Wed" are common words.
FULL_WEEKDAYS = WEEKDAY_NAMES
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# Parts of the day (TIMEX3 TIME values like 2013-03-22TMO).
DAY_PARTS: dict[str, str] = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, **CARDINALS, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2,
    "a dozen": 12, "dozen": 12, "half a": 0.5, "half an": 0.5, "a half": 0.5,
}
# Vague quantities give an X in the value: "several months" -> PXM.
VAGUE_QUANTITIES = ("several", "many", "a few", "few", "some", "numerous", "multiple", "countless")
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}

# unit word -> (ISO-8601 duration letter, is a time-of-day unit, granularity name)
UNITS: dict[str, tuple[str, bool, str]] = {
    "second": ("S", True, "second"), "minute": ("M", True, "minute"), "hour": ("H", True, "hour"),
    "day": ("D", False, "day"), "week": ("W", False, "week"), "weekend": ("WE", False, "week"),
    "month": ("M", False, "month"), "year": ("Y", False, "year"), "decade": ("DE", False, "decade"),
    "century": ("CE", False, "century"), "quarter": ("Q", False, "quarter"),
}
UNIT_PLURALS = {"century": "centuries"}

# Words before a duration/date and the TIMEX3 mod they give.
QUANT_MODS: dict[str, str] = {
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "fewer than": "LESS_THAN", "just under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN", "upwards of": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    "some": "APPROX", "nearly about": "APPROX", "an estimated": "APPROX",
}
# Same words before "N units ago": "over three weeks ago" is before the point.
AGO_MODS: dict[str, str] = {
    "over": "BEFORE", "more than": "BEFORE", "nearly": "AFTER", "almost": "AFTER",
    "less than": "AFTER", "about": "APPROX", "around": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "some": "APPROX",
}
# "early 2027" / "the end of the year": which third of the period.
PART_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START", "dawn": "START",
    "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END", "close": "END",
}

# Deictic words resolved against the document date.
DEICTIC_DAYS: dict[str, int] = {"today": 0, "yesterday": -1, "tomorrow": 1}
# Words for the present/past/future as TIMEX3 *_REF values.
REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "present-day": "PRESENT_REF", "present day": "PRESENT_REF", "the present": "PRESENT_REF",
    "at present": "PRESENT_REF", "these days": "PRESENT_REF", "current": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "once upon a time": "PAST_REF",
    "soon": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "someday": "FUTURE_REF", "one day": "FUTURE_REF",
}
# Frequency words (TIMEX3 SET).
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
    "annually": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "biweekly": "P2W",
}
TIMEZONES = ("IST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "CT",
             "GMT", "UTC", "BST", "CET", "CEST", "KST", "JST", "AEST", "AEDT", "HKT", "SGT")

# Tokens that, just before a number, say it is not a day or a year.
NON_DATE_NUMBER_PREFIXES = (
    "Season", "season", "Episode", "episode", "Ep", "Part", "part", "Chapter", "chapter",
    "Volume", "Vol", "vol", "Book", "No", "no", "Number", "number", "#", "Act", "Round",
    "Level", "Vol.", "Page", "page", "Room", "Flight", "Route", "Game", "game", "Week", "week",
)
# Plural nouns after a 4-digit number that make it a count, not a year.
COUNT_NOUNS = (
    "people", "persons", "fans", "viewers", "votes", "copies", "units", "cars", "vehicles",
    "jobs", "employees", "workers", "shares", "points", "feet", "ft", "meters", "metres",
    "miles", "km", "kilometers", "tons", "tonnes", "episodes", "pages", "words", "students",
    "troops", "soldiers", "deaths", "cases", "homes", "houses", "stores", "planes", "aircraft",
    "seats", "members", "customers", "users", "dollars", "euros", "yen", "pounds", "won",
    "rupees", "hours", "minutes", "days", "years", "times", "percent", "kg", "lbs", "acres",
)


def alternation(words) -> str:
    """Longest-first regex alternation of literal words (spaces match any whitespace)."""
    import re

    parts = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts) + ")"


def unit_alternation(plural: bool | None) -> str:
    """Unit words, singular (False), plural (True) or either (None)."""
    forms = []
    for unit in UNITS:
        pl = UNIT_PLURALS.get(unit, unit + "s")
        if plural is None:
            forms += [unit, pl]
        else:
            forms.append(pl if plural else unit)
    return alternation(forms)


def unit_of(word: str) -> str:
    """Singular unit for a unit word ("centuries" -> "century")."""
    w = word.lower()
    for unit, pl in ((u, UNIT_PLURALS.get(u, u + "s")) for u in UNITS):
        if w in (unit, pl):
            return unit
    raise KeyError(word)


def parse_number(words: str) -> float | None:
    """'twenty four', 'twenty-four', '30', 'a', 'a couple of', 'two and a half', '2 1/2' -> number; vague -> None."""
    w = " ".join(words.lower().replace("-", " ").split())
    for half in (" and a half", " 1/2"):
        if w.endswith(half) and w != half.strip():
            whole = parse_number(w[:-len(half)])
            return whole + 0.5 if whole is not None else None
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if w.replace(",", "").isdigit():
        return int(w.replace(",", ""))
    try:
        return float(w)
    except ValueError:
        pass
    total = 0
    for part in w.split():
        if part not in NUMBER_WORDS:
            return None
        total += NUMBER_WORDS[part]
    return total or None


_CARDINAL_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
NUMBER_RE = (
    # and a half: "two and a half", "two-and-a-half", "2 1/2" (a year and a half: see the duration rule)
    r"(?:(?:\d+|" + _CARDINAL_RE + r")[-\s]+and[-\s]+a[-\s]+half|\d+\s+1/2"
    r"|\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|a\s+couple(?:\s+of)?|couple\s+of|a\s+dozen|half\s+an?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|hundred)"
)


# Holidays with a fixed date, or (month, -n) meaning the n-th rule in HOLIDAY_RULES.
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "halloween": (10, 31), "independence day": (7, 4), "the fourth of july": (7, 4),
    "july fourth": (7, 4), "veterans day": (11, 11), "boxing day": (12, 26),
    "thanksgiving": (11, 0), "thanksgiving day": (11, 0), "labor day": (9, 0),
    "memorial day": (5, 0), "election day": (11, 0), "mother's day": (5, 0), "father's day": (6, 0),
}
# nth weekday of a month (n = -1: last): (weekday 0=Mon, n)
_NTH_WEEKDAY = {"thanksgiving": (3, 4), "thanksgiving day": (3, 4), "labor day": (0, 1),
                "memorial day": (0, -1), "mother's day": (6, 2), "father's day": (6, 3)}


def holiday_date(name: str, year: int):
    """Calendar date of a holiday in ``year``."""
    import calendar
    from datetime import date, timedelta

    month, day = HOLIDAYS[name]
    if day:
        return date(year, month, day)
    if name == "election day":  # the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        monday = first + timedelta(days=(0 - first.weekday()) % 7)
        return monday + timedelta(days=1)
    weekday, n = _NTH_WEEKDAY[name]
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1)
            if date(year, month, d).weekday() == weekday]
    return date(year, month, days[n - 1] if n > 0 else days[n])


# Years and decades read out in broadcast transcripts: "nineteen ninety-six".
_TEENS, _TENS, _UNITS_1_9 = TEENS, TENS, UNITS_1_9
SPOKEN_YEAR_RE = (
    r"(?:nineteen|twenty)[\s-]+(?:hundred|" + "|".join(_TEENS) + "|(?:" + "|".join(_TENS) + r")(?:[\s-]+(?:"
    + "|".join(_UNITS_1_9) + r"))?)(?![\w-])"
    r"|two\s+thousand(?:\s+(?:and\s+)?(?:" + "|".join(_TEENS + _UNITS_1_9) + r"))?(?![\w-])"
)
# "the nineties" -> 199; twenties..nineties of the 1900s.
DECADE_WORDS: dict[str, str] = {w[:-1] + "ies": "19" + str(i + 2) for i, w in enumerate(_TENS)}


def spoken_year(words: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001, 'twenty ten' -> 2010."""
    w = " ".join(words.lower().replace("-", " ").split())
    if w.startswith("two thousand"):
        rest = w[len("two thousand"):].replace("and", "").strip()
        return 2000 + (NUMBER_WORDS.get(rest, 0) if rest else 0)
    head, _, rest = w.partition(" ")
    century = NUMBER_WORDS.get(head)
    if century is None or not rest:
        return None
    if rest == "hundred":
        return century * 100
    low = parse_number(rest)
    return century * 100 + int(low) if low is not None and low < 100 else None


CENTURY_ORDINALS: dict[str, int] = {**ORDINAL_WORDS, "twenty-first": 21, "twenty first": 21}

# "album of the year", "player of the week": a title, not a time ("the end of the year" is one).
TITLE_NOUNS = (
    "album", "song", "record", "single", "player", "person", "man", "woman", "artist", "book", "film",
    "movie", "show", "game", "coach", "rookie", "word", "event", "story", "team", "drama", "series",
    "actor", "actress", "entertainer", "newcomer", "employee", "pick", "play", "photo", "picture",
    "idol", "star", "performer", "athlete", "comeback", "breakout", "video", "car", "company", "deal",
    "director", "producer", "writer", "author", "novel", "gig", "band", "group", "act", "track", "hit",
    "singer", "musician", "designer", "model", "presenter", "programme", "program", "debut", "performance",
)
