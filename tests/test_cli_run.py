"""`scoop run`'s closing lines and exit codes, with the pipeline stubbed (no spaCy, no Prefect server)."""
from __future__ import annotations

import errno

import pytest
from typer.testing import CliRunner

from scoop.cli import app

runner = CliRunner()
SUMMARY = {"run_id": "20260101T000000-abcdef", "status": "success", "read": 1, "new": 1, "changed": 0,
           "unchanged": 0, "duplicate": 0, "quarantined": 0, "missing": 0, "reextracted": 0,
           "rows_quarantined": 0, "committed": True, "stage_seconds_total": {}}


@pytest.fixture
def raw(tmp_path, monkeypatch):
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "a.txt").write_text("A story from 2020.", encoding="utf-8")
    monkeypatch.setattr("scoop.extract.registry.default_extractors", list)
    monkeypatch.setattr("scoop.warehouse.people_ids.default_finalizers", list)
    return folder


def _run(raw, tmp_path, *extra):
    return runner.invoke(app, ["run", "--no-prefect", "--raw", str(raw), "--warehouse", str(tmp_path / "wh"),
                               *extra])


def _stub(monkeypatch, outcome):
    def fake(*args, **kwargs):
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    monkeypatch.setattr("scoop.pipeline.run_ingest", fake)


def test_skipped_entries_and_warnings_are_one_line_each(raw, tmp_path, monkeypatch):
    summary = {**SUMMARY, "skipped": [("raw/.git", "hidden file or folder (name starts with '.')"),
                                      ["raw/link", "symbolic link to a folder; not followed"]],
               "warnings": ["run x is committed,\nbut the Parquet export failed"]}
    _stub(monkeypatch, summary)
    result = _run(raw, tmp_path)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "skipped raw/.git: hidden file or folder (name starts with '.')" in lines
    assert "skipped raw/link: symbolic link to a folder; not followed" in lines
    assert "warning: run x is committed, but the Parquet export failed" in lines
    quiet = _run(raw, tmp_path, "-q")
    assert quiet.output.splitlines() == ["warning: run x is committed, but the Parquet export failed"]


def test_working_copy_error_exits_73_in_one_line(raw, tmp_path, monkeypatch):
    from scoop.warehouse import WorkingCopyError

    _stub(monkeypatch, WorkingCopyError(errno.ENOSPC, "could not make the working copy wh/scoop.duckdb.next "
                                                      "(No space left on device); it was removed"))
    result = _run(raw, tmp_path)
    assert result.exit_code == 73, result.output
    assert result.output.splitlines() == ["error: could not make the working copy wh/scoop.duckdb.next "
                                          "(No space left on device); it was removed"]


@pytest.mark.parametrize("exc,code,text", [("terminated", 143, "terminated (SIGTERM)"),
                                            ("interrupt", 130, "interrupted")])
def test_sigterm_and_ctrl_c_end_quietly(raw, tmp_path, monkeypatch, exc, code, text):
    from scoop.pipeline import Terminated

    _stub(monkeypatch, Terminated(143) if exc == "terminated" else KeyboardInterrupt())
    result = _run(raw, tmp_path)
    assert result.exit_code == code, result.output
    assert len(result.output.splitlines()) == 1 and text in result.output
    assert "Traceback" not in result.output and "error" not in result.output


def test_prefect_mode_calls_run_flow(raw, tmp_path, monkeypatch):
    import flows.ingest as ingest_flow
    from scoop import cli

    calls = []

    def run_flow(**params):
        calls.append(params)
        assert params["progress"] is not None
        return {**SUMMARY, "skipped": [], "warnings": ["Prefect failed after it"]}

    monkeypatch.setattr(cli, "_server", lambda: "http://stub/api")
    monkeypatch.setattr(ingest_flow, "run_flow", run_flow)
    result = runner.invoke(app, ["run", "--raw", str(raw), "--warehouse", str(tmp_path / "wh"), "--batch-size", "3"])
    assert result.exit_code == 0, result.output
    assert calls and calls[0]["batch_size"] == 3 and calls[0]["raw_dir"] == str(raw)
    assert "warning: Prefect failed after it" in result.output
    assert ingest_flow.progress_hook is None


def test_serve_prints_no_ui_link_or_prefect_hint(tmp_path, monkeypatch):
    import flows.schedule
    import prefect
    from scoop import cli

    served = []
    monkeypatch.setattr(cli, "_server", lambda: "http://127.0.0.1:4242/api")
    monkeypatch.setattr(flows.schedule, "build_deployment", lambda **kw: kw)
    monkeypatch.setattr(prefect, "serve", lambda *d, **kw: served.append(kw))
    monkeypatch.setenv("SCOOP_SERVED", "")     # serve sets it; teardown removes it again
    result = runner.invoke(app, ["serve", "--cron", "0 * * * *", "--warehouse", str(tmp_path / "wh"), "--name", "t"])
    assert result.exit_code == 0, result.output
    assert served == [{"print_starting_message": False}]
    assert "one line per run" in result.output
    assert "prefect deployment" not in result.output and "UI" not in result.output


class _State:
    def __init__(self, name, message=None):
        self.name, self.message = name, message

    def is_completed(self):
        return self.name == "Completed"


def test_a_scheduled_run_is_one_line():
    from flows.ingest import run_line

    summary = {**SUMMARY, "status": "partial", "new": 3, "changed": 1, "quarantined": 2, "rows_quarantined": 7}
    assert run_line("brave-fox", _State("Completed"), summary) == (
        "run 20260101T000000-abcdef partial: new 3, changed 1, quarantined 2 files and 7 rows")
    assert run_line("brave-fox", _State("Failed", "Flow run encountered an exception:\nIOException: bad"),
                    None) == ("run brave-fox failed: Flow run encountered an exception: IOException: bad; "
                              "nothing was committed")
    assert "committed, but Prefect then reported Crashed" in run_line("x", _State("Crashed"), summary)


def test_bench_reports_quarantined_rows(tmp_path, monkeypatch):
    import json

    from fakes import YearDates

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("A story from 2020.", encoding="utf-8")
    (corpus / "b.txt").write_bytes(b"")
    monkeypatch.setattr("scoop.extract.registry.default_extractors", lambda: [YearDates()])
    monkeypatch.setattr("scoop.warehouse.people_ids.default_finalizers", list)
    result = runner.invoke(app, ["bench", str(corpus), "--no-prefect", "--workers", "1", "-f", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["quarantined"] == 1 and report["rows_quarantined"] == 0 and report["loaded"] == 1
