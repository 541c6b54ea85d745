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
   verb ("may arrive"), not a noun ("Release Date: What To Expect");
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
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from scoop.extract.claims import cues as rules
from scoop.extract.claims.combine import model_decisions, sentence_context
from scoop.extract.base import Document
from scoop.extract.quantities import parse_quantities
from scoop.extract.segment import clauses, sentences
from scoop.extract.works import find_works, main_work, resolve_with_basis, subject_label
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
                              "range_end": max(ends) if ends else None,
                              "value": prev.get("value") if _is_ref(prev) else row.get("value", prev.get("value"))}
                continue
        merged.append(dict(row))
    return merged


def _is_ref(d: dict) -> bool:
    """PRESENT_REF / PAST_REF / FUTURE_REF ("now", "soon"): no calendar value of its own."""
    return str(d.get("value") or "").endswith("_REF") or d.get("granularity") == "ref"


def _is_duration(d: dict) -> bool:
    return d.get("timex_type") == "DURATION" or d.get("granularity") == "duration"


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, a[0] - b[1], b[0] - a[1])


def _clause_of(clause_spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    for s, e in clause_spans:
        if s <= at < e:
            return s, e
    return clause_spans[0]


_CONDITION_TAIL = re.compile(r"(?<=\S)\s+(?:if|unless|as long as|provided|in case)\b.*$",
                             re.IGNORECASE | re.DOTALL)


def _negation(clause_text: str) -> tuple[bool, str | None]:
    # a negation inside a trailing condition does not negate the claim
    # ("2026, if post-production doesn't drag")
    clause_text = _CONDITION_TAIL.sub("", clause_text)
    for neg in rules.NEGATION_CUES:
        if neg.pattern.search(clause_text):
            return True, neg.certainty
    return False, None


_RELATIVE = re.compile(r"^(?:who|whose|which)\b", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^()]*\)")


def _mask_brackets(passage: str) -> str:
    """Blank out asides in brackets: "(hopefully)", "(or maybe not)" qualify the aside only."""
    return _BRACKETS.sub(lambda m: " " * len(m.group()), passage) if "(" in passage else passage


def _certainty(text: str, clause: tuple[int, int], sentence: tuple[int, int], claim_type: str,
               value_at: int | None = None, skip_speaker: bool = False) -> tuple[str, bool, bool]:
    """(certainty, negated, cued) for a claim whose cue sits in ``clause``;
    ``cued`` is False when nothing in the text decided it (the default)."""
    clause_text = _mask_brackets(text[clause[0]:clause[1]])
    negated, negated_certainty = _negation(clause_text)
    if negated_certainty:
        return negated_certainty, True, True
    # a hedge right before the value ("..., likely the second half")
    if value_at is not None and rules.HEDGE_BEFORE_VALUE.search(text[max(clause[0], value_at - 40):value_at]):
        return "speculative", negated, True
    for cue in rules.CERTAINTY_CUES:
        if cue.applies(claim_type) and not (skip_speaker and cue.speaker) and cue.pattern.search(clause_text):
            return cue.value, negated, True
    # framing cues of the clauses before it ("According to X, ...", "Rumors say ..., and ...");
    # a relative clause ("..., who plays X,") keeps its own certainty
    if clause[0] > sentence[0] and not _RELATIVE.match(clause_text):
        before = _mask_brackets(text[sentence[0]:clause[0]])
        for cue in rules.CERTAINTY_CUES:
            if cue.frames and cue.applies(claim_type) and not (skip_speaker and cue.speaker) \
                    and cue.pattern.search(before):
                return cue.value, negated, True
    return rules.DEFAULT_CERTAINTY, negated, False


