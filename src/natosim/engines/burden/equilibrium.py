r"""The spending game's arithmetic: best responses, the Nash equilibrium, calibration, exclusion.

Pure numpy on arrays of shape ``(pairs, allies)`` so that one game and a sweep of 10,000 parameter
pairs run through the same code (no Python loop over allies or pairs). Notation (docs/model/burden.md):

* ally i has income :math:`Y_i` (GDP) and spends :math:`d_i` on defence, :math:`0 \le d_i < Y_i`;
* the alliance's security is the public good :math:`Q = \sum_j d_j`;
* joint products (Sandler 1977; Murdoch & Sandler 1984): a share :math:`s` of each ally's spending
  protects only itself, so the security ally i enjoys is
  :math:`S_i = d_i + (1-s)\,X_i` where :math:`X_i` is the others' spending that protects i
  (:math:`s = 0` is the pure public good of Olson & Zeckhauser 1966);
* Cobb-Douglas preferences :math:`U_i = (1-\beta_i)\ln(Y_i - d_i) + \beta_i \ln S_i`.

The best response to the others' spending :math:`X_i` is :math:`d_i = \max(0, \beta_i Y_i - (1-\beta_i)(1-s) X_i)`;
writing it in terms of :math:`Q` (which contains :math:`d_i`) gives the linear form
:math:`d_i(Q) = \max(0, a_i - c_i Q)` with :math:`a_i = \beta_i Y_i / D_i`,
:math:`c_i = (1-\beta_i)(1-s)/D_i`, :math:`D_i = 1-(1-\beta_i)(1-s)`. For :math:`s=0` this is the
issue's :math:`d_i = Y_i - \frac{1-\beta_i}{\beta_i} Q`. The equilibrium is the root of
:math:`f(Q) = \sum_i d_i(Q) - Q`, which is convex, piecewise linear and strictly decreasing, so it
is unique and Newton's method started at :math:`Q=0` climbs to it monotonically and lands on it
exactly after at most one step per linear piece.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from natosim.engines.burden.errors import BurdenError

FloatArray = np.ndarray


def _as_2d(values: FloatArray | float, shape: tuple[int, int]) -> FloatArray:
    return np.broadcast_to(np.asarray(values, dtype=float), shape)


def _share_column(private_share: FloatArray | float, pairs: int) -> FloatArray:
    share = np.asarray(private_share, dtype=float).reshape(-1, 1)
    if share.shape[0] not in (1, pairs):
        raise BurdenError("private_share must be a number or one value per parameter pair")
    if np.any(~np.isfinite(share)) or np.any(share < 0) or np.any(share > 1):
        raise BurdenError(
            "private share must be between 0 (pure public good) and 1 (pure private good)", field="private_share"
        )
    return np.broadcast_to(share, (pairs, 1))


def calibrate(income: FloatArray, spending: FloatArray, private_share: FloatArray | float = 0.0) -> FloatArray:
    r"""The preferences :math:`\beta_i` that make observed spending a Nash equilibrium.

    An ally that spends :math:`d_i > 0` is on its best response, so its first-order condition
    :math:`(1-\beta_i)/(Y_i-d_i) = \beta_i/S_i` holds with :math:`S_i = d_i + (1-s)(Q-d_i)` and
    gives :math:`\beta_i = S_i / (S_i + Y_i - d_i)` exactly. Every NATO ally with a figure spends
    more than zero, so all are contributors at the base year. For an ally that spent nothing
    (a free rider at the corner) the preference is not identified — any
    :math:`\beta_i \le S_i/(S_i+Y_i)` keeps it at zero — and the same formula picks the largest
    such value, the ally that would start contributing after the smallest fall in Q.

    ``income``/``spending`` have shape ``(allies,)`` or ``(pairs, allies)``; ``private_share`` a
    scalar or one value per pair. Returns beta with the broadcast shape ``(pairs, allies)``.
    """
    income = np.atleast_2d(np.asarray(income, dtype=float))
    spending = np.atleast_2d(np.asarray(spending, dtype=float))
    if not (np.all(np.isfinite(income)) and np.all(np.isfinite(spending))):
        raise BurdenError("calibration needs a finite income and spending for every ally")
    if np.any(income <= 0) or np.any(spending < 0) or np.any(spending >= income):
        raise BurdenError("calibration needs 0 ≤ spending < income for every ally")
    share = _share_column(private_share, max(income.shape[0], spending.shape[0], np.asarray(private_share).size))
    total = spending.sum(axis=1, keepdims=True)
    security = spending + (1.0 - share) * (total - spending)
    return security / (security + income - spending)


def coefficients(
    income: FloatArray, beta: FloatArray, private_share: FloatArray | float = 0.0
) -> tuple[FloatArray, FloatArray]:
    """``a, c`` of the best response written in Q: ``d_i(Q) = max(0, a_i - c_i Q)``."""
    beta = np.atleast_2d(np.asarray(beta, dtype=float))
    income = _as_2d(income, beta.shape)
    share = _share_column(private_share, beta.shape[0])
    spill = (1.0 - beta) * (1.0 - share)
    denominator = 1.0 - spill
    return beta * income / denominator, spill / denominator


def best_response(
    income: FloatArray, beta: FloatArray, others: FloatArray, private_share: FloatArray | float = 0.0
) -> FloatArray:
    r"""Best spending given the others' protective spending :math:`X_i`: :math:`\max(0, \beta Y - (1-\beta)(1-s)X)`."""
    beta = np.atleast_2d(np.asarray(beta, dtype=float))
    share = _share_column(private_share, beta.shape[0])
    return np.maximum(0.0, beta * income - (1.0 - beta) * (1.0 - share) * others)


