"""From a work's warehouse rows to what its page shows: pure functions, plain dicts out.

Every row that states something carries ``links``: the evidence spans it came from, each an
anchor to the article body on the same page. Offsets are translated for the browser: the body is
shown with its line ends as ``\\n`` (an HTML parser turns ``\\r\\n`` into ``\\n``), and JavaScript
counts UTF-16 code units where Python counts code points.
"""
from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

from scoop.report.data import Work

_NEEDS_MAPPING = re.compile("[\r\x00\U00010000-\U0010ffff]")
CREW_ORDER = ("creator", "director", "writer", "author_original", "executive", "other")
CREW_LABELS = {"author_original": "original author"}
TYPE_LABELS = {"release": "release", "production_start": "production start",
               "production_wrap": "production wrap", "box_office": "box office"}


def body_text(body: str | None) -> str:
    """The body as the page holds it: line ends as ``\\n``, NUL (dropped by HTML parsers) as U+FFFD."""
    return (body or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")


def js_offset(body: str, index: int) -> int:
    """``index`` (code points into ``body``) as an offset into ``body_text(body)`` in UTF-16 units."""
    if not _NEEDS_MAPPING.search(body):
        return index
    return len(body_text(body[:index]).encode("utf-16-le")) // 2


def when(day: date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else "undated"


def safe_url(uri: str | None) -> str | None:
    """``uri`` when it is an http(s) address, else None (never a javascript: or data: link)."""
    if not uri:
        return None
    parts = urlsplit(uri.strip())
    return uri.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def season_label(season: int | None) -> str:
    return f"season {season}" if season is not None else ""


def sources_view(work: Work) -> tuple[list[dict], dict[str, dict]]:
    """The work's sources, oldest first, numbered; and the same by source_id."""
    shown, by_id = [], {}
    for number, row in enumerate(work.sources, 1):
        source = {
            "n": number, "id": row["source_id"], "date": when(row["published_on"]),
            "iso": row["published_on"].isoformat() if row["published_on"] else "",
            "publisher": row["publisher"] or "", "title": row["title"] or row["uri"] or row["source_id"],
            "untitled": not row["title"], "author": row["author"] or "", "uri": row["uri"] or "",
            "url": safe_url(row["uri"]), "words": row["word_count"], "body": body_text(row["body"]),
            "raw": row["body"] or "",
        }
        shown.append(source)
        by_id[source["id"]] = source
    return shown, by_id


class Linker:
    """Makes evidence links (source, start, end in page offsets) for rows of one work."""

    def __init__(self, by_id: dict[str, dict]):
        self.by_id = by_id

    def link(self, source_id: str, start: int | None, end: int | None) -> dict | None:
        source = self.by_id.get(source_id)
        if source is None or start is None or end is None:
            return None
        raw = source["raw"]
        return {"src": source_id, "s": js_offset(raw, start), "e": js_offset(raw, end), "n": source["n"],
                "label": f"{source['publisher'] or 'source ' + str(source['n'])}, {source['date']}"}

    def of(self, row: dict, suffix: str = "") -> dict | None:
        return self.link(row[f"source_id{suffix}"], row.get(f"char_start{suffix}"), row.get(f"char_end{suffix}"))


def _window(row: dict) -> str:
    start, end = row.get("value_start"), row.get("value_end")
    if not start or not end:
        return ""
    return when(start) if start == end else f"{when(start)} – {when(end)}"


def claim_row(row: dict, linker: Linker) -> dict:
    flags = [name for name, on in (("denied", row["negated"]), ("old plan, restated", row["superseded"]),
                                    ("vague", row["vague_value"])) if on]
    return {
        "date": when(row["published_on"]), "publisher": row["publisher"] or "",
        "type": TYPE_LABELS.get(row["claim_type"], row["claim_type"]), "season": season_label(row["season"]),
        "subject": row["subject"], "value": row["value_text"] or "", "window": _window(row),
        "number": _number(row["value_number"], row["value_unit"]), "certainty": row["certainty"],
        "flags": flags, "attributed_to": row["attributed_to"] or "", "link": linker.of(row),
        "claim_id": row["claim_id"],
    }


def _number(value: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    return f"{text} {(unit or '').replace('_', ' ')}".strip()


def _links(rows: list[dict], linker: Linker) -> list[dict]:
    """One link per source (its first span), oldest source first."""
    seen: dict[str, dict] = {}
    for row in rows:
        if row["source_id"] not in seen:
            link = linker.of(row)
            if link:
                seen[row["source_id"]] = link
    return sorted(seen.values(), key=lambda l: l["n"])


def cast_view(work: Work, linker: Linker) -> list[dict]:
    actors: dict[tuple, list[dict]] = {}
    for role in work.roles:
        if role["role"] == "actor":
            actors.setdefault((role["person_id"], role["season"]), []).append(role)
    return [{
        "person": row["person"], "character": row["character"] or "", "status": row["status"] or "",
        "season": season_label(row["season"]), "sources": row["source_count"],
        "first": when(row["first_reported"]), "last": when(row["last_reported"]),
        "links": _links(actors.get((row["person_id"], row["season"]), []), linker),
    } for row in work.cast]


def crew_view(work: Work, linker: Linker) -> list[dict]:
    crew: dict[tuple, list[dict]] = {}
    for role in work.roles:
        if role["role"] != "actor":
            crew.setdefault((role["person_id"], role["role"]), []).append(role)
    rows = [{
        "person": rows[0]["person"], "role": CREW_LABELS.get(role, role),
        "seasons": ", ".join(str(s) for s in sorted({r["season"] for r in rows if r["season"] is not None})),
        "sources": len({r["source_id"] for r in rows}), "links": _links(rows, linker),
        "order": CREW_ORDER.index(role) if role in CREW_ORDER else len(CREW_ORDER),
    } for (_, role), rows in crew.items()]
    return sorted(rows, key=lambda r: (r["order"], -r["sources"], r["person"]))


def conflict_row(row: dict, linker: Linker) -> dict:
    sides = []
    for suffix in ("_a", "_b"):
        sides.append({
            "publisher": row[f"publisher{suffix}"] or "", "date": when(row[f"published_on{suffix}"]),
            "value": row[f"value_text{suffix}"] or _number(row[f"value_number{suffix}"], row["value_unit"]),
            "certainty": row[f"certainty{suffix}"], "evidence": row[f"evidence{suffix}"] or "",
            "link": linker.of(row, suffix),
        })
    gap = row["gap_days"]
    return {"subject": row["subject"], "type": TYPE_LABELS.get(row["claim_type"], row["claim_type"]),
            "kind": row["kind"], "gap": f"{gap} days later" if gap is not None else "one source undated",
            "a": sides[0], "b": sides[1]}


def page_view(work: Work) -> dict:
    """Everything the work's page template shows."""
    sources, by_id = sources_view(work)
    linker = Linker(by_id)
    conflicts = [conflict_row(r, linker) for r in work.conflicts]
    disputed = {r[f"claim_id{s}"] for r in work.conflicts for s in ("_a", "_b")}
    figures = [dict(claim_row(r, linker), disputed=r["claim_id"] in disputed) for r in work.figures]
    return {
        "name": work.name,
        "timeline": [claim_row(r, linker) for r in work.timeline],
        "cast": cast_view(work, linker),
        "crew": crew_view(work, linker),
        "disagreements": [c for c in conflicts if c["kind"] != "update"],
        "updates": [c for c in conflicts if c["kind"] == "update"],
        "figures": figures,
        "sources": sources,
    }
