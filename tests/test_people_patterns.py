"""Table-driven checks of the people extractor's patterns (invented names)."""
from __future__ import annotations

import pytest

from scoop.extract.base import Document
from scoop.extract.people import MENTIONS_SCHEMA, ROLES_SCHEMA, PeopleExtractor, extract_people, split_sentences


def _run(text: str, author: str | None = None):
    return extract_people(Document(source_id="t", body=text, author=author))


def _triples(roles):
    return {(r["person_name"], r["role"], r["character_name"]) for r in roles}


# (text, expected (person, role, character) triples)
ROLE_CASES = [
    ("Kim Ha-neul reprises her role as Seo Yu-na, with Park Do-hyun as the soft-spoken Jang Min-ho.",
     {("Kim Ha-neul", "actor", "Seo Yu-na"), ("Park Do-hyun", "actor", "Jang Min-ho")}),
    ("Choi Woo-jin plays Baek Seung-ri, a detective with a secret.",
     {("Choi Woo-jin", "actor", "Baek Seung-ri")}),
    ("Han So-ra portrays Moon Ga-eun, a nurse on the night shift.",
     {("Han So-ra", "actor", "Moon Ga-eun")}),
    ("Directed by Oh Tae-sik and Marta Lindqvist, the series returns next year.",
     {("Oh Tae-sik", "director", None), ("Marta Lindqvist", "director", None)}),
    ("The script, penned by Yoo Bo-ra, digs deeper into the mystery.",
     {("Yoo Bo-ra", "writer", None)}),
    ("Created by Daniel Ashford and Priya Raman, the show became a hit.",
     {("Daniel Ashford", "creator", None), ("Priya Raman", "creator", None)}),
    ("Adapted from the webtoon of the same name by Kang Ji-won, the drama was a smash.",
     {("Kang Ji-won", "author_original", None)}),
    ("Behind the camera, director Lena Okafor helms the chaos.",
     {("Lena Okafor", "director", None)}),
    ("The cast includes Ryu Ha-jin, Seo Min-gyu, Jeon Da-bin, and others.",
     {("Ryu Ha-jin", "actor", None), ("Seo Min-gyu", "actor", None), ("Jeon Da-bin", "actor", None)}),
]


@pytest.mark.parametrize("text,expected", ROLE_CASES)
def test_role_patterns(text, expected):
    _, roles = _run(text)
    assert expected <= _triples(roles)


# (text, person, expected status)
STATUS_CASES = [
    ("Kim Ha-neul returns as Seo Yu-na in the second season.", "Kim Ha-neul", "returning"),
    ("New cast members joining Season 3 include Ryu Ha-jin, Seo Min-gyu, and Jeon Da-bin.", "Seo Min-gyu", "new"),
    ("The cast has changed. Ryu Ha-jin, who was expected to be part of the second season, exited the project due to scheduling conflicts.",
     "Ryu Ha-jin", "departed"),
    ("The cast returns. Jeon Da-bin (Moon Ga-eun) bowed out over scheduling snarls, and Baek Jun-ho "
     "(the mysterious Jang Min-ho) is busy until 2027, so his return might lean on cameos.", "Baek Jun-ho",
     "unconfirmed"),
]


@pytest.mark.parametrize("text,person,status", STATUS_CASES)
def test_status_patterns(text, person, status):
    _, roles = _run(text)
    got = {r["status"] for r in roles if r["person_name"] == person and r["role"] == "actor"}
    assert status in got


def test_character_in_parentheses_decided_by_evidence():
    text = ("Actors Kim Ha-neul, Park Do-hyun and Oh Se-ri attended the table read. "
            "Seo Yu-na (Kim Ha-neul) is now a college student.")
    mentions, roles = _run(text)
    kinds = {m["name"]: m["kind"] for m in mentions}
    assert kinds["Seo Yu-na"] == "fictional" and kinds["Kim Ha-neul"] == "real"
    assert ("Kim Ha-neul", "actor", "Seo Yu-na") in _triples(roles)


def test_stage_name_with_legal_name_in_parentheses_is_one_person():
    text = "There is speculation that actor Rowan (Park Rowan), who plays Lee Da-on, has wrapped filming."
    mentions, roles = _run(text)
    legal = [m for m in mentions if m["text"] == "Park Rowan"]
    assert legal and legal[0]["name"] == "Rowan" and legal[0]["kind"] == "real"
    assert ("Rowan", "actor", "Lee Da-on") in _triples(roles)


