"""Progress moves a few articles at a time inside one batch; the rows are those of whole batches."""
from __future__ import annotations

import duckdb

from fakes import YearDates
from flows.steps import IN_PROCESS_STEP, STEPWISE
from scoop.pipeline import run_ingest


def _rows(warehouse):
    con = duckdb.connect(str(warehouse / "scoop.duckdb"), read_only=True)
    try:
        return sorted(con.execute("SELECT source_id, value FROM dates").fetchall())
    finally:
        con.close()


def test_progress_per_step_within_one_batch(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    n = 2 * IN_PROCESS_STEP + 3
    for i in range(n):
        (raw / f"{i:02d}.txt").write_text(f"Story {i} from {1990 + i}.", encoding="utf-8")
    calls = []
    summary = run_ingest(raw, tmp_path / "steps", extractors=[YearDates()], batch_size=64, stages=STEPWISE,
                         progress=lambda done, total: calls.append((done, total)))
    assert calls == [(IN_PROCESS_STEP, n), (IN_PROCESS_STEP, n), (3, n)]
    assert summary["new"] == n
    run_ingest(raw, tmp_path / "whole", extractors=[YearDates()], batch_size=64)
    assert _rows(tmp_path / "steps") == _rows(tmp_path / "whole") and len(_rows(tmp_path / "whole")) == n
