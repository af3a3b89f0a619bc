"""The OpenAPI examples are real answers: each example value equals what the API returns today."""

from __future__ import annotations

from typing import Any

import pytest


def example(schema: dict[str, Any], path: str, method: str = "get") -> dict[str, Any]:
    """The example of the JSON object a route answers with (every example here is an object)."""
    shown = schema["paths"][path][method]["responses"]["200"]["content"]["application/json"]["example"]
    assert isinstance(shown, dict), f"{method.upper()} {path}: the example is not a JSON object"
    return shown


def contains(actual: object, expected: object) -> bool:
    """Every key of ``expected`` is in ``actual`` with the same value (lists: item by item, prefix)."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(k in actual and contains(actual[k], v) for k, v in expected.items())
    if isinstance(expected, list) and expected and isinstance(expected[0], dict):
        return isinstance(actual, list) and all(any(contains(row, item) for row in actual) for item in expected)
    if isinstance(expected, float) and isinstance(actual, float):
        return abs(actual - expected) < 1e-9
    return actual == expected


def test_figures_example(client) -> None:
    schema = client.get("/api/openapi.json").json()
    row = example(schema, "/api/figures")["rows"][0]
    answer = client.get("/api/figures", params={"year": row["year"], "country": row["iso3"]}).json()
    assert contains(answer["rows"][0], row)


def test_pledge_example(client) -> None:
    schema = client.get("/api/openapi.json").json()
    pledge = example(schema, "/api/rules/pledges/{pledge}")
    assert contains(client.get(f"/api/rules/pledges/{pledge['id']}").json(), pledge)


def test_compliance_example(client) -> None:
    schema = client.get("/api/openapi.json").json()
    shown = example(schema, "/api/compliance")
    answer = client.get("/api/compliance", params={"year": shown["year"], "pledge": shown["pledge"]["id"]}).json()
    assert contains(answer, {k: v for k, v in shown.items() if k != "summary"})
    assert contains(answer["summary"], {k: v for k, v in shown["summary"].items() if k != "allies"})


def test_withdrawal_example(client) -> None:
    schema = client.get("/api/openapi.json").json()
    shown = dict(example(schema, "/api/procedures/withdrawal"))
    shown.pop("steps")
    params = {"country": shown["country"], "path": shown["path"]}
    answer = client.get("/api/procedures/withdrawal", params=params).json()
    assert contains(answer, shown)


def test_game_example(client) -> None:
    schema = client.get("/api/openapi.json").json()
    shown = example(schema, "/api/burden/game")
    answer = client.get("/api/burden/game", params={"base_year": 2024}).json()
    assert contains(answer["summary"], shown["summary"])
    row = shown["table"][0]
    actual = next(r for r in answer["table"] if r["iso3"] == row["iso3"])
    assert actual["observed_pct_gdp"] == row["observed_pct_gdp"]
    assert round(actual["predicted_pct_gdp"], 9) == row["predicted_pct_gdp"]
    assert actual["complies"] is row["complies"]


def test_posted_yaml_example_is_a_valid_scenario(client) -> None:
    from natosim.api.routers.scenarios import EXAMPLE_YAML

    response = client.post("/api/scenarios/evaluate", json={"yaml": EXAMPLE_YAML})
    assert response.status_code == 200, response.text
    assert response.json()["scenario"]["name"] == "us-guarantee-3-5pct-example"


def _resolve(schema: dict, node: dict) -> dict:
    while isinstance(node, dict) and "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def body_examples(schema: dict) -> list[tuple[str, str, object]]:
    """(method, path, example) for every example body in the schema (model and media-type examples)."""
    found = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            content = operation.get("requestBody", {}).get("content", {}).get("application/json")
            if not content:
                continue
            examples = list(_resolve(schema, content.get("schema", {})).get("examples", []))
            if "example" in content:
                examples.append(content["example"])
            examples += [item["value"] for item in content.get("examples", {}).values() if "value" in item]
            found += [(method, path, example) for example in examples]
    return found


def parameter_examples(schema: dict) -> list[tuple[str, dict]]:
    """(path, query) for every GET whose parameters all have examples: the examples together."""
    found = []
    for path, methods in schema["paths"].items():
        operation = methods.get("get")
        if not operation or not operation.get("parameters"):
            continue
        query: dict = {}
        filled = path
        for parameter in operation["parameters"]:
            examples = parameter.get("examples") or _resolve(schema, parameter.get("schema", {})).get("examples")
            if isinstance(examples, dict):
                examples = [item.get("value") for item in examples.values()]
            if not examples:
                if parameter.get("required"):
                    break
                continue
            value = examples[0]
            if parameter["in"] == "path":
                filled = filled.replace("{" + parameter["name"] + "}", str(value))
            else:
                query[parameter["name"]] = value
        else:
            found.append((filled, query))
    return found


@pytest.mark.usefixtures("writable_data_dir")  # the crisis examples store a run
def test_every_example_body_in_the_schema_is_accepted(client) -> None:
    schema = client.get("/api/openapi.json").json()
    examples = body_examples(schema)
    assert len(examples) >= 4  # scenarios (3) and claims (1) at least; crisis adds its own when installed
    for method, path, example in examples:
        answer = client.request(method.upper(), path, json=example)
        assert answer.status_code < 300, f"{method.upper()} {path} refuses its own example {example}: {answer.text}"


@pytest.mark.usefixtures("writable_data_dir")  # the crisis examples store a run
def test_every_parameter_example_in_the_schema_is_accepted(client) -> None:
    schema = client.get("/api/openapi.json").json()
    calls = parameter_examples(schema)
    assert len(calls) >= 5
    for path, query in calls:
        answer = client.get(path, params=query)
        assert answer.status_code == 200, f"GET {path} {query} refuses its own examples: {answer.text}"


def test_no_route_answers_a_bare_list(client) -> None:
    """Lists come as {count, rows} everywhere, so a client reads them all one way."""
    schema = client.get("/api/openapi.json").json()
    bare = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            ok = operation.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
            if _resolve(schema, ok.get("schema", {})).get("type") == "array":
                bare.append(f"{method.upper()} {path}")
    assert bare == []
