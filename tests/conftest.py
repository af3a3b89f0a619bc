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


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> object:
        import json

        return json.loads(self.out)


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run the real ``natosim`` entry point in-process: ``cli("data", "figures", "--year", "2024")``.

    Returns the exit code, stdout and stderr, exactly as a user would see them (domain errors →
    one line on stderr, exit 2).
    """
    from natosim.cli.main import run

    def invoke(*args: str) -> CliResult:
        monkeypatch.setattr("sys.argv", ["natosim", *args])
        capsys.readouterr()
        try:
            run()
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return invoke