def _clean_who(who: str, role: bool = False) -> str | None:
    who = rules.WHO_OPENERS.sub("", who.strip(" ,."))
    words = who.split()
    if words and words[-1].lower() in rules.NOT_SOURCES:   # "... Jr. He wrote": the subject is "He"
        return None
    lower = who.lower()
    if lower.startswith("the official"):
        return who[4:]
    if lower.startswith("the "):
        who = who[4:]
        lower = who.lower()
    if not who or lower in rules.NOT_SOURCES or who.islower():
        return None
    if role:  # "Director Kim Ha-neul" -> "director Kim Ha-neul"
        who = who[0].lower() + who[1:]
    return who


def _attribution(sentence_text: str, art: "_Article") -> str | None:
    """Who the sentence credits; "the outlet said" points back to the last outlet credited."""
    if "(" in sentence_text:
        sentence_text = rules.IMAGE_CREDIT.sub(lambda m: " " * len(m.group()), sentence_text)
    if art.last_source and rules.ANAPHORIC_SOURCE.search(sentence_text):
        return art.last_source
    for i, pattern in enumerate(rules.ATTRIBUTION_PATTERNS):
        for m in pattern.finditer(sentence_text):
            who = _clean_who(m.group("who"), role=i == 0)
            if who and rules.SOURCE_ANAPHORA.match(who):
                if art.last_source:
                    return art.last_source
                continue
            if who:
                if i != 0:  # an outlet or a named speaker, not "director X"
                    art.last_source = who
                return who
    return None


def _is_non_claim(clause_text: str) -> bool:
    return any(p.search(clause_text) for p in rules.NON_CLAIM_PATTERNS)


def _is_chatter(sentence_text: str) -> bool:
    return any(p.search(sentence_text) for p in rules.NON_CLAIM_SENTENCES)


def _type_cues(sentence_text: str, offset: int, has_person: bool) -> list[tuple[str, int, int]]:
    """(claim_type, start, end) for every cue in the sentence, absolute offsets."""
    cues = []
    lowered = sentence_text.lower()
    for rule in rules.TYPE_RULES:
        if rule.needs_person and not has_person:
            continue
        if rule.triggers is not None and not any(t in lowered for t in rule.triggers):
            continue
        if rule.needs is not None and not rule.needs.search(sentence_text):
            continue
        for m in rule.pattern.finditer(sentence_text):
            cues.append((rule.claim_type, offset + m.start(), offset + m.end()))
    return cues


def _quote_credits(text: str, spans: list[tuple[int, int]], art: "_Article"
                   ) -> dict[int, tuple[str | None, str | None]]:
    """Sentence start -> (attributed_to, certainty) for the sentences of a quotation
    running over several sentences and credited after it closes
    (“... . ...,” the official synopsis reads.)."""
    credits: dict[int, tuple[str | None, str | None]] = {}
    if "“" not in text:
        return credits
    for m in re.finditer(r"“[^“”]{20,}?”", text):
        q_start, q_end = m.span()
        inside = [sp for sp in spans if q_start <= sp[0] < q_end]
        closing = next((sp for sp in spans if sp[0] <= q_end - 1 < sp[1]), None)
        if len(inside) < 2 or closing is None:
            continue
        tail = text[q_end:closing[1]]
        who = _attribution(tail, art)
        certainty = next((c.value for c in rules.CERTAINTY_CUES if c.frames and c.pattern.search(tail)), None)
        if who or certainty:
            for sp in inside:
                credits[sp[0]] = (who, certainty)
    return credits


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


