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
