"""Fuzzing of the parsers the rules layer owns: dates, pledge ids, and the CLI date options."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import natosim.rules as rules
from natosim.dates import add_years, parse_date
from natosim.errors import NatosimError
from natosim.limits import model_range
from natosim.rules.errors import InvalidDate, UnknownPledge


@given(st.dates(min_value=model_range()[0], max_value=model_range()[1]))
def test_every_real_date_round_trips(day: dt.date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(day) == day


@given(st.dates().filter(lambda day: not model_range()[0] <= day <= model_range()[1]))
def test_dates_outside_the_modelled_range_are_refused(day: dt.date) -> None:
    with pytest.raises(InvalidDate, match="outside the dates natosim models"):
        parse_date(day.isoformat())


@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_clear_error(text: str) -> None:
    try:
        day = parse_date(text)
    except InvalidDate as error:
        assert "YYYY-MM-DD" in str(error) or "month" in str(error) or "calendar date" in str(error)
    else:
        assert day.isoformat() == text.strip()


@given(st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99))
def test_numeric_dates_are_checked_against_the_calendar(year: int, month: int, day: int) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        expected: dt.date | None = dt.date(year, month, day)
    except ValueError:
        expected = None
    if expected is None or not model_range()[0] <= expected <= model_range()[1]:
        try:
            parse_date(text)
        except InvalidDate:
            return
        raise AssertionError(f"{text} accepted")
    assert parse_date(text) == expected


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9000, 12, 31)), st.integers(0, 50))
def test_add_years_keeps_the_day_or_moves_a_leap_day_back(day: dt.date, years: int) -> None:
    later = add_years(day, years)
    assert later.year == day.year + years and later.month == day.month
    assert later.day == day.day or (day.month, day.day, later.day) == (2, 29, 28)


@given(st.text(max_size=25))
def test_pledge_lookup_never_crashes(text: str) -> None:
    valid = {p.id for p in rules.pledges()}
    try:
        found = rules.pledge(text)
    except UnknownPledge as error:
        assert text not in valid and "Valid ids" in str(error)
    else:
        assert found.id == text


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="0123456789-/ .:abcT", min_size=1, max_size=14))
def test_cli_date_options_exit_0_or_2(cli, text: str) -> None:
    if text.startswith("-"):
        text = "x" + text  # an option-looking value is a usage matter, not date parsing
    result = cli("procedure", "withdrawal", "USA", "--path", "senate", "--notice", text, "--format", "json")
    try:
        day = parse_date(text)
    except NatosimError:
        assert result.code == 2 and result.err.startswith("error: ") and "Traceback" not in result.err
        return
    if day < rules.treaty().entered_into_force:
        assert result.code == 2 and "not in force" in result.err
    elif day < rules.treaty().articles[13].rule["available_from"]:
        assert result.code == 0 and result.json()["outcome"] == "blocked"
    else:
        assert result.code == 0 and result.json()["notice_date"] == day.isoformat()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=20))
def test_cli_country_arguments_exit_0_or_2_never_a_traceback(cli, text: str) -> None:
    result = cli("procedure", "article5", "--date", "2026-01-01", "--format", "json", "--", text)
    assert result.code in (0, 2), result.err
    assert "Traceback" not in result.err
    if result.code == 0:
        data = result.json()
        assert data["covered"] is (data["target"] in data["consensus_of"])


@settings(max_examples=40, deadline=None)
@given(line=st.integers(0, 10_000), junk=st.text(max_size=20))
def test_a_corrupted_rules_file_is_a_rules_error_or_loads(line: int, junk: str) -> None:
    """Replace the value on one line of pledges.yaml with junk: loading either works or raises a
    RulesError naming pledges.yaml — never another exception."""
    import tempfile
    from pathlib import Path

    from natosim.rules.errors import RulesError
    from natosim.rules.loader import PARAMETERS, load_pledges

    lines = (PARAMETERS / "pledges.yaml").read_text(encoding="utf-8").splitlines()
    index = line % len(lines)
    key, colon, _ = lines[index].partition(":")
    lines[index] = f"{key}{colon} {junk}" if colon else junk
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "pledges.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        try:
            loaded = load_pledges(Path(folder))
        except RulesError as error:
            assert str(error).startswith("pledges.yaml")
        else:
            assert all(pledge.id and pledge.source for pledge in loaded)
