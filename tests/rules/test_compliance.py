"""Compliance and gaps, checked against values computed directly from the bundled figures."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import natosim.rules as rules
from natosim.data import figures
from natosim.metrics.compliance import TREND_YEARS, assess, compliance


def test_2024_two_percent_default_and_june_2024_edition() -> None:
    latest = compliance(2024, "wales-2014")
    assert len(latest.table) == 32 and latest.summary["met"] == 18
    assert latest.summary["missing_figure"] == ["ISL"] and latest.summary["not_met"] == 13
    june = compliance(2024, "wales-2014", edition="2024-06")
    assert june.summary["met"] == 23
    assert not june.summary["gap_usd_mixed_editions"]
    assert june.summary["editions_value"] == june.summary["editions_base"] == ["2024-06"]


def test_gap_in_points_and_dollars_matches_the_figures() -> None:
    table = compliance(2024, "wales-2014").table.set_index("iso3")
    raw = figures(year=2024).set_index("iso3")
    bel = raw.loc["BEL"]
    assert table.loc["BEL", "gap_pp"] == pytest.approx(2.0 - bel["defence_exp_pct_gdp"])
    assert table.loc["BEL", "gap_usd_mn"] == pytest.approx(
        (2.0 - bel["defence_exp_pct_gdp"]) / 100 * bel["gdp_usd_current_bn"] * 1000
    )
    assert table.loc["BEL", "edition_value"] == "2025-08" and table.loc["BEL", "edition_base"] == "2024-06"
    assert bool(table.loc["BEL", "gap_usd_mixed_editions"])
    assert table.loc["POL", "gap_pp"] == 0 and bool(table.loc["POL", "met"])
    assert pd.isna(table.loc["ISL", "met"]) and pd.isna(table.loc["ISL", "gap_usd_mn"])
    short = raw["defence_exp_pct_gdp"] < 2
    shortfall = 2 - raw.loc[short, "defence_exp_pct_gdp"]
    expected_total = (shortfall / 100 * raw.loc[short, "gdp_usd_current_bn"] * 1000).sum()
    assert compliance(2024, "wales-2014").summary["total_gap_usd_mn"] == pytest.approx(expected_total)


def test_equipment_share_test() -> None:
    table = compliance(2024, "wales-2014").table.set_index("iso3")
    raw = figures(year=2024).set_index("iso3")
    assert bool(table.loc["BEL", "equipment_met"]) is bool(raw.loc["BEL", "equipment_pct"] >= 20)
    assert table.loc["CAN", "equipment_gap_pp"] == pytest.approx(20 - raw.loc["CAN", "equipment_pct"])
    assert (table["equipment_met"] == True).sum() == (raw["equipment_pct"] >= 20).sum()  # noqa: E712
    alone = compliance(2024, "wales-2014-equipment")
    assert alone.summary["met"] == (raw["equipment_pct"] >= 20).sum()


def test_trend_matches_a_least_squares_fit() -> None:
    table = compliance(2024, "wales-2014").table.set_index("iso3")
    history = figures().set_index(["iso3", "year"])["defence_exp_pct_gdp"]
    for iso3 in ("BEL", "CAN", "ESP"):
        series = history.loc[iso3].loc[2024 - TREND_YEARS + 1 : 2024].dropna()
        slope = np.polyfit(series.index.to_numpy(float), series.to_numpy(), 1)[0]
        assert table.loc[iso3, "trend_slope_pp_per_year"] == pytest.approx(slope)
        assert table.loc[iso3, "years_to_reach"] == pytest.approx((2 - series.loc[2024]) / slope)
    assert table.loc["POL", "years_to_reach"] == 0
    assert pd.isna(table.loc["ISL", "years_to_reach"])


def test_falling_trend_gives_no_years_to_reach() -> None:
    frame = pd.DataFrame(
        {
            "iso3": ["AAA", "BBB"],
            "year": [2024, 2024],
            "defence_exp_pct_gdp": [1.5, 1.5],
            "gdp_usd_current_bn": [100.0, 100.0],
        }
    )
    history = pd.DataFrame(
        {
            "iso3": ["AAA"] * 3 + ["BBB"] * 3,
            "year": [2022, 2023, 2024] * 2,
            "defence_exp_pct_gdp": [1.7, 1.6, 1.5, 1.3, 1.4, 1.5],
        }
    )
    out = assess(frame, rules.pledge("wales-2014"), history=history).set_index("iso3")
    assert pd.isna(out.loc["AAA", "years_to_reach"]) and out.loc["AAA", "trend_slope_pp_per_year"] < 0
    assert out.loc["BBB", "years_to_reach"] == pytest.approx(5.0)
    assert out.loc["BBB", "gap_usd_mn"] == pytest.approx(500.0)
    assert not bool(out.loc["BBB", "on_track"])  # 2029 > the 2024 deadline


def test_hague_total_uses_the_unmeasured_band() -> None:
    frame = pd.DataFrame({"iso3": ["A", "B", "C", "D"], "defence_exp_pct_gdp": [5.2, 4.0, 3.4, np.nan]})
    out = assess(frame, rules.pledge("hague-2025-total"))
    assert out["met"].tolist() == [True, pd.NA, False, pd.NA]
    assert compliance(2025, "hague-2025-total").summary["unknown"] == ["DEU", "ISL", "LTU", "LVA", "POL"]
    # Estonia: 3.38% core + at most 1.5% related < 5%, so it cannot meet the total whatever it spends on related


def test_related_spending_has_no_figures_so_stays_missing() -> None:
    result = compliance(2025, "hague-2025-related")
    assert result.table["value"].isna().all() and result.table["met"].isna().all()


def test_members_of_the_year_only_by_default_and_in_force_flag() -> None:
    assert len(compliance(2022, "wales-2014").table) == 30
    assert len(compliance(2022, "wales-2014", members_only=False).table) == 32
    assert compliance(2024, "hague-2025-core").in_force is False
    assert compliance(2025, "hague-2025-core").in_force is True
    assert compliance(2024).pledge.id == "vilnius-2023"
    assert compliance(2014).pledge.id == "wales-2014"


def test_wales_baseline_2014_three_allies() -> None:
    """commitments.yaml: 'In 2014 three allies met 2%' — the June 2024 edition agrees (GBR, GRC, USA)."""
    result = compliance(2014, "wales-2014", edition="2024-06")
    assert sorted(result.table.loc[result.table["met"] == True, "iso3"]) == ["GBR", "GRC", "USA"]  # noqa: E712
