"""``natosim check``: find and verify the claims about NATO in a news article (file, text or stdin)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from natosim.cli.render import Format, FormatOption, dumps

_VERDICT_STYLE = {"supported": "green", "contradicted": "red", "imprecise": "yellow", "not checkable": "dim"}


def _read_input(source: str) -> str | bytes:
    """'-' → stdin; an existing path → its bytes; otherwise the argument is the text itself."""
    from natosim.engines.claims import ClaimsInputError

    if source == "-":
        return sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
    stripped = source.strip()
    if not stripped:
        return source
    single_token = len(stripped) < 4096 and "\n" not in stripped and " " not in stripped
    if single_token and stripped.lower().startswith(("http://", "https://")):
        raise ClaimsInputError(
            f"{stripped}: natosim works offline and does not fetch pages; save the page and give the file"
        )
    looks_like_path = single_token and (
        stripped.lower().endswith((".txt", ".html", ".htm", ".md", ".xml")) or "/" in stripped
    )
    if len(stripped) < 4096 and "\n" not in stripped:
        try:
            path = Path(stripped).expanduser()
            if path.is_file():
                return path.read_bytes()
            if path.is_dir():
                raise ClaimsInputError(f"{stripped} is a directory; give a file, the text itself, or - for stdin")
        except OSError as error:
            if looks_like_path:
                raise ClaimsInputError(f"cannot read {stripped}: {error.strerror}") from error
    if looks_like_path or single_token:
        # one word with no file behind it is a mistyped path, never an article with a claim in it
        raise ClaimsInputError(f"no such file: {stripped} (give a file, the text itself, or - for stdin)")
    return source


def check_command(
    source: str = typer.Argument(
        ..., metavar="FILE|TEXT|-", help="An article file (text or HTML), the text itself, or - for stdin."
    ),
    date: str | None = typer.Option(
        None,
        "--date",
        "-d",
        help="The article's date (YYYY-MM-DD): picks the NATO edition and counts allies then. "
        "Default: the page's own date if found, else a window of dates inferred from the text.",
    ),
    edition: str | None = typer.Option(None, "--edition", "-e", help="Pin a NATO edition (YYYY-MM) instead."),
    max_chars: int = typer.Option(
        400_000,
        "--max-chars",
        min=1,
        help="Largest article text checked (characters, page furniture removed); about 5 ms per 1,000.",
    ),
    fmt: Format = FormatOption,
) -> None:
    """Find the checkable claims about NATO in an article and verify them against natosim's data and rules."""
    from natosim.engines.claims import check

    result = check(_read_input(source), date=date, edition=edition, max_characters=max_chars)
    if fmt is Format.json:
        typer.echo(dumps(result.to_dict()))
        return
    frame = result.to_frame()
    window = result.date_inferred
    header = (
        f"{len(result.claims)} claims in {result.sentences} sentences ({result.input_format}); "
        f"date: {result.date.isoformat() if result.date else 'unknown'} ({result.date_source}"
        + (f", window {window.earliest.isoformat()} to {window.latest.isoformat()}" if window else "")
        + f"); NATO edition: {result.edition}"
    )
    counts = ", ".join(f"{k}: {v}" for k, v in result.counts().items() if v)
    if fmt is Format.csv:
        frame.to_csv(sys.stdout, index=False)
        return
    if fmt is Format.md:
        lines = [
            f"**Claims checked** — {header}",
            "",
            counts,
            "",
            "| verdict | kind | claim | natosim holds | evidence | note |",
            "|---|---|---|---|---|---|",
        ]
        for claim in result.claims:
            evidence = "; ".join(f"{e.statement} [{e.source}]" for e in claim.evidence)
            cells = [
                claim.verdict,
                claim.kind,
                claim.text,
                "" if claim.expected is None else str(claim.expected),
                evidence,
                claim.note,
            ]
            lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
        typer.echo("\n".join(lines))
        return
    from rich.console import Console

    console = Console()
    if console.width < _TABLE_WIDTH:
        _print_records(console, result, header, counts)
        return
    from rich.table import Table

    table = Table(title="Claims checked", caption=f"{header}\n{counts}", show_lines=True)
    for column in ("verdict", "kind", "claim", "natosim holds", "evidence (source)", "note"):
        table.add_column(column, overflow="fold")
    for claim in result.claims:
        style = _VERDICT_STYLE.get(claim.verdict, "")
        evidence = "\n".join(f"{e.statement} [{e.source}]" for e in claim.evidence)
        table.add_row(
            f"[{style}]{claim.verdict}[/{style}]" if style else claim.verdict,
            claim.kind,
            claim.text,
            "" if claim.expected is None else str(claim.expected),
            evidence,
            claim.note,
        )
    console.print(table)


#: below this terminal width a six-column table breaks words mid-phrase: print one block per claim
_TABLE_WIDTH = 120


def _print_records(console: Any, result: Any, header: str, counts: str) -> None:
    """One record per claim, label and value on their own lines, wrapped at word boundaries, so that a
    claim and its evidence stay readable in 80 columns (no phrase is cut inside a word)."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    console.print(Text("Claims checked", style="bold"))
    console.print(Text(header))
    console.print(Text(counts))
    for number, claim in enumerate(result.claims, start=1):
        style = _VERDICT_STYLE.get(claim.verdict, "")
        title = Text(f"{number}. ", style="bold")
        title.append(claim.verdict.upper(), style=style or None)
        title.append(f"  {claim.kind}")
        where = " ".join(str(part) for part in (claim.country, claim.year) if part)
        if where:
            title.append(f"  ({where})")
        console.print()
        console.print(title)
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column(overflow="fold")
        grid.add_row("claim", Text(claim.text))
        grid.add_row("sentence", Text(claim.sentence))
        if claim.expected is not None:
            grid.add_row("holds", Text(str(claim.expected)))
        for item in claim.evidence:
            grid.add_row("evidence", Text(f"{item.statement} [{item.source}]"))
        if claim.note:
            grid.add_row("note", Text(claim.note))
        console.print(Padding(grid, (0, 0, 0, 3)))


def register(app: typer.Typer) -> None:
    app.command("check")(check_command)
