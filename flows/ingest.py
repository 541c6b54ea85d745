"""The ingest flow: raw articles -> validated warehouse, incremental and atomic.

Thin on purpose: each task is one stage of ``scoop.pipeline`` over a batch of
articles, or over all of them when worker processes extract (never one task per
article), with caching off so Prefect neither hashes frames nor writes a result
file per task. The stage sequence itself is
``scoop.pipeline.execute``, shared with the Prefect-free path.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Callable, Optional

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from scoop import dask_engine, defaults, pipeline
from scoop.extract.registry import default_extractors
from scoop.warehouse.people_ids import default_finalizers

from flows.steps import process_in_steps

# the progress bar of the ``run_flow`` call under way, handed over by ``run_flow(progress=...)``. Not a
# flow parameter: a Dask task ships the flow run's parameters, and a progress bar (it holds locks) does
# not pickle; the flow reads it through the module, which pickles by name.
progress_hook: pipeline.ProgressHook | None = None
# extraction workers ``run_flow`` started before the flow run (``pipeline.start_pool_early``); read like
# the progress hook, through the module
early_pool = None

_task = dict(cache_policy=NO_CACHE, persist_result=False)
plan_task = task(pipeline.plan_run, name="plan", **_task)
# without worker processes: one task per batch; inside it the batch goes a few articles at a time,
# so progress moves often
process_batch_task = task(process_in_steps, name="process-batch", **_task)
# with worker processes: one task for all batches, reading the next batches while the workers
# extract earlier ones (scoop.lookahead); progress moves as each batch is staged
process_task = task(pipeline.process_ahead, name="process", **_task)
load_task = task(pipeline.load_run, name="load", **_task)
# --dask: one task per batch's extraction, run on the cluster by prefect-dask's DaskTaskRunner;
# a failed run is retried once, a lost worker's batch is rescheduled by Dask (scoop.dask_engine)
extract_task = task(dask_engine.extract_on_worker, name="extract-batch", retries=1, retry_delay_seconds=0,
                    **_task)


def fetch_sources(sources_file: str, raw_dir: str, warehouse_dir: str) -> dict:
    """Fetch the web sources' new items into the raw folder (a failure is logged, never fatal)."""
    from scoop.web.config import SourcesError
    from scoop.web.refresh import refresh

    try:
        result = refresh(Path(sources_file), Path(raw_dir), Path(warehouse_dir))
    except (SourcesError, OSError) as exc:
        logging.getLogger("scoop").warning("web sources not fetched: %s", exc)
        return {"fetched": 0, "failed": 0}
    return {"fetched": result.fetched, "failed": result.failed + result.sources_failed}


fetch_task = task(fetch_sources, name="fetch-sources", **_task)


def _state_quoted(stage_task):
    """Call a task with the run state wrapped in ``quote``.

    Prefect walks every task argument to find upstream futures; the run state
    holds the whole work list and ledger, so that walk grew with the corpus on
    every batch (quadratic: most of the main process's time on 19k articles).
    ``quote`` makes Prefect pass it through untouched.
    """
    def call(run: pipeline.RunState, *args):
        return stage_task(quote(run), *args)

    call.__name__ = stage_task.name
    return call


PREFECT_STAGES = pipeline.Stages(plan=_state_quoted(plan_task), process=_state_quoted(process_batch_task),
                                 load=_state_quoted(load_task), process_ahead=_state_quoted(process_task))


# the summary of the run the flow has published, until ``run_flow`` collects it
_committed: dict | None = None
# set by `scoop serve` for its flow-run processes: they print one line per run instead of Prefect's logs
SERVED_ENV = "SCOOP_SERVED"


def run_line(flow_run_name: str, state, summary: dict | None) -> str:
    """One line for a scheduled run: its run id, status and counts, or why it failed."""
    if summary is not None:
        line = (f"run {summary['run_id']} {summary['status']}: new {summary['new']}, changed {summary['changed']}, "
                f"quarantined {summary['quarantined']} files and {summary['rows_quarantined']} rows")
        if not state.is_completed():
            line += f"; committed, but Prefect then reported {state.name}"
        return line
    message = " ".join((state.message or state.name or "").split())[:300]
    return f"run {flow_run_name} {(state.name or 'failed').lower()}: {message or 'no message'}; nothing was committed"


def _announce(flow_obj, flow_run, state) -> None:
    """Flow hook: a deployment's run (`scoop serve`) prints its one line; `scoop run` prints its own summary."""
    if getattr(flow_run, "deployment_id", None) is not None:
        print(run_line(flow_run.name, state, _committed), flush=True)


if os.environ.get(SERVED_ENV) and not os.environ.get("SCOOP_DEBUG"):
    for _name in ("prefect.flow_runs", "prefect.task_runs", "prefect.engine"):
        logging.getLogger(_name).setLevel(logging.CRITICAL)


@flow(name="scoop-ingest", persist_result=False, log_prints=False,
      on_completion=[_announce], on_failure=[_announce], on_crashed=[_announce])
