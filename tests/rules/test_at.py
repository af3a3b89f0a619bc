"""``natosim.rules.at(date)`` answers what was in force, from the dates in the YAML."""

from __future__ import annotations

import datetime as dt

import pytest

from natosim.rules import at
from natosim.rules.errors import InvalidDate, UnknownPledge


def _five_percent(date: str) -> list[str]:
    return [p.id for p in at(date).pledges if (p.target_pct_gdp or 0) >= 5]


def test_no_five_percent_pledge_before_the_hague() -> None:
    assert _five_percent("2024-12-31") == []
    assert _five_percent("2025-06-24") == []


def test_five_percent_pledge_from_the_hague_summit() -> None:
    assert _five_percent("2025-06-25") == ["hague-2025-total"]
    rules = at("2025-07-01")
    assert rules.pledge("hague-2025-total").target_pct_gdp == 5.0
    assert rules.pledge("hague-2025-core").target_pct_gdp == 3.5


def test_pledge_not_yet_adopted_is_refused_with_its_date() -> None:
    with pytest.raises(UnknownPledge, match="adopted 2025-06-25"):
        at("2024-12-31").pledge("hague-2025-total")


def test_guideline_of_2006_only_from_the_end_of_2006_since_its_month_is_unknown() -> None:
    assert [p.id for p in at("2006-06-30").pledges] == []
    assert [p.id for p in at("2007-01-01").pledges] == ["guideline-2006"]


def _headline_id(day: str) -> str | None:
    pledge = at(day).headline_pledge()
    return None if pledge is None else pledge.id


def test_headline_pledge_follows_the_dates() -> None:
    assert _headline_id("2013-12-31") == "guideline-2006"
    assert _headline_id("2014-12-31") == "wales-2014"
    assert _headline_id("2025-12-31") == "vilnius-2023"


def test_treaty_articles_as_in_force() -> None:
    assert at("1949-08-23").articles == {} and not at("1949-08-23").treaty_in_force
    territory = lambda date: [i["item"] for i in at(date).articles[6].rule["covered_territory"]]  # noqa: E731
    assert "Algerian Departments of France" in territory("1955-01-01")
    assert "Algerian Departments of France" not in territory("1962-07-03")
    assert not any("Turkey" in item for item in territory("1951-12-31"))
    assert any("Turkey" in item for item in territory("1952-02-18"))


def test_allies_law_and_invocations_by_date() -> None:
    assert len(at("2023-04-03").allies) == 30
    assert len(at("2023-04-04").allies) == 31 and "FIN" in at("2023-04-04").allies
    assert len(at("2024-03-07").allies) == 32
    assert at("2023-12-21").us_withdrawal_law is None
    assert at("2023-12-22").us_withdrawal_law is not None
    assert len(at("2001-09-11").article_5_invocations) == 0
    assert len(at("2001-09-12").article_5_invocations) == 1
    assert len(at("2022-02-24").article_4_requests) == 7


def test_at_accepts_a_date_object() -> None:
    assert at(dt.date(2025, 7, 1)) == at("2025-07-01")


@pytest.mark.parametrize("bad", ["2025-13-01", "2025-02-30", "01/07/2025", "", "2025-7-1", "yesterday"])
def test_malformed_dates_are_refused(bad: str) -> None:
    with pytest.raises(InvalidDate):
        at(bad)


def test_an_expired_pledge_is_out_of_force_from_its_expiry_date() -> None:
    from natosim.rules import pledge

    ended = pledge("wales-2014").model_copy(update={"expires": dt.date(2023, 7, 11)})
    assert ended.in_force_on(dt.date(2023, 7, 10))
    assert not ended.in_force_on(dt.date(2023, 7, 11))
    assert not ended.in_force_on(dt.date(2014, 9, 4))
