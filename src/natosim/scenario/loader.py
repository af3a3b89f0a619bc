"""Read a scenario file, or a bundled one by name; every error names the file, line and field.

Validation is pydantic's (:mod:`natosim.scenario.schema`); the line comes from YAML's own node
marks: the file is composed once into a node tree (``yaml.compose``) and each pydantic error
location (``policies → 0 → min_pct_gdp``) is walked down that tree to the node it points at. A
missing field points at the mapping that lacks it. Whatever the input — not YAML, not a mapping,
a list where a number belongs — the only exception that leaves this module is
:class:`ScenarioError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from natosim.errors import NatosimError
from natosim.limits import check_date, limit
from natosim.policies import POLICY_TYPES
from natosim.scenario.schema import Period, Scenario, SourceRef
from natosim.yamlio import load_with_nodes

LIBRARY_PACKAGE = "natosim.scenario"
LIBRARY_FOLDER = "library"


class ScenarioError(NatosimError):
    """A scenario file is wrong: ``file``, ``line`` and ``field`` say where, the message what is allowed."""

    kind = "scenario_error"

    def __init__(
        self, message: str, *, file: str | None = None, line: int | None = None, field: str | None = None
    ) -> None:
        where = ":".join(str(part) for part in (file, line) if part is not None)
        super().__init__(f"{where}: {message}" if where else message, field=field)
        self.file, self.line = file, line


# ---------------------------------------------------------------------------------------------
# the library
# ---------------------------------------------------------------------------------------------


def library_dir() -> Path:
    """The bundled scenarios (package data, so they exist in an installed natosim too)."""
    return Path(str(resources.files(LIBRARY_PACKAGE).joinpath(LIBRARY_FOLDER)))


def library() -> list[str]:
    """Names of the bundled scenarios, sorted."""
    return sorted(path.stem for path in library_dir().glob("*.yaml"))


def locate(name_or_file: str | Path) -> Path:
    """A bundled scenario's file by name (with or without .yaml), else the path given."""
    text = str(name_or_file)
    bundled = library_dir() / (text if text.endswith(".yaml") else f"{text}.yaml")
    if "/" not in text and "\\" not in text and bundled.is_file():
        return bundled
    path = Path(text).expanduser()
    if path.is_file():
        return path
    import difflib

    names = library()
    close = difflib.get_close_matches(Path(text).stem, names, n=3)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise ScenarioError(
        f"no scenario {text!r}: not a bundled name nor a file.{hint} Bundled: {', '.join(names)}", field="scenario"
    )


