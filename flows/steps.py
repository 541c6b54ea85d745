"""One batch processed a few articles at a time, so progress moves per few articles, not per batch.

Without worker processes the Prefect flow keeps one task per batch (``flows.ingest``);
inside it, and in ``--no-prefect`` runs, ``process_in_steps`` hands the batch to
``pipeline.process_batch`` in steps of ``step_size`` articles, each reporting its
progress (and staging its own Parquet file). With worker processes the batches go
through ``pipeline.process_ahead`` instead (look-ahead, ``scoop.lookahead``), and
progress moves per batch.
"""
from __future__ import annotations

from scoop import pipeline

# articles per step: per extraction worker (each gets two slices of 8), or in this process.
# Steps of 2 per worker cost about a third of the throughput on 2 cores (spaCy batches and
# per-call overhead); 8 per worker measured within the noise of whole 64-article batches.
WORKER_STEP = 8
IN_PROCESS_STEP = 8


def step_size(run: pipeline.RunState) -> int:
    return WORKER_STEP * run.settings.workers if run.pool is not None else IN_PROCESS_STEP


def process_in_steps(run: pipeline.RunState, items: list[pipeline.WorkItem]) -> pipeline.BatchResult:
    """``pipeline.process_batch`` over ``items`` a step at a time; returns what the steps did together."""
    step = max(1, step_size(run))
    result = pipeline.BatchResult()
    for start in range(0, len(items), step):
        result = pipeline.process_batch(run, items[start:start + step], result)
    return result


STEPWISE = pipeline.Stages(process=process_in_steps)
