"""Claim typing, values, certainty, attribution and negation, sentence by sentence.

Hand-made date and person rows stand in for the dates tagger and the people
extractor, so these tests depend on neither.
"""
from datetime import date

import polars as pl
import pytest

from scoop.extract.base import Document
from scoop.extract.claims import CLAIMS_SCHEMA, ClaimsExtractor, extract_claims

TITLE = "The Midnight Archive Season 3: What We Know"


def run(text: str, dates: list[tuple[str, str, str]] = (), people: list[tuple[str, str]] = ()):
    """Claims for one text; dates as (surface, range_start, range_end), people as (name, kind)."""
    date_rows = []
    for surface, start, end in dates:
        i = text.index(surface)
        date_rows.append({"text": surface, "char_start": i, "char_end": i + len(surface),
                          "range_start": date.fromisoformat(start), "range_end": date.fromisoformat(end)})
    person_rows = []
    for name, kind in people:
        i = text.index(name)
        person_rows.append({"name": name, "text": name, "char_start": i, "char_end": i + len(name),
                            "kind": kind})
    doc = Document("src", text, title=TITLE, published_on=date(2025, 8, 1))
    return extract_claims(doc, date_rows, person_rows)


def types(rows) -> list[str]:
    return sorted(r["claim_type"] for r in rows)


@pytest.mark.parametrize("sentence, expected", [
    ("The Midnight Archive Season 3 has officially begun production.", ["production_start"]),
    ("Filming on the show wrapped in Busan last week.", ["production_wrap"]),
    ("The cast gathered for a table read at the studio.", ["production_event"]),
    ("Streamflix renewed The Midnight Archive for a third season.", ["renewal"]),
    ("The release was pushed back due to the writers' strike.", ["delay", "release"]),
    ("Season 2 racked up 300 million viewing hours.", ["viewership"]),
    ("The film grossed $40.8m in its opening weekend.", ["box_office"]),
    ("The series was nominated for three Emmy awards.", ["award"]),
    ("The new season will have 8 episodes.", ["episodes"]),
    ("Season 1 is available to stream on Netflix.", ["platform"]),
    ("The series is adapted from the webtoon of the same name.", ["adaptation"]),
    ("The story follows a librarian who finds a hidden archive.", ["plot"]),
])
def test_claim_types(sentence, expected):
    assert types(run(sentence)) == expected


@pytest.mark.parametrize("sentence", [
    "“I can't wait for this show,” one fan wrote on X.",
    "Fans took to social media to express their excitement.",
    "@archivefan99 this is the best show ever",
    "Honestly, it is one of the most gripping dramas I have watched.",
    "Stay tuned for more updates!",
])
def test_reactions_tweets_and_opinions_are_not_claims(sentence):
    assert run(sentence) == []


def test_one_sentence_two_dated_claims():
    text = "Principal photography began July 2, 2025, with a release eyed for late 2026."
    rows = run(text, dates=[("July 2, 2025", "2025-07-02", "2025-07-02"),
                            ("late 2026", "2026-09-01", "2026-12-31")])
    by_type = {r["claim_type"]: r for r in rows}
    assert set(by_type) == {"production_start", "release"}
    assert by_type["production_start"]["value_start"] == date(2025, 7, 2)
    assert by_type["production_start"]["certainty"] == "reported"
    assert by_type["release"]["value_text"] == "late 2026"
    assert (by_type["release"]["value_start"], by_type["release"]["value_end"]) == (date(2026, 9, 1),
                                                                                  date(2026, 12, 31))
    assert by_type["release"]["certainty"] == "expected"
    assert all(r["subject"] == "The Midnight Archive Season 3" for r in rows)
    assert all((r["char_start"], r["char_end"]) == (0, len(text)) for r in rows)


def test_cast_list_gives_one_claim_per_person():
    text = "New cast members joining Season 3 include Kim Ha-neul, Park Do-yun, and Choi Seo-ah."
    rows = run(text, people=[("Kim Ha-neul", "real"), ("Park Do-yun", "real"), ("Choi Seo-ah", "real")])
    assert types(rows) == ["cast"] * 3
    assert {r["person_name"] for r in rows} == {"Kim Ha-neul", "Park Do-yun", "Choi Seo-ah"}
    assert len({r["claim_id"] for r in rows}) == 3


