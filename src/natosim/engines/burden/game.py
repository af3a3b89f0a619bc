"""What would allies spend if the guarantor protected only those at a threshold, or left?

The spending game of docs/model/burden.md, fed with NATO's figures: incomes are GDP (current US$,
NATO Table 5), spending is NATO's % of GDP (Table 3) applied to that GDP, so that the share the
game works with is exactly the share NATO publishes and judges the 2 % guideline on. Both figures
come from one edition (the game never mixes vintages): by default the latest edition that has GDP
for the base year. Preferences are calibrated so that the base year is the Nash equilibrium; a
counterfactual changes the rules (exclusion, an ally leaving) and solves again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from natosim.data import Dataset, country_name, figures, load, resolve_country
from natosim.deprecation import renamed
from natosim.engines.burden import equilibrium as eq
from natosim.engines.burden.errors import BurdenError
from natosim.results import ResultMixin
from natosim.rules.targets import printed

PCT = "defence_exp_pct_gdp"
GDP = "gdp_usd_current_bn"
#: the threshold an "at threshold" prediction must match, relative
AT_THRESHOLD = 1e-9


@dataclass(frozen=True)
class GameInputs:
    """The allies of the base year that enter the game, their income, spending and provenance."""

    base_year: int
    edition: str
    frame: pd.DataFrame
    left_out: dict[str, str]

    @property
    def income(self) -> np.ndarray:
        return self.frame[GDP].to_numpy(dtype=float)

    @property
    def spending(self) -> np.ndarray:
        return self.frame["spending_usd_bn"].to_numpy(dtype=float)

    @property
    def iso3(self) -> list[str]:
        return list(self.frame["iso3"])


#: starting points tried when looking for several equilibria of the exclusion game (besides the
#: base year's pattern, everyone complying and no one complying), and their seed
EXTRA_STARTS = 12
START_SEED = 16
ILLUSTRATION = (
    "Illustration, not a prediction: the calibrated game restates one base year (each ally's preference "
    "is fitted to it exactly) and fails out of sample; natosim uses it only as a theoretical illustration "
    "(docs/model/burden.md §4–6)."
)


@dataclass(frozen=True)
class GameResult(ResultMixin):
    """Per-ally table (observed vs predicted spending, compliance) and a summary of the counterfactual."""

    title: ClassVar[str] = "Calibrated spending game (theoretical illustration)"

    table: pd.DataFrame
    summary: dict[str, Any] = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        return self.table

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "illustration", "summary": self.summary, "table": self.table}


def _editions_with_gdp(dataset: Dataset, year: int) -> list[str]:
    long = dataset.figures
    rows = long[(long["year"] == year) & long[GDP].notna() & long[PCT].notna()]
    return sorted(set(rows["edition"]), reverse=True)


def game_inputs(base_year: int, edition: str | None = None, dataset: Dataset | None = None) -> GameInputs:
    """Members of ``base_year`` with both % of GDP and GDP in one edition; who is left out and why."""
    dataset = dataset or load()
    candidates = _editions_with_gdp(dataset, int(base_year))
    if edition is None:
        if not candidates:
            years = sorted(set(dataset.figures.loc[dataset.figures[GDP].notna(), "year"]))
            raise BurdenError(
                f"no edition has GDP for {base_year}, and the game needs GDP; base years with GDP: "
                f"{years[0]}–{years[-1]}",
                field="base_year",
            )
        edition = candidates[0]
    table = (
        figures(year=int(base_year), edition=edition, dataset=dataset, members_only=True)
        if int(base_year) in set(dataset.figures["year"])
        else None
    )
    if table is None:
        years = sorted(set(dataset.figures["year"]))
        raise BurdenError(f"no figures for {base_year}; years available: {years[0]}–{years[-1]}", field="base_year")
    if edition not in candidates:
        raise BurdenError(
            f"edition {edition} has no GDP for {base_year} (the 2025-08 edition publishes % of GDP only), and "
            f"the game needs GDP; editions with GDP for {base_year}: {', '.join(candidates) or 'none'}",
            field="edition",
        )
    usable = table[table[PCT].notna() & table[GDP].notna()].copy()
    left_out = {
        code: "no % of GDP figure" if pd.isna(p) else "no GDP figure"
        for code, p in zip(table["iso3"], table[PCT], strict=True)
        if code not in set(usable["iso3"])
    }
    if code_iceland := [c for c in left_out if c == "ISL"]:
        left_out[code_iceland[0]] = "no defence figure (Iceland has no armed forces)"
    usable["spending_usd_bn"] = usable[PCT] / 100.0 * usable[GDP]
    columns = ["iso3", "country", GDP, PCT, "spending_usd_bn", "defence_exp_usd_current_mn", "sources"]
    return GameInputs(int(base_year), edition, usable[columns].reset_index(drop=True), left_out)


def _resolve_in_game(text: str, inputs: GameInputs, role: str) -> str:
    code = resolve_country(text)
    if code not in inputs.iso3:
        reason = inputs.left_out.get(code, f"not a member in {inputs.base_year}")
        raise BurdenError(
            f"{country_name(code)} ({code}) cannot be the {role} in the {inputs.base_year} game: {reason}; "
            f"allies in the game: {', '.join(inputs.iso3)}",
            field=role,
        )
    return code


def _check_share(private_share: float) -> float:
    if not 0.0 <= float(private_share) <= 1.0:
        raise BurdenError(
            f"private share {private_share} is outside 0–1 (0 = pure public good, 1 = pure private good)",
            field="private_share",
        )
    return float(private_share)


def _check_threshold(threshold_pct: float) -> float:
    if not 0.0 <= float(threshold_pct) < 100.0:
        raise BurdenError(f"threshold {threshold_pct} % of GDP is outside 0–100", field="threshold_pct")
    return float(threshold_pct)


def _table(
    inputs: GameInputs,
    beta: np.ndarray,
    predicted: np.ndarray,
    *,
    threshold_pct: float,
    protected: np.ndarray,
    in_game: np.ndarray,
) -> pd.DataFrame:
    frame = inputs.frame
    income, observed = inputs.income, inputs.spending
    predicted = np.where(in_game, predicted, np.nan)
    predicted_pct = 100.0 * predicted / income
    observed_pct = frame[PCT].to_numpy(dtype=float)
    at_threshold = np.abs(predicted_pct - threshold_pct) <= AT_THRESHOLD * max(threshold_pct, 1.0)
    complies = in_game & ((predicted_pct >= threshold_pct) | at_threshold)
    return pd.DataFrame(
        {
            "iso3": frame["iso3"],
            "country": frame["country"],
            "gdp_usd_bn": income,
            "beta": beta,
            "observed_spending_usd_bn": observed,
            "observed_pct_gdp": observed_pct,
            "predicted_spending_usd_bn": predicted,
            "predicted_pct_gdp": predicted_pct,
            "change_usd_bn": predicted - observed,
            "change_pct_points": predicted_pct - observed_pct,
            "observed_complies": printed(observed_pct) >= threshold_pct,  # the one "meets" rule
            "complies": complies,
            "free_rides": in_game & ~complies,
            "protected": protected & in_game,
            "spends_nothing": in_game & (predicted <= 0.0),
            "moved_to_threshold": in_game & at_threshold & (observed_pct < threshold_pct),
            "in_game": in_game,
            "edition": inputs.edition,
            "sources": frame["sources"],
        }
    )


def _summary(
    inputs: GameInputs,
    table: pd.DataFrame,
    *,
    counterfactual: str,
    guarantor: str | None,
    threshold_pct: float,
    private_share: float,
    beta: np.ndarray,
    extra: dict[str, Any],
) -> dict[str, Any]:
    observed_q = float(inputs.spending.sum())
    predicted_q = float(table["predicted_spending_usd_bn"].sum(skipna=True))
    baseline = eq.nash(inputs.income, beta, private_share).d[0]
    calibration_error = float(np.max(np.abs(baseline - inputs.spending) / inputs.spending))
    playing = table[table["in_game"]]
    summary: dict[str, Any] = {
        "kind": "illustration",
        "illustration": ILLUSTRATION,
        "base_year": inputs.base_year,
        "edition": inputs.edition,
        "counterfactual": counterfactual,
        "guarantor": guarantor,
        "threshold_pct": threshold_pct,
        "private_share": private_share,
        "allies": len(table),
        "allies_in_game": int(table["in_game"].sum()),
        "q_observed_usd_bn": observed_q,
        "q_predicted_usd_bn": predicted_q,
        "q_change_usd_bn": predicted_q - observed_q,
        "q_change_pct": 100.0 * (predicted_q / observed_q - 1.0),
        "complying": list(playing.loc[playing["complies"], "iso3"]),
        "below_threshold": list(playing.loc[playing["free_rides"], "iso3"]),
        "moved_to_threshold": list(playing.loc[playing["moved_to_threshold"], "iso3"]),
        "calibration_max_relative_error": calibration_error,
        "left_out": inputs.left_out,
        "notes": [
            f"Income = GDP and spending = NATO % of GDP × GDP, current US$ bn, edition {inputs.edition}, "
            f"{inputs.base_year}; preferences calibrated so that {inputs.base_year} is the equilibrium.",
        ],
        "sources": sorted({s for text in inputs.frame["sources"] for s in str(text).split(";")}),
    }
    summary.update(extra)
    return summary


def baseline_game(
    base_year: int,
    private_share: float = 0.0,
    edition: str | None = None,
    threshold_pct: float = 2.0,
    dataset: Dataset | None = None,
) -> GameResult:
    """The calibrated game with no change: predicted spending reproduces the base year."""
    share = _check_share(private_share)
    threshold = _check_threshold(threshold_pct)
    inputs = game_inputs(base_year, edition, dataset)
    beta = eq.calibrate(inputs.income, inputs.spending, share)
    solution = eq.nash(inputs.income, beta, share)
    everyone = np.ones(len(inputs.iso3), bool)
    table = _table(inputs, beta[0], solution.d[0], threshold_pct=threshold, protected=everyone, in_game=everyone)
    return GameResult(
        table,
        _summary(
            inputs,
            table,
            counterfactual="none",
            guarantor=None,
            threshold_pct=threshold,
            private_share=share,
            beta=beta,
            extra={"converged": True},
        ),
    )


def exclusion_equilibrium(
    base_year: int,
    guarantor: str = "USA",
    threshold_pct: float = 2.0,
    private_share: float = 0.0,
    edition: str | None = None,
) -> GameResult:
    """The game's predicted response to a conditional guarantee (CONTRACTS.md, "Burden game").

    ``guarantor`` protects only allies spending at least ``threshold_pct`` % of GDP; each other
    ally chooses between complying (spending at least the threshold, keeping the full alliance's
    protection) and not (its security then lacks the guarantor's spending). ``.table`` has iso3,
    observed_pct_gdp, predicted_pct_gdp, complies, free_rides (stays below the threshold,
    forgoing the guarantee), protected, moved_to_threshold...; ``.summary`` the change in total
    allied spending, who complies, and whether an equilibrium was reached.
    """
    return _exclusion(base_year, guarantor, threshold_pct, private_share, edition, None)


def _exclusion(
    base_year: int,
    guarantor: str,
    threshold_pct: float,
    private_share: float,
    edition: str | None,
    dataset: Dataset | None,
) -> GameResult:
    share = _check_share(private_share)
    threshold = _check_threshold(threshold_pct)
    inputs = game_inputs(base_year, edition, dataset)
    code = _resolve_in_game(guarantor, inputs, "guarantor")
    g = inputs.iso3.index(code)
    beta = eq.calibrate(inputs.income, inputs.spending, share)
    start = printed(inputs.frame[PCT].to_numpy(dtype=float)) >= threshold  # as NATO prints it
    solution = eq.exclusion(inputs.income, beta, share, threshold / 100.0, g, start)
    equilibria = _equilibria(inputs, beta, share, threshold, g, start)
    in_game = np.ones(len(inputs.iso3), bool)
    table = _table(
        inputs, beta[0], solution.d[0], threshold_pct=threshold, protected=solution.complies[0], in_game=in_game
    )
    table["protected"] = solution.complies[0]
    table["free_rides"] = ~solution.complies[0]
    table["complies"] = solution.complies[0]
    converged = bool(solution.converged[0])
    table["converged"] = converged
    extra: dict[str, Any] = {
        "converged": converged,
        "rounds": int(solution.rounds[0]),
        "guarantor_spending_observed_usd_bn": float(inputs.spending[g]),
        "guarantor_spending_predicted_usd_bn": float(solution.d[0, g]),
        "equilibria": equilibria,
        "multiple_equilibria": len(equilibria) > 1,
        "starting_points_tried": 3 + EXTRA_STARTS,
    }
    result_table = table
    summary = _summary(
        inputs,
        result_table,
        counterfactual="exclusion",
        guarantor=code,
        threshold_pct=threshold,
        private_share=share,
        beta=beta,
        extra=extra,
    )
    if len(equilibria) > 1:
        summary["notes"].append(
            f"{len(equilibria)} equilibria found from {3 + EXTRA_STARTS} starting points (see 'equilibria'): the "
            "outcome depends on where best-response dynamics start; the table shows the one reached from the "
            "base year's compliance."
        )
    if not converged:
        cycling = int(solution.cycling_ally[0])
        who = inputs.iso3[cycling] if cycling >= 0 else "several allies"
        summary["notes"].append(
            f"No pure-strategy equilibrium reached: {who} keeps switching between complying and not (the "
            "guarantor's own spending reacts to it). The table shows the last state visited."
        )
    return GameResult(result_table, summary)


def _equilibria(
    inputs: GameInputs, beta: np.ndarray, share: float, threshold: float, g: int, start: np.ndarray
) -> list[dict[str, Any]]:
    """Solve the exclusion game from several starting points; the distinct converged outcomes.

    Starting points: the base year's compliance, everyone complying, no one complying, and
    :data:`EXTRA_STARTS` random patterns (seeded). Each is solved by the same best-response
    dynamics (all rows at once); two outcomes are the same equilibrium if the same allies comply.
    """
    allies = len(inputs.iso3)
    rng = np.random.default_rng(START_SEED)
    starts = np.vstack([start, np.ones(allies, bool), np.zeros(allies, bool), rng.random((EXTRA_STARTS, allies)) < 0.5])
    rows = starts.shape[0]
    solved = eq.exclusion(
        np.broadcast_to(inputs.income, (rows, allies)),
        np.broadcast_to(beta[0], (rows, allies)),
        share,
        np.full(rows, threshold / 100.0),
        g,
        starts,
    )
    found: dict[tuple[bool, ...], dict[str, Any]] = {}
    for row in range(rows):
        if not solved.converged[row]:
            continue
        key = tuple(bool(v) for v in solved.complies[row])
        entry = found.setdefault(
            key,
            {
                "outside": [code for code, c in zip(inputs.iso3, key, strict=True) if not c],
                "q_usd_bn": float(solved.q[row]),
                "guarantor_pct_gdp": float(100.0 * solved.d[row, g] / inputs.income[g]),
                "reached_from": [],
            },
        )
        entry["reached_from"].append(
            ["base year", "all comply", "none comply"][row] if row < 3 else f"random {row - 2}"
        )
    return list(found.values())


def guarantor_leaves(
    base_year: int,
    leaving: Sequence[str] = ("USA",),
    private_share: float = 0.0,
    edition: str | None = None,
    threshold_pct: float = 2.0,
    dataset: Dataset | None = None,
) -> GameResult:
    """Allies in ``leaving`` quit altogether; the others re-optimise with unchanged preferences."""
    share = _check_share(private_share)
    threshold = _check_threshold(threshold_pct)
    inputs = game_inputs(base_year, edition, dataset)
    codes = [_resolve_in_game(text, inputs, "ally leaving") for text in leaving]
    if not codes:
        raise BurdenError("name at least one ally that leaves", field="without")
    present = ~np.isin(inputs.iso3, codes)
    if not present.any():
        raise BurdenError("every ally would leave; nothing is left to solve", field="without")
    beta = eq.calibrate(inputs.income, inputs.spending, share)
    a, c = eq.coefficients(inputs.income, beta, share)
    solution = eq.solve(a, c, present=present)
    table = _table(inputs, beta[0], solution.d[0], threshold_pct=threshold, protected=present, in_game=present)
    remaining_observed = float(inputs.spending[present].sum())
    extra = {
        "converged": True,
        "leaving": codes,
        "q_remaining_observed_usd_bn": remaining_observed,
        "q_remaining_change_usd_bn": float(solution.d[0, present].sum()) - remaining_observed,
    }
    return GameResult(
        table,
        _summary(
            inputs,
            table,
            counterfactual="without",
            guarantor=None,
            threshold_pct=threshold,
            private_share=share,
            beta=beta,
            extra=extra,
        ),
    )


def exclusion_sweep(
    base_year: int,
    thresholds_pct: Sequence[float] | np.ndarray,
    private_shares: Sequence[float] | np.ndarray,
    guarantor: str = "USA",
    edition: str | None = None,
    dataset: Dataset | None = None,
) -> pd.DataFrame:
    """Exclusion equilibria for every (threshold, private share) pair given, all solved at once.

    ``thresholds_pct`` and ``private_shares`` are paired element by element (use ``numpy.meshgrid``
    for a grid). Each pair is calibrated to the base year with its own private share.
    """
    thresholds = np.asarray(thresholds_pct, dtype=float).ravel()
    shares = np.asarray(private_shares, dtype=float).ravel()
    if thresholds.shape != shares.shape:
        raise BurdenError("thresholds and private shares must be paired one to one (same length)")
    if np.any((thresholds < 0) | (thresholds >= 100)) or np.any((shares < 0) | (shares > 1)):
        raise BurdenError("thresholds must lie in 0–100 % of GDP and private shares in 0–1")
    inputs = game_inputs(base_year, edition, dataset)
    g = inputs.iso3.index(_resolve_in_game(guarantor, inputs, "guarantor"))
    beta = eq.calibrate(inputs.income, inputs.spending, shares)
    observed_pct = inputs.frame[PCT].to_numpy(dtype=float)
    start = printed(observed_pct)[None, :] >= thresholds[:, None]  # as NATO prints it
    solution = eq.exclusion(inputs.income, beta, shares, thresholds / 100.0, g, start)
    observed_q = inputs.spending.sum()
    return pd.DataFrame(
        {
            "threshold_pct": thresholds,
            "private_share": shares,
            "complying": solution.complies.sum(axis=1) - 1,
            "below_threshold_observed": (~start).sum(axis=1) - (~start[:, g]).astype(int),
            "q_predicted_usd_bn": solution.q,
            "q_change_pct": 100.0 * (solution.q / observed_q - 1.0),
            "guarantor_spending_usd_bn": solution.d[:, g],
            "converged": solution.converged,
            "rounds": solution.rounds,
            "kind": "illustration",
        }
    )


__getattr__ = renamed(
    __name__, {"sweep": (exclusion_sweep, "use exclusion_sweep(base_year, thresholds_pct, private_shares, ...)")}
)
