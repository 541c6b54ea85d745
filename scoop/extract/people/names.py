"""Name candidates: repairing NER spans into names, names by their shape, names listed after a cue."""
from __future__ import annotations

import re

from scoop.extract.people.person_cues import (ACTOR_CUE_AFTER_RE, COMPOUND_SUFFIXES, CREDIT_SUFFIXES,
                                       EAST_ASIAN_NAME_RE, LEADING_NON_NAME, MODAL_OPENERS, MODIFIER_SUFFIXES,
                                       NAME_RE, NON_PERSON_LABELS, NON_PERSON_WORDS, PREMODIFIER_AFTER_RE,
                                       SAY_AFTER_RE)
from scoop.extract.people.document import Mention, _Doc, _sentence_of

# ============================================================ name candidates


def _norm(name: str) -> str:
    return re.sub(r"[\s\-‐]+", "", name).casefold()


def _strip_possessive(text: str) -> str:
    return re.sub(r"['’]s?$", "", text)


def _trim_name(body: str, start: int, end: int) -> tuple[int, int] | None:
    """Repair an NER span into a clean name span, or None when it is not one."""
    # finish a token that spaCy cut ("Kim Ha-" -> "Kim Ha-neul")
    while end < len(body) and (body[end - 1] == "-" or body[end] == "-" or body[end].isalpha()) \
            and (body[end].isalpha() or body[end] == "-"):
        end += 1
    text = body[start:end]
    # cut at a glued sentence, a line break or a comma ("Kim Ha-i. Photos")
    # (an initial's full stop is not a cut: "John C. Reilly", "L.M. Carson")
    cut = re.search(r"(?<!\b[A-Z])\.\s|\n|,|;|\(|\)|[’']s\b|\s[-–—]\s", text)
    if cut:
        end = start + cut.start()
    text = body[start:end].rstrip(" ’'")
    if text.endswith(".") and not re.search(r"(?:\b[A-Z]|\bJr|\bSr)\.$", text):
        text = text[:-1]
    end = start + len(text)
    # drop capitalised function words at the front ("Will Ha-neul's fate ...?", "Actors Kim ...")
    while True:
        first = re.match(r"(\S+)\s+", body[start:end])
        if not first:
            break
        word = first.group(1).casefold()
        if word in MODAL_OPENERS:
            # a modal opens a question; mid-sentence or in a statement it is a given name ("Will Young")
            if not (_at_sentence_start(body, start) and _is_question(body, start)):
                break
        elif word not in LEADING_NON_NAME:
            break
        elif _continues_capitalised_run(body, start):
            return None   # "Screen Actors Guild": the run started earlier, a title not a name
        elif word in ("star", "stars") and len(body[start + first.end():end].split()) < 2:
            return None   # "Star Trek", "Star Wars": a title, not the star of one
        start += first.end()
    # a photo credit glued after the name ("Ann Lee Courtesy of FX", "Tom Ray Getty Images")
    tail = re.search(r"(?:\s+(?:Courtesy|Photo|Photos|Photograph|Credit|Getty|Images|Via|Shutterstock))+$",
                     body[start:end])
    if tail:
        end = start + tail.start()
    m = NAME_RE.fullmatch(body[start:end])
    if not m:
        return None
    words = body[start:end].split()
    if any(w.strip(".").casefold() in NON_PERSON_WORDS for w in words):
        return None
    last = words[-1]
    if len(words) >= 2 and "-" in last and last.rsplit("-", 1)[-1].casefold() in MODIFIER_SUFFIXES | CREDIT_SUFFIXES:
        # "Kat Dennings-led series", "a Steven Spielberg-produced film": the name before the suffix
        end = start + len(body[start:end].rstrip()) - len(last.rsplit("-", 1)[-1]) - 1
        words = body[start:end].split()
    if any(w.rsplit("-", 1)[-1].casefold() in MODIFIER_SUFFIXES for w in words if "-" in w):
        return None   # "Oscar-winning", "World Cup-winning": a modifier, not a name
    return start, end


def _at_sentence_start(body: str, pos: int) -> bool:
    i = pos
    while i > 0 and body[i - 1] in " \t\u00a0":
        i -= 1
    return i == 0 or body[i - 1] in ".!?:\n\"“‘("


_SENTENCE_STOP_RE = re.compile(r"[.!?\n]")


def _is_question(body: str, pos: int) -> bool:
    """The sentence that runs from ``pos`` ends with a question mark."""
    m = _SENTENCE_STOP_RE.search(body, pos)
    return bool(m) and m.group() == "?"


