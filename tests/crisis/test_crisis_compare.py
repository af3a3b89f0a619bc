"""`crisis compare`: two alliances on the same draws, the paired difference and its interval."""

from __future__ import annotations

import pytest

from natosim.engines.crisis import compare_crisis


def test_us_withdrawal_on_common_random_numbers() -> None:
    out = compare_crisis("baseline", "us-withdrawal-act-of-congress", "EST", 2027, draws=20_000, seed=3)
    s = out.summary
    assert s["guarantors_lost"] == ["USA"]
    assert s["ci_low"] <= s["difference"] <= s["ci_high"] and s["ci_high"] - s["ci_low"] > 0
    assert s["p_hold_scenario"] <= s["p_hold_base"]  # losing a guarantor never helps on the same draws
    assert s["difference"] == pytest.approx(s["p_hold_scenario"] - s["p_hold_base"], abs=1e-12)
    assert out.troops_scenario["10"] < out.troops_base["10"]
    assert any("2027 are held" in n or "held" in n for n in out.notes)


def test_a_withdrawal_not_yet_in_force_says_so() -> None:
    out = compare_crisis("baseline", "us-withdrawal-act-of-congress", "EST", 2025, draws=2_000, seed=3)
    assert out.guarantors_lost == [] and out.difference == 0.0 and out.ci_low == out.ci_high == 0.0
    assert any("not in force in 2025" in n for n in out.notes)
