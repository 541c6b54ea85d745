"""One claim per listed person: a sentence that names several nominees states one award claim
for each ("X faces competition from A, B and C in the best actor category"; GUIDELINES: one
award claim per award per person/work)."""
from __future__ import annotations

from scoop.extract.claims.rows import claim_row

# types whose sentence states one claim per real person it names
PER_PERSON_TYPES = ("award",)


def _name(p: dict) -> str:
    return p.get("name") or p.get("text")


def per_person(st, base: dict, out: list[dict]) -> list[dict]:
    """The sentence's rows with one claim of each per-person type for every real person of it
    (the cue and value of the sentence's first claim of that type); once the people have theirs,
    the person-less claim of that type says nothing more and goes."""
    for claim_type in PER_PERSON_TYPES:
        rows = [r for r in out if r["claim_type"] == claim_type]
        if not rows:
            continue
        have = {r["person_name"] for r in rows}
        added = []
        for p in st.people:
            name = _name(p)
            if p.get("kind") == "fictional" or name in have:
                continue
            have.add(name)
            added.append(claim_row(**base, claim_type=claim_type, cue=rows[0]["_cue"], person=p,
                                   value_text=rows[0]["value_text"]))
        if added or any(r["person_name"] for r in rows):
            out = [r for r in out if r["claim_type"] != claim_type or r["person_name"]] + added
    return out
