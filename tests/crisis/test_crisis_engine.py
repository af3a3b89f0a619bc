"""The engine: exact integration of the advance, bounded troops, correlated decisions, reproducibility."""

from __future__ import annotations

import numpy as np
import pytest

from natosim.engines.crisis import (
    ChunkStats,
    CrisisParams,
    Theatre,
    chunk_seed,
    draw_raw,
    outcome,
    run_crisis,
    simulate_chunk,
)
from natosim.engines.crisis.engine import values


def _stepped_fall(theatre: Theatre, p: dict, raw, i: int, step: float = 1 / 1440) -> float:
    """Reference: step the battle minute by minute for draw i (slow, obviously right)."""
    out = outcome(theatre, p, raw)
    # rebuild draw i's inputs exactly as the engine does
    rho = p["decision_correlation"]
    z = np.sqrt(rho) * raw.common[i] + np.sqrt(1 - rho) * raw.idio[i]
    from scipy.special import ndtri

    prob = np.where(theatre.is_us, p["us_reliability"], p["reliability"])
    respond = z < ndtri(prob)
    assert (respond == out.respond[i]).all()
    delay = p["decision_delay_days"] * np.exp(p["decision_sigma"] * raw.delay[i])
    ready = (theatre.c_days_min + raw.ready[i] * (theatre.c_days_max - theatre.c_days_min)) * p["readiness_scale"]
    arrive = delay[theatre.c_owner] + ready + theatre.c_distance_km / p["speed_km_per_day"] - p["warning_days"]
    sig = p["force_sigma"]
    troops = p["reinforcement_share"] * theatre.c_troops * np.exp(sig * raw.size[i] - sig * sig / 2)
    own = p["home_share"] * theatre.own_troops * np.exp(sig * raw.own[i] - sig * sig / 2)
    attack = theatre.russia_base * p["russia_force_scale"] * (1 - p["ukraine_committed_share"])
    attack *= np.exp(sig * raw.attacker[i] - sig * sig / 2) * p["russia_effectiveness"]
    v_break = p["breakthrough_min_km_per_day"] + raw.speed[i] * (
        p["breakthrough_max_km_per_day"] - p["breakthrough_min_km_per_day"]
    )
    us = int(np.flatnonzero(theatre.is_us)[0])
    us_on = max(delay[us] - p["warning_days"], 0.0) if respond[us] else np.inf
    covered, t = 0.0, 0.0
    while t < p["horizon_days"]:
        here = respond[theatre.c_owner] & (np.maximum(arrive, 0) <= t)
        power = p["home_effectiveness"] * own + theatre.f_troops.sum() + troops[here].sum()
        power *= p["us_enabler_factor"] if us_on <= t else 1.0
        ratio = attack / power
        v = v_break if ratio >= p["break_ratio"] else (p["opposed_km_per_day"] if ratio >= p["stall_ratio"] else 0)
        covered += v * step
        if covered >= theatre.axis_km:
            return t + step
        t += step
    return np.inf


@pytest.mark.parametrize("changes", [{}, {"ukraine_committed_share": 0.0}, {"ukraine_committed_share": 0.5}])
def test_exact_integration_matches_minute_by_minute_stepping(est2024: Theatre, changes: dict) -> None:
    p = {**values(CrisisParams(), est2024), **changes}
    raw = draw_raw(est2024, 40, np.random.Generator(np.random.PCG64(chunk_seed(3, 0))))
    fall = outcome(est2024, p, raw).fall_days
    for i in range(0, 40, 4):
        reference = _stepped_fall(est2024, p, raw, i)
        if np.isinf(fall[i]):
            assert np.isinf(reference)
        else:
            assert reference == pytest.approx(fall[i], abs=2 / 1440)


def test_troops_are_bounded_by_the_force_model() -> None:
    """Madrid 2022: about 100,000 within 10 days and 200,000 more by day 30, for the whole alliance."""
    result = run_crisis("EST", 2024, draws=20_000, seed=1)
    troops = result.expected_allied_troops
    assert troops["10"] <= 150_000 and troops["30"] <= 500_000
    assert 5_000 < troops["10"] < troops["30"]
    assert result.expected_troops_by_day["GBR"]["3"] >= 1430  # the battlegroup is there from hour 0
    every = CrisisParams(reliability=1, us_reliability=1, reinforcement_share=1, warning_days=0)
    everyone = run_crisis("EST", 2024, draws=5_000, seed=1, params=every)
    assert 150_000 < everyone.expected_allied_troops["30"] <= 300_000 + 2_000  # tiers 1+2 plus the battlegroup


