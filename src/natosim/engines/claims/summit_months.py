"""A NATO summit named by its month alone, without a year or a city (issue 17, round 6): "Trump drew criticism at
a NATO summit in May", "when allies meet at their summit in July". The month is read against the summits natosim
holds (``rules/parameters/events.yaml``) around the article's date: the summit held (or, for a future verb, to be
held) within a year of it. A month that matches that summit is supported. One that does not is left unread:
natosim does not hold every summit, so the summit meant may be one it lacks (not a false claim).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from natosim.engines.claims import facts
from natosim.engines.claims.context import MONTH_NAMES, SentenceView, month_number
from natosim.engines.claims.model import Claim, Evidence

#: "a NATO summit in May", "the alliance's summit in July", "their summit in June" (not followed by a year or day)
_SUMMIT_IN_MONTH = re.compile(
    r"\b(?:NATO|[Aa]lliance['’]s|[Aa]llied|(?:the|their|its|a|an|next|last)\s+(?:NATO\s+)?)\s*(?:leaders['’]?\s+)?"
    rf"[Ss]ummit\s+(?:(?:held|scheduled|set|planned)\s+)?(?:in|for|this|next|last)\s+(?P<m>{MONTH_NAMES})\b"
    r"(?!\s*,?\s*\d)"
)
#: a verb of the future in the sentence: the summit is one to come
_FUTURE = re.compile(r"\b(?:will|is to|are to|to be held|scheduled|set to|planned|upcoming|next|ahead of|due)\b", re.I)
#: how far from the article's date a summit named by month alone may be
WITHIN_DAYS = 366


def find(view: SentenceView, used: set[int], found: list[Claim]) -> list[Claim]:
    """Summits named by month alone in one sentence (a span another reader took is skipped)."""
    day = view.context.date
    if day is None:
        return []
    taken = [c.span for c in found if c.kind == "event_date"]
    claims: list[Claim] = []
    future = _FUTURE.search(view.text) is not None
    for match in _SUMMIT_IN_MONTH.finditer(view.text):
        month = month_number(match.group("m"))
        summit = _summit_in(day, month, future=future)
        if summit is None:
            continue
        claim = view.claim(
            kind="event_date",
            start=match.start(),
            end=match.end(),
            value=f"{summit.first.year}-{month:02d}",
            verdict="supported",
            expected=summit.first.isoformat(),
            evidence=[
                Evidence(
                    f"{summit.name} summit {summit.first.isoformat()}..{summit.last.isoformat()}",
                    str(summit.url or summit.source),
                    summit.first.isoformat(),
                    rule="summits",
                )
            ],
            subject=f"summit:{summit.name.casefold()}",
            year=summit.first.year,
            year_source="relative",
            note=f"a summit named by its month alone: the {summit.name} summit, "
            f"{'to come' if future else 'held'} within a year of the article",
        )
        if not any(claim.span[0] < end and start < claim.span[1] for start, end in taken):
            claims.append(claim)
    return claims


def _summit_in(day: dt.date, month: int, *, future: bool) -> Any | None:
    """The held summit in ``month`` nearest the article's date, before it (after it for a future verb), within
    ``WITHIN_DAYS``."""
    summits = list(facts.rules().events().summits)
    if future:
        near = [s for s in summits if 0 <= (s.first - day).days <= WITHIN_DAYS]
    else:
        near = [s for s in summits if 0 <= (day - s.first).days <= WITHIN_DAYS]
    matching = [s for s in near if s.first.month == month or s.last.month == month]
    return min(matching, key=lambda s: abs((s.first - day).days)) if matching else None
