"""Extraction runner: pure batch extraction, and the same result from worker processes."""
from __future__ import annotations

import duckdb
import pytest

from fakes import DiesInWorker, YearDates
from scoop.extract.base import Document
from scoop.extract.runner import ExtractorPool, run_extractors
from scoop.pipeline import run_ingest
from scoop.warehouse import DB_NAME

DOCS = [Document(source_id=f"s{i}", body=f"Made in {2000 + i} and shown in {2010 + i}.") for i in range(7)]


def test_run_extractors_isolates_the_failing_article():
    docs = DOCS[:3] + [Document(source_id="bad", body="boom in 1999")]
    result = run_extractors([YearDates(explode_on="boom")], docs)
    assert [(e.extractor, e.source_id) for e in result.errors] == [("dates", "bad")]
    assert "RuntimeError: boom" in result.errors[0].reason
    assert result.frames["dates"]["source_id"].unique().sort().to_list() == ["s0", "s1", "s2"]
    assert result.seconds["extract:dates"] > 0


def test_pool_returns_what_one_process_returns():
    expected = run_extractors([YearDates()], DOCS)
    with ExtractorPool([YearDates()], workers=2) as pool:
        got = pool.extract(DOCS)
        assert len(set(pool.worker_pids())) == 2
    assert got.frames["dates"].equals(expected.frames["dates"])   # same rows, same order
    assert got.errors == []


def test_pool_reports_errors_from_workers():
    docs = DOCS + [Document(source_id="bad", body="boom 1999")]
    with ExtractorPool([YearDates(explode_on="boom")], workers=2) as pool:
        got = pool.extract(docs)
    assert [e.source_id for e in got.errors] == ["bad"]
    assert got.frames["dates"].height == 14


def test_a_dead_worker_loses_nothing():
    extractor = DiesInWorker()
    with ExtractorPool([extractor], workers=2) as pool:
        got = pool.extract(DOCS)
        assert pool.broken                     # later batches stay in this process
        again = pool.extract(DOCS[:2])
    assert got.frames["dates"].height == 14
    assert again.frames["dates"].height == 4


@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_with_workers_loads_the_same_rows(tmp_path, workers):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(6):
        (raw / f"{i}.txt").write_text(f" date 2025-01-0{i + 1} Item {i}\nSeason {i} aired in {2010 + i}.\n"
                                      + ("boom\n" if i == 4 else ""), encoding="utf-8")
    summary = run_ingest(raw, tmp_path / "wh", extractors=[YearDates(explode_on="boom")],
                         project_root=tmp_path, batch_size=2, workers=workers)
    assert (summary["new"], summary["status"]) == (6, "partial")
    con = duckdb.connect(str(tmp_path / "wh" / DB_NAME), read_only=True)
    dates = [t for (t,) in con.execute("SELECT text FROM dates ORDER BY text").fetchall()]
    reasons = con.execute("SELECT stage, reason FROM quarantine").fetchall()
    con.close()
    assert dates == ["2010", "2011", "2012", "2013", "2015"]
    assert reasons == [("extract", "extractor dates 1 failed: RuntimeError: boom")]


def test_extractors_run_after_what_they_need():
    import pytest

    from scoop.extract.registry import check_order, default_extractors

    extractors = default_extractors()
    assert [e.name for e in extractors] == ["dates", "people", "claims"]
    with pytest.raises(ValueError, match="claims needs"):
        check_order([extractors[2], extractors[0], extractors[1]])


def test_warm_up_loads_only_what_an_extractor_offers_to_load():
    from scoop.extract.runner import warm_up

    class Lazy(YearDates):
        warmed = 0

        def warm_up(self):
            self.warmed += 1

    lazy, plain = Lazy(), YearDates()
    warm_up([lazy, plain])
    assert lazy.warmed == 1 and not hasattr(plain, "warmed")


def test_the_pool_starts_its_workers_before_the_first_batch():
    import time

    with ExtractorPool([YearDates()], workers=2) as pool:
        for _ in range(600):                   # up to a minute on a busy machine
            if len(pool.worker_pids()) == 2:
                break
            time.sleep(0.1)
        assert len(pool.worker_pids()) == 2
        assert pool.extract(DOCS).frames["dates"].height == 14


def test_a_batch_leaves_no_text_in_the_extractors_shared_memos():
    from scoop.extract.base import Document
    from scoop.extract.segment import _sentences
    from scoop.extract.works import _works_in
    from scoop.extract.runner import run_extractors

    class Splitter:          # an extractor that splits and looks for works, as people and claims do
        name, version, tables = "splitter", "1", ()

        def extract(self, docs, frames):
            from scoop.extract.segment import sentences
            from scoop.extract.works import find_works
            for doc in docs:
                sentences(doc.body)
                find_works(doc)
            assert _sentences.cache_info().currsize == len(docs)     # memoized during the batch
            return {}

    run_extractors([Splitter()], [Document("a", 'The cast of "Long Night Falls" grows.'), Document("b", "Hi.")])
    assert _sentences.cache_info().currsize == 0 and _works_in.cache_info().currsize == 0
