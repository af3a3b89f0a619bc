"""Garbage, empty, binary or huge input: a clear ``NatosimError`` or an empty result, never a traceback."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natosim.engines.claims import ClaimsInputError, check
from natosim.engines.claims.article import MAX_ARTICLE_CHARACTERS, MAX_CHARACTERS
from natosim.engines.claims.numbers import quantities
from natosim.errors import NatosimError

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: words that steer the text into every finder, so the fuzzing reaches the verifiers
VOCABULARY = [
    "NATO",
    "alliance",
    "allies",
    "Germany",
    "US",
    "Poland",
    "Ukraine",
    "Russia",
    "spent",
    "GDP",
    "defence",
    "%",
    "of",
    "in",
    "2023",
    "2024",
    "1949",
    "3.3",
    "two-thirds",
    "over",
    "30",
    "members",
    "Article 5",
    "invoked",
    "senators",
    "withdrawal",
    "60",
    "joined",
    "summit",
    "Vilnius",
    "target",
    "2%",
    "5%",
    "by",
    "2035",
    "$",
    "billion",
    "people",
    "million",
    "constitution",
    "amended",
    ".",
    ",",
    "\n",
    "<p>",
    "</p>",
    "&amp;",
    "nearly",
    "year-old",
    "war",
    "share",
    "disproportionate",
    "Act of Congress",
    "notice",
]


def _ok(result) -> None:
    for claim in result.claims:
        assert claim.verdict in ("supported", "contradicted", "imprecise", "not checkable")
        assert 0 <= claim.span[0] < claim.span[1] <= result.characters
        assert claim.sentence_span[0] <= claim.span[0] and claim.span[1] <= claim.sentence_span[1]


@FUZZ
@given(st.text(max_size=400))
def test_any_text(text: str) -> None:
    with contextlib.suppress(NatosimError):
        _ok(check(text))


@FUZZ
@given(st.lists(st.sampled_from(VOCABULARY), max_size=60).map(" ".join))
def test_newsy_word_salad(text: str) -> None:
    with contextlib.suppress(NatosimError):
        _ok(check(text))


@FUZZ
@given(st.lists(st.sampled_from(VOCABULARY), max_size=40).map(" ".join), st.dates())
def test_any_article_date(text: str, day) -> None:
    _ok(check(text, date=day))


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes(data: bytes) -> None:
    try:
        _ok(check(data))
    except ClaimsInputError as error:
        assert "binary" in str(error) or "text" in str(error)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("<>/=\"' abcdpiv&;#x0123456789%.")), max_size=300))
def test_broken_html(text: str) -> None:
    with contextlib.suppress(NatosimError):
        _ok(check("<html><body>" + text))


@FUZZ
@given(st.text(max_size=120))
def test_quantities_never_fail(text: str) -> None:
    for q in quantities(text):
        assert 0 <= q.start <= q.end <= len(text)


@pytest.mark.parametrize("empty", ["", "   \n\t  ", b"", "<html></html>"])
def test_empty_input_gives_empty_result(empty: str | bytes) -> None:
    assert check(empty).claims == []


def test_binary_input_is_a_clear_error() -> None:
    with pytest.raises(ClaimsInputError, match="binary"):
        check(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ClaimsInputError, match="binary"):
        check("\x00\x01\x02\x03" * 100)


def test_huge_input_is_a_clear_error() -> None:
    with pytest.raises(ClaimsInputError, match="too large"):
        check("x" * (MAX_CHARACTERS + 1))
    with pytest.raises(ClaimsInputError, match="too long"):
        check(("NATO was founded in 1949. " * 40 + "\n") * (MAX_ARTICLE_CHARACTERS // 1000 + 10))


def test_wrong_type_and_bad_date_are_clear_errors() -> None:
    with pytest.raises(ClaimsInputError, match="expected text"):
        check(42)  # type: ignore[arg-type]
    with pytest.raises(ClaimsInputError, match="YYYY-MM-DD"):
        check("NATO was founded in 1949.", date="yesterday")
    with pytest.raises(NatosimError, match="unknown edition"):
        check("NATO was founded in 1949.", edition="1999-01")


#: one template per claim kind, filled with random numbers, years and countries
TEMPLATES = [
    "{country} spent {num}% of GDP on defence in {year}.",
    "{country} spends {qual} {num}% of its GDP on defence.",
    "The {country_adj} government spent ${num} billion on defence in {year}.",
    "NATO allies combined spent ${num} trillion in {year}.",
    "European allies and Canada spent {num}% of GDP on average in {year}.",
    "The US accounts for {qual} {num}% of NATO defence spending in {year}.",
    "The United States pays a disproportionate share of NATO's costs.",
    "The alliance now has {qual} {int} members.",
    "In {year}, {int} allies met the {num}% target.",
    "NATO protects {qual} {int} million people.",
    "NATO was founded in {year}.",
    "{country} joined NATO in {month} {year}.",
    "{country} became the {int}th member of the alliance.",
    "{country} invoked Article 4 in {year}. Article 5 has been invoked {int} times.",
    "The {year} Vilnius summit agreed a {num}% target by {year2}.",
    "Ukraine amended its constitution in {year} to join NATO.",
    "Leaving NATO needs {int} senators or {int} days' notice.",
    "Accession needs the approval of a majority of allies.",
    "The {int}-year-old war in Ukraine and the {int}th anniversary of NATO.",
    "{country} invoked Article 4 on {int} {month}. It was the {int}th time the clause was used.",
    "{country}, which joined in {month} last year, is a member since {year}.",
    "Nato turns {int}; the alliance was founded by {int} countries in its {int}-year history.",
    "{country} spent {num} per cent last year while {country_adj} officials trail at {num} per cent.",
    'The US share of the allied total is {qual} {num} per cent; America pays "{num} percent" of NATO\'s costs.',
    "The allies spend ${num}tn and the US accounts for two-thirds of that.",
    "{int} of the {int} allies met the {num}% target, up from {int} in {year}.",
    "Leaving NATO, the president must notify Congress {qual} {int} days in advance.",
]
COUNTRIES = ["Germany", "the US", "Poland", "Iceland", "Russia", "Ukraine", "China", "Japan", "Sweden", "Türkiye"]
ADJECTIVES = ["German", "Polish", "American", "Icelandic", "Russian", "Swiss"]
MONTHS = ["January", "March", "April", "June", "September", "December"]


@FUZZ
@given(
    st.lists(
        st.builds(
            lambda template, country, adj, qual, num, whole, year, year2, month: template.format(
                country=country, country_adj=adj, qual=qual, num=num, int=whole, year=year, year2=year2, month=month
            ),
            st.sampled_from(TEMPLATES),
            st.sampled_from(COUNTRIES),
            st.sampled_from(ADJECTIVES),
            st.sampled_from(["", "over", "nearly", "about", "at least", "less than", "at most"]),
            st.decimals(min_value=0, max_value=100, places=2).map(str),
            st.integers(min_value=0, max_value=3000),
            st.integers(min_value=1900, max_value=2049),
            st.integers(min_value=1940, max_value=2049),
            st.sampled_from(MONTHS),
        ),
        min_size=1,
        max_size=6,
    ).map(" ".join),
    st.one_of(st.none(), st.dates()),
    st.sampled_from([None, "2024-06", "2025-08"]),
)
def test_every_verifier_on_random_claims(text: str, day, edition: str | None) -> None:
    _ok(check(text, date=day, edition=edition))


def test_population_claim_before_the_data_is_not_checkable() -> None:
    claims = check("NATO protects more than 950 million people.", date="2001-05-01").claims
    assert [(c.kind, c.verdict) for c in claims] == [("population_covered", "not checkable")]
