"""Which raw files scoop reads, and how each kind becomes an article (dispatch by extension).

    .txt .text .md, no extension   article text (scoop.clean)
    .html .htm .xhtml              a web page (scoop.read_html), then cleaned as text
    .jsonl .ndjson .json           article records, one input each (scoop.read_records)

Any other file is skipped with an ``inputs`` row that says so, unless it is empty
or binary: those are quarantined with that reason, as before.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, ContextManager

from scoop.clean import CleanArticle, clean_article
from scoop.read import RawFile, looks_binary
from scoop.read_records import LINE_EXTENSIONS, ARRAY_EXTENSIONS, NotAnArticle, parse_record, record_date

TEXT_EXTENSIONS = ("", ".txt", ".text", ".md")
HTML_EXTENSIONS = (".html", ".htm", ".xhtml")
READ_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + LINE_EXTENSIONS + ARRAY_EXTENSIONS
MIN_PAGE_WORDS = 5
Timer = Callable[[str], ContextManager]

__all__ = ["NotAnArticle", "READ_EXTENSIONS", "skip_reason", "to_article"]


def _suffix(path: Path) -> str:
    return path.suffix.lower() if path.suffix[1:].isalnum() else ""


def skip_reason(raw: RawFile) -> str | None:
    """Why scoop does not read this file (its extension), or None when it reads it.

    An empty or binary file of any extension is read, so it is quarantined with its reason.
    """
    suffix = _suffix(raw.path)
    if raw.record is not None or suffix in READ_EXTENSIONS:
        return None
    try:
        with raw.path.open("rb") as fh:
            head = fh.read(8192)
    except OSError:
        return None                   # read_raw says why
    if not head.strip() or looks_binary(head):
        return None
    known = " ".join(e for e in READ_EXTENSIONS if e)
    return f"scoop does not read {suffix} files (it reads {known} and files without an extension)"


def as_raw_text(title: str | None, published_on, text: str) -> str:
    """Fields and text in scoop's raw-text shape: ``date YYYY-MM-DD Title``, a blank line, the text."""
    text = text.strip()
    if title and text.startswith(title):
        text = text[len(title):].lstrip()
    header = f"date {published_on.isoformat()} " if published_on else ""
    if title:
        return f"{header}{title}\n\n{text}"
    return f"{header}\n{text}" if header else text


def _with_meta(article: CleanArticle, *, title=None, author=None, publisher=None) -> CleanArticle:
    article.title = title or article.title
    article.author = author or article.author
    article.publisher = publisher or article.publisher
    return article


def _page(html: str, url: str | None, timed: Timer):
    from scoop.read_html import extract_page, warm_up

    with timed("html:warm-up"):     # once per process: trafilatura/htmldate imports and first-use set-up
        warm_up()
    with timed("html"):
        page = extract_page(html, url=url)
    if len(page.text.split()) < MIN_PAGE_WORDS:          # a menu word or two is not an article
        raise NotAnArticle("no article text found in the page (trafilatura found no main text)")
    return page


def _from_html(text: str, timed: Timer) -> tuple[CleanArticle, str | None]:
    page = _page(text, None, timed)
    with timed("clean"):
        article = clean_article(as_raw_text(page.title, page.published_on, page.text))
    return _with_meta(article, title=page.title, author=page.author, publisher=page.publisher), page.url


def _from_record(text: str, timed: Timer) -> tuple[CleanArticle, str | None]:
    with timed("records"):
        record = parse_record(text)
        day = record_date(record.published)
    title, author, publisher, url, body = record.title, record.author, record.publisher, record.url, record.text
    if not body:
        page = _page(record.html, record.url, timed)
        title, author = title or page.title, author or page.author
        publisher, url, body = publisher or page.publisher, url or page.url, page.text
        day = day or page.published_on
    with timed("clean"):
        article = clean_article(as_raw_text(title, day, body))
    return _with_meta(article, title=title, author=author, publisher=publisher), url


def to_article(raw: RawFile, text: str, timed: Timer) -> tuple[CleanArticle, str | None]:
    """The article an input holds and its URL when known; ``NotAnArticle`` says why there is none."""
    if raw.record is not None or _suffix(raw.path) in LINE_EXTENSIONS + ARRAY_EXTENSIONS:
        return _from_record(text, timed)
    if _suffix(raw.path) in HTML_EXTENSIONS:
        return _from_html(text, timed)
    with timed("clean"):
        return clean_article(text), None
