"""Round 4 (issue 17), second pass on spending: NATO's convention for counts of allies meeting a % of
GDP threshold (an ally with no figure in any year — Iceland — counts as not meeting). Sentences are
written in the style of news copy for these tests; expected values come from the bundled data and
rules, never from the checker."""

from __future__ import annotations

import natosim
from natosim.engines.claims import check, facts
from natosim.rules.targets import count_meeting


def _claims(text: str, kind: str, **kwargs: object) -> list:
    return [c for c in check(text, **kwargs).claims if c.kind == kind]  # type: ignore[arg-type]


def _count(year: int, edition: str, threshold: float = 2.0) -> tuple[int, int, list[str]]:
    """(allies at or above, members, members with no figure that year) from the bundled data."""
    rows = natosim.figures(edition=edition, members_only=True)
    rows = rows[rows["year"] == year]
    shown = rows["defence_exp_pct_gdp"].round(2)
    return int((shown >= threshold).sum()), len(rows), sorted(rows.loc[shown.isna(), "iso3"])


def _never(edition: str) -> list[str]:
    rows = natosim.figures(edition=edition, members_only=True)
    held = rows.groupby("iso3")["defence_exp_pct_gdp"].apply(lambda c: c.notna().any())
    return sorted(held.index[~held.to_numpy(dtype=bool)])


def test_the_rule_counts_an_ally_that_never_reports_as_not_meeting() -> None:
    values = [2.5, 1.5, float("nan"), float("nan")]
    never = [False, False, True, False]
    assert count_meeting(values, 2.0) == (1, [0])
    assert count_meeting(values, 2.0, below=True) == (1, [1])
    # the never-reporting ally falls short; the one missing only this year stays out of both counts
    assert count_meeting(values, 2.0, below=True, never_reported=never) == (2, [1, 2])
    assert count_meeting(values, 2.0, never_reported=never) == (1, [0])


def test_iceland_is_the_ally_without_any_figure() -> None:
    assert _never("2024-06") == ["ISL"]
    assert facts.never_reported("defence_exp_pct_gdp", "2024-06") == ["ISL"]


def test_one_more_ally_than_nato_counts_is_contradicted() -> None:
    meeting, members, missing = _count(2024, "2024-06")
    assert missing == ["ISL"]
    text = f"By the end of last year, {meeting + 1} of the {members} members spent at least 2% of GDP on defence."
    [claim] = [c for c in _claims(text, "allies_meeting_target", date="2025-02-10") if c.value == meeting + 1]
    assert claim.year == 2024
    assert claim.verdict == "contradicted"
    assert claim.expected == meeting
    assert any("in any year" in e.statement and e.value is None for e in claim.evidence)


def test_natos_own_count_is_supported() -> None:
    meeting, members, _ = _count(2024, "2024-06")
    text = f"In 2024, {meeting} out of {members} allies met NATO's 2% guideline, the alliance said."
    [claim] = [c for c in _claims(text, "allies_meeting_target", date="2025-02-10") if c.value == meeting]
    assert claim.verdict == "supported"


def test_allies_short_of_the_target_count_either_way() -> None:
    meeting, members, _ = _count(2024, "2024-06")
    for short in (members - meeting, members - meeting - 1):
        text = f"In 2024, {short} allies still fell short of the 2% of GDP target, officials noted."
        [claim] = [c for c in _claims(text, "allies_meeting_target", date="2025-02-10") if c.value == short]
        assert claim.verdict == "supported", (short, claim.note)


def _pledges(text: str, date: str) -> list[float]:
    return [c.value for c in _claims(text, "pledge_value", date=date) if c.verdict == "supported"]


def test_a_gerund_of_spending_between_the_goal_and_its_value() -> None:
    assert _pledges(
        "Ottawa is still far from the alliance goal of investing 2% of GDP in its forces.", "2024-05-02"
    ) == [2.0]
    assert _pledges("The summit set a new target of allocating 3.5% of GDP to core defence by 2035.", "2025-07-01") == [
        3.5
    ]


