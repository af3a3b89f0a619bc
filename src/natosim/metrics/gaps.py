"""Compliance with the pledge in force, and the gap in US$, for every member and year of a panel.

The arithmetic is ``natosim.metrics.compliance.assess`` (the rules' owner): this module only
chooses the pledge each year measures against — the scenario's ``pledge`` if it names one, else
the latest *headline* pledge in force on 31 December (the 2% guideline/Wales pledge up to 2024,
The Hague's 3.5% core from 2025), as possibly changed by a ``pledge-change`` policy — and feeds
``assess`` one stacked frame per distinct pledge, not one call per ally or year.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from natosim.metrics.compliance import assess
from natosim.rules.targets import headline_pledge
from natosim.state import StatePanel

COLUMNS = ("defence_exp_pct_gdp", "gdp_usd_current_bn", "defence_exp_usd_current_mn", "equipment_pct")


def _key(pledge: Any) -> tuple[Any, ...]:
    return (pledge.id, pledge.target_pct_gdp, pledge.deadline, pledge.equipment_share_pct)


def compliance_panel(panel: StatePanel, pledge: str | None = None) -> pd.DataFrame:
    """One row per member and year: iso3, year, pledge, value, target, met, gap_pp, gap_usd_mn, ..."""

    y_idx, p_idx = np.nonzero(panel.member)
    parties = np.asarray(panel.parties, dtype=object)
    years = np.asarray(panel.years)
    frame = pd.DataFrame({"iso3": parties[p_idx], "year": years[y_idx]})
    for column in COLUMNS:
        frame[column] = panel.values[column][y_idx, p_idx]
    chosen = [headline_pledge(pledges, pledge) for pledges in panel.pledges]
    groups: dict[tuple[Any, ...], tuple[Any, list[int]]] = {}
    for y, p in enumerate(chosen):
        if p is not None:
            groups.setdefault(_key(p), (p, []))[1].append(y)
    parts = []
    for p, ys in groups.values():
        rows = frame[np.isin(y_idx, ys)]
        assessed = assess(rows.reset_index(drop=True), p)
        assessed["year"] = rows["year"].to_numpy()
        assessed["pledge"] = p.id
        parts.append(assessed)
    if not parts:
        return pd.DataFrame(columns=["iso3", "year", "pledge", "value", "target", "met", "gap_pp", "gap_usd_mn"])
    return pd.concat(parts, ignore_index=True).sort_values(["year", "iso3"], ignore_index=True)
