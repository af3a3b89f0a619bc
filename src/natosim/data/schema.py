"""Schemas of the bundled tables, checked on every load.

Each row is validated by a pydantic model (types, ranges, required fields); each table then by
key uniqueness and by provenance (every row names a known source). A failure names the file, the
line (as a spreadsheet shows it: header = line 1) and the field, and says what would be valid.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any

import pandas as pd
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from natosim.errors import DataError


def _blank_to_none(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str) and value.strip() in {"", "NA", "NaN", "nan", "<NA>"}:
        return None
    return value


def _bool(value: Any) -> Any:
    value = _blank_to_none(value)
    if isinstance(value, str):
        folded = value.strip().casefold()
        if folded in {"true", "1", "yes"}:
            return True
        if folded in {"false", "0", "no"}:
            return False
    return value


def _int_or_none(value: Any) -> Any:
    value = _blank_to_none(value)
    return None if value is None else int(float(value))


_Blank = BeforeValidator(_blank_to_none)
#: optional numbers with their ranges; a blank cell is a missing figure, never zero
OptFloat = Annotated[float | None, _Blank]
PctOfGdp = Annotated[Annotated[float, Field(ge=0, lt=50)] | None, _Blank]
MilexPctOfGdp = Annotated[Annotated[float, Field(ge=0, lt=100)] | None, _Blank]
NonNegative = Annotated[Annotated[float, Field(ge=0)] | None, _Blank]
Positive = Annotated[Annotated[float, Field(gt=0)] | None, _Blank]
Share = Annotated[Annotated[float, Field(ge=0, le=100)] | None, _Blank]
RealChange = Annotated[Annotated[float, Field(gt=-100, lt=1000)] | None, _Blank]
BaseYear = Annotated[Annotated[int, Field(ge=1990, le=2100)] | None, BeforeValidator(_int_or_none)]
OptInt = Annotated[int | None, BeforeValidator(_int_or_none)]
OptBool = Annotated[bool | None, BeforeValidator(_bool)]
Bool = Annotated[bool, BeforeValidator(_bool)]
ISO3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]
Edition = Annotated[str, Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
Year = Annotated[int, Field(ge=1949, le=2100)]
SourceId = Annotated[str, Field(min_length=1, pattern=r"^[a-z0-9][a-z0-9._-]*$")]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class FigureRow(_Row):
    """One ally, one year, one edition of NATO's defence-expenditure tables."""

    iso3: ISO3
    year: Year
    edition: Edition
    defence_exp_pct_gdp: PctOfGdp = None
    defence_exp_usd_current_mn: NonNegative = None
    defence_exp_usd_constant_mn: NonNegative = None
    constant_price_base_year: BaseYear = None
    gdp_usd_current_bn: Positive = None
    real_gdp_usd_constant_bn: Positive = None
    population_thousands: Positive = None
    population_is_derived: OptBool = None
    equipment_pct: Share = None
    personnel_exp_pct: Share = None
    infrastructure_pct: Share = None
    other_pct: Share = None
    military_personnel_thousands: NonNegative = None
    real_change_pct: RealChange = None
    estimate: OptBool = None
    source: SourceId


class AllyRow(_Row):
    iso3: ISO3
    name: str = Field(min_length=2)
    accession_date: dt.date
    enlargement_round: str
    capital: str
    capital_lat: Annotated[float, Field(ge=-90, le=90)]
    capital_lon: Annotated[float, Field(ge=-180, le=180)]
    eu_member: Bool
    borders_russia_or_belarus: Bool
    notes: str | None = None
    source: SourceId


class ComparatorRow(_Row):
    iso3: ISO3
    year: Year
    milex_usd_current_mn: NonNegative = None
    milex_usd_constant_mn: NonNegative = None
    constant_price_base_year: BaseYear = None
    milex_pct_gdp: MilexPctOfGdp = None
    sipri_estimate: OptBool = None
    sipri_uncertain: OptBool = None
    source: SourceId


class AggregateRow(_Row):
    aggregate: str = Field(pattern=r"^(NATO Total|NATO Europe and Canada)$")
    year: Year
    edition: Edition
    defence_exp_pct_gdp: PctOfGdp = None
    defence_exp_usd_current_mn: NonNegative = None
    defence_exp_usd_constant_mn: NonNegative = None
    constant_price_base_year: OptInt = None
    gdp_usd_current_mn: Positive = None
    real_gdp_usd_constant_mn: Positive = None
    real_change_pct: OptFloat = None
    military_personnel_thousands: NonNegative = None
    us_share_of_usd_current_pct: Share = None
    estimate: OptBool = None
    source: SourceId


