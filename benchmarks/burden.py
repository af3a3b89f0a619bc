"""Speed of the burden game (issue 6): a warm 32-ally equilibrium (goal < 5 ms) and a 10,000-pair sweep.

Run: ``.venv/bin/python benchmarks/burden.py`` (add ``--quick`` for fewer repeats). Prints the best
of several repeats, in the style of ``timeit`` (the minimum is the least disturbed by other work on
a shared machine). Not a test: speed is measured here, never asserted in tests/.
"""

from __future__ import annotations

import sys
import time
import timeit
from collections.abc import Callable

import numpy as np


def best(function: Callable[[], object], number: int, repeat: int) -> float:
    """Best time per call in seconds."""
    return min(timeit.repeat(function, number=number, repeat=repeat)) / number


def main(quick: bool = False) -> None:
    from natosim.engines.burden import equilibrium as eq
    from natosim.engines.burden import (
        exclusion_equilibrium,
        exclusion_sweep,
        free_rider_test,
        game_inputs,
        spending_panel,
        validate_spending_model,
    )
    from natosim.engines.burden.free_riding import bootstrap_trend

    repeat = 3 if quick else 7
    inputs = game_inputs(2024)
    income, spending = inputs.income, inputs.spending
    guarantor = inputs.iso3.index("USA")
    rng = np.random.default_rng(0)
    # 32 allies: the 31 of 2024 with figures plus one more (Iceland has no defence figure), synthetic
    income32 = np.append(income, 30.0)
    spending32 = np.append(spending, 0.3)

    def nash_32() -> object:
        beta = eq.calibrate(income32, spending32)
        return eq.nash(income32, beta)

    beta32 = eq.calibrate(income32, spending32)
    a32, c32 = eq.coefficients(income32, beta32)
    start = inputs.frame["defence_exp_pct_gdp"].to_numpy() >= 2.0
    beta31 = eq.calibrate(income, spending)

    rows = [
        ("32-ally Nash solve (Newton), warm", best(lambda: eq.solve(a32, c32), 200, repeat), 5e-3),
        ("32-ally calibrate + solve, warm", best(nash_32, 200, repeat), 5e-3),
        ("32-ally closed form (sort), warm", best(lambda: eq.nash_closed_form(a32, c32), 200, repeat), None),
        (
            "2024 exclusion at 2 % (arrays), warm",
            best(lambda: eq.exclusion(income, beta31, 0.0, 0.02, guarantor, start), 20, repeat),
            None,
        ),
        ("2024 exclusion_equilibrium() incl. data + table", best(lambda: exclusion_equilibrium(2024), 5, repeat), None),
    ]
    thresholds, shares = np.meshgrid(np.linspace(0.5, 10.0, 100), np.linspace(0.0, 0.99, 100))
    started = time.perf_counter()
    table = exclusion_sweep(2024, thresholds.ravel(), shares.ravel())
    sweep_seconds = time.perf_counter() - started
    started = time.perf_counter()
    table14 = exclusion_sweep(2014, thresholds.ravel(), shares.ravel())
    sweep14_seconds = time.perf_counter() - started
    random_pairs = rng.uniform([0.5, 0.0], [30.0, 0.99], size=(10_000, 2))
    started = time.perf_counter()
    exclusion_sweep(2024, random_pairs[:, 0], random_pairs[:, 1])
    random_seconds = time.perf_counter() - started

    print(f"{'benchmark':52s} {'time':>12s} {'goal':>10s} {'ratio':>8s}")
    for name, seconds, goal in rows:
        ratio = f"{seconds / goal:.3f}" if goal else ""
        goal_text = f"{goal * 1e3:.0f} ms" if goal else ""
        print(f"{name:52s} {seconds * 1e3:9.3f} ms {goal_text:>10s} {ratio:>8s}")
    for name, seconds, frame in (
        ("sweep 10,000 pairs, 2024 (thr 0.5–10 %, share 0–0.99)", sweep_seconds, table),
        ("sweep 10,000 pairs, 2014 (same grid)", sweep14_seconds, table14),
    ):
        print(
            f"{name:52s} {seconds * 1e3:9.1f} ms   converged {frame['converged'].mean():.1%}, "
            f"max rounds {frame['rounds'].max()}"
        )
    print(f"{'sweep 10,000 random pairs, 2024 (thr 0.5–30 %)':52s} {random_seconds * 1e3:9.1f} ms")

    # issue 16: the rank tests with their bootstrap, the panel, the out-of-sample validation; ratios
    # against the plain rank tests without the bootstrap, timed in the same run
    points = free_rider_test(None).points
    plain = best(lambda: free_rider_test(None, draws=0), 1, repeat)
    science = [
        ("rank tests, all years, no bootstrap (baseline)", plain),
        ("cluster bootstrap of the trend, 2,000 draws", best(lambda: bootstrap_trend(points, 2000), 1, repeat)),
        ("spending panel (all regressors)", best(lambda: spending_panel(), 1, repeat)),
        ("validate_spending_model(), 6 cut-offs", best(lambda: validate_spending_model(), 1, min(repeat, 3))),
    ]
    for name, seconds in science:
        print(f"{name:52s} {seconds * 1e3:9.1f} ms {'':>10s} {seconds / plain:8.2f}")


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
