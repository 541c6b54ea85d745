"""Running the registered extractors over a batch: in this process or spread over worker processes.

``run_extractors`` is the pure step (documents in, frames and errors out).
``ExtractorPool`` runs it on slices of a batch in worker processes, because
extraction (spaCy NER above all) is CPU-bound and the rest of a run is not.

Workers are *spawned*, not forked: the Prefect flow runs with threads and an
event loop, and forking such a process is what made spaCy's own ``n_process``
leave workers exiting uncleanly (W127). A spawned worker imports scoop afresh,
loads the spaCy model once and keeps it for the whole run.
"""
from __future__ import annotations

import contextlib
import ctypes
import math
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import Counter, defaultdict
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Sequence

import polars as pl

from scoop import contract as T
from scoop.extract import batch_cache
from scoop.extract.base import Document, Extractor


@dataclass(frozen=True, slots=True)
class ExtractionError:
    """One article one extractor could not handle (it goes to quarantine; the run goes on)."""

    extractor: str
    version: str
    source_id: str
    message: str

    @property
    def reason(self) -> str:
        return f"extractor {self.extractor} {self.version} failed: {self.message}"


@dataclass(slots=True)
class Extraction:
    frames: dict[str, pl.DataFrame]
    errors: list[ExtractionError]
    # extract:<name> -> seconds spent, extract:<name>:cpu -> CPU seconds of the extracting thread
    # (both summed over workers: the CPU figure does not grow when other processes share the cores)
    seconds: Counter


def run_extractors(extractors: Sequence[Extractor], docs: Sequence[Document]) -> Extraction:
    """Every extractor over the batch; a failing batch is retried per article to isolate the culprit."""
    try:
        return _run_extractors(extractors, docs)
    finally:
        batch_cache.clear()      # the extractors' shared memos hold this batch's texts


def _run_extractors(extractors: Sequence[Extractor], docs: Sequence[Document]) -> Extraction:
    frames: dict[str, pl.DataFrame] = {}
    errors: list[ExtractionError] = []
    seconds: Counter = Counter()
    for extractor in extractors:
        t0, cpu0 = time.perf_counter(), time.thread_time()
        try:
            out = extractor.extract(docs, frames)
        except Exception:
            parts: dict[str, list[pl.DataFrame]] = defaultdict(list)
            for doc in docs:
                try:
                    for name, frame in extractor.extract([doc], frames).items():
                        parts[name].append(frame)
                except Exception as exc:  # noqa: BLE001 - one article must not stop the run
                    errors.append(ExtractionError(extractor.name, extractor.version, doc.source_id,
                                                  f"{type(exc).__name__}: {exc}"))
            out = {name: pl.concat(fs, how="diagonal_relaxed") for name, fs in parts.items()}
        for name in extractor.tables:
            frames[name] = T.conform(out[name], name) if name in out else T.empty_frame(name)
        seconds[f"extract:{extractor.name}"] += time.perf_counter() - t0
        seconds[f"extract:{extractor.name}:cpu"] += time.thread_time() - cpu0
    return Extraction(frames, errors, seconds)


def concat_extractions(parts: Sequence[Extraction], extractors: Sequence[Extractor]) -> Extraction:
    """Slices of one batch back into one result, in document order."""
    frames = {name: pl.concat([p.frames[name] for p in parts], how="vertical")
              for e in extractors for name in e.tables}
    seconds: Counter = Counter()
    for p in parts:
        seconds.update(p.seconds)
    return Extraction(frames, [err for p in parts for err in p.errors], seconds)


# ------------------------------------------------------------------ worker side
_worker_extractors: Sequence[Extractor] = ()
_PR_SET_PDEATHSIG = 1
_WATCHDOG_SECONDS = 0.5
# seconds a closed pool's workers get to exit on their own before they are killed
EXIT_SECONDS = 10.0


