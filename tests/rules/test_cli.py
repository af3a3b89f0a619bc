"""The CLI commands of issue 4, run through the real entry point (exit codes, JSON contract)."""

from __future__ import annotations

import pytest


def test_compliance_json_all_32_allies_18_meet_2pct(cli) -> None:
    result = cli("compliance", "--year", "2024", "--pledge", "wales-2014", "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    allies = data["allies"]
    assert len(allies) == 32 and len({row["iso3"] for row in allies}) == 32
    assert sum(1 for row in allies if row["met"] is True) == 18 == data["summary"]["met"]
    iceland = next(row for row in allies if row["iso3"] == "ISL")
    assert iceland["met"] is None and iceland["value"] is None
    assert data["pledge"]["id"] == "wales-2014" and data["pledge"]["source"]
    assert all(
        {"value", "target", "gap_pp", "gap_usd_mn", "edition_value", "edition_base"} <= row.keys() for row in allies
    )


def test_compliance_with_june_2024_edition_gives_23(cli) -> None:
    data = cli(
        "compliance", "--year", "2024", "--pledge", "wales-2014", "--edition", "2024-06", "--format", "json"
    ).json()
    assert sum(1 for row in data["allies"] if row["met"] is True) == 23


@pytest.mark.parametrize("fmt", ["table", "csv", "md"])
def test_compliance_other_formats(cli, fmt: str) -> None:
    result = cli("compliance", "--year", "2024", "--pledge", "hague-2025-core", "--format", fmt)
    assert result.code == 0 and "BEL" in result.out


def test_withdrawal_executive_not_lawful(cli) -> None:
    data = cli("procedure", "withdrawal", "USA", "--path", "executive", "--format", "json").json()
    assert data["lawful"] is False and data["outcome"] == "contested"
    assert data["lawful_paths"] == ["senate", "act-of-congress"]
    assert "1250A" in data["reason"]


def test_withdrawal_act_of_congress_effective_date(cli) -> None:
    data = cli(
        "procedure", "withdrawal", "USA", "--path", "act-of-congress", "--notice", "2026-03-01", "--format", "json"
    ).json()
    assert data["effective_date"] == "2027-03-01" and data["lawful"] is True


def test_accession_veto_and_range(cli) -> None:
    blocked = cli("procedure", "accession", "UKR", "--veto", "HUN", "--format", "json").json()
    assert blocked["outcome"] == "blocked" and blocked["blocked_by"] == ["HUN"]
    free = cli("procedure", "accession", "UKR", "--invited", "2026-07-01", "--format", "json").json()
    assert free["outcome"] == "possible" and free["expected_range"] == ["2027-03-24", "2028-03-03"]
    assert len(free["steps"]) == 6
    table = cli("procedure", "accession", "UKR", "--veto", "HUN", "--veto", "TUR")
    assert table.code == 0 and "Hungary (HUN)" in table.out and "Türkiye (TUR)" in table.out


def test_article5_and_rules_commands(cli) -> None:
    data = cli("procedure", "article5", "EST", "--format", "json").json()
    assert data["covered"] is True and len(data["bound"]) == 31
    at_2024 = cli("rules", "at", "2024-12-31", "--format", "json").json()
    at_2025 = cli("rules", "at", "2025-07-01", "--format", "json").json()
    assert "hague-2025-total" not in [p["id"] for p in at_2024["pledges"]]
    assert "hague-2025-total" in [p["id"] for p in at_2025["pledges"]]
    assert len(cli("rules", "pledges", "--format", "json").json()) == 7
    for command in (
        ("rules", "treaty"),
        ("rules", "invocations"),
        ("rules", "ratifications"),
        ("rules", "at", "2025-07-01"),
        ("procedure", "withdrawal", "DEU", "--format", "md"),
    ):
        assert cli(*command).code == 0


@pytest.mark.parametrize(
    "args, needle",
    [
        (("rules", "at", "2025-13-01"), "month 13"),
        (("procedure", "withdrawal", "USA", "--notice", "2025-13-01"), "notice_date"),
        (("procedure", "accession", "UKR", "--invited", "2026-02-30"), "not a calendar date"),
        (("compliance", "--year", "2024", "--pledge", "wales-2015"), "Valid ids"),
        (("procedure", "accession", "Atlantis"), "unknown country"),
        (("procedure", "accession", "UKR", "--veto", "RUS"), "not a NATO ally"),
        (("procedure", "withdrawal", "USA", "--path", "decree"), "executive, senate, act-of-congress"),
        (("procedure", "article5", "Narnia"), "unknown country"),
        (("compliance", "--year", "1990"), "years available"),
        (("compliance", "--year", "2024", "--edition", "2099-01"), "unknown edition"),
    ],
)
def test_bad_input_is_one_clear_line_and_exit_2(cli, args: tuple[str, ...], needle: str) -> None:
    result = cli(*args)
    assert result.code == 2
    assert needle in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
