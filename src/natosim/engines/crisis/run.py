"""Running the crisis model: chunked, seeded, optionally stored, locally or on Dask.

Work is cut into chunks of ``chunk_size`` draws; chunk i is seeded with the i-th child of
``SeedSequence(seed)`` whatever the sweep point (common random numbers: the difference between two
points is the effect of the parameter, not noise) and whatever the worker that computes it.
Statistics are merged in chunk order, so 1 worker, 2 workers, or a resume after a crash give the
same result bit for bit. A run is a sweep of one point; both share :func:`execute`.
"""

from __future__ import annotations

import itertools
import signal
import threading
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from natosim import extras
from natosim.data.paths import cache_dir
from natosim.deprecation import renamed
from natosim.engines.crisis.engine import ChunkStats, chunk_seed, combine, simulate_chunk
from natosim.engines.crisis.params import CrisisError, CrisisParams
from natosim.engines.crisis.result import CrisisResult
from natosim.engines.crisis.store import RunStore, versions
from natosim.engines.crisis.theatre import Theatre, build_theatre
from natosim.engines.crisis.uncertainty import hold_range as compute_range
from natosim.jsonable import jsonable
from natosim.results import ResultMixin

if TYPE_CHECKING:  # pragma: no cover
    from natosim.state import AllianceState

#: draws per chunk: large enough to amortise numpy overhead, small enough to stay in CPU cache (measured fastest)
DEFAULT_CHUNK = 8_192
#: draws per chunk of a sweep: fewer, larger Dask tasks (less scheduling per draw; measured 1.86x on
#: 2 workers against 1.6x with 8,192)
SWEEP_CHUNK = 32_768
#: progress callback: (chunks done, chunks total)
Progress = Callable[[int, int], None]
#: values one ``--param NAME=START:STOP:COUNT`` may expand to
MAX_VALUES = 100_000
#: parameters that change the theatre's arrays (a sweep over them rebuilds the theatre per point)
THEATRE_FIELDS = ("aggressor", "reliability_overrides", "outset_brigades", "outset_heavy_brigades", "brigade_troops")


class RunInterrupted(KeyboardInterrupt):
    """Ctrl-C during a stored run: carries the run id so the interface can say how to resume."""

    def __init__(self, run_id: str) -> None:
        super().__init__(run_id)
        self.run_id = run_id


class ClusterFailure(CrisisError):
    """The Dask cluster failed (scheduler lost, workers killed): finished chunks are stored."""

    kind = "cluster_failure"


def chunk_sizes(draws: int, chunk_size: int = DEFAULT_CHUNK) -> list[int]:
    """Draws per chunk: full chunks then the remainder (the plan is part of a run's identity)."""
    if draws < 1:
        raise CrisisError(f"draws must be at least 1, got {draws}", field="draws")
    if chunk_size < 1:
        raise CrisisError(f"chunk size must be at least 1, got {chunk_size}", field="chunk_size")
    full, rest = divmod(int(draws), int(chunk_size))
    return [int(chunk_size)] * full + ([rest] if rest else [])


# ---------------------------------------------------------------------------------------------
# parameter grids
# ---------------------------------------------------------------------------------------------


def _value(text: str) -> Any:
    text = text.strip()
    if "/" in text:
        try:
            return float(Fraction(text))
        except (ValueError, ZeroDivisionError):
            pass
    try:
        return float(text)
    except ValueError:
        return text


def parse_param(spec: str) -> tuple[str, list[Any]]:
    """``name=a:b:n`` (n values from a to b), ``name=v1,v2`` or ``name=v`` → (name, values)."""
    name, sep, rhs = spec.partition("=")
    name = name.strip()
    if not sep or not name or not rhs.strip():
        raise CrisisError(
            f"bad --param {spec!r}: expected NAME=VALUE, NAME=V1,V2 or NAME=START:STOP:COUNT "
            "(e.g. reliability=0.5:0.9:9)",
            field="param",
        )
    if name not in CrisisParams.model_fields:
        raise CrisisError(
            f"unknown crisis parameter {name!r}; valid: {', '.join(CrisisParams.model_fields)}", field="param"
        )
    if rhs.count(":") == 2:
        start, stop, count = rhs.split(":")
        try:
            if not 1 <= int(count) <= MAX_VALUES:
                raise CrisisError(
                    f"bad range in --param {spec!r}: COUNT must be between 1 and {MAX_VALUES:,}", field="param"
                )
            values = np.linspace(float(_value(start)), float(_value(stop)), int(count)).tolist()
        except (TypeError, ValueError):
            raise CrisisError(
                f"bad range in --param {spec!r}: START:STOP:COUNT with numbers, COUNT ≥ 1", field="param"
            ) from None
        return name, [round(v, 12) for v in values]
    return name, [_value(v) for v in rhs.split(",") if v.strip()]


