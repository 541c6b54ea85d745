"""The DuckDB views of scoop/views.sql on a tiny in-memory warehouse (invented titles)."""
from pathlib import Path

import duckdb
import pytest

VIEWS_SQL = Path(__file__).resolve().parents[1] / "scoop" / "views.sql"

S3 = "The Midnight Archive Season 3"
S2 = "The Midnight Archive Season 2"
SOURCES = [  # source_id, title, publisher, published_on
    ("s1", "First look", "Outlet A", "2025-03-01"),
    ("s2", "Update", "Outlet B", "2025-06-01"),
    ("s3", "Later", "Outlet C", "2025-09-01"),
    ("s4", "Latest", "Outlet D", "2025-12-01"),
]
# claim_id, source_id, claim_type, subject, value_text, start, end, number, unit, certainty, negated, evidence
CLAIMS = [
    # release windows of Season 3 as the sources go by
    ("c1", "s1", "release", S3, "late 2025", "2025-09-01", "2025-12-31", None, None, "expected", False,
     "The season is eyed for late 2025."),
    ("c2", "s2", "release", S3, "2026", "2026-01-01", "2026-12-31", None, None, "rumor", False,
     "Rumors point to 2026."),
    ("c3", "s2", "release", S3, "early 2026", "2026-01-01", "2026-04-30", None, None, "official", False,
     "The studio confirmed an early 2026 premiere."),
    ("c4", "s3", "release", S3, "2026", "2026-01-01", "2026-12-31", None, None, "official", True,
     "The studio did not include it in its 2026 lineup."),
    ("c5", "s3", "release", S3, None, None, None, None, None, "speculative", False,
     "The season may arrive sooner than expected."),
    ("c6", "s4", "release", S3.upper(), "March 2026", "2026-03-01", "2026-03-31", None, None, "reported", False,
     "It premieres in March 2026."),                                 # same subject, other casing
    ("c7", "s4", "release", S3, "late 2025", "2025-09-01", "2025-12-31", None, None, "expected", False,
     "The season was originally eyed for late 2025."),             # an old plan, restated
    ("c8", "s4", "release", S3, "now", "2025-12-01", "2025-12-01", None, None, "reported", False,
     "It is out now in some markets."),                             # PRESENT_REF value
    ("c9", "s4", "release", S3, "the 2020s", "2020-01-01", "2029-12-31", None, None, "reported", False,
     "It will be out in the 2020s."),                               # too wide to conflict
    # viewing figures of Season 2
    ("v1", "s1", "viewership", S2, "100 million hours", None, None, 100e6, "viewing_hours", "reported", False,
     "Season 2 drew 100 million hours."),
    ("v2", "s2", "viewership", S2, "100.5 million hours", None, None, 100.5e6, "viewing_hours", "reported",
     False, "Season 2 drew 100.5 million hours."),
    ("v3", "s3", "viewership", S2, "120 million hours", None, None, 120e6, "viewing_hours", "reported", False,
     "Season 2 drew 120 million hours."),
    ("v4", "s4", "viewership", S2, "9 million views", None, None, 9e6, "views", "reported", False,
     "The trailer got 9 million views."),                          # another unit
    # two guesses do not make a conflict
    ("p1", "s1", "production_start", S3, "May 2025", "2025-05-01", "2025-05-31", None, None, "speculative",
     False, "Filming might begin in May 2025."),
    ("p2", "s2", "production_start", S3, "2024", "2024-01-01", "2024-12-31", None, None, "rumor", False,
     "Rumor has it filming began in 2024."),
    # delays accumulate: no conflict between two of them
    ("d1", "s1", "delay", S3, "2025", "2025-01-01", "2025-12-31", None, None, "reported", False,
     "Filming slipped to 2025."),
    ("d2", "s2", "delay", S3, "2026", "2026-01-01", "2026-12-31", None, None, "reported", False,
     "Filming slipped to 2026."),
]
DATES = [  # source_id, text, value, granularity
    ("s4", "now", "PRESENT_REF", "ref"),
    ("s4", "the 2020s", "202", "decade"),
]


def _build(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE sources (source_id VARCHAR, title VARCHAR, publisher VARCHAR, "
                "published_on DATE, body VARCHAR)")
    con.execute("""CREATE TABLE claims (claim_id VARCHAR, source_id VARCHAR, claim_type VARCHAR,
        subject VARCHAR, person_id VARCHAR, value_text VARCHAR, value_start DATE, value_end DATE,
        value_number DOUBLE, value_unit VARCHAR, certainty VARCHAR, attributed_to VARCHAR,
        negated BOOLEAN, char_start INTEGER, char_end INTEGER, person_name VARCHAR)""")
    con.execute("CREATE TABLE dates (source_id VARCHAR, text VARCHAR, value VARCHAR, granularity VARCHAR, "
                "timex_type VARCHAR)")
    bodies: dict[str, str] = {s[0]: "" for s in SOURCES}
    rows = []
    for cid, sid, ctype, subject, vtext, vs, ve, num, unit, cert, neg, evidence in CLAIMS:
        start = len(bodies[sid])
        bodies[sid] += evidence + " "
        rows.append((cid, sid, ctype, subject, None, vtext, vs, ve, num, unit, cert, None, neg,
                     start, start + len(evidence), None))
    con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
                    [(*s, bodies[s[0]].strip()) for s in SOURCES])
    con.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.executemany("INSERT INTO dates VALUES (?, ?, ?, ?, 'DATE')", DATES)
    con.execute(VIEWS_SQL.read_text(encoding="utf-8"))


