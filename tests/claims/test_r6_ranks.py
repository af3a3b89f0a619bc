"""Round 6 (r6-ranks): ranks and counts of allies at a target said in other words, with sentences
written for these tests (not taken from the corpus), judged against NATO's figures."""

from __future__ import annotations

from natosim.engines.claims import check
from natosim.engines.claims.model import Claim


def _claims(text: str, date: str, kind: str) -> list[Claim]:
    return [c for c in check(text, date=date).claims if c.kind == kind]


# --- counts of allies at a target (engines/claims/meeting.py) ---------------------------------------


def test_passive_count_with_the_target_first() -> None:
    text = "NATO set its 2% of GDP goal at Wales. In 2014 that goal was reached by just three member states."
    (claim,) = _claims(text, "2024-07-01", "allies_meeting_target")
    assert claim.value == 3 and claim.year == 2014 and claim.verdict == "supported"


def test_pro_verb_counts_follow_the_time_words() -> None:
    text = (
        "Allies pledged to spend 2% of GDP on defence. A decade ago only three members did so; today 23 of them do so."
    )
    claims = _claims(text, "2024-07-01", "allies_meeting_target")
    assert [(c.value, c.year, c.verdict) for c in claims] == [(3, 2014, "supported"), (23, 2024, "supported")]


def test_today_dates_the_count_even_without_the_article_date() -> None:
    # without the article's date "today" cannot be placed, and the other clause's year must not date it
    text = (
        "Allies pledged to spend 2% of GDP on defence. Before February 2022 only eight allies reached that "
        "target; today 23 do so."
    )
    (today,) = [c for c in _claims(text, "", "allies_meeting_target") if c.value == 23]
    assert today.verdict != "contradicted" and today.year_source != "stated"


def test_one_ally_alone_above_a_threshold() -> None:
    text = "Only one NATO country spent more than 3% of its GDP on its armed forces in 2015, the United States."
    (claim,) = _claims(text, "2016-03-01", "allies_meeting_target")
    assert claim.value == 1 and claim.year == 2015 and "≥3%" in (claim.unit or "")
    assert claim.verdict in ("supported", "imprecise")


def test_long_noun_phrase_before_the_verb() -> None:
    text = (
        "Members should spend 2% of GDP on defence. In 2024, only 23 of the transatlantic alliance's 32 "
        "members met that goal."
    )
    (claim,) = _claims(text, "2024-07-01", "allies_meeting_target")
    assert claim.value == 23 and claim.year == 2024 and claim.verdict == "supported"


def test_earlier_count_after_a_count_in_words() -> None:
    text = (
        "In 2024, most allies are expected to meet the target of investing 2% of GDP in defence, "
        "compared with only three allies in 2014."
    )
    (three,) = [c for c in _claims(text, "2024-07-01", "allies_meeting_target") if c.value == 3]
    assert three.year == 2014 and three.verdict == "supported"


def test_a_past_count_without_its_year_is_not_judged() -> None:
    text = "We expect 23 allies to spend 2% of GDP this year. Six members were doing so, officials said."
    (six,) = [c for c in _claims(text, "2024-07-01", "allies_meeting_target") if c.value == 6]
    assert six.verdict == "not checkable"


# --- ranks (engines/claims/rank_words.py, ranks.py) --------------------------------------------------


def test_second_largest_budget_is_a_rank_in_money() -> None:
    text = "NATO's figures for 2023 are out. Britain still has the second largest defence budget in NATO."
    (claim,) = _claims(text, "2024-07-01", "spending_rank")
    assert claim.country == "GBR" and claim.unit == "US$" and claim.value == 2


def test_list_spending_the_least_is_each_in_the_bottom() -> None:
    text = "In 2023, Spain, Belgium and Luxembourg spent the least on defence as a share of GDP within NATO."
    claims = _claims(text, "2024-07-01", "spending_rank")
    assert [(c.country, c.value, c.verdict) for c in claims] == [
        ("ESP", "bottom-3", "supported"),
        ("BEL", "bottom-3", "supported"),
        ("LUX", "bottom-3", "supported"),
    ]


