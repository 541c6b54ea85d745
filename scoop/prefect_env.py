"""Prefect settings scoop needs, applied before Prefect is imported.

Offline and quiet: analytics off (offline it logs an ERROR and can hang
~3.5 s per run), no result files, warnings only. ``PREFECT_HOME`` must exist
or Prefect's server times out (STACK_NOTES). User-set variables win.
"""
from __future__ import annotations

import os
from pathlib import Path

from scoop import defaults

SCOOP_HOME = defaults.SCOOP_HOME

DEFAULTS = {
    "DO_NOT_TRACK": "1",        # Prefect's telemetry notice and events (the common opt-out variable)
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    "PREFECT_RESULTS_PERSIST_BY_DEFAULT": "false",
    "PREFECT_TASKS_REFRESH_CACHE": "false",
    "PREFECT_UI_ENABLED": "false",
    "PREFECT_SERVER_UI_ENABLED": "false",
    "PREFECT_CLI_PROMPT": "false",
}


def configure() -> None:
    home = Path(os.environ.setdefault("PREFECT_HOME", str(SCOOP_HOME / "prefect")))
    home.mkdir(parents=True, exist_ok=True)
    for key, value in DEFAULTS.items():
        os.environ.setdefault(key, value)