def expand(values: dict[str, Any]) -> dict[str, Any]:
    """Parameter values as given (v1 shorthands are gone; kept so stored v2 runs reload the same way)."""
    return dict(values)


def make_grid(specs: Sequence[str] | dict[str, list[Any]]) -> list[dict[str, Any]]:
    """The cartesian product of parameter values, in the order given (first parameter slowest)."""
    if isinstance(specs, dict):
        axes = dict(specs)
    else:
        axes = {}
        for spec in specs:
            name, values = parse_param(spec)
            if name in axes:
                raise CrisisError(f"--param {name} given twice; give each parameter once", field="param")
            axes[name] = values
    if not axes:
        return [{}]
    names = list(axes)
    return [dict(zip(names, combo, strict=True)) for combo in itertools.product(*(axes[n] for n in names))]


def theatre_for(
    point: CrisisParams, base_theatre: Theatre, base: CrisisParams, *, state: AllianceState | None, scenario: str | None
) -> Theatre:
    """The theatre of a sweep point: rebuilt if the point changes its arrays, else shared."""
    if any(getattr(point, f) != getattr(base, f) for f in THEATRE_FIELDS):
        return build_theatre(base_theatre.target, base_theatre.year, state, point, scenario=scenario)
    return base_theatre


# ---------------------------------------------------------------------------------------------
# execution
# ---------------------------------------------------------------------------------------------


@dataclass
class Plan:
    """Everything needed to compute (or finish) a run: stored with it, so resume needs nothing else."""

    seed: int
    sizes: list[int]
    params: list[CrisisParams]
    theatres: list[Theatre]

    @property
    def tasks(self) -> list[tuple[int, int]]:
        return [(p, c) for p in range(len(self.params)) for c in range(len(self.sizes))]


def scratch_dir() -> Path:
    """Dask's scratch space: under natosim's cache dir, never the shared ``/tmp/dask-scratch-space``."""
    path = cache_dir() / "dask-scratch"
    path.mkdir(parents=True, exist_ok=True)
    return path


#: seconds to wait for a worker to join an external scheduler before saying none is connected
WORKER_WAIT = 10.0
#: how long to try reaching an external Dask scheduler before saying it cannot be reached
SCHEDULER_TIMEOUT = "10s"


#: where a local cluster serves its HTTP endpoints: loopback, a port the OS picks
LOOPBACK_ANY_PORT = "127.0.0.1:0"


def open_client(workers: int = 2, scheduler: str | None = None, processes: bool = False) -> tuple[Any, Any]:
    """A Dask client: the scheduler at ``scheduler`` (tcp://HOST:PORT) or an embedded LocalCluster.

    A local cluster listens on 127.0.0.1 only (threads: in-process, no socket at all), has no
    dashboard, keeps its scratch space under natosim's cache dir and its log and warnings quiet.
    """
    extras.require("crisis", what="the crisis model")
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError) as error:
            raise CrisisError(f"cannot reach the Dask scheduler {scheduler}: {error}", field="scheduler") from None
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT)
        except (OSError, TimeoutError):
            client.close()
            raise CrisisError(
                f"no Dask workers are connected to {scheduler} (waited {WORKER_WAIT:g} s); start one with "
                f"`dask worker {scheduler}`",
                field="scheduler",
            ) from None
        return client, None
    if workers < 1:
        raise CrisisError(f"workers must be at least 1, got {workers}", field="workers")
    # Dask sets MALLOC_TRIM_THRESHOLD_=65536 in worker processes; glibc then maps and unmaps every
    # large array of a chunk, which measured 25-90% slower here. None unsets it (distributed's
    # documented override); threads (the default) are unaffected.
    settings = {
        "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
        "temporary-directory": str(scratch_dir()),
    }
    with dask.config.set(settings), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # e.g. "port in use": we ask for no fixed port
        # threads talk in-process (inproc://, no socket); processes over TCP on loopback only
        where = {"host": "127.0.0.1"} if processes else {}
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=processes,
            **where,
            # no dashboard; the HTTP endpoints dask always serves go to a random loopback port
            # (None would mean the fixed default 8787/8789)
            dashboard_address=LOOPBACK_ANY_PORT,
            worker_dashboard_address=LOOPBACK_ANY_PORT,
            local_directory=str(scratch_dir()),
            silence_logs=50,
        )
    return Client(cluster), cluster


