"""What one ingest run knows and decides: the ``RunState`` shared by every stage, and its row builders.

Split from ``scoop.pipeline`` so the planning stage (``scoop.plan``) and the
batch stages use one definition without importing each other.
"""
from __future__ import annotations

import time
import uuid
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

import duckdb

from scoop.extract.base import Extractor
from scoop.extract.registry import versions
from scoop.extract.runner import ExtractorPool
from scoop.read import DEFAULT_MAX_BYTES, RawFile
from scoop.warehouse import WorkingCopy

ProgressHook = Callable[[int, int], None]


@dataclass(slots=True)
class WorkItem:
    """One unit of batch work: a raw file to read, or a loaded article to re-extract."""

    raw: RawFile | None = None
    change: str = "new"              # new | changed | reextract
    prev_source_id: str | None = None
    source_id: str | None = None     # for reextract


@dataclass
class RunState:
    raw_dir: Path
    warehouse: Path
    # kept for callers that pass it; uris are relative to the raw folder (scoop.read.uri_for)
    project_root: Path
    extractors: list[Extractor]
    # cross-article steps over the whole working copy after each load (people resolution)
    finalizers: list[Callable[[duckdb.DuckDBPyConnection], object]] = field(default_factory=list)
    full: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    run_id: str = field(default_factory=lambda: datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
                        + "-" + uuid.uuid4().hex[:6])
    started_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc).replace(tzinfo=None))
    work: list[WorkItem] = field(default_factory=list)
    # uri -> ledger row for this run (the inputs table after the run)
    outcomes: dict[str, dict] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    quarantine: list[dict] = field(default_factory=list)
    stage_seconds: Counter = field(default_factory=Counter)
    # article ids owned by an input present in the raw folder: source_id -> uri
    owners: dict[str, str] = field(default_factory=dict)
    written_sources: set[str] = field(default_factory=set)
    # inputs read (or failed to list) this run: their earlier quarantine rows are replaced
    reread_uris: set[str] = field(default_factory=set)
    # entries of the raw folder deliberately not ingested: (uri, reason), reported in the summary
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # things that went wrong after the data was committed (Parquet export): reported, not raised
    warnings: list[str] = field(default_factory=list)
    batches_written: int = 0
    # uri -> stat and hash of every raw file seen this run (scoop.filestats), stored at load
    file_stats: dict[str, tuple] = field(default_factory=dict)
    copy: WorkingCopy | None = None
    # extraction worker processes (1: extract in this process)
    workers: int = 1
    pool: ExtractorPool | None = None
    # a distributed extraction engine (scoop.dask_engine.DaskEngine); None: stages.process
    engine: object | None = None
    export_all: bool = False
    progress: ProgressHook | None = None

    @property
    def versions(self) -> dict[str, str]:
        return versions(self.extractors)

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.stage_seconds[stage] += time.perf_counter() - t0

    def batches(self, size: int) -> Iterator[list[WorkItem]]:
        for i in range(0, len(self.work), size):
            yield self.work[i:i + size]


def ledger_row(state: RunState, uri: str, status: str, *, raw: RawFile | None = None,
               source_id: str | None = None, note: str | None = None, encoding: str | None = None,
               previous: dict | None = None) -> dict:
    previous = previous or {}
    return {
        "uri": uri,
        "content_sha256": raw.content_sha256 if raw else previous.get("content_sha256"),
        "size_bytes": raw.size_bytes if raw else previous.get("size_bytes"),
        "status": status,
        "source_id": source_id if source_id is not None else previous.get("source_id"),
        "last_run_id": state.run_id,
        "note": note,
        "encoding": encoding if encoding is not None else previous.get("encoding"),
    }


def quarantine_row(state: RunState, uri: str, stage: str, reason: str, *, payload: str | None = None,
                   table_name: str | None = None, source_id: str | None = None) -> dict:
    return {"uri": uri, "stage": stage, "table_name": table_name, "reason": reason,
            "payload": payload, "run_id": state.run_id, "source_id": source_id}
