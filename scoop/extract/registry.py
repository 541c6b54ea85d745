"""The one place extractors are plugged in, in the order they run.

Later extractors see earlier ones' frames (claims read dates and mentions).
"""
from __future__ import annotations

from scoop.extract.base import Extractor


def default_extractors() -> list[Extractor]:
    from scoop.extract.claims import ClaimsExtractor
    from scoop.extract.dates import DatesExtractor
    from scoop.extract.people import PeopleExtractor

    # spaCy NER is the heaviest stage: two worker processes use both cores (STACK_NOTES: 10.5k -> 16-19k words/s)
    return [DatesExtractor(), PeopleExtractor(n_process=2), ClaimsExtractor()]


def versions(extractors: list[Extractor]) -> dict[str, str]:
    return {e.name: e.version for e in extractors}


def default_finalizers() -> list:
    from scoop.resolve import resolve_people_in_warehouse

    return [resolve_people_in_warehouse]
