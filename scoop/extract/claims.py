"""Claims: what each article asserts about a show or film (CONTRACT.md `claims`).

Pure: a Document plus that article's dates and person mentions in, claim rows
out. Cheap regex cues (``claim_rules``) pick the sentences and types; no second
spaCy parse is needed, which keeps the pipeline fast. Per sentence:
1. each type cue that fires is a candidate claim at the cue's place;
2. dated types take the date rows of their sentence (each date goes to the
   nearest dated cue; one claim per date), quantity types take the quantities
   in their units, person types split into one claim per person;
3. certainty and negation come from the clause around the cue (falling back
   to the sentence), attribution from the sentence, subject from the work
   named in the sentence or the article's main work (``works``).
"""
from __future__ import annotations

from datetime import date
from typing import Mapping, Sequence

import polars as pl

from scoop.extract import claim_rules as rules
from scoop.extract.base import Document
from scoop.extract.quantities import parse_quantities
from scoop.extract.segment import clauses, sentences
from scoop.extract.works import find_works, main_work, resolve_in_span, subject_label
from scoop.ids import stable_id

CLAIMS_SCHEMA = {
    "claim_id": pl.Utf8, "source_id": pl.Utf8, "claim_type": pl.Utf8, "subject": pl.Utf8,
    "person_id": pl.Utf8, "value_text": pl.Utf8, "value_start": pl.Date, "value_end": pl.Date,
    "value_number": pl.Float64, "value_unit": pl.Utf8, "certainty": pl.Utf8,
    "attributed_to": pl.Utf8, "negated": pl.Boolean, "char_start": pl.Int64, "char_end": pl.Int64,
    "person_name": pl.Utf8,
}
# dates joined by these are one value ("January 17 and 18", "from 2024 to 2025")
_DATE_JOINERS = frozenset({"and", "to", "-", "–", "through", "until", "or"})


# ------------------------------------------------------------------ helpers
def as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _merge_adjacent_dates(text: str, rows: list[dict]) -> list[dict]:
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
                              "range_end": max(ends) if ends else None}
                continue
        merged.append(dict(row))
    return merged


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, a[0] - b[1], b[0] - a[1])


