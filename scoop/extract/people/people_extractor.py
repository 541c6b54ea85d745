"""The people extractor: one article's mention and role rows, and the plug-in that runs spaCy per batch."""
from __future__ import annotations

from typing import Mapping, Sequence

import polars as pl

from scoop.contract import polars_schema
from scoop.extract.base import Document
from scoop.extract.works import find_works, work_at
from scoop.ids import stable_id
from scoop.extract.people.person_cues import SCREEN_CONTEXT_RE
from scoop.extract.people.document import _Doc, split_sentences
from scoop.extract.people.names import _entities, _label_votes, _norm
from scoop.extract.people.mentions import _add_repeats, _collect_mentions
from scoop.extract.people.characters import (_Role, _cast_list_names, _decide_kinds, _find_character_bindings,
                                             _paren_pairs, _possessive_pairs)
from scoop.extract.people.role_rows import _assign_status, _dedupe_roles, _journalist, _roles_for

# ================================================================== public API

def extract_people_parsed(doc: Document, spacy_doc) -> tuple[list[dict], list[dict]]:
    """``extract_people`` for an article spaCy has already parsed (NER is all it needs)."""
    return extract_people_from_entities(doc, _entities(spacy_doc))


def extract_people_from_entities(doc: Document, ents: list[tuple[int, int, str]]) -> tuple[list[dict], list[dict]]:
    """``extract_people`` given the article's named entities, ``(start_char, end_char, label)`` in order."""
    body = doc.body
    st = _Doc(doc, body, split_sentences(body), _label_votes(body, ents), bool(SCREEN_CONTEXT_RE.search(body)))
    _collect_mentions(st, ents)
    _add_repeats(st)
    journalist = _journalist(st)
    bindings = _find_character_bindings(st)
    parens = _paren_pairs(st)
    possessives = _possessive_pairs(st)
    cast_lists, cast_names = _cast_list_names(st, with_status_subjects=False)
    pairs = _decide_kinds(st, bindings, parens, possessives, cast_names)
    cast_lists, _ = _cast_list_names(st)  # again, now that characters are known
    roles = _roles_for(st, pairs, cast_lists)
    roles = [r for r in roles if r.person and _norm(r.person) not in st.fictional or _norm(r.person) in st.real]
    _assign_status(st, roles, cast_lists)
    roles = _dedupe_roles(journalist + roles)
    works = find_works(doc) if roles else []   # once per article, not per role
    work_of: dict[int, tuple[str | None, int | None]] = {}   # roles of one sentence share an offset
    for r in roles:
        if r.work is None and r.role != "journalist":
            # the sentence's context, not a title named inside it ("A (from Other Show)")
            if r.start not in work_of:
                work_of[r.start] = work_at(doc, r.start, works)
            r.work, r.season = work_of[r.start]
    return _mention_rows(st), _role_rows(doc, roles)


def _mention_rows(st: _Doc) -> list[dict]:
    sid = st.doc.source_id
    return [
        {"source_id": sid, "mention_id": stable_id(sid, "mention", m.start, m.end),
         "name": m.name or m.text, "text": m.text, "char_start": m.start, "char_end": m.end,
         "kind": m.kind}
        for m in st.mentions
    ]


def _role_rows(doc: Document, roles: list[_Role]) -> list[dict]:
    sid = doc.source_id
    rows = []
    for r in roles:
        work = r.work if r.role != "journalist" else (doc.title or None)
        rows.append({
            "role_id": stable_id(sid, "role", r.person, r.role, r.character, work),
            "source_id": sid, "person_name": r.person, "role": r.role,
            "character_name": r.character, "work": work,
            # a creator or a source's author made the whole show, not one season of it
            "season": getattr(r, "season", None) if not r.other_work and r.role not in SERIES_ROLES else None,
            "status": r.status if r.role in ("actor", "writer", "director", "creator") else None,
            "char_start": r.start, "char_end": r.end,
        })
    return rows


