"""One pandera (polars) schema per warehouse table, generated from the table spec.

The spec is ``scoop.contract.catalog``; the schemas are built by
``scoop.contract.pandera_schemas``. This module only names them.
"""
from __future__ import annotations

import pandera.polars as pa

from scoop.contract import TABLES
from scoop.contract.pandera_schemas import pandera_schema, span_tables

Sources = pandera_schema("sources")
People = pandera_schema("people")
Roles = pandera_schema("roles")
Dates = pandera_schema("dates")
Claims = pandera_schema("claims")
Mentions = pandera_schema("mentions")
Quarantine = pandera_schema("quarantine")
Inputs = pandera_schema("inputs")
Runs = pandera_schema("runs")
Extractions = pandera_schema("extractions")

# every table with its schema; the span tables are validated with body_length joined in
MODELS: dict[str, pa.DataFrameSchema] = {name: pandera_schema(name) for name in TABLES}
SPAN_MODELS: dict[str, pa.DataFrameSchema] = {name: MODELS[name] for name in span_tables()}
