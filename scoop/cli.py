"""`scoop` command line: run, query, status, serve, bench, evaluate, timeml, server."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from scoop.prefect_env import configure

configure()     # before anything imports Prefect

app = typer.Typer(help="scoop: raw entertainment-news articles -> a queryable claims warehouse.",
                  no_args_is_help=True, add_completion=False)
server_app = typer.Typer(help="The local Prefect server scoop starts on demand.", no_args_is_help=True)
app.add_typer(server_app, name="server")
console = Console(stderr=True)
# piped output is not cut to 80 columns
out = Console() if Console().is_terminal else Console(width=200)

RAW = typer.Option(Path("raw"), "--raw", help="folder of raw articles (searched recursively)")
WAREHOUSE = typer.Option(Path("warehouse"), "--warehouse", help="warehouse folder; the DuckDB file is <warehouse>/scoop.duckdb")
SUMMARY_KEYS = ("read", "new", "changed", "unchanged", "duplicate", "quarantined", "missing", "reextracted",
                "rows_quarantined")


def _fail(message: str, code: int = 1) -> None:
    console.print(f"[bold red]error:[/] {message}", soft_wrap=True)
    raise typer.Exit(code)


def _print_summary(summary: dict, elapsed: float) -> None:
    table = Table(title=f"run {summary['run_id']}: {summary['status']} in {elapsed:.1f} s")
    for key in SUMMARY_KEYS:
        table.add_column(key.replace("_", " "), justify="right")
    table.add_row(*(str(summary.get(k, 0)) for k in SUMMARY_KEYS))
    console.print(table)
    if summary["status"] == "partial":
        console.print("[yellow]some inputs or rows were quarantined:[/] see `scoop status` or "
                      "`scoop query \"select * from quarantine\"`")


def _run_ingest(raw: Path, warehouse: Path, *, full: bool, wait: float, batch_size: int, max_bytes: int,
                workers: int, no_prefect: bool, quiet: bool) -> dict:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    if not raw.is_dir():
        _fail(f"raw folder {raw} does not exist", 2)
    show = console.is_terminal and not quiet
    progress = Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=console, transient=True, disable=not show)
    task_id = None

    def on_progress(done: int, total: int) -> None:
        nonlocal task_id
        if task_id is None:
            task_id = progress.add_task("batches", total=total)
        progress.advance(task_id, done)

    from scoop.warehouse import WarehouseBusy

    kwargs = dict(full=full, batch_size=batch_size, max_bytes=max_bytes, wait_seconds=wait)
    with progress:
        try:
            if no_prefect:
                from scoop.extract.registry import default_extractors, default_finalizers
                from scoop.pipeline import run_ingest

                from scoop.extract.runner import default_workers

                return run_ingest(raw, warehouse, extractors=default_extractors(),
                                  finalizers=default_finalizers(), progress=on_progress,
                                  workers=workers or default_workers(), **kwargs)
            from scoop.prefect_server import ensure_server

            ensure_server(echo=lambda m: console.print(f"[dim]{m}[/]"))
            import flows.ingest as ingest_flow

            ingest_flow.progress_hook = on_progress
            return ingest_flow.ingest(raw_dir=str(raw), warehouse_dir=str(warehouse),
                                      project_root=str(Path.cwd()), workers=workers, **kwargs)
        except WarehouseBusy as exc:
            _fail(str(exc), 75)
        except FileNotFoundError as exc:
            _fail(str(exc), 2)


@app.command()
def run(raw: Path = RAW, warehouse: Path = WAREHOUSE,
        full: bool = typer.Option(False, "--full", help="rebuild everything from the raw folder"),
        wait: float = typer.Option(0.0, "--wait", help="seconds to wait if another run holds the warehouse"),
        batch_size: int = typer.Option(64, "--batch-size", help="articles per Prefect task"),
        max_bytes: int = typer.Option(2_000_000, "--max-bytes", help="larger inputs are quarantined"),
        workers: int = typer.Option(0, "--workers", help="extraction processes (0: one per core, at most 4)"),
        no_prefect: bool = typer.Option(False, "--no-prefect", help="run the same stages without Prefect"),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar or summary")) -> None:
    """Ingest the raw folder into the warehouse (incremental; --full rebuilds)."""
    t0 = time.perf_counter()
    summary = _run_ingest(raw, warehouse, full=full, wait=wait, batch_size=batch_size, max_bytes=max_bytes,
                          workers=workers, no_prefect=no_prefect, quiet=quiet)
    if not quiet:
        _print_summary(summary, time.perf_counter() - t0)


def _open_read_only(warehouse: Path):
    from scoop.warehouse import DB_NAME, connect

    db = warehouse / DB_NAME
    if not db.exists():
        _fail(f"no warehouse at {db}: run `scoop run` first", 2)
    return connect(db, read_only=True)


def _print_frame(frame, fmt: str, limit: int) -> None:
    if fmt == "csv":
        sys.stdout.write(frame.write_csv())
    elif fmt == "json":
        sys.stdout.write(json.dumps(frame.to_dicts(), default=str, ensure_ascii=False, indent=1) + "\n")
    else:
        table = Table(show_lines=False)
        for name in frame.columns:
            table.add_column(name, overflow="fold")
        for row in frame.head(limit).iter_rows():
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)
        if frame.height > limit:
            console.print(f"[dim]{frame.height - limit} more rows (use --limit or --format csv)[/]")


@app.command()
def query(sql: str = typer.Argument(..., help="SQL to run against the warehouse (read-only)"),
          warehouse: Path = WAREHOUSE,
          fmt: str = typer.Option("table", "--format", "-f", help="table | csv | json"),
          limit: int = typer.Option(100, "--limit", help="rows shown in table format")) -> None:
    """Run read-only SQL against <warehouse>/scoop.duckdb and print the result."""
    if fmt not in ("table", "csv", "json"):
        _fail("--format must be table, csv or json", 2)
    import duckdb

    con = _open_read_only(warehouse)
    try:
        frame = con.sql(sql).pl()
    except duckdb.Error as exc:
        _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, 1)
    finally:
        con.close()
    _print_frame(frame, fmt, limit)


@app.command()
def status(warehouse: Path = WAREHOUSE) -> None:
    """Last runs, row counts per table, and why inputs or rows were quarantined."""
    from scoop import tables as T
    from scoop.warehouse import parquet_is_current

    con = _open_read_only(warehouse)
    try:
        runs = con.sql("SELECT run_id, status, strftime(finished_at, '%Y-%m-%d %H:%M') AS finished, read, new, "
                       "changed, unchanged, duplicate, quarantined, missing, rows_quarantined AS bad_rows "
                       "FROM runs ORDER BY started_at DESC LIMIT 5").pl()
        counts = con.sql(" UNION ALL ".join(f"SELECT '{t}' AS table_name, count(*) AS rows FROM {t}"
                                            for t in T.TABLES)).pl()
        reasons = con.sql("SELECT stage, coalesce(table_name, '') AS table_name, reason, count(*) AS n "
                          "FROM quarantine GROUP BY ALL ORDER BY n DESC LIMIT 20").pl()
    finally:
        con.close()
    out.print("[bold]last runs[/]")
    _print_frame(runs, "table", 5)
    out.print("[bold]tables[/]")
    _print_frame(counts, "table", 50)
    out.print("[bold]quarantine reasons[/]")
    _print_frame(reasons, "table", 20)
    if not parquet_is_current(warehouse):
        console.print("[yellow]Parquet export is behind the DuckDB file; the next run re-exports it[/]")


@app.command()
def serve(cron: str = typer.Option("0 * * * *", "--cron", help="cron schedule of the refresh"),
          raw: Path = RAW, warehouse: Path = WAREHOUSE,
          name: str = typer.Option("scoop-refresh", "--name", help="deployment name")) -> None:
    """Serve the ingest flow as a Prefect deployment on a cron schedule (runs until stopped)."""
    from scoop.prefect_server import ensure_server

    url = ensure_server(echo=lambda m: console.print(f"[dim]{m}[/]"))
    from flows.schedule import build_deployment
    from prefect import serve as prefect_serve

    deployment = build_deployment(name=name, cron=cron, raw_dir=raw, warehouse_dir=warehouse)
    console.print(f"serving [bold]{name}[/] with cron [bold]{cron}[/] against {url}; Ctrl-C to stop")
    prefect_serve(deployment)


@app.command()
def bench(corpus: Path = typer.Argument(..., help="folder of articles to ingest"),
          batch_size: int = typer.Option(64, "--batch-size"),
          workers: int = typer.Option(0, "--workers", help="extraction processes (0: one per core, at most 4)"),
          no_prefect: bool = typer.Option(False, "--no-prefect", help="run the stages without Prefect"),
          keep: Optional[Path] = typer.Option(None, "--keep", help="keep the warehouse in this folder"),
          fmt: str = typer.Option("table", "--format", "-f", help="table | json")) -> None:
    """Ingest a corpus into a temporary warehouse; print articles/s, MB/s, per-stage seconds, peak RSS."""
    from scoop.bench import run_bench

    if not corpus.is_dir():
        _fail(f"corpus folder {corpus} does not exist", 2)
    if not no_prefect:
        from scoop.prefect_server import ensure_server

        ensure_server(echo=lambda m: console.print(f"[dim]{m}[/]"))
    report = run_bench(corpus, batch_size=batch_size, workers=workers, use_prefect=not no_prefect, keep=keep)
    if fmt == "json":
        out.print_json(json.dumps(report, default=str))
        return
    table = Table(title=f"scoop bench {corpus}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in report.items():
        if key != "stage_seconds":
            table.add_row(key, f"{value:,.2f}" if isinstance(value, float) else str(value))
    for stage, seconds in report["stage_seconds"].items():
        table.add_row(f"  stage {stage} (s)", f"{seconds:,.2f}")
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


@app.command()
def evaluate(gold_dir: Optional[Path] = typer.Argument(None, help="gold JSON folder (../shared/gold format)"),
             warehouse: Path = WAREHOUSE,
             timeml: Optional[list[Path]] = typer.Option(None, "--timeml", help="GOLD_TML_DIR SYSTEM_TML_DIR: "
                                                          "TempEval-3 Task A scores instead"),
             fmt: str = typer.Option("table", "--format", "-f", help="table | json")) -> None:
    """Score the warehouse against gold (P/R/F1 per table), or TimeML output with --timeml."""
    if timeml:
        dirs = list(timeml) + ([gold_dir] if gold_dir else [])
        if len(dirs) != 2:
            _fail("--timeml takes GOLD_TML_DIR and SYSTEM_TML_DIR", 2)
        from scoop.evaluation.timeml import score_timeml_dirs

        report = {"timeml": score_timeml_dirs(dirs[0], dirs[1])}
    else:
        if gold_dir is None or not gold_dir.is_dir():
            _fail("give the gold folder, e.g. scoop evaluate ../shared/gold", 2)
        from scoop.evaluation.run import evaluate_warehouse

        con = _open_read_only(warehouse)
        try:
            report = evaluate_warehouse(gold_dir, con)
        finally:
            con.close()
    if fmt == "json":
        out.print_json(json.dumps(report, default=str))
        return
    from scoop.evaluation.run import flatten

    table = Table(title="evaluation")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in flatten(report):
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    out.print(table)


@app.command(name="timeml")
def timeml_cmd(in_dir: Path = typer.Argument(..., help="folder of TimeML .tml files"),
               out_dir: Path = typer.Argument(..., help="where to write them with scoop's TIMEX3 tags")) -> None:
    """Tag TimeML files with scoop's TIMEX3 (TempEval-3 format) for standard scoring."""
    if not in_dir.is_dir():
        _fail(f"{in_dir} is not a folder", 2)
    from scoop.timeml import tag_tml_dir

    written = tag_tml_dir(in_dir, out_dir)
    console.print(f"wrote {written} files to {out_dir}")


@server_app.command("start")
def server_start() -> None:
    """Start (or find) the local Prefect server."""
    from scoop.prefect_server import ensure_server

    console.print(f"Prefect API at {ensure_server(echo=console.print)}")


@server_app.command("stop")
def server_stop() -> None:
    """Stop the local Prefect server scoop started."""
    from scoop.prefect_server import stop_server

    console.print("stopped" if stop_server() else "no server started by scoop")


if __name__ == "__main__":
    app()