def test_possessive_actor_character_and_short_form():
    text = ("Jeon Da-bin and Oh Se-ri have been cast as original roles. "
            "Jeon Da-bin's Moon Ga-eun is Ga-eun's only hope.")
    mentions, roles = _run(text)
    assert ("Jeon Da-bin", "actor", "Moon Ga-eun") in _triples(roles)
    short = [m for m in mentions if m["text"] == "Ga-eun"]
    assert short and short[0]["name"] == "Moon Ga-eun" and short[0]["kind"] == "fictional"


def test_hyphenated_name_cut_by_ner_is_repaired_and_glued_sentence_split():
    text = "Fans met Moon Ha-i. Photos followed.The director Lee Bo-min spoke."
    mentions, _ = _run(text)
    assert {"Moon Ha-i", "Lee Bo-min"} <= {m["name"] for m in mentions}
    assert all(not m["text"].endswith("-") for m in mentions)
    assert len(split_sentences(text)) == 3


def test_surname_alone_takes_full_name():
    mentions, _ = _run("Quentin Marlowe directed the film. Marlowe said he was proud of it.")
    bare = [m for m in mentions if m["text"] == "Marlowe"]
    assert bare and bare[0]["name"] == "Quentin Marlowe"


# text that must not yield a person of that name
NEGATIVE_CASES = [
    ("Streamflix’s Night Harbor Season 2 Hits Production\n\nFans cheered.", "Streamflix"),
    ("Returning Heroes and New Blood\n\nThe show is back.", "Returning Heroes"),
    ("The survivors of Daesong High are back for more.", "Daesong High"),
    ("It will stream on Streamflix. Streamflix has confirmed it. Streamflix’s lineup grows.", "Streamflix"),
    ("The company named Dana Whitfield as CEO on Monday.", "CEO"),
    ("German magazine Der Blick cited documents.", "Der Blick"),
]


@pytest.mark.parametrize("text,not_person", NEGATIVE_CASES)
def test_not_a_person(text, not_person):
    mentions, _ = _run(text)
    assert not_person not in {m["name"] for m in mentions}


def test_character_not_promoted_to_real_person():
    text = "Kim Ha-neul reprises her role as Seo Yu-na. Seo Yu-na, now a university student, faces a new virus."
    mentions, roles = _run(text)
    assert {m["kind"] for m in mentions if m["name"] == "Seo Yu-na"} == {"fictional"}
    assert not [r for r in roles if r["person_name"] == "Seo Yu-na"]


def test_journalist_byline_and_team_byline():
    _, roles = _run("Published By: Asha Menon\nThe show is back.", author="Asha Menon")
    assert ("Asha Menon", "journalist", None) in _triples(roles)
    _, roles = _run("By Daily Screen Entertainment Team\nThe show is back.", author="Daily Screen Entertainment Team")
    assert not [r for r in roles if r["role"] == "journalist"]


def test_role_in_other_work_keeps_its_own_work():
    text = ("Actor Rowan, who plays Lee Da-on, has finished filming. "
            "He has signed on for another K-drama project, Velvet Harbor, which is already shooting.")
    _, roles = _run(text)
    other = [r for r in roles if r["work"] == "Velvet Harbor" and r["character_name"] is None]
    assert other and other[0]["person_name"] == "Rowan" and other[0]["character_name"] is None


def test_offsets_and_ids():
    text = "Directed by Marta Lindqvist, the film opens Friday."
    mentions, roles = _run(text)
    for m in mentions:
        assert text[m["char_start"]:m["char_end"]] == m["text"]
    assert roles and roles[0]["char_start"] == 0 and roles[0]["char_end"] == len(text)


def test_extractor_frames_and_empty_batch():
    ex = PeopleExtractor()
    out = ex.extract([Document("a", "Han So-ra portrays Moon Ga-eun, a nurse.")], {})
    assert dict(out["mentions"].schema) == MENTIONS_SCHEMA
    assert dict(out["roles"].schema) == ROLES_SCHEMA
    assert out["roles"]["person_id"].is_null().all()
    empty = ex.extract([Document("b", "Nothing to see here.")], {})
    assert empty["mentions"].height == 0 and dict(empty["roles"].schema) == ROLES_SCHEMA
