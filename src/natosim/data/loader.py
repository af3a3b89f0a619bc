"""Load the bundled tables, overlay the user's imported releases, validate, and cache.

The dataset is read once per process (and again only when the user's data directory changes), so
every later query is a pandas selection on frames already in memory.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from natosim.data.paths import BUNDLED, data_dir
from natosim.data.schema import check_sources, read_table
from natosim.data.store import pointers, recover
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
    #: imported releases left out because they failed validation: (edition, why)
    set_aside: tuple[tuple[str, str], ...] = ()
    #: population of non-allies (aspirants, Russia, neighbours): World Bank WDI, one row per country-year
    populations: pd.DataFrame = field(default_factory=pd.DataFrame)
    #: derived tables computed once per dataset (e.g. the edition-resolved figures)
    cache: dict[object, pd.DataFrame] = field(default_factory=dict, compare=False, repr=False)

    @property
    def editions(self) -> list[str]:
        """Editions oldest first (editions are YYYY-MM, so they sort as strings)."""
        return sorted(self.figures["edition"].unique())

    @property
    def latest_edition(self) -> str:
        return self.editions[-1]


class ReleaseSetAside(UserWarning):
    """An imported release failed validation on load and is left out (the message says how to remove it)."""


def _fingerprint(base: Path) -> tuple[tuple[str, str, float], ...]:
    """Which version each edition points at (and when it was written): a new import changes it."""
    return tuple(
        (edition, version.name, (version / "figures.csv").stat().st_mtime if (version / "figures.csv").exists() else 0)
        for edition, version in pointers(base).items()
    )


def load(data_directory: str | Path | None = None) -> Dataset:
    """The dataset: bundled tables plus the releases imported into ``data_directory``.

    Leftovers of killed imports are put right first (:func:`natosim.data.store.recover`). A release
    that fails validation is set aside with one warning naming it and ``natosim data remove EDITION``:
    every other figure stays usable.
    """
    base = data_dir(data_directory)
    recover(base)
    fingerprint = _fingerprint(base)
    # with no imported release the dataset is the bundled one whatever the folder: one cache entry
    # for all of them (each test gets its own empty folder; this keeps one validated copy)
    dataset = _load(str(base) if fingerprint else "", fingerprint)
    for edition, problem in dataset.set_aside:
        key = (str(base), edition, problem)
        if key not in _WARNED:
            _WARNED.add(key)
            warnings.warn(
                f"imported release {edition} is set aside: {problem}. Remove it with `natosim data remove {edition}` "
                "(or re-import it with --replace)",
                ReleaseSetAside,
                stacklevel=2,
            )
    return dataset


_WARNED: set[tuple[str, str, str]] = set()


def _release(
    folder: Path, bundled_figures: pd.DataFrame, sources: pd.DataFrame, allies: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """One imported release, validated against the bundled tables (raises DataError if it is bad)."""
    release_figures = read_table(folder / "figures.csv", "figures")
    release_sources = read_table(folder / "sources.csv", "sources") if (folder / "sources.csv").exists() else None
    known = pd.concat([sources["id"], release_sources["id"]]) if release_sources is not None else sources["id"]
    check_sources(release_figures, known, str(folder / "figures.csv"))
    clash = release_figures["edition"].isin(set(bundled_figures["edition"]))
    if clash.any():
        raise DataError(f"its edition {release_figures['edition'].iloc[0]} is also bundled with natosim")
    unknown = sorted(set(release_figures["iso3"]) - set(allies["iso3"]))
    if unknown:
        raise DataError(f"rows for {', '.join(unknown)}, which are not in the allies table", field="iso3")
    return release_figures, release_sources


@lru_cache(maxsize=8)
def _load(base: str, fingerprint: tuple[tuple[str, str, float], ...]) -> Dataset:
    sources = read_table(BUNDLED / "sources.csv", "sources")
    figures = read_table(BUNDLED / "figures.csv", "figures")
    allies = read_table(BUNDLED / "allies.csv", "allies")
    imported: list[str] = []
    set_aside: list[tuple[str, str]] = []
    extra_sources: list[pd.DataFrame] = []
    extra_figures: list[pd.DataFrame] = []
    seen_editions: set[str] = set()
    for edition, folder in pointers(Path(base)).items() if base else ():
        try:
            release_figures, release_sources = _release(folder, figures, sources, allies)
            editions_here = set(release_figures["edition"])
            if editions_here & seen_editions:
                raise DataError(f"it repeats edition(s) {', '.join(sorted(editions_here & seen_editions))}")
        except DataError as error:
            set_aside.append((edition, str(error)))
            continue
        seen_editions |= editions_here
        if release_sources is not None:
            extra_sources.append(release_sources)
        extra_figures.append(release_figures)
        imported.extend(sorted(editions_here))
    if extra_sources:
        sources = pd.concat([sources, *extra_sources], ignore_index=True).drop_duplicates("id", keep="last")
    if extra_figures:
        figures = pd.concat([figures, *extra_figures], ignore_index=True)
    known = sources["id"]
    check_sources(figures, known, "figures")
    check_sources(allies, known, str(BUNDLED / "allies.csv"))
    comparators = read_table(BUNDLED / "comparators.csv", "comparators")
    check_sources(comparators, known, str(BUNDLED / "comparators.csv"))
    aggregates = read_table(BUNDLED / "aggregates.csv", "aggregates")
    check_sources(aggregates, known, str(BUNDLED / "aggregates.csv"))
    populations = read_table(BUNDLED / "populations.csv", "populations")
    check_sources(populations, known, str(BUNDLED / "populations.csv"))
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
        set_aside=tuple(set_aside),
        populations=populations,
    )


def clear_cache() -> None:
    """Forget the loaded dataset (after an import, or in tests)."""
    _load.cache_clear()
