"""Events and membership after the held-out batches 17-20 (issue 17, round 4, r4-events3).
Sentences written for these tests in the style of news reports, none copied from the corpus."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check


def _kind(text: str, kind: str, date: str | None = "2025-10-01") -> list[tuple[str, str]]:
    return [(c.text, c.verdict) for c in check(text, date=date).claims if c.kind == kind]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # since 2022: 2022-02-24 (eight allies), POL 2025-09-10, EST 2025-09-19
        (
            "Monday's meeting is the third time Article 4 has been invoked since Russia invaded Ukraine in 2022.",
            "supported",
        ),
        ("It is the fifth time Article 4 has been triggered since the war began in 2022.", "contradicted"),
    ],
)
def test_a_count_of_requests_since_a_year_is_counted_from_that_year(text: str, verdict: str) -> None:
    found = [c for c in check(text, date="2025-10-01").claims if c.subject == "article4-count"]
    assert [c.verdict for c in found] == [verdict]
    assert "counted from 2022" in found[0].note


@pytest.mark.parametrize("date", ["2025-10-01", None])
def test_the_original_members_are_the_founders(date: str | None) -> None:
    text = "The North Atlantic alliance has grown from its original 12 member countries to 32 nations."
    assert ("12 member countries", "supported") in _kind(text, "member_count", date)
    wrong = "NATO has grown from its original 14 member countries to 32 nations."
    assert ("14 member countries", "contradicted") in _kind(wrong, "member_count", date)


def test_a_count_compared_with_like_is_some_allies() -> None:
    text = "Belgium now meets the NATO spending guideline, just like 22 other countries."
    assert _kind(text, "member_count") == []
    # "like the 31 other allies": all the others
    assert _kind("Sweden, like the 31 other NATO allies, agreed.", "member_count") == [
        ("31 other NATO allies", "supported")
    ]


def _accessions(text: str, date: str | None = "2025-10-01") -> list[tuple[str | None, str]]:
    return [
        (c.country, c.verdict)
        for c in check(text, date=date).claims
        if c.kind == "event_date" and (c.subject or "").startswith("accession")
    ]


@pytest.mark.parametrize("date", ["2025-10-01", None])
def test_a_membership_list_with_bracketed_years(date: str | None) -> None:
    text = (
        "NATO is an alliance of 32 countries. Its members are:\n\n"
        "Denmark (1949)\n\nSpain (1982)\n\nGermany (1955, as West Germany)\n\nSlovakia (2009)\n"
    )
    assert _accessions(text, date) == [
        ("DNK", "supported"),
        ("ESP", "supported"),
        ("DEU", "supported"),
        ("SVK", "contradicted"),  # 2004-03-29
    ]
    wrong = next(c for c in check(text, date=date).claims if c.country == "SVK")
    assert wrong.evidence[0].source == "facts-members" and "2004-03-29" in str(wrong.expected)


def test_bracketed_years_in_one_sentence_and_what_is_not_a_membership_list() -> None:
    assert _accessions("NATO members include Norway (1949), Greece (1952) and Croatia (2009).") == [
        ("NOR", "supported"),
        ("GRC", "supported"),
        ("HRV", "supported"),
    ]
    # spending figures, one ally in running text: no accession read
    assert _accessions("NATO allies spend more: Poland (2023) 3.9% of GDP, Greece (2023) 3.0%.") == []
    assert _accessions("NATO ministers met as Poland (2022) had asked.") == []
