"""Scenario link: baseline vs the US conditional guarantee vs US withdrawal, stored and listable."""

from __future__ import annotations

from natosim.engines.crisis import list_runs, run_crisis
from natosim.engines.crisis.scenario_link import scenario_crisis, scenario_state

DRAWS = 20_000


def test_conditional_guarantee_keeps_estonia_which_pays_over_2pct(tmp_path) -> None:
    """EST spent 3.4% of GDP in 2024, so the US row keeps it: the same seed gives the same P(hold)."""
    out = scenario_crisis("us-conditional-guarantee-2pct", "EST", 2024, draws=DRAWS, seed=7, db=tmp_path / "r.db")
    assert out["guarantors_lost"] == []
    assert out["p_hold_scenario"] == out["p_hold_baseline"]


def test_conditional_guarantee_lowers_p_hold_for_an_ally_below_2pct(tmp_path) -> None:
    import natosim

    pct = natosim.figures(year=2024).set_index("iso3").loc["BGR", "defence_exp_pct_gdp"]
    assert pct < 2.0
    out = scenario_crisis("us-conditional-guarantee-2pct", "BGR", 2024, draws=DRAWS, seed=7, db=tmp_path / "r.db")
    assert out["guarantors_lost"] == ["USA"]
    assert out["p_hold_scenario"] < out["p_hold_baseline"]


def test_us_withdrawal_lowers_p_hold_for_estonia_and_runs_are_listed(tmp_path) -> None:
    """The Act-of-Congress withdrawal takes effect in 2026 (notice 2025 + 1 year, Art. 13); its 2026
    state carries the 2024 figures, so its baseline is the 2024 alliance."""
    db = tmp_path / "runs.duckdb"
    out = scenario_crisis("us-withdrawal-act-of-congress", "EST", 2026, draws=DRAWS, seed=7, db=db)
    assert out["guarantors_lost"] == ["USA"]
    assert out["p_hold_scenario"] < out["p_hold_baseline"]
    base_2024 = run_crisis("EST", 2024, draws=DRAWS, seed=7, store=True, db=db)
    assert base_2024.p_hold == out["p_hold_baseline"]  # same alliance, same figures, same seed
    runs = list_runs(db)
    assert set(out["run_ids"].values()) | {base_2024.run_id} <= set(runs["run_id"])
    assert set(runs["scenario"]) >= {"baseline", "us-withdrawal-act-of-congress"}
    assert (runs["status"] == "done").all()


def test_an_unlawful_withdrawal_changes_nothing(tmp_path) -> None:
    """By executive notice alone the US cannot leave (FY2024 NDAA sec. 1250A): the guarantee stays."""
    state, _ = scenario_state("us-withdrawal-executive", 2026)
    assert "USA" in state.guarantors_of("EST")
    out = scenario_crisis("us-withdrawal-executive", "EST", 2026, draws=DRAWS, seed=7, store=False)
    assert out["difference"] == 0.0


def test_order_of_p_hold_baseline_conditional_withdrawal_for_estonia() -> None:
    """Baseline = conditional (EST ≥ 2%) > withdrawal, as the model implies (same seed, CRN)."""
    p = {}
    for name, year in (("us-conditional-guarantee-2pct", 2024), ("us-withdrawal-act-of-congress", 2026)):
        state, label = scenario_state(name, year)
        p[label] = run_crisis("EST", year, state, draws=DRAWS, seed=11).p_hold
    p["baseline"] = run_crisis("EST", 2024, draws=DRAWS, seed=11).p_hold
    assert p["baseline"] == p["us-conditional-guarantee-2pct"] > p["us-withdrawal-act-of-congress"]
