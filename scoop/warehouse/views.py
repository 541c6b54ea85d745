"""Analysis views over the loaded tables, (re)created after every load.

``scoop/warehouse/views.sql`` holds the claim views (timeline, conflicts, as-of); the
cast view lives here. Every view carries a COMMENT ON VIEW, and every view column a
COMMENT ON COLUMN (set here: ``CREATE OR REPLACE VIEW`` drops them, so they are set
again after each (re)creation).
"""
from __future__ import annotations

from pathlib import Path

import duckdb

from scoop.contract.derive import sql_ident, sql_literal

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


# Comments of the columns a view computes; the columns it passes through take the comment of the
# same column in the first of INHERIT[view] that has one (a claims column in claim_facts, ...).
COLUMN_DOCS: dict[str, dict[str, str]] = {
    "cast_members": {
        "person": "the actor's canonical name (people.name)",
        "character": "the character's canonical name (people.name); a cast-list mention without one joins "
                     "the only character the actor plays in that work and season",
        "status": "latest stated status by published_on: returning | new | departed | unconfirmed",
        "source_count": "distinct sources that list the actor in this work and season",
        "first_reported": "earliest published_on of those sources",
        "last_reported": "latest published_on of those sources",
        "work": "the title, spelled as most sources spell it (titles differing in case or spacing are one work)",
    },
    "claim_facts": {
        "subject_key": "subject lower-cased, spacing collapsed: what the views group by",
        "character": "cast and cast_exit claims: the character the actor plays (value_text), when named",
        "source_title": "the source's headline (sources.title)",
        "evidence": "the evidence text: substr(body, char_start + 1, char_end - char_start)",
        "superseded": "the sentence restates an old plan or an earlier report (originally, initially, "
                      "previous reports)",
        "vague_value": "the value is a reference (now, soon: PRESENT_REF, FUTURE_REF) or a duration, "
                       "not a calendar date",
        "value_days": "days in the value window, value_end - value_start + 1",
        "value_kind": "calendar (a window, not vague) | number | text (e.g. a character) | vague | NULL (no value)",
        "disputed": "the source itself says the value is not so (negated): claim_conflicts skips it, "
                    "claims_as_of takes it only when nothing else was said",
    },
    "claim_timeline": {
        "seq": "1 = earliest claim of this subject (case-insensitive) and claim type by published_on; "
               "same day: stronger certainty first; undated sources last",
    },
    "claim_conflicts": {
        "kind": "update: published more than conflict_update_days() (14) days apart, about something that "
                "could still change when a was published (a number, or a window not yet over): b revises a; "
                "disagreement: about the same date, an undated source, or two accounts of a past event",
        "gap_days": "days between the two publications, published_on_b - published_on_a (>= 0; NULL if undated)",
        "conflict_kind": "dates (calendar windows that do not overlap) | numbers (same unit, more than 1% apart)",
        "value_gap_days": "dates: days between the two windows (from the end of one to the start of the other)",
        "relative_difference": "numbers: |a - b| / max(|a|, |b|)",
    },
}
INHERIT = {
    "cast_members": ("roles",),
    "cast": ("cast_members",),
    "claim_facts": ("claims", "sources"),
    "claim_timeline": ("claim_facts",),
    "claim_conflicts": ("claim_facts",),
}
PAIR_SIDES = {"_a": "pair side a, the earlier publication", "_b": "pair side b, the later publication"}


def _comments(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str | None]:
    return dict(con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = ? "
                            "ORDER BY column_index", [table]).fetchall())


def _column_doc(view: str, column: str, parents: list[dict[str, str | None]]) -> str | None:
    doc = COLUMN_DOCS.get(view, {}).get(column)
    if doc:
        return doc
    for suffix, side in PAIR_SIDES.items():            # claim_id_a: claim_facts.claim_id, side a
        if column.endswith(suffix):
            base = _column_doc(view, column[: -len(suffix)], parents)
            return f"{base} ({side})" if base else None
    return next((p[column] for p in parents if p.get(column)), None)


def comment_view_columns(con: duckdb.DuckDBPyConnection) -> None:
    """COMMENT ON COLUMN for every column of the views (in INHERIT order: parents first)."""
    for view, sources in INHERIT.items():
        parents = [_comments(con, source) for source in sources]
        for column in _comments(con, view):
            doc = _column_doc(view, column, parents)
            if doc:
                con.execute(f"COMMENT ON COLUMN {sql_ident(view)}.{sql_ident(column)} IS {sql_literal(doc)}")


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(CAST_VIEW)
    if VIEWS_SQL.exists():
        con.execute(VIEWS_SQL.read_text(encoding="utf-8"))
        comment_view_columns(con)
