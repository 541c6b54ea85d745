"""The scheduled refresh: the ingest flow as a cron deployment."""
from __future__ import annotations

import os
from pathlib import Path

from flows.ingest import ingest


def build_deployment(*, name: str, cron: str, raw_dir: Path, warehouse_dir: Path):
    """A RunnerDeployment of the ingest flow with absolute paths (runs start in any folder)."""
    root = Path.cwd().resolve()
    return ingest.to_deployment(
        name=name, cron=cron,
        parameters={"raw_dir": str(Path(raw_dir).resolve()), "warehouse_dir": str(Path(warehouse_dir).resolve()),
                    "project_root": str(root), "wait_seconds": 300.0,
                    # `scoop serve --sources` (scoop/cli_sources.py): each run fetches the feeds first
                    "sources_file": os.environ.get("SCOOP_SOURCES") or str(root / "sources.toml")},
        description="scoop refresh: ingest new and changed raw articles into the warehouse",
    )
