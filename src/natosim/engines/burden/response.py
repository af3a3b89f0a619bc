"""The burden engine's answer to a conditional guarantee, for ``ConditionalGuarantee(predict_response=True)``.

Declared as the entry point ``burden`` of the group ``natosim.response_models`` (pyproject.toml) so
the policy layer calls it without importing the engine (see :mod:`natosim.policies.response`).

The estimated spending model predicts only if it beats "no change" out of sample
(:func:`natosim.engines.burden.forecast.model_for_prediction`); otherwise the calibrated burden game's
exclusion equilibrium is used and labelled an illustration.
"""

from __future__ import annotations

import numpy as np

from natosim.engines.burden.forecast import conditional_guarantee, model_for_prediction
from natosim.engines.burden.game import exclusion_equilibrium
from natosim.errors import NatosimError
from natosim.policies.response import PredictedResponse
from natosim.state import StatePanel

__all__ = ["predicted_response"]


def predicted_response(panel: StatePanel, *, guarantor: str, threshold_pct: float, measure: str) -> PredictedResponse:
    """Each ally's predicted ``measure`` for each year of ``panel`` under the conditional guarantee."""
    estimated = measure == "defence_exp_pct_gdp" and model_for_prediction(panel.edition) is not None
    parties = list(panel.parties)
    values = np.full((len(panel.years), len(parties)), np.nan)
    unsolved: dict[str, str] = {}
    if estimated:
        change = conditional_guarantee(threshold_pct, horizon=1, edition=panel.edition).table.set_index("iso3")
        delta = change["change_pp"].reindex(parties).to_numpy(dtype=float)
        observed = panel.values[measure]
        values = np.where(np.isfinite(delta)[None, :], observed + delta[None, :], np.nan)
    else:
        for y, fy in enumerate(panel.figures_year):
            try:
                game = exclusion_equilibrium(
                    base_year=int(fy), guarantor=guarantor, threshold_pct=threshold_pct, edition=panel.edition
                )
            except NatosimError as error:  # e.g. a year without GDP figures: observed figures stay
                unsolved[str(panel.years[y])] = str(error)
                continue
            table = game.table.set_index("iso3")["predicted_pct_gdp"]
            values[y] = table.reindex(parties).to_numpy(dtype=float)
    source = (
        "estimated spending model (natosim.engines.burden.conditional_guarantee, one year ahead)"
        if estimated
        else "ILLUSTRATION — calibrated burden game: exclusion equilibrium (natosim.engines.burden); the "
        "estimated spending model does not beat 'no change' out of sample, so no prediction is made"
    )
    return PredictedResponse(
        values=values, kind="estimate" if estimated else "illustration", source=source, unsolved=unsolved
    )
