"""Gold gate for the sources fields: cleaning the sample articles must keep matching gold."""
from __future__ import annotations

import json

from scoop.clean import clean_article
from scoop.evaluation.run import score_sources

FLOORS = {"title_accuracy": 1.0, "publisher_accuracy": 1.0, "author_accuracy": 1.0,
          "published_on_basis_accuracy": 1.0, "published_on_accuracy": 0.8}


def test_sources_fields_match_gold(shared_dir):
    pairs = []
    for gold_file in sorted((shared_dir / "gold").glob("0*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        raw = (shared_dir / "raw-samples" / gold["file"]).read_text(encoding="utf-8")
        a = clean_article(raw)
        pairs.append((gold, {"title": a.title, "publisher": a.publisher, "author": a.author,
                             "published_on": a.published_on and a.published_on.isoformat(),
                             "published_on_basis": a.published_on_basis}))
    report = score_sources(pairs)
    assert len(pairs) == 5
    for field, floor in FLOORS.items():
        assert report[field] >= floor, (field, report["mismatches"])
