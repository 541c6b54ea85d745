"""Misuse of the CLI ends in one clear `error:` line and a documented exit code, never a traceback.

Exit codes: 0 done, 1 failed, 2 bad arguments, 69 Prefect API unreachable, 75 warehouse busy.
The cases run through typer's CliRunner; a few also run through the real `scoop` entry point.
"""
from __future__ import annotations

import fcntl
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from fakes import YearDates
from scoop import cli
from scoop.cli import app
from scoop.cli_render import summary_table
from scoop.pipeline import run_ingest

runner = CliRunner()
SCOOP = Path(sys.executable).parent / "scoop"


@pytest.fixture(scope="module")
def place(tmp_path_factory):
    root = tmp_path_factory.mktemp("misuse")
    raw = root / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(" date 2025-01-02 A Headline\nThe film opens in 2026.", encoding="utf-8")
    run_ingest(raw, root / "wh", extractors=[YearDates()], project_root=root)
    (root / "file.txt").write_text("not a folder", encoding="utf-8")
    (root / "corrupt").mkdir()
    (root / "corrupt" / "scoop.duckdb").write_bytes(b"this is not a database")
    return root


# (args with {root} for the temporary folder, expected exit code, expected text in the output)
CASES = [
    (["query", ""], 2, "empty"),
    (["query", ";"], 2, "empty"),
    (["query", "select 1; select 2"], 2, "one statement"),
    (["query", "select 1", "-f", "xml"], 2, "--format"),
    (["query", "select 1", "--limit", "0"], 2, "--limit"),
    (["query", "selec 1"], 1, "syntax error"),
    (["query", "select * from sourcez"], 1, "Did you mean"),
    (["query", "select 1", "--warehouse", "{root}/corrupt"], 1, "not a valid DuckDB"),
    (["query", "select 1", "--warehouse", "{root}/file.txt"], 2, "is not a folder"),
    (["query", "select 1", "--warehouse", "{root}/nowhere"], 2, "scoop run"),
    (["status", "--warehouse", "{root}/corrupt"], 1, "not a valid DuckDB"),
    (["status", "--warehouse", "{root}/file.txt"], 2, "is not a folder"),
    (["status", "--warehouse", "{root}/nowhere"], 2, "scoop run"),
    (["run", "--batch-size", "0"], 2, "--batch-size"),
    (["run", "--batch-size", "-1"], 2, "--batch-size"),
    (["run", "--batch-size", "many"], 2, "--batch-size"),
    (["run", "--workers", "0"], 2, "--workers"),
    (["run", "--max-bytes", "0"], 2, "--max-bytes"),
    (["run", "--wait", "-5"], 2, "--wait"),
    (["run", "--raw", "{root}/file.txt"], 2, "is not a folder"),
    (["run", "--raw", "{root}/nowhere"], 2, "does not exist"),
    (["run", "--warehouse", "{root}/file.txt"], 2, "is not a folder"),
    (["run", "--warehouse", "{root}/it's"], 2, "cannot use '"),
    (["run", "--warehouse", "{root}/wh[1]"], 2, "cannot use ["),
    (["run", "--no-prefect", "--warehouse", "{root}/corrupt"], 1, "not a valid DuckDB"),
    (["run", "--full=yes"], 2, "--full"),
    (["bench", "{root}/raw", "--batch-size", "0"], 2, "--batch-size"),
    (["bench", "{root}/raw", "--workers", "-2"], 2, "--workers"),
    (["bench", "{root}/nowhere"], 2, "is not a folder"),
    (["bench-dates", "{root}/nowhere"], 2, "does not exist"),
    (["serve", "--warehouse", "{root}/file.txt"], 2, "is not a folder"),
    (["frobnicate"], 2, "No such command"),
    (["server", "restart"], 2, "No such command"),
]


