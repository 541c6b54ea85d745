"""An invented warehouse for the report and export tests: one show, "Night Harbor", four sources.

Source s4 is hostile: its title, body, publisher, uri and an actor's name carry script and HTML
injection. Source s3 has Windows line ends and an emoji before its evidence sentences, so the
page's offsets must be translated for the browser.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from scoop.warehouse.views import create_views
from scoop.warehouse import DB_NAME, connect, ensure_schema

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_LINK = '<a href="javascript:alert(1)">click me</a>'

S1_RELEASE = "Night Harbor Season 2 is expected to premiere in late 2025, the studio said."
S1_VIEWS = "The first season drew 100 million viewing hours in its first month."
S1_CAST = "Ana Ruiz returns as Captain Mara."
S2_RELEASE = "Night Harbor Season 2 will arrive in 2027, according to Other Wire."
S2_VIEWS = "Season one was watched for 150 million viewing hours."
S2_CREW = "Dan Dir directs the new season."
S3_RELEASE = "Night Harbor Season 2 now premieres in early 2026."
S3_EXIT = "Ben Cole has departed the show."
S3_CAST = "Ana Ruiz is back for the second season."
S4_CAST = f"{SCRIPT}Eve joins the cast of Night Harbor {IMG}."
S4_RELEASE = f"Night Harbor Season 2 comes in 2026 {JS_LINK}."

BODIES = {
    "s1": f"{S1_RELEASE} {S1_VIEWS}\n\n{S1_CAST}",
    "s2": f"{S2_RELEASE}\n{S2_VIEWS} {S2_CREW}",
    "s3": f"Big news 🎬 for fans.\r\n{S3_RELEASE}\r\n😀 {S3_EXIT} {S3_CAST}",
    "s4": f"{S4_CAST} {S4_RELEASE}",
    "s5": "O'Brien's Way starts shooting in 2026.",
}
SOURCES = [
    ("s1", "raw/s1.txt", "Night Harbor Season 2 dated", "Trade Daily", date(2025, 3, 1)),
    ("s2", "https://example.com/night-harbor", "Night Harbor: a 2027 date?", "Other Wire", date(2025, 3, 5)),
    ("s3", "raw/s3.txt", "Night Harbor moves", "Trade Daily", date(2025, 9, 1)),
    ("s4", "javascript:alert(1)", f"{SCRIPT} Night Harbor {IMG}", f"<b>Evil</b> {SCRIPT}", date(2025, 9, 10)),
    ("s5", "raw/s5.txt", "O'Brien's Way", "Trade Daily", date(2025, 9, 12)),
]
PEOPLE = [("ana-ruiz", "Ana Ruiz", "real"), ("ben-cole", "Ben Cole", "real"), ("dan-dir", "Dan Dir", "real"),
          ("eve", f"{SCRIPT}Eve {IMG}", "real"), ("captain-mara", "Captain Mara", "fictional")]
# (role_id, source, person, role, character, status, sentence)
ROLES = [
    ("r1", "s1", "ana-ruiz", "actor", "captain-mara", "returning", S1_CAST),
    ("r2", "s3", "ana-ruiz", "actor", None, "returning", S3_CAST),
    ("r3", "s1", "ben-cole", "actor", None, None, S1_CAST),
    ("r4", "s3", "ben-cole", "actor", None, "departed", S3_EXIT),
    ("r5", "s4", "eve", "actor", None, "new", S4_CAST),
    ("r6", "s2", "dan-dir", "director", None, None, S2_CREW),
]
# (claim_id, source, type, subject, value_text, start, end, number, unit, certainty, negated, sentence)
CLAIMS = [
    ("c1", "s1", "release", "Night Harbor Season 2", "late 2025", date(2025, 9, 1), date(2025, 12, 31), None,
     None, "expected", False, S1_RELEASE),
    ("c2", "s2", "release", "Night Harbor Season 2", "2027", date(2027, 1, 1), date(2027, 12, 31), None, None,
     "reported", False, S2_RELEASE),
    ("c3", "s3", "release", "Night Harbor Season 2", "early 2026", date(2026, 1, 1), date(2026, 4, 30), None,
     None, "reported", False, S3_RELEASE),
    ("c4", "s1", "viewership", "Night Harbor Season 1", "100 million viewing hours", None, None, 1e8,
     "viewing_hours", "reported", False, S1_VIEWS),
    ("c5", "s2", "viewership", "Night Harbor Season 1", "150 million viewing hours", None, None, 1.5e8,
     "viewing_hours", "reported", False, S2_VIEWS),
    ("c6", "s4", "release", "Night Harbor Season 2", f"2026 {SCRIPT}", date(2026, 1, 1), date(2026, 12, 31),
     None, None, "speculative", True, S4_RELEASE),
    ("c7", "s5", "production_start", "O'Brien's Way", "2026", date(2026, 1, 1), date(2026, 12, 31), None, None,
     "expected", False, BODIES["s5"]),
]


def span(source: str, sentence: str) -> tuple[int, int]:
    start = BODIES[source].index(sentence)
    return start, start + len(sentence)


def build(folder: Path) -> Path:
    """Write the fixture warehouse into ``folder``; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    con = connect(folder / DB_NAME)
    try:
        ensure_schema(con)
        for sid, uri, title, publisher, day in SOURCES:
            body = BODIES[sid]
            con.execute("INSERT INTO sources (source_id, uri, title, publisher, published_on, published_on_basis, "
                        "body, word_count) VALUES (?, ?, ?, ?, ?, 'header', ?, ?)",
                        [sid, uri, title, publisher, day, body, len(body.split())])
        for pid, name, kind in PEOPLE:
            con.execute("INSERT INTO people (person_id, name, kind, aliases, source_count) VALUES (?, ?, ?, [?], 1)",
                        [pid, name, kind, name])
        for rid, sid, pid, role, character, status, sentence in ROLES:
            con.execute("INSERT INTO roles (role_id, source_id, person_id, role, character_id, work, season, status, "
                        "char_start, char_end) VALUES (?, ?, ?, ?, ?, 'Night Harbor', 2, ?, ?, ?)",
                        [rid, sid, pid, role, character, status, *span(sid, sentence)])
        for cid, sid, ctype, subject, text, start, end, number, unit, certainty, negated, sentence in CLAIMS:
            con.execute("INSERT INTO claims (claim_id, source_id, claim_type, subject, value_text, value_start, "
                        "value_end, value_number, value_unit, certainty, negated, char_start, char_end) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [cid, sid, ctype, subject, text, start, end, number, unit, certainty, negated,
                         *span(sid, sentence)])
        create_views(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return folder
