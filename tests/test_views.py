"""The DuckDB views of scoop/warehouse/views.sql on a tiny in-memory warehouse (invented titles)."""
from pathlib import Path

import duckdb
import pytest

VIEWS_SQL = Path(__file__).resolve().parents[1] / "scoop" / "warehouse" / "views.sql"

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


def _build(con: duckdb.DuckDBPyConnection, sources=SOURCES, claims=CLAIMS, dates=DATES,
           doubted: frozenset[str] = frozenset()) -> None:
    """``doubted``: the claim ids whose claims.doubted the extractor set."""
    con.execute("CREATE TABLE sources (source_id VARCHAR, title VARCHAR, publisher VARCHAR, "
                "published_on DATE, body VARCHAR)")
    con.execute("""CREATE TABLE claims (claim_id VARCHAR, source_id VARCHAR, claim_type VARCHAR,
        subject VARCHAR, person_id VARCHAR, value_text VARCHAR, value_start DATE, value_end DATE,
        value_number DOUBLE, value_unit VARCHAR, certainty VARCHAR, attributed_to VARCHAR,
        negated BOOLEAN, char_start INTEGER, char_end INTEGER, person_name VARCHAR, doubted BOOLEAN)""")
    con.execute("CREATE TABLE dates (source_id VARCHAR, text VARCHAR, value VARCHAR, granularity VARCHAR, "
                "timex_type VARCHAR)")
    bodies: dict[str, str] = {s[0]: "" for s in sources}
    rows = []
    for cid, sid, ctype, subject, vtext, vs, ve, num, unit, cert, neg, evidence, *person in claims:
        start = len(bodies[sid])
        bodies[sid] += evidence + " "
        rows.append((cid, sid, ctype, subject, person[0] if person else None, vtext, vs, ve, num, unit, cert,
                     None, neg, start, start + len(evidence), None, cid in doubted))
    con.executemany("INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
                    [(*s, bodies[s[0]].strip()) for s in sources])
    con.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.executemany("INSERT INTO dates VALUES (?, ?, ?, ?, 'DATE')", dates)
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
        "SELECT claim_id, evidence, superseded, vague_value, value_days, subject_key, value_kind, disputed "
        "FROM claim_facts").fetchall()}
    assert facts["c1"][0] == "The season is eyed for late 2025."
    assert facts["c7"][1] is True and facts["c1"][1] is False
    assert facts["c8"][2] is True and facts["c1"][2] is False
    assert facts["c3"][3] == 120
    assert facts["c6"][4] == facts["c1"][4] == S3.lower()
    assert [facts[c][5] for c in ("c1", "c8", "v1", "c5")] == ["calendar", "vague", "number", None]
    assert facts["c4"][6] is True and facts["c3"][6] is False


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
    gap = con.execute("""SELECT gap_days, value_gap_days, relative_difference FROM claim_conflicts
                     WHERE claim_id_a = 'v1' AND claim_id_b = 'v3'""").fetchone()
    # gap_days: between the publications (s1 March 1, s3 September 1); numbers have no window gap
    assert gap[0] == 184 and gap[1] is None and gap[2] == pytest.approx(0.1667, abs=1e-4)
    windows = con.execute("""SELECT gap_days, value_gap_days FROM claim_conflicts
                             WHERE claim_id_a = 'c1' AND claim_id_b = 'c3'""").fetchone()
    assert windows == (92, 1)           # published 92 days apart; the windows touch (Dec 31 / Jan 1)


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


def test_claims_as_of_takes_latest_calendar_value_then_strongest(con):
    def pick(day: str, claim_type: str = "release") -> list[str]:
        return [r[0] for r in con.sql(
            f"SELECT claim_id FROM claims_as_of(DATE '{day}') WHERE claim_type = '{claim_type}'").fetchall()]

    assert pick("2025-02-01") == []
    assert pick("2025-03-01") == ["c1"]
    assert pick("2025-07-01") == ["c3"]          # official beats the same day's rumor
    # s3 denies 2026 and guesses without a value: the denial is never the value, and a claim with
    # a calendar value beats one without, so s2's early 2026 still stands
    assert pick("2025-10-01") == ["c3"]
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
    for macro in ("claims_as_of", "certainty_rank", "value_kind_rank", "conflict_update_days"):
        got = con.sql(f"SELECT comment FROM duckdb_functions() WHERE function_name = '{macro}'").fetchall()
        assert got and got[0][0], macro


