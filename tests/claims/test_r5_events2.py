"""Years of acts other than NATO's (round 5, r5-events2): a year, a date or an age is NATO's founding, an
ally's accession or NATO's age only when the sentence gives it to that act. Sentences written for these
tests, none copied from the corpus."""

from __future__ import annotations

import pytest

from natosim.engines.claims import check


def _events(text: str, date: str = "2024-07-10") -> list[tuple[str, str]]:
    return [(c.text, c.verdict) for c in check(text, date=date).claims if c.kind == "event_date"]


# --- another body or treaty owns the founding year -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "As tensions rose, Moscow formed its own military alliance, the Warsaw Pact, in 1956 with its satellites.",
        "The European Union, founded in 1990, now counts 27 states, many of them NATO allies.",
        "One precursor of NATO was the Brussels Treaty, signed in 1946 by five western European states.",
        "A forerunner of the alliance, the Western Union, was established in 1950.",
        "Long before NATO existed, the Treaty of Dunkirk was signed in 1945 by two of its future founders.",
        "NATO's 2% guideline has been disputed since its creation in 2012.",
        "The alliance's spending benchmark has been criticised since its introduction in 2010.",
    ],
)
def test_another_bodys_founding_year_is_not_natos(text: str) -> None:
    assert not [v for _, v in _events(text) if v == "contradicted"]


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("NATO, founded in 1949, now has 32 members.", "supported"),
        ("The alliance was founded in 1949 to deter the Soviet Union.", "supported"),
        ("The alliance, launched in 1949, has grown to 32 members.", "supported"),
        ("Article 4 has been invoked seven times since the alliance initiated in 1949.", "supported"),
        ("Article 4 has been invoked seven times since the alliance began in 1949.", "supported"),
        ("NATO, founded in 1952, now has 32 members.", "contradicted"),
        ("The alliance was founded in 1955 to deter the Soviet Union.", "contradicted"),
        ("Article 4 has been invoked seven times since the alliance began in 1951.", "contradicted"),
    ],
)
def test_natos_own_founding_year_is_still_judged(text: str, verdict: str) -> None:
    year = next(word.strip(",.") for word in text.split() if word.strip(",.").isdigit() and len(word.strip(",.")) == 4)
    assert [v for t, v in _events(text) if year in t] == [verdict]


# --- re-joining the military command is not an accession ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "France later re-joins NATO's integrated military command in 1995.",
        "France re-joined NATO's military command in 2004 after decades outside it.",
        "Paris re-entered the integrated command in 2005 under a new president.",
        "France joined NATO's integrated military command in 1999.",
        "Spain joined NATO's military structure in 2003, long after its accession.",
    ],
)
def test_returning_to_the_military_command_is_not_an_accession(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Poland joined NATO in 1999, the year the alliance turned 50.", "supported"),
        ("Croatia joined in 2009 along with Albania, ten years after Poland.", "supported"),
        ("Poland joined NATO in 2001.", "contradicted"),
    ],
)
def test_accessions_are_still_judged(text: str, verdict: str) -> None:
    assert _events(text)[0][1] == verdict


# --- an age is NATO's only when NATO is what is N years old -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Allies must spend 2% of GDP, a goal first set 15 years ago and seldom met across NATO.",
        "The rule, adopted 12 years ago, is still ignored by most NATO members.",
        "NATO allies follow a standard established 20 years ago but rarely met.",
        "The NATO base, built 40 years ago, needs repairs.",
        "NATO's spending floor, agreed 11 years ago, is now too low, officials say.",
    ],
)
def test_the_age_of_something_else_is_not_natos(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("NATO was founded 75 years ago.", "supported"),
        ("The alliance, created 75 years ago, faces new threats.", "supported"),
        ("Norway was one of NATO's founding members 75 years ago.", "supported"),
        ("The North Atlantic Treaty was signed 75 years ago in Washington.", "supported"),
        ("NATO was founded 70 years ago.", "contradicted"),
    ],
)
def test_natos_own_age_is_still_judged(text: str, verdict: str) -> None:
    # (round 6: "Norway was one of NATO's founding members" is also a claim of its own, read by standing.py)
    ages = [(quoted, found) for quoted, found in _events(text) if "years ago" in quoted]
    assert ages == [(ages[0][0], verdict)]


# --- an application is not the accession --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Finland and Sweden formally applied to join NATO last May.",
        "Sweden asked to join NATO in March, breaking with its neutrality.",
        "Finland submitted its request to join NATO in June.",
        "Sweden applied to join the alliance in July.",
        "Finland sought to join NATO last May.",
    ],
)
def test_a_request_to_join_abstains_rather_than_accuse(text: str) -> None:
    found = check(text, date="2023-03-28").claims
    assert all(c.verdict == "not checkable" for c in found if c.kind == "event_date")
    assert any("request to join" in (c.note or "") for c in found)


def test_an_accession_dated_by_a_month_alone_is_still_judged() -> None:
    assert _events("Finland joined NATO in May.", "2024-07-10")[0][1] == "contradicted"
    assert _events("Finland joined NATO in April.", "2024-07-10")[0][1] == "supported"
