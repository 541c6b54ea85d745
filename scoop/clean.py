"""Cleaning one raw article: header, byline, boilerplate -> a ``sources`` row.

Pure: text in, fields out. The cleaned ``body`` stays close to the raw text on
purpose: headlines, captions and bylines are kept because claims and roles cite
them (a "Published By:" line is a journalist role's evidence). What goes is
what no reader would call the article: the header's date token, breadcrumbs,
stray navigation words, repeated lines and trailing tag runs.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from scoop.clean_trade import scraped_page

# ---------------------------------------------------------------- patterns
# ` date 2025-07-23 <title or first words>`: the raw-file header convention
HEADER_RE = re.compile(r"^\s*date\s+(\S+)[ \t]*(.*)$")
# `Home > Entertainment > Title` (also › » and /): site navigation, not text
BREADCRUMB_RE = re.compile(r"^\s*(?:home|news)\s*[>›»/|]\s*\S.*[>›»/|]", re.IGNORECASE)
BREADCRUMB_SPLIT_RE = re.compile(r"\s*[>›»|]\s*")
AUTHOR_RE = re.compile(
    r"^\s*(?:(?:published|written|posted|reported|edited)\s+by|by)\s*:?\s+(?P<name>[^|\n]{2,80}?)\s*(?:\||$)",
    re.IGNORECASE,
)
PUBLISHED_RE = re.compile(
    r"^\s*(?:published|updated|posted|last\s+updated|first\s+published)(?:\s+on)?\s*:?\s*(?P<when>.{6,60})$",
    re.IGNORECASE,
)
# navigation/share words that scrapers leave on their own line
BOILERPLATE_LINES = frozenset(
    s.casefold() for s in (
        "Live", "Advertisement", "Advertisements", "ADVERTISEMENT", "Share", "Share this",
        "Share this article", "Share on Facebook", "Share on Twitter", "Tweet", "Read more",
        "Read More", "Also Read", "Also read:", "Follow us", "Subscribe", "Subscribe now",
        "Trending", "Trending Now", "Skip to content", "Skip to main content", "Menu",
        "Story continues below advertisement", "Continue reading", "Comments", "Print", "Email",
        "Copy link", "Sign in", "Log in", "Download App", "Watch Now",
    )
)
TAGS_LINE_RE = re.compile(r"^\s*(?:tags?|topics?|related topics|filed under)\s*:", re.IGNORECASE)
# a word glued to the next sentence: "pages.A new" / "online.”After"; two lower-case
# letters first so abbreviations (St.Louis, U.S.A) stay untouched
GLUED_SENTENCE_RE = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}[.!?][\"”’])(?=[A-Z])")
# "X Entertainment Team" / "X News Desk": a byline that names the outlet
TEAM_BYLINE_RE = re.compile(
    r"^(?P<outlet>.+?)(?:\s+(?:entertainment|news|digital|web|online|editorial|sports?))*\s+"
    r"(?:team|desk|staff|bureau|newsroom|editors?)$",
    re.IGNORECASE,
)
# sign-offs that name the outlet: "stay tuned to Show Name!", "© 2025 Outlet"
_OUTLET = r"(?P<outlet>[A-Z][\w'’&.-]*(?:\s+(?:[A-Z][\w'’&.-]*|of|the|and|&)){0,4})"
PUBLISHER_SIGNOFF_RES = (
    re.compile(r"\b(?i:stay tuned to|keep it locked (?:to|on)|bookmark)\s+" + _OUTLET),
    re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?" + _OUTLET, re.IGNORECASE),
)
TITLE_MAX_WORDS = 25
SENTENCE_END_RE = re.compile(r"[.!?][\"”’)]*\s+[A-Z]")


@dataclass(slots=True)
class CleanArticle:
    body: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published_on: date | None = None
    published_on_basis: str = "unknown"
    notes: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return len(self.body.split())


# ---------------------------------------------------------------- helpers
def normalize_text(text: str) -> str:
    """Entities decoded, NFC, one newline style, no BOM or NBSP surprises."""
    text = html.unescape(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    # NUL is never text (scoop.read strips it from files; this guards other callers)
    return text.replace("\u00a0", " ").replace("\u200b", "").replace("\x00", "")


# no entertainment-news article is dated before 1900 or more than two years ahead
EARLIEST_DATE = date(1900, 1, 1)
FUTURE_YEARS = 2


def latest_date(today: date | None = None) -> date:
    today = today or date.today()
    try:
        return today.replace(year=today.year + FUTURE_YEARS)
    except ValueError:                      # 29 February
        return today.replace(year=today.year + FUTURE_YEARS, day=28)


def plausible(day: date | None, today: date | None = None) -> bool:
    """A publication date between 1900-01-01 and two years after ``today``."""
    return day is not None and EARLIEST_DATE <= day <= latest_date(today)


def parse_iso_date(token: str) -> date | None:
    try:
        return date.fromisoformat(token)
    except ValueError:
        return None


def header_date_problem(token: str, parsed: date | None) -> str | None:
    """Why a header date token cannot be the publication date, or None when it can."""
    if parsed is None:
        return f"header date {token!r} is not a valid date; ignored"
    if not plausible(parsed):
        return (f"header date {token!r} is not a valid date (outside {EARLIEST_DATE.year}.."
                f"{latest_date().year}); ignored")
    return None


@lru_cache(maxsize=4096)
def parse_byline_date(text: str) -> date | None:
    """`July 23, 2025 15:00:00 IST`, `January 10, 2026 at 3:44 PM IST` -> date.

    dateparser handles the long tail of byline formats (time zones, `at`,
    weekday prefixes); imported lazily as it costs ~0.5 s.
    """
    import dateparser

    found = dateparser.parse(
        text, languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                  "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return found.date() if found and plausible(found.date()) else None


def looks_like_title(line: str) -> bool:
    """A headline: short, one sentence, not ending like running prose."""
    words = line.split()
    if not words or len(words) > TITLE_MAX_WORDS:
        return False
    if SENTENCE_END_RE.search(line):      # two sentences: a paragraph, not a headline
        return False
    return not line.rstrip().endswith((".", ","))


def first_line_title(body: str) -> str | None:
    """The headline of an article without a header: its first line that is not a byline.

    A headline stands on its own line; an article's first paragraph does not look like one.
    """
    lines = [ln.strip() for ln in body.split("\n")]
    for i, line in enumerate(lines):
        if not line or AUTHOR_RE.match(line) or PUBLISHED_RE.match(line):
            continue
        return line if looks_like_title(line) and any(lines[i + 1:]) else None
    return None


def is_tag_run(line: str) -> bool:
    """Trailing topic tags: `the night archiveKorean dramastreaming`, `Tags: a, b`."""
    stripped = line.strip()
    if TAGS_LINE_RE.match(stripped):
        return True
    if not stripped or stripped[-1] in ".!?\"”’)" or len(stripped.split()) > 15:
        return False
    glued = len(re.findall(r"[a-z][A-Z]", stripped))
    return glued >= 1 and stripped[0].islower()


def publisher_from_author(author: str | None) -> str | None:
    if not author:
        return None
    m = TEAM_BYLINE_RE.match(author.strip())
    return m.group("outlet").strip() if m else None


def publisher_from_signoff(body: str) -> str | None:
    tail = body[-600:]
    for pattern in PUBLISHER_SIGNOFF_RES:
        matches = list(pattern.finditer(tail))
        if matches:
            return matches[-1].group("outlet").strip(" .!")
    return None


def infer_published_on(body: str) -> date | None:
    """Best estimate for an undated article, or None when the text does not say (``scoop.pubdate``).

    A dateline at the top, else the latest event the text reports as past when it is in the
    lede or has a recency cue ("on Monday"), moved later by a year-less past month ("a
    late-November rumor"); never a date the text places in the future or before a date it
    reports as past. ``scoop.pubdate.published_on_note`` says how sure it is.
    """
    from scoop.pubdate import infer

    return infer(body).day


# ---------------------------------------------------------------- main entry
def clean_article(raw_text: str) -> CleanArticle:
    """Split a raw article into the ``sources`` fields and its cleaned body."""
    text = normalize_text(raw_text)
    lines = text.split("\n")
    notes: list[str] = []
    header_date: date | None = None
    title: str | None = None

    header = HEADER_RE.match(lines[0]) if lines else None
    if header:
        token, rest = header.group(1), header.group(2).strip()
        header_date = parse_iso_date(token)
        if problem := header_date_problem(token, header_date):
            notes.append(problem)
            header_date = None
        lines[0] = rest   # the rest is the headline or the article's first words

    kept: list[str] = []
    page = scraped_page("\n".join(lines))   # scraped trade-press page: clutter out first
    if page is not None:
        lines = page.text.split("\n")
    author: str | None = page.author if page else None
    byline_date: date | None = page.published_on if page else None
    for line in lines:
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        if BREADCRUMB_RE.match(stripped):
            crumbs = [c for c in BREADCRUMB_SPLIT_RE.split(stripped) if c]
            if title is None and crumbs and looks_like_title(crumbs[-1]):
                title = crumbs[-1].strip()
            continue
        if stripped.casefold() in BOILERPLATE_LINES:
            continue
        if kept and stripped == kept[-1].strip():
            continue      # a caption or headline printed twice in a row
        if author is None and (m := AUTHOR_RE.match(stripped)) and len(m.group("name").split()) <= 8:
            author = m.group("name").strip()
        elif byline_date is None and (m := PUBLISHED_RE.match(stripped)):
            byline_date = parse_byline_date(m.group("when"))
        kept.append(line.rstrip())

    while kept and (not kept[-1].strip() or is_tag_run(kept[-1])):
        kept.pop()
    while kept and not kept[0].strip():
        kept.pop(0)
    body = GLUED_SENTENCE_RE.sub(" ", "\n".join(kept))
    body = re.sub(r"\n{3,}", "\n\n", body)

    if title is None:
        title = first_line_title(body)

    published_on, basis = header_date, "header"
    if published_on is None and byline_date is not None:
        published_on, basis = byline_date, "byline"
    if published_on is None:
        from scoop.pubdate import infer, note_for

        found = infer(body)     # how the day was found and how sure it is goes to the notes
        published_on = found.day
        basis = "inferred" if published_on else "unknown"
        notes.append(note_for(found))

    publisher = publisher_from_author(author) or publisher_from_signoff(body)
    return CleanArticle(body=body, title=title, publisher=publisher, author=author,
                        published_on=published_on, published_on_basis=basis, notes=notes)
