"""Roles the people extractor missed, from the trained role model (per person per article).

The people extractor finds roles from cue patterns ("directed by X", "X as Y").
The role model looks at every sentence that names a real person, pools the
words around each mention (``person_features``) with the roles the patterns
already gave them, and predicts the person's roles in the article. A role at
or above ``ROLE_THRESHOLD`` that the patterns did not give is added, with the
sentence of the person's first mention as evidence. An actor role is added only
when the person has none (the patterns' one may carry the character). Bylines
(`journalist`) stay with the patterns. The threshold was chosen by pooled CV.
"""
from __future__ import annotations

from scoop.extract.base import Document
from scoop.extract.claims.combine import real_persons
from scoop.extract.claims.features import SentenceContext, person_features, sentence_features
from scoop.extract.claims.model import ClaimTypeModel
from scoop.extract.people.person_cues import EVENT_LIST_RE, MEMBER_WORK_AFTER_RE
from scoop.ids import stable_id

ROLE_MODEL_ROLES = ("actor", "director", "writer", "creator", "author_original", "executive", "other")
ROLE_THRESHOLD = 0.4


def person_role_features(text: str, contexts: list[SentenceContext], roles: list[dict]
                         ) -> dict[str, tuple[list[str], SentenceContext, dict]]:
    """Name -> (pooled features, sentence of the first mention, first mention) for each real person."""
    pooled: dict[str, tuple[set[str], SentenceContext, dict, list]] = {}
    for ctx in contexts:
        persons = real_persons(ctx)
        if not persons:
            continue
        feats = sentence_features(text, ctx)
        event = bool(EVENT_LIST_RE.search(text, ctx.start, ctx.end))
        for p in persons:
            name = p.get("name") or p.get("text")
            entry = pooled.setdefault(name, (set(), ctx, p, []))
            entry[0].update(person_features(text, ctx, p, feats))
            entry[3].append(event and not MEMBER_WORK_AFTER_RE.match(text, p.get("char_end") or 0))
    given: dict[str, set[str]] = {}
    for r in roles:
        given.setdefault(r.get("person_name"), set()).add(r["role"])
    out = {}
    for name, (feats, ctx, first, mentions) in pooled.items():
        extra = [f"mentions:{min(len(mentions), 4)}"] + (["event_only"] if all(mentions) else []) + [f"given:{r}" for r in sorted(given.get(name, ()))]
        out[name] = (sorted(feats) + extra, ctx, first)
    return out


def added_roles(doc: Document, contexts: list[SentenceContext], roles: list[dict], model: ClaimTypeModel,
                work_of) -> list[dict]:
    """Role rows the model adds to the people extractor's ``roles`` of one article.

    ``work_of(offset, sentence start, sentence end)`` gives (work, season) in context at an offset.
    """
    given: dict[str, set[str]] = {}
    for r in roles:
        given.setdefault(r.get("person_name"), set()).add(r["role"])
    rows = []
    for name, (feats, ctx, first) in person_role_features(doc.body, contexts, roles).items():
        probs = model.probabilities(feats)
        for role in ROLE_MODEL_ROLES:
            if probs.get(role, 0.0) < ROLE_THRESHOLD or role in given.get(name, ()):
                continue
            if role == "actor" and "event_only" in feats:
                continue   # named only at an event or in an award race: no work they act in
            work, _ = work_of(first["char_start"], ctx.start, ctx.end)
            rows.append({
                "role_id": stable_id(doc.source_id, "role", name, role, None, work),
                "source_id": doc.source_id, "person_id": None, "person_name": name, "role": role,
                "character_id": None, "character_name": None, "work": work, "season": None,
                "status": None, "char_start": ctx.start, "char_end": ctx.end,
            })
    return rows
