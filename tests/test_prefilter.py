"""The regex prefilter skips only patterns that cannot match (``scoop.extract.prefilter``)."""
import re

import pytest

from conftest import ROOT
from scoop.extract.claims.type_cues import TYPE_RULES
from scoop.extract.people.person_cues import ROLE_BEFORE_NAMES_RE, ROLE_BEFORE_NAMES_WORDS
from scoop.extract.prefilter import fold, may_match, required_words


def test_required_words_of_a_pattern():
    assert required_words(re.compile(r"\b(?:co-)?directed by\s+(?=[A-Z])", re.I)) == {"directed by"}
    # the most selective run: one of a branch's words, not the short " by"
    assert required_words(r"\b(?:written|penned)s? by") == {"written", "penned"}
    # a repeat taken at least once keeps its words, an optional one does not
    assert required_words(r"(?:abc)+d") == {"abc"}
    assert required_words(r"(?:abcdef)?x") == {"x"}
    # one alternative without a literal: nothing is required
    assert required_words(r"(?:foo|\d+)") is None
    assert required_words(r"[A-Z]\w+") is None


def test_a_text_without_the_words_is_skipped_and_one_with_them_is_not():
    words = required_words(re.compile(r"\bhelmed by\s+", re.I))
    assert not may_match(words, fold("The film was directed by Ann Lee."))
    assert may_match(words, fold("The film was HELMED BY Ann Lee."))
    assert may_match(None, fold("anything"))


@pytest.mark.parametrize("letter", "abcdefghijklmnopqrstuvwxyz")
def test_fold_maps_every_character_ignorecase_takes_for_an_ascii_letter(letter):
    pattern = re.compile(letter, re.I)
    equal = [chr(c) for c in range(0x10000) if pattern.fullmatch(chr(c))]
    assert len(equal) >= 2                          # the letter and its capital, at least
    assert {fold(c) for c in equal} == {letter}


def _all_patterns():
    for pattern, _ in ROLE_BEFORE_NAMES_RE:
        yield pattern
    for rule in TYPE_RULES:
        for p in (rule.trigger_re, rule.needs, rule.pattern):
            if p is not None:
                yield p


def test_no_pattern_is_skipped_on_a_text_it_matches():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "raw").glob("*.txt"))]
    # the characters re.IGNORECASE takes for ASCII letters ("dİrected by", long s, Kelvin sign)
    texts += ["It was d\u0130rected by Ann Lee.", "It was d\u0131rected by Ann Lee.", "The \u017ftar Ann Lee",
              "Pro\u212a Ann Lee", "WRITTEN BY Ann Lee", "co-created by Ann Lee"]
    matched = 0
    for pattern in _all_patterns():
        words = required_words(pattern)
        for text in texts:
            if pattern.search(text):
                matched += 1
                assert may_match(words, fold(text)), (pattern.pattern, text[:80])
    assert matched > 50


def test_role_cue_words_are_known_for_every_role_pattern():
    # each role cue names a word: a pattern left without any is run on every article
    assert all(ROLE_BEFORE_NAMES_WORDS)
