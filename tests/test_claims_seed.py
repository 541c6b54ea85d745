"""Floors on the seed articles (gold in ../shared/gold), a little under measured scores.

Oracle inputs (gold dates and people placed in the body) so this measures the
claims step alone; see the report for figures with scoop's own taggers.
"""
from pathlib import Path

import pytest

from scoop.evaluation.claims import evaluate_seeds, score_claims

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"


@pytest.fixture(scope="module")
def seed_scores():
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared not present: no gold to measure against")
    return evaluate_seeds(SHARED / "gold", ROOT / "raw", dates="gold", people="gold")


def test_seed_floors(seed_scores):
    # measured (oracle inputs, claims 0.2.0): F1 0.937 (P 0.994, R 0.885), certainty 0.924, value 0.927
    assert seed_scores["overall"]["f1"] >= 0.91
    assert seed_scores["overall"]["precision"] >= 0.96
    assert seed_scores["certainty_accuracy"] >= 0.89
    assert seed_scores["value_accuracy"] >= 0.89
    assert seed_scores["negated_accuracy"] >= 0.97


@pytest.mark.parametrize("claim_type, floor", [
    # measured: release 0.974, cast_exit 1.0, delay 1.0, viewership 1.0, production_start 1.0, cast 0.912
    ("release", 0.93), ("cast_exit", 0.9), ("delay", 0.9), ("viewership", 0.9),
    ("production_start", 0.93), ("cast", 0.88),
])
def test_seed_floors_per_type(seed_scores, claim_type, floor):
    assert seed_scores["per_type"][claim_type]["f1"] >= floor


def test_scorer_matching_rule():
    gold = {"claims": [
        {"claim_type": "release", "evidence": "It premieres in late 2026.", "person": None,
         "value_start": "2026-09-01", "value_end": "2026-12-31", "certainty": "expected"},
        {"claim_type": "cast", "evidence": "Kim Ha-neul and Park Do-yun join.", "person": "Kim Ha-neul",
         "certainty": "reported"},
        {"claim_type": "cast", "evidence": "Kim Ha-neul and Park Do-yun join.", "person": "Park Do-yun",
         "certainty": "reported"},
    ]}
    body = "It premieres in late 2026. Kim Ha-neul and Park Do-yun join."
    system = [
        {"claim_type": "release", "char_start": 0, "char_end": 26, "value_start": "2026-11-01",
         "value_end": "2026-11-30", "certainty": "expected"},
        {"claim_type": "cast", "char_start": 27, "char_end": 61, "person_name": "Park Do-yun",
         "certainty": "official"},
        {"claim_type": "plot", "char_start": 0, "char_end": 26, "certainty": "reported"},
    ]
    r = score_claims([(gold, body, system)])
    assert (r["overall"]["tp"], r["overall"]["fp"], r["overall"]["fn"]) == (2, 1, 1)
    assert r["value_accuracy"] == 1.0 and r["certainty_accuracy"] == 0.5