def _args(args: list[str], root: Path) -> list[str]:
    """``args`` with the temporary folder filled in, and the default raw folder and warehouse added."""
    args = [a.replace("{root}", str(root)) for a in args]
    if args[0] == "query" and "--warehouse" not in args:
        args += ["--warehouse", str(root / "wh")]
    if args[0] == "run":
        args += [] if "--raw" in args else ["--raw", str(root / "raw")]
        args += [] if "--warehouse" in args else ["--warehouse", str(root / "wh2")]
    return args


@pytest.mark.parametrize("args,code,text", CASES, ids=[" ".join(c[0])[:40] for c in CASES])
def test_misuse_gives_one_line_and_exit_code(place, args, code, text):
    result = runner.invoke(app, _args(args, place))
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert text in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.output


def test_lists_maps_and_intervals_in_csv(place):
    sql = "select [1, 2] as l, map {'k': 'v'} as m, interval 3 day as i, {'a': ['x']} as s, null as n"
    result = runner.invoke(app, ["query", sql, "--warehouse", str(place / "wh"), "-f", "csv"])
    assert result.exit_code == 0, result.output
    header, row = result.stdout.splitlines()
    assert header == "l,m,i,s,n"
    assert row == '"[1, 2]","{""k"": ""v""}","3 days, 0:00:00","{""a"": [""x""]}",'
    result = runner.invoke(app, ["query", "select * from people", "--warehouse", str(place / "wh"), "-f", "csv"])
    assert result.exit_code == 0 and "aliases" in result.stdout.splitlines()[0]
    result = runner.invoke(app, ["query", sql, "--warehouse", str(place / "wh"), "-f", "json"])
    assert json.loads(result.stdout)[0]["l"] == [1, 2]


