"""Reference times and calendar arithmetic for relative expressions.

A relative expression is resolved against the document date ("last year") or
against the latest date the article itself wrote out ("six weeks later",
"the first half"); ``Context`` carries both while the text is read in order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from scoop.extract.dates.calendar_intervals import add_months, period_interval

# A year-less month this close ahead of the document date is taken as upcoming
# (measured on TimeBank/AQUAINT: news announces dates a month or two ahead).
NEAR_FUTURE_MONTHS = 2

# Bases whose document date we trust enough to resolve "last year" against.
RESOLVABLE_BASES = ("header", "byline", "inferred")

# Tense cues around a year-less date ("said Friday" / "will meet Friday"). The
# nearest cue before the date decides; future words are tried first so that
# "scheduled" is not read as a past "-ed" verb.
_TENSE_CUE = re.compile(
    r"\b(?:(?P<future>will|won't|shall|going\s+to|is\s+to|are\s+to|set\s+to|scheduled|slated|expected|expects?|"
    r"plans?\s+to|planned|planning|due|upcoming|would|as\s+(?:soon|early)\s+as|effective|to\s+be\s+held)"
    r"|(?P<past>said|was|were|had|did|ago|since|met|held|told|began|came|went|left|took|made|gave|saw|sent|won|"
    r"lost|fell|rose|hit|struck|shot|died)"
    r"|(?P<ed>(?-i:(?!hundred\b)[a-z]{2,}[a-df-z]ed)))\b|(?P<ll>'ll)\b", re.I)
# "-ed" after these is a participle, not a past tense: "will be released", "a still unspecified date"
_AUXILIARY_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|has|have|to|get|got|a|an|the|its|his|her|their|"
                               r"still|newly)\s+(?:\w+ly\s+)?$", re.I)


@dataclass(slots=True)
class NarrativeRef:
    """A date the article wrote out, usable as anchor for later expressions."""

    value: str
    start: date
    granularity: str
    offset: int  # where it was written


@dataclass(slots=True)
class Context:
    text: str
    doc_date: date | None
    narrative: NarrativeRef | None = None
    sentence_starts: list[int] = field(default_factory=list)
    # the last fiscal quarter named ("the third quarter"): earnings news keeps
    # comparing with it ("the quarter", "the year-ago period", "a year earlier")
    quarter: NarrativeRef | None = None
    # the last day the article pointed at, however anchored ("on Monday ... the next day")
    day: NarrativeRef | None = None

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``."""
        import bisect

        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        start = self.sentence_starts[i] if i >= 0 else 0
        end = self.sentence_starts[i + 1] if i + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def narrative_in_sentence(self, offset: int) -> NarrativeRef | None:
        ref = self.narrative
        if ref is None:
            return None
        return ref if self.sentence_of(ref.offset) == self.sentence_of(offset) else None

    def narrative_near(self, offset: int, sentences: int = 3) -> NarrativeRef | None:
        """The narrative reference if written within the last few sentences."""
        return self._near(self.narrative, offset, sentences)

    def quarter_near(self, offset: int, sentences: int = 3) -> NarrativeRef | None:
        """The last quarter named, if within the last few sentences."""
        return self._near(self.quarter, offset, sentences)

    def day_near(self, offset: int, sentences: int = 4) -> NarrativeRef | None:
        """The last day mentioned, if within the last few sentences."""
        return self._near(self.day, offset, sentences)

    def _near(self, ref: NarrativeRef | None, offset: int, sentences: int) -> NarrativeRef | None:
        if ref is None:
            return None
        import bisect

        here = bisect.bisect_right(self.sentence_starts, offset)
        there = bisect.bisect_right(self.sentence_starts, ref.offset)
        return ref if here - there < sentences else None

    def future_leaning(self, offset: int) -> bool:
        """The clause around ``offset`` speaks of the future (news defaults to the past):
        the nearest tense cue before it, else the first one after it, is a future one."""
        start, end = self.sentence_of(offset)
        lo = max(start, offset - 100)
        for cue in reversed(list(_TENSE_CUE.finditer(self.text, lo, offset))):
            if cue["ed"] and _AUXILIARY_BEFORE.search(self.text, max(lo, cue.start() - 20), cue.start()):
                continue
            return not (cue["past"] or cue["ed"])
        cue = _TENSE_CUE.search(self.text, offset, min(end, offset + 40))
        return bool(cue) and not (cue["past"] or cue["ed"])


def fmt_value(d: date, granularity: str) -> str:
    """TIMEX3 value of the period of ``granularity`` that holds ``d``."""
    if granularity == "day":
        return d.isoformat()
    if granularity == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if granularity == "weekend":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}-WE"
    if granularity == "month":
        return f"{d.year}-{d.month:02d}"
    if granularity == "quarter":
        return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{d.year}-H{1 if d.month <= 6 else 2}"
    if granularity == "season":
        return season_value(d)
    if granularity == "decade":
        return str(d.year // 10)
    if granularity == "century":
        return str(d.year // 100)
    return str(d.year)


def season_value(d: date) -> str:
    code = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")
    return f"{d.year - 1 if d.month < 3 else d.year}-{code}"


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by n units (months clip to the month's last day)."""
    if unit in ("day",):
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    y, m = add_months(d.year, d.month, n * months)
    import calendar

    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def year_for_month(month: int, ref: date, future: bool) -> int:
    """Year of a year-less month: the last one up to ``ref``, or the next one when the
    clause speaks of the future (news reports the recent past by default)."""
    if month == ref.month:
        return ref.year
    if future or (month - ref.month) % 12 <= NEAR_FUTURE_MONTHS:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year if month < ref.month else ref.year - 1


def weekday_date(weekday: int, ref: date, direction: int) -> date:
    """The ``weekday`` on or before (direction -1) / after (+1) ``ref``; 0 = this week."""
    if direction < 0:
        return ref - timedelta(days=(ref.weekday() - weekday) % 7)
    if direction > 0:
        return ref + timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    return ref + timedelta(days=weekday - ref.weekday())


def relative_season(code: str, ref: date, offset: int) -> str:
    """'this' (0) / 'last' (-1) / 'next' (+1) season named ``code`` around ``ref``."""
    current = ref.year - 1 if code == "WI" and ref.month < 3 else ref.year
    if offset == 0:
        return f"{current}-{code}"
    start, end, _ = period_interval(f"{current}-{code}")
    if offset < 0:
        return f"{current if end < ref else current - 1}-{code}"
    return f"{current if start > ref else current + 1}-{code}"


def start_of(value: str) -> date | None:
    period = period_interval(value)
    return period[0] if period else None
