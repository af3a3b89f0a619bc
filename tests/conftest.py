"""Shared fixtures: tests that only read share one read-only data directory; a test that writes
asks for its own (``writable_data_dir``).

Why: the data directory is where natosim writes (imported releases, the crisis-run database), so a
test that writes without saying so would leak state into the tests after it. The shared folder is
read-only twice over: its mode is 0555 (enough for an ordinary user) and an audit hook refuses any
write under it from this process (root ignores file modes); a write by native code (DuckDB) is
caught when the session ends, because the folder must still be empty then.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

#: folders no test may write into (the session's read-only data directory)
_READ_ONLY: list[str] = []
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_PATH_EVENTS = {"os.mkdir", "os.remove", "os.rmdir", "os.truncate", "os.link", "os.symlink", "shutil.rmtree"}


def _read_only_path(path: Any) -> str | None:
    if isinstance(path, int) or path is None:
        return None
    text = os.path.abspath(os.fsdecode(path))
    return text if any(text == folder or text.startswith(folder + os.sep) for folder in _READ_ONLY) else None


def _refuse_writes(event: str, args: tuple[Any, ...]) -> None:
    if not _READ_ONLY:
        return
    if event == "open":
        path, mode, flags = args
        writing = any(c in mode for c in "wax+") if isinstance(mode, str) else bool(flags & _WRITE_FLAGS)
        targets = [path] if writing else []
    elif event in ("os.rename", "os.replace"):
        targets = [args[0], args[1]]
    elif event in _PATH_EVENTS:
        targets = [args[0]]
    else:
        return
    for target in targets:
        hit = _read_only_path(target)
        if hit is not None:
            raise PermissionError(
                f"{event} {hit}: the shared test data directory is read-only; "
                "a test that writes asks for writable_data_dir"
            )


sys.addaudithook(_refuse_writes)


@pytest.fixture(scope="session")
def readonly_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One empty data directory for every test of the session that only reads (mode 0555)."""
    folder = tmp_path_factory.mktemp("natosim-data-readonly")
    folder.chmod(0o555)
    _READ_ONLY.append(os.path.abspath(folder))
    yield folder
    _READ_ONLY.remove(os.path.abspath(folder))
    folder.chmod(0o755)
    written = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    assert not written, f"a test wrote into the read-only data directory: {written}; give it writable_data_dir"


@pytest.fixture(autouse=True)
def isolated_data_dir(readonly_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """NATOSIM_DATA_DIR → the shared read-only folder, so no test touches the user's real data.

    A test that left something there anyway (native code, e.g. DuckDB, is not seen by the audit
    hook) errors at its teardown, naming what it wrote; the folder is emptied for the next test.
    """
    monkeypatch.setenv("NATOSIM_DATA_DIR", str(readonly_data_dir))
    yield readonly_data_dir
    written = sorted(os.listdir(readonly_data_dir))
    if written:
        _READ_ONLY.remove(os.path.abspath(readonly_data_dir))
        try:
            readonly_data_dir.chmod(0o755)
            for name in written:
                target = readonly_data_dir / name
                shutil.rmtree(target) if target.is_dir() else target.unlink()
            readonly_data_dir.chmod(0o555)
        finally:
            _READ_ONLY.append(os.path.abspath(readonly_data_dir))
        pytest.fail(f"this test wrote {written} into the read-only data directory; give it writable_data_dir")


@pytest.fixture
def writable_data_dir(
    isolated_data_dir: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A fresh, empty, writable data directory of this test's own (NATOSIM_DATA_DIR points at it)."""
    folder = tmp_path_factory.mktemp("natosim-data")
    monkeypatch.setenv("NATOSIM_DATA_DIR", str(folder))
    return folder


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
