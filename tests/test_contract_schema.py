"""The table spec (scoop.contract) and everything derived from it agree."""
from __future__ import annotations

import duckdb
import polars as pl
import pytest

from scoop import contract
from scoop.contract import TABLES, WRITE_MODES, ddl, comments, parquet_tables, polars_schema
from scoop.contract.pandera_schemas import pandera_schema
from schemas import models as models
from schemas import vocab

# ../shared/CONTRACT.md: names and types that must never change
CONTRACT = {
    "sources": "source_id VARCHAR, uri VARCHAR, title VARCHAR, publisher VARCHAR, author VARCHAR, "
               "published_on DATE, published_on_basis VARCHAR, body VARCHAR, word_count INTEGER, "
               "content_sha256 VARCHAR, ingested_at TIMESTAMP",
    "people": "person_id VARCHAR, name VARCHAR, kind VARCHAR, aliases VARCHAR[], source_count INTEGER",
    "roles": "role_id VARCHAR, source_id VARCHAR, person_id VARCHAR, role VARCHAR, character_id VARCHAR, "
             "work VARCHAR, season INTEGER, status VARCHAR, char_start INTEGER, char_end INTEGER",
    "dates": "date_id VARCHAR, source_id VARCHAR, text VARCHAR, char_start INTEGER, char_end INTEGER, "
             "timex_type VARCHAR, value VARCHAR, mod VARCHAR, range_start DATE, range_end DATE, "
             "granularity VARCHAR, anchor VARCHAR",
    "claims": "claim_id VARCHAR, source_id VARCHAR, claim_type VARCHAR, subject VARCHAR, person_id VARCHAR, "
              "value_text VARCHAR, value_start DATE, value_end DATE, value_number DOUBLE, value_unit VARCHAR, "
              "certainty VARCHAR, attributed_to VARCHAR, negated BOOLEAN, char_start INTEGER, char_end INTEGER",
    "quarantine": "uri VARCHAR, stage VARCHAR, table_name VARCHAR, reason VARCHAR, payload VARCHAR, run_id VARCHAR",
    "inputs": "uri VARCHAR, content_sha256 VARCHAR, size_bytes BIGINT, status VARCHAR, source_id VARCHAR, "
              "last_run_id VARCHAR",
}


@pytest.mark.parametrize("table", list(CONTRACT))
def test_contract_columns_keep_their_names_and_types(table):
    spec = {c.name: c.sql_type for c in TABLES[table].columns}
    for pair in CONTRACT[table].split(", "):
        name, sql_type = pair.split(" ")
        assert spec.get(name) == sql_type, f"{table}.{name}"


def test_every_table_has_a_key_a_write_mode_a_schema_and_docs():
    for table in TABLES.values():
        assert table.write in WRITE_MODES
        assert table.doc and all(c.doc for c in table.columns)
        assert set(table.key) <= set(table.column_names)
        assert table.name in models.MODELS
    assert TABLES["people"].write == contract.REBUILD and TABLES["runs"].write == contract.APPEND
    assert TABLES["inputs"].key == ("uri",) and TABLES["inputs"].write == contract.MERGE
    assert [t.name for t in TABLES.values() if t.per_source] == contract.tables_written(contract.PER_SOURCE)
    assert set(parquet_tables()) == set(TABLES)


def test_vocabularies_are_the_checks():
    assert TABLES["claims"].column("claim_type").values == vocab.CLAIM_TYPES
    assert TABLES["roles"].column("role").values == vocab.ROLES
    assert TABLES["inputs"].column("status").values == vocab.INPUT_STATUSES


def test_pandera_schemas_follow_the_spec():
    for name, table in TABLES.items():
        schema = pandera_schema(name)
        for col in table.columns:
            assert schema.columns[col.name].nullable == col.nullable, f"{name}.{col.name}"
            assert schema.columns[col.name].unique == col.unique
        assert ("body_length" in schema.columns) == table.span
        assert {c.name for c in table.checks} <= {c.name for c in schema.checks}


def test_extractor_schemas_are_derived():
    from scoop.extract.claims import CLAIMS_SCHEMA
    from scoop.extract.dates import DATES_SCHEMA
    from scoop.extract.people import MENTIONS_SCHEMA, ROLES_SCHEMA
    from scoop.resolve.people import NAME_MAP_SCHEMA, PEOPLE_SCHEMA

    assert CLAIMS_SCHEMA == polars_schema("claims") and DATES_SCHEMA == polars_schema("dates")
    assert ROLES_SCHEMA == polars_schema("roles") and PEOPLE_SCHEMA == polars_schema("people")
    assert MENTIONS_SCHEMA == {k: v for k, v in polars_schema("mentions").items() if k != "person_id"}
    assert list(NAME_MAP_SCHEMA) == ["source_id", "name", "person_id"]


def test_polars_schema_projects_and_rejects_unknown_columns():
    assert list(polars_schema("people", ("name", "person_id"))) == ["name", "person_id"]
    assert polars_schema("people")["aliases"] == pl.List(pl.Utf8)
    with pytest.raises(KeyError):
        polars_schema("people", ("nope",))


def test_ddl_and_comments_document_every_column():
    con = duckdb.connect()
    for statement in ddl() + comments():
        con.execute(statement)
    rows = con.execute("SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal").fetchall()
    assert {t for t, _, _ in rows} == set(TABLES)
    assert len(rows) == sum(len(t.columns) for t in TABLES.values())
    assert all(comment for _, _, comment in rows)
    tables = con.execute("SELECT table_name, comment FROM duckdb_tables() WHERE NOT internal").fetchall()
    assert all(comment for _, comment in tables)


def test_a_bad_spec_is_refused():
    C = contract.Column
    with pytest.raises(ValueError):
        contract.Table("t", "doc", (C("a", "VARCHAR", "x"),), write="upsert")
    with pytest.raises(ValueError):
        contract.Table("t", "doc", (C("a", "VARCHAR", "x"),), key=("b",))
    with pytest.raises(ValueError):
        contract.Table("t", "doc", (C("a", "VARCHAR", "x"), C("a", "VARCHAR", "y")))
