"""Scoring claims against gold (rule in /work/shared/gold/README.md).

A gold claim matches a system claim of the same source and claim_type whose
evidence span overlaps the gold evidence (placed in the system's body with
``locate``). Matching is one-to-one, so a cast list must yield one claim per
person to be fully recalled; among overlapping candidates the one naming the
same person, then the one with the same value, is preferred.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from scoop.evaluation.gold import Prf, locate, overlaps
from scoop.extract.claims import as_date


def _norm_name(name: str | None) -> str:
    return re.sub(r"[\s\-‐]+", "", name or "").casefold()


def value_right(gold: dict, system: dict) -> bool | None:
    """True/False when gold gives a date interval or a number; None when it gives neither."""
    g_start, g_end = as_date(gold.get("value_start")), as_date(gold.get("value_end"))
    if g_start or g_end:
        s_start, s_end = as_date(system.get("value_start")), as_date(system.get("value_end"))
        if not (s_start or s_end):
            return False
        g_start, g_end = g_start or g_end, g_end or g_start
        s_start, s_end = s_start or s_end, s_end or s_start
        return g_start <= s_end and s_start <= g_end
    g_num = gold.get("value_number")
    if g_num is not None:
        s_num = system.get("value_number")
        if s_num is None:
            return False
        return abs(float(s_num) - float(g_num)) <= 0.01 * max(abs(float(g_num)), 1e-9)
    return None


def _gold_characters(gold: dict) -> dict[str, set[str]]:
    """Actor (normalized name) -> every written form of the characters the gold roles give them."""
    forms: dict[str, set[str]] = {}
    for p in gold.get("people", []):
        names = {_norm_name(n) for n in [p["name"], *p.get("aliases", [])]}
        for n in names:
            forms[n] = names
    out: dict[str, set[str]] = {}
    for r in gold.get("roles", []):
        if r.get("role") == "actor" and r.get("character"):
            char = _norm_name(r["character"])
            out.setdefault(_norm_name(r["person"]), set()).update(forms.get(char, {char}))
    return out


def _match_article(gold: dict, body: str, system: list[dict]):
    """Yield (gold_claim, system_claim | None) and the unmatched system claims."""
    occurrences: Counter = Counter()
    placed = []
    for g in gold.get("claims", []):
        # several claims share one evidence sentence; only a repeat of the same
        # claim stands for the sentence's next occurrence in the article
        key = (g["evidence"], g["claim_type"], g.get("person"), g.get("value_text"))
        occurrences[key] += 1
        span = locate(body, g["evidence"], occurrences[key]) or locate(body, g["evidence"])
        placed.append((g, span))
    used: set[int] = set()
    pairs: dict[int, int] = {}
    # pass 1 prefers the same person and value, pass 2 takes any overlap
    for strict in (True, False):
        for gi, (g, span) in enumerate(placed):
            if gi in pairs or span is None:
                continue
            best, best_rank = None, None
            for si, s in enumerate(system):
                if si in used or s["claim_type"] != g["claim_type"]:
                    continue
                if not overlaps(span, (s["char_start"], s["char_end"])):
                    continue
                same_person = _norm_name(g.get("person")) == _norm_name(s.get("person_name"))
                if strict and g.get("person") and not same_person:
                    continue
                rank = (not same_person, value_right(g, s) is False)
                if best_rank is None or rank < best_rank:
                    best, best_rank = si, rank
            if best is not None:
                pairs[gi] = best
                used.add(best)
    matched = [(g, system[pairs[gi]] if gi in pairs else None) for gi, (g, _) in enumerate(placed)]
    unmatched = [s for si, s in enumerate(system) if si not in used]
    return matched, unmatched


def score_claims(items: list[tuple[dict, str, list[dict]]]) -> dict:
    """P/R/F1 overall and per type, certainty and value accuracy on matched claims.

    ``items``: (gold_article_json, system_body_text, system_claim_rows) per article.
    """
    per_type: dict[str, Prf] = defaultdict(lambda: Prf(0, 0, 0))
    certainty_right = certainty_total = 0
    negated_right = 0
    value_ok = value_total = 0
    confusion: Counter = Counter()
    character_right = character_total = 0
    for gold, body, system in items:
        matched, unmatched = _match_article(gold, body, system)
        characters = _gold_characters(gold)
        for g, s in matched:
            if s is None:
                per_type[g["claim_type"]] += Prf(0, 0, 1)
                continue
            want = characters.get(_norm_name(g.get("person"))) if g["claim_type"] in ("cast", "cast_exit") else None
            if want and _norm_name(g.get("value_text")) in want:     # the gold claim names the character
                character_total += 1
                character_right += _norm_name(s.get("value_text")) in want
            per_type[g["claim_type"]] += Prf(1, 0, 0)
            certainty_total += 1
            certainty_right += g["certainty"] == s["certainty"]
            negated_right += bool(g.get("negated")) == bool(s.get("negated"))
            confusion[(g["certainty"], s["certainty"])] += 1
            ok = value_right(g, s)
            if ok is not None:
                value_total += 1
                value_ok += ok
        for s in unmatched:
            per_type[s["claim_type"]] += Prf(0, 1, 0)
    overall = sum(per_type.values(), Prf(0, 0, 0))
    return {
        "overall": overall.as_dict(),
        "per_type": {t: p.as_dict() for t, p in sorted(per_type.items())},
        "certainty_accuracy": round(certainty_right / certainty_total, 4) if certainty_total else 0.0,
        "negated_accuracy": round(negated_right / certainty_total, 4) if certainty_total else 0.0,
        "value_accuracy": round(value_ok / value_total, 4) if value_total else 0.0,
        "matched": certainty_total, "valued_matched": value_total,
        # matched cast claims whose gold value is the actor's character: does the system name it?
        "cast_character_accuracy": round(character_right / character_total, 4) if character_total else 0.0,
        "cast_character_items": character_total,
        "certainty_confusion": {f"{g}->{s}": n for (g, s), n in sorted(confusion.items())},
    }


# ------------------------------------------------------------------ seed run
def _gold_rows_in(body: str, items: list[dict], text_key: str) -> list[dict]:
    """Gold rows placed in ``body`` (for oracle runs that isolate the claims step)."""
    occurrences: Counter = Counter()
    rows = []
    for item in items:
        text = item[text_key]
        occurrences[text] += 1
        span = locate(body, text, occurrences[text])
        if span:
            rows.append({**item, "text": text, "char_start": span[0], "char_end": span[1]})
    return rows


def _gold_people_mentions(body: str, people: list[dict]) -> list[dict]:
    rows = []
    for p in people:
        for alias in {p["name"], *p.get("aliases", [])}:
            for m in re.finditer(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", body):
                rows.append({"name": p["name"], "text": alias, "char_start": m.start(),
                             "char_end": m.end(), "kind": p.get("kind", "real")})
    # longest alias wins where two overlap
    rows.sort(key=lambda r: (r["char_start"], -(r["char_end"] - r["char_start"])))
    kept, last_end = [], -1
    for r in rows:
        if r["char_start"] >= last_end:
            kept.append(r)
            last_end = r["char_end"]
    return kept


def evaluate_seeds(gold_dir, raw_dir, dates: str = "auto", people: str = "auto") -> dict:
    """Run extract_claims on the seed articles and score them.

    ``dates``/``people``: "auto" uses scoop's own taggers when they are
    importable (falling back to gold), "gold" places the gold rows in the body
    (an oracle run that measures the claims step alone).
    """
    import html
    from pathlib import Path

    from scoop.evaluation.gold import load_gold_dir
    from scoop.extract.base import Document
    from scoop.extract.claims import extract_claims

    try:
        from scoop.clean import clean_article
    except ImportError:  # the cleaner is optional here
        clean_article = None
    tag_dates = None
    if dates == "auto":
        try:
            from scoop.extract.dates import tag_dates
        except ImportError:
            tag_dates = None
    people_extractor = None
    if people == "auto":
        try:
            from scoop.extract.people import PeopleExtractor
            people_extractor = PeopleExtractor()
        except ImportError:
            people_extractor = None

    items, used = [], {"dates": "gold", "people": "gold", "body": "unescape"}
    for gold in load_gold_dir(Path(gold_dir)):
        raw = (Path(raw_dir) / gold["file"]).read_text(encoding="utf-8")
        src = gold["source"]
        body, title = html.unescape(raw), src.get("title")
        if clean_article is not None:
            cleaned = clean_article(raw)
            body, title = cleaned.body, cleaned.title or title
            used["body"] = "scoop.clean"
        published = as_date(src.get("published_on"))
        doc = Document(source_id=gold["file"], body=body, title=title, published_on=published)
        if tag_dates is not None:
            date_rows = tag_dates(body, published)
            used["dates"] = "scoop.extract.dates"
        else:
            date_rows = _gold_rows_in(body, gold.get("dates", []), "text")
        if people_extractor is not None:
            frame = people_extractor.extract([doc], {})["mentions"]
            person_rows = frame.to_dicts()
            used["people"] = "scoop.extract.people"
        else:
            person_rows = _gold_people_mentions(body, gold.get("people", []))
        items.append((gold, body, extract_claims(doc, date_rows, person_rows)))
    return {"inputs": used, **score_claims(items)}


if __name__ == "__main__":  # .venv/bin/python -m scoop.evaluation.claims [gold|auto]
    import json
    import sys
    from pathlib import Path

    mode = sys.argv[1] if len(sys.argv) > 1 else "auto"
    root = Path(__file__).resolve().parents[2]
    print(json.dumps(evaluate_seeds(root / ".." / "shared" / "gold", root / "raw",
                                    dates=mode, people=mode), indent=1))
