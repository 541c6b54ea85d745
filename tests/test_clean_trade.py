"""Scraped trade-press page text: each kind of clutter on invented pages, and the real dev pages."""
import json
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from scoop.clean import clean_article
from scoop.clean_trade import byline_date, clean_page, is_scraped_page, resume_after_headlines

TITLE = "Glass Harbor Renewed for Third Season at Northwind"
ARTICLE = ("Northwind has renewed the drama Glass Harbor for a third season, the network said on Tuesday. "
           "The series stars Odile Varga as a lighthouse keeper who keeps a ledger of ships that never arrive. "
           "Production on the new season begins in the fall in Halifax.")
MORE = ("Varga, who also produces, said the writers have mapped out the whole season. "
        "Showrunner Tomas Ebbe will return alongside producer Ilse Marr.")


def page(body: str) -> str:
    return f"{TITLE}\n\n{body}"


def deadline_style() -> str:
    return page(
        "Continue to Paperwire SKIP AD You will be redirected back to your article in seconds Skip to main content "
        "By Wren Haddock Wren Haddock Senior TV Editor @wrenh More Stories By Wren "
        "Quillon Studios Sets Lunar Heist Comedy With Pell Aston 'Copper Bay' Canceled After One Season "
        "View All June 3, 2026 9:15am Odile Varga in 'Glass Harbor' Marek Iles/Northwind "
        f"{ARTICLE} Related Stories News Brisk Lantern Names Hollis Vane Head Of Drama TV 'Salt Road' Star "
        f"Fenna Lusk Joins 'Iron Orchard' Season 2 {MORE} Watch on Deadline Doubtful Vane Deal Stalls Over Rights "
        "Pell Aston To Lead 'Night Ferry' Remake Read More About: 4 Comments")


def variety_style() -> str:
    return page(
        "Jun 3, 2026 9:15am PT Glass Harbor Renewed By Corin Tave Plus Icon Corin Tave Latest "
        "Pell Aston Boards Desert Western 'Dry Creek' (EXCLUSIV E) 3 hours ago Copper Bay Finale Draws "
        f"Record Audience 9 hours ago See All Getty Images EXCLUSIV E: {ARTICLE} Related Stories "
        f"Hollis Vane Exits Brisk Lantern After Decade 'Salt Road' Review: A Grim Journey Worth Taking {MORE} "
        "Popular on Variety The show is produced by Gullwing Pictures. Fenna Lusk Signs With Tall Agency "
        "Iron Orchard Sets Premiere Date Loading comments... More From Our Brands Rolling Stone Pell Aston "
        "Tours Again Robb Report A Lake House For Sale")


def test_deadline_page_loses_every_clutter_block():
    body = clean_page(deadline_style())
    for gone in ("SKIP AD", "Skip to main content", "Senior TV Editor", "More Stories By", "Quillon",
                 "View All", "Marek Iles", "Related Stories", "Hollis Vane", "Fenna Lusk", "Watch on",
                 "Doubtful", "Night Ferry", "Read More About", "Comments"):
        assert gone not in body, gone
    for kept in ("By Wren Haddock", "June 3, 2026 9:15am", "Odile Varga in 'Glass Harbor'", ARTICLE, MORE):
        assert " ".join(kept.split()) in " ".join(body.split()), kept


def test_variety_page_loses_latest_list_related_and_brands():
    body = clean_page(variety_style())
    for gone in ("Plus Icon", "Latest", "hours ago", "See All", "Getty Images", "Related Stories",
                 "Hollis Vane", "Worth Taking", "Popular on", "Tall Agency", "Loading comments",
                 "More From Our Brands", "Lake House"):
        assert gone not in body, gone
    flat = " ".join(body.split())
    assert "By Corin Tave" in flat and "Jun 3, 2026 9:15am PT" in flat
    assert "EXCLUSIVE: Northwind has renewed" in flat           # the split word is joined again
    assert ARTICLE[len("Northwind"):] in flat and MORE in flat
    assert "The show is produced by Gullwing Pictures." in flat


def test_removed_blocks_end_paragraphs():
    body = clean_page(deadline_style())
    assert "By Wren Haddock\n" in body                     # no sentence runs from the byline into the text
    assert "\n\nVarga, who also produces" in body          # related block gone, paragraph kept apart


def test_related_block_resumes_at_a_quoted_title_sentence():
    text = ("Related Stories Harbor Lights Sets Cast For Winter Run Quiet Fields Gets Early Renewal "
            "“Salt and Ember” follows two sisters who inherit a failing vineyard.")
    start = resume_after_headlines(text, len("Related Stories"))
    assert text[start:].startswith("“Salt and Ember” follows")


def test_byline_date_read_from_the_page():
    for stamp, day in (("June 3, 2026 9:15am", date(2026, 6, 3)), ("Mar 3, 2026 3:30pm PT", date(2026, 3, 3)),
                       ("Sept 14, 2026 11:00 p.m.", date(2026, 9, 14))):
        found = byline_date(f"Skip to main content By Ann Lee Ann Lee View All {stamp} Text.")
        assert found is not None and found.day == day and found.text.startswith(stamp.split()[0])


def test_clean_article_uses_the_byline_date_and_author():
    a = clean_article(deadline_style())
    assert a.published_on == date(2026, 6, 3) and a.published_on_basis == "byline"
    assert a.author == "Wren Haddock"
    assert a.title == TITLE
    assert "Related Stories" not in a.body and "Hollis Vane" not in a.body


def test_header_date_still_wins_over_the_byline():
    a = clean_article(" date 2026-06-04 " + variety_style())
    assert a.published_on == date(2026, 6, 4) and a.published_on_basis == "header"


def test_ordinary_article_is_untouched():
    text = (f"{TITLE}\n\nBy Mina Sorel\n\n{ARTICLE}\n\nRelated reading: the network's schedule.\n\n{MORE}\n")
    assert not is_scraped_page(text)
    assert clean_article(text).body == clean_article(text).body.strip()
    assert ARTICLE in clean_article(text).body and MORE in clean_article(text).body
    long_line = " ".join([ARTICLE] * 10)        # a long paragraph alone is not a scraped page
    assert not is_scraped_page(long_line)


def test_repeated_headline_in_the_page_is_dropped_once():
    body = clean_page(page(f"Jun 3, 2026 9:15am PT {TITLE} By Corin Tave Plus Icon Corin Tave View All {ARTICLE}"))
    assert body.count(TITLE) == 1


SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.skipif(not (SHARED / "gold-dev").is_dir(), reason="../shared (gold-dev, corpus/trade-dev) not present")
def test_trade_dev_gold_quotes_survive_and_clutter_is_gone():
    from scoop.evaluation.gold import locate

    golds = sorted((SHARED / "gold-dev").glob("tdev-*.json"))
    assert golds, "no tdev gold files"
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        body = clean_article((SHARED / "corpus" / gold["corpus_file"]).read_text(encoding="utf-8")).body
        for kind, field in (("roles", "evidence"), ("claims", "evidence"), ("dates", "text")):
            for row in gold.get(kind, []):
                quote = unicodedata.normalize("NFC", row[field])     # bodies are NFC (scoop.clean)
                assert locate(body, quote) is not None, (path.name, kind, quote[:60])
        for marker in ("Related Stories", "Skip to main content", "Plus Icon", "More Stories By", "See All",
                       "View All", "Loading comments", "More From Our Brands", "Read More About", "SKIP AD"):
            assert marker not in body, (path.name, marker)
