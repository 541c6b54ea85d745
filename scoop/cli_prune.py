"""`scoop prune --missing`: delete the rows of articles whose files are gone (registered on ``scoop.cli.app``)."""
from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from scoop.cli import EXIT_BUSY, EXIT_USAGE, WAREHOUSE, _fail, app, check_warehouse, console, out

SHOWN_URIS = 20


@app.command()
def prune(warehouse: Path = WAREHOUSE,
          missing: bool = typer.Option(False, "--missing", help="delete the inputs gone from the raw folder "
                                       "and every row of the articles only they held"),
          wait: float = typer.Option(0.0, "--wait", min=0, help="seconds to wait if a run holds the warehouse"),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="print the counts only")) -> None:
    """Delete what a refresh keeps on purpose. Exit codes: 0 done, 1 failed, 2 bad arguments, 75 busy."""
    from scoop.warehouse.prune import prune_missing
    from scoop.warehouse import WarehouseBusy

    if not missing:
        _fail("say what to prune: --missing (the articles whose files are gone from the raw folder)", EXIT_USAGE)
    check_warehouse(warehouse)
    try:
        removed = prune_missing(warehouse, wait_seconds=wait)
    except WarehouseBusy as exc:
        _fail(str(exc), EXIT_BUSY)
    except FileNotFoundError as exc:
        _fail(str(exc), EXIT_USAGE)
    uris = removed["inputs"]
    if not uris:
        out.print("nothing to prune: no input is missing", highlight=False)
        return
    if not quiet:
        for uri in uris[:SHOWN_URIS]:
            out.print(f"removed {escape(uri)}", soft_wrap=True, highlight=False)
        if len(uris) > SHOWN_URIS:
            out.print(f"... and {len(uris) - SHOWN_URIS} more missing inputs", highlight=False)
    rows = ", ".join(f"{table} {n}" for table, n in removed["rows"].items())
    articles = removed["articles"]
    out.print(f"pruned {len(uris)} missing inputs and {articles} article{'' if articles == 1 else 's'}; "
              f"rows deleted: {rows or 'none'}",
              soft_wrap=True, highlight=False)
    console.print(f"[dim]{escape(str(warehouse))} published; Parquet re-exported[/]", highlight=False)
