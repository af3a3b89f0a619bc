"""Import a new NATO release (e.g. next year's tables) into the user's data directory.

The file is validated completely before anything is written; the release is then written into a
temporary folder beside its destination and renamed into place in one step, so an import is
either fully applied or not at all. The bundled data is never modified: it is overlaid.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from natosim.data.loader import clear_cache, load
from natosim.data.paths import data_dir, releases_dir
from natosim.data.schema import validate_records
from natosim.errors import DataError, ImportErrorNatosim


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


@dataclass(frozen=True)
class ImportResult:
    edition: str
    rows: int
    allies: int
    years: tuple[int, int]
    source: str
    path: Path


def import_release(
    path: str | Path,
    *,
    source: SourceInfo | None = None,
    replace: bool = False,
    data_directory: str | Path | None = None,
) -> ImportResult:
    """Validate ``path`` (the figures schema of docs/data.md) and add it as a new edition."""
    path = Path(path)
    if not path.is_file():
        raise ImportErrorNatosim(f"{path}: no such file")
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError, ValueError) as error:
        raise DataError(f"{path}: not a readable CSV file ({str(error).strip().splitlines()[0]})") from error
    frame = validate_records(raw, "figures", str(path))
    if frame.empty:
        raise ImportErrorNatosim(f"{path}: no rows to import")
    editions = sorted(frame["edition"].unique())
    if len(editions) != 1:
        raise ImportErrorNatosim(f"{path}: a release holds one edition; found {', '.join(editions)}", field="edition")
    edition = editions[0]
    source_ids = sorted(frame["source"].unique())
    if len(source_ids) != 1:
        raise ImportErrorNatosim(
            f"{path}: a release names one source id; found {', '.join(source_ids)}", field="source"
        )
    source_id = source_ids[0]

    base = data_dir(data_directory)
    dataset = load(base)
    destination = releases_dir(base) / edition
    bundled_editions = set(dataset.editions) - set(dataset.imported_editions)
    if edition in bundled_editions:
        raise ImportErrorNatosim(
            f"edition {edition} is bundled with natosim and cannot be replaced; "
            "give the release its own edition (YYYY-MM of its publication)",
            field="edition",
        )
    if destination.exists() and not replace:
        raise ImportErrorNatosim(
            f"edition {edition} was already imported ({destination}); use --replace", field="edition"
        )
    unknown_allies = sorted(set(frame["iso3"]) - set(dataset.allies["iso3"]))
    if unknown_allies:
        raise ImportErrorNatosim(
            f"{path}: rows for {', '.join(unknown_allies)}, which are not NATO allies", field="iso3"
        )
    known_source = source_id in set(dataset.sources["id"])
    if not known_source and source is None:
        raise ImportErrorNatosim(
            f"{path}: source id {source_id!r} is new; say where the figures come from "
            "(--publication, --published, --copy-from)",
            field="source",
        )

    releases = releases_dir(base)
    releases.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".import-{edition}-", dir=releases))
    try:
        raw.to_csv(staging / "figures.csv", index=False)
        if source is not None:
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
            sources.to_csv(staging / "sources.csv", index=False)
        for written in staging.iterdir():
            with open(written, "rb") as handle:
                os.fsync(handle.fileno())
        if destination.exists():
            retired = releases / f".retired-{edition}-{os.getpid()}"
            os.replace(destination, retired)
            os.replace(staging, destination)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(staging, destination)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    clear_cache()
    years = (int(frame["year"].min()), int(frame["year"].max()))
    return ImportResult(edition, len(frame), frame["iso3"].nunique(), years, source_id, destination)
