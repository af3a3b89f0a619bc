"""Data loading speed: cold (read + validate every bundled table) vs warm (cached) queries.

Run: ``.venv/bin/python benchmarks/data_load.py``. Prints times and the warm/cold ratio measured in
the same process.
"""

from __future__ import annotations

import time

from natosim.data import clear_cache, figures, load


def timed(action, repeat: int) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    load()  # import cost out of the way

    def cold() -> None:
        clear_cache()
        figures(year=2024, dataset=load())

    cold_s = timed(cold, 5)
    warm_s = timed(lambda: figures(year=2024), 50)
    print(f"cold load + validate + resolve editions: {cold_s * 1000:.1f} ms")
    print(f"warm figures(year=2024):                 {warm_s * 1000:.2f} ms")
    print(f"ratio cold/warm: {cold_s / warm_s:.0f}x")


if __name__ == "__main__":
    main()
