"""An estimated model of allied defence burdens: what drives an ally's % of GDP, with uncertainty.

The calibrated game (``game.py``) restates one base year; this module *estimates* behaviour from
the ally-year panel of NATO's figures, in the tradition of the demand-for-military-expenditure
literature (Murdoch & Sandler 1984; Sandler & Hartley 1995, ch. 2; Plümper & Neumayer 2015 for
spill-ins from the leader and the rival). For ally *i* (every ally but the US) in year *t*:

    burden_it = a + ρ·burden_i,t−1 + β1·ln(GDP per capita)_it + β2·spill_in_i,t−1 + β3·US burden_t−1
              + β4·ln(km to Moscow)_i + β5·ln(Russia's spending)_t−1 + β6·pledge gap_it
              + Σ_k γ_k·break_k,t + ε_it

* burden = defence expenditure, % of GDP (NATO Table 3); GDP per capita = GDP (Table 5, current
  US$) ÷ population (derived); all from one NATO edition (the latest with GDP);
* spill_in = the other allies' burdens (US excluded), weighted by the inverse distance between
  capitals (rows sum to 1) — the spatial spill-in of Plümper & Neumayer (2015); the US enters
  separately (its own burden);
* threat: distance from the capital to Moscow (allies.csv, engines/burden/data/geography.yaml),
  Russia's military expenditure (SIPRI, constant US$, bundled comparators), and the breaks of
  ``rules/parameters/threat_breaks.yaml`` (a trend from the Crimea crisis, a level shift from the
  full-scale invasion);
* pledge gap = max(0, target − burden_i,t−1), the headline % of GDP pledge in force on 1 January of
  year t (``rules/parameters/pledges.yaml``).

Ordinary least squares (statsmodels) with standard errors clustered by ally (an ally's errors are
correlated over time). A regressor with no variation in the estimation sample is dropped and named
(a break after the last training year cannot be estimated). Equations and results:
docs/model/burden.md §9.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from natosim import extras
from natosim.data import Dataset, comparators, figures, load
from natosim.engines.burden.errors import BurdenError
from natosim.engines.burden.geography import ally_geography, capital_distances
from natosim.results import ResultMixin
from natosim.rules import pledges
from natosim.rules.loader import read_yaml, rules_dir, validate

PCT = "defence_exp_pct_gdp"
GDP = "gdp_usd_current_bn"
POP = "population_thousands"
GUARANTOR = "USA"
RIVAL = "RUS"
#: the regressors, in the order they are reported (breaks are appended from the YAML)
BASE_TERMS = (
    "lag_burden",
    "log_gdp_per_capita",
    "spill_in",
    "us_burden",
    "log_km_to_moscow",
    "log_russia_spending",
    "pledge_gap",
)


class ThreatBreak(BaseModel):
    """One dated break of ``threat_breaks.yaml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    date: dt.date
    name: str
    effect: Literal["level", "trend"]
    source: str
    confidence: str


