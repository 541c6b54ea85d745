"""Characters and casting: actor/character bindings, who is real and who fictional, cast lists, status cues."""
from __future__ import annotations

import re
from dataclasses import dataclass

from scoop.extract.people.person_cues import (ACTOR_CHARACTER_RE, CAST_CUE_RE, CHARACTER_THEN_ACTOR_RE, LIST_LEAD_RE,
                                       NOT_CASTING_AS_RE, SHOES_RE, STATUS_RES)
from scoop.extract.people.document import Mention, _Doc, _sentence_of
from scoop.extract.people.names import _norm
from scoop.extract.people.mentions import _char_slot_ok, _mention_at, _mentions_in, _sentence_list_items

# ============================================================ characters & roles


@dataclass
class _Role:
    person: str
    role: str
    character: str | None
    start: int
    end: int
    anchor: int            # where the person is mentioned (for status)
    work: str | None = None
    other_work: bool = False
    status: str | None = None


def _clauses(body: str, s0: int, e0: int) -> list[tuple[int, int]]:
    cuts = [s0] + [s0 + m.end() for m in re.finditer(r",\s+(?:and|while|but|with|whereas)\s+|;\s+", body[s0:e0])] + [e0]
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


def _status_in(text: str) -> str | None:
    """The status a clause states; the table order settles a clause with two cues."""
    for status, rx in STATUS_RES:
        if rx.search(text):
            return status
    return None


def _nearest_status(text: str, base: int, anchor: int) -> str | None:
    """In a longer stretch, the cue closest to the person's mention wins."""
    best = None
    for rank, (status, rx) in enumerate(STATUS_RES):
        for m in rx.finditer(text):
            dist = min(abs(base + m.start() - anchor), abs(base + m.end() - anchor))
            if best is None or (dist, rank) < best[0]:
                best = ((dist, rank), status)
    return best[1] if best else None


def _find_character_bindings(st: _Doc) -> list[tuple[Mention, Mention, int, int]]:
    """(actor, character, sentence start, sentence end) pairs from the character cues."""
    body = st.body
    pairs = []
    for s0, e0 in st.sentences:
        sent_mentions = _mentions_in(st, s0, e0)
        # actor <cue> character
        for m in ACTOR_CHARACTER_RE.finditer(body, s0, e0):
            if NOT_CASTING_AS_RE.search(body[max(s0, m.start() - 12):m.start() + len(m.group("cue"))]) \
                    or not _char_slot_ok(st, m):
                continue
            char = _mention_at(st, m.start("char"), m.end("char"))
            if not char:
                continue
            left = [x for x in sent_mentions if x.end <= m.start() and not _in_parens(body, x)]
            if not left:
                continue
            actor = left[-1]
            between = body[actor.end:m.start()]
            # the actor is the nearest name before the cue, in the same clause-ish stretch
            if len(between) > 80 or re.search(r"[.;:!?]", between):
                continue
            if m.group("cue") == "as " and re.search(r"\b(?:said|says|told)\b", between):
                continue
            if _norm(actor.name) == _norm(char.name):
                continue
            pairs.append((actor, char, s0, e0))
        # character, played by actor
        for m in CHARACTER_THEN_ACTOR_RE.finditer(body, s0, e0):
            actor = _mention_at(st, m.start("actor"), m.end("actor"))
            left = [x for x in sent_mentions if x.end <= m.start()]
            if actor and left:
                pairs.append((actor, left[-1], s0, e0))
        # into character's shoes
        for m in SHOES_RE.finditer(body, s0, e0):
            char = _mention_at(st, m.start("char"), m.end("char"))
            left = [x for x in sent_mentions if char and x.end <= char.start]
            if char and left:
                pairs.append((left[-1], char, s0, e0))
    return pairs


def _in_parens(body: str, m: Mention) -> bool:
    return body[:m.start].rstrip().endswith("(")


def _paren_pairs(st: _Doc) -> list[tuple[Mention, Mention, int, int, str]]:
    """"A (B)" and "A (the ... B)" pairs, in text order, with the paren's inside text."""
    body = st.body
    out = []
    for outer in st.mentions:
        m = re.match(r"\s*\(([^()]{1,80})\)", body[outer.end:])
        if not m or not st.screen or any(ch.isdigit() for ch in m.group(1)):
            continue   # "Smith (Jones 82)": a substitution, not a role
        inner_start = outer.end + m.start(1)
        inner = [x for x in st.mentions if inner_start <= x.start and x.end <= outer.end + m.end(1)]
        if len(inner) == 1:
            i0, i1 = st.sentences[_sentence_of(st.sentences, outer.start)]
            out.append((outer, inner[0], i0, i1, m.group(1)))
    return out


def _possessive_pairs(st: _Doc) -> list[tuple[Mention, Mention, int, int]]:
    """"A's B" with two names: the actor's character."""
    out = []
    for a in st.mentions if st.screen else ():
        after = st.body[a.end:a.end + 3]
        if not re.match(r"['’]s ", after):
            continue
        b = _mention_at(st, a.end + 3, a.end + 4)
        if b and b.start == a.end + 3:
            s0, e0 = st.sentences[_sentence_of(st.sentences, a.start)]
            out.append((a, b, s0, e0))
    return out


