"""Round 5 (issue 17): general readings of spending claims. Sentences written for these tests (not the
corpus's), several wordings of each reading. Figures from the bundled data: the US share of allied
defence spending 2018 is 69.13% (edition 2024-06); NATO's pledges: 2% (Wales 2014), 5% by 2035 =
3.5% core + 1.5% related (The Hague 2025)."""

from __future__ import annotations

import re

import pytest

from natosim.engines.claims import check


def _claims(text: str, date: str | None = "2018-07-17") -> list[tuple[str, str, str | None, str]]:
    return [(c.kind, c.text, c.country, c.verdict) for c in check(text, date=date).claims]


def _of_kind(text: str, kind: str, date: str | None = "2018-07-17") -> list[tuple[str, str, str | None, str]]:
    return [c for c in _claims(text, date) if c[0] == kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "The president said the U.S. pays for 90 percent of the cost to defend Europe.",
        "Washington foots 90 percent of the bill for Europe's defense, he claimed.",
        "America bears 90% of the burden of defending the continent, he said.",
        "The United States covers 90 per cent of Europe's defence, Trump said.",
        'Trump attacked NATO again and claimed the US pays "90 percent of the costs."',
    ],
)
def test_a_share_of_the_cost_of_defending_europe_is_the_us_share(sentence: str) -> None:
    (share,) = _of_kind(sentence, "alliance_share")
    assert share[2] == "USA" and share[3] == "contradicted"  # 69.13% in 2018, never above 72%


def test_a_share_of_defending_europe_near_the_true_share_is_not_contradicted() -> None:
    (share,) = _of_kind("The US bears 70 per cent of the cost of European security.", "alliance_share")
    assert share[3] in ("supported", "imprecise")


@pytest.mark.parametrize(
    "sentence",
    [
        "The US pays 90% of the costs of the F-35 programme.",  # not the alliance's costs
        "The US provides 70% of Europe's defence capabilities.",  # capabilities, not spending
        "Germany pays 20% of the costs.",  # no share of the allied total for a single ally
    ],
)
def test_other_costs_and_other_shares_are_not_the_us_share(sentence: str) -> None:
    assert _of_kind(sentence, "alliance_share") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Leaders of the NATO allies agreed to spend 5% of GDP on defence by 2035, up from the previous 2% "
        "target set in 2014.",
        "NATO allies committed to 5% of GDP by 2035, replacing the 2% goal agreed in 2014.",
        "NATO members will raise spending to 5% of GDP, well beyond the old 2% target that was adopted in Wales.",
    ],
)
def test_a_year_or_summit_written_with_another_figure_is_that_figures(sentence: str) -> None:
    pledges = _of_kind(sentence, "pledge_value", date="2025-06-26")
    assert [p[1] for p in pledges] == ["5%", "2%"]
    assert all(p[3] == "supported" for p in pledges)


def test_figures_in_one_list_share_the_year() -> None:
    # "goals for 2032": the deadline is 2035 for both parts of the Hague pledge
    pledges = _of_kind(
        "At the summit NATO allies set goals for 2032 of 3.5% of GDP for defence and 1.5% for infrastructure.",
        "pledge_value",
        date="2025-08-01",
    )
    assert pledges and all(p[3] != "supported" for p in pledges)


def test_a_pledge_dated_by_its_own_year_is_still_checked() -> None:
    (pledge,) = _of_kind("At the 2014 summit NATO allies agreed to spend 5% of GDP.", "pledge_value", date="2025-08-01")
    assert pledge[3] != "supported"


_HAGUE_BEFORE = "NATO leaders agreed on a new spending goal at their summit. "


@pytest.mark.parametrize(
    "split",
    [
        "The plan divides it into 3.5% for core military needs and 1.5% for security measures such as cyber defence.",
        "Of that, 3.5 percent goes to core defence and 1.5 percent to resilience and infrastructure.",
        "It includes 3.5% for hard military spending and 1.5% for broader security-related items.",
        "Under it, 3.5% is earmarked for core defence requirements, with the other 1.5% for cyber security.",
        "The target breaks down into 3.5 per cent on traditional defence and 1.5 per cent on defence-related items.",
    ],
)
def test_the_split_of_the_hague_pledge_is_read_in_the_next_sentence(split: str) -> None:
    pledges = _of_kind(_HAGUE_BEFORE + split, "pledge_value", date="2025-06-26")
    assert [(p[1].split()[0].rstrip("%"), p[3]) for p in pledges] == [("3.5", "supported"), ("1.5", "supported")]


