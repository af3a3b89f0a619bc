"""Benchmarks of the crisis engine (issues 7, 15), run in one process: ``.venv/bin/python benchmarks/crisis.py``.

(a) draws per second of the vectorised engine, and its cost per chunk against the raw cost of
    drawing its random numbers (goal ≤ 3×), measured interleaved in the same run;
(b) the same model (v2: forces, force ratios, breakthrough rule) written the way a Mesa user would
    (one Mesa Agent per guarantor, a Model stepping the advance hour by hour): the ratio engine/Mesa
    in draws per second (goal ≥ 50×), plus the share of replayed draws on which they agree;
(c) a parameter sweep on 1 vs 2 local Dask workers (goal ≥ 1.6×), with identical results.

Options: --quick (smaller sizes, for a smoke test), --processes/--threads for the Dask workers.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import random
import sys
import time
from pathlib import Path
from typing import Any

import mesa
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from natosim.engines.crisis import (
    CrisisParams,
    Raw,
    Theatre,
    build_theatre,
    chunk_seed,
    draw_raw,
    outcome,
    run_crisis,
)
from natosim.engines.crisis.engine import values
from natosim.engines.crisis.run import SWEEP_CHUNK, open_client, sweep_crisis

# ------------------------------------------------------------------------------------------------
# (b) the Mesa version: what a Mesa user writes
# ------------------------------------------------------------------------------------------------


def _lognormal(sigma: float, z: float) -> float:
    return math.exp(sigma * z - 0.5 * sigma * sigma)


class GuarantorAgent(mesa.Agent):
    """One ally: decides (or not) to fight, then its contingents arrive one by one."""

    def __init__(self, model: CrisisModel, g: int, replay: tuple[float, list[float]] | None) -> None:
        super().__init__(model)
        t, p, rng = model.theatre, model.p, model.random
        mine = [c for c, owner in enumerate(t.c_owner) if owner == g]
        if replay is None:
            z = math.sqrt(p["decision_correlation"]) * model.common
            z += math.sqrt(1 - p["decision_correlation"]) * rng.gauss(0.0, 1.0)
            delay_z, ready, size = rng.gauss(0.0, 1.0), [rng.random() for _ in mine], [rng.gauss(0, 1) for _ in mine]
        else:
            z, (delay_z, ready, size) = replay[0], replay[1]  # type: ignore[misc]
        prob = p["us_reliability"] if t.is_us[g] else p["reliability"]
        if not math.isnan(t.override[g]):
            prob = float(t.override[g])
        self.responds = model.normal_cdf(z) < prob
        self.delay = p["decision_delay_days"] * math.exp(p["decision_sigma"] * delay_z)
        self.contingents = []  # (arrival day, troops)
        for c, u, s in zip(mine, ready, size, strict=True):
            days = (t.c_days_min[c] + u * (t.c_days_max[c] - t.c_days_min[c])) * p["readiness_scale"]
            days += t.c_distance_km[c] / p["speed_km_per_day"] - p["warning_days"] + self.delay
            troops = p["reinforcement_share"] * t.c_troops[c] * _lognormal(p["force_sigma"], s)
            self.contingents.append((max(days, 0.0), troops))
        self.present = 0.0

    def step(self) -> None:
        if self.responds:
            now = self.model.now
            self.present = sum(troops for day, troops in self.contingents if day <= now)


class CrisisModel(mesa.Model):
    """The attacker's advance on the capital, stepped hour by hour (the way a Mesa user writes it)."""

    def __init__(self, theatre: Theatre, params: CrisisParams, seed: int | None = None, replay: Any = None) -> None:
        super().__init__(seed=seed)
        self.theatre, self.p = theatre, values(params, theatre)
        p = self.p
        if replay is None:
            self.common = self.random.gauss(0.0, 1.0)
            own_z, att_z, speed_u = self.random.gauss(0, 1), self.random.gauss(0, 1), self.random.random()
        else:
            self.common = replay.common
            own_z, att_z, speed_u = replay.own, replay.attacker, replay.speed
        self.own = p["home_share"] * theatre.own_troops * _lognormal(p["force_sigma"], own_z)
        self.attack = theatre.russia_base * p["russia_force_scale"] * (1 - p["ukraine_committed_share"])
        self.attack *= _lognormal(p["force_sigma"], att_z) * p["russia_effectiveness"]
        lo, hi = p["breakthrough_min_km_per_day"], p["breakthrough_max_km_per_day"]
        self.v_break = lo + speed_u * (hi - lo)
        self.now, self.covered, self.fall_day = 0.0, 0.0, math.inf
        for g in range(theatre.n_guarantors):
            agent_replay = None
            if replay is not None:
                mine = [c for c, owner in enumerate(theatre.c_owner) if owner == g]
                rz = math.sqrt(p["decision_correlation"]) * replay.common
                rz += math.sqrt(1 - p["decision_correlation"]) * replay.idio[g]
                agent_replay = (rz, (replay.delay[g], [replay.ready[c] for c in mine], [replay.size[c] for c in mine]))
            GuarantorAgent(self, g, agent_replay)
        self.us = next((a for a in self.agents if theatre.is_us[a.unique_id - 1]), None)
        self.forward = float(theatre.f_troops.sum())

    @staticmethod
    def normal_cdf(z: float) -> float:
        return 0.5 * math.erfc(-z / math.sqrt(2.0))

    def step(self) -> None:
        p, dt = self.p, 1.0 / 24.0
        self.agents.do("step")
        power = p["home_effectiveness"] * self.own + self.forward + sum(a.present for a in self.agents)
        if self.us is not None and self.us.responds and max(self.us.delay - p["warning_days"], 0.0) <= self.now:
            power *= p["us_enabler_factor"]
        ratio = self.attack / power
        speed = (
            self.v_break if ratio >= p["break_ratio"] else p["opposed_km_per_day"] if ratio >= p["stall_ratio"] else 0
        )
        self.covered += speed * dt
        self.now += dt
        if self.covered >= self.theatre.axis_km:
            self.fall_day = self.now
            self.running = False
        elif self.now >= p["horizon_days"] - 1e-9:
            self.running = False


