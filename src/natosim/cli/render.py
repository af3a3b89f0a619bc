"""Render library results for the terminal: a rich table, CSV, JSON or Markdown.

``--format json`` is a stable contract: keys are column names, countries ISO3, dates ISO 8601,
numbers as numbers, missing values as null.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import Any

import typer


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    md = "md"


FormatOption = typer.Option(Format.table, "--format", "-f", help="Output format: table, csv, json or md.")


def jsonable(value: Any) -> Any:
    """``natosim.jsonable.jsonable``, imported on first use: it needs pandas, and ``natosim --help``
    should not pay for pandas."""
    from natosim.jsonable import jsonable as convert

    return convert(value)


def dumps(value: Any) -> str:
    return json.dumps(jsonable(value), indent=2, ensure_ascii=False)


def console() -> Any:
    """A rich console; when output is piped, wide enough that tables are not folded into slivers."""
    from rich.console import Console

    return Console() if sys.stdout.isatty() else Console(width=200)


def _cell(value: Any) -> str:
    value = jsonable(value)
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) >= 100 else f"{value:.4g}" if abs(value) < 0.01 else f"{value:.2f}"
    return str(value)


def render_frame(
    frame: Any, fmt: Format, *, title: str | None = None, caption: str | None = None, columns: list[str] | None = None
) -> None:
    """Print a DataFrame in the chosen format (table shows ``columns`` if given; csv/json show all)."""
    if fmt is Format.json:
        typer.echo(dumps(frame))
        return
    if fmt is Format.csv:
        frame.to_csv(sys.stdout, index=False)
        return
    shown = frame[columns] if columns else frame
    if fmt is Format.md:
        header = "| " + " | ".join(map(str, shown.columns)) + " |"
        rule = "|" + "---|" * len(shown.columns)
        lines = [f"**{title}**", ""] if title else []
        lines += [header, rule]
        lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in shown.itertuples(index=False)]
        if caption:
            lines += ["", caption]
        typer.echo("\n".join(lines))
        return
    from rich.table import Table

    table = Table(title=title, caption=caption, show_lines=False)
    for column in shown.columns:
        table.add_column(str(column).replace("_", " "), overflow="fold")
    for row in shown.itertuples(index=False):
        table.add_row(*(_cell(v) for v in row))
    console().print(table)


def render_mapping(data: dict[str, Any], fmt: Format, *, title: str | None = None) -> None:
    """Print a nested result (a procedure, a brief): JSON as is, otherwise as readable key/value lines."""
    if fmt is Format.json:
        typer.echo(dumps(data))
        return
    from rich.pretty import Pretty

    out = console()
    if title:
        out.rule(title)
    out.print(Pretty(jsonable(data), expand_all=True))
