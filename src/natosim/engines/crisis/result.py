"""What a crisis run answers: P(hold), days to parity, each guarantor's contribution and marginal value.

The result is computed from merged chunk statistics only, so a run, a resumed run and a sweep
point give the same numbers from the same chunks. Standard errors are binomial (draws are i.i.d.).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from natosim.engines.crisis.engine import ChunkStats, grid
from natosim.engines.crisis.params import PARAMETER_SOURCES, CrisisParams
from natosim.engines.crisis.theatre import Theatre

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)


@dataclass
class CrisisResult:
    """One crisis run: the answer first (P(hold)), then the detail."""

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
    extra: dict[str, Any] = field(default_factory=dict)

    # -- headline ------------------------------------------------------------------------------
    @property
    def p_hold(self) -> float:
        """P(the capital holds): parity reached before the defence has been below it for L hours."""
        return self.stats.hold / self.stats.n

    @property
    def p_hold_se(self) -> float:
        p = self.p_hold
        return math.sqrt(p * (1 - p) / self.stats.n)

    @property
    def p_parity_by_horizon(self) -> float:
        """P(the alliance restores parity within the horizon), whatever happened to the capital."""
        return self.stats.parity / self.stats.n

    # -- days to parity --------------------------------------------------------------------------
    def parity_distribution(self) -> pd.DataFrame:
        """Share of draws reaching parity on each day (day 0 = the first 24 h); ``None`` = not in the horizon."""
        k, _, step = grid(self.params)
        hist = self.stats.histogram
        hours = np.arange(k + 1) * step
        day = np.floor(hours / 24.0 - 1e-9).clip(min=0).astype(int)
        by_day = np.bincount(day, weights=hist[: k + 1].astype(float))
        frame = pd.DataFrame({"day": np.arange(len(by_day)), "draws": by_day.astype(np.int64)})
        frame["share"] = frame["draws"] / self.stats.n
        frame["cumulative_share"] = frame["share"].cumsum()
        return frame

    def parity_quantiles(self) -> dict[str, float | None]:
        """Quantiles of days to parity (censored draws count as beyond the horizon → None)."""
        k, _, step = grid(self.params)
        cumulative = np.cumsum(self.stats.histogram) / self.stats.n
        out: dict[str, float | None] = {}
        for q in QUANTILES:
            idx = int(np.searchsorted(cumulative, q - 1e-12))
            out[f"p{int(q * 100)}"] = None if idx > k else idx * step / 24.0
        return out

    # -- guarantors ------------------------------------------------------------------------------
    @property
    def contributions(self) -> pd.DataFrame:
        """Per guarantor: response rate, expected force delivered, mean arrival, marginal value (CRN)."""
        s, t, n = self.stats, self.theatre, self.stats.n
        _, _, step = grid(self.params)
        home = t.capability[: t.n_guarantors].copy()
        for c in range(t.n_guarantors, len(t.owner)):
            home[t.owner[c]] += t.capability[c]
        arrived = s.arrived.astype(float)
        mean_arrival = np.where(arrived > 0, s.arrival_steps * step / 24.0 / np.maximum(arrived, 1), np.nan)
        frame = pd.DataFrame(
            {
                "iso3": list(t.guarantors),
                "basis": list(t.basis),
                "condition": list(t.condition),
                "p_respond": t.p_respond,
                "responded_share": s.responded / n,
                "capability": np.where(np.isin(t.guarantors, t.missing), np.nan, home),
                "distance_km": t.distance_km[: t.n_guarantors],
                "mean_arrival_days": mean_arrival,
                "expected_by_fall": s.delivered_fall / n,
                "expected_by_horizon": s.delivered_horizon / n,
                "marginal_p_hold": (s.hold - s.hold_without) / n,
                "marginal_p_parity": (s.parity - s.parity_without) / n,
            }
        )
        return frame.sort_values(
            ["marginal_p_hold", "expected_by_horizon"], ascending=False, kind="stable"
        ).reset_index(drop=True)

    def summary(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "year": self.year,
            "scenario": self.scenario,
            "aggressor": self.theatre.aggressor,
            "p_hold": self.p_hold,
            "p_hold_se": self.p_hold_se,
            "p_parity_by_horizon": self.p_parity_by_horizon,
            "days_to_parity": self.parity_quantiles(),
            "draws": self.draws,
            "seed": self.seed,
            "chunk_size": self.chunk_size,
            "run_id": self.run_id,
            "unit": self.theatre.unit,
            "mean_own_force": self.stats.own / self.stats.n,
            "mean_aggressor_force": self.stats.aggressor / self.stats.n,
            "guarantors": len(self.theatre.guarantors),
        }

    def to_dict(self) -> dict[str, Any]:
        """Stable JSON shape (documented in docs/crisis.md)."""
        out = self.summary()
        out["params"] = self.params.model_dump(mode="json")
        out["parameter_sources"] = {k: {"source": v[0], "confidence": v[1]} for k, v in PARAMETER_SOURCES.items()}
        out["contributions"] = self.contributions
        out["parity_by_day"] = self.parity_distribution()
        out["notes"] = list(self.theatre.notes)
        out["data_sources"] = list(self.theatre.sources)
        if self.sensitivity is not None:
            out["sensitivity"] = self.sensitivity
        return out
