"""``natosim scenario``: list, show, run and compare the what-if scenarios.

Only parses, calls ``natosim.scenario`` and renders. ``--format json`` of ``run`` is the
``Result.to_dict()`` contract (one object per scenario; a list when several are run).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from natosim.cli.render import Format, FormatOption, PlotOption, check_plot, dumps, render_frame, render_mapping

scenario_app = typer.Typer(
    help="What-if scenarios: the policies in the news, evaluated against the baseline.", no_args_is_help=True
)

SUMMARY_COLUMNS = [
    "year",
    "figures_year",
    "members",
    "exposed_count",
    "population_exposed_thousands",
    "gdp_exposed_bn",
    "population_article5_thousands",
    "total_spending_usd_mn",
    "share_of_baseline_total_pct",
    "us_share_pct",
    "ratio_vs_russia",
    "editions",
    "non_nato_figures",
]


def _flat(frame: Any) -> Any:
    """Lists in cells become 'A, B' for tables and CSV (JSON keeps real lists)."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object and out[column].map(lambda v: isinstance(v, list)).any():
            out[column] = out[column].map(lambda v: ", ".join(map(str, v)) if isinstance(v, list) else v)
    return out


def _wrapped(lines: list[str]) -> None:
    """Text lines wrapped at spaces to the terminal's width (numbers stay whole)."""
    from rich.text import Text

    from natosim.cli.render import console

    out = console()
    for line in lines:
        out.print(Text(line), highlight=False)


@scenario_app.command("list")
def list_command(fmt: Format = FormatOption) -> None:
    """The bundled scenarios: name, title, period, policies, news source and date."""
    import pandas as pd

    from natosim.scenario import load_all

    rows = [
        {
            "name": s.name,
            "title": s.title,
            "period": f"{s.period.start}–{s.period.end}",
            "baseline_year": s.baseline_year,
            "policies": ", ".join(p.kind for p in s.policies),
            "source_date": s.sources[0].date,
            "confidence": s.confidence,
        }
        for s in load_all()
    ]
    render_frame(
        pd.DataFrame(rows),
        fmt,
        title="Bundled scenarios",
        caption="natosim scenario show NAME — the full file; natosim scenario run NAME — the result",
    )


@scenario_app.command("show")
def show_command(
    scenario: str = typer.Argument(..., help="Bundled name or YAML file."), fmt: Format = FormatOption
) -> None:
    """A scenario as validated: description, sources, period, policies."""
    from natosim.scenario import load_scenario

    loaded = load_scenario(scenario)
    data = loaded.model_dump(mode="json")
    data["file"] = loaded.path
    if fmt is Format.md:
        lines = [f"## {loaded.headline()} (`{loaded.name}`)", "", loaded.description, "", "**Sources**", ""]
        lines += [
            f"- {s.title} — {s.publisher}, {s.date.isoformat()} ({s.confidence}): {s.url}" for s in loaded.sources
        ]
        lines += ["", "**Policies**", ""] + [f"- {p.label()}" for p in loaded.policies]
        typer.echo("\n".join(lines))
        return
    render_mapping(data, fmt, title=loaded.headline())


def _crisis(result: Any, target: str, draws: int) -> dict[str, Any]:
    """The crisis engine under the scenario's headline state, against the baseline with the same seed.

    Both runs are stored in the crisis run database, so ``natosim crisis runs`` lists them."""
    from natosim.engines.crisis import scenario_crisis

    answer: dict[str, Any] = scenario_crisis(result, target, result.headline_year(), draws=draws, store=True)
    answer.setdefault("p_hold", answer.get("p_hold_scenario"))
    return answer


