"""One claim row: certainty and negation, attribution, subject and season, and a stable id."""
from __future__ import annotations

import re
from datetime import date

from scoop.extract.claims import credit_cues as credit
from scoop.extract.claims.certainty import claim_certainty
from scoop.extract.claims.values import clause_of
from scoop.extract.works import resolve_with_basis, subject_label
from scoop.ids import stable_id

I = re.IGNORECASE
# Verbs of an audience figure or a release already past: a quantity stated
# with them, in an article about an upcoming season, is about an earlier one.
PAST_ACHIEVEMENT = re.compile(r"\b(?:racked up|drew|garnered|amassed|clocked|logged|earned|"
                              r"grossed|topped|was (?:watched|viewed|released|streamed)|were released|"
                              r"premiered|debuted|aired|became|broke)\b", I)
FUTURE_MARKERS = re.compile(r"\b(?:will|upcoming|new season|next season|this season|set to|"
                            r"expected to|aims? to|hopes? to|could|would)\b", I)
# Types whose claim is about the whole show (no season) unless a season is named.
SERIES_LEVEL_CREW = re.compile(r"\b(?:created by|creators?|co-creators?|adapted|based on)\b", I)


def _headline(art) -> str:
    line = (art.doc.title or art.text.strip().split("\n", 1)[0]).strip()
    return line if len(line) <= 120 else line[:117].rstrip() + "..."


_RETURN_WORDS = re.compile(r"\b(?:return(?:ed|s)?|came back|previous season|last season|latest season|"
                           r"most recent|last (?:aired|premiered|released|returned|run|installment))\b",
                           re.IGNORECASE)
_PAST_SEASON_TYPES = frozenset({"release", "viewership", "box_office", "episodes", "platform", "award"})


def _season_for(art, claim_type: str, cue_text: str, sentence_text: str, season: int | None,
                basis: str, value_end: date | None) -> int | None:
    """Correct the default (main) season where the claim is plainly about another one."""
    if claim_type == "adaptation" or (claim_type == "crew" and SERIES_LEVEL_CREW.search(cue_text)):
        return season if basis in ("mention", "wording") else None   # the whole show
    main = art.main_season
    if basis != "main" or not main or main < 2 or claim_type not in _PAST_SEASON_TYPES:
        return season
    published = art.doc.published_on
    past_release = (claim_type == "release" and value_end is not None and published is not None
                    and value_end < published)
    past_figure = (art.upcoming and PAST_ACHIEVEMENT.search(sentence_text) is not None
                   and not FUTURE_MARKERS.search(sentence_text))
    if past_release or past_figure:
        # "the show premiered in 2021" is its first season; a return or a figure is the latest one
        if claim_type == "release" and not _RETURN_WORDS.search(sentence_text):
            return 1
        return main - 1
    return season


def claim_row(*, art, sentence, clause_spans, attributed, credit_certainty, claim_type, cue,
           value_text=None, value_start=None, value_end=None, value_number=None, value_unit=None,
           person=None, at=None) -> dict:
    text, doc = art.text, art.doc
    person_name = (person.get("name") or person.get("text")) if person else None
    # "Director X teases ...": X's role is the writer's statement, not X's own
    skip_speaker = bool(person_name and attributed and person_name in attributed)
    if skip_speaker:
        attributed = None
    cue_clause = clause_of(clause_spans, cue[1])
    clause = clause_of(clause_spans, cue[1] if at is None else at)
    certainty, negated, cued, doubted = claim_certainty(text, clause, sentence, claim_type, at, skip_speaker)
    if at is not None and clause != cue_clause:
        # the value sits in another clause than the cue: its own clause's cues count first
        cue_certainty, _, cue_cued, cue_doubted = claim_certainty(text, cue_clause, sentence, claim_type,
                                                                  skip_speaker=skip_speaker)
        if not cued:
            certainty, cued, doubted = cue_certainty, cue_cued, cue_doubted
        # the value's own clause decides negation: "No date yet – but whispers point to 2026"
    if not cued and credit_certainty:
        certainty, cued = credit_certainty, True
    if (not cued and claim_type in credit.PLANNED_TYPES and value_start is not None
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
        "doubted": doubted, "char_start": char_start, "char_end": char_end, "person_name": person_name,
        "_cued": cued, "_cue": cue,
    }
