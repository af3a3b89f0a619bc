"""The estimated spending model: the estimator recovers known coefficients, the panel is built from
the data as documented, validation compares honestly with "no change", counterfactuals have ranges."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from natosim.engines.burden.model import fit_spending_model, spending_panel

TRUE = {
    "const": 0.40,
    "lag_burden": 0.70,
    "log_gdp_per_capita": 0.05,
    "spill_in": 0.20,
    "us_burden": -0.15,
    "log_km_to_moscow": -0.08,
}


def synthetic_panel(allies: int = 60, years: int = 25, seed: int = 5, ally_shock: float = 0.0) -> pd.DataFrame:
    """Ally-year panel drawn from the model with known coefficients (ally-level error if ally_shock > 0)."""
    rng = np.random.default_rng(seed)
    rows = []
    km = rng.uniform(500, 7000, allies)
    shock = rng.normal(0, ally_shock, allies) if ally_shock else np.zeros(allies)
    for a in range(allies):
        for t in range(years):
            x = {
                "lag_burden": rng.uniform(0.5, 4.0),
                "log_gdp_per_capita": rng.normal(3.0, 0.6),
                "spill_in": rng.uniform(1.0, 2.5),
                "us_burden": rng.uniform(3.0, 4.0),
                "log_km_to_moscow": np.log(km[a]),
            }
            burden = TRUE["const"] + sum(TRUE[k] * v for k, v in x.items()) + shock[a] + rng.normal(0, 0.1)
            rows.append({"iso3": f"A{a:02d}", "year": 1990 + t, "burden": burden, **x})
    frame = pd.DataFrame(rows)
    frame["is_guarantor"] = False
    frame["edition"] = "synthetic"
    return frame


def test_estimator_recovers_known_coefficients() -> None:
    model = fit_spending_model(synthetic_panel(), terms=[k for k in TRUE if k != "const"])
    coef = model.coefficients.set_index("term")
    for term, value in TRUE.items():
        assert coef.loc[term, "coef"] == pytest.approx(value, abs=4 * coef.loc[term, "se_clustered"] + 1e-3)
        assert coef.loc[term, "ci95_low"] < value < coef.loc[term, "ci95_high"] or term == "const"
    assert abs(coef.loc["lag_burden", "coef"] - 0.70) < 0.01
    assert model.summary["n_obs"] == 60 * 25 and model.summary["n_allies"] == 60


def test_clustered_errors_are_wider_when_errors_are_correlated_within_allies() -> None:
    import statsmodels.api as sm

    panel = synthetic_panel(ally_shock=0.3)
    terms = [k for k in TRUE if k != "const"]
    model = fit_spending_model(panel, terms=terms)
    plain = sm.OLS(panel["burden"], sm.add_constant(panel[terms])).fit()
    clustered = model.coefficients.set_index("term")["se_clustered"]
    assert clustered["log_km_to_moscow"] > 2 * plain.bse["log_km_to_moscow"]


def test_a_regressor_without_variation_is_dropped_and_named() -> None:
    panel = synthetic_panel(allies=10, years=8)
    panel["post_invasion"] = 0.0
    model = fit_spending_model(panel, terms=["lag_burden", "spill_in", "post_invasion"])
    assert model.dropped == {"post_invasion": "no variation in the estimation sample"}
    assert "post_invasion" not in model.terms


def test_panel_is_built_from_the_data_as_documented() -> None:
    import natosim
    from natosim.engines.crisis.theatre import haversine_km

    panel = spending_panel()
    assert set(panel["edition"]) == {"2024-06"}  # the latest edition with GDP
    pol = panel[(panel["iso3"] == "POL")].set_index("year")
    raw = natosim.figures(edition="2024-06").set_index(["iso3", "year"])
    assert pol.loc[2024, "burden"] == raw.loc[("POL", 2024), "defence_exp_pct_gdp"]
    assert pol.loc[2024, "lag_burden"] == raw.loc[("POL", 2023), "defence_exp_pct_gdp"]
    assert pol.loc[2024, "us_burden"] == raw.loc[("USA", 2023), "defence_exp_pct_gdp"]
    # spill-in recomputed by hand: inverse-distance mean of the other non-US allies' 2023 burdens
    last = raw.xs(2023, level="year")
    last = last[last["defence_exp_pct_gdp"].notna() & last["member"]].drop(index=["USA", "POL"])
    allies = natosim.allies().set_index("iso3")
    d = haversine_km(
        allies.loc["POL", "capital_lat"], allies.loc["POL", "capital_lon"],
        allies.loc[last.index, "capital_lat"].to_numpy(float), allies.loc[last.index, "capital_lon"].to_numpy(float),
    )  # fmt: skip
    expected = np.sum(last["defence_exp_pct_gdp"].to_numpy(float) / d) / np.sum(1 / d)
    assert pol.loc[2024, "spill_in"] == pytest.approx(expected, rel=1e-12)
    russia = natosim.comparators(["RUS"]).set_index("year")["milex_usd_constant_mn"]
    assert pol.loc[2024, "log_russia_spending"] == pytest.approx(np.log(russia[2023] / 1000))
    assert pol.loc[2024, "post_invasion"] == 1 and pol.loc[2021, "post_invasion"] == 0
    assert pol.loc[2024, "post_crimea_trend"] == 10
    assert pol.loc[2024, "target_pct_gdp"] == 2.0


def test_estimated_model_on_nato_data_reports_coefficients_with_uncertainty() -> None:
    from natosim.engines.burden import estimate_spending_model

    model = estimate_spending_model()
    coef = model.coefficients.set_index("term")
    assert set(coef.index) >= {"lag_burden", "spill_in", "us_burden", "log_km_to_moscow", "post_invasion"}
    assert (coef["se_clustered"] > 0).all() and (coef["ci95_low"] < coef["ci95_high"]).all()
    assert 0.5 < coef.loc["lag_burden", "coef"] < 1.0
    assert (
        coef.loc["us_burden", "coef"] < 0 and coef.loc["log_km_to_moscow", "coef"] < 0
    )  # substitutes; nearer spends more
    assert model.summary["kind"] == "estimate" and model.summary["n_allies"] == 29


def test_validate_cli_reports_both_errors_and_the_gate(cli) -> None:
    result = cli("burden", "validate", "--format", "json")
    assert result.code == 0, result.err
    payload = result.json()
    assert payload["model_mae_pp"] > 0 and payload["no_change_mae_pp"] > 0
    assert payload["used_for_prediction"] is (payload["model_mae_pp"] < payload["no_change_mae_pp"])
    # "no change" recomputed independently: |burden_t − burden_cutoff| over allies, years, cut-offs
    panel = spending_panel()
    panel = panel[panel["iso3"] != "USA"].pivot(index="year", columns="iso3", values="burden")
    errors = []
    for cutoff in payload["cutoffs"]:
        start = panel.loc[cutoff]
        for year in panel.index[panel.index > cutoff]:
            diff = (panel.loc[year] - start).abs()
            errors.extend(diff.dropna().tolist())
    assert payload["no_change_mae_pp"] == pytest.approx(np.mean(errors), rel=1e-12)
    assert payload["n_predictions"] == len(errors)


def test_one_cutoff_and_a_bad_cutoff(cli) -> None:
    from natosim.engines.burden import validate_spending_model

    one = validate_spending_model(2021)
    assert one.summary["cutoffs"] == [2021] and one.by_cutoff["years_predicted"].iloc[0] == "2022–2024"
    bad = cli("burden", "validate", "--cutoff", "2024")
    assert bad.code == 2 and "valid cut-offs" in bad.err


def test_counterfactuals_have_ranges_and_say_what_they_are() -> None:
    from natosim.engines.burden import conditional_guarantee, us_exit, validate_spending_model

    used = validate_spending_model().summary["used_for_prediction"]
    leave = us_exit(draws=300)
    cond = conditional_guarantee(2.0, draws=300)
    for result in (leave, cond):
        low, high = result.summary["extra_spending_usd_bn_range"]
        assert low < result.summary["extra_spending_usd_bn"] < high
        assert result.summary["kind"] == ("estimate" if used else "illustration")
        assert (result.table["change_pp_low"] <= result.table["change_pp_high"]).all()
    assert leave.summary["mean_change_pp"] > cond.summary["mean_change_pp"] > 0
    # an ally well above 2 % keeps the guarantee: Poland moves only through its neighbours' spill-in
    table = cond.table.set_index("iso3")
    assert 0 < table.loc["POL", "change_pp"] < table.loc["BEL", "change_pp"]
    again = us_exit(draws=300)
    assert again.summary["extra_spending_usd_bn_range"] == leave.summary["extra_spending_usd_bn_range"]


def test_the_calibrated_game_fails_out_of_sample_as_the_docs_say() -> None:
    """docs/model/burden.md §6: calibrated on 2014, given 2015 GDPs, 26 of 27 allies spend nothing."""
    from natosim.engines.burden import equilibrium as eq
    from natosim.engines.burden.game import game_inputs

    base, later = game_inputs(2014), game_inputs(2015)
    common = [c for c in base.iso3 if c in later.iso3]
    beta = eq.calibrate(
        base.income[[base.iso3.index(c) for c in common]], base.spending[[base.iso3.index(c) for c in common]]
    )
    income = later.income[[later.iso3.index(c) for c in common]]
    spending = eq.nash(income, beta).d[0]
    observed = later.frame.set_index("iso3").loc[common, "defence_exp_pct_gdp"].to_numpy(float)
    before = base.frame.set_index("iso3").loc[common, "defence_exp_pct_gdp"].to_numpy(float)
    assert len(common) == 27 and int((spending <= 0).sum()) == 26
    assert round(float(np.abs(100 * spending / income - observed).mean()), 2) == 1.34
    assert round(float(np.abs(before - observed).mean()), 2) == 0.09