# ------------------------------------------------------------------ main
def extract_claims(doc: Document, dates: list[dict], people: list[dict], model=None,
                   contexts: list | None = None, roles: list[dict] | None = None,
                   works: list | None = None) -> list[dict]:
    """Claim rows (contract columns + person_name) for one article; ``model`` adds the types rules miss."""
    text = doc.body
    mentions = find_works(doc) if works is None else works
    main_title, main_season = main_work(doc, mentions)
    quantities = parse_quantities(text)
    date_rows = _merge_adjacent_dates(text, [d for d in dates if d.get("char_start") is not None])
    persons = sorted((p for p in people if p.get("char_start") is not None),
                     key=lambda p: p["char_start"])
    art = _Article(doc, text, mentions, main_title, main_season,
                   upcoming=bool(rules.UPCOMING_ARTICLE.search(text)
                                 or (doc.title and rules.UPCOMING_ARTICLE.search(doc.title))),
                   model=model, quantities=quantities, dates=dates, contexts=contexts,
                   roles=[r for r in roles or () if r.get("char_start") is not None])
    spans = sentences(text)
    art.quote_credits = _quote_credits(text, spans, art)
    art.last_source = None
    rows: list[dict] = []
    for index, span in enumerate(spans):
        rows.extend(_sentence_claims(art, span, date_rows, quantities, persons, index))
    # one row per id (the same cue may be reached twice through merged spans)
    unique = {r["claim_id"]: r for r in rows}
    for r in unique.values():
        r.pop("_cued", None)
        r.pop("_cue", None)
    return list(unique.values())


def _asserts_release(text: str, cue: tuple[str, int, int], clause: tuple[int, int]) -> bool:
    """A release cue with no date: only a verb asserts something ("Season 2
    may arrive sooner", "the show premiered"); a bare noun ("Release Date:
    What To Expect", "progress ... or a release") or a time clause ("once
    released") does not."""
    before = text[clause[0]:cue[1]]
    if rules.SUBORDINATE_BEFORE.search(before):
        return False
    return bool(rules.RELEASE_VERB_FORM.match(text[cue[1]:cue[2]]) or rules.MODAL_BEFORE.search(before))


