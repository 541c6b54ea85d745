"""`--dask`: extraction on a Dask cluster gives the rows of a local run, also when a worker dies."""
from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from scoop.cli import app

pytestmark = pytest.mark.flow
ARTICLES = 40
# rows compared between runs: everything but the run's own id and clock
TABLES = {"sources": "* EXCLUDE (ingested_at)", "dates": "*", "mentions": "*", "roles": "*", "claims": "*",
          "people": "*", "extractions": "* EXCLUDE (run_id)",
          "inputs": "uri, content_sha256, status, source_id"}


@pytest.fixture(scope="module")
def raw40(shared_dir, tmp_path_factory) -> Path:
    corpus = shared_dir / "corpus" / "bbc-full"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} not present")
    files = sorted(p for p in corpus.rglob("*.txt") if p.name != "README.TXT")[:ARTICLES]
    raw = tmp_path_factory.mktemp("dask") / "raw"
    raw.mkdir()
    for path in files:
        shutil.copy(path, raw / f"{path.parent.name}-{path.name}")
    return raw


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc, \
            Client(lc) as client:
        yield lc, client


@pytest.fixture(scope="module")
def prefect_api():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="module")
def local_rows(raw40, tmp_path_factory) -> dict:
    from scoop.extract.registry import default_extractors
    from scoop.warehouse.people_ids import default_finalizers
    from scoop.pipeline import run_ingest

    warehouse = tmp_path_factory.mktemp("local") / "wh"
    run_ingest(raw40, warehouse, extractors=default_extractors(), finalizers=default_finalizers(), batch_size=8)
    return rows(warehouse)


def rows(warehouse: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(warehouse / "scoop.duckdb"), read_only=True)
    try:
        return {t: sorted(con.execute(f"SELECT {cols} FROM {t}").fetchall(), key=repr) for t, cols in TABLES.items()}
    finally:
        con.close()


def dask_run(monkeypatch, raw: Path, warehouse: Path, address: str, on_progress=None) -> dict:
    import flows.ingest as ingest_flow
    from scoop.extract import registry
    from scoop.warehouse import people_ids

    return ingest_flow.run_flow(raw_dir=str(raw), warehouse_dir=str(warehouse), batch_size=8,
                                project_root=str(raw.parent), dask=address, progress=on_progress,
                                extractors=registry.default_extractors, finalizers=people_ids.default_finalizers)


def test_dask_run_gives_the_rows_of_a_local_run(raw40, cluster, prefect_api, local_rows, tmp_path, monkeypatch):
    lc, client = cluster
    summary = dask_run(monkeypatch, raw40, tmp_path / "wh", lc.scheduler_address)
    assert summary["new"] == ARTICLES and summary["status"] == "success"
    assert not summary["warnings"]              # no batch was redone locally
    got = rows(tmp_path / "wh")
    assert {t: len(r) for t, r in got.items()} == {t: len(r) for t, r in local_rows.items()}
    assert got == local_rows
    # each worker loaded the extractors once, through the plugin, and kept them
    held = client.run(lambda: len(__import__("scoop.dask_engine").dask_engine._worker_sets))
    assert sorted(held.values()) == [1, 1]


def test_killing_a_worker_mid_run_loses_no_article(raw40, cluster, prefect_api, local_rows, tmp_path,
                                                   monkeypatch):
    lc, client = cluster
    pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_one(done: int, total: int) -> None:
        if not killed:              # first batch back: the others are on the workers
            killed.append(sorted(pids.values())[0])
            os.kill(killed[0], signal.SIGKILL)

    summary = dask_run(monkeypatch, raw40, tmp_path / "wh", lc.scheduler_address, on_progress=kill_one)
    assert killed and summary["new"] == ARTICLES
    got = rows(tmp_path / "wh")
    assert len(got["sources"]) == ARTICLES
    assert got == local_rows


def test_bad_or_unreachable_dask_address_is_one_line(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    runner = CliRunner()
    bad = runner.invoke(app, ["run", "--raw", str(raw), "--warehouse", str(tmp_path / "wh"), "--dask", "nowhere"])
    assert bad.exit_code == 2 and "expected a scheduler address" in bad.output
    gone = runner.invoke(app, ["run", "--raw", str(raw), "--warehouse", str(tmp_path / "wh"),
                               "--dask", "tcp://127.0.0.1:9"])
    assert gone.exit_code == 69 and "cannot reach the Dask scheduler" in gone.output
    assert "Traceback" not in bad.output + gone.output
