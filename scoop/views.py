"""Analysis views over the loaded tables, (re)created after every load.

``scoop/views.sql`` holds the claim views (timeline, conflicts, as-of); the
cast view lives here. Every view carries a COMMENT ON VIEW.
"""
from __future__ import annotations

from pathlib import Path

import duckdb

VIEWS_SQL = Path(__file__).with_name("views.sql")

# `cast` is an SQL keyword: the view is "cast" (quote it) and also cast_members.
CAST_VIEW = """
CREATE OR REPLACE VIEW cast_members AS
SELECT r.work,
       r.season,
       p.person_id,
       p.name                                  AS person,
       c.person_id                             AS character_id,
       c.name                                  AS character,
       -- the latest source's word wins: a later 'departed' overrides an earlier 'returning'
       arg_max(r.status, s.published_on)       AS status,
       count(DISTINCT r.source_id)             AS source_count,
       min(s.published_on)                     AS first_reported,
       max(s.published_on)                     AS last_reported
FROM roles r
JOIN people p       ON p.person_id = r.person_id
LEFT JOIN people c  ON c.person_id = r.character_id
JOIN sources s      ON s.source_id = r.source_id
WHERE r.role = 'actor'
GROUP BY ALL;
COMMENT ON VIEW cast_members IS 'Cast per work and season: each actor, their character, latest status, number of sources, first and last reported (by published_on).';
CREATE OR REPLACE VIEW "cast" AS SELECT * FROM cast_members;
COMMENT ON VIEW "cast" IS 'Same as cast_members (quote the name: cast is an SQL keyword).';
"""


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(CAST_VIEW)
    if VIEWS_SQL.exists():
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
