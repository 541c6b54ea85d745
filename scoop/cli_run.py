"""`scoop run`'s work: the ingest with a progress bar, its failures as exit codes, and its closing lines.

Split from ``scoop.cli`` (which defines the command and its options). Every
outcome is one line: the summary's warnings and skipped entries one line each,
an error one ``error:`` line, Ctrl-C (130) and SIGTERM (143) one line and a
quiet exit.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from rich.markup import escape

from scoop import cli, defaults
from scoop.cli import (EXIT_BUSY, EXIT_FAILED, EXIT_UNAVAILABLE, EXIT_USAGE, _fail, check_warehouse, console,
                       quit_quietly)

# sysexits EX_CANTCREAT: the run's working copy could not be made (disk full, read-only folder)
EXIT_CANT_WRITE = 73
EXIT_INTERRUPTED = 130      # Ctrl-C (128 + SIGINT)
EXIT_TERMINATED = 143       # SIGTERM (128 + SIGTERM)


def check_run_args(raw: Path, warehouse: Path) -> None:
    if not raw.exists():
        _fail(f"raw folder {raw} does not exist", EXIT_USAGE)
    if not raw.is_dir():
        _fail(f"--raw {raw} is not a folder", EXIT_USAGE)
    check_warehouse(warehouse)
    check_gemm()


def check_gemm() -> None:
    """A bad ``SCOOP_GEMM`` exits 2 in one line, before any worker loads a model with it."""
    from scoop.gemm import GemmSettingError, setting

    try:
        setting()
    except GemmSettingError as exc:
        _fail(str(exc), EXIT_USAGE)


def quiet_prefect_tracebacks() -> None:
    """Prefect logs a failed flow's traceback; the CLI reports the error in one line instead."""
    import logging

    if not os.environ.get("SCOOP_DEBUG"):
        for name in ("prefect.flow_runs", "prefect.task_runs", "prefect.engine"):
            logging.getLogger(name).setLevel(logging.CRITICAL)


def check_dask(spec: str | None) -> None:
    """A bad --dask value exits 2; a scheduler that does not answer exits 69, in one line each."""
    if spec is None:
        return
    from scoop.dask_engine import DaskSpecError, DaskUnavailable, check_reachable, parse_spec

    try:
        import distributed  # noqa: F401
        import prefect_dask  # noqa: F401
    except ImportError as exc:
        _fail(f"--dask needs prefect-dask and distributed ({exc}); reinstall scoop", EXIT_USAGE)
    try:
        kind, value = parse_spec(spec)
        if kind == "address":
            check_reachable(value)
    except DaskSpecError as exc:
        _fail(str(exc), EXIT_USAGE)
    except DaskUnavailable as exc:
        _fail(str(exc), EXIT_UNAVAILABLE)


def ingest(raw: Path, warehouse: Path, *, no_prefect: bool, workers: int, on_progress, dask: str | None = None,
           **kwargs) -> dict:
    """One run, with or without Prefect; returns its summary."""
    if no_prefect:
        from scoop.extract.registry import default_extractors
        from scoop.warehouse.people_ids import default_finalizers
        from flows.steps import STEPWISE
        from scoop.pipeline import run_ingest

        with dask_client(dask) as engine:
            return run_ingest(raw, warehouse, extractors=default_extractors(), finalizers=default_finalizers(),
                              progress=on_progress, workers=workers or defaults.default_workers(), stages=STEPWISE,
                              engine=engine, **kwargs)
    from scoop.warehouse import run_lock

    with run_lock(warehouse, wait_seconds=kwargs["wait_seconds"]):
        pass                # busy: say so (exit 75) before Prefect starts, not from inside a failed flow
    # workers start before Prefect is imported (over a second) and the server checked, and load their models meanwhile
    pool = None if dask else early_workers(raw, warehouse, workers, kwargs.get("full", False),
                                           kwargs.get("batch_size", defaults.BATCH_SIZE))
    try:
        cli._server()
        import flows.ingest as ingest_flow

        quiet_prefect_tracebacks()     # after the import: Prefect sets its loggers' levels on import
        return ingest_flow.run_flow(progress=on_progress, pool=pool, raw_dir=str(raw), warehouse_dir=str(warehouse),
                                    project_root=str(Path.cwd()), workers=workers, dask=dask, **kwargs)
    finally:
        if pool is not None:
            pool.close(kill=True)      # run_flow closed them; this is for a failure before it


