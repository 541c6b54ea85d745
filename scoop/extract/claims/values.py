"""Claim values from date rows: one value per written expression, and the offsets helpers."""
from __future__ import annotations

import re
from datetime import date

# dates joined by these are one value ("March 3 and 4", "from 2031 to 2032")
_DATE_JOINERS = frozenset({"and", "to", "-", "–", "through", "until", "or"})


# ------------------------------------------------------------------ helpers
def as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def merge_adjacent_dates(text: str, rows: list[dict]) -> list[dict]:
    """One value per written expression: rows separated only by a joiner merge."""
    merged: list[dict] = []
    for row in sorted(rows, key=lambda r: r["char_start"]):
        if merged:
            gap = text[merged[-1]["char_end"]:row["char_start"]].strip().lower()
            if gap in _DATE_JOINERS or gap == "":
                prev = merged[-1]
                starts = [d for d in (as_date(prev.get("range_start")), as_date(row.get("range_start"))) if d]
                ends = [d for d in (as_date(prev.get("range_end")), as_date(row.get("range_end"))) if d]
                merged[-1] = {**prev, "char_end": row["char_end"],
                              "text": text[prev["char_start"]:row["char_end"]],
                              "range_start": min(starts) if starts else None,
                              "range_end": max(ends) if ends else None,
                              "value": prev.get("value") if is_ref(prev) else row.get("value", prev.get("value"))}
                continue
        merged.append(dict(row))
    return merged


def is_ref(d: dict) -> bool:
    """PRESENT_REF / PAST_REF / FUTURE_REF ("now", "soon"): no calendar value of its own."""
    return str(d.get("value") or "").endswith("_REF") or d.get("granularity") == "ref"


def is_duration(d: dict) -> bool:
    return d.get("timex_type") == "DURATION" or d.get("granularity") == "duration"


def distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, a[0] - b[1], b[0] - a[1])


def clause_of(clause_spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    for s, e in clause_spans:
        if s <= at < e:
            return s, e
    return clause_spans[0]


_CONVERSION_GAP = re.compile(r"\s*[(\[]\s*(?:about|around|approx\.?|roughly|some|c\.)?\s*")


def not_conversions(text: str, quantities: list[dict]) -> list[dict]:
    """The same figure in another currency, in brackets right after it ("$76m (£40.7m)"), is no
    second claim."""
    kept: list[dict] = []
    for q in sorted(quantities, key=lambda q: q["char_start"]):
        if kept and _CONVERSION_GAP.fullmatch(text, kept[-1]["char_end"], q["char_start"]):
            continue
        kept.append(q)
    return kept


# Types a quantity with no telling unit values: a share of the audience ("49.2% of the
# audience") is an audience figure; a figure by the million with no unit ("peaked at 11.9m",
# "a total of 204.3m") an audience or takings, by the sentence's cue.
SHARE_TYPES = frozenset({"viewership"})
SCALED_TYPES = frozenset({"viewership", "box_office"})


def takes(claim_type: str, q: dict, units: frozenset, viewing_from: float) -> bool:
    """Whether the quantity values a claim of the type whose units are ``units``."""
    if q.get("audience"):
        return claim_type in SHARE_TYPES
    if q.get("scaled") and q["value_unit"] is None:
        return claim_type in SCALED_TYPES
    return (q["value_unit"] in units and (q["value_unit"] is not None or claim_type == "episodes")
            and fits(claim_type, q, viewing_from))


def fits(claim_type: str, q: dict, viewing_from: float) -> bool:
    """Minutes by the million are viewing time, not a running time ("467 million minutes");
    a unit-less figure by the million counts no episodes."""
    if q.get("scaled") and q["value_unit"] is None:
        return claim_type not in ("episodes",)
    if q["value_unit"] != "minutes" or q.get("value_number") is None:
        return True
    many = q["value_number"] >= viewing_from
    return many if claim_type == "viewership" else not many