def utility(
    income: FloatArray,
    beta: FloatArray,
    spending: FloatArray,
    others: FloatArray,
    private_share: FloatArray | float = 0.0,
) -> FloatArray:
    r""":math:`U_i = (1-\beta_i)\ln(Y_i-d_i) + \beta_i\ln(d_i + (1-s)X_i)` (−inf at zero security)."""
    beta = np.atleast_2d(np.asarray(beta, dtype=float))
    share = _share_column(private_share, beta.shape[0])
    with np.errstate(divide="ignore", invalid="ignore"):
        return (1.0 - beta) * np.log(np.asarray(income) - spending) + beta * np.log(spending + (1.0 - share) * others)


@dataclass(frozen=True)
class Solution:
    """Equilibrium spending ``d`` (pairs × allies), total ``q`` (pairs,), guarantor spending ``dg``."""

    d: FloatArray
    q: FloatArray
    dg: FloatArray
    newton_steps: int


def solve(
    a: FloatArray,
    c: FloatArray,
    *,
    floor: FloatArray | None = None,
    excluded: FloatArray | None = None,
    guarantor: int | None = None,
    present: FloatArray | None = None,
    max_steps: int | None = None,
) -> Solution:
    r"""Nash equilibrium for every row at once, by Newton's method on :math:`f(Q)=\sum_i d_i(Q)-Q`.

    * ``floor`` (pairs × allies): an ally that complies with a guarantor's threshold spends at
      least :math:`\tau Y_i`: :math:`d_i(Q) = \max(\tau Y_i, a_i - c_iQ)`;
    * ``excluded`` (bool): allies the guarantor does not protect; the guarantor's spending
      :math:`d_g(Q) = \max(0, a_g - c_gQ)` does not count for them, so
      :math:`d_i(Q) = \max(0, a_i - c_i(Q - d_g(Q)))`;
    * ``present`` (bool): allies in the game (an ally that left is absent).

    Each :math:`d_i(Q)` is convex and non-increasing in Q, so f is convex and strictly decreasing
    (slope ≤ −1): Newton's iterates from Q = 0 stay below the root, rise monotonically and reach it
    exactly once they enter its linear piece (at most 2·allies + 2 pieces).
    """
    a = np.atleast_2d(np.asarray(a, dtype=float))
    c = np.atleast_2d(np.asarray(c, dtype=float))
    pairs, allies = a.shape
    floor_ = np.zeros_like(a) if floor is None else _as_2d(floor, a.shape)
    excluded_ = np.zeros(a.shape, bool) if excluded is None else np.broadcast_to(excluded, a.shape)
    present_ = np.ones(a.shape, bool) if present is None else np.broadcast_to(present, a.shape)
    has_guarantor = guarantor is not None and bool(np.all(present_[:, guarantor]))
    a_g = a[:, guarantor] if has_guarantor else np.zeros(pairs)
    c_g = c[:, guarantor] if has_guarantor else np.zeros(pairs)
    q = np.zeros(pairs)
    steps = max_steps or 4 * allies + 20
    scale = np.sum(np.where(present_, np.abs(a) + floor_, 0.0), axis=1) + 1.0
    dg = np.zeros(pairs)
    d = np.zeros_like(a)
    for step in range(1, steps + 1):
        dg_inner = a_g - c_g * q
        dg = np.maximum(0.0, dg_inner)
        dg_slope = np.where(dg_inner > 0, -c_g, 0.0)
        effective = q[:, None] - np.where(excluded_, dg[:, None], 0.0)
        inner = a - c * effective
        lower = np.where(excluded_, 0.0, floor_)
        d = np.where(present_, np.maximum(lower, inner), 0.0)
        inner_slope = -c * (1.0 - np.where(excluded_, dg_slope[:, None], 0.0))
        slope = np.where(present_ & (inner > lower), inner_slope, 0.0)
        f = d.sum(axis=1) - q
        if np.all(np.abs(f) <= 1e-13 * scale):
            return Solution(d, q, dg, step)
        q = q - f / (slope.sum(axis=1) - 1.0)
    raise BurdenError(f"the equilibrium solver did not converge in {steps} Newton steps (please report this)")


