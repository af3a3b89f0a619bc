"""One registry of claim kinds: for each kind, the finder module that reads it, the tolerance
(`tolerance.TOLERANCES`) it is judged with, what it is (docs/claims.md has a row per kind) and the
priority of its finder — finders run in priority order, and a quantity one has taken is not read
again by the next. ``KINDS`` (the kinds a claim can have) and the checker's finder order both come
from here, so a new kind is declared once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import Any


@dataclass(frozen=True)
class ClaimKind:
    kind: str
    #: module of ``natosim.engines.claims`` whose ``find(view, used)`` reads this kind
    finder: str
    #: key of ``tolerance.TOLERANCES`` (or "rule" for kinds judged by a rule, not a figure)
    tolerance: str
    #: what the kind is, as docs/claims.md's table says
    docs: str
    #: finder order: lower runs first (law before events before counts of members before money)
    priority: int


REGISTRY: tuple[ClaimKind, ...] = (
    ClaimKind("legal_threshold", "law", "rule", "what US withdrawal or an accession requires", 10),
    ClaimKind("event_date", "events", "exact", "founding, accessions, Art. 4/5 invocations, summits, ages", 20),
    ClaimKind(
        "member_count", "alliance", "count", "how many allies the alliance has (or had, or one ally's fellows)", 30
    ),
    ClaimKind("population_covered", "alliance", "population", "how many people the alliance protects", 30),
    ClaimKind("spending_pct_gdp", "spending", "pct_gdp", "a country's defence spending as % of GDP", 40),
    ClaimKind("spending_money", "spending", "money", "a country's defence spending in US dollars", 40),
    ClaimKind("alliance_total", "spending", "money", "NATO's or Europe and Canada's total (US$ or % of GDP)", 40),
    ClaimKind(
        "alliance_share", "spending", "share_pct", "the US's (or Europe and Canada's) share of the allied total", 40
    ),
    ClaimKind("allies_meeting_target", "spending", "count", "how many allies meet (or miss) a % of GDP threshold", 40),
    ClaimKind("pledge_value", "spending", "exact", "the value, deadline, date or forum of a NATO pledge", 40),
    ClaimKind("spending_rank", "ranks", "exact", "an ally's rank among the allies by % of GDP or US$", 45),
    ClaimKind(
        "spending_growth", "growth", "growth_pct", "a year's real change in an ally's (or the allies') spending", 35
    ),
)

#: every kind a claim can have, in registry order
KINDS: tuple[str, ...] = tuple(item.kind for item in REGISTRY)

#: finder modules in priority order; ``counts`` (counts and lists at a target named in words) runs
#: last, after every finder that reads a figure written in the sentence; ``restated`` (false claims said
#: in words, judged whatever the year) after it; ``others`` ("Norway and 23 other countries") before the
#: figure finders, which would read the count as 23
_LATE_FINDERS: tuple[tuple[str, int], ...] = (("others", 38), ("counts", 50), ("meeting", 52), ("restated", 55))


def finder_names(registry: Iterable[ClaimKind] = REGISTRY) -> list[str]:
    """Finder modules ordered by the lowest priority of the kinds each reads."""
    order: dict[str, int] = {}
    for item in registry:
        order[item.finder] = min(order.get(item.finder, item.priority), item.priority)
    for name, priority in _LATE_FINDERS:
        order.setdefault(name, priority)
    return sorted(order, key=lambda name: (order[name], name))


def finders() -> tuple[Callable[..., Any], ...]:
    """The ``find`` functions in priority order (imported lazily: the finders import this module's
    neighbours, not the other way round)."""
    return tuple(import_module(f"natosim.engines.claims.{name}").find for name in finder_names())


def kind(name: str) -> ClaimKind:
    """The registry entry of ``name`` (KeyError naming the known kinds otherwise)."""
    for item in REGISTRY:
        if item.kind == name:
            return item
    raise KeyError(f"unknown claim kind {name!r}; known: {', '.join(KINDS)}")