def worker_versions(client: Any) -> dict[str, dict[str, str]]:
    """The package versions on every worker (stored with the run: a result is tied to its software)."""
    try:
        return {str(k): v for k, v in client.run(versions).items()}
    except Exception as error:
        return {"error": {"message": f"{type(error).__name__}: {error}"}}


def _dask_failure(error: BaseException) -> bool:
    """Errors of the cluster (not of the model): a lost scheduler, killed workers, cancelled tasks."""
    import asyncio

    from distributed import CancelledError
    from distributed.comm.core import CommClosedError
    from distributed.scheduler import KilledWorker

    return isinstance(error, KilledWorker | CommClosedError | CancelledError | asyncio.TimeoutError | OSError)


def execute(
    plan: Plan,
    done: dict[tuple[int, int], ChunkStats],
    *,
    save: Callable[[int, int, ChunkStats], None] | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    processes: bool = False,
    progress: Progress | None = None,
    client: Any = None,
    on_client: Callable[[Any], None] | None = None,
) -> dict[tuple[int, int], ChunkStats]:
    """Compute the chunks not in ``done``; ``save`` each as it finishes (in this process: one writer).

    ``workers=None`` and no scheduler (and no ``client``) computes in this process; otherwise on
    Dask: the given ``client``, the scheduler at ``scheduler``, or an embedded LocalCluster. Each
    future is released as soon as its chunk is stored, so a worker lost later never makes Dask
    recompute finished chunks.
    """
    todo = [task for task in plan.tasks if task not in done]
    total = len(plan.tasks)
    results = dict(done)
    if progress:
        progress(len(results), total)

    def finished(task: tuple[int, int], stats: ChunkStats) -> None:
        results[task] = stats
        if save:
            save(task[0], task[1], stats)
        if progress:
            progress(len(results), total)

    if workers is None and scheduler is None and client is None:
        for p, c in todo:
            finished((p, c), simulate_chunk(plan.theatres[p], plan.params[p], plan.sizes[c], chunk_seed(plan.seed, c)))
        return results
    from distributed import as_completed

    own = client is None
    cluster = None
    if own:
        client, cluster = open_client(workers or 1, scheduler, processes)
    try:
        if on_client is not None:
            on_client(client)
        futures = {
            client.submit(
                simulate_chunk, plan.theatres[p], plan.params[p], plan.sizes[c], chunk_seed(plan.seed, c), pure=False
            ): (p, c)
            for p, c in todo
        }
        for future in as_completed(list(futures)):
            task = futures.pop(future)
            finished(task, future.result())
            future.release()
    finally:
        if own:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                client.close()
                if cluster is not None:
                    cluster.close()
    return results


def merge_point(plan: Plan, results: dict[tuple[int, int], ChunkStats], point: int) -> ChunkStats:
    return combine([results[(point, c)] for c in range(len(plan.sizes))])


# ---------------------------------------------------------------------------------------------
# the public entry points
# ---------------------------------------------------------------------------------------------


def _label(scenario: str | None, state: AllianceState | None) -> str | None:
    if scenario:
        return scenario
    if state is not None and getattr(state, "trace", None):
        steps = [str(t.get("step", "")) for t in state.trace if isinstance(t, dict)]
        label = "+".join(s for s in steps if s and s != "baseline")
        return label or "baseline"
    return "baseline"


