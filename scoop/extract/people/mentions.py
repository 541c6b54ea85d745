"""Which candidates are people: collecting mentions, votes over every occurrence, repeats and short forms."""
from __future__ import annotations

import re

from scoop.extract.people.person_cues import (ACTOR_CHARACTER_RE, ACTOR_CUE_AFTER_RE, CAST_CUE_RE, CHAR_END_AFTER_RE,
                                       DETERMINER_BEFORE_RE, GIVEN_NAME_RE, HEAD_END_AFTER_RE,
                                       HONORIFIC_BEFORE_RE, LEADING_NON_NAME, NAME, NAME_RE, NON_PERSON_WORDS,
                                       NOT_CASTING_AS_RE, ORG_DESCRIPTOR_BEFORE_RE, PERSON_AFTER_RE,
                                       PERSON_NOUN_BEFORE_RE, PLACE_BEFORE_RE, PREMODIFIER_AFTER_RE,
                                       ROLE_BEFORE_NAMES_RE, ROLE_BEFORE_NAMES_WORDS, SAID_BEFORE_RE, SAID_IT_AFTER_RE, SAY_AFTER_RE,
                                       THING_AFTER_RE, WEAK_CASTING_CUE_RE, WORK_AFTER_RE, WORK_BEFORE_RE)
from scoop.extract.people.document import Mention, _Doc, _is_heading, _sentence_of
from scoop.extract.prefilter import fold_once, may_match
from scoop.extract.people.names import (_at_sentence_start, _names_after, _ner_candidates, _norm,
                                        _shape_candidates, _trim_name)

# ================================================================== the extractor


def _clean_slot_name(body: str, s: int, e: int) -> tuple[int, int] | None:
    span = _trim_name(body, s, e)
    if not span:
        return None
    text = body[span[0]:span[1]]
    if text.casefold() in LEADING_NON_NAME:
        return None
    return span


_NEXT_PAIR_RE = re.compile(r"(?:,|\band\b|&)\s+(?:(?:and|&)\s+)?(?P<actor>" + NAME + r")\s+as\s+(?:the\s+)?(?P<char>"
                           + NAME + r")(?![\w'’-])")
_PLAYED_BY_RE = re.compile(r"(?P<char>" + NAME + r"),? (?:who is )?(?:played|portrayed|voiced) by (?P<actor>" + NAME + r")")
_PAREN_NAME_RE = re.compile(r"\s*\((?P<name>" + NAME + r")\)")


def _char_slot_ok(st: _Doc, m: re.Match) -> bool:
    """A character slot holds a name ("as Seo Yu-na,"), not a noun's modifier or an acronym.

    "plays X" and a bare "as X" are casting only in an article about film, TV or
    stage: in sport "Davenport plays X in the next round" names an opponent.
    """
    body, char = st.body, m.group("char")
    if not st.screen and WEAK_CASTING_CUE_RE.match(m.group("cue")):
        return False
    return (any(ch.islower() for ch in char)
            and not re.search(r"\b(?:a|an)\s+$", body[m.end("cue"):m.start("char")])   # "as an Americanised"
            and bool(CHAR_END_AFTER_RE.match(body, m.end("char"))))


def _collect_mentions(st: _Doc, ents: list[tuple[int, int, str]]) -> None:
    """Every name candidate (NER, shape, role and character slots, lists), then the ones kept."""
    cands = _ner_candidates(st, ents) + _shape_candidates(st)
    strong = {_norm(c.text) for c in cands if c.source == "shape"}
    _add_slot_names(st, cands, strong)
    _add_list_names(st, cands, strong)
    _add_character_slots(st, cands, strong)
    _add_pair_and_paren_names(st, cands, strong)
    accepted = [c for c in cands if _keep(st, c, strong)]
    st.mentions = _dedupe_spans(_vote_out_non_persons(st, accepted))


def _add(st: _Doc, cands: list[Mention], strong: set[str] | None, s: int, e: int, source: str) -> bool:
    """The cleaned name in ``s:e`` as a candidate of ``source`` (and a strong name, given ``strong``)."""
    span = _clean_slot_name(st.body, s, e)
    if not span:
        return False
    text = st.body[span[0]:span[1]]
    cands.append(Mention(span[0], span[1], text, source))
    if strong is not None:
        strong.add(_norm(text))
    return True


def _add_slot_names(st: _Doc, cands: list[Mention], strong: set[str]) -> None:
    """Names in role slots ("directors A and B", "created by A, B")."""
    for _role, _s0, _e0, names in _role_slots(st):
        for s, e in names:
            _add(st, cands, strong, s, e, "slot")


