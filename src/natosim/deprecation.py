"""Renamed public names keep working for one release, with a ``FutureWarning`` naming the new one.

Why one helper: a renamed name must not stay a second public binding (one public name, one
meaning; ``tests/test_public_names.py``), yet old code must keep running and be told how to migrate
(Mesa's style). A module lists its old names and serves them from its ``__getattr__`` (PEP 562), so
they are in neither ``__all__`` nor ``dir()``::

    __getattr__ = renamed(__name__, {"sweep": (exclusion_sweep, "use exclusion_sweep(...)")})
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["renamed"]


def renamed(module: str, names: Mapping[str, tuple[Any, str]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that serves each old name in ``names`` (old → (object, migration hint))."""

    def __getattr__(name: str) -> Any:
        if name in names:
            value, hint = names[name]
            warnings.warn(
                f"{module}.{name} is deprecated and goes in the next release: {hint}", FutureWarning, stacklevel=2
            )
            return value
        raise AttributeError(f"module {module!r} has no attribute {name!r}")

    return __getattr__
