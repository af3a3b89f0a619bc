"""The Mesa benchmark model is the same model: replaying the engine's random numbers, outcomes agree
(both hold, or both fall within 6 hours: Mesa counts an arrival from the next whole hour)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from natosim.engines.crisis import CrisisParams, Theatre

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "crisis.py"


def _bench():
    spec = importlib.util.spec_from_file_location("crisis_benchmark", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("params", [CrisisParams(), CrisisParams(ukraine_committed_share=0.3, warning_days=4.0)])
def test_mesa_and_engine_agree_on_replayed_draws(est2024: Theatre, params: CrisisParams) -> None:
    assert _bench().mesa_check(est2024, params, 40) >= 0.95