def _add_list_names(st: _Doc, cands: list[Mention], strong: set[str]) -> None:
    """List propagation: in "A, B, C and D" with two known names, the rest are names too."""
    body = st.body
    known = {_norm(c.text) for c in cands}
    for s0, e0 in st.sentences:
        if _is_heading(body[s0:e0].strip()):
            continue   # "Release Date, Cast and Everything We Know": a headline lists topics
        for run in _sentence_list_items(st, s0, e0):
            hits = sum(1 for s, e in run if _norm(body[s:e]) in known)
            if hits >= 2 or (hits >= 1 and len(run) >= 3 and CAST_CUE_RE.search(body[s0:e0])):
                for s, e in run:
                    span = _clean_slot_name(body, s, e)
                    if span and len(body[span[0]:span[1]].split()) <= 3:
                        _add(st, cands, strong, s, e, "list")


def _add_character_slots(st: _Doc, cands: list[Mention], strong: set[str]) -> None:
    """Character slots: the name after "as", "plays", "reprises ..."."""
    body = st.body
    named_ends = {c.end for c in cands}
    for m in ACTOR_CHARACTER_RE.finditer(body):
        if not _char_slot_ok(st, m):
            continue
        span = _clean_slot_name(body, m.start("char"), m.end("char"))
        if m.group("cue") == "as " and not any(0 < m.start() - e <= 2 for e in named_ends):
            continue  # a bare "as X" counts only right after a name ("A as B")
        if span and not NOT_CASTING_AS_RE.search(body[max(0, m.start() - 12):m.start() + len(m.group("cue"))]):
            # "reprises her role as X", "plays X": the cue outweighs NER calling X a place or firm
            _add(st, cands, strong if m.group("cue") != "as " else None, m.start("char"), m.end("char"),
                 "character-slot")


def _add_pair_and_paren_names(st: _Doc, cands: list[Mention], strong: set[str]) -> None:
    """Names that a pattern around them makes sure of: lists of pairs, "X, played by Y", "Actor (Character)"."""
    body = st.body
    # a list of pairs goes on after its first "A as X": ", B as Y and C as Z" are names even
    # where NER misses them (a caption has no verb to help it)
    for c in [c for c in cands if c.source == "character-slot"]:
        s0, e0 = st.sentences[_sentence_of(st.sentences, c.start)]
        for m in _NEXT_PAIR_RE.finditer(body, c.end, e0):
            for group, source in (("actor", "slot"), ("char", "character-slot")):
                _add(st, cands, strong, m.start(group), m.end(group), source)
    # "Count X, played by Y": both are names whatever NER calls them
    for m in _PLAYED_BY_RE.finditer(body):
        for group, source in (("char", "character-slot"), ("actor", "slot")):
            _add(st, cands, strong, m.start(group), m.end(group), source)
    # "Actor (Character Name)" in a casting sentence: the bracket holds a name even when the
    # model calls it a firm or place
    if st.screen:
        for c in [c for c in cands if c.source in ("ner", "shape")]:
            m = _PAREN_NAME_RE.match(body, c.end)
            s0, e0 = st.sentences[_sentence_of(st.sentences, c.start)]
            if m and len(m.group("name").split()) >= 2 and CAST_CUE_RE.search(body, s0, e0):
                _add(st, cands, strong, m.start("name"), m.end("name"), "slot")
    # a given name alone next to a parenthesised name: "Ha-neul (Kim Ha-neul's actor)" / "X (Ha-neul)"
    for m in GIVEN_NAME_RE.finditer(body):
        after, before = body[m.end():m.end() + 40], body[max(0, m.start() - 2):m.start()]
        if re.match(r"\s*\(" + NAME + r"\)", after) or (before.endswith("(") and after.startswith(")")):
            cands.append(Mention(m.start(), m.end(), m.group(), "slot"))


# sources whose pattern already says "person" (a role slot, a character slot, a name's shape)
TRUSTED_SOURCES = frozenset({"shape", "slot", "character-slot"})


def _vote_out_non_persons(st: _Doc, accepted: list[Mention]) -> list[Mention]:
    """Drop the names that the article, over all their occurrences, uses more as a thing than a person.

    Each occurrence of a name votes (see ``_context_votes``); a name with more
    thing-votes than person-votes ("the X", "X singer <Name>", "oil giant X",
    "in X", "X of Y", "'X'") is a band, a firm, a party or a title. Names from a
    role or character slot are kept: the slot already says "person".
    """
    trusted = {_norm(c.text) for c in accepted if c.source in TRUSTED_SOURCES}
    forms = {c.text for c in accepted if _norm(c.text) not in trusted}
    if not forms:
        return accepted
    votes = _context_votes(st.body, forms, {c.text for c in accepted}, st.screen)
    out = []
    for c in accepted:
        pos, neg = votes.get(c.text, (0, 0))
        if _norm(c.text) in trusted or neg <= pos:
            out.append(c)
    return out


