"""Who defends whom: a guarantor that defends only some allies, and guarantees outside Article 5.

- :class:`ConditionalGuarantee` — the guarantor's row of the guarantee matrix keeps only the allies
  at or above a threshold. The news case: Donald Trump's campaign statement at a rally in Conway,
  South Carolina on 10 February 2024 that he would not protect a NATO member that had not paid
  ("delinquent"), read as the 2% of GDP guideline.
- :class:`SecurityGuarantee` — providers commit to defend a party outside Article 5 (e.g. the
  European-led guarantee for Ukraine discussed from February 2025, with no US troops).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

import numpy as np
from pydantic import Field, field_validator

from natosim.data import MEASURES
from natosim.policies.base import Policy, PolicyError, to_iso3
from natosim.policies.groups import GROUPS, countries_mask, to_token
from natosim.policies.response import response_model
from natosim.rules.targets import printed
from natosim.state import BASIS_CODE, SECURITY_GUARANTEE, StatePanel


class ConditionalGuarantee(Policy):
    """The guarantor defends only allies whose ``measured_in`` is at least ``min_pct_gdp``.

    ``if_missing``: what the guarantor does for an ally with no figure (Iceland has no armed forces
    and no defence-expenditure figure): ``keep`` (default: natosim does not judge an ally on a
    figure that does not exist; such allies are listed as undetermined) or ``drop``.
    ``predict_response``: instead of the observed figures, use the spending each ally would choose
    once the guarantee is conditional (the response model of :mod:`natosim.policies.response`: the
    burden engine's estimated spending model, or its game's exclusion equilibrium labelled an
    illustration); the figures used are marked projected.
    """

    kind: ClassVar[str] = "conditional-guarantee"
    type: Literal["conditional-guarantee"] = "conditional-guarantee"
    guarantor: str
    min_pct_gdp: float = Field(ge=0, le=100)
    measured_in: str = "defence_exp_pct_gdp"
    if_missing: Literal["keep", "drop"] = "keep"
    predict_response: bool = False

    @field_validator("guarantor", mode="before")
    @classmethod
    def _country(cls, value: object) -> str:
        return to_iso3(value)

    @field_validator("measured_in")
    @classmethod
    def _measure(cls, value: str) -> str:
        if value not in MEASURES:
            raise ValueError(f"unknown figure {value!r}; allowed: {', '.join(MEASURES)}")
        return value

    def condition_text(self) -> str:
        return f"only if {self.measured_in} >= {self.min_pct_gdp:g}"

    def apply_panel(self, panel: StatePanel) -> StatePanel:
        if self.guarantor not in panel.parties:
            raise PolicyError(f"{self.guarantor} is not a party: a guarantor must be an ally", field="guarantor")
        if self.predict_response:
            panel = self._predicted(panel)
        g = panel.index(self.guarantor)
        values = panel.values[self.measured_in]
        missing = np.isnan(values)
        with np.errstate(invalid="ignore"):
            meets = printed(values) >= self.min_pct_gdp  # the one "meets" rule (rules/targets.py)
        keep = meets | (missing if self.if_missing == "keep" else False)
        row = panel.guarantee[:, g, :]
        new_row = row & keep
        removed = row & ~new_row
        guarantee, basis, troops, condition = (
            a.copy() for a in (panel.guarantee, panel.basis, panel.troops, panel.condition)
        )
        panel, code = panel.condition_code(self.condition_text())
        guarantee[:, g, :] = new_row
        basis[:, g, :] = np.where(new_row, basis[:, g, :], 0)
        troops[:, g, :] &= new_row
        condition[:, g, :] = np.where(new_row, code, 0)
        parties = np.asarray(panel.parties, dtype=object)
        by_year = {str(y): parties[removed[i]].tolist() for i, y in enumerate(panel.years)}
        undetermined = {str(y): parties[row[i] & missing[i]].tolist() for i, y in enumerate(panel.years)}
        panel = panel.replace(guarantee=guarantee, basis=basis, troops=troops, condition=condition)
        return panel.with_trace(
            self.record(
                f"{self.guarantor} keeps its guarantee only for allies with {self.measured_in} >= "
                f"{self.min_pct_gdp:g}; no figure → {self.if_missing}",
                guarantee_removed=by_year,
                undetermined=undetermined,
            )
        )

    def _predicted(self, panel: StatePanel) -> StatePanel:
        """Replace the measured figure by the predicted response, year by year (marked projected).

        The prediction comes from the response model declared for natosim (the burden engine's,
        :mod:`natosim.policies.response`). US$ figures are rescaled with the % of GDP (same GDP),
        so the two never disagree.
        """
        response = response_model()(
            panel, guarantor=self.guarantor, threshold_pct=self.min_pct_gdp, measure=self.measured_in
        )
        values = {m: v.copy() for m, v in panel.values.items()}
        projected = {m: panel.projected.get(m, np.zeros(v.shape, dtype=bool)).copy() for m, v in values.items()}
        for y in range(len(panel.years)):
            predicted_row = response.values[y]
            columns = np.flatnonzero(np.isfinite(predicted_row))
            old = values[self.measured_in][y, columns].copy()
            values[self.measured_in][y, columns] = predicted_row[columns]
            projected[self.measured_in][y, columns] = True
            if self.measured_in == "defence_exp_pct_gdp":
                with np.errstate(invalid="ignore", divide="ignore"):
                    ratio = predicted_row[columns] / old
                for money in ("defence_exp_usd_current_mn", "defence_exp_usd_constant_mn"):
                    if money in values:
                        values[money][y, columns] = values[money][y, columns] * ratio
                        projected[money][y, columns] |= np.isfinite(ratio)
        unsolved = dict(response.unsolved)
        method = {
            "policy": self.kind,
            "measure": self.measured_in,
            "kind": response.kind,
            "method": f"{response.source}; predicted response to a {self.guarantor} guarantee conditional on "
            f"{self.min_pct_gdp:g}%; US$ figures rescaled with the % of GDP"
            + (f"; observed figures kept where the game has no solution: {unsolved}" if unsolved else ""),
        }
        return panel.replace(
            values={m: values[m] for m in panel.values},
            projected={**dict(panel.projected), **{m: projected[m] for m in projected if projected[m].any()}},
            projections=(*panel.projections, method),
        )


class SecurityGuarantee(Policy):
    """``providers`` commit to defend ``protected`` outside Article 5 (troops or not).

    Providers are countries or groups (all, all-members, european-allies, europe-and-canada; see
    :mod:`natosim.policies.groups`); ``excluded`` removes countries
    from them. Where a provider already defends the party under Article 5 the stronger basis stays.
    ``from_date``: the guarantee holds from that date (default: every year of the scenario).
    """

    kind: ClassVar[str] = "security-guarantee"
    type: Literal["security-guarantee"] = "security-guarantee"
    protected: str
    providers: list[str] = Field(min_length=1)
    excluded: list[str] = Field(default_factory=list)
    troops: bool = False
    basis: Literal["security-guarantee", "bilateral-pact"] = "security-guarantee"
    condition: str = ""
    from_date: dt.date | None = None

    @field_validator("protected", mode="before")
    @classmethod
    def _protected(cls, value: object) -> str:
        return to_iso3(value)

    @field_validator("providers", mode="before")
    @classmethod
    def _providers(cls, value: object) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ValueError("expected a list of countries or groups")
        return [to_token(v) for v in value]

    @field_validator("excluded", mode="before")
    @classmethod
    def _excluded(cls, value: object) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ValueError("expected a list of countries")
        return [to_iso3(v) for v in value]

    def parties_needed(self) -> tuple[str, ...]:
        return (self.protected, *(p for p in self.providers if p not in GROUPS))

    def apply_panel(self, panel: StatePanel) -> StatePanel:
        p = panel.index(self.protected)
        active = (
            np.ones(len(panel.years), dtype=bool)
            if self.from_date is None
            else panel.year_ends() >= np.datetime64(self.from_date)
        )
        providers = countries_mask(panel, self.providers, self.excluded) & active[:, None]
        providers[:, p] = False
        column = panel.guarantee[:, :, p]
        new = providers & ~column
        guarantee, basis, troops, condition = (
            a.copy() for a in (panel.guarantee, panel.basis, panel.troops, panel.condition)
        )
        code = 0
        if self.condition:
            panel, code = panel.condition_code(self.condition)
        guarantee[:, :, p] |= providers
        basis[:, :, p] = np.where(new, np.uint8(BASIS_CODE[self.basis]), basis[:, :, p])
        troops[:, :, p] |= providers & self.troops
        condition[:, :, p] = np.where(new, code, condition[:, :, p])
        parties = np.asarray(panel.parties, dtype=object)
        by_year: dict[str, Any] = {str(y): parties[providers[i]].tolist() for i, y in enumerate(panel.years)}
        panel = panel.replace(guarantee=guarantee, basis=basis, troops=troops, condition=condition)
        troops_text = "with troops" if self.troops else "without troops"
        excluded = f", excluding {', '.join(self.excluded)}" if self.excluded else ""
        return panel.with_trace(
            self.record(
                f"{', '.join(self.providers)}{excluded} guarantee {self.protected} ({self.basis}, {troops_text})",
                providers=by_year,
                basis_code=SECURITY_GUARANTEE,
            )
        )