def test_only_one_ally_worse_makes_the_other_second_from_bottom() -> None:
    text = "Luxembourg spent 0.72% of GDP on defence in 2023, NATO says. Only Luxembourg does worse than Spain."
    (claim,) = _claims(text, "2024-07-01", "spending_rank")
    assert claim.country == "ESP" and claim.value == "last-1" and claim.verdict == "supported"


def test_followed_by_ranks_next_in_order() -> None:
    text = (
        "NATO allies' budgets rose. Poland leads the alliance with 4.12% of GDP on defence, followed by Estonia "
        "with 3.43% and the United States with 3.38%."
    )
    claims = {c.country: c for c in _claims(text, "2024-07-01", "spending_rank")}
    assert claims["POL"].value == 1 and claims["EST"].value == 2 and claims["USA"].value == 3
    assert all(c.verdict == "supported" for c in claims.values())


def test_highest_spenders_listed_after_the_verb() -> None:
    text = "In 2024 the highest NATO spenders as a share of GDP were Poland, Estonia and the United States."
    claims = _claims(text, "2024-07-01", "spending_rank")
    assert {c.country for c in claims} == {"POL", "EST", "USA"}
    assert all(c.value == "top-3" and c.verdict == "supported" for c in claims)


def test_one_of_the_lowest_is_vague_never_contradicted() -> None:
    text = "In 2024 Poland was one of the NATO countries with the lowest defence spending as a share of GDP."
    (claim,) = _claims(text, "2024-07-01", "spending_rank")
    assert claim.value == "bottom-group" and claim.verdict == "not checkable"


def test_an_ordinal_before_a_comma() -> None:
    text = "In NATO's 2024 ranking of defence spending by share of GDP, Britain is placed ninth, with 2.33%."
    (claim,) = _claims(text, "2024-07-01", "spending_rank")
    assert claim.country == "GBR" and claim.value == 9 and claim.verdict == "supported"


def test_appositive_superlative_names_the_clause_subject() -> None:
    text = (
        "This year Spain, which has long resisted the target, will spend 1.28% of GDP on defence, the "
        "smallest share among NATO members."
    )
    (claim,) = _claims(text, "2024-07-01", "spending_rank")
    assert claim.country == "ESP" and claim.value == "last"


def test_first_in_the_world_in_money_against_sipri() -> None:
    text = "In 2023, the United States spent more money on its military than any other country in the world."
    (claim,) = _claims(text, "2024-07-01", "spending_rank")
    assert claim.verdict == "supported" and "SIPRI" in claim.note and "CHN" in claim.note


def test_a_two_decimal_figure_dates_a_present_rank() -> None:
    text = "Estonia's defence budget equals 3.43% of GDP, which is the fourth-highest in NATO."
    (claim,) = _claims(text, "2024-07-01", "spending_rank")
    assert claim.verdict == "contradicted" and claim.expected == "2"


def test_earlier_count_dated_by_years_ago() -> None:
    text = "Allies agreed to spend 2% of GDP. Now 23 allies meet the target, up from three a decade ago."
    (earlier,) = [c for c in _claims(text, "2024-07-01", "allies_meeting_target") if c.value == 3]
    assert earlier.year == 2014 and earlier.verdict == "supported"


def test_a_denied_rank_is_not_read_as_the_rank() -> None:
    text = "In 2024 Estonia is not the largest defence spender in NATO as a share of GDP, the minister said."
    assert _claims(text, "2024-07-01", "spending_rank") == []


def test_the_only_allies_listed_are_a_count() -> None:
    text = (
        "NATO allies pledged 2% of GDP. In 2024, Poland, Estonia, the United States, Latvia and Greece were "
        "the only allies that spent more than 3% of GDP on defence."
    )
    (claim,) = _claims(text, "2024-07-01", "allies_meeting_target")
    assert claim.value == 5 and claim.year == 2024 and "≥3%" in (claim.unit or "") and claim.verdict == "supported"
    fewer = text.replace("Latvia and Greece", "and Latvia")
    (wrong,) = _claims(fewer, "2024-07-01", "allies_meeting_target")
    assert wrong.value == 4 and wrong.verdict == "contradicted"
