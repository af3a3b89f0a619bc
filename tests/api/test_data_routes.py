"""Allies, figures, sources: the API answers exactly what the library computes, missing stays null."""

from __future__ import annotations

import math

import natosim


def test_allies_lists_the_32_allies_with_iso_dates(client) -> None:
    body = client.get("/api/allies").json()
    assert body["count"] == 32 == len(natosim.allies())
    finland = next(row for row in body["rows"] if row["iso3"] == "FIN")
    assert finland["accession_date"] == "2023-04-04"


def test_one_ally_by_name_and_unknown_ally_is_404_naming_the_field(client) -> None:
    assert client.get("/api/allies/Poland").json()["iso3"] == "POL"
    response = client.get("/api/allies/Narnia")
    assert response.status_code == 404
    assert response.json()["field"] == "country"
    assert "Narnia" in response.json()["message"]


def test_figures_of_a_year_match_the_library(client) -> None:
    body = client.get("/api/figures", params={"year": 2024}).json()
    expected = natosim.figures(year=2024)
    assert body["count"] == len(expected) == 32
    by_code = {row["iso3"]: row for row in body["rows"]}
    poland = expected.set_index("iso3").loc["POL"]
    assert by_code["POL"]["defence_exp_pct_gdp"] == poland["defence_exp_pct_gdp"]
    assert by_code["POL"]["source"] == poland["source"]
    assert sum(1 for r in body["rows"] if (r["defence_exp_pct_gdp"] or 0) >= 2) == 18


def test_missing_figures_are_null_never_zero(client) -> None:
    body = client.get("/api/figures", params={"year": 2025, "country": ["Iceland", "DEU"]}).json()
    rows = {row["iso3"]: row for row in body["rows"]}
    assert set(rows) == {"ISL", "DEU"}
    assert rows["ISL"]["defence_exp_pct_gdp"] is None
    assert rows["DEU"]["defence_exp_pct_gdp"] is None  # NATO published no 2025 estimate for Germany


def test_pinned_edition_changes_the_answer_as_in_the_library(client) -> None:
    body = client.get("/api/figures", params={"year": 2024, "edition": "2024-06"}).json()
    assert sum(1 for r in body["rows"] if (r["defence_exp_pct_gdp"] or 0) >= 2) == 23
    assert {r["edition"] for r in body["rows"]} == {"2024-06"}


def test_members_only_drops_allies_before_accession(client) -> None:
    every = client.get("/api/figures", params={"year": 2022}).json()
    members = client.get("/api/figures", params={"year": 2022, "members_only": True}).json()
    assert every["count"] - members["count"] == 2  # Finland (2023) and Sweden (2024)
    assert {"FIN", "SWE"}.isdisjoint(r["iso3"] for r in members["rows"])


def test_bad_inputs_are_422_naming_the_field(client) -> None:
    cases = {
        "year": {"year": 1900},
        "country": {"country": "Atlantis"},
        "edition": {"edition": "1999-01"},
    }
    for field, params in cases.items():
        response = client.get("/api/figures", params=params)
        assert response.status_code == 422, field
        assert response.json()["field"] == field
    wrong_type = client.get("/api/figures", params={"year": "soon"})
    assert wrong_type.status_code == 422
    assert wrong_type.json()["field"] == "year"
    assert wrong_type.json()["error"] == "invalid_request"


def test_non_ally_country_is_refused(client) -> None:
    response = client.get("/api/figures", params={"country": "Russia"})
    assert response.status_code == 422
    assert "not in this table" in response.json()["message"]


def test_sources_editions_comparators_aggregates(client) -> None:
    sources = client.get("/api/sources").json()
    assert {row["id"] for row in sources["rows"]} == set(natosim.sources()["id"])
    assert client.get("/api/editions").json() == {
        "count": len(natosim.editions()),
        "rows": [{"edition": e} for e in natosim.editions()],
    }
    russia = client.get("/api/comparators", params={"country": "RUS", "year": 2024}).json()
    assert russia["count"] == 1
    expected = natosim.comparators(countries=["RUS"], year=2024)["milex_usd_current_mn"].iloc[0]
    assert math.isclose(russia["rows"][0]["milex_usd_current_mn"], expected)
    aggregates = client.get("/api/aggregates", params={"edition": "2024-06"}).json()
    assert aggregates["count"] > 0 and {r["edition"] for r in aggregates["rows"]} == {"2024-06"}
    assert client.get("/api/aggregates", params={"edition": "nope"}).status_code == 422
