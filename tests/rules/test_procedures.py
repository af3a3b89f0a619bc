"""Accession, withdrawal and Article 5 as typed, step-by-step evaluations."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest

import natosim.rules as rules
from natosim.errors import NotAnAlly, UnknownCountry
from natosim.rules.errors import InvalidDate, ProcedureError
from natosim.rules.procedures import accession, article5, withdrawal

# --- withdrawal -----------------------------------------------------------------------------------


def test_us_executive_withdrawal_is_not_lawful_under_1250a() -> None:
    result = withdrawal("USA", path="executive", notice_date="2026-03-01")
    assert result.lawful is False
    assert result.outcome == "contested"
    assert result.effective_date is None
    assert result.lawful_paths == ["senate", "act-of-congress"]
    assert "1250A" in result.reason and "two-thirds of the Senators present" in result.reason
    assert result.art13_date == dt.date(2027, 3, 1)
    assert any(step.outcome == "contested" and "1928f" in step.rule for step in result.steps)


@pytest.mark.parametrize("path", ["senate", "act-of-congress"])
def test_us_lawful_paths_take_effect_one_year_after_notice(path: str) -> None:
    result = withdrawal("United States", path=path, notice_date="2026-03-01")
    assert (result.lawful, result.outcome, result.effective_date) == (True, "possible", dt.date(2027, 3, 1))
    assert result.law is not None and "1250A" in result.law
    committee_step = next(step for step in result.steps if "(c)(2)" in step.rule)
    assert "2025-09-02" in committee_step.action  # 180 days before the notice


def test_senate_path_names_two_thirds_not_sixty() -> None:
    steps = withdrawal("USA", "senate", "2026-03-01").steps
    senate = next(step for step in steps if step.actor.startswith("US Senate"))
    assert "two-thirds of the Senators present" in senate.action and "67" in senate.action


def test_before_1250a_the_executive_path_was_unsettled_not_barred() -> None:
    result = withdrawal("USA", path="executive", notice_date="2023-12-21")
    assert result.lawful is True and result.outcome == "contested" and result.law is None
    assert result.effective_date == dt.date(2024, 12, 21)


def test_other_allies_leave_by_their_national_procedure() -> None:
    result = withdrawal("Germany", notice_date="2026-03-01")
    assert (result.country, result.path, result.lawful, result.outcome) == ("DEU", "national", True, "possible")
    assert result.effective_date == dt.date(2027, 3, 1)
    with pytest.raises(ProcedureError, match="valid: national"):
        withdrawal("DEU", path="senate", notice_date="2026-03-01")


def test_withdrawal_notice_on_a_leap_day() -> None:
    assert withdrawal("FRA", notice_date="2028-02-29").effective_date == dt.date(2029, 2, 28)


def test_withdrawal_needs_an_ally_and_a_valid_date() -> None:
    with pytest.raises(NotAnAlly):
        withdrawal("Ukraine", notice_date="2026-03-01")
    with pytest.raises(NotAnAlly):
        withdrawal("Sweden", notice_date="2024-03-06")  # joined 2024-03-07
    with pytest.raises(InvalidDate):
        withdrawal("USA", "senate", "2026-02-30")


def test_art13_notice_impossible_before_twenty_years() -> None:
    result = withdrawal("FRA", notice_date="1966-03-07")
    assert result.outcome == "blocked" and not result.lawful and result.effective_date is None
    assert "1969-08-24" in result.reason


# --- accession ------------------------------------------------------------------------------------


def _historic_days() -> list[int]:
    start = rules.accession_rules().expected_duration.rounds_signed_on_or_after
    return [t.days_elapsed for t in rules.accession_rules().timelines if t.protocol_signed >= start]


def test_accession_without_veto_gives_steps_and_a_range_from_history() -> None:
    result = accession("UKR", invited="2026-07-01")
    days = _historic_days()
    assert days == [451, 369, 266, 382, 415, 273, 611]
    assert result.outcome == "possible" and result.completes and result.blocked_by == []
    invited = dt.date(2026, 7, 1)
    assert result.expected_range == (invited + dt.timedelta(days=min(days)), invited + dt.timedelta(days=max(days)))
    assert result.expected_range == (dt.date(2027, 3, 24), dt.date(2028, 3, 3))
    assert result.expected_median_date == invited + dt.timedelta(days=statistics.median(days))
    assert result.earliest_date == result.expected_range[0]
    assert len(result.veto_players) == 32 and "HUN" in result.veto_players
    actions = [step.action for step in result.steps]
    assert actions[1:] == [
        "invite the candidate: Ukraine",
        "sign the accession protocol",
        "ratify the protocol",
        "bring the protocol into force and invite the candidate to accede",
        "deposit the instrument of accession",
    ]
    usa = next(r for r in result.ratifications if r.ally == "USA")
    assert "two-thirds of Senators present" in usa.procedure


def test_a_veto_blocks_accession_and_is_named() -> None:
    result = accession("Ukraine", invited="2026-07-01", vetoes=["Hungary"])
    assert result.outcome == "blocked" and not result.completes
    assert result.blocked_by == ["HUN"]
    assert result.expected_range is None and result.earliest_date is None
    invitation = next(step for step in result.steps if step.action.startswith("invite the candidate"))
    assert invitation.outcome == "blocked" and "Hungary (HUN)" in invitation.note
    assert next(r for r in result.ratifications if r.ally == "HUN").outcome == "blocked"


def test_veto_players_are_the_allies_on_the_invitation_date() -> None:
    assert len(accession("UKR", invited="2023-01-01").veto_players) == 30
    with pytest.raises(NotAnAlly):
        accession("UKR", invited="2023-01-01", vetoes=["SWE"])  # not yet an ally then


def test_accession_of_an_ally_or_unknown_country_is_refused() -> None:
    with pytest.raises(ProcedureError, match="already an ally"):
        accession("FIN", invited="2026-07-01")
    with pytest.raises(UnknownCountry):
        accession("Atlantis", invited="2026-07-01")


def test_non_aspirant_eligibility_is_contested_not_assumed() -> None:
    assert accession("XKX", invited="2026-07-01").steps[0].outcome == "contested"
    assert accession("UKR", invited="2026-07-01").steps[0].outcome == "possible"


# --- Article 5 ------------------------------------------------------------------------------------


def test_article5_for_an_ally_binds_every_other_ally() -> None:
    result = article5("EST", date="2026-01-01")
    assert result.covered and result.ally and result.outcome == "possible"
    assert len(result.bound) == 31 and "EST" not in result.bound
    assert len(result.consensus_of) == 32
    assert result.automatic_military_response is False
    assert "deems necessary" in result.form_of_assistance
    assert [p.date for p in result.precedents] == [dt.date(2001, 9, 12)]
    assert "Tallinn at 59.43°N" in result.territory_evidence
    assert any("Turkey" in item for item in article5("TUR", date="2026-01-01").covered_territory)


def test_article5_for_a_non_ally_is_not_covered() -> None:
    result = article5("Ukraine", date="2026-01-01")
    assert not result.covered and result.outcome == "blocked" and result.bound == []
    assert "Aspirant partner" in result.reason
    assert article5("FIN", date="2023-04-03").covered is False
    assert article5("FIN", date="2023-04-04").covered is True