def _clause_of(clause_spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    for s, e in clause_spans:
        if s <= at < e:
            return s, e
    return clause_spans[0]


def _certainty(text: str, clause: tuple[int, int], sentence: tuple[int, int], claim_type: str
               ) -> tuple[str, bool]:
    """(certainty, negated) for a claim whose cue sits in ``clause``."""
    clause_text = text[clause[0]:clause[1]]
    for neg in rules.NEGATION_CUES:
        if neg.pattern.search(clause_text):
            if neg.certainty:
                return neg.certainty, True
            negated = True
            break
    else:
        negated = False
    # then the clauses before it ("According to X, ...", "Although ..., reports say")
    for scope in (clause, (sentence[0], clause[0])):
        scoped = text[scope[0]:scope[1]]
        for cue in rules.CERTAINTY_CUES:
            if cue.types and claim_type not in cue.types:
                continue
            if cue.pattern.search(scoped):
                return cue.value, negated
    return rules.DEFAULT_CERTAINTY, negated


def _attribution(sentence_text: str) -> str | None:
    for pattern in rules.ATTRIBUTION_PATTERNS:
        for m in pattern.finditer(sentence_text):
            who = m.group("who").strip(" ,.")
            who = who[4:] if who.lower().startswith("the ") and "official" not in who.lower() else who
            if who and who.lower() not in rules.NOT_SOURCES and not who.islower():
                return who
            if who.lower().startswith("the official"):
                return who[4:]
    return None


def _is_non_claim(clause_text: str) -> bool:
    return any(p.search(clause_text) for p in rules.NON_CLAIM_PATTERNS)


def _type_cues(sentence_text: str, offset: int, has_person: bool) -> list[tuple[str, int, int]]:
    """(claim_type, start, end) for every cue in the sentence, absolute offsets."""
    cues = []
    for rule in rules.TYPE_RULES:
        if rule.needs_person and not has_person:
            continue
        for m in rule.pattern.finditer(sentence_text):
            cues.append((rule.claim_type, offset + m.start(), offset + m.end()))
    return cues


# ------------------------------------------------------------------ main
def extract_claims(doc: Document, dates: list[dict], people: list[dict]) -> list[dict]:
    """Claim rows (contract columns + person_name) for one article."""
    text = doc.body
    mentions = find_works(doc)
    main_title, main_season = main_work(doc, mentions)
    quantities = parse_quantities(text)
    date_rows = _merge_adjacent_dates(text, [d for d in dates if d.get("char_start") is not None])
    persons = sorted((p for p in people if p.get("char_start") is not None),
                     key=lambda p: p["char_start"])
    rows: list[dict] = []
    for s_start, s_end in sentences(text):
        rows.extend(_sentence_claims(doc, text, (s_start, s_end), mentions, main_title, main_season,
                                     date_rows, quantities, persons))
    # one row per id (the same cue may be reached twice through merged spans)
    unique = {r["claim_id"]: r for r in rows}
    return list(unique.values())


def _sentence_claims(doc, text, sentence, mentions, main_title, main_season,
                     date_rows, quantities, persons) -> list[dict]:
    s_start, s_end = sentence
    sentence_text = text[s_start:s_end]
    clause_spans = clauses(text, s_start, s_end)
    in_sentence = lambda r: s_start <= r["char_start"] < s_end  # noqa: E731
    s_dates = [d for d in date_rows if in_sentence(d)]
    s_quantities = [q for q in quantities if in_sentence(q)]
    s_people = [p for p in persons if in_sentence(p)]
    is_question = bool(rules.QUESTION.search(sentence_text))

    has_person = any(p.get("kind") != "fictional" for p in s_people)
    cues = [c for c in _type_cues(sentence_text, s_start, has_person)
            if not _is_non_claim(text[slice(*_clause_of(clause_spans, c[1]))])]
    # a quantity in a telling unit is its own cue ("560 million viewing hours")
    for q in s_quantities:
        if q["value_unit"] in rules.UNIT_TYPES:
            cues.append((rules.UNIT_TYPES[q["value_unit"]], q["char_start"], q["char_end"]))
    # a fictional character opening the sentence makes it a synopsis line
    if s_people and s_people[0]["char_start"] - s_start <= 2 and s_people[0].get("kind") == "fictional":
        cues.append(("plot", s_people[0]["char_start"], s_people[0]["char_end"]))
    if rules.TOPIC_HEADING.search(sentence_text):
        cues = [c for c in cues if not rules.TOPIC_NOUNS.search(text[c[1]:c[2]])]
    if not cues:
        return []
    if is_question and not s_dates:
        return []
    # one cue per type and clause (the first)
    seen: set[tuple[str, tuple[int, int]]] = set()
    kept = []
    for cue in sorted(cues, key=lambda c: c[1]):
        key = (cue[0], _clause_of(clause_spans, cue[1]))
        if key not in seen:
            seen.add(key)
            kept.append(cue)
    cues = kept

    attributed = _attribution(sentence_text)
    base = dict(doc=doc, text=text, sentence=sentence, clause_spans=clause_spans,
                mentions=mentions, main=(main_title, main_season), attributed=attributed)
    out: list[dict] = []

    # dates go to the nearest dated cue of the sentence
    dated = [c for c in cues if c[0] in rules.DATED_TYPES]
    by_cue: dict[tuple, list[dict]] = {c: [] for c in dated}
    # a date without an interval ("now", "four years") values a cue only when
    # the sentence has no calendar date for it
    ranged = [d for d in s_dates if d.get("range_start") or d.get("range_end")]
    for d in ranged or s_dates[:1]:
        if dated:
            nearest = min(dated, key=lambda c: _distance((c[1], c[2]), (d["char_start"], d["char_end"])))
            by_cue[nearest].append(d)
    persons_by_cue = _assign_people(cues, s_people)

    for cue in cues:
        claim_type = cue[0]
        if claim_type in rules.DATED_TYPES and by_cue.get(cue):
            for d in by_cue[cue]:
                out.append(_claim(**base, claim_type=claim_type, cue=cue, value_text=d.get("text"),
                                  value_start=as_date(d.get("range_start")),
                                  value_end=as_date(d.get("range_end")), at=d["char_start"]))
            continue
        if claim_type in rules.QUANTITY_UNITS:
            units = rules.QUANTITY_UNITS[claim_type]
            matched = [q for q in s_quantities if q["value_unit"] in units
                       and (q["value_unit"] is not None or claim_type == "episodes")]
            if matched and (claim_type != "delay" or not by_cue.get(cue)):
                for q in matched:
                    out.append(_claim(**base, claim_type=claim_type, cue=cue,
                                      value_text=q["value_text"], value_number=q["value_number"],
                                      value_unit=q["value_unit"], at=q["char_start"]))
                continue
        if claim_type in rules.PERSON_TYPES and persons_by_cue.get(cue):
            for p in persons_by_cue[cue]:
                out.append(_claim(**base, claim_type=claim_type, cue=cue, person=p,
                                  value_text=_character_near(p, s_people, text)))
            continue
        if claim_type in rules.PERSON_TYPES and claim_type != "cast" and s_people:
            continue  # people went to another cue; a crew word alone asserts nothing
        out.append(_claim(**base, claim_type=claim_type, cue=cue,
                          value_text=text[cue[1]:cue[2]] if claim_type == "platform" else None))
    return out


def _assign_people(cues, s_people) -> dict[tuple, list[dict]]:
    """Each real person of the sentence goes to the nearest person-type cue."""
    person_cues = [c for c in cues if c[0] in rules.PERSON_TYPES]
    assigned: dict[tuple, list[dict]] = {c: [] for c in person_cues}
    if not person_cues:
        return assigned
    names_seen: set[str] = set()
    for p in s_people:
        if p.get("kind") == "fictional":
            continue
        name = p.get("name") or p.get("text")
        if name in names_seen:
            continue
        names_seen.add(name)
        span = (p["char_start"], p["char_end"])
        nearest = min(person_cues, key=lambda c: (_distance((c[1], c[2]), span), c[0] != "cast"))
        assigned[nearest].append(p)
    return assigned


def _character_near(person: dict, s_people: list[dict], text: str) -> str | None:
    """The fictional character written next to an actor ("X as Y", "Y (X)")."""
    for other in s_people:
        if other.get("kind") != "fictional":
            continue
        gap = _distance((person["char_start"], person["char_end"]), (other["char_start"], other["char_end"]))
        if gap <= 25:
            return other.get("name") or other.get("text")
    return None


def _claim(*, doc, text, sentence, clause_spans, mentions, main, attributed, claim_type, cue,
           value_text=None, value_start=None, value_end=None, value_number=None, value_unit=None,
           person=None, at=None) -> dict:
    clause = _clause_of(clause_spans, cue[1] if at is None else at)
    certainty, negated = _certainty(text, clause, sentence, claim_type)
    if at is not None and clause != _clause_of(clause_spans, cue[1]):
        # the value sits in another clause than the cue: its own clause's cues count first
        cue_certainty, cue_negated = _certainty(text, _clause_of(clause_spans, cue[1]), sentence,
                                                claim_type)
        if certainty == rules.DEFAULT_CERTAINTY:
            certainty = cue_certainty
        negated = negated or cue_negated
    title, season = resolve_in_span(text, sentence[0], sentence[1], mentions, main[0], main[1],
                                    offset=cue[1])
    person_name = (person.get("name") or person.get("text")) if person else None
    subject = subject_label(title, season) or person_name
    char_start, char_end = sentence
    return {
        "claim_id": stable_id(doc.source_id, "claim", claim_type, char_start, char_end, value_text,
                              person_name),
        "source_id": doc.source_id, "claim_type": claim_type, "subject": subject,
        "person_id": None, "value_text": value_text, "value_start": value_start,
        "value_end": value_end, "value_number": value_number, "value_unit": value_unit,
        "certainty": certainty, "attributed_to": attributed, "negated": negated,
        "char_start": char_start, "char_end": char_end, "person_name": person_name,
    }


# ------------------------------------------------------------------ extractor
def _rows_by_source(frame: pl.DataFrame | None) -> dict[str, list[dict]]:
    if frame is None or frame.height == 0 or "source_id" not in frame.columns:
        return {}
    grouped: dict[str, list[dict]] = {}
    for row in frame.iter_rows(named=True):
        grouped.setdefault(row["source_id"], []).append(row)
    return grouped


class ClaimsExtractor:
    """Extractor plug-in: fills `claims` from the batch's dates and mentions."""

    name = "claims"
    version = "0.1.0"
    tables = ("claims",)

    def extract(self, docs: Sequence[Document], context: Mapping[str, pl.DataFrame]
                ) -> dict[str, pl.DataFrame]:
        dates = _rows_by_source(context.get("dates"))
        mentions = _rows_by_source(context.get("mentions"))
        rows: list[dict] = []
        for doc in docs:
            rows.extend(extract_claims(doc, dates.get(doc.source_id, []),
                                       mentions.get(doc.source_id, [])))
        return {"claims": pl.DataFrame(rows, schema=CLAIMS_SCHEMA)
                if rows else pl.DataFrame(schema=CLAIMS_SCHEMA)}
