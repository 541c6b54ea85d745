"""Roles: from role slots, credit verbs, "as writer", photo credits, cast lists; status and the byline."""
from __future__ import annotations

import re

from scoop.extract.people.person_cues import (ANAPHOR_RE, APPOSITIVE_ROLES, APPOSITIVE_ROLE_RE, ADAPTATION_RE, STARRING_BEFORE_RE, LIST_JOIN_RE, REALITY_RE, ACTING_NEWS_RE, ACTOR_NOUN_RE, ACTING_WORD_RE, SCREEN_CONTEXT_RE, AWARD_CATEGORY_RE, AWARD_CATEGORY_ROLES, NOMINEE_FOR_WORK_RE, WON_CATEGORY_RE, CAST_CUE_RE, DOC_RETURNING_RE, EVENT_LIST_RE, MEMBER_WORK_AFTER_RE, NAME_RE, OTHER_WORK_RES, PHOTO_CREDIT_RE,
                                       POSSESSIVE_FILM_RE, POSSESSIVE_TITLE_RE, FILM_SENTENCE_RE, TITLE_THEN_PERSON_RE, ROLE_AFTER_AS, ROLE_AFTER_AS_RE, SUBJECT_GAP_RE,
                                       SUBJECT_VERBS, SUBJECT_VERB_JOIN_RE, SUBJECT_VERB_RE,
                                       TEAM_BYLINE_WORDS)
from scoop.extract.people.document import Mention, _Doc, _sentence_of
from scoop.extract.people.mentions import _mention_at, _mentions_in, _role_slots
from scoop.extract.people.characters import _Role, _clauses, _nearest_status, _status_in

def _roles_for(st: _Doc, pairs, cast_lists) -> list[_Role]:
    body = st.body
    roles: list[_Role] = []
    used_role_spans: set[tuple[int, int]] = set()
    for actor, char, s0, e0 in pairs:
        roles.append(_Role(actor.name, "actor", char.name, s0, e0, actor.start))
    # crew in role slots
    for role, s0, e0, names in _role_slots(st):
        if role == "other" and names and STARRING_BEFORE_RE.search(body, max(s0, names[0][0] - 40), names[0][0]):
            role = "actor"   # "starring rapper X", "opposite comics A and B": the occupation is not the role
        if role == "author_original" and not ADAPTATION_RE.search(body):
            role = "writer"  # an author whose book nothing adapts wrote a work of their own
        for s, e in names:
            person = _mention_at(st, s, e)
            if role == "actor" and not _acting_sentence(body, s0, e0):
                continue
            if person and person.kind == "real" and (person.start, role) not in used_role_spans:
                used_role_spans.add((person.start, role))
                roles.append(_Role(person.name, role, None, s0, e0, person.start))
    roles += _subject_verb_roles(st)
    roles += _award_roles(st)
    for m in ROLE_AFTER_AS_RE.finditer(body):
        s0, e0 = st.sentences[_sentence_of(st.sentences, m.start())]
        left = [x for x in _mentions_in(st, s0, m.start()) if x.kind == "real"]
        if left and m.start() - left[-1].end < 25:
            roles.append(_Role(left[-1].name, ROLE_AFTER_AS[m.group(1)], None, s0, e0, left[-1].start))
    for m in PHOTO_CREDIT_RE.finditer(body):
        person = _mention_at(st, m.start(1), m.end(1))
        if person:
            line_start = body.rfind("\n", 0, m.start()) + 1
            line_end = body.find("\n", m.end())
            roles.append(_Role(person.name, "other", None, line_start, line_end if line_end > 0 else len(body), person.start))
    # cast lists: actors without a character (not the crew named in the same sentence)
    crew = {(r.person, r.start) for r in roles if r.role != "actor"}
    # "X pulled out", "X was replaced" with no cast word: news of the crew member X, not of a cast member
    behind = {r.person for r in roles if r.role in ("director", "writer", "creator", "executive")}
    # in reality-TV news the people who join or leave are contestants, not a cast ("other")
    member_role = "other" if REALITY_RE.search(body) and not ACTING_NEWS_RE.search(body) else "actor"
    for members, s0, e0, _ in cast_lists:
        event = EVENT_LIST_RE.search(body, s0, e0)
        cast_word = CAST_CUE_RE.search(body, s0, e0)
        for person in members:
            if (person.name, s0) in crew or event and not MEMBER_WORK_AFTER_RE.match(body, person.end) \
                    or person.name in behind and not cast_word:
                continue
            roles.append(_Role(person.name, member_role, None, s0, e0, person.start))
    # roles in another work
    for s0, e0 in st.sentences:
        for rx in OTHER_WORK_RES:
            for m in rx.finditer(body, s0, e0):
                work = _clean_title(m.group("work"))
                before = [x for x in st.mentions if x.end <= m.start() and x.kind == "real"]
                if not work or not before:
                    continue
                person = before[-1]
                roles.append(_Role(person.name, "actor", None, s0, e0, person.start, work, True))
    return roles


