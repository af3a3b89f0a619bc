"""The store of imported releases: versioned folders, one atomically replaced pointer per edition.

Layout under ``<data dir>/releases``::

    .versions/2026-06-<ns>-<pid>/figures.csv, sources.csv, COMPLETE   one folder per import
    2026-06 -> .versions/2026-06-<ns>-<pid>                           the pointer (a symlink)
    .lock                                                             held by imports and clean-up

Why: an import writes a complete new version folder (fsync-ed, then marked ``COMPLETE``), then
swaps the edition's pointer with one ``os.replace`` of a symlink — atomic on POSIX. A kill at any
instant leaves either the old pointer or the new one, never no edition. Whatever a killed import
left behind is put right by :func:`recover` (run on the next load): incomplete versions and stray
temporary links are removed; a complete version that no pointer names and whose edition has no
pointer is re-linked (recovered); superseded versions are removed. Folders written by older natosim
(``releases/<edition>/`` as a real folder, ``.retired-*``/``.import-*`` leftovers) are migrated or
cleaned the same way.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

from natosim.data.paths import releases_dir
from natosim.errors import DataError

COMPLETE = "COMPLETE"
VERSIONS = ".versions"
LOCK = ".lock"


FAILPOINT_VARIABLE = "NATOSIM_FAILPOINT"


def failpoint(name: str) -> None:
    """Kill this process (SIGKILL, no clean-up) here if $NATOSIM_FAILPOINT names this point.

    Only the fault suite (tests/safety/test_faults.py) sets the variable: it proves that a kill at
    each step of an import or a removal loses nothing and leaves nothing behind after recovery.
    """
    if os.environ.get(FAILPOINT_VARIABLE) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def versions_dir(base: Path) -> Path:
    return releases_dir(base) / VERSIONS


@contextlib.contextmanager
def locked(base: Path, *, wait: bool = True) -> Iterator[bool]:
    """Hold the store's lock (``flock``); with ``wait=False`` yield False at once if someone else holds it."""
    folder = releases_dir(base)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / LOCK, "a+b")  # noqa: SIM115  (closed below, after the lock is released)
    except OSError as error:
        raise DataError(
            f"{base}: cannot be used as natosim's data directory ({error.strerror}); "
            "give a writable folder with --data-dir or NATOSIM_DATA_DIR",
            field="data_dir",
        ) from None
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _fsync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def new_version(base: Path, edition: str) -> Path:
    """A fresh, empty version folder for ``edition`` (not yet complete, not yet pointed at)."""
    folder = versions_dir(base)
    folder.mkdir(parents=True, exist_ok=True)
    version = folder / f"{edition}-{time.time_ns()}-{os.getpid()}"
    version.mkdir()
    return version


def seal(version: Path) -> None:
    """Flush every file of ``version`` to disk, then mark it complete (the marker is written last)."""
    for written in version.iterdir():
        with open(written, "rb") as handle:
            os.fsync(handle.fileno())
    failpoint("before-seal")
    marker = version / COMPLETE
    with open(marker, "w", encoding="utf-8") as handle:
        handle.write("complete\n")
        handle.flush()
        os.fsync(handle.fileno())
    _fsync_dir(version)


def point(base: Path, edition: str, version: Path) -> None:
    """Make ``releases/<edition>`` name ``version``, in one atomic step (``os.replace`` of a symlink)."""
    folder = releases_dir(base)
    temporary = folder / f".link-{edition}-{os.getpid()}-{time.time_ns()}"
    os.symlink(os.path.join(VERSIONS, version.name), temporary)
    failpoint("before-pointer-swap")
    os.replace(temporary, folder / edition)
    _fsync_dir(folder)
    failpoint("after-pointer-swap")


def pointers(base: Path) -> dict[str, Path]:
    """Edition → version folder for every edition with a live pointer (legacy real folders included)."""
    folder = releases_dir(base)
    if not folder.is_dir():
        return {}
    found: dict[str, Path] = {}
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or not entry.is_dir():  # hidden, or a dangling pointer
            continue
        found[entry.name] = entry.resolve()
    return found


def remove(base: Path, edition: str) -> bool:
    """Remove an imported edition: the version folder is moved to the trash first (atomic), so a kill
    leaves either the edition or nothing, never a half edition. True if there was one.
    The caller holds the lock (:func:`locked`)."""
    folder = releases_dir(base)
    entry = folder / edition
    if not entry.exists() and not entry.is_symlink():
        return False
    if entry.is_symlink():
        target = entry.resolve()
        if target.exists():
            os.replace(target, versions_dir(base) / f".trash-{target.name}")
        failpoint("remove-after-trash")
        entry.unlink()
    else:  # a legacy real folder
        os.replace(entry, folder / f".trash-{edition}-{time.time_ns()}")
    _fsync_dir(folder)
    _recover(base)
    return True


def recover(base: Path) -> list[str]:
    """Put right whatever killed imports or removals left; return what was done (one line each).

    Runs only if no import holds the lock (an import in progress is not a leftover).
    """
    if not releases_dir(base).is_dir():
        return []
    with locked(base, wait=False) as mine:
        return _recover(base) if mine else []


def _recover(base: Path) -> list[str]:
    """:func:`recover`, the lock already held."""
    folder = releases_dir(base)
    done: list[str] = []
    versions = versions_dir(base)
    versions.mkdir(exist_ok=True)
    # 1. older natosim: a real folder per edition (migrate), .import-* (staging), .retired-* (old copy)
    for entry in sorted(folder.iterdir()):
        name = entry.name
        if entry.is_dir() and not entry.is_symlink() and not name.startswith("."):
            (entry / COMPLETE).write_text("complete\n", encoding="utf-8")
            target = versions / f"{name}-legacy-{time.time_ns()}"
            os.replace(entry, target)
            point(base, name, target)
            done.append(f"migrated {name} to a versioned release")
        elif name.startswith((".import-", ".trash-")) or (name.startswith(".link-") and entry.is_symlink()):
            _discard(entry)
            done.append(f"removed leftover {name}")
        elif name.startswith(".retired-") and entry.is_dir():
            edition = name[len(".retired-") :].rsplit("-", 1)[0]
            if not (folder / edition).exists() and (entry / "figures.csv").is_file():
                (entry / COMPLETE).write_text("complete\n", encoding="utf-8")
                target = versions / f"{edition}-recovered-{time.time_ns()}"
                os.replace(entry, target)
                point(base, edition, target)
                done.append(f"recovered edition {edition} from {name}")
            else:
                _discard(entry)
                done.append(f"removed leftover {name}")
    # 2. dangling pointers (their version was trashed by a removal that was killed)
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink() and not entry.exists():
            entry.unlink()
            done.append(f"removed dangling pointer {entry.name}")
    # 3. versions: incomplete → remove; superseded → remove; orphaned but complete → re-link
    live = {path.name for path in pointers(base).values()}
    for version in sorted(versions.iterdir()):
        if version.name in live:
            continue
        if version.name.startswith(".trash-") or not (version / COMPLETE).is_file():
            _discard(version)
            done.append(f"removed incomplete or discarded {version.name}")
            continue
        edition = version.name.split("-")[0] + "-" + version.name.split("-")[1]
        if (folder / edition).exists():
            _discard(version)
            done.append(f"removed superseded {version.name}")
        else:
            point(base, edition, version)
            live.add(version.name)
            done.append(f"recovered edition {edition} from {version.name}")
    return done


def _discard(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)
