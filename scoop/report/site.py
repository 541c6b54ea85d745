"""Write the report: an index page plus one page per work, or a single work's page.

``--out report.html`` writes the index there and the work pages under ``report/``; an ``--out``
that is a folder gets ``index.html`` and the work pages side by side in it.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from scoop.report import charts, data, page, view


class ReportError(Exception):
    """A report that cannot be written, said in one line (unknown work, unwritable --out)."""


@dataclass
class Layout:
    index: Path | None            # None: a single work's page
    pages: Path                   # folder of the work pages (or the single page's folder)
    single: Path | None = None


def layout(out: Path, single_work: bool) -> Layout:
    is_file = out.suffix.lower() in (".html", ".htm") and not out.is_dir()
    if single_work:
        return Layout(None, out.parent if is_file else out, out if is_file else None)
    if is_file:
        return Layout(out, out.with_suffix(""))
    return Layout(out / "index.html", out)


def slugify(name: str, taken: set[str]) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:60].strip("-") or "work"
    candidate, n = slug, 2
    while candidate in taken or candidate == "index":
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise ReportError(f"cannot write {path}: {exc.strerror or exc}") from None


def latest_release(rows: list[dict]) -> dict | None:
    stated = [r for r in rows if r["claim_type"] == "release" and r["value_text"] and r["published_on"]
              and not r["negated"] and not r["superseded"] and not r["vague_value"]]
    if not stated:
        return None
    best = max(stated, key=lambda r: (r["published_on"], r["season"] or 0, r["value_end"] or date.min))
    return {"value": best["value_text"], "publisher": best["publisher"] or "", "date": view.when(best["published_on"])}


def index_row(work: data.Work, href: str) -> dict:
    dated = [s["published_on"] for s in work.sources if s["published_on"]]
    kinds = [c["kind"] for c in work.conflicts]
    return {"name": work.name, "href": href, "sources": work.sources_count, "claims": work.claims_count,
            "cast": len({(c["person_id"], c["season"]) for c in work.cast}),
            "disagreements": kinds.count("disagreement"), "updates": kinds.count("update"),
            "release": latest_release(work.timeline),
            "first": view.when(min(dated)) if dated else "undated",
            "last": view.when(max(dated)) if dated else "undated"}


def work_page(work: data.Work, index_href: str | None, today: date) -> str:
    svg = charts.timeline_svg(work.timeline)
    return page.render_work(view.page_view(work), svg, undrawn=charts.undrawn(work.timeline) if svg else 0,
                            index_href=index_href, generated=today)


def _totals(con: duckdb.DuckDBPyConnection, min_sources: int, shown: int, all_works: int) -> dict:
    sources, claims = con.execute("SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM claims)").fetchone()
    return {"sources": sources, "claims": claims, "min_sources": min_sources, "smaller": all_works - shown}


def build(con: duckdb.DuckDBPyConnection, out: Path, *, work: str | None = None, min_sources: int = 3,
          today: date | None = None) -> list[Path]:
    """Write the pages; returns their paths, the index (when written) first."""
    today = today or date.today()
    if work is not None:
        found = data.find_work(data.list_works(con, 1), work)
        if found is None:
            raise ReportError(f"unknown --work {work!r}: no claim or role names that title "
                              "(`scoop report` without --work lists the works)")
        where = layout(out, True)
        target = where.single or where.pages / f"{slugify(found.name, set())}.html"
        data.load(con, [found])
        _write(target, work_page(found, None, today))
        return [target]
    everything = data.list_works(con, 1)
    works = data.load(con, [w for w in everything if w.sources_count >= min_sources])
    where = layout(out, False)
    taken: set[str] = set()
    rows, written = [], []
    index_href = os.path.relpath(where.index, where.pages)
    for item in works:
        target = where.pages / f"{slugify(item.name, taken)}.html"
        _write(target, work_page(item, index_href, today))
        written.append(target)
        rows.append(index_row(item, Path(os.path.relpath(target, where.index.parent)).as_posix()))
    index = page.render_index(rows, totals=_totals(con, min_sources, len(works), len(everything)), generated=today)
    _write(where.index, index)
    return [where.index, *written]
