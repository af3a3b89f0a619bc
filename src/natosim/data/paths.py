"""Where natosim keeps the user's own data (imported releases, the crisis-run database)."""

from __future__ import annotations

import os
from pathlib import Path

BUNDLED = Path(__file__).resolve().parent / "bundled"
ENV_VAR = "NATOSIM_DATA_DIR"


def data_dir(override: str | Path | None = None) -> Path:
    """The user data directory: ``override``, else $NATOSIM_DATA_DIR, else the platform default."""
    if override:
        return Path(override).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("natosim", appauthor=False))


def releases_dir(base: Path) -> Path:
    return base / "releases"
