"""Ranks among the allies in more of the ways reporters write them (issue 17, round 5, r5-summits):
the ally after the rank, "N out of M", "penultimate", "in fourth", "among the top five", "one of the top
spenders", "more than any other", "A and B are the leaders", a pronoun for the ally, the measure of the
rank's own clause, the year of its own clause. Sentences written for these tests; figures are NATO's
(edition of the article's day)."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check


def _ranks(text: str, date: str = "2024-07-01") -> list[tuple[str, str | None, str]]:
    return [(c.text, c.country, c.verdict) for c in check(text, date=date).claims if c.kind == "spending_rank"]


@pytest.mark.parametrize(
    ("text", "country", "verdict"),
    [
        # 2023 by % of GDP (edition 2024-06): POL 3.26, USA 3.23, EST 3.04, LVA 2.87, GRC 2.8 ...; LUX lowest
        ("In 2023 the ally with the highest defence spending as a share of GDP was Poland.", "POL", "supported"),
        ("In 2023 the ally with the highest defence spending as a share of GDP was Greece.", "GRC", "contradicted"),
        ("Poland spent 3.9% of GDP on defence in 2023, more than any other NATO member.", "POL", "supported"),
        (
            "In 2023 Greece ranked among the top five NATO allies by defence spending as a share of GDP.",
            "GRC",
            "supported",
        ),
        (
            "In 2023 Italy ranked among the top five NATO allies by defence spending as a share of GDP.",
            "ITA",
            "contradicted",
        ),
    ],
)
def test_more_wordings_of_a_rank(text: str, country: str, verdict: str) -> None:
    assert [(c, v) for _, c, v in _ranks(text)] == [(country, verdict)]


def test_the_measure_of_the_ranks_own_clause_wins() -> None:
    # by US$ the United States is first; as a share of GDP it was second in 2023 (3.24% after Poland)
    text = (
        "In 2023 the US was NATO's biggest spender in dollar terms, but as a share of GDP it comes in second (3.24%)."
    )
    assert [(t, v) for t, c, v in _ranks(text) if c == "USA"] == [
        ("US was NATO's biggest spender in dollar terms", "supported"),
        ("it comes in second", "supported"),
    ]


def test_a_pronoun_stands_for_the_ally_of_the_sentence() -> None:
    text = "The United States spent 3.2% of GDP on defence in 2023, which placed it second among NATO allies."
    assert [(c, v) for _, c, v in _ranks(text)] == [("USA", "supported")]


def test_allies_listed_as_the_leaders_are_the_first_as_many() -> None:
    text = "In 2023 Poland and the United States were the leaders, with 3.9% and 3.2% of GDP on defence."
    assert sorted((c, v) for _, c, v in _ranks(text)) == [("POL", "supported"), ("USA", "supported")]


def test_a_vague_group_is_never_contradicted() -> None:
    # Italy was far from the top third in 2023, but "one of the top spenders" is vague: not accused
    text = "Italy is one of the top spenders on defence within NATO as a share of GDP in 2023."
    assert [v for _, _, v in _ranks(text)] == ["not checkable"]


def test_the_year_of_another_clause_does_not_date_the_rank() -> None:
    # the rank is said in the present; 2017 dates the figure given as its reason: never accused
    text = "Greece is fifth in NATO by share of GDP as it spent 2.3% of its GDP on defence in 2017."
    assert [v for _, _, v in _ranks(text)] != ["contradicted"]


def test_an_ally_never_printed_is_outside_natos_ranking() -> None:
    # Iceland has no armed forces and no figure in any year: the last of the printed ranking is last
    assert [v for _, _, v in _ranks("In 2023 Luxembourg was the lowest spender in NATO as a share of GDP.")] == [
        "supported"
    ]
    assert [v for _, _, v in _ranks("In 2023 Spain was the lowest spender in NATO as a share of GDP.")] == [
        "contradicted"
    ]


def test_the_tail_end_and_second_from_bottom() -> None:
    # 2023: ... CAN 1.31, BEL 1.21, ESP 1.19, LUX 1.12
    text = "In 2023 Spain, which spent 1.19% of GDP on defence, was second from bottom in NATO."
    assert [(c, v) for _, c, v in _ranks(text)] == [("ESP", "supported")]
    text = "Belgium has long been at the tail end of the alliance, with 1.21% of GDP on defence in 2023."
    assert [(c, v) for _, c, v in _ranks(text)] == [("BEL", "supported")]
