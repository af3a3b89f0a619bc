"""The alliance's money against Russia's: a ratio of current-US$ totals.

Numerator: the members' defence expenditure (NATO definition, current US$). Denominator: Russia's
military expenditure (SIPRI definition, current US$; source id ``sipri-2025`` or
``sipri-2026-factsheet``). The definitions differ — SIPRI counts paramilitary forces and some
items NATO's definition leaves out, and market exchange rates understate Russian purchasing
power — so the ratio is an order of magnitude, not a like-for-like comparison.
"""

from __future__ import annotations

import numpy as np

from natosim.data import nonmember_figures
from natosim.metrics.shares import total_spending
from natosim.state import StatePanel

NOTE = (
    "NATO defence expenditure (NATO definition) vs SIPRI military expenditure of Russia (SIPRI "
    "definition, includes paramilitary forces); both in current US$ at market exchange rates — "
    "definitions differ, read the ratio as an order of magnitude"
)


def ratio_vs_russia(panel: StatePanel) -> dict[str, np.ndarray]:
    """Per year: members' total, Russia's (SIPRI) and the ratio (NaN if either is missing)."""
    total, _missing = total_spending(panel)
    complete = total > 0
    russia = panel.russia_usd_mn
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.where(complete, total / russia, np.nan)
    return {"alliance_usd_mn": np.where(complete, total, np.nan), "russia_usd_mn": russia, "ratio_vs_russia": ratio}


def per_capita_vs_russia(
    alliance_usd_mn: float, alliance_population_thousands: float, russia_usd_mn: float, year: int
) -> dict[str, float | str]:
    """Defence spending per person: the members' (their spending over the people Article 5 covers)
    against Russia's (SIPRI spending over its World Bank WDI population of ``year``). NaN where a
    figure is missing. Same caveats as the ratio (definitions and exchange rates differ)."""
    russia = nonmember_figures(countries=["RUS"], year=year)
    people = float(russia["population_thousands"].iloc[0]) if len(russia) else float("nan")
    source = str(russia["source_population_thousands"].iloc[0]) if len(russia) else ""
    with np.errstate(invalid="ignore", divide="ignore"):
        own = alliance_usd_mn * 1e6 / (alliance_population_thousands * 1e3)
        theirs = russia_usd_mn * 1e6 / (people * 1e3)
    return {
        "alliance_usd_per_person": float(own),
        "russia_usd_per_person": float(theirs),
        "ratio_per_capita": float(own / theirs) if theirs else float("nan"),
        "russia_population_source": source,
    }
