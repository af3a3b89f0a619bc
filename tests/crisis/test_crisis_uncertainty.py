"""Honest uncertainty: p_hold_range over every parameter and the Morris ranking (SALib)."""

from __future__ import annotations

from natosim.engines.crisis import ASSUMPTIONS, CrisisParams, Theatre, hold_range, morris_ranking
from natosim.engines.crisis.uncertainty import ranges


def test_every_parameter_is_in_the_analysis(est2024: Theatre, est2016: Theatre) -> None:
    assert set(ranges(est2024)) == set(ASSUMPTIONS)
    assert "ukraine_committed_share" not in ranges(est2016)  # its dated range is 0..0 before the war
    assert "reliability" not in ranges(est2024, CrisisParams(reliability=0.5))  # set by the user: held


def test_morris_ranks_every_parameter(est2024: Theatre) -> None:
    frame = morris_ranking(est2024, CrisisParams(), trajectories=4, draws_per_point=200, seed=1)
    assert set(frame["parameter"]) == set(ASSUMPTIONS) and list(frame["rank"]) == list(range(1, len(frame) + 1))
    assert frame["mu_star"].is_monotonic_decreasing
    assert "ukraine_committed_share" in set(frame.head(5)["parameter"])


def test_p_hold_range_is_wide_where_the_question_is_open(est2024: Theatre) -> None:
    low, high = hold_range(est2024, CrisisParams(), points=24, draws_per_point=200, seed=0)
    assert 0.0 <= low < 0.2 and high > 0.5
    again = hold_range(est2024, CrisisParams(), points=24, draws_per_point=200, seed=0)
    assert again == (low, high)
