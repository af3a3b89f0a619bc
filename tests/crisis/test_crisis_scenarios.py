"""Scenario link: baseline vs US withdrawal, on common random numbers, stored and listable."""

from __future__ import annotations

from natosim.engines.crisis import list_runs, run_crisis
from natosim.engines.crisis.scenario_link import scenario_crisis, scenario_state

DRAWS = 10_000


def test_conditional_guarantee_keeps_estonia_which_pays_over_2pct(tmp_path) -> None:
    """EST spent 3.4% of GDP in 2024, so the US keeps guaranteeing it: identical P(hold)."""
    out = scenario_crisis("us-conditional-guarantee-2pct", "EST", 2024, draws=DRAWS, seed=7, db=tmp_path / "r.db")
    assert out["guarantors_lost"] == [] and out["difference"] == 0.0
    assert out["p_hold_scenario"] == out["p_hold_baseline"]


def test_us_withdrawal_lowers_p_hold_for_estonia_and_runs_are_listed(tmp_path) -> None:
    """The Act-of-Congress withdrawal takes effect in 2026 (notice 2025 + 1 year, Art. 13)."""
    db = tmp_path / "runs.duckdb"
    out = scenario_crisis("us-withdrawal-act-of-congress", "EST", 2026, draws=DRAWS, seed=7, db=db)
    assert out["guarantors_lost"] == ["USA"]
    assert out["p_hold_scenario"] < out["p_hold_baseline"] and out["ci_high"] < 0
    runs = list_runs(db)
    assert set(out["run_ids"].values()) <= set(runs["run_id"])
    assert set(runs["scenario"]) >= {"baseline", "us-withdrawal-act-of-congress"}
    assert (runs["status"] == "done").all()


def test_an_unlawful_withdrawal_changes_nothing() -> None:
    """By executive notice alone the US cannot leave (FY2024 NDAA sec. 1250A): the guarantee stays."""
    state, _ = scenario_state("us-withdrawal-executive", 2026)
    assert "USA" in state.guarantors_of("EST")
    out = scenario_crisis("us-withdrawal-executive", "EST", 2026, draws=DRAWS, seed=7, store=False)
    assert out["difference"] == 0.0


def test_a_scenario_state_runs_through_run_crisis() -> None:
    state, label = scenario_state("us-withdrawal-act-of-congress", 2026)
    result = run_crisis("LTU", 2026, state, draws=DRAWS, seed=11, scenario=label)
    assert "USA" not in result.theatre.guarantors and result.scenario == label
    assert "USA" not in result.expected_troops_by_day
