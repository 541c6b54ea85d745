"""The article being read (``_Doc``), a person mention, and the sentence splitter people use."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from scoop.extract.base import Document
from scoop.extract.segment import sentences as _segment_sentences
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


def split_sentences(body: str) -> list[tuple[int, int]]:
    """Sentence spans: the project's one splitter (``segment.sentences``), which also splits
    sentences glued without a space ("pages.A new") and is not spaCy's parser (it costs more than NER)."""
    return _segment_sentences(body)


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
