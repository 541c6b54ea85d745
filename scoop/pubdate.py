"""An undated article's publication day, from what the text says is past, or no day at all.

Rules, in order (``infer``):

1. A **dateline**: a full date alone on one of the first lines, or opening the text
   ("LOS ANGELES, March 3, 2025 —"), or after "Published on" / "Updated". Confidence high.
2. The latest **reported event**: a full date in a sentence told in the past tense
   ("On July 23, 2025, the streamer put out a clip") that is not a historical anchor
   ("since", "born", "originally", "ago", "back in", "ended") and not a plan ("will",
   "due for release", "set for", "premieres"). Confidence medium when it is in the lede (the
   first three sentences) or its sentence has a recency cue ("today", "this week", "on
   Monday"; a weekday that matches the date counts double); otherwise low.
3. When that event is deep in the text, a later **year-less month** the text treats as past
   ("one late-November rumor floated"), if the text places itself in the event's year ("kicked
   off this summer"): the article is dated the day after that part of the month. Confidence low.

Never a date the text places in the future, and never a day before any date the text
reports as past, or after one it reports as still to come. A low-confidence event date with
no later relative clue is not a publication day (history recounted deep in the text), so
the answer is None: no date rather than a wrong one.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from scoop.extract.segment import rough_sentences
from scoop.lexicon import MONTH_NAMES, MONTHS_RE as _MONTHS, WEEKDAY_NAMES, month_number

_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
FULL_DATE_RES = (
    re.compile(rf"\b(?P<month>{_MONTHS})\.?\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?P<month>{_MONTHS})\.?,?\s+{_YEAR}\b", re.IGNORECASE),
)
# "late-November", "in early March": a month named without a year (capitalised, in full)
BARE_MONTH_RE = re.compile(
    r"\b(?:(?P<part>[Ee]arly|[Mm]id|[Ll]ate)[- ])?(?P<month>" + "|".join(MONTH_NAMES) + r")\b"
    r"(?![- ]?\d|,?\s+(?:19|20)\d\d)")
WEEKDAYS = tuple(w.lower() for w in WEEKDAY_NAMES)

_W = r"(?<![\w-])"
# a plan or an expectation: the date is (or was) still to come
FUTURE_RE = re.compile(
    _W + r"(?:will|'ll|shall|would|set\s+(?:to|for)|slated|scheduled|expected|due|upcoming|planned|plans?\s+to"
    r"|eyed\s+for|eyeing|targets?|targeting|going\s+to|is\s+to|are\s+to|premieres?|premiering|opens|opening"
    r"|arrives|arriving|debuts|launches|returns|hits|lands|drops|streams|begins|starts|until|till|through"
    r"|expires?|expiring|deadline"
    r"|release\s+date|to\s+be\s+released|coming)\b", re.IGNORECASE)
# a historical anchor: a lower bound for publication, not the news itself
ANCHOR_RE = re.compile(
    _W + r"(?:since|born|originally|ago|back\s+in|back\s+on|way\s+back|as\s+early\s+as|first|founded|ended"
    r"|ending|pre|anniversary|previously|former(?:ly)?|history|historic)\b", re.IGNORECASE)
PAST_RE = re.compile(
    r"\b(?:\w{2,}ed|was|were|had|came|began|put|said|told|made|gave|took|went|got|saw|won|left|held|broke"
    r"|became|met|brought|found|did|ran|wrote|spoke|shot|sold|paid|kept|led|threw|rose|fell|struck|unveiled"
    r"|greenlit|hit|set|dropped|floated|released|announced|revealed|confirmed)\b", re.IGNORECASE)
_NOT_PAST = {"expected", "scheduled", "slated", "planned", "rumored", "rumoured", "speed", "need", "seed",
             "feed", "indeed", "red", "bed", "shed", "hundred", "embed"}
RECENT_RE = re.compile(
    r"\b(?:today|tonight|yesterday|this\s+(?:week|morning|afternoon|evening)|last\s+(?:week|night)"
    r"|earlier\s+(?:this|today)|on\s+(?P<weekday>" + "|".join(WEEKDAYS) + r"))\b",
    re.IGNORECASE)
PUBLISHED_CUE_RE = re.compile(r"\b(?:published|updated|posted)(?:\s+on)?\s*:?\s*$", re.IGNORECASE)
# the publication year is the year of the text's latest event ("filming kicked off this summer")
THIS_YEAR_RE = re.compile(r"\b(?:earlier\s+)?this\s+(?:year|spring|summer|fall|autumn|winter)\b", re.IGNORECASE)
LEDE_SENTENCES = 3
DATELINE_CHARS = 200


@dataclass(frozen=True, slots=True)
class Inference:
    day: date | None
    confidence: str          # high | medium | low | none
    reason: str


@dataclass(frozen=True, slots=True)
class _Mention:
    day: date
    start: int
    end: int


def _full_dates(body: str) -> list[_Mention]:
    found = []
    for pattern in FULL_DATE_RES:
        for m in pattern.finditer(body):
            try:
                day = date(int(m.group("year")), month_number(m.group("month")), int(m.group("day")))
            except ValueError:
                continue
            found.append(_Mention(day, m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int, int]:
    for i, (s, e) in enumerate(spans):
        if s <= pos < e:
            return i, s, e
    return len(spans), pos, pos


def _is_past(text: str) -> bool:
    return any(m.group().lower() not in _NOT_PAST for m in PAST_RE.finditer(text))


def _kind(body: str, spans, m: _Mention) -> tuple[str, int, str]:
    """``(kind, sentence index, sentence)``: kind is future, anchor, event or unknown."""
    i, s, e = _sentence_of(spans, m.start)
    before = body[max(s, m.start - 60):m.start]          # the words that govern the date
    sentence = body[s:e]
    clause = body[max(s, m.start - 100):min(e, m.end + 60)]
    if FUTURE_RE.search(before) or (FUTURE_RE.search(clause) and not _is_past(before)):
        return "future", i, sentence
    if ANCHOR_RE.search(before):
        return "anchor", i, sentence
    return ("event" if _is_past(sentence) else "unknown"), i, sentence


def _dateline(body: str, dates: list[_Mention]) -> _Mention | None:
    for m in dates:
        if m.start > DATELINE_CHARS:
            break
        line_start = body.rfind("\n", 0, m.start) + 1
        line_end = body.find("\n", m.end)
        line = body[line_start:line_end if line_end >= 0 else len(body)]
        alone = line.strip(" \t.,—–-:|()") == body[m.start:m.end]
        prefix = body[line_start:m.start].strip()
        place = not prefix or re.fullmatch(r"[A-Z][A-Za-z .'’-]{0,40},?\s*\(?", prefix)
        dash = re.match(r"\s*\)?\s*[—–:|-]", body[m.end:m.end + 5])
        if alone or (place and dash):
            return m
    for m in dates:         # "Published on March 15, 2026", "Updated: 2 May 2025"
        if PUBLISHED_CUE_RE.search(body[max(0, m.start - 30):m.start]):
            return m
    return None


def _recency(sentence: str, day: date) -> int:
    score = 0
    for m in RECENT_RE.finditer(sentence):
        weekday = m.group("weekday")
        score += 2 if weekday and WEEKDAYS.index(weekday.lower()) == day.weekday() else 1
    return score


def _later_bare_month(body: str, spans, after: date) -> date | None:
    """The day after the latest year-less past month (in ``after``'s year) later than ``after``.

    Only when the text places itself in ``after``'s year ("this summer" in a past sentence): a
    year-less month later in the calendar than the latest dated event is otherwise most often
    last year's ("told THR in December" in a February article).
    """
    if not any(_is_past(body[s:e]) for s, e in spans if THIS_YEAR_RE.search(body[s:e])):
        return None
    best = None
    for m in BARE_MONTH_RE.finditer(body):
        month = month_number(m.group("month"))
        if month <= after.month:
            continue
        _, s, e = _sentence_of(spans, m.start())
        before = body[max(s, m.start() - 40):m.start()]
        if (FUTURE_RE.search(before) or ANCHOR_RE.search(before) or re.search(r"\blast\s+$", before, re.I)
                or not _is_past(before + body[m.end():e][:80])):
            continue
        last = calendar.monthrange(after.year, month)[1]
        end = {"early": 10, "mid": 20}.get((m.group("part") or "").lower(), last)
        day = date(after.year, month, end) + timedelta(days=1)
        best = day if best is None or day > best else best
    return best


def infer(body: str) -> Inference:
    """See the module docstring."""
    dates = _full_dates(body)
    spans = rough_sentences(body)
    kinds = [(m, *_kind(body, spans, m)) for m in dates]
    past = [m.day for m, kind, _, _ in kinds if kind in ("event", "anchor")]
    future = [m.day for m, kind, _, _ in kinds if kind == "future"]

    def consistent(day: date) -> bool:
        return all(day >= p for p in past) and all(day <= f for f in future)

    if (line := _dateline(body, dates)) and consistent(line.day):
        return Inference(line.day, "high", "a dateline at the top or a 'published on' date")
    events = [(m, i, sentence) for m, kind, i, sentence in kinds if kind == "event"]
    if not events:
        return Inference(None, "none", "no full date the text reports as a past event")
    m, i, sentence = max(events, key=lambda x: (x[0].day, x[0].start))
    if not consistent(m.day):
        return Inference(None, "none", "the dates the text reports as past and to come disagree")
    recency = _recency(sentence, m.day)
    if recency >= 2 or (recency and i < LEDE_SENTENCES):
        return Inference(m.day, "high", "the latest past event, with a matching recency cue")
    if recency or i < LEDE_SENTENCES:
        return Inference(m.day, "medium", "the latest past event, in the lede" if i < LEDE_SENTENCES
                         else "the latest past event, with a recency cue")
    # the latest event is told deep in the text: a later month it names as past dates the article
    later = _later_bare_month(body, spans, m.day)
    if later and consistent(later):
        return Inference(later, "low", f"after a past month the text names without a year, later than "
                                       f"{m.day.isoformat()}: on or after this day")
    return Inference(None, "none", f"the latest past event ({m.day.isoformat()}) is deep in the text, "
                                   "with no recency cue: history, not the publication day")


def published_on_note(body: str) -> str:
    """The ``notes`` entry for an inferred publication day: how it was found and how sure it is."""
    return note_for(infer(body))


def note_for(found) -> str:
    """``published_on_note`` for an inference already made."""
    if found.day is None:
        return f"no date line and no publication day inferred ({found.reason})"
    return f"no date line: published_on inferred, {found.confidence} confidence ({found.reason})"
