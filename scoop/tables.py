"""Every warehouse table and column, described once.

This spec drives the DuckDB DDL, the ``COMMENT ON`` statements, the empty
frames extractors start from, and the column docs in warehouse/README.md.
Column names and types of the contract (../shared/CONTRACT.md) are fixed;
columns marked "(scoop)" are additions.
"""
from __future__ import annotations

from dataclasses import dataclass

import polars as pl


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    sql_type: str
    doc: str


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    doc: str
    columns: tuple[Column, ...]
    # rows of this table belong to one source and are replaced with it
    per_source: bool = False

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


C = Column
SPAN = (
    C("char_start", "INTEGER", "evidence span start: 0-based offset into sources.body"),
    C("char_end", "INTEGER", "evidence span end (exclusive): substr(body, char_start + 1, char_end - char_start)"),
)

TABLES: dict[str, Table] = {t.name: t for t in (
    Table("sources", "One row per distinct article: metadata and the cleaned body every offset indexes into.", (
        C("source_id", "VARCHAR", "stable id from the normalized content (same text, same id, whatever the file name)"),
        C("uri", "VARCHAR", "where it came from: path relative to the project root, or a URL"),
        C("title", "VARCHAR", "headline, when the article has one"),
        C("publisher", "VARCHAR", "outlet name, from a team byline or a sign-off"),
        C("author", "VARCHAR", "byline as written"),
        C("published_on", "DATE", "publication date"),
        C("published_on_basis", "VARCHAR", "header | byline | inferred (estimated from the text) | unknown"),
        C("body", "VARCHAR", "cleaned article text: entities decoded, breadcrumbs, tag runs and navigation removed"),
        C("word_count", "INTEGER", "words in body"),
        C("content_sha256", "VARCHAR", "sha256 of the raw bytes"),
        C("ingested_at", "TIMESTAMP", "when this row was written"),
        C("notes", "VARCHAR", "(scoop) what cleaning had to decide, e.g. an invalid header date it ignored"),
    ), per_source=True),
    Table("people", "One row per distinct person or fictional character, merged across spellings and articles.", (
        C("person_id", "VARCHAR", "stable slug of the canonical name, e.g. kim-ha-neul"),
        C("name", "VARCHAR", "canonical display name"),
        C("kind", "VARCHAR", "real | fictional"),
        C("aliases", "VARCHAR[]", "every surface form seen, variants and short forms included"),
        C("source_count", "INTEGER", "distinct sources that mention them"),
        C("merge_reasons", "VARCHAR[]", "(scoop) why each alias was joined to this person"),
    )),
    Table("roles", "Who did what, per source, with the evidence span.", (
        C("role_id", "VARCHAR", "stable id"),
        C("source_id", "VARCHAR", "the source that says it (sources.source_id)"),
        C("person_id", "VARCHAR", "the real person (people.person_id)"),
        C("role", "VARCHAR", "actor | director | writer | creator | author_original | journalist | executive | other"),
        C("character_id", "VARCHAR", "for actors: the character they play (people.person_id, kind fictional)"),
        C("work", "VARCHAR", "the title the role is in"),
        C("season", "INTEGER", "season number where stated or implied"),
        C("status", "VARCHAR", "for cast: returning | new | departed | unconfirmed"),
        *SPAN,
        C("person_name", "VARCHAR", "(scoop) the person's name as resolved in this article"),
        C("character_name", "VARCHAR", "(scoop) the character's name as resolved in this article"),
    ), per_source=True),
    Table("dates", "Every time expression, normalized with TIMEX3 conventions and a calendar interval.", (
        C("date_id", "VARCHAR", "stable id"),
        C("source_id", "VARCHAR", "sources.source_id"),
        C("text", "VARCHAR", "surface text, e.g. mid-February 2026"),
        *SPAN,
        C("timex_type", "VARCHAR", "DATE | TIME | DURATION | SET"),
        C("value", "VARCHAR", "TIMEX3 value: 2025-07-23, 2026-H2, P5M, PRESENT_REF, XXXX-XX-XX when unresolvable"),
        C("mod", "VARCHAR", "TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, LESS_THAN, MORE_THAN, ..."),
        C("range_start", "DATE", "first day of the inclusive interval the expression denotes, mod applied"),
        C("range_end", "DATE", "last day of that interval"),
        C("granularity", "VARCHAR", "day | week | month | season | quarter | half | year | decade | duration | ref"),
        C("anchor", "VARCHAR", "absolute | publication | narrative | unresolved"),
    ), per_source=True),
    Table("claims", "One row per factual assertion, typed, valued, certainty-graded and attributed.", (
        C("claim_id", "VARCHAR", "stable id"),
        C("source_id", "VARCHAR", "sources.source_id"),
        C("claim_type", "VARCHAR", "release, production_start, production_wrap, production_event, renewal, delay, cast, "
          "cast_exit, crew, viewership, box_office, award, episodes, platform, adaptation, plot"),
        C("subject", "VARCHAR", "what the claim is about: a work and season, or a person's name"),
        C("person_id", "VARCHAR", "for claims about a person (people.person_id)"),
        C("value_text", "VARCHAR", "the claimed value as written"),
        C("value_start", "DATE", "for date-valued claims: interval start (from the dates row)"),
        C("value_end", "DATE", "for date-valued claims: interval end"),
        C("value_number", "DOUBLE", "for quantities, normalized: 560000000"),
        C("value_unit", "VARCHAR", "unit of value_number: viewing_hours, episodes, minutes, usd, ..."),
        C("certainty", "VARCHAR", "official | reported | expected | speculative | rumor"),
        C("attributed_to", "VARCHAR", "who the article credits for it"),
        C("negated", "BOOLEAN", "the text asserts the opposite"),
        *SPAN,
        C("person_name", "VARCHAR", "(scoop) the person's name as written in this article"),
    ), per_source=True),
    Table("mentions", "(scoop) Every person or character mention per article: the input of cross-article resolution.", (
        C("mention_id", "VARCHAR", "stable id"),
        C("source_id", "VARCHAR", "sources.source_id"),
        C("name", "VARCHAR", "fullest form of the name in that article"),
        C("text", "VARCHAR", "surface form as written"),
        *SPAN,
        C("kind", "VARCHAR", "real | fictional"),
        C("person_id", "VARCHAR", "people.person_id it resolved to"),
    ), per_source=True),
    Table("quarantine", "Nothing is lost: every input or row that failed, with the reason.", (
        C("uri", "VARCHAR", "the raw input (or the source) the problem came from"),
        C("stage", "VARCHAR", "read | parse | extract | validate | load"),
        C("table_name", "VARCHAR", "for rows that failed a schema: the table"),
        C("reason", "VARCHAR", "a human message"),
        C("payload", "VARCHAR", "the offending row as JSON, or the first bytes of the input"),
        C("run_id", "VARCHAR", "the run that found it"),
        C("source_id", "VARCHAR", "(scoop) the article, when the problem is in an extracted row"),
    )),
    Table("inputs", "The ledger of raw inputs: exactly one row per raw file ever seen.", (
        C("uri", "VARCHAR", "the raw input"),
        C("content_sha256", "VARCHAR", "sha256 of its bytes when last read"),
        C("size_bytes", "BIGINT", "size when last read"),
        C("status", "VARCHAR", "loaded | unchanged | duplicate | quarantined | missing | skipped"),
        C("source_id", "VARCHAR", "the article it produced or duplicates"),
        C("last_run_id", "VARCHAR", "the last run that looked at it"),
        C("note", "VARCHAR", "(scoop) why: encoding fallback, vanished mid-run, duplicate of which input"),
        C("encoding", "VARCHAR", "(scoop) how its bytes were decoded"),
    )),
    Table("runs", "One row per pipeline run.", (
        C("run_id", "VARCHAR", "run id (also the Prefect flow run name)"),
        C("started_at", "TIMESTAMP", "start time"),
        C("finished_at", "TIMESTAMP", "end time"),
        C("status", "VARCHAR", "success | partial (some input or row quarantined) | failed"),
        C("read", "INTEGER", "raw inputs listed"),
        C("new", "INTEGER", "inputs seen for the first time and loaded"),
        C("changed", "INTEGER", "inputs whose bytes changed, re-loaded"),
        C("unchanged", "INTEGER", "inputs skipped: same bytes, current extractors"),
        C("duplicate", "INTEGER", "inputs holding an article already loaded from another input"),
        C("quarantined", "INTEGER", "inputs that could not become an article"),
        C("missing", "INTEGER", "(scoop) inputs gone from the raw folder (their rows stay)"),
        C("reextracted", "INTEGER", "(scoop) unchanged articles re-extracted because an extractor version changed"),
        C("rows_quarantined", "INTEGER", "(scoop) extracted rows that failed validation"),
        C("full_rebuild", "BOOLEAN", "(scoop) run with --full"),
        C("extractor_versions", "VARCHAR", "versions of the extractors used, as JSON {name: version}"),
        C("stage_seconds", "VARCHAR", "(scoop) seconds per stage, as JSON"),
    )),
    Table("extractions", "(scoop) Which extractor version produced each article's rows: drives re-extraction.", (
        C("source_id", "VARCHAR", "sources.source_id"),
        C("extractor", "VARCHAR", "extractor name"),
        C("version", "VARCHAR", "extractor version"),
        C("run_id", "VARCHAR", "run that extracted it"),
    ), per_source=True),
)}

