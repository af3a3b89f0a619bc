"""Property tests: the solver's answers are Nash equilibria — no ally gains by a unilateral change.

Checked numerically: for random incomes, preferences and private shares, every ally's utility at
the equilibrium is compared with its utility at 4,001 other spending levels on [0, Y_i), the
others' spending held fixed.
"""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from natosim.engines.burden import equilibrium as eq

GRID = np.linspace(0.0, 1.0, 4001)[:-1]  # fractions of income, excluding d = Y (zero consumption)

incomes = st.integers(2, 9).flatmap(
    lambda n: st.tuples(
        arrays(float, n, elements=st.floats(1.0, 20_000.0)), arrays(float, n, elements=st.floats(0.01, 0.99))
    )
)


def _grid_utility(income: float, beta: float, share: float, others: float) -> np.ndarray:
    spending = GRID * income
    with np.errstate(divide="ignore"):
        return (1 - beta) * np.log(income - spending) + beta * np.log(spending + (1 - share) * others)


@settings(max_examples=60, deadline=None)
@given(incomes, st.floats(0.0, 0.95))
def test_nash_equilibrium_has_no_profitable_deviation(data: tuple[np.ndarray, np.ndarray], share: float) -> None:
    income, beta = data
    solution = eq.nash(income, beta[None, :], share)
    d = solution.d[0]
    assert np.all(d >= 0) and np.all(d < income)
    assert solution.q[0] == np.float64(d.sum()) or abs(solution.q[0] - d.sum()) <= 1e-9 * max(1.0, d.sum())
    for i in range(len(income)):
        others = d.sum() - d[i]
        at_equilibrium = float(np.ravel(eq.utility(income[i], beta[i], d[i], others, share))[0])
        best_on_grid = _grid_utility(income[i], beta[i], share, others).max()
        assert best_on_grid <= at_equilibrium + 1e-9 * (1 + abs(at_equilibrium))


@settings(max_examples=60, deadline=None)
@given(incomes, st.floats(0.0, 0.95))
def test_calibrated_preferences_reproduce_spending(data: tuple[np.ndarray, np.ndarray], share: float) -> None:
    income, fraction = data
    spending = income * fraction * 0.5
    beta = eq.calibrate(income, spending, share)
    np.testing.assert_allclose(eq.nash(income, beta, share).d[0], spending, rtol=1e-6)


def assert_no_profitable_deviation(
    income: np.ndarray,
    beta: np.ndarray,
    share: float,
    threshold: float,
    guarantor: int,
    d: np.ndarray,
    complies: np.ndarray,
) -> None:
    """Every ally, others fixed, is at least as well off as at any spending level on the grid.

    Protection follows the rule of the game: the guarantor covers an ally iff it spends at least
    ``threshold`` × income; an uncovered ally's security lacks the guarantor's spending.
    """
    dg = d[guarantor]
    assert complies[guarantor]
    for i in range(len(income)):
        protected = complies[i]
        if i != guarantor:
            assert protected == (d[i] >= threshold * income[i] * (1 - 1e-12))
        others = d.sum() - d[i]
        spill = (1 - share) * max(others - (0.0 if protected else dg), 0.0)
        with np.errstate(divide="ignore"):
            at_equilibrium = (1 - beta[i]) * np.log(income[i] - d[i]) + beta[i] * np.log(d[i] + spill)
        spending = GRID * income[i]
        covered = np.full(spending.shape, True) if i == guarantor else spending >= threshold * income[i]
        security = spending + (1 - share) * np.maximum(others - np.where(covered, 0.0, dg), 0.0)
        with np.errstate(divide="ignore"):
            deviations = (1 - beta[i]) * np.log(income[i] - spending) + beta[i] * np.log(security)
        assert deviations.max() <= at_equilibrium + 1e-9 * (1 + abs(at_equilibrium))


@settings(max_examples=60, deadline=None)
@given(incomes, st.floats(0.0, 0.9), st.floats(0.005, 0.2), st.data())
def test_exclusion_equilibrium_has_no_profitable_deviation(
    data: tuple[np.ndarray, np.ndarray], share: float, threshold: float, draw: st.DataObject
) -> None:
    income, beta = data
    guarantor = draw.draw(st.integers(0, len(income) - 1))
    start = draw.draw(arrays(bool, len(income)))
    result = eq.exclusion(income, beta[None, :], share, threshold, guarantor, start)
    assume(bool(result.converged[0]))
    assert_no_profitable_deviation(income, beta, share, threshold, guarantor, result.d[0], result.complies[0])


def test_real_exclusion_equilibria_have_no_profitable_deviation() -> None:
    """The same check on NATO's 2014 data: full compliance at 2 %, partial at 10 %."""
    from natosim.engines.burden import game_inputs

    inputs = game_inputs(2014)
    guarantor = inputs.iso3.index("USA")
    start = inputs.frame["defence_exp_pct_gdp"].to_numpy()
    for threshold, share in ((0.02, 0.0), (0.10, 0.0), (0.05, 0.9)):
        beta = eq.calibrate(inputs.income, inputs.spending, share)[0]
        result = eq.exclusion(inputs.income, beta[None, :], share, threshold, guarantor, start >= 100 * threshold)
        assert result.converged[0]
        assert_no_profitable_deviation(
            inputs.income, beta, share, threshold, guarantor, result.d[0], result.complies[0]
        )