def nash(income: FloatArray, beta: FloatArray, private_share: FloatArray | float = 0.0) -> Solution:
    """Plain Nash equilibrium of the voluntary-contribution game (everyone protected)."""
    a, c = coefficients(income, beta, private_share)
    return solve(a, c)


def nash_closed_form(a: FloatArray, c: FloatArray) -> FloatArray:
    r"""The same equilibrium by enumeration (a cross-check, vectorised over rows).

    Allies contribute iff :math:`Q < a_i/c_i`; sorting by that threshold, the contributor set is a
    prefix of length k and :math:`Q_k = \sum_{j\le k} a_j / (1 + \sum_{j\le k} c_j)`; the equilibrium
    is the prefix whose Q lies between its last member's threshold and the next one's.
    """
    a = np.atleast_2d(np.asarray(a, dtype=float))
    c = np.atleast_2d(np.asarray(c, dtype=float))
    with np.errstate(divide="ignore"):
        threshold = np.where(c > 0, a / np.where(c > 0, c, 1.0), np.inf)
    order = np.argsort(-threshold, axis=1, kind="stable")
    t = np.take_along_axis(threshold, order, axis=1)
    q_k = np.cumsum(np.take_along_axis(a, order, axis=1), axis=1) / (
        1.0 + np.cumsum(np.take_along_axis(c, order, axis=1), axis=1)
    )
    next_t = np.concatenate([t[:, 1:], np.full((t.shape[0], 1), -np.inf)], axis=1)
    valid = (t > q_k) & (next_t <= q_k)
    k = np.argmax(valid, axis=1)
    q = q_k[np.arange(len(k)), k]
    return np.maximum(0.0, a - c * q[:, None])


@dataclass(frozen=True)
class ExclusionSolution:
    """Equilibrium of the exclusion game for every parameter pair.

    ``converged`` is False where best responses cycle (``cycling_ally`` ≥ 0 names the column of
    the ally that keeps switching) or the round limit was hit; the spending shown is then the
    last state visited, and callers must say so.
    """

    d: FloatArray
    q: FloatArray
    complies: FloatArray
    rounds: FloatArray
    converged: FloatArray
    cycling_ally: FloatArray


def _compliance_gain(
    income: FloatArray,
    beta: FloatArray,
    share: FloatArray,
    tau: FloatArray,
    complies: FloatArray,
    eligible: FloatArray,
    solution: Solution,
) -> FloatArray:
    """Utility gain of switching compliance status, holding the others' spending fixed."""
    d, q, dg = solution.d, solution.q, solution.dg
    spill = (1.0 - beta) * (1.0 - share)
    others = q[:, None] - d
    reduced = np.maximum(others - dg[:, None], 0.0)
    comply_d = np.maximum(tau * income, beta * income - spill * others)
    stay_out_d = np.clip(beta * income - spill * reduced, 0.0, tau * income)
    with np.errstate(divide="ignore", invalid="ignore"):
        u_comply = (1 - beta) * np.log(income - comply_d) + beta * np.log(comply_d + (1 - share) * others)
        u_out = (1 - beta) * np.log(income - stay_out_d) + beta * np.log(stay_out_d + (1 - share) * reduced)
        gain = np.where(complies, u_out - u_comply, u_comply - u_out)
        relative = gain / (1.0 + np.abs(np.where(complies, u_comply, u_out)))
    return np.where(eligible & ~np.isnan(relative), relative, -np.inf)


