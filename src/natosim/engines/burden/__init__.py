"""The burden-sharing engine: do big allies carry the load, who pays what, and what would they pay?

* :func:`free_rider_test` — Olson & Zeckhauser's (1966) rank test on every year of NATO's data;
* :func:`burden_shares` — each ally's share of allied spending against its share of GDP and people;
* the spending game — :func:`baseline_game`, :func:`exclusion_equilibrium` (a conditional
  guarantee), :func:`guarantor_leaves`, :func:`sweep` — a public-good game calibrated to a base year.

Equations, assumptions and sources: docs/model/burden.md. User guide: docs/burden.md.
"""

from __future__ import annotations

from natosim.engines.burden.errors import BurdenError, YearRangeError
from natosim.engines.burden.free_riding import FreeRiderTest, free_rider_test
from natosim.engines.burden.game import (
    GameInputs,
    GameResult,
    baseline_game,
    exclusion_equilibrium,
    game_inputs,
    guarantor_leaves,
    sweep,
)
from natosim.engines.burden.shares import BurdenShares, burden_shares
from natosim.engines.burden.years import parse_years

__all__ = [
    "BurdenError",
    "BurdenShares",
    "FreeRiderTest",
    "GameInputs",
    "GameResult",
    "YearRangeError",
    "baseline_game",
    "burden_shares",
    "exclusion_equilibrium",
    "free_rider_test",
    "game_inputs",
    "guarantor_leaves",
    "parse_years",
    "sweep",
]