def _subject_verb_roles(st: _Doc) -> list[_Role]:
    """Roles of a person who is the subject of a credit verb: "X directed", "X wrote, directed and
    starred in", "X, who produced it", "X is set to star in"."""
    body, roles = st.body, []
    for person in st.mentions:
        if person.kind != "real":
            continue
        gap = SUBJECT_GAP_RE.match(body, person.end)
        pos = gap.end() if gap else person.end
        s0, e0 = st.sentences[_sentence_of(st.sentences, person.start)]
        if POSSESSIVE_FILM_RE.match(body, person.end) or _possessive_title(st, person, s0, e0):
            roles.append(_Role(person.name, "director", None, s0, e0, person.start))
        subjects = _joined_before(st, person, s0) + [person]
        if app := APPOSITIVE_ROLE_RE.match(body, person.end):
            roles.append(_Role(person.name, APPOSITIVE_ROLES[app.group(1)], None, s0, e0, person.start))
        while pos < e0:
            verb = SUBJECT_VERB_RE.match(body, pos)
            if not verb:
                break
            role = next(r for i, (_, r) in enumerate(SUBJECT_VERBS) if verb.group(f"r{i}"))
            roles += [_Role(p.name, role, None, s0, e0, p.start) for p in subjects]
            join = SUBJECT_VERB_JOIN_RE.match(body, verb.end())
            pos = join.end() if join else e0
    return roles


def _joined_before(st: _Doc, person: Mention, s0: int) -> list[Mention]:
    """"A, B and C executive produce": the names listed right before the subject share its verb."""
    out, end = [], person.start
    for m in reversed([x for x in st.mentions if s0 <= x.start and x.end <= person.start]):
        if m.kind != "real" or not LIST_JOIN_RE.fullmatch(st.body, m.end, end):
            break
        out.insert(0, m)
        end = m.start
    # "A met B, and C directed": a lone ", and" joins two clauses, not a list
    if len(out) == 1 and "," in st.body[out[0].end:person.start]:
        return []
    return out


def _acting_sentence(body: str, s0: int, e0: int) -> bool:
    """A sentence naming "actor X" says X acts in something only if it speaks of a work or a part."""
    text = ACTOR_NOUN_RE.sub(" ", body[s0:e0])
    return bool(SCREEN_CONTEXT_RE.search(text) or ACTING_WORD_RE.search(text))


def _award_roles(st: _Doc) -> list[_Role]:
    """Nominees and winners in one award category: "best actress - X for Title", "X won best director"."""
    body, roles = st.body, []
    for s0, e0 in st.sentences:
        cats = list(AWARD_CATEGORY_RE.finditer(body, s0, e0))
        if not cats:
            continue
        for person in _mentions_in(st, s0, e0):
            if person.kind != "real":
                continue
            won = WON_CATEGORY_RE.match(body, person.end)
            cat = AWARD_CATEGORY_RE.match(body, won.end()) if won else None
            if cat is None and len(cats) == 1 and (m := NOMINEE_FOR_WORK_RE.match(body, person.end)):
                nxt = _mention_at(st, m.end() - 1, m.end())
                cat = cats[0] if nxt is None else None
            if cat:
                roles.append(_Role(person.name, AWARD_CATEGORY_ROLES[cat.group(1)], None, s0, e0, person.start))
    return roles


