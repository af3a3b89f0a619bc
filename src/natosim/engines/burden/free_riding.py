"""Do bigger allies carry a disproportionate share? The Olson–Zeckhauser rank test, every year.

Olson, M. and Zeckhauser, R. (1966), "An Economic Theory of Alliances", *Review of Economics and
Statistics* 48(3): 266–279, ranked the NATO allies of 1964 by GNP and by defence budget as a share
of GNP and found a positive Spearman rank correlation: in an alliance whose security is a public
good, the large members value it most in absolute terms and provide it, the small ones free-ride,
so a bigger economy should go with a *higher* share of income spent on defence.

We run the same test on every year of NATO's figures: GDP (current US$, NATO Table 5) against
defence expenditure as % of GDP (NATO Table 3), and — a variant they also discussed — GDP per
capita (derived here as GDP ÷ population, itself derived from NATO Tables 5–6) against % of GDP.
Only allies that were members in that year and have both figures enter; those left out are named.
Their own 1964 table is not available to us (data README §5), so we do not reproduce it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from natosim.data import Dataset, figures, load
from natosim.engines.burden.years import parse_years

PCT = "defence_exp_pct_gdp"
GDP = "gdp_usd_current_bn"
POP = "population_thousands"
#: a correlation needs at least this many allies to be computed at all
MIN_ALLIES = 3
#: significance level used in the plain-words answer (two-sided)
ALPHA = 0.05


@dataclass(frozen=True)
class FreeRiderTest:
    """The per-year test, the points behind it, the trend of the coefficient, and the answer."""

    years: pd.DataFrame
    points: pd.DataFrame
    trend: dict[str, Any]
    answer: str
    edition: str | None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "edition": self.edition,
            "years": self.years,
            "trend": self.trend,
            "answer": self.answer,
            "notes": self.notes,
        }


def _rank_test(x: np.ndarray, y: np.ndarray) -> dict[str, float | None]:
    from scipy import stats

    if len(x) < MIN_ALLIES:
        return {"rho": None, "p": None, "p_greater": None, "tau": None, "tau_p": None}
    rho = stats.spearmanr(x, y)
    greater = stats.spearmanr(x, y, alternative="greater")
    tau = stats.kendalltau(x, y)
    return {
        "rho": float(rho.statistic),
        "p": float(rho.pvalue),
        "p_greater": float(greater.pvalue),
        "tau": float(tau.statistic),
        "tau_p": float(tau.pvalue),
    }


def _editions(values: pd.Series) -> str:
    return ";".join(sorted(set(values.dropna())))


def available_years(edition: str | None = None, dataset: Dataset | None = None) -> list[int]:
    """Years in which at least one ally has a % of GDP figure (in ``edition`` if given)."""
    table = figures(edition=edition, dataset=dataset or load())
    return sorted(int(y) for y in table.loc[table[PCT].notna(), "year"].unique())


def free_rider_test(
    years: str | list[int] = "all", edition: str | None = None, dataset: Dataset | None = None
) -> FreeRiderTest:
    """Run the Olson–Zeckhauser test for each requested year (``"2014..latest"``, ``"all"``, ``[2024]``).

    By default each figure comes from the latest edition that has it, so a year may combine the
    % of GDP of one edition with the GDP of another; the editions used are reported per year.
    A year without GDP (2025: the August 2025 edition publishes no GDP) keeps its row with n = 0
    and a note, so nothing disappears silently.
    """
    dataset = dataset or load()
    table = figures(edition=edition, dataset=dataset, members_only=True)
    available = available_years(edition, dataset)
    chosen = (
        parse_years(years, available)
        if isinstance(years, str)
        else parse_years(",".join(str(y) for y in years), available)
    )

    rows: list[dict[str, Any]] = []
    point_frames: list[pd.DataFrame] = []
    for year in chosen:
        frame = table[table["year"] == year]
        members = sorted(frame["iso3"])
        usable = frame[frame[PCT].notna() & frame[GDP].notna()].copy()
        usable["gdp_per_capita_usd"] = usable[GDP] * 1e9 / (usable[POP] * 1e3)
        per_capita = usable[usable["gdp_per_capita_usd"].notna()]
        left_out = sorted(set(members) - set(usable["iso3"]))
        gdp_test = _rank_test(usable[GDP].to_numpy(), usable[PCT].to_numpy())
        pc_test = _rank_test(per_capita["gdp_per_capita_usd"].to_numpy(), per_capita[PCT].to_numpy())
        notes = []
        no_pct = sorted(frame.loc[frame[PCT].isna(), "iso3"])
        no_gdp = sorted(frame.loc[frame[GDP].isna() & frame[PCT].notna(), "iso3"])
        if no_pct:
            notes.append(f"no % of GDP figure for {', '.join(no_pct)}")
        if no_gdp:
            which = "any ally" if len(no_gdp) == len(frame) - len(no_pct) else ", ".join(no_gdp)
            notes.append(
                f"no GDP figure for {which} in {edition or 'any edition'}"
                + (" (the 2025-08 edition publishes % of GDP only)" if year >= 2025 else "")
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
                **{f"{k}_per_capita": v for k, v in pc_test.items()},
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
    notes = [
        "GDP per capita is derived: GDP (NATO Table 5, current US$) ÷ population, and NATO's population is "
        "itself derived (Table 5 real GDP ÷ Table 6 real GDP per capita).",
        "Olson & Zeckhauser's own 1964 table is not available in natosim's sources, so it is not reproduced.",
    ]
    return FreeRiderTest(result_years, points_frame, trend, plain_answer(result_years, trend), edition, notes)


def rho_trend(per_year: pd.DataFrame) -> dict[str, Any]:
    """Least-squares trend of Spearman's rho over the years where it was computed (scipy linregress)."""
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


