"""Claims: the checker's verdicts over HTTP; text length bounded."""

from __future__ import annotations

TEXT = "Poland spent 4.1% of GDP on defence in 2024, while Spain spent 2% of GDP in 2024."


def test_check_matches_the_library(client) -> None:
    import natosim

    body = client.post("/api/claims/check", json={"text": TEXT}).json()
    expected = natosim.check(TEXT).to_dict()
    assert len(body["claims"]) == len(expected["claims"]) >= 1
    assert [c["verdict"] for c in body["claims"]] == [c["verdict"] for c in expected["claims"]]


def test_text_is_bounded_and_required(client, settings) -> None:
    response = client.post("/api/claims/check", json={"text": "x" * (settings.max_text_chars + 1)})
    assert response.status_code == 422 and response.json()["field"] == "text"
    missing = client.post("/api/claims/check", json={})
    assert missing.status_code == 422 and missing.json()["field"] == "text"
