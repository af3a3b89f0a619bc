"""Wordings of real articles the checker reads (issue 17, round 3): summits by month and city,
"was granted membership", unanimity and ratification paraphrased, counts of members in other words,
number words."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check
from natosim.engines.claims.numbers import quantities
from natosim.engines.claims.tolerance import judge


def _found(text: str, date: str) -> list[tuple[str, str, str]]:
    return [(c.kind, c.text, c.verdict) for c in check(text, date=date).claims]


@pytest.mark.parametrize(
    ("text", "date", "verdict"),
    [
        ("Rutte spoke ahead of the June 24–25 NATO summit in The Hague.", "2025-06-18", "supported"),
        ("Rutte spoke ahead of the July 24–25 NATO summit in The Hague.", "2025-06-18", "contradicted"),
        ("At a summit in The Hague in June, NATO leaders reaffirmed their unity.", "2025-09-18", "supported"),
        ("Scholz referred to the Vilnius summit on July 11-12.", "2023-07-01", "supported"),
    ],
)
def test_a_summit_by_month_and_city_is_the_one_held_near_the_article(text: str, date: str, verdict: str) -> None:
    summits = [item for item in _found(text, date) if item[0] == "event_date"]
    assert [v for *_, v in summits] == [verdict], summits


def test_a_summit_by_month_far_from_the_article_is_another_summit() -> None:
    # Washington hosted summits in 1978, 1999 and 2024: natosim holds 1999 and 2024 (rules events.yaml)
    assert _found("NATO leaders met at the April summit in Washington.", "1999-05-01") == [
        ("event_date", "April summit in Washington", "supported")
    ]
    assert _found("NATO leaders met at the May summit in Washington.", "1978-06-15") == []
    [(_, _, verdict)] = _found("The 2019 Washington summit was tense.", "2024-08-01")
    assert verdict == "contradicted"
    assert {v for *_, v in _found("The 1999 Washington summit marked NATO's 50th anniversary.", "2024-08-01")} == {
        "supported"
    }


def test_granted_membership_is_an_accession() -> None:
    found = _found("Sweden was granted membership on 7 March 2024.", "2024-03-10")
    assert found == [("event_date", "Sweden was granted membership on 7 March 2024", "supported")]


@pytest.mark.parametrize(
    "text",
    [
        "Every member must agree before a new country can join the alliance.",
        "Approval of NATO membership requires ratification by the parliaments of all the countries of the bloc.",
    ],
)
def test_unanimity_in_other_words(text: str) -> None:
    assert [(kind, verdict) for kind, _, verdict in _found(text, "2024-03-10")] == [("legal_threshold", "supported")]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("NATO welcomed the vote. Hungary was the last of the bloc's 31 members to give its support.", "31 members"),
        ("The 32 members of the alliance agreed to spend more on defence.", "32 members"),
        ("Just 5 of the 28 alliance members meet the guideline, NATO says.", "28 alliance members"),
    ],
)
def test_the_membership_in_other_words(text: str, count: str) -> None:
    date = "2024-02-26" if "31" in count else "2024-07-01" if "32" in count else "2017-05-20"
    assert ("member_count", count, "supported") in _found(text, date)


def test_the_bloc_of_an_eu_sentence_is_not_nato() -> None:
    text = "NATO met in Brussels. The EU bloc's 27 members agreed on sanctions."
    assert not [item for item in _found(text, "2024-03-10") if item[0] == "member_count"]


def test_number_words_and_an_impossible_share_of_gdp() -> None:
    found = check(
        "The US accounts for sixty-six percent of NATO defence spending. Germany's spending was sixty-six "
        "percent of GDP in 2023.",
        date="2024-07-01",
    ).claims
    share = [c for c in found if c.kind == "alliance_share"]
    assert share and share[0].value == 66 and share[0].verdict == "supported"
    assert all(c.verdict != "contradicted" for c in found if c.kind == "spending_pct_gdp")


@pytest.mark.parametrize(
    "text",
    [
        "Georgia joined NATO's Partnership for Peace programme in 1994.",
        "Russia joined the Council of Europe in 1996, while NATO expanded.",
        "Austria joined the EU in 1995; it is not in NATO.",
        "Sweden joined the EU in 1995 and has been neutral since.",
    ],
)
def test_joining_another_body_is_not_an_accession(text: str) -> None:
    assert [c for c in check(text, date="2025-02-25").claims if c.kind == "event_date"] == []


def test_a_list_of_allies_joining_is_one_claim_each() -> None:
    found = check("Poland, the Czech Republic and Hungary joined NATO in 1999.", date="2025-02-25").claims
    assert [(c.country, c.verdict) for c in found] == [("POL", "supported"), ("CZE", "supported"), ("HUN", "supported")]
    [wrong] = check("Ukraine joined NATO in 2008.", date="2025-02-25").claims
    assert wrong.verdict == "contradicted"


def test_counts_rankings_and_the_equipment_pledge_in_other_words() -> None:
    date = "2024-06-20"
    text = (
        "A record 23 of NATO's 32 member nations are hitting the Western military alliance's defense spending "
        "target this year. Estonia comes second with 3.43%, while Latvia ranks third with 3.15 percent. "
        "(NATO also calls for 20% of members' defense spending to go toward equipment purchases.)"
    )
    found = {(c.kind, c.country, c.verdict) for c in check(text, date=date).claims}
    assert ("allies_meeting_target", None, "supported") in found
    assert ("spending_pct_gdp", "EST", "supported") in found
    assert ("spending_pct_gdp", "LVA", "supported") in found
    assert ("pledge_value", None, "supported") in found


def test_all_but_n_allies_counts_those_short_of_the_target() -> None:
    # in 2023 (edition 2024-06) 20 allies were below 2% and Iceland has no figure
    def count(n: int) -> str:
        text = f"All but {n} allies met the 2% target in 2023."
        return next(c.verdict for c in check(text, date="2024-06-18").claims if c.kind == "allies_meeting_target")

    assert count(20) == "supported"
    assert count(19) == "not checkable"  # allies without a figure are among "all but"


def test_batch_8_wordings() -> None:
    """Read after batch 8's first run (general forms, each seen there)."""
    day = "2020-03-31"
    found = [
        (c.kind, c.country, c.verdict)
        for c in check("NATO has accepted North Macedonia as its 30th member.", date=day).claims
    ]
    assert found == [("member_count", "MKD", "supported")]
    rank = "North Macedonia became the 14th country to join NATO after the end of the Cold War."
    assert [c for c in check(rank, date=day).claims if c.kind == "member_count"] == []
    [admitted] = check("In June 2017, Montenegro was admitted to the alliance.", date=day).claims
    assert (admitted.text, admitted.country, admitted.verdict) == ("June 2017", "MNE", "supported")
    text = (
        "NATO members are expected to dedicate 2 percent of economic output to defense, but Germany falls short "
        "and doesn't have a clear plan to reach the alliance benchmark."
    )
    found_kinds = {(c.kind, c.country, c.verdict) for c in check(text, date="2019-04-03").claims}
    assert found_kinds == {("pledge_value", None, "supported"), ("spending_pct_gdp", "DEU", "supported")}


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Trump said the US pays 100% of NATO's costs.", "contradicted"),  # false on any reading
        ("The US pays 16% of NATO's costs.", "not checkable"),  # the common budget, which natosim does not hold
        ("The US accounts for 66% of NATO defence spending.", "supported"),
    ],
)
def test_a_share_of_natos_costs(text: str, verdict: str) -> None:
    found = [c for c in check(text, date="2025-03-01").claims if c.kind == "alliance_share"]
    assert [c.verdict for c in found] in ([verdict], []) and (found or verdict == "not checkable")


