"""Table-driven cases for every phrase family the temporal tagger handles."""
from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from scoop.extract.base import Document
from scoop.extract.dates import DATES_SCHEMA, DatesExtractor, tag_dates

D = date.fromisoformat

# (text, doc date, surface, value, mod, range_start, range_end, anchor)
CASES = [
    # absolute
    ("Filming began June 6, 2022 in Seoul.", D("2025-04-18"), "June 6, 2022", "2022-06-06", None, "2022-06-06", "2022-06-06", "absolute"),
    ("It premiered on 6 June 2022.", D("2025-04-18"), "6 June 2022", "2022-06-06", None, "2022-06-06", "2022-06-06", "absolute"),
    ("The finale lands in December 2026.", D("2025-04-18"), "December 2026", "2026-12", None, "2026-12-01", "2026-12-31", "absolute"),
    ("A 2027 premiere is likely.", D("2025-04-18"), "2027", "2027", None, "2027-01-01", "2027-12-31", "absolute"),
    ("Reruns aired in the 1990s.", D("2025-04-18"), "the 1990s", "199", None, "1990-01-01", "1999-12-31", "absolute"),
    # parts of periods
    ("A release is eyed for late 2026.", D("2025-04-18"), "late 2026", "2026", "END", "2026-09-01", "2026-12-31", "absolute"),
    ("It may slip to early 2027.", D("2025-04-18"), "early 2027", "2027", "START", "2027-01-01", "2027-04-30", "absolute"),
    ("Shooting runs until mid-2026.", D("2025-04-18"), "mid-2026", "2026", "MID", "2026-05-01", "2026-08-31", "absolute"),
    ("Filming wraps by mid-February 2026.", D("2025-04-18"), "mid-February 2026", "2026-02", "MID", "2026-02-11", "2026-02-20", "absolute"),
    ("Fans expected a late-2025 premiere.", D("2025-04-18"), "late-2025", "2025", "END", "2025-09-01", "2025-12-31", "absolute"),
    ("One late-November rumor spread.", D("2025-12-01"), "late-November", "2025-11", "END", "2025-11-21", "2025-11-30", "publication"),
    ("Work stops at the end of 2026.", D("2025-04-18"), "the end of 2026", "2026", "END", "2026-09-01", "2026-12-31", "absolute"),
    # halves, quarters, seasons
    ("Sales rose in the second half of 2024.", D("2025-04-18"), "the second half of 2024", "2024-H2", None, "2024-07-01", "2024-12-31", "absolute"),
    ("Expect it sometime in 2026, likely the second half.", D("2025-04-18"), "the second half", "2026-H2", None, "2026-07-01", "2026-12-31", "narrative"),
    ("Revenue fell in Q1 2027.", D("2025-04-18"), "Q1 2027", "2027-Q1", None, "2027-01-01", "2027-03-31", "absolute"),
    ("Production kicked off this summer.", D("2025-12-01"), "this summer", "2025-SU", None, "2025-06-01", "2025-08-31", "publication"),
    ("The shoot resumes next winter.", D("2025-04-18"), "next winter", "2025-WI", None, "2025-12-01", "2026-02-28", "publication"),
    ("It opens in summer 2026.", D("2025-04-18"), "summer 2026", "2026-SU", None, "2026-06-01", "2026-08-31", "absolute"),
    # relative to the document date
    ("Production was set to begin last year.", D("2025-04-18"), "last year", "2024", None, "2024-01-01", "2024-12-31", "publication"),
    ("It was delayed until this year.", D("2025-04-18"), "this year", "2025", None, "2025-01-01", "2025-12-31", "publication"),
    ("The trailer drops next month.", D("2025-04-18"), "next month", "2025-05", None, "2025-05-01", "2025-05-31", "publication"),
    ("The show is now in post-production.", D("2025-04-18"), "now", "PRESENT_REF", None, "2025-04-18", "2025-04-18", "publication"),
    ("Three shows are currently filming.", D("2025-04-18"), "currently", "PRESENT_REF", None, "2025-04-18", "2025-04-18", "publication"),
    ("The renewal came over two years ago.", D("2025-04-18"), "over two years ago", "2023", "BEFORE", None, "2023-04-18", "publication"),
    ("The studio confirmed it on Monday.", D("2025-04-18"), "Monday", "2025-04-14", None, "2025-04-14", "2025-04-14", "publication"),
    ("The cast will meet on Monday.", D("2025-04-18"), "Monday", "2025-04-21", None, "2025-04-21", "2025-04-21", "publication"),
    ("Reshoots are planned for January 17 and 18.", D("2026-01-10"), "January 17", "2026-01-17", None, "2026-01-17", "2026-01-17", "publication"),
    ("She spoke to reporters yesterday.", D("2025-04-18"), "yesterday", "2025-04-17", None, "2025-04-17", "2025-04-17", "publication"),
    ("Filming should be kicking off soon.", D("2025-04-18"), "soon", "FUTURE_REF", None, None, None, "publication"),
    ("It opens on Christmas Day.", D("2025-12-01"), "Christmas Day", "2025-12-25", None, "2025-12-25", "2025-12-25", "publication"),
    # narrative anchoring
    ("The drama debuted in January 2022. The renewal came five months later.", D("2025-04-18"), "five months later", "2022-06", None, "2022-06-01", "2022-06-30", "narrative"),
    ("The drama debuted in January 2022. Around this time, K-dramas boomed.", D("2025-04-18"), "Around this time", "2022-01", "APPROX", "2022-01-01", "2022-01-31", "narrative"),
    # durations
    ("Viewers logged hours within its first 30 days.", D("2025-04-18"), "first 30 days", "P30D", None, None, None, "absolute"),
    ("Fans have waited nearly four years.", D("2025-04-18"), "nearly four years", "P4Y", "LESS_THAN", None, None, "absolute"),
    ("It returns after three long years of delays.", D("2025-04-18"), "three long years", "P3Y", None, None, None, "absolute"),
    ("Episodes run around an hour each.", D("2025-04-18"), "around an hour", "PT1H", "APPROX", None, None, "absolute"),
    ("It was in production for several months.", D("2025-04-18"), "several months", "PXM", None, None, None, "absolute"),
    ("The deal covers a five-year span.", D("2025-04-18"), "five-year", "P5Y", None, None, None, "absolute"),
    # sets
    ("New episodes drop every Friday.", D("2025-04-18"), "every Friday", "XXXX-WXX-5", None, None, None, "absolute"),
    ("The awards are held annually.", D("2025-04-18"), "annually", "P1Y", None, None, None, "absolute"),
    # bylines with times
    ("Published: July 23, 2025 15:00:00 IST", D("2025-07-23"), "July 23, 2025 15:00:00 IST", "2025-07-23T15:00:00", None, "2025-07-23", "2025-07-23", "absolute"),
    ("Published : January 10, 2026 at 3:44 PM IST", D("2026-01-10"), "January 10, 2026 at 3:44 PM IST", "2026-01-10T15:44", None, "2026-01-10", "2026-01-10", "absolute"),
    ("Trading closed at 16:08 UTC.", D("2008-09-17"), "16:08 UTC", "2008-09-17T16:08Z", None, "2008-09-17", "2008-09-17", "publication"),
]


