"""The 'done when' list of issue 5, each checked against values computed from the data."""

from __future__ import annotations

import pytest
from scenario_support import below, members_figures

import natosim


@pytest.mark.parametrize("year", [2024, 2014])
def test_conditional_guarantee_lists_the_allies_below_2pct_as_exposed(cli, year: int) -> None:
    r = cli("scenario", "run", "us-conditional-guarantee-2pct", "--year", str(year), "--format", "json")
    assert r.code == 0, r.err
    data = r.json()
    (row,) = data["by_year"]
    expected = below(year, 2.0)
    assert row["year"] == year
    assert sorted(row["exposed"]) == expected
    assert row["exposed_count"] == len(expected)
    figures = members_figures(year).loc[expected]
    assert row["population_exposed_thousands"] == pytest.approx(figures["population_thousands"].sum())
    assert row["gdp_exposed_bn"] == pytest.approx(figures["gdp_usd_current_bn"].sum())
    # the guarantee matrix of the year: the US defends none of them
    allies = {a["iso3"]: a for a in data["allies"]}
    for iso3 in expected:
        assert allies[iso3]["lost_guarantors"] == "USA" and allies[iso3]["exposed"] is True


def test_2024_and_2014_differ_as_the_data_do() -> None:
    assert below(2014, 2.0) != below(2024, 2.0)
    assert len(below(2014, 2.0)) > len(below(2024, 2.0))


def test_act_of_congress_withdrawal_shows_the_us_gone_and_the_money_left(cli) -> None:
    r = cli("scenario", "run", "us-withdrawal-act-of-congress", "--format", "json")
    assert r.code == 0, r.err
    data = r.json()
    (procedure,) = data["procedures"]
    assert procedure["lawful"] is True and procedure["effective_date"] == "2026-07-25"
    rows = {row["year"]: row for row in data["by_year"]}
    assert rows[2025]["members"] == 32 and rows[2025]["left"] == []
    for year in (2026, 2027, 2028):
        assert rows[year]["left"] == ["USA"] and rows[year]["members"] == 31
    # 2026 carries the 2024 figures (flagged): the other members' total and its ratio to Russia's
    data_2024 = members_figures(2024)
    others = data_2024.drop(index="USA")["defence_exp_usd_current_mn"].sum()
    russia = natosim.comparators(countries=["RUS"], year=2024)["milex_usd_current_mn"].iloc[0]
    row = rows[2026]
    assert row["figures_year"] == 2024
    assert row["total_spending_usd_mn"] == pytest.approx(others)
    assert row["ratio_vs_russia"] == pytest.approx(others / russia)
    assert row["russia_source"] == "sipri-2025"
    total = data_2024["defence_exp_usd_current_mn"].sum()
    assert row["share_of_baseline_total_pct"] == pytest.approx(others / total * 100)
    assert any("definitions differ" in note for note in data["notes"])


def test_executive_withdrawal_is_reported_unlawful_and_changes_nothing(cli) -> None:
    data = cli("scenario", "run", "us-withdrawal-executive", "--format", "json").json()
    assert data["procedures"][0]["lawful"] is False
    assert all(row["left"] == [] and row["members"] == 32 for row in data["by_year"])


def test_explain_names_the_rows_and_source_ids_of_the_uncovered_population(cli) -> None:
    r = cli("scenario", "run", "us-conditional-guarantee-2pct", "--year", "2024", "--explain")
    assert r.code == 0, r.err
    block = r.out.split("population_exposed:")[1].split("\n\n")[0]
    for iso3 in below(2024, 2.0):
        value = members_figures(2024).loc[iso3, "population_thousands"]
        assert (
            f"{iso3} 2024 population_thousands={value:,.6g}" in block
            or f"{iso3} 2024 population_thousands={value:,.1f}" in block
        )
    assert "source nato-2024-06, edition 2024-06" in block
    assert "conditional-guarantee(guarantor=USA, min_pct_gdp=2.0" in block

    data = cli(
        "scenario", "run", "us-conditional-guarantee-2pct", "--year", "2024", "--format", "json", "--explain"
    ).json()
    rows = data["explain"]["population_exposed"]["rows"]
    assert sorted(r["iso3"] for r in rows) == below(2024, 2.0)
    assert {r["source"] for r in rows} == {"nato-2024-06"}
    assert sum(r["value"] for r in rows) == pytest.approx(data["by_year"][0]["population_exposed_thousands"])
    sources = data["explain"]["population_exposed"]["sources"]
    assert sources[0]["id"] == "nato-2024-06" and sources[0]["publisher"] == "NATO"


