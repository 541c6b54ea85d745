"""Every default a run starts from, in one place: the CLI, the flow, the pipeline and the bench read them here.

Environment variables are read once, at import: ``SCOOP_HOME`` (scoop's own state,
default ``~/.scoop``) and ``SCOOP_PREFECT_PORT`` (the local Prefect server's port), ``SCOOP_DUCKDB_MEMORY`` (DuckDB's
memory limit during a run).
"""
from __future__ import annotations

import os
from pathlib import Path

# articles per batch: one Prefect task, one staged Parquet file per table
BATCH_SIZE = 64
# larger raw inputs are quarantined
MAX_BYTES = 2_000_000
# DuckDB's memory for a run's working copy and the Parquet export: past it, DuckDB evicts cached pages
# and spills to a temporary folder next to the file, so a run's memory does not grow with the
# warehouse (19,043 Reuters articles, main process: 432 MB peak without a limit, 365 MB with it)
RUN_DUCKDB_MEMORY = os.environ.get("SCOOP_DUCKDB_MEMORY", "128MB")
# extraction worker processes at most by default: each holds its own spaCy model (~250 MB)
MAX_WORKERS = 4

# folders, relative to the working directory
RAW_DIR = Path("raw")
WAREHOUSE_DIR = Path("warehouse")
SOURCES_FILE = Path("sources.toml")

# scoop's own state (the local Prefect server's database lives under it)
SCOOP_HOME = Path(os.environ.get("SCOOP_HOME", Path.home() / ".scoop"))
PREFECT_PORT = int(os.environ.get("SCOOP_PREFECT_PORT", "4242"))


def default_workers() -> int:
    """One extraction worker per usable core, at most ``MAX_WORKERS``."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        usable = os.cpu_count() or 1
    return min(max(usable, 1), MAX_WORKERS)
