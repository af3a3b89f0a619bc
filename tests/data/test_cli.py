"""The data CLI: formats, exit codes, clear errors."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import natosim

BUNDLED = Path(natosim.__file__).parent / "data" / "bundled"


def test_figures_json_lists_32_allies_with_edition_and_sources(cli) -> None:
    result = cli("data", "figures", "--year", "2024", "--format", "json")
    assert result.code == 0
    rows = result.json()
    assert len(rows) == 32
    assert sum(1 for r in rows if r["defence_exp_pct_gdp"] is not None and r["defence_exp_pct_gdp"] >= 2) == 18
    iceland = next(r for r in rows if r["iso3"] == "ISL")
    assert iceland["defence_exp_pct_gdp"] is None
    assert all(r["source"] and r["edition"] for r in rows)


def test_figures_pinned_edition(cli) -> None:
    rows = cli("data", "figures", "--year", "2024", "--edition", "2024-06", "--format", "json").json()
    assert sum(1 for r in rows if (r["defence_exp_pct_gdp"] or 0) >= 2) == 23


def test_figures_csv_and_country_filter(cli) -> None:
    result = cli("data", "figures", "--year", "2023", "--country", "Türkiye", "--country", "de", "--format", "csv")
    assert result.code == 0
    lines = result.out.strip().splitlines()
    assert len(lines) == 3 and lines[0].startswith("iso3,country,year")


def test_errors_exit_2_without_traceback(cli) -> None:
    for args, expected in [
        (("data", "figures", "--year", "2030"), "2014–2025"),
        (("data", "figures", "--country", "Germny"), "Germany (DEU)"),
        (("data", "figures", "--edition", "2019-01"), "available"),
        (("data", "figures", "--year", "abc"), "--year"),
        (("data", "import", "/no/such/file.csv"), "no such file"),
    ]:
        result = cli(*args)
        assert result.code == 2, (args, result.err)
        assert expected in result.err
        assert "Traceback" not in result.err


@pytest.mark.usefixtures("writable_data_dir")  # imports a release
def test_import_command_and_sources(cli, tmp_path: Path) -> None:
    raw = pd.read_csv(BUNDLED / "figures.csv", dtype=str, keep_default_na=False)
    rows = raw[(raw["edition"] == "2024-06") & (raw["year"] == "2024")].assign(edition="2026-07", source="nato-2026-07")
    path = tmp_path / "release.csv"
    rows.to_csv(path, index=False)
    assert cli("data", "import", str(path)).code == 2  # new source id without provenance
    result = cli(
        "data",
        "import",
        str(path),
        "--publication",
        "Defence Investment of NATO Countries",
        "--published",
        "2026-07-10",
        "--copy-from",
        "test",
    )
    assert result.code == 0, result.err
    sources = cli("data", "sources", "--format", "json").json()
    assert any(s["id"] == "nato-2026-07" and s["imported"] for s in sources)


def test_allies_and_sources_tables(cli) -> None:
    assert len(cli("data", "allies", "--format", "json").json()) == 32
    assert "nato-2024-06" in cli("data", "sources").out


def test_brief(cli) -> None:
    result = cli("brief", "--format", "json")
    assert result.code == 0
    data = result.json()
    figures = natosim.figures(year=data["year"], members_only=True)
    expected = int((figures["defence_exp_pct_gdp"] >= 2).sum())
    assert data["figures"][0]["value"].startswith(f"{expected} of")
    assert data["money_year"] == 2024
    money = natosim.figures(year=2024, members_only=True)
    spending = money.set_index("iso3")["defence_exp_usd_current_mn"]
    share = 100 * spending["USA"] / spending.sum()
    assert abs(data["figures"][3]["value"] - share) < 1e-9
    assert all(f["source"] for f in data["figures"])