def _sentence_claims(art: _Article, sentence, date_rows, quantities, persons, index: int = 0) -> list[dict]:
    text = art.text
    s_start, s_end = sentence
    sentence_text = text[s_start:s_end]
    in_sentence = lambda r: s_start <= r["char_start"] < s_end  # noqa: E731
    s_people = [p for p in persons if in_sentence(p)]
    has_person = any(p.get("kind") != "fictional" for p in s_people)
    cues = _type_cues(sentence_text, s_start, has_person)
    s_quantities = [q for q in quantities if in_sentence(q)]
    prev_cast, art.prev_cast = art.prev_cast, None
    model_people: list[tuple[str, dict]] = []
    # a quantity in a telling unit is its own cue ("560 million viewing hours")
    for q in s_quantities:
        if q["value_unit"] in rules.UNIT_TYPES:
            cues.append((rules.UNIT_TYPES[q["value_unit"]], q["char_start"], q["char_end"]))
    # a fictional character opening the sentence makes it a synopsis line
    if s_people and s_people[0]["char_start"] - s_start <= 2 and s_people[0].get("kind") == "fictional":
        cues.append(("plot", s_people[0]["char_start"], s_people[0]["char_end"]))
    # "These include A, B and C." continues the cast list of the sentence before
    continuation = rules.CAST_CONTINUATION.match(sentence_text) if prev_cast and has_person else None
    if continuation and not any(c[0] == "cast" for c in cues):
        cues.append(("cast", s_start, s_start + continuation.end()))
    if art.model is not None or art.contexts is not None:
        ctx = sentence_context(sentence, index, s_people, art.dates, s_quantities, art.mentions,
                               [c[0] for c in cues])
        if art.contexts is not None:
            art.contexts.append(ctx)
        if art.model is not None:
            extra, model_people = model_decisions(art.model, text, ctx, cues)
            cues += extra
    if not cues and not model_people:
        return []
    clause_spans = clauses(text, s_start, s_end)
    if _is_chatter(sentence_text):
        return []
    cues = [c for c in cues if not _is_non_claim(text[slice(*_clause_of(clause_spans, c[1]))])]
    if rules.TOPIC_HEADING.search(sentence_text):
        cues = [c for c in cues if not rules.TOPIC_NOUNS.search(text[c[1]:c[2]])]
    if not cues and not model_people:
        return []
    # a date that says when something was said is not a claim's value
    # ("a late-November rumor", "announced the date on Monday")
    s_dates = [d for d in date_rows if in_sentence(d)
               and not rules.REPORT_NOUN_AFTER.match(text, d["char_end"], s_end)
               and not rules.REPORT_VERB_BEFORE.search(text, max(s_start, d["char_start"] - 60),
                                                       d["char_start"])]
    ranged = [d for d in s_dates if (d.get("range_start") or d.get("range_end")) and not _is_duration(d)]
    calendar = [d for d in ranged if not _is_ref(d)]
    # a date the tagger could not place ("on Christmas Day" with no publication
    # date) still values a claim when nothing better is there
    unplaced = [d for d in s_dates if not (d.get("range_start") or d.get("range_end"))
                and not _is_duration(d) and not _is_ref(d)]
    # a question asserts nothing unless it carries a calendar date
    if rules.QUESTION.search(sentence_text) and not (calendar or unplaced):
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

    credit = art.quote_credits.get(s_start)
    attributed = _attribution(sentence_text, art) or (credit[0] if credit else None)
    base = dict(art=art, sentence=sentence, clause_spans=clause_spans, attributed=attributed,
                credit_certainty=credit[1] if credit else None)
    out: list[dict] = []

    # dates go to the nearest dated cue of the sentence; "now"/"soon" value a
    # cue only when the sentence has no calendar date, a duration never does
    dated = [c for c in cues if c[0] in rules.DATED_TYPES]
    by_cue: dict[tuple, list[dict]] = {c: [] for c in dated}
    for d in (calendar or unplaced or ranged) if dated else ():
        nearest = min(dated, key=lambda c: _distance((c[1], c[2]), (d["char_start"], d["char_end"])))
        by_cue[nearest].append(d)
    # a cue with a date in its own clause leaves the other clauses' dates alone
    for cue, ds in by_cue.items():
        own = [d for d in ds if _clause_of(clause_spans, d["char_start"]) == _clause_of(clause_spans, cue[1])]
        if own and len(own) < len(ds):
            by_cue[cue] = own
    persons_by_cue = _assign_people(text, cues, s_people)
    s_roles = [r for r in art.roles if r["char_start"] < s_end and s_start < r["char_end"]]
    cues = _add_model_people(cues, persons_by_cue, model_people)

    for cue in cues:
        claim_type = cue[0]
        cue_clause = _clause_of(clause_spans, cue[1])
        if claim_type == "release" and rules.NOT_A_RELEASE.search(text, cue_clause[0], cue_clause[1]):
            continue
        if claim_type in rules.DATED_TYPES and by_cue.get(cue):
            # "No exact date yet – but whispers point to 2026": the negated cue stands too
            if (_negation(text[cue_clause[0]:cue_clause[1]])[0]
                    and not any(_clause_of(clause_spans, d["char_start"]) == cue_clause for d in by_cue[cue])):
                out.append(_claim(**base, claim_type=claim_type, cue=cue))
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
        if persons_by_cue.get(cue):
            for p in persons_by_cue[cue]:
                out.append(_claim(**base, claim_type=claim_type, cue=cue, person=p,
                                  value_text=_character_near(p, s_people, text, s_roles)))
            continue
        if claim_type in rules.PERSON_TYPES and claim_type != "cast" and s_people:
            continue  # people went to another cue; a crew word alone asserts nothing
        if (claim_type == "release" and not _negation(text[cue_clause[0]:cue_clause[1]])[0]
                and not _asserts_release(text, cue, cue_clause)):
            continue
        out.append(_claim(**base, claim_type=claim_type, cue=cue,
                          value_text=text[cue[1]:cue[2]] if claim_type == "platform" else None))

    # a delay of nothing in production to a date is a delay of the release:
    # "a rumor floated a 2027 slip", "postponed until March" also give the release date
    if not any(c[0] == "release" for c in cues) and not rules.PRODUCTION_WORDS.search(sentence_text):
        for cue in (c for c in dated if c[0] == "delay"):
            for d, row in zip(by_cue.get(cue, ()), [r for r in out if r.get("_cue") == cue and r["value_text"]]):
                if rules.DELAY_TARGET_BEFORE.fullmatch(text, cue[2], d["char_start"]) or \
                        rules.DELAY_TARGET_AFTER.fullmatch(text, d["char_end"], cue[1]):
                    out.append({**row, "claim_type": "release",
                                "claim_id": stable_id(row["claim_id"], "release")})
    # several cues of one type in a sentence with no value say one thing
    # ("hurdles ... shoved things down the road"), unless one is negated
    seen_bare: set[tuple] = set()
    deduped = []
    for row in out:
        if row["value_text"] is None and row["value_number"] is None:
            key = (row["claim_type"], row["negated"], row["person_name"])
            if key in seen_bare:
                continue
            seen_bare.add(key)
        deduped.append(row)
    out = deduped
    if continuation:
        for row in out:
            if row["claim_type"] == "cast" and not row["_cued"]:
                row["certainty"] = prev_cast
    cast_rows = [r for r in out if r["claim_type"] == "cast"]
    if cast_rows:
        art.prev_cast = cast_rows[-1]["certainty"]
    return out


