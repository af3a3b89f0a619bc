"""Crisis Monte Carlo: who comes to an ally's defence, how fast, with what (issue 7).

    from natosim.engines.crisis import run_crisis
    result = run_crisis("EST", 2024, draws=100_000, seed=1)
    result.p_hold, result.contributions

The model, its equations and the source of every default: docs/model/crisis.md.
"""

from natosim.engines.crisis import store
from natosim.engines.crisis.engine import ChunkStats, Draws, chunk_seed, draw, evaluate, simulate_chunk
from natosim.engines.crisis.params import PARAMETER_SOURCES, CrisisError, CrisisParams, Stationing
from natosim.engines.crisis.result import CrisisResult
from natosim.engines.crisis.run import (
    DEFAULT_CHUNK,
    SWEEP_CHUNK,
    SweepResult,
    chunk_sizes,
    make_grid,
    parse_param,
    resume,
    run_crisis,
    stored_result,
    sweep,
)
from natosim.engines.crisis.scenario_link import scenario_crisis, scenario_state
from natosim.engines.crisis.sensitivity import sensitivity
from natosim.engines.crisis.store import RunStore, get_run, list_runs
from natosim.engines.crisis.theatre import Theatre, build_theatre, haversine_km

__all__ = [
    "DEFAULT_CHUNK",
    "PARAMETER_SOURCES",
    "SWEEP_CHUNK",
    "ChunkStats",
    "CrisisError",
    "CrisisParams",
    "CrisisResult",
    "Draws",
    "RunStore",
    "Stationing",
    "SweepResult",
    "Theatre",
    "build_theatre",
    "chunk_seed",
    "chunk_sizes",
    "draw",
    "evaluate",
    "get_run",
    "haversine_km",
    "list_runs",
    "make_grid",
    "parse_param",
    "resume",
    "run_crisis",
    "scenario_crisis",
    "scenario_state",
    "sensitivity",
    "simulate_chunk",
    "store",
    "stored_result",
    "sweep",
]
