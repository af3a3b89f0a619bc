"""Errors of the burden-sharing engine: bad input named with what would be valid."""

from __future__ import annotations

from natosim.errors import NatosimError


class BurdenError(NatosimError):
    """A request the burden engine cannot answer (bad year range, bad parameter, missing data)."""

    kind = "burden_error"


class YearRangeError(BurdenError):
    """A ``--year`` specification that does not parse or falls outside the data."""

    kind = "year_range_error"
