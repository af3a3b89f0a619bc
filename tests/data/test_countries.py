"""Country resolution at the edges, including near misses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natosim.data import resolve_ally, resolve_country
from natosim.errors import NatosimError, NotAnAlly, UnknownCountry


@pytest.mark.parametrize("text", ["Germany", "germany", "DE", "DEU", "deu", " Germany "])
def test_germany_spellings(text: str) -> None:
    assert resolve_country(text) == "DEU"


@pytest.mark.parametrize("text", ["Türkiye", "Turkey", "turkiye", "TR", "TUR"])
def test_turkiye_spellings(text: str) -> None:
    assert resolve_country(text) == "TUR"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("the UK", "GBR"),
        ("Britain", "GBR"),
        ("U.S.", "USA"),
        ("United States", "USA"),
        ("Slovak Republic", "SVK"),
        ("Czech Republic", "CZE"),
        ("North Macedonia", "MKD"),
        ("the Netherlands", "NLD"),
        ("Russia", "RUS"),
        ("Kosovo", "XKX"),
    ],
)
def test_aliases(text: str, code: str) -> None:
    assert resolve_country(text) == code


def test_misspelt_country_names_close_matches() -> None:
    with pytest.raises(UnknownCountry) as caught:
        resolve_country("Germny")
    assert "Germany (DEU)" in str(caught.value)
    with pytest.raises(UnknownCountry, match=r"Estonia \(EST\)"):
        resolve_country("Estonai")


def test_not_an_ally() -> None:
    with pytest.raises(NotAnAlly, match="Ukraine"):
        resolve_ally("Ukraine", ["DEU", "FRA"])


@given(st.text(max_size=40))
def test_resolution_never_crashes(text: str) -> None:
    try:
        code = resolve_country(text)
    except NatosimError:
        return
    assert len(code) == 3 and code.isupper()