def run_crisis(
    target: str,
    year: int,
    state: AllianceState | None = None,
    *,
    params: CrisisParams | None = None,
    draws: int = 100_000,
    seed: int = 0,
    scenario: str | None = None,
    store: bool = False,
    db: str | Path | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    progress: Progress | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    hold_range: int | None = None,
) -> CrisisResult:
    """P(``target``'s capital holds) when Russia attacks in ``year``, under ``state`` (default: baseline).

    ``store=True`` records the run (request, theatre, versions, each chunk, results) in the DuckDB
    run store at ``db`` (default: the user data directory) so it is listable and resumable.
    ``hold_range``: parameter points for ``p_hold_range`` (5th-95th percentile of P(hold) over the
    parameters' ranges; :func:`natosim.engines.crisis.uncertainty.hold_range`); None skips it.
    """
    if state is not None and not hasattr(state, "guarantee"):
        raise CrisisError(
            f"state must be an AllianceState (natosim.state), got {type(state).__name__}; pass parameters as params=",
            field="state",
        )
    params = params or CrisisParams()
    label = _label(scenario, state)
    theatre = build_theatre(target, year, state, params, scenario=label)
    plan = Plan(seed=int(seed), sizes=chunk_sizes(draws, chunk_size), params=[params], theatres=[theatre])
    if not store:
        results = execute(plan, {}, workers=workers, scheduler=scheduler, progress=progress)
        result = _result(plan, results, 0, draws, chunk_size, None)
    else:
        runs = RunStore(db)
        run_id = runs.create_run(
            kind="run",
            target=theatre.target,
            year=theatre.year,
            scenario=label,
            params=params.model_dump(mode="json"),
            grid=[{}],
            seed=int(seed),
            draws=draws,
            chunk_size=chunk_size,
            n_chunks=len(plan.sizes),
            theatre={"points": [theatre.to_dict()]},
        )
        result = _finish_run(
            runs, run_id, plan, {}, draws, chunk_size, workers=workers, scheduler=scheduler, progress=progress
        )
    if hold_range:
        result.p_hold_range = compute_range(theatre, params, points=hold_range, seed=int(seed))
        if result.run_id:
            RunStore(db).finish(result.run_id, "done", jsonable(result.summary))
    return result


def _result(
    plan: Plan, results: dict[tuple[int, int], ChunkStats], point: int, draws: int, chunk_size: int, run_id: str | None
) -> CrisisResult:
    theatre = plan.theatres[point]
    return CrisisResult(
        target=theatre.target,
        year=theatre.year,
        scenario=theatre.scenario,
        draws=draws,
        seed=plan.seed,
        chunk_size=chunk_size,
        params=plan.params[point],
        theatre=theatre,
        stats=merge_point(plan, results, point),
        run_id=run_id,
    )


def _guarded(runs: RunStore, run_id: str, plan: Plan, done: dict[tuple[int, int], ChunkStats], **options: Any) -> Any:
    """Execute a stored plan; turn Ctrl-C and cluster failures into messages naming the run to resume.

    Ctrl-C is also remembered in a flag checked after every stored chunk: DuckDB polls for signals
    while it runs a query, and a KeyboardInterrupt raised there can be swallowed when the query
    finishes anyway, which left a run going after the user had asked it to stop."""
    stop = threading.Event()
    previous: Any = None
    in_main = threading.current_thread() is threading.main_thread()

    def on_sigint(signum: int, frame: Any) -> None:
        stop.set()
        raise KeyboardInterrupt

    def save(p: int, c: int, s: ChunkStats) -> None:
        runs.save_chunk(run_id, p, c, s)
        if stop.is_set():
            raise KeyboardInterrupt

    if in_main:
        previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        return execute(
            plan,
            done,
            save=save,
            on_client=lambda client: runs.set_worker_versions(run_id, worker_versions(client)),
            **options,
        )
    except KeyboardInterrupt:
        runs.set_status(run_id, "interrupted")
        raise RunInterrupted(run_id) from None
    except CrisisError:
        runs.drop_if_empty(run_id)  # a refused request leaves no row behind
        raise
    except Exception as error:
        if not _dask_failure(error):
            runs.set_status(run_id, "interrupted")
            raise
        runs.set_status(run_id, "interrupted")
        raise ClusterFailure(
            f"the Dask cluster failed ({type(error).__name__}: {str(error)[:160]}); finished chunks are stored: "
            f"natosim crisis resume {run_id}",
            field="scheduler",
        ) from None
    finally:
        if in_main and previous is not None:
            signal.signal(signal.SIGINT, previous)


