"""The claims extractor plug-in: cue rules plus the trained claim-type model, per batch."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

import polars as pl

from scoop.extract.base import Document
from scoop.extract.claims import model as claim_model
from scoop.extract.claims.rules import CLAIMS_SCHEMA, extract_claims

RULES_VERSION = "0.3.0"
_DEFAULT = object()


def rows_by_source(frame: pl.DataFrame | None) -> dict[str, list[dict]]:
    if frame is None or frame.height == 0 or "source_id" not in frame.columns:
        return {}
    grouped: dict[str, list[dict]] = {}
    for row in frame.iter_rows(named=True):
        grouped.setdefault(row["source_id"], []).append(row)
    return grouped


class ClaimsExtractor:
    """Extractor plug-in: fills `claims` from the batch's dates, mentions and roles.

    ``model``: the shipped model by default, a ``ClaimTypeModel``, a path to an
    artifact, or None for the cue rules alone. The version carries the model's
    digest, so a retrained model re-extracts every article.
    """

    name = "claims"
    tables = ("claims",)

    def __init__(self, model=_DEFAULT):
        if model is _DEFAULT:
            model = claim_model.load()
        elif isinstance(model, (str, Path)):
            model = claim_model.load(Path(model))
        self.model = model
        self.version = f"{RULES_VERSION}+{model.digest}" if model is not None else f"{RULES_VERSION}+rules"

    def extract(self, docs: Sequence[Document], context: Mapping[str, pl.DataFrame]
                ) -> dict[str, pl.DataFrame]:
        dates = rows_by_source(context.get("dates"))
        mentions = rows_by_source(context.get("mentions"))
        roles = rows_by_source(context.get("roles"))
        rows: list[dict] = []
        for doc in docs:
            rows.extend(extract_claims(doc, dates.get(doc.source_id, []), mentions.get(doc.source_id, []),
                                       model=self.model, roles=roles.get(doc.source_id, [])))
        return {"claims": pl.DataFrame(rows, schema=CLAIMS_SCHEMA)
                if rows else pl.DataFrame(schema=CLAIMS_SCHEMA)}
