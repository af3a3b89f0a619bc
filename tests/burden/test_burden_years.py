"""The --year parser: the grammar it accepts, and fuzzing that nothing else escapes as a traceback."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natosim.engines.burden import YearRangeError, parse_years
from natosim.errors import NatosimError

AVAILABLE = list(range(2014, 2026))


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("all", AVAILABLE),
        ("ALL", AVAILABLE),
        ("2024", [2024]),
        (" 2014..2016 ", [2014, 2015, 2016]),
        ("2023..latest", [2023, 2024, 2025]),
        ("first..2015", [2014, 2015]),
        ("2020,2014..2015,2020", [2014, 2015, 2020]),
        ("latest", [2025]),
    ],
)
def test_accepted_specs(spec: str, expected: list[int]) -> None:
    assert parse_years(spec, AVAILABLE) == expected


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [
        ("", "empty"),
        ("20x4", "bad year"),
        ("2013", "years available: 2014–2025"),
        ("2016..2014", "runs backwards"),
        ("2014..2015..2016", "bad range"),
        ("2014,,2015", "empty item"),
        ("2014-2016", "bad year"),
    ],
)
def test_rejected_specs_say_what_is_valid(spec: str, fragment: str) -> None:
    with pytest.raises(YearRangeError) as caught:
        parse_years(spec, AVAILABLE)
    assert fragment in str(caught.value)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.,- alstfirLAT\t")), max_size=24) | st.text(max_size=16))
def test_fuzz_any_text_gives_years_or_a_clear_error(spec: str) -> None:
    try:
        years = parse_years(spec, AVAILABLE)
    except NatosimError as error:
        assert isinstance(error, YearRangeError)
        assert "--year" in str(error) or "no data" in str(error) or "runs backwards" in str(error)
        return
    assert years == sorted(set(years))
    assert years and set(years) <= set(AVAILABLE)


@settings(max_examples=200, deadline=None)
@given(st.integers(2014, 2025), st.integers(2014, 2025))
def test_fuzz_ranges_expand_to_every_year_between(start: int, end: int) -> None:
    spec = f"{start}..{end}"
    if start > end:
        with pytest.raises(YearRangeError):
            parse_years(spec, AVAILABLE)
    else:
        assert parse_years(spec, AVAILABLE) == list(range(start, end + 1))
