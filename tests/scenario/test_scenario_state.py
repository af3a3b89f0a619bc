"""The alliance state of a year: members, figures, the Article 5 guarantee matrix."""

from __future__ import annotations

import numpy as np
import pytest

import natosim
from natosim.errors import YearOutOfRange
from natosim.state import ARTICLE_5, AllianceState, baseline, baseline_panel


@pytest.mark.parametrize("year", [2014, 2017, 2020, 2023, 2024, 2025])
def test_baseline_members_are_the_members_of_the_year(year: int) -> None:
    state = baseline(year)
    assert list(state.members) == natosim.members(year)
    assert state.parties == state.members


def test_article5_is_all_to_all_without_the_diagonal() -> None:
    state = baseline(2024)
    n = len(state.members)
    assert state.guarantee.shape == (n, n)
    assert state.guarantee.sum() == n * (n - 1)
    assert not state.guarantee.diagonal().any()
    assert set(state.basis[state.guarantee]) == {"article-5"}
    assert set(state.basis[~state.guarantee]) == {""}
    assert not state.troops.any()
    assert state.guarantors_of("EST") == [c for c in state.members if c != "EST"]


def test_figures_are_the_data_layer_figures_and_missing_stays_missing() -> None:
    state = baseline(2024)
    data = natosim.figures(year=2024).set_index("iso3")
    for column in ("defence_exp_pct_gdp", "population_thousands", "gdp_usd_current_bn"):
        assert state.figures[column].equals(data.loc[list(state.parties), column])
    assert np.isnan(state.figures.loc["ISL", "defence_exp_pct_gdp"])
    assert np.isnan(baseline(2025).figures.loc["DEU", "defence_exp_pct_gdp"])
    assert state.figures.loc["DEU", "source_population_thousands"] == "nato-2024-06"


def test_finland_and_sweden_are_not_members_before_they_joined() -> None:
    assert "FIN" not in baseline(2022).members
    assert "FIN" in baseline(2023).members and "SWE" not in baseline(2023).members
    assert "SWE" in baseline(2024).members


def test_state_arrays_are_read_only() -> None:
    state = baseline(2024)
    with pytest.raises(ValueError):
        state.guarantee[0, 1] = False


def test_pledges_in_force_at_the_end_of_the_year() -> None:
    ids_2014 = {p.id for p in baseline(2014).pledges}
    ids_2025 = {p.id for p in baseline(2025).pledges}
    assert "wales-2014" in ids_2014 and "hague-2025-core" not in ids_2014
    assert "hague-2025-core" in ids_2025


def test_a_year_after_the_data_needs_a_year_to_hold_figures_from() -> None:
    with pytest.raises(YearOutOfRange, match="years of data"):
        baseline(2030)
    held = baseline(2030, hold_from=2024)
    assert held.figures_year == 2024
    assert held.figures["defence_exp_usd_current_mn"].equals(baseline(2024).figures["defence_exp_usd_current_mn"])


def test_panel_year_equals_the_one_year_state() -> None:
    panel = baseline_panel(range(2014, 2026))
    for year in (2014, 2019, 2024):
        one, from_panel = baseline(year), panel.at(year)
        assert one.members == from_panel.members
        assert np.array_equal(one.guarantee, from_panel.guarantee)
    assert (panel.basis[panel.guarantee] == ARTICLE_5).all()


def test_state_is_the_contract_type() -> None:
    assert isinstance(baseline(2024), AllianceState)
    assert baseline(2024).index("USA") == baseline(2024).parties.index("USA")
