"""The cast view (scoop/warehouse/views.py) on a small warehouse built with the project's own DDL.

Invented people and a fictional show; dates chosen so that the order of the
sources, not the order of the rows, decides the status.
"""
from __future__ import annotations

from datetime import date

import duckdb
import pytest

from scoop.warehouse.views import CAST_VIEW, create_views
from scoop.warehouse import ensure_schema

WORK = "Harbor Lights"
# source_id, published_on
SOURCES = [
    ("s1", date(2025, 1, 10)),
    ("s2", date(2025, 3, 5)),
    ("s3", date(2025, 6, 20)),
    ("s4", None),                 # undated: counts as the oldest for the status
    ("s5", date(2025, 4, 1)),
    ("s6", date(2025, 8, 1)),
    ("s7", date(2025, 8, 1)),     # same day as s6
]
# person_id, name, kind
PEOPLE = [
    ("ana-ruiz", "Ana Ruiz", "real"),
    ("detective-moll", "Detective Moll", "fictional"),
    ("ben-okafor", "Ben Okafor", "real"),
    ("mara-velik", "Mara Velik", "real"),
    ("captain-ives", "Captain Ives", "fictional"),
    ("young-ives", "Young Ives", "fictional"),
    ("tomas-hale", "Tomas Hale", "real"),
    ("lena-dorn", "Lena Dorn", "real"),
]
# role_id, source_id, person_id, role, character_id, work, season, status
ROLES = [
    # Ana Ruiz plays Detective Moll: returning, then a cast list without the character, then she leaves;
    # an undated source calling her new must not win
    ("r1", "s1", "ana-ruiz", "actor", "detective-moll", WORK, 2, "returning"),
    ("r2", "s2", "ana-ruiz", "actor", None, WORK, 2, None),
    ("r3", "s3", "ana-ruiz", "actor", "detective-moll", WORK, 2, "departed"),
    ("r4", "s4", "ana-ruiz", "actor", "detective-moll", WORK, 2, "new"),
    # Ben Okafor: returning, then a later source (spelling the title its own way) without a status
    ("r5", "s2", "ben-okafor", "actor", None, WORK, 2, "returning"),
    ("r6", "s5", "ben-okafor", "actor", None, "Harbor  LIGHTS", 2, None),
    # Mara Velik plays two parts: a cast list without a character cannot say which
    ("r7", "s1", "mara-velik", "actor", "captain-ives", WORK, 2, "new"),
    ("r8", "s3", "mara-velik", "actor", "young-ives", WORK, 2, "new"),
    ("r9", "s2", "mara-velik", "actor", None, WORK, 2, None),
    # Ana Ruiz in season 1 is another cast entry
    ("r10", "s1", "ana-ruiz", "actor", "detective-moll", WORK, 1, None),
    # Tomas Hale: two sources of one day disagree; the order is fixed (source_id)
    ("r11", "s6", "tomas-hale", "actor", None, WORK, 2, "unconfirmed"),
    ("r12", "s7", "tomas-hale", "actor", None, WORK, 2, "new"),
    # not cast: a director, and an actor row not resolved to a person
    ("r13", "s1", "lena-dorn", "director", None, WORK, 2, None),
    ("r14", "s1", None, "actor", None, WORK, 2, "new"),
]


@pytest.fixture()
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "scoop.duckdb"))
    ensure_schema(con)
    con.executemany("INSERT INTO sources (source_id, published_on, body) VALUES (?, ?, '')", SOURCES)
    con.executemany("INSERT INTO people (person_id, name, kind, source_count) VALUES (?, ?, ?, 1)", PEOPLE)
    con.executemany("""INSERT INTO roles (role_id, source_id, person_id, role, character_id, work, season, status,
                       char_start, char_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)""", ROLES)
    con.execute(CAST_VIEW)
    yield con
    con.close()


def _cast(con, person_id: str, season: int = 2) -> list[dict]:
    cur = con.execute("""SELECT * FROM "cast" WHERE person_id = ? AND season = ?
                         ORDER BY character NULLS LAST""", [person_id, season])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row)) for row in cur.fetchall()]


def test_latest_status_wins_and_cast_list_rows_join_the_only_character(con):
    rows = _cast(con, "ana-ruiz")
    assert len(rows) == 1
    ana = rows[0]
    assert (ana["work"], ana["person"], ana["character_id"], ana["character"]) == \
        (WORK, "Ana Ruiz", "detective-moll", "Detective Moll")
    assert ana["status"] == "departed"            # s3 (June) beats s1 (January) and the undated s4
    assert ana["source_count"] == 4               # s1, s2 (cast list), s3, s4
    assert (ana["first_reported"], ana["last_reported"]) == (date(2025, 1, 10), date(2025, 6, 20))


