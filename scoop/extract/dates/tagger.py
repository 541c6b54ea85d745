"""The tagger's driver: run every rule, keep the longest matches, build their rows.

Every rule (``rule_table.RULES``) finds candidate spans; the longest non-overlapping
candidates win (ties go to the earlier rule); then the survivors are built in text
order, so relative phrases can lean on dates written before them. A builder returns
``Timex`` rows (one match may give two: "March 3 and 4"), and prefix words set their
mods ("late 2031"). Hand-written rather than dateparser: dateparser has no extents,
no mods and no "late 2031"/"the first half" (see STACK_NOTES.md).
"""
from __future__ import annotations

import bisect
import re

from scoop.extract.dates.calendar_intervals import granularity_of, interval
from scoop.extract.dates.prefix_mods import apply_prefix_mods
from scoop.extract.dates.reference_times import Context, NarrativeRef, start_of
from scoop.extract.dates.rule_table import RULES
from scoop.extract.dates.timex import Timex
from scoop.extract.dates.trigger_scan import Scanner

_SCANNER = Scanner([rule.trigger for rule in RULES])


def candidates(text: str, *, windowed: bool = True) -> list[tuple[int, int, int, re.Match]]:
    """(start, end, rule index, match) of every guarded rule match. ``windowed=False``
    scans the whole text with every rule: slower, and the same answer."""
    found = []
    windows = _SCANNER.windows(text, text.lower()) if windowed else [None] * len(RULES)
    for i, rule in enumerate(RULES):
        spans = windows[i]
        for lo, hi in ((0, len(text)),) if spans is None else spans:
            for m in rule.pattern.finditer(text, lo, hi):
                s, e = m.span()
                if e <= s or (rule.guard is not None and not rule.guard(m, text)):
                    continue
                found.append((s, e, i, m))
    return found


def select(found: list[tuple[int, int, int, re.Match]]) -> list[tuple[int, int, int, re.Match]]:
    """Longest first, then earlier rule; no two chosen spans overlap."""
    chosen: list[tuple[int, int, int, re.Match]] = []
    starts: list[int] = []  # chosen spans, kept sorted and disjoint: a bisect finds the neighbours
    ends: list[int] = []
    for c in sorted(found, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        i = bisect.bisect_left(starts, c[0])
        if (i == 0 or ends[i - 1] <= c[0]) and (i == len(starts) or starts[i] >= c[1]):
            chosen.append(c)
            starts.insert(i, c[0])
            ends.insert(i, c[1])
    return sorted(chosen, key=lambda c: c[0])


def parse(text: str, ctx: Context) -> list[Timex]:
    out: list[Timex] = []
    for s, e, i, m in select(candidates(text)):
        for t in RULES[i].build(m, ctx):
            t = apply_prefix_mods(t, text)
            out.append(t)
            _remember(t, ctx)
    return out


def _remember(t: Timex, ctx: Context) -> None:
    """Dates written out with a year become the narrative reference. The newest quarter
    named that is over by the document date becomes the quarter reference: results
    are reported for finished quarters ("the fourth quarter" ahead is an outlook)."""
    if t.timex_type == "DATE" and t.anchor in ("absolute", "publication") and granularity_of(t.value) == "quarter":
        period = interval(t.value)
        if period[1] is not None and (ctx.doc_date is None or period[1] < ctx.doc_date) \
                and (ctx.quarter is None or t.value >= ctx.quarter.value):
            ctx.quarter = NarrativeRef(t.value, period[0], "quarter", t.start)
    if t.timex_type in ("DATE", "TIME") and t.anchor != "unresolved" and granularity_of(t.value) == "day":
        day = start_of(t.value)
        if day is not None:
            ctx.day = NarrativeRef(t.value[:10], day, "day", t.start)
    if t.timex_type not in ("DATE", "TIME") or t.anchor != "absolute":
        return
    start = start_of(t.value)
    if start is None:
        return
    gran = granularity_of(t.value)
    if gran in ("decade",):
        return
    ctx.narrative = NarrativeRef(t.value, start, gran, t.start)
