"""Property tests: the tagger never raises and its spans are honest."""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from scoop.extract.dates import tag_dates

WORDS = ["late", "early", "mid-", "2026", "January", "17", "and", "18", "last", "year", "now",
         "over", "two", "years", "ago", "the", "second", "half", "Season", "2", "may", "Friday",
         "the 13th", "3:44", "PM", "IST", ",", ".", "nearly", "four", "summer", "this", "later",
         "five", "months", "every", "week", "Q3", "1990s", "-", "'", "\n",
         "quarter", "year-ago", "weekend", "current", "then", "nineteen", "ninety-six", "noon", "that",
         "day", "end", "year-end", "fiscal", "latest", "period", "night", "morning", "next", "ended",
         "a", "$2", "million", "Monday,", "Oct.", "26", "in", "centuries", "long"]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
)
doc_dates = st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
bases = st.sampled_from(["header", "byline", "inferred", "unknown"])


@settings(max_examples=300, deadline=None)
@given(text=texts, doc=doc_dates, basis=bases)
def test_spans_are_inside_and_exact(text, doc, basis):
    rows = tag_dates(text, doc, basis=basis)
    previous_end = 0
    for row in sorted(rows, key=lambda r: r["char_start"]):
        assert 0 <= row["char_start"] < row["char_end"] <= len(text)
        assert row["text"] == text[row["char_start"]:row["char_end"]]
        assert row["char_start"] >= previous_end  # no overlapping rows
        previous_end = row["char_end"]
        assert row["timex_type"] in ("DATE", "TIME", "DURATION", "SET")
        assert row["anchor"] in ("absolute", "publication", "narrative", "unresolved")
        assert row["granularity"] in ("day", "week", "month", "season", "quarter", "half", "year",
                                      "decade", "duration", "ref")
        if row["range_start"] and row["range_end"]:
            assert row["range_start"] <= row["range_end"]
        if row["timex_type"] in ("DURATION", "SET"):
            assert row["range_start"] is None and row["range_end"] is None


# ---------------------------------------------------------------- windowed scanning
# The tagger runs each rule only in windows around its trigger words (Rule.trigger in rule_table.py).
# Each phrase reaches as far as a rule does around its trigger (and stands alone between
# plain words, so no neighbour's window covers for it): a window or a trigger too narrow
# makes the windowed scan miss or cut a match the full scan finds.
REACH = [
    "January 10, 2026 at 3:44:05 p.m. (GMT)", "July 23, 2025 - 15:00:00 IST", "January 10, 2026 at 3:44 p.m. EST",
    "2005-03-01T10:30:00", "2005-03-01 10:30", "12/25/2005", "3/4/05", "Friday, June 6, 2022", "Fri. Sept. 6th 2022",
    "the 6th of June, 2022", "July of 2025", "inJanuary 2005", "Friday, January 17 and 18", "Jan. 6 through 9",
    "17 January", "the 6th of Sept.", "last January", "in May", "June last year", "at 5:30 p.m. EST, on Nov. 9",
    "2009 – 2010", "2024-25", "fiscal year 2005", "FY2005", "the 1990's", "the '90s", "the 1980s",
    "the fiscal-first quarter of fiscal 2005", "the second half of this year", "Q3 of the year",
    "the 4th quarter of next year", "last summer of 2005", "offspring of 2005", "early spring", "the fall of Rome",
    "the winter of 2005 season", "the summer of 2005 of 3", "the following week", "the previous decade",
    "last Friday morning", "onMonday", "yesterday afternoon", "this morning", "at 10:30:15 p.m. GMT", "at 10:30",
    "5:30 p.m. (EST)", "once upon a time", "in the near future", "at present", "present-day", "these days",
    "until next New Year's Eve 2006", "this the fourth of July 2005", "Thanksgiving Day", "at 10:30:15 p.m. EST on Monday",
    "5 pm yesterday", "Now", "Nowadays", "no less than a couple of years ago", "5years ago",
    "more than twenty-four months from now", "no less than the better part of the twenty-four f***ing years",
    "nearly several long weeks", "the first week", "the coming years", "waited the years later", "years later",
    "every other Monday", "per other week", "quarterly", "biweekly", "since that time in history", "at this time",
    "around the same time", "back then", "the current fiscal year", "the most recent quarter",
    "the comparable year-ago first quarter", "the same year-earlier nine months", "the last year's third quarter",
    "the 1988 period", "the then-current price", "the year two thousand and one", "nineteen ninety-six",
    "twenty ten", "the nineties", "the twenty-first century", "the 20th century", "later that same year",
    "by year's end 2005", "at year-end", "a yearlong", "decades-long", "the following morning",
    "10.30 o'clock in the evening", "ended the start of the day", "for the day before", "last night",
    "mid-afternoon last Friday", "noon tomorrow", "at midday", "over the past two decades",
    "about 5\n\n  minutes later", "some   \t three  -  -  years", "for decades",
    "no less than better part of the a couple of f***ing years",
    "no less than better part of the twenty-four and a half f***ing years and a half",
    "no less than twenty-four and a half months from now", "a year and a half", "2 1/2 hours",
    # lookaheads that read the next word: a window cut before it would let these match
    "June 6, 2022.5", "6 June 2022.5", "July of 2025.5", "since May 5", "17 Sept.Xyz", "at 5 p.m. EST, on Nov. 9:30",
    "up 2005.5", "the first quarter of fiscal 2005.5", "last summer of 2005.5", "until next New Year's Eve 2006.5",
    "about that time of day", "the 20th century Fox", "by year's end 2005.5",
    "at 10:30 p.m. GMT", "5 p.m. (EST)",
    "over the longer term", "the near term rates", "the long term unemployed", "over the longer term effects", "the short term.", "the long term'", "the same afternoon", "the same day a year",
    "the same evening as", "the same day last", "the 70s and 80s", "the 40s or 90s degrees", "the 60s-", "the 50s to 70s'",
    "at 12:00 UTC Monday", "at 16:00 today", "12:00:30 GMT on Friday", "12:00 Monday",
]


def _scan(text: str, windowed: bool) -> list[tuple[int, int, int, str]]:
    from scoop.extract.dates.tagger import candidates

    return sorted((s, e, i, m.group()) for s, e, i, m in candidates(text, windowed=windowed))


def test_windowed_scan_finds_what_the_full_scan_finds():
    from scoop.extract.dates.rule_table import RULES

    fired = set()
    texts = [f"We saw it {phrase} as written here" for phrase in REACH] + [" ".join(REACH), "\n".join(REACH).upper()]
    for text in texts:
        full = _scan(text, windowed=False)
        assert _scan(text, windowed=True) == full, text
        fired |= {RULES[i].name for _, _, i, _ in full}
    assert fired == {rule.name for rule in RULES}, {rule.name for rule in RULES} - fired  # a phrase per rule


REACH_WORDS = WORDS + sorted({w for text in REACH for w in text.replace(",", " ,").replace(".", " .").split()})


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.tuples(st.sampled_from(REACH_WORDS), st.sampled_from([" ", " ", "  ", "-", "\n", ", ", ""])),
                      max_size=30))
def test_windowed_scan_matches_full_scan_on_word_salad(words):
    text = "".join(w + sep for w, sep in words)
    assert _scan(text, windowed=True) == _scan(text, windowed=False)
