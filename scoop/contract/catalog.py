"""Every warehouse table and column, described once: the spec everything else derives from.

Column names and types of the contract (../shared/CONTRACT.md) are fixed;
columns marked "(scoop)" are additions. A column is NOT NULL unless it says
``nullable=True``; inside a batch, ids filled at load time (people.person_id
in ``roles``, ``claims``, ``mentions``) are still null, so they are nullable here.
"""
from __future__ import annotations

import polars as pl

from scoop.contract import vocabulary as V
from scoop.contract.spec import APPEND, MERGE, PER_INPUT, PER_SOURCE, REBUILD, Column, RowCheck, Table

C = Column


def _ordered(start: str, end: str) -> pl.Expr:
    return pl.col(start).is_null() | pl.col(end).is_null() | (pl.col(start) <= pl.col(end))


SOURCE_ID = C("source_id", "VARCHAR", "sources.source_id")
SPAN = (
    C("char_start", "INTEGER", "evidence span start: 0-based offset into sources.body", ge=0),
    C("char_end", "INTEGER", "evidence span end (exclusive): substr(body, char_start + 1, char_end - char_start)",
      ge=1),
)
# span tables are validated with ``body_length`` (the source's body length, null if no such source) joined in
SPAN_CHECKS = (
    RowCheck("source_exists", "the source_id names an article of this batch",
             pl.col("body_length").is_not_null()),
    RowCheck("span_not_empty", "char_end > char_start", pl.col("char_end") > pl.col("char_start")),
    RowCheck("span_inside_body", "char_end <= length of the body", pl.col("char_end") <= pl.col("body_length")),
)
NOTE = "(scoop) "

