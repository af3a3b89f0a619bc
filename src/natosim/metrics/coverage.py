"""Who is covered, by whom, and who is exposed: sums over the guarantee matrix.

All functions take :class:`~natosim.state.StatePanel` arrays (years × parties [× parties]) and
return arrays of the same leading shape: one ``einsum`` or ``any`` per question, whatever the
number of allies or years. A missing figure is left out of a sum and counted in ``*_missing``
(never read as zero).

- Article 5 coverage: the people and GDP of the members defended by at least one other member
  under Article 5 ("security for more than 950 million people" = the members' population).
- Coverage by a guarantor: the people and GDP of every party it is committed to defend.
- Exposed: a party that had a guarantor in the baseline and lost it in the scenario.
"""

from __future__ import annotations

import numpy as np

from natosim.state import ARTICLE_5, StatePanel

POPULATION, GDP = "population_thousands", "gdp_usd_current_bn"
#: guarantors a summary names: the three nuclear-armed allies (US, UK, France), whose guarantee
#: carries extended nuclear deterrence, and the largest European spender by US$ (Germany).
MAJOR_GUARANTORS: tuple[str, ...] = ("USA", "GBR", "FRA", "DEU")


def article5_covered(panel: StatePanel) -> np.ndarray:
    """(years, parties): members defended by at least one other member under Article 5."""
    article5 = panel.guarantee & (panel.basis == ARTICLE_5)
    return np.asarray(article5.any(axis=1) & panel.member)


def guarantor_count(panel: StatePanel) -> np.ndarray:
    """(years, parties): how many parties are committed to defend each party."""
    return np.asarray(panel.guarantee.sum(axis=1))


def masked_sum(values: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per year: the sum of ``values`` where ``mask``, and how many masked cells had no figure.

    An empty mask sums to 0 (nobody, no people); a mask in which no cell has a figure sums to NaN
    (unknown, not zero)."""
    missing = np.isnan(values)
    known = mask & ~missing
    total = np.where(known, values, 0.0).sum(axis=-1)
    total = np.where(mask.any(axis=-1) & ~known.any(axis=-1), np.nan, total)
    return total, (mask & missing).sum(axis=-1)


def covered_by_guarantor(panel: StatePanel, measure: str = POPULATION) -> tuple[np.ndarray, np.ndarray]:
    """(years, guarantors): the sum of ``measure`` over the parties each guarantor defends, and the
    number of those parties with no figure."""
    values = panel.values[measure]
    missing = np.isnan(values)
    filled = np.where(missing, 0.0, values)
    total = np.einsum("ygp,yp->yg", panel.guarantee, filled)
    # as in masked_sum: defending somebody none of whose figures is known is unknown, not zero
    defends = panel.guarantee.any(axis=2)
    any_known = np.einsum("ygp,yp->yg", panel.guarantee, (~missing).astype(np.int64)) > 0
    total = np.where(defends & ~any_known, np.nan, total)
    return total, np.einsum("ygp,yp->yg", panel.guarantee, missing.astype(np.int64))


def lost_guarantees(baseline: StatePanel, scenario: StatePanel) -> np.ndarray:
    """(years, guarantors, protected): guarantees in the baseline that the scenario does not have."""
    return np.asarray(baseline.guarantee & ~scenario.guarantee)


def exposed(baseline: StatePanel, scenario: StatePanel, guarantor: str | None = None) -> np.ndarray:
    """(years, parties): parties that lost a guarantor (or ``guarantor``) and are still in the
    scenario (a member, or a party some guarantee still covers). A party that left is not exposed:
    it is gone."""
    lost = lost_guarantees(baseline, scenario)
    lost_any = lost[:, baseline.index(guarantor), :] if guarantor is not None else lost.any(axis=1)
    still_there = scenario.member | scenario.guarantee.any(axis=1)
    return np.asarray(lost_any & still_there)
