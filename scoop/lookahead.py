"""Look-ahead: this process prepares the next batches while earlier ones are extracted elsewhere.

A batch is prepared here (read, clean, validate sources: ``pipeline.prepare_batch``),
handed to the extraction workers without waiting, and finished here (validate rows,
stage Parquet: ``pipeline.finish_batch``) in order, once its result is back. Up to
``2 * workers`` batches are in flight, so every worker is busy with one queued behind
it and memory stays bounded. ``in_flight`` holds the articles being extracted, so a
later batch does not extract one of them again from its stored body.

A batch whose extraction fails (a dead worker, a lost cluster) is redone in this
process: no article is lost, and the run's summary carries a warning.

``LookAhead`` drives both the local worker processes (``PoolLookAhead``, on
``scoop.extract.runner.ExtractorPool``) and a Dask cluster (``scoop.dask_engine``).
"""
from __future__ import annotations

import logging
from collections import deque
from typing import Callable, Sequence

from scoop.extract.base import Document, Extractor
from scoop.extract.runner import Extraction, ExtractorPool, run_extractors

log = logging.getLogger("scoop")
WAIT_STAGE = "wait:extract"     # seconds this process waited for a batch's extraction (not summed over workers)


class LookAhead:
    """Runs a run's batches with extraction elsewhere; subclasses say where (``start``)."""

    where = "in an extraction worker"   # for the warning on a redone batch
    timeout: float | None = None        # seconds to wait for one batch before redoing it here

    def __init__(self) -> None:
        self.redone = 0

    def start(self, extractors: Sequence[Extractor]) -> Callable[[list[Document]], object]:
        """Make the workers ready; returns ``submit(docs)``, a future with ``.result(timeout=...)``."""
        raise NotImplementedError

    def workers(self) -> int:
        raise NotImplementedError

    def process_all(self, run, batch_size: int):
        """Every batch of ``run``'s plan; returns their ``BatchResult`` (``scoop.runstate``)."""
        from scoop.pipeline import BatchResult, prepare_batch

        out = BatchResult()
        if not run.work:          # a no-change run does not start or touch the workers
            return out
        submit = self.start(run.settings.extractors)
        window = 2 * max(1, self.workers())       # batches in flight: every worker busy, one queued each
        pending: deque = deque()
        in_flight: set[str] = set()
        for batch in run.plan.batches(batch_size):
            prepared = prepare_batch(run, batch, out, in_flight)
            future = submit(prepared.docs) if prepared.docs else None
            in_flight.update(d.source_id for d in prepared.docs)
            pending.append((prepared, future))
            while len(pending) > window:
                self._finish(run, out, *pending.popleft(), in_flight)
        while pending:
            self._finish(run, out, *pending.popleft(), in_flight)
        if self.redone:
            out.ledger.warnings.append(f"{self.redone} batch(es) failed {self.where} and were redone locally")
        return out

    def _finish(self, run, out, prepared, future, in_flight: set[str]) -> None:
        from scoop.pipeline import finish_batch

        extraction = None
        if prepared.sources is not None:
            extraction = self._result(run.settings.extractors, out.ledger, prepared.docs, future)
        finish_batch(run, prepared, extraction, out)
        in_flight.difference_update(d.source_id for d in prepared.docs)

    def _result(self, extractors, record, docs: list[Document], future) -> Extraction:
        if future is None:
            return run_extractors(extractors, docs)
        try:
            with record.timed(WAIT_STAGE):
                return future.result(timeout=self.timeout)
        except Exception as exc:  # noqa: BLE001 - a lost worker or a failed task: redo it here
            first = (str(exc).strip().splitlines() or [""])[0][:200]
            log.warning("a batch failed %s (%s: %s); redoing it locally", self.where, type(exc).__name__, first)
            self.redone += 1
            return run_extractors(extractors, docs)


class PoolLookAhead(LookAhead):
    """Look-ahead on this machine's extraction worker processes."""

    def __init__(self, pool: ExtractorPool):
        super().__init__()
        self.pool = pool

    def start(self, extractors: Sequence[Extractor]):
        return self.pool.submit

    def workers(self) -> int:
        return self.pool.workers
