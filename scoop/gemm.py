"""Which matrix multiply spaCy's NER uses here: blis's (spaCy's default) or numpy's BLAS, whichever is faster.

spaCy's models multiply matrices through thinc's ``NumpyOps``, which calls
blis. blis picks its kernels by CPU model at start-up, and a CPU it does not
know gets its generic C reference kernel: blis 1.3.4 knows AMD only up to
family 0x19, so on the Zen 5 machines scoop is measured on (family 0x1A) every
multiply runs on that slow kernel. numpy's OpenBLAS picks by CPU features and
is fast there. Measured on the first 200 BBC articles' NER windows, one
process: 3.7-4.3 CPU-s with blis, 2.6-3.2 with numpy's BLAS, and the very same
entities (``tests/test_gemm.py`` checks that on real text).

So ``choose`` times one multiply of the NER's shapes with each (about 10 ms)
and takes numpy only when it is clearly faster (``NUMPY_MARGIN``): where blis
has a real kernel the two are close, and scoop keeps spaCy's default. numpy's
BLAS then runs on one thread: an extraction worker has one core, and BLAS
threads spinning beside it cost a third more CPU for the same work.

``SCOOP_GEMM`` = ``blis`` | ``numpy`` | ``auto`` (the default) overrides the choice.
"""
from __future__ import annotations

import contextlib
import os
import time
from functools import lru_cache
from typing import Callable, Iterator

GEMM_ENV = "SCOOP_GEMM"
CHOICES = ("auto", "blis", "numpy")
# numpy must take at most this share of blis's time to be chosen: a generic kernel is ~3x slower,
# two tuned kernels are within a few tens of percent (and then spaCy's default is kept)
NUMPY_MARGIN = 0.6
# a maxout layer of the NER's tok2vec: 256 tokens x (3 x 96) features -> 2 pieces x 96
SHAPE = (256, 288, 192)


class GemmSettingError(ValueError):
    """``SCOOP_GEMM`` holds something else than ``auto``, ``blis`` or ``numpy``."""


def _best_seconds(multiply: Callable[[], object], repeats: int = 7) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        multiply()
        best = min(best, time.perf_counter() - t0)
    return best


def measure() -> dict[str, float]:
    """Seconds of one multiply of ``SHAPE`` with blis and with numpy's BLAS (on one thread), the best of 7."""
    import blis.py
    import numpy as np
    from threadpoolctl import threadpool_limits

    rows, inner, cols = SHAPE
    rng = np.random.default_rng(0)
    x = rng.random((rows, inner), dtype=np.float32)
    w = rng.random((inner, cols), dtype=np.float32)
    with threadpool_limits(1, user_api="blas"):
        return {"blis": _best_seconds(lambda: blis.py.gemm(x, w)), "numpy": _best_seconds(lambda: x @ w)}


def _known(value: str, what: str) -> str:
    if value not in CHOICES:
        raise GemmSettingError(f"{what}{value!r}: expected one of {', '.join(CHOICES)}")
    return value


def setting() -> str:
    """``SCOOP_GEMM`` (``auto`` when unset); a clear error for anything else."""
    return _known(os.environ.get(GEMM_ENV, "auto").strip().lower() or "auto", f"{GEMM_ENV}=")


@lru_cache(maxsize=1)
def _measured_choice() -> str:
    seconds = measure()
    return "numpy" if seconds["numpy"] < NUMPY_MARGIN * seconds["blis"] else "blis"


def choose(value: str | None = None) -> str:
    """``blis`` or ``numpy``: ``value`` (or ``SCOOP_GEMM``), and for ``auto`` the measured faster one."""
    value = setting() if value is None else _known(value, "gemm ")
    return _measured_choice() if value == "auto" else value


@contextlib.contextmanager
def model_ops(choice: str) -> Iterator[None]:
    """Models built inside use ``choice``'s multiply (``blis`` changes nothing: it is spaCy's default).

    For ``numpy`` the process's BLAS is limited to one thread, for good: the models keep using it.
    """
    if choice == "blis":
        yield
        return
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    threadpool_limits(1, user_api="blas")
    with use_ops("numpy", use_blis=False):
        yield
