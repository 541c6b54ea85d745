"""Certainty, negation and attribution of a claim: from the clause around its cue, the framing
of the sentence, or the credit of a quotation it stands in (cue tables in ``cues``)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from scoop.extract.claims import credit_cues as credit
from scoop.extract.claims import type_cues as rules

_CONDITION_TAIL = re.compile(r"(?<=\S)\s+(?:if|unless|as long as|provided|in case)\b.*$",
                             re.IGNORECASE | re.DOTALL)


def negation(clause_text: str) -> tuple[bool, str | None]:
    # a negation inside a trailing condition does not negate the claim
    # ("2026, if post-production doesn't drag")
    clause_text = _CONDITION_TAIL.sub("", clause_text)
    for neg in credit.NEGATION_CUES:
        if neg.pattern.search(clause_text):
            return True, neg.certainty
    return False, None


_RELATIVE = re.compile(r"^(?:who|whose|which)\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)")


def mask_brackets(passage: str) -> str:
    """Blank out asides in brackets: "(hopefully)", "(or maybe not)" qualify the aside only."""
    return _BRACKETS.sub(lambda m: " " * len(m.group()), passage) if "(" in passage else passage


def claim_certainty(text: str, clause: tuple[int, int], sentence: tuple[int, int], claim_type: str,
               value_at: int | None = None, skip_speaker: bool = False) -> tuple[str, bool, bool, bool]:
    """(certainty, negated, cued, doubted) for a claim whose cue sits in ``clause``;
    ``cued`` is False when nothing in the text decided it (the default); ``doubted`` when a later
    clause of the sentence doubts it (``credit_cues.DOUBT_BACK``: the certainty is speculative)."""
    clause_text = mask_brackets(text[clause[0]:clause[1]])
    negated, negated_certainty = negation(clause_text)
    if negated_certainty:
        return negated_certainty, True, True, False
    # a later clause doubts this one ("..., but I highly doubt it")
    if credit.DOUBT_BACK.match(text, clause[1], sentence[1]):
        return "speculative", negated, True, True
    # a hedge right before the value ("..., likely the second half")
    if value_at is not None and credit.HEDGE_BEFORE_VALUE.search(text[max(clause[0], value_at - 40):value_at]):
        return "speculative", negated, True, False
    for cue in credit.CERTAINTY_CUES:
        if cue.applies(claim_type) and not (skip_speaker and cue.speaker) and cue.pattern.search(clause_text):
            return cue.value, negated, True, False
    # framing cues of the clauses before it ("According to X, ...", "Rumors say ..., and ...");
    # a relative clause ("..., who plays X,") keeps its own certainty
    if clause[0] > sentence[0] and not _RELATIVE.match(clause_text):
        before = mask_brackets(text[sentence[0]:clause[0]])
        for cue in credit.CERTAINTY_CUES:
            if cue.frames and cue.applies(claim_type) and not (skip_speaker and cue.speaker) \
                    and cue.pattern.search(before):
                return cue.value, negated, True, False
    return credit.DEFAULT_CERTAINTY, negated, False, False


def clean_who(who: str, role: bool = False) -> str | None:
    who = credit.WHO_OPENERS.sub("", who.strip(" ,."))
    words = who.split()
    if words and words[-1].lower() in credit.NOT_SOURCES:   # "... Jr. He wrote": the subject is "He"
        return None
    lower = who.lower()
    if lower.startswith("the official"):
        return who[4:]
    if lower.startswith("the "):
        who = who[4:]
        lower = who.lower()
    if not who or lower in credit.NOT_SOURCES or who.islower():
        return None
    if role:  # "Director Kim Ha-neul" -> "director Kim Ha-neul"
        who = who[0].lower() + who[1:]
    return who


def attribution(sentence_text: str, art) -> str | None:
    """Who the sentence credits; "the outlet said" points back to the last outlet credited."""
    if "(" in sentence_text:
        sentence_text = credit.IMAGE_CREDIT.sub(lambda m: " " * len(m.group()), sentence_text)
    if art.last_source and credit.ANAPHORIC_SOURCE.search(sentence_text):
        return art.last_source
    for i, pattern in enumerate(credit.ATTRIBUTION_PATTERNS):
        for m in pattern.finditer(sentence_text):
            who = clean_who(m.group("who"), role=i == 0)
            if who and credit.SOURCE_ANAPHORA.match(who):
                if art.last_source:
                    return art.last_source
                continue
            if who:
                if i != 0:  # an outlet or a named speaker, not "director X"
                    art.last_source = who
                return who
    return None


def is_non_claim(clause_text: str) -> bool:
    return any(p.search(clause_text) for p in rules.NON_CLAIM_PATTERNS)


def is_chatter(sentence_text: str) -> bool:
    return any(p.search(sentence_text) for p in rules.NON_CLAIM_SENTENCES)



def quote_credits(text: str, spans: list[tuple[int, int]], art
                   ) -> dict[int, tuple[str | None, str | None]]:
    """Sentence start -> (attributed_to, certainty) for the sentences of a quotation
    running over several sentences and credited after it closes
    (“... . ...,” the official synopsis reads.)."""
    credits: dict[int, tuple[str | None, str | None]] = {}
    if "“" not in text:
        return credits
    starts = [sp[0] for sp in spans]
    for m in re.finditer(r"“[^“”]{20,}?”", text):
        q_start, q_end = m.span()
        # sentences by bisection: a long article has many quotes and many sentences
        inside = spans[bisect_left(starts, q_start):bisect_left(starts, q_end)]
        at = bisect_right(starts, q_end - 1) - 1
        closing = spans[at] if at >= 0 and spans[at][0] <= q_end - 1 < spans[at][1] else None
        if len(inside) < 2 or closing is None:
            continue
        tail = text[q_end:closing[1]]
        who = attribution(tail, art)
        certainty = next((c.value for c in credit.CERTAINTY_CUES if c.frames and c.pattern.search(tail)), None)
        if who or certainty:
            for sp in inside:
                credits[sp[0]] = (who, certainty)
    return credits
