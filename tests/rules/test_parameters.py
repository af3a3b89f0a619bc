"""The bundled rules load, validate, and agree with the facts files they were copied from."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

import natosim.rules as rules
from natosim.rules.errors import RulesError, UnknownPledge
from natosim.rules.loader import PARAMETERS, load_accession, load_pledges

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


def test_pledge_ids_are_the_agreed_ones() -> None:
    assert [p.id for p in rules.pledges()] == [
        "guideline-2006",
        "wales-2014",
        "wales-2014-equipment",
        "vilnius-2023",
        "hague-2025-core",
        "hague-2025-related",
        "hague-2025-total",
    ]


def test_hague_split_adds_up_and_has_its_review_year() -> None:
    core, related, total = (rules.pledge(f"hague-2025-{part}") for part in ("core", "related", "total"))
    assert core.target_pct_gdp is not None and related.target_pct_gdp is not None
    assert core.target_pct_gdp + related.target_pct_gdp == total.target_pct_gdp == 5.0
    assert {p.adopted for p in (core, related, total)} == {dt.date(2025, 6, 25)}
    assert {p.review_year for p in (core, related, total)} == {2029}
    assert {p.deadline.year for p in (core, related, total) if p.deadline} == {2035}
    assert total.components == ["hague-2025-core", "hague-2025-related"]


def test_unknown_pledge_names_the_valid_ids() -> None:
    with pytest.raises(UnknownPledge, match="wales-2014") as error:
        rules.pledge("wales-2015")
    assert "Did you mean 'wales-2014'" in str(error.value)


def test_treaty_has_fourteen_articles_with_rules() -> None:
    treaty = rules.treaty()
    assert sorted(treaty.articles) == list(range(1, 15))
    assert treaty.articles[5].rule["automatic_military_response"] is False
    assert treaty.articles[10].rule["invitation_rule"] == "unanimity_of_all_parties"
    assert treaty.articles[13].rule["effective_after"] == {"years": 1}
    assert treaty.entered_into_force == dt.date(1949, 8, 24)


def test_invocations_history() -> None:
    record = rules.invocations()
    assert [(i.date, i.requesting) for i in record.article_5] == [(dt.date(2001, 9, 12), ["USA"])]
    assert len(record.article_4) == 9
    assert record.article_4[6].requesting == ["BGR", "CZE", "EST", "LVA", "LTU", "POL", "ROU", "SVK"]


def test_us_law_two_thirds_of_senators_present() -> None:
    law = rules.us_withdrawal_law()
    assert law.senators_needed(100) == 67
    assert law.senators_needed(90) == 60
    assert law.notice_to_congress_days == 180
    assert law.enacted == dt.date(2023, 12, 22)


def test_ratification_history_days_are_consistent() -> None:
    history = rules.ratification_history()
    computed = (pd.to_datetime(history["accession_date"]) - pd.to_datetime(history["protocol_signed"])).dt.days
    assert (computed == history["days_elapsed"]).all()
    swe = history[history["invitees"] == "SWE"].iloc[0]
    assert swe["last_ratifying_ally"] == "HUN" and swe["days_elapsed"] == 611
    assert swe["days_to_last_ratification"] == 609


def test_copies_agree_with_the_facts_files() -> None:
    # a missing facts folder fails (never skips): CI clones natosim next to shared/ (README)
    assert SHARED.is_dir(), f"the facts files {SHARED} are missing: clone natosim next to shared/"
    facts = yaml.safe_load((SHARED / "legal_constraints.yaml").read_text())
    shared_days = {tuple(item["invitee"]): item["days_elapsed"] for item in facts["ratification_timelines"]}
    ours = {tuple(item.invitees): item.days_elapsed for item in load_accession().timelines}
    assert ours == shared_days
    treaty = yaml.safe_load((SHARED / "treaty.yaml").read_text())
    shared_requests = [(item["requested"], item["requesting"]) for item in treaty["invocations"]["article_4"]]
    assert [(i.date, i.requesting) for i in rules.invocations().article_4] == shared_requests
    commitments = yaml.safe_load((SHARED / "commitments.yaml").read_text())
    by_id = {item["id"]: item for item in commitments["spending_guidelines"]}
    assert rules.pledge("wales-2014").adopted == by_id["wales_dip_2014"]["date"]
    assert rules.pledge("vilnius-2023").adopted == by_id["vilnius_floor_2023"]["date"]
    assert rules.pledge("hague-2025-total").target_pct_gdp == by_id["hague_5pct_2025"]["target"]["total_pct_gdp"]
    assert rules.aspirants()["iso3"].tolist() == pd.read_csv(SHARED / "aspirants.csv")["iso3"].tolist()


def test_aspirants_keep_their_sources() -> None:
    table = rules.aspirants()
    assert table.set_index("iso3").loc["UKR", "recognised_by_nato_as_aspirant"]
    assert not table.set_index("iso3").loc["XKX", "recognised_by_nato_as_aspirant"]
    assert table["sources"].notna().all()


def _broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    folder = tmp_path / "parameters"
    shutil.copytree(PARAMETERS, folder)
    path = folder / "pledges.yaml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return folder


def test_a_typo_in_a_field_is_refused_with_file_line_and_field(tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path, "    target_pct_gdp: 3.5", "    target_pct_gpd: 3.5")
    with pytest.raises(RulesError) as error:
        load_pledges(folder)
    message = str(error.value)
    expected_line = (folder / "pledges.yaml").read_text().splitlines().index("    target_pct_gpd: 3.5") + 1
    assert f"pledges.yaml:{expected_line}" in message and "target_pct_gpd" in message


def test_a_bad_date_is_refused(tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path, "adopted: 2025-06-25", "adopted: 2025-13-25")
    with pytest.raises(RulesError, match=r"pledges.yaml:\d+: invalid YAML: '2025-13-25' is not a calendar date"):
        load_pledges(folder)


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    folder = _broken_copy(tmp_path, "pledges:\n", "pledges:\n  - [unclosed\n")
    with pytest.raises(RulesError, match=r"pledges.yaml:\d+: invalid YAML"):
        load_pledges(folder)