class _Breaks(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    breaks: list[ThreatBreak]


@cache
def threat_breaks() -> tuple[ThreatBreak, ...]:
    """The dated threat breaks (``rules/parameters/threat_breaks.yaml``, validated; errors name the line)."""
    path = rules_dir() / "threat_breaks.yaml"
    data, node = read_yaml(path)
    return tuple(validate(_Breaks, data, path, node).breaks)


def _headline_target(year: int) -> float:
    """Highest headline % of GDP floor pledge in force on 1 January of ``year`` (NaN if none)."""
    day = dt.date(year, 1, 1)
    targets = [
        p.target_pct_gdp
        for p in pledges()
        if p.headline
        and p.target_pct_gdp is not None
        and p.target_kind == "floor"
        and p.measure == PCT
        and p.adopted < day
        and (p.expires is None or p.expires > day)
    ]
    return max(targets) if targets else float("nan")


def _latest_gdp_edition(dataset: Dataset) -> str:
    long = dataset.figures
    editions = sorted(set(long.loc[long[GDP].notna() & long[PCT].notna(), "edition"]), reverse=True)
    if not editions:
        raise BurdenError("no edition has both GDP and % of GDP; the spending model needs both", field="edition")
    return editions[0]


def spending_panel(edition: str | None = None, dataset: Dataset | None = None) -> pd.DataFrame:
    """The ally-year panel with every regressor (one edition; default the latest with GDP).

    One row per ally (US included, flagged) and year with a % of GDP figure; lagged regressors are
    missing in an ally's first year. Columns: iso3, year, burden, lag_burden, gdp_usd_bn,
    gdp_per_capita_usd, log_gdp_per_capita, spill_in, us_burden, km_to_moscow, log_km_to_moscow,
    russia_spending_usd_bn, log_russia_spending, target_pct_gdp, pledge_gap, one column per break.
    """
    dataset = dataset or load()
    edition = edition or _latest_gdp_edition(dataset)
    table = figures(edition=edition, dataset=dataset, members_only=True)
    table = table[table[PCT].notna() & table[GDP].notna()].copy()
    if table.empty:
        raise BurdenError(f"edition {edition} has no ally with both GDP and % of GDP", field="edition")
    panel = pd.DataFrame(
        {
            "iso3": table["iso3"].to_numpy(),
            "year": table["year"].astype(int).to_numpy(),
            "burden": table[PCT].to_numpy(float),
            "gdp_usd_bn": table[GDP].to_numpy(float),
            "gdp_per_capita_usd": (table[GDP] * 1e9 / (table[POP] * 1e3)).to_numpy(float),
        }
    ).sort_values(["iso3", "year"], ignore_index=True)
    panel["log_gdp_per_capita"] = np.log(panel["gdp_per_capita_usd"] / 1000.0)
    previous = panel.assign(year=panel["year"] + 1)[["iso3", "year", "burden"]]
    panel = panel.merge(previous.rename(columns={"burden": "lag_burden"}), on=["iso3", "year"], how="left")

    geo = ally_geography().set_index("iso3")
    panel["km_to_moscow"] = panel["iso3"].map(geo["km_to_moscow"])
    panel["log_km_to_moscow"] = np.log(panel["km_to_moscow"])

    # spill-in: inverse-distance-weighted mean of the other allies' burden last year (US excluded)
    codes = sorted(panel["iso3"].unique())
    weights = spill_weights(codes)
    lagged = panel.pivot(index="year", columns="iso3", values="burden").reindex(columns=codes)
    previous_years = lagged.reindex(lagged.index - 1)
    spill = pd.DataFrame(spill_in(weights, previous_years.to_numpy(float)), index=lagged.index, columns=codes).stack(
        future_stack=True
    )
    panel["spill_in"] = spill.reindex(pd.MultiIndex.from_frame(panel[["year", "iso3"]])).to_numpy()
    us_last = previous_years[GUARANTOR] if GUARANTOR in codes else pd.Series(np.nan, index=lagged.index)
    panel["us_burden"] = panel["year"].map(pd.Series(us_last.to_numpy(float), index=lagged.index))

    rival = comparators([RIVAL], dataset=dataset).set_index("year")["milex_usd_constant_mn"] / 1000.0
    panel["russia_spending_usd_bn"] = (panel["year"] - 1).map(rival)
    panel["log_russia_spending"] = np.log(panel["russia_spending_usd_bn"])
    panel["target_pct_gdp"] = panel["year"].map({int(y): _headline_target(int(y)) for y in panel["year"].unique()})
    panel["pledge_gap"] = np.maximum(0.0, panel["target_pct_gdp"] - panel["lag_burden"])
    for brk in threat_breaks():
        elapsed = panel["year"] - brk.date.year
        panel[brk.id] = np.where(elapsed >= 0, elapsed if brk.effect == "trend" else 1, 0).astype(float)
    panel["is_guarantor"] = panel["iso3"] == GUARANTOR
    panel["edition"] = edition
    return panel


def spill_weights(codes: Sequence[str]) -> np.ndarray:
    """Inverse-distance weights between capitals, zero on the diagonal and for the US (entered apart)."""
    distance = capital_distances(list(codes))
    with np.errstate(divide="ignore"):
        inverse = np.where(distance > 0, 1.0 / distance, 0.0)
    inverse[:, [k for k, code in enumerate(codes) if code == GUARANTOR]] = 0.0
    return inverse


def spill_in(weights: np.ndarray, last: np.ndarray) -> np.ndarray:
    """Weighted mean of the others' last-year burdens, ignoring missing ones: (..., allies) → (..., allies).

    ``last`` has the allies on its last axis (any leading axes: years, draws); an ally with no
    neighbour having a figure gets NaN.
    """
    available = np.isfinite(last)
    values = np.where(available, last, 0.0)
    total = available.astype(float) @ weights.T
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, (values @ weights.T) / total, np.nan)


def model_terms() -> list[str]:
    """Every regressor the model may use (breaks from the YAML), before dropping constant ones."""
    return [*BASE_TERMS, *(b.id for b in threat_breaks())]


