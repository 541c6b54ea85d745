"""Warehouse rows for the report: one parameterized query per section, for all the works at once.

A *work* is a title with its season suffix removed ("Harbour Lights Season 2" is "Harbour
Lights"), compared case-insensitively: claims.subject (except claims about a person, whose
subject is the person's name) and roles.work. Every query takes the selected work keys as one
list parameter; SQL text is built only from the constant expressions below, never from values.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

# "Title Season 2", "Title Series 3", "Title Part 1" -> "Title"
_SEASON = r" (season|series|part|volume|chapter) ?[0-9]+$"


def title_sql(column: str) -> str:
    """SQL expression: the title in ``column`` with spacing collapsed and the season suffix removed."""
    return (f"trim(regexp_replace(regexp_replace(trim({column}), '\\s+', ' ', 'g'), "
            f"'{_SEASON}', '', 'i'))")


def key_sql(column: str) -> str:
    """SQL expression: the work key (lower-cased title) of ``column``."""
    return f"lower({title_sql(column)})"


def season_sql(column: str) -> str:
    return f"TRY_CAST(regexp_extract({column}, '(?i)(season|series|part) ?([0-9]+)$', 2) AS INTEGER)"


# claims about a work, not about a person (an award claim's subject can be the person's name)
WORK_CLAIMS = f"""
SELECT c.*, {key_sql('c.subject')} AS work_key, {season_sql('c.subject')} AS season
FROM claim_facts AS c
LEFT JOIN people AS p ON p.person_id = c.person_id
WHERE p.person_id IS NULL OR lower(p.name) <> lower(trim(c.subject))
"""
WORK_ROLES = f"""
SELECT r.*, {key_sql('r.work')} AS work_key, s.published_on, s.publisher
FROM roles AS r JOIN sources AS s USING (source_id)
WHERE r.work IS NOT NULL AND r.role <> 'journalist'
"""

WORKS_SQL = f"""
WITH m AS (
    SELECT {title_sql('subject')} AS name, source_id, claim_id FROM ({WORK_CLAIMS})
    UNION ALL
    SELECT {title_sql('work')}, source_id, NULL FROM roles WHERE work IS NOT NULL AND role <> 'journalist'
),
spelled AS (
    SELECT lower(name) AS work_key, name, count(DISTINCT source_id) AS n
    FROM m WHERE name <> '' GROUP BY ALL
),
names AS (SELECT work_key, arg_max(name, (n, name)) AS name FROM spelled GROUP BY work_key)
SELECT k.work_key, any_value(k.name) AS name, count(DISTINCT m.source_id) AS sources,
       count(DISTINCT m.claim_id) AS claims
FROM m JOIN names AS k ON k.work_key = lower(m.name)
GROUP BY k.work_key
HAVING count(DISTINCT m.source_id) >= $min_sources
ORDER BY sources DESC, name
"""

TIMELINE_TYPES = ("release", "production_start", "production_wrap")
FIGURE_TYPES = ("viewership", "box_office", "episodes")
CLAIM_COLUMNS = ("work_key, season, subject, claim_type, claim_id, source_id, published_on, publisher, "
                 "value_text, value_start, value_end, value_days, value_number, value_unit, certainty, "
                 "negated, superseded, vague_value, attributed_to, char_start, char_end")

CLAIMS_SQL = f"""
SELECT {CLAIM_COLUMNS} FROM ({WORK_CLAIMS})
WHERE list_contains($keys, work_key) AND list_contains($types, claim_type)
ORDER BY published_on NULLS LAST, claim_type, source_id, char_start, claim_id
"""

CAST_SQL = f"""
SELECT {key_sql('work')} AS work_key, season, person_id, person, character, status, source_count,
       first_reported, last_reported
FROM cast_members
WHERE list_contains($keys, {key_sql('work')})
ORDER BY CASE status WHEN 'returning' THEN 1 WHEN 'new' THEN 2 WHEN 'departed' THEN 3
                     WHEN 'unconfirmed' THEN 4 ELSE 5 END,
         source_count DESC, person, season NULLS LAST
