"""Skipping a regex over a text it cannot match, by the literal words every match must contain.

Python's ``re`` scans a whole article for a case-insensitive cue pattern
(``\\b(?:co-)?directed by\\s+...``) at some 30 ns a character, match or not, and
most articles hold no cue of most patterns: 28 role-cue patterns over 500 BBC
articles took 1.3 s, a tenth of the people extractor. ``required_words(pattern)``
reads the pattern's parse tree for literal runs any match must contain (one of a
branch's alternatives, a repeat taken at least once), and ``may_match`` tests them
with ``str.__contains__`` on the article folded once (``fold``): a pattern none of
whose words is in the text is not run. The test only ever skips a pattern that
cannot match (measured: identical matches, ``tests/test_prefilter.py``), so results
do not change. Libraries that do this (RE2's FilteredRE2, Hyperscan) lack the
lookbehinds the cue patterns use.
"""
from __future__ import annotations

import re
from re import _constants as C, _parser      # re's own parser (sre_parse before 3.11)

from scoop.extract.batch_cache import per_batch

# characters ``re.IGNORECASE`` matches to an ASCII letter whose ``str.lower`` is not that letter:
# dotless i and long s (re's extra case pairs), and dotted capital I (its full lowercase has two
# characters; re folds it to "i"). The Kelvin sign already lowers to "k".
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def fold(text: str) -> str:
    """``text`` as ``may_match`` reads it: lowercased, with re's other case pairs of ASCII letters."""
    return text.translate(_TO_ASCII).lower()


@per_batch(maxsize=64)
def fold_once(text: str) -> str:
    """``fold(text)`` once per article of a batch: the role cues and the works both read it."""
    return fold(text)


def _best(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two sets of required words: the one whose shortest word is longer."""
    if a is None:
        return b
    if b is None:
        return a
    return b if min(map(len, b)) > min(map(len, a)) else a


def _required(items) -> frozenset[str] | None:
    """Words (ASCII, lowercased) one of which every match of the parsed ``items`` contains; None: unknown."""
    best, run = None, []
    for op, av in list(items) + [(None, None)]:
        if op is C.LITERAL and av < 128:
            run.append(chr(av).lower())
            continue
        if run:
            best = _best(best, frozenset({"".join(run)}))
            run = []
        if op is C.SUBPATTERN:
            best = _best(best, _required(av[-1]))
        elif op is C.ATOMIC_GROUP:
            best = _best(best, _required(av))
        elif op is C.BRANCH:
            alternatives = [_required(alt) for alt in av[1]]
            if all(alternatives):
                best = _best(best, frozenset().union(*alternatives))
        elif op in _REPEATS and av[0] >= 1:
            best = _best(best, _required(av[2]))
    return best


def required_words(pattern: re.Pattern | str) -> frozenset[str] | None:
    """Words one of which is in (the ``fold`` of) any text ``pattern`` matches; None when none is known."""
    source, flags = (pattern.pattern, pattern.flags) if isinstance(pattern, re.Pattern) else (pattern, 0)
    if isinstance(source, bytes):
        return None
    return _required(_parser.parse(source, flags))


def may_match(words: frozenset[str] | None, folded: str) -> bool:
    """False only when the pattern of ``words`` (``required_words``) cannot match the text ``folded``."""
    return words is None or any(word in folded for word in words)
