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
WITH actor_roles AS (
    SELECT r.work, lower(regexp_replace(trim(r.work), '\\s+', ' ', 'g')) AS work_key,
           r.season, r.person_id, r.character_id, r.status, r.source_id, s.published_on
    FROM roles r
    JOIN sources s ON s.source_id = r.source_id
    WHERE r.role = 'actor' AND r.person_id IS NOT NULL
),
-- one title per work whatever the capitalisation ("Night Of The Hunter" / "Night of the Hunter"):
-- the spelling most sources use
work_names AS (
    SELECT work_key, arg_max(work, (n, work)) AS work
    FROM (SELECT work_key, work, count(DISTINCT source_id) AS n
          FROM actor_roles WHERE work IS NOT NULL GROUP BY work_key, work)
    GROUP BY work_key
),
-- an actor with exactly one character in a work and season: the sources that list the actor
-- without a character (cast lists) are about that same part
only_character AS (
    SELECT work_key, season, person_id, min(character_id) AS character_id
    FROM actor_roles
    WHERE character_id IS NOT NULL
    GROUP BY work_key, season, person_id
    HAVING count(DISTINCT character_id) = 1
),
resolved AS (
    SELECT a.work_key, a.season, a.person_id, coalesce(a.character_id, o.character_id) AS character_id,
           a.status, a.source_id, a.published_on
    FROM actor_roles a
    LEFT JOIN only_character o
      ON o.person_id = a.person_id
     AND o.work_key IS NOT DISTINCT FROM a.work_key
     AND o.season IS NOT DISTINCT FROM a.season
)
SELECT w.work,
       r.season,
       r.person_id,
       p.name                                  AS person,
       r.character_id,
       c.name                                  AS character,
       -- the latest source that states a status wins: a later 'departed' overrides an earlier
       -- 'returning', a later source that says nothing does not; undated sources count as the
       -- oldest, and sources of one day are ordered by source_id (deterministic)
       arg_max(r.status, (coalesce(r.published_on, DATE '0001-01-01'), r.source_id)) AS status,
       count(DISTINCT r.source_id)             AS source_count,
       min(r.published_on)                     AS first_reported,
       max(r.published_on)                     AS last_reported
FROM resolved r
LEFT JOIN work_names w ON w.work_key = r.work_key
JOIN people p       ON p.person_id = r.person_id
LEFT JOIN people c  ON c.person_id = r.character_id
GROUP BY r.work_key, w.work, r.season, r.person_id, p.name, r.character_id, c.name;
COMMENT ON VIEW cast_members IS 'Cast per work and season: each actor, their character (cast-list mentions without one join the only character the actor plays there), latest stated status (by published_on), number of sources, first and last reported (by published_on). Titles differing only in case or spacing are one work, shown as most sources spell it.';
CREATE OR REPLACE VIEW "cast" AS SELECT * FROM cast_members;
COMMENT ON VIEW "cast" IS 'Same as cast_members (quote the name: cast is an SQL keyword).';
"""


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(CAST_VIEW)
    if VIEWS_SQL.exists():
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
