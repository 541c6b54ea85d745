"""Cross-validation by article: train on k-1 folds, extract the held fold, score it.

``scoop evaluate --cv 5 GOLD_DIR ...`` is the figure to trust: every score is
taken on articles the trained claim model never saw. Folds are dealt from the
articles ordered by a hash of their name, so a run is reproducible. Pooled scores concatenate the held-out predictions of
all folds and score them once; they are also split by group (samples, BBC,
trade) because the two kinds of text differ.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Sequence

import polars as pl

from scoop.evaluation.corpus import GoldArticle
from scoop.evaluation.gold import Prf


@dataclass(slots=True)
class Predicted:
    """One article's system output, ready for the scorers."""

    article: GoldArticle
    body: str
    claims: list[dict]
    roles: list[dict]
    mentions: list[dict]
    dates: list[dict]


def _rank_key(article: GoldArticle) -> bytes:
    return hashlib.sha256(article.key.encode("utf-8")).digest()


def folds(articles: Sequence[GoldArticle], k: int) -> list[list[GoldArticle]]:
    """k folds of near-equal size: articles ordered by a hash of their name, dealt round-robin."""
    out: list[list[GoldArticle]] = [[] for _ in range(k)]
    for i, a in enumerate(sorted(articles, key=_rank_key)):
        out[i % k].append(a)
    return out


def _by_source(frame: pl.DataFrame | None) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    if frame is not None and frame.height:
        for row in frame.iter_rows(named=True):
            grouped.setdefault(row["source_id"], []).append(row)
    return grouped


@dataclass(slots=True)
class Prepared:
    """An article cleaned and run through the extractors that are not trained (dates, people)."""

    article: GoldArticle
    doc: object                 # scoop.extract.base.Document
    context: dict               # table -> rows of this article (dates, mentions, roles)


def prepare(articles: Sequence[GoldArticle]) -> list[Prepared]:
    """Clean the articles and run the untrained extractors once, exactly as the pipeline does."""
    from scoop.clean import clean_article
    from scoop.extract.base import Document
    from scoop.extract.registry import untrained_extractors
    from scoop.extract.runner import run_extractors

    docs = []
    for a in articles:
        c = clean_article(a.text)
        docs.append(Document(source_id=a.key, body=c.body, title=c.title, publisher=c.publisher,
                             author=c.author, published_on=c.published_on,
                             published_on_basis=c.published_on_basis))
    frames = run_extractors(untrained_extractors(), docs).frames
    by_table = {name: _by_source(frame) for name, frame in frames.items()}
    return [Prepared(a, d, {name: rows.get(a.key, []) for name, rows in by_table.items()})
            for a, d in zip(articles, docs)]


def train_claims(prepared: Sequence[Prepared]):
    from scoop.extract.claims.training import train_models

    return train_models((p.doc, p.context.get("dates", []), p.context.get("mentions", []), p.article.gold,
                         p.context.get("roles", [])) for p in prepared)


def predict(prepared: Sequence[Prepared], model) -> list[Predicted]:
    """Claims for the prepared articles with ``model`` (None: the cue rules alone)."""
    from scoop.extract.claims import ClaimsExtractor

    extractor = ClaimsExtractor(model=model)
    context = {name: pl.DataFrame([r for p in prepared for r in p.context.get(name, [])],
                                  infer_schema_length=None)
               for name in ("dates", "mentions", "roles")}
    out = extractor.extract([p.doc for p in prepared], context)
    claims, roles = _by_source(out["claims"]), _by_source(out["roles"])
    return [Predicted(p.article, p.doc.body, claims.get(p.article.key, []), roles.get(p.article.key, []),
                      p.context.get("mentions", []), p.context.get("dates", []))
            for p in prepared]


def article_people(mentions: list[dict]) -> list[dict]:
    """Per-article people from mention rows: one per name, its surface forms as aliases."""
    people: dict[str, dict] = {}
    for m in mentions:
        p = people.setdefault(m["name"], {"name": m["name"], "aliases": set(), "kinds": []})
        p["aliases"].add(m["text"])
        p["kinds"].append(m.get("kind") or "real")
    return [{"name": p["name"], "aliases": sorted(p["aliases"]),
             "kind": max(set(p["kinds"]), key=p["kinds"].count)} for p in people.values()]


def score(predicted: Sequence[Predicted]) -> dict:
    """Claims, roles, people (per article) and dates scores over the predictions."""
    from scoop.evaluation.claims import score_claims
    from scoop.evaluation.dates import score_dates
    from scoop.evaluation.people_scores import score_people, score_roles

    people = Prf(0, 0, 0)
    kind_right = 0
    for p in predicted:
        s = score_people(p.article.gold.get("people", []), article_people(p.mentions))
        people = people + Prf(s["tp"], s["fp"], s["fn"])
        kind_right += round(s["kind_accuracy"] * s["tp"])
    return {
        "articles": len(predicted),
        "claims": score_claims([(p.article.gold, p.body, p.claims) for p in predicted]),
        "roles": score_roles([(p.article.gold, p.roles) for p in predicted]),
        "people": {**people.as_dict(), "kind_accuracy": round(kind_right / people.tp, 4) if people.tp else 0.0},
        "dates": score_dates([(p.article.gold, p.body, p.dates) for p in predicted]),
    }


def cross_validate(prepared: Sequence[Prepared], k: int, *, trained: bool = True,
                   progress: Callable[[str], None] = lambda _: None) -> dict:
    """k-fold CV by article: train the claim model on the other folds, predict and score the held fold."""
    held: list[Predicted] = []
    per_fold = []
    articles = [p.article for p in prepared]
    for i, fold in enumerate(folds(articles, k)):
        if not fold:
            continue
        keys = {a.key for a in fold}
        training = [p for p in prepared if p.article.key not in keys]
        progress(f"fold {i + 1}/{k}: training on {len(training)} articles, scoring {len(fold)}")
        model = train_claims(training) if trained else None
        predicted = predict([p for p in prepared if p.article.key in keys], model)
        held += predicted
        per_fold.append({"fold": i + 1, "groups": sorted({a.group for a in fold}), **summary(score(predicted))})
    groups = sorted({p.article.group for p in held})
    return {
        "k": k, "articles": len(held),
        "pooled": score(held),
        "per_group": {g: score([p for p in held if p.article.group == g]) for g in groups},
        "per_fold": per_fold,
    }


def summary(report: dict) -> dict:
    """The headline figures of one score report."""
    return {
        "articles": report["articles"],
        "claims_f1": report["claims"]["overall"]["f1"],
        "certainty_acc": report["claims"]["certainty_accuracy"],
        "value_acc": report["claims"]["value_accuracy"],
        "roles_f1": report["roles"]["f1"],
        "people_f1": report["people"]["f1"],
        "dates_f1": report["dates"]["relaxed"]["f1"],
    }