def test_the_parts_swapped_are_not_supported() -> None:
    pledges = _of_kind(
        _HAGUE_BEFORE + "The plan divides it into 1.5% for core military needs and 3.5% for infrastructure.",
        "pledge_value",
        date="2025-06-26",
    )
    assert len(pledges) == 2 and all(p[3] != "supported" for p in pledges)


def test_one_allys_split_is_not_the_pledge() -> None:
    assert _of_kind(_HAGUE_BEFORE + "Spain will spend 2.1% on core defence.", "pledge_value", date="2025-06-26") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The majority of allies have plans in place to reach 2 % by 2024.",
        "NATO allies are on course to reach 2 per cent by the end of 2024.",
        'Actually the NATO stipulation now is "at least two per cent".',
        "NATO's rule is that every member spends a minimum of 2% of national income on defence.",
    ],
)
def test_the_target_named_by_a_deadline_or_a_floor_is_the_pledge(sentence: str) -> None:
    pledges = _of_kind(sentence, "pledge_value", date="2019-11-29")
    assert len(pledges) == 1 and pledges[0][3] == "supported"


def test_an_allys_own_deadline_at_another_value_is_no_pledge() -> None:
    assert _of_kind("Several allies have plans to hit 3% by 2024.", "pledge_value", date="2019-11-29") == []


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("NATO allies agreed in June to aim for 3.5% of GDP on defence by 2032.", "contradicted"),
        ("NATO leaders agreed to raise defence spending to five% of national output by 2025.", "contradicted"),
        ("The allies' commitment is a 5% defence spending target, to be reached within a decade.", "supported"),
        ("NATO allies agreed in 2014 to move towards 2% of GDP within a decade.", "supported"),
        ("NATO allies committed to 5% of GDP by 2035.", "supported"),
    ],
)
def test_a_pledges_deadline_is_checked_with_its_value(sentence: str, verdict: str) -> None:
    pledges = _of_kind(sentence, "pledge_value", date="2025-08-28")
    assert [p[3] for p in pledges] == [verdict]
    if verdict == "contradicted":  # the claim spans the value and the wrong deadline: both are said
        assert re.search(r"%.*\bby 20\d\d$", pledges[0][1])


def test_a_forecast_of_meeting_the_target_by_a_date_is_not_the_pledges_deadline() -> None:
    pledges = _of_kind(
        "NATO's chief said all allies are expected to meet the 2% baseline by the end of 2025.",
        "pledge_value",
        date="2025-06-26",
    )
    assert [p[3] for p in pledges] == ["supported"]


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Poland, Latvia and Lithuania achieved the 2% goal.", ["POL", "LVA", "LTU"]),
        ("The US, the UK, Greece and Estonia met NATO's 2% target.", ["USA", "GBR", "GRC", "EST"]),
        ("Canada and Belgium fail to meet the 2% guideline.", ["CAN", "BEL"]),
        ("Canada & Spain remain below the 2% benchmark.", ["CAN", "ESP"]),
    ],
)
def test_every_ally_of_a_list_meets_or_misses_the_target(sentence: str, named: list[str]) -> None:
    claims = _of_kind(sentence, "spending_pct_gdp", date="2024-07-01")
    assert [c[2] for c in claims] == named
    assert all(c[3] == "supported" for c in claims)  # 2024 (edition 2024-06): all true
    assert all(c[1] != "2%" for c in claims)  # each claim quotes its ally's name


def test_a_list_meeting_a_target_it_misses_is_contradicted() -> None:
    claims = _of_kind(
        "Spain, Belgium and Canada met NATO's 2% of GDP target for defence spending last year.",
        "spending_pct_gdp",
        date="2024-07-01",
    )
    assert [c[3] for c in claims] == ["contradicted"] * 3


@pytest.mark.parametrize(
    "sentence",
    [
        "Alongside the USA, Poland, Latvia, and Estonia, Greece allocated about 3.1% of its GDP for defence in 2024.",
        "Like Poland and Latvia, Greece spent 3.1% of GDP on defence in 2024.",
        "Unlike Spain and Belgium, Greece spent 3.1% of GDP on defence in 2024.",
        "Apart from Poland, Latvia and Estonia, Greece spent 3.1% of GDP on defence in 2024.",
    ],
)
def test_countries_in_a_fronted_phrase_are_not_the_subject(sentence: str) -> None:
    claims = _of_kind(sentence, "spending_pct_gdp", date="2025-06-20")
    assert [(c[2], c[3]) for c in claims] == [("GRC", "supported")]  # Greece 2024: 3.08% (edition 2024-06)


