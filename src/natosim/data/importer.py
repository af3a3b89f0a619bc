"""Import a new NATO release (e.g. next year's tables) into the user's data directory.

The file is validated while it is streamed into a new version folder; the release becomes visible
only when its edition's pointer is swapped in one atomic step (:mod:`natosim.data.store`), so an
import is either fully applied or not at all, even if the process is killed at any instant. The
bundled data is never modified: it is overlaid.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import pandas as pd

from natosim.data.loader import clear_cache, load
from natosim.data.paths import data_dir, releases_dir
from natosim.data.schema import read_table, validate_records
from natosim.data.store import failpoint, locked, new_version, point, pointers, remove, seal
from natosim.dates import parse_date
from natosim.errors import DataError, ImportErrorNatosim, InvalidDate
from natosim.limits import limit
from natosim.results import ResultMixin


@dataclass(frozen=True)
class SourceInfo:
    """Provenance of an imported release, required when its source id is new."""

    publication: str
    published: str
    copy_from: str
    publisher: str = "NATO"
    tables: str | None = None
    confidence: str = "high"
    note: str | None = None


@dataclass(frozen=True, repr=False)
class ImportResult(ResultMixin):
    """What an import wrote: the edition, how many rows and allies, the years, the source and where."""

    title: ClassVar[str] = "Imported NATO release"

    edition: str
    rows: int
    allies: int
    years: tuple[int, int]
    source: str
    path: Path

    @property
    def summary(self) -> dict[str, Any]:
        return {
            "edition": self.edition,
            "rows": self.rows,
            "allies": self.allies,
            "years": list(self.years),
            "source": self.source,
            "path": str(self.path),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row: the import's summary."""
        return pd.DataFrame([self.summary])


#: rows validated per step; memory stays bounded whatever the file's size
CHUNK_ROWS = 2_000


def import_release(
    path: str | Path,
    *,
    source: SourceInfo | None = None,
    replace: bool = False,
    data_directory: str | Path | None = None,
    max_size_mb: int | None = None,
    on_rows: Callable[[float], None] | None = None,
) -> ImportResult:
    """Validate ``path`` (the figures schema of docs/data.md) and add it as a new edition.

    The file is read and validated in chunks of :data:`CHUNK_ROWS` rows while it is copied into a
    new version folder, so a bad line stops the import at once, in bounded memory, and a file larger
    than the import limit (:mod:`natosim.limits`, ``max_size_mb``) is refused before it is read. The
    release becomes visible only when the edition's pointer is swapped (:mod:`natosim.data.store`).
    """
    path = Path(path)
    if not path.is_file():
        raise ImportErrorNatosim(f"{path}: no such file", field="file")
    limit("import_mb").check(path.stat().st_size / 1e6, max_size_mb, what=str(path))

    base = data_dir(data_directory)
    dataset = load(base)
    bundled_editions = set(dataset.editions) - set(dataset.imported_editions)
    allies = set(dataset.allies["iso3"])
    known_sources = set(dataset.sources["id"])

    with locked(base):
        version = new_version(base, "import")
        try:
            facts = _stream(path, version / "figures.csv", allies, on_rows)
            edition, source_id = facts.edition, facts.source
            if edition in bundled_editions:
                raise ImportErrorNatosim(
                    f"edition {edition} is bundled with natosim and cannot be replaced; "
                    "give the release its own edition (YYYY-MM of its publication)",
                    field="edition",
                )
            current = pointers(base).get(edition)
            if (current is not None or (releases_dir(base) / edition).is_symlink()) and not replace:
                raise ImportErrorNatosim(
                    f"edition {edition} was already imported; use --replace (or `natosim data remove {edition}`)",
                    field="edition",
                )
            if current is not None and source is None:
                known_sources |= _release_source_ids(current)  # --replace keeps a set-aside release's source
            if source_id not in known_sources and source is None:
                raise ImportErrorNatosim(
                    f"{path}: source id {source_id!r} is new; say where the figures come from "
                    "(--publication, --published, --copy-from)",
                    field="source",
                )
            if source is not None:
                _write_source(source, source_id, version / "sources.csv")
            elif current is not None and (current / "sources.csv").is_file():
                shutil.copyfile(current / "sources.csv", version / "sources.csv")  # --replace keeps provenance
            named = version.with_name(f"{edition}-{version.name.split('-', 1)[1]}")
            os.replace(version, named)
            version = named
            seal(version)
            point(base, edition, version)
        except BaseException:
            shutil.rmtree(version, ignore_errors=True)
            raise
        if current is not None and current != version:
            failpoint("before-old-version-removed")
            shutil.rmtree(current, ignore_errors=True)
    clear_cache()
    return ImportResult(
        edition, facts.rows, len(facts.allies), (min(facts.years), max(facts.years)), source_id, version
    )