def test_actor_character_pairs_and_crew():
    text = "Kim Ha-neul reprises her role as Yoon Mi-rae, while director Lee Joon-ho helms the season."
    rows = run(text, people=[("Kim Ha-neul", "real"), ("Yoon Mi-rae", "fictional"), ("Lee Joon-ho", "real")])
    by_type = {r["claim_type"]: r for r in rows}
    assert by_type["cast"]["person_name"] == "Kim Ha-neul"
    assert by_type["cast"]["value_text"] == "Yoon Mi-rae"
    assert by_type["crew"]["person_name"] == "Lee Joon-ho"


@pytest.mark.parametrize("sentence, certainty", [
    ("Streamflix has officially confirmed the release for 2026.", "official"),
    ("The streamer announced the premiere date on Monday.", "official"),
    ("The show is set to premiere in 2026.", "expected"),
    ("The season is scheduled to debut in March 2026.", "expected"),
    ("The season may be released in December 2026.", "speculative"),
    ("Our best guess is a release sometime in 2026.", "speculative"),
    ("Rumors point to a release in 2026.", "rumor"),
    ("Whispers suggest a 2026 premiere.", "rumor"),
    ("The show reportedly began filming in Busan.", "reported"),
    ("Season 1 premiered in 2021.", "reported"),
])
def test_certainty_cues(sentence, certainty):
    rows = run(sentence)
    assert rows, sentence
    assert rows[0]["certainty"] == certainty


@pytest.mark.parametrize("sentence, negated, certainty", [
    ("Streamflix has yet to confirm the final release date.", True, "official"),
    ("No exact release date yet for the new season.", True, "official"),
    ("Streamflix did not include the show in its 2026 release lineup.", True, "official"),
    ("The show premiered in 2021.", False, "reported"),
])
def test_negation(sentence, negated, certainty):
    rows = [r for r in run(sentence) if r["claim_type"] == "release"]
    assert rows and rows[0]["negated"] is negated and rows[0]["certainty"] == certainty


@pytest.mark.parametrize("sentence, who", [
    ("According to a report by Screen Daily, filming is expected to wrap by March.", "Screen Daily"),
    ("Star Tribune Weekly reported that production began in May.", "Star Tribune Weekly"),
    ("Director Lee Joon-ho teased that the season will premiere next year.", "Director Lee Joon-ho"),
])
def test_attribution(sentence, who):
    rows = run(sentence)
    assert rows and rows[0]["attributed_to"] == who


def test_quantity_values_on_claims():
    rows = run("Expect another 10 episodes, around an hour each.")
    values = sorted((r["value_number"], r["value_unit"]) for r in rows if r["claim_type"] == "episodes")
    assert values == [(10.0, "episodes"), (60.0, "minutes")]


def test_first_season_subject():
    rows = run("The first season premiered in 2021.", dates=[("2021", "2021-01-01", "2021-12-31")])
    assert rows[0]["subject"] == "The Midnight Archive Season 1"


def test_extractor_frames():
    text = "Kim Ha-neul joins the cast. The show premieres in 2026."
    docs = [Document("a", text, title=TITLE), Document("b", "Nothing to see here.")]
    i = text.index("2026")
    context = {
        "dates": pl.DataFrame({"source_id": ["a"], "text": ["2026"], "char_start": [i], "char_end": [i + 4],
                               "range_start": [date(2026, 1, 1)], "range_end": [date(2026, 12, 31)]}),
        "mentions": pl.DataFrame({"source_id": ["a"], "name": ["Kim Ha-neul"], "text": ["Kim Ha-neul"],
                                  "char_start": [0], "char_end": [11], "kind": ["real"]}),
    }
    ex = ClaimsExtractor()
    assert ex.name == "claims" and ex.tables == ("claims",)
    frame = ex.extract(docs, context)["claims"]
    assert dict(frame.schema) == CLAIMS_SCHEMA
    assert set(frame["claim_type"]) == {"cast", "release"}
    assert frame.filter(pl.col("claim_type") == "release")["value_start"][0] == date(2026, 1, 1)
    # no context at all still works; an empty batch gives the empty schema
    assert ex.extract(docs, {})["claims"].height >= 1
    empty = ex.extract([docs[1]], {})["claims"]
    assert empty.height == 0 and dict(empty.schema) == CLAIMS_SCHEMA
