"""The shape every procedure returns: a list of steps, each naming its actor, rule and source."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

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