def _continues_capitalised_run(body: str, pos: int) -> bool:
    """A capitalised word right before ``pos`` on the same line: the name is inside a longer title."""
    return bool(re.search(r"[A-Z][\w'’-]* $", body[max(0, pos - 25):pos])) and not _at_sentence_start(body, pos)


def _entities(spacy_doc) -> list[tuple[int, int, str]]:
    """(start_char, end_char, label) of spaCy's entities (read once: each ``.ents`` builds new Spans)."""
    return [(e.start_char, e.end_char, e.label_) for e in spacy_doc.ents]


def _ner_candidates(st: _Doc, ents: list[tuple[int, int, str]]) -> list[Mention]:
    out = []
    for start, end, label in ents:
        if label != "PERSON":
            continue
        span = _trim_name(st.body, _extend_left(st.body, start, end), end)
        if span:
            out.append(Mention(span[0], span[1], st.body[span[0]:span[1]], "ner"))
    return out


# a capitalised given name right before a one-word NER name, after a lower-case word
# ("while Anders Lie returns as": the model tagged only "Lie")
_GIVEN_BEFORE_RE = re.compile(r"(?<![\w.’'-])[a-z]+[ \u00a0]+(?P<given>[A-Z][a-z]+)[ \u00a0]+$")
_HONORIFICS = frozenset("sir lord lady dame mr mrs ms miss dr prof president king queen prince princess "
                        "pope saint st".split())


_NOT_A_GIVEN_NAME = NON_PERSON_WORDS | LEADING_NON_NAME | _HONORIFICS


def _extend_left(body: str, start: int, end: int) -> int:
    """Take in the given name only where the words after say "person" (a casting cue, "said", a bracket)."""
    if " " in body[start:end].strip():
        return start
    m = _GIVEN_BEFORE_RE.search(body, max(0, start - 40), start)
    if not m or m.group("given").casefold() in _NOT_A_GIVEN_NAME:
        return start
    after = body[end:end + 40]
    if ACTOR_CUE_AFTER_RE.match(after) or SAY_AFTER_RE.match(after) or re.match(r"\s*\(", after):
        return m.start("given")
    return start


def _shape_candidates(st: _Doc) -> list[Mention]:
    """Family name + hyphenated given name: a name by its shape alone."""
    out = []
    for m in EAST_ASIAN_NAME_RE.finditer(st.body):
        start = m.start()
        family = m.group(1)
        sent_start = st.sentences[_sentence_of(st.sentences, start)][0]
        at_sentence_start = st.body[sent_start:start].strip() == ""
        if family.casefold() in LEADING_NON_NAME and (at_sentence_start or family in ("The", "A", "An")):
            continue  # "Will Ha-neul's fate": a sentence word, not a family name
        if family.casefold() in NON_PERSON_WORDS or m.group(2).split("-")[-1] in COMPOUND_SUFFIXES:
            continue
        if re.search(r"[A-Z][\w.]*\s$", st.body[max(0, start - 20):start]):
            continue  # "New York City-based": the run started earlier, it is a place
        out.append(Mention(start, m.end(), m.group(), "shape"))
    return out


def _label_votes(body: str, ents: list[tuple[int, int, str]]) -> dict[str, dict[str, int]]:
    votes: dict[str, dict[str, int]] = {}
    for start, end, label in ents:
        key = _norm(_strip_possessive(body[start:end].strip()))
        lab = "PERSON" if label == "PERSON" else ("OTHER" if label in NON_PERSON_LABELS else None)
        if lab:
            votes.setdefault(key, {}).setdefault(lab, 0)
            votes[key][lab] += 1
    return votes


def _names_after(body: str, pos: int, limit: int) -> list[tuple[int, int]]:
    """The names of a list that starts at ``pos``: "A, B, and C" / "A and B"."""
    spans = []
    last = False
    while pos < limit:
        m = NAME_RE.match(body, pos)
        if not m:
            break
        s, e = m.start(), m.end()
        # "A, B and Oscar nominee C": the capitalised word before a person noun only modifies C
        if (pre := PREMODIFIER_AFTER_RE.match(body, e, limit)) and (head := NAME_RE.match(body, pre.end())):
            s, e = head.start(), head.end()
        spans.append((s, e))
        if last:
            break
        # an aside may follow an item: "A (from Other Show), B"
        sep = re.match(r"(?:\s*\([^()]{0,80}\))?\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*)", body[e:limit])
        if not sep or not sep.group().strip():
            break
        last = bool(re.search(r"\band\b|&", sep.group()))
        pos = e + sep.end()
    return spans