TABLES: dict[str, Table] = {t.name: t for t in (
    Table("sources", "One row per distinct article: metadata and the cleaned body every offset indexes into.", (
        C("source_id", "VARCHAR", "stable id from the normalized content (same text, same id, whatever the file name)",
          unique=True, min_len=8),
        C("uri", "VARCHAR", "where it came from: path relative to the project root, or a URL"),
        C("title", "VARCHAR", "headline, when the article has one", nullable=True),
        C("publisher", "VARCHAR", "outlet name, from a team byline or a sign-off", nullable=True),
        C("author", "VARCHAR", "byline as written", nullable=True),
        C("published_on", "DATE", "publication date", nullable=True),
        C("published_on_basis", "VARCHAR", "header | byline | inferred (estimated from the text) | unknown",
          values=V.PUBLISHED_ON_BASIS),
        C("body", "VARCHAR", "cleaned article text: entities decoded, breadcrumbs, tag runs and navigation removed",
          min_len=1),
        C("word_count", "INTEGER", "words in body", ge=0),
        C("content_sha256", "VARCHAR", "sha256 of the raw bytes", min_len=64, max_len=64),
        C("ingested_at", "TIMESTAMP", "when this row was written"),
        C("notes", "VARCHAR", NOTE + "what cleaning had to decide, e.g. an invalid header date it ignored",
          nullable=True),
    ), key=("source_id",), write=PER_SOURCE, validated_as="Sources", checks=(
        RowCheck("dated_when_basis_says_so", "published_on is set unless its basis is unknown",
                 (pl.col("published_on_basis") == "unknown") | pl.col("published_on").is_not_null()),
    )),
    Table("people", "One row per distinct person or fictional character, merged across spellings and articles.", (
        C("person_id", "VARCHAR", "stable slug of the canonical name, e.g. kim-ha-neul", unique=True),
        C("name", "VARCHAR", "canonical display name", min_len=1),
        C("kind", "VARCHAR", "real | fictional", values=V.PERSON_KINDS),
        C("aliases", "VARCHAR[]", "every surface form seen, variants and short forms included"),
        C("source_count", "INTEGER", "distinct sources that mention them", ge=1),
        C("merge_reasons", "VARCHAR[]", NOTE + "why each alias was joined to this person", nullable=True),
    ), key=("person_id",), write=REBUILD, validated_as="People"),
    Table("roles", "Who did what, per source, with the evidence span.", (
        C("role_id", "VARCHAR", "stable id", unique=True),
        SOURCE_ID.but(doc="the source that says it (sources.source_id)"),
        C("person_id", "VARCHAR", "the real person (people.person_id)", nullable=True),
        C("role", "VARCHAR", "actor | director | writer | creator | author_original | journalist | executive | other",
          values=V.ROLES),
        C("character_id", "VARCHAR", "for actors: the character they play (people.person_id, kind fictional)",
          nullable=True),
        C("work", "VARCHAR", "the title the role is in", nullable=True),
        C("season", "INTEGER", "season number where stated or implied", nullable=True, ge=0),
        C("status", "VARCHAR", "for cast: returning | new | departed | unconfirmed", nullable=True,
          values=V.CAST_STATUS),
        *SPAN,
        C("person_name", "VARCHAR", NOTE + "the person's name as resolved in this article", nullable=True),
        C("character_name", "VARCHAR", NOTE + "the character's name as resolved in this article", nullable=True),
    ), key=("role_id",), write=PER_SOURCE, span=True, checks=SPAN_CHECKS, validated_as="Roles"),
    Table("dates", "Every time expression, normalized with TIMEX3 conventions and a calendar interval.", (
        C("date_id", "VARCHAR", "stable id", unique=True),
        SOURCE_ID,
        C("text", "VARCHAR", "surface text, e.g. mid-February 2026", min_len=1),
        *SPAN,
        C("timex_type", "VARCHAR", "DATE | TIME | DURATION | SET", values=V.TIMEX_TYPES),
        C("value", "VARCHAR", "TIMEX3 value: 2025-07-23, 2026-H2, P5M, PRESENT_REF, XXXX-XX-XX when unresolvable",
          min_len=1),
        C("mod", "VARCHAR", "TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, LESS_THAN, MORE_THAN, ...",
          nullable=True, values=V.TIMEX_MODS),
        C("range_start", "DATE", "first day of the inclusive interval the expression denotes, mod applied",
          nullable=True),
        C("range_end", "DATE", "last day of that interval", nullable=True),
        C("granularity", "VARCHAR", "day | week | month | season | quarter | half | year | decade | duration | ref",
          values=V.GRANULARITIES),
        C("anchor", "VARCHAR", "absolute | publication | narrative | unresolved", values=V.ANCHORS),
    ), key=("date_id",), write=PER_SOURCE, span=True, validated_as="Dates", checks=(
        *SPAN_CHECKS,
        RowCheck("range_ordered", "range_start <= range_end", _ordered("range_start", "range_end")),
    )),
    Table("claims", "One row per factual assertion, typed, valued, certainty-graded and attributed.", (
        C("claim_id", "VARCHAR", "stable id", unique=True),
        SOURCE_ID,
        C("claim_type", "VARCHAR", "release, production_start, production_wrap, production_event, renewal, delay, "
          "cast, cast_exit, crew, viewership, box_office, award, episodes, platform, adaptation, plot",
          values=V.CLAIM_TYPES),
        C("subject", "VARCHAR", "what the claim is about: a work and season, or a person's name", min_len=1),
        C("person_id", "VARCHAR", "for claims about a person (people.person_id)", nullable=True),
        C("value_text", "VARCHAR", "the claimed value as written", nullable=True),
        C("value_start", "DATE", "for date-valued claims: interval start (from the dates row)", nullable=True),
        C("value_end", "DATE", "for date-valued claims: interval end", nullable=True),
        C("value_number", "DOUBLE", "for quantities, normalized: 560000000", nullable=True),
        C("value_unit", "VARCHAR", "unit of value_number: viewing_hours, episodes, minutes, usd, ...", nullable=True),
        C("certainty", "VARCHAR", "official | reported | expected | speculative | rumor", values=V.CERTAINTIES),
        C("attributed_to", "VARCHAR", "who the article credits for it", nullable=True),
        C("negated", "BOOLEAN", "the text asserts the opposite"),
        *SPAN,
        C("person_name", "VARCHAR", NOTE + "the person's name as written in this article", nullable=True),
        C("doubted", "BOOLEAN", NOTE + "the writer or speaker doubts it in a later clause (\"..., but I highly "
          "doubt it\", \"..., though that seems unlikely\"): the claim is speculative, and claims_as_of lets "
          "it stand only when nothing else was said (NULL on rows stored before the column, until re-extracted)"),
    ), key=("claim_id",), write=PER_SOURCE, span=True, validated_as="Claims", checks=(
        *SPAN_CHECKS,
        RowCheck("value_interval_ordered", "value_start <= value_end", _ordered("value_start", "value_end")),
    )),
    Table("mentions", NOTE + "Every person or character mention per article: the input of cross-article resolution.", (
        C("mention_id", "VARCHAR", "stable id", unique=True),
        SOURCE_ID,
        C("name", "VARCHAR", "fullest form of the name in that article", min_len=1),
        C("text", "VARCHAR", "surface form as written"),
        *SPAN,
        C("kind", "VARCHAR", "real | fictional", values=V.PERSON_KINDS),
        C("person_id", "VARCHAR", "people.person_id it resolved to", nullable=True),
    ), key=("mention_id",), write=PER_SOURCE, span=True, checks=SPAN_CHECKS, validated_as="Mentions"),
    Table("quarantine", "Nothing is lost: every input or row that failed, with the reason.", (
        C("uri", "VARCHAR", "the raw input (or the source) the problem came from"),
        C("stage", "VARCHAR", "read | parse | extract | validate | load", values=V.QUARANTINE_STAGES),
        C("table_name", "VARCHAR", "for rows that failed a schema: the table", nullable=True),
        C("reason", "VARCHAR", "a human message", min_len=1),
        C("payload", "VARCHAR", "the offending row as JSON, or the first bytes of the input", nullable=True),
        C("run_id", "VARCHAR", "the run that found it"),
        C("source_id", "VARCHAR", NOTE + "the article, when the problem is in an extracted row", nullable=True),
    ), write=PER_INPUT, validated_as="Quarantine"),
    Table("inputs", "The ledger of raw inputs: exactly one row per raw file ever seen.", (
        C("uri", "VARCHAR", "the raw input", unique=True),
        C("content_sha256", "VARCHAR", "sha256 of its bytes when last read", nullable=True),
        C("size_bytes", "BIGINT", "size when last read", nullable=True, ge=0),
        C("status", "VARCHAR", "loaded | unchanged | duplicate | quarantined | missing | skipped",
          values=V.INPUT_STATUSES),
        C("source_id", "VARCHAR", "the article it produced or duplicates", nullable=True),
        C("last_run_id", "VARCHAR", "the last run that looked at it"),
        C("note", "VARCHAR", NOTE + "why: encoding fallback, vanished mid-run, duplicate of which input",
          nullable=True),
        C("encoding", "VARCHAR", NOTE + "how its bytes were decoded", nullable=True),
    ), key=("uri",), write=MERGE, validated_as="Inputs"),
    Table("runs", "One row per pipeline run.", (
        C("run_id", "VARCHAR", "run id (also the Prefect flow run name)", unique=True),
        C("started_at", "TIMESTAMP", "start time"),
        C("finished_at", "TIMESTAMP", "end time", nullable=True),
        C("status", "VARCHAR", "success | partial (some input or row quarantined) | failed", values=V.RUN_STATUSES),
        C("read", "INTEGER", "raw inputs listed", ge=0),
        C("new", "INTEGER", "inputs seen for the first time and loaded", ge=0),
        C("changed", "INTEGER", "inputs whose bytes changed, re-loaded", ge=0),
        C("unchanged", "INTEGER", "inputs skipped: same bytes, current extractors", ge=0),
        C("duplicate", "INTEGER", "inputs holding an article already loaded from another input", ge=0),
        C("quarantined", "INTEGER", "inputs that could not become an article", ge=0),
        C("missing", "INTEGER", NOTE + "inputs gone from the raw folder (their rows stay)", ge=0),
        C("reextracted", "INTEGER", NOTE + "unchanged articles re-extracted because an extractor version changed",
          ge=0),
        C("rows_quarantined", "INTEGER", NOTE + "extracted rows that failed validation", ge=0),
        C("full_rebuild", "BOOLEAN", NOTE + "run with --full"),
        C("extractor_versions", "VARCHAR", "versions of the extractors used, as JSON {name: version}"),
        C("stage_seconds", "VARCHAR", NOTE + "seconds per stage, as JSON", nullable=True),
    ), key=("run_id",), write=APPEND, validated_as="Runs"),
    Table("extractions", NOTE + "Which extractor version produced each article's rows: drives re-extraction.", (
        SOURCE_ID,
        C("extractor", "VARCHAR", "extractor name"),
        C("version", "VARCHAR", "extractor version"),
        C("run_id", "VARCHAR", "run that extracted it"),
    ), key=("source_id", "extractor"), write=PER_SOURCE, validated_as="Extractions"),
)}
