"""Every assumption is a named, validated parameter with a default and a stated source."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natosim.engines.crisis import PARAMETER_SOURCES, CrisisError, CrisisParams, make_grid, parse_param
from natosim.engines.crisis.run import chunk_sizes


def test_every_parameter_has_a_source_and_every_source_a_parameter() -> None:
    assert set(PARAMETER_SOURCES) == set(CrisisParams.model_fields)
    for name, (source, confidence) in PARAMETER_SOURCES.items():
        assert source and confidence, name


def test_defaults_are_the_documented_values() -> None:
    p = CrisisParams()
    assert p.reliability == 0.745  # Leeds, Long & Mitchell 2000 (reliability.yaml: estimate_pct 74.5)
    assert p.threshold == pytest.approx(1 / 3)
    assert (p.fall_after_min_hours, p.fall_after_max_hours) == (36.0, 60.0)  # RAND 2016
    assert p.deployable_share == 0.40  # NATO usability target, Istanbul 2004
    assert p.aggressor == "RUS" and p.capability == "spending" and p.money_basis == "constant"
    assert p.stationed[0].guarantor == "USA" and p.stationed[0].personnel_thousands == 100.0


def test_reliability_default_matches_the_shared_fact_file() -> None:
    from pathlib import Path

    import yaml

    facts = (
        yaml.safe_load(Path("/work/shared/data/reliability.yaml").read_text())
        if Path("/work/shared/data/reliability.yaml").exists()
        else None
    )
    if facts is None:
        pytest.skip("shared fact files not present on this machine")
    llm = next(e for e in facts["estimates"] if e["id"] == "leeds_long_mitchell_2000")
    assert CrisisParams().reliability == llm["estimate_pct"] / 100


@pytest.mark.parametrize(
    "values, field",
    [
        ({"reliability": 1.5}, "reliability"),
        ({"threshold": 0}, "threshold"),
        ({"fall_after_min_hours": 70, "fall_after_max_hours": 60}, "params"),
        ({"reliability_overrides": {"USA": 2}}, "reliability_overrides"),
        ({"capability": "tanks"}, "capability"),
    ],
)
def test_bad_values_are_one_clear_error(values: dict, field: str) -> None:
    with pytest.raises(CrisisError) as error:
        CrisisParams.build(values)
    assert "crisis parameter" in str(error.value)


def test_unknown_parameter_names_the_valid_ones() -> None:
    with pytest.raises(CrisisError, match="valid: aggressor, reliability"):
        CrisisParams.build({"reliabilty": 0.5})


def test_param_specs_parse_ranges_lists_and_fractions() -> None:
    assert parse_param("reliability=0.5:0.9:5") == ("reliability", [0.5, 0.6, 0.7, 0.8, 0.9])
    assert parse_param("threshold=1/4,1/3") == ("threshold", [0.25, 1 / 3])
    assert parse_param("capability=personnel") == ("capability", ["personnel"])
    grid = make_grid(["reliability=0.5,0.9", "threshold=0.25,0.5"])
    assert grid == [
        {"reliability": 0.5, "threshold": 0.25},
        {"reliability": 0.5, "threshold": 0.5},
        {"reliability": 0.9, "threshold": 0.25},
        {"reliability": 0.9, "threshold": 0.5},
    ]


def test_chunk_plan_covers_every_draw() -> None:
    assert chunk_sizes(20_000, 8192) == [8192, 8192, 3616]
    assert sum(chunk_sizes(1_000_003, 8192)) == 1_000_003
    with pytest.raises(CrisisError):
        chunk_sizes(0)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_param_parser_never_crashes(text: str) -> None:
    try:
        name, values = parse_param(text)
    except CrisisError:
        return
    assert name in CrisisParams.model_fields or name == "fall_after_hours"
    assert isinstance(values, list)
