"""Throughput of the temporal tagger alone (no spaCy, no I/O)."""
from __future__ import annotations

import re
import time
from datetime import date

from scoop.extract.dates import tag_dates

_TOKEN = re.compile(r"\w+|[^\w\s]")  # PTB-like count: words and punctuation marks


def bench_tagger(texts: list[str], doc_dates: list[date | None]) -> dict:
    """Tokens/s, seconds per 1,000 tokens and articles/s of ``tag_dates`` over ``texts``."""
    tokens = sum(len(_TOKEN.findall(t)) for t in texts)
    tag_dates(texts[0] if texts else "", None)  # compile the regexes outside the timing
    started = time.perf_counter()
    rows = 0
    for text, d in zip(texts, doc_dates):
        rows += len(tag_dates(text, d))
    seconds = time.perf_counter() - started
    return {
        "articles": len(texts), "tokens": tokens, "rows": rows, "seconds": round(seconds, 4),
        "tokens_per_s": round(tokens / seconds, 1) if seconds else float("inf"),
        "s_per_1000_tokens": round(seconds / tokens * 1000, 5) if tokens else 0.0,
        "articles_per_s": round(len(texts) / seconds, 1) if seconds else float("inf"),
    }
