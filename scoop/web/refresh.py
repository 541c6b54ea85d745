"""One refresh of the web sources: every feed's new items and every listed page, into raw snapshots.

A feed item listed before is not fetched again unless the feed gives it a new
updated date (the article changed). A listed page is fetched every time with a
conditional GET (ETag / Last-Modified), so an unchanged page costs a 304. A feed
that fails (HTTP error, timeout, DNS, malformed) keeps its last good state: its
ETag, items and snapshots stay, and its status says why. A page that fails and
has no snapshot yet becomes a quarantined input of the next ingest
(``scoop.web.state.pending_failures``); one that has a snapshot keeps it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from scoop.web.config import load_sources
from scoop.web.feeds import FeedError, parse_feed
from scoop.web.fetcher import FEED_TYPES, PAGE_TYPES, Fetcher, FetchError
from scoop.web.snapshots import snapshot_path, write_snapshot
from scoop.web.state import FetchState, load_state, save_state


@dataclass
class Refresh:
    """What one refresh did: counts, and one line per source."""

    fetched: int = 0          # pages stored new or changed
    unchanged: int = 0        # pages fetched with the same bytes, or 304
    failed: int = 0           # pages that could not be fetched
    sources_failed: int = 0
    lines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class Refresher:
    def __init__(self, raw_dir: Path, state: FetchState, fetcher: Fetcher):
        self.raw_dir, self.state, self.fetcher = Path(raw_dir), state, fetcher
        self.result = Refresh()

    def _rel(self, url: str) -> str:
        return os.path.relpath(snapshot_path(self.raw_dir, url), self.raw_dir)

    def page(self, url: str, *, conditional: bool, version: str = "") -> str:
        """Fetch one article page into its snapshot: ``new``, ``changed``, ``unchanged`` or ``failed: reason``."""
        known = self.state.pages.get(url, {})
        rel = self._rel(url)
        has_snapshot = (self.raw_dir / rel).exists()
        try:
            fetched = self.fetcher.get(url, accept=PAGE_TYPES, etag=known.get("etag") if conditional else None,
                                       last_modified=known.get("last_modified") if conditional else None)
            if fetched.not_modified and has_snapshot:
                outcome = "unchanged"
            else:
                _path, changed = write_snapshot(self.raw_dir, url, fetched.content, fetched.charset)
                outcome = ("changed" if has_snapshot else "new") if changed else "unchanged"
                known = {"etag": fetched.etag, "last_modified": fetched.last_modified}
        except FetchError as exc:
            self.result.failed += 1
            self.state.pages[url] = {**known, "version": version if exc.permanent else known.get("version"),
                                     "snapshot": rel, "status": f"failed: {exc.reason}", "fetched": _now()}
            if not has_snapshot:       # nothing good to keep: the failure is an input, quarantined
                self.state.failures[rel] = {"url": url, "reason": exc.reason}
            return f"failed: {exc.reason}"
        self.state.failures.pop(rel, None)
        self.state.pages[url] = {**known, "version": version, "snapshot": rel, "status": outcome, "fetched": _now()}
        if outcome == "unchanged":
            self.result.unchanged += 1
        else:
            self.result.fetched += 1
        return outcome

    def feed(self, url: str) -> None:
        source = self.state.sources.setdefault(url, {"kind": "feed", "items": 0})
        source.update(kind="feed", last_fetch=_now())
        try:
            fetched = self.fetcher.get(url, accept=FEED_TYPES, etag=source.get("etag"),
                                       last_modified=source.get("last_modified"))
            if fetched.not_modified:
                source.update(status="not modified", reason=None)
                self.result.lines.append(f"feed {url}: not modified (HTTP 304)")
                return
            feed = parse_feed(fetched.content, fetched.url)
        except (FetchError, FeedError) as exc:        # the last good state (ETag, items) stays
            self._source_failed(source, url, "feed", str(exc))
            return
        done = {"new": 0, "changed": 0, "unchanged": 0, "failed": 0, "skipped": 0}
        for item in feed.items:
            known = self.state.pages.get(item.url)
            if known is not None and known.get("version") == item.version:
                done["skipped"] += 1          # listed before, not updated since: not fetched again
                continue
            outcome = self.page(item.url, conditional=False, version=item.version)
            done[outcome.split(":")[0]] += 1
        source.update(status="ok", reason=feed.notes(), items=len(feed.items), etag=fetched.etag,
                      last_modified=fetched.last_modified, last_good=source["last_fetch"])
        line = (f"feed {url}: {len(feed.items)} items, {done['new']} new, {done['changed']} updated, "
                f"{done['failed']} failed, {done['skipped'] + done['unchanged']} already fetched")
        self.result.lines.append(line + (f" ({feed.notes()})" if feed.notes() else ""))
        if done["failed"]:
            self.result.warnings.append(f"feed {url}: {done['failed']} item page(s) could not be fetched "
                                        "(see `scoop status`)")

    def single_page(self, url: str) -> None:
        source = self.state.sources.setdefault(url, {"kind": "page", "items": 0})
        source.update(kind="page", last_fetch=_now())
        outcome = self.page(url, conditional=True, version=self.state.pages.get(url, {}).get("version", ""))
        if outcome.startswith("failed"):
            self._source_failed(source, url, "page", outcome[len("failed: "):])
            return
        source.update(status="ok", reason=None, items=1, last_good=source["last_fetch"])
        self.result.lines.append(f"page {url}: {outcome}")

    def _source_failed(self, source: dict, url: str, kind: str, reason: str) -> None:
        source.update(status="failed", reason=reason)
        self.result.sources_failed += 1
        kept = " (keeps its last good state)" if source.get("last_good") else ""
        self.result.warnings.append(f"{kind} {url} failed: {reason}{kept}")


def refresh(sources_file: Path, raw_dir: Path, warehouse: Path, *, fetcher: Fetcher | None = None) -> Refresh:
    """Fetch every source in ``sources_file`` into ``raw_dir``; the state is saved in ``warehouse``.

    ``SourcesError`` when the sources file is unreadable; any single source's failure is in the result.
    """
    sources = load_sources(sources_file)
    if not len(sources):
        return Refresh()
    Path(raw_dir).mkdir(parents=True, exist_ok=True)
    state = load_state(warehouse, raw_dir)
    own = fetcher is None
    fetcher = fetcher or Fetcher(sources.settings)
    refresher = Refresher(raw_dir, state, fetcher)
    try:
        for url in sources.feeds:
            refresher.feed(url)
        for url in sources.pages:
            refresher.single_page(url)
    finally:
        if own:
            fetcher.__exit__(None, None, None)
        save_state(warehouse, state, raw_dir)
    return refresher.result
