"""One home per rule: every part of natosim gives the same answer to the same question."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

import natosim
from natosim.rules import targets


def test_printed_rounds_half_away_from_zero_as_nato_prints() -> None:
    assert targets.printed(1.9959) == 2.0
    assert targets.printed(1.995) == 2.0
    assert targets.printed(1.9949) == 1.99
    assert targets.meets(1.9959, 2.0) is True
    assert targets.meets(1.9949, 2.0) is False
    assert targets.meets(float("nan"), 2.0) is None
    met = targets.meets(pd.Series([2.0, 1.99, None]), 2.0)
    assert met.tolist()[:2] == [True, False] and met.isna().tolist() == [False, False, True]


def test_poland_2018_meets_two_percent_everywhere() -> None:
    """Poland 2018 is 1.9959 % in the Aug 2025 edition: printed 2.00 %, so it meets 2 %."""
    table = natosim.compliance(2018, pledge="wales-2014").table.set_index("iso3")
    assert table.loc["POL", "value"] == pytest.approx(1.9959)
    assert bool(table.loc["POL", "met"]) is True


@pytest.mark.parametrize("year", list(range(2014, 2025)))
def test_compliance_count_equals_claim_checker_count(year: int) -> None:
    """Done-when of issue 12: `natosim compliance --pledge wales-2014` and the claim checker agree."""
    met = natosim.compliance(year, pledge="wales-2014").summary["met"]
    result = natosim.check(f"In {year}, {met} allies spent at least 2% of GDP on defence.")
    claims = [c for c in result.claims if c.kind == "allies_meeting_target"]
    assert claims, result.claims
    assert claims[0].expected == met
    assert claims[0].verdict == "supported"


def test_brief_counts_with_the_same_rule() -> None:
    brief = natosim.brief()
    count = natosim.compliance(brief.year, pledge="wales-2014").summary["met"]
    assert isinstance(brief.figures[0].value, str) and brief.figures[0].value.startswith(f"{count} of ")


def test_brief_twice() -> None:
    first = natosim.brief()
    second = natosim.brief()
    assert first.year == second.year


def test_us_share_one_rule_matches_nato_aggregate() -> None:
    """The one US-share function, on members' current US$ (June 2024 edition), equals NATO's own
    'NATO Total' ratio (aggregates) within 0.01 points for every year it has."""
    frame = natosim.figures(edition="2024-06", members_only=True)
    sums = frame.groupby("year")["defence_exp_usd_current_mn"].sum()
    us = frame[frame["iso3"] == "USA"].set_index("year")["defence_exp_usd_current_mn"]
    aggregate = natosim.aggregates(edition="2024-06")
    nato = aggregate[aggregate["aggregate"] == "NATO Total"].set_index("year")["us_share_of_usd_current_pct"]
    for year, published in nato.dropna().items():
        assert targets.us_share_pct(us[year], sums[year]) == pytest.approx(published, abs=0.01)


def test_headline_pledge_one_definition() -> None:
    from natosim.rules import at

    ids = [
        p.id if p is not None else None
        for p in (at("2020-12-31").headline_pledge(), at("2024-12-31").headline_pledge())
    ]
    assert ids == ["wales-2014", "vilnius-2023"]
    one_rule = targets.headline_pledge(at("2024-12-31").pledges)
    assert one_rule is not None and one_rule.id == "vilnius-2023"


def test_article_13_from_the_treaty_yaml() -> None:
    from natosim.rules import procedures, treaty

    years = treaty().articles[13].rule["effective_after"]["years"]
    assert targets.withdrawal_notice_years() == years
    result = procedures.withdrawal("NOR", notice_date="2026-03-01")
    assert result.art13_date == dt.date(2026 + years, 3, 1)


def test_far_notice_date_is_a_clean_error() -> None:
    from natosim.errors import NatosimError
    from natosim.rules import procedures

    with pytest.raises(NatosimError, match="9999"):
        procedures.withdrawal("USA", notice_date="9999-12-31")