@scenario_app.command("run")
def run_command(
    scenarios: list[str] = typer.Argument(..., help="Bundled names or YAML files."),
    year: int | None = typer.Option(None, "--year", "-y", help="One year (default: the scenario's period)."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Only the NATO editions published by this date (YYYY-MM-DD) are in play. Default: today."
    ),
    fmt: Format = FormatOption,
    explain: bool = typer.Option(False, "--explain", help="Show the data rows, rules and policies behind each figure."),
    crisis: str | None = typer.Option(None, "--crisis", help="Also run the crisis Monte Carlo on this ally (ISO3)."),
    draws: int = typer.Option(20_000, "--draws", "-n", help="Draws for --crisis."),
    max_draws: int | None = typer.Option(
        None, "--max-draws", help="Raise the draws limit (as in `natosim crisis run`; NATOSIM_CRISIS_MAX_DRAWS)."
    ),
) -> None:
    """Evaluate scenarios: who is exposed, people and GDP, members' money, ratio to Russia."""
    if crisis:  # bounded before any work: the crisis engine's own limit (engines/crisis/limits.py)
        from natosim.engines.crisis.limits import check_draws

        check_draws(draws, max_draws=max_draws)
    import pandas as pd

    from natosim.cli.progress import progress
    from natosim.scenario import evaluate, summary_lines

    results, crises = [], []
    with progress("evaluating scenarios", len(scenarios) * (2 if crisis else 1)) as advance:
        for name in scenarios:
            results.append(evaluate(name, year=year, as_of=as_of))
            advance(1)
            crises.append(_crisis(results[-1], crisis, draws) if crisis else None)
            advance(1 if crisis else 0)
    if fmt is Format.json:
        payload = []
        for result, answer in zip(results, crises, strict=True):
            data = result.to_dict(explain=explain, explain_year=year)
            if answer is not None:
                data["crisis"] = answer
            payload.append(data)
        typer.echo(dumps(payload[0] if len(payload) == 1 else payload))
        return
    if fmt is Format.csv:
        frames = [_flat(r.by_year).assign(scenario=r.scenario.name) for r in results]
        render_frame(pd.concat(frames, ignore_index=True), fmt)
        return
    for result, answer in zip(results, crises, strict=True):
        _wrapped(summary_lines(result, year))
        render_frame(
            _flat(result.by_year),
            fmt,
            title=result.scenario.headline(),
            columns=SUMMARY_COLUMNS,
            caption="; ".join(result.notes()),
        )
        if len(result.procedures):
            render_frame(_flat(result.procedures.drop(columns=["steps"], errors="ignore")), fmt, title="Procedures")
        if answer is not None:
            base = answer.get("p_hold_baseline")
            versus = f" (baseline {base:.3f}, same seed)" if base is not None else ""
            typer.echo(
                f"crisis: P(defence of {answer['target']} holds) in {answer['year']} = {answer['p_hold']:.3f}{versus}"
            )
        if explain:
            for metric in result.explainable():
                typer.echo("")
                typer.echo(str(result.explain(metric, year if year is not None else result.headline_year())))


@scenario_app.command("diff")
def diff_command(
    a: str = typer.Argument(..., help="First scenario (name or file)."),
    b: str = typer.Argument(..., help="Second scenario (name or file)."),
    year: int | None = typer.Option(None, "--year", "-y", help="One year (default: every year both evaluate)."),
    fmt: Format = FormatOption,
    plot: Path | None = PlotOption,
) -> None:
    """Headline metrics of B against A, per year both evaluate (change = B − A)."""
    check_plot(plot)
    from natosim.scenario import evaluate

    first, second = evaluate(a, year=year), evaluate(b, year=year)
    diff = first.diff(second)
    if plot is not None:
        from natosim.plots import plot_diff

        plot_diff(diff, first.scenario.name, second.scenario.name, plot)
        typer.echo(f"chart written to {plot}", err=True)
    render_frame(
        diff,
        fmt,
        title=f"{second.scenario.name} vs {first.scenario.name}",
        caption="change = second − first; years evaluated by both",
    )


def register(app: typer.Typer) -> None:
    app.add_typer(scenario_app, name="scenario")
