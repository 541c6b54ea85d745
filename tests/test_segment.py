"""Sentence and clause segmentation of scraped news text."""
import pytest

from scoop.extract.segment import clauses, sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("Filming began in May. The cast returns.", ["Filming began in May.", "The cast returns."]),
    # glued after markup was stripped
    ("They read their pages.A new addition joined.", ["They read their pages.", "A new addition joined."]),
    ("Season 3 begins filming with fresh additionsIn the new season, Kim Ha-neul leads.",
     ["Season 3 begins filming with fresh additions", "In the new season, Kim Ha-neul leads."]),
    # headline lines without punctuation
    ("The Midnight Archive Season 3 Release Date\nThe show returns in 2026.",
     ["The Midnight Archive Season 3 Release Date", "The show returns in 2026."]),
    # abbreviations, initials and decimals do not end a sentence
    ("Dr. Han met J. K. Lee in the U.S. on Monday. It drew 474.26 million hours.",
     ["Dr. Han met J. K. Lee in the U.S. on Monday.", "It drew 474.26 million hours."]),
    # a closing quote stays with its sentence
    ("“It is bigger,” the director said. Fans cheered.", ["“It is bigger,” the director said.", "Fans cheered."]),
    # bullets are stripped
    ("- Kim Ha-neul returns\n• Park Do-yun joins", ["Kim Ha-neul returns", "Park Do-yun joins"]),
    ("YouTube and DreamWorks stay whole.", ["YouTube and DreamWorks stay whole."]),
    # a month abbreviation ends a sentence unless a day follows
    ("It opens Dec. 5 in cinemas. Hosts Ant and Dec. Kim left.",
     ["It opens Dec. 5 in cinemas.", "Hosts Ant and Dec.", "Kim left."]),
    # a caption's bracket glued to the next sentence
    ("A still from season 1 (Image via Streamflix)Now, the second season picks up.",
     ["A still from season 1 (Image via Streamflix)", "Now, the second season picks up."]),
])
def test_sentences(text, expected):
    assert split(text) == expected


def test_spans_index_the_text():
    text = "  One here.  Two there!\n\nThree?  "
    for s, e in sentences(text):
        assert text[s:e].strip() == text[s:e] and text[s:e]


def test_clauses_split_fronted_and_coordinated_parts():
    text = "Although the studio hasn't announced a date, reports suggest it might arrive in 2026."
    parts = [text[s:e] for s, e in clauses(text, 0, len(text))]
    assert parts == ["Although the studio hasn't announced a date,", "reports suggest it might arrive in 2026."]
    text = "Filming began July 2, 2025, with a release eyed for late 2026."
    parts = [text[s:e] for s, e in clauses(text, 0, len(text))]
    assert parts[-1] == "with a release eyed for late 2026."


def _clauses(text: str) -> list[str]:
    return [text[s:e] for s, e in clauses(text, 0, len(text))]


def test_parenthetical_clauses_end_at_their_comma():
    text = "There is speculation that Kim Ha-neul, who plays Yoon Mi-rae, may have finished filming."
    assert _clauses(text) == ["There is speculation that Kim Ha-neul,", "who plays Yoon Mi-rae,",
                              "may have finished filming."]
    text = "Directed by Lee Joon-ho, with Park Do-yun returning as writer, the season is expected to be darker."
    assert _clauses(text) == ["Directed by Lee Joon-ho,", "with Park Do-yun returning as writer,",
                              "the season is expected to be darker."]
    # the comma of a date does not close a clause
    text = "Filming began July 23, 2025, with a release eyed for late 2026."
    assert _clauses(text)[-1] == "with a release eyed for late 2026."


def test_but_before_a_second_predicate_and_no_cut_inside_brackets():
    text = "Production was initially set to begin last year but was delayed until this year."
    assert _clauses(text) == ["Production was initially set to begin last year",
                              "but was delayed until this year."]
    text = "New faces: Kim Ha-neul, Park Do-yun (wait, no – that's the one who left; my mistake) and Choi Seo-ah."
    assert _clauses(text) == [text]


def test_sentences_of_the_same_text_come_from_the_cache_and_a_callers_change_stays_its_own():
    from scoop.extract.segment import _sentences, sentences

    text = "Ann Lee joins the cast. Filming starts in May.\nA headline"
    first = sentences(text)
    hits = _sentences.cache_info().hits
    first.append((0, 1))                      # a caller may change its list
    assert sentences(text) == [(0, 23), (24, 46), (47, 57)]
    assert _sentences.cache_info().hits == hits + 1
