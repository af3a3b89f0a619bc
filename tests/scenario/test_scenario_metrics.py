"""Metrics on a state and as a diff, checked against sums computed from natosim.figures."""

from __future__ import annotations

import numpy as np
import pytest
from scenario_support import members_figures

import natosim
from natosim.scenario import evaluate


def test_article5_covers_the_members_population(two_pct) -> None:
    """The news' "more than 950 million people": the members' population (NATO-derived)."""
    row = two_pct.by_year.set_index("year").loc[2024]
    population = members_figures(2024)["population_thousands"].sum()
    assert row["population_article5_thousands"] == pytest.approx(population)
    assert population > 950_000
    assert row["population_article5_thousands"] == row["population_article5_baseline_thousands"]


def test_burden_shares_and_ratio_vs_russia(two_pct) -> None:
    row = two_pct.by_year.set_index("year").loc[2024]
    spending = members_figures(2024)["defence_exp_usd_current_mn"]
    assert row["total_spending_usd_mn"] == pytest.approx(spending.sum())
    assert row["us_share_pct"] == pytest.approx(spending["USA"] / spending.sum() * 100)
    assert row["europe_canada_share_pct"] == pytest.approx(100 - row["us_share_pct"])
    assert row["members_without_spending_figure"] == 1  # Iceland
    russia = natosim.comparators(countries=["RUS"], year=2024)["milex_usd_current_mn"].iloc[0]
    assert row["ratio_vs_russia"] == pytest.approx(spending.sum() / russia)


def test_2025_has_no_us_dollar_total_rather_than_a_guess(two_pct) -> None:
    row = two_pct.by_year.set_index("year").loc[2025]
    assert np.isnan(row["total_spending_usd_mn"]) and np.isnan(row["us_share_pct"])
    assert np.isnan(row["population_article5_thousands"])


def test_coverage_by_guarantor(two_pct) -> None:
    coverage = two_pct.coverage.set_index(["guarantor", "year"])
    usa = coverage.loc[("USA", 2024)]
    figures = members_figures(2024)
    kept = figures.drop(index="USA")
    kept = kept[~(kept["defence_exp_pct_gdp"] < 2.0)]
    assert usa["parties_covered"] == len(kept)
    assert usa["population_covered_thousands"] == pytest.approx(kept["population_thousands"].sum())
    assert usa["population_covered_baseline_thousands"] == pytest.approx(
        figures.drop(index="USA")["population_thousands"].sum()
    )
    gbr = coverage.loc[("GBR", 2024)]
    assert gbr["population_covered_thousands"] == gbr["population_covered_baseline_thousands"]
    assert bool(usa["major"])


def test_compliance_uses_the_rules_assessment(two_pct) -> None:
    from natosim import rules
    from natosim.metrics.compliance import assess

    table = two_pct.compliance[two_pct.compliance["year"] == 2024].set_index("iso3")
    pledge = rules.pledge(table["pledge"].iloc[0])
    direct = assess(natosim.figures(year=2024, members_only=True), pledge).set_index("iso3")
    assert table["gap_usd_mn"].fillna(-1).equals(direct.loc[table.index, "gap_usd_mn"].fillna(-1))
    summary = two_pct.compliance_summary.set_index("year").loc[2024]
    below = direct[direct["met"].astype("boolean").eq(False).fillna(False)]
    assert summary["allies_below"] == len(below)
    assert summary["gap_usd_mn"] == pytest.approx(below["gap_usd_mn"].sum())


def test_diff_against_baseline(two_pct) -> None:
    diff = two_pct.diff()
    exposed = diff[(diff["metric"] == "exposed allies") & (diff["year"] == 2024)].iloc[0]
    assert exposed["change"] == len(two_pct.by_year.set_index("year").loc[2024, "exposed"])
    usa = diff[(diff["metric"] == "population the US defends (thousands)") & (diff["year"] == 2024)].iloc[0]
    assert usa["change"] == pytest.approx(-two_pct.by_year.set_index("year").loc[2024, "population_exposed_thousands"])


def test_same_inputs_same_output_bit_for_bit() -> None:
    first = evaluate("hague-5pct-by-2035").to_json()
    second = evaluate("hague-5pct-by-2035").to_json()
    assert first == second


def test_result_state_is_an_alliance_state(two_pct) -> None:
    state = two_pct.state(2024)
    assert "USA" not in state.guarantors_of("BEL")
    assert "USA" in two_pct.baseline_state(2024).guarantors_of("BEL")


def test_explain_rejects_an_unknown_metric(two_pct) -> None:
    from natosim.scenario import ScenarioError

    with pytest.raises(ScenarioError, match="explainable: exposed"):
        two_pct.explain("happiness")


def test_explain_ratio_names_the_sipri_row(two_pct) -> None:
    explained = two_pct.explain("ratio_vs_russia", year=2024)
    russia = explained.rows[explained.rows["iso3"] == "RUS"].iloc[0]
    assert russia["source"] == "sipri-2025" and russia["measure"] == "milex_usd_current_mn"
    assert any("definitions differ" in n for n in explained.notes)
    assert {s["id"] for s in explained.sources} >= {"nato-2024-06", "sipri-2025"}


def test_a_pinned_edition_flows_through() -> None:
    from natosim.scenario import Scenario, load_scenario

    data = load_scenario("us-conditional-guarantee-2pct").model_dump()
    data.update(edition="2024-06", period={"start": 2014, "end": 2024})
    result = evaluate(Scenario.model_validate(data), year=2024)
    table = natosim.figures(year=2024, edition="2024-06", members_only=True)
    value = table.set_index("iso3")["defence_exp_pct_gdp"]
    expected = sorted(value[value < 2.0].index)
    assert sorted(result.by_year.loc[0, "exposed"]) == expected
    assert len(expected) == 32 - 23 - 1  # 23 at 2% in that edition; Iceland has no figure
    rows = result.explain("exposed", year=2024).rows
    assert set(rows["edition"]) == {"2024-06"}
