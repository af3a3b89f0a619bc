"""Schema validation rejects broken files clearly; imports are atomic and overlay the bundled data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import natosim
from natosim.data import clear_cache, load
from natosim.data.importer import SourceInfo, import_release
from natosim.data.schema import read_table
from natosim.errors import DataError, ImportErrorNatosim, NatosimError

BUNDLED = Path(natosim.__file__).parent / "data" / "bundled"
SOURCE = SourceInfo("Defence Expenditure of NATO Countries (2014-2026)", "2026-07-10", "test fixture")


def new_release(tmp_path: Path, edition: str = "2026-07", **changes: object) -> Path:
    """A small release built from real 2024-06 rows re-labelled as a new edition."""
    raw = pd.read_csv(BUNDLED / "figures.csv", dtype=str, keep_default_na=False)
    rows = raw[(raw["edition"] == "2024-06") & (raw["year"] == "2024")].copy()
    rows["edition"] = edition
    rows["source"] = "nato-2026-07"
    for column, value in changes.items():
        rows[column] = value
    path = tmp_path / "release.csv"
    rows.to_csv(path, index=False)
    return path


def test_bundled_tables_validate() -> None:
    dataset = load()
    assert len(dataset.figures) == 725 and len(dataset.allies) == 32


def test_broken_file_names_file_line_and_field(tmp_path: Path) -> None:
    raw = (BUNDLED / "figures.csv").read_text().splitlines()
    header = raw[0].split(",")
    cells = raw[5].split(",")
    cells[header.index("defence_exp_pct_gdp")] = "75.0"  # out of range
    raw[5] = ",".join(cells)
    broken = tmp_path / "figures.csv"
    broken.write_text("\n".join(raw))
    with pytest.raises(DataError) as caught:
        read_table(broken, "figures")
    message = str(caught.value)
    assert "figures.csv, line 6, field 'defence_exp_pct_gdp'" in message and "50" in message


def test_duplicate_key_rejected(tmp_path: Path) -> None:
    raw = (BUNDLED / "figures.csv").read_text().splitlines()
    broken = tmp_path / "figures.csv"
    broken.write_text("\n".join([*raw[:3], raw[2]]))
    with pytest.raises(DataError, match="more than one row"):
        read_table(broken, "figures")


def test_missing_column_rejected(tmp_path: Path) -> None:
    broken = tmp_path / "figures.csv"
    broken.write_text("iso3,year\nDEU,2024\n")
    with pytest.raises(DataError, match="missing column"):
        read_table(broken, "figures")


@pytest.mark.usefixtures("writable_data_dir")  # imports a release
def test_import_overlays_and_shows_in_sources(tmp_path: Path) -> None:
    result = import_release(new_release(tmp_path), source=SOURCE)
    assert result.edition == "2026-07" and result.rows == 32
    assert natosim.editions()[-1] == "2026-07"
    table = natosim.figures(year=2024)
    assert set(table["edition_defence_exp_pct_gdp"].dropna()) == {"2026-07"}
    sources = natosim.sources()
    assert sources.set_index("id").loc["nato-2026-07", "imported"]


def test_failing_import_leaves_previous_data_untouched(tmp_path: Path, writable_data_dir: Path) -> None:
    import_release(new_release(tmp_path), source=SOURCE)
    before = sorted(p.relative_to(writable_data_dir) for p in writable_data_dir.rglob("*"))
    (tmp_path / "bad").mkdir()
    bad = new_release(tmp_path / "bad", defence_exp_pct_gdp="-1")
    with pytest.raises(DataError):
        import_release(bad, source=SOURCE, replace=True)
    after = sorted(p.relative_to(writable_data_dir) for p in writable_data_dir.rglob("*"))
    assert before == after
    clear_cache()
    assert natosim.figures(year=2024).set_index("iso3").loc["USA", "edition"] == "2026-07"


@pytest.mark.usefixtures("writable_data_dir")  # imports a release
def test_import_refuses_bundled_edition_and_unsourced(tmp_path: Path) -> None:
    with pytest.raises(ImportErrorNatosim, match="bundled"):
        import_release(new_release(tmp_path, edition="2024-06"), source=SOURCE)
    with pytest.raises(ImportErrorNatosim, match="source id 'nato-2026-07' is new"):
        import_release(new_release(tmp_path))
    import_release(new_release(tmp_path), source=SOURCE)
    with pytest.raises(ImportErrorNatosim, match="--replace"):
        import_release(new_release(tmp_path), source=SOURCE)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.binary(max_size=400))
def test_import_of_any_bytes_never_crashes(tmp_path: Path, blob: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(blob)
    with pytest.raises(NatosimError):
        import_release(path, source=SOURCE)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    st.sampled_from(["defence_exp_pct_gdp", "year", "iso3", "estimate", "edition", "population_thousands"]),
    st.text(max_size=12),
)
def test_import_of_any_cell_value_is_validated(tmp_path: Path, column: str, value: str) -> None:
    path = new_release(tmp_path, **{column: value})
    try:
        import_release(path, source=SOURCE, replace=True)
    except NatosimError:
        return
