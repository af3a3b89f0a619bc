"""Scenarios: the library, one definition, evaluation of a bundled or posted scenario, diff."""

from __future__ import annotations

import json

CONDITIONAL = "us-conditional-guarantee-2pct"


def test_list_is_the_bundled_library(client) -> None:
    from natosim.scenario import library

    body = client.get("/api/scenarios").json()
    assert [row["name"] for row in body["rows"]] == library()
    assert all(row["title"] for row in body["rows"])


def test_show_one_scenario_with_its_yaml(client) -> None:
    body = client.get(f"/api/scenarios/{CONDITIONAL}").json()
    assert body["name"] == CONDITIONAL
    assert body["yaml"].lstrip().startswith(("name:", "#"))


def test_unknown_scenario_is_404_and_paths_are_never_read(client) -> None:
    for name in ("no-such-scenario", "..%2F..%2Fetc%2Fpasswd"):
        response = client.get(f"/api/scenarios/{name}")
        assert response.status_code == 404
    response = client.post("/api/scenarios/evaluate", json={"name": "/etc/passwd"})
    assert response.status_code == 404 and response.json()["field"] == "name"


def test_evaluate_bundled_matches_the_library(client) -> None:
    from natosim.scenario import evaluate

    body = client.post("/api/scenarios/evaluate", json={"name": CONDITIONAL, "tables": "all"}).json()
    expected = evaluate(CONDITIONAL).to_dict()
    assert body["years"] == expected["years"]
    for key in ("summary", "by_year", "diff", "allies", "coverage"):
        assert body[key] == json.loads(json.dumps(expected[key])), key
    headline = next(row for row in body["by_year"] if row["year"] == body["baseline_year"])
    assert headline["exposed_count"] == len(headline["exposed"])


def test_repeated_evaluation_is_served_from_the_cache(client, app) -> None:
    first = client.post("/api/scenarios/evaluate", json={"name": CONDITIONAL, "year": 2025})
    second = client.post("/api/scenarios/evaluate", json={"name": CONDITIONAL, "year": 2025})
    assert first.content == second.content
    assert app.state.scenario_cache.hits >= 1


def test_posted_yaml_is_evaluated_like_the_same_bundled_file(client) -> None:
    text = client.get(f"/api/scenarios/{CONDITIONAL}").json()["yaml"]
    posted = client.post("/api/scenarios/evaluate", json={"yaml": text, "year": 2025}).json()
    bundled = client.post("/api/scenarios/evaluate", json={"name": CONDITIONAL, "year": 2025}).json()
    assert posted["by_year"] == bundled["by_year"]


def test_posted_json_scenario(client) -> None:
    definition = client.get(f"/api/scenarios/{CONDITIONAL}").json()
    import yaml

    as_object = json.loads(json.dumps(yaml.safe_load(definition["yaml"]), default=str))  # dates as ISO text
    body = client.post("/api/scenarios/evaluate", json={"scenario": as_object, "year": 2025})
    assert body.status_code == 200
    assert body.json()["scenario"]["name"] == CONDITIONAL


def test_bad_posted_yaml_names_line_and_field(client) -> None:
    text = client.get(f"/api/scenarios/{CONDITIONAL}").json()["yaml"] + "\nbogus_field: 1\n"
    response = client.post("/api/scenarios/evaluate", json={"yaml": text})
    assert response.status_code == 422
    assert response.json()["field"].startswith("yaml")
    assert "bogus_field" in response.json()["message"]
    assert "<posted yaml>:" in response.json()["message"]
    broken = client.post("/api/scenarios/evaluate", json={"yaml": "name: [unclosed"})
    assert broken.status_code == 422 and broken.json()["field"] == "yaml"


def test_exactly_one_source_of_scenario(client) -> None:
    for body in ({}, {"name": CONDITIONAL, "yaml": "x: 1"}):
        response = client.post("/api/scenarios/evaluate", json=body)
        assert response.status_code == 422
        assert "exactly one" in response.json()["message"]
    extra = client.post("/api/scenarios/evaluate", json={"name": CONDITIONAL, "colour": "red"})
    assert extra.status_code == 422 and extra.json()["field"] == "colour"


def test_diff_against_baseline_and_between_scenarios(client) -> None:
    from natosim.scenario import evaluate

    alone = client.get("/api/scenarios/diff", params={"a": CONDITIONAL, "year": 2025}).json()
    expected = evaluate(CONDITIONAL, year=2025).diff()
    assert alone["count"] == len(expected)
    assert {"baseline", "scenario", "change"} <= set(alone["rows"][0])
    pair = client.get(
        "/api/scenarios/diff", params={"a": CONDITIONAL, "b": "us-withdrawal-executive", "year": 2025}
    ).json()
    assert pair["count"] == len(expected)
    bad = client.get("/api/scenarios/diff", params={"a": CONDITIONAL, "b": "nope"})
    assert bad.status_code == 404 and bad.json()["field"] == "b"


def test_detail_tables_only_when_asked(client) -> None:
    headline = client.post("/api/scenarios/evaluate", json={"name": CONDITIONAL, "year": 2025}).json()
    assert {"summary", "diff", "notes"} <= set(headline)
    assert "allies" not in headline and "coverage" not in headline
    with_map = client.post(
        "/api/scenarios/evaluate", json={"name": CONDITIONAL, "year": 2025, "tables": ["allies"]}
    ).json()
    assert "allies" in with_map and "coverage" not in with_map
    assert {row["year"] for row in with_map["allies"]} == {2025}
    everything = client.post(
        "/api/scenarios/evaluate", json={"name": CONDITIONAL, "year": 2025, "tables": "all"}
    ).json()
    from natosim.scenario import evaluate

    assert set(evaluate(CONDITIONAL, year=2025).tables) <= set(everything)
    assert {"allies", "coverage"} <= set(everything)
    bad = client.post("/api/scenarios/evaluate", json={"name": CONDITIONAL, "tables": ["secrets"]})
    assert bad.status_code == 422 and bad.json()["field"].startswith("tables")
