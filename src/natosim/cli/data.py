"""``natosim data``: the allies, their yearly figures, the sources, and importing a new release."""

from __future__ import annotations

from pathlib import Path

import typer

from natosim.cli.render import Format, FormatOption, render_frame

data_app = typer.Typer(help="The bundled dataset: allies, yearly figures, sources, new releases.", no_args_is_help=True)

DataDirOption = typer.Option(
    None,
    "--data-dir",
    envvar="NATOSIM_DATA_DIR",
    help="User data directory (imported releases). Default: the platform's.",
)

TABLE_COLUMNS = [
    "iso3",
    "country",
    "year",
    "defence_exp_pct_gdp",
    "defence_exp_usd_current_mn",
    "gdp_usd_current_bn",
    "population_thousands",
    "equipment_pct",
    "estimate",
    "edition",
    "mixed_editions",
    "sources",
]

AsOfOption = typer.Option(
    None,
    "--as-of",
    help="Only the editions published by this date (YYYY-MM-DD) are in play. Default: today.",
)


@data_app.command("allies")
def allies_command(fmt: Format = FormatOption, data_dir: Path | None = DataDirOption) -> None:
    """The 32 allies with accession date, capital, EU membership and border with Russia/Belarus."""
    from natosim.data import allies, load

    table = allies(dataset=load(data_dir))
    table["accession_date"] = table["accession_date"].dt.date
    render_frame(
        table,
        fmt,
        title="NATO allies",
        columns=[
            "iso3",
            "name",
            "accession_date",
            "enlargement_round",
            "capital",
            "eu_member",
            "borders_russia_or_belarus",
        ],
    )


@data_app.command("figures")
def figures_command(
    year: int | None = typer.Option(None, "--year", "-y", help="One year (default: all years)."),
    country: list[str] | None = typer.Option(None, "--country", "-c", help="Ally name or code; repeatable."),
    edition: str | None = typer.Option(
        None, "--edition", "-e", help="Pin one NATO edition (YYYY-MM). Default: latest having each figure."
    ),
    members_only: bool = typer.Option(False, "--members-only", help="Only allies that were members that year."),
    as_of: str | None = AsOfOption,
    fmt: Format = FormatOption,
    data_dir: Path | None = DataDirOption,
) -> None:
    """Defence expenditure, GDP, population, equipment share and personnel per ally and year."""
    from natosim.data import figures, load

    table = figures(
        year=year,
        countries=country or None,
        edition=edition,
        members_only=members_only,
        dataset=load(data_dir),
        as_of=as_of,
    )
    caption = (
        "— = missing (never zero). Each figure comes from the latest NATO edition (published by --as-of, "
        "default today) that has it unless --edition is given. 'edition' is the edition of % of GDP; "
        "mixed_editions = yes: the row's other figures (e.g. US$, GDP) come from an older edition — "
        "edition_* columns (csv/json) say which."
    )
    render_frame(
        table, fmt, title=f"NATO defence figures{f' {year}' if year else ''}", caption=caption, columns=TABLE_COLUMNS
    )


@data_app.command("comparators")
def comparators_command(
    country: list[str] | None = typer.Option(None, "--country", "-c"),
    year: int | None = typer.Option(None, "--year", "-y"),
    fmt: Format = FormatOption,
) -> None:
    """SIPRI military expenditure of Russia, Ukraine, China and Belarus (not comparable with NATO's)."""
    from natosim.data import comparators

    render_frame(comparators(countries=country or None, year=year), fmt, title="SIPRI comparators")


@data_app.command("aggregates")
def aggregates_command(edition: str | None = typer.Option(None, "--edition", "-e"), fmt: Format = FormatOption) -> None:
    """NATO's published totals per edition, the reference the per-ally figures are checked against."""
    from natosim.data import aggregates

    render_frame(
        aggregates(edition),
        fmt,
        title="NATO aggregates",
        columns=[
            "aggregate",
            "year",
            "edition",
            "defence_exp_pct_gdp",
            "defence_exp_usd_current_mn",
            "estimate",
            "source",
        ],
    )


@data_app.command("sources")
def sources_command(fmt: Format = FormatOption, data_dir: Path | None = DataDirOption) -> None:
    """Every source id: publication, publisher, date, where to find it (URL, DOI), licence."""
    from natosim.data import load, sources

    render_frame(
        sources(dataset=load(data_dir)),
        fmt,
        title="Sources",
        caption="csv/json add tables, copy_from (where natosim's copy came from) and notes. — = none.",
        columns=["id", "publication", "publisher", "published", "url", "doi", "licence", "confidence", "imported"],
    )


@data_app.command("import")
def import_command(
    file: Path = typer.Argument(..., help="CSV in the figures schema (docs/data.md), one edition."),
    publication: str | None = typer.Option(None, help="Title of the publication (needed for a new source id)."),
    published: str | None = typer.Option(None, help="Publication date, YYYY-MM-DD or YYYY-MM."),
    copy_from: str | None = typer.Option(None, "--copy-from", help="Where this copy of the figures came from."),
    tables: str | None = typer.Option(None, help="Tables or sheets the figures were read from."),
    replace: bool = typer.Option(False, help="Replace an edition imported before."),
    max_size_mb: int | None = typer.Option(
        None, "--max-size-mb", help="Largest file accepted, in MB (default 64, or $NATOSIM_MAX_IMPORT_MB)."
    ),
    data_dir: Path | None = DataDirOption,
) -> None:
    """Add a new release to the user data directory: validated first, written atomically."""
    from natosim.data.importer import SourceInfo, import_release
    from natosim.errors import ImportErrorNatosim

    given = [publication, published, copy_from]
    if any(given) and not all(given):
        raise ImportErrorNatosim("--publication, --published and --copy-from go together")
    source = SourceInfo(publication, published, copy_from, tables=tables) if all(given) else None  # type: ignore[arg-type]
    from natosim.cli.progress import progress

    rows = _count_lines(file) if file.is_file() and file.stat().st_size > 5_000_000 else None
    with progress(f"importing {file.name}", rows, unit=" rows") as advance:
        result = import_release(
            file, source=source, replace=replace, data_directory=data_dir, max_size_mb=max_size_mb, on_rows=advance
        )
    typer.echo(
        f"imported edition {result.edition}: {result.rows} rows, {result.allies} allies, "
        f"{result.years[0]}–{result.years[1]}, source {result.source} → {result.path}"
    )


def _count_lines(path: Path) -> int:
    """Rows of a large file, for the progress bar's total (a fast binary count, header excluded)."""
    with open(path, "rb") as handle:
        return max(sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b"")) - 1, 0)


@data_app.command("remove")
def remove_command(
    edition: str = typer.Argument(..., help="An imported edition (YYYY-MM); bundled editions cannot be removed."),
    data_dir: Path | None = DataDirOption,
) -> None:
    """Remove an imported release (also one set aside as invalid); the bundled data stays."""
    from natosim.data.importer import remove_release

    removed = remove_release(edition, data_directory=data_dir)
    typer.echo(f"removed imported edition {edition} ({removed})")


def register(app: typer.Typer) -> None:
    app.add_typer(data_app, name="data")
