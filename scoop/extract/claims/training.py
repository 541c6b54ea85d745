"""Gold articles -> labelled sentences, persons and roles -> the models (what ``scoop train`` runs).

A sentence's labels are the types of the gold claims whose evidence it covers
(the sentence that overlaps the evidence most); a person's labels are the
person-centred types of the gold claims about them in that sentence (names
matched through the gold aliases); a person's role labels are the gold roles
of that person in the article. Features are computed by the very code the
extractor runs (``extract_claims`` collecting contexts), so training and
extraction cannot drift apart.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Iterable, Sequence

from scoop.extract.base import Document
from scoop.extract.claims.combine import PERSON_MODEL_TYPES, real_persons
from scoop.extract.claims.features import person_features, sentence_features
from scoop.extract.claims.model import ClaimModels, train
from scoop.extract.claims.role_model import ROLE_MODEL_ROLES, person_role_features
from scoop.extract.claims.rules import extract_claims


def _locate(body: str, text: str, occurrence: int) -> tuple[int, int] | None:
    from scoop.evaluation.gold import locate

    return locate(body, text, occurrence) or locate(body, text)


def _key(name: str | None) -> str:
    return re.sub(r"[\s\-‐]+", "", name or "").casefold()


def _best_sentence(spans: Sequence[tuple[int, int]], where: tuple[int, int]) -> int | None:
    overlap = max(((min(e, where[1]) - max(s, where[0]), i) for i, (s, e) in enumerate(spans)), default=(0, -1))
    return overlap[1] if overlap[0] > 0 else None


def gold_sentence_claims(body: str, spans: Sequence[tuple[int, int]], gold_claims: Iterable[dict]
                         ) -> list[tuple[int, dict]]:
    """(sentence index, gold claim) for every gold claim placed in the body."""
    out = []
    seen: Counter = Counter()
    for claim in gold_claims:
        seen[claim["evidence"]] += 1
        where = _locate(body, claim["evidence"], seen[claim["evidence"]])
        index = _best_sentence(spans, where) if where else None
        if index is not None:
            out.append((index, claim))
    return out


def sentence_labels(body: str, spans: Sequence[tuple[int, int]], gold_claims: Iterable[dict]) -> list[set[str]]:
    """For each sentence span, the claim types whose gold evidence it covers most."""
    labels: list[set[str]] = [set() for _ in spans]
    for index, claim in gold_sentence_claims(body, spans, gold_claims):
        labels[index].add(claim["claim_type"])
    return labels


def article_examples(doc: Document, dates: list[dict], mentions: list[dict], gold: dict,
                     roles: list[dict] | None = None):
    """(sentence examples, person examples, role examples) of one gold article."""
    contexts: list = []
    extract_claims(doc, dates, mentions, contexts=contexts, roles=roles)
    spans = [(c.start, c.end) for c in contexts]
    placed = gold_sentence_claims(doc.body, spans, gold.get("claims", []))
    labels: list[set[str]] = [set() for _ in spans]
    person_labels: dict[tuple[int, str], set[str]] = defaultdict(set)
    canon = {_key(a): _key(p["name"]) for p in gold.get("people", []) for a in [p["name"], *p.get("aliases", [])]}
    for index, claim in placed:
        labels[index].add(claim["claim_type"])
        if claim["claim_type"] in PERSON_MODEL_TYPES and claim.get("person"):
            person_labels[(index, canon.get(_key(claim["person"]), _key(claim["person"])))].add(claim["claim_type"])
    sentences, persons = [], []
    for index, (ctx, y) in enumerate(zip(contexts, labels)):
        feats = sentence_features(doc.body, ctx)
        sentences.append((feats, y))
        for p in real_persons(ctx):
            who = canon.get(_key(p["name"])) or canon.get(_key(p.get("text"))) or _key(p["name"])
            persons.append((person_features(doc.body, ctx, p, feats), person_labels.get((index, who), set())))
    gold_roles: dict[str, set[str]] = defaultdict(set)
    for r in gold.get("roles", []):
        gold_roles[canon.get(_key(r["person"]), _key(r["person"]))].add(r["role"])
    role_examples = []
    for name, (feats, _, first) in person_role_features(doc.body, contexts, roles or []).items():
        who = canon.get(_key(name)) or canon.get(_key(first.get("text"))) or _key(name)
        role_examples.append((feats, gold_roles.get(who, set()) & set(ROLE_MODEL_ROLES)))
    return sentences, persons, role_examples


def train_models(articles: Iterable[tuple[Document, list[dict], list[dict], dict, list[dict]]]) -> ClaimModels:
    """(document, dates rows, mention rows, gold article, the people extractor's roles) per article
    -> the fitted models."""
    sentences, persons, roles = [], [], []
    for doc, dates, mentions, gold, system_roles in articles:
        s, p, r = article_examples(doc, dates, mentions, gold, system_roles)
        sentences += s
        persons += p
        roles += r
    return ClaimModels(train(sentences), train(persons, types=PERSON_MODEL_TYPES),
                       train(roles, types=ROLE_MODEL_ROLES))
