"""Work and season detection (invented titles and names)."""
import pytest

from scoop.extract.base import Document
from scoop.extract.works import find_works, main_work, resolve_with_basis, subject_label, work_at

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


def test_credit_asides_are_marked_and_skipped_for_subjects():
    body = "A wave of fresh blood: Kim Ha-neul (from “Harbor Lights”) and Park Do-yun (Night Shift alum) join."
    doc = Document("s", body, title="The Midnight Archive Season 3 Cast")
    found = {w.title: w.aside for w in find_works(doc)}
    assert found == {"Harbor Lights": True, "Night Shift": True}
    title, season, basis = resolve_with_basis(body, 0, len(body), find_works(doc), "The Midnight Archive", 3,
                                              offset=0, skip_asides=True)
    assert (title, season, basis) == ("The Midnight Archive", 3, "main")


def test_resolve_with_basis_says_how_the_season_was_decided():
    mentions = find_works(DOC)
    first = BODY.index("The first season")
    end = BODY.index("\n", first)
    assert resolve_with_basis(BODY, first, end, mentions, "The Midnight Archive", 3)[1:] == (1, "mention")
    line = "The first season aired in 2021."
    assert resolve_with_basis(line, 0, len(line), [], "The Midnight Archive", 3)[1:] == (1, "wording")
    sequel = BODY.index("The sequel")
    assert resolve_with_basis(BODY, sequel, len(BODY), mentions, "The Midnight Archive", 3) == \
        ("The Midnight Archive", 3, "main")
    line = "Kim Ha-neul returns in Season 3 of The Midnight Archive."
    doc = Document("t", line)
    assert resolve_with_basis(line, 0, len(line), find_works(doc), None, None)[1:] == (3, "mention")
    # "from Season 1" says where they come from, not what the sentence is about
    line = "The main cast from Season 1 will return."
    assert resolve_with_basis(line, 0, len(line), [], "The Midnight Archive", 3) == \
        ("The Midnight Archive", 3, "main")


def test_straight_quoted_titles_and_renewals():
    doc = Document("s", "'Glass Harbor' Season 3: Everything We Know\n"
                        "Streamflix renewed Glass Harbor for a third season. It's the show's 'big year'.",
                   title="'Glass Harbor' Season 3: Everything We Know")
    found = {(w.title, w.season) for w in find_works(doc)}
    assert ("Glass Harbor", 3) in found
    assert main_work(doc) == ("Glass Harbor", 3)
    body = doc.body
    renewal = [w for w in find_works(doc) if w.char_start > body.index("renewed")]
    assert renewal[0].season == 3                       # "renewed X for a third season"
    assert not any("big" in w.title.lower() for w in find_works(doc))   # lower-case quote is no title
    # an apostrophe never opens a quoted title
    doc = Document("s", "The cast's 'Night Shift' reunion and rock 'n' Roll Hall talk.")
    assert {w.title for w in find_works(doc)} == {"Night Shift"}


def test_a_past_credit_is_an_aside_and_not_the_roles_work():
    from scoop.extract.works import find_works, work_at

    body = ("Harbor Lights Season 2 adds cast\n"
            "The new season of Harbor Lights adds Tessa Orin, an alum of Cedar Point, to its cast.")
    doc = Document("w", body, title="Harbor Lights Season 2 adds cast")
    works = find_works(doc)
    cedar = [w for w in works if w.title == "Cedar Point"]
    assert cedar and all(w.aside for w in cedar)
    title, _ = work_at(doc, body.index("Tessa Orin"), works)
    assert title == "Harbor Lights"


def test_works_of_the_same_text_come_from_the_cache_and_a_callers_change_stays_its_own():
    from scoop.extract.base import Document
    from scoop.extract.works import _works_in, find_works

    doc = Document("s1", 'The second season of "The Long Night" starts filming in May.')
    first = find_works(doc)
    assert first
    hits = _works_in.cache_info().hits
    first.clear()
    assert find_works(Document("s2", doc.body)) and _works_in.cache_info().hits == hits + 1


def _naive_occurrences(title, text):
    import re
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, title.split())) + r"(?!\w)", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("title, text", [
    ("Ha Ha", "Ha Ha Ha ha ha, HA-HA and aha ha"),           # overlapping: finditer's non-overlapping matches
    ("The Crown", "the crown; The  Crown's fourth season; Crownless; THE\nCROWN"),
    ("Élite", "Élite, ÉLITE and élite"),                      # a non-ASCII first word: the whole scan
    ("Bridgerton", "BR\u0130DGERTON and Br\u0131dgerton"),        # the characters re folds to an ASCII i
    ("Squid Game", "No title here at all"),
])
def test_occurrences_are_what_finditer_of_the_title_pattern_gives(title, text):
    from scoop.extract.prefilter import fold
    from scoop.extract.works import _occurrences

    assert list(_occurrences(title, text, fold(text))) == _naive_occurrences(title, text)


def test_cover_says_whether_an_offset_is_inside_any_span():
    import random

    from scoop.extract.works import _Cover

    rng = random.Random(7)
    spans = {(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 200) for _ in range(40))}
    inside = _Cover(spans)
    for offset in range(-2, 240):
        assert inside(offset) == any(s <= offset < e for s, e in spans)
    assert not _Cover([])(5)
