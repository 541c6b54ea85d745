"""``sources.toml``: the feeds and article pages to fetch, and the fetcher's politeness settings.

    [fetch]
    contact = "you@example.com"   # goes into the User-Agent
    rate_limit = 1.0              # requests per second per host
    ...

    [[feed]]
    url = "https://example.com/tv/feed.xml"

    [[page]]
    url = "https://example.com/2026/03/one-article"

``scoop sources add`` / ``remove`` rewrite the file in this shape (comments are not kept).
"""
from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from urllib.parse import urlsplit

# a URL that names a feed rather than an article (used when `sources add` is not told which)
_FEED_HINTS = ("rss", "atom", "feed", ".xml")


class SourcesError(ValueError):
    """sources.toml cannot be read or changed as asked; the message says why in one line."""


@dataclass
class FetchSettings:
    contact: str = ""                  # an e-mail or URL where a site owner can reach you
    rate_limit: float = 1.0            # requests per second to one host
    connect_timeout: float = 10.0      # seconds
    read_timeout: float = 30.0         # seconds between bytes
    retries: int = 3                   # extra attempts on 5xx, 429 and timeouts
    backoff: float = 1.0               # first wait before a retry, doubled each time (seconds)
    max_bytes: int = 5_000_000         # a larger page or feed is refused
    max_redirects: int = 5
    proxy: str = ""                    # e.g. http://proxy:3128; environment proxies are not used

    def check(self) -> None:
        if self.rate_limit <= 0 or self.connect_timeout <= 0 or self.read_timeout <= 0:
            raise SourcesError("[fetch] rate_limit and the timeouts must be above 0")
        if self.retries < 0 or self.backoff < 0 or self.max_bytes < 1 or self.max_redirects < 0:
            raise SourcesError("[fetch] retries, backoff and max_redirects must be at least 0, max_bytes at least 1")


@dataclass
class Sources:
    feeds: list[str] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    settings: FetchSettings = field(default_factory=FetchSettings)

    def __len__(self) -> int:
        return len(self.feeds) + len(self.pages)


def check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourcesError(f"{url!r} is not an http:// or https:// URL")
    return url


def _urls(data: dict, key: str, path: Path) -> list[str]:
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise SourcesError(f"{path}: [[{key}]] must be a list of tables with a url")
    urls = []
    for entry in entries:
        url = entry.get("url") if isinstance(entry, dict) else entry
        if not isinstance(url, str):
            raise SourcesError(f"{path}: every [[{key}]] needs url = \"https://...\"")
        urls.append(check_url(url))
    return urls


def _settings(data: dict, path: Path) -> FetchSettings:
    raw = data.get("fetch", {})
    known = {f.name: f.type for f in fields(FetchSettings)}
    if unknown := sorted(set(raw) - set(known)):
        raise SourcesError(f"{path}: unknown [fetch] setting {unknown[0]!r} (known: {', '.join(known)})")
    settings = FetchSettings()
    for name, value in raw.items():
        default = getattr(settings, name)
        if isinstance(default, bool) or not isinstance(value, (type(default), int if isinstance(default, float)
                                                              else type(default))):
            raise SourcesError(f"{path}: [fetch] {name} must be a {type(default).__name__}, not {value!r}")
        setattr(settings, name, type(default)(value))
    settings.check()
    return settings


def load_sources(path: Path) -> Sources:
    """The sources file; a missing file is an empty list of sources."""
    path = Path(path)
    if not path.exists():
        return Sources()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{path} is not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SourcesError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    return Sources(feeds=_urls(data, "feed", path), pages=_urls(data, "page", path),
                   settings=_settings(data, path))


def _toml_value(value) -> str:
    if isinstance(value, str):
        return json.dumps(value)        # a JSON string is a valid TOML basic string
    return repr(value)


def dump_sources(sources: Sources) -> str:
    lines = ["# scoop sources: RSS/Atom feeds and single article pages (README: Web sources).",
             "# `scoop sources add URL` / `scoop sources remove URL` rewrite this file.", "", "[fetch]"]
    defaults = FetchSettings()
    for f in fields(FetchSettings):
        value = getattr(sources.settings, f.name)
        prefix = "" if value != getattr(defaults, f.name) or f.name == "contact" else "# "
        lines.append(f"{prefix}{f.name} = {_toml_value(value)}")
    for kind, urls in (("feed", sources.feeds), ("page", sources.pages)):
        for url in urls:
            lines += ["", f"[[{kind}]]", f"url = {_toml_value(url)}"]
    return "\n".join(lines) + "\n"


def save_sources(path: Path, sources: Sources) -> None:
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(dump_sources(sources), encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise SourcesError(f"cannot write {path}: {exc.strerror or exc}") from None


def guess_kind(url: str) -> str:
    lowered = urlsplit(url).path.lower() + "?" + urlsplit(url).query.lower()
    return "feed" if any(h in lowered for h in _FEED_HINTS) else "page"


def add_source(path: Path, url: str, kind: str | None = None) -> tuple[str, bool]:
    """Add ``url`` as a feed or page (guessed from the URL when ``kind`` is None); (kind, added)."""
    url = check_url(url)
    sources = load_sources(path)
    if url in sources.feeds or url in sources.pages:
        return ("feed" if url in sources.feeds else "page"), False
    kind = kind or guess_kind(url)
    (sources.feeds if kind == "feed" else sources.pages).append(url)
    save_sources(path, sources)
    return kind, True


def remove_source(path: Path, url: str) -> str:
    """Remove ``url``; returns the kind it had. ``SourcesError`` when it is not listed."""
    sources = load_sources(path)
    url = url.strip()
    for kind, urls in (("feed", sources.feeds), ("page", sources.pages)):
        if url in urls:
            urls.remove(url)
            save_sources(path, sources)
            return kind
    raise SourcesError(f"{url} is not in {path} (see `scoop sources list`)")
