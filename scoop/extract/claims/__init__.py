"""Claims: what each article asserts about a show or film (CONTRACT.md `claims`).

- ``cues``: the general claim-type cue rules; ``credit_cues``: certainty, negation and attribution cues;
- ``rules``: reads sentence by sentence (``values``, ``who``, ``certainty``, ``rows`` fill each claim);
- ``roles``: the roles the role model adds;
- ``features`` / ``model`` / ``combine``: the trained claim-type model and where it adds cues;
- ``training``: gold articles -> labelled sentences -> model (``scoop train``);
- ``extractor``: the plug-in the pipeline runs.
"""
from scoop.extract.claims.claim_extractor import ClaimsExtractor
from scoop.extract.claims.rules import CLAIMS_SCHEMA, as_date, extract_claims

__all__ = ["CLAIMS_SCHEMA", "ClaimsExtractor", "as_date", "extract_claims"]
