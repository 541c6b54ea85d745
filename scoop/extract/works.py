"""Which work (show/film) and season a passage is about.

General patterns of entertainment writing, no title lists:
- a Title Case run right before "Season N" / "season N" / "S2", or after
  "season N of" / "second season of";
- a quoted Title Case run (“Title”), or one introduced by a work noun
  ("the K-drama project, Title", "(from Title)", "(Title alum)");
- any later appearance of a title found that way (with or without season).
The headline (``doc.title``) is strong evidence for the article's main work.
``the show``, ``the second season``, ``the sequel`` resolve through
``work_at``: a title named in the same sentence, else the article's main work.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from typing import Iterator

from scoop.extract.base import Document
from scoop.extract.batch_cache import per_batch
from scoop.extract.prefilter import fold, fold_once
from scoop.extract.segment import sentence_at
from scoop.extract.trade import PLATFORMS
from scoop.lexicon import ORDINAL_WORDS, UNITS_1_9, cardinals


@dataclass(frozen=True, slots=True)
class WorkMention:
    title: str            # canonical title as written, e.g. "The Last of Us"
    season: int | None    # season number when the mention names one
    char_start: int
    char_end: int
    # a credit aside about a person ("(from Title)", "(Title alum)"): names the
    # person's other work, not what the sentence is about
    aside: bool = False


# ------------------------------------------------------------------ patterns
# A title word: capitalized or a number ("Class 2", "24"); connectors are the
# lower-case function words titles keep inside ("Lord of the Rings", "Pride and Prejudice").
_WORD = r"(?!(?:Season|SEASON)\b)(?:[A-Z0-9][\w'’&!?.:-]*[\w!?]|[A-Z0-9])"
_CONNECTOR = r"(?:of|the|and|a|an|in|on|to|for|at|with|from|by|or|vs\.?|&|de|la|el)"
# titles never span a line break (headlines sit on their own lines)
TITLE_RUN = rf"{_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)*{_WORD})*"

_NUMBER_WORDS = cardinals(*UNITS_1_9, "ten")
_ORDINALS = {**{w: n for w, n in ORDINAL_WORDS.items() if n <= 10},
             "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6}
_NUM = r"\d{1,2}|" + "|".join(_NUMBER_WORDS)
_ORD = "|".join(_ORDINALS)

# "<Title> Season 2", "<Title>’s season 2", "<Title>: S2"
TITLE_BEFORE_SEASON = re.compile(
    rf"(?P<title>{TITLE_RUN})[’'\"”]?(?:['’]s)?:?[ \t]+(?:[Ss]eason|SEASON)[ \t]+(?P<num>{_NUM})\b"
    rf"|(?P<title2>{TITLE_RUN})[’'\"”]?:?[ \t]+S(?P<num2>\d{{1,2}})\b"
)
# "season 2 of <Title>", "the second season of <Title>", "second installment of <Title>"
SEASON_OF_TITLE = re.compile(
    rf"\b(?:[Ss]eason\s+(?P<num>{_NUM})|(?P<ord>{_ORD})\s+(?:season|installment|instalment|chapter))"
    rf"\s+of\s+(?P<title>{TITLE_RUN})"
    # "renewed <Title> for a third season"
    rf"|\brenew(?:ed|s|ing)?\s+(?P<title2>{TITLE_RUN})\s+for\s+(?:a\s+)?(?P<ord2>{_ORD})\s+season"
)
# “Title” / "Title" / 'Title' (at most 8 words, Title Case); a straight single quote
# must stand apart from letters on both sides, so apostrophes never open one
QUOTED_TITLE = re.compile(rf"[“\"‘](?P<title>{TITLE_RUN})[”\"’](?!\w)|(?<!\w)'(?P<title2>{TITLE_RUN})'(?!\w)")
# work nouns that introduce or follow a title
INTRODUCED_TITLE = re.compile(
    rf"\b(?:series|show|drama|K-drama|film|movie|sitcom|thriller|project|documentary|anime|"
    rf"miniseries|franchise|sequel|spinoff|spin-off)(?:,\s+|\s+)(?:titled\s+|called\s+)?"
    rf"(?P<title>{TITLE_RUN})"
    rf"|\(from\s+[“\"]?(?P<title2>{TITLE_RUN})[”\"]?\)"
    rf"|\([“\"]?(?P<title3>{TITLE_RUN})[”\"]?\s+(?:alum|star|actor|actress)\)"
    # a past credit: "an alum of Title", "a veteran of the series Title", "best known for Title"
    rf"|\b(?:alum(?:na|nus|ni)?|veteran|graduate|star|stars)\s+of\s+(?:the\s+)?(?:(?:hit\s+)?(?:series|show|"
    rf"drama|film|movie|sitcom)\s+)?[“\"‘]?(?P<title4>{TITLE_RUN})"
    rf"|\b(?:best\s+)?known\s+for\s+(?:(?:his|her|their)\s+(?:role|roles|work)\s+in\s+)?[“\"‘]?(?P<title5>{TITLE_RUN})"
)

# Capitalized words that open a sentence or a question but never a title.
_LEADING_NOISE = frozenset("""
shouldn't should will would can could does did is are was were has have had when why how what where
who after before with and but so if as in on at for from by remember watch meanwhile however also
here there this that these those now then while although though since during once finally new
upcoming latest exclusive breaking report update season i i'm i’m i've it's it’s we you he
she they our my his her their
""".split())
# Title Case runs that are never works.
# a streamer, network or studio is where a work is, never a work
_PLATFORM = re.compile(PLATFORMS)
_NOT_TITLES = frozenset("""
season episode i we you he she they it the a an part chapter volume
""".split())

_FIRST_SEASON_CUES = re.compile(
    r"\b(?:(?:the\s+)?first\s+season|(?<!from )(?<!since )season\s+(?:1|one)\b|debut\s+season|(?:the\s+)?original\s+"
    r"(?:season|series|run)|first\s+(?:installment|instalment|chapter)|the\s+first['’]s)",
    re.IGNORECASE)
_ORDINAL_SEASON = re.compile(rf"\b(?P<ord>{_ORD})\s+(?:season|installment|instalment|chapter)\b",
                             re.IGNORECASE)
_BARE_SEASON = re.compile(rf"\b[Ss]eason\s+(?P<num>{_NUM})\b")


# ------------------------------------------------------------------ helpers
def _season_number(token: str | None) -> int | None:
    if not token:
        return None
    token = token.lower()
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token) or _ORDINALS.get(token)


def _clean_title(raw: str, offset: int) -> tuple[str, int] | None:
    """Strip possessive owners ("Netflix’s X") and sentence-opening words."""
    title, start = raw, offset
    owner = list(re.finditer(r"['’]s\s+", title))
    if owner:
        cut = owner[-1].end()
        title, start = title[cut:], start + cut
    while True:
        first = title.split(" ", 1)
        if len(first) == 2 and first[0].lower() in _LEADING_NOISE:
            start += len(first[0]) + 1
            title = first[1].lstrip()
            continue
        break
    title = re.sub(r"['’]s$", "", title).rstrip(":.!?,")
    # a leading date stamp ("2026-01-10 Title") is not part of a title
    lead = re.match(r"[\d-]+[ \t]+(?=[A-Za-z])", title)
    if lead and "-" in lead.group():
        start += lead.end()
        title = title[lead.end():]
    if (not title or title.lower() in _NOT_TITLES or title.lower() in _LEADING_NOISE
            or _PLATFORM.fullmatch(title) or not re.search(r"[A-Za-z]", title)):
        return None
    # a lone connector-led fragment is not a title ("of Us")
    if title.split(" ", 1)[0].islower():
        return None
    return title, start


def _key(title: str) -> str:
    return re.sub(r"\W+", " ", title.lower()).strip()


class _Cover:
    """Whether an offset falls inside any of some spans (``start <= offset < end``), by bisection.

    ``find_works`` asked that of every span for every mention: quadratic, and 0.4 s for an
    article listing a few hundred titles.
    """

    def __init__(self, spans) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))    # the furthest end so far

    def __call__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


def _occurrences(title: str, text: str, folded: str) -> Iterator[tuple[int, int]]:
    """Spans of ``title`` in ``text`` as whole words, any case, words apart by any non-word run.

    What ``re.finditer`` of that pattern gives, but the pattern is tried only where the
    title's first word starts in ``folded`` (``prefilter.fold(text)``) instead of at every
    character: an article naming hundreds of titles scanned itself once per title.
    """
    words = title.split()
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, words)) + r"(?!\w)", re.IGNORECASE)
    first = fold(words[0])
    if not first.isascii() or len(folded) != len(text):   # fold is exact for ASCII; else scan it all
        yield from (m.span() for m in pattern.finditer(text))
        return
    at, done = folded.find(first), 0
    while at >= 0:
        m = pattern.match(text, at) if at >= done else None
        if m:
            yield m.span()
            done = m.end()
        at = folded.find(first, at + 1)


def find_works(doc: Document) -> list[WorkMention]:
    """Every explicit mention of a work title (with its season when stated)."""
    return list(_works_in(doc.body))


# the people and claims extractors both look for an article's works, and claims its headline's
# twice: the later calls are memo hits (scoop.extract.batch_cache; WorkMention is frozen)
@per_batch(maxsize=128)
def _works_in(text: str) -> tuple[WorkMention, ...]:
    found: list[WorkMention] = []

    def add(raw: str | None, at: int, season: int | None, end: int, aside: bool = False) -> None:
        if not raw:
            return
        cleaned = _clean_title(raw, at)
        if cleaned:
            found.append(WorkMention(cleaned[0], season, cleaned[1], end, aside))

    for m in TITLE_BEFORE_SEASON.finditer(text):
        if m.group("title"):
            add(m.group("title"), m.start("title"), _season_number(m.group("num")), m.end())
        else:
            add(m.group("title2"), m.start("title2"), _season_number(m.group("num2")), m.end())
    for m in SEASON_OF_TITLE.finditer(text):
        g = "title" if m.group("title") else "title2"
        season = _season_number(m.group("num") or m.group("ord") or m.group("ord2"))
        add(m.group(g), m.start(g), season, m.end(g))
    for m in QUOTED_TITLE.finditer(text):
        g = "title" if m.group("title") else "title2"
        # one quoted capitalized word is usually speech ("Finally!"), not a title
        if 2 <= len(m.group(g).split()) <= 8:
            add(m.group(g), m.start(g), None, m.end(g))
    aside_spans = []
    for m in INTRODUCED_TITLE.finditer(text):
        for g in ("title", "title2", "title3", "title4", "title5"):
            if m.group(g):
                add(m.group(g), m.start(g), None, m.end(g), aside=g != "title")
                if g != "title":
                    aside_spans.append(m.span())
    # a title inside a credit aside is an aside however it was found (“Quoted” too)
    if aside_spans:
        in_aside = _Cover(aside_spans)
        found = [w if w.aside or not in_aside(w.char_start)
                 else WorkMention(w.title, w.season, w.char_start, w.char_end, True) for w in found]

    # canonical spelling per title: the most frequent form (titles vary in case)
    forms: dict[str, Counter] = {}
    for w in found:
        forms.setdefault(_key(w.title), Counter())[w.title] += 1
    # any headline form counts too: it is the most deliberate spelling
    # later bare appearances of a known title (case-insensitive)
    seen = _Cover({(w.char_start, w.char_end) for w in found})
    asides_only = set(forms) - {_key(w.title) for w in found if not w.aside}
    folded = fold_once(text)
    for key, counter in forms.items():
        title = counter.most_common(1)[0][0]
        if len(title) < 4:
            continue
        for start, end in _occurrences(title, text, folded):
            if not seen(start):
                found.append(WorkMention(title, None, start, end, key in asides_only))
    canonical = {k: c.most_common(1)[0][0] for k, c in forms.items()}
    out = [WorkMention(canonical.get(_key(w.title), w.title), w.season, w.char_start, w.char_end,
                       w.aside)
           for w in found]
    # ties broken on every field: the order no longer depends on the set's (hash-seeded) order
    return tuple(sorted(set(out), key=lambda w: (w.char_start, w.char_end, w.title, w.season or 0, w.aside)))


def main_work(doc: Document, mentions: list[WorkMention] | None = None
              ) -> tuple[str | None, int | None]:
    """The work and season the article is mainly about."""
    mentions = find_works(doc) if mentions is None else mentions
    # the headline's own titles count even when the body only says "the show"
    headline_works = find_works(Document(doc.source_id, doc.title)) if doc.title else []
    if not mentions and not headline_works:
        return None, None
    headline = _key(doc.title or "")
    score: Counter = Counter()
    for w in mentions:
        score[w.title] += 1
    keys = {_key(t) for t in score}
    for w in headline_works:
        if _key(w.title) not in keys:
            keys.add(_key(w.title))
            score[w.title] += 0
    for title in score:
        if headline and _key(title) in headline:
            score[title] += 5  # the headline names what the article is about
    first: dict[str, int] = {}
    for w in mentions:
        first[w.title] = min(w.char_start, first.get(w.title, w.char_start))
    first_seen = {t: first.get(t, len(doc.body)) for t in score}
    title = max(score, key=lambda t: (score[t], -first_seen[t]))
    seasons = Counter(w.season for w in mentions if w.title == title and w.season)
    if doc.title:
        m = _BARE_SEASON.search(doc.title) or _ORDINAL_SEASON.search(doc.title)
        if m:
            seasons[_season_number(m.group(1))] += 5
    # "the second season" without a title still says which season is news
    for m in _ORDINAL_SEASON.finditer(doc.body):
        seasons[_season_number(m.group("ord"))] += 0.5
    seasons.pop(None, None)
    season = max(seasons, key=lambda s: (seasons[s], s)) if seasons else None
    return title, season


def work_at(doc: Document, offset: int, mentions: list[WorkMention] | None = None
            ) -> tuple[str | None, int | None]:
    """The work and season in context at ``offset`` (``the show``, ``the sequel``
    resolve to the nearest preceding mention, else the article's main work)."""
    mentions = find_works(doc) if mentions is None else mentions
    title, season = main_work(doc, mentions)
    s, e = sentence_at(doc.body, offset)
    # a past credit named in passing ("an alum of Title") is not the work the sentence is about
    on_aside = any(w.aside and w.char_start <= offset < w.char_end for w in mentions)
    title, season, _ = resolve_with_basis(doc.body, s, e, mentions, title, season, offset, skip_asides=not on_aside)
    return title, season


def resolve_in_span(text: str, start: int, end: int, mentions: list[WorkMention],
                    main_title: str | None, main_season: int | None,
                    offset: int | None = None) -> tuple[str | None, int | None]:
    """Work and season for the passage ``text[start:end]``: a title it names
    (the one closest before ``offset`` when given), else the main work with the
    season its wording implies ("the first season" -> 1)."""
    title, season, _ = resolve_with_basis(text, start, end, mentions, main_title, main_season,
                                          offset)
    return title, season


def resolve_with_basis(text: str, start: int, end: int, mentions: list[WorkMention],
                       main_title: str | None, main_season: int | None,
                       offset: int | None = None, skip_asides: bool = False
                       ) -> tuple[str | None, int | None, str]:
    """``resolve_in_span`` plus how the season was decided: ``mention`` (a
    title with its season), ``wording`` ("season 1", "the first season"),
    ``title`` (a title named without a season, not the main work), ``main``
    (the article's main season by default) or ``none``. ``skip_asides``
    ignores credit asides ("(from Title)") when choosing the work."""
    inside = [w for w in mentions if start <= w.char_start < end and not (skip_asides and w.aside)]
    if inside:
        point = end if offset is None else offset
        before = [w for w in inside if w.char_start <= point]
        chosen = (before or inside)[-1] if offset is not None else inside[0]
        if chosen.season is None and chosen.title == main_title:
            season, basis = _season_from_wording_basis(text[start:end], main_season)
            return chosen.title, season, basis
        return chosen.title, chosen.season, "mention" if chosen.season else "title"
    season, basis = _season_from_wording_basis(text[start:end], main_season)
    return main_title, season, basis


# "actors from Season 3 are back": the season they come from, not the claim's
_WORDING_SEASON = re.compile(rf"(?<!from )(?<!since )\b[Ss]eason\s+(?P<num>{_NUM})\b")


def _season_from_wording_basis(passage: str, main_season: int | None) -> tuple[int | None, str]:
    m = _WORDING_SEASON.search(passage)
    if m:
        return _season_number(m.group("num")), "wording"
    if _FIRST_SEASON_CUES.search(passage):
        return 1, "wording"
    m = _ORDINAL_SEASON.search(passage)
    if m:
        return _season_number(m.group("ord")), "wording"
    return main_season, "main" if main_season else "none"


def subject_label(title: str | None, season: int | None) -> str | None:
    """`The Night Archive` + 2 -> `The Night Archive Season 2`."""
    if not title:
        return None
    return f"{title} Season {season}" if season else title
