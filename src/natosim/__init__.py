"""natosim — NATO as code.

The public API is imported lazily so that ``import natosim`` (and ``natosim --help``) stays fast,
and typed for the users' type checkers (``py.typed``; the ``TYPE_CHECKING`` imports below)::

    import natosim
    natosim.figures(year=2024)            # tidy DataFrame, each figure with its edition and source
    natosim.compliance(2024)              # ComplianceResult: summary, to_frame(), to_dict()
    natosim.evaluate("us-conditional-guarantee-2pct", year=2024)
    natosim.check("The US spent 3.4% of its GDP on defence in 2024.")

The exported names are ``__all__``; docs/api-python.md lists the same names (a test checks it).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # what type checkers see; at run time each name is imported on first use
    from natosim import engines, metrics, policies, results, rules, scenario, state
    from natosim.briefing import Brief, brief
    from natosim.data import (
        Dataset,
        aggregates,
        allies,
        comparators,
        editions,
        figures,
        load,
        members,
        resolve_country,
        sources,
    )
    from natosim.engines.claims.check import check
    from natosim.engines.claims.model import CheckResult
    from natosim.metrics.compliance import ComplianceResult, compliance
    from natosim.results import Result, ResultMixin
    from natosim.scenario.evaluate import evaluate
    from natosim.scenario.result import ScenarioResult

#: public name → the module that defines it
_EXPORTS: dict[str, str] = {
    "Dataset": "natosim.data",
    "allies": "natosim.data",
    "figures": "natosim.data",
    "comparators": "natosim.data",
    "aggregates": "natosim.data",
    "sources": "natosim.data",
    "editions": "natosim.data",
    "members": "natosim.data",
    "resolve_country": "natosim.data",
    "load": "natosim.data",
    "Brief": "natosim.briefing",
    "brief": "natosim.briefing",
    "ComplianceResult": "natosim.metrics.compliance",
    "compliance": "natosim.metrics.compliance",
    "CheckResult": "natosim.engines.claims",
    "check": "natosim.engines.claims",
    "evaluate": "natosim.scenario",
    "Result": "natosim.results",
    "ResultMixin": "natosim.results",
    "ScenarioResult": "natosim.scenario.result",
}
_SUBPACKAGES = ("engines", "metrics", "policies", "results", "rules", "scenario", "state")

__all__ = [
    "Brief",
    "CheckResult",
    "ComplianceResult",
    "Dataset",
    "Result",
    "ResultMixin",
    "ScenarioResult",
    "__version__",
    "aggregates",
    "allies",
    "brief",
    "check",
    "comparators",
    "compliance",
    "editions",
    "engines",
    "evaluate",
    "figures",
    "load",
    "members",
    "metrics",
    "policies",
    "resolve_country",
    "results",
    "rules",
    "scenario",
    "sources",
    "state",
]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(import_module(_EXPORTS[name]), name)
    elif name in _SUBPACKAGES:
        value = import_module(f"natosim.{name}")
    else:
        raise AttributeError(f"module 'natosim' has no attribute {name!r}")
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    return list(__all__)
