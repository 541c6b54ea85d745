"""Reading gold files and finding their spans in a cleaned body.

Gold texts are exact substrings of the raw article after HTML entities are
decoded; scoop's body is the cleaned article, so offsets differ. A gold item is
placed by finding its text's n-th occurrence in the body (``occurrence`` is
1-based, as in the gold files), falling back to a whitespace-insensitive search
because cleaning may re-space glued sentences.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Prf:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "Prf") -> "Prf":
        return Prf(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


def load_gold_dir(gold_dir: Path) -> list[dict]:
    """Every per-article gold file (``people.json`` and README excluded)."""
    files = sorted(p for p in Path(gold_dir).glob("*.json") if p.name != "people.json")
    return [json.loads(p.read_text(encoding="utf-8")) for p in files]


def _loose_pattern(text: str) -> re.Pattern[str]:
    # any run of whitespace in gold may be absent or different in the body
    parts = [re.escape(p) for p in text.split()]
    return re.compile(r"\s*".join(parts))


def locate(body: str, text: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Span of the ``occurrence``-th appearance of ``text`` in ``body``, or None.

    Gold quotes may be stored decomposed (NFD: "o" + combining accent) where the
    body is composed (NFC); the quote is composed before searching.
    """
    text = unicodedata.normalize("NFC", text)
    start = -1
    for _ in range(max(occurrence, 1)):
        start = body.find(text, start + 1)
        if start < 0:
            break
    if start >= 0:
        return start, start + len(text)
    matches = list(_loose_pattern(text).finditer(body))
    if len(matches) >= occurrence:
        m = matches[occurrence - 1]
        return m.start(), m.end()
    return None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_spans(gold: list[tuple[int, int] | None], system: list[tuple[int, int]], strict: bool) -> dict[int, int]:
    """gold index -> system index, one-to-one in text order: equal spans (strict) or overlapping (relaxed).

    A gold item that could not be placed (None) matches nothing.
    """
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for gi, gs in enumerate(gold):
        if gs is None:
            continue
        for si, ss in enumerate(system):
            if si not in used and ((ss == gs) if strict else overlaps(ss, gs)):
                pairs[gi] = si
                used.add(si)
                break
    return pairs


def extent_scores(gold: list[tuple[int, int] | None], system: list[tuple[int, int]]
                  ) -> tuple[Prf, Prf, dict[int, int]]:
    """Relaxed and strict extent counts of one document, and the relaxed pairs (gold -> system index)."""
    relaxed_pairs = match_spans(gold, system, False)
    strict_pairs = match_spans(gold, system, True)
    relaxed, strict = (Prf(len(p), len(system) - len(p), len(gold) - len(p)) for p in (relaxed_pairs, strict_pairs))
    return relaxed, strict, relaxed_pairs
