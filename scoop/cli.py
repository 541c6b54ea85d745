"""`scoop` command line: run, query, status, serve, bench, evaluate, timeml, server."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

from scoop import defaults
from scoop.prefect_env import configure

configure()     # before anything imports Prefect

# exit codes (README "Commands"); 0 done, 1 failed, 2 bad arguments
EXIT_FAILED, EXIT_USAGE, EXIT_UNAVAILABLE, EXIT_BUSY = 1, 2, 69, 75


class ScoopGroup(TyperGroup):
    """Every error ends in one `error: ...` line and an exit code, never a traceback.

    Bad options (click's usage errors) exit 2; an unexpected exception exits 1 with its
    type and message (``SCOOP_DEBUG=1`` shows the traceback instead).
    """

    def main(self, args=None, *rest, **kwargs):
        global _REAL_PROCESS
        # the real `scoop` entry point reads sys.argv (args None); typer's CliRunner passes args
        _REAL_PROCESS = args is None
        return super().main(args, *rest, **kwargs)

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except typer.TyperException as exc:     # click's usage errors (typer vendors click)
            if type(exc).__name__ == "NoArgsIsHelpError":
                raise
            _fail(exc.format_message(), getattr(exc, "exit_code", EXIT_USAGE))
        except KeyboardInterrupt:
            quit_quietly("interrupted", 130)
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            if os.environ.get("SCOOP_DEBUG"):
                raise
            _fail(f"{type(exc).__name__}: {_one_line(str(exc))} (SCOOP_DEBUG=1 shows the traceback)",
                  EXIT_FAILED)


app = typer.Typer(help="scoop: raw entertainment-news articles -> a queryable claims warehouse.",
                  no_args_is_help=True, add_completion=False, cls=ScoopGroup, rich_markup_mode=None,
                  pretty_exceptions_enable=False)
server_app = typer.Typer(help="The local Prefect server scoop starts on demand.", no_args_is_help=True,
                         rich_markup_mode=None)
app.add_typer(server_app, name="server")
console = Console(stderr=True)
# piped output is not cut to 80 columns
out = Console() if Console().is_terminal else Console(width=int(os.environ.get("COLUMNS", 0)) or 200)

RAW = typer.Option(defaults.RAW_DIR, "--raw", help="folder of raw articles (searched recursively)")
WAREHOUSE = typer.Option(defaults.WAREHOUSE_DIR, "--warehouse", help="warehouse folder; the DuckDB file is <warehouse>/scoop.duckdb")
# characters refused in a warehouse path: staged Parquet is read by path, and DuckDB expands glob
# characters in a path even when it is a parameter
UNSAFE_PATH_CHARS = "'[]*?{}"


def _one_line(text: str) -> str:
    return " ".join(text.split()) or "(no message)"


# set by ScoopGroup.main: True in the `scoop` process itself, False under typer's CliRunner
_REAL_PROCESS = False


def quit_quietly(message: str, code: int) -> None:
    """One line, then exit ``code`` (Ctrl-C, SIGTERM) once the run has cleaned up after itself.

    The real process ends with ``os._exit``: an interrupted run can leave DuckDB (nanobind)
    objects alive, and interpreter shutdown would print a "nanobind: leaked" line for each.
    Workers are stopped and the working copy removed before this is reached.
    """
    console.print(f"[yellow]{escape(message)}[/]", soft_wrap=True, highlight=False)
    if _REAL_PROCESS:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    raise typer.Exit(code)


def _fail(message: str, code: int = EXIT_FAILED) -> None:
    console.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True, highlight=False)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"scoop {version('scoop')}")
        raise typer.Exit()


@app.callback()
def main(show_version: bool = typer.Option(False, "--version", is_eager=True, callback=_version,
                                           help="print scoop's version and exit")) -> None:
    """scoop: raw entertainment-news articles -> a queryable claims warehouse."""


def check_warehouse(warehouse: Path) -> None:
    """Exit 2 when ``warehouse`` is a file or has characters scoop cannot pass to DuckDB."""
    if warehouse.exists() and not warehouse.is_dir():
        _fail(f"--warehouse {warehouse} is not a folder", EXIT_USAGE)
    if bad := sorted({c for c in str(warehouse) if c in UNSAFE_PATH_CHARS}):
        _fail(f"--warehouse {warehouse}: scoop cannot use {' '.join(bad)} in the warehouse path; "
              "choose another folder", EXIT_USAGE)


def _print_summary(summary: dict, elapsed: float) -> None:
    from scoop.cli_render import summary_table

    console.print(summary_table(console, summary, elapsed))
    if summary["status"] == "partial":
        console.print("[yellow]some inputs or rows were quarantined:[/] see `scoop status` or "
                      "`scoop query \"select * from quarantine\"`")


def _server() -> str:
    """The Prefect API URL (starting scoop's server if needed); exit 69 when none answers."""
    from scoop.prefect_server import PrefectUnavailable, ensure_server

    try:
        return ensure_server(echo=lambda m: console.print(f"[dim]{escape(m)}[/]"))
    except PrefectUnavailable as exc:
        _fail(str(exc), EXIT_UNAVAILABLE)


BATCH_SIZE = typer.Option(defaults.BATCH_SIZE, "--batch-size", min=1, help="articles per Prefect task (at least 1)")
WORKERS = typer.Option(None, "--workers", min=1, show_default=False,
                       help=f"extraction processes (at least 1; default one per core, at most {defaults.MAX_WORKERS})")
DASK = typer.Option(None, "--dask", help="extract on a Dask cluster: a scheduler address (tcp://host:8786) "
                    "or local:N for N local worker processes", show_default=False)


@app.command()
def run(raw: Path = RAW, warehouse: Path = WAREHOUSE,
        full: bool = typer.Option(False, "--full", help="rebuild everything from the raw folder"),
        wait: float = typer.Option(0.0, "--wait", min=0, help="seconds to wait if another run holds the warehouse"),
        batch_size: int = BATCH_SIZE,
        max_bytes: int = typer.Option(defaults.MAX_BYTES, "--max-bytes", min=1, help="larger inputs are quarantined"),
        workers: Optional[int] = WORKERS,
        no_prefect: bool = typer.Option(False, "--no-prefect", help="run the same stages without Prefect"),
        dask: Optional[str] = DASK,
        quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar or summary")) -> None:
    """Ingest the raw folder into the warehouse (incremental; --full rebuilds).

    Exit codes: 0 done, 1 failed, 2 bad arguments, 69 Prefect server unreachable, 73 the working
    copy could not be written (disk full, read-only folder; nothing changed), 75 warehouse busy,
    130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
    """
    from scoop.cli_run import print_notes, run_ingest

    t0 = time.perf_counter()
    summary = run_ingest(raw, warehouse, full=full, wait_seconds=wait, batch_size=batch_size,
                         max_bytes=max_bytes, workers=workers or 0, no_prefect=no_prefect, quiet=quiet, dask=dask)
    print_notes(summary, quiet=quiet)
    if not quiet:
        _print_summary(summary, time.perf_counter() - t0)


def _check_folder(warehouse: Path) -> None:
    if warehouse.exists() and not warehouse.is_dir():
        _fail(f"--warehouse {warehouse} is not a folder", EXIT_USAGE)


def _open_read_only(warehouse: Path):
    from scoop.warehouse import DB_NAME, connect

    _check_folder(warehouse)
    db = warehouse / DB_NAME
    if not db.exists():
        _fail(f"no warehouse at {db}: run `scoop run` first", 2)
    return connect(db, read_only=True)


@app.command()
def query(sql: str = typer.Argument(..., help="one SQL statement to run against the warehouse (read-only)"),
          warehouse: Path = WAREHOUSE,
          fmt: str = typer.Option("table", "--format", "-f", help="table | csv | json"),
          limit: int = typer.Option(100, "--limit", min=1, help="rows shown in table format")) -> None:
    """Run one read-only SQL statement against <warehouse>/scoop.duckdb and print the result.

    DuckDB enforces it: the file is opened read-only, with external access off and the
    configuration locked, so no writes, ATTACH, COPY TO, file reads or extensions.
    Lists, maps and structs print as JSON text in csv. Exit codes: 0 done, 1 the SQL failed
    or was refused, 2 bad arguments (empty query, several statements, no warehouse).
    """
    from scoop.cli_render import print_result
    from scoop.query import QueryError, run_query, to_csv, to_json
    from scoop.warehouse import DB_NAME

    if fmt not in ("table", "csv", "json"):
        _fail("--format must be table, csv or json", EXIT_USAGE)
    _check_folder(warehouse)
    try:
        result = run_query(warehouse / DB_NAME, sql)
    except QueryError as exc:
        _fail(str(exc), exc.code)
    if fmt == "csv":
        sys.stdout.write(to_csv(result))
    elif fmt == "json":
        sys.stdout.write(to_json(result))
    elif hidden := print_result(out, result, limit):
        console.print(f"[dim]{hidden} more rows (use --limit or --format csv)[/]")


@app.command()
def status(warehouse: Path = WAREHOUSE) -> None:
    """Last runs, row counts per table, and why inputs or rows were quarantined."""
    from scoop import contract as T
    from scoop.cli_render import records
    from scoop.query import QueryError, status_sections
    from scoop.warehouse import DB_NAME, parquet_is_current

    _check_folder(warehouse)
    try:
        sections = status_sections(warehouse / DB_NAME, list(T.TABLES))
    except QueryError as exc:
        _fail(str(exc), exc.code)
    for title, result in sections:
        out.print(f"[bold]{title}[/]")
        out.print(records(out, result.columns, result.rows))
    if not parquet_is_current(warehouse):
        console.print("[yellow]Parquet export is behind the DuckDB file; the next run re-exports it[/]")


@app.command()
def serve(cron: str = typer.Option("0 * * * *", "--cron", help="cron schedule of the refresh"),
          raw: Path = RAW, warehouse: Path = WAREHOUSE,
          name: str = typer.Option("scoop-refresh", "--name", help="deployment name")) -> None:
    """Serve the ingest flow as a Prefect deployment on a cron schedule (runs until stopped).

    Each scheduled run prints one line: run id, status, new, changed and quarantined counts.
    """
    check_warehouse(warehouse)
    url = _server()
    from flows.ingest import SERVED_ENV
    from flows.schedule import build_deployment
    from prefect import serve as prefect_serve

    os.environ[SERVED_ENV] = "1"        # the flow-run processes print one line per run, not Prefect's logs
    deployment = build_deployment(name=name, cron=cron, raw_dir=raw, warehouse_dir=warehouse)
    console.print(f"serving scoop-ingest/{name} on cron {cron!r} with scoop's Prefect server ({url}): "
                  "one line per run; Ctrl-C to stop", soft_wrap=True, highlight=False)
    _serve_until_signalled(lambda: prefect_serve(deployment, print_starting_message=False), name)


def _serve_until_signalled(serve_forever, name: str) -> None:
    """Run Prefect's runner in a thread; Ctrl-C or SIGTERM stop it with one line (exit 0).

    In the main thread, Prefect's runner takes SIGTERM (and asyncio SIGINT) and its shutdown
    here hangs or prints warnings; off the main thread it installs neither, and scoop handles both.
    """
    import signal
    import threading

    failure: list[BaseException] = []

    def target() -> None:
        try:
            serve_forever()     # print_starting_message=False: no UI link or `prefect` CLI hint
        except BaseException as exc:  # noqa: BLE001 - reported below as one line
            failure.append(exc)

    def stop(signum, frame) -> None:
        quit_quietly(f"stopped serving scoop-ingest/{name} ({signal.Signals(signum).name})", 0)

    thread = threading.Thread(target=target, name="scoop-serve", daemon=True)
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        thread.start()
        while thread.is_alive():
            thread.join(0.5)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if failure:
        exc = failure[0]
        _fail(f"serving stopped: {type(exc).__name__}: {_one_line(str(exc))}", EXIT_FAILED)


@app.command()
def bench(corpus: Path = typer.Argument(..., help="folder of articles to ingest"),
          batch_size: int = BATCH_SIZE,
          workers: Optional[int] = WORKERS,
          no_prefect: bool = typer.Option(False, "--no-prefect", help="run the stages without Prefect"),
          keep: Optional[Path] = typer.Option(None, "--keep", help="keep the warehouse in this folder"),
          dask: Optional[str] = DASK,
          limit: Optional[int] = typer.Option(None, "--limit", min=1, help="only the first N files, sorted by path"),
          ner_baseline: bool = typer.Option(False, "--ner-baseline", help="then time spaCy NER alone on the same "
                                            "articles (n_process = workers) and print the ratio of the speeds"),
          fmt: str = typer.Option("table", "--format", "-f", help="table | json")) -> None:
    """Ingest a corpus into a temporary warehouse; print articles/s, MB/s, per-stage seconds, peak RSS."""
    from scoop.bench import report_rows, run_bench

    if not corpus.is_dir():
        _fail(f"corpus folder {corpus} is not a folder", EXIT_USAGE)
    if keep is not None:
        check_warehouse(keep)
    from scoop.cli_run import check_dask, check_gemm
    check_dask(dask)
    check_gemm()
    if not no_prefect:
        _server()
    report = run_bench(corpus, batch_size=batch_size, workers=workers or 0, use_prefect=not no_prefect, keep=keep,
                       dask=dask, limit=limit, compare_ner=ner_baseline)
    if fmt == "json":
        out.print_json(json.dumps(report, default=str))
        return
    table = Table(title=f"scoop bench {corpus}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for row in report_rows(report):
        table.add_row(*row)
    out.print(table)


@app.command("bench-dates")
def bench_dates(corpus: Path = typer.Argument(..., help="folder of TimeML .tml files or raw articles"),
                fmt: str = typer.Option("table", "--format", "-f", help="table | json")) -> None:
    """Time the temporal tagger alone: tokens/s, seconds per 1,000 tokens, and × HeidelTime's speed."""
    from scoop.evaluation.bench_dates import bench_tagger, load_corpus

    if not corpus.is_dir():
        _fail(f"corpus folder {corpus} does not exist", 2)
    texts, dates = load_corpus(corpus)
    if not texts:
        _fail(f"no .tml files or articles in {corpus}", 2)
    report = bench_tagger(texts, dates)
    if fmt == "json":
        out.print_json(json.dumps(report))
        return
    table = Table(title=f"scoop bench-dates {corpus}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in report.items():
        table.add_row(key, f"{value:,}")
    out.print(table)


@server_app.command("start")
def server_start() -> None:
    """Start (or find) the local Prefect server."""
    console.print(f"Prefect API at {_server()}")


@server_app.command("status")
def server_status() -> None:
    """Which Prefect API scoop uses, whether it answers, and the pid of scoop's own server."""
    from scoop.prefect_server import server_status as read_status

    info = read_status()
    state = "answers" if info["healthy"] else "does not answer"
    console.print(f"Prefect API {info['url']} (from {info['source']}) {state}; "
                  f"scoop's server pid: {info['pid'] or 'none'}; log: {info['log']}", soft_wrap=True)
    raise typer.Exit(0 if info["healthy"] else 3)


@server_app.command("stop")
def server_stop() -> None:
    """Stop the local Prefect server scoop started."""
    from scoop.prefect_server import stop_server

    console.print("stopped" if stop_server() else "no server started by scoop")


if __name__ == "__main__":
    app()


# the quality commands (evaluate, train, timeml) live in their own module and register on `app`
from scoop import cli_quality  # noqa: E402,F401
from scoop import cli_report  # noqa: E402,F401

# web sources (sources add/list/remove/fetch, --sources on run and serve) register on `app` too
from scoop import cli_sources  # noqa: E402,F401
from scoop import cli_prune  # noqa: E402,F401  (scoop prune --missing)
