"""Gold articles -> labelled sentences -> a claim-type model (what ``scoop train`` runs).

A sentence's labels are the types of the gold claims whose evidence it covers
(the sentence that overlaps the evidence most). Its features are computed by
the very code the extractor runs (``extract_claims`` collecting contexts), so
training and extraction cannot drift apart.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from scoop.extract.base import Document
from scoop.extract.claims.features import sentence_features
from scoop.extract.claims.model import ClaimTypeModel, train
from scoop.extract.claims.rules import extract_claims


def _locate(body: str, text: str, occurrence: int) -> tuple[int, int] | None:
    from scoop.evaluation.gold import locate

    return locate(body, text, occurrence) or locate(body, text)


def sentence_labels(body: str, spans: Sequence[tuple[int, int]], gold_claims: Iterable[dict]) -> list[set[str]]:
    """For each sentence span, the claim types whose gold evidence it covers most."""
    labels: list[set[str]] = [set() for _ in spans]
    seen: Counter = Counter()
    for claim in gold_claims:
        seen[claim["evidence"]] += 1
        where = _locate(body, claim["evidence"], seen[claim["evidence"]])
        if where is None:
            continue
        overlap = [(min(e, where[1]) - max(s, where[0]), i) for i, (s, e) in enumerate(spans)]
        best = max(overlap, default=(0, -1))
        if best[0] > 0:
            labels[best[1]].add(claim["claim_type"])
    return labels


def article_examples(doc: Document, dates: list[dict], mentions: list[dict],
                     gold_claims: list[dict]) -> list[tuple[list[str], set[str]]]:
    contexts: list = []
    extract_claims(doc, dates, mentions, contexts=contexts)
    labels = sentence_labels(doc.body, [(c.start, c.end) for c in contexts], gold_claims)
    return [(sentence_features(doc.body, c), y) for c, y in zip(contexts, labels)]


def train_model(articles: Iterable[tuple[Document, list[dict], list[dict], list[dict]]]) -> ClaimTypeModel:
    """(document, dates rows, mention rows, gold claims) per article -> a fitted model."""
    examples = []
    for doc, dates, mentions, gold_claims in articles:
        examples += article_examples(doc, dates, mentions, gold_claims)
    return train(examples)