def test_busy_warehouse_in_prefect_mode_exits_75(place):
    (place / "wh").mkdir(exist_ok=True)
    with open(place / "wh" / ".scoop.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = runner.invoke(app, ["run", "--raw", str(place / "raw"), "--warehouse", str(place / "wh")])
        fcntl.flock(held, fcntl.LOCK_UN)
    assert result.exit_code == 75, result.output
    assert "Traceback" not in result.output and "--wait" in result.output


def test_unreachable_prefect_api_hints_no_prefect(place, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    result = runner.invoke(app, ["run", "--raw", str(place / "raw"), "--warehouse", str(place / "wh3")])
    assert result.exit_code == 69, result.output
    assert "--no-prefect" in result.output and "Traceback" not in result.output


def test_read_only_warehouse_folder(place, monkeypatch):
    # root ignores file modes, so the refusal is simulated where the pipeline would hit it
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(place / "ro" / "scoop.duckdb.next"))

    monkeypatch.setattr("scoop.pipeline.run_ingest", refuse)
    monkeypatch.setattr("scoop.extract.registry.default_extractors", list)
    result = runner.invoke(app, ["run", "--no-prefect", "--raw", str(place / "raw"), "--warehouse",
                                 str(place / "ro")])
    assert result.exit_code == 1 and "Permission denied" in result.output and "Traceback" not in result.output


def test_an_unexpected_error_is_one_line(place, monkeypatch):
    monkeypatch.setattr("scoop.pipeline.run_ingest", lambda *a, **k: 1 / 0)
    monkeypatch.setattr("scoop.extract.registry.default_extractors", list)
    result = runner.invoke(app, ["run", "--no-prefect", "--raw", str(place / "raw"), "--warehouse",
                                 str(place / "wh4")])
    assert result.exit_code == 1 and "ZeroDivisionError" in result.output and "SCOOP_DEBUG" in result.output


def test_version_and_full_flag():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("scoop ")
    help_text = runner.invoke(app, ["run", "--help"]).output
    assert "--full " in help_text and "<bool>" not in help_text and "bool" not in help_text.lower()


def test_server_status_reports_an_unreachable_api(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    result = runner.invoke(app, ["server", "status"])
    assert result.exit_code == 3 and "does not answer" in result.output and "PREFECT_API_URL" in result.output


# the real entry point: a fresh process, real stderr, real exit status
REAL = [
    (["query", ""], 2),
    (["query", ";"], 2),
    (["run", "--batch-size", "0"], 2),
    (["query", "select 1", "--warehouse", "{root}/corrupt"], 1),
    (["run", "--raw", "{root}/file.txt"], 2),
    (["run", "--warehouse", "{root}/wh[1]"], 2),
]


@pytest.mark.parametrize("args,code", REAL, ids=[" ".join(c[0])[:30] for c in REAL])
def test_real_entry_point(place, args, code):
    env = {**os.environ, "PREFECT_API_URL": "http://127.0.0.1:9/api", "COLUMNS": "80"}
    proc = subprocess.run([str(SCOOP), *_args(args, place)], capture_output=True, text=True, env=env,
                          cwd=place, timeout=120)
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert [line for line in proc.stderr.splitlines() if line.strip()][-1].startswith("error:")


def test_real_entry_point_busy_and_unreachable(place):
    env = {**os.environ, "PREFECT_API_URL": "http://127.0.0.1:9/api"}
    run = [str(SCOOP), "run", "--raw", str(place / "raw"), "--warehouse"]
    proc = subprocess.run(run + [str(place / "wh5")], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 69 and "--no-prefect" in proc.stderr and "Traceback" not in proc.stderr
    (place / "wh5").mkdir(exist_ok=True)
    with open(place / "wh5" / ".scoop.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        proc = subprocess.run(run + [str(place / "wh5")], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 75 and "Traceback" not in proc.stderr and proc.stderr.startswith("error:")


# 80 columns
SUMMARY = {"run_id": "20261202T234617-638479", "status": "partial", "read": 19000, "new": 120, "changed": 3,
           "unchanged": 18000, "duplicate": 7, "quarantined": 2, "missing": 1, "reextracted": 40,
           "rows_quarantined": 5}


def _render(renderable, width: int) -> str:
    console = Console(width=width, file=io.StringIO(), color_system=None)
    console.print(renderable)
    return console.file.getvalue()


@pytest.mark.parametrize("width", [80, 60])
def test_run_summary_is_whole_at_narrow_widths(width):
    console = Console(width=width, file=io.StringIO(), color_system=None)
    text = _render(summary_table(console, SUMMARY, 12.3), width)
    assert "…" not in text
    for header in ("read", "changed", "unchanged", "duplicate", "quarantined", "reextracted", "rows quarantined"):
        assert header in text
    assert "18000" in text and "run 20261202T234617-638479: partial in 12.3 s" in text
    assert max(len(line) for line in text.splitlines()) <= width


def test_run_summary_stays_a_table_when_wide():
    console = Console(width=200, file=io.StringIO(), color_system=None)
    text = _render(summary_table(console, SUMMARY, 1.0), 200)
    assert text.count("┏") == 1 and "┃  read ┃" in text      # one table row, headers across


def test_status_at_80_columns_keeps_run_ids_whole(place, monkeypatch):
    monkeypatch.setattr(cli, "out", Console(width=80, file=io.StringIO(), color_system=None))
    result = runner.invoke(app, ["status", "--warehouse", str(place / "wh")])
    assert result.exit_code == 0, result.output
    text = cli.out.file.getvalue()
    run_id = runner.invoke(app, ["query", "select run_id from runs", "--warehouse", str(place / "wh"),
                                 "-f", "csv"]).stdout.splitlines()[1]
    assert run_id in text and "…" not in text
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "unchanged" in text and "sources" in text


def test_piped_summary_at_80_columns(place):
    env = {**os.environ, "COLUMNS": "80"}
    proc = subprocess.run([str(SCOOP), "run", "--no-prefect", "--workers", "1", "--raw", str(place / "raw"),
                           "--warehouse", str(place / "wh6")], capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "…" not in proc.stderr and "unchanged" in proc.stderr and "rows quarantined" in proc.stderr
    assert any(line.startswith("run ") and line.endswith(" s") for line in proc.stderr.splitlines())
    assert max(len(line) for line in proc.stderr.splitlines()) <= 80