def test_a_quote_said_of_a_country_and_nearly_above_the_figure() -> None:
    text = (
        "NATO members are expected to dedicate 2 percent of economic output to defense, but Germany falls short. "
        "“They are paying close to 1 percent,” Trump said of the Germans."
    )
    found = [c for c in check(text, date="2025-03-01").claims if c.text == "close to 1 percent"]
    assert [(c.country, c.qualifier) for c in found] == [("DEU", "nearly")]
    # "nearly 1" is below 1 (or 1 once rounded, not above it): Germany's 1.35% is not "close to 1"
    assert judge(quantities("close to 1 percent")[0], 1.35, "pct_gdp")[0] == "contradicted"
    assert judge(quantities("close to 1 percent")[0], 0.9, "pct_gdp")[0] == "supported"


def test_as_much_as_a_share_of_the_cost_of_operating_nato() -> None:
    text = "Trump claimed the United States is paying as much as 90 percent of the cost of operating NATO."
    [claim] = check(text, date="2018-07-12").claims
    assert (claim.kind, claim.qualifier, claim.verdict) == ("alliance_share", "about", "contradicted")


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Poland is NATO's biggest spender relative to GDP, at 4.12%.", "supported"),
        ("Poland is Europe's biggest defence spender relative to GDP.", "supported"),
        ("Germany, the alliance's second-largest spender in dollar terms, is raising its budget.", "supported"),
        ("Greece was the third biggest spender in NATO as a share of GDP in 2024.", "contradicted"),
        ("Greece is the third biggest spender in NATO.", "not checkable"),  # no year, no measure written
        # Iceland has no figure in any year: outside NATO's printed ranking (round 5, r5-summits)
        ("Spain is the lowest spender in NATO as a share of GDP.", "supported"),
    ],
)
def test_ranks_among_the_allies(text: str, verdict: str) -> None:
    found = [c for c in check(text, date="2024-06-20").claims if c.kind == "spending_rank"]
    assert [c.verdict for c in found] == [verdict], [c.note for c in found]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("European allies and Canada increased their defence spending by 18% in real terms in 2024.", "supported"),
        ("Germany's defence spending rose 10% in real terms in 2024.", "contradicted"),  # NATO: +29.4%
        ("Germany's defence spending rose 10% in 2024.", "not checkable"),  # nominal or real? not said
        ("Poland's defence budget will increase by 20% next year.", "not checkable"),  # a plan
        ("NATO allies' defence spending rose by 11% in real terms in 2023.", "not checkable"),  # which allies?
    ],
)
def test_growth_is_natos_real_change(text: str, verdict: str) -> None:
    found = [c for c in check(text, date="2024-06-18").claims if c.kind == "spending_growth"]
    assert [c.verdict for c in found] == [verdict], [c.note for c in found]
    assert not check("Germany's defence spending rose 12% in euros in 2024.", date="2024-06-18").claims


