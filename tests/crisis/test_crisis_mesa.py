"""The Mesa benchmark model is the same model: replaying the engine's draws, outcomes agree draw by draw."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from natosim.engines.crisis import CrisisParams, Theatre, chunk_seed, draw, evaluate

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "crisis.py"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("crisis_benchmark", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("params", [CrisisParams(), CrisisParams(warning_days=4.0, threshold=0.25)])
def test_mesa_and_engine_agree_on_replayed_draws(est2024: Theatre, params: CrisisParams) -> None:
    bench = _bench()
    d = draw(est2024, params, 60, np.random.Generator(np.random.PCG64(chunk_seed(3, 0))))
    outcome, _ = evaluate(est2024, params, d)
    hold, parity = bench.mesa_run(est2024, params, 60, seed=0, replay=d)
    assert np.array_equal(hold, outcome.hold)
    assert np.array_equal(parity, outcome.parity_step)
