"""Look-ahead on local worker processes: the next batches are read while earlier ones extract.

The rows are those of a run without workers (same ids, same counts), a dead worker
loses nothing, progress moves per batch, and no more than ``2 * workers`` batches are
in flight at once.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from fakes import DiesInWorker, YearDates
from scoop.lookahead import LookAhead
from scoop.pipeline import run_ingest
from test_dask import ARTICLES, TABLES, rows
from test_dask import raw40 as raw40_fixture

raw40 = raw40_fixture     # the 40 bbc-full articles, a module-scoped fixture


def _raw(tmp_path: Path, n: int = 9) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(n):
        (raw / f"{i}.txt").write_text(f"Story {i}\nSeason {i} aired in {2000 + i} and {1990 + i}.\n",
                                      encoding="utf-8")
    return raw


def _dates(warehouse: Path) -> list[tuple]:
    con = duckdb.connect(str(warehouse / "scoop.duckdb"), read_only=True)
    try:
        return sorted(con.execute("SELECT * FROM dates").fetchall(), key=repr)
    finally:
        con.close()


@pytest.mark.flow
def test_two_workers_give_the_rows_of_one(raw40, tmp_path):
    from scoop.extract.registry import default_extractors
    from scoop.warehouse.people_ids import default_finalizers

    got = {}
    for workers in (1, 2):
        summary = run_ingest(raw40, tmp_path / f"w{workers}", extractors=default_extractors(),
                             finalizers=default_finalizers(), batch_size=8, workers=workers,
                             project_root=tmp_path)
        assert (summary["new"], summary["warnings"]) == (ARTICLES, [])
        got[workers] = rows(tmp_path / f"w{workers}")
    assert {t: len(r) for t, r in got[2].items()} == {t: len(r) for t, r in got[1].items()}
    assert set(TABLES) <= set(got[2]) and len(got[2]["sources"]) == ARTICLES
    assert got[2] == got[1]


def test_progress_moves_per_batch_with_workers(tmp_path):
    raw = _raw(tmp_path)
    calls = []
    summary = run_ingest(raw, tmp_path / "wh", extractors=[YearDates()], batch_size=2, workers=2,
                         project_root=tmp_path, progress=lambda done, total: calls.append((done, total)))
    assert summary["new"] == 9
    assert calls == [(2, 9)] * 4 + [(1, 9)]
    assert "wait:extract" in summary["stage_seconds_total"]


def test_a_dead_worker_loses_nothing_with_batches_in_flight(tmp_path):
    raw = _raw(tmp_path)
    alone = run_ingest(raw, tmp_path / "alone", extractors=[YearDates()], batch_size=2, project_root=tmp_path)
    summary = run_ingest(raw, tmp_path / "dies", extractors=[DiesInWorker()], batch_size=2, workers=2,
                         project_root=tmp_path)
    assert summary["new"] == alone["new"] == 9 and summary["status"] == "success"
    assert any("redone locally" in w for w in summary["warnings"])
    assert _dates(tmp_path / "dies") == _dates(tmp_path / "alone")


class _Done:
    def __init__(self, engine: "_Counting", docs):
        self.engine, self.docs = engine, docs

    def result(self, timeout=None):
        from scoop.extract.runner import run_extractors

        self.engine.outstanding -= 1
        return run_extractors([YearDates()], self.docs)


class _Counting(LookAhead):
    """Extracts when asked for the result; counts the batches handed over and not yet collected."""

    def __init__(self, workers: int):
        super().__init__()
        self.n, self.outstanding, self.most = workers, 0, 0

    def workers(self) -> int:
        return self.n

    def start(self, extractors):
        def submit(docs):
            self.outstanding += 1
            self.most = max(self.most, self.outstanding)
            return _Done(self, docs)
        return submit


def test_no_more_than_two_batches_per_worker_are_in_flight(tmp_path):
    raw = _raw(tmp_path, 20)
    engine = _Counting(workers=2)
    summary = run_ingest(raw, tmp_path / "wh", extractors=[YearDates()], batch_size=2, project_root=tmp_path,
                         engine=engine)
    assert summary["new"] == 20 and engine.outstanding == 0
    assert engine.most == 2 * 2 + 1        # the window, and the batch just handed over
    run_ingest(raw, tmp_path / "plain", extractors=[YearDates()], batch_size=2, project_root=tmp_path)
    assert _dates(tmp_path / "wh") == _dates(tmp_path / "plain")
