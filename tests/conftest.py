"""Shared fixtures: every test runs with its own empty user data directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point NATOSIM_DATA_DIR at a fresh folder so no test reads or writes the user's real data."""
    folder = tmp_path_factory.mktemp("natosim-data")
    monkeypatch.setenv("NATOSIM_DATA_DIR", str(folder))
    yield folder
