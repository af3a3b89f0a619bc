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
    assert claim.expected < 90


@pytest.mark.parametrize(
    "sentence",
    [
        "The US has never covered nearly the entire NATO budget.",  # denied
        "Germany covers nearly the entire NATO budget, a critic claimed.",  # not the US: no reading
        "If the US paid the entire NATO budget, allies would pay nothing.",  # hypothetical
        "In 1952 the United States covered nearly the entire cost of NATO.",  # a year before those held
        "The host nation pays the entire cost of the summit.",  # not NATO's cost
    ],
)
def test_whole_of_nato_not_asserted_of_the_us_is_not_read(sentence: str) -> None:
    assert not [c for c in _of_kind(_claims(sentence, "2026-01-22"), "alliance_share") if c.verdict == "contradicted"]
