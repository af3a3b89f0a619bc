"""The crisis Monte Carlo on arrays: one chunk of draws, shape (draws, guarantors), no Python loop.

Per draw (see docs/model/crisis.md for the equations and sources):

- guarantor g responds with probability p_g (reliability × condition);
- each of its contingents c sends F_c = deployable_share × K_c × V_c, V_c mean-one lognormal;
- contingent c arrives at T_c = D_g + M_c + d_c / speed (decision, mobilisation, travel);
- the target fights with home_share × K_T × V_T from hour 0; the aggressor commits
  aggressor_share × K_A × V_A;
- hour by hour, the defence is at parity when (own + arrived) / aggressor ≥ threshold; the capital
  falls when the defence stays below parity for longer than L ~ Uniform(36 h, 60 h) (RAND 2016).

Because forces only arrive (v1 has no attrition), the defence/attacker ratio never falls, so
"below parity for longer than L" is the same as "parity not reached by hour L": the engine
evaluates the sum of forces present at hour L directly, and the hour of parity by sorting
arrivals. The result is the same as stepping hour by hour (the Mesa benchmark steps and agrees
draw by draw), at O(draws × guarantors) cost.

A chunk returns *sufficient statistics* (counts and sums), so chunks merge exactly and results do
not depend on how chunks are spread over workers: chunk i is always seeded with
``SeedSequence(run_seed, spawn_key=(i,))`` — the i-th child of ``SeedSequence(run_seed).spawn``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from natosim.engines.crisis.params import CrisisParams
from natosim.engines.crisis.theatre import Theatre


def chunk_seed(run_seed: int, chunk: int) -> np.random.SeedSequence:
    """The seed of chunk ``chunk``: the same as ``SeedSequence(run_seed).spawn(n)[chunk]`` for any n."""
    return np.random.SeedSequence(int(run_seed), spawn_key=(int(chunk),))


def grid(params: CrisisParams) -> tuple[int, int, float]:
    """(horizon step K, number of histogram bins K+2, hours per step)."""
    k = int(np.floor(params.horizon_days * 24.0 / params.step_hours + 1e-9))
    return k, k + 2, params.step_hours


@dataclass
class Draws:
    """The random inputs of a chunk (exposed so the Mesa benchmark can replay the same draws)."""

    respond: np.ndarray  # (n, G) bool
    decision_days: np.ndarray  # (n, G)
    mobilisation_days: np.ndarray  # (n, C)
    force: np.ndarray  # (n, C) capability units sent
    own: np.ndarray  # (n,)
    aggressor: np.ndarray  # (n,)
    fall_hours: np.ndarray  # (n,)


def _mean_one_lognormal(rng: np.random.Generator, sigma: float, shape: tuple[int, ...]) -> np.ndarray:
    """exp(σZ − σ²/2): median below 1, mean exactly 1, so σ spreads outcomes without biasing them."""
    return np.exp(sigma * rng.standard_normal(shape) - 0.5 * sigma * sigma)


def draw(theatre: Theatre, params: CrisisParams, n: int, rng: np.random.Generator) -> Draws:
    """Draw every random input of ``n`` crises, in a fixed order (the order is part of the seed contract)."""
    g, c = theatre.n_guarantors, len(theatre.owner)
    respond = rng.random((n, g)) < theatre.p_respond[None, :]
    decision = params.decision_delay_days * np.exp(params.decision_sigma * rng.standard_normal((n, g)))
    mobilisation = params.mobilisation_days * np.exp(params.mobilisation_sigma * rng.standard_normal((n, c)))
    force = (
        params.deployable_share
        * theatre.capability[None, :]
        * _mean_one_lognormal(rng, params.capability_sigma, (n, c))
    )
    own = params.home_share * theatre.target_capability * _mean_one_lognormal(rng, params.capability_sigma, (n,))
    aggressor = (
        params.aggressor_share * theatre.aggressor_capability * _mean_one_lognormal(rng, params.capability_sigma, (n,))
    )
    fall = rng.uniform(params.fall_after_min_hours, params.fall_after_max_hours, n)
    return Draws(respond, decision, mobilisation, force, own, aggressor, fall)


@dataclass
class Outcome:
    """Per-draw outcomes of a chunk (kept for tests and the benchmark; the run keeps only stats)."""

    hold: np.ndarray  # (n,) bool: parity reached by the fall hour
    parity_step: np.ndarray  # (n,) int: step of parity, K+1 if not within the horizon
    fall_step: np.ndarray  # (n,) int
    arrival_step: np.ndarray  # (n, C) int, K+1 for contingents that never come


def arrival_days(theatre: Theatre, params: CrisisParams, d: Draws) -> np.ndarray:
    """T_c = D_g(c) + M_c + distance_c / speed − warning, in days after the attack (n, C); ≤ 0: there at hour 0."""
    travel = theatre.distance_km / params.speed_km_per_day - params.warning_days
    return d.decision_days[:, theatre.owner] + d.mobilisation_days + travel[None, :]


def evaluate(theatre: Theatre, params: CrisisParams, d: Draws) -> tuple[Outcome, ChunkStats]:
    """Turn one chunk of draws into per-draw outcomes and the chunk's sufficient statistics."""
    k_horizon, bins, step = grid(params)
    n, g = d.respond.shape
    never = k_horizon + 1
    responds_c = d.respond[:, theatre.owner]
    # a force counts from the first check at or after its arrival (hour-by-hour checks)
    steps = np.ceil(np.maximum(arrival_days(theatre, params, d), 0.0) * (24.0 / step) - 1e-9).astype(np.int64)
    arrival = np.where(responds_c, np.minimum(steps, never), never)
    fall_step = np.floor(d.fall_hours / step + 1e-9).astype(np.int64)
    need = params.threshold * d.aggressor - d.own  # force still needed for parity

    present_fall = arrival <= fall_step[:, None]
    present_horizon = arrival <= k_horizon
    x_fall = np.where(present_fall, d.force, 0.0)
    x_horizon = np.where(present_horizon, d.force, 0.0)
    xg_fall, xg_horizon = x_fall[:, :g].copy(), x_horizon[:, :g].copy()
    for c in range(g, len(theatre.owner)):  # forces stationed abroad: a handful of contingents at most
        xg_fall[:, theatre.owner[c]] += x_fall[:, c]
        xg_horizon[:, theatre.owner[c]] += x_horizon[:, c]
    total_fall = xg_fall.sum(axis=1)
    total_horizon = xg_horizon.sum(axis=1)

    # hour of parity: sort arrivals, accumulate forces, first hour the need is met
    order = np.argsort(arrival, axis=1)  # ties arrive together: their order cannot change the hour of parity
    sorted_steps = np.take_along_axis(arrival, order, axis=1)
    cumulative = np.cumsum(np.take_along_axis(d.force, order, axis=1), axis=1)
    met = (cumulative >= need[:, None]) & (sorted_steps <= k_horizon)
    first = np.argmax(met, axis=1)
    parity = np.where(met.any(axis=1), sorted_steps[np.arange(n), first], never)
    parity = np.where(need <= 0, 0, parity)
    hold = parity <= fall_step

    hold_without = (total_fall[:, None] - xg_fall) >= need[:, None]
    hold_without &= hold[:, None]  # removing a guarantor never helps (guards float rounding)
    parity_horizon = parity <= k_horizon
    parity_without = ((total_horizon[:, None] - xg_horizon) >= need[:, None]) & parity_horizon[:, None]

    first_arrival = arrival[:, :g].copy()
    for c in range(g, len(theatre.owner)):
        first_arrival[:, theatre.owner[c]] = np.minimum(first_arrival[:, theatre.owner[c]], arrival[:, c])
    arrived = first_arrival <= k_horizon
    stats = ChunkStats(
        n=n,
        hold=int(hold.sum()),
        parity=int(parity_horizon.sum()),
        hold_without=hold_without.sum(axis=0).astype(np.int64),
        parity_without=parity_without.sum(axis=0).astype(np.int64),
        responded=d.respond.sum(axis=0).astype(np.int64),
        arrived=arrived.sum(axis=0).astype(np.int64),
        arrival_steps=np.where(arrived, first_arrival, 0).sum(axis=0).astype(np.int64),
        delivered_fall=xg_fall.sum(axis=0),
        delivered_horizon=xg_horizon.sum(axis=0),
        own=float(d.own.sum()),
        aggressor=float(d.aggressor.sum()),
        histogram=np.bincount(parity, minlength=bins).astype(np.int64),
    )
    return Outcome(hold, parity, fall_step, arrival), stats


