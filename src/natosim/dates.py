"""Parsing dates given by users (CLI options, API parameters): strict ISO 8601 calendar dates.

A foundation module (it imports only ``natosim.errors`` and ``natosim.limits``): the data layer
(``as_of``, ``--published``) and the rules layer both use it.

Why strict: a rule's answer depends on the date (what was in force, when a withdrawal takes
effect), so "2025-13-01" or "1/3/2026" must be refused with a clear message, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re

from natosim.errors import InvalidDate, OutOfRange
from natosim.limits import check_date

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str | dt.date | None, field: str = "date") -> dt.date:
    """Return the calendar date ``value`` names: a ``date``/``datetime`` or text ``YYYY-MM-DD``.

    Raises ``InvalidDate`` naming the field and the problem (bad form, month 13, 30 February...).
    """
    if isinstance(value, dt.datetime):
        return _in_range(value.date(), field)
    if isinstance(value, dt.date):
        return _in_range(value, field)
    if not isinstance(value, str):
        raise InvalidDate(f"{field}: expected a date YYYY-MM-DD, got {value!r}", field=field)
    text = value.strip()
    match = _ISO.fullmatch(text)
    if match is None:
        raise InvalidDate(f"{field}: {value!r} is not a date in the form YYYY-MM-DD (e.g. 2026-03-01)", field=field)
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise InvalidDate(f"{field}: {value!r} has month {month}; months run 01-12", field=field)
    try:
        day_named = dt.date(year, month, day)
    except ValueError as error:
        raise InvalidDate(f"{field}: {value!r} is not a calendar date ({error})", field=field) from error
    return _in_range(day_named, field)


def _in_range(day: dt.date, field: str) -> dt.date:
    """Refuse dates outside the range natosim models (natosim.limits.model_range), e.g. year 9999."""
    try:
        return check_date(day, field)
    except OutOfRange as error:
        raise InvalidDate(str(error), field=field) from None


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` later; 29 February becomes 28 February in a common year.

    Used for Art. 13 ("one year after notice"): the treaty does not say how a leap day counts;
    this is the usual civil-law reading and is documented in docs/rules.md. A result past the
    last day the calendar can hold (31 December 9999) is refused with ``InvalidDate``.
    """
    if day.year + years > dt.MAXYEAR:
        raise InvalidDate(
            f"{day.isoformat()} plus {years} year(s) is beyond the last date natosim can represent "
            f"({dt.date.max.isoformat()}); give an earlier date",
            field="date",
        )
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days``; a result past 9999-12-31 is refused with ``InvalidDate`` (never an
    ``OverflowError`` that would surface as a traceback or an HTTP 500)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError as error:
        raise InvalidDate(
            f"{day.isoformat()} plus {days} days is beyond the last date natosim can represent "
            f"({dt.date.max.isoformat()}); give an earlier date",
            field="date",
        ) from error
