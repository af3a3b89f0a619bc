"""Burden shares: the US share of allied defence spending and the share of Europe and Canada.

Shares are of the members' total defence expenditure in current US$ (NATO Table 2), the basis of
NATO's own "NATO Europe and Canada" aggregate. A year without per-ally US$ figures (2025: NATO's
August 2025 edition published none) has no share (NaN), not a guess.
"""

from __future__ import annotations

import numpy as np

from natosim.metrics.coverage import masked_sum
from natosim.rules.targets import us_share_pct
from natosim.state import StatePanel

SPENDING = "defence_exp_usd_current_mn"


def total_spending(panel: StatePanel, mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """(years,): members' defence spending (US$ mn) and the number of members with no figure."""
    return masked_sum(panel.values[SPENDING], panel.member if mask is None else mask)


def burden_shares(panel: StatePanel, guarantor: str = "USA") -> dict[str, np.ndarray]:
    """Per year: total, the ``guarantor``'s spending and share, and everyone else's (in %).

    Members with no figure (Iceland, which has no armed forces) are left out of the total and
    counted in ``members_missing``; a year in which no member has a figure has no total (NaN).
    """
    total, missing = total_spending(panel)
    if guarantor in panel.parties:
        g = panel.index(guarantor)
        own = np.where(panel.member[:, g], panel.values[SPENDING][:, g], 0.0)
    else:
        own = np.zeros(len(panel.years))
    complete = total > 0
    share = us_share_pct(own, total)
    return {
        "total_usd_mn": np.where(complete, total, np.nan),
        "members_missing": missing,
        "us_usd_mn": np.where(complete, own, np.nan),
        "us_share_pct": share,
        "europe_canada_usd_mn": np.where(complete, total - own, np.nan),
        "europe_canada_share_pct": np.where(complete, 100.0 - share, np.nan),
    }
