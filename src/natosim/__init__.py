"""natosim — NATO as code.

The public API is imported lazily so that ``import natosim`` (and ``natosim --help``) stays fast::

    import natosim
    natosim.figures(year=2024)            # tidy DataFrame, each figure with its edition and source
    natosim.allies(); natosim.sources(); natosim.comparators(countries=["RUS"])
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "allies": "natosim.data",
    "figures": "natosim.data",
    "comparators": "natosim.data",
    "aggregates": "natosim.data",
    "sources": "natosim.data",
    "editions": "natosim.data",
    "members": "natosim.data",
    "resolve_country": "natosim.data",
    "load": "natosim.data",
    "brief": "natosim.briefing",
    "compliance": "natosim.metrics.compliance",
    "check": "natosim.engines.claims",
    "evaluate": "natosim.scenario",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    if name in {"rules", "engines", "metrics", "policies", "scenario", "state"}:
        return import_module(f"natosim.{name}")
    raise AttributeError(f"module 'natosim' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*_EXPORTS, "__version__"])
