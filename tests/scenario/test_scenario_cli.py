"""``natosim scenario``: list, show, run in every format, diff, errors."""

from __future__ import annotations

import json

import pytest


def test_list(cli) -> None:
    r = cli("scenario", "list", "--format", "json")
    assert r.code == 0
    names = [row["name"] for row in r.json()]
    assert "us-conditional-guarantee-2pct" in names and len(names) == 8


def test_show(cli) -> None:
    r = cli("scenario", "show", "ukraine-accession-vetoed", "--format", "json")
    data = r.json()
    assert data["policies"][0] == {
        "type": "accession",
        "country": "UKR",
        "invited": "2026-07-07",
        "vetoes": ["USA"],
        "timing": "median",
    }
    md = cli("scenario", "show", "ukraine-accession-vetoed", "--format", "md")
    assert md.out.startswith("## Ukraine's accession vetoed")


def test_run_formats(cli) -> None:
    table = cli("scenario", "run", "us-withdrawal-act-of-congress")
    assert table.code == 0 and "left: USA" in table.out
    csv = cli("scenario", "run", "us-withdrawal-act-of-congress", "us-withdrawal-executive", "--format", "csv")
    lines = csv.out.strip().splitlines()
    assert lines[0].startswith("year,figures_year,members") and len(lines) == 1 + 5 + 5
    md = cli("scenario", "run", "hague-5pct-by-2035", "--year", "2035", "--format", "md")
    assert "| year |" in md.out
    several = cli("scenario", "run", "ukraine-accession", "ukraine-accession-vetoed", "--format", "json").json()
    assert [r["scenario"]["name"] for r in several] == ["ukraine-accession", "ukraine-accession-vetoed"]


def test_json_is_strict_json(cli) -> None:
    r = cli("scenario", "run", "us-conditional-guarantee-2pct", "--format", "json")
    json.loads(r.out, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))  # no NaN/Infinity


def test_diff(cli) -> None:
    r = cli("scenario", "diff", "us-withdrawal-executive", "us-withdrawal-act-of-congress", "--format", "json")
    rows = r.json()
    members = {row["year"]: row for row in rows if row["metric"] == "members"}
    assert members[2026]["change"] == -1 and members[2024]["change"] == 0


def test_unknown_scenario_and_year(cli) -> None:
    r = cli("scenario", "run", "us-conditional-guarantee-2pc")
    assert r.code == 2 and "Did you mean: us-conditional-guarantee-2pct" in r.err
    r = cli("scenario", "run", "us-conditional-guarantee-2pct", "--year", "1990")
    assert r.code == 2 and "years of data start in 2014" in r.err


@pytest.mark.usefixtures("writable_data_dir")  # the crisis run is stored
def test_crisis_hook(cli) -> None:
    r = cli(
        "scenario",
        "run",
        "us-conditional-guarantee-2pct",
        "--year",
        "2024",
        "--crisis",
        "EST",
        "--draws",
        "2000",
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    crisis = r.json()["crisis"]
    assert crisis["target"] == "EST" and 0.0 <= crisis["p_hold"] <= 1.0
    # the US guarantee of Estonia is kept (Estonia is above 2% in 2024): nothing lost, same seed
    assert crisis["guarantors_lost"] == [] and crisis["p_hold_scenario"] == crisis["p_hold_baseline"]
    latvia = cli(
        "scenario",
        "run",
        "us-conditional-guarantee-hague",
        "--year",
        "2024",
        "--crisis",
        "LVA",
        "--draws",
        "2000",
        "--format",
        "json",
    ).json()["crisis"]
    assert latvia["guarantors_lost"] == ["USA"]
