"""Replacing the US contribution: the Bruegel/Kiel build lands near their €250 bn a year, every
component names its source, the per-member costs are NATO's figures, user YAML is validated."""

from __future__ import annotations

from pathlib import Path

import pytest

import natosim


def test_cli_bruegel_kiel_default_within_30_percent_of_250_bn_eur(cli) -> None:
    """Done-when of issue 16: under Bruegel/Kiel's assumptions, within about ±30 % of €250 bn a year."""
    result = cli("burden", "replace-us", "--format", "json")
    assert result.code == 0, result.err
    payload = result.json()
    assert payload["assumptions"] == "Bruegel/Kiel 2025"
    eur, usd = payload["additional_eur_bn_per_year"], payload["additional_usd_bn_per_year"]
    assert 0.7 * 250 <= eur <= 1.3 * 250
    assert usd == pytest.approx(eur * payload["usd_per_eur"])
    assert payload["published"]["eur_bn_per_year"] == 250 and payload["published"]["troops"] == 300_000
    low, high = payload["additional_eur_bn_per_year_range"]
    assert low <= eur <= high
    for component in payload["components"]:
        assert component["source"] and component["confidence"]
        assert component["usd_bn_per_year_low"] <= component["usd_bn_per_year"] <= component["usd_bn_per_year_high"]
    assert sum(c["usd_bn_per_year"] for c in payload["components"]) == pytest.approx(usd)


def test_per_member_cost_is_natos_figures() -> None:
    from natosim.engines.burden.replace_us import cost_bases, replace_us

    figures = natosim.figures(year=2024, members_only=True)
    us = figures.set_index("iso3").loc["USA"]
    per_member = us["defence_exp_usd_current_mn"] * 1e6 / (us["military_personnel_thousands"] * 1e3)
    bases = cost_bases(2024)
    assert bases["USA"]["usd_per_member"] == pytest.approx(per_member, rel=1e-12)
    assert bases["USA"]["equipment_share"] == pytest.approx(us["equipment_pct"] / 100)
    result = replace_us()
    assert result.summary["additional_usd_bn_per_year"] == pytest.approx(300_000 * per_member / 1e9, rel=1e-12)
    assert bases["europe_and_canada"]["left_out"] == ["ISL"]


def test_iiss_assumptions() -> None:
    from natosim.engines.burden import replace_us

    result = replace_us("iiss_2025")
    rows = result.components.set_index("id")
    assert rows.loc["procurement", "usd_bn_per_year"] == pytest.approx(285 / 25)
    assert rows.loc["procurement", "usd_bn_per_year_low"] == pytest.approx(226 / 25)
    assert rows.loc["procurement", "usd_bn_per_year_high"] == pytest.approx(344 / 25)
    published = result.summary["published"]
    assert published["eur_bn_per_year"] == pytest.approx(1000 / 25 / result.summary["usd_per_eur"])
    assert 0.5 < published["ratio_natosim_to_published"] < 1.5


def test_users_own_yaml(tmp_path: Path) -> None:
    from natosim.engines.burden import replace_us

    path = tmp_path / "mine.yaml"
    path.write_text(
        "name: mine\ndata_year: 2024\nhorizon_years: 10\n"
        "usd_per_eur: {value: 1.1, source: my guess, confidence: low}\n"
        "components:\n"
        "  - {id: drones, label: drones, kind: per_year, amount_usd_bn: 5, source: me, confidence: low}\n"
        "  - {id: ships, label: ships, kind: one_off, amount_usd_bn: 100, low_usd_bn: 80, high_usd_bn: 150,"
        " source: me, confidence: low}\n",
        encoding="utf-8",
    )
    result = replace_us(path)
    assert result.summary["additional_usd_bn_per_year"] == pytest.approx(5 + 10)
    assert result.summary["additional_eur_bn_per_year"] == pytest.approx(15 / 1.1)
    assert result.summary["additional_usd_bn_per_year_range"] == pytest.approx([13, 20])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: x\n", "bad.yaml:1: field data_year: Field required"),
        (
            "name: x\ndata_year: 2024\nhorizon_years: 1\nusd_per_eur: {value: 1.1, source: s, confidence: c}\n"
            "components:\n  - {id: a, label: a, kind: per_troop, source: s, confidence: c}\n",
            "bad.yaml:6: field components.0: Value error, a per_troop component needs 'troops' and 'cost_basis'",
        ),
        (
            "name: x\ndata_year: 2024\nhorizon_years: 1\nusd_per_eur: {value: -1, source: s, confidence: c}\n"
            "components:\n  - {id: a, label: a, kind: per_year, amount_usd_bn: 1, source: s, confidence: c}\n",
            "bad.yaml:4: field usd_per_eur.value: Input should be greater than 0",
        ),
        ("name: [x\n", "bad.yaml:2: invalid YAML"),
    ],
)
def test_bad_user_yaml_is_one_clear_line_exit_2(cli, tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("burden", "replace-us", "--assumptions", str(path))
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err


def test_unknown_set_and_missing_file(cli, tmp_path: Path) -> None:
    unknown = cli("burden", "replace-us", "-a", "nope")
    assert unknown.code == 2 and "bruegel_kiel_2025, iiss_2025" in unknown.err
    missing = cli("burden", "replace-us", "-a", str(tmp_path / "none.yaml"))
    assert missing.code == 2 and "no such assumptions file" in missing.err
