"""The package's layer order, read from the source with ``ast``, so an upward import cannot come back.

Layers, lowest first (docs/architecture.md): the foundation (errors, limits, dates, results,
jsonable, yamlio, extras, deprecation) < data < rules < state < metrics < policies < scenario, briefing, plots
< engines < the ``natosim`` facade < the interfaces (cli, api, web). A module may import its own
layer or a lower one, never a higher one; the library never imports an interface. Imports under
``if TYPE_CHECKING:`` count too (a type annotation is still a dependency).

Imports of natosim's own modules sit at module level; the few inside a function break a real
import cycle or keep an optional extra lazy, and say which on their line (checked below).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "natosim"

#: top-level module or subpackage of natosim → its layer (a higher number may import a lower one)
LAYERS: dict[str, int] = {
    "errors": 0,
    "limits": 0,
    "dates": 0,
    "results": 0,
    "jsonable": 0,
    "yamlio": 0,
    "extras": 0,
    "deprecation": 0,
    "data": 1,
    "rules": 2,
    "state": 3,
    "metrics": 4,
    "policies": 5,
    "scenario": 6,
    "briefing": 6,
    "plots": 6,
    "engines": 7,
    "__init__": 8,  # the facade: natosim's own __init__ (lazy re-exports)
    "cli": 9,
    "api": 9,
    "web": 9,
    "__main__": 9,
}
INTERFACES = {"cli", "api", "web", "__main__"}
#: names read from the facade itself that are not a layer (the single-sourced version)
FACADE_CONSTANTS = {"__version__"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer_key(module: str) -> str:
    parts = module.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


@cache
def _own_imports(path: Path) -> tuple[tuple[int, str, bool], ...]:
    """(line, imported natosim module, inside a function) for every import of natosim's own code."""
    return tuple(_walk_imports(path))


def _walk_imports(path: Path) -> Iterator[tuple[int, str, bool]]:
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    in_function = {id(child) for f in functions for child in ast.walk(f)}
    for node in ast.walk(tree):
        targets: list[str] = []
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base == "natosim":  # from natosim import rules / __version__
                targets = [
                    "natosim" if alias.name in FACADE_CONSTANTS else f"natosim.{alias.name}" for alias in node.names
                ]
            else:
                targets = [base]
        for target in targets:
            if target == "natosim" or target.startswith("natosim."):
                yield node.lineno, target, id(node) in in_function


def _library_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_every_top_level_module_has_a_layer() -> None:
    names = {p.stem if p.parent == SRC else p.relative_to(SRC).parts[0] for p in _library_files()}
    assert names <= set(LAYERS), f"give these a layer in LAYERS (and docs/architecture.md): {names - set(LAYERS)}"


def test_no_module_imports_a_higher_layer() -> None:
    upward = []
    for path in _library_files():
        module = _module_name(path)
        own = LAYERS[_layer_key(module)]
        for line, target, _ in _own_imports(path):
            if target == "natosim" and module != "natosim":
                continue  # `from natosim import __version__`: the version, not a layer
            theirs = LAYERS[_layer_key(target)]
            if theirs > own:
                upward.append(
                    f"{path.relative_to(SRC.parent)}:{line}: {module} (layer {own}) imports {target} ({theirs})"
                )
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_the_library_never_imports_an_interface() -> None:
    found = [
        f"{path.relative_to(SRC.parent)}:{line}: {target}"
        for path in _library_files()
        if _layer_key(_module_name(path)) not in INTERFACES
        for line, target, _ in _own_imports(path)
        if _layer_key(target) in INTERFACES
    ]
    assert not found


def test_function_level_imports_of_own_modules_say_why() -> None:
    """Library code imports its own modules at module level; an exception names its reason.

    The accepted reasons: a real import cycle, or keeping an optional extra (or a heavy engine
    behind a command) lazy. The reason is a comment on the import line or the line above it.
    """
    unexplained = []
    for path in _library_files():
        if _layer_key(_module_name(path)) in INTERFACES:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for line, target, in_function in _own_imports(path):
            if in_function and "#" not in lines[line - 1] and not lines[line - 2].strip().startswith("#"):
                unexplained.append(f"{path.relative_to(SRC.parent)}:{line}: {target}")
    assert not unexplained, "move to module level, or say why on the line:\n" + "\n".join(unexplained)


def test_the_policy_layer_finds_the_burden_engines_response_model_through_its_entry_point() -> None:
    """policies → engines is an entry point (pyproject.toml), not an import: it resolves to the engine's model."""
    from natosim.engines.burden.response import predicted_response
    from natosim.policies.response import response_model

    assert response_model() is predicted_response


def test_a_missing_response_model_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from natosim.policies import response
    from natosim.policies.base import PolicyError

    monkeypatch.setattr(response, "entry_points", lambda **_: [])
    response.response_model.cache_clear()
    try:
        with pytest.raises(PolicyError, match=r"reinstall it \(pip install -e \. or make setup\)"):
            response.response_model("nowhere")
    finally:
        response.response_model.cache_clear()
