"""Which assumptions move P(hold): every parameter ranked by a global sensitivity analysis (Morris).

Kept as a thin entry point of v1's name: the analysis itself is
:func:`natosim.engines.crisis.uncertainty.morris_ranking` (SALib's Morris method over every
parameter's range, on common random numbers).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from natosim.engines.crisis.params import CrisisParams
from natosim.engines.crisis.theatre import build_theatre
from natosim.engines.crisis.uncertainty import morris_ranking

if TYPE_CHECKING:  # pragma: no cover
    from natosim.state import AllianceState


def sensitivity(
    target: str,
    year: int,
    state: AllianceState | None = None,
    *,
    params: CrisisParams | None = None,
    trajectories: int = 8,
    draws_per_point: int = 400,
    seed: int = 0,
) -> pd.DataFrame:
    """Every parameter of ``target`` in ``year``: its value, range, unit and Morris mu_star on P(hold)."""
    params = params or CrisisParams()
    theatre = build_theatre(target, year, state, params)
    return morris_ranking(theatre, params, trajectories=trajectories, draws_per_point=draws_per_point, seed=seed)
