"""The crisis model's assumptions: every one a named parameter with a default and its source.

Why a pydantic model: the same object validates a CLI ``--param``, a sweep grid and a stored run,
so an error reads the same everywhere, and a stored run can be re-created exactly from its JSON.
The defaults are documented with equations in ``docs/model/crisis.md``; ``PARAMETER_SOURCES``
gives each parameter's source (or says plainly that it is a modelling assumption).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from natosim.errors import NatosimError


class CrisisError(NatosimError):
    """Bad input to the crisis model (unknown parameter, out-of-range value, missing figure)."""

    kind = "crisis_error"


class Stationing(BaseModel):
    """Forces a guarantor keeps abroad: they leave from the host's capital, not from home.

    Without this the US would always sail from Washington; with it, the part of US forces based in
    Europe (Bruegel/Kiel 2025: about 100,000 troops) starts from Germany.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    guarantor: str
    host: str
    personnel_thousands: float = Field(gt=0)
    source: str


#: US forces in Europe: Burilkov & Wolff (2025), Bruegel/Kiel, in ../shared/data/russia_forces.yaml
#: (``us_forces_in_europe: 100000``). Hosted in Germany, the largest host (placement: assumption).
US_FORCES_IN_EUROPE = Stationing(
    guarantor="USA",
    host="DEU",
    personnel_thousands=100.0,
    source="Burilkov & Wolff (2025), Defending Europe without the US, Bruegel/Kiel (russia_forces.yaml)",
)


