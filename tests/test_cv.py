"""Cross-validation by article over the shared gold: folds, gold loading, and quality floors.

The floors sit a little under the pooled 5-fold CV figures measured with
`scoop evaluate --cv 5 ../shared/gold ../shared/gold-dev` (see the README):
every score is taken on articles the trained models never saw.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from scoop.evaluation.corpus import GoldArticle, GoldError, load_gold_articles
from scoop.evaluation.cv import article_people, cross_validate, folds, prepare

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
GOLD_DIRS = [SHARED / "gold", SHARED / "gold-dev"]


def _article(key: str) -> GoldArticle:
    return GoldArticle({"file": key}, "text", "bbc")


def test_folds_are_balanced_deterministic_and_disjoint():
    arts = [_article(f"a{i}.txt") for i in range(23)]
    one, two = folds(arts, 5), folds(list(reversed(arts)), 5)
    assert [[a.key for a in f] for f in one] == [[a.key for a in f] for f in two]
    assert sorted(len(f) for f in one) == [4, 4, 5, 5, 5]
    keys = [a.key for f in one for a in f]
    assert sorted(keys) == sorted(a.key for a in arts)


def test_article_people_groups_mentions_by_name():
    rows = [{"name": "Ana Roe", "text": "Ana Roe", "kind": "real"}, {"name": "Ana Roe", "text": "Roe", "kind": "real"},
            {"name": "Captain Vey", "text": "Vey", "kind": "fictional"}]
    people = {p["name"]: p for p in article_people(rows)}
    assert people["Ana Roe"]["aliases"] == ["Ana Roe", "Roe"]
    assert people["Captain Vey"]["kind"] == "fictional"


def test_gold_loading_says_what_is_wrong(tmp_path):
    with pytest.raises(GoldError, match="not a folder"):
        load_gold_articles([tmp_path / "nope"])
    with pytest.raises(GoldError, match="no gold JSON"):
        load_gold_articles([tmp_path])
    (tmp_path / "x.json").write_text(json.dumps({"file": "x.txt", "corpus_file": "bbc/none.txt"}))
    with pytest.raises(GoldError, match="not found"):
        load_gold_articles([tmp_path])


def test_cross_validation_runs_on_an_invented_corpus(tmp_path):
    gold_dir, corpus = tmp_path / "gold", tmp_path / "corpus" / "bbc"
    gold_dir.mkdir()
    corpus.mkdir(parents=True)
    for i in range(4):
        text = f"Film news {i}\nThe film stars Ana Roe{i}. It will be released in May 2030."
        (corpus / f"{i}.txt").write_text(text)
        (gold_dir / f"{i}.json").write_text(json.dumps({
            "file": f"{i}.txt", "corpus_file": f"bbc/{i}.txt", "source": {},
            "people": [{"name": f"Ana Roe{i}", "kind": "real"}],
            "roles": [{"person": f"Ana Roe{i}", "role": "actor", "character": None}],
            "dates": [], "claims": [{"claim_type": "cast", "person": f"Ana Roe{i}", "certainty": "reported",
                                     "evidence": f"The film stars Ana Roe{i}."}]}))
    report = cross_validate(prepare(load_gold_articles([gold_dir])), 2)
    assert report["articles"] == 4 and len(report["per_fold"]) == 2
    assert set(report["per_group"]) == {"bbc"}
    assert 0.0 <= report["pooled"]["claims"]["overall"]["f1"] <= 1.0


@pytest.fixture(scope="module")
def cv_report():
    if not all((d / "README.md").exists() for d in GOLD_DIRS):
        pytest.skip("../shared/gold and ../shared/gold-dev are not here: no CV floors to check")
    return cross_validate(prepare(load_gold_articles(GOLD_DIRS, raw_dirs=[SHARED / "raw-samples"])), 5)


# measured (pooled 5-fold CV): claims F1 0.703, certainty 0.938, roles 0.772, people 0.915;
# samples 0.938 / 1.000, BBC claims 0.651 / roles 0.730, trade claims 0.714 / roles 0.743
@pytest.mark.slow
def test_pooled_cv_floors(cv_report):
    pooled = cv_report["pooled"]
    assert pooled["claims"]["overall"]["f1"] >= 0.69
    assert pooled["claims"]["certainty_accuracy"] >= 0.92
    assert pooled["roles"]["f1"] >= 0.75
    assert pooled["people"]["f1"] >= 0.90


@pytest.mark.slow
def test_cv_floors_per_group(cv_report):
    groups = cv_report["per_group"]
    assert groups["samples"]["claims"]["overall"]["f1"] >= 0.92
    assert groups["samples"]["roles"]["f1"] >= 0.98
    assert groups["bbc"]["claims"]["overall"]["f1"] >= 0.63
    assert groups["trade"]["claims"]["overall"]["f1"] >= 0.70
    assert groups["bbc"]["roles"]["f1"] >= 0.71
    assert groups["trade"]["roles"]["f1"] >= 0.72
