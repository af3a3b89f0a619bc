"""The engine: arrays of (draws, guarantors), seeded, chunk-additive, consistent with its own rules."""

from __future__ import annotations

import numpy as np
import pytest

from natosim.engines.crisis import (
    ChunkStats,
    CrisisParams,
    Theatre,
    chunk_seed,
    draw,
    evaluate,
    run_crisis,
    simulate_chunk,
)
from natosim.engines.crisis.engine import combine


def _rng(seed: int = 3) -> np.random.Generator:
    return np.random.Generator(np.random.PCG64(chunk_seed(seed, 0)))


def test_shapes_are_draws_by_guarantors(est2024: Theatre) -> None:
    d = draw(est2024, CrisisParams(), 500, _rng())
    assert d.respond.shape == (500, est2024.n_guarantors)
    assert d.decision_days.shape == (500, est2024.n_guarantors)
    assert d.force.shape == (500, len(est2024.owner))


def test_same_seed_same_bits_other_seed_other_result(est2024: Theatre) -> None:
    a = run_crisis("EST", 2024, draws=20_000, seed=42)
    b = run_crisis("EST", 2024, draws=20_000, seed=42)
    c = run_crisis("EST", 2024, draws=20_000, seed=43)
    assert a.stats.to_dict() == b.stats.to_dict()
    assert a.contributions.equals(b.contributions)
    assert a.stats.to_dict() != c.stats.to_dict()


def test_chunk_seeds_are_the_spawned_children() -> None:
    children = np.random.SeedSequence(9).spawn(4)
    for i, child in enumerate(children):
        assert np.array_equal(child.generate_state(4), chunk_seed(9, i).generate_state(4))


def test_hold_means_parity_before_the_fall_hour(est2024: Theatre) -> None:
    params = CrisisParams()
    outcome, stats = evaluate(est2024, params, draw(est2024, params, 20_000, _rng()))
    assert np.array_equal(outcome.hold, outcome.parity_step <= outcome.fall_step)
    assert stats.hold == int(outcome.hold.sum())
    assert outcome.fall_step.min() >= 36 and outcome.fall_step.max() <= 60  # hours, 1-hour steps
    assert stats.histogram.sum() == 20_000


def test_marginal_value_is_p_hold_with_minus_without_on_the_same_draws(est2024: Theatre) -> None:
    """Common random numbers: dropping the US changes nothing else in a draw, so the stored
    'without' counts equal a separate simulation where the US never responds."""
    params = CrisisParams()
    seed = chunk_seed(5, 0)
    full = simulate_chunk(est2024, params, 30_000, seed)
    for code in ("USA", "DEU", "FIN"):
        g = est2024.guarantors.index(code)
        alone = simulate_chunk(est2024.without([code]), params, 30_000, seed)
        assert full.hold_without[g] == alone.hold
        assert full.parity_without[g] == alone.parity
    us = est2024.guarantors.index("USA")
    assert full.hold_without[us] < full.hold  # the US is pivotal in some draws


def test_removing_a_guarantor_never_helps(est2024: Theatre) -> None:
    stats = simulate_chunk(est2024, CrisisParams(), 20_000, chunk_seed(1, 0))
    assert np.all(stats.hold_without <= stats.hold)
    assert np.all(stats.parity_without <= stats.parity)


def test_force_variation_has_mean_one(est2024: Theatre) -> None:
    params = CrisisParams(capability_sigma=0.5)
    d = draw(est2024, params, 100_000, _rng(11))
    expected = params.deployable_share * est2024.capability
    ratio = d.force.mean(axis=0)[expected > 0] / expected[expected > 0]
    assert np.allclose(ratio, 1.0, atol=0.015)
    assert np.mean(d.respond) == pytest.approx(0.745, abs=0.005)


def test_chunks_merge_exactly_and_round_trip_json(est2024: Theatre) -> None:
    import json

    params = CrisisParams()
    parts = [simulate_chunk(est2024, params, 3000, chunk_seed(2, i)) for i in range(3)]
    total = combine(parts)
    assert total.n == 9000 and total.hold == sum(p.hold for p in parts)
    back = ChunkStats.from_dict(json.loads(json.dumps(total.to_dict())))
    assert back.to_dict() == total.to_dict()


def test_results_do_not_depend_on_the_order_chunks_finish(est2024: Theatre) -> None:
    from natosim.engines.crisis.run import Plan, execute, merge_point

    plan = Plan(seed=8, sizes=[2000, 2000, 1000], params=[CrisisParams()], theatres=[est2024])
    forward = execute(plan, {})
    backward = {
        task: simulate_chunk(est2024, CrisisParams(), plan.sizes[task[1]], chunk_seed(8, task[1]))
        for task in reversed(plan.tasks)
    }
    assert merge_point(plan, forward, 0).to_dict() == merge_point(plan, backward, 0).to_dict()


def test_no_guarantor_arrives_before_decision_mobilisation_and_travel(est2024: Theatre) -> None:
    params = CrisisParams(warning_days=0.0)
    outcome, _ = evaluate(est2024, params, draw(est2024, params, 5000, _rng()))
    travel_hours = est2024.distance_km / params.speed_km_per_day * 24
    arrived = outcome.arrival_step <= 720
    assert np.all(outcome.arrival_step[arrived] >= np.floor(np.broadcast_to(travel_hours, arrived.shape)[arrived]))


def test_parameters_passed_as_the_state_are_a_clear_error() -> None:
    from natosim.engines.crisis import CrisisError

    with pytest.raises(CrisisError, match="pass parameters as params="):
        run_crisis("EST", 2024, CrisisParams(), draws=10)  # type: ignore[arg-type]
