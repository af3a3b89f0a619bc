"""Every error is JSON naming the field; bodies over the limit are 413; unknown paths are JSON 404."""

from __future__ import annotations

import pytest


def test_unknown_route_is_a_json_404(client) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


def test_wrong_method_is_a_json_405(client) -> None:
    response = client.post("/api/allies")
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"


def test_body_over_the_limit_is_refused_before_it_is_read(client, settings) -> None:
    response = client.post(
        "/api/scenarios/evaluate",
        content=b"x" * (settings.max_body_bytes + 1),
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json() == {"error": "body_too_large", "field": "body", "message": response.json()["message"]}
    assert str(settings.max_body_bytes) in response.json()["message"]


def test_streamed_body_over_the_limit_is_refused(client, settings) -> None:
    def chunks():  # no content-length: the limit must count bytes as they arrive
        for _ in range(settings.max_body_bytes // 1000 + 2):
            yield b"y" * 1000

    response = client.post("/api/scenarios/evaluate", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_malformed_json_is_422(client) -> None:
    response = client.post(
        "/api/scenarios/evaluate", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"] == "invalid_request"


def test_settings_come_from_the_environment(monkeypatch) -> None:
    from natosim.api import Settings

    monkeypatch.setenv("NATOSIM_API_MAX_DRAWS", "1234")
    monkeypatch.setenv("NATOSIM_API_MAX_SWEEP", "7")
    settings = Settings.from_env()
    assert (settings.max_draws, settings.max_sweep) == (1234, 7)
    monkeypatch.setenv("NATOSIM_API_MAX_DRAWS", "0")
    with pytest.raises(ValueError):
        Settings.from_env()


def test_capabilities_match_the_mounted_routes(client) -> None:
    capabilities = {c["name"]: c["available"] for c in client.get("/api/capabilities").json()["rows"]}
    paths = set(client.get("/api/openapi.json").json()["paths"])
    prefixes = {
        "rules": "/api/rules",
        "compliance": "/api/compliance",
        "procedures": "/api/procedures/",
        "scenarios": "/api/scenarios",
        "burden": "/api/burden/",
        "crisis": "/api/crisis/",
        "claims": "/api/claims/",
    }
    assert capabilities["data"] is True
    for name, prefix in prefixes.items():
        assert capabilities[name] == any(p.startswith(prefix) for p in paths), name


def test_a_capability_whose_extra_is_missing_mounts_no_route(monkeypatch, settings) -> None:
    from fastapi.testclient import TestClient

    from natosim.api import create_app
    from natosim.api.capabilities import Capability

    monkeypatch.setattr(Capability, "available", lambda self: self.name == "data")
    with TestClient(create_app(settings)) as client:
        assert client.get("/api/rules/pledges").status_code == 404
        assert client.get("/api/figures", params={"year": 2024}).status_code == 200
        page = client.get("/crisis").text
        assert "Not available here" in page and "natosim[crisis]" in page and "crisis.js" not in page


def test_openapi_documents_examples_and_errors(client) -> None:
    schema = client.get("/api/openapi.json").json()
    figures = schema["paths"]["/api/figures"]["get"]
    assert "example" in figures["responses"]["200"]["content"]["application/json"]
    assert "422" in figures["responses"]
    assert schema["components"]["schemas"]["ErrorBody"]["required"] == ["error", "message"]


def test_a_bug_is_still_a_json_answer_without_a_traceback(settings, monkeypatch) -> None:
    from fastapi.testclient import TestClient

    from natosim.api import create_app

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("natosim.api.routers.data.library_sources", broken)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        response = client.get("/api/sources")
    assert response.status_code == 500
    assert response.json()["error"] == "internal_error"
    assert "secret internals" not in response.text and "Traceback" not in response.text


def test_the_error_names_the_requests_own_field_not_the_librarys(client) -> None:
    answer = client.get("/api/burden/game", params={"base_year": 2024, "guarantor": "Narnia"})
    assert answer.status_code == 422
    assert answer.json()["field"] == "guarantor"
    assert "Narnia" in answer.json()["message"]


def test_a_body_that_is_not_json_blames_the_body(client) -> None:
    answer = client.post("/api/scenarios/evaluate", content=b"{not json", headers={"content-type": "application/json"})
    assert answer.status_code == 422
    assert answer.json()["field"] == "body"


def test_an_empty_country_is_422_naming_country_like_any_bad_country(client) -> None:
    for value in ("", "Narnia"):
        answer = client.get("/api/figures", params={"country": value})
        assert answer.status_code == 422, value
        assert answer.json()["field"] == "country", value


def test_an_unknown_scenario_is_404_wherever_it_is_named(client) -> None:
    answers = [
        client.get("/api/scenarios/no-such-scenario"),
        client.post("/api/scenarios/evaluate", json={"name": "no-such-scenario"}),
        client.get("/api/scenarios/diff", params={"a": "no-such-scenario"}),
    ]
    assert [a.status_code for a in answers] == [404, 404, 404]
    assert [a.json()["field"] for a in answers] == ["name", "name", "a"]


def test_long_inputs_are_not_echoed_back_whole(client) -> None:
    long = "X" * 5000
    for answer in (
        client.get("/api/figures", params={"country": long[:39] + "Y" * 39}),
        client.get(f"/api/allies/{long}"),
        client.post("/api/claims/check", json={"text": "x", long: 1}),
    ):
        assert 400 <= answer.status_code < 500
        assert len(answer.text) < 1500, answer.text[:200]
        assert long not in answer.text
    answer = client.get(f"/api/allies/{long}")
    assert "(5000 characters)" in answer.json()["message"]
