"""The brief ``make demo`` prints: the state of the alliance in the latest year, every number sourced.

Why two years: NATO's latest edition (Aug 2025) gives % of GDP up to 2025, but its per-ally US$
tables are not available, so money totals come from the latest year that has US$ per ally (2024,
June 2024 edition). The brief says which year and edition each number comes from rather than
mixing them silently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

import pandas as pd

from natosim.data import Dataset, figures, latest_year, load
from natosim.data.query import _published_by
from natosim.limits import check_number
from natosim.results import ResultMixin
from natosim.rules.targets import count_meeting, us_share_pct


@dataclass(frozen=True)
class Figure:
    """One number of the brief with where it comes from."""

    label: str
    value: float | int | str | None
    unit: str
    year: int
    edition: str
    source: str

    def text(self) -> str:
        if self.value is None:
            shown = "missing"
        elif isinstance(self.value, float):
            shown = f"{self.value:,.2f}"
        else:
            shown = str(self.value)
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.label}: {shown}{unit}  [{self.year}, edition {self.edition}, source {self.source}]"


@dataclass(frozen=True)
class Brief(ResultMixin):
    """The headline figures (``figures``), the highest and lowest spenders, and the allies missing."""

    title: ClassVar[str] = "natosim brief"

    year: int
    money_year: int
    figures: list[Figure]
    highest: list[Figure]
    lowest: list[Figure]
    missing: list[str] = field(default_factory=list)

    @property
    def summary(self) -> dict[str, Any]:
        """The year of the shares, the year of the money figures, and each headline figure by label."""
        return {
            "year": self.year,
            "money_year": self.money_year,
            **{figure.label: figure.value for figure in self.figures},
            "missing": list(self.missing),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per number of the brief: which list it is in, its label, value, year, edition, source."""
        rows = [
            {"section": section, **asdict(figure)}
            for section, items in (("headline", self.figures), ("highest", self.highest), ("lowest", self.lowest))
            for figure in items
        ]
        return pd.DataFrame(rows, columns=["section", "label", "value", "unit", "year", "edition", "source"])

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def brief(*, dataset: Dataset | None = None, threshold_pct: float = 2.0, as_of: str | dt.date | None = None) -> Brief:
    """Headline numbers for the latest year with data, each with year, edition and source id.

    ``as_of`` (default today): only the editions published by that date are in play."""
    check_number(threshold_pct, "threshold", minimum=0, maximum=50, what="a share of GDP in %")
    dataset = dataset or load()
    year = latest_year("defence_exp_pct_gdp", dataset, as_of=as_of)
    money_year = latest_year("defence_exp_usd_current_mn", dataset, as_of=as_of)

    current = figures(year=year, members_only=True, dataset=dataset, as_of=as_of)
    with_figure = current[current["defence_exp_pct_gdp"].notna()]
    editions = ";".join(sorted(set(with_figure["edition"])))
    sources = ";".join(sorted(set(with_figure["source"])))
    meeting, _ = count_meeting(with_figure["defence_exp_pct_gdp"], threshold_pct)
    missing = [f"{row.country} ({row.iso3})" for row in current[current["defence_exp_pct_gdp"].isna()].itertuples()]

    money = figures(year=money_year, members_only=True, dataset=dataset, as_of=as_of)
    money = money[money["defence_exp_usd_current_mn"].notna()]
    total = float(money["defence_exp_usd_current_mn"].sum())
    us = float(money.loc[money["iso3"] == "USA", "defence_exp_usd_current_mn"].sum())
    money_editions = ";".join(sorted(set(money["edition_defence_exp_usd_current_mn"].dropna())))
    money_sources = ";".join(
        sorted(set(dataset.figures.loc[dataset.figures["edition"].isin(money_editions.split(";")), "source"]))
    )

    headline = [
        Figure(
            f"Allies at or above {threshold_pct:g}% of GDP",
            f"{meeting} of {len(with_figure)} with a figure",
            "",
            year,
            editions,
            sources,
        ),
        Figure("Allies with no figure", ", ".join(missing) or "none", "", year, editions, sources),
        Figure(
            "Total allied defence spending", total / 1000, "bn US$ (current)", money_year, money_editions, money_sources
        ),
        Figure(
            "US share of allied defence spending",
            us_share_pct(us, total) if total else None,
            "%",
            money_year,
            money_editions,
            money_sources,
        ),
        Figure("Europe and Canada", (total - us) / 1000, "bn US$ (current)", money_year, money_editions, money_sources),
    ]
    reported = dataset.aggregates[
        (dataset.aggregates["aggregate"] == "NATO Total")
        & (dataset.aggregates["year"] > money_year)
        & dataset.aggregates["source"].isin(_published_by(dataset, as_of))
        & dataset.aggregates["defence_exp_usd_current_mn"].notna()
    ]
    headline += [
        Figure(
            f"NATO Total as reported (no per-ally US$ for {row.year})",
            row.defence_exp_usd_current_mn / 1000,
            "bn US$ (current, rounded, secondary)",
            int(row.year),
            row.edition,
            row.source,
        )
        for row in reported.itertuples()
    ]
    ranked = with_figure.sort_values("defence_exp_pct_gdp", ascending=False)

    def ranked_figures(rows: pd.DataFrame) -> list[Figure]:
        return [
            Figure(f"{r.country} ({r.iso3})", float(r.defence_exp_pct_gdp), "% of GDP", year, r.edition, r.source)
            for r in rows.itertuples()
        ]

    return Brief(
        year, money_year, headline, ranked_figures(ranked.head(5)), ranked_figures(ranked.tail(5).iloc[::-1]), missing
    )
