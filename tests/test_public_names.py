"""One public name, one meaning: no public name of the library is bound to two different objects.

Walks every public module of the library (not the interfaces cli/api/web, whose functions are
command and route handlers named after what they serve): its ``__all__`` and its top-level public
functions and classes. A name may appear in several modules only as a re-export of the same object.
A renamed name stays importable for one release through the module's ``__getattr__`` with a
``FutureWarning`` (``natosim.deprecation.renamed``), so it is not a second public binding.
"""

from __future__ import annotations

import ast
import importlib
import types
from collections import defaultdict
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "natosim"
INTERFACES = {"cli", "api", "web", "__main__"}
#: names that are a protocol, not an API: the claim-kind registry calls each finder module's ``find``
PROTOCOL_NAMES = {"find"}


def _public_modules() -> list[str]:
    modules = []
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if any(p.startswith("_") for p in parts) or (len(parts) > 1 and parts[1] in INTERFACES):
            continue
        modules.append(".".join(parts))
    return modules


def _public_names(module: str) -> set[str]:
    path = SRC.parent / module.replace(".", "/")
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            names |= set(ast.literal_eval(node.value))
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("_"):
            names.add(node.name)
    return names


def _bindings() -> dict[str, dict[int, tuple[object, list[str]]]]:
    """public name → {id(object): (object, modules binding it)} over every public module."""
    found: dict[str, dict[int, tuple[object, list[str]]]] = defaultdict(dict)
    for module in _public_modules():
        imported = importlib.import_module(module)
        for name in _public_names(module):
            value = getattr(imported, name)  # a name in __all__ that is missing fails here
            if isinstance(value, types.ModuleType) or not callable(value):
                continue
            found[name].setdefault(id(value), (value, []))[1].append(module)
    return found


def test_no_public_name_is_bound_to_two_different_objects() -> None:
    twice = {
        name: [f"{getattr(obj, '__module__', '?')}.{name} (in {', '.join(mods)})" for obj, mods in objects.values()]
        for name, objects in _bindings().items()
        if len(objects) > 1 and name not in PROTOCOL_NAMES
    }
    assert not twice, "rename one side (with a FutureWarning shim: natosim.deprecation.renamed):\n" + "\n".join(
        f"{name}: {where}" for name, where in sorted(twice.items())
    )


def test_the_walk_sees_the_whole_library() -> None:
    modules = _public_modules()
    assert {"natosim", "natosim.data", "natosim.rules", "natosim.engines.crisis", "natosim.engines.claims"} <= set(
        modules
    )
    bindings = _bindings()
    # re-exports of one object are one binding: natosim.figures is natosim.data.query.figures
    assert len(bindings["figures"]) == 1
    assert sorted(next(iter(bindings["figures"].values()))[1]) == ["natosim", "natosim.data", "natosim.data.query"]


@pytest.mark.parametrize(
    ("module", "old", "new"),
    [
        ("natosim.engines.burden", "ValidationResult", "ForecastValidation"),
        ("natosim.engines.burden.forecast", "ValidationResult", "ForecastValidation"),
        ("natosim.engines.crisis", "ValidationResult", "CrisisValidation"),
        ("natosim.engines.crisis.validate", "ValidationResult", "CrisisValidation"),
        ("natosim.engines.burden", "sweep", "exclusion_sweep"),
        ("natosim.engines.burden.game", "sweep", "exclusion_sweep"),
        ("natosim.engines.burden", "burden_shares", "burden_share_table"),
        ("natosim.engines.burden.shares", "burden_shares", "burden_share_table"),
        ("natosim.engines.crisis", "evaluate", "outcome"),
        ("natosim.data.query", "check_year", "check_data_year"),
        ("natosim.rules", "clear_cache", "clear_rules_cache"),
        ("natosim.rules.loader", "clear_cache", "clear_rules_cache"),
        ("natosim.data.countries", "normalise", "spelling_key"),
        ("natosim.engines.claims.article", "Article", "NewsArticle"),
    ],
)
def test_a_renamed_name_still_works_with_a_future_warning_and_a_hint(module: str, old: str, new: str) -> None:
    imported = importlib.import_module(module)
    with pytest.warns(FutureWarning, match=f"{old} is deprecated.*use {new}"):
        assert getattr(imported, old) is getattr(imported, new)
    assert old not in vars(imported), f"{module}.{old} must not be a second public binding"
    assert old not in getattr(imported, "__all__", [])


def test_the_old_crisis_sweep_takes_its_old_positional_arguments() -> None:
    """``sweep`` (v1) became ``sweep_crisis`` with keyword-only options; the shim maps the old call."""
    import natosim.engines.crisis as crisis

    with pytest.warns(FutureWarning, match="sweep is deprecated.*use sweep_crisis"):
        old = crisis.sweep
    assert old is not crisis.sweep_crisis and old.__name__ == "_sweep_v1"