# gaps allowed between a departing person and the exit cue ("X has officially
# exited", "X, who ..., exited", "X's departure"), and between listed people
_EXIT_GAP = re.compile(r"\s*(?:['’]s?\s+(?:(?:decision|choice|plan|move)\s+to\s+)?|,\s*who\s+)?"
                       r"(?:(?:has|have|had|is|are|was|were|will|would|also|both|all|now|since|not|then|"
                       r"been|wanting|wants|decided|plans|planning|set|to|going|reportedly|\w+ly)\s+){0,4}",
                       re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,|and|&|, and|as well as)\s*", re.IGNORECASE)
_EXIT_AFTER_GAP = re.compile(r"\s*(?:of|by|from)\s+(?:(?:actor|actress|star|co-star|cast member)\s+)?",
                             re.IGNORECASE)
_ASIDE = re.compile(r"\([^()]*\)|,\s*(?:who|which|whose)\b[^,]*,", re.IGNORECASE)


def _exit_subjects(text: str, cue: tuple[str, int, int], real: list[dict]) -> list[dict]:
    """The people a cast-exit cue is about: the subject right before it (with
    the people listed with them), or the object of a nominal cue ("the
    departure of X")."""
    chain: list[dict] = []
    pos = cue[1]
    for p in sorted((p for p in real if p["char_end"] <= cue[1]), key=lambda p: -p["char_start"]):
        gap = _ASIDE.sub(" ", text[p["char_end"]:pos])
        if not (_EXIT_GAP if not chain else _LIST_GAP).fullmatch(gap):
            break
        chain.append(p)
        pos = p["char_start"]
    if chain:
        return chain[::-1]
    after = [p for p in real if p["char_start"] >= cue[2]]
    if after and _EXIT_AFTER_GAP.fullmatch(text[cue[2]:after[0]["char_start"]]):
        return [after[0]]
    return []


