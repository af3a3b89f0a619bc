"""The crisis Monte Carlo on arrays: one chunk of draws, shape (draws, contingents), no Python loop.

Per draw (equations and sources: docs/model/crisis.md):

1. **Decisions** (Gaussian copula): ``Z_g = √ρ·M + √(1−ρ)·ε_g``; guarantor g responds when
   ``Z_g < Φ⁻¹(p_g)``, with ``p_g`` = ``reliability`` (``us_reliability`` for the US, or an
   override). M is the common political factor; ρ = ``decision_correlation``.
2. **Arrival** of contingent c of g (days after the attack): ``T_c = D_g + R_c + d_c / speed − W``:
   decision delay ``D_g`` (log-normal), readiness ``R_c ~ U(tier window) × readiness_scale``,
   travel, strategic warning W.
3. **Troops**: ``N_c = reinforcement_share × tier troops_c × V_c`` (V mean-one log-normal).
4. **Combat power** of the defence at time t:
   ``P(t) = E(t) × [e_home·s_home·own·V + Σ_forward e_f·N_f + Σ_{c arrived} N_c]``, where ``E(t)`` =
   ``us_enabler_factor`` once the US has decided to fight (1 otherwise); the attacker's
   ``A = russia_base × scale × (1 − ukraine share) × e_RUS × V_A``.
5. **Advance** (a breakthrough rule): at ratio ``r = A / P(t)`` the attacker advances at the
   breakthrough speed ``v_b ~ U(min, max)`` when ``r ≥ break_ratio`` (3:1), at the opposed rate when
   ``stall_ratio ≤ r < break_ratio`` and not at all below ``stall_ratio``. The capital falls when the
   advance covers the axis distance. Forces only arrive, so ``P`` is a step function: the advance is
   integrated exactly over the intervals between arrivals (sorted per draw), no time loop.

A chunk returns *sufficient statistics* (counts and sums), so chunks merge exactly and results do
not depend on how chunks are spread over workers: chunk i is always seeded with
``SeedSequence(run_seed, spawn_key=(i,))``. The random numbers are drawn first, parameter-free
(:func:`draw_raw`), then transformed by the parameters (:func:`outcome`): a sensitivity analysis
re-uses the same numbers for every parameter point (common random numbers).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.special import ndtri

from natosim.engines.crisis.params import ASSUMPTIONS, CrisisParams
from natosim.engines.crisis.theatre import Theatre

#: days at which troops in the target are counted (``expected_troops_by_day``)
TROOP_DAYS = (3, 10, 30)
#: resolution of the fall-time histogram (hours per bin)
HOURS_PER_BIN = 1.0
#: arrival times are floored to this many ticks per day when events are sorted (0.0864 s)
TICKS_PER_DAY = 1_000_000


def chunk_seed(run_seed: int, chunk: int) -> np.random.SeedSequence:
    """The seed of chunk ``chunk``: the same as ``SeedSequence(run_seed).spawn(n)[chunk]`` for any n."""
    return np.random.SeedSequence(int(run_seed), spawn_key=(int(chunk),))


def bins(horizon_days: float) -> int:
    """Histogram bins: one per hour of the horizon, plus one for 'held through the horizon'."""
    return int(np.ceil(horizon_days * 24.0 / HOURS_PER_BIN)) + 1


@dataclass
class Raw:
    """The parameter-free random inputs of a chunk (standard normals and uniforms), in draw order."""

    common: np.ndarray  # (n,) political factor M
    idio: np.ndarray  # (n, G) ε_g
    delay: np.ndarray  # (n, G) standard normal of each decision delay
    ready: np.ndarray  # (n, C) uniform position in the readiness window
    size: np.ndarray  # (n, C) standard normal of the troops delivered
    own: np.ndarray  # (n,)
    attacker: np.ndarray  # (n,)
    speed: np.ndarray  # (n,) uniform position in the breakthrough-speed range

    @property
    def n(self) -> int:
        return int(self.common.shape[0])


def draw_raw(theatre: Theatre, n: int, rng: np.random.Generator) -> Raw:
    """Draw every random number of ``n`` crises, in a fixed order (the order is part of the seed contract)."""
    g, c = theatre.n_guarantors, len(theatre.c_owner)
    return Raw(
        common=rng.standard_normal(n),
        idio=rng.standard_normal((n, g)),
        delay=rng.standard_normal((n, g)),
        ready=rng.random((n, c)),
        size=rng.standard_normal((n, c)),
        own=rng.standard_normal(n),
        attacker=rng.standard_normal(n),
        speed=rng.random(n),
    )


def values(params: CrisisParams, theatre: Theatre) -> dict[str, float]:
    """Every uncertain parameter's value for this theatre (dated ones from the data when not set)."""
    out: dict[str, float] = {}
    dated = theatre.dated()
    for name in ASSUMPTIONS:
        value = getattr(params, name)
        out[name] = float(dated[name] if value is None else value)
    out["horizon_days"] = float(params.horizon_days)
    return out


