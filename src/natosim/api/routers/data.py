"""The bundled dataset: allies, yearly figures (filter by year, countries, edition), sources."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel

from natosim.api.errors import ERROR_RESPONSES
from natosim.data import aggregates as library_aggregates
from natosim.data import allies as library_allies
from natosim.data import comparators as library_comparators
from natosim.data import editions as library_editions
from natosim.data import figures as library_figures
from natosim.data import resolve_ally
from natosim.data import sources as library_sources
from natosim.jsonable import jsonable, records

router = APIRouter(tags=["data"], responses=ERROR_RESPONSES)


class Table(BaseModel):
    """Rows of a library table: keys are its column names, missing values are null (never 0)."""

    count: int
    rows: list[dict[str, Any]]


#: examples are read from the bundled data, so they are real answers and carry no edition literal
#: (the editions and their figures live in the data, not in code)
EDITIONS_EXAMPLE = library_editions()


def _figures_example() -> dict[str, Any]:
    row = library_figures(year=2024, countries=["POL"]).iloc[0]
    keys = ("iso3", "country", "year", "member", "defence_exp_pct_gdp", "edition", "source", "sources")
    return {"count": 1, "rows": [jsonable({key: row[key] for key in keys})]}


FIGURES_EXAMPLE = _figures_example()

CountryQuery = Annotated[
    list[str] | None,
    Query(
        description="Ally name or ISO code; repeat for several (`country=DEU&country=France`).",
        examples=["POL"],
        max_length=40,
    ),
]
ComparatorQuery = Annotated[
    list[str] | None,
    Query(
        description="Russia, Ukraine, China or Belarus (name or ISO code); repeat for several.",
        examples=["RUS"],
        max_length=40,
    ),
]
YearQuery = Annotated[int | None, Query(description="One year (default: all years).", examples=[2024])]
EditionQuery = Annotated[
    str | None,
    Query(
        description="Pin one NATO edition (YYYY-MM); default: the latest edition having each figure.",
        examples=EDITIONS_EXAMPLE[:1],
        max_length=20,
    ),
]


def table(frame: Any) -> Table:
    rows = records(frame)
    return Table(count=len(rows), rows=rows)


@router.get("/allies", response_model=Table, summary="The allies: accession date, capital, EU, border")
def allies() -> Table:

    return table(library_allies())


@router.get("/allies/{country}", response_model=dict[str, Any], summary="One ally by name or ISO code")
def ally(country: str) -> dict[str, Any]:

    frame = library_allies()
    code = resolve_ally(country, frame["iso3"])
    return records(frame[frame["iso3"] == code])[0]


@router.get(
    "/figures",
    response_model=Table,
    summary="Defence figures per ally and year, each with its source",
    responses={200: {"content": {"application/json": {"example": FIGURES_EXAMPLE}}}},
)
def figures(
    year: YearQuery = None,
    country: CountryQuery = None,
    edition: EditionQuery = None,
    members_only: bool = Query(False, description="Only allies that were members that year."),
    as_of: str | None = Query(
        None,
        description="Only the editions published by this date (YYYY-MM-DD) are in play; default today. "
        "Each row names its editions (edition, edition_<measure>, mixed_editions).",
        max_length=10,
    ),
) -> Table:

    return table(library_figures(year=year, countries=country, edition=edition, members_only=members_only, as_of=as_of))


@router.get("/sources", response_model=Table, summary="Every source id: publication, tables, date, confidence")
def sources() -> Table:

    return table(library_sources())


@router.get(
    "/editions",
    response_model=Table,
    summary="NATO editions available, oldest first",
    responses={
        200: {"content": {"application/json": {"example": {"count": 1, "rows": [{"edition": EDITIONS_EXAMPLE[0]}]}}}}
    },
)
def editions() -> Table:

    rows = [{"edition": edition} for edition in jsonable(library_editions())]
    return Table(count=len(rows), rows=rows)


@router.get(
    "/comparators",
    response_model=Table,
    summary="SIPRI military expenditure of Russia, Ukraine, China, Belarus (not NATO's definition)",
)
def comparators(country: ComparatorQuery = None, year: YearQuery = None) -> Table:

    return table(library_comparators(countries=country, year=year))


@router.get("/aggregates", response_model=Table, summary="NATO's published totals per edition")
def aggregates(edition: EditionQuery = None) -> Table:

    return table(library_aggregates(edition))
