"""Controlled vocabularies of the warehouse contract (../shared/CONTRACT.md), in one place.

The table spec (``scoop.contract.catalog``) checks columns against these.
"""

PUBLISHED_ON_BASIS = ("header", "byline", "inferred", "unknown")
PERSON_KINDS = ("real", "fictional")
ROLES = ("actor", "director", "writer", "creator", "author_original", "journalist", "executive", "other")
CAST_STATUS = ("returning", "new", "departed", "unconfirmed")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
TIMEX_MODS = ("START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER",
              "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE")
GRANULARITIES = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "duration", "ref")
ANCHORS = ("absolute", "publication", "narrative", "unresolved")
CLAIM_TYPES = ("release", "production_start", "production_wrap", "production_event", "renewal", "delay",
               "cast", "cast_exit", "crew", "viewership", "box_office", "award", "episodes", "platform",
               "adaptation", "plot")
CERTAINTIES = ("official", "reported", "expected", "speculative", "rumor")
QUARANTINE_STAGES = ("read", "parse", "extract", "validate", "load")
INPUT_STATUSES = ("loaded", "unchanged", "duplicate", "quarantined", "missing", "skipped")
RUN_STATUSES = ("running", "success", "partial", "failed")
