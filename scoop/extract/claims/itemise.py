"""One claim per listed person or credit: a sentence that names several nominees states one award
claim for each ("X faces competition from A, B and C in the best actor category"; GUIDELINES: one
award claim per award per person/work), and an actor's past credit in brackets ("X ( Title )") is
a cast claim about that other work; a chart place stated beside a box-office figure is a claim of
its own ("came third with $7.6m")."""
from __future__ import annotations

import re

from scoop.extract.claims.rows import claim_row
from scoop.extract.trade import PLATFORMS
from scoop.lexicon import CARDINALS_TO_TEN_RE, ORDINALS_TO_TEN_RE

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


# a title in brackets right after a name: "Ella Vance ( Harbour Lights )"
_CREDIT_ASIDE = re.compile(r"\s*\(\s*((?-i:[A-Z0-9])[^()]{0,60}?)\s*\)")
_NOT_A_TITLE = re.compile(rf"(?:{PLATFORMS})|\d+")


def credit_asides(st, base: dict, out: list[dict]) -> list[dict]:
    """A claim about each other work a cast or crew member of the sentence is credited with in
    brackets ("joins A ( Title )", "supervisor B ( Title One , Title Two )"): of the person's type,
    subject that work, no character."""
    text = st.art.text
    kinds = {}
    for r in out:
        if r["claim_type"] in ("cast", "crew") and r["person_name"]:
            kinds.setdefault(r["person_name"], r["claim_type"])
    added = []
    for p in st.people:
        if p.get("kind") == "fictional" or _name(p) not in kinds:
            continue
        m = _CREDIT_ASIDE.match(text, p["char_end"], st.end)
        if not m or any(m.start(1) <= q["char_start"] < m.end(1) for q in st.people):
            continue
        for at, title in _titles(text, m.start(1), m.end(1)):
            if _NOT_A_TITLE.fullmatch(title) or not (title[0].isupper() or title[0].isdigit()):
                continue
            row = claim_row(**base, claim_type=kinds[_name(p)], cue=(kinds[_name(p)], at, at + len(title)), person=p,
                            at=at)
            added.append({**row, "subject": title})
    return out + added


# a title with its year: "Mother (2009)", "The Long Night (1998)"
_TITLE_YEAR = re.compile(r"((?-i:[A-Z0-9])[\w'’:!.-]*(?:\s+(?:of|the|and|a|in|on|for|to|(?-i:[A-Z0-9])[\w'’:!.-]*))*)"
                         r"\s*\((?:19|20)\d\d\)")


def year_credits(st, base: dict, out: list[dict]) -> list[dict]:
    """When one person of the sentence holds its cast or crew claims, each "Title (YEAR)" it lists is
    a credit of theirs ("who also produced Mother (2009) and Okja (2017)"): a claim per title."""
    kinds = {r["person_name"]: r["claim_type"] for r in out
             if r["claim_type"] in ("cast", "crew") and r["person_name"]}
    if len(kinds) != 1:
        return out
    (name, claim_type), = kinds.items()
    person = next((p for p in st.people if _name(p) == name), None)
    if person is None:
        return out
    added = []
    for m in _TITLE_YEAR.finditer(st.art.text, st.start, st.end):
        row = claim_row(**base, claim_type=claim_type, cue=(claim_type, m.start(1), m.end(1)), person=person,
                        at=m.start(1))
        added.append({**row, "subject": m.group(1)})
    return out + added


_LIST_SEP = re.compile(r"\s*[,;]\s*")


def _titles(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, title) of a bracketed credit list: "Title One , Title Two" (not split at "and":
    "Pride and Fury" is one title)."""
    out, pos = [], start
    for sep in [*_LIST_SEP.finditer(text, start, end), None]:
        stop = sep.start() if sep else end
        title = text[pos:stop].strip()
        if title:
            out.append((text.index(title, pos), title))
        pos = sep.end() if sep else end
    return out


_ORDINAL = rf"(?:{ORDINALS_TO_TEN_RE}|top)"
# a chart place: "at number three", "came third", "fell two places to fourth", "top spot", "topped the box office"
CHART_PLACE = re.compile(
    rf"\b(?:(?:at|to|in) number (?:{CARDINALS_TO_TEN_RE}|\d+)|"
    rf"(?:came|finished|was|entered|debuted|opened|fell|rose|slipped|dropped|climbed)(?: \w+ places?)? "
    rf"(?:in |to |at )?{_ORDINAL}(?: place| position| spot)?|{_ORDINAL} (?:place|position|spot)|"
    rf"topp(?:ed|ing|s)? (?:the )?(?:[\w-]+ ){{0,4}}(?:box office|charts?))\b", re.IGNORECASE)


def chart_places(st, base: dict, out: list[dict]) -> list[dict]:
    """Beside the takings of a sentence ("came third with $7.6m"), its chart place is a second
    box-office claim (GUIDELINES: takings, grosses, box-office rank or record)."""
    rows = [r for r in out if r["claim_type"] == "box_office"]
    if not any(r["value_number"] is not None for r in rows):
        return out
    added = []
    for m in CHART_PLACE.finditer(st.art.text, st.start, st.end):
        if any(r["value_text"] and r["value_text"] in m.group() for r in rows):
            continue
        added.append(claim_row(**base, claim_type="box_office", cue=("box_office", m.start(), m.end()),
                               value_text=m.group(), value_number=_place(m.group()), value_unit="rank",
                               at=m.start()))
    return out + added


_PLACES = {w: i for i, w in enumerate("one two three four five six seven eight nine ten".split(), 1)}
_PLACES.update({w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth".split(), 1)}, top=1)


def _place(text: str) -> float | None:
    """The chart place a phrase names: "came third" 3, "at number 2" 2, "topped the chart" 1."""
    words = text.lower().split()
    if words[0].startswith("topp"):
        return 1.0
    for w in reversed(words):
        if w.isdigit():
            return float(w)
        if w in _PLACES:
            return float(_PLACES[w])
    return None

