"""Money: allies on a declared path towards a pledge, and pledges with another target or deadline.

:class:`SpendingPath` projects figures — they are never data. Each projected cell is marked in
``StatePanel.projected`` and the method is stated in ``StatePanel.projections``:

- share of GDP: a straight line from the ally's share in ``from_year`` to ``target_pct_gdp`` in
  ``by_year``, then flat; an ally already above the target keeps its share (a pledge is a floor);
- GDP: the ally's ``from_year`` GDP (current US$) grown at a real rate — ``gdp_growth`` if the
  scenario states one, else the ally's average (compound) real growth over the last 10 years of
  data, from NATO's real GDP in constant US$ (``real_gdp_usd_constant_bn``). Projected US$ are
  therefore in ``from_year`` prices, not nominal;
- spending: share × GDP. ``extra_usd_mn`` is what the path adds over keeping the ``from_year``
  share at the same projected GDP: the cost of the pledge, not of growth.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd
from pydantic import Field, field_validator, model_validator

from natosim import rules
from natosim.data import Dataset
from natosim.policies.base import Policy, PolicyError
from natosim.policies.groups import countries_mask, to_token
from natosim.state import StatePanel, _base

PCT, GDP, USD = "defence_exp_pct_gdp", "gdp_usd_current_bn", "defence_exp_usd_current_mn"
GROWTH_WINDOW = 10


def real_growth(
    edition: str | None, from_year: int, *, dataset: Dataset | None = None, as_of: dt.date | None = None
) -> tuple[np.ndarray, tuple[int, int]]:
    """Each ally's average real GDP growth (per year, as a fraction) over the 10 years to ``from_year``.

    Compound rate from NATO's real GDP (constant US$): ``(R[from] / R[from-10]) ** (1/10) - 1``; the
    window is shorter if the data start later (the window used is returned). NaN if a figure is missing.
    """
    base = _base(edition, dataset, as_of)
    years = base.data_years
    if from_year not in years:
        raise PolicyError(f"no figures for {from_year}: years of data are {years[0]}–{years[-1]}", field="from_year")
    start = max(years[0], from_year - GROWTH_WINDOW)
    real = base.values["real_gdp_usd_constant_bn"]
    first, last = real[years.index(start)], real[years.index(from_year)]
    span = from_year - start
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = (last / first) ** (1.0 / span) - 1.0 if span > 0 else np.full(last.shape, np.nan)
    return rate, (start, from_year)


class SpendingPath(Policy):
    """``countries`` (or ``all``) move linearly to ``target_pct_gdp`` by ``by_year``."""

    kind: ClassVar[str] = "spending-path"
    type: Literal["spending-path"] = "spending-path"
    countries: list[str] | Literal["all"] = "all"
    target_pct_gdp: float = Field(gt=0, le=100)
    by_year: int = Field(ge=2000, le=2100)
    shape: Literal["linear"] = "linear"
    gdp_growth: float | None = Field(
        default=None, ge=-0.5, le=0.5, description="real growth per year as a fraction (0.015 = 1.5%)"
    )
    from_year: int | None = None
    pledge: str | None = None

    @field_validator("countries", mode="before")
    @classmethod
    def _countries(cls, value: object) -> object:
        if value == "all":
            return "all"
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ValueError("expected 'all' or a list of allies")
        return [to_token(v) for v in value]

    @model_validator(mode="after")
    def _order(self) -> SpendingPath:
        if self.from_year is not None and self.from_year >= self.by_year:
            raise ValueError(f"from_year ({self.from_year}) must be before by_year ({self.by_year})")
        return self

    def start_year(self, panel: StatePanel) -> int:
        if self.from_year is not None:
            return self.from_year
        held = [int(fy) for y, fy in zip(panel.years, panel.figures_year, strict=True) if y != fy]
        if held:
            return held[0]
        # the latest year of data having both the share and the GDP of some ally
        base = panel.base()
        both = ~np.isnan(base.values[PCT]) & ~np.isnan(base.values[GDP])
        return int(np.asarray(base.data_years)[both.any(axis=1)].max())

    def apply_panel(self, panel: StatePanel) -> StatePanel:
        start = self.start_year(panel)
        base = panel.base()
        if start not in base.data_years:
            raise PolicyError(f"from_year {start} has no figures", field="from_year")
        row = base.data_years.index(start)
        n_allies = len(base.allies)
        pad = len(panel.parties) - n_allies

        def start_values(measure: str) -> np.ndarray:
            return np.concatenate([base.values[measure][row], np.full(pad, np.nan)])

        pct0, gdp0 = start_values(PCT), start_values(GDP)
        if self.gdp_growth is None:
            rate, window = real_growth(panel.edition, start, dataset=panel.dataset, as_of=panel.as_of)
            rate = np.concatenate([rate, np.full(pad, np.nan)])
            growth_basis = f"average real GDP growth {window[0]}–{window[1]} (NATO real GDP, constant US$), per ally"
        else:
            rate, window = np.full(len(panel.parties), self.gdp_growth), (start, start)
            growth_basis = f"stated in the scenario: {self.gdp_growth:.2%} a year, every ally"

        years = np.asarray(panel.years)
        steps = years - start
        future = steps > 0
        chosen = countries_mask(panel, ["all"] if self.countries == "all" else self.countries)
        cells = chosen & future[:, None]
        fraction = np.clip(steps / (self.by_year - start), 0.0, 1.0)[:, None]
        line = pct0[None, :] + (self.target_pct_gdp - pct0[None, :]) * fraction
        pct = np.maximum(line, pct0[None, :])
        gdp = gdp0[None, :] * (1.0 + rate[None, :]) ** np.maximum(steps, 0)[:, None]
        usd = pct / 100.0 * gdp * 1000.0
        extra = (pct - pct0[None, :]) / 100.0 * gdp * 1000.0

        values, projected = dict(panel.values), dict(panel.projected)
        for measure, new in ((PCT, pct), (GDP, gdp), (USD, usd)):
            updated = panel.values[measure].copy()
            updated[cells] = new[cells]
            values[measure] = updated
            mask = projected.get(measure, np.zeros(cells.shape, dtype=bool)) | cells
            projected[measure] = mask
        target = f"{self.target_pct_gdp:g}% of GDP by {self.by_year}"
        method = {
            "policy": self.kind,
            "measures": [PCT, GDP, USD],
            "method": f"linear path from the {start} share to {target} (never below the {start} share); "
            f"GDP from {start} current US$ grown at {growth_basis} (so US$ in {start} prices)",
            "from_year": start,
            "growth_basis": growth_basis,
        }
        y_idx, p_idx = np.nonzero(cells)
        parties = np.asarray(panel.parties, dtype=object)
        table = pd.DataFrame(
            {
                "iso3": parties[p_idx],
                "year": years[y_idx],
                "pct_gdp": pct[y_idx, p_idx],
                "start_pct_gdp": pct0[p_idx],
                "gdp_usd_bn": gdp[y_idx, p_idx],
                "spending_usd_mn": usd[y_idx, p_idx],
                "extra_usd_mn": extra[y_idx, p_idx],
                "gdp_growth": rate[p_idx],
                "from_year": start,
                "projected": True,
            }
        )
        panel = panel.replace(values=values, projected=projected, projections=(*panel.projections, method))
        panel = panel.with_extra("paths", table)
        no_start = sorted(set(parties[p_idx][np.isnan(pct0[p_idx])]))
        return panel.with_trace(
            self.record(
                f"{'every ally' if self.countries == 'all' else ', '.join(self.countries)} on a {self.shape} "
                f"path to {target} from {start}",
                method=method["method"],
                no_start_figure=no_start,
                rules=[self._pledge_rule()] if self.pledge else [],
            )
        )

    def _pledge_rule(self) -> dict[str, Any]:
        pledge = rules.pledge(str(self.pledge))
        return {
            "rule": pledge.name,
            "id": pledge.id,
            "date": pledge.adopted.isoformat(),
            "source": pledge.source,
            "confidence": pledge.confidence,
        }


class PledgeChange(Policy):
    """The pledge ``pledge`` takes another target and/or deadline from ``from_date`` (default: always)."""

    kind: ClassVar[str] = "pledge-change"
    type: Literal["pledge-change"] = "pledge-change"
    pledge: str
    target_pct_gdp: float | None = Field(default=None, gt=0, le=100)
    deadline: dt.date | None = None
    from_date: dt.date | None = None

    @field_validator("pledge")
    @classmethod
    def _known(cls, value: str) -> str:
        known = [p.id for p in rules.pledges()]
        if value not in known:
            raise ValueError(f"unknown pledge {value!r}; allowed: {', '.join(known)}")
        return value

    @model_validator(mode="after")
    def _something(self) -> PledgeChange:
        if self.target_pct_gdp is None and self.deadline is None:
            raise ValueError("give target_pct_gdp and/or deadline")
        return self

    def apply_panel(self, panel: StatePanel) -> StatePanel:
        update: dict[str, Any] = {}
        if self.target_pct_gdp is not None:
            update["target_pct_gdp"] = self.target_pct_gdp
        if self.deadline is not None:
            update["deadline"] = self.deadline
        active = (
            [True] * len(panel.years)
            if self.from_date is None
            else list(panel.year_ends() >= np.datetime64(self.from_date))
        )
        changed_years: list[int] = []
        pledges = []
        for year, on, in_force in zip(panel.years, active, panel.pledges, strict=True):
            row = []
            for pledge in in_force:
                if on and pledge.id == self.pledge:
                    note = f"{pledge.note} [changed by scenario: {update}]".strip()
                    row.append(pledge.model_copy(update={**update, "note": note}))
                    changed_years.append(year)
                else:
                    row.append(pledge)
            pledges.append(tuple(row))
        panel = panel.replace(pledges=tuple(pledges))
        return panel.with_trace(
            self.record(
                f"pledge {self.pledge} changed: {', '.join(f'{k}={v}' for k, v in update.items())}", years=changed_years
            )
        )
