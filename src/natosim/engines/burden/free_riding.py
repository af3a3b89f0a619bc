"""Do bigger allies carry a disproportionate share? The rank tests of the burden-sharing literature.

Olson, M. and Zeckhauser, R. (1966), "An Economic Theory of Alliances", *Review of Economics and
Statistics* 48(3): 266–279, ranked the NATO allies of 1964 by GNP and by defence budget as a share
of GNP: in an alliance whose security is a public good, the large members value it most in
absolute terms and provide it, the small ones free-ride, so a bigger economy should go with a
*higher* share of income spent on defence — a one-sided hypothesis (rho > 0).

Later practice (Sandler, T. and Murdoch, J. C. (2000), "On Sharing NATO Defence Burdens in the
1990s and Beyond", *Fiscal Studies* 21(3): 297–327, Table 9) adds the **partial** rank correlation
holding GDP per capita fixed (a rich ally may spend more because it is rich, not because it is
big), tested one-sided, and compares burdens with benefits (Wilcoxon tests of spending shares
against shares of GDP, population and exposed border). All of these are computed here, per year:

* Spearman's rho and Kendall's tau of GDP vs % of GDP (two-sided and one-sided p);
* ``partial_rho``: Spearman's rho of GDP and % of GDP holding GDP per capita fixed, by the standard
  first-order partial-correlation formula on Spearman coefficients, with its one-sided p from
  t = r·sqrt((n−3)/(1−r²)), n−3 degrees of freedom; ``partial_rho_border`` holds exposed border
  fixed as well (n−4 degrees of freedom), Sandler & Murdoch's ρ12,34;
* a one-sided ``verdict`` per year; the trend of rho with a bootstrap interval (allies resampled);
* :func:`benefit_burden_test` — spending shares against benefit shares.

Only allies that were members in that year and have both figures enter; those left out are named.
Olson and Zeckhauser's own 1964 table is not available to us (data README §5).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from natosim.data import Dataset, figures, load
from natosim.engines.burden.geography import ally_geography
from natosim.engines.burden.years import resolve_years
from natosim.results import ResultMixin

PCT = "defence_exp_pct_gdp"
GDP = "gdp_usd_current_bn"
POP = "population_thousands"
#: a correlation needs at least this many allies to be computed at all
MIN_ALLIES = 3
#: significance level of the verdicts (one-sided, the theory's direction)
ALPHA = 0.05
#: bootstrap draws for the interval of the trend, and the seed that makes them reproducible
BOOTSTRAP_DRAWS = 2000
SEED = 16

Years = int | Sequence[int] | None


@dataclass(frozen=True)
class FreeRiderTest(ResultMixin):
    """The per-year tests, the points behind them, the trend of rho (with its bootstrap interval)."""

    title: ClassVar[str] = "Free-rider rank tests (Olson–Zeckhauser; Sandler–Murdoch partial)"

    years: pd.DataFrame
    points: pd.DataFrame
    trend: dict[str, Any]
    answer: str
    edition: str | None
    notes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, Any]:
        done = self.years.dropna(subset=["rho"]) if len(self.years) else self.years
        return {
            "edition": self.edition,
            "years": [int(y) for y in self.years.get("year", [])],
            "years_supporting_one_sided": [int(y) for y in done.loc[done["verdict"] == "supports", "year"]],
            "years_supporting_partial": [int(y) for y in done.loc[done["partial_verdict"] == "supports", "year"]],
            "trend_slope_per_year": self.trend.get("slope_per_year"),
            "trend_bootstrap_ci95": self.trend.get("bootstrap_ci95"),
            "kind": "estimate",
        }

    def to_frame(self) -> pd.DataFrame:
        return self.years

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "estimate",
            "edition": self.edition,
            "summary": self.summary,
            "years": self.years,
            "trend": self.trend,
            "answer": self.answer,
            "notes": self.notes,
        }


def _t_one_sided(r: float, n: int, controls: int) -> float | None:
    """One-sided p (H1: r > 0) of a (partial) correlation: t = r·sqrt(df/(1−r²)), df = n − 2 − controls."""
    from scipy import stats

    df = n - 2 - controls
    if df < 1 or not np.isfinite(r):
        return None
    if abs(r) >= 1.0:
        return 0.0 if r > 0 else 1.0
    return float(stats.t.sf(r * np.sqrt(df / (1.0 - r * r)), df))


def partial_spearman(x: np.ndarray, y: np.ndarray, controls: Sequence[np.ndarray]) -> float | None:
    """Spearman's rho of x and y holding ``controls`` fixed: partial correlation of the rank matrix.

    With one control z this is the standard formula (r_xy − r_xz·r_yz)/sqrt((1−r_xz²)(1−r_yz²)) on
    Spearman coefficients; with more, −P_xy/sqrt(P_xx·P_yy) with P the inverse of the Spearman
    correlation matrix (the same formula applied recursively).
    """
    from scipy import stats

    data = np.column_stack([x, y, *controls]).astype(float)
    if len(data) < len(controls) + 3:
        return None
    ranks = np.apply_along_axis(stats.rankdata, 0, data)
    corr = np.corrcoef(ranks, rowvar=False)
    if not np.all(np.isfinite(corr)):
        return None
    try:
        precision = np.linalg.inv(corr)
    except np.linalg.LinAlgError:
        return None
    return float(-precision[0, 1] / np.sqrt(precision[0, 0] * precision[1, 1]))


def _verdict(rho: float | None, p_greater: float | None) -> str | None:
    if rho is None or p_greater is None:
        return None
    if p_greater < ALPHA:
        return "supports"
    if rho < 0 and (1.0 - p_greater) < ALPHA:
        return "opposite"
    return "not significant"


def _rank_test(x: np.ndarray, y: np.ndarray, z: np.ndarray, border: np.ndarray) -> dict[str, Any]:
    from scipy import stats

    empty: dict[str, Any] = {
        "rho": None,
        "p": None,
        "p_greater": None,
        "tau": None,
        "tau_p": None,
        "tau_p_greater": None,
        "verdict": None,
        "partial_rho": None,
        "partial_p_greater": None,
        "partial_verdict": None,
        "partial_rho_border": None,
        "partial_border_p_greater": None,
    }
    if len(x) < MIN_ALLIES:
        return empty
    rho = stats.spearmanr(x, y)
    greater = stats.spearmanr(x, y, alternative="greater")
    tau = stats.kendalltau(x, y)
    tau_greater = stats.kendalltau(x, y, alternative="greater")
    partial = partial_spearman(x, y, [z]) if len(x) >= 4 else None
    partial_p = _t_one_sided(partial, len(x), 1) if partial is not None else None
    partial_b = partial_spearman(x, y, [z, border]) if len(x) >= 5 and np.ptp(border) > 0 else None
    return {
        "rho": float(rho.statistic),
        "p": float(rho.pvalue),
        "p_greater": float(greater.pvalue),
        "tau": float(tau.statistic),
        "tau_p": float(tau.pvalue),
        "tau_p_greater": float(tau_greater.pvalue),
        "verdict": _verdict(float(rho.statistic), float(greater.pvalue)),
        "partial_rho": partial,
        "partial_p_greater": partial_p,
        "partial_verdict": _verdict(partial, partial_p),
        "partial_rho_border": partial_b,
        "partial_border_p_greater": _t_one_sided(partial_b, len(x), 2) if partial_b is not None else None,
    }


def _editions(values: pd.Series) -> str:
    return ";".join(sorted(set(values.dropna())))


def available_years(edition: str | None = None, dataset: Dataset | None = None) -> list[int]:
    """Years in which at least one ally has a % of GDP figure (in ``edition`` if given)."""
    table = figures(edition=edition, dataset=dataset or load())
    return sorted(int(y) for y in table.loc[table[PCT].notna(), "year"].unique())


def _usable(frame: pd.DataFrame, border_km: pd.Series) -> pd.DataFrame:
    usable = frame[frame[PCT].notna() & frame[GDP].notna()].copy()
    usable["gdp_per_capita_usd"] = usable[GDP] * 1e9 / (usable[POP] * 1e3)
    usable["exposed_border_km"] = usable["iso3"].map(border_km).fillna(0.0)
    return usable


def free_rider_test(
    years: Years | str = None,
    edition: str | None = None,
    dataset: Dataset | None = None,
    *,
    draws: int = BOOTSTRAP_DRAWS,
    seed: int = SEED,
) -> FreeRiderTest:
    """Run the rank tests for each requested year (``None``: every year; ``2024``; ``[2014, 2015]``).

    By default each figure comes from the latest edition that has it, so a year may combine the
    % of GDP of one edition with the GDP of another; the editions used are reported per year.
    A year without GDP (the August 2025 edition publishes no GDP) keeps its row with n = 0 and a
    note, so nothing disappears silently. ``draws``/``seed``: the bootstrap of the trend.
    """
    dataset = dataset or load()
    table = figures(edition=edition, dataset=dataset, members_only=True)
    chosen = resolve_years(years, available_years(edition, dataset))
    border_km = ally_geography().set_index("iso3")["exposed_border_km"]
    gdp_editions = sorted(set(dataset.figures.loc[dataset.figures[GDP].notna(), "edition"]))

    rows: list[dict[str, Any]] = []
    point_frames: list[pd.DataFrame] = []
    for year in chosen:
        frame = table[table["year"] == year]
        members = sorted(frame["iso3"])
        usable = _usable(frame, border_km)
        per_capita = usable[usable["gdp_per_capita_usd"].notna()]
        left_out = sorted(set(members) - set(usable["iso3"]))
        gdp_test = _rank_test(
            per_capita[GDP].to_numpy(),
            per_capita[PCT].to_numpy(),
            per_capita["gdp_per_capita_usd"].to_numpy(),
            per_capita["exposed_border_km"].to_numpy(),
        )
        if len(per_capita) < len(usable):  # the plain test does not need GDP per capita
            plain = _rank_test(
                usable[GDP].to_numpy(), usable[PCT].to_numpy(), usable[GDP].to_numpy(), usable[GDP].to_numpy()
            )
            gdp_test.update(
                {k: plain[k] for k in ("rho", "p", "p_greater", "tau", "tau_p", "tau_p_greater", "verdict")}
            )
        pc_test = _rank_test(
            per_capita["gdp_per_capita_usd"].to_numpy(),
            per_capita[PCT].to_numpy(),
            per_capita[GDP].to_numpy(),
            per_capita["exposed_border_km"].to_numpy(),
        )
        notes = []
        no_pct = sorted(frame.loc[frame[PCT].isna(), "iso3"])
        no_gdp = sorted(frame.loc[frame[GDP].isna() & frame[PCT].notna(), "iso3"])
        if no_pct:
            notes.append(f"no % of GDP figure for {', '.join(no_pct)}")
        if no_gdp:
            which = "any ally" if len(no_gdp) == len(frame) - len(no_pct) else ", ".join(no_gdp)
            notes.append(
                f"no GDP figure for {which} in {edition or 'any edition'} (editions with GDP: "
                f"{', '.join(gdp_editions) or 'none'})"
            )
        if len(usable) < MIN_ALLIES:
            notes.append(f"test not computed: {len(usable)} allies with both figures (needs {MIN_ALLIES})")
        rows.append(
            {
                "year": year,
                "members": len(members),
                "n": len(usable),
                **gdp_test,
                "n_per_capita": len(per_capita),
                **{f"{k}_per_capita": pc_test[k] for k in ("rho", "p", "p_greater", "tau", "tau_p")},
                "edition_pct_gdp": _editions(usable[f"edition_{PCT}"]) or None,
                "edition_gdp": _editions(usable[f"edition_{GDP}"]) or None,
                "mixed_editions": bool(usable["mixed_editions"].any()) if len(usable) else False,
                "left_out": ";".join(left_out),
                "note": "; ".join(notes),
            }
        )
        if len(usable):
            points = usable[
                [
                    "iso3",
                    "country",
                    "year",
                    GDP,
                    "gdp_per_capita_usd",
                    "exposed_border_km",
                    PCT,
                    f"edition_{PCT}",
                    f"edition_{GDP}",
                    "sources",
                ]
            ].copy()
            points["gdp_rank"] = points[GDP].rank(ascending=False, method="average")
            points["pct_gdp_rank"] = points[PCT].rank(ascending=False, method="average")
            points["gdp_per_capita_rank"] = points["gdp_per_capita_usd"].rank(ascending=False, method="average")
            point_frames.append(points)

    result_years = pd.DataFrame(rows)
    points_frame = (
        pd.concat(point_frames, ignore_index=True) if point_frames else pd.DataFrame(columns=["iso3", "year", GDP, PCT])
    )
    trend = rho_trend(result_years)
    trend.update(bootstrap_trend(points_frame, draws=draws, seed=seed))
    notes = [
        "GDP per capita is derived: GDP (NATO Table 5, current US$) ÷ population, and NATO's population is "
        "itself derived (Table 5 real GDP ÷ Table 6 real GDP per capita).",
        "partial_rho: Spearman's rho of GDP and % of GDP holding GDP per capita fixed (Sandler & Murdoch 2000, "
        "Table 9); one-sided p with n − 3 degrees of freedom. partial_rho_border also holds the exposed land "
        "border with Russia fixed (n − 4).",
        "Verdicts are one-sided (H1: rho > 0, the theory's direction) at the 5% level; 'opposite' = "
        "significantly negative.",
        "Olson & Zeckhauser's own 1964 table is not available in natosim's sources, so it is not reproduced.",
    ]
    return FreeRiderTest(result_years, points_frame, trend, plain_answer(result_years, trend), edition, notes)


def rho_trend(per_year: pd.DataFrame) -> dict[str, Any]:
    """Least-squares trend of Spearman's rho over the years where it was computed (scipy linregress).

    Its p-value treats each year's rho as an independent observation; it is not (the same allies
    every year), which is why :func:`bootstrap_trend` gives the interval to read.
    """
    from scipy import stats

    done = per_year.dropna(subset=["rho"]) if len(per_year) else per_year
    if len(done) < 3:
        return {
            "years": [int(y) for y in done.get("year", [])],
            "slope_per_year": None,
            "p": None,
            "intercept": None,
            "r": None,
            "note": "a trend needs at least 3 years with the test computed",
        }
    fit = stats.linregress(done["year"].astype(float), done["rho"].astype(float))
    return {
        "years": [int(y) for y in done["year"]],
        "slope_per_year": float(fit.slope),
        "p": float(fit.pvalue),
        "intercept": float(fit.intercept),
        "r": float(fit.rvalue),
        "stderr": float(fit.stderr),
        "first_rho": float(done["rho"].iloc[0]),
        "last_rho": float(done["rho"].iloc[-1]),
        "note": "",
    }


def _rank_rows(values: np.ndarray) -> np.ndarray:
    """Average ranks along each row, NaN kept as NaN (scipy's rankdata, nan_policy='omit')."""
    from scipy import stats

    return np.asarray(stats.rankdata(values, axis=1, nan_policy="omit"), dtype=float)


def bootstrap_trend(points: pd.DataFrame, draws: int = BOOTSTRAP_DRAWS, seed: int = SEED) -> dict[str, Any]:
    """Interval for the trend of rho by resampling allies (a cluster bootstrap over countries).

    Each draw picks allies with replacement from those in the data; an ally drawn twice counts
    twice in every year it has figures. Rho is recomputed for each year and the least-squares
    slope refitted. Reported: the 2.5 and 97.5 percentiles of the slope and the share of draws
    with a slope ≥ 0 (a one-sided bootstrap p for "rho fell"). Same ``seed`` → same interval.
    """
    if draws < 1 or points.empty:
        return {"bootstrap_ci95": None, "bootstrap_draws": 0, "bootstrap_share_slope_ge_0": None}
    allies_all = np.array(sorted(points["iso3"].unique()))
    years = np.array(sorted(points["year"].unique()))
    if len(years) < 3:
        return {"bootstrap_ci95": None, "bootstrap_draws": 0, "bootstrap_share_slope_ge_0": None}
    wide_gdp = points.pivot(index="year", columns="iso3", values=GDP).reindex(index=years, columns=allies_all)
    wide_pct = points.pivot(index="year", columns="iso3", values=PCT).reindex(index=years, columns=allies_all)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, len(allies_all), size=(draws, len(allies_all)))
    rhos = np.full((draws, len(years)), np.nan)
    for t in range(len(years)):
        gdp = wide_gdp.to_numpy(float)[t][picks]
        pct = wide_pct.to_numpy(float)[t][picks]
        missing = np.isnan(gdp) | np.isnan(pct)
        gdp[missing], pct[missing] = np.nan, np.nan
        rx, ry = _rank_rows(gdp), _rank_rows(pct)
        rx -= np.nanmean(rx, axis=1, keepdims=True)
        ry -= np.nanmean(ry, axis=1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            rhos[:, t] = np.nansum(rx * ry, axis=1) / np.sqrt(np.nansum(rx * rx, axis=1) * np.nansum(ry * ry, axis=1))
    x = years.astype(float) - years.mean()
    valid = np.isfinite(rhos)
    xs = np.where(valid, x, 0.0)
    ys = np.where(valid, rhos, 0.0)
    count = valid.sum(axis=1)
    xm = xs.sum(axis=1) / count
    ym = ys.sum(axis=1) / count
    cov = (np.where(valid, (x - xm[:, None]) * (rhos - ym[:, None]), 0.0)).sum(axis=1)
    var = (np.where(valid, (x - xm[:, None]) ** 2, 0.0)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        slopes = cov / var
    slopes = slopes[np.isfinite(slopes) & (count >= 3)]
    if len(slopes) == 0:
        return {"bootstrap_ci95": None, "bootstrap_draws": 0, "bootstrap_share_slope_ge_0": None}
    low, high = np.percentile(slopes, [2.5, 97.5])
    return {
        "bootstrap_ci95": [float(low), float(high)],
        "bootstrap_draws": len(slopes),
        "bootstrap_share_slope_ge_0": float(np.mean(slopes >= 0)),
        "bootstrap_seed": seed,
        "bootstrap_method": "allies resampled with replacement (cluster bootstrap), rho recomputed per year",
    }


def _years_text(years: pd.Series) -> str:
    return ", ".join(str(int(y)) for y in years)


def plain_answer(per_year: pd.DataFrame, trend: dict[str, Any]) -> str:
    """Answer "has the alliance stopped behaving as the theory predicts since 2014?" from the numbers."""
    done = per_year.dropna(subset=["rho"]) if len(per_year) else per_year
    if len(done) == 0:
        return "The test could not be computed for any requested year (no year has both GDP and % of GDP)."
    first, last = done.iloc[0], done.iloc[-1]
    plain = done[done["verdict"] == "supports"]
    partial = done[done["partial_verdict"] == "supports"]
    parts = [
        "Olson and Zeckhauser's theory predicts a positive rank correlation between an ally's GDP and the "
        "share of GDP it spends on defence (a one-sided hypothesis).",
        f"In {int(first['year'])} Spearman's rho was {first['rho']:+.2f} (one-sided p = {first['p_greater']:.2g}, "
        f"n = {int(first['n'])})"
        + (
            f"; in {int(last['year'])} it was {last['rho']:+.2f} (one-sided p = {last['p_greater']:.2g}, "
            f"n = {int(last['n'])})."
            if len(done) > 1
            else "."
        ),
        f"The simple correlation is significantly positive (5%, one-sided) in {len(plain)} of {len(done)} "
        f"year{'s' if len(done) != 1 else ''}" + (f" ({_years_text(plain['year'])})." if len(plain) else "."),
    ]
    if first["partial_rho"] is not None and not pd.isna(first["partial_rho"]):
        parts.append(
            f"Holding GDP per capita fixed, as Sandler and Murdoch (2000) do, the partial rank correlation was "
            f"{first['partial_rho']:+.2f} in {int(first['year'])} (one-sided p = {first['partial_p_greater']:.2g})"
            + (
                f" and {last['partial_rho']:+.2f} in {int(last['year'])} (p = {last['partial_p_greater']:.2g})"
                if len(done) > 1 and last["partial_rho"] is not None and not pd.isna(last["partial_rho"])
                else ""
            )
            + f"; it is significantly positive in {len(partial)} of {len(done)} year{'s' if len(done) != 1 else ''}"
            + (f" ({_years_text(partial['year'])})." if len(partial) else ".")
        )
    slope, ci = trend.get("slope_per_year"), trend.get("bootstrap_ci95")
    if slope is not None:
        direction = "fell" if slope < 0 else "rose"
        text = f"Over these years rho {direction} by {abs(slope):.3f} a year"
        if ci is not None:
            spans = ci[0] <= 0 <= ci[1]
            text += f"; resampling allies gives a 95% interval of {ci[0]:+.3f} to {ci[1]:+.3f} a year, which " + (
                "spans 0: the trend is not established." if spans else "excludes 0."
            )
            text += (
                f" (The least-squares p of {trend['p']:.2g} treats the years as independent; they are not.)"
                if trend.get("p") is not None and trend["p"] < ALPHA and spans
                else ""
            )
        else:
            text += "."
        parts.append(text)
    if len(partial) and not len(plain):
        parts.append(
            "Answer: the simple rank test does not show the predicted pattern, but once income per head is held "
            f"fixed the pattern the theory predicts is significant in {_years_text(partial['year'])} — the "
            "exploitation of the large by the small is visible where the literature's test looks for it."
        )
    elif not len(partial) and not len(plain):
        parts.append(
            "Answer: in these years neither the simple nor the partial rank correlation shows bigger economies "
            "spending a significantly larger share of GDP."
        )
    else:
        parts.append(
            "Answer: the predicted pattern is significant (one-sided) in "
            f"{_years_text(pd.concat([plain['year'], partial['year']]).drop_duplicates().sort_values())} under at "
            "least one of the two tests."
        )
    parts.append(
        "A rank test with about 30 allies has little power: a non-significant rho is absence of "
        "evidence for the pattern, not proof of its opposite."
    )
    return " ".join(parts)
