"""Accession, withdrawal, Article 5: steps with rules and sources, bad input named."""

from __future__ import annotations


def test_us_executive_withdrawal_is_not_lawful_but_the_senate_path_is(client) -> None:
    executive = client.get(
        "/api/procedures/withdrawal", params={"country": "USA", "path": "executive", "notice_date": "2026-03-01"}
    ).json()
    assert executive["lawful"] is False
    assert executive["lawful_paths"] == ["senate", "act-of-congress"]
    senate = client.get(
        "/api/procedures/withdrawal", params={"country": "United States", "path": "senate", "notice_date": "2026-03-01"}
    ).json()
    assert senate["lawful"] is True
    assert senate["effective_date"] == "2027-03-01"  # Art. 13: one year after notice
    assert all(step["source"] for step in senate["steps"])


def test_accession_blocked_by_a_veto(client) -> None:
    body = client.get("/api/procedures/accession", params={"country": "Ukraine", "veto": ["HUN"]}).json()
    assert body["completes"] is False
    assert body["blocked_by"] == ["HUN"]
    assert "HUN" in body["veto_players"]


def test_article5_for_an_ally(client) -> None:
    body = client.get("/api/procedures/article5", params={"target": "Estonia", "date": "2025-01-01"}).json()
    assert body["covered"] is True
    assert "EST" not in body["bound"] and "USA" in body["bound"]


def test_bad_inputs_name_their_field(client) -> None:
    bad_path = client.get("/api/procedures/withdrawal", params={"country": "USA", "path": "tweet"})
    assert bad_path.status_code == 422 and bad_path.json()["field"] == "path"
    already = client.get("/api/procedures/accession", params={"country": "Poland"})
    assert already.status_code == 422 and already.json()["field"] == "country"
    unknown = client.get("/api/procedures/article5", params={"target": "Atlantis"})
    assert unknown.status_code == 422
    missing = client.get("/api/procedures/withdrawal")
    assert missing.status_code == 422 and missing.json()["field"] == "country"