def early_workers(raw: Path, warehouse: Path, workers: int, full: bool, batch_size: int):
    """Extraction workers started now when the run will surely use them (``pipeline.start_pool_early``), else None."""
    from scoop.extract.registry import default_extractors
    from scoop.pipeline import start_pool_early

    return start_pool_early(raw, warehouse, default_extractors, workers=workers, full=full, batch_size=batch_size)


@contextlib.contextmanager
def dask_client(spec: str | None):
    """Without Prefect, --dask runs on a plain ``distributed`` client: yields its engine (None without)."""
    if spec is None:
        yield None
        return
    from scoop.dask_engine import distributed_engine, open_client

    client = open_client(spec)
    try:
        yield distributed_engine(client)
    finally:
        client.close()
        cluster = getattr(client, "_scoop_cluster", None)
        if cluster is not None:
            cluster.close()


def make_progress(show: bool):
    """A transient bar that advances per article; until the first one it says the models are loading."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeRemainingColumn

    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), console=console, transient=True, disable=not show)
    # shown from the start: planning, and the first batch pays for loading spaCy in every worker
    task_id = progress.add_task("planning, loading the extraction models", total=None)

    def on_progress(done: int, total: int) -> None:
        progress.update(task_id, advance=done, total=total, description="extracting")

    return progress, on_progress


def run_ingest(raw: Path, warehouse: Path, *, no_prefect: bool, workers: int, quiet: bool, dask: str | None = None,
               **kwargs) -> dict:
    """``ingest`` under a progress bar; every failure ends in one line and its exit code."""
    import duckdb

    from scoop.dask_engine import DaskUnavailable
    from scoop.pipeline import Terminated
    from scoop.prefect_server import PrefectUnavailable
    from scoop.query import error_text
    from scoop.warehouse import WarehouseBusy, WorkingCopyError

    check_run_args(raw, warehouse)
    check_dask(dask)
    progress, on_progress = make_progress(console.is_terminal and not quiet)
    try:
        with progress:
            return ingest(raw, warehouse, no_prefect=no_prefect, workers=workers, on_progress=on_progress,
                          dask=dask, **kwargs)
    except WarehouseBusy as exc:
        _fail(str(exc), EXIT_BUSY)
    except (PrefectUnavailable, DaskUnavailable) as exc:
        _fail(str(exc), EXIT_UNAVAILABLE)
    except WorkingCopyError as exc:     # before OSError: it is one
        _fail(str(exc.strerror or exc), EXIT_CANT_WRITE)
    except FileNotFoundError as exc:
        _fail(str(exc), EXIT_USAGE)
    except OSError as exc:      # read-only folder, disk full, ...
        _fail(f"{exc.strerror or exc}: {exc.filename or warehouse}", EXIT_FAILED)
    except duckdb.Error as exc:     # e.g. a corrupt scoop.duckdb
        _fail(f"the warehouse {warehouse} cannot be used: {error_text(exc)}", EXIT_FAILED)
    except Terminated:
        quit_quietly(f"terminated (SIGTERM): the run stopped; {warehouse} keeps its last committed run",
                     EXIT_TERMINATED)
    except KeyboardInterrupt:
        quit_quietly(f"interrupted: the run stopped; {warehouse} keeps its last committed run",
                     EXIT_INTERRUPTED)


def print_notes(summary: dict, *, quiet: bool) -> None:
    """Warnings (always) and skipped raw-folder entries (unless ``quiet``), one line each."""
    for warning in summary.get("warnings") or []:
        console.print(f"[yellow]warning:[/] {escape(' '.join(str(warning).split()))}", soft_wrap=True,
                      highlight=False)
    if quiet:
        return
    for uri, reason in summary.get("skipped") or []:
        console.print(f"[dim]skipped {escape(str(uri))}: {escape(str(reason))}[/]", soft_wrap=True,
                      highlight=False)