def simulate_chunk(theatre: Theatre, params: CrisisParams, n: int, seed: np.random.SeedSequence) -> ChunkStats:
    """One chunk: draw and evaluate ``n`` crises with a generator seeded by ``seed`` (a Dask task)."""
    rng = np.random.Generator(np.random.PCG64(seed))
    return evaluate(theatre, params, draw(theatre, params, n, rng))[1]


@dataclass
class ChunkStats:
    """Counts and sums of one or more chunks; ``merge`` in chunk order gives bit-identical totals."""

    n: int
    hold: int
    parity: int
    hold_without: np.ndarray
    parity_without: np.ndarray
    responded: np.ndarray
    arrived: np.ndarray
    arrival_steps: np.ndarray
    delivered_fall: np.ndarray
    delivered_horizon: np.ndarray
    own: float
    aggressor: float
    histogram: np.ndarray

    _ARRAYS = (
        "hold_without",
        "parity_without",
        "responded",
        "arrived",
        "arrival_steps",
        "delivered_fall",
        "delivered_horizon",
        "histogram",
    )

    def merge(self, other: ChunkStats) -> ChunkStats:
        return ChunkStats(
            n=self.n + other.n,
            hold=self.hold + other.hold,
            parity=self.parity + other.parity,
            own=self.own + other.own,
            aggressor=self.aggressor + other.aggressor,
            **{name: getattr(self, name) + getattr(other, name) for name in self._ARRAYS},
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe; floats round-trip exactly (Python writes the shortest exact repr)."""
        out: dict[str, Any] = {
            "n": self.n,
            "hold": self.hold,
            "parity": self.parity,
            "own": self.own,
            "aggressor": self.aggressor,
        }
        for name in self._ARRAYS:
            out[name] = getattr(self, name).tolist()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChunkStats:
        arrays = {
            name: np.asarray(data[name], dtype=float if name.startswith("delivered") else np.int64)
            for name in cls._ARRAYS
        }
        return cls(
            n=int(data["n"]),
            hold=int(data["hold"]),
            parity=int(data["parity"]),
            own=float(data["own"]),
            aggressor=float(data["aggressor"]),
            **arrays,
        )


def combine(chunks: list[ChunkStats]) -> ChunkStats:
    """Merge chunks in the order given (callers pass chunk order: determinism of float sums)."""
    if not chunks:
        raise ValueError("no chunks to combine")
    total = chunks[0]
    for chunk in chunks[1:]:
        total = total.merge(chunk)
    return total
