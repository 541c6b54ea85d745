"""The trained claim models: logistic regressions over sentence and person features.

Three models ship together (``ClaimModels``): ``sentence`` gives each claim
type a probability for a sentence; ``person`` gives each person-centred type
(cast, crew, award, cast_exit) a probability for one real person named in a
sentence; ``roles`` gives each role a probability for a person in an article. Training uses scikit-learn (``train``); the artifact is plain JSON
(feature -> weight per type, an intercept per type), so running it needs no pickle and no
scikit-learn, only a sum over the few features a sentence has. It ships gzipped
in the package (``claim_types.json.gz``), is rebuilt by ``scoop train``, and
its digest is part of the claims extractor's version, so a new model
re-extracts every article.
"""
from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from schemas.vocab import CLAIM_TYPES

ARTIFACT = "claim_types.json.gz"
FORMAT = 3
# training settings: fixed, so `scoop train` run twice gives the same model
SEED = 13
C = 0.5
MIN_FEATURE_COUNT = 2
ALWAYS = 4.0      # the intercept of a type every training example has (p = 0.98)


@dataclass(frozen=True)
class ClaimTypeModel:
    types: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]       # feature -> one weight per type

    @cached_property
    def _matrix(self) -> tuple[dict[str, int], "np.ndarray", "np.ndarray"]:
        """Feature index, weight matrix (one row per feature) and intercept, for fast scoring."""
        index = {f: i for i, f in enumerate(self.weights)}
        matrix = np.array(list(self.weights.values()), dtype=np.float64).reshape(len(index), len(self.types))
        return index, matrix, np.array(self.intercept, dtype=np.float64)

    def probabilities(self, features: Sequence[str]) -> dict[str, float]:
        index, matrix, intercept = self._matrix
        rows = [i for f in set(features) if (i := index.get(f)) is not None]
        scores = intercept + matrix[rows].sum(axis=0) if rows else intercept
        probs = 1.0 / (1.0 + np.exp(-scores))
        return dict(zip(self.types, probs.tolist()))

    def to_json(self) -> dict:
        return {"types": list(self.types), "intercept": list(self.intercept),
                "weights": {f: list(w) for f, w in sorted(self.weights.items())}}

    @classmethod
    def from_json(cls, data: dict) -> "ClaimTypeModel":
        return cls(tuple(data["types"]), tuple(data["intercept"]),
                   {f: tuple(w) for f, w in data["weights"].items()})


@dataclass(frozen=True)
class ClaimModels:
    """The shipped models: which types a sentence states, which person types each named person
    gets, and which roles each person has in the article."""

    sentence: ClaimTypeModel
    person: ClaimTypeModel
    roles: ClaimTypeModel       # a person's roles in an article (``roles.py``)

    def dumps(self) -> bytes:
        """Deterministic bytes: same model, same file (mtime 0 in the gzip header)."""
        data = {"format": FORMAT, "sentence": self.sentence.to_json(), "person": self.person.to_json(),
                "roles": self.roles.to_json()}
        raw = json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")
        return gzip.compress(raw, compresslevel=9, mtime=0)

    @classmethod
    def loads(cls, data: bytes) -> "ClaimModels":
        obj = json.loads(gzip.decompress(data))
        if obj.get("format") != FORMAT:
            raise ValueError(f"claim model format {obj.get('format')!r} is not {FORMAT}: run `scoop train`")
        models = cls(ClaimTypeModel.from_json(obj["sentence"]), ClaimTypeModel.from_json(obj["person"]),
                     ClaimTypeModel.from_json(obj["roles"]))
        # the file was written by dumps(), so its own hash is the digest (no need to compress again)
        models.__dict__["digest"] = hashlib.sha256(data).hexdigest()[:10]
        return models

    def save(self, path: Path) -> None:
        Path(path).write_bytes(self.dumps())

    @cached_property
    def digest(self) -> str:
        return hashlib.sha256(self.dumps()).hexdigest()[:10]


def load(path: Path | None = None) -> ClaimModels | None:
    """The model at ``path``, or the one shipped in the package (None if there is none)."""
    if path is None:
        ref = resources.files(__package__).joinpath(ARTIFACT)
        if not ref.is_file():
            return None
        data = ref.read_bytes()
    else:
        data = Path(path).read_bytes()
    return ClaimModels.loads(data)


def train(examples: Sequence[tuple[list[str], set[str]]], *, types: Sequence[str] = CLAIM_TYPES,
          c: float = C, seed: int = SEED) -> ClaimTypeModel:
    """Fit one L2 logistic regression per type on (features, true types) examples."""
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
    types = tuple(t for t in types if any(t in labels for _, labels in examples))
    intercept, columns = [], []
    for t in types:
        y = np.array([t in labels for _, labels in examples], dtype=int)
        if y.min() == 1:     # every example has it: nothing to tell apart
            intercept.append(ALWAYS)
            columns.append(np.zeros(len(vocab)))
            continue
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
