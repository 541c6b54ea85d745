"""Extraction on a Dask cluster (`scoop run --dask ADDRESS` or `--dask local:N`).

Only extraction leaves this process: reading, cleaning and validation happen
here before a batch is sent, validation and staging after it comes back, and
the single-writer load is unchanged (``scoop.pipeline``). A few batches are in
flight at once, so the workers never wait for this process (``scoop.lookahead``,
shared with the local worker processes).

- Each worker gets the run's extractors once, through a worker plugin
  (``scoop.dask_plugin.ExtractorsPlugin``); spaCy loads on a worker's first batch and stays
  loaded for as long as the worker lives, across runs.
- With Prefect, each batch is one ``extract-batch`` task on prefect-dask's
  ``DaskTaskRunner`` (``flows.ingest``); without, a plain ``distributed`` future.
- A worker that dies mid-batch loses nothing: Dask reschedules the batch on
  another worker, Prefect retries a failed task, and a batch that still fails
  (or takes over ``BATCH_TIMEOUT`` seconds) is redone in this process.
"""
from __future__ import annotations

import json
import re
import socket
from typing import Callable, Sequence
from urllib.parse import urlsplit

from scoop.extract.base import Document, Extractor
from scoop.extract.runner import Extraction, run_extractors
from scoop.lookahead import LookAhead

LOCAL = re.compile(r"local:(\d+)")
BATCH_TIMEOUT = 900.0
CONNECT_TIMEOUT = 5.0
PLUGIN_NAME = "scoop-extractors"


class DaskSpecError(ValueError):
    """A --dask value that is neither ``local:N`` nor a scheduler address."""


class DaskUnavailable(RuntimeError):
    """The Dask scheduler does not answer."""


def parse_spec(spec: str) -> tuple[str, int | str]:
    """``("local", N)`` or ``("address", "tcp://host:port")``; ``DaskSpecError`` says what is wrong."""
    spec = spec.strip()
    if m := LOCAL.fullmatch(spec):
        if int(m.group(1)) < 1:
            raise DaskSpecError("--dask local:N needs at least 1 worker")
        return "local", int(m.group(1))
    address = spec if "://" in spec else f"tcp://{spec}"
    parts = urlsplit(address)
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in ("tcp", "tls") or not parts.hostname or port is None:
        raise DaskSpecError(f"--dask {spec}: expected a scheduler address such as tcp://host:8786, or local:N")
    return "address", address


def check_reachable(address: str, timeout: float = CONNECT_TIMEOUT) -> None:
    """Fail fast, in one line, when nothing listens at the scheduler address (Dask waits 30 s)."""
    parts = urlsplit(address)
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=timeout):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise DaskUnavailable(f"cannot reach the Dask scheduler at {address} ({reason}); start one with "
                              "`dask scheduler`, or use --dask local:N") from None


def local_cluster_kwargs(workers: int) -> dict:
    # one thread per worker: extraction holds the GIL; processes, so each has its own spaCy
    return {"n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None}


def task_runner(spec: str):
    """prefect-dask's ``DaskTaskRunner`` for a --dask value."""
    from prefect_dask import DaskTaskRunner

    kind, value = parse_spec(spec)
    if kind == "local":
        return DaskTaskRunner(cluster_class="distributed.LocalCluster", cluster_kwargs=local_cluster_kwargs(value))
    return DaskTaskRunner(address=value)


# ------------------------------------------------------------------ worker side
# extractor sets this worker process holds, by versions key (set by the plugin, kept across runs)
_worker_sets: dict[str, list[Extractor]] = {}


def versions_key(extractors: Sequence[Extractor]) -> str:
    return json.dumps({e.name: e.version for e in extractors}, sort_keys=True)


def extract_on_worker(key: str, docs: list[Document]) -> Extraction:
    """One batch's extraction on a Dask worker, with the extractors its plugin installed."""
    extractors = _worker_sets.get(key)
    if extractors is None:
        raise RuntimeError(f"this Dask worker has no scoop extractors {key} (plugin {PLUGIN_NAME} not set up)")
    return run_extractors(extractors, docs)


# ------------------------------------------------------------------ main process
class DaskEngine(LookAhead):
    """Runs a run's batches: prepare here, extract on the cluster, finish here, in order (``scoop.lookahead``).

    ``submit(key, docs)`` returns a future with ``.result(timeout=...)``;
    ``register(plugin)`` installs the worker plugin; ``workers()`` counts the cluster's threads.
    """

    where = "on the Dask cluster"
    timeout = BATCH_TIMEOUT

    def __init__(self, submit: Callable, register: Callable, workers: Callable[[], int]):
        super().__init__()
        self.submit, self.register, self.workers = submit, register, workers

    def start(self, extractors: Sequence[Extractor]) -> Callable[[list[Document]], object]:
        from scoop.dask_plugin import ExtractorsPlugin     # imports distributed: only a --dask run pays for it

        key = versions_key(extractors)
        self.register(ExtractorsPlugin(extractors))
        return lambda docs: self.submit(key, docs)


def _threads(client) -> int:
    return sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())


def prefect_engine(extract_task) -> DaskEngine:
    """An engine on the running flow's ``DaskTaskRunner``: each batch is one ``extract_task`` run."""
    from prefect.context import FlowRunContext

    runner = FlowRunContext.get().task_runner
    return DaskEngine(lambda key, docs: extract_task.submit(key, docs),
                      lambda plugin: runner.client.register_plugin(plugin, name=PLUGIN_NAME),
                      lambda: _threads(runner.client))


def distributed_engine(client) -> DaskEngine:
    """An engine on a plain ``distributed.Client`` (``--no-prefect``)."""
    def submit(key, docs):
        return client.submit(extract_on_worker, key, docs, pure=False, retries=2)

    return DaskEngine(submit, lambda plugin: client.register_plugin(plugin, name=PLUGIN_NAME),
                      lambda: _threads(client))


def open_client(spec: str):
    """A ``distributed.Client`` for a --dask value (a local cluster is closed with the client)."""
    from distributed import Client, LocalCluster

    kind, value = parse_spec(spec)
    if kind == "local":
        cluster = LocalCluster(**local_cluster_kwargs(value))
        client = Client(cluster)
        client._scoop_cluster = cluster
        return client
    check_reachable(value)
    return Client(value, timeout=f"{CONNECT_TIMEOUT}s")
