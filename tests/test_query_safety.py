"""`scoop query` is read-only: one test per statement form that must not write or read outside.

Each refused statement leaves every file of the warehouse byte-identical, and a
secret file outside the warehouse never reaches the output.
"""
from __future__ import annotations

import hashlib
import json

import duckdb
import pytest
from typer.testing import CliRunner

from fakes import YearDates
from scoop.cli import app
from scoop.pipeline import run_ingest
from scoop.query import READ_ONLY_CONFIG, QueryError, clean_text, open_read_only, run_query

runner = CliRunner()
SECRET = "TOPSECRET-4711"


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    root = tmp_path_factory.mktemp("safety")
    raw = root / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(" date 2025-01-02 A Headline\nThe film opens in 2026.", encoding="utf-8")
    run_ingest(raw, root / "wh", extractors=[YearDates()], project_root=root)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.csv").write_text(f"a,b\n{SECRET},1\n", encoding="utf-8")
    other = outside / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("CREATE TABLE sources AS SELECT 1 AS x")
    return root


def snapshot(folder) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".scoop.lock"}


def refused(setup, sql: str, code: int = 1) -> str:
    """Run ``sql``; assert the exit code, no traceback, and that nothing on disk changed."""
    before, outside_before = snapshot(setup / "wh"), snapshot(setup / "outside")
    result = runner.invoke(app, ["query", "--warehouse", str(setup / "wh"), "-f", "csv", "--", sql])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and SECRET not in result.output
    assert snapshot(setup / "wh") == before
    assert snapshot(setup / "outside") == outside_before
    assert sorted(p.name for p in (setup / "outside").iterdir()) == ["other.duckdb", "secret.csv"]
    return result.output


def test_copy_over_the_warehouse_file(setup):
    out = refused(setup, f"copy (select 'x') to '{setup / 'wh' / 'scoop.duckdb'}'")
    assert "disabled by configuration" in out


def test_copy_over_a_parquet_export_file(setup):
    target = setup / "wh" / "parquet" / "sources" / "data.parquet"
    assert target.exists()
    refused(setup, f"copy (select 'x' as title) to '{target}' (format parquet)")


def test_copy_table_to_a_new_file(setup):
    refused(setup, f"copy sources to '{setup / 'outside' / 'dump.csv'}'")


def test_copy_from_an_outside_file(setup):
    refused(setup, f"copy sources from '{setup / 'outside' / 'secret.csv'}'")


def test_attach_another_database_writable(setup):
    refused(setup, f"attach '{setup / 'outside' / 'other.duckdb'}' as e (read_only false)")


def test_attach_then_delete_in_one_call(setup):
    out = refused(setup, f"attach '{setup / 'outside' / 'other.duckdb'}' as e (read_only false); "
                         "delete from e.sources", code=2)
    assert "one statement" in out


def test_export_database(setup):
    refused(setup, f"export database '{setup / 'outside' / 'dump'}'")


def test_import_database(setup):
    refused(setup, f"import database '{setup / 'outside'}'")


@pytest.mark.parametrize("reader", ["read_csv", "read_csv_auto", "read_text", "read_blob", "read_json"])
def test_table_functions_cannot_read_outside_files(setup, reader):
    out = refused(setup, f"select * from {reader}('{setup / 'outside' / 'secret.csv'}')")
    assert "disabled by configuration" in out


def test_system_files_are_not_readable(setup):
    out = refused(setup, "select * from read_csv('/etc/passwd')")
    assert "root:" not in out
    out = refused(setup, "select * from read_text('/etc/shadow')")
    assert "root:" not in out


def test_a_quoted_path_is_not_scanned(setup):
    refused(setup, f"select * from '{setup / 'outside' / 'secret.csv'}'")


def test_glob_lists_nothing(setup):
    out = refused(setup, f"select * from glob('{setup / 'outside'}/*')")
    assert "secret.csv" not in out


def test_install_and_load_extensions(setup):
    refused(setup, "install httpfs")
    refused(setup, "load httpfs")
    refused(setup, "select * from read_parquet('https://example.com/x.parquet')")


@pytest.mark.parametrize("sql", ["set enable_external_access = true", "reset enable_external_access",
                                 "set lock_configuration = false", "set allowed_directories = ['/']",
                                 "set autoinstall_known_extensions = true", "pragma enable_profiling",
                                 "set profiling_output = '/tmp/scoop-profile.txt'", "set temp_directory = '/tmp'"])
