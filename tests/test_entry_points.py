"""Every public entry point that reads data takes keyword-only ``dataset=`` and ``as_of=``, and both
change what it reads (not parameters that are accepted and ignored)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

import natosim

#: functions of natosim.__all__ that read no dataset, and why
READS_NO_DATA = {
    "load": "builds a Dataset from a data directory (the thing dataset= passes)",
    "resolve_country": "country names and codes come from ISO 3166 (pycountry) and natosim's alias table",
}
FUNCTIONS = [name for name in natosim.__all__ if inspect.isfunction(getattr(natosim, name))]


def test_the_list_of_functions_is_the_public_surface() -> None:
    assert set(READS_NO_DATA) <= set(FUNCTIONS)
    assert {"figures", "compliance", "evaluate", "check", "brief"} <= set(FUNCTIONS)


@pytest.mark.parametrize("name", [n for n in FUNCTIONS if n not in READS_NO_DATA])
def test_every_entry_point_takes_keyword_only_dataset_and_as_of(name: str) -> None:
    parameters = inspect.signature(getattr(natosim, name)).parameters
    for option in ("dataset", "as_of"):
        assert option in parameters, f"natosim.{name} has no {option}="
        assert parameters[option].kind is inspect.Parameter.KEYWORD_ONLY, f"natosim.{name}: {option} keyword-only"
        assert parameters[option].default is None


AS_OF = "2024-07-01"  # after NATO's June 2024 edition (published 2024-06-17), before its August 2025 one


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda: natosim.editions(as_of=AS_OF), ["2024-06"]),
        (lambda: sorted(set(natosim.aggregates(as_of=AS_OF)["edition"])), ["2024-06"]),
        (lambda: list(natosim.sources(as_of=AS_OF)["id"]), ["nato-2024-06"]),
        (lambda: "SWE" in set(natosim.allies(as_of="2023-06-01")["iso3"]), False),
        (lambda: "SWE" in natosim.members(2025, as_of="2023-06-01"), False),
        (lambda: "SWE" in natosim.members(2025), True),
        (lambda: len(natosim.comparators(as_of=AS_OF)), 0),  # SIPRI's 2025 release came out in April 2025
        (lambda: set(natosim.figures(year=2024, as_of=AS_OF)["edition"]), {"2024-06"}),
        (lambda: natosim.compliance(2023, as_of=AS_OF).summary["editions_in_play"], ["2024-06"]),
    ],
)
def test_as_of_keeps_only_what_was_published_by_then(call: Callable[[], Any], expected: Any) -> None:
    assert call() == expected


def test_check_as_of_reads_the_edition_published_by_then() -> None:
    text = "Poland spent 4.1% of its GDP on defence in 2024."
    now = natosim.check(text, date="2025-10-01")
    then = natosim.check(text, date="2025-10-01", as_of=AS_OF)
    # the August 2025 edition revised Poland's 2024 figure; the June 2024 one printed 4.12 (estimate)
    assert now.summary["edition"] == "2025-08" and now.to_frame()["verdict"].tolist() == ["imprecise"]
    assert then.summary["edition"] == "2024-06" and then.to_frame()["verdict"].tolist() == ["supported"]
    assert then.to_frame()["expected"].tolist() == [4.12]


def test_dataset_is_the_data_that_is_read() -> None:
    """A dataset passed in is the one read: the scenario panel and the claim checker use it."""
    dataset = natosim.load()
    result = natosim.evaluate("us-conditional-guarantee-2pct", year=2024, dataset=dataset)
    assert result.panel.dataset is dataset and result.baseline.dataset is dataset
    seen: list[object] = []
    from natosim.engines.claims import facts

    original = facts.active

    def spy() -> Any:
        seen.append(facts._SCOPE.get()[0])
        return original()

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(facts, "active", spy)
        natosim.check("Poland spent 4.1% of its GDP on defence in 2024.", dataset=dataset)
    assert seen and all(s is dataset for s in seen)
