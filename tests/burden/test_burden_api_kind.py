"""Every burden route says whether its result is an estimate (with intervals) or an illustration."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from fastapi.testclient import TestClient

    from natosim.api import Settings, create_app

    with TestClient(create_app(Settings(max_sweep=4, crisis_workers=1))) as test_client:
        yield test_client


@pytest.mark.parametrize(
    ("path", "params", "kind"),
    [
        ("/api/burden/test", {"years": "2014"}, "estimate"),
        ("/api/burden/benefits", {"years": "2024"}, "estimate"),
        ("/api/burden/shares", {"years": "2024"}, "estimate"),
        ("/api/burden/model", {}, "estimate"),
        ("/api/burden/validate", {"cutoff": 2021}, "estimate"),
        ("/api/burden/replace-us", {}, "estimate"),
        ("/api/burden/game", {"base_year": 2024}, "illustration"),
        ("/api/burden/game/baseline", {"base_year": 2024}, "illustration"),
        ("/api/burden/game/leaves", {"base_year": 2024, "leaving": "USA"}, "illustration"),
    ],
)
def test_kind_field(client, path: str, params: dict, kind: str) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.json()["kind"] == kind


def test_counterfactual_kind_follows_the_validation(client) -> None:
    used = client.get("/api/burden/validate").json()["used_for_prediction"]
    body = client.get("/api/burden/counterfactual", params={"scenario": "us_exit", "horizon": 2}).json()
    assert body["kind"] == ("estimate" if used else "illustration")
    low, high = body["summary"]["extra_spending_usd_bn_range"]
    assert low < body["summary"]["extra_spending_usd_bn"] < high


def test_replace_us_numbers_and_bad_input(client) -> None:
    body = client.get("/api/burden/replace-us").json()
    assert 175 <= body["additional_eur_bn_per_year"] <= 325 and body["additional_usd_bn_per_year"] > 0
    bad = client.get("/api/burden/replace-us", params={"assumptions": "/etc/passwd"})
    assert bad.status_code == 422 and "bruegel_kiel_2025" in bad.text
    wrong = client.get("/api/burden/counterfactual", params={"scenario": "nope"})
    assert wrong.status_code == 422
