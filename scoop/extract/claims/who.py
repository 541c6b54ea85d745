"""Who a person-centred claim is about: exit subjects, the nearest cue for everyone else, the
people the person model adds, and the character an actor plays."""
from __future__ import annotations

import re

from scoop.extract.claims import type_cues as rules
from scoop.extract.claims.values import distance

# gaps allowed between a departing person and the exit cue ("X has officially
# exited", "X, who ..., exited", "X's departure"), and between listed people
_EXIT_GAP = re.compile(r"\s*(?:['’]s?\s+(?:(?:decision|choice|plan|move)\s+to\s+)?|,\s*who\s+)?"
                       r"(?:(?:has|have|had|is|are|was|were|will|would|also|both|all|now|since|not|then|"
                       r"been|wanting|wants|decided|plans|planning|set|to|going|reportedly|already|just|\w+ly)\s+){0,4}",
                       re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,|and|&|, and|as well as)\s*", re.IGNORECASE)
_EXIT_AFTER_GAP = re.compile(r"\s*(?:(?:of|by|from|for)\s+)?(?:(?:actor|actress|star|co-star|cast member)\s+)?",
                             re.IGNORECASE)
_ASIDE = re.compile(r"\([^()]*\)|,\s*(?:who|which|whose)\b[^,]*,", re.IGNORECASE)


def exit_subjects(text: str, cue: tuple[str, int, int], real: list[dict]) -> list[dict]:
    """The people a cast-exit cue is about: the subject right before it (with
    the people listed with them), or the object of a nominal cue ("the
    departure of X")."""
    chain: list[dict] = []
    pos = cue[1]
    for p in sorted((p for p in real if p["char_end"] <= cue[1]), key=lambda p: -p["char_start"]):
        gap = _ASIDE.sub(" ", text[p["char_end"]:pos])
        if not (_EXIT_GAP if not chain else _LIST_GAP).fullmatch(gap):
            break
        chain.append(p)
        pos = p["char_start"]
    if chain:
        return chain[::-1]
    after = [p for p in real if p["char_start"] >= cue[2]]
    if after and _EXIT_AFTER_GAP.fullmatch(text[cue[2]:after[0]["char_start"]]):
        return [after[0]]
    return []


def assign_people(text: str, cues, s_people) -> dict[tuple, list[dict]]:
    """Exit cues take the people they are about; every other real person of the
    sentence goes to the nearest cast or crew cue."""
    person_cues = [c for c in cues if c[0] in rules.PERSON_TYPES]
    assigned: dict[tuple, list[dict]] = {c: [] for c in person_cues}
    if not person_cues:
        return assigned
    real, names_seen = [], set()
    for p in s_people:
        name = p.get("name") or p.get("text")
        if p.get("kind") == "fictional" or name in names_seen:
            continue
        names_seen.add(name)
        real.append(p)
    taken: set[str] = set()
    for cue in (c for c in person_cues if c[0] == "cast_exit"):
        for p in exit_subjects(text, cue, real):
            name = p.get("name") or p.get("text")
            if name not in taken:
                taken.add(name)
                assigned[cue].append(p)
    others = [c for c in person_cues if c[0] != "cast_exit"]
    for p in real:
        if (p.get("name") or p.get("text")) in taken or not others:
            continue
        span = (p["char_start"], p["char_end"])
        nearest = min(others, key=lambda c: (distance((c[1], c[2]), span), c[0] != "cast"))
        assigned[nearest].append(p)
    return assigned



def add_model_people(cues: list, persons_by_cue: dict, model_people: list[tuple[str, dict]]) -> list:
    """Give each (type, person) the person model found a cue of that type, unless a rule already did."""
    cues = list(cues)
    for claim_type, person in model_people:
        name = person.get("name") or person.get("text")
        same = [c for c in cues if c[0] == claim_type]
        if any(name == (p.get("name") or p.get("text")) for c in same for p in persons_by_cue.get(c, ())):
            continue
        span = (person["char_start"], person["char_end"])
        if same:
            nearest = min(same, key=lambda c: distance((c[1], c[2]), span))
            persons_by_cue.setdefault(nearest, []).append(person)
        else:
            cue = (claim_type, *span)
            cues.append(cue)
            persons_by_cue[cue] = [person]
    return cues


# what may stand between an actor and the character they play: "X as (the ...) Y", "X, who plays Y",
# "X (Y)"; and between a character and its actor: "Y (X)", "Y, played by X"
_ACTOR_TO_CHARACTER = re.compile(r"\s*(?:\(\s*|,?\s*(?:who\s+)?(?:[\w'’]+\s+){0,4}?(?:(?:plays?|played|playing|"
                                 r"portrays?|portrayed|voices?|voiced)|as|in\s+the\s+role\s+of)\b[^.;,()]{0,30}?)",
                                 re.IGNORECASE)
_CHARACTER_TO_ACTOR = re.compile(r"\s*(?:\(\s*|,?\s*(?:played|portrayed|voiced)\s+by\s+)", re.IGNORECASE)


def character_near(person: dict, s_people: list[dict], text: str, roles: list[dict] = ()) -> str | None:
    """The character this actor plays in this sentence: the people extractor's role for the
    person when it has one, else the character the sentence's wording binds to them
    ("X as Y", "X (Y)", "Y (X)", "Y, played by X"); never merely the nearest character."""
    name = person.get("name") or person.get("text")
    for r in roles:
        if r.get("person_name") == name and r.get("character_name") and r.get("role") == "actor":
            return r["character_name"]
    real_starts = [p["char_start"] for p in s_people if p.get("kind") != "fictional"]
    for other in s_people:
        if other.get("kind") != "fictional":
            continue
        lo, hi = sorted((person["char_end"], other["char_end"]))
        if any(lo <= at < hi and at != person["char_start"] for at in real_starts):
            continue        # another actor stands between them: the character is theirs
        if other["char_start"] >= person["char_end"]:
            if _ACTOR_TO_CHARACTER.fullmatch(text, person["char_end"], other["char_start"]):
                return other.get("name") or other.get("text")
        elif other["char_end"] <= person["char_start"]:
            if _CHARACTER_TO_ACTOR.fullmatch(text, other["char_end"], person["char_start"]):
                return other.get("name") or other.get("text")
    return None
