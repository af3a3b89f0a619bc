"""Counts of members (issue 17, round 4, r4-events): a count is the membership only when the sentence
says so ("NATO has 32 members", "the 32-strong club", "NATO's 28 members", "all 32 allies", "20 of the
28 NATO countries", "leaders of the 32 NATO nations"); some allies picked out ("the seven nations to
meet the target", "three member nations — A, B and C", "23 allies increasing their spending", "the
above 6 countries") are not; a year that frames the sentence ("As of 2023, ...") dates the count.
Sentences in the style of news reports, written for these tests."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check


def _counts(text: str, date: str | None) -> list[tuple[str, str]]:
    return [(c.text, c.verdict) for c in check(text, date=date).claims if c.kind == "member_count"]


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        # said outright: has / is made up of / N-strong / NATO's N / all N / all the other N
        ("The Atlantic alliance is made up of 31 member states, 29 of them in Europe.", "2023-10-02", "supported"),
        ("The Atlantic alliance is made up of 30 member states, 28 of them in Europe.", "2023-10-02", "contradicted"),
        ("Ministers of NATO's 29 members gathered in Brussels.", "2018-02-14", "supported"),
        (
            "All 29 Allies are now moving toward the guideline, the ambassador told NATO colleagues.",
            "2018-02-14",
            "supported",
        ),
        ("The US outspends all the other 28 NATO countries combined.", "2019-05-01", "supported"),
        ("The president assured his 31 allies at the NATO summit that he would stay.", "2024-07-12", "supported"),
        ("The 32 countries in the Nato alliance endorsed the communique.", "2025-06-26", "supported"),
        ("Leaders of the 30 NATO nations met in Madrid.", "2022-06-30", "supported"),
        ("Leaders of the 31 NATO nations met in Madrid.", "2022-06-30", "contradicted"),
        # the whole of "N of M"
        ("The alliance says 18 of 31 members will reach the benchmark.", "2024-07-01", "contradicted"),
        ("The alliance says 18 of 31 members will reach the benchmark.", "2023-07-01", "supported"),
    ],
)
def test_a_count_said_to_be_the_membership_is_judged(text: str, date: str, verdict: str) -> None:
    found = _counts(text, date)
    assert [v for _, v in found] == [verdict], found


def test_a_membership_count_without_the_word_nato_in_an_article_about_nato() -> None:
    text = "NATO ministers met on Tuesday. Only six countries in the 32-strong club still lag behind."
    assert _counts(text, "2025-02-11") == [("32-strong", "supported")]


@pytest.mark.parametrize(
    "text",
    [
        "Three of the six nations to actually reach the NATO target are in eastern Europe.",
        "According to NATO, only four member nations—Estonia, Greece and the two North American allies—did so.",
        "The alliance grew its budgets, with 21 allies raising their spending in real terms.",
        "Poland and the above 5 countries have passed the NATO guideline.",
        "Only five NATO members met the goal in 2015.",
    ],
)
def test_some_allies_picked_out_are_not_the_membership(text: str) -> None:
    assert _counts(text, "2024-07-01") == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # 31 allies in 2023 (Finland 2023-04-04), 32 only from Sweden's accession (2024-03-07)
        ("As of 2023, NATO has 32 member countries.", "contradicted"),
        ("As of 2023, NATO has 31 member countries.", "supported"),
        # in 2023 the membership was 30 until April, then 31: both were true that year
        ("In 2023, NATO had 30 members.", "supported"),
        ("As of 2021, NATO has 30 member countries.", "supported"),
    ],
)
def test_a_year_framing_the_sentence_dates_the_count(text: str, verdict: str) -> None:
    found = _counts(text, "2025-01-15")
    assert [v for _, v in found] == [verdict], found
    claim = next(c for c in check(text, date="2025-01-15").claims if c.kind == "member_count")
    assert "year stated" in claim.evidence[0].statement


def test_a_count_told_in_the_past_without_a_year_is_not_judged_on_today() -> None:
    # 28 allies from Albania and Croatia (2009-04-01) until Montenegro (2017-06-05)
    [(_, verdict)] = _counts("He said it was him who got 20 out of 28 NATO countries to pay up.", "2025-03-01")
    assert verdict == "not checkable"
    [(_, verdict)] = _counts("Today 20 out of 28 NATO countries pay their share.", "2025-03-01")
    assert verdict == "contradicted"


def test_a_contradicted_count_names_the_allies_and_the_date() -> None:
    claim = next(c for c in check("As of 2023, NATO has 32 member countries.", date="2025-01-15").claims)
    assert claim.verdict == "contradicted"
    assert claim.expected == 31
    assert claim.evidence[0].source == "facts-members"
    assert "2023-12-31" in claim.evidence[0].statement


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        # one ally and "the N other" allies: the membership less one (30 allies in March 2022)
        ("Only three of the 29 other NATO members will spend less than Canada.", "2022-03-20", "supported"),
        ("Only three of the 30 other NATO members will spend less than Canada.", "2022-03-20", "contradicted"),
        # "an alliance of N", "between N member-states", "the N countries comprising NATO"
        ("NATO is a security alliance of 31 countries from Europe and North America.", "2023-09-01", "supported"),
        ("NATO is a military alliance between 30 member-states.", "2023-09-01", "contradicted"),
        ("Envoys said the 32 countries comprising NATO had agreed a text.", "2025-06-22", "supported"),
    ],
)
def test_fellow_allies_and_the_alliance_of_n(text: str, date: str, verdict: str) -> None:
    assert [v for _, v in _counts(text, date)] == [verdict]


def test_without_the_article_date_a_whole_dated_by_what_the_allies_do_is_not_accused() -> None:
    # 31 allies from April 2023, 32 from March 2024: "in 2024" dates the meeting of the target
    text = "The secretary general said 18 of the alliance's 31 countries are set to meet the target in 2024."
    [(_, verdict)] = _counts(text, None)
    assert verdict == "not checkable"
    [(_, verdict)] = _counts(text, "2024-02-15")
    assert verdict == "supported"


def test_a_year_dating_the_founding_does_not_make_the_count_uncertain() -> None:
    # 31 allies on 9 April 2023 (Finland 2023-04-04): "30 countries" is false on the article's day
    text = "Formed in 1949 with the signing of the Washington Treaty, NATO is an alliance of 30 countries."
    assert _counts(text, "2023-04-09") == [("30 countries", "contradicted")]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("NATO, now 32 members strong, met in Brussels.", "supported"),
        ("After the Nordic enlargement NATO's membership stands at 31.", "contradicted"),
        ("Sweden's entry brings the alliance's membership to 32.", "supported"),
        # a verb that states the count with a year: that year's membership (31 at the end of 2023)
        ("The number of NATO members grew to 32 in 2023.", "contradicted"),
        ("The number of NATO members grew to 31 in 2023.", "supported"),
    ],
)
def test_the_membership_named_before_its_number(text: str, verdict: str) -> None:
    assert [v for _, v in _counts(text, "2025-03-20")] == [verdict]


def test_a_year_dating_an_event_reads_the_whole_both_ways() -> None:
    # "In 2023, ...": a date heading the sentence dates the whole too (round 6, engines/claims/dated.py, as the
    # real labels read it: "In 2016 only three of the 32 members", "As of 2023, 22 out of 32" are contradicted);
    # a year written after the count ("22 of NATO's 32 members met the target in 2023") keeps the article's whole
    assert [v for _, v in _counts("In 2023, NATO surveyed people in all 31 allies.", "2025-03-20")] == ["supported"]
    text = "In 2023, 22 of NATO's 32 members met the target."
    assert [v for _, v in _counts(text, "2025-03-20")] == ["contradicted"]
    text = "22 of NATO's 32 members met the target in 2023."
    assert [v for _, v in _counts(text, "2025-03-20")] == ["supported"]
    assert [v for _, v in _counts("In 2023, 22 of NATO's 33 members met the target.", "2025-03-20")] == ["contradicted"]
    # without the article's date, 32 (the membership from March 2024) may be the article's own
    assert [v for _, v in _counts(text, None)] == ["not checkable"]


@pytest.mark.parametrize(
    "text",
    [
        "All eight allies in the group agreed, NATO said.",
        "Poland and seven other allies invoked NATO's Article 4 in 2022.",
        "The eight-nation group met NATO officials.",
        "All 23 allies that meet the NATO target were praised.",
        "All 23 NATO allies meeting the target were praised.",
    ],
)
def test_all_or_other_of_a_few_allies_is_not_the_membership(text: str) -> None:
    assert _counts(text, "2025-03-20") == []


def test_all_the_allies_consulting_is_the_membership() -> None:
    text = "The request triggers consultations among all 32 NATO members to determine a response."
    assert _counts(text, "2025-09-19") == [("32 NATO members", "supported")]
    assert _counts("NATO has 10 members.", "2025-03-20") == [("10 members", "contradicted")]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # 12 founding allies on 24 August 1949 (facts-members): 10 in Europe, the US and Canada
        ("NATO was founded in 1949 by 10 European countries and two North American countries.", "supported"),
        ("NATO was established in 1949 by 28 European countries and two North American countries.", "contradicted"),
    ],
)
def test_founders_counted_in_parts(text: str, verdict: str) -> None:
    assert [v for _, v in _counts(text, "2022-03-01")] == [verdict]


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        # Sweden the 32nd ally (2024-03-07), Finland the 31st (2023-04-04)
        ("NATO's 32nd member, Sweden, hosted the talks.", "2025-03-20", "supported"),
        ("Sweden, the alliance's 31st member, hosted the talks.", "2025-03-20", "contradicted"),
        ("Finland, NATO's newest member, hosted the talks.", "2023-09-20", "supported"),
        ("Finland, NATO's newest member, hosted the talks.", "2025-03-20", "contradicted"),
    ],
)
def test_the_order_of_accession_in_apposition(text: str, date: str, verdict: str) -> None:
    assert [v for _, v in _counts(text, date)] == [verdict]


def test_the_newest_ally_needs_the_article_date() -> None:
    assert _counts("Finland, NATO's newest member, hosted the talks.", None) == []


@pytest.mark.parametrize(
    "text",
    ["Of the EU's 27 member states, 23 are also in NATO.", "The 27 members of the EU and NATO's allies met."],
)
def test_another_bodys_members_are_not_natos(text: str) -> None:
    assert _counts(text, "2025-03-20") == []


@pytest.mark.parametrize(
    "text",
    [
        "NATO exercises with 20 allies and partners began on Monday.",
        "NATO said the 30 allies present agreed on the text.",
        "The 25 NATO nations involved sent ships.",
    ],
)
def test_a_mixed_group_or_those_at_an_event_are_not_the_membership(text: str) -> None:
    assert _counts(text, "2025-03-20") == []


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        ("NATO said all 32 of its members are on course to spend 2% this year.", "2025-06-20", "supported"),
        (
            "Ratification takes a year, as the parliaments of all 30 current members must approve NATO entrants.",
            "2023-06-20",
            "contradicted",
        ),  # 31 allies from 2023-04-04
        (
            "Twelve countries, including the United States and Canada, signed the North Atlantic Treaty.",
            "2024-04-04",
            "supported",
        ),
    ],
)
def test_all_n_of_its_members_current_members_and_signatories(text: str, date: str, verdict: str) -> None:
    assert [v for _, v in _counts(text, date)] == [verdict]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        # 32 allies in June 2025, the US and Canada the North American two (groups.yaml european_allies)
        ("NATO's 30 European members and Canada spent more.", "supported"),
        ("NATO's 31 European members and Canada spent more.", "contradicted"),
    ],
)
def test_the_european_allies_counted(text: str, verdict: str) -> None:
    assert [v for _, v in _counts(text, "2025-06-20")] == [verdict]
