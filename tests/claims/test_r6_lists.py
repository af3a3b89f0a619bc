"""Round 6 (issue 17): allies named in a list tied to a count, a count of the sentence before, or an
ordinal (``engines/claims/lists.py``). Sentences written for these tests. Figures from the bundled
data, NATO edition 2024-06: 2023 — USA 3.23, POL 3.26, GRC 2.80, EST 3.04, LTU 2.78, LVA 2.87, GBR 2.30,
FRA 1.96, DEU 1.64, ITA 1.50, ESP 1.19; 2018 — USA 3.26, GBR 2.10, GRC 2.54, DEU 1.25, LTU 1.97
(2025-08: EST 2018 1.97, 2024-06: 2.01)."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check
from natosim.engines.claims.model import Claim

#: a day after NATO's June 2024 edition (its figures for 2023 are the article's latest)
DAY = "2024-08-01"


def _allies(text: str, date: str | None = DAY) -> dict[str, Claim]:
    return {c.country or "": c for c in check(text, date=date).claims if c.kind == "spending_pct_gdp"}


@pytest.mark.parametrize(
    "text",
    [
        "In 2023, just five of NATO's members spent 2% of GDP on defence. These countries were Poland, the "
        "United States, Greece, Estonia and Lithuania.",
        "Only five of the alliance's members met the 2% target in 2023. The countries that did were Poland, "
        "the US, Greece, Estonia and Lithuania.",
        "Five allies hit the 2% goal in 2023. They were Poland, the United States, Greece, Estonia and Lithuania.",
        "Five allies hit the 2% goal in 2023. Those that did so were Poland, the US, Greece, Estonia and Lithuania.",
    ],
)
def test_a_list_in_the_next_sentence_continues_the_count(text: str) -> None:
    allies = _allies(text)
    assert {"POL", "USA", "GRC", "EST", "LTU"} <= set(allies)
    for code in ("POL", "USA", "GRC", "EST", "LTU"):
        assert allies[code].verdict == "supported" and allies[code].year == 2023
        assert allies[code].text != "" and allies[code].qualifier == "at least"


def test_the_others_of_a_count_and_a_relative_clause_inside_the_list() -> None:
    text = (
        "Last year seven of the 31 allies, including Poland, reached the 2% target. The others were the US, which "
        "is by far the biggest spender, alongside Greece, Estonia, Lithuania and Latvia, and Britain."
    )
    allies = _allies(text)
    for code in ("USA", "GRC", "EST", "LTU", "LVA", "GBR"):
        assert allies[code].verdict == "supported", code
        assert allies[code].year == 2023


def test_a_false_ally_in_a_continued_list_is_not_supported() -> None:
    text = (
        "In 2023, ten allies met the 2% guideline. They were Poland, the United States, Greece, "
        "Estonia, Germany and Lithuania."
    )
    allies = _allies(text)
    # 1.64% in 2023: never supported; not accused either, as the measure (% of GDP) is named only in the
    # sentence before (the evidence gate asks for it in the claim's own sentence)
    assert allies["DEU"].verdict == "not checkable" and "1.64" in allies["DEU"].note
    assert allies["POL"].verdict == "supported"


def test_a_list_of_allies_below_the_threshold_continues_a_count_below_it() -> None:
    text = "In 2023, 21 allies still fell short of the 2% target. These nations were Germany, Italy and Spain."
    allies = _allies(text)
    for code in ("DEU", "ITA", "ESP"):
        assert allies[code].verdict == "supported" and allies[code].qualifier == "less than"


@pytest.mark.parametrize(
    "text",
    [
        # the sentence before has no count: the list is not tied to any threshold
        "NATO published its figures for 2023. These countries were Poland, Greece and Germany.",
        # a sentence in between: the list continues nothing
        "In 2023, five allies met the 2% target. Germany said it would follow. They are Poland, Greece and Italy.",
        # a list that does not open the sentence
        "In 2023, five allies met the 2% target. Officials from Germany, Italy and Spain met in Brussels.",
    ],
)
def test_a_list_not_continuing_a_count_is_not_read(text: str) -> None:
    allies = _allies(text)
    assert "ITA" not in allies and "DEU" not in allies


def test_a_list_after_a_colon_closing_the_count_clause() -> None:
    text = (
        "In 2023 only five allies other than the United States devoted 2 percent of their GDP to defence "
        "spending: Poland, Greece, Estonia, Lithuania and Latvia."
    )
    allies = _allies(text)
    for code in ("POL", "GRC", "EST", "LTU", "LVA"):
        assert allies[code].verdict == "supported" and allies[code].year == 2023


def test_a_count_with_the_verb_left_out_then_its_list() -> None:
    text = (
        "All allies are asked to spend at least 2 percent of GDP on defence, but only five of 31 members "
        "actually do: Poland, the United States, Greece, Estonia and Lithuania."
    )
    claims = check(text, date=DAY).claims
    (count,) = [c for c in claims if c.kind == "allies_meeting_target"]
    assert count.text.endswith("actually do")
    allies = {c.country for c in claims if c.kind == "spending_pct_gdp"}
    assert {"POL", "USA", "GRC", "EST", "LTU"} <= allies


def test_the_nth_member_alongside_a_list_to_meet_the_target() -> None:
    text = (
        "NATO asks each ally to spend 2% of GDP on defence. Latvia met that target in 2023, making it the "
        "sixth member alongside Poland, the United States, Greece and Estonia to hit the benchmark."
    )
    allies = _allies(text)
    for code in ("POL", "USA", "GRC", "EST"):
        assert allies[code].verdict == "supported", code


def test_a_group_named_with_its_members_inside_a_list() -> None:
    text = (
        "In 2023 only Britain, Poland, Greece and the three Baltic nations — Latvia, Lithuania and Estonia — "
        "reached the 2 percent of GDP goal."
    )
    allies = _allies(text)
    for code in ("GBR", "POL", "GRC", "LVA", "LTU", "EST"):
        assert allies[code].verdict == "supported", code


def test_the_allies_of_a_count_that_does_not_hold_are_not_accused() -> None:
    # NATO counts 3 allies at 2% in 2018 other than the four named below the line; the count is off, so
    # the list comes from another table of the day: Lithuania's 1.97% is not accused
    text = "In 2018, nine allies met the 2% target. They were the US, Britain, Greece and Lithuania."
    allies = _allies(text, date=None)
    assert allies["LTU"].verdict != "contradicted"
    assert allies["GRC"].verdict == "supported"


def test_an_ally_meeting_a_target_in_another_edition_is_supported_without_a_date() -> None:
    # Estonia 2018: 2.01% in edition 2024-06, 1.97% in 2025-08; the article's day (and edition) unknown
    text = "In 2018, only the US, Britain, Greece and Estonia met the 2% target."
    allies = _allies(text, date=None)
    assert allies["EST"].verdict == "supported"
    assert "2024-06" in allies["EST"].note
