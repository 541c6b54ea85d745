"""Cleaning scraped trade-press page text (Deadline / Variety / THR style pages).

A scraper that collapses a whole web page to one line leaves the page's
furniture in the text: "Skip to main content", an ad interstitial, a byline
block that prints the writer's name twice with a job title and a list of
their other stories, "Related Stories" blocks holding other stories'
headlines, a headline list and "Loading comments... More From Our Brands"
after the article, photo credits, words split by the scraper. None of it is
the article, and a claim or a person taken from another story's headline is a
false positive, so it goes before extraction.

Pure functions, text in and text out. Every rule is a shape of this kind of
page (its markers, Title Case headline runs), never a particular article. The
journalist's "By Name" and the byline timestamp stay (roles and dates cite
them); :func:`byline_date` reads the publication date from that timestamp.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from scoop.lexicon import MONTH_NUMBERS, month_number

# ---------------------------------------------------------------- when it applies
# markers only a scraped page carries; one is enough when the page is one long line
PAGE_MARKERS_RE = re.compile(
    r"Skip to main content|Plus Icon|Related Stories|More Stories By|Loading comments\.\.\."
    r"|Read More About:|SKIP AD|More From Our Brands|Popular on \w+|Watch on \w+"
)
LONG_LINE = 1000          # a page collapsed to one line; a paragraph is rarely this long

# ---------------------------------------------------------------- clutter shapes
BREAK = "\n\n"          # a removed block ends a paragraph: no sentence runs across it
_NAME = r"[A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|de|da|di|du|van|von|del|der|la|le|los|las|bin|al))*"
# fixed page furniture, removed wherever it appears
FURNITURE_RES = (
    re.compile(r"Continue to [A-Z][\w ]{0,40}? SKIP AD(?: You will be redirected back to your article in seconds)?"),
    re.compile(r"(?:× )?Skip to main content"),
    re.compile(r"Dismiss News Banner(?: Breaking News)?.{0,300}? Read the full story"),
    re.compile(r"If you purchase an independently reviewed product or service through a link on our "
               r"website, [\w ]{1,40} may receive an affiliate commission\."),
    re.compile(r"\b(?:Popular on|Watch on) (?:Variety|Deadline|THR)\b"),
    re.compile(r"View this post on (?:Instagram|TikTok|X|Twitter|Facebook|YouTube)"),
    re.compile(r"\bLogo text\b"),
    re.compile(r"\bFollow Sign Up\b"),
)
# "By Ann Lee Plus Icon Ann Lee Senior Film Writer @annlee Latest ... See All": the
# name printed twice, then the job title and the writer's other stories up to the
# "View All" / "See All" link; group "by" (the byline proper) stays
BYLINE_BLOCK_RE = re.compile(
    rf"(?P<by>\bBy (?P<name>{_NAME}))(?: Plus Icon)? (?P=name)\b(?P<block>.{{0,1500}}?)\b(?:View|See) All\b", re.DOTALL
)
# the Variety "Latest" list without a closing link, or a stray "More Stories By Ann ... View All"
OTHER_STORIES_RE = re.compile(
    r"\b(?:More Stories By [A-Z][\w'’-]*|Latest in)\b.{0,1500}?\b(?:View|See) All\b", re.DOTALL)
_PART = r"[A-Z][a-z][\w'’.&+-]*"
_SLASHED = rf"{_PART}(?:/{_PART})+\b"
# photo credits: agency names, "Ann Lee/Getty Images", "Courtesy Everett Collection"
CREDIT_RES = (
    re.compile(r"\b[A-Z][\w'’.-]+ [A-Z][\w'’.-]+/Getty Images"),
    re.compile(r"\b(?:Courtesy (?:of )?)?(?:[\w'’.-]*Getty Images\w*|Everett Collection)"),
    re.compile(r"\bCourtesy Everett\b"),
)
# "… in ‘Show’ Ann Lee/Network", "Getty/Everett": slash-joined credits after a caption
SLASH_CREDIT_RE = re.compile(rf"(?:(?<=[’'”\".] ){_PART} )?{_SLASHED}(?: (?:{_PART} ){{0,2}}{_SLASHED})*")
PHOTO_AGENCY_RE = re.compile(r"\b(?:Getty|Courtesy|Everett|Shutterstock|Invision|Reuters|AP|AFP)\b")
LEAD_PHOTO_WINDOW = 600   # the lead photo's caption and credit follow the byline timestamp
# words the scraper split: "EXCLUSIV E:" -> "EXCLUSIVE:"
SPLIT_CAPS_RE = re.compile(r"\b([A-Z]{3,}) ([A-Z])(?=:)")
# where the page after the article starts: comments, "Read More About:" tag list
TAIL_MARKER_RE = re.compile(r"Loading comments\.\.\.|Read More About:|More From Our Brands")
RELATED_RE = re.compile(r"\bRelated Stories\b")
# an outlet's sign-off initials closing the page ("... the last sentence. THR")
SIGNOFF_RE = re.compile(r"(?<=[.!?\"”’)])\s+(?:THR|Variety|Deadline)\s*$")

# ---------------------------------------------------------------- headline runs
# words a Title Case headline writes in lower case (and name particles)
HEADLINE_LOWER = frozenset(
    "a an the and or but nor for of in on at to by as from with into onto over via vs vs. per up off "
    "out than de da di van von del der la le du bin al it its he she they we i you".split()
)
# tokens a headline ends with: a closing quote or bracket, ?, !, a number, "(EXCLUSIVE)", "Review"
HEADLINE_END_RE = re.compile(r"(?:[\"”’')?!]|\d|\(EXCLUSIVE\)|^Review|^EXCLUSIVE)$")
SENTENCE_STARTERS = frozenset({"The", "A", "An"})
MAX_LEAD = 6              # capitalised words a resumed sentence may start with
ABBREVIATIONS = frozenset({"bros.", "jr.", "sr.", "mr.", "mrs.", "ms.", "dr.", "st.", "inc.", "co.",
                           "corp.", "ltd.", "vs.", "no.", "u.s.", "u.k.", "jan.", "feb.", "aug.",
                           "sept.", "oct.", "nov.", "dec."})
TOKEN_RE = re.compile(r"\S+")
_CORE_RE = re.compile(r"^[^\w]*(.*?)[^\w]*$")


def _core(token: str) -> str:
    m = _CORE_RE.match(token)
    return m.group(1) if m else token


def is_prose_word(token: str) -> bool:
    """A lower-case content word: headlines (Title Case) do not have one, sentences do."""
    core = _core(token)
    return bool(core) and core[0].islower() and core.lower() not in HEADLINE_LOWER \
        and not core.startswith(("http", "www"))


def resume_after_headlines(text: str, start: int) -> int:
    """Index where prose resumes after a run of Title Case headlines starting at ``start``.

    The first lower-case content word belongs to the resumed sentence. Its
    capitalised opening words before it are walked back over until a token that
    ends a headline (closing quote, number, "Review") or "The"/"A"/"An"; of those
    openings the longest whose first word the article uses elsewhere wins (a
    sentence's subject recurs, a headline's last words rarely do).
    """
    tokens = list(TOKEN_RE.finditer(text, start))
    first = next((i for i, t in enumerate(tokens) if is_prose_word(t.group())), None)
    if first is None:
        return len(text)
    begin = first
    while begin > 0 and first - begin < MAX_LEAD:
        word = tokens[begin - 1].group()
        if HEADLINE_END_RE.search(word) or is_prose_word(word):
            break
        begin -= 1
        if word in SENTENCE_STARTERS:
            break
    if begin == first and begin > 0 and tokens[begin - 1].group().endswith("”"):
        return _quote_opening(tokens, begin)       # “A Quoted Title” opens the sentence
    elsewhere = text[:start] + " " + text[tokens[first].start():]
    for i in range(begin, first):
        core = _core(tokens[i].group())
        if core and core.lower() not in HEADLINE_LOWER and re.search(rf"(?<!\w){re.escape(core)}(?!\w)", elsewhere):
            opener = i > begin and tokens[i - 1].group() in SENTENCE_STARTERS     # "The Singapore edition"
            return tokens[i - 1 if opener else i].start()
    return tokens[begin].start()


def _quote_opening(tokens: list[re.Match[str]], end: int) -> int:
    """Start of the “…” phrase that ends just before token ``end`` (prose quotes use curly “”)."""
    for i in range(end - 1, max(end - 9, -1), -1):
        if tokens[i].group().startswith("“"):
            return tokens[i].start()
    return tokens[end].start()


def is_sentence_end(token: str) -> bool:
    """`studio.`, `said.”`: running prose ends here (not `Bros.` or a headline's `?`)."""
    if token.lower() in ABBREVIATIONS:
        return False
    return bool(re.search(r"[a-z0-9%)\]]{2}[.!?][\"”’)]*$|[a-z]{2}[,.!?]?[\"”’][.)]?$", token))


def headlines_before(text: str, end: int) -> int:
    """Start of the run of other stories' headlines that ends at ``end``.

    Walks back to the last sentence end whose sentence has prose words; the
    Title Case run after it is the page's headline list.
    """
    tokens = list(TOKEN_RE.finditer(text[:end]))
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group()
        if is_sentence_end(word) and any(is_prose_word(t.group()) for t in tokens[max(0, i - 3):i + 1]):
            return tokens[i].end()
    return end


# ---------------------------------------------------------------- block removers
def drop_related_blocks(text: str) -> str:
    """"Related Stories <headline> <headline> <the article goes on>" -> the article."""
    while m := RELATED_RE.search(text):
        resume = resume_after_headlines(text, m.end())
        text = text[:m.start()].rstrip() + BREAK + text[resume:]
    return text


def drop_tail(text: str) -> str:
    """The headline list, comments and sister-site links after the article."""
    m = TAIL_MARKER_RE.search(text)
    if m is None:
        return SIGNOFF_RE.sub("", text)
    cut = headlines_before(text, m.start())
    title_end = text.find("\n") + 1                   # the headline line is never cut
    return SIGNOFF_RE.sub("", text[:max(cut, title_end)].rstrip())


def drop_byline_block(text: str) -> str:
    """Keep "By Ann Lee"; drop the second name, job title and other-stories list."""
    text = BYLINE_BLOCK_RE.sub(lambda m: BREAK + m.group("by") + BREAK, text, count=1)
    return OTHER_STORIES_RE.sub(BREAK, text, count=1)


def drop_slash_credits(text: str) -> str:
    """Slash-joined photo credits: anywhere when they name a photo agency, else only under the lead photo."""
    stamp = BYLINE_DATE_RE.search(text[:BYLINE_WINDOW])
    lead = range(stamp.end(), stamp.end() + LEAD_PHOTO_WINDOW) if stamp else range(0)

    def credit(m: re.Match[str]) -> str:
        return BREAK if PHOTO_AGENCY_RE.search(m.group()) or m.start() in lead else m.group()
    return SLASH_CREDIT_RE.sub(credit, text)


def break_after_stamp(text: str) -> str:
    """The byline timestamp on a line of its own, so no sentence runs into it."""
    m = BYLINE_DATE_RE.search(text[:BYLINE_WINDOW])
    if m is None:
        return text
    end = m.end() + (len(tz.group()) if (tz := TIMEZONE_RE.match(text, m.end())) else 0)
    return text[:m.start()] + BREAK + text[m.start():end] + BREAK + text[end:]


def drop_repeated_title(text: str) -> str:
    """The headline (first line) printed again in the page below it."""
    first, sep, rest = text.partition("\n")
    title = first.strip()
    if not sep or len(title.split()) < 4 or title not in rest:
        return text
    return first + sep + rest.replace(title, "", 1)


# ---------------------------------------------------------------- entry points
def is_scraped_page(text: str) -> bool:
    """Page markers in a page collapsed to one long line, or two different markers anywhere.

    An ordinary article has neither, so it is left untouched.
    """
    markers = {m.group() for m in PAGE_MARKERS_RE.finditer(text)}
    if len(markers) >= 2:
        return True
    longest = max((len(line) for line in text.split("\n")), default=0)
    return bool(markers) and longest >= LONG_LINE


def clean_page(text: str) -> str:
    """The article text of a scraped page: clutter removed, the byline and its timestamp kept."""
    text = drop_byline_block(text)
    for pattern in FURNITURE_RES:
        text = pattern.sub(BREAK, text)
    text = drop_tail(text)
    text = drop_related_blocks(text)
    for pattern in CREDIT_RES:
        text = pattern.sub(BREAK, text)
    text = drop_slash_credits(text)
    text = break_after_stamp(text)
    text = SPLIT_CAPS_RE.sub(r"\1\2", text)
    text = drop_repeated_title(text)
    text = "\n".join(re.sub(r"[ \t]{2,}", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text)


# "March 8, 2026 3:50pm", "Mar 3, 2026 3:30pm PT": the byline's timestamp
BYLINE_DATE_RE = re.compile(
    r"\b(?P<month>" + "|".join(m.title() + ("|Sept" if m == "sep" else "") for m in MONTH_NUMBERS) + r")[a-z]*\.? (?P<day>\d{1,2}), "
    r"(?P<year>(?:19|20)\d\d),? (?:at )?\d{1,2}:\d\d ?(?:[ap]\.?m\.?)", re.IGNORECASE)
BYLINE_WINDOW = 4000      # the byline block sits at the top of the page
TIMEZONE_RE = re.compile(r" (?:PT|ET|CT|MT|PST|PDT|EST|EDT|GMT|BST|UTC)\b")


@dataclass(slots=True)
class PageDate:
    day: date
    text: str


def byline_date(text: str) -> PageDate | None:
    """The first date-and-time stamp near the top of a scraped page."""
    for m in BYLINE_DATE_RE.finditer(text[:BYLINE_WINDOW]):
        try:
            day = date(int(m.group("year")), month_number(m.group("month")), int(m.group("day")))
        except ValueError:
            continue
        return PageDate(day, m.group())
    return None


def byline_author(text: str) -> str | None:
    """The writer of a scraped page: the name its byline block prints twice."""
    m = BYLINE_BLOCK_RE.search(text[:BYLINE_WINDOW])
    return m.group("name") if m else None


@dataclass(slots=True)
class ScrapedPage:
    text: str
    published_on: date | None
    author: str | None


def scraped_page(text: str) -> ScrapedPage | None:
    """A scraped page's cleaned text, byline date and writer; None for an ordinary article."""
    if not is_scraped_page(text):
        return None
    stamp = byline_date(text)
    return ScrapedPage(clean_page(text), stamp.day if stamp else None, byline_author(text))
