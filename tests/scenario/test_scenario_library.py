"""The bundled scenarios: the same files at the repo root and in the package, each sourced and runnable."""

from __future__ import annotations

from pathlib import Path

import pytest

from natosim.scenario import evaluate, library, library_dir, load_scenario, summaries

ROOT = Path(__file__).resolve().parents[2] / "scenarios"
EXPECTED = {
    "us-conditional-guarantee-2pct",
    "us-conditional-guarantee-hague",
    "us-withdrawal-executive",
    "us-withdrawal-act-of-congress",
    "hague-5pct-by-2035",
    "ukraine-accession",
    "ukraine-accession-vetoed",
    "ukraine-european-guarantee-no-us-troops",
}


def test_the_library_holds_the_issue_scenarios() -> None:
    assert set(library()) == EXPECTED


def test_root_copies_are_identical_to_the_package_data() -> None:
    root = {p.name: p.read_bytes() for p in ROOT.glob("*.yaml")}
    bundled = {p.name: p.read_bytes() for p in library_dir().glob("*.yaml")}
    assert root == bundled


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_scenario_is_sourced_and_named_after_its_file(name: str) -> None:
    scenario = load_scenario(name)
    assert scenario.name == name
    assert scenario.sources and all(s.url.startswith("http") and s.date for s in scenario.sources)
    assert scenario.confidence in {"high", "medium", "low"}
    result = evaluate(scenario)
    assert list(result.years) == scenario.years()


def test_a_file_path_works_as_well_as_a_name() -> None:
    by_path, by_name = load_scenario(ROOT / "ukraine-accession.yaml"), load_scenario("ukraine-accession")
    assert by_path.model_dump() == by_name.model_dump()
    assert by_path.path == str(ROOT / "ukraine-accession.yaml")


def test_hague_path_totals_are_the_sum_of_the_allies_paths() -> None:
    result = evaluate("hague-5pct-by-2035")
    paths = result.paths
    final = paths[paths["year"] == 2035]
    assert (final.dropna(subset=["pct_gdp"])["pct_gdp"] >= 5.0 - 1e-9).all()
    row = result.by_year.set_index("year").loc[2035]
    assert row["total_spending_usd_mn"] == pytest.approx(final["spending_usd_mn"].sum())
    assert row["projected"]
    explained = result.explain("extra_spending", year=2035)
    assert explained.values[2035] == pytest.approx(final["extra_usd_mn"].sum())
    assert "linear path" in " ".join(explained.notes)


def test_ukraine_guarantee_has_no_us_and_no_hungarian_provider() -> None:
    result = evaluate("ukraine-european-guarantee-no-us-troops")
    guarantees = result.guarantees
    assert set(guarantees["protected"]) == {"UKR"}
    assert {"USA", "HUN"}.isdisjoint(guarantees["guarantor"])
    assert "CAN" in set(guarantees["guarantor"]) and guarantees["troops"].all()
    assert set(guarantees["basis"]) == {"security-guarantee"}
    assert (result.by_year["members"] == 32).all()


def test_accession_scenarios_differ_only_by_the_veto() -> None:
    joined, vetoed = evaluate("ukraine-accession"), evaluate("ukraine-accession-vetoed")
    assert joined.by_year["joined"].map(len).max() == 1
    assert vetoed.by_year["joined"].map(len).max() == 0
    assert vetoed.procedures.iloc[0]["blocked_by"] == ["USA"]
    diff = joined.diff(vetoed)
    members = diff[diff["metric"] == "members"]
    assert set(members["change"]) <= {0.0, -1.0} and (members["change"] == -1.0).any()


def test_summaries_speak_of_every_scenario() -> None:
    text = summaries()
    for name in EXPECTED:
        assert f"[{name};" in text
    assert "NOT lawful" in text and "effective 2026-07-25" in text
