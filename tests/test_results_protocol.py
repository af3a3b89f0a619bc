"""One result protocol for every result type (natosim.results): a ``summary`` attribute (a dict),
a DataFrame from ``to_frame()``, a JSON-ready ``to_dict()`` and a notebook display.

Every subclass of ``ResultMixin`` in natosim must have a factory here (the last test checks it), so
a new result type cannot skip the protocol."""

from __future__ import annotations

import importlib
import json
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import natosim
from natosim.results import Result, ResultMixin
from natosim.rules import procedures


def _import_result() -> Any:
    from natosim.data.importer import ImportResult

    return ImportResult("2026-07", 640, 32, (2014, 2025), "nato-2026-07", Path("releases/2026-07.csv"))


def _crisis() -> Any:
    from natosim.engines.crisis import run_crisis

    return run_crisis("EST", 2024, draws=2_000, seed=1)


def _crisis_sweep() -> Any:
    from natosim.engines.crisis.run import SweepResult

    points = pd.DataFrame({"reliability": [0.5, 0.9], "p_hold": [0.41, 0.77], "p_hold_se": [0.011, 0.009]})
    return SweepResult(run_id=None, target="EST", year=2024, seed=1, draws=2_000, points=points)


def _crisis_comparison() -> Any:
    from natosim.engines.crisis.compare import compare_crisis

    return compare_crisis("baseline", "us-conditional-guarantee-2pct", "EST", 2024, draws=2_000)


def _crisis_validation() -> Any:
    from natosim.engines.crisis.validate import validate_crisis

    return validate_crisis(draws=2_000)


def _burden(name: str, *args: Any, **kwargs: Any) -> Callable[[], Any]:
    def make() -> Any:
        return getattr(importlib.import_module("natosim.engines.burden"), name)(*args, **kwargs)

    return make


def _inferred_date() -> Any:
    import datetime as dt

    from natosim.engines.claims.article import read
    from natosim.engines.claims.dating import infer_date

    return infer_date(read("In March 2023 Finland's parliament voted to join the alliance."), dt.date(2026, 1, 1))


FACTORIES: dict[str, Callable[[], Any]] = {
    "natosim.scenario.result.ScenarioResult": lambda: natosim.evaluate("us-conditional-guarantee-2pct", year=2024),
    "natosim.metrics.compliance.ComplianceResult": lambda: natosim.compliance(2024),
    "natosim.briefing.Brief": lambda: natosim.brief(),
    "natosim.rules.procedures.withdrawal.WithdrawalResult": lambda: procedures.withdrawal(
        "USA", path="senate", notice_date="2026-03-01"
    ),
    "natosim.rules.procedures.accession.AccessionResult": lambda: procedures.accession("UKR", invited="2026-01-01"),
    "natosim.rules.procedures.article5.Article5Result": lambda: procedures.article5("EST", "2024-06-01"),
    "natosim.data.importer.ImportResult": _import_result,
    "natosim.engines.claims.model.CheckResult": lambda: natosim.check(
        "Germany spent 2.1% of its GDP on defence in 2024.", date="2024-07-01"
    ),
    "natosim.engines.claims.dating.InferredDate": lambda: _inferred_date(),
    "natosim.engines.crisis.result.CrisisResult": _crisis,
    "natosim.engines.crisis.run.SweepResult": _crisis_sweep,
    "natosim.engines.crisis.compare.CrisisComparison": _crisis_comparison,
    "natosim.engines.crisis.validate.CrisisValidation": _crisis_validation,
    "natosim.engines.burden.free_riding.FreeRiderTest": _burden("free_rider_test", [2024]),
    "natosim.engines.burden.shares.BurdenShares": _burden("burden_share_table", [2024]),
    "natosim.engines.burden.benefits.BenefitBurdenTest": _burden("benefit_burden_test", [2024]),
    "natosim.engines.burden.game.GameResult": _burden("exclusion_equilibrium", 2024),
    "natosim.engines.burden.model.SpendingModel": _burden("estimate_spending_model"),
    "natosim.engines.burden.forecast.ForecastValidation": _burden("validate_spending_model"),
    "natosim.engines.burden.forecast.Counterfactual": _burden("us_exit", draws=200),
    "natosim.engines.burden.replace_us.ReplaceUs": _burden("replace_us"),
}


@pytest.mark.parametrize("name", sorted(FACTORIES))
def test_every_result_follows_the_protocol(name: str) -> None:
    result = FACTORIES[name]()
    assert f"{type(result).__module__}.{type(result).__qualname__}" == name
    assert isinstance(result, Result) and isinstance(result, ResultMixin)
    assert isinstance(result.summary, dict) and result.summary, "summary is a non-empty dict attribute"
    frame = result.to_frame()
    assert isinstance(frame, pd.DataFrame)
    json.dumps(natosim.jsonable.jsonable(result.to_dict()))  # JSON-ready
    markdown, html = result._repr_markdown_(), result._repr_html_()
    assert markdown.startswith("**") and html.startswith("<div>")
    assert len(repr(result)) < 1_000 and " at 0x" not in repr(result)


def _result_types() -> set[str]:
    for module in pkgutil.walk_packages(natosim.__path__, "natosim."):
        if not module.name.startswith(("natosim.cli", "natosim.api", "natosim.web", "natosim.__main__")):
            importlib.import_module(module.name)

    def below(cls: type) -> set[type]:
        found: set[type] = set()
        subclasses: list[type] = cls.__subclasses__()
        for direct in subclasses:
            found |= {direct, *below(direct)}
        return found

    return {f"{c.__module__}.{c.__qualname__}" for c in below(ResultMixin) if not c.__name__.startswith("_")}


def test_every_result_type_has_a_protocol_test() -> None:
    from natosim.rules.procedures.steps import ProcedureResult

    assert _result_types() - {f"{ProcedureResult.__module__}.ProcedureResult"} == set(FACTORIES)
