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
PlotOption = typer.Option(None, "--plot", help="Also draw a chart to FILE.png or FILE.svg.")


def check_plot(path: Any) -> None:
    """Refuse a bad --plot path before any work is done."""
    if path is not None:
        from natosim.plots import check_plot_path

        check_plot_path(path)


def jsonable(value: Any) -> Any:
    """``natosim.jsonable.jsonable``, imported on first use: it needs pandas, and ``natosim --help``
    should not pay for pandas."""
    from natosim.jsonable import jsonable as convert

    return convert(value)


def dumps(value: Any) -> str:
    return json.dumps(jsonable(value), indent=2, ensure_ascii=False)


def console() -> Any:
    """A rich console as wide as the terminal ($COLUMNS wins); when output is piped and $COLUMNS is
    not set, 200 columns, so tables are not folded into slivers."""
    import os

    from rich.console import Console

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 20:
        return Console(width=int(columns))
    return Console() if sys.stdout.isatty() else Console(width=200)


#: a text column is allowed to wrap down to this width before a table switches to one block per record
TEXT_MIN = 14


def _is_number(text: str) -> bool:
    return text.replace(",", "").replace(".", "", 1).lstrip("+-").isdigit()


def _break_long(cell: str, width: int) -> str:
    """An unbroken string wider than its column (a URL) broken after '/', '_', '-', '?', '&' or '=',
    so the pieces between them (often numbers: ids, years) stay whole; a piece still too wide folds."""
    import re

    if len(cell) <= width:
        return cell
    if " " in cell:  # text: break only its over-long words (a URL in a sentence); rich wraps the rest
        return " ".join(_break_long(word, width) for word in cell.split(" "))
    lines, line = [], ""
    for piece in re.split(r"(?<=[/_?&=-])", cell):
        if line and len(line) + len(piece) > width:
            lines.append(line)
            line = ""
        line += piece
    return "\n".join([*lines, line])


def _whole(cell: str) -> bool:
    """Cells never broken across lines: numbers, and words up to 24 characters (dates, codes, ids).
    Longer unbroken strings (URLs) may fold."""
    return _is_number(cell) or (" " not in cell and len(cell) <= 24)


def _widths(header: list[str], rows: list[list[str]], width: int) -> list[int] | None:
    """Column widths that fit ``width`` with every number, date and code whole and text wrapped no
    narrower than TEXT_MIN; None if no such widths exist (the caller prints one block per record)."""
    minimum, natural = [], []
    for index, name in enumerate(header):
        cells = [row[index] for row in rows]
        whole = [len(cell) for cell in cells if _whole(cell)]
        text = [len(cell) for cell in cells if not _whole(cell)]
        header_word = max([len(part) for part in name.split()] + [3])
        # words inside text stay whole too (a DOI, a date, a figure), up to 24 characters
        word = max([len(part) for cell in cells if not _whole(cell) for part in cell.split() if len(part) <= 24] + [0])
        minimum.append(max([*whole, min(max(text, default=0), TEXT_MIN), word, header_word]))
        natural.append(max([len(cell) for cell in cells] + [len(name)]))
    available = width - (3 * len(header) + 1)
    if sum(minimum) > available:
        return None
    extra = available - sum(minimum)
    wanted = [n - m for n, m in zip(natural, minimum, strict=True)]
    if sum(wanted) <= extra:
        return natural
    shares = [m + (extra * w) // sum(wanted) for m, w in zip(minimum, wanted, strict=True)]
    return shares


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
        header_line = "| " + " | ".join(map(str, shown.columns)) + " |"
        rule = "|" + "---|" * len(shown.columns)
        lines = [f"**{title}**", ""] if title else []
        lines += [header_line, rule]
        lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in shown.itertuples(index=False)]
        if caption:
            lines += ["", caption]
        typer.echo("\n".join(lines))
        return
    from rich.table import Table

    header: list[str] = [str(column).replace("_", " ") for column in shown.columns]
    rows = [[_cell(v) for v in row] for row in shown.itertuples(index=False)]
    out = console()
    widths = _widths(header, rows, out.width)
    if widths is None:
        _blocks(out, header, rows, title=title, caption=caption)
        return
    table = Table(title=title, caption=caption, show_lines=False)
    for index, name in enumerate(header):
        cells = [row[index] for row in rows]
        # widths leave room for every number, date and code whole: "4,676.77" is never broken into
        # "4,6" / "76.77"; only text and headers wrap, at spaces
        table.add_column(
            name,
            width=widths[index],
            overflow="fold",
            justify="right" if cells and all(_is_number(cell) or cell == "—" for cell in cells) else "left",
        )
    for row in rows:
        table.add_row(*(_break_long(cell, width) for cell, width in zip(row, widths, strict=True)))
    out.print(table)


def _blocks(out: Any, header: list[str], rows: list[list[str]], *, title: str | None, caption: str | None) -> None:
    """A table too wide for the terminal, one block per record: ``name  value`` lines under a rule."""
    from rich.text import Text

    if title:
        out.print(Text(title, style="bold"))
    from rich.table import Table

    label = max(len(name) for name in header)
    for row in rows:
        out.rule(Text(f"{row[0]}  {row[1]}" if len(row) > 1 else row[0]), align="left", style="dim")
        grid = Table.grid(padding=(0, 2))
        grid.add_column(width=label + 2, no_wrap=True)
        grid.add_column(overflow="fold")  # long values wrap under themselves, numbers stay whole
        for name, cell in zip(header, row, strict=True):
            grid.add_row(Text(f"  {name}"), Text(_break_long(cell, max(out.width - label - 6, 10))))
        out.print(grid)
    if caption:
        out.print(Text(caption, style="dim"))


def render_mapping(data: dict[str, Any], fmt: Format, *, title: str | None = None) -> None:
    """Print a nested result (a procedure, a brief): JSON as is, otherwise as readable key/value lines."""
    if fmt is Format.json:
        typer.echo(dumps(data))
        return
    pairs = flatten(jsonable(data))
    if fmt is Format.csv:
        import csv

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(["field", "value"])
        writer.writerows([key, "" if value is None else value] for key, value in pairs)
        return
    if fmt is Format.md:
        lines = [f"**{title}**", ""] if title else []
        lines += [f"- {key}: {_cell(value)}" for key, value in pairs]
        typer.echo("\n".join(lines))
        return
    from rich.text import Text

    out = console()
    if title:
        out.rule(Text(title))
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, max_width=max(12, out.width // 3))
    grid.add_column(overflow="fold")
    key_width = min(max((len(key) for key, _ in pairs), default=0), max(12, out.width // 3))
    for key, value in pairs:
        grid.add_row(Text(key), Text(_break_long(_cell(value), max(out.width - key_width - 3, 10))))
    out.print(grid)


def flatten(data: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """A nested mapping as (dotted key, scalar) pairs; lists of scalars joined with '; '."""
    if isinstance(data, dict):
        pairs: list[tuple[str, Any]] = []
        for key, value in data.items():
            pairs += flatten(value, f"{prefix}.{key}" if prefix else str(key))
        return pairs
    if isinstance(data, list):
        if all(not isinstance(item, dict | list) for item in data):
            return [(prefix, "; ".join("—" if item is None else str(item) for item in data))]
        pairs = []
        for index, item in enumerate(data):
            pairs += flatten(item, f"{prefix}.{index}")
        return pairs
    return [(prefix, data)]
