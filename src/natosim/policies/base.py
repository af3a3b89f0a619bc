"""What every policy is: a small, frozen, typed what-if that turns one alliance state into another.

A policy is a pydantic model (so the same class validates a scenario file, a CLI option and an
HTTP body) with ``apply(state) -> state``. The work is done once, on arrays spanning every year
of a scenario (:meth:`Policy.apply_panel`); ``apply`` on a single :class:`~natosim.state.AllianceState`
runs the same code on a one-year panel, so a year evaluated alone and a year evaluated in a
sweep always agree. Policies compose in the order given (OpenFisca's "reforms" of a baseline).
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from natosim.data import resolve_country
from natosim.errors import NatosimError, UnknownCountry
from natosim.state import AllianceState, StatePanel, panel_from_state


class PolicyError(NatosimError):
    """A policy cannot be applied to a state (e.g. the country is not a party)."""

    kind = "policy_error"


def to_iso3(value: object) -> str:
    """A country name or code as ISO3; a ``ValueError`` (so pydantic reports the field) if unknown."""

    if not isinstance(value, str):
        raise ValueError(f"expected a country name or ISO code (text), got {type(value).__name__}")
    try:
        return resolve_country(value)
    except UnknownCountry as error:
        raise ValueError(str(error)) from None


class Policy(BaseModel):
    """Base of every policy: immutable, refuses unknown fields, names itself in the trace."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: the ``type:`` of the policy in a scenario file
    kind: ClassVar[str] = "policy"

    def parties_needed(self) -> tuple[str, ...]:
        """Non-allies this policy puts on the parties axis (e.g. Ukraine); allies are always there."""
        return ()

    def apply_panel(self, panel: StatePanel) -> StatePanel:  # pragma: no cover - abstract
        raise NotImplementedError

    def apply(self, state: AllianceState) -> AllianceState:
        """The state after this policy (the input is not changed)."""
        return self.apply_panel(panel_from_state(state, self.parties_needed())).at(state.year)

    def label(self) -> str:
        """One line naming the policy and its parameters, for traces and summaries."""
        params = ", ".join(f"{k}={v}" for k, v in self.params().items() if k != "type" and v not in (None, [], ()))
        return f"{self.kind}({params})"

    def params(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    def record(self, effect: str, **detail: Any) -> dict[str, Any]:
        """A trace record: which policy, with which parameters, did what (and under which rules)."""
        return {
            "step": "policy",
            "policy": self.kind,
            "label": self.label(),
            "params": self.params(),
            "effect": effect,
            **detail,
        }