def exclusion(
    income: FloatArray,
    beta: FloatArray,
    private_share: FloatArray | float,
    threshold: FloatArray | float,
    guarantor: int,
    start: FloatArray,
    *,
    max_rounds: int | None = None,
) -> ExclusionSolution:
    r"""A guarantor protects only allies spending at least :math:`\tau Y_i`; who complies at equilibrium?

    Starting from ``start`` (who complies at the base year), each round solves the spending
    equilibrium for the current compliance pattern (:func:`solve`), then every ally except the
    guarantor compares, holding the others' spending fixed,

    * its best utility complying: :math:`d = \max(\tau Y_i, BR_i(X_i))` with the full :math:`X_i`;
    * its best utility not complying: :math:`d = \min(\tau Y_i, BR_i(X_i - d_g))`, without the
      guarantor's spending (the supremum over :math:`d < \tau Y_i`).

    In each row the one ally with the largest relative gain switches (ties: the first in the
    table), and rounds continue until no ally gains more than a relative 1e-12: a Nash
    equilibrium in spending and compliance. Switching one ally at a time (best-response dynamics)
    makes the result deterministic. The guarantor's own spending reacts too, and that can leave a
    game with no pure equilibrium: if the same ally switches twice running, or a compliance pattern
    comes back (Brent's cycle detection: the state at rounds 1, 2, 4, 8... is remembered), the
    dynamics are in a cycle and the row stops with ``converged = False``. Rows that have converged drop
    out of the computation, so a sweep costs what its slowest rows need.
    ``threshold`` is a fraction of income (0.02 for 2 %) per row; ``start`` is boolean over allies.
    """
    beta = np.atleast_2d(np.asarray(beta, dtype=float))
    pairs, allies = beta.shape
    income2 = np.array(_as_2d(income, beta.shape))
    share = np.array(_share_column(private_share, pairs))
    tau = np.asarray(threshold, dtype=float).reshape(-1, 1)
    if np.any(~np.isfinite(tau)) or np.any(tau < 0) or np.any(tau >= 1):
        raise BurdenError("threshold must be between 0 and 100 % of GDP", field="threshold")
    tau = np.array(np.broadcast_to(tau, (pairs, 1)))
    a, c = coefficients(income2, beta, share)
    complies = np.array(np.broadcast_to(start, beta.shape), dtype=bool)
    complies[:, guarantor] = True
    eligible = np.ones(beta.shape, bool)
    eligible[:, guarantor] = False
    rounds = np.zeros(pairs, int)
    converged = np.zeros(pairs, bool)
    cycling = np.full(pairs, -1)
    last_switch = np.full(pairs, -1)
    d = np.zeros(beta.shape)
    q = np.zeros(pairs)
    active = np.arange(pairs)
    limit = max_rounds or 6 * allies + 20
    checkpoint = np.zeros((pairs, (allies + 7) // 8), np.uint8)
    for step in range(limit + 1):
        subject = complies & eligible
        solution = solve(
            a[active],
            c[active],
            floor=tau[active] * income2[active] * subject[active],
            excluded=~complies[active],
            guarantor=guarantor,
        )
        d[active], q[active] = solution.d, solution.q
        gain = _compliance_gain(
            income2[active], beta[active], share[active], tau[active], complies[active], eligible[active], solution
        )
        best = np.argmax(gain, axis=1)
        switching = gain[np.arange(len(active)), best] > 1e-12
        done = ~switching
        converged[active[done]] = True
        packed = np.packbits(complies[active], axis=1)
        revisited = np.all(packed == checkpoint[active], axis=1) & (step > 0)
        if step & (step - 1) == 0:  # Brent: remember the state at rounds 1, 2, 4, 8, ...
            checkpoint[active] = packed
        repeated = switching & ((best == last_switch[active]) | revisited)
        cycling[active[repeated]] = best[repeated]
        moving = switching & ~repeated
        if rounds[active].max(initial=0) >= limit:
            break
        rows, columns = active[moving], best[moving]
        complies[rows, columns] ^= True
        last_switch[rows] = columns
        rounds[rows] += 1
        active = rows
        if len(active) == 0:
            break
    # An ally at or above the threshold is covered by the rule itself, even when it was indifferent
    # (a guarantor spending nothing makes complying and not complying the same).
    complies |= eligible & (d >= tau * income2 * (1 - 1e-12))
    return ExclusionSolution(d, q, complies, rounds, converged, cycling)
