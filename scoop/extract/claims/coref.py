"""A pronoun that stands for the person last named: "She played X in Y" after a sentence about
an actress is a cast claim about her. The pronoun becomes a mention of that person, so the cue
rules and the models read the sentence as if the name were written there."""
from __future__ import annotations

import re

# a third-person singular subject pronoun ("he stars", "she directed"); possessives ("his",
# "her") read worse in cross-validation
PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
MAX_GAP = 2      # at most this many sentences back to the person named (chosen by pooled CV)


def _name(p: dict) -> str:
    return p.get("name") or p.get("text")


def pronoun_mentions(text: str, start: int, end: int, people: list[dict], antecedent: dict | None
                     ) -> list[dict]:
    """The sentence's people plus its first pronoun standing for ``antecedent`` (the real person
    last named before it), unless the sentence names that person itself."""
    if antecedent is None or any(_name(p) == _name(antecedent) for p in people):
        return people
    m = PRONOUN.search(text, start, end)
    if m is None:
        return people
    pseudo = {**antecedent, "text": m.group(), "char_start": m.start(), "char_end": m.end(), "pronoun": True}
    return sorted([*people, pseudo], key=lambda p: p["char_start"])


def last_real(people: list[dict]) -> dict | None:
    real = [p for p in people if p.get("kind") != "fictional"]
    return real[-1] if real else None
