"""Errors of the rules layer: each names what was wrong and what would have been valid."""

from __future__ import annotations

from natosim.errors import NatosimError


class RulesError(NatosimError):
    """A rules file under ``rules/parameters`` is malformed (names the file, line and field)."""

    kind = "rules_error"


class UnknownPledge(NatosimError):
    """No pledge has this id; the message lists the valid ids."""

    kind = "unknown_pledge"


class InvalidDate(NatosimError):
    """A date that is not a real calendar date in ISO form (YYYY-MM-DD)."""

    kind = "invalid_date"


class ProcedureError(NatosimError):
    """A procedure asked for something the rules do not allow (e.g. a path that does not exist)."""

    kind = "procedure_error"
