"""`scoop bench`: the whole ingest on a corpus, in a temporary warehouse, measured."""
from __future__ import annotations

import os
import resource
import shutil
import tempfile
import time
from pathlib import Path


def rss_mb() -> float:
    """Current resident set size of this process (Linux /proc)."""
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids += [int(k) for k in (task / "children").read_text().split()]
        except OSError:
            continue
    return kids


def workers_rss_mb() -> float:
    """Resident set size of this process's extraction workers together (spawned multiprocessing children)."""
    total = 0.0
    for pid in _children(os.getpid()):
        try:
            if b"multiprocessing" not in Path(f"/proc/{pid}/cmdline").read_bytes():
                continue
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * resource.getpagesize() / 1e6
        except (OSError, IndexError, ValueError):
            continue
    return total


def peak_rss_mb() -> dict[str, float]:
    kib = 1024 / 1e6    # ru_maxrss is in KiB on Linux
    return {"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib,
            "peak_rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kib}


def run_bench(corpus: Path, *, batch_size: int = 64, workers: int = 0, use_prefect: bool = True,
              keep: Path | None = None, dask: str | None = None) -> dict:
    """``workers`` 0: one extraction process per core (at most 4), as ``scoop run`` does.

    ``dask``: extract on a Dask cluster (``local:N`` or an address), as ``scoop run --dask``.
    """
    from scoop.extract.runner import default_workers
    from scoop.read import list_raw_files

    files = list_raw_files(corpus)
    total_bytes = sum(p.stat().st_size for p in files)
    warehouse = keep or Path(tempfile.mkdtemp(prefix="scoop-bench-"))
    workers = workers or default_workers()
    samples: list[float] = []
    worker_samples: list[float] = []

    def on_progress(done: int, total: int) -> None:
        samples.append(rss_mb())
        worker_samples.append(workers_rss_mb())

    t0 = time.perf_counter()
    try:
        if use_prefect:
            import flows.ingest as ingest_flow

            ingest_flow.progress_hook = on_progress
            try:
                summary = ingest_flow.run_flow(raw_dir=str(corpus), warehouse_dir=str(warehouse),
                                               batch_size=batch_size, project_root=str(corpus.parent),
                                               workers=workers, dask=dask)
            finally:
                ingest_flow.progress_hook = None
        else:
            from flows.steps import STEPWISE
            from scoop.cli_run import dask_client
            from scoop.extract.registry import default_extractors
            from scoop.warehouse.people_ids import default_finalizers
            from scoop.pipeline import run_ingest

            with dask_client(dask) as engine:
                summary = run_ingest(corpus, warehouse, extractors=default_extractors(),
                                     finalizers=default_finalizers(), batch_size=batch_size,
                                     project_root=corpus.parent, progress=on_progress, workers=workers,
                                     stages=STEPWISE, engine=engine)
    finally:
        if keep is None:
            shutil.rmtree(warehouse, ignore_errors=True)
    elapsed = time.perf_counter() - t0
    n = summary["new"] + summary["changed"]
    report = {
        # quarantined: input files; rows_quarantined: extracted rows that failed their schema
        "articles": len(files), "loaded": n, "quarantined": summary["quarantined"],
        "rows_quarantined": summary["rows_quarantined"],
        "duplicate": summary["duplicate"], "megabytes": total_bytes / 1e6, "seconds": elapsed,
        "articles_per_s": len(files) / elapsed, "mb_per_s": total_bytes / 1e6 / elapsed,
        **peak_rss_mb(),
        # memory must not grow with the corpus: RSS after the first tenth of batches vs the end
        "rss_mb_at_10pct": samples[max(len(samples) // 10 - 1, 0)] if samples else 0.0,
        "rss_mb_at_end": samples[-1] if samples else 0.0,
        "workers": workers if dask is None else f"dask {dask}",
        # all extraction workers together; peak_rss_children_mb is the largest single worker
        "workers_rss_mb_at_10pct": worker_samples[max(len(worker_samples) // 10 - 1, 0)] if worker_samples else 0.0,
        "workers_rss_mb_at_end": worker_samples[-1] if worker_samples else 0.0,
        "stage_seconds": summary["stage_seconds_total"],
        "prefect": use_prefect,
    }
    html_pages = sum(1 for p in files if p.suffix.lower() in (".html", ".htm", ".xhtml"))
    if html_pages:      # the HTML extraction stage (trafilatura + htmldate) per page
        report["html_pages"] = html_pages
        report["html_ms_per_page"] = summary["stage_seconds_total"].get("html", 0.0) * 1000 / html_pages
    return report
