"""Burden shares, checked against NATO's own published totals and US share."""

from __future__ import annotations

import pytest

import natosim
from natosim.engines.burden import burden_share_table


def test_us_share_and_total_match_natos_published_aggregates() -> None:
    result = burden_share_table(list(range(2014, 2025)))
    published = natosim.aggregates(edition="2024-06")
    total = published[published["aggregate"] == "NATO Total"].set_index("year")
    for row in result.by_year.itertuples():
        assert row.allied_spending_usd_bn * 1000 == pytest.approx(
            total.loc[row.year, "defence_exp_usd_current_mn"], abs=0.5
        )
        assert row.us_spending_share_pct == pytest.approx(total.loc[row.year, "us_share_of_usd_current_pct"], abs=0.006)


def test_shares_sum_to_100_and_ratio_is_their_quotient() -> None:
    table = burden_share_table(2024).table
    for column in ("spending_share_pct", "gdp_share_pct", "population_share_pct"):
        assert table[column].sum() == pytest.approx(100.0)
    usa = table.set_index("iso3").loc["USA"]
    assert usa["spending_to_gdp_share"] == pytest.approx(usa["spending_share_pct"] / usa["gdp_share_pct"])
    assert table.set_index("iso3")["spending_share_pct"].isna()["ISL"]  # missing stays missing


def test_year_without_figures_is_reported_not_dropped() -> None:
    by_year = burden_share_table([2024, 2025]).by_year.set_index("year")
    assert by_year.loc[2025, "members"] == 32
    assert "2025-08 edition publishes % of GDP only" in by_year.loc[2025, "note"]


def test_members_only() -> None:
    table = burden_share_table(2022).table
    assert "FIN" not in set(table["iso3"]) and "SWE" not in set(table["iso3"])


def test_cli_shares(cli, tmp_path) -> None:
    result = cli("burden", "shares", "--year", "2024", "--format", "json")
    assert result.code == 0, result.err
    payload = result.json()
    assert payload["by_year"][0]["us_spending_share_pct"] == pytest.approx(65.63, abs=0.01)
    plot = tmp_path / "shares.svg"
    assert cli("burden", "shares", "--plot", str(plot)).code == 0
    assert plot.exists()
    bad = cli("burden", "shares", "--year", "2014...2015")
    assert bad.code == 2 and "bad" in bad.err
