"""The bundled figures: editions, counts the issue states, NATO totals, provenance."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import natosim
from natosim.data import load
from natosim.errors import UnknownEdition, YearOutOfRange

BUNDLED = Path(natosim.__file__).parent / "data" / "bundled"


def test_2024_latest_edition_has_18_allies_at_2pct() -> None:
    table = natosim.figures(year=2024)
    assert len(table) == 32
    assert int((table["defence_exp_pct_gdp"] >= 2.0).sum()) == 18
    assert set(table["edition_defence_exp_pct_gdp"].dropna()) == {"2025-08"}


def test_2024_june_2024_edition_has_23_allies_at_2pct() -> None:
    table = natosim.figures(year=2024, edition="2024-06")
    assert int((table["defence_exp_pct_gdp"] >= 2.0).sum()) == 23
    assert set(table["edition"]) == {"2024-06"}
    assert not table["mixed_editions"].any()


def test_the_five_that_drop_out_between_editions() -> None:
    june = natosim.figures(year=2024, edition="2024-06").set_index("iso3")["defence_exp_pct_gdp"]
    latest = natosim.figures(year=2024).set_index("iso3")["defence_exp_pct_gdp"]
    dropped = sorted(set(june[june >= 2].index) - set(latest[latest >= 2].index))
    assert dropped == ["ALB", "BGR", "MKD", "MNE", "SVK"]  # as ../shared/data/README.md §7 reports


def test_iceland_spending_is_missing_not_zero() -> None:
    iceland = natosim.figures(year=2024, countries=["Iceland"]).iloc[0]
    assert pd.isna(iceland["defence_exp_pct_gdp"])
    assert pd.isna(iceland["defence_exp_usd_current_mn"])
    assert iceland["population_thousands"] > 0  # GDP and population are known


def test_default_values_come_from_the_latest_edition_that_has_them() -> None:
    us = natosim.figures(year=2024, countries=["USA"]).iloc[0]
    raw = pd.read_csv(BUNDLED / "figures.csv")
    in_2025 = raw[(raw.iso3 == "USA") & (raw.year == 2024) & (raw.edition == "2025-08")].iloc[0]
    in_2024 = raw[(raw.iso3 == "USA") & (raw.year == 2024) & (raw.edition == "2024-06")].iloc[0]
    assert us["defence_exp_pct_gdp"] == in_2025["defence_exp_pct_gdp"]
    assert us["defence_exp_usd_current_mn"] == in_2024["defence_exp_usd_current_mn"]
    assert us["edition_defence_exp_usd_current_mn"] == "2024-06"
    assert us["mixed_editions"]
    assert us["sources"] == "nato-2024-06;nato-2025-08"


@pytest.mark.parametrize("year", range(2014, 2025))
def test_member_sum_matches_nato_total_june_2024(year: int) -> None:
    """NATO's totals count Finland and Sweden only from accession; so must we."""
    table = natosim.figures(year=year, edition="2024-06", members_only=True)
    total = natosim.aggregates("2024-06")
    reference = total[(total["aggregate"] == "NATO Total") & (total["year"] == year)]
    assert len(reference) == 1
    assert abs(table["defence_exp_usd_current_mn"].sum() - reference["defence_exp_usd_current_mn"].iloc[0]) < 1.0


def test_finland_and_sweden_have_figures_before_accession_but_are_not_members() -> None:
    table = natosim.figures(year=2022, edition="2024-06").set_index("iso3")
    assert not table.loc["FIN", "member"] and not table.loc["SWE", "member"]
    assert table.loc["FIN", "defence_exp_usd_current_mn"] > 0
    assert natosim.members(2023).count("FIN") == 1 and "SWE" not in natosim.members(2023)
    assert len(natosim.members(2024)) == 32 and len(natosim.members(2014)) == 28


def test_every_bundled_row_has_a_known_source() -> None:
    dataset = load()
    known = set(dataset.sources["id"])
    for table in (dataset.figures, dataset.allies, dataset.comparators, dataset.aggregates):
        assert table["source"].notna().all()
        assert set(table["source"]) <= known


def test_comparators_are_sipri_and_separate() -> None:
    russia = natosim.comparators(countries=["Russia"], year=2024).iloc[0]
    assert russia["iso3"] == "RUS" and russia["source"] == "sipri-2025"
    assert 140_000 < russia["milex_usd_current_mn"] < 160_000  # SIPRI: US$149 bn
    assert "RUS" not in set(natosim.figures()["iso3"])


def test_unknown_edition_and_year_out_of_range_are_clear() -> None:
    with pytest.raises(UnknownEdition, match="2024-06, 2025-08"):
        natosim.figures(edition="2023-01")
    with pytest.raises(YearOutOfRange, match="2014–2025"):
        natosim.figures(year=1999)


def test_allies_table() -> None:
    allies = natosim.allies()
    assert len(allies) == 32
    assert allies.set_index("iso3").loc["SWE", "accession_date"] == pd.Timestamp("2024-03-07")
    border = set(allies.loc[allies["borders_russia_or_belarus"], "iso3"])
    assert {"EST", "LVA", "LTU", "POL", "FIN", "NOR"} <= border
    assert "DEU" not in border