@pytest.mark.parametrize(
    ("opening", "day"),
    [
        ("OTTAWA, June 9, 2025 — Prime Minister Mark Carney said Canada will spend more.", "2025-06-09"),
        ("BRUSSELS (Reuters) - 9 July 2024 NATO leaders met.", "2024-07-09"),
    ],
)
def test_a_wire_dateline_opening_the_first_paragraph(opening: str, day: str) -> None:
    result = check(opening + " NATO has 32 members.")
    assert (str(result.date), result.date_source) == (day, "dateline")


def test_a_count_with_the_verb_left_out() -> None:
    text = "In 2014, only three allies met the 2 per cent guideline. Last year, 23 of 32 allies did."
    found = [
        (c.text, c.year, c.verdict) for c in check(text, date="2025-06-09").claims if c.kind == "allies_meeting_target"
    ]
    assert found == [
        ("only three allies met the 2 per cent", 2014, "supported"),
        ("23 of 32 allies did", 2024, "supported"),
    ]


def test_batch_9_wordings() -> None:
    """Read after batch 9's first run (Art. 4 explainers)."""
    day = "2025-09-10"
    assert not [c for c in check("This is not the first time Warsaw has invoked Article 4.", date=day).claims]
    text = "Ankara invoked it again in episodes linked to the war in Syria between 2011 and last year, under Article 4."
    assert all(c.verdict != "contradicted" for c in check(text, date=day).claims)
    text = (
        "It has been invoked five times by Türkiye and once by a group of alliance members following Russia's "
        "2022 invasion of Ukraine, under Article 4."
    )
    found = {(c.text, c.country, c.verdict) for c in check(text, date="2022-12-15").claims}
    assert ("has been invoked five times", "TUR", "supported") in found and all(v != "contradicted" for *_, v in found)
    text = (
        "Would Poland have invoked Article 4 in November, it would have been the eighth time consultations were called."
    )
    assert all(c.verdict == "not checkable" for c in check(text, date="2022-12-15").claims)
    text = (
        "Estonia has requested urgent NATO consultations under Article 4 of the alliance treaty after three Russian "
        "MiG-31 fighter jets violated its airspace for 12 minutes on Friday, September 19, 2025."
    )
    [claim] = check(text, date="2025-09-22").claims
    assert (claim.text, claim.country, claim.verdict) == ("September 19, 2025", "EST", "supported")


