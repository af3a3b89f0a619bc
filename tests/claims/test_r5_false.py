"""False claims the figure finders missed (fixer r5-false): readings that are strong evidence whatever
the year the text leaves out, and that never call a true claim contradicted. Every sentence is
written for this test."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check, facts
from natosim.engines.claims.model import Claim


def _claims(text: str, date: str | None) -> list[Claim]:
    return check(text, date=date).claims


def _of_kind(claims: list[Claim], kind: str) -> list[Claim]:
    return [c for c in claims if c.kind == kind]


def _highest_us_share() -> float:
    from natosim.engines.claims.spending import _us_shares

    return max(found[0] for year in facts.years_held() if (found := _us_shares(year)) is not None)


@pytest.mark.parametrize("date", ["2026-01-22", None])
@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("The president said again that the United States covers nearly the entire NATO budget.", "nearly the entire"),
        ("America pays for virtually the whole cost of NATO, the senator told the rally.", "virtually the whole"),
        ("Washington foots almost the entire bill for the alliance, he argued.", "almost the entire"),
        ("In his telling, the US funds practically the entire NATO budget.", "practically the entire"),
        ("He said the U.S. pays the entire cost of NATO.", "the entire cost"),
    ],
)
def test_whole_of_nato_said_of_the_us_is_false_in_every_year(sentence: str, words: str, date: str | None) -> None:
    [claim] = _of_kind(_claims(sentence, date), "alliance_share")
    assert words in claim.text
    assert claim.verdict == "contradicted"
    assert claim.country == "USA"
    assert claim.value in (90.0, 97.5)
    # judged on the highest US share of any year held (about 72% in 2016): below the bound in every year
    assert claim.expected == pytest.approx(round(_highest_us_share(), 1))
    assert isinstance(claim.expected, float) and claim.expected < 90


@pytest.mark.parametrize(
    "sentence",
    [
        "The US has never covered nearly the entire NATO budget.",  # denied
        "Germany covers nearly the entire NATO budget, a critic claimed.",  # not the US: no reading
        "If the US paid the entire NATO budget, allies would pay nothing.",  # hypothetical
        "In 1952 the United States covered nearly the entire cost of NATO.",  # a year before those held
        "The host nation pays the entire cost of the summit.",  # not NATO's cost
        "The US pays the full cost of NATO's nuclear umbrella.",  # a part of NATO, not the whole
        "The United States covers nearly the entire cost of the NATO summit.",
        "The United States covers nearly the entire NATO budget for the Afghan mission.",
    ],
)
def test_whole_of_nato_not_asserted_of_the_us_is_not_read(sentence: str) -> None:
    assert not [c for c in _of_kind(_claims(sentence, "2026-01-22"), "alliance_share") if c.verdict == "contradicted"]


def _count_range(threshold: float, edition_published_by: str) -> tuple[int, int]:
    """Lowest and highest count of allies at ``threshold``% held, in editions published by the date."""
    import datetime as dt

    day = dt.date.fromisoformat(edition_published_by)
    counts = [
        found[0]
        for edition, on in facts.edition_dates().items()
        if on <= day
        for year in facts.years_held()
        if year <= day.year and (found := facts.allies_at_or_above(year, threshold, edition)) is not None
    ]
    return min(counts), max(counts)


@pytest.mark.parametrize(
    ("sentence", "lead"),
    [
        # a count below the lowest ever held (3 allies at 2% in 2014), no year written, a plan named elsewhere
        (
            "The president said Lithuania was one of just two countries that previously met NATO's spending target "
            "of 2% of GDP, which allies have since raised to 5% by 2035.",
            "Lithuania was one of just two countries",
        ),
        ("Latvia is one of only two nations that meet NATO's 2 percent goal, he claimed.", "Latvia is one of only two"),
        ("He said only two NATO members were spending 2% of GDP on defence.", "only two NATO members"),
        # a count above the highest the editions of the day hold (23 in NATO's June 2024 estimates)
        ("By 2024, 27 out of 32 allies were meeting the 2% target.", "27 out of 32"),
        ("Today 26 of NATO's 32 members have reached the 2% target.", "26 of NATO's 32 members"),
    ],
)
def test_a_count_of_allies_no_year_matches_is_contradicted_whatever_the_year(sentence: str, lead: str) -> None:
    [claim] = _of_kind(_claims(sentence, "2025-03-01"), "allies_meeting_target")
    assert lead in claim.text
    assert claim.verdict == "contradicted"
    lowest, highest = _count_range(2.0, "2025-03-01")
    assert (lowest, highest) == (3, 23)
    assert not lowest - 0.5 <= float(claim.value) <= highest + 0.5  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "sentence",
    [
        "Britain was one of only three allies that met the 2% guideline.",  # 3 in 2014: some year matches
        "Just two allies will meet the 2% target next year, officials fear.",  # a forecast
        "If only two allies met the 2% target, the alliance would be in trouble.",  # a condition
        "By 2030, 28 of the 32 allies are expected to meet the 2% target.",  # a forecast with a future deadline
        "Only 2 NATO allies fail to meet the 2% target.",  # allies below it: another count
        "At least two allies meet the 2% target.",  # a bound that holds
    ],
)
def test_a_count_some_year_could_make_true_or_not_stated_as_fact_is_not_contradicted(sentence: str) -> None:
    for claim in _of_kind(_claims(sentence, "2025-03-01"), "allies_meeting_target"):
        assert claim.verdict != "contradicted", claim


def test_an_article_older_than_every_edition_is_judged_only_below_the_lowest_count() -> None:
    """In late 2019 NATO's estimate counted 9 allies at 2% (revised to 7 later): above the revised counts
    is no proof for an article that read the figures of the day, below the lowest still is."""
    nine = _of_kind(
        _claims("Nine NATO members met the 2% target, the report said.", "2019-11-29"), "allies_meeting_target"
    )
    assert [c.verdict for c in nine] != ["contradicted"]
    two = _of_kind(
        _claims("Only two NATO members met the 2% target, the report said.", "2019-11-29"), "allies_meeting_target"
    )
    assert [c.verdict for c in two] == ["contradicted"]


@pytest.mark.parametrize(
    ("second", "reference"),
    [
        ("The real share is far below the 90% figure the president repeats.", "the 90% figure"),
        ("The real share is far below his 90 percent claim.", "his 90 percent claim"),
        ("NATO's data do not bear out the “90 percent” number.", "90 percent” number"),
        ("Analysts called Trump's 90 per cent figure an exaggeration.", "90 per cent figure"),
    ],
)
def test_a_false_figure_named_again_keeps_its_verdict(second: str, reference: str) -> None:
    first = "The president claimed the United States pays 90 percent of NATO's defence spending."
    claims = _of_kind(_claims(f"{first} {second}", "2026-01-22"), "alliance_share")
    assert [c.verdict for c in claims] == ["contradicted", "contradicted"]
    again = claims[1]
    assert reference in again.text
    assert again.value == claims[0].value == 90.0
    assert again.expected == claims[0].expected
    assert "refers back to" in again.note


def test_a_false_phrase_named_again_keeps_its_verdict() -> None:
    text = (
        "The president said the US was “paying for almost all of NATO” before his first term. "
        "Those shares fall well short of the “almost all” description he used."
    )
    claims = _of_kind(_claims(text, "2026-01-22"), "alliance_share")
    assert [c.verdict for c in claims] == ["contradicted", "contradicted"]
    assert "almost all" in claims[1].text


@pytest.mark.parametrize(
    "text",
    [
        # the earlier figure was true: naming it again is no false claim
        "The US pays about 66 percent of NATO's defence spending. That 66% figure comes from NATO.",
        # no earlier claim with that figure
        "Allies debated spending for hours. The 90% figure was never mentioned.",
    ],
)
def test_a_figure_named_again_without_an_earlier_false_claim_is_not_contradicted(text: str) -> None:
    assert not [c for c in _claims(text, "2026-01-22") if c.verdict == "contradicted"]


_PLEDGE = "NATO allies pledged in Wales to spend 2% of GDP on defence."


@pytest.mark.parametrize(
    ("second", "country", "verdict"),
    [
        ("The United States in actual numbers is paying 4.2 percent, Trump said.", "USA", "contradicted"),
        ("“Germany is just paying a little bit over 1 percent,” he complained.", "DEU", "supported"),
        ("Meanwhile the United States is paying 4.2 per cent, the president claimed.", "USA", "contradicted"),
        ("Canada pays about 1.3 percent, and that is not enough.", "CAN", "supported"),
        ("Belgium is paying under 1 percent, he told reporters.", "BEL", "supported"),
    ],
)
def test_an_ally_paying_a_bare_percentage_is_its_share_of_gdp(second: str, country: str, verdict: str) -> None:
    claims = [c for c in _of_kind(_claims(f"{_PLEDGE} {second}", "2018-07-12"), "spending_pct_gdp")]
    assert [(c.country, c.verdict) for c in claims] == [(country, verdict)]
    figure = facts.ally_figure(country, 2018, "defence_exp_pct_gdp", claims[0].evidence[0].edition)
    assert figure is not None and claims[0].expected == pytest.approx(round(figure.value, 2), abs=0.01)


@pytest.mark.parametrize(
    "second",
    [
        "Under the cost-share formula, the US pays 22 percent.",  # NATO's common budget
        "Americans are paying 25 percent tariffs on steel.",  # a tariff, with its noun
        "We are paying 4 percent more than last year.",  # a change
        "The US pays 16 percent of the common budget.",  # a share of something named
    ],
)
def test_other_percentages_an_ally_pays_are_not_its_share_of_gdp(second: str) -> None:
    assert not _of_kind(_claims(f"{_PLEDGE} {second}", "2018-07-12"), "spending_pct_gdp")


def _count_in(year: int, edition_date: str) -> int:
    edition = facts.edition_at(__import__("datetime").date.fromisoformat(edition_date))
    found = facts.allies_at_or_above(year, 2.0, edition)
    assert found is not None
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Norway and 23 other countries have now achieved the 2% target.", 24),
        ("Poland and 22 other allies meet the 2% target this year.", 23),
        ("Lithuania, along with 22 other members, has reached NATO's 2 percent guideline.", 23),
        ("Estonia and two other nations are above the 2% benchmark.", 3),
        ("Latvia and twenty-two other NATO members have hit the target of 2% of GDP.", 23),
    ],
)
def test_an_ally_and_n_others_is_a_count_of_n_plus_one(sentence: str, value: int) -> None:
    [claim] = _of_kind(_claims(sentence, "2024-07-09"), "allies_meeting_target")
    assert claim.value == value
    assert claim.text.split()[0] in sentence.split()[0]  # quoted from the ally named
    held = _count_in(2024, "2024-07-09")
    assert claim.expected == held
    assert claim.verdict == ("supported" if value == held else "contradicted")


@pytest.mark.parametrize(
    "sentence",
    [
        "Germany and 10 other countries have joined the initiative.",  # not a target
        "France and 20 other countries signed the declaration.",
        "Poland and three other allies spent heavily over the past decade.",  # "over" time, no target met
    ],
)
def test_an_ally_and_n_others_doing_something_else_is_not_a_count_at_a_target(sentence: str) -> None:
    assert not _of_kind(_claims(sentence, "2024-07-09"), "allies_meeting_target")


_TARGET = "The president returned to NATO's target of 2% of GDP."


@pytest.mark.parametrize(
    ("second", "lead"),
    [
        ("“Poland was one of two nations that paid more than they were supposed to,” he said.", "“Poland was one of"),
        ("He said Latvia was one of just two countries that paid their fair share.", "Latvia was one of"),
        ("Only two allies who paid in full were thanked, he recalled.", "two allies who paid in full"),
        ("Estonia is one of two members that pay what they owe, he claimed.", "Estonia is one of"),
        ("Greece was one of two nations which actually paid more than they were required to.", "Greece was one of"),
    ],
)
def test_paying_what_was_owed_is_meeting_the_target(second: str, lead: str) -> None:
    [claim] = _of_kind(_claims(f"{_TARGET} {second}", "2025-09-08"), "allies_meeting_target")
    assert lead in claim.text
    assert claim.value == 2.0
    assert claim.verdict == "contradicted"  # no year held had fewer than 3 allies at 2%
    assert "no year matches" in claim.note


def test_paying_what_was_owed_in_a_count_some_year_matches_is_held_back() -> None:
    """Nine allies paid in full: the year is not written, and some year may have had nine."""
    [claim] = _of_kind(
        _claims(f"{_TARGET} Poland is one of nine allies who paid in full.", "2025-09-08"), "allies_meeting_target"
    )
    assert claim.verdict == "not checkable"


def test_above_the_highest_count_is_no_proof_a_year_after_the_latest_edition() -> None:
    """An article written more than a year after the latest edition held may read estimates natosim does
    not hold yet: a count above every count held is then held back, not accused."""
    import datetime as dt

    latest = max(facts.edition_dates().values())
    later = (latest + dt.timedelta(days=400)).isoformat()
    [claim] = _of_kind(
        _claims("Today 20 of NATO's 32 members have reached the 3.5% target.", later), "allies_meeting_target"
    )
    assert claim.verdict == "not checkable"


def test_the_data_s_own_figure_is_no_reference_to_a_claim() -> None:
    text = (
        "The president claimed the United States pays 90 percent of NATO's defence spending. "
        "Analysts compared NATO's 90 percent figure for air policing with it."
    )
    claims = _of_kind(_claims(text, "2026-01-22"), "alliance_share")
    assert [c.verdict for c in claims] == ["contradicted"]
