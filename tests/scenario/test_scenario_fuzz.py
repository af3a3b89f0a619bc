"""Fuzzing the scenario parser: whatever the input, a ScenarioError (or a valid scenario), never a traceback."""

from __future__ import annotations

import contextlib
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natosim.errors import NatosimError
from natosim.scenario import ScenarioError, evaluate, library_dir, parse

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)),
    max_leaves=12,
)


def _parse_only_scenario_errors(text: str) -> None:
    try:
        parse(text, "fuzz.yaml")
    except ScenarioError as error:
        assert str(error).startswith("fuzz.yaml")


@SETTINGS
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    _parse_only_scenario_errors(text)


@SETTINGS
@given(st.text(alphabet=" \n:-[]{}&*!|>'\"#%@`,?abc0129", max_size=200))
def test_random_yaml_punctuation(text: str) -> None:
    _parse_only_scenario_errors(text)


def _base() -> dict[str, Any]:
    return dict(yaml.safe_load((library_dir() / "us-withdrawal-act-of-congress.yaml").read_text()))


KEYS = ["name", "description", "sources", "period", "baseline_year", "policies", "edition", "pledge", "extra"]
POLICY_KEYS = [
    "type",
    "country",
    "path",
    "notice_date",
    "assume_lawful",
    "guarantor",
    "min_pct_gdp",
    "protected",
    "providers",
    "target_pct_gdp",
    "by_year",
    "countries",
    "vetoes",
    "invited",
]


@SETTINGS
@given(st.sampled_from(KEYS), values)
def test_one_top_level_value_replaced(key: str, value: Any) -> None:
    data = _base()
    data[key] = value
    _parse_only_scenario_errors(yaml.safe_dump(data, allow_unicode=True))


@SETTINGS
@given(
    st.sampled_from(POLICY_KEYS),
    values,
    st.sampled_from(
        ["withdrawal", "conditional-guarantee", "accession", "security-guarantee", "spending-path", "pledge-change"]
    ),
)
def test_one_policy_value_replaced_then_evaluated(key: str, value: Any, kind: str) -> None:
    data = _base()
    policy = {
        "type": kind,
        "country": "USA",
        "guarantor": "USA",
        "min_pct_gdp": 2.0,
        "protected": "UKR",
        "providers": ["european-allies"],
        "target_pct_gdp": 3.0,
        "by_year": 2030,
        "notice_date": "2025-07-25",
        "pledge": "vilnius-2023",
    }
    fields = {
        "withdrawal": ["type", "country", "notice_date"],
        "conditional-guarantee": ["type", "guarantor", "min_pct_gdp"],
        "accession": ["type", "country"],
        "security-guarantee": ["type", "protected", "providers"],
        "spending-path": ["type", "target_pct_gdp", "by_year"],
        "pledge-change": ["type", "pledge", "target_pct_gdp"],
    }[kind]
    chosen = {k: policy[k] for k in fields}
    if kind == "accession":
        chosen["country"] = "UKR"
    chosen[key] = value
    data["policies"] = [chosen]
    try:
        scenario = parse(yaml.safe_dump(data, allow_unicode=True), "fuzz.yaml")
    except ScenarioError:
        return
    with contextlib.suppress(NatosimError):
        evaluate(scenario)
