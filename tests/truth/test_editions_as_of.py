"""Editions as of a date: the editions published by then are in play, and every answer names them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import natosim
from natosim.data.importer import SourceInfo, import_release

BUNDLED = Path(natosim.__file__).parent / "data" / "bundled"


def test_pol_2024_row_says_it_mixes_editions() -> None:
    """3.79 % (Aug 2025) beside June 2024 US$ and GDP: the row says so."""
    row = natosim.figures(year=2024, countries=["POL"]).iloc[0]
    assert row["defence_exp_pct_gdp"] == pytest.approx(3.789)
    assert row["edition_defence_exp_pct_gdp"] == "2025-08"
    assert row["edition_gdp_usd_current_bn"] == "2024-06"
    assert bool(row["mixed_editions"]) is True


def test_cli_figures_table_shows_edition_and_mixed_flag(cli) -> None:
    result = cli("data", "figures", "--year", "2024", "--country", "POL")
    assert result.code == 0
    assert "mixed" in result.out and "2025-08" in result.out


def test_as_of_before_the_2025_edition_gives_june_2024_figures_in_one_edition() -> None:
    row = natosim.figures(year=2024, countries=["POL"], as_of="2025-01-01").iloc[0]
    assert row["defence_exp_pct_gdp"] == pytest.approx(4.1202)
    assert row["edition"] == "2024-06" and bool(row["mixed_editions"]) is False
    result = natosim.compliance(2024, pledge="wales-2014", as_of="2025-01-01")
    assert result.summary["met"] == 23  # the count NATO announced in June 2024
    assert result.summary["editions_in_play"] == ["2024-06"]
    assert natosim.brief(as_of="2025-01-01").year == 2024


def test_as_of_before_any_edition_is_a_clear_error() -> None:
    from natosim.errors import NatosimError

    with pytest.raises(NatosimError, match="no NATO edition was published by"):
        natosim.figures(as_of="2020-01-01")


def _synthetic_release(tmp_path: Path) -> Path:
    """Real June 2024 rows of 2024, relabelled as a newer edition with Poland at 2.50 %."""
    raw = pd.read_csv(BUNDLED / "figures.csv", dtype=str, keep_default_na=False)
    rows = raw[(raw["edition"] == "2024-06") & (raw["year"] == "2024")].copy()
    rows["edition"] = "2026-07"
    rows["source"] = "nato-2026-07"
    rows.loc[rows["iso3"] == "POL", "defence_exp_pct_gdp"] = "2.5"
    path = tmp_path / "release.csv"
    rows.to_csv(path, index=False)
    return path


@pytest.mark.usefixtures("writable_data_dir")  # imports a release
def test_imported_newer_edition_is_cited_by_compliance_brief_and_checker(tmp_path: Path) -> None:
    import_release(
        _synthetic_release(tmp_path),
        source=SourceInfo("Defence Expenditure of NATO Countries (synthetic test edition)", "2026-07-10", "test"),
    )
    result = natosim.compliance(2024, pledge="wales-2014")
    pol = result.table.set_index("iso3").loc["POL"]
    assert pol["value"] == pytest.approx(2.5) and pol["edition_value"] == "2026-07"
    assert "2026-07" in result.summary["editions_value"]
    # as of a date before its publication, the new edition is not in play
    before = natosim.compliance(2024, pledge="wales-2014", as_of="2026-07-09")
    assert "2026-07" not in before.summary["editions_in_play"]

    brief = natosim.brief()
    money = next(f for f in brief.figures if f.label == "Total allied defence spending")
    assert money.edition == "2026-07" and "nato-2026-07" in money.source

    count = result.summary["met"]
    checked = natosim.check(f"In 2024, {count} allies spent at least 2% of GDP on defence.", date="2026-08-01")
    claim = next(c for c in checked.claims if c.kind == "allies_meeting_target")
    assert claim.verdict == "supported"
    assert any(e.edition == "2026-07" for e in claim.evidence)


def test_scenario_tables_name_the_edition_of_their_sums() -> None:
    result = natosim.evaluate("ukraine-accession")
    head = result.headline(2027)
    assert head["editions"] == "2024-06"
    assert head["non_nato_figures"] == ["UKR"]
    before = natosim.evaluate("ukraine-accession", year=2024, as_of="2025-01-01").headline(2024)
    assert before["editions"] == "2024-06"


def test_api_takes_as_of_and_lists_edition_dates(client) -> None:
    rows = client.get("/api/figures", params={"year": 2024, "country": "POL", "as_of": "2025-01-01"}).json()
    assert rows["rows"][0]["edition"] == "2024-06" and rows["rows"][0]["mixed_editions"] is False
    latest = client.get("/api/figures", params={"year": 2024, "country": "POL"}).json()["rows"][0]
    assert latest["mixed_editions"] is True and latest["edition_gdp_usd_current_bn"] == "2024-06"
    body = client.get("/api/compliance", params={"year": 2024, "pledge": "wales-2014", "as_of": "2025-01-01"}).json()
    assert body["summary"]["met"] == 23
    assert client.get("/api/figures", params={"as_of": "2020-01-01"}).status_code in (400, 404, 422)