def _finish_run(
    runs: RunStore,
    run_id: str,
    plan: Plan,
    done: dict[tuple[int, int], ChunkStats],
    draws: int,
    chunk_size: int,
    **options: Any,
) -> CrisisResult:
    results = _guarded(runs, run_id, plan, done, **options)
    result = _result(plan, results, 0, draws, chunk_size, run_id)
    runs.finish(run_id, "done", jsonable(result.summary))
    return result


@dataclass
class SweepResult(ResultMixin):
    """A sweep: one row per grid point (parameter values, P(hold), its error, P(hold at 60 h), median fall)."""

    run_id: str | None
    target: str
    year: int
    seed: int
    draws: int
    points: pd.DataFrame
    computed_chunks: int = 0

    title = "Crisis sweep"

    @property
    def summary(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "target": self.target,
            "year": self.year,
            "seed": self.seed,
            "draws": self.draws,
            "points": len(self.points),
            "computed_chunks": self.computed_chunks,
        }

    def to_frame(self) -> pd.DataFrame:
        return self.points

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary, "points": self.points}


def _points_frame(
    plan: Plan, grid: list[dict[str, Any]], results: dict[tuple[int, int], ChunkStats], draws: int, chunk_size: int
) -> pd.DataFrame:
    rows = []
    for point, values in enumerate(grid):
        result = _result(plan, results, point, draws, chunk_size, None)
        rows.append(
            {
                "point": point,
                **values,
                "p_hold": result.p_hold,
                "p_hold_se": result.p_hold_se,
                "p_hold_60h": result.p_hold_at(60.0),
                "median_days_to_fall": result.fall_quantiles()["p50"],
                "allied_troops_day_10": result.expected_allied_troops["10"],
            }
        )
    return pd.DataFrame(rows)


def sweep_crisis(
    target: str,
    year: int,
    grid: Sequence[str] | dict[str, list[Any]],
    state: AllianceState | None = None,
    *,
    params: CrisisParams | None = None,
    draws: int = 100_000,
    seed: int = 0,
    scenario: str | None = None,
    db: str | Path | None = None,
    store: bool = True,
    chunk_size: int = SWEEP_CHUNK,
    workers: int | None = 2,
    scheduler: str | None = None,
    processes: bool = False,
    progress: Progress | None = None,
    client: Any = None,
) -> SweepResult:
    """P(hold) over a grid of parameters on Dask, each chunk stored as it finishes (resumable).

    ``client``: an existing ``distributed.Client`` to use (left open); else ``scheduler`` or an
    embedded LocalCluster of ``workers`` workers (threads, or processes with ``processes=True``);
    ``workers=None`` computes in this process.
    """
    base = params or CrisisParams()
    points = make_grid(grid)
    label = _label(scenario, state)
    base_theatre = build_theatre(target, year, state, base, scenario=label)
    point_params = [CrisisParams.build(expand(values), base=base) for values in points]
    theatres = [theatre_for(p, base_theatre, base, state=state, scenario=label) for p in point_params]
    plan = Plan(seed=int(seed), sizes=chunk_sizes(draws, chunk_size), params=point_params, theatres=theatres)
    options = {
        "workers": workers,
        "scheduler": scheduler,
        "processes": processes,
        "progress": progress,
        "client": client,
    }
    if not store:
        results = execute(plan, {}, **options)
        return SweepResult(
            None,
            base_theatre.target,
            base_theatre.year,
            int(seed),
            draws,
            _points_frame(plan, points, results, draws, chunk_size),
            len(plan.tasks),
        )
    runs = RunStore(db)
    run_id = runs.create_run(
        kind="sweep",
        target=base_theatre.target,
        year=base_theatre.year,
        scenario=label,
        params=base.model_dump(mode="json"),
        grid=points,
        seed=int(seed),
        draws=draws,
        chunk_size=chunk_size,
        n_chunks=len(plan.sizes),
        theatre={"points": [t.to_dict() for t in theatres]},
    )
    return _finish_sweep(runs, run_id, plan, points, {}, draws, chunk_size, **options)


