"""scoop.contract.fast_check may be stricter than pandera, never laxer: whatever pandera fails, it fails.

The valid rows are every table of a real run over the sample articles in ``raw/``; the
corruptions are random cells set to values that break a check (or not), and columns
dropped or retyped.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandera.polars as pa
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from scoop.contract import TABLES, conform
from scoop.contract.fast_check import BODY_LENGTH, passes
from scoop.contract.pandera_schemas import pandera_schema
from scoop.pipeline import run_ingest
from scoop.validate import validate_frame
from scoop.warehouse import DB_NAME

RAW = Path(__file__).resolve().parents[1] / "raw"


@pytest.fixture(scope="module")
def frames(tmp_path_factory) -> dict[str, pl.DataFrame]:
    """Every table of a real run over raw/, as validation sees it (span tables with body_length)."""
    from scoop.extract.registry import default_extractors
    from scoop.warehouse.people_ids import default_finalizers

    root = tmp_path_factory.mktemp("fast")
    run_ingest(RAW, root / "wh", extractors=default_extractors(), finalizers=default_finalizers(),
               project_root=root)
    con = duckdb.connect(str(root / "wh" / DB_NAME), read_only=True)
    try:
        lengths = con.sql("SELECT source_id, length(body)::BIGINT AS body_length FROM sources").pl()
        out = {}
        for name, spec in TABLES.items():
            frame = conform(con.table(name).pl(), name)
            out[name] = frame.join(lengths, on="source_id", how="left") if spec.span else frame
        return out
    finally:
        con.close()


def _pandera_fails(table: str, frame: pl.DataFrame) -> bool:
    try:
        pandera_schema(table).validate(frame, lazy=True)
        return False
    except (pa.errors.SchemaErrors, pa.errors.SchemaError):
        return True


def test_every_table_of_a_real_run_passes_without_pandera(frames):
    tested = [name for name, frame in frames.items() if frame.height]
    assert {"sources", "claims", "dates", "mentions", "roles", "people", "inputs", "runs"} <= set(tested)
    for name in tested:
        assert not _pandera_fails(name, frames[name]), name
        assert passes(name, frames[name]), name


def test_a_failing_frame_still_gets_pandera_s_reasons(frames):
    bad = frames["claims"].with_columns(pl.lit("gossip").alias("certainty"))
    checked = validate_frame("claims", bad.drop(BODY_LENGTH), frames["sources"].select(
        "source_id", pl.col("body").str.len_chars().cast(pl.Int64).alias(BODY_LENGTH)))
    assert checked.valid.height == 0 and len(checked.rejected) == bad.height
    assert all("certainty: isin" in r["reason"] for r in checked.rejected)


_BAD = {
    pl.Utf8: [None, "", "x" * 5000, "no-such-value", "DUPLICATE"],
    pl.Int64: [None, -1, -(10 ** 9), 0, 10 ** 12],
    pl.Float64: [None, -1.0, 0.0, float("nan")],
    pl.Boolean: [None, True, False],
    pl.Date: [None, dt.date(1, 1, 1), dt.date(2999, 1, 1)],
    pl.Datetime("us"): [None, dt.datetime(1, 1, 1)],
    pl.List(pl.Utf8): [None, [], [""]],
}


def _corrupt(frame: pl.DataFrame, column: str, row: int, value) -> pl.DataFrame:
    dtype = frame.schema[column]
    if value == "DUPLICATE":              # another row's value: breaks a unique column
        value = frame[column][(row + 1) % frame.height]
    cells = frame[column].to_list()
    cells[row] = value
    return frame.with_columns(pl.Series(column, cells, dtype=dtype))


def _retyped(frame: pl.DataFrame, column: str) -> pl.Expr:
    dtype = frame.schema[column]
    if dtype == pl.Utf8:
        return pl.col(column).cast(pl.Categorical)
    if isinstance(dtype, pl.List):
        return pl.col(column).list.join(",")
    return pl.col(column).cast(pl.Utf8)


@st.composite
def corruptions(draw, frames):
    name = draw(st.sampled_from(sorted(n for n, f in frames.items() if f.height)))
    frame = frames[name]
    column = draw(st.sampled_from(frame.columns))
    how = draw(st.sampled_from(["cell", "cell", "cell", "cell", "drop", "retype"]))
    if how == "drop":
        return name, frame.drop(column)
    if how == "retype":
        return name, frame.with_columns(_retyped(frame, column))
    options = _BAD.get(frame.schema[column], [None])
    value = draw(st.sampled_from(options))
    return name, _corrupt(frame, column, draw(st.integers(0, frame.height - 1)), value)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_whatever_pandera_fails_the_fast_check_fails(frames, data):
    name, frame = data.draw(corruptions(frames))
    if _pandera_fails(name, frame):
        assert not passes(name, frame)
