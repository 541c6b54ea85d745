"""The Dask worker plugin that hands a run's extractors to every worker (``scoop.dask_engine``).

A module of its own because it imports ``distributed`` (a third of a second): only a
``--dask`` run imports it, not every ``scoop run``.
"""
from __future__ import annotations

from typing import Sequence

from distributed.diagnostics.plugin import WorkerPlugin

from scoop.dask_engine import PLUGIN_NAME, _worker_sets, versions_key
from scoop.extract.base import Extractor


class ExtractorsPlugin(WorkerPlugin):
    """Hands the run's extractors to every worker once (and to workers that join or restart later)."""

    name = PLUGIN_NAME

    def __init__(self, extractors: Sequence[Extractor]):
        self.extractors = list(extractors)
        self.key = versions_key(self.extractors)

    def setup(self, worker=None) -> None:
        _worker_sets.setdefault(self.key, self.extractors)
