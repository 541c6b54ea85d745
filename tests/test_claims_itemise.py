"""One award claim per listed nominee, the platform feature, and claims the writer doubts.

Invented sentences, names and titles; hand-made person and date rows stand in for the taggers.
"""
from datetime import date

from scoop.extract.base import Document
from scoop.extract.claims import extract_claims
from scoop.extract.claims.features import SentenceContext, sentence_features


def _rows(text: str, people=(), dates=()):
    persons = []
    for name in people:
        i = text.index(name)
        persons.append({"name": name, "text": name, "char_start": i, "char_end": i + len(name), "kind": "real"})
    date_rows = []
    for surface, start, end in dates:
        i = text.index(surface)
        date_rows.append({"text": surface, "char_start": i, "char_end": i + len(surface), "timex_type": "DATE",
                          "value": None, "range_start": date.fromisoformat(start),
                          "range_end": date.fromisoformat(end)})
    doc = Document("src", text, title="Harbour Lights: what we know", published_on=date(2030, 1, 10))
    return extract_claims(doc, date_rows, persons)


def test_every_named_nominee_gets_an_award_claim():
    text = "Ines Marlow faces competition from Tomas Vell and Ruth Okafor in the best actress category."
    awards = [r for r in _rows(text, ["Ines Marlow", "Tomas Vell", "Ruth Okafor"]) if r["claim_type"] == "award"]
    assert sorted(r["person_name"] for r in awards) == ["Ines Marlow", "Ruth Okafor", "Tomas Vell"]


def test_people_in_a_sentence_without_an_award_get_no_award_claim():
    text = "Ines Marlow and Tomas Vell star in the drama."
    assert not [r for r in _rows(text, ["Ines Marlow", "Tomas Vell"]) if r["claim_type"] == "award"]


def test_a_named_network_is_a_feature_of_its_sentence():
    text = "The drama will air on BBC Two next spring."
    assert "has:platform" in sentence_features(text, SentenceContext(0, len(text), 2))
    other = "The drama will air next spring."
    assert "has:platform" not in sentence_features(other, SentenceContext(0, len(other), 2))


def _release(text: str, surface: str, start: str, end: str) -> dict:
    rows = [r for r in _rows(text, dates=[(surface, start, end)]) if r["claim_type"] == "release"]
    assert len(rows) == 1
    return rows[0]


def test_a_claim_the_writer_doubts_is_speculative_not_negated():
    doubted = _release("Harbour Lights will premiere in March 2030, but I highly doubt it.",
                       "March 2030", "2030-03-01", "2030-03-31")
    assert (doubted["certainty"], doubted["negated"]) == ("speculative", False)
    unlikely = _release("Harbour Lights will premiere in March 2030, though that seems unlikely.",
                        "March 2030", "2030-03-01", "2030-03-31")
    assert unlikely["certainty"] == "speculative"


def test_no_doubt_and_a_later_unrelated_clause_leave_the_claim_as_it_was():
    planned = _release("Harbour Lights will premiere in March 2030, and the studio is pleased.",
                       "March 2030", "2030-03-01", "2030-03-31")
    assert planned["certainty"] == "expected"
    sure = _release("Harbour Lights will premiere in March 2030, no doubt about it.",
                    "March 2030", "2030-03-01", "2030-03-31")
    assert sure["certainty"] == "expected"
