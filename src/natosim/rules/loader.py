"""Read the YAML rules bundled in ``rules/parameters``, validate them with pydantic, cache them.

The folder is ``rules/parameters`` inside the package, or the folder named by the environment
variable ``NATOSIM_RULES_DIR`` (a full copy of it, edited: how to try an amended rule without
touching the installed package). A malformed file raises ``RulesError`` naming the file, the line
and the field (the line is found by walking the YAML node tree along the pydantic error location),
so whoever edits a pledge sees exactly what to fix. Each folder is read once per process
(``functools.cache``; ``clear_cache()`` forgets).
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from natosim.deprecation import renamed
from natosim.rules.errors import RulesError
from natosim.rules.models import (
    AccessionRules,
    Article,
    Article10Eligibility,
    Conflicts,
    Events,
    Invocations,
    NationalLaw,
    Pledge,
    Treaty,
)
from natosim.yamlio import StrictLoader

PARAMETERS = Path(__file__).parent / "parameters"
RULES_DIR_VARIABLE = "NATOSIM_RULES_DIR"


def rules_dir() -> Path:
    """The folder the rules are read from: ``$NATOSIM_RULES_DIR`` if set, else the bundled one."""
    override = os.environ.get(RULES_DIR_VARIABLE)
    return Path(override) if override else PARAMETERS


Model = TypeVar("Model", bound=BaseModel)


class _Loader(StrictLoader):
    """natosim's strict loader (duplicate keys refused); impossible dates (2025-13-25) are errors
    with a line, not bare ValueErrors."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return yaml.SafeLoader.construct_yaml_timestamp(self, node)  # type: ignore[arg-type]
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"{node.value!r} is not a calendar date ({error})",
                node.start_mark,
            ) from error


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def _node_line(node: yaml.Node | None, location: tuple[int | str, ...]) -> int | None:
    """1-based line of the YAML node at ``location`` (keys and list indexes), or of its nearest parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for step in location:
        if isinstance(node, yaml.MappingNode):
            found = next((value for key, value in node.value if str(key.value) == str(step)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            found = node.value[step]
        else:
            found = None
        if found is None:
            break
        node = found
        line = node.start_mark.line + 1
    return line


def read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parsed content and node tree of a YAML file; syntax errors become ``RulesError`` with the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RulesError(f"{path}: cannot read rules file ({error.strerror})") from error
    try:
        loader = _Loader(text)  # a SafeLoader: one parse gives both the node tree and the data
        try:
            node = loader.get_single_node()
            return (loader.construct_document(node) if node is not None else None), node
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise RulesError(f"{path.name}{where}: invalid YAML: {problem}") from error


def validate(
    model: type[Model], data: Any, path: Path, node: yaml.Node | None, prefix: tuple[int | str, ...] = ()
) -> Model:
    """``model.model_validate(data)``, turning the first pydantic error into a ``RulesError``."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = (*prefix, *first["loc"])
        line = _node_line(node, location)
        field = ".".join(str(part) for part in location) or "(top level)"
        where = f"{path.name}:{line}" if line else path.name
        raise RulesError(f"{where}: field {field}: {first['msg']}", field=field) from error


def _section(data: Any, key: str, path: Path) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise RulesError(f"{path.name}: missing top-level key {key!r}", field=key)
    return data[key]


@cache
def _load_pledges(folder: Path) -> tuple[Pledge, ...]:
    path = folder / "pledges.yaml"
    data, node = read_yaml(path)
    items = _section(data, "pledges", path)
    if not isinstance(items, list):
        raise RulesError(f"{path.name}: 'pledges' must be a list", field="pledges")
    pledges = tuple(validate(Pledge, item, path, node, ("pledges", index)) for index, item in enumerate(items))
    seen: set[str] = set()
    for pledge in pledges:
        if pledge.id in seen:
            raise RulesError(f"{path.name}: pledge id {pledge.id!r} appears twice", field="id")
        seen.add(pledge.id)
    for pledge in pledges:
        unknown = [part for part in pledge.components if part not in seen]
        if unknown:
            raise RulesError(
                f"{path.name}: pledge {pledge.id!r} names unknown components {unknown}", field="components"
            )
    return tuple(sorted(pledges, key=lambda p: (p.adopted, p.id)))


