"""Tallies of the fuzz and fault suites (tried / clean / traceback / hang / lost), printed at the end
of the test session by tests/safety/conftest.py and written to ``$NATOSIM_SAFETY_COUNTS`` if set."""

from __future__ import annotations

from collections import Counter

KINDS = ("tried", "clean", "traceback", "hang", "lost")
COUNTS: dict[str, Counter[str]] = {"fuzz": Counter(), "fault": Counter()}


def tally(suite: str, outcome: str) -> None:
    """Count one case: ``outcome`` is clean, traceback, hang or lost."""
    COUNTS[suite]["tried"] += 1
    COUNTS[suite][outcome] += 1


def lines() -> list[str]:
    return [
        f"{suite} suite: " + ", ".join(f"{kind} {counts[kind]}" for kind in KINDS)
        for suite, counts in COUNTS.items()
        if counts["tried"]
    ]