"""

ROLES_SQL = f"""
SELECT r.work_key, r.season, r.person_id, p.name AS person, r.role, r.status, r.source_id,
       r.published_on, r.publisher, r.char_start, r.char_end
FROM ({WORK_ROLES}) AS r JOIN people AS p ON p.person_id = r.person_id
WHERE list_contains($keys, r.work_key)
ORDER BY r.published_on NULLS LAST, r.source_id, r.char_start
"""

CONFLICTS_SQL = f"""
SELECT {key_sql('k.subject')} AS work_key, k.subject, k.claim_type, k.kind, k.gap_days, k.conflict_kind,
       k.source_id_a, k.source_id_b, k.publisher_a, k.publisher_b, k.published_on_a, k.published_on_b,
       k.value_text_a, k.value_text_b, k.value_number_a, k.value_number_b, k.value_unit,
       k.certainty_a, k.certainty_b, k.value_gap_days, k.relative_difference,
       k.claim_id_a, k.claim_id_b, k.evidence_a, k.evidence_b,
       a.char_start AS char_start_a, a.char_end AS char_end_a,
       b.char_start AS char_start_b, b.char_end AS char_end_b
FROM claim_conflicts AS k
JOIN claims AS a ON a.claim_id = k.claim_id_a
JOIN claims AS b ON b.claim_id = k.claim_id_b
WHERE list_contains($keys, {key_sql('k.subject')})
"""

SOURCES_SQL = f"""
WITH used AS (
    SELECT work_key, source_id FROM ({WORK_CLAIMS}) WHERE list_contains($keys, work_key)
    UNION
    SELECT work_key, source_id FROM ({WORK_ROLES}) WHERE list_contains($keys, work_key)
)
SELECT u.work_key, s.source_id, s.uri, s.title, s.publisher, s.author, s.published_on,
       s.published_on_basis, s.word_count, s.body
FROM used AS u JOIN sources AS s USING (source_id)
ORDER BY s.published_on NULLS LAST, s.source_id
"""


@dataclass
class Work:
    """One work's rows, each a dict of column -> value."""

    key: str
    name: str
    sources_count: int = 0
    claims_count: int = 0
    timeline: list[dict] = field(default_factory=list)
    figures: list[dict] = field(default_factory=list)
    cast: list[dict] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    conflicts: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> list[dict]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def list_works(con: duckdb.DuckDBPyConnection, min_sources: int = 1) -> list[Work]:
    """Every work with at least ``min_sources`` sources, most sourced first."""
    rows = _dicts(con, WORKS_SQL, {"min_sources": min_sources})
    return [Work(r["work_key"], r["name"], r["sources"], r["claims"]) for r in rows]


def find_work(works: list[Work], title: str) -> Work | None:
    """The work whose title (season suffix removed, any case) is ``title``."""
    import re

    wanted = re.sub(_SEASON, "", " ".join(title.split()), flags=re.I).strip().lower()
    return next((w for w in works if w.key == wanted), None)


def load(con: duckdb.DuckDBPyConnection, works: list[Work]) -> list[Work]:
    """Fill each work's sections from the warehouse (one query per section for all of them)."""
    by_key = {w.key: w for w in works}
    keys = list(by_key)
    sections = (
        ("timeline", CLAIMS_SQL, {"types": list(TIMELINE_TYPES)}),
        ("figures", CLAIMS_SQL, {"types": list(FIGURE_TYPES)}),
        ("cast", CAST_SQL, {}),
        ("roles", ROLES_SQL, {}),
        ("conflicts", CONFLICTS_SQL, {}),
        ("sources", SOURCES_SQL, {}),
    )
    for attr, sql, extra in sections:
        for row in _dicts(con, sql, {"keys": keys, **extra}):
            getattr(by_key[row.pop("work_key")], attr).append(row)
    return works
