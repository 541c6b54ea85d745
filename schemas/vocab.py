"""Controlled vocabularies: defined in ``scoop.contract.vocabulary``, re-exported here."""
from scoop.contract.vocabulary import (ANCHORS, CAST_STATUS, CERTAINTIES, CLAIM_TYPES, GRANULARITIES, INPUT_STATUSES,
                                       PERSON_KINDS, PUBLISHED_ON_BASIS, QUARANTINE_STAGES, ROLES, RUN_STATUSES,
                                       TIMEX_MODS, TIMEX_TYPES)

__all__ = ["ANCHORS", "CAST_STATUS", "CERTAINTIES", "CLAIM_TYPES", "GRANULARITIES", "INPUT_STATUSES", "PERSON_KINDS",
           "PUBLISHED_ON_BASIS", "QUARANTINE_STAGES", "ROLES", "RUN_STATUSES", "TIMEX_MODS", "TIMEX_TYPES"]
