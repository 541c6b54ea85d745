"""Quantities as written in entertainment news, normalized to a number and unit.

"310 million viewing hours" -> 310000000 viewing_hours; "$40.8m" -> 40800000
usd; "£3m" -> 3000000 gbp; "12 episodes"; "an hour each" -> 60 minutes;
"49.2% of the audience" -> 49.2 percent (``audience``: a share of the audience);
"12.3 million people" -> 12300000 views; "peaked at 11.9m" -> 11900000 with no
unit (``scaled``: a figure by the million whose sentence says what it counts).
Written by hand because the general number parsers (e.g. quantulum3) are not
installed and do not know units like viewing hours or the "m"/"bn" money style.
"""
from __future__ import annotations

import re

from scoop.lexicon import cardinals

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mil": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "crore": 1e7, "lakh": 1e5,
}
_WORD_NUMBERS = {
    "a": 1, "an": 1,
    **cardinals("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "twenty", "thirty", "forty", "fifty", "hundred"),
    "half": 0.5,
}
_CURRENCIES = {"$": "usd", "us$": "usd", "£": "gbp", "€": "eur", "¥": "jpy", "₩": "krw", "₹": "inr"}
_CURRENCY_WORDS = {"dollars": "usd", "usd": "usd", "pounds": "gbp", "euros": "eur", "won": "krw",
                   "yen": "jpy", "rupees": "inr"}

# Unit words after a number -> (unit, factor to the unit's base). The first
# matching alternative wins, so longer phrases come first.
UNITS: list[tuple[str, str, float]] = [
    (r"(?:viewing|view|watch)[ -]hours|hours\s+(?:of\s+)?(?:viewing|watch[- ]?time|watched)",
     "viewing_hours", 1),
    (r"(?:viewing|view|watch)[ -]minutes|minutes\s+(?:of\s+)?(?:viewing|watch[- ]?time|watched)",
     "viewing_minutes", 1),
    (r"views|viewers|households|streams|subscribers|admissions|tickets", "views", 1),
    # people who watched: "12.3 million people" (a count of people by the thousand or more only)
    (r"people|persons|individuals", "views", 1),
    (r"copies|units", "copies", 1),
    (r"episodes?|eps?\b|installments|instalments", "episodes", 1),
    (r"seasons?", "seasons", 1),
    (r"hours?|hrs?\b", "minutes", 60),
    (r"minutes?|mins?\b", "minutes", 1),
    (r"years?", "years", 1),
    (r"months?", "months", 1),
    (r"weeks?", "weeks", 1),
    (r"days?", "days", 1),
    (r"countries|territories|markets", "countries", 1),
    (r"nominations?", "nominations", 1),
    (r"awards?|wins", "awards", 1),
    (r"(?:per ?cent|%)", "percent", 1),
]
_UNIT_RE = "|".join(f"(?P<u{i}>{pat})" for i, (pat, _, _) in enumerate(UNITS))
_SCALE_RE = r"thousand|million|billion|trillion|crore|lakh|mn|bn|m|k|b"
_NUMBER_RE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM_RE = "|".join(sorted((w for w in _WORD_NUMBERS if w not in ("a", "an")), key=len, reverse=True))

# money: "$40.8m", "£3 million", "US$1.2bn", "40 million dollars"
MONEY = re.compile(
    rf"(?P<cur>US\$|[$£€¥₩₹])\s?(?P<num>{_NUMBER_RE})\s?(?P<scale>{_SCALE_RE})?\b"
    rf"|(?P<num2>{_NUMBER_RE})\s?(?P<scale2>{_SCALE_RE})?\s+(?P<curword>dollars|usd|pounds|euros|won|yen|rupees)\b",
    re.IGNORECASE,
)
# counted things: "310 million viewing hours", "over 212.5 million hours of viewing",
# "12 episodes", "12-ish episodes", "two long decades", "an hour each"
COUNT = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUMBER_RE}|{_WORDNUM_RE}|an?)(?:-ish)?"
    rf"(?:[ -]?(?P<scale>{_SCALE_RE}))?"
    rf"(?:[ -](?:more|long|full|new|straight|consecutive|whole|additional|extra|total|brand-new|"
    rf"cross-platform|unique|live|overnight|average|consolidated))?"
    rf"[ -](?P<unit>{_UNIT_RE})(?!\w)"
    rf"|(?<![\w.,])(?P<bare>{_NUMBER_RE})(?:-ish)?(?=[ -](?:gut|hour|part|episode))"
    # "49.2%", "12 %"
    rf"|(?<![\w.,])(?P<pct>{_NUMBER_RE})\s?%"
    # a figure by the thousand, million or billion with no unit: "peaked at 11.9m", "1.12 billion"
    rf"|(?<![\w.,/-])(?P<big>{_NUMBER_RE}|{_WORDNUM_RE})[ -]?(?P<bigscale>thousand|million|billion|mn|bn|m)"
    rf"(?![\w²³])(?![ -]?(?:\(\s*\d|high\b|tall\b|long\b|wide\b|deep\b|away\b|apart\b|above\b|below\b|"
    rf"fewer\b|more\b|less\b|up\b|down\b))",
    re.IGNORECASE,
)
# Read as a share of the audience: "49.2% of the audience", "62.2% of the TV audience",
# "50% of the viewing public", "lift its audience share by 12%".
_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
                       r"(?:audiences?|viewers|viewing public|viewership|households|homes)\b", re.IGNORECASE)
