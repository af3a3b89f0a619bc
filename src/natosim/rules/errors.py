"""Errors of the rules layer: each names what was wrong and what would have been valid."""

from __future__ import annotations

from natosim.errors import InvalidDate, NatosimError

# InvalidDate is defined in natosim.errors (dates are a foundation module) and re-exported here
__all__ = ["InvalidDate", "ProcedureError", "RulesError", "UnknownPledge"]


class RulesError(NatosimError):
    """A rules file under ``rules/parameters`` is malformed (names the file, line and field)."""

    kind = "rules_error"


class UnknownPledge(NatosimError):
    """No pledge has this id; the message lists the valid ids."""

    kind = "unknown_pledge"


class ProcedureError(NatosimError):
    """A procedure asked for something the rules do not allow (e.g. a path that does not exist)."""

    kind = "procedure_error"
