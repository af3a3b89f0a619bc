"""Aspirants and Russia in the data: an accession counts the new member in every sum."""

from __future__ import annotations

import pytest

import natosim
from natosim.data import nonmember_figures


def test_nonmember_population_is_sourced_world_bank_wdi() -> None:
    table = nonmember_figures(year=2024).set_index("iso3")
    assert table.loc["UKR", "population_thousands"] == pytest.approx(37860.221)
    assert table.loc["RUS", "population_thousands"] == pytest.approx(143533.851)
    assert set(table.loc[["UKR", "GEO", "BIH", "RUS"], "source_population_thousands"]) == {"wb-wdi-2026-03"}
    # GDP derived within one SIPRI release (US$ / share of GDP); missing where SIPRI has none
    assert table.loc["UKR", "gdp_usd_current_bn"] == pytest.approx(64705.0 / 34.482 * 100 / 1000)
    assert bool(table.loc["UKR", "gdp_is_derived"]) is True
    assert table[["gdp_usd_current_bn"]].loc["GEO"].isna().all()


def test_ukraine_accession_2027_counts_population_and_spending() -> None:
    result = natosim.evaluate("ukraine-accession")
    head = result.headline(2027)
    base = natosim.evaluate("ukraine-accession", year=2024).headline(2024)
    assert "UKR" in head["joined"] and head["members"] == 33
    assert not head.get("article5_without_population")
    assert head["population_article5_thousands"] - base["population_article5_thousands"] == pytest.approx(37860.221)
    assert head["total_spending_usd_mn"] - base["total_spending_usd_mn"] == pytest.approx(64705.0)


def test_ukraine_accession_says_at_war_and_article5_reach_disputed() -> None:
    from natosim.scenario.summary import summary_lines

    text = "\n".join(summary_lines(natosim.evaluate("ukraine-accession"), 2027))
    assert "would join at war" in text and "2022-02-24" in text
    assert "Article 5 over occupied territory: disputed" in text
    assert "SIPRI" in text and "per person" in text


def test_sources_give_urls_and_dois() -> None:
    table = natosim.sources().set_index("id")
    assert table.loc["sipri-2025", "doi"] == "10.55163/CQGC9685"
    assert table.loc["nato-2024-06", "url"].startswith("https://www.nato.int/")
    assert table.loc["wb-wdi-2026-03", "url"] == "https://data.worldbank.org/indicator/SP.POP.TOTL"
    assert table["url"].notna().all()


def test_cli_data_sources_gives_url_and_doi(cli) -> None:
    result = cli("data", "sources", "--format", "csv")
    assert result.code == 0
    header = result.out.splitlines()[0].split(",")
    assert {"url", "doi", "licence"} <= set(header)
    assert "10.55163/CQGC9685" in result.out and "https://data.worldbank.org" in result.out


def test_citation_cff_and_data_licences_documented() -> None:
    from pathlib import Path

    import yaml

    root = Path(__file__).resolve().parents[2]
    citation = yaml.safe_load((root / "CITATION.cff").read_text())
    assert citation["title"].startswith("natosim") and citation["cff-version"]
    data_doc = (root / "docs" / "data.md").read_text()
    assert "## Licences of the data" in data_doc and "CC BY 4.0" in data_doc
