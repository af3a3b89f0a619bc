"""Benchmarks of the crisis engine (issue 7), run in one process: ``.venv/bin/python benchmarks/crisis.py``.

(a) draws per second of the vectorised engine;
(b) the same model written the way a Mesa user would (one Mesa Agent per guarantor, a Model
    stepping hour by hour), on the same theatre and parameters: the ratio engine/Mesa in draws per
    second (goal ≥ 50×), plus a check that Mesa and the engine agree draw by draw on replayed draws;
(c) a parameter sweep on 1 vs 2 local Dask workers (goal ≥ 1.6×), with identical results.

Options: --quick (smaller sizes, for a smoke test), --processes/--threads for the Dask workers.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import time
from typing import Any

import mesa
import numpy as np

from natosim.engines.crisis import CrisisParams, Theatre, build_theatre, chunk_seed, draw, evaluate, run_crisis
from natosim.engines.crisis.engine import Draws, grid
from natosim.engines.crisis.run import SWEEP_CHUNK, open_client, sweep

# ------------------------------------------------------------------------------------------------
# (b) the Mesa version: what a Mesa user writes
# ------------------------------------------------------------------------------------------------


class GuarantorAgent(mesa.Agent):
    """One ally coming (or not) to the defence: decides, mobilises, travels, then adds its force."""

    def __init__(
        self,
        model: CrisisModel,
        g: int,
        contingents: list[tuple[float, float]],
        replay: tuple[bool, float, list[float], list[float]] | None = None,
    ) -> None:
        super().__init__(model)
        p = model.params
        rng = model.random
        if replay is None:
            self.responds = rng.random() < model.theatre.p_respond[g]
            decision = p.decision_delay_days * math.exp(p.decision_sigma * rng.gauss(0.0, 1.0))
            mobilisation = [
                p.mobilisation_days * math.exp(p.mobilisation_sigma * rng.gauss(0.0, 1.0)) for _ in contingents
            ]
            s = p.capability_sigma
            force = [
                p.deployable_share * cap * math.exp(s * rng.gauss(0.0, 1.0) - 0.5 * s * s) for cap, _ in contingents
            ]
        else:
            self.responds, decision, mobilisation, force = replay
        self.contingents = []  # (arrival step, force)
        for (_, distance), mob, f in zip(contingents, mobilisation, force, strict=True):
            days = max(decision + mob + distance / p.speed_km_per_day - p.warning_days, 0.0)
            self.contingents.append((math.ceil(days * 24.0 / p.step_hours - 1e-9), f))
        self.present = 0.0

    def step(self) -> None:
        if not self.responds:
            return
        now = self.model.steps_done
        self.present = sum(f for arrival, f in self.contingents if arrival <= now)


class CrisisModel(mesa.Model):
    """The target's defence, stepped hour by hour until parity or the horizon."""

    def __init__(
        self, theatre: Theatre, params: CrisisParams, seed: int | None = None, replay: tuple[Draws, int] | None = None
    ) -> None:
        super().__init__(seed=seed)
        self.theatre, self.params = theatre, params
        self.horizon, _, _ = grid(params)
        s = params.capability_sigma
        by_guarantor: list[list[tuple[float, float]]] = [[] for _ in theatre.guarantors]
        for c, g in enumerate(theatre.owner):
            by_guarantor[int(g)].append((float(theatre.capability[c]), float(theatre.distance_km[c])))
        index_of = [[c for c, g in enumerate(theatre.owner) if g == k] for k in range(len(theatre.guarantors))]
        if replay is None:
            self.own = (
                params.home_share * theatre.target_capability * math.exp(s * self.random.gauss(0.0, 1.0) - 0.5 * s * s)
            )
            self.attacker = (
                params.aggressor_share
                * theatre.aggressor_capability
                * math.exp(s * self.random.gauss(0.0, 1.0) - 0.5 * s * s)
            )
            fall_hours = self.random.uniform(params.fall_after_min_hours, params.fall_after_max_hours)
        else:
            d, i = replay
            self.own, self.attacker, fall_hours = float(d.own[i]), float(d.aggressor[i]), float(d.fall_hours[i])
        self.fall_step = math.floor(fall_hours / params.step_hours + 1e-9)
        for g, contingents in enumerate(by_guarantor):
            rep = None
            if replay is not None:
                d, i = replay
                cs = index_of[g]
                rep = (
                    bool(d.respond[i, g]),
                    float(d.decision_days[i, g]),
                    [float(d.mobilisation_days[i, c]) for c in cs],
                    [float(d.force[i, c]) for c in cs],
                )
            GuarantorAgent(self, g, contingents, rep)
        self.steps_done = 0
        self.parity_step: int | None = None
        self.agents.do("step")  # hour 0: forces that arrived during the warning are already there
        self.check()

    def check(self) -> None:
        defence = self.own + sum(agent.present for agent in self.agents)
        if defence >= self.params.threshold * self.attacker and self.parity_step is None:
            self.parity_step = self.steps_done
            self.running = False

    def step(self) -> None:
        self.steps_done += 1
        self.agents.do("step")
        self.check()
        if self.steps_done >= self.horizon:
            self.running = False

    @property
    def holds(self) -> bool:
        return self.parity_step is not None and self.parity_step <= self.fall_step


