"""The burden-sharing engine: do big allies carry the load, who pays what, and what would they pay?

* :func:`free_rider_test` — Olson & Zeckhauser's (1966) rank test on every year of NATO's data, with
  Sandler & Murdoch's (2000) partial rank correlation, one-sided verdicts and a bootstrap trend;
* :func:`benefit_burden_test` — spending shares against shares of GDP, population, exposed border;
* :func:`burden_share_table` — each ally's share of allied spending against its share of GDP and people;
* the estimated spending model — :func:`estimate_spending_model` (burden on income, spill-ins, the
  US, threat, pledges; clustered SEs), :func:`validate_spending_model` (out of sample against "no
  change"), :func:`us_exit` and :func:`conditional_guarantee` (counterfactuals with ranges);
* :func:`replace_us` — the extra yearly spending needed to replace the US contribution, from sourced
  components (Bruegel/Kiel's assumptions by default, IISS's or the user's YAML as options);
* the spending game (a theoretical illustration) — :func:`baseline_game`, :func:`exclusion_equilibrium` (a conditional
  guarantee), :func:`guarantor_leaves`, :func:`exclusion_sweep` — a public-good game calibrated to a base year.

Equations, assumptions and sources: docs/model/burden.md. User guide: docs/burden.md.
"""

from __future__ import annotations

from natosim.deprecation import renamed
from natosim.engines.burden.benefits import BenefitBurdenTest, benefit_burden_test
from natosim.engines.burden.errors import BurdenError, YearRangeError
from natosim.engines.burden.forecast import (
    Counterfactual,
    ForecastValidation,
    conditional_guarantee,
    us_exit,
    validate_spending_model,
)
from natosim.engines.burden.free_riding import FreeRiderTest, free_rider_test, partial_spearman
from natosim.engines.burden.game import (
    GameInputs,
    GameResult,
    baseline_game,
    exclusion_equilibrium,
    exclusion_sweep,
    game_inputs,
    guarantor_leaves,
)
from natosim.engines.burden.model import SpendingModel, estimate_spending_model, spending_panel
from natosim.engines.burden.replace_us import AssumptionSet, ReplaceUs, load_assumptions, replace_us
from natosim.engines.burden.shares import BurdenShares, burden_share_table
from natosim.engines.burden.years import parse_years, resolve_years

__all__ = [
    "AssumptionSet",
    "BenefitBurdenTest",
    "BurdenError",
    "BurdenShares",
    "Counterfactual",
    "ForecastValidation",
    "FreeRiderTest",
    "GameInputs",
    "GameResult",
    "ReplaceUs",
    "SpendingModel",
    "YearRangeError",
    "baseline_game",
    "benefit_burden_test",
    "burden_share_table",
    "conditional_guarantee",
    "estimate_spending_model",
    "exclusion_equilibrium",
    "exclusion_sweep",
    "free_rider_test",
    "game_inputs",
    "guarantor_leaves",
    "load_assumptions",
    "parse_years",
    "partial_spearman",
    "replace_us",
    "resolve_years",
    "spending_panel",
    "us_exit",
    "validate_spending_model",
]


__getattr__ = renamed(
    __name__,
    {
        "ValidationResult": (ForecastValidation, "use ForecastValidation"),
        "sweep": (exclusion_sweep, "use exclusion_sweep(base_year, thresholds_pct, private_shares, ...)"),
        "burden_shares": (
            burden_share_table,
            "use burden_share_table(years, edition, dataset) (natosim.metrics.shares.burden_shares is the "
            "panel metric, a different function)",
        ),
    },
)
