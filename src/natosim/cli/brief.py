"""``natosim brief``: the short state-of-the-alliance brief that ``make demo`` prints."""

from __future__ import annotations

from typing import Any

import typer

from natosim.cli.render import Format, FormatOption, dumps


def brief_command(
    threshold: float = typer.Option(2.0, "--threshold", help="Spending line in % of GDP."),
    scenarios: bool = typer.Option(False, "--scenarios", help="Also evaluate every bundled scenario."),
    as_of: str | None = typer.Option(
        None, "--as-of", help="Only the editions published by this date (YYYY-MM-DD) are in play. Default: today."
    ),
    fmt: Format = FormatOption,
) -> None:
    """How many allies meet the pledge, total and US share of spending, highest and lowest spenders."""
    from natosim.briefing import brief

    result = brief(threshold_pct=threshold, as_of=as_of)
    if fmt is Format.json:
        typer.echo(dumps(result.to_dict()))
        return
    if fmt is Format.csv:
        _csv(result)
        return
    if fmt is Format.md:
        _markdown(result, scenarios)
        return
    from natosim.cli.render import console as make_console

    console = make_console()
    console.rule(f"NATO in {result.year} — natosim brief")
    for figure in result.figures:
        console.print(f"• {figure.text()}", highlight=False)
    console.print(f"\nHighest five by % of GDP in {result.year}:")
    for figure in result.highest:
        console.print(f"  {figure.text()}", highlight=False)
    console.print(f"Lowest five by % of GDP in {result.year}:")
    for figure in result.lowest:
        console.print(f"  {figure.text()}", highlight=False)
    console.print(
        "\nSource ids are listed by `natosim data sources`. Missing figures are shown as missing, never as zero.",
        highlight=False,
    )
    if scenarios:
        text = _scenario_summaries()
        console.rule("The bundled scenarios (natosim scenario list / run NAME --explain)")
        console.print(text, highlight=False)


def _rows(result: Any) -> list[dict[str, Any]]:
    """Every figure of the brief as one row: section, label, value (empty = missing), unit, provenance."""
    sections = (("headline", result.figures), ("highest", result.highest), ("lowest", result.lowest))
    return [
        {
            "section": section,
            "rank": rank if section != "headline" else None,
            "label": figure.label,
            "value": figure.value,
            "unit": figure.unit,
            "year": figure.year,
            "edition": figure.edition,
            "source": figure.source,
        }
        for section, figures in sections
        for rank, figure in enumerate(figures, start=1)
    ]


def _csv(result: Any) -> None:
    import csv
    import sys

    rows = _rows(result)
    writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: "" if value is None else value for key, value in row.items()} for row in rows)


def _markdown(result: Any, scenarios: bool) -> None:
    lines = [f"## NATO in {result.year} — natosim brief", ""]
    lines += [f"- {figure.text()}" for figure in result.figures]
    lines += ["", f"**Highest five by % of GDP in {result.year}**", ""]
    lines += [f"{rank}. {figure.text()}" for rank, figure in enumerate(result.highest, start=1)]
    lines += ["", f"**Lowest five by % of GDP in {result.year}**", ""]
    lines += [f"{rank}. {figure.text()}" for rank, figure in enumerate(result.lowest, start=1)]
    lines += ["", "Missing figures are shown as missing, never as zero. Source ids: `natosim data sources`."]
    if scenarios:
        lines += ["", "## The bundled scenarios", "", "```", _scenario_summaries(), "```"]
    typer.echo("\n".join(lines))


def _scenario_summaries() -> str:
    """Every bundled scenario in a few lines (as ``natosim.scenario.summary.summaries``), with progress."""
    from natosim.cli.progress import progress
    from natosim.scenario import evaluate
    from natosim.scenario.loader import library
    from natosim.scenario.summary import summary_lines

    names = library()
    blocks = []
    with progress("evaluating the bundled scenarios", len(names), unit=" scenarios") as advance:
        for name in names:
            blocks.append("\n".join(summary_lines(evaluate(name))))
            advance(1)
    return "\n\n".join(blocks)


def register(app: typer.Typer) -> None:
    app.command("brief")(brief_command)
