"""The one timing helper the benchmark scripts share: best of several runs, in seconds.

Best-of, not mean: on a shared 2-core machine the minimum is the figure least disturbed by other work.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(action: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best