_WORKSPACE = threading.local()


def _buffer(name: str, shape: tuple[int, ...], dtype: Any = np.float64) -> np.ndarray:
    """A scratch array reused across chunks by this thread: a fresh 6 MB array per step costs more in
    page faults than the arithmetic done in it. Callers overwrite every element they read."""
    cache: dict[str, np.ndarray] = _WORKSPACE.__dict__.setdefault("arrays", {})
    array = cache.get(name)
    if array is None or array.shape != shape or array.dtype != dtype:
        array = np.empty(shape, dtype=dtype)
        cache[name] = array
    return array


def _lognormal(sigma: Any, z: np.ndarray) -> np.ndarray:
    """exp(σZ − σ²/2): mean exactly 1, so σ spreads outcomes without biasing them."""
    return np.exp(sigma * z - 0.5 * sigma * sigma)


def _col(value: Any, ndim: int) -> Any:
    """A per-draw parameter (n,) broadcast against (n, k) arrays; scalars pass through."""
    return value[:, None] if isinstance(value, np.ndarray) and ndim == 2 else value


@dataclass
class Outcome:
    """Per-draw outcomes of a chunk (the run keeps only the statistics)."""

    fall_days: np.ndarray  # (n,) days until the capital falls; inf if it holds through the horizon
    respond: np.ndarray  # (n, G) bool
    troops_by_day: np.ndarray  # (G, len(TROOP_DAYS)) troops of each guarantor in the target, summed over draws
    attacker: np.ndarray  # (n,) attacker troops
    own: np.ndarray  # (n,) the target's own troops fighting


