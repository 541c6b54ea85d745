"""Web sources on the command line: `scoop sources add/list/remove/fetch`, and `--sources` on run and serve.

Registered on the main ``app`` by ``scoop.cli`` (one import line). `scoop run`
and `scoop serve` gain a ``--sources`` option here, by wrapping their commands:
`run` fetches the new feed items and pages first, then ingests; `serve` hands the
sources file to each scheduled run. `scoop status` gains a per-source section.
"""
from __future__ import annotations

import functools
import inspect
import os
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from scoop import defaults
from scoop.cli import EXIT_BUSY, EXIT_USAGE, RAW, WAREHOUSE, _fail, app, check_warehouse, console, out

SOURCES_ENV = "SCOOP_SOURCES"      # the sources file of `scoop serve`'s scheduled runs (flows/schedule.py)
sources_app = typer.Typer(help="Web sources: RSS/Atom feeds and article pages in sources.toml.",
                          no_args_is_help=True, rich_markup_mode=None)
app.add_typer(sources_app, name="sources")


def _sources_option(default):
    return typer.Option(default, "--sources", show_default=False,
                        help="the sources file (feeds and pages to fetch); default ./sources.toml")


SOURCES = _sources_option(defaults.SOURCES_FILE)


def _config_error(exc: Exception) -> None:
    _fail(str(exc), EXIT_USAGE)


@sources_app.command("add")
def add(url: str = typer.Argument(..., help="feed or article URL (http:// or https://)"),
        feed: bool = typer.Option(False, "--feed", help="it is an RSS/Atom feed"),
        page: bool = typer.Option(False, "--page", help="it is a single article page"),
        sources: Path = SOURCES) -> None:
    """Add a feed or page to the sources file (a feed when the URL says rss/atom/feed/.xml, unless told)."""
    from scoop.web.config import SourcesError, add_source

    if feed and page:
        _fail("--feed and --page exclude each other", EXIT_USAGE)
    try:
        kind, added = add_source(sources, url, "feed" if feed else "page" if page else None)
    except SourcesError as exc:
        _config_error(exc)
    verb = "added" if added else "already listed:"
    console.print(f"{verb} {kind} {escape(url.strip())} in {escape(str(sources))}", soft_wrap=True, highlight=False)


@sources_app.command("remove")
def remove(url: str = typer.Argument(..., help="the URL to remove"), sources: Path = SOURCES) -> None:
    """Remove a feed or page from the sources file (its snapshots and articles stay)."""
    from scoop.web.config import SourcesError, remove_source

    try:
        kind = remove_source(sources, url)
    except SourcesError as exc:
        _config_error(exc)
    console.print(f"removed {kind} {escape(url.strip())} from {escape(str(sources))}", soft_wrap=True,
                  highlight=False)


def source_rows(warehouse: Path, urls: list[tuple[str, str]] | None = None) -> list[tuple]:
    """(source, kind, last fetch, status, items, reason) per source: listed ones, else every one fetched."""
    from scoop.web.state import load_state, state_path

    state = load_state(warehouse) if state_path(warehouse).exists() else None
    known = state.sources if state else {}
    urls = urls if urls is not None else [(u, s.get("kind", "?")) for u, s in sorted(known.items())]
    rows = []
    for url, kind in urls:
        s = known.get(url, {})
        rows.append((url, kind, s.get("last_fetch") or "never", s.get("status") or "not fetched yet",
                     s.get("items", 0), s.get("reason") or ""))
    return rows


COLUMNS = ("source", "kind", "last fetch", "status", "items", "reason")


@sources_app.command("list")
def list_sources(sources: Path = SOURCES, warehouse: Path = WAREHOUSE) -> None:
    """The feeds and pages in the sources file, with each one's last fetch, status and item count."""
    from scoop.cli_render import records
    from scoop.web.config import SourcesError, load_sources

    try:
        config = load_sources(sources)
    except SourcesError as exc:
        _config_error(exc)
    if not len(config):
        console.print(f"no sources in {escape(str(sources))}: add one with `scoop sources add URL`")
        return
    urls = [(u, "feed") for u in config.feeds] + [(u, "page") for u in config.pages]
    out.print(records(out, COLUMNS, source_rows(warehouse, urls)))


