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
from scoop.runstate import Ledger, RunSettings, RunState, WorkItem, WorkPlan, ledger_row, quarantine_row
from scoop.warehouse import WorkingCopy, parquet_is_current

log = logging.getLogger("scoop")
OWNING = ("loaded", "unchanged")


def open_run(settings: RunSettings) -> RunState:
    """The run's working copy of the published warehouse (a new file when there is none)."""
    warehouse = settings.warehouse
    # an export cut short by a killed run is redone in full by this one
    export_all = not (warehouse / "scoop.duckdb").exists() or not parquet_is_current(warehouse)
    # --full starts from the published file too: it re-reads every input and re-extracts every
    # stored article, but keeps the runs history and the articles of files gone from the raw folder
    return RunState(settings, WorkingCopy(warehouse, settings.run_id), export_all=export_all)


def _owners_from(ledger: dict[str, dict]) -> dict[str, str]:
    """source_id -> uri of the input holding it: a loaded input first, else a missing one."""
    owners: dict[str, str] = {}
    for status in (OWNING, ("missing",)):
        for uri in sorted(ledger):
            row = ledger[uri]
            if row["source_id"] and row["status"] in status:
                owners.setdefault(row["source_id"], uri)
    return owners


def _unreadable(plan: WorkPlan, run_id: str, uri: str, reason: str, prev: dict | None) -> None:
    ledger = plan.ledger
    ledger.reread_uris.add(uri)
    ledger.outcomes[uri] = ledger_row(run_id, uri, "quarantined", note=reason, previous=prev)
    ledger.quarantine.append(quarantine_row(run_id, uri, "read", reason))
    ledger.counts["quarantined"] += 1


def _stored_ledger(con) -> tuple[dict[str, dict], dict[str, dict[str, str]]]:
    """The ``inputs`` ledger by uri, and each stored article's extractor versions."""
    ledger = {r["uri"]: r for r in con.sql("SELECT * FROM inputs").pl().iter_rows(named=True)}
    extracted: dict[str, dict[str, str]] = defaultdict(dict)
    for sid, name, version in con.execute("SELECT source_id, extractor, version FROM extractions").fetchall():
        extracted[sid][name] = version
    return ledger, extracted


def plan_run(run: RunState) -> WorkPlan:
    """Hash every raw file and decide, against the ledger, what this run must do."""
    settings, con = run.settings, run.copy.con
    plan = WorkPlan()
    with plan.ledger.timed("plan"):
        ledger, extracted = _stored_ledger(con)
        plan.owners = _owners_from(ledger)
        listing = list_raw(settings.raw_dir, exclude=(settings.warehouse,))
        for path, reason in listing.skipped:
            plan.ledger.skipped.append((uri_for(path, settings.raw_dir), reason))
            log.warning("skipped %s: %s", uri_for(path, settings.raw_dir), reason)
        # a records file (.jsonl, .json) is one input per record (scoop.read_records)
        # size and mtime first: only files whose stat changed since the last run are hashed
        known = {} if settings.full else filestats.load(con)
        found_files = filestats.scan(settings.raw_dir, listing, known, plan.ledger.file_stats,
                                     trust=not settings.full)
        decide = _Decisions(settings, plan, ledger, extracted)
        for found in [*expand(found_files), *fetch_failures(settings)]:
            decide.input(found)
        decide.finish()
    return plan


