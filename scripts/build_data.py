"""Build the bundled dataset in src/natosim/data/bundled/ from the sourced files in ../shared/data.

Run from the repository root: ``python scripts/build_data.py [--shared ../shared/data]``.
The script copies facts; it never computes a new figure. Each output row gets a source id that
points into ``sources.csv``, which says where the figure was published and where our copy came from.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

OUT = Path(__file__).resolve().parents[1] / "src" / "natosim" / "data" / "bundled"

FIGURE_COLUMNS = [
    "iso3",
    "year",
    "edition",
    "defence_exp_pct_gdp",
    "defence_exp_usd_current_mn",
    "defence_exp_usd_constant_mn",
    "constant_price_base_year",
    "gdp_usd_current_bn",
    "real_gdp_usd_constant_bn",
    "population_thousands",
    "population_is_derived",
    "equipment_pct",
    "personnel_exp_pct",
    "infrastructure_pct",
    "other_pct",
    "military_personnel_thousands",
    "real_change_pct",
    "estimate",
    "source",
]


def build_figures(shared: Path) -> pd.DataFrame:
    main = pd.read_csv(shared / "nato_defence_expenditure.csv")
    ed25 = pd.read_csv(shared / "nato_defence_expenditure_2025_edition.csv")

    n24 = main[main["nato_edition"] == "2024-06"].copy()
    n24["edition"] = "2024-06"
    n24["source"] = "nato-2024-06"

    # The 2025 edition: revised 2014-2025 series (31 allies) plus the 2025 rows of the main file,
    # which come from the same edition and agree with it value for value (checked in tests).
    n25 = ed25.copy()
    n25["edition"] = "2025-08"
    n25["source"] = "nato-2025-08"
    iceland_2025 = main[(main["year"] == 2025) & ~main["iso3"].isin(n25["iso3"])].copy()
    iceland_2025["edition"] = "2025-08"
    iceland_2025["source"] = "nato-2025-08"
    n25 = pd.concat([n25, iceland_2025[n25.columns.intersection(iceland_2025.columns)]])

    figures = pd.concat([n24, n25], ignore_index=True)
    for column in FIGURE_COLUMNS:
        if column not in figures:
            figures[column] = pd.NA
    figures = figures[FIGURE_COLUMNS].sort_values(["edition", "iso3", "year"])
    figures["constant_price_base_year"] = figures["constant_price_base_year"].astype("Int64")
    return figures


def build_allies(shared: Path) -> pd.DataFrame:
    members = pd.read_csv(shared / "members.csv")
    members = members.rename(
        columns={
            "country": "name",
            "shares_land_border_with_russia_or_belarus": "borders_russia_or_belarus",
        }
    )
    members["source"] = "facts-members"
    return members[
        [
            "iso3",
            "name",
            "accession_date",
            "enlargement_round",
            "capital",
            "capital_lat",
            "capital_lon",
            "eu_member",
            "borders_russia_or_belarus",
            "notes",
            "source",
        ]
    ].sort_values("iso3")


def build_comparators(shared: Path) -> pd.DataFrame:
    sipri = pd.read_csv(shared / "comparators_milex.csv")
    sipri["constant_price_base_year"] = sipri["constant_price_base_year"].astype("Int64")
    sipri["source"] = sipri["sipri_release"].map(
        lambda release: "sipri-2026-factsheet" if release.startswith("2026") else "sipri-2025"
    )
    return sipri[
        [
            "iso3",
            "year",
            "milex_usd_current_mn",
            "milex_usd_constant_mn",
            "constant_price_base_year",
            "milex_pct_gdp",
            "sipri_estimate",
            "sipri_uncertain",
            "source",
        ]
    ].sort_values(["iso3", "year"])


def build_populations(shared: Path) -> pd.DataFrame:
    """Population of non-allies (UKR, GEO, BIH, RUS, BLR, MDA), World Bank WDI SP.POP.TOTL, one vintage
    (WB_WDI_2026-03: 2014-2024) so the series never mixes sources."""
    table = pd.read_csv(shared / "populations.csv")
    wdi = table[table["source_id"] == "WB_WDI_2026-03"].copy()
    wdi["source"] = "wb-wdi-2026-03"
    return wdi[["iso3", "year", "population_thousands", "source"]].sort_values(["iso3", "year"])


def build_aggregates(shared: Path) -> pd.DataFrame:
    agg = pd.read_csv(shared / "nato_aggregates.csv")
    agg = agg.rename(columns={"nato_edition": "edition"})

    def source_id(row: pd.Series) -> str:
        if str(row["source_quality"]).startswith("secondary"):
            return "press-2025-totals"
        return "nato-2024-06" if row["edition"] == "2024-06" else "nato-2025-08"

    agg["source"] = agg.apply(source_id, axis=1)
    agg["constant_price_base_year"] = agg["constant_price_base_year"].astype("Int64")
    return agg.drop(columns=["source_quality"]).sort_values(["aggregate", "edition", "year", "source"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    build_figures(args.shared).to_csv(OUT / "figures.csv", index=False)
    build_allies(args.shared).to_csv(OUT / "allies.csv", index=False)
    build_comparators(args.shared).to_csv(OUT / "comparators.csv", index=False)
    build_aggregates(args.shared).to_csv(OUT / "aggregates.csv", index=False)
    build_populations(args.shared).to_csv(OUT / "populations.csv", index=False)
    print(f"wrote bundled data to {OUT}")


if __name__ == "__main__":
    main()
