"""Domain errors. Interfaces turn any ``NatosimError`` into one clear message (CLI: exit 2; HTTP: 4xx).

Every error says what was wrong and what would have been valid, so a user never needs a traceback.
"""

from __future__ import annotations


class NatosimError(Exception):
    """Base of every error natosim raises on bad input or bad data."""

    #: short machine-readable kind, used by the HTTP API in its JSON error body
    kind = "natosim_error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class UnknownCountry(NatosimError):
    kind = "unknown_country"


class NotAnAlly(NatosimError):
    kind = "not_an_ally"


class DataError(NatosimError):
    """A data file is malformed: names the file, the line and the field."""

    kind = "data_error"


class UnknownEdition(NatosimError):
    kind = "unknown_edition"


class YearOutOfRange(NatosimError):
    kind = "year_out_of_range"


class ImportErrorNatosim(NatosimError):
    """An import of a new release was refused; nothing was written."""

    kind = "import_refused"


class InvalidDate(NatosimError):
    """A date that is not a real calendar date in ISO form (YYYY-MM-DD)."""

    kind = "invalid_date"


class OutOfRange(NatosimError):
    """A number or date outside what natosim accepts (NaN, infinity, a negative threshold, year 9999)."""

    kind = "out_of_range"


class LimitExceeded(NatosimError):
    """A request larger than a configured limit; the message names the limit and how to raise it."""

    kind = "limit_exceeded"
