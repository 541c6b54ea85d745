"""Inferring an undated article's publication day: never a future or event date, None when unsure."""
from __future__ import annotations

from datetime import date

import pytest

from scoop.clean import clean_article, infer_published_on
from scoop.pubdate import infer, published_on_note

LEDE = "On July 23, 2025, the streamer put out a short clip of the cast at a table read. "


@pytest.mark.parametrize("text", [
    # the film's release date is later than the news, and told as a plan
    "The studio announced the sequel on March 3, 2025. It is due for release on May 19, 2026.",
    "Filming began on March 3, 2025, and the film will premiere on December 5, 2025.",
    "The series premieres on October 10, 2025 on Netflix, the streamer confirmed on March 3, 2025.",
])
def test_never_a_future_or_release_date(text):
    assert infer_published_on(text) == date(2025, 3, 3)


@pytest.mark.parametrize("text", [
    "The film opens on May 19, 2026.",                                        # only a plan
    "Born in Luton on 5 April 1920, Hailey was the only child of his parents.",   # history
    "Visitor numbers are back to pre-11 September 2001 levels, he said.",
    "Shares fell. " * 5 + "She said she received a call on 13 February 2003 from an associate.",  # deep, no cue
    "A story with no dates in it at all.",
])
def test_unsure_is_none(text):
    assert infer_published_on(text) is None


def test_dateline_and_published_cue_are_high_confidence():
    found = infer("LOS ANGELES, March 3, 2025 — The studio said the film opens on May 1, 2026.")
    assert (found.day, found.confidence) == (date(2025, 3, 3), "high")
    found = infer("Mary Barra appointed\nDecember 10, 2013\nGeneral Motors today named Mary Barra as chief.")
    assert (found.day, found.confidence) == (date(2013, 12, 10), "high")
    found = infer("Oscars list\nBy Lexi Carson\nPublished on March 15, 2026\nThe winners were named.")
    assert found.day == date(2026, 3, 15)


def test_weekday_cue_matches_the_date():
    found = infer("Shares fell. " * 5 + "On Monday, March 3, 2025, the studio announced the sequel.")
    assert (found.day, found.confidence) == (date(2025, 3, 3), "high")


def test_never_before_a_date_the_text_reports_as_past():
    # the lede event is older than an anchor the text reports as past: the dates disagree
    text = "On March 3, 2025, the studio announced it. The show has been delayed since June 1, 2025."
    assert infer_published_on(text) is None


def test_a_later_yearless_past_month_moves_the_day():
    text = ("Fans waited for years. " * 4 + "Production finally kicked off this summer. The big break came on "
            "July 23, 2025, when Netflix dropped a teaser. One late-November rumor even floated a 2027 slip.")
    found = infer(text)
    assert (found.day, found.confidence) == (date(2025, 12, 1), "low")
    # without "this summer" the month may be last year's: no shift, and a deep event is no publication day
    assert infer_published_on(text.replace("this summer", "at last")) is None
    # a plan for November or "last November" is no such clue
    assert infer_published_on(text.replace("One late-November rumor even floated", "It returns in November with")) \
        is None
    assert infer_published_on(text.replace("One late-November rumor", "Last November a rumor")) is None


def test_lede_event_and_note():
    assert infer(LEDE + "Fans were thrilled.").confidence == "medium"
    assert "medium confidence" in published_on_note(LEDE)
    assert "no publication day inferred" in published_on_note("The film opens on May 19, 2026.")
    article = clean_article(LEDE + "Fans were thrilled.")
    assert article.published_on == date(2025, 7, 23) and article.published_on_basis == "inferred"
