"""Load the bundled tables, overlay the user's imported releases, validate, and cache.

The dataset is read once per process (and again only when the user's data directory changes), so
every later query is a pandas selection on frames already in memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from natosim.data.paths import BUNDLED, data_dir, releases_dir
from natosim.data.schema import check_sources, read_table
from natosim.errors import DataError


@dataclass(frozen=True)
class Dataset:
    """Every table natosim knows, validated. ``figures`` is long by edition: one row per ally-year-edition."""

    figures: pd.DataFrame
    allies: pd.DataFrame
    comparators: pd.DataFrame
    aggregates: pd.DataFrame
    sources: pd.DataFrame
    imported_editions: tuple[str, ...]
    #: derived tables computed once per dataset (e.g. the edition-resolved figures)
    cache: dict[object, pd.DataFrame] = field(default_factory=dict, compare=False, repr=False)

    @property
    def editions(self) -> list[str]:
        """Editions oldest first (editions are YYYY-MM, so they sort as strings)."""
        return sorted(self.figures["edition"].unique())

    @property
    def latest_edition(self) -> str:
        return self.editions[-1]


def _fingerprint(base: Path) -> tuple[tuple[str, float], ...]:
    folder = releases_dir(base)
    if not folder.is_dir():
        return ()
    return tuple(sorted((str(path), path.stat().st_mtime) for path in folder.glob("*/*.csv")))


def load(data_directory: str | Path | None = None) -> Dataset:
    """The dataset: bundled tables plus the releases imported into ``data_directory``."""
    base = data_dir(data_directory)
    return _load(str(base), _fingerprint(base))


@lru_cache(maxsize=8)
def _load(base: str, fingerprint: tuple[tuple[str, float], ...]) -> Dataset:
    sources = read_table(BUNDLED / "sources.csv", "sources")
    figures = read_table(BUNDLED / "figures.csv", "figures")
    imported: list[str] = []
    extra_sources: list[pd.DataFrame] = []
    extra_figures: list[pd.DataFrame] = []
    for folder in sorted(p for p in releases_dir(Path(base)).glob("*") if p.is_dir() and not p.name.startswith(".")):
        release_figures = read_table(folder / "figures.csv", "figures")
        if (folder / "sources.csv").exists():
            extra_sources.append(read_table(folder / "sources.csv", "sources"))
        extra_figures.append(release_figures)
        imported.extend(sorted(release_figures["edition"].unique()))
    if extra_sources:
        sources = pd.concat([sources, *extra_sources], ignore_index=True).drop_duplicates("id", keep="last")
    if extra_figures:
        figures = pd.concat([figures, *extra_figures], ignore_index=True)
        clash = figures.duplicated(["iso3", "year", "edition"], keep=False)
        if clash.any():
            row = figures[clash].iloc[0]
            raise DataError(
                f"{base}: imported edition {row['edition']} repeats rows already present "
                f"(e.g. {row['iso3']} {row['year']}); remove the release folder or re-import with --replace"
            )
    known = sources["id"]
    check_sources(figures, known, "figures")
    allies = read_table(BUNDLED / "allies.csv", "allies")
    check_sources(allies, known, str(BUNDLED / "allies.csv"))
    comparators = read_table(BUNDLED / "comparators.csv", "comparators")
    check_sources(comparators, known, str(BUNDLED / "comparators.csv"))
    aggregates = read_table(BUNDLED / "aggregates.csv", "aggregates")
    check_sources(aggregates, known, str(BUNDLED / "aggregates.csv"))
    unknown_allies = sorted(set(figures["iso3"]) - set(allies["iso3"]))
    if unknown_allies:
        raise DataError(
            f"figures: rows for {', '.join(unknown_allies)}, which are not in the allies table", field="iso3"
        )
    return Dataset(
        figures=figures,
        allies=allies,
        comparators=comparators,
        aggregates=aggregates,
        sources=sources,
        imported_editions=tuple(imported),
    )


def clear_cache() -> None:
    """Forget the loaded dataset (after an import, or in tests)."""
    _load.cache_clear()
