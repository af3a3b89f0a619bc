"""Wordings of NATO's events found missing on the development articles (issue 17, round 4,
r4-events2). Sentences written for these tests in the style of news reports."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check


def _events(text: str, date: str = "2024-04-04") -> list[tuple[str, str]]:
    return [(c.text, c.verdict) for c in check(text, date=date).claims if c.kind == "event_date"]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("As the 75th anniversary of the NATO alliance approaches, ministers gather in Brussels.", "supported"),
        ("The 70th anniversary of the transatlantic alliance was marked in London in 2019.", "supported"),
        ("The 80th anniversary of the NATO alliance was marked in 2024.", "contradicted"),  # 75th in 2024
    ],
)
def test_an_anniversary_of_the_alliance_named_in_other_words(text: str, verdict: str) -> None:
    assert [v for _, v in _events(text)] == [verdict]


def test_an_anniversary_of_something_else_is_not_natos() -> None:
    assert _events("The 75th anniversary of the NATO summit in Rome approaches.") == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Since 2023, NATO has had 32 members.", "contradicted"),  # 31 at the end of 2023; 32 from 2024-03-07
        ("NATO has had 32 members since 2024.", "supported"),
    ],
)
def test_a_membership_held_since_a_year(text: str, verdict: str) -> None:
    found = [c for c in check(text, date="2024-06-01").claims if c.kind == "member_count"]
    assert [c.verdict for c in found] == [verdict]
    if verdict == "contradicted":
        assert found[0].expected == "31 allies on 2023-12-31" and found[0].evidence[0].source == "facts-members"
        assert "2024-03-07" in found[0].note


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("NATO, which is 80 years old, met in Washington.", "contradicted"),
        ("The alliance, now 75 years old, faces a new threat.", "supported"),
    ],
)
def test_natos_age_told_with_is(text: str, verdict: str) -> None:
    assert [v for _, v in _events(text, "2024-06-01")] == [verdict]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        (
            "A president may leave NATO only with a simple majority in Congress or two-thirds of the Senate.",
            "supported",
        ),
        ("A president may leave NATO with a simple majority of the Senate.", "contradicted"),
        ("A president needs two-thirds of both the House and the Senate to leave NATO.", "contradicted"),
    ],
)
def test_the_withdrawal_law_by_chamber(text: str, verdict: str) -> None:
    found = [c.verdict for c in check(text, date="2024-06-01").claims if c.kind == "legal_threshold"]
    assert verdict in found and (verdict == "contradicted" or "contradicted" not in found)


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        # Vilnius: 11-12 July 2023
        ("Leaders met at the NATO summit in Vilnius last July.", "2024-06-01", "supported"),
        ("At the summit of the allies last July in Vilnius, the goal became a floor.", "2024-02-01", "supported"),
        ("Leaders met at the NATO summit in Vilnius last June.", "2024-06-01", "contradicted"),
    ],
)
def test_a_summit_last_month_in_its_city(text: str, date: str, verdict: str) -> None:
    found = [c for c in check(text, date=date).claims if c.kind == "event_date"]
    assert [c.verdict for c in found] == [verdict]
    assert found[0].expected == "2023-07-11"
    assert check("Leaders met at the NATO summit in Vilnius last July.").claims == []  # no date: no claim


@pytest.mark.parametrize(
    "text",
    [
        "Article 5 was not invoked after the drone fell in Poland in 2022.",
        "Poland considered invoking Article 4 after the 2023 missile incident but did not.",
        "Lithuania did not invoke Article 4 in 2021.",
    ],
)
def test_an_invocation_denied_or_weighed_dates_nothing(text: str) -> None:
    assert _events(text) == []


def test_an_invocation_told_plainly_is_still_dated() -> None:
    assert [v for _, v in _events("Turkey invoked Article 4 in 2003, 2012 and 2015.")] == ["supported"] * 3
    assert [v for _, v in _events("Turkey invoked Article 4 in 2004.")] == ["contradicted"]