def _row(raw: Raw, i: int) -> Any:
    class Row:
        common, own, attacker, speed = raw.common[i], raw.own[i], raw.attacker[i], raw.speed[i]
        idio, delay, ready, size = raw.idio[i], raw.delay[i], raw.ready[i], raw.size[i]

    return Row


def mesa_run(theatre: Theatre, params: CrisisParams, n: int, seed: int, replay: Raw | None = None) -> np.ndarray:
    """n crises, one Mesa Model each, stepped hour by hour; returns the day each capital fell (inf: held)."""
    fall = np.full(n, np.inf)
    master = random.Random(seed)
    for i in range(n):
        model = CrisisModel(
            theatre, params, seed=master.randrange(2**32), replay=_row(replay, i) if replay is not None else None
        )
        while model.running:
            model.step()
        fall[i] = model.fall_day
    return fall


# ------------------------------------------------------------------------------------------------
# the three measurements
# ------------------------------------------------------------------------------------------------


def engine_rate(target: str, year: int, draws: int) -> tuple[float, float]:
    run_crisis(target, year, draws=8192, seed=0)  # warm caches (data load, theatre)
    start = time.perf_counter()
    result = run_crisis(target, year, draws=draws, seed=1)
    seconds = time.perf_counter() - start
    return draws / seconds, result.p_hold


def raw_ratio(theatre: Theatre, params: CrisisParams, chunks: int) -> tuple[float, float]:
    """CPU seconds per chunk to draw the random numbers alone, and the engine's (draw + outcome +
    statistics), best of 5, interleaved. CPU time (``time.process_time``), not wall time: the
    engine is single-threaded, and on a shared machine wall time mostly measures the neighbours."""
    from natosim.engines.crisis.engine import stats_of
    from natosim.engines.crisis.run import DEFAULT_CHUNK

    p = values(params, theatre)

    def draw_only() -> None:
        for i in range(chunks):
            draw_raw(theatre, DEFAULT_CHUNK, np.random.Generator(np.random.PCG64(chunk_seed(1, i))))

    def engine() -> None:
        for i in range(chunks):
            raw = draw_raw(theatre, DEFAULT_CHUNK, np.random.Generator(np.random.PCG64(chunk_seed(1, i))))
            stats_of(theatre, p, outcome(theatre, p, raw))

    def cpu(action: Any) -> float:
        start = time.process_time()
        action()
        return time.process_time() - start

    raw_best, engine_best = math.inf, math.inf
    for _ in range(5):
        raw_best = min(raw_best, cpu(draw_only))
        engine_best = min(engine_best, cpu(engine))
    return raw_best / chunks, engine_best / chunks


