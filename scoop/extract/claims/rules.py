"""Claims: what each article asserts about a show or film (CONTRACT.md `claims`).

Pure: a Document plus that article's dates and person mentions in, claim rows
out. Cheap regex cues (``cues``) pick the sentences and types; no second
spaCy parse is needed, which keeps the pipeline fast. Per sentence:
1. each type cue that fires is a candidate claim at the cue's place; chatter,
   fan reactions and open questions assert nothing;
2. dated types take the date rows of their sentence (each date goes to the
   nearest dated cue, one claim per date; a calendar date beats "now"/"soon",
   a duration or the date of a report is never a value), quantity types take
   the quantities in their units, person types split into one claim per
   person (an exit cue only takes who leaves); a release with no date needs a
   verb ("may arrive"), not a noun ("Premiere Date: Everything We Know");
3. certainty and negation come from the clause around the cue or the value,
   then from framing cues earlier in the sentence ("According to X, ..."), then
   from a quotation's credit; a future date stated flatly is `expected`;
   attribution from the sentence ("the outlet said" points back to the last
   outlet credited); subject from the work named in the sentence or the
   article's main work (``works``), moved to the earlier season for a past
   release or audience figure in an article about a season still to come.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

import polars as pl

from scoop.contract import polars_schema
from scoop.extract.claims import type_cues as rules
from scoop.extract.claims.certainty import attribution, is_chatter, is_non_claim, negation, quote_credits
from scoop.extract.claims.combine import model_decisions, sentence_context
from scoop.extract.claims.rows import claim_row
from scoop.extract.claims.itemise import chart_places, credit_asides, per_person, year_credits
from scoop.extract.claims import coref
from scoop.extract.claims.values import (as_date, clause_of, distance, is_duration, is_ref, merge_adjacent_dates,
                                         not_conversions, takes)
from scoop.extract.claims.who import add_model_people, assign_people, character_near
from scoop.extract.base import Document
from scoop.extract.quantities import parse_quantities
from scoop.extract.segment import clauses, sentences
from scoop.extract.trade import PLATFORMS
from scoop.extract.works import find_works, main_work
from scoop.ids import stable_id

_PLATFORM = re.compile(rf"\b(?:{PLATFORMS})(?!\w)")
_AWARD_CATEGORY = re.compile(r"\b(?:[Bb]est|[Oo]utstanding)\s+[a-z][\w'-]*(?:\s+(?!for\b|in\b|at\b|and\b|with\b|"
                             r"to\b|by\b|of\b|on\b|over\b)[a-z][\w'-]*){0,2}")
_ITEMISED = {"platform": _PLATFORM, "award": _AWARD_CATEGORY}

CLAIMS_SCHEMA: dict[str, pl.DataType] = polars_schema("claims")


def _type_cues(sentence_text: str, offset: int, has_person: bool) -> list[tuple[str, int, int]]:
    """(claim_type, start, end) for every cue in the sentence, absolute offsets."""
    cues = []
    lowered = sentence_text.lower()
    for rule in rules.TYPE_RULES:
        if rule.needs_person and not has_person:
            continue
        if rule.trigger_re is not None and not rule.trigger_re.search(lowered):
            continue
        if rule.needs is not None and not rule.needs.search(sentence_text):
            continue
        for m in rule.pattern.finditer(sentence_text):
            cues.append((rule.claim_type, offset + m.start(), offset + m.end()))
    return cues



@dataclass
class _Article:
    """What every sentence of one article needs to know about the rest of it."""
    doc: Document
    text: str
    mentions: list
    main_title: str | None
    main_season: int | None
    upcoming: bool                    # the article is about a season still to come
    last_source: str | None = None    # the last outlet credited ("the outlet said" -> it)
    prev_cast: str | None = None      # certainty of the previous sentence's cast claims
    quote_credits: dict = field(default_factory=dict)
    model: object | None = None       # the trained claim-type model (``combine``), if any
    quantities: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    contexts: list | None = None      # when a list, every sentence's model context is collected here
    roles: list = field(default_factory=list)   # the people extractor's roles of this article
    last_person: tuple = (None, -99)            # the real person last named, and in which sentence
    prev_cues: list = field(default_factory=list)   # the rule cue types of the sentence before (model feature)


# ------------------------------------------------------------------ main
def extract_claims(doc: Document, dates: list[dict], people: list[dict], model=None,
                   contexts: list | None = None, roles: list[dict] | None = None,
                   works: list | None = None) -> list[dict]:
    """Claim rows (contract columns + person_name) for one article; ``model`` adds the types rules miss."""
    text = doc.body
    mentions = find_works(doc) if works is None else works
    main_title, main_season = main_work(doc, mentions)
    quantities = parse_quantities(text)
    date_rows = merge_adjacent_dates(text, [d for d in dates if d.get("char_start") is not None])
    persons = sorted((p for p in people if p.get("char_start") is not None),
                     key=lambda p: p["char_start"])
    art = _Article(doc, text, mentions, main_title, main_season,
                   upcoming=bool(rules.UPCOMING_ARTICLE.search(text)
                                 or (doc.title and rules.UPCOMING_ARTICLE.search(doc.title))),
                   model=model, quantities=quantities, dates=dates, contexts=contexts,
                   roles=[r for r in roles or () if r.get("char_start") is not None])
    spans = sentences(text)
    art.quote_credits = quote_credits(text, spans, art)
    art.last_source = None
    # every row goes to its sentence once, so a long article costs rows + sentences, not their product
    by_sentence = {name: _bucket(spans, rows) for name, rows in (
        ("dates", date_rows), ("quantities", quantities), ("persons", persons), ("raw_dates", art.dates),
        ("roles", art.roles), ("works", [{"char_start": w.char_start, "work": w} for w in mentions]))}
    rows: list[dict] = []
    for index, span in enumerate(spans):
        rows.extend(_sentence_claims(art, span, by_sentence, index))
    # one row per id (the same cue may be reached twice through merged spans)
    unique = {r["claim_id"]: r for r in rows}
    for r in unique.values():
        r.pop("_cued", None)
        r.pop("_cue", None)
    return list(unique.values())


def _asserts_release(text: str, cue: tuple[str, int, int], clause: tuple[int, int]) -> bool:
    """A release cue with no date: a verb asserts something ("Season 2 may arrive sooner", "the
    show premiered"), and so does a noun that names one release ("its debut weekend", "the world
    premiere of X"); a bare noun ("Release Date: What To Expect", "progress ... or a release") or a
    time clause ("once released") does not."""
    before = text[clause[0]:cue[1]]
    if rules.SUBORDINATE_BEFORE.search(before):
        return False
    if rules.RELEASE_VERB_FORM.match(text[cue[1]:cue[2]]) or rules.MODAL_BEFORE.search(before):
        return True
    return bool(rules.RELEASE_NOUN.match(text[cue[1]:cue[2]]) and (
        rules.RELEASE_NOUN_BEFORE.search(text[max(clause[0], cue[1] - 40):cue[1]])
        or rules.RELEASE_NOUN_OF.match(text, cue[2])))


@dataclass
class _Sentence:
    """One sentence being read: its span, rows and cues, shared by the steps below."""
    art: _Article
    start: int
    end: int
    index: int
    people: list[dict]
    quantities: list[dict]
    cues: list[tuple[str, int, int]] = field(default_factory=list)
    model_people: list[tuple[str, dict]] = field(default_factory=list)
    clause_spans: list[tuple[int, int]] = field(default_factory=list)
    continuation: object = None
    prev_cast: str | None = None
    raw_dates: list[dict] = field(default_factory=list)     # the tagger's rows (features see them unmerged)
    roles: list[dict] = field(default_factory=list)         # the people extractor's roles over this sentence
    works: list = field(default_factory=list)               # work mentions starting in this sentence

    @property
    def text(self) -> str:
        return self.art.text[self.start:self.end]

    def clause(self, at: int) -> tuple[int, int]:
        return clause_of(self.clause_spans, at)


def _bucket(spans: list[tuple[int, int]], rows: list[dict]) -> list[list[dict]]:
    """Rows per sentence: those starting inside it (roles: every sentence their evidence overlaps)."""
    starts = [s for s, _ in spans]
    out: list[list[dict]] = [[] for _ in spans]
    for r in rows:
        first = bisect_right(starts, r["char_start"]) - 1
        last = bisect_right(starts, r["char_end"] - 1) - 1 if "role" in r else first
        for i in range(max(first, 0), last + 1):
            if spans[i][0] <= r["char_start"] < spans[i][1] or ("role" in r and r["char_start"] < spans[i][1]):
                out[i].append(r)
    return out


def _sentence_claims(art: _Article, sentence, rows: dict[str, list[list[dict]]], index: int) -> list[dict]:
    people = rows["persons"][index]
    if index - art.last_person[1] <= coref.MAX_GAP:
        people = coref.pronoun_mentions(art.text, sentence[0], sentence[1], people, art.last_person[0])
    if (named := coref.last_real(people)) is not None:
        art.last_person = (named, index)
    st = _Sentence(art, sentence[0], sentence[1], index, people, rows["quantities"][index])
    st.raw_dates, st.roles = rows["raw_dates"][index], rows["roles"][index]
    st.works = [w["work"] for w in rows["works"][index]]
    st.prev_cast, art.prev_cast = art.prev_cast, None
    _gather_cues(st)
    if not _keep_asserting_cues(st):
        return []
    dates = _value_dates(st, rows["dates"][index])
    if dates is None:
        return []
    st.cues = _first_cue_per_type_and_clause(st)
    out = _emit(st, dates)
    out = _one_bare_claim_per_type(out)
    if st.continuation:
        for row in out:
            if row["claim_type"] == "cast" and not row["_cued"]:
                row["certainty"] = st.prev_cast
    cast_rows = [r for r in out if r["claim_type"] == "cast"]
    if cast_rows:
        art.prev_cast = cast_rows[-1]["certainty"]
    return out


def _gather_cues(st: _Sentence) -> None:
    """The rule cues of the sentence, then what the trained models add."""
    art, text = st.art, st.text
    has_person = any(p.get("kind") != "fictional" for p in st.people)
    st.cues = _type_cues(text, st.start, has_person)
    # a quantity in a telling unit is its own cue ("310 million viewing hours")
    for q in st.quantities:
        if q["value_unit"] in rules.UNIT_TYPES:
            st.cues.append((rules.UNIT_TYPES[q["value_unit"]], q["char_start"], q["char_end"]))
    # a fictional character opening the sentence makes it a synopsis line
    first = st.people[0] if st.people else None
    if first and first["char_start"] - st.start <= 2 and first.get("kind") == "fictional":
        st.cues.append(("plot", first["char_start"], first["char_end"]))
    # "These include A, B and C." continues the cast list of the sentence before
    st.continuation = rules.CAST_CONTINUATION.match(text) if st.prev_cast and has_person else None
    if st.continuation and not any(c[0] == "cast" for c in st.cues):
        st.cues.append(("cast", st.start, st.start + st.continuation.end()))
    if art.model is not None or art.contexts is not None:
        ctx = sentence_context((st.start, st.end), st.index, st.people, st.raw_dates, st.quantities, st.works,
                               [c[0] for c in st.cues], art.prev_cues)
        art.prev_cues = ctx.cue_types
        if art.contexts is not None:
            art.contexts.append(ctx)
        if art.model is not None:
            extra, st.model_people = model_decisions(art.model, art.text, ctx, st.cues)
            st.cues += extra


def _keep_asserting_cues(st: _Sentence) -> bool:
    """Drop cues in chatter, non-claim clauses and topic headings; False when nothing is left."""
    if not st.cues and not st.model_people:
        return False
    text = st.art.text
    st.clause_spans = clauses(text, st.start, st.end)
    if is_chatter(st.text):
        return False
    st.cues = [c for c in st.cues if not is_non_claim(text[slice(*st.clause(c[1]))])]
    if rules.TOPIC_HEADING.search(st.text):
        st.cues = [c for c in st.cues if not rules.TOPIC_NOUNS.search(text[c[1]:c[2]])]
    return bool(st.cues or st.model_people)


def _value_dates(st: _Sentence, s_dates: list[dict]) -> list[dict] | None:
    """The dates that can value a claim, best kind first; None when the sentence asserts nothing."""
    text = st.art.text
    # a date that says when something was said is not a claim's value
    # ("a late-November rumor", "announced the date on Monday")
    s_dates = [d for d in s_dates
               if not rules.REPORT_NOUN_AFTER.match(text, d["char_end"], st.end)
               and not rules.REPORT_VERB_BEFORE.search(text, max(st.start, d["char_start"] - 60), d["char_start"])]
    ranged = [d for d in s_dates if (d.get("range_start") or d.get("range_end")) and not is_duration(d)]
    calendar = [d for d in ranged if not is_ref(d)]
    # a date the tagger could not place ("on Christmas Day" with no publication
    # date) still values a claim when nothing better is there
    unplaced = [d for d in s_dates if not (d.get("range_start") or d.get("range_end"))
                and not is_duration(d) and not is_ref(d)]
    # a question asserts nothing unless it carries a calendar date
    if rules.QUESTION.search(st.text) and not (calendar or unplaced):
        return None
    return calendar or unplaced or ranged


def _first_cue_per_type_and_clause(st: _Sentence) -> list[tuple[str, int, int]]:
    seen: set[tuple[str, tuple[int, int]]] = set()
    kept = []
    for cue in sorted(st.cues, key=lambda c: c[1]):
        key = (cue[0], st.clause(cue[1]))
        if key not in seen:
            seen.add(key)
            kept.append(cue)
    return kept


def _dates_by_cue(st: _Sentence, dates: list[dict]) -> dict[tuple, list[dict]]:
    """Each date goes to the nearest dated cue; a cue with a date in its own clause keeps only those."""
    dated = [c for c in st.cues if c[0] in rules.DATED_TYPES]
    by_cue: dict[tuple, list[dict]] = {c: [] for c in dated}
    for d in dates if dated else ():
        nearest = min(dated, key=lambda c: distance((c[1], c[2]), (d["char_start"], d["char_end"])))
        by_cue[nearest].append(d)
    for cue, ds in by_cue.items():
        own = [d for d in ds if st.clause(d["char_start"]) == st.clause(cue[1])]
        if own and len(own) < len(ds):
            by_cue[cue] = own
    return by_cue


def _emit(st: _Sentence, dates: list[dict]) -> list[dict]:
    """Claim rows for the sentence's cues: valued by its dates or quantities, or one per person."""
    art, text = st.art, st.art.text
    credit = art.quote_credits.get(st.start)
    attributed = attribution(st.text, art) or (credit[0] if credit else None)
    base = dict(art=art, sentence=(st.start, st.end), clause_spans=st.clause_spans, attributed=attributed,
                credit_certainty=credit[1] if credit else None)
    by_cue = _dates_by_cue(st, dates)
    persons_by_cue = assign_people(text, st.cues, st.people)
    s_roles = st.roles
    st.cues = add_model_people(st.cues, persons_by_cue, st.model_people)
    out: list[dict] = []
    for cue in st.cues:
        claim_type, cue_clause = cue[0], st.clause(cue[1])
        if claim_type == "release" and rules.NOT_A_RELEASE.search(text, cue_clause[0], cue_clause[1]):
            continue
        if claim_type in rules.DATED_TYPES and by_cue.get(cue):
            # "No exact date yet – but whispers point to 2026": the negated cue stands too
            if (negation(text[cue_clause[0]:cue_clause[1]])[0]
                    and not any(st.clause(d["char_start"]) == cue_clause for d in by_cue[cue])):
                out.append(claim_row(**base, claim_type=claim_type, cue=cue))
            out += [claim_row(**base, claim_type=claim_type, cue=cue, value_text=d.get("text"),
                           value_start=as_date(d.get("range_start")), value_end=as_date(d.get("range_end")),
                           at=d["char_start"]) for d in by_cue[cue]]
            continue
        if claim_type in rules.QUANTITY_UNITS:
            units = rules.QUANTITY_UNITS[claim_type]
            matched = not_conversions(text, [q for q in st.quantities
                                              if takes(claim_type, q, units, rules.VIEWING_MINUTES_FROM)])
            if matched and (claim_type != "delay" or not by_cue.get(cue)):
                out += [claim_row(**base, claim_type=claim_type, cue=cue, value_text=q["value_text"],
                               value_number=q["value_number"], value_unit=q["value_unit"], at=q["char_start"])
                        for q in matched]
                continue
        if persons_by_cue.get(cue):
            out += [claim_row(**base, claim_type=claim_type, cue=cue, person=p,
                           value_text=character_near(p, st.people, text, s_roles)) for p in persons_by_cue[cue]]
            continue
        if claim_type in rules.PERSON_TYPES and claim_type != "cast" and st.people:
            continue  # people went to another cue; a crew word alone asserts nothing
        if (claim_type == "release" and not negation(text[cue_clause[0]:cue_clause[1]])[0]
                and not _asserts_release(text, cue, cue_clause)):
            continue
        if claim_type in _ITEMISED:
            # one claim per network named ("for FX and Hulu"), per award category
            # ("won best actor and best film"), else one with the cue's words
            names = [m for m in _ITEMISED[claim_type].finditer(text, st.start, st.end)] or [None]
            done = {(r["claim_type"], r["value_text"]) for r in out}
            names = [m for m in names if m is None or (claim_type, m.group()) not in done]
            if not names:
                continue
            out += [claim_row(**base, claim_type=claim_type, cue=cue,
                              value_text=m.group() if m else (text[cue[1]:cue[2]] or None),
                              at=m.start() if m else None) for m in names]
            continue
        out.append(claim_row(**base, claim_type=claim_type, cue=cue))
    out += _releases_of_delays(st, by_cue, out)
    out = credit_asides(st, base, per_person(st, base, out))
    return chart_places(st, base, year_credits(st, base, out))


def _releases_of_delays(st: _Sentence, by_cue: dict, out: list[dict]) -> list[dict]:
    """A delay of nothing in production to a date is a delay of the release: "a rumor floated
    a 2027 slip", "postponed until March" also give the release date."""
    text = st.art.text
    if any(c[0] == "release" for c in st.cues) or rules.PRODUCTION_WORDS.search(st.text):
        return []
    added = []
    for cue in (c for c in st.cues if c[0] == "delay"):
        for d, row in zip(by_cue.get(cue, ()), [r for r in out if r.get("_cue") == cue and r["value_text"]]):
            if rules.DELAY_TARGET_BEFORE.fullmatch(text, cue[2], d["char_start"]) or \
                    rules.DELAY_TARGET_AFTER.fullmatch(text, d["char_end"], cue[1]):
                added.append({**row, "claim_type": "release", "claim_id": stable_id(row["claim_id"], "release")})
    return added


def _one_bare_claim_per_type(out: list[dict]) -> list[dict]:
    """Several cues of one type in a sentence with no value say one thing
    ("hurdles ... shoved things down the road"), unless one is negated or about another work."""
    seen_bare: set[tuple] = set()
    deduped = []
    for row in out:
        if row["value_text"] is None and row["value_number"] is None:
            key = (row["claim_type"], row["negated"], row["person_name"], row["subject"])
            if key in seen_bare:
                continue
            seen_bare.add(key)
        deduped.append(row)
    return deduped
