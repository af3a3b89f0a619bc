"""``natosim crisis``: run the crisis model, compare two alliances on the same draws, validate it against
RAND's wargames, sweep its parameters on Dask, list and resume stored runs.

Only parses, calls natosim.engines.crisis and renders; heavy imports happen inside the commands.
Every request is bounded (draws, grid points, seeds: natosim.engines.crisis.limits) before any work
or any stored row; Ctrl-C during a stored run prints its id and the command that resumes it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer

from natosim.cli.render import Format, FormatOption, PlotOption, check_plot, render_frame, render_mapping

crisis_app = typer.Typer(
    help="Crisis model in forces: does an ally's capital hold, who sends how many troops by when.",
    no_args_is_help=True,
)

TARGET = typer.Option(..., "--target", "-t", help="The ally attacked (ISO3 or name): EST, LVA, LTU, POL, FIN, NOR.")
YEAR = typer.Option(2024, "--year", "-y", help="Year of the alliance, its forces and Russia's commitment in Ukraine.")
SEED = typer.Option(0, "--seed", "-s", help="Run seed (0 to 2**32-1): the same seed gives the same result bit for bit.")
DB = typer.Option(None, "--db", help="DuckDB run store (default: crisis.duckdb in the user data directory).")
SCENARIO = typer.Option(None, "--scenario", help="Scenario name or YAML file (natosim.scenario) to run under.")
PARAMS = typer.Option(None, "--param", "-p", help="Parameter NAME=VALUE (each at most once), e.g. reliability=0.6.")
CHUNK = typer.Option(8_192, "--chunk-size", help="Draws per chunk (part of the run's identity).")
MAX_DRAWS = typer.Option(
    None, "--max-draws", help="Raise the draws limit (default 20,000,000; NATOSIM_CRISIS_MAX_DRAWS)."
)
SCHEDULER = typer.Option(None, "--scheduler", help="Dask scheduler tcp://HOST:PORT (default: compute here).")


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


@contextmanager
def _resumable() -> Iterator[None]:
    """Ctrl-C during a stored run: say which run stopped and how to finish it, exit 130."""
    from natosim.engines.crisis import RunInterrupted

    try:
        yield
    except RunInterrupted as stop:
        typer.echo(
            f"interrupted: run {stop.run_id} is stored; finish it with: natosim crisis resume {stop.run_id}", err=True
        )
        sys.exit(130)


def _state(scenario: str | None, year: int) -> tuple[Any, str | None]:
    """The AllianceState of a scenario in ``year`` (natosim.scenario), or None for the baseline."""
    if not scenario:
        return None, None
    from natosim.engines.crisis.scenario_link import scenario_state

    return scenario_state(scenario, year)


def _params(values: list[str] | None) -> Any:
    from natosim.engines.crisis import CrisisError, CrisisParams, parse_param

    overrides: dict[str, Any] = {}
    for spec in values or []:
        name, parsed = parse_param(spec)
        if name in overrides:
            raise CrisisError(f"--param {name} given twice; give each parameter once", field="param")
        if len(parsed) != 1:
            raise CrisisError(
                f"--param {spec!r} gives several values; use `natosim crisis sweep` for a grid", field="param"
            )
        overrides[name] = parsed[0]
    return CrisisParams.build(overrides)


def _csv_result(result: Any) -> None:
    """One machine-readable table: a row per guarantor, the headline repeated on every row."""
    frame = result.to_frame()
    summary = result.summary
    low, high = summary["p_hold_range"] or (None, None)
    head = {
        "target": summary["target"],
        "year": summary["year"],
        "scenario": summary["scenario"],
        "p_hold": summary["p_hold"],
        "p_hold_se": summary["p_hold_se"],
        "p_hold_range_p5": low,
        "p_hold_range_p95": high,
        "p_hold_60h": summary["p_hold_60h"],
        "unit": summary["unit"],
    }
    for offset, (key, value) in enumerate(head.items()):
        frame.insert(offset, key, value)
    frame.to_csv(sys.stdout, index=False)


def _render_result(result: Any, fmt: Format) -> None:
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
        return
    if fmt is Format.csv:
        _csv_result(result)
        return
    s = result.summary
    q = s["days_to_fall"]
    days = ", ".join(f"{k}={'holds' if v is None else f'{v:.1f}'}" for k, v in q.items())
    rng = s["p_hold_range"]
    troops = s["expected_allied_troops"]
    lines = [
        f"{result.target} attacked by {result.theatre.aggressor} in {result.year} ({result.scenario or 'baseline'})",
        f"P(hold {result.params.horizon_days:g} days) = {result.p_hold:.4f}  (Monte Carlo s.e. {result.p_hold_se:.4f})",
        "P(hold) over the parameters' ranges (5th-95th percentile): "
        + ("not computed" if rng is None else f"{rng[0]:.3f} to {rng[1]:.3f}"),
        f"P(hold at 60 h) = {s['p_hold_60h']:.4f}; days until the capital falls: {days}",
        f"expected allied troops in {result.target} (troops): day 3 {troops['3']:,.0f}, day 10 {troops['10']:,.0f}, "
        f"day 30 {troops['30']:,.0f}",
        f"attacker: {s['mean_attacker_troops']:,.0f} troops on average (Ukraine share "
        f"{s['ukraine_committed_share']:.0%}); own forces fighting {s['mean_own_troops']:,.0f} troops; "
        f"axis {s['axis_km']:,.0f} km",
        f"draws {result.draws:,}, seed {result.seed}" + (f", run {result.run_id}" if result.run_id else ""),
    ]
    if fmt is Format.md:
        typer.echo("\n".join(f"- {line}" for line in lines) + "\n")
    else:
        for line in lines:
            typer.echo(line)
    render_frame(
        result.to_frame(),
        fmt,
        title="Guarantors: expected troops in the target (unit: troops)",
        caption="responded_share: share of draws in which the guarantor decided to fight",
        columns=["iso3", "basis", "responded_share", "troops_day_3", "troops_day_10", "troops_day_30"],
    )
    if result.sensitivity is not None:
        render_frame(
            result.sensitivity,
            fmt,
            title="Which assumptions move P(hold) (Morris mu_star: mean |change| of P(hold) across a range)",
            columns=["rank", "parameter", "value", "low", "high", "unit", "mu_star"],
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
        f"{result.draws:,} draws per point, seed {result.seed} (troops: personnel)",
    )


def run(
    target: str = TARGET,
    scenario: str | None = SCENARIO,
    year: int = YEAR,
    draws: int = typer.Option(200_000, "--draws", "-n", help="Number of simulated crises."),
    seed: int = SEED,
    param: list[str] | None = PARAMS,
    fmt: Format = FormatOption,
    db: Path | None = DB,
    chunk_size: int = CHUNK,
    workers: int | None = typer.Option(None, "--workers", "-w", help="Compute on a local Dask cluster of N workers."),
    scheduler: str | None = SCHEDULER,
    range_points: int | None = typer.Option(
        None,
        "--range-points",
        help="Parameter points for p_hold_range (0: skip; default 256); 500 draws each. Fewer points move its "
        "ends more from seed to seed (about ±0.03 at 256, ±0.1 at 64).",
        show_default=False,
    ),
    sensitivity: bool = typer.Option(False, "--sensitivity", help="Add the Morris ranking of every parameter."),
    max_draws: int | None = MAX_DRAWS,
    plot: Path | None = PlotOption,
) -> None:
    """Simulate crises against one ally: P(hold), its range, troops by day per guarantor (stored)."""
    from natosim.engines.crisis import run_crisis
    from natosim.engines.crisis import sensitivity as sensitivity_table
    from natosim.engines.crisis.limits import check_draws, check_seed
    from natosim.engines.crisis.uncertainty import RANGE_POINTS

    check_seed(seed)
    check_draws(draws, max_draws=max_draws)
    check_plot(plot)
    points = RANGE_POINTS if range_points is None else range_points
    params = _params(param)
    state, label = _state(scenario, year)
    with _resumable(), _progress("crisis run", draws > 4 * chunk_size) as progress:
        result = run_crisis(
            target,
            year,
            state,
            params=params,
            draws=draws,
            seed=seed,
            scenario=label,
            store=True,
            db=db,
            chunk_size=chunk_size,
            progress=progress,
            workers=workers,
            scheduler=scheduler,
            hold_range=points or None,
        )
    if sensitivity:
        result.sensitivity = sensitivity_table(target, year, state, params=params, seed=seed)
    _render_result(result, fmt)
    if plot is not None:
        from natosim.plots import plot_troops_by_day

        p_hold = result.summary.get("p_hold")
        title = f"{result.summary.get('target', target)} {year}: expected allied troops by day (P(hold) {p_hold})"
        plot_troops_by_day(result.to_frame(), plot, title)


def compare(
    base: str = typer.Argument(..., help="'baseline' or a scenario name/YAML file."),
    scenario: str = typer.Argument(..., help="Scenario name or YAML file, e.g. us-withdrawal-act-of-congress."),
    target: str = TARGET,
    year: int = YEAR,
    draws: int = typer.Option(100_000, "--draws", "-n", help="Draws (the same draws for both)."),
    seed: int = SEED,
    param: list[str] | None = PARAMS,
    fmt: Format = FormatOption,
    max_draws: int | None = MAX_DRAWS,
) -> None:
    """P(hold) under two alliances on common random numbers: the paired difference and its 95% interval."""
    from natosim.engines.crisis import compare_crisis
    from natosim.engines.crisis.limits import check_draws, check_seed

    check_seed(seed)
    check_draws(draws, max_draws=max_draws)
    result = compare_crisis(base, scenario, target, year, params=_params(param), draws=draws, seed=seed)
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
        return
    s = result.summary
    if fmt is Format.csv:
        frame = result.to_frame()
        for offset, key in enumerate(("target", "year", "base", "scenario", "p_hold_base", "p_hold_scenario")):
            frame.insert(offset, key, s[key])
        for key in ("difference", "ci_low", "ci_high"):
            frame[key] = s[key]
        frame.to_csv(sys.stdout, index=False)
        return
    lines = [
        f"{s['target']} {s['year']}: P(hold) {s['base']} {s['p_hold_base']:.4f} → {s['scenario']} "
        f"{s['p_hold_scenario']:.4f}",
        f"difference {s['difference']:+.4f}, 95% interval [{s['ci_low']:+.4f}, {s['ci_high']:+.4f}] "
        f"(paired, {s['draws']:,} common draws, seed {s['seed']})",
        "guarantors lost: " + (", ".join(s["guarantors_lost"]) or "none"),
    ]
    for line in lines:
        typer.echo(f"- {line}" if fmt is Format.md else line)
    render_frame(result.to_frame(), fmt, title="Expected allied troops in the target (unit: troops)")
    for note in result.notes:
        typer.echo(f"note: {note}")


def validate(
    draws: int = typer.Option(20_000, "--draws", "-n", help="Draws per benchmark."),
    seed: int = SEED,
    fmt: Format = FormatOption,
    max_draws: int | None = MAX_DRAWS,
) -> None:
    """Reproduce published benchmarks (RAND 2016, Shlapak 2017): name, expected, got, passed."""
    from natosim.engines.crisis import validate_crisis
    from natosim.engines.crisis.limits import check_draws, check_seed

    check_seed(seed)
    check_draws(draws, max_draws=max_draws)
    result = validate_crisis(draws=draws, seed=seed)
    if fmt is Format.json:
        render_mapping(result.to_dict(), fmt)
    else:
        render_frame(
            result.checks,
            fmt,
            title="Crisis model against published benchmarks",
            columns=None if fmt is Format.csv else ["name", "target", "measure", "expected", "got", "passed"],
        )
    if not result.passed:
        raise typer.Exit(1)


def sweep(
    target: str = TARGET,
    param: list[str] = typer.Option(
        ...,
        "--param",
        "-p",
        help="NAME=START:STOP:COUNT, NAME=V1,V2 or NAME=V (each name once; the grid is their product).",
    ),
    scenario: str | None = SCENARIO,
    year: int = YEAR,
    draws: int = typer.Option(100_000, "--draws", "-n", help="Draws per grid point."),
    seed: int = SEED,
    workers: int = typer.Option(2, "--workers", "-w", help="Local Dask workers."),
    scheduler: str | None = SCHEDULER,
    processes: bool = typer.Option(
        False, "--processes/--threads", help="Local workers as processes or threads (default threads)."
    ),
    fmt: Format = FormatOption,
    db: Path | None = DB,
    chunk_size: int = typer.Option(32_768, "--chunk-size", help="Draws per chunk (one Dask task)."),
    max_draws: int | None = MAX_DRAWS,
    max_points: int | None = typer.Option(None, "--max-points", help="Raise the grid-points limit (default 1,000)."),
) -> None:
    """Sweep parameters on Dask; every finished chunk is stored at once (resume with `crisis resume`)."""
    import math

    from natosim.engines.crisis import parse_param, sweep_crisis
    from natosim.engines.crisis.limits import check_seed, check_sweep

    check_seed(seed)
    axes: dict[str, list[Any]] = {}
    for spec in param:
        name, values = parse_param(spec)
        if name in axes:
            from natosim.engines.crisis import CrisisError

            raise CrisisError(f"--param {name} given twice; give each parameter once", field="param")
        axes[name] = values
    check_sweep(math.prod(len(v) for v in axes.values()), draws, max_points=max_points, max_draws=max_draws)
    state, label = _state(scenario, year)
    total = len(param)
    with _resumable(), _progress(f"crisis sweep ({total} parameter{'s' if total > 1 else ''})", True) as progress:
        result = sweep_crisis(
            target,
            year,
            axes,
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
    log = not sys.stderr.isatty()

    def update(done: int, total: int) -> None:
        progress(done, total)
        if log:
            print(f"stored {done}/{total}", file=sys.stderr, flush=True)

    return update


def runs(fmt: Format = FormatOption, db: Path | None = DB) -> None:
    """List stored crisis runs and sweeps (readable while a run writes)."""
    from natosim.engines.crisis import list_runs

    render_frame(list_runs(db), fmt, title="Crisis runs")


def show(
    run_id: str = typer.Argument(..., help="Run id (or a unique prefix of 4+ characters) from `natosim crisis runs`."),
    fmt: Format = FormatOption,
    db: Path | None = DB,
) -> None:
    """Show a stored run (its results rebuilt from its chunks) or, if unfinished, its status."""
    from natosim.engines.crisis import get_run, stored_result
    from natosim.engines.crisis.run import SweepResult

    row = get_run(run_id, db)
    if row["status"] != "done":
        keys = ("run_id", "kind", "status", "target", "year", "scenario", "seed", "draws", "n_points", "n_chunks")
        info = {k: row[k] for k in (*keys, "chunks_done", "created", "grid")}
        info["hint"] = f"finish it with: natosim crisis resume {row['run_id']}"
        render_mapping(info, fmt, title=f"crisis run {row['run_id']}")
        return
    result = stored_result(row["run_id"], db)
    if isinstance(result, SweepResult):
        _render_sweep(result, fmt)
    else:
        _render_result(result, fmt)


def resume(
    run_id: str = typer.Argument(..., help="Run id (or unique prefix) of an interrupted run or sweep."),
    workers: int | None = typer.Option(None, "--workers", "-w", help="Local Dask workers (sweeps: 2)."),
    scheduler: str | None = SCHEDULER,
    fmt: Format = FormatOption,
    db: Path | None = DB,
) -> None:
    """Finish an interrupted run or sweep without recomputing its stored chunks."""
    from natosim.engines.crisis import resume as resume_run
    from natosim.engines.crisis.run import SweepResult

    with _resumable(), _progress(f"resume {run_id}", True) as progress:
        result = resume_run(run_id, db=db, workers=workers, scheduler=scheduler, progress=progress)
    if isinstance(result, SweepResult):
        _render_sweep(result, fmt)
    else:
        _render_result(result, fmt)


def register(app: typer.Typer) -> None:
    crisis_app.command("run")(run)
    crisis_app.command("compare")(compare)
    crisis_app.command("validate")(validate)
    crisis_app.command("sweep")(sweep)
    crisis_app.command("runs")(runs)
    crisis_app.command("show")(show)
    crisis_app.command("resume")(resume)
    app.add_typer(crisis_app, name="crisis")
