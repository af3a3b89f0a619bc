"""Crisis Monte Carlo in forces: who comes to an ally's defence, with how many troops, by when — and
does the capital hold (issue 15).

    from natosim.engines.crisis import run_crisis
    result = run_crisis("EST", 2024, draws=100_000, seed=1, hold_range=64)
    result.p_hold, result.p_hold_range, result.expected_troops_by_day

The model, its equations and the source of every figure: docs/model/crisis.md.
"""

from __future__ import annotations

from natosim.deprecation import renamed
from natosim.engines.crisis import run as _run
from natosim.engines.crisis import store
from natosim.engines.crisis.compare import CrisisComparison, compare_crisis
from natosim.engines.crisis.engine import ChunkStats, Outcome, Raw, chunk_seed, draw_raw, outcome, simulate_chunk
from natosim.engines.crisis.forces import Forces, load_forces
from natosim.engines.crisis.params import (
    ASSUMPTIONS,
    PARAMETER_SOURCES,
    Assumption,
    CrisisError,
    CrisisParams,
    assumptions,
)
from natosim.engines.crisis.result import CrisisResult
from natosim.engines.crisis.run import (
    DEFAULT_CHUNK,
    SWEEP_CHUNK,
    ClusterFailure,
    RunInterrupted,
    SweepResult,
    chunk_sizes,
    make_grid,
    parse_param,
    resume,
    run_crisis,
    stored_result,
    sweep_crisis,
)
from natosim.engines.crisis.scenario_link import scenario_crisis, scenario_state
from natosim.engines.crisis.sensitivity import sensitivity
from natosim.engines.crisis.store import RunStore, get_run, list_runs
from natosim.engines.crisis.theatre import Theatre, build_theatre, haversine_km
from natosim.engines.crisis.uncertainty import hold_range, morris_ranking
from natosim.engines.crisis.validate import CrisisValidation, validate_crisis

__all__ = [
    "ASSUMPTIONS",
    "DEFAULT_CHUNK",
    "PARAMETER_SOURCES",
    "SWEEP_CHUNK",
    "Assumption",
    "ChunkStats",
    "ClusterFailure",
    "CrisisComparison",
    "CrisisError",
    "CrisisParams",
    "CrisisResult",
    "CrisisValidation",
    "Forces",
    "Outcome",
    "Raw",
    "RunInterrupted",
    "RunStore",
    "SweepResult",
    "Theatre",
    "assumptions",
    "build_theatre",
    "chunk_seed",
    "chunk_sizes",
    "compare_crisis",
    "draw_raw",
    "get_run",
    "haversine_km",
    "hold_range",
    "list_runs",
    "load_forces",
    "make_grid",
    "morris_ranking",
    "outcome",
    "parse_param",
    "resume",
    "run_crisis",
    "scenario_crisis",
    "scenario_state",
    "sensitivity",
    "simulate_chunk",
    "store",
    "stored_result",
    "sweep_crisis",
    "validate_crisis",
]


__getattr__ = renamed(
    __name__,
    {
        **_run._RENAMED,
        "ValidationResult": (CrisisValidation, "use CrisisValidation"),
        "evaluate": (outcome, "use outcome(theatre, values, raw) (natosim.evaluate evaluates a scenario)"),
    },
)
