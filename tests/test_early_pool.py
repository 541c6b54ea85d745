"""Workers started before the run (while Prefect starts its flow run) when the run will surely use them."""
from __future__ import annotations

import time

from fakes import YearDates, make_project, query
from scoop.extract.runner import ExtractorPool
from scoop.pipeline import run_ingest, start_pool_early

HOUR_AGO = time.time() - 3600
ONE = lambda: [YearDates()]   # noqa: E731 - the extractors factory
ARTICLES = {f"a{k}.txt": f"Story {k} was told in 20{10 + k}.\n" for k in range(6)}


def test_a_first_run_over_more_than_a_batch_starts_workers_early(tmp_path):
    project = make_project(tmp_path, ARTICLES, mtime=HOUR_AGO)
    pool = start_pool_early(project / "raw", project / "warehouse", ONE, workers=2, full=False,
                            batch_size=2)
    assert isinstance(pool, ExtractorPool)
    try:
        summary = run_ingest(project / "raw", project / "warehouse", extractors=[YearDates()], batch_size=2,
                             workers=2, pool=pool)
        assert pool.closed            # the run used it and let it go
    finally:
        pool.close(kill=True)
    assert summary["new"] == 6
    assert query(project, "SELECT count(DISTINCT source_id) FROM dates") == [(6,)]


def test_no_early_workers_for_a_refresh_one_worker_or_one_batch(tmp_path):
    project = make_project(tmp_path, ARTICLES, mtime=HOUR_AGO)
    raw, wh = project / "raw", project / "warehouse"
    assert start_pool_early(raw, wh, ONE, workers=1, full=False, batch_size=2) is None
    assert start_pool_early(raw, wh, ONE, workers=2, full=False, batch_size=6) is None
    run_ingest(raw, wh, extractors=[YearDates()])
    # a warehouse exists: a refresh starts workers only after its plan shows the work
    assert start_pool_early(raw, wh, ONE, workers=2, full=False, batch_size=2) is None
    pool = start_pool_early(raw, wh, ONE, workers=2, full=True, batch_size=2)
    assert pool is not None
    pool.close(kill=True)


def test_a_pool_that_does_not_fit_the_run_is_left_alone(tmp_path):
    project = make_project(tmp_path, ARTICLES, mtime=HOUR_AGO)
    other = ExtractorPool([YearDates(version="0")], workers=2)
    try:
        assert not other.fits([YearDates()], 2)
        assert not other.fits([YearDates(version="0")], 3)
        assert other.fits([YearDates(version="0")], 2)
        run_ingest(project / "raw", project / "warehouse", extractors=[YearDates()], batch_size=2, workers=2,
                   pool=other)
        assert not other.closed       # the run made its own workers; the caller still owns these
    finally:
        other.close(kill=True)
    assert query(project, "SELECT DISTINCT version FROM extractions") == [("1",)]
