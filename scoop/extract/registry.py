"""The one place extractors are plugged in, in the order they run.

Later extractors see earlier ones' frames; each declares what it reads in ``needs``
and ``check_order`` refuses an order that would hand one an empty frame.
"""
from __future__ import annotations

from scoop.extract.base import Extractor


def untrained_extractors() -> list[Extractor]:
    """The extractors that learn nothing from gold (what cross-validation runs once for all folds)."""
    from scoop.extract.dates import DatesExtractor
    from scoop.extract.people import PeopleExtractor

    # one spaCy process: n_process=2 under the Prefect flow left workers exiting uncleanly (spaCy W127)
    return [DatesExtractor(), PeopleExtractor()]


def default_extractors() -> list[Extractor]:
    from scoop.extract.claims import ClaimsExtractor

    return check_order([*untrained_extractors(), ClaimsExtractor()])


def check_order(extractors: list[Extractor]) -> list[Extractor]:
    """The extractors, unchanged, once each one's ``needs`` is filled by one that runs before it."""
    filled: set[str] = set()
    for e in extractors:
        missing = [t for t in getattr(e, "needs", ()) if t not in filled]
        if missing:
            raise ValueError(f"extractor {e.name} needs {', '.join(missing)}, which no earlier extractor fills")
        filled.update(e.tables)
    return extractors


def versions(extractors: list[Extractor]) -> dict[str, str]:
    return {e.name: e.version for e in extractors}

