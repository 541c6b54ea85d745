"""The article being read (``_Doc``), a person mention, and the sentence splitter people use."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
import re

from scoop.extract.base import Document
from scoop.extract.people.person_cues import HEADING_END

# ================================================================= data classes


@dataclass
class Mention:
    start: int
    end: int
    text: str
    source: str            # 'ner' | 'shape' | 'slot' | 'list' | 'repeat'
    name: str = ""         # fullest form in the article
    kind: str = "real"


@dataclass
class _Doc:
    """Working state for one article."""

    doc: Document
    body: str
    sentences: list[tuple[int, int]]
    label_votes: dict[str, dict[str, int]]
    screen: bool = True    # the article is about film, TV or stage (casting cues apply)
    mentions: list[Mention] = field(default_factory=list)
    fictional: set[str] = field(default_factory=set)
    real: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)  # surface -> canonical (stage/real name)
    list_runs: dict[tuple[int, int], list] = field(default_factory=dict)   # _list_items per sentence
    slots: list | None = None   # role-cue matches (see _role_slots)


# ================================================================== sentences
_SENT_END_RE = re.compile(r"(?<=[.!?])[”\"’)]?(?=\s+[A-Z“\"‘(]|[A-Z](?:[a-z]|\s))|\n+")


def split_sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans; also splits sentences glued without a space ("pages.A new").

    A regex and not spaCy's parser: the parser costs more than all of NER.
    """
    spans, start = [], 0
    for m in _SENT_END_RE.finditer(body):
        end = m.end() if body[m.start():m.end()].strip() else m.start()
        if m.group().startswith("\n"):
            end = m.start()
        _add_span(body, spans, start, end)
        start = m.end()
    _add_span(body, spans, start, len(body))
    return spans


def _add_span(body: str, spans: list, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        # an initial ("George W. Bush") or honorific is not a sentence end
        if spans and re.search(r"(?:\b[A-Z]|\bMr|\bMs|\bMrs|\bDr|\bSt|\bJr)\.$", body[spans[-1][0]:spans[-1][1]]) \
                and body[spans[-1][1]:start].strip() == "":
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))


def _sentence_of(sentences: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence holding ``offset`` (the last one when it falls between sentences)."""
    i = bisect_right(sentences, (offset, _INF)) - 1
    if i >= 0 and offset < sentences[i][1]:
        return i
    return max(0, len(sentences) - 1)


_INF = float("inf")


def _is_heading(line: str) -> bool:
    """A short Title Case line without sentence punctuation: a section heading."""
    words = line.split()
    if not words or len(words) > 12 or line.rstrip().endswith(HEADING_END):
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps >= max(2, int(0.7 * len(words)))
