"""Round 6 verdict rules (engines/claims/dated.py, sources.py): sentences written for these tests."""

from __future__ import annotations

from natosim.engines.claims import check
from natosim.engines.claims.dated import memberships_between
from natosim.engines.claims.model import Claim


def _members(text: str, date: str | None) -> list[Claim]:
    return [c for c in check(text, date=date).claims if c.kind == "member_count"]


def test_memberships_between_counts_every_day_of_the_period() -> None:
    import datetime as dt

    assert memberships_between(dt.date(2016, 1, 1), dt.date(2016, 12, 31)) == [28]
    assert memberships_between(dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == [31, 32]
    assert memberships_between(dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == [31]


def test_a_count_the_sentence_dates_first_is_judged_on_that_days_membership() -> None:
    # 28 allies in 2011, not the 32 of the article's day
    (claim,) = _members("In 2011 just four of NATO's 32 members spent two percent of GDP on defence.", "2025-09-01")
    assert claim.verdict == "contradicted"
    assert claim.expected == 28 and claim.year == 2011
    # Sweden joined on 7 March 2024: in January the alliance had 31
    (claim,) = _members("As of January 2024, the alliance has 32 member countries.", "2024-05-01")
    assert claim.verdict == "contradicted" and claim.expected == 31


def test_a_count_right_for_its_date_stands_whatever_the_articles_day() -> None:
    for date in ("2025-09-01", None):
        (claim,) = _members("In 2011 just four of NATO's 28 members spent two percent of GDP on defence.", date)
        assert claim.verdict == "supported", claim.note
    # a year in which the membership changed: either count was true on some day
    (claim,) = _members("In 2023, all 31 members of the alliance signed the statement.", "2025-02-01")
    assert claim.verdict == "supported"


def test_a_later_clause_or_the_present_is_not_dated_by_the_opening_year() -> None:
    text = "In 2011 the allies met in Lisbon; today NATO's 32 members meet in The Hague."
    (claim,) = _members(text, "2025-07-01")
    assert claim.verdict == "supported"
    text = "In 2014 the allies promised to spend two percent of GDP, and since then all 32 members have raised it."
    (claim,) = _members(text, "2025-07-01")
    assert claim.verdict == "supported"


def test_a_figure_attributed_to_another_source_is_not_checkable() -> None:
    text = "Germany spent 1.5% of its GDP on defence in 2021, according to the IISS."
    (claim,) = [c for c in check(text, date="2022-05-01").claims if c.kind == "spending_pct_gdp"]
    assert claim.verdict == "not checkable" and "another source" in claim.note
    # the same figure with NATO named as the source is judged (DEU 2021: 1.33%, contradicted by rounding)
    text = "Germany spent 1.5% of its GDP on defence in 2021, according to NATO."
    (claim,) = [c for c in check(text, date="2024-08-01").claims if c.kind == "spending_pct_gdp"]
    assert claim.verdict != "not checkable"
    # plainly impossible on any measure: still false
    text = "Germany spent 6% of its GDP on defence in 2021, according to the IISS."
    (claim,) = [c for c in check(text, date="2022-05-01").claims if c.kind == "spending_pct_gdp"]
    assert claim.verdict == "contradicted"


def test_a_count_with_no_year_before_the_edition_of_its_year_is_the_year_befores() -> None:
    from natosim.engines.claims import facts

    # natosim's count at 2% for 2022 (every edition held agrees it differs from 2023's)
    count_2022 = facts.allies_at_or_above(2022, 2.0, "2024-06")
    assert count_2022 is not None
    text = f"Only {count_2022[0]} of NATO's 31 members meet the 2% of GDP spending target."
    (claim,) = [c for c in check(text, date="2023-07-20").claims if c.kind == "allies_meeting_target"]
    assert claim.verdict == "supported" and claim.year == 2022, claim.note


def test_money_and_shares_are_supported_within_the_guides_widths() -> None:
    from natosim.engines.claims.numbers import quantities
    from natosim.engines.claims.tolerance import judge

    (amount,) = quantities("$940 billion")
    assert judge(amount, 900e9, "money")[0] == "supported"  # 4.3 % off: within 5 %
    assert judge(amount, 880e9, "money")[0] == "contradicted"  # 6.4 % off
    (share,) = quantities("68%")
    assert judge(share, 66.3, "share_pct")[0] == "supported"  # 1.7 points
    assert judge(share, 65.7, "share_pct")[0] == "imprecise"  # 2.3 points: the rounding of "68" is not on top
    assert judge(share, 65.3, "share_pct")[0] == "contradicted"  # 2.7 points
    # % of GDP keeps its rounding rule: 2.4% for 2.31% is imprecise, not supported
    (pct,) = quantities("2.4%")
    assert judge(pct, 2.31, "pct_gdp")[0] == "imprecise"


def test_with_no_date_a_membership_of_some_day_is_supported_for_that_period() -> None:
    # 29 allies from Montenegro (2017-06-05) to North Macedonia (2020-03-27)
    (claim,) = _members("NATO's 29 members met in Brussels to discuss spending.", None)
    assert claim.verdict == "supported" and "2017-06-05" in claim.note
    # a year written later than the period rules it out: 29 was no longer the membership in 2023
    (claim,) = _members("In a 2023 speech he praised NATO's 29 members.", None)
    assert claim.verdict != "supported"
    # with the date known, the membership of that day decides
    (claim,) = _members("NATO's 29 members met in Brussels to discuss spending.", "2024-05-01")
    assert claim.verdict == "contradicted"


def test_with_no_date_and_no_year_a_figure_is_judged_on_a_year_it_may_be_about() -> None:
    from natosim.engines.claims import facts

    figure = facts.ally_figure("POL", 2022, "defence_exp_pct_gdp", "2024-06")
    assert figure is not None
    text = f"Poland spends {figure.value:.2f}% of its GDP on defence, the most in the alliance."
    (claim,) = [c for c in check(text, date=None).claims if c.kind == "spending_pct_gdp"]
    assert claim.verdict == "supported" and claim.year is not None and claim.year >= 2022, claim.note
    # a figure no year fits stays unjudged or false
    (claim,) = [c for c in check("Poland spends 9.1% of its GDP on defence.", date=None).claims]
    assert claim.verdict in ("contradicted", "not checkable")


def test_a_level_for_this_year_is_the_estimate_of_the_day_not_a_plan() -> None:
    from natosim.engines.claims.abstain import national_plan_reason

    (claim,) = [
        c
        for c in check("Estonia will spend 3.4% of its GDP on defence this year.", date=None).claims
        if c.kind == "spending_pct_gdp"
    ]
    assert national_plan_reason(claim) is None
    (claim,) = [
        c
        for c in check("Estonia will spend 3.4% of its GDP on defence.", date=None).claims
        if c.kind == "spending_pct_gdp"
    ]
    assert claim.verdict == "not checkable" and "plan" in claim.note