def test_configuration_is_locked(setup, sql):
    assert "locked" in refused(setup, sql)


@pytest.mark.parametrize("sql", ["delete from sources", "drop table claims", "update sources set title = 'x'",
                                 "insert into runs (run_id) values ('x')", "create table t as select 1",
                                 "create view v as select 1", "alter table sources add column z int",
                                 "comment on table sources is 'x'"])
def test_writes_to_the_warehouse(setup, sql):
    assert "read-only" in refused(setup, sql)


def test_secrets_cannot_be_stored(setup):
    refused(setup, "create persistent secret s (type s3, key_id 'a', secret 'b')")


@pytest.mark.parametrize("sql", ["checkpoint", "force checkpoint", "vacuum"])
def test_maintenance_statements_leave_the_file_alone(setup, sql):
    before = snapshot(setup / "wh")
    runner.invoke(app, ["query", sql, "--warehouse", str(setup / "wh")])
    assert snapshot(setup / "wh") == before


def test_the_settings_are_in_force(setup):
    result = run_query(setup / "wh" / "scoop.duckdb",
                       "select name, value from duckdb_settings() where name in ('enable_external_access', "
                       "'lock_configuration', 'autoinstall_known_extensions', 'autoload_known_extensions', "
                       "'python_enable_replacements', 'access_mode') order by name")
    settings = dict(result.rows)
    assert settings == {"access_mode": "read_only", "autoinstall_known_extensions": "false",
                        "autoload_known_extensions": "false", "enable_external_access": "false",
                        "lock_configuration": "true", "python_enable_replacements": "false"}
    assert READ_ONLY_CONFIG["lock_configuration"] is True


def test_python_variables_are_not_tables(setup):
    con = open_read_only(setup / "wh" / "scoop.duckdb")
    frame = con.sql("select 1 as leaked")     # a relation a replacement scan could pick up by name
    try:
        with pytest.raises(duckdb.Error):
            con.execute("select * from frame").fetchall()
    finally:
        del frame
        con.close()


def test_reading_the_warehouse_and_its_views_still_works(setup):
    result = runner.invoke(app, ["query", "select count(*) as n from claim_facts", "--warehouse", str(setup / "wh"),
                                 "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": 0}]
    result = runner.invoke(app, ["query", "select value from dates;", "--warehouse", str(setup / "wh"), "-f", "csv"])
    assert result.stdout.splitlines() == ["value", "2026"]


@pytest.mark.parametrize("sql", ["", "   ", ";", " ; ;", "-- only a comment"])
def test_empty_queries(setup, sql):
    assert "empty" in refused(setup, sql, code=2)


def test_several_statements_are_refused(setup):
    assert "one statement per call, got 2" in refused(setup, "select 1; select 2", code=2)
    with pytest.raises(QueryError) as info:
        run_query(setup / "wh" / "scoop.duckdb", "select 1; delete from sources")
    assert info.value.code == 2


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_terminal_escapes_are_stripped(setup, fmt):
    sql = ("select 'red' || chr(27) || '[31mALERT' || chr(27) || ']0;title' || chr(7) || chr(155) || '2J' "
           "|| chr(8) || chr(13) || '[bold]x[/bold]' as value, [chr(27) || '[2Jlist'] as l")
    result = runner.invoke(app, ["query", sql, "--warehouse", str(setup / "wh"), "-f", fmt])
    assert result.exit_code == 0, result.output
    for bad in ("\x1b", "\x07", "\x9b", "\x08", "\r", "\\u001b"):
        assert bad not in result.stdout
    assert "redALERT" in result.stdout and "[bold]x[/bold]" in result.stdout   # markup printed, not applied


def test_clean_text_keeps_text():
    assert clean_text("Café\tnew\nline") == "Café\tnew\nline"
    assert clean_text("a\x1b[1;31mb\x1b]8;;http://x\x1b\\c\u202ed\x00") == "abcd"


def test_errors_keep_duckdb_hints(setup):
    result = runner.invoke(app, ["query", "select * from sourcez", "--warehouse", str(setup / "wh")])
    assert result.exit_code == 1 and 'Did you mean "sources"' in result.output
    result = runner.invoke(app, ["query", "select nope from sources", "--warehouse", str(setup / "wh")])
    assert result.exit_code == 1 and "Candidate bindings" in result.output
