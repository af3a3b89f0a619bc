"""Data loading speed: cold (read + validate every bundled table) vs warm (cached) queries.

Run: ``.venv/bin/python benchmarks/data_load.py``. Prints times and the warm/cold ratio measured in
the same process.
"""

from __future__ import annotations

from timing import best_of  # benchmarks/timing.py: a script's own folder is on sys.path

from natosim.data import clear_cache, figures, load


def main() -> None:
    load()  # import cost out of the way

    def cold() -> None:
        clear_cache()
        figures(year=2024, dataset=load())

    cold_s = best_of(cold, 5)
    warm_s = best_of(lambda: figures(year=2024), 50)
    print(f"cold load + validate + resolve editions: {cold_s * 1000:.1f} ms")
    print(f"warm figures(year=2024):                 {warm_s * 1000:.2f} ms")
    print(f"ratio cold/warm: {cold_s / warm_s:.0f}x")


if __name__ == "__main__":
    main()
