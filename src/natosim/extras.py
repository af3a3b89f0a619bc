"""Optional extras: which third-party libraries a capability needs, and one clear error when they are missing.

The core install (``pip install natosim``) answers the core questions — figures, rules, compliance,
procedures, scenarios, claims on plain text. Heavier capabilities live in extras declared in
``pyproject.toml``; this module is their one home in the code. It is the only place that asks
whether a *third-party* module is importable (``importlib.util.find_spec``): natosim's own modules
are always imported directly, so a broken import of natosim's code propagates instead of making a
capability silently disappear.

    natosim.extras.require("crisis")   # raises MissingExtra: "… pip install 'natosim[crisis]'"
"""

from __future__ import annotations

from importlib.util import find_spec

from natosim.errors import NatosimError

__all__ = ["EXTRAS", "MissingExtra", "installed", "missing", "require"]

#: extra name → the importable third-party modules it provides (keep in step with pyproject.toml)
EXTRAS: dict[str, tuple[str, ...]] = {
    "crisis": ("dask", "distributed", "duckdb", "SALib"),
    "web": ("fastapi", "uvicorn", "jinja2"),
    "claims-html": ("trafilatura",),
    "plots": ("matplotlib",),
    "burden": ("statsmodels",),
}


class MissingExtra(NatosimError):
    """A capability was asked for whose optional libraries are not installed."""

    kind = "missing_extra"


def missing(extra: str) -> list[str]:
    """The modules of ``extra`` that cannot be imported (empty when the extra is installed)."""
    if extra not in EXTRAS:
        raise KeyError(f"no extra {extra!r}; known: {', '.join(EXTRAS)}")
    return [module for module in EXTRAS[extra] if find_spec(module) is None]


def installed(extra: str) -> bool:
    """True when every library of ``extra`` can be imported."""
    return not missing(extra)


def require(extra: str, *, what: str | None = None) -> None:
    """Raise :class:`MissingExtra` (one line naming the pip command) unless ``extra`` is installed."""
    absent = missing(extra)
    if absent:
        needs = what or f"this command ({extra})"
        raise MissingExtra(
            f"{needs} needs {', '.join(absent)}, not installed: pip install 'natosim[{extra}]'", field="extra"
        )
