"""Where to run each rule's regex: windows around its trigger words (speed only).

Scanning a whole article with every rule is what made the tagger slow: a
pattern that opens with optional words ("nearly", "the", "first", a number...)
is tried at every position. Instead one pass over the lower-cased text finds
every *anchor* (a word, or a run of digits, that a rule cannot match without),
and each rule's pattern runs only in the windows around its anchors. A window
reaches ``before`` words before the anchor's word and ``after`` words after it
(words are ``\\w+`` runs, so spaces, hyphens and punctuation never count), plus
one word of slack on each side; overlapping windows are merged.

Why this finds exactly what a full-text ``finditer`` finds: every match holds
an anchor whose window holds the whole match and whatever its lookaheads read
(lookbehinds and ``\\b`` see before ``pos`` anyway), so no match straddles two
merged windows and a scan from the window's start meets the same matches in
the same order. ``before``/``after`` are therefore upper bounds on words, read
off each pattern; ``tests/test_dates_properties.py`` compares both scans.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Callable, Sequence

DIGITS = "#"  # the anchor for a run of digits
_WORD = re.compile(r"\w+")
# (?i) in the rules also matches these against ASCII letters, which .lower() does not give
_FOLD_ODD = re.compile("[\u0130\u0131\u017f]")


@dataclass(frozen=True, slots=True)
class Trigger:
    """Words a rule's matches always contain, and how far a match reaches around them."""
    words: tuple[str, ...]  # lower-case literals, matched anywhere in a word; DIGITS for a digit run
    before: int  # words a match (with its lookbehinds) may start before the anchor's word
    after: int  # words a match (with its lookaheads) may reach after the anchor's last word
    word_start: bool = True  # the anchor always starts a word in a match
    check: re.Pattern | None = None  # must match at the anchor, on the original text
    near: Callable[[str, int], bool] | None = None  # (text, anchor start): may a match hold this anchor?


def _trie(words: Sequence[str]) -> str:
    """A regex alternation of ``words`` factored by common prefix (the regex engine
    tries alternatives one by one, so a flat list of a hundred words is slow)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here (cannot happen: the words are prefix-free)
            return "(?:" + body + ")?"
        return body
    return emit(root)


class Scanner:
    """Runs each rule's pattern over the windows around its triggers."""

    def __init__(self, triggers: Sequence[Trigger | None]):
        self.triggers = list(triggers)
        literals = sorted({w for t in triggers if t for w in t.words if w != DIGITS})
        assert all(w == w.lower() and w for w in literals)
        # shortest literals in the anchor regex; longer ones that start with them are checked per hit
        minimal = [w for w in literals if not any(v != w and w.startswith(v) for v in literals)]
        self.extensions: dict[str, list[str]] = {m: [w for w in literals if w.startswith(m)] for m in minimal}
        # per literal: rules that share a test, so each test runs once per hit
        groups: dict[str, dict[tuple, list[int]]] = {}
        for i, t in enumerate(triggers):
            for w in (t.words if t else ()):
                groups.setdefault(w, {}).setdefault((t.word_start, t.check, t.near), []).append(i)
        self.by_word = {w: [(*key, rules) for key, rules in g.items()] for w, g in groups.items()}
        # digit runs are consumed whole; a word anchor is looked for at every other position
        self.anchors = re.compile(r"\d+|(?=(" + _trie(minimal) + "))")

    def hits(self, text: str, lower: str, starts: list[int]) -> list[list[tuple[int, int]]]:
        """Per rule, (first word, last word) of each of its anchors, in text order
        (``starts``: where each word of ``text`` starts)."""
        out: list[list[tuple[int, int]]] = [[] for _ in self.triggers]
        by_word = self.by_word
        for m in self.anchors.finditer(lower):
            found = m.group(1)
            p = m.start()
            if found is None:
                words = ((DIGITS, m.end()),)
            else:
                words = [(w, p + len(w)) for w in self.extensions[found] if lower.startswith(w, p)]
            glued = p > 0 and (text[p - 1].isalnum() or text[p - 1] == "_")
            first = bisect_right(starts, p) - 1  # anchors start with a word character: the word holding it
            for w, end in words:
                span = (first, bisect_right(starts, end - 1) - 1)
                for word_start, check, near, rules in by_word[w]:
                    if (word_start and glued) or (check is not None and not check.match(text, p)) \
                            or (near is not None and not near(text, p)):
                        continue
                    for i in rules:
                        out[i].append(span)
        return out

    def windows(self, text: str, lower: str) -> list[list[tuple[int, int]] | None]:
        """Per rule: the merged (pos, endpos) windows to scan, or None for the whole text."""
        n = len(text)
        if not text.isascii() and (len(lower) != n or _FOLD_ODD.search(text)):
            return [None] * len(self.triggers)  # lower() does not line up with (?i): scan everything
        starts = [m.start() for m in _WORD.finditer(text)]
        hits = self.hits(text, lower, starts)
        nw = len(starts)
        out: list[list[tuple[int, int]] | None] = []
        for t, spans in zip(self.triggers, hits):
            if t is None:
                out.append(None)
                continue
            # From the word before the first word a match may reach (so the gap before that
            # word is in) to the start of the word after the last; one word of slack each side.
            before, after = t.before + 2, t.after + 2
            merged: list[list[int]] = []
            for first, last in spans:
                a, b = first - before, last + after
                if merged and a <= merged[-1][1]:
                    if b > merged[-1][1]:
                        merged[-1][1] = b
                else:
                    merged.append([a, b])
            out.append([(starts[a] if a > 0 else 0, starts[b] if b < nw else n) for a, b in merged])
        return out