class SourceRow(_Row):
    id: SourceId
    publication: str = Field(min_length=3)
    publisher: str
    tables: str | None = None
    published: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    copy_from: str = Field(min_length=3)
    confidence: str = Field(pattern=r"^(high|medium|low)$")
    note: str | None = None
    #: where a user finds the publication (a public URL), its DOI where one exists, its licence
    url: str | None = None
    doi: str | None = None
    licence: str | None = None


class PopulationRow(_Row):
    """Population of a non-ally (aspirants, Russia, neighbours) from a public dataset (World Bank WDI)."""

    iso3: ISO3
    year: Year
    population_thousands: Annotated[float, Field(gt=0)]
    source: SourceId


#: table name -> (row model, key columns)
TABLES: dict[str, tuple[type[_Row], tuple[str, ...]]] = {
    "figures": (FigureRow, ("iso3", "year", "edition")),
    "allies": (AllyRow, ("iso3",)),
    "comparators": (ComparatorRow, ("iso3", "year")),
    "aggregates": (AggregateRow, ("aggregate", "year", "edition", "source")),
    "sources": (SourceRow, ("id",)),
    "populations": (PopulationRow, ("iso3", "year")),
}


def _describe(error: Any) -> str:
    message = str(error.get("msg", "invalid"))
    if error.get("type") == "extra_forbidden":
        return "unexpected column"
    return message[0].lower() + message[1:] if message else message


def read_table(path: Path, table: str) -> pd.DataFrame:
    """Read a CSV file and validate it as ``table``; raise ``DataError`` naming file, line, field."""
    model, key = TABLES[table]
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except FileNotFoundError as error:
        raise DataError(f"{path}: file not found") from error
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise DataError(f"{path}: not a readable CSV file ({str(error).strip()})") from error
    return validate_records(raw, table, str(path), model=model, key=key)


def validate_records(
    raw: pd.DataFrame,
    table: str,
    where: str,
    model: type[_Row] | None = None,
    key: Sequence[str] | None = None,
    first_line: int = 2,
) -> pd.DataFrame:
    """Validate the rows of ``raw`` (strings) and return them typed.

    ``first_line``: the file line of ``raw``'s first row (2 below a header; more for a later chunk
    of a file read in chunks), so errors name the line a spreadsheet shows."""
    default_model, default_key = TABLES[table]
    model = model or default_model
    key = tuple(key or default_key)
    fields = model.model_fields
    missing = [name for name, info in fields.items() if info.is_required() and name not in raw.columns]
    if missing:
        raise DataError(
            f"{where}: missing column(s) {', '.join(missing)}; the {table} table needs {', '.join(fields)}",
            field=missing[0],
        )
    unexpected = [column for column in raw.columns if column not in fields]
    if unexpected:
        raise DataError(
            f"{where}: unexpected column(s) {', '.join(map(str, unexpected))}; allowed: {', '.join(fields)}",
            field=str(unexpected[0]),
        )
    rows: list[dict[str, Any]] = []
    for index, record in enumerate(raw.to_dict("records")):
        try:
            rows.append(model.model_validate(record).model_dump())
        except ValidationError as error:
            first = error.errors()[0]
            field = ".".join(str(part) for part in first.get("loc", ())) or "?"
            value = record.get(field, "")
            raise DataError(
                f"{where}, line {index + first_line}, field {field!r}: {_describe(first)} (got {value!r})",
                field=field,
            ) from None
    frame = pd.DataFrame(rows, columns=list(fields))
    duplicated = frame.duplicated(subset=list(key), keep=False)
    if duplicated.any():
        lines = [str(i + first_line) for i in frame.index[duplicated][:5]]
        raise DataError(
            f"{where}: more than one row for the same {'/'.join(key)} (lines {', '.join(lines)}); "
            "each key must appear once",
            field=key[0],
        )
    return _typed(frame, model)


def _typed(frame: pd.DataFrame, model: type[_Row]) -> pd.DataFrame:
    """Give columns proper dtypes: floats with NaN for missing, nullable booleans and integers."""
    for name, info in model.model_fields.items():
        annotation = str(info.annotation)
        if "float" in annotation:
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
        elif "bool" in annotation:
            frame[name] = frame[name].astype("boolean")
        elif "int" in annotation:
            frame[name] = frame[name].astype("int64" if info.annotation is int else "Int64")
        elif "date" in annotation:
            frame[name] = pd.to_datetime(frame[name])
    return frame


def check_sources(frame: pd.DataFrame, known: Iterable[str], where: str) -> None:
    """Every row must name a source listed in the sources table."""
    known_ids = set(known)
    unknown = frame.loc[~frame["source"].isin(known_ids), "source"]
    if len(unknown):
        line = int(unknown.index[0]) + 2
        raise DataError(
            f"{where}, line {line}, field 'source': unknown source id {unknown.iloc[0]!r}; "
            f"known: {', '.join(sorted(known_ids))}",
            field="source",
        )
