"""`scoop bench`: the whole ingest on a corpus, in a temporary warehouse, measured."""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from scoop import defaults


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


class TotalRss:
    """Samples this process and its extraction workers together every ``interval`` seconds, in a thread.

    The memory a machine must have for a run is the peak of that sum: the workers' share is
    largest while they extract, the main process's while it loads (after they exit).
    """

    def __init__(self, interval: float = 0.1):
        self.interval, self.peak, self.main_at_peak = interval, 0.0, 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="scoop-bench-rss", daemon=True)

    def _sample(self) -> None:
        while True:
            main = rss_mb()
            total = main + workers_rss_mb()
            if total > self.peak:
                self.peak, self.main_at_peak = total, main
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> "TotalRss":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def peak_rss_mb() -> dict[str, float]:
    kib = 1024 / 1e6    # ru_maxrss is in KiB on Linux
    return {"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * kib,
            "peak_rss_children_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * kib}


def copy_first(corpus: Path, limit: int, dest: Path) -> Path:
    """The first ``limit`` files of ``corpus`` (sorted by path) copied to ``dest/<corpus name>``, same layout."""
    from scoop.bench_ner import first_files

    folder = dest / (corpus.resolve().name or "corpus")
    for path in first_files(corpus, limit):
        target = folder / path.relative_to(corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
    return folder


def ner_baseline(corpus: Path, n_process: int, gemm: str = "blis") -> dict:
    """spaCy's NER alone over the corpus's article bodies (``scoop.bench_ner``), in a process of its own.

    ``gemm``: ``blis``, spaCy as installed; ``scoop``, with the matrix multiply scoop uses here (``scoop.gemm``).
    """
    cmd = [sys.executable, "-m", "scoop.bench_ner", str(corpus), "--n-process", str(n_process), "--gemm", gemm]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_bench(corpus: Path, *, batch_size: int = defaults.BATCH_SIZE, workers: int = 0, use_prefect: bool = True,
              keep: Path | None = None, dask: str | None = None, limit: int | None = None,
              compare_ner: bool = False) -> dict:
    """``workers`` 0: one extraction process per core (at most 4), as ``scoop run`` does.

    ``dask``: extract on a Dask cluster (``local:N`` or an address), as ``scoop run --dask``.
    ``limit``: only the first N files (sorted by path). ``compare_ner``: afterwards, time spaCy's
    NER alone on the same articles (``n_process`` = the workers) and report the ratio of the two speeds.
    """

    subset = Path(tempfile.mkdtemp(prefix="scoop-bench-corpus-")) if limit is not None else None
    try:
        if subset is not None:
            corpus = copy_first(corpus, limit, subset)
        report = _bench(corpus, batch_size=batch_size, workers=workers or defaults.default_workers(),
                        use_prefect=use_prefect, keep=keep, dask=dask)
        if compare_ner:
            report.update(compare_with_ner(corpus, report))
    finally:
        if subset is not None:
            shutil.rmtree(subset, ignore_errors=True)
    return report


def compare_with_ner(corpus: Path, report: dict) -> dict:
    """spaCy's NER alone on the same articles, twice: as installed (its blis multiply), and with the
    multiply scoop chose on this CPU (``scoop.gemm``; the same run when that is blis)."""
    from scoop.gemm import choose

    n_process = report["workers"] if isinstance(report["workers"], int) else 2
    chosen = choose()
    plain = ner_baseline(corpus, n_process)
    same = plain if chosen == "blis" else ner_baseline(corpus, n_process, "scoop")
    return {"ner_alone_articles": plain["articles"], "ner_alone_seconds": plain["seconds"],
            "ner_alone_articles_per_s": plain["articles_per_s"],
            "ratio_vs_ner_alone": report["articles_per_s"] / plain["articles_per_s"],
            "scoop_gemm": chosen, "ner_alone_same_gemm_seconds": same["seconds"],
            "ratio_vs_ner_alone_same_gemm": report["articles_per_s"] / same["articles_per_s"]}


def report_rows(report: dict) -> list[tuple[str, str]]:
    """``(measure, value)`` lines of a bench report, the per-stage seconds last."""
    rows = [(key, f"{value:,.2f}" if isinstance(value, float) else str(value))
            for key, value in report.items() if key != "stage_seconds"]
    return rows + [(f"  stage {stage} (s)", f"{seconds:,.2f}") for stage, seconds in report["stage_seconds"].items()]


def _bench(corpus: Path, *, batch_size: int, workers: int, use_prefect: bool, keep: Path | None,
           dask: str | None) -> dict:
    from scoop.read import list_raw_files

    files = list_raw_files(corpus)
    total_bytes = sum(p.stat().st_size for p in files)
    warehouse = keep or Path(tempfile.mkdtemp(prefix="scoop-bench-"))
    samples: list[float] = []
    worker_samples: list[float] = []

    def on_progress(done: int, total: int) -> None:
        samples.append(rss_mb())
        worker_samples.append(workers_rss_mb())

    t0, cpu0 = time.perf_counter(), time.process_time()
    try:
        with TotalRss() as total_rss:
            if use_prefect:      # as `scoop run` does: the workers start first, then Prefect is imported
                from scoop.cli_run import early_workers

                pool = None if dask else early_workers(corpus, warehouse, workers, False, batch_size)
                import flows.ingest as ingest_flow

                summary = ingest_flow.run_flow(
                    progress=on_progress, pool=pool, raw_dir=str(corpus), warehouse_dir=str(warehouse),
                    batch_size=batch_size, project_root=str(corpus.parent), workers=workers, dask=dask)
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
    elapsed, main_cpu = time.perf_counter() - t0, time.process_time() - cpu0
    n = summary["new"] + summary["changed"]
    report = {
        # quarantined: input files; rows_quarantined: extracted rows that failed their schema
        "articles": len(files), "loaded": n, "quarantined": summary["quarantined"],
        "rows_quarantined": summary["rows_quarantined"],
        "duplicate": summary["duplicate"], "megabytes": total_bytes / 1e6, "seconds": elapsed,
        "articles_per_s": len(files) / elapsed, "mb_per_s": total_bytes / 1e6 / elapsed,
        # CPU seconds of this process (reading, validation, staging, the load, Prefect), not the workers'
        "main_cpu_seconds": main_cpu,
        **peak_rss_mb(),
        # this process and its workers together, sampled every 0.1 s: what the machine must have
        "peak_total_rss_mb": total_rss.peak, "main_rss_mb_at_total_peak": total_rss.main_at_peak,
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