def _possessive_title(st: _Doc, person: Mention, s0: int, e0: int) -> bool:
    """"X's Title" in a sentence about films: X directed it (not "X's Y" naming a person, a character)."""
    m = POSSESSIVE_TITLE_RE.match(st.body, person.end)
    if not m or not FILM_SENTENCE_RE.search(st.body, s0, e0) or TITLE_THEN_PERSON_RE.match(st.body, m.end()):
        return False
    nxt = _mention_at(st, m.end(), m.end() + 1)
    return nxt is None or nxt.start != m.end()


def _clean_title(text: str) -> str | None:
    words = text.strip().split()
    while words and not words[-1][:1].isupper() and not words[-1][:1].isdigit():
        words.pop()
    title = " ".join(words).strip(" ,.")
    return title or None


def _assign_status(st: _Doc, roles: list[_Role], cast_lists) -> None:
    # asides in parentheses ("(wait, no - that's the one who left)") state no status
    body = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), st.body)
    list_sentence = {idx for *_, idx in cast_lists}
    person_status: dict[str, str] = {}
    for r in sorted(roles, key=lambda r: r.anchor):
        if r.other_work:
            continue
        s0, e0 = r.start, r.end
        status = None
        for c0, c1 in _clauses(body, s0, e0):
            if c0 <= r.anchor < c1:
                status = _status_in(body[c0:c1])
        if status is None and r.role == "actor":
            status = _nearest_status(body[s0:e0], s0, r.anchor)
            idx = _sentence_of(st.sentences, r.anchor)
            if status is None and idx > 0 and idx in list_sentence:
                prev = st.sentences[idx - 1]
                if not _mentions_in(st, *prev):
                    status = _status_in(body[slice(*prev)])
            if status is None and idx + 1 < len(st.sentences):
                nxt = st.sentences[idx + 1]
                if ANAPHOR_RE.match(body[slice(*nxt)]) and not _mentions_in(st, *nxt):
                    status = _status_in(body[nxt[0]:nxt[1]])
        if status and r.role == "actor":
            person_status.setdefault(r.person, status)
        r.status = status if r.role != "actor" else None
        if r.role != "actor" and status not in ("returning", "departed"):
            r.status = None
    doc_returning = bool(DOC_RETURNING_RE.search(body))
    for r in roles:
        if r.role == "actor" and not r.other_work:
            r.status = person_status.get(r.person)
            if r.status is None and doc_returning and r.character:
                r.status = "returning"


def _journalist(st: _Doc) -> list[_Role]:
    author = (st.doc.author or "").strip()
    if not author or not NAME_RE.fullmatch(author) or len(author.split()) > 4:
        return []
    if any(w.casefold() in TEAM_BYLINE_WORDS for w in author.split()):
        return []
    pos = st.body.find(author)
    if pos >= 0:
        line_start = st.body.rfind("\n", 0, pos) + 1
        line_end = st.body.find("\n", pos)
        span = (line_start, line_end if line_end >= 0 else len(st.body))
        if not _mention_at(st, pos, pos + len(author)):
            st.mentions.append(Mention(pos, pos + len(author), author, "byline", author))
            st.mentions.sort(key=lambda m: m.start)
    else:
        span = (0, 0)
    return [_Role(author, "journalist", None, span[0], span[1], max(pos, 0))]


def _dedupe_roles(roles: list[_Role]) -> list[_Role]:
    """One row per (person, role, character) in the main work, and per other work named.

    A cast-list row without a character is dropped when the same person has a
    character row in the main work.
    """
    with_char = {r.person for r in roles if r.role == "actor" and r.character and not r.other_work}
    seen, out = set(), []
    for r in roles:
        if r.role == "actor" and not r.character and not r.other_work and r.person in with_char:
            continue
        key = (r.person, r.role, r.character, r.work if r.other_work else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out
