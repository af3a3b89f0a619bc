"""The crisis model under a scenario: what "the US only defends 2% payers" does to a Baltic crisis.

``natosim scenario run NAME --crisis EST`` (scenarios helper) calls :func:`scenario_crisis`, which
runs the baseline and the scenario state of the same year with the *same seed* (common random
numbers: the difference is the policy's effect, not noise) and stores both runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from natosim.engines.crisis.compare import compare_states
from natosim.engines.crisis.params import CrisisParams
from natosim.engines.crisis.run import run_crisis
from natosim.scenario import evaluate, load_scenario

if TYPE_CHECKING:  # pragma: no cover
    from natosim.state import AllianceState


def evaluated_scenario(scenario: Any, year: int) -> tuple[Any, str]:
    """A scenario (bundled name, YAML file, Scenario or evaluated Result) evaluated in ``year``, and its name."""
    if hasattr(scenario, "state") and callable(scenario.state) and hasattr(scenario, "scenario"):
        return scenario, str(getattr(scenario.scenario, "name", "scenario"))

    loaded = scenario if hasattr(scenario, "policies") else load_scenario(str(scenario))
    return evaluate(loaded, year=int(year)), str(loaded.name)


def scenario_state(scenario: Any, year: int) -> tuple[AllianceState, str]:
    """The AllianceState of ``scenario`` (a bundled name, a YAML file, a Scenario or a scenario Result)
    in ``year``; a year after the data carries the figures the scenario holds (``figures_year``)."""
    result, label = evaluated_scenario(scenario, year)
    return result.state(int(year)), label


def scenario_crisis(
    scenario: Any,
    target: str,
    year: int,
    params: CrisisParams | None = None,
    draws: int = 100_000,
    seed: int = 0,
    *,
    store: bool = True,
    db: str | Path | None = None,
) -> dict[str, Any]:
    """P(hold) of ``target`` in the baseline and under ``scenario`` (same seed), with the difference.

    Returns a JSON-ready dict: target, year, p_hold_baseline, p_hold_scenario, difference, the two
    run ids (when stored) and the scenario's guarantors of the target that the baseline had and it lost.
    """
    result, label = evaluated_scenario(scenario, year)
    state, base_state = result.state(int(year)), result.baseline_state(int(year))
    base = run_crisis(
        target, year, base_state, params=params, draws=draws, seed=seed, scenario="baseline", store=store, db=db
    )
    under = run_crisis(target, year, state, params=params, draws=draws, seed=seed, scenario=label, store=store, db=db)
    paired = compare_states(
        target, year, base_state, state, scenario_label=label, params=params, draws=draws, seed=seed
    )
    return {
        "target": base.target,
        "year": base.year,
        "scenario": label,
        "p_hold_baseline": paired.p_hold_base,
        "p_hold_scenario": paired.p_hold_scenario,
        "difference": paired.difference,
        "ci_low": paired.ci_low,
        "ci_high": paired.ci_high,
        "guarantors_lost": paired.guarantors_lost,
        "notes": paired.notes,
        "draws": draws,
        "seed": seed,
        "run_ids": {"baseline": base.run_id, "scenario": under.run_id},
    }
