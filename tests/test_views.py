"""The DuckDB views of scoop/views.sql on a tiny in-memory warehouse."""
from pathlib import Path

import duckdb
import pytest

VIEWS_SQL = Path(__file__).resolve().parents[1] / "scoop" / "views.sql"

SOURCES = [
    ("s1", "First look", "Outlet A", "2025-03-01"),
    ("s2", "Update", "Outlet B", "2025-06-01"),
    ("s3", "Later", "Outlet C", "2025-09-01"),
]
# claim_id, source_id, claim_type, subject, person_id, value_text, start, end, number, unit, certainty, negated
CLAIMS = [
    ("c1", "s1", "release", "The Midnight Archive Season 3", None, "late 2025", "2025-09-01", "2025-12-31",
     None, None, "expected", False),
    ("c2", "s2", "release", "The Midnight Archive Season 3", None, "2026", "2026-01-01", "2026-12-31",
     None, None, "rumor", False),
    ("c3", "s2", "release", "The Midnight Archive Season 3", None, "early 2026", "2026-01-01", "2026-04-30",
     None, None, "official", False),
    ("c4", "s3", "release", "The Midnight Archive Season 3", None, "2026", "2026-01-01", "2026-12-31",
     None, None, "reported", True),
    ("c5", "s1", "viewership", "The Midnight Archive Season 2", None, "100 million hours", None, None,
     100e6, "viewing_hours", "reported", False),
    ("c6", "s2", "viewership", "The Midnight Archive Season 2", None, "100.5 million hours", None, None,
     100.5e6, "viewing_hours", "reported", False),
    ("c7", "s3", "viewership", "The Midnight Archive Season 2", None, "120 million hours", None, None,
     120e6, "viewing_hours", "reported", False),
]


@pytest.fixture()
def con():
    con = duckdb.connect()
    con.execute("CREATE TABLE sources (source_id VARCHAR, title VARCHAR, publisher VARCHAR, published_on DATE)")
    con.execute("""CREATE TABLE claims (claim_id VARCHAR, source_id VARCHAR, claim_type VARCHAR,
        subject VARCHAR, person_id VARCHAR, value_text VARCHAR, value_start DATE, value_end DATE,
        value_number DOUBLE, value_unit VARCHAR, certainty VARCHAR, attributed_to VARCHAR,
        negated BOOLEAN, char_start INTEGER, char_end INTEGER)""")
    con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?)", SOURCES)
    con.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, 0, 10)", CLAIMS)
    con.execute(VIEWS_SQL.read_text())
    yield con
    con.close()


def test_timeline_orders_each_subject_by_publication(con):
    rows = con.sql("""SELECT claim_id, seq FROM claim_timeline
                      WHERE claim_type = 'release' ORDER BY seq""").fetchall()
    # same day (s2): official before rumor
    assert [r[0] for r in rows] == ["c1", "c3", "c2", "c4"]
    assert [r[1] for r in rows] == [1, 2, 3, 4]


def test_conflicts_are_disjoint_dates_or_numbers_beyond_one_percent(con):
    pairs = {tuple(r) for r in con.sql(
        "SELECT claim_id_a, claim_id_b FROM claim_conflicts ORDER BY 1, 2").fetchall()}
    # late 2025 vs 2026 and vs early 2026 conflict; negated c4 never does
    assert ("c1", "c2") in pairs and ("c1", "c3") in pairs
    assert not any("c4" in p for p in pairs)
    # 100 vs 100.5 million is within 1%; 120 million is not
    assert ("c5", "c6") not in pairs
    assert ("c5", "c7") in pairs and ("c6", "c7") in pairs
    # never two claims of the same source
    assert ("c2", "c3") not in pairs and ("c3", "c2") not in pairs


def test_claims_as_of_takes_latest_known_then_strongest(con):
    def pick(day: str, claim_type: str = "release") -> list[str]:
        return [r[0] for r in con.sql(
            f"SELECT claim_id FROM claims_as_of(DATE '{day}') WHERE claim_type = '{claim_type}'").fetchall()]

    assert pick("2025-02-01") == []
    assert pick("2025-03-01") == ["c1"]
    assert pick("2025-07-01") == ["c3"]          # official beats the same day's rumor
    assert pick("2025-12-01") == ["c4"]
    assert pick("2025-07-01", "viewership") == ["c6"]


def test_views_and_macro_are_commented(con):
    comments = dict(con.sql(
        "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    assert comments.get("claim_timeline") and comments.get("claim_conflicts")
    macro = con.sql("SELECT comment FROM duckdb_functions() WHERE function_name = 'claims_as_of'").fetchall()
    assert macro and macro[0][0]