@pytest.fixture()
def con():
    con = duckdb.connect()
    _build(con)
    yield con
    con.close()


def _pairs(con, claim_type: str | None = None) -> set[frozenset]:
    where = f"WHERE claim_type = '{claim_type}'" if claim_type else ""
    return {frozenset(r) for r in con.sql(
        f"SELECT claim_id_a, claim_id_b FROM claim_conflicts {where}").fetchall()}


def test_claim_facts_derive_evidence_and_flags(con):
    facts = {r[0]: r[1:] for r in con.sql(
        "SELECT claim_id, evidence, superseded, vague_value, value_days, subject_key FROM claim_facts").fetchall()}
    assert facts["c1"][0] == "The season is eyed for late 2025."
    assert facts["c7"][1] is True and facts["c1"][1] is False
    assert facts["c8"][2] is True and facts["c1"][2] is False
    assert facts["c3"][3] == 120
    assert facts["c6"][4] == facts["c1"][4] == S3.lower()


def test_timeline_orders_each_subject_by_publication(con):
    rows = con.sql("""SELECT claim_id, seq FROM claim_timeline
                      WHERE claim_type = 'release' AND published_on <= DATE '2025-09-01'
                      ORDER BY seq""").fetchall()
    # same day (s2): official before rumor; same day (s3): official before speculative
    assert [r[0] for r in rows] == ["c1", "c3", "c2", "c4", "c5"]
    assert [r[1] for r in rows] == [1, 2, 3, 4, 5]
    # the upper-cased subject joins the same sequence
    assert con.execute("SELECT seq FROM claim_timeline WHERE claim_id = 'c6'").fetchone()[0] > 5


def test_conflicts_disjoint_windows_and_numbers_beyond_one_percent(con):
    release = _pairs(con, "release")
    # late 2025 (expected) vs early 2026 (official) and vs March 2026 (other casing): disjoint windows
    assert frozenset({"c1", "c3"}) in release and frozenset({"c1", "c6"}) in release
    viewership = _pairs(con, "viewership")
    # 100 vs 100.5 million is within 1%; 120 million is not; views are another unit
    assert frozenset({"v1", "v2"}) not in viewership
    assert frozenset({"v1", "v3"}) in viewership and frozenset({"v2", "v3"}) in viewership
    assert not any("v4" in p for p in viewership)
    kinds = dict(con.sql("SELECT claim_type, any_value(conflict_kind) FROM claim_conflicts GROUP BY 1").fetchall())
    assert kinds == {"release": "dates", "viewership": "numbers"}
    gap = con.execute("""SELECT gap_days, relative_difference FROM claim_conflicts
                     WHERE claim_id_a IN ('v1', 'v3') AND claim_id_b IN ('v1', 'v3')""").fetchone()
    assert gap[0] is None and gap[1] == pytest.approx(0.1667, abs=1e-4)


def test_no_conflict_for_overlap_denials_references_old_plans_guesses_or_one_source(con):
    release = _pairs(con, "release")
    assert frozenset({"c3", "c6"}) not in release          # early 2026 and March 2026 overlap
    involved = {c for p in release for c in p}
    assert "c4" not in involved                             # negated
    assert "c2" not in involved                             # a rumor
    assert "c5" not in involved                             # no value
    assert "c7" not in involved                             # "originally eyed": an old plan
    assert "c8" not in involved                             # "now" (PRESENT_REF)
    assert "c9" not in involved                             # a decade is no window
    assert _pairs(con, "production_start") == set()         # a guess vs a rumor
    assert _pairs(con, "delay") == set()                    # delays are not single-valued
    # never two claims of the same source
    same = con.execute("SELECT count(*) FROM claim_conflicts WHERE source_id_a = source_id_b").fetchone()[0]
    assert same == 0


def test_claims_as_of_takes_latest_known_then_strongest(con):
    def pick(day: str, claim_type: str = "release") -> list[str]:
        return [r[0] for r in con.sql(
            f"SELECT claim_id FROM claims_as_of(DATE '{day}') WHERE claim_type = '{claim_type}'").fetchall()]

    assert pick("2025-02-01") == []
    assert pick("2025-03-01") == ["c1"]
    assert pick("2025-07-01") == ["c3"]          # official beats the same day's rumor
    # s3 denies 2026 (the latest word, a denial) and guesses without a value
    assert pick("2025-10-01") == ["c4"]
    # s4: March 2026 (reported) over the restated old plan, "now" and the decade
    assert pick("2025-12-31") == ["c6"]
    assert pick("2025-07-01", "viewership") == ["v2"]
    assert pick("2025-12-31", "viewership") == ["v4"]   # the latest figure, whatever its unit


def test_claims_as_of_moves_the_window():
    con = duckdb.connect()
    _build(con)
    before = con.sql("SELECT value_text FROM claims_as_of('2025-04-01') WHERE claim_type = 'release'").fetchall()
    after = con.sql("SELECT value_text FROM claims_as_of('2026-01-01') WHERE claim_type = 'release'").fetchall()
    assert before == [("late 2025",)] and after == [("March 2026",)]
    con.close()


def test_views_and_macro_are_commented(con):
    comments = dict(con.sql(
        "SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    for view in ("claim_facts", "claim_timeline", "claim_conflicts"):
        assert comments.get(view), view
    for macro in ("claims_as_of", "certainty_rank"):
        got = con.sql(f"SELECT comment FROM duckdb_functions() WHERE function_name = '{macro}'").fetchall()
        assert got and got[0][0], macro
