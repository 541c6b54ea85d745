"""A long article is read in pieces: offsets point into the whole body, ids stay unique, work stays linear."""
from __future__ import annotations

from scoop.extract.base import Document
from scoop.extract.people import PeopleExtractor

NAMES = ["Alice Walker", "Brian Cox", "Carla Bruni", "Dmitri Ivanov", "Elena Ferrante", "Farid Haddad",
         "Greta Gerwig", "Hiro Tanaka", "Ines Moreno", "Jonas Berg"]


def _paragraph(i: int) -> str:
    name = NAMES[i % len(NAMES)]
    return (f"Story {i}. {name} said on Tuesday that the production would move to a new studio. "
            f"\"We are thrilled,\" {name.split()[0]} told reporters, adding that the crew of {i + 20} "
            f"people had worked through the winter. The director, {name}, plans a second season.")


def _long_body(chars: int) -> str:
    parts, i = [], 0
    while sum(len(p) + 2 for p in parts) < chars:
        parts.append(_paragraph(i))
        i += 1
    return "\n\n".join(parts)


def test_pieces_cover_the_body_at_paragraph_ends():
    body = _long_body(70_000)
    pieces = PeopleExtractor._chunks(body)
    assert len(pieces) >= 4
    assert "".join(text for _, text in pieces) == body
    for offset, text in pieces:
        assert body[offset:offset + len(text)] == text
        assert len(text) <= PeopleExtractor.CHUNK_CHARS
    assert all(text.endswith("\n\n") for _, text in pieces[:-1])
    assert PeopleExtractor._chunks("short") == [(0, "short")]
    unbroken = "x" * 45_000          # no place to cut: still pieces of at most CHUNK_CHARS
    assert [len(t) for _, t in PeopleExtractor._chunks(unbroken)] == [20_000, 20_000, 5_000]


def test_long_article_offsets_and_ids():
    body = _long_body(50_000)
    doc = Document(source_id="long", body=body, title="Long story")
    out = PeopleExtractor().extract([doc], {})
    mentions = out["mentions"]
    assert mentions.height > 50
    assert mentions["mention_id"].n_unique() == mentions.height
    for row in mentions.iter_rows(named=True):
        assert body[row["char_start"]:row["char_end"]] == row["text"]
    assert mentions["char_start"].max() > 40_000            # the last piece is read too
    for row in out["roles"].iter_rows(named=True):
        assert 0 <= row["char_start"] <= row["char_end"] <= len(body)
    # a piece gives the same mentions as the same text read as an article of its own
    offset, text = PeopleExtractor._chunks(body)[1]
    alone = PeopleExtractor().extract([Document(source_id="long", body=text, title="Long story")], {})["mentions"]
    shifted = mentions.filter((mentions["char_start"] >= offset) & (mentions["char_end"] <= offset + len(text)))
    assert [s - offset for s in shifted["char_start"]] == alone["char_start"].to_list()


def test_short_articles_are_read_whole():
    doc = Document(source_id="s", body=_paragraph(3), title="Short")
    assert PeopleExtractor._chunks(doc.body) == [(0, doc.body)]
    mentions = PeopleExtractor().extract([doc], {})["mentions"]
    assert "Dmitri Ivanov" in mentions["name"].to_list()