@cache
def _load_treaty(folder: Path) -> Treaty:
    path = folder / "treaty.yaml"
    data, node = read_yaml(path)
    meta = dict(_section(data, "treaty", path))
    raw_articles = _section(data, "articles", path)
    articles: dict[int, Article] = {}
    for index, item in enumerate(raw_articles):
        item = {"source": meta.get("source", ""), **item}
        article = validate(Article, item, path, node, ("articles", index))
        if article.number in articles:
            raise RulesError(f"{path.name}: article {article.number} appears twice", field="number")
        articles[article.number] = article
    meta["articles"] = articles
    return validate(Treaty, meta, path, node, ("treaty",))


@cache
def _load_invocations(folder: Path) -> Invocations:
    path = folder / "invocations.yaml"
    data, node = read_yaml(path)
    return validate(Invocations, data, path, node)


@cache
def _load_national_law(folder: Path) -> NationalLaw:
    path = folder / "national_law.yaml"
    data, node = read_yaml(path)
    return validate(NationalLaw, data, path, node)


@cache
def _load_accession(folder: Path) -> AccessionRules:
    path = folder / "accession.yaml"
    data, node = read_yaml(path)
    rules = validate(AccessionRules, data, path, node)
    for index, timeline in enumerate(rules.timelines):
        days = (timeline.accession_date - timeline.protocol_signed).days
        if days != timeline.days_elapsed:
            line = _node_line(node, ("timelines", index, "days_elapsed"))
            raise RulesError(
                f"{path.name}:{line}: days_elapsed {timeline.days_elapsed} for {timeline.invitees} but "
                f"accession_date - protocol_signed = {days}",
                field=f"timelines.{index}.days_elapsed",
            )
    return rules


@cache
def _load_eligibility(folder: Path) -> Article10Eligibility:
    path = folder / "article10_eligibility.yaml"
    data, node = read_yaml(path)
    return validate(Article10Eligibility, data, path, node)


@cache
def _load_conflicts(folder: Path) -> Conflicts:
    path = folder / "conflicts.yaml"
    data, node = read_yaml(path)
    return validate(Conflicts, data, path, node)


@cache
def _load_events(folder: Path) -> Events:
    path = folder / "events.yaml"
    data, node = read_yaml(path)
    return validate(Events, data, path, node)


def load_events(folder: Path | None = None) -> Events:
    """Summits and events with their dates (structured; never scraped from free text)."""
    return _load_events(folder or rules_dir())


def load_conflicts(folder: Path | None = None) -> Conflicts:
    """Conflicts and occupations that bear on an accession, and the open Article 5 question."""
    return _load_conflicts(folder or rules_dir())


def load_eligibility(folder: Path | None = None) -> Article10Eligibility:
    """Art. 10's European condition as data: which states are eligible, by practice, or contested."""
    return _load_eligibility(folder or rules_dir())


def load_pledges(folder: Path | None = None) -> tuple[Pledge, ...]:
    return _load_pledges(folder or rules_dir())


def load_treaty(folder: Path | None = None) -> Treaty:
    return _load_treaty(folder or rules_dir())


def load_invocations(folder: Path | None = None) -> Invocations:
    return _load_invocations(folder or rules_dir())


def load_national_law(folder: Path | None = None) -> NationalLaw:
    return _load_national_law(folder or rules_dir())


def load_accession(folder: Path | None = None) -> AccessionRules:
    return _load_accession(folder or rules_dir())


def clear_rules_cache() -> None:
    """Forget the parsed rules (after editing a YAML file in a running process)."""
    for loader in (
        _load_pledges,
        _load_treaty,
        _load_invocations,
        _load_national_law,
        _load_accession,
        _load_eligibility,
        _load_conflicts,
        _load_events,
    ):
        loader.cache_clear()


__getattr__ = renamed(
    __name__, {"clear_cache": (clear_rules_cache, "use clear_rules_cache() (natosim.data.clear_cache clears the data)")}
)