class _Decisions:
    """The plan stage's per-input decisions against the stored ledger, written into ``plan``."""

    def __init__(self, settings: RunSettings, plan: WorkPlan, ledger: dict[str, dict],
                 extracted: dict[str, dict[str, str]]):
        self.settings, self.plan, self.ledger, self.extracted = settings, plan, ledger, extracted
        self.run_id, self.current = settings.run_id, settings.versions
        self.seen: set[str] = set()
        self.stale_sources: set[str] = set()
        self.kept_duplicates: list = []

    def input(self, found) -> None:
        plan, record, run_id, full = self.plan, self.plan.ledger, self.run_id, self.settings.full
        if isinstance(found, tuple):            # listed, then unreadable or gone (or a failed fetch)
            uri = found[0] if isinstance(found[0], str) else uri_for(found[0], self.settings.raw_dir)
            record.counts["read"] += 1
            self.seen.add(uri)
            _unreadable(plan, run_id, uri, found[1], self.ledger.get(uri))
            return
        raw, prev = found, self.ledger.get(found.uri)
        self.seen.add(raw.uri)
        if (reason := skip_reason(raw)) is not None:     # an extension scoop does not read
            _skip(plan, run_id, raw, reason, prev)
            return
        record.counts["read"] += 1
        same_bytes = prev is not None and prev["content_sha256"] == raw.content_sha256
        if same_bytes and not full and prev["status"] == "duplicate":
            self.kept_duplicates.append((raw, prev))      # decided once the owners are known
            return
        if same_bytes and not full and prev["status"] != "missing":
            status = "unchanged" if prev["status"] in OWNING else prev["status"]
            record.outcomes[raw.uri] = ledger_row(run_id, raw.uri, status, raw=raw, note=prev.get("note"),
                                                  previous=prev)
            record.counts[status] += 1
            sid = prev["source_id"]
            if status == "unchanged" and sid and self.extracted.get(sid) != self.current:
                self.stale_sources.add(sid)
            return
        change = "changed" if prev is not None and not same_bytes else "new"
        if prev is not None and prev["source_id"] and plan.owners.get(prev["source_id"]) == raw.uri:
            del plan.owners[prev["source_id"]]      # it may now hold another article
        record.reread_uris.add(raw.uri)
        plan.work.append(WorkItem(raw=raw, change=change, prev_source_id=prev and prev["source_id"]))

    def finish(self) -> None:
        plan, record, run_id = self.plan, self.plan.ledger, self.run_id
        # an article whose owner is gone from the raw folder goes to the next input that holds it
        plan.owners = {sid: uri for sid, uri in plan.owners.items() if uri in self.seen}
        _recheck_duplicates(plan, run_id, self.kept_duplicates)
        for uri, prev in self.ledger.items():
            if uri not in self.seen:
                record.outcomes[uri] = ledger_row(run_id, uri, "missing", note="gone from the raw folder; rows kept",
                                                  previous=prev)
                record.counts["missing"] += 1
                if self.settings.full and prev["source_id"] and prev["status"] in (*OWNING, "missing"):
                    self.stale_sources.add(prev["source_id"])     # no file to re-read: re-extract its stored body
        plan.work += [WorkItem(change="reextract", source_id=sid) for sid in sorted(self.stale_sources)]


def fetch_failures(settings: RunSettings) -> list[tuple[str, str]]:
    """Pages the web fetcher could not get (scoop.web): each is an input, quarantined with the reason."""
    from scoop.web.state import pending_failures

    return pending_failures(settings.warehouse, settings.raw_dir)


def _skip(plan: WorkPlan, run_id: str, raw, reason: str, prev: dict | None) -> None:
    """An input scoop does not read: a ``skipped`` ledger row (it holds no article) and a summary line."""
    if prev is not None and prev["source_id"] and plan.owners.get(prev["source_id"]) == raw.uri:
        del plan.owners[prev["source_id"]]
    plan.ledger.outcomes[raw.uri] = {**ledger_row(run_id, raw.uri, "skipped", raw=raw, note=reason), "source_id": None}
    plan.ledger.skipped.append((raw.uri, reason))


def _recheck_duplicates(plan: WorkPlan, run_id: str, kept: list) -> None:
    """An unchanged duplicate stays one while its owner holds the article; otherwise it is read again."""
    for raw, prev in kept:
        owner = plan.owners.get(prev["source_id"])
        if owner is not None and owner != raw.uri:
            plan.ledger.outcomes[raw.uri] = ledger_row(run_id, raw.uri, "duplicate", raw=raw,
                                                       note=f"same article as {owner}", previous=prev)
            plan.ledger.counts["duplicate"] += 1
        else:
            plan.ledger.reread_uris.add(raw.uri)
            plan.work.append(WorkItem(raw=raw, change="changed", prev_source_id=prev["source_id"]))
