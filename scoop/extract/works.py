"""Which work (show/film) and season a passage is about.

INTERFACE STUB: the claims work (issue 5) owns the implementation; the people
extractor (issue 4) calls ``work_at`` for each role. Signatures are fixed.
"""
from __future__ import annotations

from dataclasses import dataclass

from scoop.extract.base import Document


@dataclass(frozen=True, slots=True)
class WorkMention:
    title: str            # canonical title as written, e.g. "The Last of Us"
    season: int | None    # season number when the mention names one
    char_start: int
    char_end: int


def find_works(doc: Document) -> list[WorkMention]:
    """Every explicit mention of a work title (with its season when stated)."""
    return []


def main_work(doc: Document) -> tuple[str | None, int | None]:
    """The work and season the article is mainly about."""
    return None, None


def work_at(doc: Document, offset: int, mentions: list[WorkMention] | None = None
            ) -> tuple[str | None, int | None]:
    """The work and season in context at ``offset`` (``the show``, ``the sequel``
    resolve to the nearest preceding mention, else the article's main work)."""
    return main_work(doc)
