"""Which years does the user mean? Parses ``2014..latest``, ``all``, ``2024``, ``2014,2019..2021``.

The grammar is small on purpose (a journalist types it on a command line)::

    spec   := "all" | item ("," item)*
    item   := year | year ".." year
    year   := YYYY | "first" | "latest"

``first``/``latest`` are the first and last years the data has for the question asked (the caller
passes the available years). A year outside the data, a reversed range or any other text raises
:class:`YearRangeError` naming what would be valid — never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from natosim.engines.burden.errors import YearRangeError

_YEAR = re.compile(r"^\d{4}$")
SYNTAX = "YYYY, YYYY..YYYY, YYYY..latest, first..latest, all, or a comma-separated list of these"


def _one_year(text: str, available: list[int], spec: str) -> int:
    word = text.strip().lower()
    if word == "first":
        return available[0]
    if word == "latest":
        return available[-1]
    if not _YEAR.match(word):
        raise YearRangeError(
            f"bad year {text.strip()!r} in --year {spec!r}; expected {SYNTAX}",
            field="year",
        )
    year = int(word)
    if year not in available:
        raise YearRangeError(
            f"no data for {year} (in --year {spec!r}); years available: {available[0]}–{available[-1]}",
            field="year",
        )
    return year


def parse_years(spec: str, available: Iterable[int]) -> list[int]:
    """Expand a year specification into sorted, distinct years that are all in ``available``."""
    years_available = sorted({int(y) for y in available})
    if not years_available:
        raise YearRangeError("no years available for this question", field="year")
    if not isinstance(spec, str) or not spec.strip():
        raise YearRangeError(f"empty --year; expected {SYNTAX}", field="year")
    text = spec.strip()
    if text.lower() == "all":
        return years_available
    chosen: set[int] = set()
    for item in text.split(","):
        if not item.strip():
            raise YearRangeError(f"empty item in --year {spec!r}; expected {SYNTAX}", field="year")
        if ".." in item:
            parts = item.split("..")
            if len(parts) != 2:
                raise YearRangeError(f"bad range {item.strip()!r} in --year {spec!r}; expected {SYNTAX}", field="year")
            start = _one_year(parts[0], years_available, spec)
            end = _one_year(parts[1], years_available, spec)
            if start > end:
                raise YearRangeError(
                    f"range {item.strip()!r} runs backwards; write {end}..{start}",
                    field="year",
                )
            chosen.update(y for y in years_available if start <= y <= end)
        else:
            chosen.add(_one_year(item, years_available, spec))
    return sorted(chosen)


def resolve_years(years: int | Iterable[int] | str | None, available: Iterable[int]) -> list[int]:
    """Library-side years: ``None`` (every year available), one int, or a sequence of ints.

    Text such as ``"2014..2024"`` is the command line's grammar (:func:`parse_years`, called by the
    CLI and the API); passing it to a library function still works but is deprecated.
    """
    years_available = sorted({int(y) for y in available})
    if years is None:
        if not years_available:
            raise YearRangeError("no years available for this question", field="year")
        return years_available
    if isinstance(years, str):
        import warnings

        warnings.warn(
            "passing years as text to a library function is deprecated: pass an int or a list of ints "
            "(parse '2014..2024' with natosim.engines.burden.parse_years)",
            FutureWarning,
            stacklevel=3,
        )
        return parse_years(years, years_available)
    wanted = [years] if isinstance(years, int | np.integer) else list(years)
    if not wanted:
        raise YearRangeError("no years given; pass an int or a list of ints", field="year")
    return parse_years(",".join(str(int(y)) for y in wanted), years_available)
