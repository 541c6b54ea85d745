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


@pytest.mark.parametrize("text, value_text, number, unit", [
    # a share of the audience, with or without a space before the sign
    ("the finale drew 41.5% of the audience", "41.5%", 41.5, "percent"),
    ("a record 58.1% of the TV audience", "58.1%", 58.1, "percent"),
    ("around 30 % of the viewing public", "30 %", 30, "percent"),
    # a count of people by the thousand or more, an adjective between
    ("7.4 million people tuned in", "7.4 million people", 7.4e6, "views"),
    ("an audience of nearly six million people", "six million people", 6e6, "views"),
    ("grew to 8.3 million cross-platform viewers", "8.3 million cross-platform viewers", 8.3e6, "views"),
])
def test_shares_and_people(text, value_text, number, unit):
    row = parse_quantities(text)[0]
    assert (row["value_text"], row["value_number"], row["value_unit"]) == (value_text, pytest.approx(number), unit)
    assert text[row["char_start"]:row["char_end"]] == value_text


def test_a_percentage_is_an_audience_share_only_where_the_text_says_so():
    assert [r["audience"] for r in parse_quantities("it held 41.5% of the audience")] == [True]
    assert [r["audience"] for r in parse_quantities("its audience share rose by 9%")] == [True]
    assert [r["audience"] for r in parse_quantities("the budget rose 9% this year")] == [False]
    assert [r["audience"] for r in parse_quantities("a 20 per cent rise in costs")] == [False]


@pytest.mark.parametrize("text, value_text, number", [
    ("the show peaked at 8.7m on Sunday", "8.7m", 8.7e6),
    ("a peak of 6.2m, up on last week", "6.2m", 6.2e6),
    ("it has now reached 2.4 billion.", "2.4 billion", 2.4e9),
    ("a running total of 150.6m so far", "150.6m", 150.6e6),
])
def test_a_figure_by_the_million_with_no_unit(text, value_text, number):
    rows = parse_quantities(text)
    assert [(r["value_text"], r["value_unit"], r["scaled"]) for r in rows] == [(value_text, None, True)]
    assert rows[0]["value_number"] == pytest.approx(number)


@pytest.mark.parametrize("text", [
    "a 5m wall, about five metres high",      # metres, said so
    "the 5m-high set was built in a week",
    "the pool is 3m deep",
    "the Model 5m camera",                     # a model number
    "the XR-11.9m prototype",
    "it runs 2h 5m in total",                  # hours and minutes
    "two people were seen leaving",            # too few people to be an audience
    "about four million fewer than last year", # a difference, not a figure
])
def test_no_bare_millions_or_audiences(text):
    assert [r for r in parse_quantities(text) if r.get("scaled") or r["value_unit"] == "views"] == []


def test_money_keeps_its_currency():
    assert [(r["value_text"], r["value_unit"]) for r in parse_quantities("it took £11.9m")] == [("£11.9m", "gbp")]
