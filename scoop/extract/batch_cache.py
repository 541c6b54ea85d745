"""Memos of pure text functions that several extractors call on the same article, kept for one batch.

The people and claims extractors both split each article into sentences and look
for the works it names; ``per_batch`` memoizes such a function by its arguments
(a str caches its hash, so a hit costs little), and ``run_extractors`` calls
``clear`` once a batch is done, so no text outlives its batch here (an article
can be 2 MB).
"""
from __future__ import annotations

import functools
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)
_memos: list = []


def per_batch(maxsize: int) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)``, emptied by ``clear``; size it for a batch's articles."""
    def wrap(fn: F) -> F:
        memo = functools.lru_cache(maxsize=maxsize)(fn)
        _memos.append(memo)
        return memo      # type: ignore[return-value]
    return wrap


def clear() -> None:
    """Forget every memo: a batch's extraction is over."""
    for memo in _memos:
        memo.cache_clear()
