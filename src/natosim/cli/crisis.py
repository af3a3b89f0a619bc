"""``natosim crisis``: run the crisis Monte Carlo, sweep its parameters on Dask, list and resume stored runs.

Only parses, calls natosim.engines.crisis and renders; heavy imports happen inside the commands.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from natosim.cli.render import Format, FormatOption, render_frame, render_mapping

crisis_app = typer.Typer(
    help="Crisis Monte Carlo: who comes to an ally's defence, how fast, with what.", no_args_is_help=True
)

TARGET = typer.Option(..., "--target", "-t", help="The ally attacked (ISO3 or name), e.g. EST.")
YEAR = typer.Option(2024, "--year", "-y", help="Year of the alliance state and figures (constant US$: 2014-2024).")
SEED = typer.Option(0, "--seed", "-s", help="Run seed: the same seed gives the same result bit for bit.")
DB = typer.Option(None, "--db", help="DuckDB run store (default: crisis.duckdb in the user data directory).")
SCENARIO = typer.Option(None, "--scenario", help="Scenario name or YAML file (natosim.scenario) to run under.")
PARAMS = typer.Option(None, "--param", "-p", help="Parameter NAME=VALUE (repeatable), e.g. reliability=0.6.")
CHUNK = typer.Option(8_192, "--chunk-size", help="Draws per chunk (part of the run's identity).")


@contextmanager
def _progress(label: str, show: bool) -> Iterator[Any]:
    """A rich progress bar on stderr over chunks (hidden for short runs)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=not show,
    )
    with progress:
        task = progress.add_task(label, total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        yield update


def _state(scenario: str | None, year: int) -> tuple[Any, str | None]:
    """The AllianceState of a scenario in ``year`` (natosim.scenario), or None for the baseline."""
    if not scenario:
        return None, None
    from natosim.engines.crisis.scenario_link import scenario_state

    return scenario_state(scenario, year)


def _params(values: list[str] | None) -> Any:
    from natosim.engines.crisis import CrisisError, CrisisParams, parse_param
    from natosim.engines.crisis.run import expand

    overrides: dict[str, Any] = {}
    for spec in values or []:
        name, parsed = parse_param(spec)
        if len(parsed) != 1:
            raise CrisisError(
                f"--param {spec!r} gives several values; use `natosim crisis sweep` for a grid", field="param"
            )
        overrides[name] = parsed[0]
    return CrisisParams.build(expand(overrides))


def _render_result(result: Any, fmt: Format) -> None:
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
        return
    summary = result.summary()
    q = summary["days_to_parity"]
    days = ", ".join(f"{k}={'beyond horizon' if v is None else f'{v:.1f}'}" for k, v in q.items())
    lines = [
        f"{result.target} attacked by {result.theatre.aggressor} in {result.year} ({result.scenario or 'baseline'})",
        f"P(hold) = {result.p_hold:.4f} ± {result.p_hold_se:.4f}  (capital held: parity before "
        f"{result.params.fall_after_min_hours:g}-{result.params.fall_after_max_hours:g} h below it)",
        f"P(parity within {result.params.horizon_days:g} days) = {result.p_parity_by_horizon:.4f}",
        f"days to parity: {days}",
        f"draws {result.draws:,}, seed {result.seed}" + (f", run {result.run_id}" if result.run_id else ""),
        f"capability unit: {result.theatre.unit}",
    ]
    if fmt is Format.md:
        typer.echo("\n".join(f"- {line}" for line in lines) + "\n")
    elif fmt is Format.table:
        for line in lines:
            typer.echo(line)
    columns = [
        "iso3",
        "p_respond",
        "capability",
        "distance_km",
        "mean_arrival_days",
        "expected_by_fall",
        "expected_by_horizon",
        "marginal_p_hold",
        "marginal_p_parity",
    ]
    render_frame(
        result.contributions,
        fmt,
        title="Guarantors: expected contribution and marginal value",
        caption="marginal = P with − P without the guarantor (same draws)",
        columns=columns,
    )
    if result.sensitivity is not None:
        render_frame(
            result.sensitivity,
            fmt,
            title="Sensitivity of P(hold)",
            columns=["parameter", "base", "low", "high", "p_hold_low", "p_hold_base", "p_hold_high"],
        )
    if fmt is Format.table:
        for note in result.theatre.notes:
            typer.echo(f"note: {note}")


def _render_sweep(result: Any, fmt: Format) -> None:
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
        return
    render_frame(
        result.points,
        fmt,
        title=f"Sweep {result.run_id or ''}: {result.target} {result.year}, "
        f"{result.draws:,} draws per point, seed {result.seed}",
    )


def run(
    target: str = TARGET,
    scenario: str | None = SCENARIO,
    year: int = YEAR,
    draws: int = typer.Option(1_000_000, "--draws", "-n", help="Number of simulated crises."),
    seed: int = SEED,
    param: list[str] | None = PARAMS,
    fmt: Format = FormatOption,
    db: Path | None = DB,
    chunk_size: int = CHUNK,
    sensitivity: bool = typer.Option(False, "--sensitivity", help="Add the sensitivity table."),
    sensitivity_draws: int = typer.Option(20_000, "--sensitivity-draws", help="Draws per sensitivity run."),
) -> None:
    """Simulate crises against one ally: P(hold), days to parity, each guarantor's contribution (stored)."""
    from natosim.engines.crisis import run_crisis
    from natosim.engines.crisis import sensitivity as sensitivity_table

    params = _params(param)
    state, label = _state(scenario, year)
    with _progress("crisis run", draws > 4 * chunk_size) as progress:
        result = run_crisis(
            target,
            year,
            state,
            params,
            draws=draws,
            seed=seed,
            scenario=label,
            store=True,
            db=db,
            chunk_size=chunk_size,
            progress=progress,
        )
    if sensitivity:
        result.sensitivity = sensitivity_table(target, year, state, params, draws=sensitivity_draws, seed=seed)
    _render_result(result, fmt)


def sweep(
    target: str = TARGET,
    param: list[str] = typer.Option(
        ...,
        "--param",
        "-p",
        help="NAME=START:STOP:COUNT, NAME=V1,V2 or NAME=V (repeatable; the grid is their product).",
    ),
    scenario: str | None = SCENARIO,
    year: int = YEAR,
    draws: int = typer.Option(100_000, "--draws", "-n", help="Draws per grid point."),
    seed: int = SEED,
    workers: int = typer.Option(2, "--workers", "-w", help="Local Dask workers."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler tcp://HOST:PORT."),
    processes: bool = typer.Option(
        False, "--processes/--threads", help="Local workers as processes or threads (default threads)."
    ),
    fmt: Format = FormatOption,
    db: Path | None = DB,
    chunk_size: int = typer.Option(32_768, "--chunk-size", help="Draws per chunk (one Dask task)."),
) -> None:
    """Sweep parameters on Dask; every finished chunk is stored at once (resume with `crisis resume`)."""
    from natosim.engines.crisis import sweep as run_sweep

    state, label = _state(scenario, year)
    total = len(param)
    with _progress(f"crisis sweep ({total} parameter{'s' if total > 1 else ''})", True) as progress:
        result = run_sweep(
            target,
            year,
            param,
            state,
            draws=draws,
            seed=seed,
            scenario=label,
            db=db,
            chunk_size=chunk_size,
            workers=workers,
            scheduler=scheduler,
            processes=processes,
            progress=_echo_chunks(progress),
        )
    _render_sweep(result, fmt)


def _echo_chunks(progress: Any) -> Any:
    """When stderr is not a terminal (a log, a supervisor), log each stored chunk there instead of a bar."""
    import sys

    log = not sys.stderr.isatty()

    def update(done: int, total: int) -> None:
        progress(done, total)
        if log:
            print(f"stored {done}/{total}", file=sys.stderr, flush=True)

    return update


def runs(fmt: Format = FormatOption, db: Path | None = DB) -> None:
    """List stored crisis runs and sweeps."""
    from natosim.engines.crisis import list_runs

    render_frame(list_runs(db), fmt, title="Crisis runs")


def show(
    run_id: str = typer.Argument(..., help="Run id from `natosim crisis runs`."),
    fmt: Format = FormatOption,
    db: Path | None = DB,
) -> None:
    """Show a stored run (its results rebuilt from its chunks) or, if unfinished, its status."""
    from natosim.engines.crisis import get_run, stored_result
    from natosim.engines.crisis.run import SweepResult

    row = get_run(run_id, db)
    if row["status"] != "done":
        info = {
            k: row[k]
            for k in (
                "run_id",
                "kind",
                "status",
                "target",
                "year",
                "scenario",
                "seed",
                "draws",
                "n_points",
                "n_chunks",
                "chunks_done",
                "created",
                "grid",
            )
        }
        info["hint"] = f"finish it with: natosim crisis resume {run_id}"
        render_mapping(info, fmt, title=f"crisis run {run_id}")
        return
    result = stored_result(run_id, db)
    if isinstance(result, SweepResult):
        _render_sweep(result, fmt)
    else:
        _render_result(result, fmt)


def resume(
    run_id: str = typer.Argument(..., help="Run id of an interrupted run or sweep."),
    workers: int | None = typer.Option(None, "--workers", "-w", help="Local Dask workers (sweeps: 2)."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler tcp://HOST:PORT."),
    fmt: Format = FormatOption,
    db: Path | None = DB,
) -> None:
    """Finish an interrupted run or sweep without recomputing its stored chunks."""
    from natosim.engines.crisis import resume as resume_run
    from natosim.engines.crisis.run import SweepResult

    with _progress(f"resume {run_id}", True) as progress:
        result = resume_run(run_id, db=db, workers=workers, scheduler=scheduler, progress=progress)
    if isinstance(result, SweepResult):
        _render_sweep(result, fmt)
    else:
        _render_result(result, fmt)


def register(app: typer.Typer) -> None:
    crisis_app.command("run")(run)
    crisis_app.command("sweep")(sweep)
    crisis_app.command("runs")(runs)
    crisis_app.command("show")(show)
    crisis_app.command("resume")(resume)
    app.add_typer(crisis_app, name="crisis")
