"""The extension point for the spending response a conditional guarantee can predict.

Why an extension point: the models that predict how allies' spending answers a conditional
guarantee (the estimated spending model and the calibrated burden game) live in the burden engine
(``natosim.engines.burden``), a layer above the policies; the policies never import an engine. The
engine declares its model as the entry point ``burden`` of the group ``natosim.response_models``
(pyproject.toml), so the dependency points downward and the model is found wherever natosim is
installed. ``ConditionalGuarantee(predict_response=True)`` calls it through :func:`response_model`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import entry_points
from typing import Literal, Protocol

import numpy as np

from natosim.policies.base import PolicyError
from natosim.state import StatePanel

__all__ = ["GROUP", "PredictedResponse", "ResponseModel", "response_model"]

#: the entry-point group a spending-response model is declared in
GROUP = "natosim.response_models"


@dataclass(frozen=True)
class PredictedResponse:
    """What a response model predicts for each year of a panel.

    ``values``: years × parties, the predicted figure of the guarantee's measure (NaN where the
    model gives none: the observed figure then stays); ``kind``: ``estimate`` (a model that beats
    "no change" out of sample) or ``illustration``; ``source``: how the figures were made, shown
    with the result; ``unsolved``: year → why the model gave no figures that year.
    """

    values: np.ndarray
    kind: Literal["estimate", "illustration"]
    source: str
    unsolved: Mapping[str, str] = field(default_factory=dict)


class ResponseModel(Protocol):
    """Predicts the allies' spending once ``guarantor`` defends only allies at ``threshold_pct``."""

    def __call__(
        self, panel: StatePanel, *, guarantor: str, threshold_pct: float, measure: str
    ) -> PredictedResponse: ...


@cache
def response_model(name: str = "burden") -> ResponseModel:
    """The response model declared as entry point ``name`` (default: the burden engine's)."""
    found = entry_points(group=GROUP, name=name)
    if not found:
        raise PolicyError(
            f"no spending-response model {name!r} is declared (entry-point group {GROUP}); "
            "natosim's metadata is out of date: reinstall it (pip install -e . or make setup)",
            field="predict_response",
        )
    model: ResponseModel = next(iter(found)).load()
    return model