def _decide_kinds(st: _Doc, bindings, parens, possessives, cast_names: set[str]) -> list[tuple[Mention, Mention, int, int]]:
    """Mark fictional names; return every (actor, character) pair the evidence supports."""
    fictional = {_norm(c.name) for _, c, _, _ in bindings}
    # a name bound as someone's character is not a cast member, even inside a cast list
    # ("stars A as the Monster, B as Igor": Igor is B's character)
    real = {_norm(a.name) for a, _, _, _ in bindings} | (cast_names - fictional)
    pairs = list(bindings)
    # possessives first need a known actor on the left
    for a, b, s0, e0 in possessives:
        if _norm(a.name) in real and _norm(b.name) not in real:
            pairs.append((a, b, s0, e0))
            fictional.add(_norm(b.name))
    for outer, inner, s0, e0, inside in parens:
        o, i = _norm(outer.name), _norm(inner.name)
        descriptive = bool(re.match(r"\s*(?:the|a|an|[a-z])", inside))
        if o in fictional or i in real and o not in real or _short_form(inner) and not _short_form(outer) \
                and o not in real:
            # "Pamela (Purnell)": the surname of someone named before is the actor
            actor, char = inner, outer
        elif i in fictional or descriptive:
            actor, char = outer, inner
        elif o in real and (_plays_after(st, inner) or _role_noun_before(st, outer)) and len(inner.text.split()) >= 2:
            # "actor Stage (Legal Name), who plays X": the parenthesis is the same person
            st.aliases[inner.name] = outer.name
            inner.name = outer.name
            continue
        else:
            actor, char = outer, inner   # default: "actor (character)", the usual casting-news form
        pairs.append((actor, char, s0, e0))
        fictional.add(_norm(char.name))
        real.add(_norm(actor.name))
    # short forms of fictional names are fictional too ("Yu-na" for "Seo Yu-na")
    for m in st.mentions:
        if _norm(m.name) in fictional and _norm(m.name) not in real:
            m.kind = "fictional"
    st.fictional, st.real = fictional, real
    return pairs


def _short_form(m: Mention) -> bool:
    """The mention is a shorter form of a name given in full before ("Purnell" for "Ella Purnell")."""
    return len(m.text.split()) < len(m.name.split())


def _plays_after(st: _Doc, m: Mention) -> bool:
    return bool(re.match(r"\s*\)?,?\s*(?:who|, who)\s+(?:plays|played|portrays|will play)", st.body[m.end:m.end + 30]))


def _role_noun_before(st: _Doc, m: Mention) -> bool:
    return bool(re.search(r"\b(?:actor|actress|star|singer|rapper|idol)\s+$", st.body[max(0, m.start - 12):m.start]))


def _cast_list_names(st: _Doc, with_status_subjects: bool = True) -> tuple[list[tuple[list[Mention], int, int, int]], set[str]]:
    """Cast lists: (members, sentence start, sentence end, sentence index) and their names."""
    body = st.body
    lists = []
    names: set[str] = set()
    # "A bowed out" counts as cast news only once the kinds are known
    cast_news = with_status_subjects and bool(CAST_CUE_RE.search(body))
    for idx, (s0, e0) in enumerate(st.sentences):
        text = body[s0:e0]
        lead = idx > 0 and LIST_LEAD_RE.match(text) and CAST_CUE_RE.search(body[slice(*st.sentences[idx - 1])])
        members = []
        if not (CAST_CUE_RE.search(text) or lead):
            if cast_news and (members := _status_subjects(st, s0, e0)):
                lists.append((members, s0, e0, idx))
                names |= {_norm(m.name) for m in members}
            continue
        for run in _sentence_list_items(st, s0, e0):
            found = [m for s, e in run if (m := _mention_at(st, s, e)) and m.kind == "real"]
            members += found if len(found) >= 2 else []
        if not members:
            members = [m for m in _mentions_in(st, s0, e0) if m.kind == "real"
                       and re.search(r"\b(?:actors?|actress(?:es)?|stars?|cast)\b\W*$", body[max(s0, m.start - 15):m.start])]
        if not members and cast_news:
            members = _status_subjects(st, s0, e0)
        if members:
            lists.append((members, s0, e0, idx))
            names |= {_norm(m.name) for m in members}
    return lists, names


def _status_subjects(st: _Doc, s0: int, e0: int) -> list[Mention]:
    """In cast news, "A and B bowed out" / "A joins": the people before a departed/new cue."""
    out = []
    for c0, c1 in _clauses(st.body, s0, e0):
        text = st.body[c0:c1]
        for status, rx in STATUS_RES:
            if status in ("departed", "new") and (m := rx.search(text)):
                out += [x for x in _mentions_in(st, c0, c0 + m.start()) if x.kind == "real"
                        and not _in_parens(st.body, x)]
                break
    return out
