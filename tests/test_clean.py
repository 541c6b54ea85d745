"""Each raw-file convention, one small inline article at a time."""
from datetime import date

import pytest

from scoop.clean import clean_article, is_tag_run, looks_like_title, publisher_from_author


def test_header_line_with_title():
    a = clean_article(" date 2026-01-10 The Midnight Archive Season 3: Cast and Release Date\nBody text here.\n")
    assert a.published_on == date(2026, 1, 10) and a.published_on_basis == "header"
    assert a.title == "The Midnight Archive Season 3: Cast and Release Date"
    assert a.body.startswith("The Midnight Archive Season 3")     # headlines stay: claims cite them
    assert "date 2026" not in a.body


def test_header_line_with_first_words_is_body_not_title():
    a = clean_article(" date 2025-04-18 Plenty of shows are coming back. This one took years. Fans waited.\n\nMore.")
    assert a.title is None
    assert a.body.startswith("Plenty of shows are coming back.")


def test_impossible_header_date_is_noted_and_ignored():
    a = clean_article(" date 2025-13-45 Some Headline Here\nPublished: March 3, 2025 10:00 IST\nText.")
    assert any("not a valid date" in n for n in a.notes)
    assert a.published_on == date(2025, 3, 3) and a.published_on_basis == "byline"


def test_no_date_line_infers_from_latest_full_date():
    a = clean_article("The studio confirmed on March 4, 2024 that filming began. On June 2, 2024 it wrapped.")
    assert a.published_on == date(2024, 6, 2) and a.published_on_basis == "inferred"


def test_no_date_at_all_is_unknown():
    a = clean_article("A story with no dates in it at all.")
    assert a.published_on is None and a.published_on_basis == "unknown"


@pytest.mark.parametrize("line, author", [
    ("Published By: Hana Okafor", "Hana Okafor"),
    ("By Desk Reporter Team", "Desk Reporter Team"),
    ("Written by: Mina Park | Updated", "Mina Park"),
])
def test_bylines(line, author):
    a = clean_article(f"Headline Of The Day\n\n{line}\nThe text of the article.")
    assert a.author == author
    assert line.split("|")[0].strip() in a.body          # journalist roles cite the byline


def test_published_line_with_time_and_zone():
    a = clean_article("Headline\nPublished : January 10, 2026 at 3:44 PM IST\nText.")
    assert a.published_on == date(2026, 1, 10) and a.published_on_basis == "byline"


def test_breadcrumb_gives_title_and_is_removed():
    a = clean_article(" date 2025-07-23 Advertisement\nHome > Entertainment > Big Show Returns: What We Know\n\n"
                      "Big Show Returns: What We Know\n\nThe show returns.")
    assert a.title == "Big Show Returns: What We Know"
    assert "Home >" not in a.body and "Advertisement" not in a.body


def test_entities_decoded_and_glued_sentences_split():
    a = clean_article("She said &quot;yes&quot; &amp; left.They waved.&quot;Bye,&quot; he said.Then rain.")
    assert '"yes" & left. They waved.' in a.body
    assert "he said. Then rain." in a.body


def test_abbreviations_not_split():
    a = clean_article("He moved to St.Louis and then the U.S.A in 2020.")
    assert "St.Louis" in a.body and "U.S.A" in a.body


def test_repeated_caption_and_tag_run_removed():
    a = clean_article("Title Line\n\nCaption here\nCaption here\n\nText of the story.\n\nzombie showsKorean dramanetflix\n")
    assert a.body.count("Caption here") == 1
    assert not a.body.rstrip().endswith("netflix")


def test_tag_run_detection():
    assert is_tag_run("all of us are deadKorean dramanetflix")
    assert is_tag_run("Tags: drama, thriller")
    assert not is_tag_run("The show streams on Netflix.")
    assert not is_tag_run("Why the Wait Was Worth It")


def test_title_shape():
    assert looks_like_title("Gallery unveils interactive tree")
    assert not looks_like_title("One sentence here. And another one follows.")


@pytest.mark.parametrize("author, outlet", [
    ("Daily Planet Entertainment Team", "Daily Planet"), ("Metro News Desk", "Metro"),
    ("Hana Okafor", None), (None, None)])
def test_publisher_from_team_byline(author, outlet):
    assert publisher_from_author(author) == outlet


def test_publisher_from_signoff():
    a = clean_article("Text of the story.\n\nStay tuned to Screen Rant Weekly for more!")
    assert a.publisher == "Screen Rant Weekly"


def test_headline_after_a_published_line_is_the_title():
    art = clean_article("Published: April 2, 2026 09:30 EST\nNight Archive season 3 slips to 2027\n"
                        "Fans will wait longer. Filming moved to September.\n")
    assert art.title == "Night Archive season 3 slips to 2027"
    assert (art.published_on.isoformat(), art.published_on_basis) == ("2026-04-02", "byline")
    # a byline followed straight by prose: no title
    assert clean_article("By Ana Ruiz\nThe studio said on Monday that filming moved. It starts soon.\n"
                         "More text follows here.").title is None


def test_an_inferred_publication_day_says_how_sure_it_is():
    a = clean_article("Film news\nThe film opened on Monday, March 2, 2026, in London, the studio said.")
    assert a.published_on_basis == "inferred"
    assert any("confidence" in n for n in a.notes)
    b = clean_article("Film news\nThe film will open in cinemas on May 5, 2031.")
    assert b.published_on is None and b.published_on_basis == "unknown"
    assert any("no publication day inferred" in n for n in b.notes)