def _die_with_parent(parent_pid: int) -> None:
    """Make this worker exit when ``parent_pid`` dies, however it dies (SIGKILL included).

    Linux: the kernel sends SIGKILL when the parent thread that spawned us ends
    (``PR_SET_PDEATHSIG``). Everywhere: a daemon thread checks every half second
    whether we were re-parented, for systems without prctl or a missed signal.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:          # the parent died before we got here
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(_WATCHDOG_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="scoop-parent-watchdog", daemon=True).start()


def _init_worker(extractors: Sequence[Extractor], parent_pid: int | None = None) -> None:
    global _worker_extractors
    if parent_pid is not None:
        _die_with_parent(parent_pid)
    _worker_extractors = extractors
    warm_up(extractors)


def warm_up(extractors: Sequence[Extractor]) -> None:
    """Load what the extractors load on first use (spaCy's model): a worker does it as it starts."""
    for extractor in extractors:
        if callable(getattr(extractor, "warm_up", None)):
            extractor.warm_up()


def _await_exit(procs: Sequence[multiprocessing.Process], timeout: float) -> None:
    """Wait until ``procs`` have exited (their sentinels are ready, none is reaped here); kill what is left."""
    from multiprocessing.connection import wait as wait_ready

    pending = {}
    for proc in procs:
        with contextlib.suppress(ValueError):        # a process already closed has no sentinel
            pending[proc.sentinel] = proc
    deadline = time.monotonic() + timeout
    while pending and (left := deadline - time.monotonic()) > 0:
        for ready in wait_ready(list(pending), left):
            pending.pop(ready)
    for proc in pending.values():
        with contextlib.suppress(Exception):
            proc.kill()


def _ready() -> int:
    return os.getpid()


def _extract_in_worker(docs: list[Document]) -> Extraction:
    return run_extractors(_worker_extractors, docs)


# ------------------------------------------------------------------ parent side
class ExtractorPool:
    """Worker processes that each run all extractors on a slice of every batch.

    Use as a context manager; ``extract`` has the same result as
    ``run_extractors``, ``submit`` hands a batch over without waiting (a run's
    look-ahead, ``scoop.lookahead``). If a worker dies (killed, out of memory) the
    batch is redone in this process and the pool is not used again, so no article is lost.

    Workers die with this process (``_die_with_parent``). Linux ties that to
    the *thread* that spawned them, and the pool spawns on first use from the
    calling thread (a Prefect task may run in a short-lived one), so all work
    is handed to the pool from one feeder thread that lives as long as the pool.
    """

    def __init__(self, extractors: Sequence[Extractor], workers: int):
        self.extractors = list(extractors)
        self.workers = workers
        self.broken = False
        self.closed = False
        self._feeder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scoop-pool-feeder")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_init_worker, initargs=(self.extractors, os.getpid()))
        # start the workers now: they load their models while this process reads the first batch
        self._feeder.submit(self._start)

    def _start(self) -> None:
        with contextlib.suppress(Exception):   # a worker that cannot start shows on the first batch
            for _ in range(self.workers):
                self._pool.submit(_ready)

    def __enter__(self) -> "ExtractorPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close(kill=exc[0] is not None)

    def close(self, *, kill: bool = False, wait: bool = True) -> None:
        """Stop the workers: wait for them, or with ``kill`` end them now (a failed or interrupted run).

        ``wait=False``: tell them to stop and return (a run whose results are all in goes on to its
        load while they exit). A second ``close`` does nothing.
        """
        if self.closed:
            return
        self.closed = True
        procs = list((getattr(self._pool, "_processes", None) or {}).values())
        if kill:
            for proc in procs:
                with contextlib.suppress(Exception):
                    proc.kill()
        self._pool.shutdown(wait=wait and not kill, cancel_futures=True)
        if not kill:
            # the workers die with the feeder thread that spawned them (PR_SET_PDEATHSIG), so it stays
            # until they have exited on their own: one killed while it held the pool's queue lock left
            # the other waiting on that lock for ever, and this process hung as it exited
            self._feeder.submit(_await_exit, procs, EXIT_SECONDS)
        self._feeder.shutdown(wait=wait and not kill)

    def fits(self, extractors: Sequence[Extractor], workers: int) -> bool:
        """This pool can serve a run of ``extractors`` on ``workers`` processes (a pool started ahead of it)."""
        return (not self.closed and not self.broken and self.workers == workers
                and [(e.name, e.version) for e in self.extractors] == [(e.name, e.version) for e in extractors])

    def worker_pids(self) -> list[int]:
        return list(getattr(self._pool, "_processes", None) or {})

    def _slices(self, docs: Sequence[Document]) -> list[list[Document]]:
        # two slices per worker: a slow slice then holds up at most half a worker's share
        size = math.ceil(len(docs) / (2 * self.workers))
        return [list(docs[i:i + size]) for i in range(0, len(docs), size)]

    def _hand_over(self, slices: list[list[Document]]) -> list[Future]:
        return [self._pool.submit(_extract_in_worker, part) for part in slices]

    def submit(self, docs: Sequence[Document]) -> "PoolBatch":
        """Hand a batch to the workers without waiting; ``.result()`` gives its ``Extraction``.

        The slices go to the process pool from the feeder thread (it alone spawns workers), and
        the workers start on them while this process prepares the next batch. On a broken pool
        (or a batch of one) the batch is extracted here, now. ``.result()`` raises
        ``BrokenProcessPool`` if a worker died: the caller redoes the batch.
        """
        if self.broken or len(docs) < 2:
            return PoolBatch(self, [], run_extractors(self.extractors, docs))
        try:
            parts = self._feeder.submit(self._hand_over, self._slices(docs)).result()
        except BrokenProcessPool:
            self.broken = True
            return PoolBatch(self, [], run_extractors(self.extractors, docs))
        return PoolBatch(self, parts)

    def extract(self, docs: Sequence[Document]) -> Extraction:
        """``submit(docs).result()``; a batch a dying worker held is redone in this process."""
        try:
            return self.submit(docs).result()
        except BrokenProcessPool:
            return run_extractors(self.extractors, docs)


class PoolBatch:
    """One batch in the pool's workers: its slices' futures, or a result already at hand."""

    def __init__(self, pool: ExtractorPool, parts: list[Future], done: Extraction | None = None):
        self.pool, self.parts, self.done = pool, parts, done

    def result(self, timeout: float | None = None) -> Extraction:
        if self.done is not None:
            return self.done
        try:
            return concat_extractions([f.result(timeout) for f in self.parts], self.pool.extractors)
        except BrokenProcessPool:
            self.pool.broken = True            # later batches stay in this process
            raise