def mesa_check(theatre: Theatre, params: CrisisParams, n: int) -> float:
    """Replay the engine's own random numbers through the Mesa model: the share of draws on which they
    agree (both hold, or both fall within 6 hours of each other). Mesa counts an arrival from the next
    whole hour; when that arrival stops a breakthrough, the hour's lag at breakthrough speed takes
    several hours to cover at the opposed rate, so the fall times can differ by more than an hour.
    The engine's exactness is tested against minute-by-minute stepping in tests/crisis."""
    raw = draw_raw(theatre, n, np.random.Generator(np.random.PCG64(chunk_seed(7, 0))))
    exact = outcome(theatre, values(params, theatre), raw).fall_days
    stepped = mesa_run(theatre, params, n, seed=0, replay=raw)
    both_hold = np.isinf(exact) & np.isinf(stepped)
    finite = np.isfinite(exact) & np.isfinite(stepped)
    with np.errstate(invalid="ignore"):
        gap = np.abs(np.where(finite, exact - stepped, 0.0))
    close = finite & (gap <= 6.0 / 24.0 + 1e-9)
    return float((both_hold | close).mean())


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
    parser.add_argument("--no-sweep", action="store_true", help="skip (c), the Dask sweep")
    parser.add_argument("--target", default="EST")
    parser.add_argument("--year", type=int, default=2024)
    args = parser.parse_args(argv)
    quick = args.quick
    engine_draws = 100_000 if quick else 1_000_000
    mesa_draws = 20 if quick else 100
    sweep_draws = 40_000 if quick else 500_000
    params = CrisisParams()
    theatre = build_theatre(args.target, args.year, None, params)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"numpy {np.__version__}, mesa {mesa.__version__}; load average {os.getloadavg()[0]:.1f} "
        "(other processes share the cores: figures are only comparable within one run)"
    )
    print(f"theatre: {args.target} {args.year}, {theatre.n_guarantors} guarantors, {len(theatre.c_owner)} contingents")

    rate, p_hold = engine_rate(args.target, args.year, engine_draws)
    print(f"(a) engine: {rate:,.0f} draws/s ({engine_draws:,} draws, P(hold) = {p_hold:.4f})")
    raw_s, engine_s = raw_ratio(theatre, params, 4 if quick else 12)
    print(
        f"    per chunk of 8,192 (CPU time): random numbers alone {raw_s * 1e3:.1f} ms, "
        f"engine {engine_s * 1e3:.1f} ms: "
        f"{engine_s / raw_s:.2f}x the raw cost of its random numbers (goal <= 3x)"
    )

    agree = mesa_check(theatre, params, min(mesa_draws, 60))
    start = time.perf_counter()
    fall = mesa_run(theatre, params, mesa_draws, seed=11)
    mesa_rate = mesa_draws / (time.perf_counter() - start)
    print(
        f"(b) Mesa (hour by hour): {mesa_rate:,.1f} draws/s ({mesa_draws} draws, "
        f"P(hold) = {np.isinf(fall).mean():.3f}); "
        f"agrees with the engine on replayed draws (same outcome, fall within 6 h): {agree:.1%}"
    )
    print(f"    ratio engine/Mesa = {rate / mesa_rate:,.0f}x (goal >= 50x)")
    out: dict[str, Any] = {
        "engine_rate": rate,
        "raw_ms": raw_s * 1e3,
        "engine_ms": engine_s * 1e3,
        "raw_ratio": engine_s / raw_s,
        "mesa_rate": mesa_rate,
        "ratio": rate / mesa_rate,
        "mesa_agrees": agree,
    }
    if args.no_sweep:
        return out

    processes = not args.threads
    grid_spec = ["reliability=0.3,0.6", "warning_days=1,4"]
    timings, frames = {}, {}
    for workers in (1, 2):
        client, cluster = open_client(workers, None, processes)  # start-up is not part of the sweep
        try:
            client.run(lambda: __import__("natosim.engines.crisis"))  # warm imports on every worker
            start = time.perf_counter()
            result = sweep_crisis(
                args.target, args.year, grid_spec, draws=sweep_draws, seed=5, store=False, client=client
            )
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
    return {**out, "sweep_speedup": speedup, "sweep_identical": identical, "parallel_capacity": capacity}


if __name__ == "__main__":
    main()
