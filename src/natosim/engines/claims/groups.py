"""Groups of allies news names as one subject ("the Baltic states", "the Nordics", "the eastern
flank", "the European allies and Canada", "European allies"), defined with their sources in
``groups.yaml`` beside this module: their members, the words that name them, and whether a figure
said of a group is a claim about each member or about a NATO aggregate (or not checkable, when
natosim holds no aggregate for the group)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    members: tuple[str, ...] | None  # None: defined by exclusion ("all allies but USA"), see ``excludes``
    excludes: tuple[str, ...]
    pattern: re.Pattern[str]
    per_ally: bool
    aggregate: str | None
    source: str
    confidence: str


def _members(spec: object) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    if isinstance(spec, list):
        return tuple(str(code) for code in spec), ()
    text = str(spec)
    match = re.fullmatch(r"all allies but ([A-Z]{3}(?: and [A-Z]{3})*)", text)
    if match is None:
        raise ValueError(f"groups.yaml: members must be a list of ISO3 codes or 'all allies but XXX', not {text!r}")
    return None, tuple(match.group(1).split(" and "))


@lru_cache(maxsize=1)
def groups() -> dict[str, Group]:
    """Every group, by id (read once from ``groups.yaml``)."""
    raw = yaml.safe_load(files("natosim.engines.claims").joinpath("groups.yaml").read_text(encoding="utf-8"))
    found: dict[str, Group] = {}
    for key, spec in raw.items():
        members, excludes = _members(spec["members"])
        found[key] = Group(
            id=key,
            name=str(spec["name"]),
            members=members,
            excludes=excludes,
            pattern=re.compile(spec["pattern"], re.IGNORECASE),
            per_ally=bool(spec["per_ally"]),
            aggregate=spec.get("aggregate"),
            source=str(spec["source"]),
            confidence=str(spec["confidence"]),
        )
    return found


def last_group(text: str, *, per_ally: bool | None = None) -> tuple[Group, re.Match[str]] | None:
    """The group named last in ``text`` (the one closest to a figure that follows), if any."""
    best: tuple[Group, re.Match[str]] | None = None
    for group in groups().values():
        if per_ally is not None and group.per_ally != per_ally:
            continue
        for match in group.pattern.finditer(text):
            if (
                best is None
                or match.end() > best[1].end()
                or (match.end() == best[1].end() and match.start() < best[1].start())
            ):
                best = (group, match)
    return best


def inside_group(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` (a country's name) part of a group read as one subject ("the European
    allies and Canada")? Then a figure said of it is the group's, not that ally's."""
    return any(
        match.start() <= start and end <= match.end()
        for group in groups().values()
        if not group.per_ally
        for match in group.pattern.finditer(text)
    )
