"""Who carries the burden? Each ally's share of allied spending against its share of GDP and people.

The "disproportionate share" the news quotes is the ratio of an ally's share of the allies'
defence spending (NATO Table 2, current US$) to its share of their GDP (Table 5, current US$): above
1, the ally carries more than its economic weight (Olson & Zeckhauser 1966 measured burdens the
same way). Shares are taken over the members of that year that have the figure; the members left
out (Iceland has no defence figure) are named, and years without the figures (2025: the 2025-08
edition publishes no US$ or GDP figures) are reported with the reason, never dropped silently.
Population is NATO's derived figure (Table 5 real GDP ÷ Table 6 real GDP per capita).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pandas as pd

from natosim.data import Dataset, figures, load
from natosim.deprecation import renamed
from natosim.engines.burden.years import resolve_years
from natosim.results import ResultMixin

SPENDING = "defence_exp_usd_current_mn"
GDP = "gdp_usd_current_bn"
POPULATION = "population_thousands"


@dataclass(frozen=True)
class BurdenShares(ResultMixin):
    """``table``: one row per ally-year; ``by_year``: the US share and notes per year."""

    title: ClassVar[str] = "Burden shares (share of allied spending vs share of GDP and people)"

    table: pd.DataFrame
    by_year: pd.DataFrame
    edition: str | None
    notes: list[str] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, Any]:
        return {"edition": self.edition, "years": [int(y) for y in self.by_year.get("year", [])], "kind": "estimate"}

    def to_frame(self) -> pd.DataFrame:
        return self.table

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "estimate",
            "edition": self.edition,
            "by_year": self.by_year,
            "table": self.table,
            "notes": self.notes,
        }


def burden_share_table(
    years: int | Sequence[int] | str | None = None, edition: str | None = None, dataset: Dataset | None = None
) -> BurdenShares:
    """Shares of allied spending, GDP and population per ally and year, and the US share.

    ``years``: ``None`` (every year), one int or a list of ints.
    """
    dataset = dataset or load()
    table = figures(edition=edition, dataset=dataset, members_only=True)
    available = sorted(int(y) for y in table["year"].unique())
    chosen = resolve_years(years, available)
    table = table[table["year"].isin(chosen)].copy()

    def share(column: str) -> pd.Series:
        total = table.groupby("year")[column].transform("sum", min_count=1)
        return 100.0 * table[column] / total

    out = table[["iso3", "country", "year", SPENDING, GDP, POPULATION]].copy()
    out["spending_share_pct"] = share(SPENDING)
    out["gdp_share_pct"] = share(GDP)
    out["population_share_pct"] = share(POPULATION)
    out["spending_to_gdp_share"] = out["spending_share_pct"] / out["gdp_share_pct"]
    out["spending_to_population_share"] = out["spending_share_pct"] / out["population_share_pct"]
    out["edition_spending"] = table[f"edition_{SPENDING}"]
    out["edition_gdp"] = table[f"edition_{GDP}"]
    out["sources"] = table["sources"]
    out = out.reset_index(drop=True)

    rows = []
    for year, group in out.groupby("year", sort=True):
        us = group[group["iso3"] == "USA"]
        missing_spending = sorted(group.loc[group[SPENDING].isna(), "iso3"])
        missing_gdp = sorted(group.loc[group[GDP].isna(), "iso3"])
        notes = []
        if len(missing_spending) == len(group):
            notes.append(
                f"no US$ spending figure for any ally in {year} in {edition or 'any edition'} "
                "(the 2025-08 edition publishes % of GDP only): shares not computed"
            )
        elif missing_spending:
            notes.append(f"spending shares exclude {', '.join(missing_spending)} (no figure)")
        if missing_gdp and len(missing_gdp) < len(group):
            notes.append(f"GDP shares exclude {', '.join(missing_gdp)} (no figure)")
        rows.append(
            {
                "year": int(year),
                "members": len(group),
                "allied_spending_usd_bn": group[SPENDING].sum(min_count=1) / 1000.0,
                "allied_gdp_usd_bn": group[GDP].sum(min_count=1),
                "us_spending_share_pct": float(us["spending_share_pct"].iloc[0]) if len(us) else None,
                "us_gdp_share_pct": float(us["gdp_share_pct"].iloc[0]) if len(us) else None,
                "us_population_share_pct": float(us["population_share_pct"].iloc[0]) if len(us) else None,
                "us_spending_to_gdp_share": float(us["spending_to_gdp_share"].iloc[0]) if len(us) else None,
                "note": "; ".join(notes),
            }
        )
    by_year = pd.DataFrame(rows)
    notes = [
        "Shares are over the members of each year having the figure; spending is NATO Table 2 "
        "(current US$), GDP Table 5 (current US$), population derived from Tables 5–6."
    ]
    return BurdenShares(out, by_year, edition, notes)


__getattr__ = renamed(
    __name__,
    {
        "burden_shares": (
            burden_share_table,
            "use burden_share_table(years, edition, dataset) (natosim.metrics.shares.burden_shares is the "
            "panel metric, a different function)",
        )
    },
)
