"""Rules speed: cold YAML load + validation vs cached ``at(date)``; compliance for one year and for
every year (the vectorised trend fit), and the three procedures.

Run: ``.venv/bin/python benchmarks/rules.py``. Prints times and ratios measured in the same process.
"""

from __future__ import annotations

from timing import best_of  # benchmarks/timing.py: a script's own folder is on sys.path

from natosim.metrics.compliance import compliance
from natosim.rules import at, clear_rules_cache, pledges
from natosim.rules.procedures import accession, article5, withdrawal


def main() -> None:
    compliance(2024)  # imports and the data cache out of the way

    def cold() -> None:
        clear_rules_cache()
        pledges()
        at("2025-07-01")

    cold_s = best_of(cold, 5)
    warm_s = best_of(lambda: at("2025-07-01"), 50)
    one_year = best_of(lambda: compliance(2024, "wales-2014"), 10)
    every_year = best_of(lambda: [compliance(year, "wales-2014") for year in range(2014, 2026)], 3)
    procedures = best_of(
        lambda: (
            withdrawal("USA", "senate", "2026-03-01"),
            accession("UKR", "2026-07-01"),
            article5("EST", "2026-01-01"),
        ),
        10,
    )
    print(f"cold rules load + validate + at():  {cold_s * 1000:.1f} ms")
    print(f"warm at(date):                      {warm_s * 1000:.2f} ms   (cold/warm {cold_s / warm_s:.0f}x)")
    print(f"compliance, one year (32 allies):   {one_year * 1000:.1f} ms")
    print(f"compliance, 12 years:               {every_year * 1000:.1f} ms   ({every_year / one_year:.1f}x one year)")
    print(f"withdrawal + accession + article5:  {procedures * 1000:.1f} ms")


if __name__ == "__main__":
    main()