def plain_answer(per_year: pd.DataFrame, trend: dict[str, Any]) -> str:
    """Answer "has the alliance stopped behaving as the theory predicts since 2014?" from the numbers."""
    done = per_year.dropna(subset=["rho"]) if len(per_year) else per_year
    if len(done) == 0:
        return "The test could not be computed for any requested year (no year has both GDP and % of GDP)."
    first, last = done.iloc[0], done.iloc[-1]
    significant = done[(done["rho"] > 0) & (done["p"] < ALPHA)]
    negative = done[done["rho"] < 0]
    parts = [
        "Olson and Zeckhauser's theory predicts a positive rank correlation between an ally's GDP and the "
        "share of GDP it spends on defence.",
        f"In {int(first['year'])} Spearman's rho was {first['rho']:+.2f} (p = {first['p']:.2g}, n = {int(first['n'])})"
        + (
            f"; in {int(last['year'])} it was {last['rho']:+.2f} (p = {last['p']:.2g}, n = {int(last['n'])})."
            if len(done) > 1
            else "."
        ),
        f"The correlation is positive and significant at the 5% level in {len(significant)} of {len(done)} "
        f"year{'s' if len(done) != 1 else ''}" + (f" and negative in {len(negative)}." if len(negative) else "."),
    ]
    slope, p = trend.get("slope_per_year"), trend.get("p")
    if slope is not None and p is not None:
        direction = "fell" if slope < 0 else "rose"
        verdict = "a statistically significant trend" if p < ALPHA else "not a statistically significant trend"
        parts.append(
            f"Over these years rho {direction} by {abs(slope):.3f} a year (linear trend p = {p:.2g}): {verdict}."
        )
        if slope < 0 and p < ALPHA:
            parts.append(
                f"The alliance has moved further from the theory's prediction since {int(first['year'])}: "
                "small allies now spend shares of GDP as high as, or higher than, big ones."
            )
    if len(significant) == 0 and len(done) == 1:
        parts.append(
            f"Answer: in {int(first['year'])} the alliance does not behave as the theory predicts — "
            "bigger economies do not spend a significantly larger share of GDP."
        )
    elif len(significant) == 0:
        parts.append(
            "Answer: in these data the alliance does not behave as the theory predicts — bigger "
            "economies do not spend a significantly larger share of GDP — and it has not since "
            f"{int(first['year'])}."
        )
    elif len(significant) == len(done):
        parts.append("Answer: the pattern the theory predicts holds in every year tested.")
    else:
        years = ", ".join(str(int(y)) for y in significant["year"])
        parts.append(
            f"Answer: the predicted pattern is significant only in {years}; in the other years the "
            "alliance does not behave as the theory predicts."
        )
    parts.append(
        "A rank test with about 30 allies has little power: a non-significant rho is absence of "
        "evidence for the pattern, not proof of its opposite."
    )
    return " ".join(parts)
