"""Throughput of the temporal tagger alone (no spaCy, no I/O)."""
from __future__ import annotations

import re
import time
from datetime import date

from pathlib import Path

from scoop.extract.dates import tag_dates

# HeidelTime measured here: about 1 s per 1,000 tokens in a warm JVM (issue 3's reference)
HEIDELTIME_S_PER_1000_TOKENS = 1.0

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
        "times_heideltime": round(HEIDELTIME_S_PER_1000_TOKENS / (seconds / tokens * 1000), 1)
        if seconds and tokens else float("inf"),
    }


def load_corpus(folder: Path) -> tuple[list[str], list[date | None]]:
    """Texts and document dates of a folder: TimeML ``.tml`` files (DCT), or raw articles (cleaned)."""
    from scoop.clean import clean_article
    from scoop.read import list_raw_files
    from scoop.evaluation.timeml_io import read_tml

    texts: list[str] = []
    dates: list[date | None] = []
    tml = sorted(folder.rglob("*.tml"))
    if tml:
        for path in tml:
            text, dct, _ = read_tml(path)
            texts.append(text)
            dates.append(dct)
        return texts, dates
    for path in list_raw_files(folder):
        article = clean_article(path.read_text(encoding="utf-8", errors="replace"))
        texts.append(article.body)
        dates.append(article.published_on)
    return texts, dates