def _assign_people(text: str, cues, s_people) -> dict[tuple, list[dict]]:
    """Exit cues take the people they are about; every other real person of the
    sentence goes to the nearest cast or crew cue."""
    person_cues = [c for c in cues if c[0] in rules.PERSON_TYPES]
    assigned: dict[tuple, list[dict]] = {c: [] for c in person_cues}
    if not person_cues:
        return assigned
    real, names_seen = [], set()
    for p in s_people:
        name = p.get("name") or p.get("text")
        if p.get("kind") == "fictional" or name in names_seen:
            continue
        names_seen.add(name)
        real.append(p)
    taken: set[str] = set()
    for cue in (c for c in person_cues if c[0] == "cast_exit"):
        for p in _exit_subjects(text, cue, real):
            name = p.get("name") or p.get("text")
            if name not in taken:
                taken.add(name)
                assigned[cue].append(p)
    others = [c for c in person_cues if c[0] != "cast_exit"]
    for p in real:
        if (p.get("name") or p.get("text")) in taken or not others:
            continue
        span = (p["char_start"], p["char_end"])
        nearest = min(others, key=lambda c: (_distance((c[1], c[2]), span), c[0] != "cast"))
        assigned[nearest].append(p)
    return assigned


def _headline(art: _Article) -> str:
    line = (art.doc.title or art.text.strip().split("\n", 1)[0]).strip()
    return line if len(line) <= 120 else line[:117].rstrip() + "..."


def _add_model_people(cues: list, persons_by_cue: dict, model_people: list[tuple[str, dict]]) -> list:
    """Give each (type, person) the person model found a cue of that type, unless a rule already did."""
    cues = list(cues)
    for claim_type, person in model_people:
        name = person.get("name") or person.get("text")
        same = [c for c in cues if c[0] == claim_type]
        if any(name == (p.get("name") or p.get("text")) for c in same for p in persons_by_cue.get(c, ())):
            continue
        span = (person["char_start"], person["char_end"])
        if same:
            nearest = min(same, key=lambda c: _distance((c[1], c[2]), span))
            persons_by_cue.setdefault(nearest, []).append(person)
        else:
            cue = (claim_type, *span)
            cues.append(cue)
            persons_by_cue[cue] = [person]
    return cues


# what may stand between an actor and the character they play: "X as (the ...) Y", "X, who plays Y",
# "X (Y)"; and between a character and its actor: "Y (X)", "Y, played by X"
_ACTOR_TO_CHARACTER = re.compile(r"\s*(?:\(\s*|,?\s*(?:who\s+)?(?:[\w'’]+\s+){0,4}?(?:(?:plays?|played|playing|"
                                 r"portrays?|portrayed|voices?|voiced)|as|in\s+the\s+role\s+of)\b[^.;,()]{0,30}?)",
                                 re.IGNORECASE)
_CHARACTER_TO_ACTOR = re.compile(r"\s*(?:\(\s*|,?\s*(?:played|portrayed|voiced)\s+by\s+)", re.IGNORECASE)


def _character_near(person: dict, s_people: list[dict], text: str, roles: list[dict] = ()) -> str | None:
    """The character this actor plays in this sentence: the people extractor's role for the
    person when it has one, else the character the sentence's wording binds to them
    ("X as Y", "X (Y)", "Y (X)", "Y, played by X"); never merely the nearest character."""
    name = person.get("name") or person.get("text")
    for r in roles:
        if r.get("person_name") == name and r.get("character_name") and r.get("role") == "actor":
            return r["character_name"]
    real_starts = [p["char_start"] for p in s_people if p.get("kind") != "fictional"]
    for other in s_people:
        if other.get("kind") != "fictional":
            continue
        lo, hi = sorted((person["char_end"], other["char_end"]))
        if any(lo <= at < hi and at != person["char_start"] for at in real_starts):
            continue        # another actor stands between them: the character is theirs
        if other["char_start"] >= person["char_end"]:
            if _ACTOR_TO_CHARACTER.fullmatch(text, person["char_end"], other["char_start"]):
                return other.get("name") or other.get("text")
        elif other["char_end"] <= person["char_start"]:
            if _CHARACTER_TO_ACTOR.fullmatch(text, other["char_end"], person["char_start"]):
                return other.get("name") or other.get("text")
    return None


_RETURN_WORDS = re.compile(r"\b(?:return(?:ed|s)?|came back|previous season|last season|latest season|"
                           r"most recent|last (?:aired|premiered|released|returned|run|installment))\b",
                           re.IGNORECASE)