def outcome(theatre: Theatre, p: dict[str, Any], raw: Raw) -> Outcome:
    """Transform the raw numbers by the parameters ``p`` (scalars or per-draw arrays) into outcomes."""
    n, g = raw.n, theatre.n_guarantors
    horizon = float(np.max(p["horizon_days"]))
    # 1. decisions: Gaussian copula with a common political factor
    rho = p["decision_correlation"]
    z = np.sqrt(_col(rho, 2)) * raw.common[:, None] + np.sqrt(1.0 - _col(rho, 2)) * raw.idio
    base = np.where(theatre.is_us[None, :], _col(p["us_reliability"], 2), _col(p["reliability"], 2))
    prob = np.where(np.isnan(theatre.override)[None, :], base, theatre.override[None, :])
    respond = z < ndtri(np.clip(prob, 0.0, 1.0))
    delay = _col(p["decision_delay_days"], 2) * np.exp(_col(p["decision_sigma"], 2) * raw.delay)
    # 2. arrivals of the contingents (days after the attack), written straight into the event
    #    table: T = U·(window·scale) + (min·scale + travel − W) + D_g, with D_g = +inf for a guarantor
    #    that does not come (its contingents never arrive)
    c = len(theatre.c_owner)
    scale = _col(p["readiness_scale"], 2)
    slope = (theatre.c_days_max - theatre.c_days_min)[None, :] * scale
    offset = theatre.c_days_min[None, :] * scale
    offset = offset + theatre.c_distance_km[None, :] / _col(p["speed_km_per_day"], 2) - _col(p["warning_days"], 2)
    times = _buffer("times", (n, c + 1))
    arrive = times[:, :c]
    np.multiply(raw.ready, slope, out=arrive)
    arrive += offset
    coming = np.where(respond, delay, np.inf)  # (n, G)
    arrive += np.take(coming, theatre.c_owner, axis=1, out=_buffer("by_contingent", (n, c)), mode="clip")
    # troops: share × tier troops × mean-one log-normal, as one exp
    gains = _buffer("gains", (n, c + 1))  # troops each event adds (the last event, the US decision, adds none)
    gains[:, c] = 0.0
    troops = gains[:, :c]
    sigma = _col(p["force_sigma"], 2)
    with np.errstate(divide="ignore"):
        log_size = np.log(_col(p["reinforcement_share"], 2) * theatre.c_troops[None, :]) - 0.5 * sigma * sigma
    np.multiply(sigma, raw.size, out=troops)
    troops += log_size
    np.exp(troops, out=troops)
    # troops of each guarantor in the target by day 3, 10, 30, summed over the draws (forward forces
    # count from hour 0)
    days = np.asarray(TROOP_DAYS, dtype=float)
    k = len(TROOP_DAYS)
    times[:, c] = 0.0  # (the last column, the US decision, carries no troops: its window is irrelevant)
    per_c = np.empty((k, c))  # (k, C): troops arrived by each day, summed over the draws
    for j, day in enumerate(days):
        per_c[j] = np.add.reduce(troops, axis=0, where=arrive <= day)
    by_g = np.zeros((g, k))
    for j in range(k):
        by_g[:, j] = np.bincount(theatre.c_owner, weights=per_c[j], minlength=g)
    for f in np.flatnonzero(theatre.f_owner >= 0):
        by_g[theatre.f_owner[f], :] += theatre.f_troops[f] * n
    # 3. forces at hour 0: the target's own, forward forces (tripwire), any posture
    own = p["home_share"] * theatre.own_troops * _lognormal(p["force_sigma"], raw.own)
    f_value = np.where(theatre.f_heavy, 1.0, 0.0)
    forward_power = (theatre.f_troops * (1.0 - f_value)).sum() + (theatre.f_troops * f_value).sum() * p["heavy_factor"]
    start = p["home_effectiveness"] * own + forward_power
    attacker = (
        theatre.russia_base
        * p["russia_force_scale"]
        * (1.0 - p["ukraine_committed_share"])
        * _lognormal(p["force_sigma"], raw.attacker)
    )
    attack_power = attacker * p["russia_effectiveness"]
    # 4. the US enablers switch on at the US decision: an event like an arrival, adding no troops
    if theatre.is_us.any():
        us = int(np.flatnonzero(theatre.is_us)[0])
        us_on = np.where(respond[:, us], np.maximum(delay[:, us] - p["warning_days"], 0.0), np.inf)
    else:
        us_on = np.full(n, np.inf)
    times[:, c] = us_on
    # sort the events of each draw by time: one int64 sort of (time in ticks << bits | column) is
    # several times faster than an argsort plus a gather; times are floored to TICKS_PER_DAY and
    # events after the horizon are clipped to it (they add only zero-length segments)
    bits = int(c + 1).bit_length()
    np.clip(times, 0.0, horizon, out=times)  # an arrival during the warning counts from hour 0
    times *= TICKS_PER_DAY
    key = _buffer("key", (n, c + 1), np.int64)
    np.copyto(key, times, casting="unsafe")  # floor: times are not negative
    key <<= bits
    key |= np.arange(c + 1, dtype=np.int64)[None, :]
    live = int(np.count_nonzero(times < horizon * TICKS_PER_DAY, axis=1).max(initial=0))
    key.sort(axis=1)
    # events at the horizon (clipped) only add zero-length segments: keep the first `live` columns
    e = live
    flat = np.bitwise_and(key[:, :e], (1 << bits) - 1, out=_buffer("flat", (n, e), np.int64))
    flat += (np.arange(n, dtype=np.int64) * (c + 1))[:, None]  # gather index into the troops
    # segment j (0..e) runs from t_j to t_{j+1}; segment 0 is the state before any event
    bounds = _buffer("bounds", (n, e + 2))
    bounds[:, 0] = 0.0
    np.right_shift(key[:, :e], bits, out=key[:, :e])
    np.multiply(key[:, :e], 1.0 / TICKS_PER_DAY, out=bounds[:, 1 : e + 1])
    bounds[:, e + 1] = horizon
    power = _buffer("power", (n, e + 1))
    # mode="clip": an unbuffered take (the indices are in range by construction)
    sorted_gains = np.take(gains.reshape(-1), flat, out=_buffer("sorted_gains", (n, e)), mode="clip")
    np.cumsum(sorted_gains, axis=1, out=power[:, 1:])
    power[:, 1:] += start[:, None]
    power[:, 0] = start
    enabler = _col(p["us_enabler_factor"], 2)
    us_tick = (np.minimum(us_on, horizon) * TICKS_PER_DAY).astype(np.int64) * (1.0 / TICKS_PER_DAY)
    np.multiply(power, enabler, out=power, where=bounds[:, :-1] >= us_tick[:, None])
    # breakthrough rule: the defence's power against the attacker's decides the speed of the advance
    v_break = p["breakthrough_min_km_per_day"] + raw.speed * (
        p["breakthrough_max_km_per_day"] - p["breakthrough_min_km_per_day"]
    )
    broken = power <= _col(attack_power / p["break_ratio"], 2)
    opposed = power <= _col(attack_power / p["stall_ratio"], 2)
    speed = opposed * _col(p["opposed_km_per_day"], 2)
    np.copyto(speed, v_break[:, None], where=broken)
    advance = np.subtract(bounds[:, 1:], bounds[:, :-1], out=power)  # power is no longer needed
    advance *= speed
    np.cumsum(advance, axis=1, out=advance)
    reached = advance >= theatre.axis_km
    first = np.argmax(reached, axis=1)
    rows = np.arange(n)
    over = advance[rows, first] - theatre.axis_km
    fall = bounds[rows, first + 1] - over / np.maximum(speed[rows, first], 1e-12)
    fall = np.where(reached[rows, first], fall, np.inf)
    return Outcome(fall_days=fall, respond=respond, troops_by_day=by_g, attacker=attacker, own=own)


