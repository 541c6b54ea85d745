"""A feed's items (feedparser): RSS 0.9x/1.0/2.0 and Atom, duplicates dropped, links made absolute."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit


class FeedError(ValueError):
    """Not a usable feed; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Item:
    key: str          # the item's id (guid), else its link
    url: str
    version: str      # its updated (else published) date as written: a change means the article changed
    title: str = ""


@dataclass(slots=True)
class Feed:
    title: str = ""
    items: list[Item] = field(default_factory=list)
    duplicates: int = 0       # items listed twice (same id or link), ignored
    without_link: int = 0     # items with no http(s) link, ignored
    warning: str | None = None

    def notes(self) -> str | None:
        parts = [self.warning] if self.warning else []
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate item(s) ignored")
        if self.without_link:
            parts.append(f"{self.without_link} item(s) without a link ignored")
        return "; ".join(parts) or None


def _problem(parsed) -> str:
    exc = parsed.get("bozo_exception")
    text = " ".join(str(exc or "").split())[:160]
    return f"{type(exc).__name__}: {text}" if exc else "unknown problem"


def parse_feed(content: bytes, base_url: str) -> Feed:
    """The items of a feed document; ``FeedError`` when it is malformed or not a feed at all."""
    import feedparser

    parsed = feedparser.parse(content, response_headers={"content-location": base_url})
    if not parsed.get("version") and not parsed.entries:
        if parsed.get("bozo"):
            raise FeedError(f"malformed feed: {_problem(parsed)}")
        raise FeedError("not an RSS or Atom feed (no channel or feed element)")
    feed = Feed(title=" ".join(parsed.feed.get("title", "").split()))
    if parsed.get("bozo"):
        feed.warning = f"feed is not well-formed ({_problem(parsed)}); its readable items were used"
    seen: set[str] = set()
    for entry in parsed.entries:
        link = urljoin(base_url, entry.get("link", "").strip())
        if urlsplit(link).scheme not in ("http", "https") or not entry.get("link"):
            feed.without_link += 1
            continue
        key = entry.get("id") or link
        if key in seen or link in seen:
            feed.duplicates += 1
            continue
        seen.update((key, link))
        version = dict.get(entry, "updated") or dict.get(entry, "published") or ""
        feed.items.append(Item(key=key, url=link, version=version, title=" ".join(entry.get("title", "").split())))
    if parsed.get("bozo") and not feed.items:
        raise FeedError(f"malformed feed with no readable items: {_problem(parsed)}")
    return feed
