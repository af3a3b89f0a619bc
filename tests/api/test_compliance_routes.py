"""Compliance with a pledge: the same counts as the library, missing figures as unknown."""

from __future__ import annotations


def test_compliance_matches_the_library(client) -> None:
    from natosim.metrics.compliance import compliance

    body = client.get("/api/compliance", params={"year": 2024, "pledge": "wales-2014", "edition": "2024-06"}).json()
    expected = compliance(2024, pledge="wales-2014", edition="2024-06")
    assert body["pledge"]["id"] == "wales-2014"
    assert body["summary"]["met"] == expected.summary["met"] == 23
    assert len(body["allies"]) == len(expected.table)
    iceland = next(row for row in body["allies"] if row["iso3"] == "ISL")
    assert iceland["met"] is None and iceland["value"] is None


def test_default_pledge_is_the_headline_in_force(client) -> None:
    body = client.get("/api/compliance", params={"year": 2024}).json()
    assert body["in_force"] is True
    assert body["pledge"]["target_pct_gdp"] == 2.0


def test_bad_pledge_and_year(client) -> None:
    response = client.get("/api/compliance", params={"year": 2024, "pledge": "nope"})
    assert response.status_code == 422 and response.json()["field"] == "pledge"
    response = client.get("/api/compliance", params={"year": 1960})
    assert response.status_code == 422 and response.json()["field"] == "year"
    assert client.get("/api/compliance").status_code == 422  # year is required
