"""The crisis model's assumptions: each a named parameter with a default, a unit, a range and a source.

Why a pydantic model: the same object validates a CLI ``--param``, an API ``params`` body, a sweep
grid and a stored run, so an error reads the same everywhere, and a stored run can be re-created
exactly from its JSON. ``ASSUMPTIONS`` gives, for every uncertain parameter, its unit, the
low/high ends of its plausible range (used by the global sensitivity analysis and ``p_hold_range``),
its source and a confidence label. Dated figures (forces, Russia's commitment in Ukraine) are not
parameters: they come from ``forces.yaml``; two parameters scale or replace them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from natosim.errors import NatosimError


class CrisisError(NatosimError):
    """Bad input to the crisis model (unknown parameter, out-of-range value, missing figure)."""

    kind = "crisis_error"


@dataclass(frozen=True)
class Assumption:
    """What a reader needs to judge one parameter: its unit, plausible range, source and confidence."""

    unit: str
    low: float
    high: float
    source: str
    confidence: str


B_F_2018 = "Berkemeier & Fuhrmann (2018), Research & Politics 5(2)"
LLM_2000 = "Leeds, Long & Mitchell (2000), J. Conflict Resolution 44(5)"

#: parameter → its unit, range and source. Every entry is in the sensitivity analysis.
ASSUMPTIONS: dict[str, Assumption] = {
    "reliability": Assumption(
        "probability",
        0.22,
        0.745,
        f"{B_F_2018}: defence pacts honoured in war 41% of the time (1816-2003); range: 22% after 1945 "
        f"(same paper) to 74.5% for all alliance types 1816-1944 ({LLM_2000})",
        "medium (base rates over all defence pacts, not NATO-specific; NATO's one invocation, 2001, was honoured)",
    ),
    "us_reliability": Assumption(
        "probability",
        0.22,
        0.745,
        f"the same base rate as the other allies ({B_F_2018}); separate because scenarios change it",
        "medium",
    ),
    "decision_correlation": Assumption(
        "correlation",
        0.0,
        0.9,
        "assumption: allies' decisions share one political factor (Gaussian copula); 0 = independent coin flips",
        "low",
    ),
    "decision_delay_days": Assumption(
        "days",
        0.5,
        3.0,
        "NATO activated the VJTF on 25 Feb 2022, one day after Russia's invasion of Ukraine (press, 26 Feb 2022)",
        "medium (one event)",
    ),
    "decision_sigma": Assumption("log-sd", 0.25, 1.25, "assumption: spread of each ally's decision delay", "low"),
    "warning_days": Assumption(
        "days",
        0.0,
        7.0,
        "assumption: strategic warning before the attack, during which allies can decide and move (0 = surprise)",
        "low",
    ),
    "reinforcement_share": Assumption(
        "share",
        0.1,
        0.6,
        "assumption: share of each readiness tier sent to the target (NATO's regional plans are not public)",
        "low",
    ),
    "readiness_scale": Assumption(
        "factor",
        0.75,
        2.0,
        "assumption: multiplies the readiness windows; >1 as NATO officials called the Force Model a target "
        "still being populated (CNN, 2022-06-30)",
        "low",
    ),
    "speed_km_per_day": Assumption(
        "km/day",
        250.0,
        1000.0,
        "assumption: movement of heavy forces by road, rail and sea (EU officials, Nov 2025: about 45 days "
        "port-to-border today, aim 3-5 days; FT via Defence24)",
        "low",
    ),
    "force_sigma": Assumption("log-sd", 0.0, 0.5, "assumption: spread of the troops a contingent delivers", "low"),
    "home_share": Assumption(
        "share",
        0.4,
        0.8,
        "assumption: share of the target's military personnel (NATO Table 7, all services) fighting on land "
        "from hour 0; reservists are not counted",
        "low",
    ),
    "home_effectiveness": Assumption(
        "factor",
        0.3,
        1.0,
        "assumption: combat value per soldier of the target's mostly light forces, relative to allied "
        "mechanised forces (RAND 2016: light forces could not stop mechanised Russian units)",
        "low",
    ),
    "heavy_factor": Assumption(
        "factor",
        1.0,
        3.0,
        "assumption: combat value per soldier of a heavy armoured brigade (RAND 2016 stresses 'three heavy "
        "armored brigades')",
        "low",
    ),
    "us_enabler_factor": Assumption(
        "factor",
        1.0,
        2.5,
        "assumption: US air power, ISR, logistics and air defence multiply allied combat power when the US "
        "takes part (RAND 2016: the posture must be 'adequately supported by airpower, land-based fires, and "
        "other enablers'); its size is not published",
        "low",
    ),
    "russia_force_scale": Assumption(
        "factor",
        0.67,
        2.0,
        "multiplies Russia's Baltic-facing ground forces (about 30,000 before the invasion, Foreign Policy "
        "Oct 2022); 2.0: Estonian intelligence (Feb 2024) expects the forces near Estonia to roughly double",
        "medium (figure); low (range)",
    ),
    "ukraine_committed_share": Assumption(
        "share",
        0.0,
        0.8,
        "dated (forces.yaml): share of those forces committed in Ukraine, 0 before 2022, up to 80% from "
        "Oct 2022 (Foreign Policy); range: 0 (after a ceasefire) to the dated value",
        "medium",
    ),
    "russia_effectiveness": Assumption(
        "factor",
        0.7,
        1.3,
        "assumption: Russian combat value per soldier relative to allied forces (RAND later reviewed why "
        "pre-war games overestimated Russian effectiveness)",
        "low",
    ),
    "break_ratio": Assumption(
        "ratio",
        2.0,
        4.0,
        "the 3:1 rule (Mearsheimer 1989, Int. Security 13(4)); contested by Dupuy (1989, same journal)",
        "medium",
    ),
    "stall_ratio": Assumption(
        "ratio",
        0.75,
        1.5,
        "Dupuy's verities: 'advance against opposition requires local combat power preponderance' (1:1)",
        "medium",
    ),
    "opposed_km_per_day": Assumption(
        "km/day",
        10.0,
        26.0,
        "Dupuy: daily advance rates against opposition about 17 km (Napoleonic) to 26 km (1973 war); "
        "campaign averages lower (Dupuy Institute, 'Combat Advance Rate Verities')",
        "medium",
    ),
    "breakthrough_min_km_per_day": Assumption(
        "km/day",
        60.0,
        100.0,
        "RAND 2016: Russian forces reached Tallinn (~195 km from Narva) and Riga (~205 km from the border) in "
        "36-60 h: speeds at which both fall within that range are 82-130 km/day",
        "medium (derived)",
    ),
    "breakthrough_max_km_per_day": Assumption(
        "km/day", 110.0, 160.0, "as breakthrough_min_km_per_day (RAND 2016, derived)", "medium (derived)"
    ),
    "brigade_troops": Assumption(
        "troops",
        4300.0,
        5000.0,
        "Shlapak (2017), RAND CT-467: seven brigades are 30,000-35,000 soldiers",
        "high",
    ),
}


class CrisisParams(BaseModel):
    """Assumptions of the crisis model (v2, forces). ``ASSUMPTIONS`` gives each one's range and source."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    aggressor: Literal["RUS"] = "RUS"
    reliability: float = Field(default=0.41, ge=0.0, le=1.0)
    us_reliability: float = Field(default=0.41, ge=0.0, le=1.0)
    reliability_overrides: dict[str, float] = Field(default_factory=dict)
    decision_correlation: float = Field(default=0.5, ge=0.0, le=0.999)
    decision_delay_days: float = Field(default=1.0, ge=0.0, le=60.0)
    decision_sigma: float = Field(default=0.75, ge=0.0, le=3.0)
    warning_days: float = Field(default=2.0, ge=0.0, le=90.0)
    reinforcement_share: float = Field(default=0.33, ge=0.0, le=1.0)
    readiness_scale: float = Field(default=1.0, gt=0.0, le=10.0)
    speed_km_per_day: float = Field(default=500.0, gt=0.0, le=5000.0)
    force_sigma: float = Field(default=0.25, ge=0.0, le=3.0)
    home_share: float = Field(default=0.6, ge=0.0, le=1.0)
    home_effectiveness: float = Field(default=0.5, gt=0.0, le=5.0)
    heavy_factor: float = Field(default=1.5, gt=0.0, le=10.0)
    us_enabler_factor: float = Field(default=1.5, ge=1.0, le=10.0)
    russia_force_scale: float = Field(default=1.0, ge=0.0, le=20.0)
    ukraine_committed_share: float | None = Field(default=None, ge=0.0, le=1.0)
    russia_effectiveness: float = Field(default=1.0, gt=0.0, le=10.0)
    break_ratio: float = Field(default=3.0, gt=0.0, le=20.0)
    stall_ratio: float = Field(default=1.0, gt=0.0, le=20.0)
    opposed_km_per_day: float = Field(default=20.0, ge=0.0, le=500.0)
    breakthrough_min_km_per_day: float = Field(default=82.0, gt=0.0, le=2000.0)
    breakthrough_max_km_per_day: float = Field(default=130.0, gt=0.0, le=2000.0)
    brigade_troops: float = Field(default=4700.0, gt=0.0, le=20000.0)
    outset_brigades: int = Field(default=0, ge=0, le=100)
    outset_heavy_brigades: int = Field(default=0, ge=0, le=100)
    horizon_days: float = Field(default=30.0, gt=0.0, le=365.0)

    @field_validator("reliability_overrides")
    @classmethod
    def _overrides_are_probabilities(cls, value: dict[str, float]) -> dict[str, float]:
        for iso3, p in value.items():
            if not 0.0 <= p <= 1.0:
                raise ValueError(f"reliability override for {iso3} must be between 0 and 1, got {p}")
        return {k.upper(): float(v) for k, v in value.items()}

    @model_validator(mode="after")
    def _ranges_are_ordered(self) -> CrisisParams:
        if self.breakthrough_max_km_per_day < self.breakthrough_min_km_per_day:
            raise ValueError("breakthrough_max_km_per_day must be >= breakthrough_min_km_per_day")
        if self.stall_ratio > self.break_ratio:
            raise ValueError("stall_ratio must be <= break_ratio")
        if self.outset_heavy_brigades > self.outset_brigades:
            raise ValueError("outset_heavy_brigades must be <= outset_brigades")
        return self

    @classmethod
    def build(cls, values: dict[str, Any] | None = None, *, base: CrisisParams | None = None) -> CrisisParams:
        """Validate ``values`` (on top of ``base``), turning pydantic errors into one ``CrisisError``."""
        merged = {**(base.model_dump() if base else {}), **(values or {})}
        unknown = sorted(set(values or {}) - set(cls.model_fields))
        if unknown:
            raise CrisisError(
                f"unknown crisis parameter(s) {', '.join(unknown)}; valid: {', '.join(cls.model_fields)}",
                field="param",
            )
        try:
            return cls.model_validate(merged)
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "params"
            raise CrisisError(f"crisis parameter {where}: {first['msg']}", field=where) from None


