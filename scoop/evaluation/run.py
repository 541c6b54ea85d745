"""`scoop evaluate GOLD_DIR`: the warehouse scored against gold, table by table.

Gold articles are matched to warehouse sources by raw file name (``inputs.uri``
ends with the gold ``file``). Each table's scorer lives in its own module;
this driver only gathers (gold, body, rows) per article and calls them.
"""
from __future__ import annotations

import json
from pathlib import Path

import duckdb

from scoop.evaluation.gold import load_gold_dir

SOURCE_FIELDS = ("title", "publisher", "author", "published_on", "published_on_basis")


def _norm(value) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split()).casefold()
    return text or None


def score_sources(pairs: list[tuple[dict, dict | None]]) -> dict:
    """Per-field accuracy of the sources row against the gold ``source`` (None == null)."""
    report: dict = {"articles": len(pairs), "matched": sum(1 for _, s in pairs if s)}
    for field in SOURCE_FIELDS:
        right = sum(1 for g, s in pairs if s is not None and _norm(g["source"].get(field)) == _norm(s.get(field)))
        report[f"{field}_accuracy"] = round(right / len(pairs), 4) if pairs else 0.0
    report["mismatches"] = [
        {"file": g["file"], "field": f, "gold": g["source"].get(f), "system": s.get(f) if s else None}
        for g, s in pairs for f in SOURCE_FIELDS
        if s is None or _norm(g["source"].get(f)) != _norm(s.get(f))
    ]
    return report


def _rows(con: duckdb.DuckDBPyConnection, table: str, source_id: str) -> list[dict]:
    return con.sql(f"SELECT * FROM {table} WHERE source_id = ?", params=[source_id]).pl().to_dicts()


def evaluate_warehouse(gold_dir: Path, con: duckdb.DuckDBPyConnection) -> dict:
    gold_docs = load_gold_dir(gold_dir)
    by_file = {}
    for uri, sid in con.execute("SELECT uri, source_id FROM inputs WHERE source_id IS NOT NULL").fetchall():
        by_file[Path(uri).name] = sid
    sources = {r["source_id"]: r for r in con.sql("SELECT * FROM sources").pl().to_dicts()}

    pairs = [(g, sources.get(by_file.get(g["file"], ""))) for g in gold_docs]
    report: dict = {"sources": score_sources(pairs)}
    found = [(g, s) for g, s in pairs if s is not None]

    from scoop.evaluation.dates import score_dates

    report["dates"] = score_dates([(g, s["body"], _rows(con, "dates", s["source_id"])) for g, s in found])

    people_file = Path(gold_dir) / "people.json"
    try:
        from scoop.evaluation.people_scores import score_people, score_roles
    except ImportError:      # scorer not available in this build
        score_people = score_roles = None
    if score_people and people_file.exists():
        system_people = con.sql("SELECT * FROM people").pl().to_dicts()
        report["people"] = score_people(json.loads(people_file.read_text(encoding="utf-8")), system_people)
        report["roles"] = score_roles([(g, _rows(con, "roles", s["source_id"])) for g, s in found])

    from scoop.evaluation.claims import score_claims

    report["claims"] = score_claims([(g, s["body"], _rows(con, "claims", s["source_id"])) for g, s in found])
    return report


def flatten(report: dict, prefix: str = "") -> list[tuple[str, object]]:
    """Nested report -> (dotted key, scalar) rows for a table; lists are summarized by length."""
    rows: list[tuple[str, object]] = []
    for key, value in report.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows += flatten(value, name + ".")
        elif isinstance(value, list):
            rows.append((name, f"{len(value)} items"))
        else:
            rows.append((name, value))
    return rows