def test_a_plain_list_is_still_every_allys_subject() -> None:
    claims = _of_kind("Poland, Latvia and Greece spent more than 3% of GDP on defence in 2024.", "spending_pct_gdp")
    assert [c[2] for c in claims] == ["POL", "LVA", "GRC"]


_RANK_DATE = "2024-06-20"  # edition 2024-06: Poland first (4.12%), the US first in US$


@pytest.mark.parametrize(
    "sentence",
    [
        "Poland tops the list of 32 NATO nations, spending 4.12% of GDP on defence.",
        "NATO countries spend more of their GDP on defence, with Poland leading the pack for the second year.",
        "Poland sets aside 4.12 percent of its GDP to defence, making it the leader among NATO members.",
        "Poland spends the largest percentage of GDP on defence: 4.12 percent.",
        "Poland now spends a higher proportion of GDP on defence than any other NATO member.",
        "On defence spending Poland remains top of the table with 4.12% of GDP.",
    ],
)
def test_a_first_place_said_without_spender(sentence: str) -> None:
    (rank,) = _of_kind(sentence, "spending_rank", date=_RANK_DATE)
    assert rank[2:] == ("POL", "supported")


def test_the_measure_in_the_ranks_own_words_decides() -> None:
    claims = _of_kind(
        "The United States remains the largest absolute spender on defence at about $968 billion, while Poland "
        "leads by GDP share at 4.12%.",
        "spending_rank",
        date=_RANK_DATE,
    )
    assert [(c[2], c[3]) for c in claims] == [("USA", "supported"), ("POL", "supported")]


def test_a_hyphenated_led_is_no_rank() -> None:
    assert _of_kind("The US-led alliance spends more on defence than ever.", "spending_rank", date=_RANK_DATE) == []


def test_a_wrong_first_place_is_not_supported() -> None:
    (rank,) = _of_kind(
        "In 2024 Germany topped the list of NATO allies by defence spending as a share of GDP.",
        "spending_rank",
        date=_RANK_DATE,
    )
    assert rank[2:] == ("DEU", "contradicted")


def test_undated_a_figure_nato_printed_in_an_edition_held_is_supported() -> None:
    # Greece 2024: 3.076% in edition 2024-06, revised to 2.74% in edition 2025-08
    (undated,) = _of_kind("Greece spent 3.08% of GDP on defence in 2024.", "spending_pct_gdp", date=None)
    assert undated[3] == "supported"
    (dated,) = _of_kind("Greece spent 3.08% of GDP on defence in 2024.", "spending_pct_gdp", date="2025-09-01")
    assert dated[3] == "imprecise"  # the edition of the article's day (2025-08) had revised it


def test_undated_a_count_nato_printed_in_an_edition_held_is_supported() -> None:
    # 2024: 23 allies at 2% in edition 2024-06, 18 in edition 2025-08
    sentence = "In 2024, 23 of NATO's 32 allies met the 2% target."
    assert [c[3] for c in _of_kind(sentence, "allies_meeting_target", date=None)] == ["supported"]
    assert [c[3] for c in _of_kind(sentence, "allies_meeting_target", date="2025-09-01")] == ["imprecise"]


def test_undated_a_figure_no_edition_printed_is_still_not_supported() -> None:
    (claim,) = _of_kind("Greece spent 3.9% of GDP on defence in 2024.", "spending_pct_gdp", date=None)
    assert claim[3] != "supported"


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("NATO's 2% target is now met by 23 allies.", "supported"),  # 2024, edition 2024-06: 23
        ("The 2% guideline, which currently isn't even met by eight NATO members out of 32, is a floor.", "supported"),
        ("The 2% goal was missed by nine members last year.", "supported"),  # 8 with a figure + Iceland
        ("In 2024 NATO's 2% target was met by 30 allies.", "contradicted"),
    ],
)
def test_a_count_after_a_target_said_in_the_passive(sentence: str, verdict: str) -> None:
    counts = _of_kind(sentence, "allies_meeting_target", date="2025-03-01")
    assert [c[3] for c in counts] == [verdict]


def test_a_count_out_of_then_n_members() -> None:
    counts = _of_kind(
        "In 2022, 7 out of then 30 member nations spent 2% or more of their GDP on defence.",
        "allies_meeting_target",
        date="2023-07-21",
    )
    assert [c[3] for c in counts] == ["supported"]


