"""``natosim brief``: the short state-of-the-alliance brief that ``make demo`` prints."""

from __future__ import annotations

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
        from natosim.scenario.summary import summaries

        console.rule("The bundled scenarios (natosim scenario list / run NAME --explain)")
        console.print(summaries(), highlight=False)


def register(app: typer.Typer) -> None:
    app.command("brief")(brief_command)
