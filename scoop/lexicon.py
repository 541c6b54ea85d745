"""Month and number words, written once for every module that reads them.

Each reader picks the view it needs: capitalised names for the date grammar
(``MONTH_NAMES``, ``MONTH_ABBREVIATIONS``), a case-insensitive alternation for
free text (``MONTHS_RE``), a month's number from any spelling
(``month_number``), and the cardinal and ordinal number words.
"""
from __future__ import annotations

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
# written abbreviations ("May" has none); "Sept" before "Sep" so an alternation tries the longer first
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
# a month's first three letters (lower case) -> its number: "jan" 1 ... "dec" 12
MONTH_NUMBERS: dict[str, int] = {name[:3].lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
# full names then abbreviations, lower case, for re.IGNORECASE patterns over free text
MONTHS_RE = "|".join((*(m.lower() for m in MONTH_NAMES),
                      *sorted((a.lower() for a in MONTH_ABBREVIATIONS), key=lambda a: (MONTH_NUMBERS[a[:3]], len(a)))))


def month_number(word: str) -> int:
    """The month's number from any spelling the lexicon knows ("Sept." -> 9, "MARCH" -> 3)."""
    return MONTH_NUMBERS[word.lower()[:3]]


def month_spellings() -> dict[str, int]:
    """Every capitalised spelling -> number: each full name followed by its abbreviations."""
    out: dict[str, int] = {}
    for i, name in enumerate(MONTH_NAMES, start=1):
        out[name] = i
        for abbr in MONTH_ABBREVIATIONS:
            if month_number(abbr) == i:
                out[abbr] = i
    return out


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# "one" 1 ... "nineteen" 19, "twenty" 20 ... "ninety" 90, "hundred" 100
CARDINALS: dict[str, int] = {
    **{w: i for i, w in enumerate(UNITS_1_9 + TEENS, start=1)},
    **{w: 10 * i for i, w in enumerate(TENS, start=2)},
    "hundred": 100,
}
# "first" 1 ... "twentieth" 20
ORDINAL_WORDS: dict[str, int] = {w: i for i, w in enumerate((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth"), start=1)}


def cardinals(*words: str) -> dict[str, int]:
    """The named cardinals with their values, in the order given."""
    return {w: CARDINALS[w] for w in words}


def word_alternation(words) -> str:
    """``"one|two|three"``: the words as a regex alternation, in order (plain words, no escaping needed)."""
    return "|".join(words)


# "first" ... "tenth" and "one" ... "ten", as regex alternations for cue patterns
ORDINALS_TO_TEN_RE = word_alternation(list(ORDINAL_WORDS)[:10])
CARDINALS_TO_TEN_RE = word_alternation(list(CARDINALS)[:10])
