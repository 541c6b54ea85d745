"""The claims extractor plug-in: cue rules plus the trained claim-type model, per batch."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

import polars as pl

from scoop.extract.base import Document
from scoop.extract.claims import model as claim_model
from scoop.extract.claims.role_model import added_roles
from scoop.extract.claims.rules import CLAIMS_SCHEMA, extract_claims
from scoop.extract.people import ROLES_SCHEMA
from scoop.extract.works import find_works, main_work, resolve_with_basis

RULES_VERSION = "0.3.4"   # 0.3.3: claims.doubted; 0.3.4: audience shares, figures by the million
_DEFAULT = object()


def rows_by_source(frame: pl.DataFrame | None) -> dict[str, list[dict]]:
    if frame is None or frame.height == 0 or "source_id" not in frame.columns:
        return {}
    grouped: dict[str, list[dict]] = {}
    for row in frame.iter_rows(named=True):
        grouped.setdefault(row["source_id"], []).append(row)
    return grouped


def _work_in(doc: Document, works: list):
    """(offset, sentence span) -> (work, season) in context, the article's main work computed once."""
    title, season = main_work(doc, works)

    def work_of(at: int, start: int, end: int):
        on_aside = any(w.aside and w.char_start <= at < w.char_end for w in works)
        return resolve_with_basis(doc.body, start, end, works, title, season, at, skip_asides=not on_aside)[:2]
    return work_of


class ClaimsExtractor:
    """Extractor plug-in: fills `claims` from the batch's dates, mentions and roles.

    ``model``: the shipped model by default, a ``ClaimTypeModel``, a path to an
    artifact, or None for the cue rules alone. The version carries the model's
    digest, so a retrained model re-extracts every article.
    """

    name = "claims"
    # roles: the people extractor's, plus those the role model adds (``roles.py``)
    tables = ("claims", "roles")
    needs = ("dates", "mentions", "roles")

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
        extra_roles: list[dict] = []
        for doc in docs:
            contexts: list | None = [] if self.model is not None else None
            doc_roles = roles.get(doc.source_id, [])
            works = find_works(doc)
            rows.extend(extract_claims(doc, dates.get(doc.source_id, []), mentions.get(doc.source_id, []),
                                       model=self.model, roles=doc_roles, contexts=contexts, works=works))
            if self.model is not None:
                extra_roles += added_roles(doc, contexts, doc_roles, self.model.roles, _work_in(doc, works))
        given = context.get("roles")
        if given is None or given.height == 0:
            given = pl.DataFrame(schema=ROLES_SCHEMA)
        all_roles = pl.concat([given.select(list(ROLES_SCHEMA)).cast(ROLES_SCHEMA),
                               pl.DataFrame(extra_roles, schema=ROLES_SCHEMA)], how="vertical")
        return {"claims": pl.DataFrame(rows, schema=CLAIMS_SCHEMA) if rows else pl.DataFrame(schema=CLAIMS_SCHEMA),
                "roles": all_roles.unique("role_id", keep="first", maintain_order=True)}