class CrisisParams(BaseModel):
    """Assumptions of the crisis Monte Carlo (v1). See ``PARAMETER_SOURCES`` for each default's source."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    aggressor: str = "RUS"
    reliability: float = Field(default=0.745, ge=0.0, le=1.0)
    reliability_overrides: dict[str, float] = Field(default_factory=dict)
    capability: Literal["spending", "personnel"] = "spending"
    money_basis: Literal["constant", "current"] = "constant"
    deployable_share: float = Field(default=0.40, gt=0.0, le=1.0)
    capability_sigma: float = Field(default=0.25, ge=0.0, le=3.0)
    home_share: float = Field(default=1.0, gt=0.0, le=1.0)
    aggressor_share: float = Field(default=0.25, gt=0.0, le=1.0)
    aggressor_capability: float | None = Field(default=None, gt=0.0)
    threshold: float = Field(default=1.0 / 3.0, gt=0.0, le=10.0)
    fall_after_min_hours: float = Field(default=36.0, ge=0.0)
    fall_after_max_hours: float = Field(default=60.0, ge=0.0)
    warning_days: float = Field(default=2.0, ge=0.0, le=90.0)
    decision_delay_days: float = Field(default=1.0, ge=0.0)
    decision_sigma: float = Field(default=0.75, ge=0.0, le=3.0)
    mobilisation_days: float = Field(default=4.0, ge=0.0)
    mobilisation_sigma: float = Field(default=0.55, ge=0.0, le=3.0)
    speed_km_per_day: float = Field(default=500.0, gt=0.0)
    horizon_days: float = Field(default=30.0, gt=0.0, le=365.0)
    step_hours: float = Field(default=1.0, gt=0.0, le=24.0)
    stationed: tuple[Stationing, ...] = (US_FORCES_IN_EUROPE,)

    @field_validator("reliability_overrides")
    @classmethod
    def _overrides_are_probabilities(cls, value: dict[str, float]) -> dict[str, float]:
        for iso3, p in value.items():
            if not 0.0 <= p <= 1.0:
                raise ValueError(f"reliability override for {iso3} must be between 0 and 1, got {p}")
        return {k.upper(): float(v) for k, v in value.items()}

    @model_validator(mode="after")
    def _ranges_are_ordered(self) -> CrisisParams:
        if self.fall_after_max_hours < self.fall_after_min_hours:
            raise ValueError("fall_after_max_hours must be >= fall_after_min_hours")
        if self.fall_after_max_hours > self.horizon_days * 24:
            raise ValueError("fall_after_max_hours must lie within the horizon (horizon_days * 24)")
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


#: parameter → (default's source or "assumption", confidence). Rendered in docs/model/crisis.md.
PARAMETER_SOURCES: dict[str, tuple[str, str]] = {
    "aggressor": ("SIPRI Military Expenditure Database 2025 (natosim.comparators, source sipri-2025)", "high"),
    "reliability": (
        "Leeds, Long & Mitchell (2000), JCR 44(5): 74.5% of alliance commitments honoured, "
        "1816-1944 (../shared/data/reliability.yaml)",
        "high (as a base rate; not NATO-specific)",
    ),
    "reliability_overrides": ("user input (e.g. 0 for a guarantor whose policy withdraws the guarantee)", "-"),
    "capability": (
        "NATO, Defence Expenditure of NATO Countries 2014-2024 (nato-2024-06): Table 2 constant "
        "2015 US$, or Table 7 military personnel",
        "high (figures); proxy (spending as force)",
    ),
    "money_basis": (
        "allies: NATO constant 2015 US$; aggressor: SIPRI constant 2023 US$ rebased to 2015 "
        "by its own 2015 current/constant ratio (or both current US$ of the year)",
        "high",
    ),
    "deployable_share": (
        "NATO usability targets, Istanbul 2004: 40% of land forces deployable, 8% sustainable (NATO news, 13 Oct 2004)",
        "high (target); assumption (applied to money)",
    ),
    "capability_sigma": ("assumption: spread of the force actually delivered around its mean", "low"),
    "home_share": ("assumption: the target defends with all its forces from day 0", "medium"),
    "aggressor_share": (
        "assumption: one of Russia's four military districts (2010-2024) faces the Baltic; see the sensitivity table",
        "low",
    ),
    "aggressor_capability": (
        "user input; needed with capability=personnel for 2022-2024 (IISS Military "
        "Balance: 900k active pre-war, 1.134m early 2025, russia_forces.yaml)",
        "medium",
    ),
    "threshold": (
        "the 3:1 rule: the attacker needs about three times the defender locally (Mearsheimer 1989, "
        "'Assessing the Conventional Balance: The 3:1 Rule and Its Critics', Int. Security 13(4))",
        "medium",
    ),
    "fall_after_min_hours": (
        "RAND 2016 (Shlapak & Johnson, RR-1253-A): Russian forces at Tallinn/Riga in "
        "36 h at the fastest (press reports of the report)",
        "medium",
    ),
    "fall_after_max_hours": ("RAND 2016 (Shlapak & Johnson, RR-1253-A): at most 60 h (RAND summary)", "high"),
    "warning_days": (
        "assumption: two days of strategic warning before the attack, during which guarantors "
        "can decide and move (0 = surprise attack: P(hold) is then 0, since nothing arrives "
        "within 60 h); the most influential assumption, see the sensitivity table",
        "low",
    ),
    "decision_delay_days": (
        "NATO activated the VJTF on 25 Feb 2022, one day after Russia's invasion of "
        "Ukraine (press, 26 Feb 2022); spread: assumption",
        "medium",
    ),
    "decision_sigma": ("assumption", "low"),
    "mobilisation_days": (
        "SHAPE, VJTF Q&A: some units ready to deploy in two days, most ready to move in "
        "under seven; median 4 days, 10th percentile about 2 days",
        "medium",
    ),
    "mobilisation_sigma": ("fitted to the SHAPE statement above (P(<2 days) about 10%)", "medium"),
    "speed_km_per_day": ("assumption: road/rail/sea movement of heavy forces; see the sensitivity table", "low"),
    "horizon_days": (
        "NATO Force Model (Madrid 2022) tiers: 100,000 troops within 10 days, 200,000 within 10-30 days",
        "medium",
    ),
    "step_hours": ("model resolution: the balance is checked hour by hour", "-"),
    "stationed": (
        "Burilkov & Wolff (2025), Bruegel/Kiel: about 100,000 US troops in Europe "
        "(russia_forces.yaml); based in Germany (assumption); applied to every year",
        "medium",
    ),
}
