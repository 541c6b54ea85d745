"""Sentence and clause segmentation for scraped news text.

Scraped articles break the assumptions of ordinary sentence splitters: lines
without final punctuation (headlines, captions), sentences glued together
when markup was stripped ("its pages.The next chapter", "new rolesIn the
upcoming season"), quoted tweets, bullet lines. spaCy's parser-based splitter
needs a full parse (the slow part of the pipeline) and still keeps glued
sentences together, so this is a small rule-based splitter; every span is a
char range into the text it was given.
"""
from __future__ import annotations

import re

from scoop.extract.batch_cache import per_batch
from scoop.lexicon import MONTH_ABBREVIATIONS

# Abbreviations whose period does not end a sentence.
_ABBREVIATIONS = frozenset("""
mr mrs ms dr st jr sr prof gen sen rep gov lt col capt sgt vs etc inc ltd co corp no vol
approx est dept fig u.s u.k e.g i.e a.m p.m
""".split())
# Month abbreviations end a sentence unless a day number follows.
_MONTHS = frozenset(m.lower() for m in MONTH_ABBREVIATIONS)

# End punctuation (with closing quotes/brackets) followed by space and a
# plausible sentence opener.
_END_THEN_SPACE = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
# Glued: "pages.A new" — a period directly followed by a capitalized word.
_END_GLUED = re.compile(r"(?<=[a-z0-9)\"”’])[.!?]+[\"”’]*(?=[\"“]?[A-Z](?:[a-z]|\s))")
# Glued without punctuation ("rolesIn the next"): only before words that
# commonly open a sentence, so CamelCase names (YouTube, DreamWorks) survive.
_OPENERS = (
    "In|The|A|An|After|Before|But|And|As|At|When|While|Meanwhile|However|This|That|These|"
    "It|He|She|They|We|With|For|On|According|Many|Some|Fans|Other|Season|Here|Now|Also|"
    "Although|Despite|Since|During|If|Once|Following|Earlier|Later|Netizens|Viewers"
)
# A caption's closing bracket glued to the next sentence also ends it
# ("(Image via Streamflix)Now, the second season ...").
_GLUED_OPENER = re.compile(rf"(?<=[a-z0-9?!])(?=(?:{_OPENERS}) [a-z0-9])|(?<=\))(?=(?:{_OPENERS})[ ,] ?[a-z0-9])")
_BULLET = re.compile(r"(?:[-•*·▪►]+|\d{1,2}[.)])\s+")

# Clause boundaries inside one sentence: semicolons, spaced dashes, a comma
# before a coordinating/subordinating word, and "but" even without a comma.
_CLAUSE_BREAK = re.compile(
    r";\s+|\s[–—-]\s|\s—|—\s|,\s+(?=(?:but|while|with|although|though|whereas|yet|which|"
    r"who|whose|so|and then|according to|as)\b)"
    # "but" without a comma before a second predicate: "was set to begin last year but was delayed"
    r"|\s(?=but (?:was|were|is|are|has|have|had|will|would|then|later|eventually|instead)\b)"
)
# A parenthetical clause (", who plays X,", ", with Y returning as writer,")
# ends at its next comma (not the comma of a date: "July 23, 2025").
_PARENTHETICAL = re.compile(r",\s+(?:who|whose|which|with)\b[^,;]*?,(?!\s*\d)\s+")
# A fronted subordinate clause ("Although X hasn't..., Y") ends at its first comma.
_FRONTED = re.compile(
    r"(?:Although|Though|While|Whereas|Despite|After|Before|As|When|Because|If|Given|"
    r"Since|Once|Until|According to|With|Now that|Directed by|Written by|Created by|Produced by|"
    r"Adapted from|Based on)\b[^,]{3,}?,(?!\s*\d)\s+"
)


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([A-Za-z.]+)$", text[max(0, dot - 12):dot])
    if not word:
        return False
    w = word.group(1).lower().rstrip(".")
    if w in _MONTHS:
        # "Dec. 5" goes on; "hosts Ant and Dec. Natalie ..." ends a sentence
        return bool(re.match(r"\.?\s*\d", text[dot:dot + 4]))
    # single initials ("J. K. Rowling") and known abbreviations
    return w in _ABBREVIATIONS or (len(w) == 1 and text[dot - 1].isupper())


