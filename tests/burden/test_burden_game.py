"""The spending game on NATO's data: calibration, counterfactuals, errors, and the sweep."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import natosim
from natosim.engines.burden import (
    baseline_game,
    exclusion_equilibrium,
    exclusion_sweep,
    game_inputs,
    guarantor_leaves,
)
from natosim.engines.burden import equilibrium as eq


@pytest.mark.parametrize("year", range(2014, 2025))
def test_calibration_reproduces_the_base_year(year: int) -> None:
    for share in (0.0, 0.3, 0.9):
        result = baseline_game(year, private_share=share)
        table = result.table
        relative = np.abs(table["predicted_spending_usd_bn"] / table["observed_spending_usd_bn"] - 1)
        assert relative.max() < 1e-6
        assert result.summary["calibration_max_relative_error"] < 1e-6
    # the inputs are NATO's figures of one edition, members of the year with a figure
    frame = natosim.figures(year=year, edition="2024-06", members_only=True).dropna(subset=["defence_exp_pct_gdp"])
    assert list(table["iso3"]) == list(frame["iso3"])
    np.testing.assert_allclose(table["observed_pct_gdp"], frame["defence_exp_pct_gdp"])
    np.testing.assert_allclose(
        table["observed_spending_usd_bn"], frame["defence_exp_pct_gdp"] / 100 * frame["gdp_usd_current_bn"]
    )


def test_newton_matches_the_closed_form_on_real_data() -> None:
    inputs = game_inputs(2024)
    for share in (0.0, 0.5):
        beta = eq.calibrate(inputs.income, inputs.spending, share)
        a, c = eq.coefficients(inputs.income, beta, share)
        np.testing.assert_allclose(eq.solve(a, c).d, eq.nash_closed_form(a, c), rtol=1e-10)


def test_exclusion_at_2pct_in_2014_moves_every_ally_below_2pct_to_exactly_2pct() -> None:
    """With the Nash-calibrated preferences no ally keeps free-riding at 2 % (docs/model/burden.md §6)."""
    result = exclusion_equilibrium(2014, "USA", 2.0)
    table = result.table.set_index("iso3")
    below = table[table["observed_pct_gdp"] < 2.0]
    assert len(below) == 24
    assert result.summary["converged"]
    np.testing.assert_allclose(below["predicted_pct_gdp"], 2.0, rtol=1e-9)
    assert sorted(result.summary["moved_to_threshold"]) == sorted(below.index)
    assert result.summary["below_threshold"] == []
    # allies already above 2 % cut back towards it, and the guarantor cuts most (crowding out)
    assert table.loc["GBR", "predicted_pct_gdp"] == pytest.approx(2.0)
    assert table.loc["USA", "predicted_pct_gdp"] < table.loc["USA", "observed_pct_gdp"]
    assert result.summary["q_change_pct"] > 0


def test_exclusion_at_a_high_threshold_leaves_the_biggest_economies_free_riding() -> None:
    """At 10 % of GDP (2014 data) small allies comply and move to exactly 10 %; the largest keep out."""
    result = exclusion_equilibrium(2014, "USA", 10.0)
    assert result.summary["converged"]
    table = result.table.set_index("iso3")
    out = table[table["free_rides"]]
    moved = table[table["moved_to_threshold"]]
    assert len(out) >= 1 and len(moved) >= 1
    np.testing.assert_allclose(moved["predicted_pct_gdp"], 10.0, rtol=1e-9)
    assert (out["predicted_pct_gdp"] < 10.0).all()
    others = table.drop(index="USA").sort_values("gdp_usd_bn", ascending=False)
    assert set(out.index) == set(others.index[: len(out)])  # exactly the k largest economies stay out


def test_guarantor_leaving_raises_everyone_elses_spending_but_lowers_the_total() -> None:
    result = guarantor_leaves(2024, ["USA"])
    table = result.table.set_index("iso3")
    assert np.isnan(table.loc["USA", "predicted_spending_usd_bn"]) and not table.loc["USA", "in_game"]
    rest = table.drop(index="USA")
    assert (rest["predicted_spending_usd_bn"] > rest["observed_spending_usd_bn"]).all()
    assert result.summary["q_change_usd_bn"] < 0 < result.summary["q_remaining_change_usd_bn"]
    # the remaining allies' equilibrium is the closed form on their own
    inputs = game_inputs(2024)
    keep = np.array(inputs.iso3) != "USA"
    beta = eq.calibrate(inputs.income, inputs.spending)[:, keep]
    a, c = eq.coefficients(inputs.income[keep], beta)
    np.testing.assert_allclose(rest["predicted_spending_usd_bn"], eq.nash_closed_form(a, c)[0], rtol=1e-10)


def test_private_share_weakens_the_response_to_the_guarantor_leaving() -> None:
    public = guarantor_leaves(2024, ["USA"], private_share=0.0).summary["q_remaining_change_usd_bn"]
    joint = guarantor_leaves(2024, ["USA"], private_share=0.5).summary["q_remaining_change_usd_bn"]
    assert 0 < joint < public


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: exclusion_equilibrium(2014, "Narnia"), "unknown country"),
        (lambda: exclusion_equilibrium(2014, "FIN"), "not a member in 2014"),
        (lambda: exclusion_equilibrium(2024, "ISL"), "no armed forces"),
        (lambda: exclusion_equilibrium(2024, edition="2025-08"), "has no GDP"),
        (lambda: exclusion_equilibrium(2025), "no edition has GDP for 2025"),
        (lambda: exclusion_equilibrium(2024, threshold_pct=120), "outside 0–100"),
        (lambda: baseline_game(2024, private_share=1.5), "outside 0–1"),
        (lambda: guarantor_leaves(2024, []), "at least one"),
        (lambda: exclusion_sweep(2024, [2.0, 3.0], [0.1]), "paired"),
    ],
)
def test_bad_requests_are_clear_errors(call, fragment: str) -> None:
    with pytest.raises(natosim.errors.NatosimError) as caught:
        call()
    assert fragment in str(caught.value)


def test_sweep_rows_equal_single_games() -> None:
    thresholds = np.array([2.0, 3.5, 10.0, 2.0])
    shares = np.array([0.0, 0.3, 0.0, 0.9])
    table = exclusion_sweep(2014, thresholds, shares)
    assert len(table) == 4
    for row in table.itertuples():
        single = exclusion_equilibrium(2014, "USA", row.threshold_pct, row.private_share)
        assert row.q_predicted_usd_bn == pytest.approx(single.summary["q_predicted_usd_bn"], rel=1e-12)
        assert row.complying == len(single.summary["complying"]) - 1
        assert row.converged == single.summary["converged"]


def test_game_is_deterministic() -> None:
    first = exclusion_equilibrium(2019, "USA", 3.5, 0.3).table
    second = exclusion_equilibrium(2019, "USA", 3.5, 0.3).table
    assert first.equals(second)


def test_cli_game(cli, tmp_path: Path) -> None:
    result = cli("burden", "game", "--base-year", "2014", "--exclusion", "USA:2.0", "--format", "json")
    assert result.code == 0, result.err
    payload = result.json()
    assert payload["summary"]["guarantor"] == "USA" and payload["summary"]["threshold_pct"] == 2.0
    rows = {row["iso3"]: row for row in payload["table"]}
    assert rows["DEU"]["predicted_pct_gdp"] == pytest.approx(2.0)
    without = cli(
        "burden",
        "game",
        "--base-year",
        "2024",
        "--without",
        "United States",
        "--private-share",
        "0.3",
        "--format",
        "json",
    ).json()
    assert without["summary"]["leaving"] == ["USA"] and without["summary"]["private_share"] == 0.3
    plot = tmp_path / "game.png"
    assert cli("burden", "game", "--exclusion", "USA:3.5", "--plot", str(plot)).code == 0
    assert plot.read_bytes().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("--exclusion", "USA:two"), "not a number"),
        (("--exclusion", ":2"), "GUARANTOR:THRESHOLD"),
        (("--exclusion", "Atlantis:2"), "unknown country"),
        (("--without", "USA", "--exclusion", "USA:2"), "choose one"),
        (("--private-share", "-0.1"), "outside 0–1"),
        (("--base-year", "2030"), "no edition has GDP"),
        (("--plot", "chart.jpg"), ".png or .svg"),
    ],
)
def test_cli_game_bad_input_exit_2(cli, args: tuple[str, ...], fragment: str) -> None:
    result = cli("burden", "game", *args)
    assert result.code == 2
    assert fragment in result.err and "Traceback" not in result.err


def test_svg_chart_is_reproducible_byte_for_byte(cli, tmp_path: Path) -> None:
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    for target in (first, second):
        assert cli("burden", "game", "--base-year", "2014", "--exclusion", "USA:2", "--plot", str(target)).code == 0
    assert first.read_bytes() == second.read_bytes()
    assert b"<svg" in first.read_bytes()[:2000]