def ingest(raw_dir: str = str(defaults.RAW_DIR), warehouse_dir: str = str(defaults.WAREHOUSE_DIR),
           full: bool = False, batch_size: int = defaults.BATCH_SIZE, max_bytes: int = defaults.MAX_BYTES,
           wait_seconds: float = 0.0, project_root: Optional[str] = None, workers: int = 0,
           sources_file: Optional[str] = None, dask: Optional[str] = None,
           extractors: Optional[Callable[[], list]] = None, finalizers: Optional[Callable[[], list]] = None) -> dict:
    """Ingest ``raw_dir`` into ``warehouse_dir``; returns this run's ``runs`` row.

    ``extractors``, ``finalizers``: factories of the run's extractors and cross-article steps
    (default: ``default_extractors``, ``default_finalizers``); tests pass fakes.

    ``dask``: extract on a Dask cluster (``local:N`` or a scheduler address); ``run_flow`` gives
    the flow its ``DaskTaskRunner``.
    ``workers``: extraction processes; 0 means one per core (at most 4).
    ``sources_file``: fetch its feeds and pages into ``raw_dir`` first (`scoop serve`).
    """
    global _committed
    _committed = None
    if sources_file:
        fetch_task(sources_file, raw_dir, warehouse_dir)
    # read through the module: a Dask task ships this flow's context, and cloudpickle would copy
    # a global by value (a progress bar holds locks); a module is pickled by name
    hooks = sys.modules[__name__]
    summary = pipeline.run_ingest(
        Path(raw_dir), Path(warehouse_dir),
        # workers started ahead were given these very extractors: build them once
        extractors=list(hooks.early_pool.extractors) if hooks.early_pool is not None
        else (extractors or default_extractors)(),
        finalizers=(finalizers or default_finalizers)(),
        full=full, batch_size=batch_size, max_bytes=max_bytes, wait_seconds=wait_seconds,
        project_root=Path(project_root) if project_root else None, progress=hooks.progress_hook,
        stages=PREFECT_STAGES, workers=workers or defaults.default_workers(), pool=hooks.early_pool,
        engine=dask_engine.prefect_engine(extract_task) if dask else None)
    _committed = summary
    return summary


def run_flow(progress: pipeline.ProgressHook | None = None, pool=None, **params) -> dict:
    """Run the ``ingest`` flow with ``params``; ``progress`` is called as batches finish.

    A first run or ``--full`` over more than a batch starts its extraction workers before Prefect
    starts the flow run, so they load their models meanwhile (``pipeline.start_pool_early``):
    ``pool``, workers the caller started even earlier, before importing this module (Prefect's
    import takes over a second); without it, here. Either way ``run_flow`` closes them.

    A failure *after* the warehouse was published is a warning, not an error: Prefect still
    reports the flow run's end to its server once the data is committed; if that server is
    gone, the flow call raises although the warehouse is new. The summary then says what was
    committed and what failed.
    """
    global progress_hook, early_pool
    previous = progress_hook
    if progress is not None:
        progress_hook = progress
    early_pool = pool if pool is not None or params.get("dask") else pipeline.start_pool_early(
        params.get("raw_dir", defaults.RAW_DIR), params.get("warehouse_dir", defaults.WAREHOUSE_DIR),
        params.get("extractors") or default_extractors, workers=params.get("workers") or 0,
        full=params.get("full", False), batch_size=params.get("batch_size", defaults.BATCH_SIZE))
    try:
        return _run_flow(params)
    finally:
        progress_hook = previous
        if early_pool is not None:
            early_pool.close(kill=True)      # done with, or never used (the run found little work)
        early_pool = None


def _without_heartbeat():
    """Prefect's settings for a flow run started here, without the flow-run heartbeat.

    Prefect 3.8.8 sends it from a thread that sleeps in whole seconds, and joins that thread as
    the flow run ends: every run waited up to a second (half a second on average) for nothing,
    a tenth of a no-change refresh. The heartbeat tells Prefect's server that a long run still
    lives; ``scoop run`` reports its own end, so only its runs go without it (``scoop serve``'s
    scheduled runs keep theirs). No environment variable turns it off (it takes no null).

    The heartbeat's first event also started Prefect's events worker, which shuts Prefect's event
    loop down first at exit; without it duckdb's bindings print a "nanobind: leaked" report as the
    process ends. So the worker is started here, as the heartbeat did.
    """
    from prefect.context import SettingsContext
    from prefect.events.worker import EventsWorker, should_emit_events
    from prefect.settings import get_current_settings

    if should_emit_events():
        EventsWorker.instance()

    settings = get_current_settings()
    quiet = settings.model_copy(update={"flows": settings.flows.model_copy(update={"heartbeat_frequency": None})})
    return SettingsContext(profile=SettingsContext.get().profile, settings=quiet)


def _run_flow(params: dict) -> dict:
    global _committed
    _committed = None
    flow_obj = ingest
    if params.get("dask"):
        flow_obj = ingest.with_options(task_runner=dask_engine.task_runner(params["dask"]))
    try:
        with _without_heartbeat():
            return flow_obj(**params)
    except Exception as exc:
        summary, _committed = _committed, None
        if summary is None:
            raise
        first_line = (str(exc).strip().splitlines() or [""])[0][:200]
        warning = (f"run {summary['run_id']} is committed to the warehouse, but Prefect failed after it "
                   f"({type(exc).__name__}: {first_line}); Prefect may show the flow run as crashed")
        return {**summary, "warnings": [*summary.get("warnings", []), warning]}
