"""Scenarios: named, sourced lists of policies, validated from YAML, evaluated against a baseline.

    import natosim
    result = natosim.evaluate("us-conditional-guarantee-2pct")
    result.summary                       # the headline year: exposed allies, people, GDP, money
    result.by_year                       # one row per year: exposed allies, people, GDP, money
    result.explain("population_exposed", year=2024)   # the rows, rules and policies behind it

See docs/scenarios.md for the schema, every policy and every bundled scenario.
"""

from __future__ import annotations

from typing import Any

from natosim.scenario import result as _result_module
from natosim.scenario.evaluate import evaluate
from natosim.scenario.loader import ScenarioError, library, library_dir, load_all, load_scenario, parse
from natosim.scenario.result import METRICS, Explanation, ScenarioResult
from natosim.scenario.schema import Period, Scenario, SourceRef
from natosim.scenario.summary import summaries, summary_lines

__all__ = [
    "METRICS",
    "Explanation",
    "Period",
    "Scenario",
    "ScenarioError",
    "ScenarioResult",
    "SourceRef",
    "evaluate",
    "library",
    "library_dir",
    "load_all",
    "load_scenario",
    "parse",
    "summaries",
    "summary_lines",
]


def __getattr__(name: str) -> Any:
    """Deprecated names, with their warning, live once in :mod:`natosim.scenario.result`."""
    return _result_module.__getattr__(name)
