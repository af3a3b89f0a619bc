"""Evaluate a scenario: the baseline of every year, the policies applied in order, the metrics.

The same code evaluates the baseline and the scenario (a policy is a reform of the baseline, as in
OpenFisca): both are :class:`~natosim.state.StatePanel` arrays over the same years and parties,
so every metric and every difference is one array operation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from natosim.data import Dataset
from natosim.errors import NatosimError
from natosim.scenario.loader import ScenarioError, load_scenario
from natosim.scenario.result import ScenarioResult
from natosim.scenario.schema import Scenario
from natosim.state import baseline_panel, data_years


def evaluate(
    scenario: Scenario | str | Path,
    *,
    year: int | None = None,
    years: Sequence[int] | None = None,
    as_of: str | dt.date | None = None,
    dataset: Dataset | None = None,
) -> ScenarioResult:
    """The result of ``scenario`` (a :class:`Scenario`, a bundled name or a file) over its period,
    or over one ``year`` / the given ``years``. ``as_of`` (default today): only the NATO editions
    published by that date are in play. ``dataset`` (default: the bundled data and any imported
    release): the data the baseline and the policies read."""
    if not isinstance(scenario, Scenario):
        scenario = load_scenario(scenario)
    chosen = [int(year)] if year is not None else list(years) if years is not None else scenario.years()
    available = data_years(scenario.edition, as_of, dataset=dataset)
    early = [y for y in chosen if y < available[0]]
    if early:
        raise ScenarioError(
            f"no figures for {early[0]}: years of data start in {available[0]}; "
            f"the scenario covers {scenario.period.start}–{scenario.period.end}",
            field="year",
        )
    extra = [p for policy in scenario.policies for p in policy.parties_needed()]
    base = baseline_panel(
        chosen, scenario.edition, hold_from=scenario.baseline_year, extra_parties=extra, as_of=as_of, dataset=dataset
    )
    panel = base
    for index, policy in enumerate(scenario.policies):
        try:
            panel = policy.apply_panel(panel)
        except ScenarioError:
            raise
        except NatosimError as error:  # the policy cannot apply: say which one, where
            field = f"policies.{index}" + (f".{error.field}" if error.field else "")
            raise ScenarioError(
                f"{field} ({policy.kind}): {error}", file=scenario.path, line=scenario.policy_line(index), field=field
            ) from None
    return ScenarioResult(scenario, base, panel)
