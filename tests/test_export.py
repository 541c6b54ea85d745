"""`scoop export` (the views as csv, parquet or jsonl files) and the views in warehouse/parquet/."""
from __future__ import annotations

import csv
import os
import json

import duckdb
import pytest
from typer.testing import CliRunner

import report_fixture as fx
from fakes import YearDates
from scoop.cli import app
from scoop.pipeline import run_ingest
from scoop.warehouse import DB_NAME, PARQUET_DIR, connect

runner = CliRunner()
VIEWS = {"cast": "cast_members", "claim_facts": "claim_facts", "claim_timeline": "claim_timeline",
         "claim_conflicts": "claim_conflicts"}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    return fx.build(tmp_path_factory.mktemp("export") / "wh")


def _expected(warehouse, view):
    con = connect(warehouse / DB_NAME, read_only=True)
    try:
        cursor = con.execute(f"SELECT * FROM {view}")
        return [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_every_view_is_written(warehouse, tmp_path, fmt):
    out = tmp_path / "views"
    result = runner.invoke(app, ["export", "--warehouse", str(warehouse), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.{fmt}" for name in VIEWS)
    for name, view in VIEWS.items():
        columns, rows = _expected(warehouse, view)
        path = out / f"{name}.{fmt}"
        assert f"{path} ({len(rows)} rows)" in " ".join(result.output.split())
        if fmt == "csv":
            with path.open(newline="", encoding="utf-8") as fh:
                read = list(csv.reader(fh))
            assert read[0] == columns and len(read) == len(rows) + 1
        elif fmt == "jsonl":
            lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            assert len(lines) == len(rows) and all(list(line) == columns for line in lines)
        else:
            assert duckdb.sql("SELECT count(*) FROM read_parquet($p)", params={"p": str(path)}).fetchall()[0][0] \
                == len(rows)


def test_jsonl_keeps_text_and_dates(warehouse, tmp_path):
    runner.invoke(app, ["export", "--warehouse", str(warehouse), "-f", "jsonl", "--out", str(tmp_path)])
    cast = [json.loads(line) for line in (tmp_path / "cast.jsonl").read_text(encoding="utf-8").splitlines()]
    eve = next(row for row in cast if row["person_id"] == "eve")
    assert eve["person"] == f"{fx.SCRIPT}Eve {fx.IMG}" and eve["first_reported"] == "2025-09-10"
    conflicts = (tmp_path / "claim_conflicts.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["kind"] for line in conflicts) == ["disagreement"] * 2 + ["update"] * 2


@pytest.mark.parametrize("args, code, message", [
    (["--format", "xml"], 2, "--format must be one of csv, parquet, jsonl"),
    (["--warehouse", "{tmp}/none"], 2, "no warehouse at"),
    (["--out", "{tmp}/file.txt/views"], 1, "cannot write --out"),
])
def test_errors_are_one_line(warehouse, tmp_path, args, code, message):
    (tmp_path / "file.txt").write_text("x")
    base = ["export", "--warehouse", str(warehouse), "--out", str(tmp_path / "views")]
    result = runner.invoke(app, base + [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == code and message in result.output
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


def test_publish_writes_the_views_to_parquet(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(" date 2025-01-02 A Headline\nThe film opens in 2026.", encoding="utf-8")
    run_ingest(raw, tmp_path / "wh", extractors=[YearDates()], project_root=tmp_path)
    root = tmp_path / "wh" / PARQUET_DIR
    for name in VIEWS:
        assert (root / name / "data.parquet").exists(), name
    assert not list(root.glob("*.next")) and not list(root.glob("*.old"))


def test_views_are_exported_again_only_when_what_they_read_or_their_definition_changed(tmp_path):
    import time

    from scoop.warehouse.store import export_parquet

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(" date 2025-01-02 A Headline\nThe film opens in 2026.", encoding="utf-8")
    old = time.time() - 3600
    os.utime(raw / "a.txt", (old, old))
    wh = tmp_path / "wh"
    run_ingest(raw, wh, extractors=[YearDates()], project_root=tmp_path)
    view_file = wh / PARQUET_DIR / "claim_facts" / "data.parquet"
    ledger_file = wh / PARQUET_DIR / "runs" / "data.parquet"
    first = (view_file.stat().st_ino, ledger_file.stat().st_ino)
    run_ingest(raw, wh, extractors=[YearDates()], project_root=tmp_path)      # nothing changed
    assert view_file.stat().st_ino == first[0]           # the views stay as exported
    assert ledger_file.stat().st_ino != first[1]         # the ledger is exported again
    (raw / "b.txt").write_text(" date 2025-02-03 B Headline\nIt ends in 2027.", encoding="utf-8")
    run_ingest(raw, wh, extractors=[YearDates()], project_root=tmp_path)      # a new article
    second = view_file.stat().st_ino
    assert second != first[0]
    # a newer scoop whose views are defined differently exports them again, whatever changed
    con = connect(wh / DB_NAME)
    con.execute("CREATE VIEW a_newer_view AS SELECT 1 AS x")
    con.close()
    export_parquet(wh, ["runs"])
    assert view_file.stat().st_ino != second


def test_a_table_past_the_file_size_goes_on_in_more_files_with_small_row_groups(tmp_path, monkeypatch):
    import duckdb
    import pyarrow.parquet as pq

    from scoop.warehouse import store

    con = duckdb.connect()
    rows = con.sql("SELECT range AS k, repeat('body text ', 50) || range AS body FROM range(5000)")
    one, many = tmp_path / "one", tmp_path / "many"
    one.mkdir()
    many.mkdir()
    store._write_parquet(rows, one)
    assert [p.name for p in one.iterdir()] == ["data.parquet"]
    meta = pq.ParquetFile(one / "data.parquet").metadata
    assert meta.num_rows == 5000 and meta.num_row_groups == 3      # 2,048 rows a group
    monkeypatch.setattr(store, "EXPORT_FILE_BYTES", "10KB")
    store._write_parquet(rows, many)
    names = sorted(p.name for p in many.iterdir())
    assert len(names) > 1 and names[0] == "data_0.parquet"
    every = duckdb.read_parquet(str(many / "*.parquet")).aggregate("count(*), count(DISTINCT k)").fetchall()
    assert every == [(5000, 5000)]
    empty = tmp_path / "empty"           # an empty table still gets its file, with its columns
    empty.mkdir()
    store._write_parquet(rows.limit(0), empty)
    assert duckdb.read_parquet(str(empty / "data.parquet")).columns == ["k", "body"]
