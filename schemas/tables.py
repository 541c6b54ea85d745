"""One pandera (polars) model per warehouse table of ../shared/CONTRACT.md.

Frames are validated eagerly (``lazy=True`` collects every failure): on a
LazyFrame pandera checks types only. Span tables are validated with an extra
``body_length`` column joined from their source, so "offsets inside body" and
"source exists" are ordinary row checks whose failing rows go to quarantine.
"""
from __future__ import annotations

import datetime

import pandera.polars as pa
import polars as pl

from schemas import vocab


class _Strictless(pa.DataFrameModel):
    class Config:
        strict = False   # extra columns are allowed by the contract
        coerce = False


class Sources(_Strictless):
    source_id: str = pa.Field(unique=True, str_length={"min_value": 8})
    uri: str
    title: str = pa.Field(nullable=True)
    publisher: str = pa.Field(nullable=True)
    author: str = pa.Field(nullable=True)
    published_on: datetime.date = pa.Field(nullable=True)
    published_on_basis: str = pa.Field(isin=vocab.PUBLISHED_ON_BASIS)
    body: str = pa.Field(str_length={"min_value": 1})
    word_count: int = pa.Field(ge=0)
    content_sha256: str = pa.Field(str_length={"min_value": 64, "max_value": 64})
    ingested_at: datetime.datetime

    @pa.dataframe_check
    def dated_when_basis_says_so(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(
            (pl.col("published_on_basis") == "unknown") | pl.col("published_on").is_not_null())


class _Span(_Strictless):
    """Rows citing a span of ``sources.body``; ``body_length`` is null when the source is unknown."""

    source_id: str
    char_start: int = pa.Field(ge=0)
    char_end: int = pa.Field(ge=1)
    body_length: int = pa.Field(nullable=True)

    @pa.dataframe_check
    def source_exists(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("body_length").is_not_null())

    @pa.dataframe_check
    def span_not_empty(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("char_end") > pl.col("char_start"))

    @pa.dataframe_check
    def span_inside_body(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("char_end") <= pl.col("body_length"))


class People(_Strictless):
    person_id: str = pa.Field(unique=True)
    name: str = pa.Field(str_length={"min_value": 1})
    kind: str = pa.Field(isin=vocab.PERSON_KINDS)
    aliases: pl.List(pl.Utf8)
    source_count: int = pa.Field(ge=1)


class Mentions(_Span):
    """Person/character mentions per article (input to cross-article resolution)."""

    mention_id: str = pa.Field(unique=True)
    name: str = pa.Field(str_length={"min_value": 1})
    text: str
    kind: str = pa.Field(isin=vocab.PERSON_KINDS)


class Roles(_Span):
    role_id: str = pa.Field(unique=True)
    # filled after cross-article resolution, at load time (null inside a batch)
    person_id: str = pa.Field(nullable=True)
    role: str = pa.Field(isin=vocab.ROLES)
    character_id: str = pa.Field(nullable=True)
    work: str = pa.Field(nullable=True)
    season: int = pa.Field(nullable=True, ge=0)
    status: str = pa.Field(nullable=True, isin=vocab.CAST_STATUS)


class Dates(_Span):
    date_id: str = pa.Field(unique=True)
    text: str = pa.Field(str_length={"min_value": 1})
    timex_type: str = pa.Field(isin=vocab.TIMEX_TYPES)
    value: str = pa.Field(str_length={"min_value": 1})
    mod: str = pa.Field(nullable=True, isin=vocab.TIMEX_MODS)
    range_start: datetime.date = pa.Field(nullable=True)
    range_end: datetime.date = pa.Field(nullable=True)
    granularity: str = pa.Field(isin=vocab.GRANULARITIES)
    anchor: str = pa.Field(isin=vocab.ANCHORS)

    @pa.dataframe_check
    def range_ordered(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("range_start").is_null() | pl.col("range_end").is_null()
            | (pl.col("range_start") <= pl.col("range_end")))


class Claims(_Span):
    claim_id: str = pa.Field(unique=True)
    claim_type: str = pa.Field(isin=vocab.CLAIM_TYPES)
    subject: str = pa.Field(str_length={"min_value": 1})
    person_id: str = pa.Field(nullable=True)
    value_text: str = pa.Field(nullable=True)
    value_start: datetime.date = pa.Field(nullable=True)
    value_end: datetime.date = pa.Field(nullable=True)
    value_number: float = pa.Field(nullable=True)
    value_unit: str = pa.Field(nullable=True)
    certainty: str = pa.Field(isin=vocab.CERTAINTIES)
    attributed_to: str = pa.Field(nullable=True)
    negated: bool

    @pa.dataframe_check
    def value_interval_ordered(cls, data) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("value_start").is_null() | pl.col("value_end").is_null()
            | (pl.col("value_start") <= pl.col("value_end")))


class Quarantine(_Strictless):
    uri: str
    stage: str = pa.Field(isin=vocab.QUARANTINE_STAGES)
    table_name: str = pa.Field(nullable=True)
    reason: str = pa.Field(str_length={"min_value": 1})
    payload: str = pa.Field(nullable=True)
    run_id: str


class Inputs(_Strictless):
    uri: str = pa.Field(unique=True)
    content_sha256: str = pa.Field(nullable=True)
    size_bytes: int = pa.Field(nullable=True, ge=0)
    status: str = pa.Field(isin=vocab.INPUT_STATUSES)
    source_id: str = pa.Field(nullable=True)
    last_run_id: str


# the tables an extractor may fill, with the model that validates them
SPAN_MODELS: dict[str, type[_Span]] = {
    "mentions": Mentions, "roles": Roles, "dates": Dates, "claims": Claims,
}
