"""Burden: the rank test, shares and the game give the library's numbers; sweeps are bounded."""

from __future__ import annotations

import math


def test_free_rider_test_matches_the_library(client) -> None:
    from natosim.engines.burden import free_rider_test

    body = client.get("/api/burden/test", params={"years": "2024"}).json()
    expected = free_rider_test(2024).years.iloc[0]
    row = body["years"][0]
    assert row["year"] == 2024 and row["n"] == int(expected["n"]) == 31
    assert math.isclose(row["rho"], float(expected["rho"]))
    assert {p["iso3"] for p in body["points"]} >= {"USA", "POL"}
    assert body["answer"]


def test_game_counterfactual(client) -> None:
    from natosim.engines.burden import exclusion_equilibrium

    body = client.get("/api/burden/game", params={"base_year": 2024, "threshold_pct": 2.0}).json()
    expected = exclusion_equilibrium(2024, threshold_pct=2.0)
    assert body["summary"]["moved_to_threshold"] == expected.summary["moved_to_threshold"]
    assert math.isclose(body["summary"]["q_predicted_usd_bn"], expected.summary["q_predicted_usd_bn"])
    assert len(body["table"]) == len(expected.table)


def test_game_without_gdp_is_refused_naming_the_field(client) -> None:
    response = client.get("/api/burden/game", params={"base_year": 2025})
    assert response.status_code == 422 and response.json()["field"] == "base_year"


def test_bad_years_name_the_parameter(client) -> None:
    response = client.get("/api/burden/test", params={"years": "soon"})
    assert response.status_code == 422 and response.json()["field"] == "years"


def test_sweep_is_bounded(client, settings) -> None:
    ok = client.get("/api/burden/game/sweep", params={"base_year": 2024, "threshold": [2.0, 3.5]}).json()
    assert [row["threshold_pct"] for row in ok["rows"]] == [2.0, 3.5]
    too_many = client.get(
        "/api/burden/game/sweep", params={"base_year": 2024, "threshold": [1, 2, 3], "private_share": [0.0, 0.1]}
    )
    assert settings.max_sweep == 4
    assert too_many.status_code == 422 and too_many.json()["field"] == "threshold"


def test_shares_and_leaving(client) -> None:
    shares = client.get("/api/burden/shares", params={"years": "2024"}).json()
    assert shares["by_year"][0]["year"] == 2024
    leaves = client.get("/api/burden/game/leaves", params={"base_year": 2024, "leaving": "USA"}).json()
    assert leaves["summary"]["allies_in_game"] == leaves["summary"]["allies"] - 1
