"""Honest uncertainty: P(hold) over the parameters' ranges, and which parameters matter (SALib Morris).

Two different uncertainties, reported side by side:

- the **Monte Carlo standard error** of P(hold) (``p_hold_se``): how long the simulation ran;
- the **parameter uncertainty** (``p_hold_range``): P(hold) evaluated at parameter points drawn
  by Latin hypercube over every parameter's range (``ASSUMPTIONS``: uniform between low and high),
  summarised by its 5th and 95th percentiles. This is the one that matters.

The ranking is the Morris elementary-effects method (Morris 1991; SALib, Herman & Usher 2017):
``mu_star`` is the mean absolute change of P(hold) when one parameter moves across its range.
Every point re-uses the same random numbers (common random numbers), so differences between points
are parameter effects, not noise; each point's P(hold) still carries a binomial error of about
``sqrt(p(1−p)/draws_per_point)``, stated in the output.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from natosim import extras
from natosim.engines.crisis.engine import draw_raw, outcome, values
from natosim.engines.crisis.params import ASSUMPTIONS, CrisisParams
from natosim.engines.crisis.theatre import Theatre

#: the spawn key of the random numbers of the uncertainty analysis (separate from the run's chunks)
UNCERTAINTY_STREAM = 1_000_003

#: parameter points of ``p_hold_range`` by default: the 5th/95th percentiles of 64 points moved by
#: about ±0.1 from seed to seed for EST 2024 (0.69–0.88), of 256 points by about ±0.03 (0.81–0.86)
RANGE_POINTS = 256


def ranges(theatre: Theatre, params: CrisisParams | None = None) -> dict[str, tuple[float, float]]:
    """Every parameter with a non-empty range (the dated Ukraine share caps its own range).

    Parameters the user set explicitly (``params``' fields set) are held at their value: a question
    such as "after a ceasefire" (``ukraine_committed_share=0``) is not averaged away.
    """
    out = {}
    dated = theatre.dated()
    fixed = params.model_fields_set if params is not None else set()
    for name, a in ASSUMPTIONS.items():
        if name in fixed:
            continue
        high = dated.get(name, a.high)
        if high > a.low:
            out[name] = (float(a.low), float(high))
    return out


def p_hold_at_points(
    theatre: Theatre, params: CrisisParams, points: list[dict[str, float]], *, draws_per_point: int, seed: int
) -> np.ndarray:
    """P(hold) at each parameter point (values not in a point stay at ``params``), same random numbers."""
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(int(seed), spawn_key=(UNCERTAINTY_STREAM,))))
    raw = draw_raw(theatre, int(draws_per_point), rng)
    base = values(params, theatre)
    out = np.empty(len(points))
    for i, point in enumerate(points):
        out[i] = float(np.isinf(outcome(theatre, {**base, **point}, raw).fall_days).mean())
    return out


def hold_range(
    theatre: Theatre,
    params: CrisisParams,
    *,
    points: int = RANGE_POINTS,
    draws_per_point: int = 500,
    seed: int = 0,
    quantiles: tuple[float, float] = (0.05, 0.95),
) -> tuple[float, float]:
    """5th and 95th percentiles of P(hold) over a Latin hypercube of every parameter's range."""
    from scipy.stats import qmc

    spans = ranges(theatre, params)
    names = list(spans)
    unit = qmc.LatinHypercube(d=len(names), seed=np.random.default_rng(int(seed))).random(int(points))
    low = np.array([spans[n][0] for n in names])
    high = np.array([spans[n][1] for n in names])
    sample = qmc.scale(unit, low, high)
    rows = [dict(zip(names, map(float, row), strict=True)) for row in sample]
    hold = p_hold_at_points(theatre, params, rows, draws_per_point=draws_per_point, seed=seed)
    lo, hi = np.quantile(hold, quantiles)
    return float(lo), float(hi)


def morris_ranking(
    theatre: Theatre,
    params: CrisisParams,
    *,
    trajectories: int = 8,
    draws_per_point: int = 400,
    seed: int = 0,
) -> pd.DataFrame:
    """Every parameter ranked by its Morris ``mu_star`` on P(hold) (a tornado in table form)."""
    extras.require("crisis", what="the sensitivity analysis")
    from SALib.analyze import morris as morris_analyze
    from SALib.sample import morris as morris_sample

    spans = ranges(theatre, params)
    names = list(spans)
    problem: dict[str, Any] = {"num_vars": len(names), "names": names, "bounds": [list(spans[n]) for n in names]}
    sample = morris_sample.sample(problem, N=int(trajectories), num_levels=4, seed=int(seed))
    rows = [dict(zip(names, map(float, row), strict=True)) for row in sample]
    hold = p_hold_at_points(theatre, params, rows, draws_per_point=draws_per_point, seed=seed)
    analysis = morris_analyze.analyze(problem, sample, hold, num_levels=4, seed=int(seed))
    base = values(params, theatre)
    frame = pd.DataFrame(
        {
            "parameter": names,
            "value": [base[n] for n in names],
            "low": [spans[n][0] for n in names],
            "high": [spans[n][1] for n in names],
            "unit": [ASSUMPTIONS[n].unit for n in names],
            "mu_star": np.asarray(analysis["mu_star"], dtype=float),
            "mu": np.asarray(analysis["mu"], dtype=float),
            "sigma": np.asarray(analysis["sigma"], dtype=float),
            "confidence": [ASSUMPTIONS[n].confidence for n in names],
        }
    )
    frame = frame.sort_values("mu_star", ascending=False, kind="stable").reset_index(drop=True)
    frame.insert(0, "rank", np.arange(1, len(frame) + 1))
    return frame