def load_scenario(name_or_file: str | Path) -> Scenario:
    """The scenario named (bundled) or stored at a path, validated."""
    path = locate(name_or_file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError(f"cannot read: {error}", file=str(path)) from None
    return parse(text, str(path))


def load_all() -> list[Scenario]:
    return [load_scenario(name) for name in library()]


# ---------------------------------------------------------------------------------------------
# parsing, with lines
# ---------------------------------------------------------------------------------------------


def parse(text: str, file: str = "<scenario>") -> Scenario:
    """Validate the YAML ``text`` of a scenario; ``file`` names it in errors."""
    limit("scenario_kb").check(len(text.encode("utf-8", "replace")) / 1024, what=file)
    try:
        data, root = load_with_nodes(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ScenarioError(
            f"not valid YAML: {problem}", file=file, line=mark.line + 1 if mark is not None else None
        ) from None
    except RecursionError:
        raise ScenarioError("not valid YAML: nested too deeply", file=file) from None
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        raise ScenarioError(
            f"a scenario is a mapping of keys (name, description, sources, period, "
            f"baseline_year, policies); found {found}",
            file=file,
            line=1,
        )
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        raise _scenario_error(error, root, file) from None
    except RecursionError:
        raise ScenarioError("the scenario refers to itself (a recursive YAML alias)", file=file) from None
    except NatosimError as error:  # a domain error raised while validating (e.g. a data problem)
        raise ScenarioError(str(error), file=file, field=error.field) from None
    _check_dates(scenario, root, file)
    scenario._path = file
    policies, _ = _walk(root, ("policies",))
    if isinstance(policies, yaml.SequenceNode):
        scenario._policy_lines = [node.start_mark.line + 1 for node in policies.value]
    return scenario


def _dates(value: Any, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], dt.date]]:
    """Every (location, date) inside a validated scenario, depth first."""
    if isinstance(value, dt.date):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _dates(item, (*path, key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _dates(item, (*path, index))


def _check_dates(scenario: Scenario, root: Any, file: str) -> None:
    """Every date in the file lies in the range natosim models (limits.model_range): a notice given
    in 9999 is refused here, with its line and field, not deep inside a procedure."""
    for loc, value in _dates(scenario.model_dump(), ()):
        try:
            check_date(value)
        except NatosimError as error:
            node, field = _walk(root, loc)
            dotted = ".".join(field) or None
            message = str(error).split(": ", 1)[-1]
            raise ScenarioError(
                f"{dotted}: {message}" if dotted else message,
                file=file,
                line=node.start_mark.line + 1 if node is not None else None,
                field=dotted,
            ) from None


def _walk(node: Any, loc: Sequence[Any]) -> tuple[Any, list[str]]:
    """The deepest YAML node ``loc`` reaches, and the part of ``loc`` that names real keys."""
    field: list[str] = []
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                    node = value
                    field.append(str(part))
                    break
            else:
                continue  # a pydantic-only part (a union tag, a validator name): stay here
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
            field.append(str(part))
        else:
            continue
    return node, field


def _key_node(node: Any, key: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for k, _value in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k
    return None


def _model_at(loc: Sequence[Any]) -> type[BaseModel] | None:
    """The model a location's last mapping belongs to (for the list of allowed fields)."""

    parts = [p for p in loc if not isinstance(p, int)]
    if not parts:
        return Scenario
    head = parts[0]
    if head == "policies":
        for part in parts[1:]:
            if part in POLICY_TYPES:
                return POLICY_TYPES[part]
        return None
    if head == "sources":
        return SourceRef
    if head == "period":
        return Period
    return Scenario


def _fields(model: type[BaseModel]) -> str:
    required = [n for n, f in model.model_fields.items() if f.is_required()]
    optional = [n for n, f in model.model_fields.items() if not f.is_required()]
    return f"required: {', '.join(required) or '—'}; optional: {', '.join(optional) or '—'}"


def _scenario_error(error: ValidationError, root: Any, file: str) -> ScenarioError:
    """The first pydantic error, placed on its line, with what would be allowed; ``detail`` lists
    every error the same way (``{"line", "field", "message"}``), so an editor can show them all."""
    problems = error.errors(include_url=False)
    each = [_one_error(problem, root, file) for problem in problems]
    first = each[0]
    more = len(problems) - 1
    if more:
        first = ScenarioError(
            f"{first.message.split(': ', 1)[1] if first.file else first.message}"
            f" [and {more} more error{'s' if more > 1 else ''}]",
            file=first.file,
            line=first.line,
            field=first.field,
        )
    first.detail = [  # type: ignore[attr-defined]
        {"line": one.line, "field": one.field, "message": one.message} for one in each
    ]
    return first


def _one_error(first: Any, root: Any, file: str) -> ScenarioError:
    """One pydantic error, placed on its line, with what would be allowed."""
    loc = tuple(first.get("loc", ()))
    kind = first.get("type", "")
    message = str(first.get("msg", "invalid"))
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    node, field = _walk(root, loc)
    line = node.start_mark.line + 1 if node is not None else None
    # a missing field belongs to the mapping that lacks it: list that mapping's fields
    model = _model_at(loc[:-1] if kind == "missing" else loc)
    if kind == "missing":
        name = str(loc[-1])
        field = [*field, name] if field[-1:] != [name] else field
        message = f"missing field {name!r}" + (f" ({_fields(model)})" if model else "")
    elif kind == "extra_forbidden":
        key = _key_node(_walk(root, loc[:-1])[0], str(loc[-1]))
        if key is not None:
            line = key.start_mark.line + 1
        message = f"unknown field {loc[-1]!r}" + (f"; allowed fields: {_fields(model)}" if model else "")
    elif kind in ("union_tag_invalid", "union_tag_not_found"):
        found = first.get("ctx", {}).get("tag", None)
        what = f"unknown policy type {found!r}" if found is not None else "a policy needs a 'type'"
        message = f"{what}; allowed: {', '.join(POLICY_TYPES)}"
        type_key = _key_node(node, "type")
        if type_key is not None:
            line = type_key.start_mark.line + 1
            field = [*field, "type"]
    else:
        value = first.get("input")
        shown = repr(value) if isinstance(value, str | int | float | bool) or value is None else type(value).__name__
        message = f"{message} (got {shown})"
    dotted = ".".join(field) or None
    return ScenarioError(f"{dotted}: {message}" if dotted else message, file=file, line=line, field=dotted)