#: parameters that are settings of the question, not uncertain assumptions (not in the sensitivity)
SETTINGS: dict[str, str] = {
    "aggressor": "the attacker (the forces data cover Russia only)",
    "reliability_overrides": "user input per guarantor (e.g. 0 for an ally whose policy withdraws)",
    "outset_brigades": "posture question: allied brigades in the target at the outset (RAND's 7)",
    "outset_heavy_brigades": "posture question: of which heavy armoured (RAND's 3)",
    "horizon_days": "question: how long the capital must hold (NATO Force Model tier 2 ends at day 30)",
}


def assumptions(params: CrisisParams, dated: dict[str, float] | None = None) -> list[dict[str, Any]]:
    """The API/JSON list of assumptions: ``{name, value, unit, low, high, source, confidence}``.

    ``dated`` gives the value a parameter takes from the data when it is not set (e.g. Russia's
    dated commitment in Ukraine); a range's high end never falls below that value.
    """
    out = []
    for name, a in ASSUMPTIONS.items():
        value = getattr(params, name)
        if value is None and dated is not None:
            value = dated.get(name)
        high = a.high if name != "ukraine_committed_share" or dated is None else dated.get(name, a.high)
        out.append(
            {
                "name": name,
                "value": value,
                "unit": a.unit,
                "low": a.low,
                "high": high,
                "source": a.source,
                "confidence": a.confidence,
            }
        )
    return out


#: kept for callers of v1: parameter → (source, confidence)
PARAMETER_SOURCES: dict[str, tuple[str, str]] = {
    **{name: (a.source, a.confidence) for name, a in ASSUMPTIONS.items()},
    **{name: (why, "-") for name, why in SETTINGS.items()},
}