def mesa_run(
    theatre: Theatre, params: CrisisParams, n: int, seed: int, replay: Draws | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """n crises, one Mesa Model each; returns (hold, parity step or K+1)."""
    hold = np.zeros(n, dtype=bool)
    parity = np.zeros(n, dtype=np.int64)
    master = random.Random(seed)
    for i in range(n):
        model = CrisisModel(
            theatre, params, seed=master.randrange(2**32), replay=(replay, i) if replay is not None else None
        )
        while model.running:
            model.step()
        hold[i] = model.holds
        parity[i] = model.parity_step if model.parity_step is not None else model.horizon + 1
    return hold, parity


# ------------------------------------------------------------------------------------------------
# the three measurements
# ------------------------------------------------------------------------------------------------


def engine_rate(target: str, year: int, draws: int) -> tuple[float, float]:
    run_crisis(target, year, draws=8192, seed=0)  # warm caches (data load, theatre)
    start = time.perf_counter()
    result = run_crisis(target, year, draws=draws, seed=1)
    seconds = time.perf_counter() - start
    return draws / seconds, result.p_hold


def mesa_check(theatre: Theatre, params: CrisisParams, n: int) -> bool:
    """Replay the engine's own draws through the Mesa model: outcomes must agree draw by draw."""
    d = draw(theatre, params, n, np.random.Generator(np.random.PCG64(chunk_seed(7, 0))))
    outcome, _ = evaluate(theatre, params, d)
    hold, parity = mesa_run(theatre, params, n, seed=0, replay=d)
    return bool(np.array_equal(hold, outcome.hold) and np.array_equal(parity, outcome.parity_step))


def parallel_capacity(theatre: Theatre, params: CrisisParams, chunks: int) -> float:
    """Throughput of 2 vs 1 plain worker processes on the same chunks: the ceiling for (c) right now."""
    from concurrent.futures import ProcessPoolExecutor

    from natosim.engines.crisis import simulate_chunk

    timings = {}
    for workers in (1, 2):
        with ProcessPoolExecutor(workers) as pool:
            list(
                pool.map(
                    simulate_chunk,
                    [theatre] * workers,
                    [params] * workers,
                    [64] * workers,
                    [chunk_seed(0, i) for i in range(workers)],
                )
            )  # start and warm the processes
            start = time.perf_counter()
            list(
                pool.map(
                    simulate_chunk,
                    [theatre] * chunks,
                    [params] * chunks,
                    [8192] * chunks,
                    [chunk_seed(1, i) for i in range(chunks)],
                )
            )
            timings[workers] = time.perf_counter() - start
    return timings[1] / timings[2]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes (smoke test)")
    parser.add_argument("--threads", action="store_true", help="Dask workers as threads (default processes)")
    parser.add_argument("--target", default="EST")
    parser.add_argument("--year", type=int, default=2024)
    args = parser.parse_args(argv)
    quick = args.quick
    engine_draws = 100_000 if quick else 1_000_000
    mesa_draws = 30 if quick else 300
    sweep_draws = 40_000 if quick else 500_000
    params = CrisisParams()
    theatre = build_theatre(args.target, args.year, None, params)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"numpy {np.__version__}, mesa {mesa.__version__}; load average {os.getloadavg()[0]:.1f} "
        "(other processes share the cores: figures are only comparable within one run)"
    )
    print(f"theatre: {args.target} {args.year}, {len(theatre.guarantors)} guarantors, {len(theatre.owner)} contingents")

    rate, p_hold = engine_rate(args.target, args.year, engine_draws)
    print(f"(a) engine: {rate:,.0f} draws/s ({engine_draws:,} draws, P(hold) = {p_hold:.4f})")

    same = mesa_check(theatre, params, min(mesa_draws, 200))
    start = time.perf_counter()
    hold, _ = mesa_run(theatre, params, mesa_draws, seed=11)
    mesa_rate = mesa_draws / (time.perf_counter() - start)
    print(
        f"(b) Mesa: {mesa_rate:,.1f} draws/s ({mesa_draws} draws, P(hold) = {hold.mean():.3f}); "
        f"agrees draw by draw on replayed draws: {same}"
    )
    print(f"    ratio engine/Mesa = {rate / mesa_rate:,.0f}x (goal >= 50x)")

    processes = not args.threads
    grid_spec = ["reliability=0.6,0.9", "threshold=1/4,1/3"]
    timings, frames = {}, {}
    for workers in (1, 2):
        client, cluster = open_client(workers, None, processes)  # start-up is not part of the sweep
        try:
            client.run(lambda: __import__("natosim.engines.crisis"))  # warm imports on every worker
            start = time.perf_counter()
            result = sweep(args.target, args.year, grid_spec, draws=sweep_draws, seed=5, store=False, client=client)
            timings[workers] = time.perf_counter() - start
        finally:
            client.close()
            cluster.close()
        frames[workers] = result.points
    identical = frames[1].equals(frames[2])
    speedup = timings[1] / timings[2]
    capacity = parallel_capacity(theatre, params, 40 if quick else 120)
    print(
        f"(c) sweep of 4 points x {sweep_draws:,} draws (chunks of {SWEEP_CHUNK:,}) on Dask "
        f"({'processes' if processes else 'threads'}): "
        f"1 worker {timings[1]:.1f}s, 2 workers {timings[2]:.1f}s, speed-up {speedup:.2f}x (goal >= 1.6x); "
        f"identical results: {identical}"
    )
    print(
        f"    reference: the same chunks on 1 vs 2 plain processes (no Dask) run {capacity:.2f}x faster "
        "-- the parallel capacity the machine offered at that moment"
    )
    return {
        "engine_rate": rate,
        "mesa_rate": mesa_rate,
        "ratio": rate / mesa_rate,
        "mesa_agrees": same,
        "sweep_speedup": speedup,
        "sweep_identical": identical,
        "parallel_capacity": capacity,
    }


if __name__ == "__main__":
    main()
