"""Work and season detection (invented titles and names)."""
from scoop.extract.base import Document
from scoop.extract.works import find_works, main_work, subject_label, work_at

BODY = (
    "Streamflix’s The Midnight Archive Season 3 has begun filming in Busan.\n"
    "The first season of The Midnight Archive aired in 2021. Kim Ha-neul returns as the lead, "
    "and Park Do-yun (from “Harbor Lights”) joins the cast.\n"
    "The sequel is eyed for a 2026 release."
)
DOC = Document(source_id="s", body=BODY, title="The Midnight Archive Season 3: Everything We Know")


def test_find_works_titles_and_seasons():
    found = {(w.title, w.season) for w in find_works(DOC)}
    assert ("The Midnight Archive", 3) in found        # owner "Streamflix’s" stripped
    assert ("Harbor Lights", None) in found             # quoted / "(from X)" title
    for w in find_works(DOC):
        assert BODY[w.char_start:w.char_end].startswith(w.title.split()[0])


def test_main_work_prefers_headline():
    assert main_work(DOC) == ("The Midnight Archive", 3)


def test_work_at_resolves_context():
    assert work_at(DOC, BODY.index("aired")) == ("The Midnight Archive", 1)     # "the first season"
    assert work_at(DOC, BODY.index("sequel")) == ("The Midnight Archive", 3)    # the sequel -> main
    assert work_at(DOC, BODY.index("Harbor")) == ("Harbor Lights", None)


def test_title_case_variants_share_one_title_and_no_line_crossing():
    doc = Document("s", "Season Guide\nThe Midnight Archive season 2 is coming.\n"
                        "THE MIDNIGHT ARCHIVE Season 2 cast\nThe Midnight Archive Season 2 wraps.")
    titles = {w.title for w in find_works(doc)}
    assert "Season Guide" not in " ".join(titles)
    assert main_work(doc) == ("The Midnight Archive", 2)


def test_no_work():
    doc = Document("s", "A quiet week for television news.")
    assert find_works(doc) == [] and main_work(doc) == (None, None)
    assert subject_label(None, None) is None
    assert subject_label("The Midnight Archive", 2) == "The Midnight Archive Season 2"