def extract_people(doc: Document) -> tuple[list[dict], list[dict]]:
    """(mentions, roles) for one article; see the module docstring."""
    from scoop.nlp import entities

    return extract_people_from_entities(doc, entities([doc.body])[0])


SERIES_ROLES = frozenset({"creator", "author_original"})
# person_id is filled by cross-article resolution, at load time
MENTIONS_SCHEMA: dict[str, pl.DataType] = polars_schema("mentions", drop=("person_id",))
ROLES_SCHEMA: dict[str, pl.DataType] = polars_schema("roles")


class PeopleExtractor:
    """Extractor plug-in: people mentions and roles for a batch of articles."""

    name = "people"
    version = "0.5.0"
    tables = ("mentions", "roles")
    needs: tuple[str, ...] = ()

    def __init__(self, n_process: int = 1, batch_size: int = 256):
        self.n_process = n_process
        self.batch_size = batch_size

    def warm_up(self) -> None:
        """Load spaCy's NER now (a worker process calls this as it starts), not in the first batch."""
        from scoop.nlp import load_ner

        load_ner()

    # a longer body is read in pieces of about this many characters, cut at paragraph or sentence ends:
    # spaCy's memory and the per-article voting and scanning above grow faster than the text
    # (400K characters in one piece: 14 s and 1.4 GB; 1.9 MB: minutes and gigabytes)
    CHUNK_CHARS = 20_000

    @classmethod
    def _chunks(cls, body: str) -> list[tuple[int, str]]:
        """``(offset, text)`` pieces of ``body``, each at most ``CHUNK_CHARS`` long unless one word is longer."""
        if len(body) <= cls.CHUNK_CHARS:
            return [(0, body)]
        pieces, start = [], 0
        while start < len(body):
            end = min(start + cls.CHUNK_CHARS, len(body))
            if end < len(body):
                window = body[start + cls.CHUNK_CHARS // 2:end]   # never a piece under half the size
                for sep in ("\n\n", "\n", ". ", " "):
                    cut = window.rfind(sep)
                    if cut >= 0:
                        end = start + cls.CHUNK_CHARS // 2 + cut + len(sep)
                        break
            pieces.append((start, body[start:end]))
            start = end
        return pieces

    def extract(self, docs: Sequence[Document], context: Mapping[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
        """Mentions and roles of every article; a long one piece by piece (linear time and memory).

        A piece is read as an article of its own (its own votes and works), then its offsets are
        moved back into the whole body; ``mention_id`` is made from the whole-body offsets.
        """
        from dataclasses import replace

        from scoop.nlp import entities

        mentions: list[dict] = []
        roles: list[dict] = []
        pieces = [(doc, offset, replace(doc, body=text) if offset or len(text) < len(doc.body) else doc)
                  for doc in docs for offset, text in self._chunks(doc.body)]
        # NER over the stretches of every piece that can hold a name, all in one nlp.pipe
        found = entities([p.body for _, _, p in pieces], batch_size=self.batch_size, n_process=self.n_process)
        for (doc, offset, piece), ents in zip(pieces, found):
            m, r = extract_people_from_entities(piece, ents)
            if offset:
                m = [{**row, "char_start": row["char_start"] + offset, "char_end": row["char_end"] + offset,
                      "mention_id": stable_id(doc.source_id, "mention", row["char_start"] + offset,
                                              row["char_end"] + offset)} for row in m]
                r = [{**row, "char_start": row["char_start"] + offset, "char_end": row["char_end"] + offset}
                     for row in r]
            mentions += m
            roles += [{**row, "person_id": None, "character_id": None} for row in r]
        return {"mentions": pl.DataFrame(mentions, schema=MENTIONS_SCHEMA),
                # the same role stated twice in one article is one role: keep the first evidence
                "roles": pl.DataFrame(roles, schema=ROLES_SCHEMA).unique("role_id", keep="first",
                                                                         maintain_order=True)}
