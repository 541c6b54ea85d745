"""Kept for existing imports: the table spec and what derives from it live in ``scoop.contract``."""
from scoop.contract import TABLES, Column, Table, comments, conform, ddl, empty_frame, polars_schema

__all__ = ["TABLES", "Column", "Table", "comments", "conform", "ddl", "empty_frame", "polars_schema"]
