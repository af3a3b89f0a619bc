"""What a crisis run answers: P(the capital holds), how long it holds, who sends how many troops by when.

The result is computed from merged chunk statistics only, so a run, a resumed run and a sweep
point give the same numbers from the same chunks. Standard errors are binomial (draws are i.i.d.);
``p_hold_range`` (5th-95th percentile of P(hold) over the parameters' ranges) is attached by
:func:`natosim.engines.crisis.uncertainty.hold_range` — it is the uncertainty that matters, the
standard error only says the Monte Carlo was long enough.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from natosim.engines.crisis.engine import HOURS_PER_BIN, TROOP_DAYS, ChunkStats, values
from natosim.engines.crisis.params import CrisisParams, assumptions
from natosim.engines.crisis.theatre import Theatre
from natosim.results import ResultMixin

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
#: RAND 2016's benchmark hour: Russian forces at Tallinn/Riga within 60 h
CHECK_HOURS = (60.0,)


@dataclass
class CrisisResult(ResultMixin):
    """One crisis run: the answer first (P(hold)), then the detail."""

    title: ClassVar[str] = "Crisis run"

    target: str
    year: int
    scenario: str | None
    draws: int
    seed: int
    chunk_size: int
    params: CrisisParams
    theatre: Theatre
    stats: ChunkStats
    run_id: str | None = None
    sensitivity: pd.DataFrame | None = None
    p_hold_range: tuple[float, float] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    # -- headline ------------------------------------------------------------------------------
    @property
    def p_hold(self) -> float:
        """P(the capital has not fallen by the end of the horizon)."""
        return self.stats.hold / self.stats.n

    @property
    def p_hold_se(self) -> float:
        p = self.p_hold
        return math.sqrt(p * (1 - p) / self.stats.n)

    def p_hold_at(self, hours: float) -> float:
        """P(the capital still holds ``hours`` after the attack)."""
        fallen = self.stats.histogram[:-1]
        k = int(np.floor(hours / HOURS_PER_BIN))
        return 1.0 - float(fallen[: min(k, len(fallen))].sum()) / self.stats.n

    def fall_quantiles(self) -> dict[str, float | None]:
        """Quantiles of the days until the capital falls (None: it holds through the horizon)."""
        cumulative = np.cumsum(self.stats.histogram[:-1]) / self.stats.n
        out: dict[str, float | None] = {}
        for q in QUANTILES:
            idx = int(np.searchsorted(cumulative, q - 1e-12))
            out[f"p{int(q * 100)}"] = None if idx >= len(cumulative) else (idx + 1) * HOURS_PER_BIN / 24.0
        return out

    def hold_by_day(self) -> pd.DataFrame:
        """P(hold) at the end of each day of the horizon."""
        days = np.arange(1, math.ceil(self.params.horizon_days) + 1)
        return pd.DataFrame({"day": days, "p_hold": [self.p_hold_at(24.0 * d) for d in days]})

    # -- troops -------------------------------------------------------------------------------------
    @property
    def expected_troops_by_day(self) -> dict[str, dict[str, float]]:
        """Expected troops of each guarantor in the target by day 3, 10 and 30 (unit: troops)."""
        mean = self.stats.troops_by_day / self.stats.n
        out = {
            g: {str(d): round(float(mean[i, j]), 1) for j, d in enumerate(TROOP_DAYS)}
            for i, g in enumerate(self.theatre.guarantors)
        }
        return {g: v for g, v in sorted(out.items(), key=lambda kv: -kv[1][str(TROOP_DAYS[-1])])}

    @property
    def expected_allied_troops(self) -> dict[str, float]:
        """All guarantors together by day 3, 10, 30 (troops)."""
        total = self.stats.troops_by_day.sum(axis=0) / self.stats.n
        return {str(d): round(float(total[j]), 1) for j, d in enumerate(TROOP_DAYS)}

    def to_frame(self) -> pd.DataFrame:
        """Per guarantor: legal basis, P(respond) observed, expected troops in the target by day."""
        t, n = self.theatre, self.stats.n
        mean = self.stats.troops_by_day / n
        frame = pd.DataFrame(
            {
                "iso3": list(t.guarantors),
                "basis": list(t.basis),
                "condition": list(t.condition),
                "responded_share": self.stats.responded / n,
                **{f"troops_day_{d}": mean[:, j] for j, d in enumerate(TROOP_DAYS)},
            }
        )
        return frame.sort_values(f"troops_day_{TROOP_DAYS[-1]}", ascending=False, kind="stable").reset_index(drop=True)

    @property
    def contributions(self) -> pd.DataFrame:
        """Alias of :meth:`to_frame` (v1 name)."""
        return self.to_frame()

    def assumptions(self) -> list[dict[str, Any]]:
        """Every parameter: name, value, unit, low, high, source, confidence."""
        return assumptions(self.params, self.theatre.dated())

    @property
    def summary(self) -> dict[str, Any]:
        p = values(self.params, self.theatre)
        return {
            "target": self.target,
            "year": self.year,
            "scenario": self.scenario,
            "aggressor": self.theatre.aggressor,
            "p_hold": self.p_hold,
            "p_hold_se": self.p_hold_se,
            "p_hold_range": None if self.p_hold_range is None else list(self.p_hold_range),
            "p_hold_60h": self.p_hold_at(60.0),
            "horizon_days": self.params.horizon_days,
            "days_to_fall": self.fall_quantiles(),
            "expected_allied_troops": self.expected_allied_troops,
            "unit": self.theatre.unit,
            "mean_own_troops": self.stats.own / self.stats.n,
            "mean_attacker_troops": self.stats.attacker / self.stats.n,
            "ukraine_committed_share": p["ukraine_committed_share"],
            "axis_km": round(self.theatre.axis_km, 1),
            "readiness": self.theatre.readiness,
            "draws": self.draws,
            "seed": self.seed,
            "chunk_size": self.chunk_size,
            "run_id": self.run_id,
            "guarantors": len(self.theatre.guarantors),
        }

    def to_dict(self) -> dict[str, Any]:
        """Stable JSON shape (documented in docs/crisis.md; the dashboard relies on its names)."""
        out = dict(self.summary)
        out["expected_troops_by_day"] = self.expected_troops_by_day
        out["assumptions"] = self.assumptions()
        out["params"] = self.params.model_dump(mode="json")
        out["contributions"] = self.to_frame()
        out["hold_by_day"] = self.hold_by_day()
        out["forward_forces"] = list(self.theatre.f_label)
        out["notes"] = list(self.theatre.notes)
        out["data_sources"] = list(self.theatre.sources)
        out["forces_edition"] = self.theatre.forces_edition
        if self.sensitivity is not None:
            out["sensitivity"] = self.sensitivity
        return out
