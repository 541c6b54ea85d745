"""The trained claim models: features, training on a tiny invented fixture, persistence, and where they add claims."""
from __future__ import annotations

import pytest

from scoop.extract.base import Document
from scoop.extract.claims import ClaimsExtractor, extract_claims
from scoop.extract.claims import model as M
from scoop.extract.claims.combine import model_decisions, real_persons
from scoop.extract.claims.features import SentenceContext, person_features, sentence_features, shape_tokens
from scoop.extract.claims.training import sentence_labels, train_models


def _person(text: str, name: str, kind: str = "real") -> dict:
    start = text.index(name)
    return {"name": name, "text": name, "char_start": start, "char_end": start + len(name), "kind": kind}


def test_shape_tokens_generalise_people_dates_and_quantities():
    text = "Mara Velt plays Captain Oro in the film, out in March 2031 with 12 episodes."
    dates = [{"char_start": text.index("March 2031"), "char_end": text.index("March 2031") + 10, "timex_type": "DATE"}]
    qty = [{"char_start": text.index("12 episodes"), "char_end": text.index("12 episodes") + 11,
            "value_unit": "episodes"}]
    ctx = SentenceContext(0, len(text), 0, [_person(text, "Mara Velt"), _person(text, "Captain Oro", "fictional")],
                          dates, qty)
    tokens = shape_tokens(text, ctx)
    assert tokens[:4] == ["PERSON", "plays", "CHARACTER", "in"]
    assert "DATE" in tokens and "QTY_episodes" in tokens
    assert "mara" not in tokens and "march" not in tokens
    feats = sentence_features(text, ctx)
    assert "b:PERSON_plays" in feats and "has:character" in feats and "pos:headline" in feats


def test_person_features_look_at_the_words_around_the_name():
    text = "The film is directed by Ilse Marrow and stars Tomas Quill."
    ctx = SentenceContext(0, len(text), 3, [_person(text, "Ilse Marrow"), _person(text, "Tomas Quill")])
    ilse = person_features(text, ctx, ctx.persons[0], [])
    tomas = person_features(text, ctx, ctx.persons[1], [])
    assert "l1:by" in ilse and "l2:directed" in ilse
    assert "l1:stars" in tomas and "l1:by" not in tomas
    assert len(real_persons(ctx)) == 2


def test_sentence_labels_follow_gold_evidence():
    body = "Headline here\nThe show returns in May. It stars Ana Roe."
    spans = [(0, 13), (14, 38), (39, 55)]
    gold = [{"claim_type": "release", "evidence": "The show returns in May."},
            {"claim_type": "cast", "evidence": "It stars Ana Roe."}]
    assert sentence_labels(body, spans, gold) == [set(), {"release"}, {"cast"}]


# A tiny invented training set: "PERSON narrates WORK" is an `other`-free cast pattern the
# cue rules do not know ("narrates"), and "sells out" is an invented box-office phrasing.
_FIXTURE = [
    ("Orla Finch narrates “Tide Song”, the studio said.", "Orla Finch", "cast"),
    ("Bram Stole narrates “Low Hills” for the network.", "Bram Stole", "cast"),
    ("Cara Moss narrates “Glass Bay” this winter.", "Cara Moss", "cast"),
    ("Dev Amin narrates “Red Field” in the new version.", "Dev Amin", "cast"),
]


def _fixture_articles():
    articles = []
    for i, (sentence, name, ctype) in enumerate(_FIXTURE):
        other = ["Lee Gant", "Pia Holt", "Sam Ortiz", "Kai Brun"][i]
        body = f"Story {i}\n{sentence} {other} visited the city. The weather was mild."
        doc = Document(source_id=f"s{i}", body=body, title=f"Story {i}")
        mentions = [{**_person(body, n), "source_id": doc.source_id} for n in (name, other)]
        gold = {"claims": [{"claim_type": ctype, "person": name, "evidence": sentence}],
                "people": [{"name": n, "aliases": [n]} for n in (name, other)]}
        articles.append((doc, [], mentions, gold, []))
    return articles


