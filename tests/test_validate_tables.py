"""Every table is validated against the schema the contract derives, people, inputs and quarantine included."""
from __future__ import annotations

import json

import duckdb
import polars as pl
import pytest

from fakes import YearDates, make_project
from scoop.contract import TABLES, comments, conform, ddl, polars_schema
from scoop.pipeline import run_ingest
from scoop.validate import validate_frame, validate_quarantine, validate_stored
from scoop.warehouse import DB_NAME

ARTICLES = {
    "a.txt": " date 2025-03-01 Studio Renews Show For 2026\nThe studio renewed the show in 2025 for 2026.\n",
    "b.txt": "Published: May 5, 2025 10:00 IST\nThe sequel lands in 2027, reports say.\n",
}


def _person(pid: str, kind: str = "real", count: int = 1) -> dict:
    return {"person_id": pid, "name": pid.title(), "kind": kind, "aliases": [pid], "source_count": count,
            "merge_reasons": []}


@pytest.fixture
def con():
    con = duckdb.connect()
    for statement in ddl() + comments():
        con.execute(statement)
    yield con
    con.close()


def test_inputs_rows_are_checked_and_say_their_uri():
    frame = conform(pl.DataFrame([
        {"uri": "raw/a.txt", "status": "loaded", "last_run_id": "r1", "size_bytes": 3},
        {"uri": "raw/b.txt", "status": "lost", "last_run_id": "r1", "size_bytes": 3},
    ]), "inputs")
    checked = validate_frame("inputs", frame)
    assert checked.valid["uri"].to_list() == ["raw/a.txt"]
    [bad] = checked.rejected
    assert bad["uri"] == "raw/b.txt" and bad["table_name"] == "inputs" and "status: isin" in bad["reason"]


def test_a_bad_quarantine_row_is_itself_quarantined_not_lost():
    frame = conform(pl.DataFrame([
        {"uri": "raw/a.txt", "stage": "read", "reason": "empty file", "run_id": "r1"},
        {"uri": "raw/b.txt", "stage": "somewhere", "reason": "odd", "run_id": "r1"},
    ]), "quarantine")
    out = validate_quarantine(frame, "r2")
    assert out.height == 2 and validate_frame("quarantine", out).rejected == []
    wrapped = out.filter(pl.col("table_name") == "quarantine").row(0, named=True)
    assert wrapped["uri"] == "raw/b.txt" and wrapped["stage"] == "validate" and wrapped["run_id"] == "r2"
    assert json.loads(wrapped["payload"])["stage"] == "somewhere" and "stage: isin" in wrapped["reason"]


def test_rebuilt_people_are_validated_where_they_are_stored(con):
    con.register("p", pl.DataFrame([_person("kim-ha-neul"), _person("nobody", kind="alien", count=0)],
                                   schema=polars_schema("people")))
    con.execute("INSERT INTO people SELECT * FROM p")
    rows = validate_stored(con, "people", "r1")
    assert [r["uri"] for r in rows] == ["people/nobody"]
    assert con.execute("SELECT person_id FROM people").fetchall() == [("kim-ha-neul",)]
    stored = con.execute("SELECT uri, stage, table_name, reason, run_id FROM quarantine").fetchall()
    assert len(stored) == 1 and stored[0][:3] == ("people/nobody", "validate", "people")
    assert "kind: isin" in stored[0][3] and "source_count" in stored[0][3]
    # the next rebuild replaces the table's quarantine rows
    assert validate_stored(con, "people", "r2") == []
    assert con.execute("SELECT count(*) FROM quarantine").fetchone() == (0,)


def _bad_person(con) -> None:
    con.execute("DELETE FROM people")
    con.register("p", pl.DataFrame([_person("ok-person"), _person("bad", kind="alien")],
                                   schema=polars_schema("people")))
    con.execute("INSERT INTO people SELECT * FROM p")
    con.unregister("p")


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path, ARTICLES)


def _tables(project) -> dict[str, pl.DataFrame]:
    con = duckdb.connect(str(project / "warehouse" / DB_NAME), read_only=True)
    try:
        return {name: conform(con.table(name).pl(), name) for name in TABLES}
    finally:
        con.close()


def test_a_run_stores_only_rows_its_schemas_accept(project):
    run_ingest(project / "raw", project / "warehouse", extractors=[YearDates()], project_root=project)
    tables = _tables(project)
    lengths = tables["sources"].select("source_id", body_length=pl.col("body").str.len_chars().cast(pl.Int64))
    for name, frame in tables.items():
        if name in ("sources", "dates", "inputs", "runs", "extractions"):
            assert frame.height, name
        assert validate_frame(name, frame, lengths).rejected == [], name


def test_a_person_failing_its_schema_goes_to_quarantine(project):
    summary = run_ingest(project / "raw", project / "warehouse", extractors=[YearDates()], project_root=project,
                         finalizers=[_bad_person])
    tables = _tables(project)
    assert tables["people"]["person_id"].to_list() == ["ok-person"]
    q = tables["quarantine"].filter(pl.col("table_name") == "people")
    assert q["uri"].to_list() == ["people/bad"] and q["stage"].to_list() == ["validate"]
    assert summary["status"] == "partial" and summary["rows_quarantined"] == 1