def test_the_allies_growth_read_as_europe_and_canadas_when_that_is_true() -> None:
    # 2024 real change (edition 2024-06): European allies and Canada 17.9%, all allies 10.9%
    (growth,) = _of_kind(
        "This year NATO allies will increase their defence spending by 18%, he said.", "spending_growth", "2024-06-18"
    )
    assert growth[3] == "supported"
    (wrong,) = _of_kind(
        "This year NATO allies will increase their defence spending by 40%, he said.", "spending_growth", "2024-06-18"
    )
    assert wrong[3] != "supported"


@pytest.mark.parametrize(
    "sentence", ["Poland spends 4.12 of its GDP on defence.", "In 2024 Poland spent 4.12 of its GDP on defence."]
)
def test_a_share_of_gdp_written_without_its_sign(sentence: str) -> None:
    (claim,) = _of_kind(sentence, "spending_pct_gdp", date="2024-07-01")
    assert claim[1] == "4.12" and claim[3] == "supported"


def test_a_whole_number_of_something_is_no_share_of_gdp() -> None:
    assert _of_kind("Poland spent 4 of its 16 regions' budgets on defence.", "spending_pct_gdp", "2024-07-01") == []


def test_the_split_said_of_that_figure_and_the_remaining_part() -> None:
    pledges = _of_kind(
        _HAGUE_BEFORE + "Only 3.5% of that figure is meant to be achieved through core defence spending, while the "
        'remaining 1.5% can be put towards "defence-related expenditure".',
        "pledge_value",
        date="2025-06-26",
    )
    assert [(p[1], p[3]) for p in pledges] == [("3.5%", "supported"), ("1.5%", "supported")]


@pytest.mark.parametrize("target", ["target", "standard", "guideline"])
def test_never_met_is_a_miss(target: str) -> None:
    (claim,) = _of_kind(f"Canada has never met NATO's two per cent {target}.", "spending_pct_gdp", date="2025-06-26")
    assert claim[2:] == ("CAN", "supported")  # 2024: 1.37% (edition 2024-06)


def test_a_ranked_list_with_figures_in_brackets() -> None:
    claims = _of_kind(
        "NATO allies spent 2.71% of GDP on defence on average in 2024. Poland was first, spending 4.12%, with "
        "Estonia second (3.43%), the United States third (3.38%) and Latvia fourth (3.15%).",
        "spending_pct_gdp",
        date="2024-07-01",
    )
    assert [(c[2], c[3]) for c in claims] == [
        ("POL", "supported"),
        ("EST", "supported"),
        ("USA", "supported"),
        ("LVA", "supported"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States, which spends 3.38 percent of its G.D.P. on its military, wants more.",
        "Poland spends 4.12% of its national economy on defence.",
    ],
)
def test_other_spellings_of_gdp(sentence: str) -> None:
    (claim,) = _of_kind(sentence, "spending_pct_gdp", date="2024-07-01")
    assert claim[3] == "supported"


def test_the_same_share_given_again_for_another_year() -> None:
    # US share of allied defence spending (edition 2024-06): 2016 71.96%, 2024 65.63%
    shares = _of_kind(
        "NATO figures show that in 2024 US defence spending made up about 66% of total NATO defence spending; "
        "in 2016 it was about 72%.",
        "alliance_share",
        date="2025-01-22",
    )
    assert [(s[1], s[3]) for s in shares] == [("about 66%", "supported"), ("about 72%", "supported")]
    wrong = _of_kind(
        "The US covered 72% of NATO defence spending in 2016, which declined to 40% in 2024.",
        "alliance_share",
        date="2025-01-22",
    )
    assert wrong[0][3] == "supported" and wrong[1][1] == "40%" and wrong[1][3] != "supported"


def test_a_second_share_of_another_measure_is_not_the_same_share() -> None:
    shares = _of_kind(
        "The US provided roughly 66% of total NATO defence spending in 2024 and about 16% of the "
        "organisation's budget in 2025.",
        "alliance_share",
        date="2025-01-22",
    )
    assert all(s[3] != "contradicted" for s in shares)


def test_a_share_of_the_entire_alliances_tab() -> None:
    (share,) = _of_kind(
        "America carries nearly two-thirds of the entire alliance's defence tab.", "alliance_share", "2025-01-22"
    )
    assert share[2:] == ("USA", "supported")