_SHARE_BEFORE = re.compile(r"\b(?:audience|viewing|ratings?|tv|television)\s+share\b[^.;!?]{0,50}$",
                           re.IGNORECASE)
# A bare "m" is not millions after a model name or an hours figure ("Model 5m", "2h 5m"), nor
# when the passage speaks of metres ("a 5m wall, five metres high").
_NOT_MILLIONS_BEFORE = re.compile(r"(?:\b(?:model|version|type|mark|mk|no\.?|number|size)|\dh(?:rs?)?)\s*$",
                                  re.IGNORECASE)
_METRES = re.compile(r"\bmet(?:re|er)s?\b|\bmetric\b", re.IGNORECASE)
_PEOPLE = frozenset({"people", "persons", "individuals"})
# "12-ish gut-wrenchers" (episodes named by a slang noun) is handled by callers
# that know the sentence is about episodes: bare numbers come back unit-less.


def _to_number(token: str) -> float:
    token = token.lower().replace(",", "")
    if token in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[token])
    return float(token)


def _scale(token: str | None) -> float:
    return _SCALES.get(token.lower(), 1.0) if token else 1.0


def parse_quantities(text: str) -> list[dict]:
    """Every quantity in ``text``: value_text, value_number, value_unit, char_start, char_end."""
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    for m in MONEY.finditer(text):
        if m.group("cur"):
            number = _to_number(m.group("num")) * _scale(m.group("scale"))
            unit = _CURRENCIES[m.group("cur").lower()]
        else:
            number = _to_number(m.group("num2")) * _scale(m.group("scale2"))
            unit = _CURRENCY_WORDS[m.group("curword").lower()]
        out.append(_row(text, m.start(), m.end(), number, unit))
        taken.append((m.start(), m.end()))
    for m in COUNT.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        row = _count_row(text, m)
        if row is not None:
            out.append(row)
    return sorted(out, key=lambda r: r["char_start"])


def _count_row(text: str, m: re.Match) -> dict | None:
    """The row of one COUNT match; None when it asserts no count."""
    if m.group("bare"):
        return _row(text, m.start(), m.end(), _to_number(m.group("bare")), None)
    if m.group("pct"):
        return _percent(text, _row(text, m.start(), m.end(), _to_number(m.group("pct")), "percent"))
    if m.group("big"):
        scale = m.group("bigscale")
        if scale.lower() == "m" and (_NOT_MILLIONS_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                                     or _METRES.search(text[max(0, m.start() - 80):m.end() + 80])):
            return None
        row = _row(text, m.start(), m.end(), _to_number(m.group("big")) * _scale(scale), None)
        row["scaled"] = True    # a figure with no unit: an audience or a total, by its sentence
        return row
    unit_index = next(i for i in range(len(UNITS)) if m.group(f"u{i}"))
    _, unit, factor = UNITS[unit_index]
    if m.group("num").lower() in ("a", "an") and unit != "minutes":
        return None  # "in a month", "a year ago": no count is asserted
    number = _to_number(m.group("num")) * _scale(m.group("scale")) * factor
    if m.group("unit").lower() in _PEOPLE and number < 1000:
        return None  # "two people": not an audience
    row = _row(text, m.start(), m.end(), number, unit)
    return _percent(text, row) if unit == "percent" else row


def _percent(text: str, row: dict) -> dict:
    """``audience``: the percentage is a share of the audience ("49.2% of the audience")."""
    start, end = row["char_start"], row["char_end"]
    row["audience"] = bool(_SHARE_OF.match(text, end) or _SHARE_BEFORE.search(text[max(0, start - 80):start]))
    return row


def _row(text: str, start: int, end: int, number: float, unit: str | None) -> dict:
    return {"value_text": text[start:end], "value_number": round(number, 6),
            "value_unit": unit, "char_start": start, "char_end": end}
