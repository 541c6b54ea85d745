"""What one ingest run is given, decides, produces and records, as separate values.

- ``RunSettings``: what the caller asked for (folders, extractors, limits); never changes.
- ``WorkPlan``: what the plan stage returns, the work list and who owns which article.
- ``Ledger``: what the run records for the ``inputs``, ``quarantine`` and ``runs`` tables
  (outcomes, counts, quarantine rows, stage seconds); each stage returns its own, merged in order.
- ``BatchResult``: what the batch stage returns, its ledger, the articles it staged and the
  articles it claimed.
- ``RunState``: the run in progress, owned by the sequencer (``scoop.pipeline.execute``):
  the settings, the working copy and the plan, with every stage's result absorbed in order.

Split from ``scoop.pipeline`` so the planning stage (``scoop.plan``) and the batch stages use one
definition without importing each other.
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
import polars as pl

from scoop import defaults
from scoop.contract import polars_schema
from scoop.extract.base import Extractor
from scoop.extract.registry import versions
from scoop.extract.runner import ExtractorPool
from scoop.filestats import SCHEMA as FILE_STATS_SCHEMA
from scoop.read import RawFile
from scoop.warehouse import WorkingCopy

ProgressHook = Callable[[int, int], None]


def _new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def _utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


@dataclass(slots=True)
class WorkItem:
    """One unit of batch work: a raw file to read, or a loaded article to re-extract."""

    raw: RawFile | None = None
    change: str = "new"              # new | changed | reextract
    prev_source_id: str | None = None
    source_id: str | None = None     # for reextract


INPUTS_SCHEMA = polars_schema("inputs")
_WORK_SCHEMA = {"path": pl.Utf8, "uri": pl.Utf8, "size_bytes": pl.Int64, "content_sha256": pl.Utf8,
                "record": pl.Int64, "offset": pl.Int64, "length": pl.Int64, "payload": pl.Binary,
                "change": pl.Utf8, "prev_source_id": pl.Utf8, "source_id": pl.Utf8}


def _work_row(item: WorkItem) -> tuple:
    raw = item.raw
    file = (str(raw.path), raw.uri, raw.size_bytes, raw.content_sha256, raw.record, raw.offset, raw.length,
            raw.payload) if raw is not None else (None,) * 8
    return (*file, item.change, item.prev_source_id, item.source_id)


def _work_item(row: tuple) -> WorkItem:
    path, uri, size, sha, record, offset, length, payload, change, prev_source_id, source_id = row
    raw = RawFile(Path(path), uri, size, sha, record, offset, length, payload) if uri is not None else None
    return WorkItem(raw, change, prev_source_id, source_id)


class _FrameLog:
    """Rows added one at a time, kept as Polars frames of ``CHUNK`` rows (``WorkList``, ``KeyedRows``)."""

    CHUNK = 4096

    def __init__(self, schema: dict[str, pl.DataType]) -> None:
        self.schema = schema
        self._frames: list[pl.DataFrame] = []
        self._pending: list[tuple] = []

    def _add(self, row: tuple) -> None:
        self._pending.append(row)
        if len(self._pending) >= self.CHUNK:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._frames.append(pl.DataFrame(self._pending, schema=self.schema, orient="row"))
            self._pending = []


class WorkList(_FrameLog):
    """The plan's work items in order, kept as Polars frames of ``CHUNK`` items.

    The plan lists every input a run must read before its first batch, and the list lives as
    long as the run: as ``WorkItem``s with their ``RawFile`` and ``Path``, about 0.5 KB of Python
    objects an input (8.6 MB at 19,043 files); as frame rows, a third of that (2.9 MB). Items go
    in one at a time (``append``, ``+=``) and come out rebuilt, a batch at a time (``batches``).
    """

    def __init__(self, items=()) -> None:
        super().__init__(_WORK_SCHEMA)
        self += items

    def append(self, item: WorkItem) -> None:
        self._add(_work_row(item))

    def __iadd__(self, items) -> "WorkList":
        for item in items:
            self.append(item)
        return self

    def __len__(self) -> int:
        return sum(frame.height for frame in self._frames) + len(self._pending)

    def __iter__(self) -> Iterator[WorkItem]:
        self._flush()
        for frame in self._frames:
            yield from map(_work_item, frame.iter_rows())

    def batches(self, size: int) -> Iterator[list[WorkItem]]:
        batch: list[WorkItem] = []
        for item in self:
            batch.append(item)
            if len(batch) == size:
                yield batch
                batch = []
        if batch:
            yield batch


@dataclass(frozen=True)
class RunSettings:
    """What the caller asked for; fixed for the whole run."""

    raw_dir: Path
    warehouse: Path
    # kept for callers that pass it; uris are relative to the raw folder (scoop.read.uri_for)
    project_root: Path
    extractors: list[Extractor]
    # cross-article steps over the whole working copy after each load (people resolution)
    finalizers: list[Callable[[duckdb.DuckDBPyConnection], object]] = field(default_factory=list)
    full: bool = False
    max_bytes: int = defaults.MAX_BYTES
    # extraction worker processes (1: extract in this process)
    workers: int = 1
    # a distributed extraction engine (scoop.dask_engine.DaskEngine); None: the process stage
    engine: object | None = None
    progress: ProgressHook | None = None
    # extraction workers the caller started ahead of the run (``scoop.pipeline.start_pool_early``); used
    # when they fit, closed by the caller
    pool: ExtractorPool | None = None
    run_id: str = field(default_factory=_new_run_id)
    started_at: datetime = field(default_factory=_utc_now)

    @property
    def versions(self) -> dict[str, str]:
        return versions(self.extractors)


class KeyedRows(_FrameLog):
    """Rows by uri, kept as Polars frames of ``CHUNK`` rows; a later row for a uri replaces the earlier.

    A run records a ledger row and a file stat for every raw input: as Python dicts and tuples
    that is the part of a run's memory that grows with the raw folder (19,043 ledger rows: 11.5
    MB as dicts, 2.8 as a frame). Set one row at a time (``rows[uri] = row``, a dict of
    ``schema``'s columns or a tuple of them without the uri); read them all with ``frame``.
    """

    def __setitem__(self, uri: str, row: dict | tuple) -> None:
        self._add(tuple(row.get(c) for c in self.schema) if isinstance(row, dict) else (uri, *row))

    def update(self, other: "KeyedRows") -> None:
        """``other``'s rows after these (they win for a uri both hold)."""
        self._flush()
        other._flush()
        self._frames += other._frames

    def frame(self) -> pl.DataFrame:
        """One row per uri, the last one set (in the order of those last rows)."""
        self._flush()
        if not self._frames:
            return pl.DataFrame(schema=self.schema)
        if len(self._frames) > 1:
            self._frames = [pl.concat(self._frames, how="vertical")]
        return self._frames[0].unique("uri", keep="last", maintain_order=True)

    def count(self, column: str, value) -> int:
        """Rows whose ``column`` is ``value``."""
        return int((self.frame()[column] == value).sum())


def _outcomes() -> KeyedRows:
    return KeyedRows(INPUTS_SCHEMA)


def _file_stats() -> KeyedRows:
    return KeyedRows(FILE_STATS_SCHEMA)


@dataclass(slots=True)
class Ledger:
    """What a stage recorded: ledger rows, counts, quarantine rows, seconds per stage."""

    # uri -> ledger row for this run (the inputs table after the run)
    outcomes: KeyedRows = field(default_factory=_outcomes)
    counts: Counter = field(default_factory=Counter)
    quarantine: list[dict] = field(default_factory=list)
    stage_seconds: Counter = field(default_factory=Counter)
    # inputs read (or failed to list) this run: their earlier quarantine rows are replaced
    reread_uris: set[str] = field(default_factory=set)
    # entries of the raw folder deliberately not ingested: (uri, reason), reported in the summary
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # things that went wrong but did not fail the run (a batch redone locally, the Parquet export)
    warnings: list[str] = field(default_factory=list)
    # uri -> stat and hash of every raw file seen this run (scoop.filestats), stored at load
    file_stats: KeyedRows = field(default_factory=_file_stats)

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.stage_seconds[stage] += time.perf_counter() - t0

    def merge(self, other: Ledger) -> None:
        """Add a later stage's record to this one (a later row for the same uri wins)."""
        self.outcomes.update(other.outcomes)
        self.counts.update(other.counts)
        self.quarantine += other.quarantine
        self.stage_seconds.update(other.stage_seconds)
        self.reread_uris |= other.reread_uris
        self.skipped += other.skipped
        self.warnings += other.warnings
        self.file_stats.update(other.file_stats)


@dataclass(slots=True)
class WorkPlan:
    """The plan stage's answer: what to read or re-extract, and who owns which article."""

    work: WorkList = field(default_factory=WorkList)
    # article ids owned by an input present in the raw folder: source_id -> uri
    owners: dict[str, str] = field(default_factory=dict)
    ledger: Ledger = field(default_factory=Ledger)

    def batches(self, size: int) -> Iterator[list[WorkItem]]:
        return self.work.batches(size)


@dataclass(slots=True)
class BatchResult:
    """What one or more batches produced; a later batch of the same stage call continues it."""

    items: int = 0
    ledger: Ledger = field(default_factory=Ledger)
    # articles claimed by an input read in these batches: source_id -> uri
    owners: dict[str, str] = field(default_factory=dict)
    # articles staged as Parquet
    written_sources: set[str] = field(default_factory=set)
    batches_written: int = 0


@dataclass
class RunState:
    """The run in progress: its settings, working copy and plan, and every stage's result absorbed."""

    settings: RunSettings
    copy: WorkingCopy
    # an export cut short by a killed run is redone in full by this one
    export_all: bool = False
    plan: WorkPlan = field(default_factory=WorkPlan)
    ledger: Ledger = field(default_factory=Ledger)
    owners: dict[str, str] = field(default_factory=dict)
    written_sources: set[str] = field(default_factory=set)
    batches_written: int = 0
    pool: ExtractorPool | None = None

    @property
    def run_id(self) -> str:
        return self.settings.run_id

    @property
    def work(self) -> WorkList:
        return self.plan.work

    def adopt(self, plan: WorkPlan) -> None:
        self.plan = plan
        self.owners = dict(plan.owners)
        self.ledger.merge(plan.ledger)

    def absorb(self, result: BatchResult | None) -> None:
        if result is None:
            return
        self.ledger.merge(result.ledger)
        self.owners.update(result.owners)
        self.written_sources |= result.written_sources
        self.batches_written += result.batches_written


def ledger_row(run_id: str, uri: str, status: str, *, raw: RawFile | None = None,
               source_id: str | None = None, note: str | None = None, encoding: str | None = None,
               previous: dict | None = None) -> dict:
    previous = previous or {}
    return {
        "uri": uri,
        "content_sha256": raw.content_sha256 if raw else previous.get("content_sha256"),
        "size_bytes": raw.size_bytes if raw else previous.get("size_bytes"),
        "status": status,
        "source_id": source_id if source_id is not None else previous.get("source_id"),
        "last_run_id": run_id,
        "note": note,
        "encoding": encoding if encoding is not None else previous.get("encoding"),
    }


def quarantine_row(run_id: str, uri: str, stage: str, reason: str, *, payload: str | None = None,
                   table_name: str | None = None, source_id: str | None = None) -> dict:
    return {"uri": uri, "stage": stage, "table_name": table_name, "reason": reason,
            "payload": payload, "run_id": run_id, "source_id": source_id}
