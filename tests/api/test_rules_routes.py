"""Rules at a date, pledges, treaty, invocations, national law, ratifications, aspirants."""

from __future__ import annotations


def test_pledges_in_force_depend_on_the_date(client) -> None:
    before = {p["id"] for p in client.get("/api/rules", params={"date": "2024-12-31"}).json()["pledges"]}
    after = {p["id"] for p in client.get("/api/rules", params={"date": "2025-07-01"}).json()["pledges"]}
    assert "hague-2025-total" not in before
    assert "hague-2025-total" in after
    import natosim.rules as rules

    assert after == {p.id for p in rules.at("2025-07-01").pledges}


def test_rules_without_a_date_answer_for_today(client) -> None:
    import datetime as dt

    assert client.get("/api/rules").json()["date"] == dt.date.today().isoformat()


def test_bad_date_is_422_naming_the_field(client) -> None:
    response = client.get("/api/rules", params={"date": "2025-13-01"})
    assert response.status_code == 422
    assert response.json()["field"] == "date"
    assert "month" in response.json()["message"]


def test_pledges_and_one_pledge(client) -> None:
    import natosim.rules as rules

    ids = [p["id"] for p in client.get("/api/rules/pledges").json()["rows"]]
    assert ids == [p.id for p in rules.pledges()]
    hague = client.get("/api/rules/pledges/hague-2025-total").json()
    assert hague["target_pct_gdp"] == 5.0
    assert hague["adopted"] == "2025-06-25"


def test_unknown_pledge_in_the_path_is_404_listing_valid_ids(client) -> None:
    response = client.get("/api/rules/pledges/wales-2041")
    assert response.status_code == 404
    assert response.json()["field"] == "pledge"
    assert "wales-2014" in response.json()["message"]


def test_treaty_invocations_law_ratifications_aspirants(client) -> None:
    treaty = client.get("/api/rules/treaty").json()
    assert treaty["signed"] == "1949-04-04"
    assert set(treaty["articles"]) == {str(n) for n in range(1, 15)}
    invocations = client.get("/api/rules/invocations").json()
    assert [i["date"] for i in invocations["article_5"]] == ["2001-09-12"]
    law = client.get("/api/rules/us-withdrawal-law").json()
    assert law["senate_fraction"] == "2/3"
    assert law["enacted"] == "2023-12-22"
    ratifications = client.get("/api/rules/ratifications").json()
    assert ratifications["count"] > 0 and "days_elapsed" in ratifications["rows"][0]
    aspirants = {row["iso3"] for row in client.get("/api/rules/aspirants").json()["rows"]}
    assert {"UKR", "GEO", "BIH"} <= aspirants