_PAST_SEASON_TYPES = frozenset({"release", "viewership", "box_office", "episodes", "platform", "award"})


def _season_for(art: _Article, claim_type: str, cue_text: str, sentence_text: str, season: int | None,
                basis: str, value_end: date | None) -> int | None:
    """Correct the default (main) season where the claim is plainly about another one."""
    if claim_type == "adaptation" or (claim_type == "crew" and rules.SERIES_LEVEL_CREW.search(cue_text)):
        return season if basis in ("mention", "wording") else None   # the whole show
    main = art.main_season
    if basis != "main" or not main or main < 2 or claim_type not in _PAST_SEASON_TYPES:
        return season
    published = art.doc.published_on
    past_release = (claim_type == "release" and value_end is not None and published is not None
                    and value_end < published)
    past_figure = (art.upcoming and rules.PAST_ACHIEVEMENT.search(sentence_text) is not None
                   and not rules.FUTURE_MARKERS.search(sentence_text))
    if past_release or past_figure:
        # "the show premiered in 2021" is its first season; a return or a figure is the latest one
        if claim_type == "release" and not _RETURN_WORDS.search(sentence_text):
            return 1
        return main - 1
    return season


def _claim(*, art, sentence, clause_spans, attributed, credit_certainty, claim_type, cue,
           value_text=None, value_start=None, value_end=None, value_number=None, value_unit=None,
           person=None, at=None) -> dict:
    text, doc = art.text, art.doc
    person_name = (person.get("name") or person.get("text")) if person else None
    # "Director X teases ...": X's role is the writer's statement, not X's own
    skip_speaker = bool(person_name and attributed and person_name in attributed)
    if skip_speaker:
        attributed = None
    cue_clause = _clause_of(clause_spans, cue[1])
    clause = _clause_of(clause_spans, cue[1] if at is None else at)
    certainty, negated, cued = _certainty(text, clause, sentence, claim_type, at, skip_speaker)
    if at is not None and clause != cue_clause:
        # the value sits in another clause than the cue: its own clause's cues count first
        cue_certainty, cue_negated, cue_cued = _certainty(text, cue_clause, sentence, claim_type,
                                                          skip_speaker=skip_speaker)
        if not cued:
            certainty, cued = cue_certainty, cue_cued
        # the value's own clause decides negation: "No date yet – but whispers point to 2026"
    if not cued and credit_certainty:
        certainty, cued = credit_certainty, True
    if (not cued and claim_type in rules.PLANNED_TYPES and value_start is not None
            and doc.published_on is not None and value_start > doc.published_on):
        certainty = "expected"   # a future date stated flatly is a plan
    title, season, basis = resolve_with_basis(text, sentence[0], sentence[1], art.mentions,
                                              art.main_title, art.main_season, offset=cue[1],
                                              skip_asides=True)
    season = _season_for(art, claim_type, text[cue[1]:cue[2]], text[sentence[0]:sentence[1]],
                         season, basis, value_end)
    # no work named anywhere (plain news names works unquoted): the headline says what it is about,
    # so the claim is kept rather than quarantined for lacking a subject
    subject = subject_label(title, season) or person_name or _headline(art)
    char_start, char_end = sentence
    return {
        "claim_id": stable_id(doc.source_id, "claim", claim_type, char_start, char_end, value_text,
                              person_name, cue[1] - char_start),
        "source_id": doc.source_id, "claim_type": claim_type, "subject": subject,
        "person_id": None, "value_text": value_text, "value_start": value_start,
        "value_end": value_end, "value_number": value_number, "value_unit": value_unit,
        "certainty": certainty, "attributed_to": attributed, "negated": negated,
        "char_start": char_start, "char_end": char_end, "person_name": person_name,
        "_cued": cued, "_cue": cue,
    }
