"""Accessions told the ways reporters tell NATO's enlargement (issue 17, round 4, r4-events): a year
leading a list of allies, a count of newcomers with its list, a chronicle ("grew by including A in
1952 and B in 1955"), a list taken up by the next sentence ("These nations joined ..."), a day
without a year after the place it happened ("entered as the 32nd member ... in Brussels on 11
March"). Each ally is one claim judged on its accession date (facts-members: the instrument's
deposit). Sentences written for these tests in the style of news reports."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check


def _accessions(text: str, date: str = "2024-06-01") -> list[tuple[str | None, str]]:
    return [(c.country, c.verdict) for c in check(text, date=date).claims if c.kind == "event_date"]


def test_a_year_leading_a_list_dates_each_ally() -> None:
    text = "In 2009, Albania and Croatia officially joined NATO after years of reforms."
    assert _accessions(text) == [("ALB", "supported"), ("HRV", "supported")]
    text = "On April 2, 2009, Albania and Croatia joined NATO, a day the two capitals celebrated."
    assert _accessions(text) == [("ALB", "contradicted"), ("HRV", "contradicted")]  # deposited 1 April 2009
    claim = check(text, date="2024-06-01").claims[0]
    assert claim.expected == "2009-04-01" and claim.evidence[0].source == "facts-members"


def test_a_count_of_newcomers_with_its_list() -> None:
    text = "In 2007 two more countries joined, among them the Balkan neighbours Albania and Croatia."
    assert _accessions(text) == [("ALB", "contradicted"), ("HRV", "contradicted")]
    text = "In 2009 two more countries joined, among them the Balkan neighbours Albania and Croatia."
    assert _accessions(text) == [("ALB", "supported"), ("HRV", "supported")]


def test_a_count_of_newcomers_that_may_not_join_is_not_read() -> None:
    assert _accessions("In 2009 two more countries hoped to join, including Albania and Croatia.") == []


def test_enlargement_told_as_a_chronicle() -> None:
    text = "The alliance expanded to include Portugal's neighbour Spain in 1982 and Albania and Croatia in 2008."
    assert _accessions(text) == [("ESP", "supported"), ("ALB", "contradicted"), ("HRV", "contradicted")]


def test_these_nations_take_up_the_list_of_the_sentence_before() -> None:
    text = "The 2009 round brought in Albania and Croatia. These two nations formally joined NATO on 1 April 2009."
    found = _accessions(text)
    assert ("ALB", "supported") in found and ("HRV", "supported") in found


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # Sweden deposited its instrument on 7 March 2024; the flag was raised in Brussels on 11 March
        ("Sweden formally entered as the 32nd member of NATO at a ceremony in Washington on March 7.", "supported"),
        (
            "Sweden formally entered as the 32nd member of NATO at the headquarters in Brussels on March 11.",
            "contradicted",
        ),
    ],
)
def test_a_day_without_a_year_after_where_it_happened(text: str, verdict: str) -> None:
    assert [v for c, v in _accessions(text, "2024-03-20") if c == "SWE"] == [verdict]


def test_a_day_in_another_clause_is_not_the_accession() -> None:
    found = check("Sweden, which joined NATO last year, held elections on September 11.", date="2025-09-20").claims
    # "last year" (2024) is Sweden's accession year; "September 11" is the elections'
    assert [(c.text, c.verdict) for c in found] == [("Sweden, which joined NATO last year", "supported")]


def test_joining_a_group_named_before_is_not_an_accession() -> None:
    text = "Poland met the target early; Romania has joined them this year, and Latvia is expected to in 2018."
    assert _accessions(text, "2017-02-15") == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Sweden officially became a NATO member on March 7, 2024.", "supported"),
        ("Sweden's membership became official on March 8, 2024.", "contradicted"),
        ("Finland joined NATO last year, doubling the alliance's border with Russia.", "supported"),
        ("Sweden joined NATO last year after a long wait.", "contradicted"),
        ("Sweden joined the alliance earlier this year.", "supported"),
    ],
)
def test_accessions_in_other_words_and_relative_years(text: str, verdict: str) -> None:
    assert [v for _, v in _accessions(text, "2024-06-20")] == [verdict]


def test_an_application_last_year_is_no_accession() -> None:
    assert _accessions("Sweden, which applied to join last year, is still waiting.", "2023-06-20") == []


def test_a_gapped_chronicle_after_a_verb_of_joining() -> None:
    text = "Hungary joined NATO in March 1999, Slovakia in March 2004 and Croatia in April 2009."
    assert _accessions(text) == [("HUN", "supported"), ("SVK", "supported"), ("HRV", "supported")]
    text = "Hungary joined NATO in March 1999, Slovakia in May 2004."  # Slovakia: 29 March 2004
    assert _accessions(text) == [("HUN", "supported"), ("SVK", "contradicted")]
    # a clause with its own verb is no gap
    assert _accessions("Hungary joined NATO in March 1999, and Slovakia voted in 2002.") == [("HUN", "supported")]


@pytest.mark.parametrize(
    ("text", "verdicts"),
    [
        # Albania and Croatia 2009-04-01, Montenegro 2017-06-05: each ally with its own date, in order
        (
            "Croatia and Montenegro joined NATO in 2009 and 2017 respectively.",
            [("HRV", "supported"), ("MNE", "supported")],
        ),
        (
            "Croatia and Montenegro joined NATO in April 2009 and June 2016, respectively.",
            [("HRV", "supported"), ("MNE", "contradicted")],
        ),
    ],
)
def test_respectively_pairs_each_ally_with_its_date(text: str, verdicts: list[tuple[str, str]]) -> None:
    assert _accessions(text) == verdicts


@pytest.mark.parametrize(
    "text",
    [
        "Finland's parliament approved joining NATO in 2022.",
        "Sweden decided to join NATO in 2022.",
        "Finland voted to join the alliance in 2022.",
    ],
)
def test_a_step_towards_joining_is_no_accession(text: str) -> None:
    assert _accessions(text, "2025-03-20") == []


def test_east_germany_is_not_the_ally_germany() -> None:
    # the GDR never acceded: its territory joined with reunification in 1990 (Germany: 1955)
    assert _accessions("West Germany joined NATO in 1955, and East Germany in 1990.") == [("DEU", "supported")]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("In 2004, the Baltic states joined NATO.", "supported"),
        ("In 2003, the three Baltic states joined NATO.", "contradicted"),
        ("The Baltic states became NATO members in 2004.", "supported"),
    ],
)
def test_a_group_dated_by_a_leading_year_or_becoming_nato_members(text: str, verdict: str) -> None:
    assert _accessions(text) == [("EST", verdict), ("LVA", verdict), ("LTU", verdict)]


def test_dates_listed_after_the_verb_pair_with_the_allies_without_respectively() -> None:
    assert _accessions("Finland and Sweden joined NATO in 2023 and 2024.") == [
        ("FIN", "supported"),
        ("SWE", "supported"),
    ]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("NATO welcomed Sweden as its 32nd member on 7 March.", "supported"),
        # the flag was raised in Brussels on 11 March 2024: a welcome may be that later ceremony
        ("NATO welcomed Sweden as its 32nd member on 11 March.", "not checkable"),
        ("The alliance welcomed Finland into NATO on 4 April 2023.", "supported"),
    ],
)
def test_welcomed_as_a_member_on_a_day(text: str, verdict: str) -> None:
    assert [v for c, v in _accessions(text, "2024-03-20") if c in ("SWE", "FIN")] == [verdict]


def test_a_year_after_another_allys_clause_is_that_allys() -> None:
    # before round 4's fix: Finland "joined ... in 2024" (contradicted) — the year is Sweden's
    # (round 6: "and Sweden followed in 2024" is Sweden's own accession, read by standing.py)
    assert _accessions("In 2023, Finland joined NATO, and Sweden followed in 2024.", "2025-06-20") == [
        ("FIN", "supported"),
        ("SWE", "supported"),
    ]
