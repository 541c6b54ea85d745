"""Quantities as written in entertainment news."""
import pytest

from scoop.extract.quantities import parse_quantities


@pytest.mark.parametrize("text, value_text, number, unit", [
    ("racking up 560 million viewing hours in a month", "560 million viewing hours", 560e6, "viewing_hours"),
    ("over 474.26 million hours of viewing within 30 days", "474.26 million hours of viewing", 474.26e6,
     "viewing_hours"),
    ("it grossed $40.8m worldwide", "$40.8m", 40.8e6, "usd"),
    ("a £3m opening", "£3m", 3e6, "gbp"),
    ("US$1.2 billion in ticket sales", "US$1.2 billion", 1.2e9, "usd"),
    ("all 12 episodes dropped", "12 episodes", 12, "episodes"),
    ("around an hour each", "an hour", 60, "minutes"),
    ("a 45-minute finale", "45-minute", 45, "minutes"),
    ("after three long years of delays", "three long years", 3, "years"),
    ("1.2bn views on the trailer", "1.2bn views", 1.2e9, "views"),
])
def test_quantity_values(text, value_text, number, unit):
    row = parse_quantities(text)[0]
    assert (row["value_text"], row["value_number"], row["value_unit"]) == (value_text, pytest.approx(number), unit)
    assert text[row["char_start"]:row["char_end"]] == value_text


@pytest.mark.parametrize("text", ["It is a great show.", "Season 2 arrives in 2026.", "Lee plays a detective.",
                                  # no count inside a word or a number
                                  "The data hours were logged.", "Version 1.5.2 episodes"])
def test_no_quantities(text):
    assert parse_quantities(text) == []