def _context_votes(body: str, forms: set[str], all_names: set[str],
                   screen: bool = True) -> dict[str, tuple[int, int]]:
    """(person votes, thing votes) per name form, from every occurrence in ``body``.

    A bare surname that shortens exactly one of ``all_names`` lends its person
    votes to that full name ("director Mike Leigh ... Leigh said").
    """
    by_surname: dict[str, set[str]] = {}
    for f in all_names:
        parts = f.split()
        if len(parts) >= 2:
            by_surname.setdefault(parts[-1], set()).add(f)
    surname_of = {next(iter(full)): short for short, full in by_surname.items()
                  if len(full) == 1 and next(iter(full)) in forms}
    wanted = forms | set(surname_of.values())
    pos: dict[str, int] = {}
    neg: dict[str, int] = {}
    full_of = {short: full for full, short in surname_of.items()}
    for form in wanted:
        for s0, e0 in _occurrences(body, form):
            p_vote, n_vote = _occurrence_votes(body, s0, e0, screen)
            if form in forms:
                pos[form] = pos.get(form, 0) + p_vote
                neg[form] = neg.get(form, 0) + n_vote
            if form in full_of:
                full = full_of[form]
                pos[full] = pos.get(full, 0) + p_vote
    return {f: (pos.get(f, 0), neg.get(f, 0)) for f in forms}


def _occurrences(body: str, form: str):
    """(start, end) of every occurrence of ``form`` bounded like a name (no letter, digit or hyphen
    either side). str.find, not a regex per name: compiling one costs more than the search."""
    n, size = len(form), len(body)
    i = body.find(form)
    while i >= 0:
        j = i + n
        if (i == 0 or not (body[i - 1].isalnum() or body[i - 1] in "_-")) \
                and (j >= size or not (body[j].isalnum() or body[j] in "_-")):
            yield i, j
        i = body.find(form, i + 1)


def _is_acronym_expansion(text: str, before: str, after: str) -> bool:
    words = text.split()
    if len(words) < 2:
        return False
    initials = "".join(w[0] for w in words).upper()
    m = re.match(r"\s*\(([A-Z]{2,})\)", after) or re.search(r"\b([A-Z]{2,})\s*\($", before)
    return bool(m) and m.group(1) == initials


def _occurrence_votes(body: str, s: int, e: int, screen: bool = True) -> tuple[int, int]:
    """(person, thing) votes of one occurrence, from the words around it."""
    before = body[max(0, s - 40):s]
    after = body[e:e + 60]
    if SAID_IT_AFTER_RE.match(after):
        return 0, 1
    person = bool(HONORIFIC_BEFORE_RE.search(before) or PERSON_NOUN_BEFORE_RE.search(before)
                  or SAY_AFTER_RE.match(after) or SAID_BEFORE_RE.search(before)
                  or ACTOR_CUE_AFTER_RE.match(after) or PERSON_AFTER_RE.match(after))
    thing = bool(
        # "Jason White (X)" outside screen news: X is a team, a party or a firm, not a role
        (not screen and re.search(r"[A-Z][\w'’.-]*\s*\($", before) and not re.match(r"\s*\d", after))
        # "ADSL (Asymmetric Digital Subscriber Line)": a term spelled out
        or _is_acronym_expansion(body[s:e], before, after)
        # "the X is", "the X, ...": X heads the phrase ("the X Show", "a X own goal": X only modifies)
        or (DETERMINER_BEFORE_RE.search(before) and HEAD_END_AFTER_RE.match(after))
        or ORG_DESCRIPTOR_BEFORE_RE.search(before) and not before.endswith(("the ", "The "))
        or PREMODIFIER_AFTER_RE.match(after) or THING_AFTER_RE.match(after)
        or WORK_BEFORE_RE.search(before) or WORK_AFTER_RE.match(after)
        or (PLACE_BEFORE_RE.search(before) and not re.match(r"['’]", after))
        # a quoted title: 'X' / "X"
        or (re.search(r"[\"“‘']$", before) and re.match(r"[\"”’']", after) and not re.match(r"['’]s\b", after)))
    return int(person), int(thing)


def _sentence_list_items(st: _Doc, s0: int, e0: int) -> list[list[tuple[int, int]]]:
    key = (s0, e0)
    if key not in st.list_runs:
        st.list_runs[key] = _list_items(st.body, s0, e0)
    return st.list_runs[key]