def test_a_later_source_without_status_keeps_the_stated_one(con):
    (ben,) = _cast(con, "ben-okafor")            # one work, however a source capitalises it
    assert ben["work"] == WORK                   # the spelling most sources use
    assert ben["character"] is None and ben["status"] == "returning"
    assert ben["source_count"] == 2
    assert (ben["first_reported"], ben["last_reported"]) == (date(2025, 3, 5), date(2025, 4, 1))


def test_two_characters_stay_apart_and_an_unattributed_listing_stays_unassigned(con):
    rows = _cast(con, "mara-velik")
    assert [(r["character"], r["source_count"]) for r in rows] == \
        [("Captain Ives", 1), ("Young Ives", 1), (None, 1)]


def test_each_season_is_its_own_entry(con):
    (s1,) = _cast(con, "ana-ruiz", season=1)
    assert s1["character"] == "Detective Moll" and s1["status"] is None and s1["source_count"] == 1


def test_same_day_sources_are_ordered_deterministically(con):
    (tomas,) = _cast(con, "tomas-hale")
    assert tomas["status"] == "new"                # s7 after s6 on the same day
    assert tomas["first_reported"] == tomas["last_reported"] == date(2025, 8, 1)


def test_only_resolved_actors_are_cast(con):
    people = {r[0] for r in con.execute('SELECT person_id FROM "cast"').fetchall()}
    assert people == {"ana-ruiz", "ben-okafor", "mara-velik", "tomas-hale"}
    assert con.execute("SELECT count(*) FROM cast_members").fetchone() == \
        con.execute('SELECT count(*) FROM "cast"').fetchone()


def test_cast_views_are_commented(con):
    comments = dict(con.execute(
        "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    assert comments.get("cast_members") and comments.get("cast")


# cast claims about the same show: claim_id, source_id, person_id, value_text (the character), certainty
CAST_CLAIMS = [
    ("k1", "s1", "ana-ruiz", "Detective Moll", "reported"),
    ("k2", "s3", "ana-ruiz", None, "official"),          # later and stronger, but names no character
    ("k3", "s2", "ben-okafor", None, "reported"),
    ("k4", "s1", "mara-velik", "Captain Ives", "reported"),
    ("k5", "s3", "mara-velik", "Young Ives", "reported"),  # a later character wins
]


def test_claims_as_of_keeps_the_character_of_cast_claims(con):
    con.executemany("""INSERT INTO claims (claim_id, source_id, claim_type, subject, person_id, value_text,
                       certainty, negated, char_start, char_end) VALUES (?, ?, 'cast', ?, ?, ?, ?, false, 0, 0)""",
                    [(cid, sid, f"{WORK} Season 2", pid, character, certainty)
                     for cid, sid, pid, character, certainty in CAST_CLAIMS])
    create_views(con)
    rows = con.execute("""SELECT person_id, character, claim_id FROM claims_as_of(DATE '2025-12-31')
                          WHERE claim_type = 'cast' ORDER BY person_id""").fetchall()
    assert rows == [("ana-ruiz", "Detective Moll", "k1"), ("ben-okafor", None, "k3"),
                    ("mara-velik", "Young Ives", "k5")]
    timeline = dict(con.execute("SELECT claim_id, character FROM claim_timeline").fetchall())
    assert timeline["k4"] == "Captain Ives" and timeline["k2"] is None


def _uncommented_view_columns(con) -> list[tuple]:
    return con.execute("""SELECT c.table_name, c.column_name FROM duckdb_columns() AS c
                          JOIN duckdb_views() AS v ON v.view_name = c.table_name AND NOT v.internal
                          WHERE c.comment IS NULL OR c.comment = ''""").fetchall()


def test_every_view_column_is_commented_also_after_recreation(con):
    create_views(con)
    views = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert {"cast", "cast_members", "claim_facts", "claim_timeline", "claim_conflicts"} <= views
    assert _uncommented_view_columns(con) == []
    create_views(con)                                # CREATE OR REPLACE drops column comments
    assert _uncommented_view_columns(con) == []
    comments = dict(con.execute("""SELECT column_name, comment FROM duckdb_columns()
                                   WHERE table_name = 'claim_conflicts'""").fetchall())
    assert "publications" in comments["gap_days"] and "update" in comments["kind"]