_POLARS_TYPES = {
    "VARCHAR": pl.Utf8, "INTEGER": pl.Int64, "BIGINT": pl.Int64, "DOUBLE": pl.Float64,
    "BOOLEAN": pl.Boolean, "DATE": pl.Date, "TIMESTAMP": pl.Datetime("us"), "VARCHAR[]": pl.List(pl.Utf8),
}


def polars_schema(table: str) -> dict[str, pl.DataType]:
    return {c.name: _POLARS_TYPES[c.sql_type] for c in TABLES[table].columns}


def empty_frame(table: str) -> pl.DataFrame:
    return pl.DataFrame(schema=polars_schema(table))


def conform(frame: pl.DataFrame, table: str) -> pl.DataFrame:
    """The table's columns in order and type; missing ones null, unknown ones dropped."""
    schema = polars_schema(table)
    return frame.select([
        (pl.col(name) if name in frame.columns else pl.lit(None)).cast(dtype).alias(name)
        for name, dtype in schema.items()
    ])


def _sql_str(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def ddl() -> list[str]:
    """CREATE TABLE IF NOT EXISTS plus COMMENT ON for every table and column."""
    statements = []
    for table in TABLES.values():
        cols = ", ".join(f'"{c.name}" {c.sql_type}' for c in table.columns)
        statements.append(f"CREATE TABLE IF NOT EXISTS {table.name} ({cols})")
    return statements


def comments() -> list[str]:
    statements = []
    for table in TABLES.values():
        statements.append(f"COMMENT ON TABLE {table.name} IS {_sql_str(table.doc)}")
        statements += [f'COMMENT ON COLUMN {table.name}."{c.name}" IS {_sql_str(c.doc)}' for c in table.columns]
    return statements