def _role_slots(st: _Doc) -> list[tuple[str, int, int, list[tuple[int, int]]]]:
    """(role, sentence start, sentence end, name spans) for every role cue, once per article.

    A capitalised "Star" is a title ("the Star Wars DVD", "Star Trek fans"), not a cue,
    unless it opens a sentence before a full name ("Star Kim Ha-neul ...").
    """
    if st.slots is None:
        body, st.slots = st.body, []
        folded = fold_once(body)
        for (pattern, role), words in zip(ROLE_BEFORE_NAMES_RE, ROLE_BEFORE_NAMES_WORDS):
            if not may_match(words, folded):     # most articles hold no cue of most patterns
                continue
            for m in pattern.finditer(body):
                s0, e0 = st.sentences[_sentence_of(st.sentences, m.start())]
                names = _names_after(body, m.end(), e0)
                if m.group().startswith("Star") and (not _at_sentence_start(body, m.start())
                                                     or any(len(body[s:e].split()) < 2 for s, e in names)):
                    continue
                st.slots.append((role, s0, e0, names))
    return st.slots


def _list_items(body: str, s0: int, e0: int) -> list[list[tuple[int, int]]]:
    """Runs of comma/and-separated capitalised names in a sentence."""
    runs = []
    pos = s0
    while pos < e0:
        m = NAME_RE.search(body, pos, e0)
        if not m:
            break
        run = _names_after(body, m.start(), e0)
        if len(run) >= 2:
            runs.append(run)
        pos = (run[-1][1] if run else m.end()) + 1
    return runs


def _keep(st: _Doc, c: Mention, strong: set[str]) -> bool:
    text = c.text
    key = _norm(text)
    if not text or not text[0].isupper() or any(ch.isdigit() for ch in text) or text == "I":
        return False   # "I" is the pronoun, also in a list of titles ("I Know What You Did ...")
    words = text.split()
    if any(w.casefold() in NON_PERSON_WORDS for w in words):
        return False
    if st.doc.publisher and key == _norm(st.doc.publisher):
        return False
    if key in strong or c.source in ("shape", "slot", "list"):
        return True
    votes = st.label_votes.get(key, {})
    if votes.get("OTHER", 0) > votes.get("PERSON", 0):
        return False
    if c.source == "character-slot":
        return True
    if ORG_DESCRIPTOR_BEFORE_RE.search(st.body[max(0, c.start - 20):c.start]):
        return False
    line_start = st.body.rfind("\n", 0, c.start) + 1
    line_end = st.body.find("\n", c.end)
    line = st.body[line_start: line_end if line_end >= 0 else len(st.body)]
    if _is_heading(line):
        return False
    if len(words) == 1:
        # a lone word needs support: repeated as a person, or followed by "said"
        after = st.body[c.end:c.end + 30]
        return bool(SAY_AFTER_RE.match(after)) or bool(ACTOR_CUE_AFTER_RE.match(after))
    return True


def _dedupe_spans(mentions: list[Mention]) -> list[Mention]:
    """Overlapping candidates: keep the longest span."""
    out: list[Mention] = []
    for c in sorted(mentions, key=lambda c: (c.start, -(c.end - c.start))):
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return out


def _add_repeats(st: _Doc) -> None:
    """Every other occurrence of an accepted name (and its short forms) is a mention too."""
    body = st.body
    names = {m.text for m in st.mentions}
    full_by_short: dict[str, set[str]] = {}
    for n in names:
        parts = n.split()
        if len(parts) >= 2:
            full_by_short.setdefault(parts[-1], set()).add(n)
            if "-" in parts[-1] and len(parts) == 2:  # given name of an East-Asian name
                full_by_short.setdefault(parts[1], set()).add(n)
    taken = [(m.start, m.end) for m in st.mentions]
    extra = []
    forms = sorted(names | {s for s, f in full_by_short.items() if len(f) == 1}, key=len, reverse=True)
    for form in forms:
        if form not in names and form.casefold() in LEADING_NON_NAME:
            continue   # a bare surname that is also a sentence word ("Will", "Star")
        for s0, e0 in _occurrences(body, form):
            if any(s0 < e and s < e0 for s, e in taken):
                continue
            extra.append(Mention(s0, e0, form, "repeat"))
            taken.append((s0, e0))
    st.mentions = sorted(st.mentions + extra, key=lambda m: m.start)
    # fullest form: a one-word mention that is the surname/given name of exactly one full name
    for m in st.mentions:
        # "Stage (Legal Name)": the one-word stage name is the name, not a surname
        full = None if re.match(r"\s*\(", body[m.end:m.end + 3]) else full_by_short.get(m.text)
        m.name = next(iter(full)) if (len(m.text.split()) == 1 and full and len(full) == 1) else m.text


def _mention_at(st: _Doc, start: int, end: int) -> Mention | None:
    for m in st.mentions:
        if m.start < end and start < m.end:
            return m
    return None


def _mentions_in(st: _Doc, start: int, end: int) -> list[Mention]:
    return [m for m in st.mentions if start <= m.start and m.end <= end]