def fetch_sources(sources: Path | None, raw: Path, warehouse: Path, *, quiet: bool = False,
                  wait: float = 0.0) -> None:
    """Fetch every source into ``raw`` (under the warehouse lock); one line per source, warnings always."""
    from scoop.warehouse import WarehouseBusy, run_lock
    from scoop.web.config import SourcesError
    from scoop.web.refresh import refresh

    path = sources or defaults.SOURCES_FILE
    if sources is not None and not path.is_file():
        _fail(f"--sources {path} does not exist (create it with `scoop sources add URL`)", EXIT_USAGE)
    if not path.is_file():
        return
    check_warehouse(warehouse)
    if raw.exists() and not raw.is_dir():
        _fail(f"--raw {raw} is not a folder", EXIT_USAGE)
    try:
        with run_lock(warehouse, wait_seconds=wait):
            result = refresh(path, raw, warehouse)
    except SourcesError as exc:
        _config_error(exc)
    except WarehouseBusy as exc:
        _fail(str(exc), EXIT_BUSY)
    for line in [] if quiet else result.lines:
        console.print(f"[dim]fetched {escape(line)}[/]", soft_wrap=True, highlight=False)
    for warning in result.warnings:
        console.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True, highlight=False)


@sources_app.command("fetch")
def fetch(sources: Path = SOURCES, raw: Path = RAW, warehouse: Path = WAREHOUSE) -> None:
    """Fetch new feed items and pages into <raw>/web/ without ingesting them (`scoop run` does both)."""
    fetch_sources(sources, raw, warehouse)


def print_source_status(warehouse: Path) -> None:
    """`scoop status`'s section: each source's last fetch, status and item count."""
    from scoop.cli_render import records

    rows = source_rows(warehouse)
    if rows:
        out.print("[bold]Web sources[/]")
        out.print(records(out, COLUMNS, rows))


# ---------------------------------------------------------------- --sources on run, serve; status section
def _extend(name: str, *, before=None, after=None) -> None:
    """Give the registered command ``name`` a ``--sources`` option and run ``before``/``after`` around it."""
    info = next((c for c in app.registered_commands if (c.name or c.callback.__name__) == name), None)
    if info is None:
        return
    original = info.callback
    signature = inspect.signature(original)
    extra = [] if before is None else [inspect.Parameter("sources", inspect.Parameter.KEYWORD_ONLY,
                                                         default=_sources_option(None), annotation=Optional[Path])]
    params = [p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in signature.parameters.values()]

    @functools.wraps(original)
    def command(**kwargs):
        sources = kwargs.pop("sources", None)
        if before is not None:
            before(sources, kwargs)
        original(**kwargs)
        if after is not None:
            after(kwargs)

    command.__signature__ = signature.replace(parameters=params + extra)
    command.__annotations__ = {**getattr(original, "__annotations__", {}), "sources": Optional[Path]}
    info.callback = command


def _before_run(sources: Path | None, kwargs: dict) -> None:
    fetch_sources(sources, kwargs["raw"], kwargs["warehouse"], quiet=kwargs.get("quiet", False),
                  wait=kwargs.get("wait", 0.0))


def _before_serve(sources: Path | None, kwargs: dict) -> None:
    path = sources or defaults.SOURCES_FILE
    if sources is not None and not path.is_file():
        _fail(f"--sources {path} does not exist (create it with `scoop sources add URL`)", EXIT_USAGE)
    os.environ[SOURCES_ENV] = str(path.resolve())


_extend("run", before=_before_run)
_extend("serve", before=_before_serve)
_extend("status", after=lambda kwargs: print_source_status(kwargs["warehouse"]))
