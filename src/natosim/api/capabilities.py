"""Which library capabilities are installed, so the API and the dashboard offer exactly those.

natosim grows one capability at a time (rules, scenarios, burden game, crisis model, claims
checker). A route whose library is not there is simply not mounted — the OpenAPI schema describes
what works — and the dashboard page says the capability has not landed instead of breaking.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class Capability:
    """A library capability: the modules and names it needs, and what it is for."""

    name: str
    title: str
    needs: tuple[tuple[str, str], ...]  # (module, attribute)

    def available(self) -> bool:
        """True when every module imports and has the attribute the API calls."""
        for module, attribute in self.needs:
            try:
                if not hasattr(import_module(module), attribute):
                    return False
            except ImportError:
                return False
        return True


CAPABILITIES: tuple[Capability, ...] = (
    Capability("data", "Allies, yearly figures and sources", (("natosim.data", "figures"),)),
    Capability("rules", "Treaty rules and pledges at a date", (("natosim.rules", "at"), ("natosim.rules", "pledges"))),
    Capability("compliance", "Compliance with a pledge", (("natosim.metrics.compliance", "compliance"),)),
    Capability(
        "procedures",
        "Accession and withdrawal step by step",
        (("natosim.rules.procedures", "withdrawal"), ("natosim.rules.procedures", "accession")),
    ),
    Capability("scenarios", "What-if scenarios", (("natosim.scenario", "evaluate"),)),
    Capability(
        "burden", "Burden sharing: free-rider test and game", (("natosim.engines.burden", "exclusion_equilibrium"),)
    ),
    Capability(
        "crisis",
        "Crisis Monte Carlo",
        (("natosim.engines.crisis", "run_crisis"), ("natosim.engines.crisis.store", "list_runs")),
    ),
    Capability("claims", "Claim checking of a news text", (("natosim", "check"),)),
)

BY_NAME = {capability.name: capability for capability in CAPABILITIES}


def available() -> dict[str, bool]:
    """Capability name → installed."""
    return {capability.name: capability.available() for capability in CAPABILITIES}
