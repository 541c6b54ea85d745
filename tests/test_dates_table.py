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
    # halves: calendar units keep the decimal, clock units split (as TimeBank writes them)
    ("He served two and a half years in jail.", D("2025-04-18"), "two and a half years", "P2.5Y", None, None, None, "absolute"),
    ("The talks took a year and a half.", D("2025-04-18"), "a year and a half", "P1.5Y", None, None, None, "absolute"),
    ("Crews worked 5 1/2 hours overnight.", D("2025-04-18"), "5 1/2 hours", "PT5H30M", None, None, None, "absolute"),
    ("The clip runs a minute and a half.", D("2025-04-18"), "a minute and a half", "PT1M30S", None, None, None, "absolute"),
    ("Doors open in half an hour.", D("2025-04-18"), "half an hour", "PT30M", None, None, None, "absolute"),
    # sets
    ("New episodes drop every Friday.", D("2025-04-18"), "every Friday", "XXXX-WXX-5", None, None, None, "absolute"),
    ("The awards are held annually.", D("2025-04-18"), "annually", "P1Y", None, None, None, "absolute"),
    # bylines with times
    ("Published: July 23, 2025 15:00:00 IST", D("2025-07-23"), "July 23, 2025 15:00:00 IST", "2025-07-23T15:00:00", None, "2025-07-23", "2025-07-23", "absolute"),
    ("Published : January 10, 2026 at 3:44 PM IST", D("2026-01-10"), "January 10, 2026 at 3:44 PM IST", "2026-01-10T15:44", None, "2026-01-10", "2026-01-10", "absolute"),
    ("Trading closed at 16:08 UTC.", D("2008-09-17"), "16:08 UTC", "2008-09-17T16:08Z", None, "2008-09-17", "2008-09-17", "publication"),
    # definite periods and earnings-report periods (TimeBank)
    ("Saudi officials met over the weekend.", D("1990-08-13"), "the weekend", "1990-W32-WE", None, "1990-08-11", "1990-08-12", "publication"),
    ("Troops will arrive over the weekend.", D("1990-08-13"), "the weekend", "1990-W33-WE", None, "1990-08-18", "1990-08-19", "publication"),
    ("Net rose 5% in the third quarter. Sales in the quarter fell.", D("1989-11-02"), "the quarter", "1989-Q3", None, "1989-07-01", "1989-09-30", "narrative"),
    ("Profit fell 10% in the latest quarter.", D("1989-11-02"), "the latest quarter", "1989-Q3", None, "1989-07-01", "1989-09-30", "publication"),
    ("Net rose in the third quarter from $4 million in the year-ago quarter.", D("1989-11-02"), "the year-ago quarter", "1988-Q3", None, "1988-07-01", "1988-09-30", "narrative"),
    ("Third-quarter sales rose to $5 million from $4 million a year earlier.", D("1989-11-02"), "a year earlier", "1988-Q3", None, "1988-07-01", "1988-09-30", "narrative"),
    ("Net income in this year's third quarter doubled.", D("1989-11-02"), "this year's third quarter", "1989-Q3", None, "1989-07-01", "1989-09-30", "publication"),
    ("Net rose in the third quarter, up from $3 million in the 1988 period.", D("1989-11-02"), "the 1988 period", "1988-Q3", None, "1988-07-01", "1988-09-30", "narrative"),
    ("It earned $2 million for the year ended March 31.", D("1989-11-02"), "the year", "P1Y", None, None, None, "absolute"),
    ("Profit will rise in the current fiscal year.", D("1989-11-02"), "the current fiscal year", "1989", None, "1989-01-01", "1989-12-31", "publication"),
    ("Sales rose 8% for the week.", D("1989-10-27"), "the week", "1989-W43", None, "1989-10-23", "1989-10-29", "publication"),
    # current / spoken years / decades / centuries
    ("Kellogg's current share is 40%.", D("1989-11-02"), 'current', "PRESENT_REF", None, "1989-11-02", "1989-11-02", "publication"),
    ("Holders may buy shares at the then-current price.", D("1989-11-02"), "then-current", "PAST_REF", None, None, None, "publication"),
    ("The treaty was signed in nineteen ninety-six.", D("1998-02-27"), "nineteen ninety-six", "1996", None, "1996-01-01", "1996-12-31", "absolute"),
    ("The goal is full employment by the year two thousand.", D("1998-02-05"), "the year two thousand", "2000", None, "2000-01-01", "2000-12-31", "absolute"),
    ("The band peaked in the nineties.", D("1998-03-03"), "the nineties", "199", None, "1990-01-01", "1999-12-31", "absolute"),
    ("It was the bloodiest war of the 20th century.", D("1998-03-03"), "the 20th century", "19", None, "1900-01-01", "1999-12-31", "absolute"),
    ("Fans queued for centuries-old relics for centuries.", D("1998-03-03"), "centuries", "PXCE", None, None, None, "absolute"),
    # parts of days, times
    ("The police said the fire started last night.", D("1998-01-20"), "last night", "1998-01-19TNI", None, "1998-01-19", "1998-01-19", "publication"),
    ("Talks broke off at noon Thursday.", D("1998-02-13"), "noon Thursday", "1998-02-12T12:00", None, "1998-02-12", "1998-02-12", "publication"),
    ("Shares were up at mid-afternoon yesterday.", D("1989-11-02"), "mid-afternoon yesterday", "1989-11-01TAF", None, "1989-11-01", "1989-11-01", "publication"),
    ("The premiere was held Thursday evening.", D("1998-02-13"), "Thursday evening", "1998-02-12TEV", None, "1998-02-12", "1998-02-12", "publication"),
    # the story's own dates
    ("She moved to Florida in June 1998 and returned later that year.", D("2000-01-28"), "later that year", "1998", None, "1998-01-01", "1998-12-31", "narrative"),
    ("The site went up in October 1998. It was taken down that same day.", D("1999-02-06"), "that same day", "1998-10-XX", None, None, None, "narrative"),
    # year-end, compounds, following days, clock phrases, market days
    ("The deal should close by year-end.", D("1989-11-02"), "year-end", "1989", "END", "1989-09-01", "1989-12-31", "publication"),
    ("The index has fallen 10% since year-end.", D("1989-10-27"), "year-end", "1988", "END", "1988-09-01", "1988-12-31", "publication"),
    ("It ended a decades-long feud.", D("2000-01-15"), "decades-long", "PXY", None, None, None, "absolute"),
    ("He was arrested on Monday. He was released the next day.", D("2000-04-05"), "the next day", "2000-04-04", None, "2000-04-04", "2000-04-04", "narrative"),
    ("The bomb went off at 4 in the morning.", D("2000-04-06"), "4 in the morning", "2000-04-06T04:00", None, "2000-04-06", "2000-04-06", "publication"),
    ("The Dow ended the day at 9,505.96.", D("2009-08-21"), "the day", "2009-08-21", None, "2009-08-21", "2009-08-21", "publication"),
    ("Shares fell sharply at the start of the day.", D("2008-10-10"), "the start of the day", "2008-10-10", "START", "2008-10-10", "2008-10-10", "publication"),
    # months with a relative year, clock + date, weekday-checked year, prefixes
    ("The ratification began in February this year.", D("1998-12-03"), "February this year", "1998-02", None, "1998-02-01", "1998-02-28", "publication"),
    ("The offer expires at 5 p.m. EST Nov. 9.", D("1989-11-02"), "5 p.m. EST Nov. 9", "1989-11-09T17:00", None, "1989-11-09", "1989-11-09", "publication"),
    ("The Times said in an editorial on Monday, Oct. 26: the case is weak.", D("1998-04-24"), "Monday, Oct. 26", "1998-10-26", None, "1998-10-26", "1998-10-26", "publication"),
    ("Officials were unavailable late yesterday.", D("1989-11-02"), "late yesterday", "1989-11-01", "END", "1989-11-01", "1989-11-01", "publication"),
    ("Prices soared in the late 1970s.", D("1989-11-02"), "the late 1970s", "197", "END", "1976-09-01", "1979-12-31", "absolute"),
    ("Net fell in the fiscal first quarter.", D("1989-11-02"), "the fiscal first quarter", "1989-Q1", None, "1989-01-01", "1989-03-31", "publication"),
    ("He studied post-1959 Cuban history.", D("2000-02-24"), "1959", "1959", None, "1959-01-01", "1959-12-31", "absolute"),
    ("Police gathered evidence in the October slaying.", D("1999-04-19"), "October", "1998-10", None, "1998-10-01", "1998-10-31", "publication"),
    ("The plant reopens in early summer.", D("1989-03-02"), "early summer", "1989-SU", "START", "1989-06-01", "1989-06-30", "publication"),
    # tense decides year-less dates
    ("The film will be released Friday.", D("2025-04-16"), "Friday", "2025-04-18", None, "2025-04-18", "2025-04-18", "publication"),
    ("The thrift announced the plan Aug. 21.", D("1989-10-27"), "Aug. 21", "1989-08-21", None, "1989-08-21", "1989-08-21", "publication"),
    ("The notes will be paid on a still unspecified date in January.", D("1989-10-26"), "January", "1990-01", None, "1990-01-01", "1990-01-31", "publication"),
    # extents: 'over' is a preposition, 'the' stays out of compound adjectives
    ("The loss cut its cash over the past 20 years.", D("1989-10-26"), "the past 20 years", "P20Y", None, None, None, "absolute"),
    ("It posted a third-quarter loss in the 30-day period.", D("1989-10-26"), "third-quarter", "1989-Q3", None, "1989-07-01", "1989-09-30", "publication"),
    ("It posted a loss in the 30-day period.", D("1989-10-26"), "30-day", "P30D", None, None, None, "absolute"),
    # vague and set quarters, 'couple of'
    ("It was revised in recent quarters.", D("1989-10-26"), "recent quarters", "PAST_REF", None, None, None, "publication"),
    ("Dividends are paid every quarter.", D("1989-10-26"), "every quarter", "P3M", None, None, None, "absolute"),
    ("Prices rose over the next couple of years.", D("1989-10-26"), "the next couple of years", "P2Y", None, None, None, "absolute"),
    # the near term / the long term: a vague future
    ("Growth will slow in the near term.", D("2009-03-01"), "the near term", "FUTURE_REF", None, None, None, "publication"),
    ("The plant is safe for the long term.", D("2013-12-10"), "the long term", "FUTURE_REF", None, None, None, "publication"),
    # a 24-hour clock with a zone, then a day
    ("GM filed for bankruptcy at 12:00 UTC Monday.", D("2009-06-03"), "12:00 UTC Monday", "2009-06-01T12:00Z", None, "2009-06-01", "2009-06-01", "publication"),
    ("Obama spoke at 16:00 UTC today.", D("2009-06-01"), "16:00 UTC today", "2009-06-01T16:00Z", None, "2009-06-01", "2009-06-01", "publication"),
    # the same day: the day last written out
    ("Shares fell on March 3, 2009, and jobs data came on the same day.", D("2009-03-10"), "the same day", "2009-03-03", None, "2009-03-03", "2009-03-03", "narrative"),
    ("He won in 2001, and in the same year he lost.", D("2009-03-10"), "the same year", "2001", None, "2001-01-01", "2001-12-31", "narrative"),
    # decades without an apostrophe, after "the"
    ("Detroit rid itself of the boxy cars of the 70s and 80s.", D("2006-01-01"), "the 70s", "197", None, "1970-01-01", "1979-12-31", "absolute"),
    ("Detroit rid itself of the boxy cars of the 70s and 80s.", D("2006-01-01"), "80s", "198", None, "1980-01-01", "1989-12-31", "absolute"),
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
    "It won album of the year and song of the week.",
    "The studio spends $2 million a year on promotion and adds 700 seats a week.",
    "About three-quarters of the voters agreed and more than a quarter of them left.",
    "The company raised its quarterly dividend.",
    "At the same time, sales fell.",
    "Sales were down from the year before.",
    "This Week in Review",
    "He is in his 30s and she is in her 70s.",
    "Temperatures were in the 70s degrees.",
    "The near-term outlook and the long term rates are weak.",
    "Help for the long term unemployed; the longer term effects may be worse.",
    "She left on the same day as him; the same year that he did.",
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
