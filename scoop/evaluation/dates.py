"""Scoring the ``dates`` rows against the hand-made gold (rules in gold/README.md).

A gold item is placed in the system body with ``locate``; it matches a system
row whose span overlaps it (relaxed) or equals it (strict). Each system row
matches at most one gold item. Value is right when the values are equal and,
when both give one, the mods too. Range accuracy counts matched gold items
that have a range (either end set).
"""
from __future__ import annotations

from datetime import date

from scoop.evaluation.gold import Prf, extent_scores, locate, overlaps


def _as_date(v) -> date | None:
    if v is None or isinstance(v, date):
        return v
    return date.fromisoformat(str(v))


def value_right(gold: dict, row: dict) -> bool:
    if gold.get("value") != row.get("value"):
        return False
    gm, sm = gold.get("mod"), row.get("mod")
    return gm is None or sm is None or gm == sm


def unscored_spans(gold_article: dict, body: str) -> list[tuple[int, int]]:
    """Text the gold deliberately leaves unannotated.

    MEANTIME's dateline repeats the publication date as document metadata
    (its creation time); it is not one of the gold's time expressions.
    """
    creation = (gold_article.get("meantime") or {}).get("creation_time")
    if not creation:
        return []
    span = locate(body, creation["text"])
    return [span] if span else []


def score_dates(items: list[tuple[dict, str, list[dict]]]) -> dict:
    """Micro-averaged extent P/R/F1, value F1 and range accuracy over articles."""
    relaxed = strict = Prf(0, 0, 0)
    value_ok = matched = range_ok = range_n = type_ok = 0
    missed: list[str] = []
    spurious: list[str] = []
    wrong: list[str] = []
    for gold_article, body, rows in items:
        golds = gold_article.get("dates", [])
        skip = unscored_spans(gold_article, body)
        rows = [r for r in rows if not any(overlaps((r["char_start"], r["char_end"]), s) for s in skip)]
        rows = sorted(rows, key=lambda r: r["char_start"])
        spans = [locate(body, g["text"], g.get("occurrence", 1)) for g in golds]
        doc_relaxed, doc_strict, pairs = extent_scores(spans, [(r["char_start"], r["char_end"]) for r in rows])
        relaxed, strict = relaxed + doc_relaxed, strict + doc_strict
        for gi, si in pairs.items():
            g, r = golds[gi], rows[si]
            matched += 1
            type_ok += g.get("timex_type") == r.get("timex_type")
            if value_right(g, r):
                value_ok += 1
            else:
                wrong.append(f"{g['text']!r}: gold {g['value']}/{g.get('mod')} sys {r['value']}/{r.get('mod')}")
            if g.get("range_start") is not None or g.get("range_end") is not None:
                range_n += 1
                if (_as_date(g.get("range_start")), _as_date(g.get("range_end"))) == (
                        _as_date(r.get("range_start")), _as_date(r.get("range_end"))):
                    range_ok += 1
        missed += [golds[gi]["text"] for gi in range(len(golds)) if gi not in pairs]
        spurious += [rows[si]["text"] for si in range(len(rows)) if si not in set(pairs.values())]
    value_acc = value_ok / matched if matched else 0.0
    return {
        "relaxed": relaxed.as_dict(), "strict": strict.as_dict(),
        "value_accuracy": round(value_acc, 4),
        "value_f1": round(relaxed.f1 * value_acc, 4),
        "type_accuracy": round(type_ok / matched, 4) if matched else 0.0,
        "range_accuracy": round(range_ok / range_n, 4) if range_n else 0.0,
        "range_items": range_n,
        "missed": missed, "spurious": spurious, "wrong_values": wrong,
    }
