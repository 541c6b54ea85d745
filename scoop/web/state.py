"""What the fetcher remembers between runs: ``<warehouse>/sources_state.json``.

Per source (feed or page): last fetch, status and reason, item count, ETag and
Last-Modified (conditional GET). Per page: the feed item version it was fetched
at, so an item listed again is not refetched. Per failed page that has no
snapshot: the reason, which every run reports as a quarantined input (its uri is
the snapshot path it would have had), until a fetch succeeds.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from scoop.read import uri_for

STATE_NAME = "sources_state.json"


@dataclass
class FetchState:
    raw_dir: str = ""
    sources: dict[str, dict] = field(default_factory=dict)     # source url -> status, etag, items, ...
    pages: dict[str, dict] = field(default_factory=dict)       # page url -> version, snapshot, etag, ...
    failures: dict[str, dict] = field(default_factory=dict)    # snapshot path in raw -> url, reason


def state_path(warehouse: Path) -> Path:
    return Path(warehouse) / STATE_NAME


def load_state(warehouse: Path, raw_dir: Path | None = None) -> FetchState:
    """The saved state; empty when there is none (or it is unreadable: the next refresh rebuilds it)."""
    try:
        data = json.loads(state_path(warehouse).read_text(encoding="utf-8"))
        state = FetchState(raw_dir=data.get("raw_dir", ""), sources=data.get("sources", {}),
                           pages=data.get("pages", {}), failures=data.get("failures", {}))
    except (OSError, ValueError, AttributeError):
        state = FetchState()
    if raw_dir is not None and state.raw_dir != os.path.abspath(raw_dir):
        # another raw folder: its snapshots and failures are not this one's
        state = FetchState(sources=state.sources)
    return state


def save_state(warehouse: Path, state: FetchState, raw_dir: Path) -> None:
    """Written atomically (temporary file, then rename)."""
    state.raw_dir = os.path.abspath(raw_dir)
    path = state_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{STATE_NAME}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(state.__dict__, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def pending_failures(warehouse: Path, raw_dir: Path) -> list[tuple[str, str]]:
    """(input uri, reason) for each page whose fetch failed and that has no snapshot in ``raw_dir``."""
    if not state_path(warehouse).exists():
        return []
    state = load_state(warehouse, raw_dir)
    found = []
    for rel, failure in sorted(state.failures.items()):
        path = Path(raw_dir) / rel
        if not path.exists():
            found.append((uri_for(path, raw_dir), f"{failure['url']}: {failure['reason']}"))
    return found
