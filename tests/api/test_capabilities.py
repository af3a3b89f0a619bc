"""The capability registry: with every extra installed every capability is mounted, and a renamed
library export the API uses breaks the app (tests fail) instead of dropping routes (tests skip)."""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

import natosim
from natosim.api import create_app
from natosim.api.capabilities import CAPABILITIES

API = Path(natosim.__file__).resolve().parent / "api"


def test_every_capability_is_mounted_when_its_extra_is_installed(settings) -> None:
    app = create_app(settings, web=False)
    assert app.state.mounted == tuple(c.name for c in CAPABILITIES)
    paths = set(app.openapi()["paths"])
    for capability in CAPABILITIES:
        base = "/api" + capability.prefix
        assert any(p == base or p.startswith(base + "/") for p in paths), capability.name


def _natosim_names_used_by_the_api() -> list[tuple[str, str, str]]:
    """(file, module, name) for every natosim name the API uses: ``from natosim.x import name`` at any
    depth, and ``alias.name`` where ``alias`` is a natosim module imported with ``from … import``."""
    used = []
    for path in sorted(API.rglob("*.py")):
        tree = ast.parse(path.read_text())
        modules: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("natosim"):
                for alias in node.names:
                    used.append((path.name, node.module or "", alias.name))
                    if isinstance(getattr(importlib.import_module(node.module or ""), alias.name, None), ModuleType):
                        modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
                used.append((path.name, modules[node.value.id], node.attr))
    return sorted(set(used))


@pytest.mark.parametrize(("where", "module", "name"), _natosim_names_used_by_the_api())
def test_every_library_name_the_api_uses_exists(where: str, module: str, name: str) -> None:
    imported = importlib.import_module(module)
    assert hasattr(imported, name), f"{where} uses {name} from {module}, which no longer exports it"


def test_a_renamed_export_breaks_the_app_instead_of_hiding_routes(monkeypatch, settings) -> None:
    import natosim.engines.crisis.theatre as theatre

    monkeypatch.delattr(theatre, "build_theatre")  # as if it had been renamed
    monkeypatch.delitem(sys.modules, "natosim.api.routers.crisis", raising=False)
    with pytest.raises(ImportError, match="build_theatre"):
        create_app(settings, web=False)
