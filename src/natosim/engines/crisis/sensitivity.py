"""How much P(hold) moves when each main assumption moves over a stated, sourced range.

Every row re-runs the model with one parameter at its low and its high value and the *same seed*
(common random numbers), so the differences are the parameter's effect, not Monte Carlo noise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from natosim.engines.crisis.params import CrisisParams
from natosim.engines.crisis.run import expand, run_crisis

if TYPE_CHECKING:  # pragma: no cover
    from natosim.state import AllianceState

#: parameter → (low, high, why this range)
RANGES: dict[str, tuple[Any, Any, str]] = {
    "reliability": (
        0.41,
        1.0,
        "41%: defence pacts 1816-2003 (Berkemeier & Fuhrmann 2018); 100%: NATO's one "
        "invocation (2001), every ally took part",
    ),
    "threshold": (0.25, 0.5, "the attacker needs 4:1 / 2:1 instead of 3:1"),
    "deployable_share": (0.08, 0.5, "8%: NATO 'sustainable' usability target (2004); 50%: later deployability goal"),
    "aggressor_share": (0.125, 0.5, "half / double the default"),
    "warning_days": (0.0, 4.0, "surprise attack / four days of warning"),
    "decision_delay_days": (0.5, 3.0, "12 h / 3 days to decide"),
    "mobilisation_days": (2.0, 7.0, "SHAPE: some units ready in 2 days, most within 7"),
    "speed_km_per_day": (250.0, 1000.0, "half / double the default"),
    "capability_sigma": (0.0, 0.5, "no variation / double"),
    "fall_after_hours": (36.0, 60.0, "RAND 2016 range fixed at each end (36 h / 60 h)"),
}


def sensitivity(
    target: str,
    year: int,
    state: AllianceState | None = None,
    params: CrisisParams | None = None,
    draws: int = 20_000,
    seed: int = 0,
    parameters: list[str] | None = None,
) -> pd.DataFrame:
    """One row per parameter: low/base/high values and P(hold), P(parity by horizon) at each."""
    base = params or CrisisParams()
    reference = run_crisis(target, year, state, base, draws=draws, seed=seed)
    rows = []
    for name in parameters or list(RANGES):
        low, high, why = RANGES[name]
        row: dict[str, Any] = {
            "parameter": name,
            "low": low,
            "high": high,
            "range_source": why,
            "base": getattr(base, name, None)
            if name != "fall_after_hours"
            else f"{base.fall_after_min_hours:g}-{base.fall_after_max_hours:g}",
        }
        for label, value in (("low", low), ("high", high)):
            point = CrisisParams.build(expand({name: value}), base=base)
            result = run_crisis(target, year, state, point, draws=draws, seed=seed)
            row[f"p_hold_{label}"] = result.p_hold
            row[f"p_parity_{label}"] = result.p_parity_by_horizon
        row["p_hold_base"] = reference.p_hold
        row["p_parity_base"] = reference.p_parity_by_horizon
        row["swing"] = abs(row["p_hold_high"] - row["p_hold_low"])
        rows.append(row)
    columns = [
        "parameter",
        "base",
        "low",
        "high",
        "p_hold_low",
        "p_hold_base",
        "p_hold_high",
        "swing",
        "p_parity_low",
        "p_parity_base",
        "p_parity_high",
        "range_source",
    ]
    return pd.DataFrame(rows)[columns]
