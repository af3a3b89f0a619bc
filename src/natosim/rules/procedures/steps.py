"""The shape every procedure returns: a list of steps, each naming its actor, rule and source."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import pandas as pd
from pydantic import BaseModel, ConfigDict

from natosim.results import ResultMixin
from natosim.rules.models import Outcome


class Step(BaseModel):
    """One step of a procedure: who acts, what they do, under which rule (and its source), whether
    it can happen (possible / blocked / contested) and the earliest date it can take effect."""

    model_config = ConfigDict(frozen=True)

    actor: str
    action: str
    rule: str
    source: str
    outcome: Outcome
    earliest_date: dt.date | None = None
    note: str = ""


class ProcedureResult(ResultMixin, BaseModel):
    """The result protocol for procedures: ``summary`` (the scalar answers: outcome, dates, who
    blocks), ``to_frame()`` (one row per step), ``to_dict()``, ``explain()`` and a notebook display."""

    model_config = ConfigDict(frozen=True)

    title: ClassVar[str] = "procedure"
    steps: list[Step]

    @property
    def summary(self) -> dict[str, Any]:
        """The answer without the step list: outcome, dates, parties blocking; short lists kept."""
        data = self.model_dump(mode="json", exclude={"steps"})
        return {key: value for key, value in data.items() if not isinstance(value, dict | list) or _short(value)}

    def to_frame(self) -> pd.DataFrame:
        """One row per step: actor, action, rule, source, outcome, earliest date, note."""
        return pd.DataFrame([step.model_dump() for step in self.steps], columns=list(Step.model_fields))

    def to_dict(self) -> dict[str, Any]:
        return dict(self.model_dump(mode="json"))

    def explain(self) -> str:
        """The steps in words, each with its rule and source."""
        return "\n".join(
            f"{i}. {step.actor}: {step.action} — {step.outcome} ({step.rule}; {step.source})"
            + (f" — {step.note}" if step.note else "")
            for i, step in enumerate(self.steps, 1)
        )


def _short(value: dict[str, Any] | list[Any]) -> bool:
    return isinstance(value, list) and len(value) <= 40 and all(not isinstance(v, dict | list) for v in value)


def overall(steps: list[Step]) -> Outcome:
    """A procedure is blocked if any step is, contested if any step is, possible otherwise."""
    outcomes = {step.outcome for step in steps}
    if "blocked" in outcomes:
        return "blocked"
    if "contested" in outcomes:
        return "contested"
    return "possible"


def today() -> dt.date:
    """The default date of a procedure (shown in every result, never hidden)."""
    return dt.date.today()
