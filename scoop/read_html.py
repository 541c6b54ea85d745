"""A web page (HTML) -> the article: main text, title, author, publication date, site name and URL.

trafilatura finds the main text (navigation, related-story blocks, comments,
scripts and styles removed) and the metadata (``<meta>``, JSON-LD, bylines);
htmldate, called by trafilatura, finds the publication date (the original date,
not the last update; its slow extensive search is off so a page costs ~15 ms).

Pure: page text in, fields out. ``scoop.read_formats`` then writes the page in the
text shape scoop's cleaner reads (``date YYYY-MM-DD Title`` header, then the
paragraphs), so an HTML article is cleaned like any other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

# where scoop's fetcher (scoop/web/snapshots.py) records the page's URL in a snapshot
SNAPSHOT_URL_RE = re.compile(r"\A\s*<!--\s*scoop-url:\s*(?P<url>\S+)\s*-->")
# the "Mark of the Web" browsers write into a saved page: <!-- saved from url=(0042)https://... -->
SAVED_FROM_RE = re.compile(r"<!--\s*saved from url=\(\d+\)(?P<url>\S+?)\s*-->", re.IGNORECASE)
_TITLE_SEPARATORS_RE = re.compile(r"\s+(?:[|–—•·]|-|::)\s+")
_SPACES_RE = re.compile(r"\s+")
# "Jack Mirkinson Jack Mirkinson is an editor ...": a byline box that repeats the name, then a bio
_BIO_RE = re.compile(r"\s+(?:is|was|has|writes|covers)\s+(?:an?|the)?\b.*$", re.IGNORECASE)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


@dataclass(slots=True)
class HtmlPage:
    text: str                      # the main text, one paragraph per line
    title: str | None = None
    author: str | None = None
    published_on: date | None = None
    publisher: str | None = None   # the site name
    url: str | None = None


def page_url(html: str) -> str | None:
    """The URL a saved page came from: scoop's snapshot comment or a browser's "saved from" comment."""
    head = html[:2048]
    if m := SNAPSHOT_URL_RE.match(head):
        return m.group("url")
    if m := SAVED_FROM_RE.search(head):
        return m.group("url")
    return None


def _meta_values_as_content(tree) -> None:
    """``<meta name=... value=...>`` (pages saved by some readers/archivers) read as ``content``."""
    for meta in tree.iter("meta"):
        if meta.get("content") in (None, "") and meta.get("value"):
            meta.set("content", meta.get("value"))


def _canonical_url(tree) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content',
                  '//meta[@name="og:url"]/@content'):
        found = [u.strip() for u in tree.xpath(xpath) if u.strip().startswith(("http://", "https://"))]
        if found:
            return found[0]
    return None


def _one_line(text: str | None) -> str | None:
    if not text:
        return None
    return _SPACES_RE.sub(" ", text).strip() or None


def clean_title(title: str | None, site: str | None) -> str | None:
    """The headline without the site name a ``<title>`` appends ("Headline | Site", "Headline - Site")."""
    title = _one_line(title)
    if not title:
        return None
    separators = list(_TITLE_SEPARATORS_RE.finditer(title))
    if separators:
        last = separators[-1]
        tail = title[last.end():].casefold()
        named = site and (tail in site.casefold() or site.casefold() in tail)
        if named or len(tail.split()) <= 4:
            title = title[:last.start()]
    return title.strip() or None


def clean_author(author: str | None) -> str | None:
    """One byline: no bio after it, no name printed twice, at most a few names."""
    author = _one_line(author)
    if not author:
        return None
    author = _BIO_RE.sub("", author).strip(" ,;|")
    words = author.split()
    for size in range(1, len(words) // 2 + 1):       # "Jack Mirkinson Jack Mirkinson" -> "Jack Mirkinson"
        if len(words) == 2 * size and words[:size] == words[size:]:
            author = " ".join(words[:size])
            break
    if len(author.split()) > 12 or not any(c.isalpha() for c in author):
        return None
    return author


def _norm(text: str | None) -> str:
    return _SPACES_RE.sub(" ", (text or "").translate(_QUOTES)).strip().casefold()


def choose_title(tree, site: str | None, fallback: str | None) -> str | None:
    """The headline two of the page's title sources agree on (og:title, ``<title>``, ``<h1>``).

    Sites put a teaser in og:title, a short kicker in ``<h1>`` or an SEO title in ``<title>``;
    when two of them agree, that is the headline. Else trafilatura's choice.
    """
    og = next((_one_line(t) for t in tree.xpath('//meta[@property="og:title" or @name="og:title"]/@content')
               if _one_line(t)), None)
    page_title = clean_title(next(iter(tree.xpath("//head/title//text()")), None), site)
    h1s = {_norm(h.text_content()) for h in tree.xpath("//h1")[:5]}
    if og and _norm(og) in h1s | {_norm(page_title)}:
        return clean_title(og, site)
    if page_title and _norm(page_title) in h1s:
        return page_title
    return clean_title(fallback, site) or page_title or og


def _site_name(name: str | None) -> str | None:
    name = _one_line(name)
    return None if not name or name.startswith(("http://", "https://", "www.")) else name


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


_WARM = False
_WARM_PAGE = ("<html><head><title>Warm-up page</title><meta name='author' content='A Writer'>"
              "<meta property='article:published_time' content='2025-01-02'></head><body><article>"
              "<p>This page only warms up the extractor before the first real page is timed.</p>"
              "<p>Published January 2, 2025. By A Writer.</p></article></body></html>")


def warm_up() -> None:
    """Import trafilatura and htmldate and run them once, so the first page costs what any page costs."""
    global _WARM
    if not _WARM:
        _WARM = True
        extract_page(_WARM_PAGE)


def extract_page(html: str, *, url: str | None = None) -> HtmlPage:
    """Main text and metadata of one page; ``text`` is empty when the page has no article text."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    url = url or page_url(html)
    tree = load_html(html)
    if tree is None:
        return HtmlPage(text="", url=url)
    _meta_values_as_content(tree)
    url = url or _canonical_url(tree)
    doc = bare_extraction(tree, url=url, fast=True, with_metadata=True, include_comments=False,
                          include_tables=False, include_images=False, include_links=False,
                          date_extraction_params=dict(_DATE_PARAMS, max_date=date.today().isoformat()))
    if doc is None:
        return HtmlPage(text="", url=url)
    site = _site_name(doc.sitename)
    return HtmlPage(text=doc.text or "", title=choose_title(tree, site, doc.title), author=clean_author(doc.author),
                    published_on=_date(doc.date), publisher=site, url=url or doc.url)

