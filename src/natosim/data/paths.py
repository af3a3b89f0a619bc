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


CACHE_ENV_VAR = "NATOSIM_CACHE_DIR"


def cache_dir() -> Path:
    """natosim's cache directory: $NATOSIM_CACHE_DIR, else the platform default (created on use)."""
    if os.environ.get(CACHE_ENV_VAR):
        return Path(os.environ[CACHE_ENV_VAR]).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("natosim", appauthor=False))


def matplotlib_ready() -> None:
    """Point matplotlib's config/cache at natosim's cache dir and select the file-only Agg backend.

    Call before the first ``import matplotlib`` anywhere (plot code calls it first): matplotlib
    reads MPLCONFIGDIR once, at import, and otherwise writes its font cache into the home
    directory. A MPLCONFIGDIR the user set is respected.
    """
    if not os.environ.get("MPLCONFIGDIR"):
        folder = cache_dir() / "matplotlib"
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["MPLCONFIGDIR"] = str(folder)
    import matplotlib

    matplotlib.use("Agg")


def public_mode() -> int:
    """The mode a newly created file gets under the user's umask (0644 under the usual 022).

    ``tempfile.mkstemp`` creates files 0600; a plot or export written through a temporary file
    and renamed into place must be chmod-ed to this, or it ends up readable by its owner only.
    """
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def replace_public(temporary: str | Path, target: str | Path) -> None:
    """Give ``temporary`` the normal file mode and rename it onto ``target`` in one step."""
    os.chmod(temporary, public_mode())
    os.replace(temporary, target)