@dataclass(frozen=True)
class SpendingModel(ResultMixin):
    """Estimated coefficients with clustered standard errors, and what is needed to predict."""

    title: ClassVar[str] = "Estimated spending model (burden, % of GDP; SEs clustered by ally)"

    coefficients: pd.DataFrame
    terms: list[str]
    params: np.ndarray
    cov: np.ndarray
    summary: dict[str, Any]
    dropped: dict[str, str] = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        return self.coefficients

    def to_dict(self) -> dict[str, Any]:
        return {"kind": "estimate", "summary": self.summary, "coefficients": self.coefficients, "dropped": self.dropped}

    def design(self, frame: pd.DataFrame) -> np.ndarray:
        """Design matrix (constant first) of ``frame`` for this model's terms."""
        return np.column_stack([np.ones(len(frame)), frame[self.terms].to_numpy(float)])

    def predict(self, frame: pd.DataFrame, params: np.ndarray | None = None) -> np.ndarray:
        """Predicted burden (% of GDP) for each row of ``frame``; ``params`` (draws × k) for many at once."""
        x = self.design(frame)
        return x @ (self.params if params is None else np.asarray(params).T)

    def draws(self, count: int, seed: int) -> np.ndarray:
        """Coefficient vectors drawn from their estimated sampling distribution N(b, V_cluster)."""
        rng = np.random.default_rng(seed)
        return rng.multivariate_normal(self.params, self.cov, size=count, method="svd")


def fit_spending_model(panel: pd.DataFrame, terms: Sequence[str] | None = None) -> SpendingModel:
    """OLS of ``burden`` on ``terms`` over the non-US rows with every term, SEs clustered by ally."""
    extras.require("burden", what="the estimated spending model")
    import statsmodels.api as sm

    wanted = list(terms) if terms is not None else model_terms()
    missing = [t for t in wanted if t not in panel.columns]
    if missing:
        raise BurdenError(f"the panel has no column {', '.join(missing)}", field="terms")
    sample = panel[~panel.get("is_guarantor", False)].dropna(subset=["burden", *wanted])
    dropped = {t: "no variation in the estimation sample" for t in wanted if sample[t].nunique() < 2}
    used = [t for t in wanted if t not in dropped]
    if len(sample) <= len(used) + 1 or sample["iso3"].nunique() < 3:
        raise BurdenError(
            f"too few observations to estimate the model: {len(sample)} ally-years, {sample['iso3'].nunique()} "
            f"allies, {len(used) + 1} coefficients",
            field="years",
        )
    y = sample["burden"].to_numpy(float)
    x = sm.add_constant(sample[used].to_numpy(float), has_constant="add")
    groups = pd.factorize(sample["iso3"])[0]
    fit = sm.OLS(y, x).fit(cov_type="cluster", cov_kwds={"groups": groups})
    params, se = np.asarray(fit.params), np.asarray(fit.bse)
    ci = np.asarray(fit.conf_int(0.05))
    names = ["const", *used]
    coefficients = pd.DataFrame(
        {
            "term": names,
            "coef": params,
            "se_clustered": se,
            "ci95_low": ci[:, 0],
            "ci95_high": ci[:, 1],
            "p": np.asarray(fit.pvalues),
        }
    )
    years = sorted(int(v) for v in sample["year"].unique())
    summary = {
        "kind": "estimate",
        "n_obs": len(sample),
        "n_allies": int(sample["iso3"].nunique()),
        "years": [years[0], years[-1]],
        "r_squared": float(fit.rsquared),
        "cov_type": "clustered by ally (statsmodels OLS, cov_type='cluster')",
        "dropped_terms": dropped,
        "edition": str(panel["edition"].iloc[0]) if "edition" in panel else None,
        "long_run_us_effect": _long_run(names, params, "us_burden"),
        "long_run_spill_in_effect": _long_run(names, params, "spill_in"),
    }
    return SpendingModel(coefficients, used, params, np.asarray(fit.cov_params()), summary, dropped)


def _long_run(names: list[str], params: np.ndarray, term: str) -> float | None:
    """Long-run effect of a permanent one-unit change: b / (1 − ρ) (None if ρ ≥ 1 or term absent)."""
    if term not in names or "lag_burden" not in names:
        return None
    rho = params[names.index("lag_burden")]
    return float(params[names.index(term)] / (1.0 - rho)) if rho < 1 else None


def estimate_spending_model(
    years: int | Sequence[int] | None = None, edition: str | None = None, dataset: Dataset | None = None
) -> SpendingModel:
    """Estimate the model on the panel's years (``None``: all; else the ints given, e.g. up to a cut-off)."""
    panel = spending_panel(edition, dataset)
    if years is not None:
        wanted = {int(years)} if isinstance(years, int | np.integer) else {int(y) for y in years}
        unknown = sorted(wanted - set(panel["year"]))
        if unknown:
            raise BurdenError(
                f"no panel data for {', '.join(map(str, unknown))}; years available: "
                f"{panel['year'].min()}–{panel['year'].max()}",
                field="years",
            )
        panel = panel[panel["year"].isin(wanted)]
    return fit_spending_model(panel)
