"""The trained claim-type model: one logistic regression per claim type over sentence features.

Training uses scikit-learn (``train``); the artifact is plain JSON (feature ->
weight per type, an intercept per type), so running it needs no pickle and no
scikit-learn, only a sum over the few features a sentence has. It ships gzipped
in the package (``claim_types.json.gz``), is rebuilt by ``scoop train``, and
its digest is part of the claims extractor's version, so a new model
re-extracts every article.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Sequence

from schemas.vocab import CLAIM_TYPES

ARTIFACT = "claim_types.json.gz"
FORMAT = 1
# training settings: fixed, so `scoop train` run twice gives the same model
SEED = 13
C = 0.5
MIN_FEATURE_COUNT = 2


@dataclass(frozen=True, slots=True)
class ClaimTypeModel:
    types: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]       # feature -> one weight per type

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        scores = list(self.intercept)
        for f in set(features):
            w = self.weights.get(f)
            if w is not None:
                for i, v in enumerate(w):
                    scores[i] += v
        return {t: 1.0 / (1.0 + math.exp(-s)) for t, s in zip(self.types, scores)}

    # ------------------------------------------------------------ persistence
    def to_json(self) -> dict:
        return {"format": FORMAT, "types": list(self.types), "intercept": list(self.intercept),
                "weights": {f: list(w) for f, w in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "ClaimTypeModel":
        if data.get("format") != FORMAT:
            raise ValueError(f"claim model format {data.get('format')!r} is not {FORMAT}")
        return cls(tuple(data["types"]), tuple(data["intercept"]),
                   {f: tuple(w) for f, w in data["weights"].items()})

    def dumps(self) -> bytes:
        """Deterministic bytes: same model, same file (mtime 0 in the gzip header)."""
        raw = json.dumps(self.to_json(), sort_keys=True, separators=(",", ":")).encode("utf-8")
        return gzip.compress(raw, compresslevel=9, mtime=0)

    def save(self, path: Path) -> None:
        Path(path).write_bytes(self.dumps())

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.dumps()).hexdigest()[:10]


def load(path: Path | None = None) -> ClaimTypeModel | None:
    """The model at ``path``, or the one shipped in the package (None if there is none)."""
    if path is None:
        ref = resources.files(__package__).joinpath(ARTIFACT)
        if not ref.is_file():
            return None
        data = ref.read_bytes()
    else:
        data = Path(path).read_bytes()
    return ClaimTypeModel.from_json(json.loads(gzip.decompress(data)))


def train(examples: Sequence[tuple[list[str], set[str]]], *, c: float = C, seed: int = SEED) -> ClaimTypeModel:
    """Fit one L2 logistic regression per claim type on (features, true types) examples."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for feats, _ in examples:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= MIN_FEATURE_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    rows, cols = [], []
    for r, (feats, _) in enumerate(examples):
        for col in sorted({index[f] for f in feats if f in index}):
            rows.append(r)
            cols.append(col)
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(vocab)))
    types = tuple(t for t in CLAIM_TYPES if any(t in labels for _, labels in examples))
    intercept, columns = [], []
    for t in types:
        y = np.array([t in labels for _, labels in examples], dtype=int)
        clf = LogisticRegression(C=c, solver="liblinear", random_state=seed, max_iter=1000)
        clf.fit(x, y)
        intercept.append(round(float(clf.intercept_[0]), 5))
        columns.append(clf.coef_[0])
    weights = {}
    for f, i in index.items():
        w = tuple(round(float(col[i]), 5) for col in columns)
        if any(abs(v) >= 1e-4 for v in w):
            weights[f] = w
    return ClaimTypeModel(types, tuple(intercept), weights)
