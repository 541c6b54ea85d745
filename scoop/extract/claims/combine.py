"""Where the trained models meet the cue rules: they add the claims the rules missed.

For every sentence the sentence model gives each claim type a probability. A
type at or above ``ADD_THRESHOLD`` that no rule cued becomes a *model cue*,
anchored on the sentence's own evidence for that type (its first quantity or
date for valued types), and from there the claims extractor fills values,
certainty and subject exactly as for a rule cue. Person-centred types are
decided per named person instead: each (type, person) the person model puts at
or above ``PERSON_THRESHOLD`` gets a claim if no rule gave that person one. Thresholds were chosen by pooled cross-validation
(``scoop evaluate --cv``), not on any one article.
"""
from __future__ import annotations

from scoop.extract.claims import type_cues as rules
from scoop.extract.claims.features import SentenceContext, person_features, sentence_features
from scoop.extract.claims.model import ClaimModels
from scoop.extract.claims.values import fits

ADD_THRESHOLD = 0.3
PERSON_THRESHOLD = 0.3
ADD_THRESHOLDS: dict[str, float] = {}       # per type, where it differs
# types decided per named person by the person model (the sentence model decides the rest)
PERSON_MODEL_TYPES = ("cast", "cast_exit", "crew", "award")

_DATE_TYPES = frozenset(rules.DATED_TYPES)
_QUANTITY_TYPES = frozenset(rules.QUANTITY_UNITS)


def sentence_context(sentence: tuple[int, int], index: int, persons: list[dict], dates: list[dict],
                     quantities: list[dict], works: list, cue_types: list[str],
                     previous: list[str] = ()) -> SentenceContext:
    """The sentence's own rows, cut from the article's."""
    s, e = sentence
    inside = lambda r: s <= r["char_start"] < e  # noqa: E731
    return SentenceContext(
        start=s, end=e, index=index,
        persons=[p for p in persons if inside(p)],
        dates=[d for d in dates if inside(d)],
        quantities=[q for q in quantities if inside(q)],
        works=[(w.char_start, w.char_end) for w in works if s <= w.char_start < e],
        cue_types=cue_types, previous=list(previous),
    )


def _anchor(claim_type: str, ctx: SentenceContext) -> tuple[int, int] | None:
    """Where a model cue of this type stands in the sentence; None when the sentence lacks what the type needs."""
    if claim_type in rules.PERSON_TYPES:
        real = [p for p in ctx.persons if p.get("kind") != "fictional"]
        if real:
            return real[0]["char_start"], real[0]["char_end"]
        return None if claim_type in ("cast", "cast_exit", "crew") else (ctx.start, ctx.start)
    if claim_type in _QUANTITY_TYPES:
        units = rules.QUANTITY_UNITS[claim_type]
        qs = [q for q in ctx.quantities if q["value_unit"] in units and fits(claim_type, q, rules.VIEWING_MINUTES_FROM)]
        if qs:
            return qs[0]["char_start"], qs[0]["char_end"]
    if claim_type in _DATE_TYPES:
        ds = [d for d in ctx.dates if d.get("timex_type") == "DATE"]
        if ds:
            return ds[0]["char_start"], ds[0]["char_end"]
    return ctx.start, ctx.start


def real_persons(ctx: SentenceContext) -> list[dict]:
    """The sentence's real people, first mention of each name."""
    seen: set[str] = set()
    out = []
    for p in ctx.persons:
        name = p.get("name") or p.get("text")
        if p.get("kind") != "fictional" and name not in seen:
            seen.add(name)
            out.append(p)
    return out


def model_decisions(models: ClaimModels, text: str, ctx: SentenceContext, rule_cues: list[tuple[str, int, int]]
                    ) -> tuple[list[tuple[str, int, int]], list[tuple[str, dict]]]:
    """(cues for the types the sentence model finds and the rules did not,
    (type, person) pairs the person model finds)."""
    feats = sentence_features(text, ctx)
    probs = models.sentence.probabilities(feats)
    have = {c[0] for c in rule_cues}
    cues = []
    for claim_type, p in probs.items():
        if p < ADD_THRESHOLDS.get(claim_type, ADD_THRESHOLD) or claim_type in have or claim_type in PERSON_MODEL_TYPES:
            continue
        anchor = _anchor(claim_type, ctx)
        if anchor is not None:
            cues.append((claim_type, *anchor))
    people = []
    for person in real_persons(ctx):
        for claim_type, p in models.person.probabilities(person_features(text, ctx, person, feats)).items():
            if p >= ADD_THRESHOLDS.get(claim_type, PERSON_THRESHOLD):
                people.append((claim_type, person))
    return cues, people
