"""Two alliance states on common random numbers: the paired difference in P(hold) and its 95% interval.

Why paired: both states are simulated on *the same draws* — the same political shocks, delays,
readiness and troop numbers — differing only where the states differ (a guarantor gone). The
per-draw difference ``d = hold_scenario − hold_base`` then has a small variance, and its mean's
interval ``mean ± 1.96·sd(d)/√n`` says whether the policy changes the outcome, which two
independent runs cannot (v1 could show a *gain* from losing a guarantee, from noise alone).

The scenario's theatre is the base theatre with the lost guarantors' response probability set to 0
and their forward forces removed, so both states draw the same random numbers in the same order.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

import numpy as np
import pandas as pd

from natosim.engines.crisis.engine import TROOP_DAYS, chunk_seed, draw_raw, outcome, values
from natosim.engines.crisis.params import CrisisError, CrisisParams
from natosim.engines.crisis.run import DEFAULT_CHUNK, chunk_sizes
from natosim.engines.crisis.theatre import Theatre, build_theatre
from natosim.results import ResultMixin

if TYPE_CHECKING:  # pragma: no cover
    from natosim.state import AllianceState

Z95 = 1.959963984540054  # standard normal 97.5th percentile


@dataclass
class CrisisComparison(ResultMixin):
    """P(hold) under two states on the same draws, their paired difference and its 95% interval."""

    title: ClassVar[str] = "Crisis comparison"

    target: str
    year: int
    base: str
    scenario: str
    draws: int
    seed: int
    p_hold_base: float
    p_hold_scenario: float
    difference: float
    se: float
    guarantors_lost: list[str]
    troops_base: dict[str, float]
    troops_scenario: dict[str, float]
    notes: list[str] = field(default_factory=list)

    @property
    def ci_low(self) -> float:
        return self.difference - Z95 * self.se

    @property
    def ci_high(self) -> float:
        return self.difference + Z95 * self.se

    @property
    def summary(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "year": self.year,
            "base": self.base,
            "scenario": self.scenario,
            "p_hold_base": self.p_hold_base,
            "p_hold_scenario": self.p_hold_scenario,
            "difference": self.difference,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "se": self.se,
            "guarantors_lost": self.guarantors_lost,
            "draws": self.draws,
            "seed": self.seed,
            "unit": "troops (personnel)",
        }

    def to_frame(self) -> pd.DataFrame:
        """Expected allied troops in the target by day, under each state (unit: troops)."""
        return pd.DataFrame(
            {
                "day": [int(d) for d in TROOP_DAYS],
                "troops_base": [self.troops_base[str(d)] for d in TROOP_DAYS],
                "troops_scenario": [self.troops_scenario[str(d)] for d in TROOP_DAYS],
            }
        )

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary, "troops_by_day": self.to_frame(), "notes": self.notes}


def _not_in_force(state: AllianceState, year: int) -> list[str]:
    """Policies of a scenario that do not apply in ``year`` (e.g. a withdrawal whose notice runs on)."""
    notes = []
    for step in getattr(state, "trace", None) or []:
        if isinstance(step, dict) and step.get("step") == "policy" and int(year) not in (step.get("years") or []):
            notes.append(f"{step.get('label', 'a policy')} is not in force in {year}: {step.get('effect', '')}".strip())
    return notes


def paired_theatre(base: Theatre, scenario_guarantors: list[str], label: str) -> tuple[Theatre, list[str]]:
    """The base theatre with the guarantors the scenario lost switched off (same shapes, same draws)."""
    extra = sorted(set(scenario_guarantors) - set(base.guarantors))
    if extra:
        raise CrisisError(
            f"the scenario adds guarantors of {base.target} ({', '.join(extra)}); compare supports scenarios that "
            "keep or remove guarantees",
            field="scenario",
        )
    lost = [g for g in base.guarantors if g not in scenario_guarantors]
    theatre = base.without(lost)
    gone = np.isin(theatre.f_owner, [base.guarantors.index(g) for g in lost])
    f_troops = np.where(gone, 0.0, theatre.f_troops)
    return dataclasses.replace(theatre, f_troops=f_troops, scenario=label), lost


def compare_states(
    target: str,
    year: int,
    base_state: AllianceState | None,
    scenario_state: AllianceState,
    *,
    base_label: str = "baseline",
    scenario_label: str = "scenario",
    params: CrisisParams | None = None,
    draws: int = 100_000,
    seed: int = 0,
    chunk_size: int = DEFAULT_CHUNK,
) -> CrisisComparison:
    """P(hold) of ``target`` under two states, paired draw by draw."""
    params = params or CrisisParams()
    base = build_theatre(target, year, base_state, params, scenario=base_label)
    other = build_theatre(target, year, scenario_state, params, scenario=scenario_label)
    paired, lost = paired_theatre(base, list(other.guarantors), scenario_label)
    p = values(params, base)
    n = hold_b = hold_s = 0
    sum_d = sum_d2 = 0.0
    troops_b = np.zeros(len(TROOP_DAYS))
    troops_s = np.zeros(len(TROOP_DAYS))
    for c, size in enumerate(chunk_sizes(draws, chunk_size)):
        raw = draw_raw(base, size, np.random.Generator(np.random.PCG64(chunk_seed(seed, c))))
        out_b, out_s = outcome(base, p, raw), outcome(paired, p, raw)
        hb, hs = np.isinf(out_b.fall_days), np.isinf(out_s.fall_days)
        d = hs.astype(float) - hb.astype(float)
        n += size
        hold_b += int(hb.sum())
        hold_s += int(hs.sum())
        sum_d += float(d.sum())
        sum_d2 += float((d * d).sum())
        troops_b += out_b.troops_by_day.sum(axis=0)
        troops_s += out_s.troops_by_day.sum(axis=0)
    mean = sum_d / n
    var = max(sum_d2 / n - mean * mean, 0.0) * n / max(n - 1, 1)
    notes = list(other.notes)
    if not lost:
        notes.append(f"no guarantee of {base.target} changes in {base.year} under {scenario_label}")
    notes += _not_in_force(scenario_state, int(year))
    return CrisisComparison(
        target=base.target,
        year=base.year,
        base=base_label,
        scenario=scenario_label,
        draws=int(draws),
        seed=int(seed),
        p_hold_base=hold_b / n,
        p_hold_scenario=hold_s / n,
        difference=mean,
        se=math.sqrt(var / n),
        guarantors_lost=lost,
        troops_base={str(d): round(float(v / n), 1) for d, v in zip(TROOP_DAYS, troops_b, strict=True)},
        troops_scenario={str(d): round(float(v / n), 1) for d, v in zip(TROOP_DAYS, troops_s, strict=True)},
        notes=notes,
    )


def compare_crisis(
    base: str,
    scenario: str,
    target: str,
    year: int,
    *,
    params: CrisisParams | None = None,
    draws: int = 100_000,
    seed: int = 0,
) -> CrisisComparison:
    """``natosim crisis compare BASE SCENARIO``: bundled scenario names or YAML files; ``baseline`` is
    the alliance as it is."""
    # import cycle: scenario_link imports compare_states from this module
    from natosim.engines.crisis.scenario_link import evaluated_scenario

    result, label = evaluated_scenario(scenario, year)
    scenario_state = result.state(int(year))
    if base == "baseline":
        base_state, base_label = result.baseline_state(int(year)), "baseline"
    else:
        base_result, base_label = evaluated_scenario(base, year)
        base_state = base_result.state(int(year))
    return compare_states(
        target,
        year,
        base_state,
        scenario_state,
        base_label=base_label,
        scenario_label=label,
        params=params,
        draws=draws,
        seed=seed,
    )