def test_decisions_share_a_political_factor(est2024: Theatre) -> None:
    raw = draw_raw(est2024, 20_000, np.random.Generator(np.random.PCG64(chunk_seed(5, 0))))
    base = values(CrisisParams(), est2024)
    alone = outcome(est2024, {**base, "decision_correlation": 0.0}, raw).respond
    shared = outcome(est2024, {**base, "decision_correlation": 0.9}, raw).respond
    assert alone.mean() == pytest.approx(0.41, abs=0.01) and shared.mean() == pytest.approx(0.41, abs=0.01)
    all_alone, all_shared = alone.all(axis=1).mean(), shared.all(axis=1).mean()
    assert all_alone == 0.0 and all_shared > 0.02  # correlated: sometimes everyone comes
    us = est2024.guarantors.index("USA")
    no_us = outcome(est2024, {**base, "us_reliability": 0.0}, raw).respond
    assert not no_us[:, us].any() and no_us.mean() > 0.39  # the US decision is separate


def test_more_forces_at_the_outset_never_hurt(est2024: Theatre) -> None:
    """Common random numbers: the same draws with more brigades in place hold at least as often."""
    p = {**values(CrisisParams(), est2024), "ukraine_committed_share": 0.0}
    raw = draw_raw(est2024, 5_000, np.random.Generator(np.random.PCG64(chunk_seed(2, 0))))
    import dataclasses

    more = dataclasses.replace(est2024, f_troops=est2024.f_troops * 10)
    hold, hold_more = (np.isinf(outcome(t, p, raw).fall_days) for t in (est2024, more))
    assert (hold_more >= hold).all() and hold_more.mean() > hold.mean()


def test_chunks_merge_exactly_and_round_trip(est2024: Theatre) -> None:
    params = CrisisParams()
    a = simulate_chunk(est2024, params, 3000, chunk_seed(1, 0))
    b = simulate_chunk(est2024, params, 3000, chunk_seed(1, 1))
    total = a.merge(b)
    assert total.n == 6000 and total.hold == a.hold + b.hold
    assert ChunkStats.from_dict(total.to_dict()).to_dict() == total.to_dict()
    assert total.histogram.sum() == 6000


def test_same_seed_same_bits_and_chunk_size_is_part_of_identity() -> None:
    one = run_crisis("LVA", 2024, draws=10_000, seed=4)
    two = run_crisis("LVA", 2024, draws=10_000, seed=4)
    assert one.stats.to_dict() == two.stats.to_dict()
    assert run_crisis("LVA", 2024, draws=10_000, seed=5).stats.to_dict() != one.stats.to_dict()


def test_defaults_give_the_documented_headline() -> None:
    """EST 2024 (Russia 80% committed in Ukraine): the capital usually holds; after a ceasefire it falls."""
    now = run_crisis("EST", 2024, draws=20_000, seed=0)
    after = run_crisis("EST", 2024, draws=20_000, seed=0, params=CrisisParams(ukraine_committed_share=0.0))
    assert 0.6 < now.p_hold < 0.85
    assert after.p_hold < 0.1 and after.p_hold_at(60) < 0.2
    assert run_crisis("POL", 2024, draws=5_000, seed=0).p_hold > 0.95  # no more "fixed 36-60 h" for Warsaw


def test_event_keys_sort_by_time_then_column_from_hour_0_to_the_horizon() -> None:
    """The packed int32 keys: an arrival during the warning counts from hour 0, ties sort by column,
    a contingent that never comes (inf) and one after the horizon both sit at the horizon."""
    from natosim.engines.crisis.engine import TICKS_PER_DAY, _event_days, _event_keys, _live, _ticks

    days = np.array([[5.0, -1.0, 0.0, np.inf, 5.0, 45.0]])
    key = _event_keys(days * TICKS_PER_DAY, 30.0)
    assert np.argsort(key[0], kind="stable").tolist() == [1, 2, 0, 4, 3, 5]
    ordered = np.sort(key, axis=1)
    assert _event_days(ordered[0], 30.0).tolist() == [0.0, 0.0, 5.0, 5.0, 30.0, 30.0]
    assert _live(ordered, _ticks(30.0) << 7) == 4
    with pytest.raises(ValueError, match="does not fit"):
        _ticks(1000.0)