def test_three_words_between_the_value_and_the_target_noun() -> None:
    text = "Romania says it now meets the alliance's 2-percent GDP defence spending goal."
    assert 2.0 in _pledges(text, "2024-07-01")


def test_a_purpose_clause_is_not_a_target_noun() -> None:
    # "to finance NATO obligations" names what the money is for, not a target of 1%
    text = "For years Belgium put only around 1% of its GDP to finance NATO obligations."
    assert _pledges(text, "2024-07-01") == []


def test_allies_listed_after_a_dash_or_a_longer_target_phrase() -> None:
    for text in (
        "Last year only four allies met the 2% guideline - Greece, Estonia, Latvia and Poland.",
        "Last year only four allies met the 2% defence spending goal: Greece, Estonia, Latvia and Poland.",
    ):
        named = {c.country: c for c in _claims(text, "spending_pct_gdp", date="2019-03-01")}
        assert set(named) == {"GRC", "EST", "LVA", "POL"}, text
        for code, claim in named.items():
            figure = facts.ally_figure(code, 2018, "defence_exp_pct_gdp", claim.evidence[0].edition)
            assert figure is not None and claim.year == 2018
            assert claim.verdict == ("supported" if round(figure.value, 2) >= 2 else "contradicted")


def test_a_pledge_met_in_a_stated_year_is_a_fact_not_a_plan() -> None:
    meeting, _, _ = _count(2023, "2024-06")
    text = f"In 2023, {meeting + 3} NATO members met that pledge, including Britain and Poland."
    [claim] = [c for c in _claims(text, "allies_meeting_target", date="2024-07-15") if c.value == meeting + 3]
    assert claim.year == 2023 and claim.verdict == "contradicted"
    text = f"In 2023, {meeting} NATO members met that pledge, including Britain and Poland."
    [claim] = [c for c in _claims(text, "allies_meeting_target", date="2024-07-15") if c.value == meeting]
    assert claim.verdict == "supported"


def test_a_pledge_still_to_be_met_stays_a_plan() -> None:
    meeting, _, _ = _count(2023, "2024-06")
    text = f"In 2023, {meeting + 3} NATO members will have met that pledge, officials hope."
    [claim] = [c for c in _claims(text, "allies_meeting_target", date="2024-07-15") if c.value == meeting + 3]
    assert claim.verdict == "not checkable" and "plan, pledge" in claim.note


def test_a_count_at_the_article_target_before_the_sentence_percentage() -> None:
    meeting, _, _ = _count(2022, "2024-06")
    text = (
        "NATO's 2% guideline has been on the books since Wales. "
        f"In 2022, just {meeting} countries met the target, and critics keep naming those far below the 2% mark."
    )
    [claim] = [c for c in _claims(text, "allies_meeting_target", date="2024-07-01") if c.value == meeting]
    assert claim.year == 2022 and claim.verdict == "supported"


def test_allies_above_a_named_target_also_state_the_target() -> None:
    text = "Only Norway and Denmark already exceed the alliance's new interim target of allocating 3.5% of GDP by 2035."
    assert 3.5 in _pledges(text, "2025-09-01")


def test_an_earlier_count_after_compared_with() -> None:
    then, _, _ = _count(2014, "2024-06")
    text = f"Most allies now hit the 2% target, compared with only {then} in 2014, officials noted."
    [claim] = [c for c in _claims(text, "allies_meeting_target", date="2024-07-01") if c.year == 2014]
    assert claim.value == then and claim.verdict == "supported"
    text = f"Most allies now hit the 2% target, compared with only {then + 4} in 2014, officials noted."
    [claim] = [c for c in _claims(text, "allies_meeting_target", date="2024-07-01") if c.year == 2014]
    assert claim.verdict == "contradicted"
