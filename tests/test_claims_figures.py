"""Audience figures the quantity parser reads without a telling unit: a share of the audience,
a figure by the million ("peaked at 8.7m") and a count of people. Invented sentences and titles;
the cue rules alone (no model)."""
from datetime import date

import pytest

from scoop.extract.base import Document
from scoop.extract.claims import extract_claims


def _valued(text: str, claim_type: str) -> list[tuple]:
    doc = Document("src", text, title="Harbour Lights ratings", published_on=date(2030, 1, 10))
    return sorted((r["value_text"], r["value_number"], r["value_unit"])
                  for r in extract_claims(doc, [], []) if r["claim_type"] == claim_type and r["value_text"])


@pytest.mark.parametrize("text, expected", [
    ("The finale of Harbour Lights peaked at 8.7m viewers and 41.5% of the audience.",
     [("41.5%", 41.5, "percent"), ("8.7m viewers", 8.7e6, "views")]),
    ("The finale of Harbour Lights was watched by a peak of 8.7m on Sunday.", [("8.7m", 8.7e6, None)]),
    ("When the first series of Harbour Lights ended, 7.4 million people tuned in to watch.",
     [("7.4 million people", 7.4e6, "views")]),
])
def test_audience_figures_value_viewership_claims(text, expected):
    assert _valued(text, "viewership") == expected


def test_a_percentage_that_is_no_audience_share_values_no_viewership_claim():
    text = "Harbour Lights drew strong ratings, though its budget rose 9% this year."
    assert all(v[2] != "percent" for v in _valued(text, "viewership"))


def test_a_figure_by_the_million_counts_no_episodes_and_metres_are_no_millions():
    assert _valued("Harbour Lights has 8 episodes and a 5m-high set, five metres tall.", "viewership") == []
    assert all(v[1] < 1000 for v in _valued("All 8 episodes of Harbour Lights drew 8.7m.", "episodes"))