@pytest.mark.parametrize(
    ("text", "line", "field", "allowed"),
    [
        (
            "  - type: conditional-guarantees\n    guarantor: USA\n    min_pct_gdp: 2\n",
            10,
            "policies.0.type",
            "allowed: conditional-guarantee, withdrawal",
        ),
        (
            "  - type: conditional-guarantee\n    guarantor: USA\n",
            10,
            "policies.0.min_pct_gdp",
            "missing field 'min_pct_gdp'",
        ),
        (
            "  - type: conditional-guarantee\n    guarantor: USA\n    min_pct_gdp: two\n",
            12,
            "policies.0.min_pct_gdp",
            "valid number",
        ),
        (
            "  - type: withdrawal\n    country: USA\n    notice_date: 2025-07-25\n    path: impeachment\n",
            13,
            "policies.0.path",
            "'executive', 'senate', 'act-of-congress' or 'national'",
        ),
        (
            "  - type: conditional-guarantee\n    guarantor: USA\n    min_pct_gdp: 2\n    threshold: 3\n",
            13,
            "policies.0.threshold",
            "allowed fields: required: guarantor, min_pct_gdp",
        ),
    ],
)
def test_bad_scenario_files_name_file_line_and_field(tmp_path, cli, text, line, field, allowed) -> None:
    head = (
        "name: bad\ndescription: a test\nsources:\n  - title: t\n    url: https://example.org\n"
        "    date: 2024-02-10\nperiod: [2024, 2024]\nbaseline_year: 2024\npolicies:\n"
    )
    path = tmp_path / "bad.yaml"
    path.write_text(head + text)
    r = cli("scenario", "run", str(path))
    assert r.code == 2
    assert r.out == ""
    message = r.err.strip()
    assert message.startswith(f"error: {path}:{line}: {field}: "), message
    assert allowed in message
    assert "Traceback" not in r.err


def test_a_policy_that_cannot_apply_names_its_line(tmp_path, cli) -> None:
    path = tmp_path / "ukraine-leaves.yaml"
    path.write_text(
        "name: ukraine-leaves\ndescription: a test\nsources:\n  - title: t\n    url: https://example.org\n"
        "    date: 2024-02-10\nperiod: [2024, 2026]\nbaseline_year: 2024\npolicies:\n"
        "  - type: withdrawal\n    country: Ukraine\n    notice_date: 2025-01-01\n"
    )
    r = cli("scenario", "run", str(path))
    assert r.code == 2
    assert r.err.startswith(f"error: {path}:10: policies.0.country (withdrawal): ")
    assert "Ukraine (UKR) is not a NATO ally" in r.err or "not an ally" in r.err


def test_years_outside_the_data_are_placed_on_their_line(tmp_path, cli) -> None:
    path = tmp_path / "late.yaml"
    path.write_text(
        "name: late\ndescription: x\nsources: [{title: t, url: https://e.org, date: 2024-01-01}]\n"
        "period: [2014, 2024]\nbaseline_year: 2030\n"
        "policies: [{type: conditional-guarantee, guarantor: USA, min_pct_gdp: 2}]\n"
    )
    r = cli("scenario", "run", str(path))
    assert r.code == 2
    assert r.err.startswith(f"error: {path}:5: baseline_year: baseline_year 2030 has no figures; allowed: 2014–2025")
