"""Warm evaluation time of a scenario (issue 5: under 20 ms for 32 allies and every year of data).

    python benchmarks/scenario.py [--repeat 50]

"Warm" = data loaded, modules imported, the scenario file parsed once: what a notebook, the API
or a sweep pays per evaluation. Two figures per bundled scenario: ``evaluate`` (the baseline and
scenario panels and the headline summary table) and ``+ tables`` (also every detail table,
mostly the compliance assessment of natosim.metrics.compliance). Prints the ratio to the target.
"""

from __future__ import annotations

import argparse
import statistics
import time

TARGET_MS = 20.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    from natosim.scenario import evaluate, library, load_scenario

    print(f"{'scenario':42} {'years':>5} {'evaluate ms':>12} {'+ tables ms':>12} {'÷ target':>9}")
    worst = 0.0
    for name in library():
        scenario = load_scenario(name)
        tables = evaluate(scenario).tables  # warm up: data, caches, imports
        core, full = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = evaluate(scenario)
            middle = time.perf_counter()
            tables = result.tables
            end = time.perf_counter()
            core.append((middle - start) * 1000)
            full.append((end - start) * 1000)
        core_ms, full_ms = statistics.median(core), statistics.median(full)
        worst = max(worst, core_ms)
        assert tables["by_year"] is result.by_year
        print(f"{name:42} {len(result.years):>5} {core_ms:>12.2f} {full_ms:>12.2f} {core_ms / TARGET_MS:>9.2f}")
    print(f"slowest warm evaluation: {worst:.2f} ms (target {TARGET_MS:.0f} ms; median of {args.repeat} runs)")


if __name__ == "__main__":
    main()
