"""Crisis Monte Carlo runs: start one (→ job id), follow its progress (poll or SSE), read the result,
list the runs stored in the DuckDB run store (shared with ``natosim crisis``)."""

from __future__ import annotations

import asyncio
import json
import math
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from natosim.api.errors import ERROR_RESPONSES, FieldError, renamed
from natosim.api.jobs import Job, JobRunner
from natosim.api.routers.data import Table, table
from natosim.api.routers.scenarios import _bundled
from natosim.data import resolve_country
from natosim.engines.crisis import run as crisis_run
from natosim.engines.crisis.params import CrisisError, CrisisParams
from natosim.engines.crisis.scenario_link import scenario_state
from natosim.engines.crisis.store import RunStore, default_path
from natosim.engines.crisis.theatre import build_theatre
from natosim.errors import NatosimError
from natosim.jsonable import jsonable

router = APIRouter(tags=["crisis"], responses=ERROR_RESPONSES)


class CrisisRequest(BaseModel):
    """A crisis run (or, with ``grid``, a sweep over parameters). Limits: see ``/api/crisis/limits``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"target": "EST", "year": 2025, "draws": 10000, "seed": 0},
                {"target": "LTU", "year": 2025, "draws": 5000, "seed": 1, "params": {"reliability": 0.5}},
                {"target": "EST", "year": 2025, "draws": 2000, "grid": {"reliability": [0.3, 0.6, 0.9]}},
                {"target": "EST", "year": 2024, "draws": 10000, "params": {"ukraine_committed_share": 0}},
            ]
        },
    )

    target: str = Field(
        min_length=1, max_length=80, description="The attacked ally (name or ISO code): EST, LVA, LTU, POL, FIN or NOR"
    )
    year: int = Field(ge=1949, le=2100, description="Year of the alliance and its figures")
    draws: int = Field(10_000, ge=1, description="Monte Carlo draws (at most the server's max_draws)")
    seed: int = Field(0, ge=0, le=2**32 - 1, description="Seed: same request and seed, same result")
    params: dict[str, Any] = Field(
        default_factory=dict,
        description="Crisis parameters overriding the defaults, by the names of the result's `assumptions` "
        "(docs/model/crisis.md)",
    )
    range_points: int = Field(
        128,
        ge=0,
        le=1024,
        description="Parameter points for p_hold_range (0: skip); 500 draws each. Its ends move by about ±0.05 "
        "from seed to seed at 128 points, ±0.03 at 256 (the CLI's default)",
    )
    grid: dict[str, list[float | str]] | None = Field(
        None, description="Sweep: parameter → values; the product of their counts is at most max_sweep"
    )
    scenario: str | None = Field(
        None,
        max_length=120,
        description="Run under a bundled scenario's alliance of that year (see /api/scenarios); default: the baseline",
    )


class JobView(BaseModel):
    """A background job: its status, progress (0..1) and, once done, the stored run id and result."""

    job: str
    kind: str
    status: str = Field(examples=["running"])
    progress: float = Field(ge=0, le=1)
    chunks_done: int
    chunks_total: int
    run_id: str | None = None
    request: dict[str, Any]
    error: dict[str, Any] | None = None
    result: dict[str, Any] | None = None


class Limits(BaseModel):
    max_draws: int
    max_sweep: int
    workers: int


def _scenario_state(name: str | None, year: int) -> tuple[Any, str | None]:
    """The alliance of a bundled scenario in ``year`` (never a file a client names), or the baseline."""
    if name is None:
        return None, None

    try:
        state, label = scenario_state(_bundled(name), year)
    except NatosimError as error:
        raise renamed(error, "scenario" if error.field in (None, "name") else error.field) from None
    return state, label


def runner(request: Request) -> JobRunner:
    state = request.app.state
    if getattr(state, "crisis_jobs", None) is None:
        state.crisis_jobs = JobRunner(state.settings.crisis_workers)
    return state.crisis_jobs


def _job(request: Request, job: str) -> Job:
    found = runner(request).get(job)
    if found is None:
        raise FieldError(
            404,
            f"no crisis job {job!r} on this server (jobs are kept in memory; "
            "finished runs are listed at /api/crisis/runs)",
            field="job",
        )
    return found


@router.get("/limits", response_model=Limits, summary="The bounds on draws and sweep size of this server")
def limits(request: Request) -> Limits:
    settings = request.app.state.settings
    return Limits(max_draws=settings.max_draws, max_sweep=settings.max_sweep, workers=settings.crisis_workers)


@router.post(
    "/runs",
    response_model=JobView,
    status_code=202,
    summary="Start a crisis run (or a sweep) in the background; answers with a job id at once",
)
def start_run(body: CrisisRequest, request: Request) -> JobView:

    settings = request.app.state.settings
    if body.draws > settings.max_draws:
        raise FieldError(
            422,
            f"draws: at most {settings.max_draws} on this server, got {body.draws} (setting NATOSIM_API_MAX_DRAWS)",
            field="draws",
        )
    try:
        resolve_country(body.target)  # an unknown country is refused now, not in the background
    except NatosimError as error:
        raise renamed(error, "target") from None
    try:
        params = CrisisParams.build(body.params)
    except CrisisError as error:
        raise renamed(error, "params" if error.field in (None, "param") else f"params.{error.field}") from None
    try:
        resolve_country(params.aggressor)
    except NatosimError as error:
        raise renamed(error, "params.aggressor") from None
    grid = body.grid
    if grid is not None:
        points = math.prod(len(values) for values in grid.values()) if grid else 1
        if points > settings.max_sweep or any(not values for values in grid.values()):
            raise FieldError(
                422,
                f"grid: {points} points; between 1 and {settings.max_sweep} allowed (setting NATOSIM_API_MAX_SWEEP)",
                field="grid",
            )
        try:  # unknown names and bad values are refused now, not in the background
            for name in grid:
                if name not in CrisisParams.model_fields:
                    raise CrisisError(
                        f"unknown crisis parameter {name!r} in the grid; valid: {', '.join(CrisisParams.model_fields)}",
                        field="grid",
                    )
            for point in crisis_run.make_grid(grid):
                CrisisParams.build(crisis_run.expand(point), base=params)
        except CrisisError as error:
            raise renamed(error, "grid") from None
    state, label = _scenario_state(body.scenario, body.year)
    # the theatre (who guarantees the target, with which figures) is built now so that a year
    # without the figures the model needs is a 422 here rather than a failed job later
    try:
        build_theatre(body.target, body.year, state, params, scenario=label)
    except NatosimError as error:
        if error.field in CrisisParams.model_fields:
            raise renamed(error, f"params.{error.field}") from None
        raise

    # create the run database (its tables) here, before any job runs: a job creating it while a
    # listing opens it would make DuckDB report a write-write conflict on the schema to one of them
    with _store():
        pass

    def work(progress: Any) -> tuple[str | None, dict[str, Any]]:
        result: Any
        if grid is None:
            result = crisis_run.run_crisis(
                body.target,
                body.year,
                state,
                params=params,
                draws=body.draws,
                seed=body.seed,
                scenario=label,
                store=True,
                progress=progress,
                hold_range=body.range_points or None,
            )
        else:
            result = crisis_run.sweep_crisis(
                body.target,
                body.year,
                grid,
                state,
                params=params,
                draws=body.draws,
                seed=body.seed,
                scenario=label,
                store=True,
                workers=None,  # in this thread, no Dask
                progress=progress,
            )
        return result.run_id, jsonable(result.to_dict())

    job = runner(request).submit("sweep" if grid is not None else "run", body.model_dump(mode="json"), work)
    return JobView(**job.view())


class JobList(BaseModel):
    """Like every list route: ``{count, rows}``."""

    count: int
    rows: list[JobView]


@router.get("/jobs", response_model=JobList, summary="Jobs of this server (results omitted)")
def jobs(request: Request) -> JobList:
    rows = [JobView(**job.view(with_result=False)) for job in runner(request).list()]
    return JobList(count=len(rows), rows=rows)


@router.get("/jobs/{job}", response_model=JobView, summary="A job's status and progress; its result when done")
def job_status(job: str, request: Request) -> JobView:
    return JobView(**_job(request, job).view())


@router.get(
    "/jobs/{job}/events",
    summary="Server-sent events: the job's progress, then its end",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {
                "text/event-stream": {"example": 'event: progress\ndata: {"progress": 0.5, "status": "running"}\n\n'}
            }
        }
    },
)
async def job_events(job: str, request: Request) -> StreamingResponse:
    found = _job(request, job)

    async def stream() -> AsyncIterator[str]:
        last: tuple[str, int] | None = None
        while True:
            now = (found.status, found.done)
            if now != last:
                last = now
                ended = found.status in ("done", "failed")
                view = found.view(with_result=False)
                yield f"event: {found.status if ended else 'progress'}\ndata: {json.dumps(view)}\n\n"
                if ended:
                    return
            if await request.is_disconnected():
                return
            await asyncio.sleep(0.2)

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
    )


@contextmanager
def _store() -> Iterator[Any]:
    """The run database, opened read-write like a running job's: DuckDB shares one database per
    process between connections of the same mode (and refuses a read-only one while a run writes).
    Another *process* writing to it (``natosim crisis sweep``) locks the file: that is a 409."""
    import duckdb

    for attempt in range(20):
        try:
            store = RunStore().open()
            break
        except duckdb.TransactionException:
            # opening runs CREATE TABLE IF NOT EXISTS, which conflicts with a job creating the
            # database at that very moment: transient, so wait for its commit and try again
            if attempt == 19:
                raise FieldError(409, "the run database is being created; try again", field="db", kind="busy") from None
            time.sleep(0.05)
        except CrisisError as error:
            if error.field == "db":
                raise FieldError(
                    409,
                    f"the run database is busy: {error.message}; try again when that run ends",
                    field="db",
                    kind="busy",
                ) from None
            raise
    try:
        yield store
    finally:
        store.close()


@router.get(
    "/runs",
    response_model=Table,
    summary="Runs stored in the run database (any interface)",
    responses={409: {"description": "Another process is writing to the run database"}},
)
def stored_runs() -> Table:

    if not default_path().exists():
        return Table(count=0, rows=[])
    with _store() as store:
        return table(store.list_runs())


@router.get(
    "/runs/{run_id}",
    response_model=dict[str, Any],
    summary="One stored run: request, status, result",
    responses={409: {"description": "Another process is writing to the run database"}},
)
def stored_run(run_id: str) -> dict[str, Any]:

    if not default_path().exists():
        raise CrisisError(f"no crisis run {run_id!r}: no run database yet", field="run_id")
    with _store() as store:
        row = store.get_run(run_id)
    keep = (
        "run_id",
        "kind",
        "created",
        "finished",
        "status",
        "target",
        "year",
        "scenario",
        "params",
        "grid",
        "seed",
        "draws",
        "chunk_size",
        "n_chunks",
        "n_points",
        "chunks_done",
        "versions",
        "results",
    )
    return jsonable({key: row.get(key) for key in keep})


__all__ = ["CrisisRequest", "JobView", "router"]