def test_an_article_5_topic_carried_by_it_and_the_senate_requiring_two_thirds() -> None:
    text = (
        "Article 5 is a collective defense clause.\n\nIt says that each member of NATO must take such action as it "
        "deems necessary.\n\nThis clause was only invoked once, after the attacks in the United States on "
        "September 11, 2001."
    )
    found = {(c.text, c.verdict) for c in check(text, date="2022-11-20").claims}
    assert ("was only invoked once", "supported") in found and ("September 11, 2001", "supported") in found
    text = (
        "The resolution ensures the president cannot withdraw the United States from the North Atlantic Treaty "
        "without the advice and consent of the Senate, requiring a two-thirds majority or an Act of Congress."
    )
    kinds = {(c.kind, c.verdict) for c in check(text, date="2023-07-12").claims}
    assert kinds == {("legal_threshold", "supported")} and len(check(text, date="2023-07-12").claims) >= 3


def test_joining_a_request_and_ranks_among_requesters_are_no_accessions() -> None:
    day = "2025-09-19"
    assert check("Lithuania and Latvia joined Poland's request in 2014, some reports say.", date=day).claims == []
    assert check("Estonia became the second country this month to invoke Article 4.", date=day).claims == []
    found = {(c.kind, c.verdict) for c in check("Sweden became NATO's 32nd member in March 2024.", date=day).claims}
    assert found == {("event_date", "supported"), ("member_count", "supported")}


def test_a_membership_dated_last_year() -> None:
    found = check("Last year only 11 of the 31 members met the target, according to NATO estimates.", date="2024-04-04")
    [count] = [c for c in found.claims if c.kind == "member_count"]
    assert count.verdict == "supported"  # 31 allies through 2023 (Sweden joined on 7 March 2024)


def test_a_sentence_opening_on_a_past_year() -> None:
    text = (
        "When Trump took office in 2017, just four allies met that 2% goal. "
        "By 2024, 23 of the 32 allies did, according to NATO."
    )
    found = [
        (c.text, c.year, c.verdict) for c in check(text, date="2025-07-01").claims if c.kind == "allies_meeting_target"
    ]
    assert ("23 of the 32 allies did", 2024, "supported") in found


def test_a_group_joining_and_a_rank_in_the_latest_year_of_the_edition() -> None:
    text = (
        "The three Baltic states joined NATO in 2004. Poland, which spends 4.1% of GDP on defence, is NATO's "
        "biggest spender relative to the size of its economy."
    )
    found = {(c.kind, c.country, c.year, c.verdict) for c in check(text, date="2025-06-12").claims}
    assert {("event_date", code, 2004, "supported") for code in ("EST", "LVA", "LTU")} <= found
    assert ("spending_rank", "POL", 2024, "supported") in found  # the edition of June 2025's day ends in 2024
