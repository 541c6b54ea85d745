"""The plan stage: list and hash the raw folder, compare with the ``inputs`` ledger, decide the work.

Every file path in the raw folder is its own input (a link and its target are
two), identified by its uri relative to the raw folder. An article belongs to
the first input present that holds it; every other input holding it is a
``duplicate`` naming that owner. When the owner goes (deleted, renamed, edited
into another article), the next input holding the article takes it over, so
``sources.uri`` always names a file that holds the article.
"""
from __future__ import annotations

import logging
from collections import defaultdict

from scoop import filestats
from scoop.read import list_raw, uri_for
from scoop.read_formats import skip_reason
from scoop.read_records import expand
from scoop.runstate import RunState, WorkItem, ledger_row, quarantine_row
from scoop.warehouse import WorkingCopy, parquet_is_current

log = logging.getLogger("scoop")
OWNING = ("loaded", "unchanged")


def open_run(state: RunState) -> None:
    # an export cut short by a killed run is redone in full by this one
    state.export_all = not (state.warehouse / "scoop.duckdb").exists() or not parquet_is_current(state.warehouse)
    # --full starts from the published file too: it re-reads every input and re-extracts every
    # stored article, but keeps the runs history and the articles of files gone from the raw folder
    state.copy = WorkingCopy(state.warehouse, state.run_id)


def _owners_from(ledger: dict[str, dict]) -> dict[str, str]:
    """source_id -> uri of the input holding it: a loaded input first, else a missing one."""
    owners: dict[str, str] = {}
    for status in (OWNING, ("missing",)):
        for uri in sorted(ledger):
            row = ledger[uri]
            if row["source_id"] and row["status"] in status:
                owners.setdefault(row["source_id"], uri)
    return owners


def _unreadable(state: RunState, uri: str, reason: str, prev: dict | None) -> None:
    state.reread_uris.add(uri)
    state.outcomes[uri] = ledger_row(state, uri, "quarantined", note=reason, previous=prev)
    state.quarantine.append(quarantine_row(state, uri, "read", reason))
    state.counts["quarantined"] += 1


def plan_run(state: RunState) -> RunState:
    """Hash every raw file and decide, against the ledger, what this run must do."""
    con = state.copy.con
    with state.timed("plan"):
        ledger = {r["uri"]: r for r in con.sql("SELECT * FROM inputs").pl().iter_rows(named=True)}
        current = state.versions
        extracted: dict[str, dict[str, str]] = defaultdict(dict)
        for sid, name, version in con.execute("SELECT source_id, extractor, version FROM extractions").fetchall():
            extracted[sid][name] = version
        state.owners = _owners_from(ledger)

        listing = list_raw(state.raw_dir, exclude=(state.warehouse,))
        for path, reason in listing.skipped:
            state.skipped.append((uri_for(path, state.raw_dir), reason))
            log.warning("skipped %s: %s", uri_for(path, state.raw_dir), reason)
        seen: set[str] = set()
        stale_sources: set[str] = set()
        kept_duplicates = []
        # a records file (.jsonl, .json) is one input per record (scoop.read_records)
        # size and mtime first: only files whose stat changed since the last run are hashed
        known = {} if state.full else filestats.load(con)
        found_files = filestats.scan(state.raw_dir, listing, known, state.file_stats, trust=not state.full)
        for found in [*expand(found_files), *fetch_failures(state)]:
            if isinstance(found, tuple):            # listed, then unreadable or gone (or a failed fetch)
                uri = found[0] if isinstance(found[0], str) else uri_for(found[0], state.raw_dir)
                state.counts["read"] += 1
                seen.add(uri)
                _unreadable(state, uri, found[1], ledger.get(uri))
                continue
            raw, prev = found, ledger.get(found.uri)
            seen.add(raw.uri)
            if (reason := skip_reason(raw)) is not None:     # an extension scoop does not read
                _skip(state, raw, reason, prev)
                continue
            state.counts["read"] += 1
            same_bytes = prev is not None and prev["content_sha256"] == raw.content_sha256
            if same_bytes and not state.full and prev["status"] == "duplicate":
                kept_duplicates.append((raw, prev))      # decided once the owners are known
                continue
            if same_bytes and not state.full and prev["status"] != "missing":
                status = "unchanged" if prev["status"] in OWNING else prev["status"]
                state.outcomes[raw.uri] = ledger_row(state, raw.uri, status, raw=raw, note=prev.get("note"),
                                                     previous=prev)
                state.counts[status] += 1
                sid = prev["source_id"]
                if status == "unchanged" and sid and extracted.get(sid) != current:
                    stale_sources.add(sid)
                continue
            change = "changed" if prev is not None and not same_bytes else "new"
            if prev is not None and prev["source_id"] and state.owners.get(prev["source_id"]) == raw.uri:
                del state.owners[prev["source_id"]]      # it may now hold another article
            state.reread_uris.add(raw.uri)
            state.work.append(WorkItem(raw=raw, change=change, prev_source_id=prev and prev["source_id"]))

        # an article whose owner is gone from the raw folder goes to the next input that holds it
        state.owners = {sid: uri for sid, uri in state.owners.items() if uri in seen}
        _recheck_duplicates(state, kept_duplicates)
        for uri, prev in ledger.items():
            if uri not in seen:
                state.outcomes[uri] = ledger_row(state, uri, "missing", note="gone from the raw folder; rows kept",
                                                 previous=prev)
                state.counts["missing"] += 1
                if state.full and prev["source_id"] and prev["status"] in (*OWNING, "missing"):
                    stale_sources.add(prev["source_id"])     # no file to re-read: re-extract its stored body
        state.work += [WorkItem(change="reextract", source_id=sid) for sid in sorted(stale_sources)]
    return state


def fetch_failures(state: RunState) -> list[tuple[str, str]]:
    """Pages the web fetcher could not get (scoop.web): each is an input, quarantined with the reason."""
    from scoop.web.state import pending_failures

    return pending_failures(state.warehouse, state.raw_dir)


def _skip(state: RunState, raw, reason: str, prev: dict | None) -> None:
    """An input scoop does not read: a ``skipped`` ledger row (it holds no article) and a summary line."""
    if prev is not None and prev["source_id"] and state.owners.get(prev["source_id"]) == raw.uri:
        del state.owners[prev["source_id"]]
    state.outcomes[raw.uri] = {**ledger_row(state, raw.uri, "skipped", raw=raw, note=reason), "source_id": None}
    state.skipped.append((raw.uri, reason))


def _recheck_duplicates(state: RunState, kept: list) -> None:
    """An unchanged duplicate stays one while its owner holds the article; otherwise it is read again."""
    for raw, prev in kept:
        owner = state.owners.get(prev["source_id"])
        if owner is not None and owner != raw.uri:
            state.outcomes[raw.uri] = ledger_row(state, raw.uri, "duplicate", raw=raw,
                                                 note=f"same article as {owner}", previous=prev)
            state.counts["duplicate"] += 1
        else:
            state.reread_uris.add(raw.uri)
            state.work.append(WorkItem(raw=raw, change="changed", prev_source_id=prev["source_id"]))