# A second warehouse: revisions months apart vs same-week disagreements, and what claims_as_of prefers.
# Source ids sort against publication order (x3 is the latest), so the order of a pair is the dates'.
G2, G1, GX = "Glass Orchard Season 2", "Glass Orchard Season 1", "Glass Orchard Special"
SOURCES2 = [
    ("z1", "Early word", "Outlet E", "2025-01-05"),
    ("y2", "Same week", "Outlet F", "2025-01-12"),      # 7 days later: the same news cycle
    ("x3", "Months on", "Outlet G", "2025-06-01"),      # 147 days after z1
    ("w0", "Undated", "Outlet H", None),
]
CLAIMS2 = [
    ("k1", "z1", "release", G2, "spring 2026", "2026-03-01", "2026-05-31", None, None, "reported", False,
     "It arrives in spring 2026."),
    ("k2", "y2", "release", G2, "autumn 2026", "2026-09-01", "2026-11-30", None, None, "reported", False,
     "It arrives in autumn 2026."),
    ("k3", "x3", "release", G2, "2027", "2027-01-01", "2027-12-31", None, None, "official", False,
     "The studio moved it to 2027."),
    # a past event: told differently months apart is still a disagreement
    ("k4", "z1", "release", G1, "March 2024", "2024-03-01", "2024-03-31", None, None, "reported", False,
     "Season 1 came out in March 2024."),
    ("k5", "x3", "release", G1, "October 2024", "2024-10-01", "2024-10-31", None, None, "reported", False,
     "Season 1 came out in October 2024."),
    ("n1", "z1", "viewership", G1, "40 million hours", None, None, 40e6, "viewing_hours", "reported", False,
     "Season 1 drew 40 million hours."),
    ("n2", "x3", "viewership", G1, "55 million hours", None, None, 55e6, "viewing_hours", "reported", False,
     "Season 1 has drawn 55 million hours."),
    ("n3", "w0", "viewership", G1, "48 million hours", None, None, 48e6, "viewing_hours", "reported", False,
     "Season 1 drew 48 million hours."),
    # claims_as_of: a calendar value over "now", whatever the certainty
    ("q1", "y2", "production_wrap", G2, "now", "2025-01-12", "2025-01-12", None, None, "reported", False,
     "Filming is wrapping now."),
    ("q2", "y2", "production_wrap", G2, "mid-March 2025", "2025-03-11", "2025-03-20", None, None, "expected",
     False, "Filming should wrap in mid-March 2025."),
    # a later bare year does not replace the month it contains
    ("r1", "z1", "release", GX, "June 2023", "2023-06-01", "2023-06-30", None, None, "reported", False,
     "The special aired in June 2023."),
    ("r2", "x3", "release", GX, "2023", "2023-01-01", "2023-12-31", None, None, "reported", False,
     "The special aired in 2023."),
    # a later denial is never the value; a lone denial shows, flagged
    ("g1", "z1", "production_start", G2, "April 2025", "2025-04-01", "2025-04-30", None, None, "reported", False,
     "Filming starts in April 2025."),
    ("g2", "y2", "production_start", G2, "May 2025", "2025-05-01", "2025-05-31", None, None, "official", True,
     "Filming will not start in May 2025."),
    ("g3", "z1", "renewal", G2, None, None, None, None, None, "official", True, "It has not been renewed."),
    # the character of a cast claim survives a later mention without one
    ("m1", "z1", "cast", G2, "Warden Sol", None, None, None, None, "reported", False,
     "Ines Varga plays Warden Sol.", "ines-varga"),
    ("m2", "x3", "cast", G2, None, None, None, None, None, "official", False,
     "Ines Varga is back.", "ines-varga"),
]
DATES2 = [("y2", "now", "PRESENT_REF", "ref")]


@pytest.fixture()
def con2():
    con = duckdb.connect()
    _build(con, SOURCES2, CLAIMS2, DATES2)
    yield con
    con.close()


def _conflicts(con) -> dict[tuple, tuple]:
    return {(r[0], r[1]): r[2:] for r in con.sql(
        "SELECT claim_id_a, claim_id_b, kind, gap_days, published_on_a, published_on_b FROM claim_conflicts"
    ).fetchall()}


def test_conflicts_are_updates_months_apart_and_disagreements_within_days(con2):
    rows = _conflicts(con2)
    assert rows[("k1", "k2")][:2] == ("disagreement", 7)       # one week apart
    assert rows[("k1", "k3")][:2] == ("update", 147)           # the later source revises
    assert rows[("k2", "k3")][:2] == ("update", 140)
    assert rows[("n1", "n2")][:2] == ("update", 147)           # a newer figure
    # something already past when first reported is not revised later: two accounts disagree
    assert rows[("k4", "k5")][:2] == ("disagreement", 147)
    # an undated source: no gap, no evidence of a revision
    assert rows[("n3", "n1")][:2] == ("disagreement", None) and rows[("n3", "n2")][0] == "disagreement"
    assert len(rows) == 7


def test_each_conflict_pair_once_earlier_source_first(con2, con):
    for c in (con2, con):
        rows = _conflicts(c)
        assert not any((b, a) in rows for a, b in rows)
        dated = [r for r in rows.values() if r[2] is not None and r[3] is not None]
        assert dated and all(pub_a <= pub_b for *_, pub_a, pub_b in dated)
        assert all(r[1] is None or r[1] >= 0 for r in rows.values())


