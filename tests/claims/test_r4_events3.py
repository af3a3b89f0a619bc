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


def test_enlargement_told_by_its_additions() -> None:
    text = (
        "The two new members join NATO after the addition of Slovakia and Slovenia in 2004; "
        "Poland and Hungary in 1999; and Greece in 1955."
    )
    assert _accessions(text) == [
        ("SVK", "supported"),
        ("SVN", "supported"),
        ("POL", "supported"),
        ("HUN", "supported"),
        ("GRC", "contradicted"),  # 1952-02-18
    ]
    led = "NATO first grew in 1952 with the inclusion of Greece and Turkey, followed by Spain in 1982."
    assert _accessions(led) == [("GRC", "supported"), ("TUR", "supported"), ("ESP", "supported")]


def test_an_aside_in_a_chronicle_dates_nothing() -> None:
    text = (
        "Greece and Turkey joined NATO in 1952, followed by West Germany in 1955 (reunified as Germany in "
        "1990), Spain in 1982, and Poland in 1999."
    )
    assert ("DEU", "contradicted") not in _accessions(text)
    assert ("ESP", "supported") in _accessions(text) and ("POL", "supported") in _accessions(text)


def test_an_addition_to_a_group_meeting_the_target_is_no_accession() -> None:
    text = "The addition of Poland and Greece in 2014 brought to three the allies meeting the 2% target."
    assert _accessions(text) == []


def test_article_4_requests_listed_by_year() -> None:
    text = (
        "Article 4 has been used only a handful of times:\n\n"
        "2003 – Turkey: Ankara feared the war in Iraq.\n\n"
        "2014 – Poland: Warsaw asked after Crimea was annexed.\n\n"
        "2016 – Turkey: a request that never happened.\n"
    )
    found = [(c.country, c.verdict) for c in check(text, date="2025-10-01").claims if c.kind == "event_date"]
    assert found == [("TUR", "supported"), ("POL", "supported"), ("TUR", "contradicted")]  # 2015, 2020 on record


def test_a_timeline_entry_led_by_its_year() -> None:
    text = (
        "NATO timeline.\n\n1999: Three former Warsaw Pact nations — Poland, Hungary and the Czech Republic — "
        "join NATO.\n\n1982: Spain becomes the 16th member of NATO.\n\n"
        "1994: Finland and Sweden join NATO's Partnership for Peace program.\n\n"
        "1990: Greece joins the alliance.\n"
    )
    assert _accessions(text) == [
        ("POL", "supported"),
        ("HUN", "supported"),
        ("CZE", "supported"),
        ("ESP", "supported"),
        ("GRC", "contradicted"),  # 1952-02-18
    ]


def test_a_year_leading_allies_that_became_nato_members() -> None:
    text = "In 1999, the Czech Republic, Hungary, and Poland became NATO members."
    assert _accessions(text) == [("CZE", "supported"), ("HUN", "supported"), ("POL", "supported")]


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        ("Finland formally joined NATO on Tuesday, becoming its 31st member.", "2023-04-05", "supported"),
        ("Finland formally joined NATO on Monday, becoming its 31st member.", "2023-04-05", "contradicted"),
        ("On Thursday, Sweden officially became a NATO member.", "2024-03-09", "supported"),
        ("Sweden joined NATO yesterday.", "2024-03-09", "contradicted"),  # 2024-03-07
        ("Sweden joined NATO yesterday.", "2024-03-08", "supported"),
    ],
)
def test_an_accession_dated_by_a_day_relative_to_the_article(text: str, date: str, verdict: str) -> None:
    found = [c for c in check(text, date=date).claims if c.kind == "event_date" and c.unit == "date"]
    assert [c.verdict for c in found] == [verdict]


def _days(text: str, date: str) -> list[tuple[str | None, str]]:
    return [(c.country, c.verdict) for c in check(text, date=date).claims if c.unit == "date"]


def test_a_relative_day_of_another_act_or_long_after_the_accession_gives_no_claim() -> None:
    assert _days("Sweden, which joined NATO in 2024, held talks on Friday.", "2024-06-07") == []
    assert _days("Finland joined NATO's exercise on Tuesday.", "2024-06-07") == []
    assert _days("Poland, which joined NATO, spoke on Tuesday.", "2024-06-07") == []
    assert _days("The alliance yesterday added Albania and Croatia as its newest members.", "2009-04-02") == [
        ("ALB", "supported"),
        ("HRV", "supported"),
    ]


