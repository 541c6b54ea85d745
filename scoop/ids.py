"""Stable identifiers: the same inputs always give the same id."""
from __future__ import annotations

import hashlib
import re
import unicodedata


def stable_id(*parts: object, length: int = 16) -> str:
    """Hex digest of the parts, joined unambiguously."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def slugify(text: str) -> str:
    """`Kim Ha-neul` -> `kim-ha-neul` (ASCII, lower case, dash-separated)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"