def test_training_learns_the_fixture_and_is_reproducible():
    models = train_models(_fixture_articles())
    again = train_models(_fixture_articles())
    assert models.dumps() == again.dumps() and models.digest == again.digest
    text = "Nia Pell narrates “Cold Moon” next year."
    ctx = SentenceContext(0, len(text), 1, [_person(text, "Nia Pell")])
    cues, people = model_decisions(models, text, ctx, [])
    assert ("cast", ctx.persons[0]) in people          # learned: a new name, the same pattern
    visitor = "Ola Dunn visited the city."
    _, none = model_decisions(models, visitor, SentenceContext(0, len(visitor), 1, [_person(visitor, "Ola Dunn")]), [])
    assert none == []                                  # the same shape of sentence without the cue


def test_model_adds_a_claim_the_rules_miss(tmp_path):
    models = train_models(_fixture_articles())
    body = "Night News\nNia Pell narrates “Cold Moon” next year."
    doc = Document(source_id="x", body=body, title="Night News")
    mention = _person(body, "Nia Pell")
    rules_only = extract_claims(doc, [], [mention])
    with_model = extract_claims(doc, [], [mention], model=models)
    assert not [r for r in rules_only if r["claim_type"] == "cast"]
    cast = [r for r in with_model if r["claim_type"] == "cast"]
    assert [r["person_name"] for r in cast] == ["Nia Pell"]
    assert cast[0]["subject"] and cast[0]["certainty"] in ("reported", "expected", "official")
    # the artifact round-trips and names the version
    path = tmp_path / "m.json.gz"
    models.save(path)
    ex = ClaimsExtractor(model=path)
    assert ex.version.endswith(models.digest)
    assert M.load(path).dumps() == models.dumps()


def test_a_stale_artifact_says_how_to_fix_it(tmp_path):
    import gzip
    import json

    path = tmp_path / "old.json.gz"
    path.write_bytes(gzip.compress(json.dumps({"format": 0}).encode()))
    with pytest.raises(ValueError, match="scoop train"):
        M.load(path)


def test_the_shipped_model_loads_and_covers_every_type():
    models = M.load()
    assert models is not None
    assert set(models.person.types) == {"cast", "cast_exit", "crew", "award"}
    assert {"release", "plot", "platform", "box_office"} <= set(models.sentence.types)


def test_role_model_adds_a_role_the_patterns_missed_and_keeps_theirs():
    from scoop.extract.claims.role_model import added_roles

    fixture = []
    for i, (name, other) in enumerate([("Ula Tamm", "Rex Oyo"), ("Vic Lanz", "Ines Poe"),
                                       ("Wen Hart", "Oto Mae"), ("Yara Bell", "Zed Quin")]):
        body = f"Story {i}\nThe festival jury was chaired by {name}. {other} visited the city."
        doc = Document(source_id=f"r{i}", body=body, title=f"Story {i}")
        mentions = [{**_person(body, n), "source_id": doc.source_id} for n in (name, other)]
        gold = {"claims": [], "people": [{"name": n, "aliases": [n]} for n in (name, other)],
                "roles": [{"person": name, "role": "other", "character": None}]}
        fixture.append((doc, [], mentions, gold, []))
    models = train_models(fixture)
    body = "Awards night\nThe festival jury was chaired by Kit Moor. Lu Ren visited the city."
    doc = Document(source_id="n", body=body, title="Awards night")
    mentions = [_person(body, "Kit Moor"), _person(body, "Lu Ren")]
    contexts: list = []
    extract_claims(doc, [], mentions, model=models, contexts=contexts)
    given = [{"person_name": "Lu Ren", "role": "director"}]
    rows = added_roles(doc, contexts, given, models.roles, lambda at, start, end: ("Awards night", None))
    assert [(r["person_name"], r["role"]) for r in rows] == [("Kit Moor", "other")]