def test_ordinals_and_counts_of_an_enlargement() -> None:
    assert _kind("North Macedonia became the 30th NATO member.", "member_count", "2020-04-01") == [
        ("30th NATO member", "supported")
    ]
    assert _kind("Montenegro became the 30th NATO member.", "member_count", "2020-04-01") == [
        ("30th NATO member", "contradicted")  # the 29th
    ]
    brought = "The NATO enlargement brings to 28 the number of allies."
    assert _kind(brought, "member_count", "2009-04-02") == [("28 the number of allies", "supported")]
    assert _kind(brought, "member_count", "2020-04-01") == [("28 the number of allies", "contradicted")]
    grown = "NATO has increased its membership from the original twelve to thirty-two countries."
    assert ("twelve", "supported") in _kind(grown, "member_count")


def test_a_second_count_of_requests_in_one_sentence() -> None:
    text = (
        "Monday's talks are the third time Article 4 has been invoked since Russia invaded Ukraine in 2022, "
        "and the ninth time it has been triggered in the alliance's history."
    )
    found = [c for c in check(text, date="2025-10-01").claims if c.subject == "article4-count"]
    assert [(c.value, c.verdict) for c in found] == [(3, "supported"), (9, "supported")]
    wrong = text.replace("ninth", "twelfth")
    found = [c for c in check(wrong, date="2025-10-01").claims if c.subject == "article4-count"]
    assert [(c.value, c.verdict) for c in found] == [(3, "supported"), (12, "contradicted")]


def test_a_period_bound_in_a_citation_dates_no_accession() -> None:
    text = "Estonia and Latvia joined the alliance (NATO Members Over Time (1949-2024))."
    assert _accessions(text) == []
    assert _accessions("Estonia and Latvia joined the alliance in 2004.") == [
        ("EST", "supported"),
        ("LVA", "supported"),
    ]


def test_that_year_is_the_year_of_the_sentence_before() -> None:
    text = (
        "In 1999, NATO's summit was held in Washington. In that year, Poland, the Czech Republic and Hungary "
        "became NATO members."
    )
    assert _accessions(text) == [("POL", "supported"), ("CZE", "supported"), ("HUN", "supported")]
    wrong = text.replace("1999", "2004")
    # a year taken from another sentence is inferred: a mismatch abstains (abstain.py), it does not accuse
    assert _accessions(wrong) == [("POL", "not checkable"), ("CZE", "not checkable"), ("HUN", "not checkable")]


def test_a_timeline_entry_dated_by_the_treaty_signing() -> None:
    for text, verdict in (
        ("April 4, 1949 - The 12 nations of Belgium, Canada and others sign the North Atlantic Treaty.", "supported"),
        ("April 14, 1949 - Established when 12 nations sign the North Atlantic Treaty in Washington.", "contradicted"),
    ):
        found = [c for c in check(text, date="2024-06-01").claims if c.subject == "founding"]
        assert [c.verdict for c in found] == [verdict]
    assert [c for c in check("2014 - Poland signs a deal.", date="2024-06-01").claims if c.subject == "founding"] == []


def test_a_founder_signing_the_treaty_and_this_treaty() -> None:
    assert _accessions("When Iceland signed the Treaty in 1949, it had no army.") == [("ISL", "supported")]
    # no verb of joining: a wrong year abstains (abstain.py), it does not accuse
    assert _accessions("When Iceland signed the Treaty in 1951, it had no army.") == [("ISL", "not checkable")]
    # a later ally signs an accession protocol, not the treaty: no accession read
    assert _accessions("Sweden signed the Treaty in 2022, officials said.") == []
    text = "NATO is based on the North Atlantic Treaty. This treaty was signed in 1949."
    assert [c.verdict for c in check(text, date="2024-06-01").claims if c.subject == "founding"] == ["supported"]
    wrong = text.replace("1949", "1952")
    assert [c.verdict for c in check(wrong, date="2024-06-01").claims if c.subject == "founding"] == ["not checkable"]


def test_the_treatys_year_in_brackets() -> None:
    for year, verdict in (("1949", "supported"), ("1955", "contradicted")):
        text = f"Under the Washington Treaty ({year}), Article 4 lets any ally request consultations."
        found = [c for c in check(text, date="2024-06-01").claims if c.subject == "founding"]
        assert [c.verdict for c in found] == [verdict]