def _split_block(text: str, start: int, end: int) -> list[int]:
    """Cut points (absolute offsets) inside one line."""
    block = text[start:end]
    cuts: set[int] = set()
    for m in _END_THEN_SPACE.finditer(block):
        if m.group().startswith(".") and _is_abbreviation(block, m.start()):
            continue
        cuts.add(start + m.end())
    for m in _END_GLUED.finditer(block):
        if m.group().startswith(".") and _is_abbreviation(block, m.start()):
            continue
        cuts.add(start + m.end())
    for m in _GLUED_OPENER.finditer(block):
        cuts.add(start + m.start())
    return sorted(cuts)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    bullet = _BULLET.match(text, start, end)
    if bullet:
        start = bullet.end()
    return start, end


def sentences(text: str) -> list[tuple[int, int]]:
    """Char spans (start, end-exclusive) of the sentences of ``text``.

    Every line is at least one sentence (headlines and captions have no final
    punctuation); inside a line, sentences end at . ! ? (after closing quotes)
    before a capitalized word, glued or not.
    """
    return list(_sentences(text))


# the people and claims extractors split each article of a batch in turn: the second split is a
# memo hit (scoop.extract.batch_cache)
@per_batch(maxsize=64)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        bounds = [line.start(), *_split_block(text, line.start(), line.end()), line.end()]
        for a, b in zip(bounds, bounds[1:]):
            s, e = _trim(text, a, b)
            if e > s and any(ch.isalnum() for ch in text[s:e]):
                spans.append((s, e))
    return tuple(spans)


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of ``sentences(text)`` starts, the first at 0: a sentence runs
    from its start to the next one's (the dates extractor's "same sentence?" and "within
    the last few sentences")."""
    spans = sentences(text)
    return [0] + [s for s, _ in spans[1:]]


def sentence_at(text: str, offset: int, spans: list[tuple[int, int]] | None = None) -> tuple[int, int]:
    """The span of the sentence holding ``offset``; ``(offset, offset + 1)`` between sentences."""
    for s, e in sentences(text) if spans is None else spans:
        if s <= offset < e:
            return s, e
    return offset, offset + 1


# a run of text up to its first .!? (with closing quotes) or newline
_ROUGH_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+[\"”’)]*|\n|$)")


def rough_sentences(text: str) -> list[tuple[int, int]]:
    """Spans cut at every . ! ? and newline, abbreviations included, untrimmed.

    Coarser than ``sentences``: the publication-day inference (``scoop.pubdate``) counts
    its lede and reads tense in these pieces, and was measured with them.
    """
    return [(m.start(), m.end()) for m in _ROUGH_SENTENCE.finditer(text) if m.group().strip()]


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans inside the sentence ``text[start:end]`` (at least one)."""
    cuts = {start, end}
    fronted = _FRONTED.match(text, start, end)
    if fronted and fronted.end() < end:
        cuts.add(fronted.end())
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        cuts.add(m.end())
    for m in _PARENTHETICAL.finditer(text, start, end):
        cuts.add(m.end())
    # never cut inside brackets: "(or rather – the other one; a mix-up)" is one aside
    if "(" in text[start:end]:
        brackets = [(m.start(), m.end()) for m in re.finditer(r"\([^()]*\)", text[start:end])]
        cuts = {c for c in cuts if c in (start, end)
                or not any(start + a < c < start + b for a, b in brackets)}
    bounds = sorted(cuts)
    out = []
    for a, b in zip(bounds, bounds[1:]):
        s, e = _trim(text, a, b)
        if e > s:
            out.append((s, e))
    return out or [(start, end)]
