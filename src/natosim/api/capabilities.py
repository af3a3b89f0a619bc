"""The registry of API capabilities: one entry per resource, the one place a new capability is added.

Each capability names its router module (``natosim.api.routers.<router>``), its URL prefix under
``/api`` and the optional extra its third-party libraries come from (``natosim.extras``). A
capability is *available* exactly when its extra is installed; its router is then imported
directly, so an ImportError from natosim's own code (a renamed export, a broken module) stops the
app instead of quietly dropping routes from the OpenAPI schema. Adding a capability touches this
registry, its router module, its section in docs/api.md and its test in tests/api.
"""

from __future__ import annotations

from dataclasses import dataclass

from natosim import extras

__all__ = ["BY_NAME", "CAPABILITIES", "Capability", "available"]


@dataclass(frozen=True)
class Capability:
    """A resource of the API: its router, URL prefix and the extra it needs (None: the core)."""

    name: str
    title: str
    router: str
    prefix: str
    extra: str | None = None

    def available(self) -> bool:
        """True when the optional libraries this capability needs are installed."""
        return self.extra is None or extras.installed(self.extra)

    @property
    def install_hint(self) -> str:
        """What to install when the capability is not available ('' when it is part of the core)."""
        return f"pip install 'natosim[{self.extra}]'" if self.extra else ""


CAPABILITIES: tuple[Capability, ...] = (
    Capability("data", "Allies, yearly figures and sources", "data", ""),
    Capability("rules", "Treaty rules and pledges at a date", "rules", "/rules"),
    Capability("compliance", "Compliance with a pledge", "compliance", "/compliance"),
    Capability("procedures", "Accession and withdrawal step by step", "procedures", "/procedures"),
    Capability("scenarios", "What-if scenarios", "scenarios", "/scenarios"),
    Capability("burden", "Burden sharing: free-rider test and game", "burden", "/burden"),
    Capability("crisis", "Crisis Monte Carlo", "crisis", "/crisis", extra="crisis"),
    Capability("claims", "Claim checking of a news text", "claims", "/claims"),
)

BY_NAME = {capability.name: capability for capability in CAPABILITIES}


def available() -> dict[str, bool]:
    """Capability name → its libraries are installed."""
    return {capability.name: capability.available() for capability in CAPABILITIES}
