"""Each policy on its own, on one-year states, against values computed from the data."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from scenario_support import below, members_figures

import natosim
from natosim.policies import (
    Accession,
    ConditionalGuarantee,
    PledgeChange,
    SecurityGuarantee,
    SpendingPath,
    Withdrawal,
)
from natosim.policies.spending import real_growth
from natosim.state import baseline, baseline_panel


@pytest.mark.parametrize("year", [2014, 2024])
def test_conditional_guarantee_keeps_only_allies_at_the_threshold(year: int) -> None:
    state = ConditionalGuarantee(guarantor="United States", min_pct_gdp=2.0).apply(baseline(year))
    protected = set(state.protected_by("USA"))
    assert protected.isdisjoint(below(year, 2.0))
    assert protected | set(below(year, 2.0)) == set(natosim.members(year)) - {"USA"}
    # everyone else still defends them
    for ally in below(year, 2.0):
        assert "USA" not in state.guarantors_of(ally)
        assert len(state.guarantors_of(ally)) == len(state.members) - 2
    usa = state.index("USA")
    assert set(state.condition[usa][state.guarantee[usa]]) == {"only if defence_exp_pct_gdp >= 2"}


def test_an_ally_with_no_figure_is_kept_unless_the_scenario_drops_it() -> None:
    kept = ConditionalGuarantee(guarantor="USA", min_pct_gdp=2.0).apply(baseline(2024))
    dropped = ConditionalGuarantee(guarantor="USA", min_pct_gdp=2.0, if_missing="drop").apply(baseline(2024))
    assert "USA" in kept.guarantors_of("ISL")
    assert "USA" not in dropped.guarantors_of("ISL")


def test_policy_does_not_change_its_input() -> None:
    state = baseline(2024)
    before = state.guarantee.copy()
    ConditionalGuarantee(guarantor="USA", min_pct_gdp=3.5).apply(state)
    assert np.array_equal(state.guarantee, before)


def test_executive_withdrawal_is_not_lawful_so_the_us_stays() -> None:
    policy = Withdrawal(country="USA", path="executive", notice_date=dt.date(2025, 7, 25))
    panel = policy.apply_panel(baseline_panel(range(2024, 2029), hold_from=2024))
    assert panel.member[:, panel.index("USA")].all()
    outcome = panel.extras["procedures"][0]
    assert outcome["lawful"] is False and outcome["leaves"] is False


def test_assume_lawful_makes_it_leave_and_the_result_says_so() -> None:
    policy = Withdrawal(country="USA", path="executive", notice_date=dt.date(2025, 7, 25), assume_lawful=True)
    panel = policy.apply_panel(baseline_panel(range(2024, 2029), hold_from=2024))
    usa = panel.index("USA")
    assert panel.member[:, usa].tolist() == [True, True, False, False, False]
    assert panel.extras["procedures"][0]["assumed_lawful"] is True
    assert panel.extras["procedures"][0]["effective_date"] == "2026-07-25"
    assert not panel.guarantee[2:, usa, :].any() and not panel.guarantee[2:, :, usa].any()


def test_withdrawal_by_act_of_congress_takes_effect_one_year_after_notice() -> None:
    policy = Withdrawal(country="USA", path="act-of-congress", notice_date=dt.date(2025, 7, 25))
    state = policy.apply(baseline(2026, hold_from=2024))
    assert "USA" not in state.members and len(state.members) == 31


def test_accession_completes_or_is_blocked() -> None:
    joined = Accession(country="Ukraine", invited=dt.date(2026, 7, 7)).apply_panel(
        baseline_panel(range(2024, 2031), hold_from=2024, extra_parties=["UKR"])
    )
    outcome = joined.extras["procedures"][0]
    assert outcome["completes"]
    join_year = int(outcome["joins_on"][:4])
    ukr = joined.index("UKR")
    years = np.asarray(joined.years)
    assert (joined.member[:, ukr] == (years >= join_year)).all()
    last = joined.at(2030)
    assert "UKR" in last.members and len(last.guarantors_of("UKR")) == 32
    # NATO publishes none: the World Bank WDI population is used (data.nonmember_figures)
    assert last.figures.loc["UKR", "population_thousands"] == pytest.approx(37860.221)

    vetoed = Accession(country="UKR", invited=dt.date(2026, 7, 7), vetoes=["Hungary"]).apply_panel(
        baseline_panel(range(2024, 2031), hold_from=2024, extra_parties=["UKR"])
    )
    assert not vetoed.member[:, vetoed.index("UKR")].any()
    assert vetoed.extras["procedures"][0]["blocked_by"] == ["HUN"]


def test_security_guarantee_outside_article5_without_us_troops() -> None:
    policy = SecurityGuarantee(
        protected="UKR", providers=["european-allies", "CAN"], excluded=["USA", "HUN"], troops=True
    )
    state = policy.apply(baseline(2024))
    expected = sorted(set(natosim.members(2024)) - {"USA", "HUN"})
    assert sorted(state.guarantors_of("UKR")) == expected
    assert "UKR" not in state.members and state.parties[-1] == "UKR"
    column = state.index("UKR")
    assert set(state.basis[:, column][state.guarantee[:, column]]) == {"security-guarantee"}
    assert state.troops[:, column].sum() == len(expected)


def test_spending_path_reaches_the_target_with_stated_growth() -> None:
    panel = SpendingPath(target_pct_gdp=5.0, by_year=2035).apply_panel(
        baseline_panel(range(2024, 2036), hold_from=2024)
    )
    data = members_figures(2024)
    pct = panel.values["defence_exp_pct_gdp"]
    gdp = panel.values["gdp_usd_current_bn"]
    deu, pol = panel.index("DEU"), panel.index("POL")
    last = panel.years.index(2035)
    assert pct[last, deu] == pytest.approx(5.0)
    mid = panel.years.index(2030)
    start = data.loc["DEU", "defence_exp_pct_gdp"]
    assert pct[mid, deu] == pytest.approx(start + (5.0 - start) * 6 / 11)
    # growth: Germany's compound real growth 2014-2024, computed here from the figures
    real = natosim.figures(countries=["DEU"]).set_index("year")["real_gdp_usd_constant_bn"]
    rate = (real[2024] / real[2014]) ** 0.1 - 1
    assert gdp[last, deu] == pytest.approx(data.loc["DEU", "gdp_usd_current_bn"] * (1 + rate) ** 11)
    assert real_growth(None, 2024)[0][natosim.allies()["iso3"].tolist().index("DEU")] == pytest.approx(rate)
    assert panel.projected["defence_exp_pct_gdp"][last, pol]
    assert not panel.projected["defence_exp_pct_gdp"][0].any()  # 2024 is data
    assert np.isnan(pct[last, panel.index("ISL")])  # no start figure: stays missing


def test_pledge_change_edits_the_pledge_in_force() -> None:
    state = PledgeChange(pledge="vilnius-2023", target_pct_gdp=3.0).apply(baseline(2024))
    vilnius = next(p for p in state.pledges if p.id == "vilnius-2023")
    assert vilnius.target_pct_gdp == 3.0
    assert "changed by scenario" in vilnius.note


def test_unknown_country_in_a_policy_is_a_validation_error() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="Did you mean"):
        ConditionalGuarantee(guarantor="Untied States", min_pct_gdp=2.0)


def test_predicted_response_uses_the_burden_game() -> None:
    from natosim.engines.burden import exclusion_equilibrium

    game = exclusion_equilibrium(base_year=2024, guarantor="USA", threshold_pct=2.0).table.set_index("iso3")
    policy = ConditionalGuarantee(guarantor="USA", min_pct_gdp=2.0, predict_response=True)
    panel = policy.apply_panel(baseline_panel([2024, 2025]))
    usa = panel.index("USA")
    predicted = game["predicted_pct_gdp"]
    below_after = sorted(c for c in predicted.index if c != "USA" and predicted[c] < 2.0 and c in natosim.members(2024))
    protected = [panel.parties[i] for i in np.flatnonzero(panel.guarantee[0, usa])]
    assert set(protected).isdisjoint(below_after)
    assert panel.values["defence_exp_pct_gdp"][0, panel.index("BEL")] == pytest.approx(predicted["BEL"])
    assert panel.projected["defence_exp_pct_gdp"][0, panel.index("BEL")]
    assert "burden game" in panel.projections[0]["method"]


def test_a_national_withdrawal_of_another_ally() -> None:
    policy = Withdrawal(country="Türkiye", path="national", notice_date=dt.date(2025, 1, 1))
    panel = policy.apply_panel(baseline_panel(range(2024, 2028), hold_from=2024))
    outcome = panel.extras["procedures"][0]
    assert outcome["lawful"] is True and outcome["effective_date"] == "2026-01-01"
    tur = panel.index("TUR")
    assert panel.member[:, tur].tolist() == [True, True, False, False]
    assert len(panel.at(2026).guarantors_of("GRC")) == 30


def test_a_non_allied_provider_stays_on_the_axis() -> None:
    state = SecurityGuarantee(protected="UKR", providers=["GBR", "Australia"], troops=True).apply(baseline(2024))
    assert state.parties[-2:] == ("UKR", "AUS")
    assert state.guarantors_of("UKR") == ["GBR", "AUS"]
    assert state.protected_by("AUS") == ["UKR"]


def test_predicted_response_updates_us_dollars_with_the_share_and_says_illustration() -> None:
    from natosim.engines.burden import validate_spending_model

    policy = ConditionalGuarantee(guarantor="USA", min_pct_gdp=2.0, predict_response=True)
    before = baseline_panel([2024])
    after = policy.apply_panel(before)
    esp = after.index("ESP")
    pct_old = before.values["defence_exp_pct_gdp"][0, esp]
    pct_new = after.values["defence_exp_pct_gdp"][0, esp]
    usd_old = before.values["defence_exp_usd_current_mn"][0, esp]
    assert pct_new == pytest.approx(2.0) and pct_old < 2.0
    assert after.values["defence_exp_usd_current_mn"][0, esp] == pytest.approx(usd_old * pct_new / pct_old)
    assert after.projected["defence_exp_usd_current_mn"][0, esp]
    assert not validate_spending_model().summary["used_for_prediction"]
    assert after.projections[-1]["kind"] == "illustration"
    assert after.projections[-1]["method"].startswith("ILLUSTRATION")


def test_predicted_response_uses_the_estimated_model_when_it_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    import natosim.engines.burden.response as response
    from natosim.engines.burden import conditional_guarantee, estimate_spending_model

    monkeypatch.setattr(response, "model_for_prediction", lambda edition=None, dataset=None: estimate_spending_model())
    policy = ConditionalGuarantee(guarantor="USA", min_pct_gdp=2.0, predict_response=True)
    before = baseline_panel([2024])
    after = policy.apply_panel(before)
    change = conditional_guarantee(2.0, horizon=1).table.set_index("iso3")["change_pp"]
    bel = after.index("BEL")
    assert after.values["defence_exp_pct_gdp"][0, bel] == pytest.approx(
        before.values["defence_exp_pct_gdp"][0, bel] + change["BEL"]
    )
    assert after.projections[-1]["kind"] == "estimate"
