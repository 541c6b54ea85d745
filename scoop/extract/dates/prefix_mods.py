"""Prefix modifiers: words just before a time expression that set its TIMEX3 mod and
join its extent ('late 2031', 'the end of the year', 'early Tuesday', 'around that
time', 'nearly six weeks').
"""
from __future__ import annotations

import re
from dataclasses import replace

from scoop.extract.dates import time_words as tw
from scoop.extract.dates.calendar_intervals import granularity_of
from scoop.extract.dates.patterns import QUANT, WD, I
from scoop.extract.dates.timex import Timex


PART_PREFIX = re.compile(
    r"(?:\b(?P<pw>" + I(r"the\s+(?:very\s+)?(?:beginning|start|end|middle|close|dawn)\s+of(?:\s+the)?") + r")\s+"
    r"|(?:\b" + I("the") + r"\s+)?\b(?P<ew>" + I(r"early|mid|late|earlier|later") + r")(?:\s+|-))$")
# "late yesterday", "early Tuesday": only early/late set a mod ("earlier Sunday" is just Sunday)
DAY_PART_PREFIX = re.compile(r"\b(?P<dw>" + I(r"early|late|earlier|later") + r")\s+$")
_NAMED_DAY = re.compile(I("yesterday|today|tomorrow") + r"|" + WD)
APPROX_PREFIX = re.compile(r"\b(?P<aw>" + I(r"around|about|roughly|approximately|circa|nearly|almost") + r")\s+$")
DUR_QUANT_PREFIX = re.compile(r"\b(?P<qw>" + I(QUANT) + r")\s+$")
_PARTABLE = ("year", "month", "season", "quarter", "half", "decade", "week")


def apply_prefix_mods(t: Timex, text: str) -> Timex:
    if t.mod is not None:
        return t
    window = text[max(0, t.start - 40):t.start]
    if t.timex_type == "DATE" and granularity_of(t.value) in _PARTABLE:
        if m := PART_PREFIX.search(window):
            words = (m["pw"] or m["ew"]).lower().split()
            key = next((w for w in words if w in tw.PART_MODS), "")
            mod = tw.PART_MODS.get(key)
            if mod:
                return replace(t, start=t.start - (len(window) - m.start()), mod=mod)
    if t.timex_type == "DATE" and _NAMED_DAY.match(text, t.start):
        if m := DAY_PART_PREFIX.search(window):
            mod = {"early": "START", "late": "END"}.get(m["dw"].lower())
            return replace(t, start=t.start - (len(window) - m.start()), mod=mod)
    if t.timex_type == "DATE" and not t.value.endswith("_REF") and t.anchor == "narrative":
        if m := APPROX_PREFIX.search(window):
            return replace(t, start=t.start - (len(window) - m.start()), mod="APPROX")
    if t.timex_type == "DURATION" and "X" not in t.value and not text.startswith(("the", "The"), t.start):
        if m := DUR_QUANT_PREFIX.search(window):
            mod = tw.QUANT_MODS.get(" ".join(m["qw"].lower().split()))
            return replace(t, start=t.start - (len(window) - m.start()), mod=mod)
    return t
