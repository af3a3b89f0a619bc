"""Calibration to RAND 2016 (Shlapak & Johnson, RR-1253-A): Russian forces at Tallinn/Riga in 36–60 h.

The statement in docs/model/crisis.md: with 2016 data and the default parameters, the chance that
Estonia's capital holds (parity reached before the 36–60 h fall time) is about 3% — low.
"""

from __future__ import annotations

import pytest

from natosim.engines.crisis import CrisisParams, run_crisis


def test_estonia_2016_baseline_has_a_low_chance_of_holding_at_60_hours() -> None:
    result = run_crisis("EST", 2016, draws=100_000, seed=2016)
    assert result.p_hold < 0.10
    assert result.p_hold == pytest.approx(0.03, abs=0.01)  # the figure stated in docs/model/crisis.md
    # the defence is restored later: parity comes after the fall time in almost every draw
    assert result.parity_quantiles()["p50"] > 60 / 24


def test_even_the_latest_fall_time_leaves_estonia_2016_likely_lost() -> None:
    latest = CrisisParams(fall_after_min_hours=60, fall_after_max_hours=60)
    assert run_crisis("EST", 2016, params=latest, draws=50_000, seed=1).p_hold < 0.10


def test_a_surprise_attack_cannot_be_held_by_allies_that_are_not_there() -> None:
    """Without warning nothing arrives within 60 h (decision + mobilisation + travel), and Estonia's
    own forces are far below a third of the Russian force: P(hold) is exactly 0."""
    surprise = CrisisParams(warning_days=0.0)
    result = run_crisis("EST", 2016, params=surprise, draws=30_000, seed=3)
    assert result.p_hold == 0.0
    assert result.theatre.target_capability * 3 < 0.25 * result.theatre.aggressor_capability
