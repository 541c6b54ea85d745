"""Sentence features for the claim-type model: pure, text and spans in, strings out.

The words of a sentence are generalised before n-grams are taken: a person
mention becomes ``PERSON`` (a fictional one ``CHARACTER``), a date ``DATE``, a
quantity ``QTY_<unit>``, a quoted or recognised title ``WORK``. So the model
learns "PERSON stars as CHARACTER in WORK" rather than names it saw in
training. The general cue rules (``cues``) add one feature per type they fire
for, and a few shape features say where the sentence stands and what it holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from scoop.extract.trade import PLATFORMS

_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+")
# a network, streamer or distributor named in the sentence (where a work airs, who carries it)
_PLATFORM = re.compile(rf"\b(?:{PLATFORMS})(?!\w)")


@dataclass(slots=True)
class SentenceContext:
    """What one sentence holds, as spans into the article text."""

    start: int
    end: int
    index: int                                   # 0 = headline
    persons: list[dict] = field(default_factory=list)      # mention rows (kind real|fictional)
    dates: list[dict] = field(default_factory=list)        # dates rows
    quantities: list[dict] = field(default_factory=list)   # quantity rows (value_unit)
    works: list[tuple[int, int]] = field(default_factory=list)
    cue_types: list[str] = field(default_factory=list)     # types the cue rules fire for
    previous: list[str] = field(default_factory=list)      # types the cue rules fire for in the sentence before
    cache: dict = field(default_factory=dict)              # features computed once, reused by each model


def _placeholders(ctx: SentenceContext) -> list[tuple[int, int, str]]:
    spans = [(p["char_start"], p["char_end"], "CHARACTER" if p.get("kind") == "fictional" else "PERSON")
             for p in ctx.persons]
    spans += [(d["char_start"], d["char_end"],
               "DURATION" if d.get("timex_type") in ("DURATION", "SET") else "DATE") for d in ctx.dates]
    spans += [(q["char_start"], q["char_end"], f"QTY_{q['value_unit']}") for q in ctx.quantities]
    spans += [(s, e, "WORK") for s, e in ctx.works]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept, last = [], -1
    for s in spans:
        if s[0] >= last and ctx.start <= s[0] and s[1] <= ctx.end:
            kept.append(s)
            last = s[1]
    return kept


def shape_tokens(text: str, ctx: SentenceContext) -> list[str]:
    """The sentence's lower-cased words with entities replaced by their placeholder."""
    tokens: list[str] = []
    pos = ctx.start
    for s, e, tag in _placeholders(ctx):
        tokens += _WORD.findall(text[pos:s].lower())
        if not tokens or tokens[-1] != tag:
            tokens.append(tag)
        pos = e
    tokens += _WORD.findall(text[pos:ctx.end].lower())
    return ["#" if t.isdigit() else t for t in tokens]


def sentence_features(text: str, ctx: SentenceContext) -> list[str]:
    if "sentence" not in ctx.cache:
        ctx.cache["sentence"] = _sentence_features(text, ctx)
    return ctx.cache["sentence"]


def _sentence_features(text: str, ctx: SentenceContext) -> list[str]:
    tokens = shape_tokens(text, ctx)
    feats = [f"w:{t}" for t in tokens]
    feats += [f"b:{a}_{b}" for a, b in zip(tokens, tokens[1:])]
    feats += [f"cue:{t}" for t in set(ctx.cue_types)]
    # what the sentence before stated: "X joins the cast." then "She plays Y."
    feats += [f"prev:{t}" for t in set(ctx.previous)]
    real = {p.get("name") for p in ctx.persons if p.get("kind") != "fictional"}
    feats.append(f"persons:{min(len(real), 3)}")
    if any(p.get("kind") == "fictional" for p in ctx.persons):
        feats.append("has:character")
    if any(d.get("timex_type") == "DATE" for d in ctx.dates):
        feats.append("has:date")
    feats += sorted({f"unit:{q['value_unit']}" for q in ctx.quantities})
    if ctx.works:
        feats.append("has:work")
    if _PLATFORM.search(text, ctx.start, ctx.end):
        feats.append("has:platform")
    if ctx.index == 0:
        feats.append("pos:headline")
    elif ctx.index < 4:
        feats.append("pos:lead")
    n = len(tokens)
    feats.append("len:short" if n < 8 else "len:long" if n > 40 else "len:mid")
    return feats


def _side(ctx: SentenceContext, start: int, end: int) -> SentenceContext:
    """The part of the sentence between two offsets, with the rows inside it."""
    inside = lambda r: start <= r["char_start"] and r["char_end"] <= end  # noqa: E731
    return SentenceContext(start, end, ctx.index, [p for p in ctx.persons if inside(p)],
                           [d for d in ctx.dates if inside(d)], [q for q in ctx.quantities if inside(q)],
                           [w for w in ctx.works if start <= w[0] and w[1] <= end])


def person_features(text: str, ctx: SentenceContext, person: dict, sentence_feats: list[str]) -> list[str]:
    """Features of one real person in a sentence: the words around the name, generalised, plus the sentence's."""
    key = ("person", person["char_start"], len(sentence_feats))
    if key not in ctx.cache:
        ctx.cache[key] = _person_features(text, ctx, person, sentence_feats)
    return ctx.cache[key]


def _person_features(text: str, ctx: SentenceContext, person: dict, sentence_feats: list[str]) -> list[str]:
    s, e = person["char_start"], person["char_end"]
    left = shape_tokens(text, _side(ctx, ctx.start, s))
    right = shape_tokens(text, _side(ctx, e, ctx.end))
    feats = [f"l{i}:{t}" for i, t in enumerate(reversed(left[-3:]), 1)]
    feats += [f"r{i}:{t}" for i, t in enumerate(right[:3], 1)]
    feats += [f"lw:{t}" for t in left[-6:]] + [f"rw:{t}" for t in right[:6]]
    feats += [f"s:{f}" for f in sentence_feats]
    if text[e:e + 2] in ("'s", "’s"):
        feats.append("possessive")
    if s - ctx.start <= 2:
        feats.append("opens")
    return feats