def _sweep_v1(*args: Any, **kwargs: Any) -> SweepResult:
    """The old ``sweep``: :func:`sweep_crisis` taking ``params, draws, seed`` positionally too."""
    if len(args) > 4:  # v1 passed params, draws, seed positionally
        names = ("params", "draws", "seed")
        kwargs.update(dict(zip(names, args[4:], strict=False)))
        args = args[:4]
    return sweep_crisis(*args, **kwargs)


def _finish_sweep(
    runs: RunStore,
    run_id: str,
    plan: Plan,
    grid: list[dict[str, Any]],
    done: dict[tuple[int, int], ChunkStats],
    draws: int,
    chunk_size: int,
    **options: Any,
) -> SweepResult:
    results = _guarded(runs, run_id, plan, done, **options)
    frame = _points_frame(plan, grid, results, draws, chunk_size)
    runs.finish(run_id, "done", {"points": [jsonable(r) for r in frame.to_dict("records")]})
    target, year = plan.theatres[0].target, plan.theatres[0].year
    return SweepResult(run_id, target, year, plan.seed, draws, frame, len(plan.tasks) - len(done))


def load_plan(row: dict[str, Any]) -> tuple[Plan, list[dict[str, Any]]]:
    """Re-create a stored run's plan exactly (its own theatre and parameters, not today's data)."""
    try:
        base = CrisisParams.model_validate(row["params"])
        grid = row["grid"] or [{}]
        params = [CrisisParams.build(expand(values), base=base) for values in grid]
        theatres = [Theatre.from_dict(t) for t in row["theatre"]["points"]]
    except (KeyError, TypeError, ValueError, CrisisError):
        raise CrisisError(
            f"run {row['run_id']} was stored by an earlier version of the crisis model (v1, budgets) and "
            "cannot be resumed or shown by this one; start a new run",
            field="run_id",
        ) from None
    return Plan(
        seed=int(row["seed"]),
        sizes=chunk_sizes(int(row["draws"]), int(row["chunk_size"])),
        params=params,
        theatres=theatres,
    ), grid


def resume(
    run_id: str,
    *,
    db: str | Path | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    processes: bool = False,
    progress: Progress | None = None,
) -> CrisisResult | SweepResult:
    """Finish a stored run or sweep: only chunks not yet stored are computed."""
    runs = RunStore(db)
    row = runs.get_run(run_id)
    run_id = str(row["run_id"])
    plan, grid = load_plan(row)
    done = runs.chunks(run_id)
    runs.claim(run_id)
    draws, chunk_size = int(row["draws"]), int(row["chunk_size"])
    if row["kind"] == "sweep":
        return _finish_sweep(
            runs,
            run_id,
            plan,
            grid,
            done,
            draws,
            chunk_size,
            workers=(workers or 2) if scheduler is None else workers,
            scheduler=scheduler,
            processes=processes,
            progress=progress,
        )
    return _finish_run(
        runs, run_id, plan, done, draws, chunk_size, workers=workers, scheduler=scheduler, progress=progress
    )


def stored_result(run_id: str, db: str | Path | None = None) -> CrisisResult | SweepResult:
    """A stored run rebuilt from its chunks (an error naming ``crisis resume`` if it is unfinished)."""
    runs = RunStore(db, read_only=True)
    row = runs.get_run(run_id)
    run_id = str(row["run_id"])
    plan, grid = load_plan(row)
    done = runs.chunks(run_id)
    complete = all(task in done for task in plan.tasks)
    if not complete:
        raise CrisisError(
            f"run {run_id} is {row['status']} with {len(done)} of {len(plan.tasks)} chunks stored; "
            f"finish it with `natosim crisis resume {run_id}`",
            field="run_id",
        )
    draws, chunk_size = int(row["draws"]), int(row["chunk_size"])
    if row["kind"] == "sweep":
        return SweepResult(
            run_id,
            row["target"],
            int(row["year"]),
            plan.seed,
            draws,
            _points_frame(plan, grid, done, draws, chunk_size),
        )
    result = _result(plan, done, 0, draws, chunk_size, run_id)
    stored_range = (row.get("results") or {}).get("p_hold_range")
    if stored_range:
        result.p_hold_range = (float(stored_range[0]), float(stored_range[1]))
    return result


_RENAMED = {"sweep": (_sweep_v1, "use sweep_crisis(target, year, grid, state, *, params=..., draws=..., seed=...)")}
__getattr__ = renamed(__name__, _RENAMED)
