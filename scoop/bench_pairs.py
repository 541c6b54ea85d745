"""Paired speed runs: `scoop bench` and spaCy's NER alone, alternated, each in a fresh process.

The host's speed drifts from one minute to the next (15% and more here), so one scoop run
against one NER run a minute later gives a ratio anywhere from 0.9 to 1.2. This runs them in
turn ``pairs`` times on the same articles (scoop first in odd pairs, NER first in even ones, so
a steady drift cancels) and reports each side's median, the ratio of the medians and every
pair's own ratio. The ratio is scoop's articles/s over NER alone's, as ``--ner-baseline``'s.

    python -m scoop.bench_pairs ../shared/corpus/bbc-full --limit 500 --workers 2 --pairs 5
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from scoop.bench import copy_first, ner_baseline

# `scoop bench` in a process of its own: nothing it imports is warm from an earlier run
SCOOP = [sys.executable, "-c", "from scoop.cli import app; app()", "bench"]


def scoop_run(corpus: Path, workers: int, prefect: bool = True) -> dict:
    """One `scoop bench --format json` over ``corpus``: its report."""
    cmd = [*SCOOP, str(corpus), "--workers", str(workers), "--format", "json"]
    if not prefect:
        cmd.append("--no-prefect")
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def alternate(pairs: int, scoop: Callable[[], dict], ner: Callable[[], dict]) -> list[tuple[dict, dict]]:
    """``pairs`` (scoop report, NER report) pairs, scoop first in odd pairs and NER first in even ones."""
    out = []
    for k in range(pairs):
        if k % 2 == 0:
            first = scoop()
            out.append((first, ner()))
        else:
            second = ner()
            out.append((scoop(), second))
    return out


def summary(runs: list[tuple[dict, dict]]) -> dict:
    """Each side's median articles/s and seconds, the ratio of the medians, and every pair's ratio."""
    scoop_speed = [s["articles_per_s"] for s, _ in runs]
    ner_speed = [n["articles_per_s"] for _, n in runs]
    return {
        "pairs": len(runs),
        "scoop_seconds": [round(s["seconds"], 2) for s, _ in runs],
        "ner_alone_seconds": [round(n["seconds"], 2) for _, n in runs],
        "ratios": [round(s / n, 3) for s, n in zip(scoop_speed, ner_speed)],
        "scoop_median_articles_per_s": statistics.median(scoop_speed),
        "ner_alone_median_articles_per_s": statistics.median(ner_speed),
        "ratio_of_medians": statistics.median(scoop_speed) / statistics.median(ner_speed),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m scoop.bench_pairs", description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="the first N files, sorted by path")
    parser.add_argument("--workers", type=int, default=2, help="scoop's workers and NER's n_process")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--no-prefect", action="store_true", help="scoop without Prefect")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir() or args.pairs < 1:
        parser.error(f"{args.corpus} is not a folder" if not args.corpus.is_dir() else "--pairs must be 1 or more")
    subset = Path(tempfile.mkdtemp(prefix="scoop-pairs-"))
    try:
        corpus = copy_first(args.corpus, args.limit, subset) if args.limit else args.corpus
        runs = alternate(args.pairs, lambda: scoop_run(corpus, args.workers, not args.no_prefect),
                         lambda: ner_baseline(corpus, args.workers))
    finally:
        shutil.rmtree(subset, ignore_errors=True)
    json.dump(summary(runs), sys.stdout)
    print()


if __name__ == "__main__":
    main()