@dataclass
class ChunkStats:
    """Counts and sums of one or more chunks; ``merge`` in chunk order gives bit-identical totals."""

    n: int
    hold: int
    histogram: np.ndarray  # (bins,) draws by hour of fall; last bin: held through the horizon
    responded: np.ndarray  # (G,)
    troops_by_day: np.ndarray  # (G, len(TROOP_DAYS)) summed troops
    own: float
    attacker: float

    _ARRAYS = ("histogram", "responded", "troops_by_day")

    def merge(self, other: ChunkStats) -> ChunkStats:
        return ChunkStats(
            n=self.n + other.n,
            hold=self.hold + other.hold,
            own=self.own + other.own,
            attacker=self.attacker + other.attacker,
            **{name: getattr(self, name) + getattr(other, name) for name in self._ARRAYS},
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe; floats round-trip exactly (Python writes the shortest exact repr)."""
        out: dict[str, Any] = {"n": self.n, "hold": self.hold, "own": self.own, "attacker": self.attacker}
        for name in self._ARRAYS:
            out[name] = getattr(self, name).tolist()
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ChunkStats:
        return cls(
            n=int(data["n"]),
            hold=int(data["hold"]),
            own=float(data["own"]),
            attacker=float(data["attacker"]),
            histogram=np.asarray(data["histogram"], dtype=np.int64),
            responded=np.asarray(data["responded"], dtype=np.int64),
            troops_by_day=np.asarray(data["troops_by_day"], dtype=float).reshape(-1, len(TROOP_DAYS)),
        )


def stats_of(theatre: Theatre, p: dict[str, Any], out: Outcome) -> ChunkStats:
    """The sufficient statistics of one chunk's outcomes."""
    horizon = float(p["horizon_days"])
    k = bins(horizon)
    hour_bin = np.where(
        np.isfinite(out.fall_days), np.minimum(np.floor(out.fall_days * 24.0 / HOURS_PER_BIN), k - 2), k - 1
    ).astype(np.int64)
    return ChunkStats(
        n=int(out.fall_days.shape[0]),
        hold=int(np.isinf(out.fall_days).sum()),
        histogram=np.bincount(hour_bin, minlength=k).astype(np.int64),
        responded=out.respond.sum(axis=0).astype(np.int64),
        troops_by_day=out.troops_by_day,
        own=float(out.own.sum()),
        attacker=float(out.attacker.sum()),
    )


def simulate_chunk(theatre: Theatre, params: CrisisParams, n: int, seed: np.random.SeedSequence) -> ChunkStats:
    """One chunk: draw and evaluate ``n`` crises with a generator seeded by ``seed`` (a Dask task)."""
    rng = np.random.Generator(np.random.PCG64(seed))
    p = values(params, theatre)
    return stats_of(theatre, p, outcome(theatre, p, draw_raw(theatre, n, rng)))


def combine(chunks: list[ChunkStats]) -> ChunkStats:
    """Merge chunks in the order given (callers pass chunk order: determinism of float sums)."""
    if not chunks:
        raise ValueError("no chunks to combine")
    total = chunks[0]
    for chunk in chunks[1:]:
        total = total.merge(chunk)
    return total
