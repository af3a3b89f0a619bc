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
   advance covers the axis distance. Forces only arrive and ``E ≥ 1``, so ``P`` is a non-decreasing
   step function: the advance has at most three phases, ``v_b`` until ``t1`` (``P`` first exceeds
   ``A / break_ratio``), the opposed rate until ``t2`` (``P`` first exceeds ``A / stall_ratio``),
   then none. ``t1`` and ``t2`` come from the draw's events sorted by time (one int32 sort per
   draw) and a cumulative sum of the troops they bring; the fall time is exact given them
   (``x = v_b·t1``, then ``x + v_o·(t2 − t1)``), no time loop.

A chunk returns *sufficient statistics* (counts and sums), so chunks merge exactly and results do
not depend on how chunks are spread over workers: chunk i is always seeded with
``SeedSequence(run_seed, spawn_key=(i,))``. The random numbers are drawn first, parameter-free
(:func:`draw_raw`), then transformed by the parameters (:func:`outcome`): a sensitivity analysis
re-uses the same numbers for every parameter point (common random numbers).
"""

from __future__ import annotations

import math
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
#: arrival times are floored to this many ticks per day when events are sorted (2.16 s): a horizon
#: of up to a year fits the int32 sort keys (2**24 ticks, with the event's column in the low 7 bits)
TICKS_PER_DAY = 40_000


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
    """A contiguous scratch array reused across chunks by this thread: a fresh 6 MB array per step
    costs more in page faults than the arithmetic done in it. The storage only grows, so a shape
    that changes from chunk to chunk (the number of live events) reuses it. Callers overwrite every
    element they read."""
    cache: dict[str, np.ndarray] = _WORKSPACE.__dict__.setdefault("arrays", {})
    size = math.prod(shape)
    array = cache.get(name)
    if array is None or array.size < size or array.dtype != dtype:
        array = np.empty(size, dtype=dtype)
        cache[name] = array
    return array[:size].reshape(shape)


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


#: draws evaluated together: a block's scratch arrays (~3 MB each) stay in cache between passes,
#: which makes a chunk of 8,192 draws about 10% cheaper than one block of 8,192
BLOCK_DRAWS = 4096


def outcome(theatre: Theatre, p: dict[str, Any], raw: Raw) -> Outcome:
    """Transform the raw numbers by the parameters ``p`` (scalars or per-draw arrays) into outcomes,
    in blocks of :data:`BLOCK_DRAWS` draws (troops are summed over the blocks in order)."""
    n = raw.n
    if n <= BLOCK_DRAWS:
        return _outcome(theatre, p, raw)
    parts = []
    for start in range(0, n, BLOCK_DRAWS):
        rows = slice(start, min(start + BLOCK_DRAWS, n))
        block = Raw(**{name: getattr(raw, name)[rows] for name in Raw.__dataclass_fields__})
        values_block = {
            k: v[rows] if isinstance(v, np.ndarray) and v.ndim == 1 and v.shape[0] == n else v for k, v in p.items()
        }
        parts.append(_outcome(theatre, values_block, block))
    troops = parts[0].troops_by_day.copy()
    for part in parts[1:]:
        troops += part.troops_by_day
    return Outcome(
        fall_days=np.concatenate([o.fall_days for o in parts]),
        respond=np.concatenate([o.respond for o in parts]),
        troops_by_day=troops,
        attacker=np.concatenate([o.attacker for o in parts]),
        own=np.concatenate([o.own for o in parts]),
    )


def _outcome(theatre: Theatre, p: dict[str, Any], raw: Raw) -> Outcome:
    """One block of :func:`outcome`. Every (n, ·) step works in place in per-thread scratch arrays
    (:func:`_buffer`); the arrays returned are fresh (callers such as ``compare`` keep two outcomes).
    """
    n, g, c = raw.n, theatre.n_guarantors, len(theatre.c_owner)
    horizon = float(np.max(p["horizon_days"]))
    # 1. decisions: Gaussian copula with a common political factor
    rho = _col(p["decision_correlation"], 2)
    z = np.multiply(np.sqrt(1.0 - rho), raw.idio, out=_buffer("z", (n, g)))
    z += np.sqrt(rho) * raw.common[:, None]
    base = np.where(theatre.is_us[None, :], _col(p["us_reliability"], 2), _col(p["reliability"], 2))
    prob = np.where(np.isnan(theatre.override)[None, :], base, theatre.override[None, :])
    threshold = ndtri(np.clip(prob, 0.0, 1.0))
    stay = np.greater_equal(z, threshold, out=_buffer("stay", (n, g), np.bool_))
    respond = np.logical_not(stay)
    # decision delay D_g, +inf for a guarantor that does not come (its contingents never arrive)
    coming = np.multiply(_col(p["decision_sigma"], 2), raw.delay, out=_buffer("coming", (n, g)))
    np.exp(coming, out=coming)
    coming *= _col(p["decision_delay_days"], 2) * TICKS_PER_DAY  # in ticks, like every time below
    # a guarantor that stays out: its decision (and every contingent) comes after any horizon. Adding
    # stay × NEVER is several times cheaper than a masked copy (and adds an exact 0 to the others)
    coming += np.multiply(stay, _NEVER, out=_buffer("never", (n, g)))
    # 2. arrivals of the contingents (days after the attack), written straight into the event
    #    table: T = U·(window·scale) + (min·scale + travel − W) + D_g. Two more events per draw:
    #    column c, the US decision (the enablers switch on; no troops), and column c + 1, hour 0
    #    (the forces present at the outset: the cumulative sum of the gains starts from them)
    scale = _col(p["readiness_scale"], 2)
    slope = (theatre.c_days_max - theatre.c_days_min)[None, :] * (scale * TICKS_PER_DAY)
    offset = theatre.c_days_min[None, :] * scale
    offset = offset + theatre.c_distance_km[None, :] / _col(p["speed_km_per_day"], 2) - _col(p["warning_days"], 2)
    offset = offset * TICKS_PER_DAY
    times = _buffer("times", (n, c + 2))
    arrive = times[:, :c]
    np.multiply(raw.ready, slope, out=arrive)
    arrive += offset
    arrive += np.take(coming, theatre.c_owner, axis=1, out=_buffer("by_contingent", (n, c)), mode="clip")
    # troops: share × tier troops × mean-one log-normal, as one exp
    gains = _buffer("gains", (n, c + 2))  # troops each event adds
    troops = gains[:, :c]
    sigma = _col(p["force_sigma"], 2)
    with np.errstate(divide="ignore"):
        log_size = np.log(_col(p["reinforcement_share"], 2) * theatre.c_troops[None, :]) - 0.5 * sigma * sigma
    np.multiply(sigma, raw.size, out=troops)
    troops += log_size
    np.exp(troops, out=troops)
    # troops of each guarantor in the target by day 3, 10, 30, summed over the draws (forward forces
    # count from hour 0): one sum of products per day (einsum: no masked reduction, no temporary)
    k = len(TROOP_DAYS)
    per_c = np.empty((k, c))  # (k, C): troops arrived by each day, summed over the draws
    here = _buffer("here", (n, c), np.bool_)
    for j, day in enumerate(TROOP_DAYS):
        np.less_equal(arrive, float(day * TICKS_PER_DAY), out=here)
        per_c[j] = np.einsum("nc,nc->c", troops, here)
    by_g = np.zeros((g, k))
    for j in range(k):
        by_g[:, j] = np.bincount(theatre.c_owner, weights=per_c[j], minlength=g)
    for f in np.flatnonzero(theatre.f_owner >= 0):
        by_g[theatre.f_owner[f], :] += theatre.f_troops[f] * n
    # 3. forces at hour 0: the target's own, forward forces (tripwire), any posture
    own = p["home_share"] * theatre.own_troops * _lognormal(p["force_sigma"], raw.own)
    f_value = np.where(theatre.f_heavy, 1.0, 0.0)
    forward_power = (theatre.f_troops * (1.0 - f_value)).sum() + (theatre.f_troops * f_value).sum() * p["heavy_factor"]
    gains[:, c] = 0.0
    gains[:, c + 1] = p["home_effectiveness"] * own + forward_power
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
        us_on = coming[:, us] - p["warning_days"] * TICKS_PER_DAY
        times[:, c] = np.maximum(us_on, 0.0)  # after the horizon if the US stays out
    else:
        times[:, c] = np.inf
    times[:, c + 1] = 0.0  # hour 0 (its key is set below)
    key = _event_keys(times, horizon)
    key[:, c + 1] = (-1 << _COLUMN_BITS) | (c + 1)  # hour 0: tick −1 sorts first
    us_key = key[:, c].copy()
    key.sort(axis=1)
    e = _live(key, _ticks(horizon) << _COLUMN_BITS)
    # segment j (0..e−1) runs from event j to event j+1 (the last live one to the horizon). The
    # defence's power P_j in segment j only grows (troops only arrive and the enabler factor is
    # >= 1), so the breakthrough rule gives at most three phases per draw: breakthrough speed until
    # t1 (the first segment with P > A/break_ratio), the opposed rate until t2 (the first with
    # P > A/stall_ratio), then no advance. Only t1 and t2 are needed, not the whole path.
    index = np.bitwise_and(key[:, :e], _COLUMN_MASK, out=_buffer("index", (n, e), np.int64))
    index += (np.arange(n, dtype=np.int64) * (c + 2))[:, None]  # gather index into the gains
    # mode="clip": an unbuffered take (the indices are in range for every live event)
    power = np.take(gains.reshape(-1), index, out=_buffer("power", (n, e)), mode="clip")
    np.cumsum(power, axis=1, out=power)
    # the enabler multiplies every segment that starts at or after the US decision
    mask = np.greater_equal(key[:, :e], us_key[:, None], out=_buffer("mask", (n, e), np.bool_))
    np.multiply(power, _col(p["us_enabler_factor"], 2), out=power, where=mask)
    t1 = _crossing(power, attack_power / p["break_ratio"], mask, key, horizon)
    t2 = _crossing(power, attack_power / p["stall_ratio"], mask, key, horizon)
    # 5. the advance: v_b until t1, the opposed rate from t1 to t2, nothing after t2
    v_break = p["breakthrough_min_km_per_day"] + raw.speed * (
        p["breakthrough_max_km_per_day"] - p["breakthrough_min_km_per_day"]
    )
    v_opposed = p["opposed_km_per_day"]
    axis_km = theatre.axis_km
    broken_km = v_break * t1
    total_km = broken_km + v_opposed * np.maximum(t2 - t1, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        fall = np.where(
            broken_km >= axis_km,
            axis_km / v_break,
            np.where(total_km >= axis_km, t1 + (axis_km - broken_km) / v_opposed, np.inf),
        )
    return Outcome(fall_days=fall, respond=respond, troops_by_day=by_g, attacker=attacker, own=own)


#: the time (ticks) of an event that never happens: after any horizon, and finite so that sums stay
#: finite (stay × NEVER is 0 or NEVER; 0 × inf would be NaN)
_NEVER = 1e300

#: the low bits of an event key hold its column (up to 128 columns: contingents, US decision, hour 0)
_COLUMN_BITS = 7
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1


def _ticks(days: float) -> int:
    """Whole ticks in ``days`` (the horizon's key), checked to fit the int32 keys."""
    ticks = int(days * TICKS_PER_DAY)
    if ticks >= 1 << (31 - _COLUMN_BITS):
        raise ValueError(f"a horizon of {days} days does not fit the event keys (at most {_MAX_DAYS:.0f} days)")
    return ticks


_MAX_DAYS = ((1 << (31 - _COLUMN_BITS)) - 1) / TICKS_PER_DAY


def _event_keys(times: np.ndarray, horizon: float) -> np.ndarray:
    """Int32 sort keys of the events ``times`` (n, m) in ticks (clipped in place to [0, horizon]):
    ``floor(ticks) << 7 | column``. An arrival during the warning counts from hour 0;
    events after the horizon sort after it (they only bound zero-length segments). Ties sort by
    column. Int32 keys sort twice as fast as int64 ones and halve the memory of every later pass."""
    n, m = times.shape
    if m > _COLUMN_MASK + 1:
        raise ValueError(f"at most {_COLUMN_MASK + 1} events per draw, got {m}")
    _ticks(horizon)
    np.clip(times, 0.0, horizon * TICKS_PER_DAY, out=times)
    key = _buffer("key", (n, m), np.int32)
    np.copyto(key, times, casting="unsafe")  # truncation: floor, times are >= 0
    key <<= _COLUMN_BITS
    key |= np.arange(m, dtype=np.int32)[None, :]
    return key


def _event_days(keys: np.ndarray, horizon: float) -> np.ndarray:
    """The times (days) of events from their keys, clipped to [0, horizon]."""
    return np.clip((keys >> _COLUMN_BITS) * (1.0 / TICKS_PER_DAY), 0.0, horizon)


def _live(key: np.ndarray, horizon_key: int) -> int:
    """How many leading columns of the row-sorted ``key`` hold an event before the horizon in some
    draw (a bisection over columns: the later columns only add zero-length segments)."""
    lo, hi = 0, key.shape[1]  # column lo−1 is live, column hi is not (or does not exist)
    while lo < hi:
        mid = (lo + hi) // 2
        if (key[:, mid] < horizon_key).any():
            lo = mid + 1
        else:
            hi = mid
    return lo


def _crossing(power: np.ndarray, cap: np.ndarray, above: np.ndarray, key: np.ndarray, horizon: float) -> np.ndarray:
    """Start (days) of the first segment whose power exceeds ``cap`` (n,); the horizon if none.

    ``power`` (n, e) grows along each row, so the first segment above the cap is where the
    attacker's ratio falls below the rule's threshold for good. Segment j starts at event j.
    """
    n, e = power.shape
    if e == 0:
        return np.full(n, horizon)
    np.greater(power, cap[:, None], out=above)
    first = np.argmax(above, axis=1)
    rows = np.arange(n)
    start = _event_days(key[rows, first], horizon)
    return np.where(above[rows, first], start, horizon)


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
