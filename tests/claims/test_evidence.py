"""Strong evidence for "contradicted" (engines/claims/evidence.py): a false figure is called
contradicted only when its subject, year, measure and kind were read in the text; the same false
figure with any part guessed is "not checkable" with the reason."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check
from natosim.engines.claims.evidence import weak_evidence
from natosim.engines.claims.model import Claim


def _verdicts(text: str, date: str | None = "2025-09-01") -> list[tuple[str, str, str | None, str]]:
    return [(c.kind, c.verdict, c.country, c.note) for c in check(text, date=date).claims]


def test_a_false_figure_read_in_full_is_contradicted() -> None:
    found = _verdicts("Germany spent 1.1% of its GDP on defence in 2023.")
    assert [(kind, verdict, country) for kind, verdict, country, _ in found] == [
        ("spending_pct_gdp", "contradicted", "DEU")
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # a plan, not a fact
        ("Germany will spend 1.1% of its GDP on defence in 2023.", "plan, pledge, demand"),
        # a condition
        ("The question is whether Germany spent 1.1% of its GDP on defence in 2023.", "plan, pledge, demand"),
        # the year is given relative to another one
        ("Germany spent 1.1% of GDP on defence that year, in 2023 by some counts.", "another year"),
    ],
)
def test_a_false_figure_with_a_guessed_part_is_not_checkable(text: str, reason: str) -> None:
    found = [item for item in _verdicts(text) if item[0] == "spending_pct_gdp"]
    assert found, text
    assert all(verdict == "not checkable" for _, verdict, _, _ in found), found
    assert any(reason in note for *_, note in found), found


def test_a_bare_percentage_is_not_known_to_be_a_share_of_gdp() -> None:
    sentence = "Germany's defence spending was 1.1% in 2023."
    claim = Claim(
        kind="spending_pct_gdp",
        text="1.1%",
        sentence=sentence,
        span=(0, 1),
        sentence_span=(0, 1),
        value=1.1,
        verdict="contradicted",
        country="DEU",
        year=2023,
        year_source="stated",
    )
    assert "not tied to GDP" in str(weak_evidence(claim))
    assert weak_evidence(claim, before="Allies agreed to spend 2% of GDP.") is None


def test_the_country_must_be_named_in_the_figures_clause() -> None:
    text = "Germany has been criticised for years. It spent 1.1% of its GDP on defence in 2023."
    found = [item for item in _verdicts(text) if item[0] == "spending_pct_gdp"]
    assert all(verdict != "contradicted" for _, verdict, _, _ in found), found


def test_a_dollar_figure_converted_from_euros_is_not_accused() -> None:
    text = "Greece spent 7.44 billion euros on defence in 2022 ($9.9 billion)."
    found = [item for item in _verdicts(text) if item[0] == "spending_money"]
    assert found and all(verdict == "not checkable" for _, verdict, _, _ in found), found
    assert "conversion" in found[0][3]


def test_a_target_not_attributed_to_nato_is_not_no_nato_pledge() -> None:
    text = "Britain's government has set a goal of 2.5% of GDP for defence spending."
    found = [item for item in _verdicts(text) if item[0] == "pledge_value"]
    assert all(verdict != "contradicted" for _, verdict, _, _ in found), found


def test_exceed_in_quotes_is_a_bound() -> None:
    text = 'Total NATO military spending in 2023 was "estimated to exceed" $1 trillion, the report says.'
    found = [c for c in check(text, date="2024-03-01").claims if c.kind == "alliance_total"]
    assert found and found[0].qualifier == "more than"
    assert found[0].verdict != "contradicted"


def test_russia_without_sipri_named_is_not_accused() -> None:
    found = [c for c in check("Russia now spends 6.3% of GDP on its armed forces.", date="2025-03-10").claims]
    assert found and all(c.verdict == "not checkable" and "SIPRI" in c.note for c in found)


def test_a_national_dollar_amount_not_attributed_to_nato_is_not_accused() -> None:
    found = check("The US spent $850 billion on its military in 2024.", date="2025-03-10").claims
    assert all(c.verdict != "contradicted" for c in found), found


def test_since_the_founding_is_not_an_invocation_date() -> None:
    found = check("Article 4 has been invoked seven times since 1949.", date="2025-03-10").claims
    assert [(c.text, c.verdict) for c in found] == [("has been invoked seven times", "supported")]


def test_the_required_target_said_of_listed_allies_is_a_threshold() -> None:
    text = (
        "Currently, only five NATO members, the United States, Greece, Estonia, Poland and the United Kingdom, "
        "contribute the required 2 percent of GDP to defense spending."
    )
    found = [c for c in check(text, date="2016-07-01").claims if c.kind == "spending_pct_gdp"]
    assert {c.country for c in found} == {"USA", "GRC", "EST", "POL", "GBR"}
    assert all(c.verdict == "supported" and "≥ 2%" in c.note for c in found)


def test_europe_and_canada_is_the_aggregate_not_canada() -> None:
    found = check("European allies and Canada spent 2.02% of GDP on defence in 2024.", date="2025-06-20").claims
    assert [(c.kind, c.country, c.verdict) for c in found] == [("alliance_total", None, "supported")]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # fewer allies than ever formed NATO, without "has"/"N-member": some allies, not read as a count of
        # members at all since round 4 (r4-events; before: a member count, "not checkable")
        ("Italy is among the eight allies below 2%.", None),
        ("NATO's 30 members met in Brussels.", "contradicted"),
        ("The 30-member alliance met in Brussels.", "contradicted"),
        ("The alliance has 30 members.", "contradicted"),
    ],
)
def test_a_number_of_allies_is_the_membership_only_when_named_as_a_whole(text: str, verdict: str | None) -> None:
    found = [c for c in check(text, date="2025-02-25").claims if c.kind == "member_count"]
    assert [c.verdict for c in found] == ([verdict] if verdict else [])


def test_one_allys_own_nato_commitment_is_not_no_nato_pledge() -> None:
    [own] = check("The UK's NATO commitment is 2.5%.", date="2025-06-20").claims
    assert own.verdict == "not checkable" and "own target" in own.note
    [false] = check("NATO's 3% target was agreed in 2024.", date="2025-06-20").claims
    assert false.verdict == "contradicted"


def test_an_anniversary_last_year() -> None:
    [claim] = check("The alliance marked its 75th anniversary last year.", date="2025-02-25").claims
    assert claim.verdict == "supported" and claim.year == 2024


def test_a_count_of_allies_dated_by_another_year_is_not_accused() -> None:
    [claim] = check("Hungary was the last of the 31 allies to ratify, in February 2024.", date="2025-03-10").claims
    assert claim.verdict == "not checkable"


def test_then_n_members_is_the_whole_not_the_count() -> None:
    found = check("In 2017, only five of NATO's then-29 members met the 2% guideline.", date="2025-06-24").claims
    assert all(c.verdict != "contradicted" for c in found)
    assert [c.value for c in found if c.kind == "allies_meeting_target"] == [5]


def test_a_plan_to_meet_the_target_judged_only_by_a_later_edition() -> None:
    # June 2025: the edition of the day (June 2024) has no 2025 figure for Canada; August 2025's has
    [claim] = [c for c in check("Canada to hit NATO's 2% target this year.", date="2025-06-09").claims
               if c.kind == "spending_pct_gdp"]  # fmt: skip
    assert claim.verdict == "not checkable" and "plan or forecast" in claim.note
    # June 2024: NATO's own estimate of the day for Germany 2024 is what the article quotes
    [claim] = [c for c in check("Germany will hit the 2% target this year.", date="2024-06-20").claims
               if c.kind == "spending_pct_gdp"]  # fmt: skip
    assert claim.verdict == "supported"


def test_a_pledge_denied() -> None:
    text = "Some states have increased their defense budgets, but there is no NATO decision regarding a 5% threshold."
    [claim] = check(text, date="2026-01-15").claims
    assert claim.verdict == "contradicted" and "hague-2025" in claim.note
    [true] = check("There is no NATO target of 4%.", date="2026-01-15").claims
    assert true.verdict == "supported"


def test_an_application_without_formal_is_not_accused() -> None:
    [claim] = check("Ukraine applied for NATO membership in 2008 under President Yushchenko.", date="2025-03-01").claims
    assert claim.verdict == "not checkable"
    [claim] = check("Ukraine formally applied to join NATO in 2021.", date="2025-03-01").claims
    assert claim.verdict == "contradicted"
