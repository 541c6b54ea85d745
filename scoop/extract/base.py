"""The extractor plug-in contract.

An extractor is a pure object: it takes a batch of cleaned articles and returns
rows for one or more warehouse tables. It never touches Prefect, DuckDB or the
file system, so it is tested with plain Python.

The flow calls every registered extractor (``scoop.extract.registry``) in
order on each batch; later extractors see the earlier ones' frames through
``context``, as each declares in ``needs`` (claims read the ``dates``, ``mentions`` and
``roles`` rows of the same batch).
Bumping ``version`` makes the next run re-extract every article it produced.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Mapping, Protocol, Sequence

import polars as pl


@dataclass(frozen=True, slots=True)
class Document:
    """One cleaned article, as stored in ``sources``."""

    source_id: str
    body: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published_on: date | None = None
    # header | byline | inferred | unknown (see CONTRACT.md)
    published_on_basis: str = "unknown"


class Extractor(Protocol):
    name: str
    version: str
    # tables this extractor fills; every returned frame's key must be listed here
    tables: tuple[str, ...]
    # tables it reads from ``context``: an earlier extractor must fill each (``registry.check_order``)
    needs: tuple[str, ...]

    def extract(
        self, docs: Sequence[Document], context: Mapping[str, pl.DataFrame]
    ) -> dict[str, pl.DataFrame]: ...