def _as_of(con, day: str, claim_type: str, subject: str) -> list[tuple]:
    return con.execute("""SELECT claim_id, value_text, negated, character FROM claims_as_of(CAST(? AS DATE))
                          WHERE claim_type = ? AND subject_key = lower(?)""", [day, claim_type, subject]).fetchall()


def test_claims_as_of_prefers_a_calendar_value_over_now(con2):
    assert [r[0] for r in _as_of(con2, "2025-01-31", "production_wrap", G2)] == ["q2"]


def test_claims_as_of_prefers_the_narrower_window_a_later_source_restates(con2):
    assert [r[:2] for r in _as_of(con2, "2025-06-30", "release", GX)] == [("r1", "June 2023")]
    # but a later window that does not contain the earlier one revises it
    assert [r[0] for r in _as_of(con2, "2025-06-30", "release", G2)] == ["k3"]
    assert [r[0] for r in _as_of(con2, "2025-01-20", "release", G2)] == ["k2"]


def test_claims_as_of_never_takes_a_negated_value(con2):
    assert [r[:3] for r in _as_of(con2, "2025-02-01", "production_start", G2)] == [("g1", "April 2025", False)]
    # a denial with nothing else said stands, flagged as negated
    assert [r[0::2] for r in _as_of(con2, "2025-02-01", "renewal", G2)] == [("g3", True)]


def test_claims_as_of_keeps_the_character_of_a_cast_claim(con2):
    assert [(r[0], r[3]) for r in _as_of(con2, "2025-06-30", "cast", G2)] == [("m1", "Warden Sol")]


def test_claims_as_of_never_lets_a_doubted_value_win():
    """A later source that floats a date only to doubt it ("..., but I highly doubt it") does not
    replace what an earlier source said; alone, it stands, flagged as doubted."""
    sources = [("e1", "Early", "Outlet A", "2025-02-01"), ("e2", "Later", "Outlet B", "2025-05-01")]
    claims = [
        ("a1", "e1", "release", S3, "2026", "2026-01-01", "2026-12-31", None, None, "expected", False,
         "The season is set for 2026."),
        ("a2", "e2", "release", S3, "late 2025", "2025-09-01", "2025-12-31", None, None, "speculative", False,
         "Maybe it squeezes in a late 2025 release, but I highly doubt it."),
        ("a3", "e2", "production_wrap", S3, "June 2025", "2025-06-01", "2025-06-30", None, None,
         "speculative", False, "Filming could wrap in June 2025, though that seems unlikely."),
        # a mere hedge is no doubt: the later speculation still replaces the earlier word
        ("a4", "e1", "production_start", S3, "2024", "2024-01-01", "2024-12-31", None, None, "reported", False,
         "Filming began in 2024."),
        ("a5", "e2", "production_start", S3, "early 2025", "2025-01-01", "2025-04-30", None, None,
         "speculative", False, "Filming may have begun in early 2025, and there is no doubt about the cast."),
    ]
    con = duckdb.connect()
    # the view reads claims.doubted (the extractor's flag), not the evidence text
    _build(con, sources, claims, [("e2", "now", "PRESENT_REF", "ref")], doubted=frozenset({"a2", "a3"}))

    def as_of(claim_type):
        return con.execute("SELECT claim_id, doubted FROM claims_as_of(DATE '2025-06-30') WHERE claim_type = ?",
                           [claim_type]).fetchall()
    assert as_of("release") == [("a1", False)]
    assert as_of("production_wrap") == [("a3", True)]
    assert as_of("production_start") == [("a5", False)]


def test_claims_as_of_treats_an_unknown_doubted_as_not_doubted():
    """Rows stored before claims.doubted existed hold NULL there until re-extracted: not doubted."""
    sources = [("e1", "Early", "Outlet A", "2025-02-01"), ("e2", "Later", "Outlet B", "2025-05-01")]
    claims = [
        ("a1", "e1", "release", S3, "2026", "2026-01-01", "2026-12-31", None, None, "expected", False,
         "The season is set for 2026."),
        ("a2", "e2", "release", S3, "late 2025", "2025-09-01", "2025-12-31", None, None, "speculative", False,
         "Maybe it squeezes in a late 2025 release."),
    ]
    con = duckdb.connect()
    _build(con, sources, claims, [("e2", "now", "PRESENT_REF", "ref")])
    con.execute("UPDATE claims SET doubted = NULL")
    assert con.execute("SELECT claim_id, doubted FROM claims_as_of(DATE '2025-06-30')").fetchall() == [
        ("a2", False)]
    assert con.execute("SELECT count(*) FROM claim_facts WHERE doubted IS NULL").fetchone() == (0,)