def _find(rows: list[dict], surface: str) -> dict:
    hits = [r for r in rows if r["text"] == surface]
    assert hits, f"{surface!r} not tagged; got {[r['text'] for r in rows]}"
    return hits[0]


@pytest.mark.parametrize("text,doc,surface,value,mod,start,end,anchor", CASES,
                         ids=[c[2] for c in CASES])
def test_phrase_family(text, doc, surface, value, mod, start, end, anchor):
    row = _find(tag_dates(text, doc), surface)
    assert (row["value"], row["mod"], row["anchor"]) == (value, mod, anchor)
    assert row["range_start"] == (D(start) if start else None)
    assert row["range_end"] == (D(end) if end else None)
    assert text[row["char_start"]:row["char_end"]] == surface


def test_elliptical_day_is_its_own_timex():
    rows = tag_dates("Extra filming is set for January 17 and 18.", D("2026-01-10"))
    assert [(r["text"], r["value"], r["anchor"]) for r in rows] == [
        ("January 17", "2026-01-17", "publication"), ("18", "2026-01-18", "narrative")]


@pytest.mark.parametrize("text", [
    "The Midnight Archive Season 2 may arrive sooner than expected.",
    "Kim Ha-neul, 25, is 25 years old and plays a 17-year-old student.",
    "Episode 12 drew a 2,026 point rating; the score was 3-2.",
    "Friday the 13th returns to cinemas.",
    "The budget was $2026 per episode and 2000 fans attended.",
    "She may march on; he will watch 60 Minutes.",
])
def test_no_false_positives(text):
    assert tag_dates(text, D("2025-04-18")) == []


@pytest.mark.parametrize("basis,doc", [("unknown", D("2025-04-18")), ("header", None)])
def test_unresolvable_document_date_leaves_relative_values_open(basis, doc):
    rows = tag_dates("It was delayed last year, filmed on January 17 and aired in 2022.", doc, basis=basis)
    by_text = {r["text"]: r for r in rows}
    assert by_text["last year"]["value"] == "XXXX" and by_text["last year"]["anchor"] == "unresolved"
    assert by_text["last year"]["range_start"] is None
    assert by_text["January 17"]["value"] == "XXXX-01-17"
    assert by_text["2022"]["anchor"] == "absolute" and by_text["2022"]["range_end"] == D("2022-12-31")


def test_inferred_basis_still_anchors():
    rows = tag_dates("Production kicked off this summer.", D("2025-12-01"), basis="inferred")
    assert rows[0]["value"] == "2025-SU" and rows[0]["anchor"] == "publication"


def test_extractor_frame_schema():
    docs = [Document("s1", "Filming began July 23, 2025, for a late 2026 release.", published_on=D("2025-07-23"),
                     published_on_basis="header"),
            Document("s2", "No dates here.")]
    frame = DatesExtractor().extract(docs, {})["dates"]
    assert dict(frame.schema) == DATES_SCHEMA
    assert frame.height == 2 and frame["date_id"].n_unique() == 2
    assert frame.filter(pl.col("text") == "late 2026")["range_start"].to_list() == [D("2026-09-01")]
    empty = DatesExtractor().extract([docs[1]], {})["dates"]
    assert empty.height == 0 and dict(empty.schema) == DATES_SCHEMA
    assert DatesExtractor.tables == ("dates",) and DatesExtractor.name == "dates"
