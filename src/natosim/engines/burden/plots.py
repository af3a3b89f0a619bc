"""Pictures people would rather look at than read: the rank test, burden shares, a counterfactual.

matplotlib with the Agg backend (no display needed); PNG or SVG chosen by the file's extension;
written atomically (a temporary file in the same folder, then renamed) so a reader never sees half
a picture. Every chart names its data source in a footnote.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from natosim import extras
from natosim.data.paths import matplotlib_ready
from natosim.plots import save as _save

if TYPE_CHECKING:
    from natosim.engines.burden.free_riding import FreeRiderTest
    from natosim.engines.burden.game import GameResult
    from natosim.engines.burden.shares import BurdenShares


def _figure(rows: int = 1, columns: int = 1, size: tuple[float, float] = (11, 5)) -> tuple[Any, Any]:
    extras.require("plots", what="a burden plot")

    matplotlib_ready()  # cache under natosim's cache dir, Agg backend
    import matplotlib

    matplotlib.rcParams["svg.hashsalt"] = "natosim"  # same input → same SVG, byte for byte
    import matplotlib.pyplot as plt

    return plt.subplots(rows, columns, figsize=size)


def plot_rank_test(result: FreeRiderTest, path: str | Path) -> Path:
    """Left: GDP rank against % of GDP rank for the last year tested (first year faded); right: rho per year."""
    figure, (left, right) = _figure(1, 2)
    points = result.points
    years = sorted(points["year"].unique()) if len(points) else []
    if years:
        first, last = years[0], years[-1]
        if first != last:
            faded = points[points["year"] == first]
            left.scatter(faded["gdp_rank"], faded["pct_gdp_rank"], color="#bbbbbb", label=str(first))
        shown = points[points["year"] == last]
        left.scatter(shown["gdp_rank"], shown["pct_gdp_rank"], color="#1f4e79", label=str(last))
        for row in shown.itertuples():
            left.annotate(
                row.iso3, (row.gdp_rank, row.pct_gdp_rank), fontsize=7, xytext=(3, 2), textcoords="offset points"
            )
        top = max(points["gdp_rank"].max(), points["pct_gdp_rank"].max()) + 1
        left.plot([0, top], [0, top], color="#999999", linewidth=0.8, linestyle="--")
        left.set_xlim(0, top)
        left.set_ylim(0, top)
        left.invert_xaxis()
        left.invert_yaxis()
        left.legend(loc="lower right")
    left.set_xlabel("rank by GDP (1 = largest)")
    left.set_ylabel("rank by defence spending, % of GDP (1 = highest)")
    left.set_title("Olson–Zeckhauser rank test")
    done = result.years.dropna(subset=["rho"])
    if len(done):
        significant = done["p"] < 0.05
        right.axhline(0, color="#999999", linewidth=0.8)
        right.plot(done["year"], done["rho"], color="#1f4e79", marker="o", label="Spearman's rho")
        right.plot(done["year"], done["tau"], color="#c55a11", marker="s", linestyle=":", label="Kendall's tau")
        right.scatter(
            done.loc[significant, "year"],
            done.loc[significant, "rho"],
            s=120,
            facecolors="none",
            edgecolors="black",
            label="p < 0.05",
        )
        slope, intercept = result.trend.get("slope_per_year"), result.trend.get("intercept")
        if slope is not None and intercept is not None:
            right.plot(
                done["year"],
                intercept + slope * done["year"],
                color="#1f4e79",
                linewidth=0.8,
                linestyle="--",
                label=f"trend {slope:+.3f}/yr (p = {result.trend['p']:.2g})",
            )
        right.legend(fontsize=8)
    right.set_xlabel("year")
    right.set_ylabel("rank correlation, GDP vs % of GDP")
    right.set_title("Does a bigger economy spend a larger share?")
    figure.text(
        0.01,
        -0.02,
        "Source: NATO, Defence Expenditure of NATO Countries (editions "
        f"{result.edition or 'latest having each figure'}); members of each year with both figures.",
        fontsize=7,
    )
    return _save(figure, path)


def plot_shares(result: BurdenShares, path: str | Path) -> Path:
    """Left: US share of allied spending, GDP and population over time; right: last year's ratio per ally."""
    figure, (left, right) = _figure(1, 2, (12, 6))
    by_year = result.by_year.dropna(subset=["us_spending_share_pct"])
    left.plot(by_year["year"], by_year["us_spending_share_pct"], marker="o", label="US share of allied spending")
    left.plot(by_year["year"], by_year["us_gdp_share_pct"], marker="s", label="US share of allied GDP")
    left.plot(by_year["year"], by_year["us_population_share_pct"], marker="^", label="US share of allied population")
    left.set_ylim(0, 100)
    left.set_ylabel("% of the allies' total")
    left.set_title("The US share of the burden")
    left.legend(fontsize=8)
    table = result.table.dropna(subset=["spending_to_gdp_share"])
    if len(table):
        year = int(table["year"].max())
        last = table[table["year"] == year].sort_values("spending_to_gdp_share")
        colours = ["#c55a11" if r >= 1 else "#1f4e79" for r in last["spending_to_gdp_share"]]
        right.barh(last["iso3"], last["spending_to_gdp_share"], color=colours)
        right.axvline(1, color="black", linewidth=0.8)
        right.set_title(f"Share of spending ÷ share of GDP, {year}")
        right.tick_params(axis="y", labelsize=7)
    figure.text(
        0.01,
        -0.02,
        "Source: NATO, Defence Expenditure of NATO Countries, Tables 2, 5, 6 (current US$); members of each year.",
        fontsize=7,
    )
    return _save(figure, path)


def plot_game(result: GameResult, path: str | Path) -> Path:
    """Observed against predicted defence spending (% of GDP) per ally, with the threshold."""
    figure, axis = _figure(1, 1, (11, 6))
    table = result.table.sort_values("observed_pct_gdp")
    positions = range(len(table))
    axis.barh(
        [p + 0.2 for p in positions],
        table["observed_pct_gdp"],
        height=0.4,
        color="#bbbbbb",
        label=f"observed {result.summary['base_year']}",
    )
    axis.barh(
        [p - 0.2 for p in positions],
        table["predicted_pct_gdp"].fillna(0),
        height=0.4,
        color="#1f4e79",
        label="predicted",
    )
    axis.set_yticks(list(positions), list(table["iso3"]), fontsize=7)
    threshold = result.summary.get("threshold_pct")
    if threshold is not None:
        axis.axvline(threshold, color="#c55a11", linestyle="--", linewidth=1, label=f"{threshold:g} % of GDP")
    summary = result.summary
    what = {
        "exclusion": f"{summary.get('guarantor')} protects only allies at ≥ {threshold:g} % of GDP",
        "without": f"{', '.join(summary.get('leaving', []))} leaves",
        "none": "calibrated baseline",
    }
    axis.set_title(
        f"Spending game, {summary['base_year']}: {what.get(summary['counterfactual'], '')} "
        f"(private share {summary['private_share']:g}); allied total "
        f"{summary['q_change_pct']:+.1f} %",
        fontsize=10,
    )
    axis.set_xlabel("defence spending, % of GDP")
    axis.legend(fontsize=8, loc="lower right")
    figure.text(
        0.01,
        -0.02,
        f"Source: NATO, Defence Expenditure of NATO Countries, edition {summary['edition']}; "
        "model: docs/model/burden.md.",
        fontsize=7,
    )
    return _save(figure, path)