def remove_release(edition: str, data_directory: str | Path | None = None) -> Path:
    """Remove an imported edition (also one that was set aside as invalid). Bundled editions stay."""
    import re

    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", edition):
        raise ImportErrorNatosim(f"{edition!r} is not an edition: give YYYY-MM (e.g. 2026-07)", field="edition")
    base = data_dir(data_directory)
    with locked(base):
        if not remove(base, edition):
            imported = sorted(pointers(base))
            raise ImportErrorNatosim(
                f"no imported edition {edition!r} in {releases_dir(base)}; imported: {', '.join(imported) or 'none'} "
                "(bundled editions cannot be removed)",
                field="edition",
            )
    clear_cache()
    return releases_dir(base) / edition


def _release_source_ids(version: Path) -> set[str]:
    """Source ids a release folder declares (none if its sources.csv is missing or invalid)."""
    try:
        return set(read_table(version / "sources.csv", "sources")["id"])
    except DataError:
        return set()


@dataclass
class _Facts:
    edition: str = ""
    source: str = ""
    rows: int = 0
    allies: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)


def _stream(path: Path, target: Path, allies: set[str], on_rows: Callable[[float], None] | None = None) -> _Facts:
    """Validate ``path`` chunk by chunk while copying it to ``target``; stop at the first bad line."""
    facts = _Facts()
    keys: set[tuple[str, int, str]] = set()
    try:
        reader = pd.read_csv(path, dtype=str, keep_default_na=False, chunksize=CHUNK_ROWS)
        with open(target, "w", encoding="utf-8", newline="") as out:
            first_line = 2
            for raw in reader:
                frame = validate_records(raw.reset_index(drop=True), "figures", str(path), first_line=first_line)
                _check_chunk(frame, facts, keys, allies, path, first_line)
                raw.to_csv(out, index=False, header=facts.rows == 0)
                failpoint("import-chunk-written")
                facts.rows += len(frame)
                first_line += len(raw)
                if on_rows is not None:
                    on_rows(len(raw))
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, ValueError) as error:
        raise DataError(f"{path}: not a readable CSV file ({str(error).strip().splitlines()[0]})") from error
    if facts.rows == 0:
        raise ImportErrorNatosim(f"{path}: no rows to import")
    return facts


def _check_chunk(
    frame: pd.DataFrame, facts: _Facts, keys: set[tuple[str, int, str]], allies: set[str], path: Path, first_line: int
) -> None:
    """One edition, one source id, known allies, each key once across the whole file."""
    for column, what in (("edition", "edition"), ("source", "source id")):
        expected = getattr(facts, "source" if column == "source" else "edition") or frame[column].iloc[0]
        other = frame.index[frame[column] != expected]
        if len(other):
            line = int(other[0]) + first_line
            raise ImportErrorNatosim(
                f"{path}, line {line}, field {column!r}: a release holds one {what}; "
                f"found {frame[column].iloc[other[0]]!r} after {expected!r}",
                field=column,
            )
        setattr(facts, "source" if column == "source" else "edition", expected)
    unknown = frame.index[~frame["iso3"].isin(allies)]
    if len(unknown):
        line = int(unknown[0]) + first_line
        raise ImportErrorNatosim(
            f"{path}, line {line}, field 'iso3': {frame['iso3'].iloc[unknown[0]]} is not a NATO ally", field="iso3"
        )
    for offset, key in enumerate(zip(frame["iso3"], frame["year"].astype(int), frame["edition"], strict=True)):
        if key in keys:
            raise DataError(
                f"{path}, line {offset + first_line}: a second row for {key[0]} {key[1]} edition {key[2]}; "
                "each iso3/year/edition must appear once",
                field="iso3",
            )
        keys.add(key)
    facts.allies |= set(frame["iso3"])
    facts.years |= set(int(year) for year in frame["year"])


def _write_source(source: SourceInfo, source_id: str, target: Path) -> None:
    sources = pd.DataFrame(
        [
            {
                "id": source_id,
                "publication": source.publication,
                "publisher": source.publisher,
                "tables": source.tables or "",
                "published": source.published,
                "copy_from": source.copy_from,
                "confidence": source.confidence,
                "note": source.note or "",
            }
        ]
    )
    validate_records(sources.astype(str), "sources", "--publication/--published/--copy-from")
    _check_published(source.published)
    sources.to_csv(target, index=False)


def _check_published(text: str) -> None:
    """--published is a real date (YYYY-MM-DD, YYYY-MM or YYYY) within the modelled range."""
    parts = text.split("-")
    full = text if len(parts) == 3 else f"{text}-01" if len(parts) == 2 else f"{text}-01-01"
    try:
        parse_date(full, "--published")
    except InvalidDate as error:  # say it about the text the user typed
        message = str(error).replace(repr(full), repr(text))
        raise ImportErrorNatosim(message, field="published") from None
