"""The Prefect flow and the scheduled deployment, under one session-scoped test harness."""
from __future__ import annotations

import asyncio
from types import SimpleNamespace

import duckdb
import pytest

from fakes import YearDates

pytestmark = pytest.mark.flow


@pytest.fixture(scope="session")
def prefect_api():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def flow_module(prefect_api):
    """The flow, run with a fake extractor and no finalizers (flow parameters)."""
    import flows.ingest as ingest_flow

    def ingest(**params):
        return ingest_flow.ingest(extractors=lambda: [YearDates()], finalizers=lambda: [], **params)

    return SimpleNamespace(ingest=ingest)


def _count(warehouse, sql):
    con = duckdb.connect(str(warehouse / "scoop.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_flow_ingests_in_batches_and_is_idempotent(tmp_path, flow_module):
    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(5):
        (raw / f"{i}.txt").write_text(f"Story number {i} from 20{10 + i}.", encoding="utf-8")
    first = flow_module.ingest(raw_dir=str(raw), warehouse_dir=str(tmp_path / "wh"), batch_size=2,
                               project_root=str(tmp_path))
    assert first["new"] == 5 and first["status"] == "success"
    second = flow_module.ingest(raw_dir=str(raw), warehouse_dir=str(tmp_path / "wh"),
                                project_root=str(tmp_path))
    assert second["unchanged"] == 5 and second["new"] == 0
    assert _count(tmp_path / "wh", "SELECT count(*) FROM dates") == 5


@pytest.mark.parametrize("workers", [1, 2])
def test_flow_batches_articles_per_task(tmp_path, flow_module, workers):
    from prefect.client.orchestration import get_client

    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(6):
        (raw / f"{i}.txt").write_text(f"Batch story {i} in 199{i}.", encoding="utf-8")
    state = flow_module.ingest(raw_dir=str(raw), warehouse_dir=str(tmp_path / "wh"), batch_size=4,
                               project_root=str(tmp_path), workers=workers, return_state=True)
    flow_run_id = state.state_details.flow_run_id

    async def task_names():
        from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

        async with get_client() as client:
            runs = await client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
            return sorted(r.name.rsplit("-", 1)[0] for r in runs)

    names = asyncio.run(task_names())
    # 6 articles in batches of 4 -- never one task per article. One process: plan, two batch
    # tasks, load; with workers, one task runs every batch, reading ahead while the workers extract
    if workers == 1:
        assert names == ["load", "plan", "process-batch", "process-batch"]
    else:
        assert names == ["load", "plan", "process"]
    assert _count(tmp_path / "wh", "SELECT count(*) FROM dates") == 6


def test_serve_registers_cron_and_its_run_loads_a_new_file(tmp_path, flow_module, monkeypatch):
    from prefect.client.orchestration import get_client

    from flows.schedule import build_deployment

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "first.txt").write_text("First story from 2020.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    deployment = build_deployment(name="test-refresh", cron="*/15 * * * *", raw_dir=raw,
                                  warehouse_dir=tmp_path / "wh")
    deployment_id = deployment.apply()

    async def read_back():
        async with get_client() as client:
            return await client.read_deployment(deployment_id)

    registered = asyncio.run(read_back())
    assert registered.name == "test-refresh"
    assert [s.schedule.cron for s in registered.schedules] == ["*/15 * * * *"]
    # a scheduled run executes the flow with the registered parameters
    flow_module.ingest(**registered.parameters)
    (raw / "dropped.txt").write_text("A newly dropped story from 2021.", encoding="utf-8")
    summary = flow_module.ingest(**registered.parameters)
    assert summary["new"] == 1
    assert _count(tmp_path / "wh", "SELECT count(*) FROM sources") == 2


class _HeartbeatSpy(YearDates):
    """Records the flow-run heartbeat setting while the flow extracts."""

    seen: list = []

    def extract(self, docs, context):
        from prefect.settings import get_current_settings

        _HeartbeatSpy.seen.append(get_current_settings().flows.heartbeat_frequency)
        return super().extract(docs, context)


def test_scoop_run_s_flow_runs_without_the_heartbeat_that_delayed_its_end(tmp_path, prefect_api):
    import flows.ingest as ingest_flow
    from prefect.settings import get_current_settings

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("A story from 2020.", encoding="utf-8")
    before = get_current_settings().flows.heartbeat_frequency
    summary = ingest_flow.run_flow(raw_dir=str(raw), warehouse_dir=str(tmp_path / "wh"), workers=1,
                                   extractors=lambda: [_HeartbeatSpy()], finalizers=lambda: [])
    assert summary["new"] == 1
    assert _HeartbeatSpy.seen == [None]
    # only that flow run: Prefect's settings outside it are untouched (scheduled runs keep theirs)
    assert get_current_settings().flows.heartbeat_frequency == before is not None


def test_a_cli_run_through_prefect_ends_without_noise_on_stderr(tmp_path, prefect_api):
    """The real entry point against a Prefect server: nothing but the run on stdout, nothing on stderr
    (no "nanobind: leaked" report as the process exits, no Prefect warnings)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from prefect.settings import get_current_settings

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Netflix renewed the show in March 2025 for a second season.", encoding="utf-8")
    env = {**os.environ, "PREFECT_API_URL": get_current_settings().api.url}
    scoop = Path(sys.executable).parent / "scoop"
    proc = subprocess.run([str(scoop), "run", "--raw", str(raw), "--warehouse", str(tmp_path / "wh"), "-q"],
                          capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.strip() == ""
    assert _count(tmp_path / "wh", "SELECT count(*) FROM sources") == 1


def test_run_flow_uses_and_closes_workers_its_caller_started(tmp_path, prefect_api):
    """`scoop run` starts the workers before it imports Prefect; the flow takes them over and lets them go."""
    import flows.ingest as ingest_flow
    from scoop.pipeline import start_pool_early

    raw = tmp_path / "raw"
    raw.mkdir()
    for i in range(6):
        (raw / f"{i}.txt").write_text(f"Story number {i} from 20{10 + i}.", encoding="utf-8")
    pool = start_pool_early(raw, tmp_path / "wh", lambda: [YearDates()], workers=2, full=False, batch_size=2)
    assert pool is not None and not pool.closed
    summary = ingest_flow.run_flow(pool=pool, raw_dir=str(raw), warehouse_dir=str(tmp_path / "wh"), workers=2,
                                   batch_size=2, extractors=lambda: [YearDates()], finalizers=lambda: [])
    assert summary["new"] == 6
    assert pool.closed
    assert _count(tmp_path / "wh", "SELECT count(DISTINCT source_id) FROM dates") == 6


def test_importing_the_flow_does_not_import_dask():
    """Dask's import costs a third of a second of every run's start: only --dask pays for it."""
    import subprocess
    import sys

    code = "import sys, flows.ingest; print('distributed' in sys.modules, 'prefect_dask' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["False", "False"]
