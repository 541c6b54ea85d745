"""NER only where it can find something: which words open a window, the windows, entities mapped back."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from scoop.nlp import _WORD_RE, _window_entities, entities, load_ner, name_words, ner_windows


def _names(text: str) -> list[str]:
    spans = [m.span() for m in _WORD_RE.finditer(text)]
    return [text[slice(*spans[i])] for i in name_words(text, spans)]


def test_capitalised_words_open_windows_but_not_sentence_words_or_i():
    text = "The show was renewed. But I think Ann Lee and the BBC knew.\n“It was fun,” said eBay."
    assert _names(text) == ["Ann", "Lee", "BBC", "eBay."]


def test_a_capitalised_stop_word_inside_a_sentence_counts():
    # "US" and "May" are stop words in lower case; mid-sentence they are names
    assert _names("sales in the US rose, said Theresa May") == ["US", "Theresa", "May"]


def test_a_name_that_opens_a_sentence_counts():
    assert _names("Lee said so. Netflix agreed.") == ["Lee", "Netflix"]


def test_rows_of_figures_are_skipped():
    text = "Profits at Acme rose.\nRevenue 1,204 1,310 9.5% 4\nQ3 2004 £12m 14 15\nThe end"
    assert _names(text) == ["Profits", "Acme"]


def test_windows_keep_context_words_either_side_and_merge():
    text = "one two three four five Alpha six seven eight nine ten eleven twelve Beta x y"
    assert [text[s:e] for s, e in ner_windows(text, 2)] == ["four five Alpha six seven", "eleven twelve Beta x y"]
    assert [text[s:e] for s, e in ner_windows(text, 3)] == ["three four five Alpha six seven eight",
                                                            "ten eleven twelve Beta x y"]
    assert [text[s:e] for s, e in ner_windows(text, 4)] == [text[text.index("two"):]]


def test_windows_are_cut_at_whitespace_and_a_lower_case_text_has_none():
    text = "it rained, and nothing else happened here.\nThen Kim Ha-neul (pictured) arrived."
    for s, e in ner_windows(text):
        assert (s == 0 or text[s - 1].isspace()) and (e == len(text) or text[e].isspace())
    assert ner_windows("no capital letter here, none at all.") == []


@dataclass
class _Tok:
    text: str
    idx: int


@dataclass
class _Ent:
    start: int
    end: int
    end_char: int
    label_: str


class _FakeDoc(list):
    def __init__(self, words: list[str], ents: list[_Ent]):
        pos, toks = 0, []
        for w in words:
            toks.append(_Tok(w, pos))
            pos += len(w) + 1
        super().__init__(toks)
        self.ents = ents


def test_an_entity_in_a_windows_leading_context_starts_at_its_capital():
    doc = _FakeDoc(["theatre", "-", "Ann", "Lee", "for", "Othello"],
                   [_Ent(0, 4, 17, "PERSON"), _Ent(5, 6, 29, "WORK_OF_ART")])
    assert _window_entities(doc, 100) == [(110, 117, "PERSON"), (122, 129, "WORK_OF_ART")]
    # at the text's start there is no cut-off context: the entity stays as the model found it
    assert _window_entities(doc, 0)[0] == (0, 17, "PERSON")
    lower_only = _FakeDoc(["last", "year", "Ann"], [_Ent(0, 2, 9, "DATE")])
    assert _window_entities(lower_only, 5) == []


@pytest.fixture(scope="module")
def nlp():
    return load_ner()


def test_entities_map_back_to_the_whole_text(nlp):
    text = ("the weather was poor all week and nobody went out much at all.\n\n"
            "Director Ann Lee said on Tuesday that the actor Tom Baker would join the cast, "
            "and filming would start in London.")
    found = entities([text, "nothing to see here."], nlp=nlp)
    people = [text[s:e] for s, e, label in found[0] if label == "PERSON"]
    assert "Ann Lee" in people and "Tom Baker" in people
    assert found[1] == []
    assert all(text[s:e] == text[s:e].strip() and e > s for s, e, _ in found[0])


def test_windowed_people_are_the_whole_text_people(nlp):
    text = ("A new drama from the BBC follows two sisters. It stars Olivia Colman and Jodie Comer, "
            "and it was written by Phoebe Waller-Bridge, who said the story had taken years. "
            "Filming began in the spring and went on for many months in the north of the country. "
            "Producer Jane Featherstone said the show would air next year on the channel.")
    whole = {(e.start_char, e.end_char) for e in nlp(text).ents if e.label_ == "PERSON"}
    windowed = {(s, e) for s, e, label in entities([text], nlp=nlp)[0] if label == "PERSON"}
    assert windowed == whole
    assert len(whole) >= 3


def test_entities_forget_the_words_they_met(nlp):
    # a worker reads article after article: words new to the model must not pile up in its vocabulary
    text = "Director Zorblax Quintavelle said Ann Lee met Vrooktan Feldmoss in Xyloquarry on Tuesday."
    before = len(nlp.vocab.strings)
    first = entities([text], nlp=nlp)
    assert len(nlp.vocab.strings) == before
    assert entities([text], nlp=nlp) == first
    people = [text[s:e] for s, e, label in first[0] if label == "PERSON"]
    assert people
