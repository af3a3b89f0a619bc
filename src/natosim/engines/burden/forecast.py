"""Forecasts from the estimated spending model: out-of-sample validation and counterfactuals.

* :func:`validate_spending_model` — train on the years up to a cut-off, predict the later years
  recursively (each year's predicted burdens feed the next year's lag, spill-in and pledge gap),
  and compare the mean absolute error with "no change" (every ally keeps its cut-off burden).
  Several cut-offs (a rolling origin) are pooled. The model is used for predictions only if it
  beats "no change" (:func:`model_for_prediction`); otherwise everything built on the calibrated
  game is labelled an illustration.
* :func:`us_exit` and :func:`conditional_guarantee` — counterfactuals on the estimated model, with
  ranges over the coefficients' sampling distribution (clustered covariance).

Conditioning variables (GDP per capita, the US's own burden, Russia's spending, the breaks) are
taken as observed in the validation: these are conditional forecasts, the usual test of a
behavioural equation, not forecasts of those variables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from natosim.data import Dataset
from natosim.deprecation import renamed
from natosim.engines.burden.errors import BurdenError
from natosim.engines.burden.model import (
    GUARANTOR,
    SpendingModel,
    fit_spending_model,
    spending_panel,
    spill_in,
    spill_weights,
)
from natosim.results import ResultMixin

#: fewest training years a cut-off may leave (one lag is lost)
MIN_TRAINING_YEARS = 4
#: coefficient draws for the ranges of a counterfactual, and their seed
DRAWS = 2000
SEED = 16
#: the central interval reported for a counterfactual
RANGE = (5.0, 95.0)


def simulate(
    model: SpendingModel,
    panel: pd.DataFrame,
    start_year: int,
    end_year: int,
    *,
    params: np.ndarray | None = None,
    us_protects: np.ndarray | None = None,
    threshold_pct: float | None = None,
) -> tuple[list[str], list[int], np.ndarray]:
    """Predicted burdens of the non-US allies for ``start_year + 1 .. end_year``, recursively.

    Start from the observed burdens of ``start_year``; each later year uses the previous year's
    *predicted* burdens for the lag, the spill-in and the pledge gap, and the panel's observed
    values for the rest. Allies that have no observed burden at ``start_year`` are not predicted.
    ``params`` (draws × k): many coefficient vectors at once. ``us_protects`` (bool, allies) sets
    the US term to 0 for allies it does not protect; ``threshold_pct``: the US protects only
    allies whose burden last year was at least the threshold (re-checked every year, per draw).
    Returns (allies, years, burdens of shape draws × years × allies).
    """
    rows = panel[~panel["is_guarantor"]]
    start = rows[rows["year"] == start_year].set_index("iso3")["burden"].dropna()
    codes = sorted(start.index)
    years = [y for y in sorted(rows["year"].unique()) if start_year < y <= end_year]
    if not codes or not years:
        raise BurdenError(f"nothing to predict after {start_year}", field="cutoff")
    weights = spill_weights(codes)
    theta = np.atleast_2d(model.params if params is None else params)
    draws = theta.shape[0]
    last = np.broadcast_to(start.reindex(codes).to_numpy(float), (draws, len(codes))).copy()
    out = np.full((draws, len(years), len(codes)), np.nan)
    by_year = rows.set_index(["year", "iso3"])
    position = {term: k + 1 for k, term in enumerate(model.terms)}
    for t, year in enumerate(years):
        frame = by_year.loc[year].reindex(codes) if year in by_year.index.get_level_values(0) else None
        if frame is None:
            break
        x = np.broadcast_to(model.design(frame.fillna(0.0)), (draws, len(codes), len(model.terms) + 1)).copy()
        if "lag_burden" in position:
            x[:, :, position["lag_burden"]] = last
        if "spill_in" in position:
            x[:, :, position["spill_in"]] = spill_in(weights, last)
        if "pledge_gap" in position:
            target = frame["target_pct_gdp"].to_numpy(float)
            x[:, :, position["pledge_gap"]] = np.maximum(0.0, target - last)
        if "us_burden" in position:
            protected = np.ones((draws, len(codes)), bool)
            if us_protects is not None:
                protected &= np.asarray(us_protects, bool)
            if threshold_pct is not None:
                protected &= last >= threshold_pct
            x[:, :, position["us_burden"]] *= protected
        predicted = np.einsum("dak,dk->da", x, theta)
        predicted[:, frame["edition"].isna().to_numpy() | ~np.isfinite(last[0])] = np.nan  # no row, or no start
        out[:, t, :] = predicted
        last = np.where(np.isnan(predicted), last, predicted)
    return codes, years, out


@dataclass(frozen=True)
class ForecastValidation(ResultMixin):
    """Out-of-sample errors of the model and of "no change", per cut-off and pooled."""

    title: ClassVar[str] = "Spending model: out-of-sample validation against 'no change'"

    by_cutoff: pd.DataFrame
    predictions: pd.DataFrame
    summary: dict[str, Any]
    notes: list[str] = field(default_factory=list)

    def to_frame(self) -> pd.DataFrame:
        return self.by_cutoff

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "estimate",
            **self.summary,
            "summary": self.summary,
            "by_cutoff": self.by_cutoff,
            "notes": self.notes,
        }


def validate_spending_model(
    cutoffs: int | Sequence[int] | None = None, edition: str | None = None, dataset: Dataset | None = None
) -> ForecastValidation:
    """Train up to each cut-off, predict every later year, compare MAE (pp) with "no change".

    ``cutoffs``: one year or several (a rolling origin); ``None`` → every year that leaves at least
    :data:`MIN_TRAINING_YEARS` training years and one year to predict. ``model_mae_pp`` and
    ``no_change_mae_pp`` pool all predictions; ``used_for_prediction`` is true only if the model's
    pooled error is the smaller.
    """
    panel = spending_panel(edition, dataset)
    years = sorted(int(y) for y in panel["year"].unique())
    eligible = [y for y in years[MIN_TRAINING_YEARS:-1]]
    if cutoffs is None:
        chosen = eligible
    else:
        chosen = sorted({int(cutoffs)} if isinstance(cutoffs, int | np.integer) else {int(c) for c in cutoffs})
        bad = [c for c in chosen if c not in eligible]
        if bad:
            raise BurdenError(
                f"cut-off {', '.join(map(str, bad))} leaves too few years to train or none to predict; valid "
                f"cut-offs: {eligible[0]}–{eligible[-1]}"
                if eligible
                else "the panel is too short to validate",
                field="cutoff",
            )
    frames, rows = [], []
    for cutoff in chosen:
        model = fit_spending_model(panel[panel["year"] <= cutoff])
        codes, later, predicted = simulate(model, panel, cutoff, years[-1])
        observed = panel[~panel["is_guarantor"]].set_index(["year", "iso3"])["burden"]
        start = observed.loc[cutoff].reindex(codes).to_numpy(float)
        grid = pd.MultiIndex.from_product([later, codes], names=["year", "iso3"])
        frame = pd.DataFrame(
            {
                "cutoff": cutoff,
                "predicted": predicted[0].ravel(),
                "no_change": np.tile(start, len(later)),
                "observed": observed.reindex(grid).to_numpy(float),
            },
            index=grid,
        ).reset_index()
        frame = frame.dropna(subset=["predicted", "observed", "no_change"])
        frame["horizon"] = frame["year"] - cutoff
        frames.append(frame)
        rows.append(
            {
                "cutoff": cutoff,
                "years_predicted": f"{later[0]}–{later[-1]}",
                "n": len(frame),
                "model_mae_pp": float((frame["predicted"] - frame["observed"]).abs().mean()),
                "no_change_mae_pp": float((frame["no_change"] - frame["observed"]).abs().mean()),
                "dropped_terms": ", ".join(model.dropped) or "",
            }
        )
    predictions = pd.concat(frames, ignore_index=True)
    by_cutoff = pd.DataFrame(rows)
    model_mae = float((predictions["predicted"] - predictions["observed"]).abs().mean())
    naive_mae = float((predictions["no_change"] - predictions["observed"]).abs().mean())
    one_year = predictions[predictions["horizon"] == 1]
    summary = {
        "kind": "estimate",
        "edition": str(panel["edition"].iloc[0]),
        "cutoffs": chosen,
        "n_predictions": len(predictions),
        "model_mae_pp": model_mae,
        "no_change_mae_pp": naive_mae,
        "model_mae_one_year_ahead_pp": float((one_year["predicted"] - one_year["observed"]).abs().mean()),
        "no_change_mae_one_year_ahead_pp": float((one_year["no_change"] - one_year["observed"]).abs().mean()),
        "used_for_prediction": bool(model_mae < naive_mae),
        "rule": "the model is used for predictions only if its pooled out-of-sample MAE is below 'no change'",
    }
    notes = [
        "Conditional forecasts: GDP per capita, the US burden, Russia's spending and the breaks are taken as "
        "observed; each ally's lag, spill-in and pledge gap come from the model's own earlier predictions.",
        "A break dated after a cut-off has no variation in that training sample and is dropped (dropped_terms).",
    ]
    return ForecastValidation(by_cutoff, predictions, summary, notes)


def model_for_prediction(edition: str | None = None, dataset: Dataset | None = None) -> SpendingModel | None:
    """The model estimated on every year, if it beats "no change" out of sample; else ``None``.

    With the bundled data (``dataset=None``) the answer is computed once per edition and process.
    """
    if dataset is None:
        return _bundled_model_for_prediction(edition)
    if not validate_spending_model(None, edition, dataset).summary["used_for_prediction"]:
        return None
    return fit_spending_model(spending_panel(edition, dataset))


@cache
def _bundled_model_for_prediction(edition: str | None) -> SpendingModel | None:
    if not validate_spending_model(None, edition).summary["used_for_prediction"]:
        return None
    return fit_spending_model(spending_panel(edition))


@dataclass(frozen=True)
class Counterfactual(ResultMixin):
    """Per-ally predicted burden with and without the change, with ranges over the coefficients."""

    title: ClassVar[str] = "Counterfactual on the estimated spending model"

    table: pd.DataFrame
    summary: dict[str, Any]

    def to_frame(self) -> pd.DataFrame:
        return self.table

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.summary["kind"], "summary": self.summary, "table": self.table}


def _counterfactual(
    name: str,
    horizon: int,
    edition: str | None,
    dataset: Dataset | None,
    draws: int,
    seed: int,
    **change: Any,
) -> Counterfactual:
    if horizon < 1:
        raise BurdenError(f"horizon {horizon}: give at least 1 year", field="horizon")
    panel = spending_panel(edition, dataset)
    model = fit_spending_model(panel)
    validation = validate_spending_model(None, edition, dataset).summary
    last_year = int(panel["year"].max())
    # project forward by repeating the last year's conditions (a steady state, not a forecast of them)
    future = [panel[panel["year"] == last_year].assign(year=last_year + h) for h in range(1, horizon + 1)]
    extended = pd.concat([panel, *future], ignore_index=True)
    extended.loc[extended["year"] > last_year, "burden"] = np.nan
    theta = np.vstack([model.params, model.draws(draws, seed)])
    codes, _, base = simulate(model, extended, last_year, last_year + horizon, params=theta)
    _, _, changed = simulate(model, extended, last_year, last_year + horizon, params=theta, **change)
    end_base, end_changed = base[:, -1, :], changed[:, -1, :]
    delta = end_changed - end_base
    gdp = extended[(extended["year"] == last_year) & extended["iso3"].isin(codes)].set_index("iso3")["gdp_usd_bn"]
    gdp = gdp.reindex(codes).to_numpy(float)
    extra_usd = (delta / 100.0 * gdp).sum(axis=1)
    low, high = RANGE
    observed = panel[panel["year"] == last_year].set_index("iso3")["burden"].reindex(codes).to_numpy(float)
    table = pd.DataFrame(
        {
            "iso3": codes,
            "observed_pct_gdp": observed,
            "baseline_pct_gdp": end_base[0],
            "counterfactual_pct_gdp": end_changed[0],
            "change_pp": delta[0],
            "change_pp_low": np.percentile(delta[1:], low, axis=0),
            "change_pp_high": np.percentile(delta[1:], high, axis=0),
            "gdp_usd_bn": gdp,
        }
    )
    table["change_usd_bn"] = table["change_pp"] / 100.0 * table["gdp_usd_bn"]
    used = validation["used_for_prediction"]
    summary = {
        "kind": "estimate" if used else "illustration",
        "counterfactual": name,
        "base_year": last_year,
        "horizon_years": horizon,
        "edition": str(panel["edition"].iloc[0]),
        "mean_change_pp": float(delta[0].mean()),
        "mean_change_pp_range": [float(np.percentile(delta[1:].mean(axis=1), p)) for p in RANGE],
        "extra_spending_usd_bn": float(extra_usd[0]),
        "extra_spending_usd_bn_range": [float(np.percentile(extra_usd[1:], p)) for p in RANGE],
        "range": f"{low:g}th–{high:g}th percentile over {draws} coefficient draws (clustered covariance), seed {seed}",
        "model_mae_pp": validation["model_mae_pp"],
        "no_change_mae_pp": validation["no_change_mae_pp"],
        "used_for_prediction": used,
        "notes": [
            "Conditions of the last year (GDP, Russia's spending, breaks) are held for the horizon; the "
            "counterfactual differs from the baseline only by the change named.",
            "The US burden varied between about 3.1 and 3.7 % of GDP in the estimation sample; removing it "
            "extrapolates the linear response far outside that range, so read the range, not the point.",
        ]
        + (
            []
            if used
            else ["The model does not beat 'no change' out of sample: this is an illustration, not a prediction."]
        ),
    }
    return Counterfactual(table, summary)


def us_exit(
    horizon: int = 5, edition: str | None = None, dataset: Dataset | None = None, draws: int = DRAWS, seed: int = SEED
) -> Counterfactual:
    """The US leaves: its spending no longer spills in to any ally (US term set to 0), ``horizon`` years on."""
    return _counterfactual("us_exit", horizon, edition, dataset, draws, seed, us_protects=np.zeros(1, bool))


def conditional_guarantee(
    threshold_pct: float = 2.0,
    horizon: int = 5,
    edition: str | None = None,
    dataset: Dataset | None = None,
    draws: int = DRAWS,
    seed: int = SEED,
) -> Counterfactual:
    """The US protects only allies whose burden last year was at least ``threshold_pct`` (checked yearly)."""
    if not 0.0 <= float(threshold_pct) < 100.0:
        raise BurdenError(f"threshold {threshold_pct} % of GDP is outside 0–100", field="threshold_pct")
    result = _counterfactual(
        "conditional_guarantee", horizon, edition, dataset, draws, seed, threshold_pct=float(threshold_pct)
    )
    result.summary["threshold_pct"] = float(threshold_pct)
    result.summary["guarantor"] = GUARANTOR
    return result


__getattr__ = renamed(__name__, {"ValidationResult": (ForecastValidation, "use ForecastValidation")})
