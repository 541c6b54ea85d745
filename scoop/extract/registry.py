"""The one place extractors are plugged in, in the order they run.

Later extractors see earlier ones' frames (claims read dates and mentions).
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

    return [*untrained_extractors(), ClaimsExtractor()]


def versions(extractors: list[Extractor]) -> dict[str, str]:
    return {e.name: e.version for e in extractors}


def default_finalizers() -> list:
    from scoop.resolve import resolve_people_in_warehouse

    return [resolve_people_in_warehouse]
