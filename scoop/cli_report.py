"""Reading commands: `scoop report` (offline HTML pages per work) and `scoop export` (views as files).

Registered on the main ``app`` by ``scoop.cli``.
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import Optional

import typer

from scoop.cli import WAREHOUSE, _fail, _open_read_only, app, console

EXPORT_FORMATS = ("csv", "parquet", "jsonl")


@app.command()
def report(warehouse: Path = WAREHOUSE,
           work: Optional[str] = typer.Option(None, "--work", help="one work's page only (its title, any case, "
                                              "with or without a season)"),
           out: Path = typer.Option(Path("report.html"), "--out", help="the page to write: with --work the "
                                    "work's page, else the index, with the work pages in a folder of the same "
                                    "name (report.html -> report/); a folder gets index.html and the pages"),
           min_sources: int = typer.Option(3, "--min-sources", min=1, help="without --work: a page for each "
                                           "work with at least this many sources")) -> None:
    """Write self-contained HTML pages (no network): release and production timeline, cast and crew,
    conflicts, figures and sources, every row linked to its sentence in the article."""
    from scoop.report.site import ReportError, build

    started = time.perf_counter()
    con = _open_read_only(warehouse)
    try:
        paths = build(con, out, work=work, min_sources=min_sources)
    except ReportError as exc:
        _fail(str(exc), 2 if "--work" in str(exc) else 1)
    finally:
        con.close()
    pages = len(paths) - (0 if work else 1)
    console.print(f"wrote {paths[0]} ({pages} work page{'s' if pages != 1 else ''}) "
                  f"in {time.perf_counter() - started:.1f} s", soft_wrap=True, highlight=False)


@app.command()
def export(warehouse: Path = WAREHOUSE,
           fmt: str = typer.Option("csv", "--format", "-f", help="csv | parquet | jsonl"),
           out: Path = typer.Option(..., "--out", help="folder to write <view>.<format> files into")) -> None:
    """Write the views (cast, claim_facts, claim_timeline, claim_conflicts) as files, one per view."""
    from scoop.report.export import ExportError, export_views

    if fmt not in EXPORT_FORMATS:
        _fail(f"--format must be one of {', '.join(EXPORT_FORMATS)}", 2)
    con = _open_read_only(warehouse)
    try:
        written = export_views(con, out, fmt)
    except ExportError as exc:
        _fail(str(exc), 1)
    finally:
        con.close()
    for path, rows in written:
        console.print(f"wrote {path} ({rows} rows)", soft_wrap=True, highlight=False)
