"""Named groups of countries a scenario can use instead of listing allies one by one.

Groups are resolved per year against that year's members, so "european-allies" in 2014 does not
include Finland (member since 2023). "Europe" follows NATO's own split of its totals
("NATO Europe and Canada" = every ally except the United States; European allies = every ally
except the United States and Canada), Türkiye included.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from natosim.policies.base import to_iso3
from natosim.state import StatePanel

NORTH_AMERICA = ("USA", "CAN")

#: group name -> what it means (shown in errors and docs)
GROUPS: dict[str, str] = {
    "all": "every member of the year",
    "all-members": "every member of the year",
    "european-allies": "every member except the United States and Canada",
    "europe-and-canada": "every member except the United States",
}


def is_group(token: str) -> bool:
    return token in GROUPS


def group_mask(panel: StatePanel, token: str) -> np.ndarray:
    """(years, parties) mask of the members in group ``token`` each year."""
    member = panel.member
    outside = {
        "all": (),
        "all-members": (),
        "european-allies": NORTH_AMERICA,
        "europe-and-canada": ("USA",),
    }[token]
    keep = (
        ~np.isin(np.asarray(panel.parties), np.asarray(outside, dtype=object))
        if outside
        else np.ones(len(panel.parties), dtype=bool)
    )
    return member & keep[None, :]


def countries_mask(panel: StatePanel, tokens: Iterable[str], excluded: Iterable[str] = ()) -> np.ndarray:
    """(years, parties) mask of the countries and groups in ``tokens``, minus ``excluded``."""
    mask = np.zeros(panel.member.shape, dtype=bool)
    for token in tokens:
        if is_group(token):
            mask |= group_mask(panel, token)
        else:
            mask[:, panel.index(token)] = True
    for code in excluded:
        if code in panel.parties:
            mask[:, panel.index(code)] = False
    return mask


def to_token(value: object) -> str:
    """A group name as is, else a country as ISO3 (ValueError naming the groups if neither)."""

    if isinstance(value, str) and value.strip().lower() in GROUPS:
        return value.strip().lower()
    try:
        return to_iso3(value)
    except ValueError as error:
        raise ValueError(f"{error} Or a group: {', '.join(GROUPS)}.") from None
