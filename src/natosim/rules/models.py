"""Typed shapes of the rules: pledges, the treaty, invocations, national law, ratification history.

Every model is a frozen pydantic model that refuses unknown fields, so a typo in a YAML file under
``rules/parameters/`` is an error on load (naming the file, line and field), not a silently
ignored rule. Each model carries its source and confidence label, copied from the facts files in
``../shared/data`` (see docs/rules.md).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator, model_validator

Outcome = Literal["possible", "blocked", "contested"]


class RuleModel(BaseModel):
    """Base: immutable, strict about field names."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Pledge(RuleModel):
    """A spending pledge with the date it was adopted (OpenFisca-style dated parameter)."""

    id: str
    name: str
    adopted: dt.date
    #: "day" when the day is known; "month"/"year" when only that is (``adopted`` is then its last day)
    adopted_precision: Literal["day", "month", "year"] = "day"
    forum: str
    target_pct_gdp: float | None = None
    #: "floor": met when value >= target ("at least"); "ceiling": a maximum ("up to")
    target_kind: Literal["floor", "ceiling"] = "floor"
    equipment_share_pct: float | None = None
    deadline: dt.date | None = None
    review_year: int | None = None
    #: the column of ``natosim.data.figures()`` the pledge is measured on
    measure: str
    #: the measure covers only part of the pledge; the rest may add at most this many points
    unmeasured_max_pp: float | None = None
    components: list[str] = Field(default_factory=list)
    headline: bool = False
    expires: dt.date | None = None
    legal_status: str = ""
    note: str = ""
    source: str
    sources: list[str] = Field(default_factory=list)
    confidence: str

    @property
    def target(self) -> float | None:
        """The number the pledge's measure is compared with (% of GDP, or equipment share in %)."""
        if self.measure == "equipment_pct":
            return self.equipment_share_pct
        return self.target_pct_gdp

    def in_force_on(self, day: dt.date) -> bool:
        return self.adopted <= day and (self.expires is None or day < self.expires)


class Article(RuleModel):
    """One article of the North Atlantic Treaty: a paraphrase and a machine-readable rule."""

    number: int = Field(ge=1, le=14)
    title: str
    summary: str
    rule: dict[str, Any]
    source: str = ""


class Amendment(RuleModel):
    article: int
    date: dt.date
    by: str
    effect: str
    confidence: str
    source: str


class Treaty(RuleModel):
    name: str
    also_known_as: str
    signed: dt.date
    signed_at: str
    entered_into_force: dt.date
    depositary: str
    original_signatories: list[str]
    authentic_languages: list[str]
    confidence: str
    source: str
    sources: list[str]
    amendments: list[Amendment]
    articles: dict[int, Article]

    @field_validator("articles")
    @classmethod
    def _fourteen(cls, articles: dict[int, Article]) -> dict[int, Article]:
        if sorted(articles) != list(range(1, 15)):
            missing = sorted(set(range(1, 15)) - set(articles))
            raise ValueError(f"the treaty has 14 articles; missing {missing}")
        return articles


class Invocation(RuleModel):
    """A request under Art. 4 or the invocation of Art. 5."""

    article: Literal[4, 5]
    date: dt.date
    requesting: list[str]
    context: str
    source: str
    confidence: str
    sources: list[str] = Field(default_factory=list)
    council_met: dt.date | None = None
    confirmed: dt.date | None = None


class Invocations(RuleModel):
    article_5: list[Invocation]
    article_4: list[Invocation]


class UsWithdrawalLaw(RuleModel):
    """US FY2024 NDAA §1250A (22 U.S.C. 1928f): the limits on leaving the treaty."""

    country: str
    citation: str
    short: str
    enacted: dt.date
    codified_at: str
    title: str
    senate_fraction: Fraction
    senate_base: Literal["senators_present"]
    notice_to_congress_days: int
    legislative_route: str
    funding_bar: bool
    litigation_authorised: bool
    provisions: dict[str, str]
    constitutional_status_note: str
    seed_claim_check: str
    confidence: str
    source: str
    sources: list[str]

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    @field_validator("senate_fraction", mode="before")
    @classmethod
    def _fraction(cls, value: object) -> Fraction:
        try:
            fraction = Fraction(str(value))
        except (ValueError, ZeroDivisionError) as error:
            raise ValueError(f"not a fraction: {value!r} (write e.g. 2/3)") from error
        if not 0 < fraction <= 1:
            raise ValueError(f"a share of senators must be in (0, 1], got {value!r}")
        return fraction

    @field_serializer("senate_fraction")
    def _fraction_text(self, value: Fraction) -> str:
        return f"{value.numerator}/{value.denominator}"

    def senators_needed(self, present: int = 100) -> int:
        """Votes needed with ``present`` senators present: ⌈2/3 × present⌉ (67 of 100)."""
        votes = Fraction(present) * self.senate_fraction
        return int(-(-votes.numerator // votes.denominator))


class BeforeLaw(RuleModel):
    lawful: bool
    outcome: Outcome
    reason: str


class WithdrawalPath(RuleModel):
    """One way an ally can decide to leave, and whether it is lawful."""

    country: str
    path: str
    actor: str
    description: str
    lawful: bool
    outcome: Outcome
    reason: str
    citation: str
    before_law: BeforeLaw | None = None
    #: how sure natosim is of this path's outcome (not of the statute's text)
    confidence: str = "high"
    #: the open legal question behind a contested outcome, if any
    legal_question: str = ""


class Bill(RuleModel):
    """A bill before a legislature: reported with its status, never applied as law."""

    id: str
    title: str
    country: str
    introduced: dt.date
    effect: str
    status: str
    status_as_of: dt.date
    url: str
    sources: list[str]
    confidence: str


class RecentVote(RuleModel):
    protocols: str
    date: dt.date
    vote: str
    confidence: str
    source: str | None = None


class RatificationProcedure(RuleModel):
    iso3: str
    procedure: str
    confidence: str
    source: str
    recent_votes: list[RecentVote] = Field(default_factory=list)


class NationalLaw(RuleModel):
    us_withdrawal_law: UsWithdrawalLaw
    withdrawal_paths: list[WithdrawalPath]
    ratification_procedures: list[RatificationProcedure]
    bills: list[Bill] = []


class AccessionStepRule(RuleModel):
    id: str
    action: str
    actor: str
    rule: str
    article: int

    @property
    def citation(self) -> str:
        """The rule text, prefixed with its article unless the text names one already."""
        return self.rule if "Art." in self.rule else f"Art. {self.article}: {self.rule}"


class ExpectedDuration(RuleModel):
    rounds_signed_on_or_after: dt.date
    interval: Literal["protocol_signed_to_accession"]
    note: str


class RatificationTimeline(RuleModel):
    invitees: list[str]
    protocol_signed: dt.date
    last_ratifying_ally: str | None
    accession_date: dt.date
    days_elapsed: int
    confidence: str
    source: str
    last_ratification_date: dt.date | None = None
    application_date: dt.date | None = None
    note: str = ""


class AccessionRules(RuleModel):
    steps: list[AccessionStepRule]
    source: str
    confidence: str
    expected_duration: ExpectedDuration
    timelines: list[RatificationTimeline]


class EligibilityNote(RuleModel):
    iso3: str
    reason: str
    confidence: str


class Article10Eligibility(RuleModel):
    """Art. 10's "any other European State", as data (parameters/article10_eligibility.yaml)."""

    source: str
    confidence: str
    european: list[str]
    by_practice: list[EligibilityNote]
    contested: list[EligibilityNote]

    def status(self, iso3: str) -> tuple[str, str, str]:
        """("european" | "by_practice" | "contested" | "not_european", reason, confidence)."""
        if iso3 in self.european:
            return "european", "a European State (UN M49 region Europe)", self.confidence
        for kind, items in (("by_practice", self.by_practice), ("contested", self.contested)):
            for item in items:
                if item.iso3 == iso3:
                    return kind, item.reason, item.confidence
        return "not_european", "not in UN M49 Europe nor treated as European by the allies", self.confidence


class Conflict(RuleModel):
    """An armed conflict or occupation on a country's territory (parameters/conflicts.yaml)."""

    id: str
    country: str
    adversary: str
    description: str
    started: dt.date
    ongoing: bool
    status_as_of: dt.date
    occupied: str
    confidence: str
    sources: list[str]


class Article5Reach(RuleModel):
    question: str
    status: Literal["disputed", "settled"]
    confidence: str
    sources: list[str]


class Conflicts(RuleModel):
    conflicts: list[Conflict]
    article5_reach: Article5Reach

    def of(self, iso3: str, day: dt.date) -> list[Conflict]:
        """The conflicts on ``iso3``'s territory that had started by ``day``."""
        return [item for item in self.conflicts if item.country == iso3 and item.started <= day]


class DatedSummit(RuleModel):
    """A summit: the day natosim dates it by (``date``), the days it was held (``first`` to ``last``,
    as NATO announced them), its host (ISO3) and where the days come from."""

    id: str
    name: str
    date: dt.date
    first: dt.date
    last: dt.date
    host: str
    confidence: str
    source: str
    url: str
    publisher: str
    published: str

    @model_validator(mode="after")
    def _days_in_order(self) -> DatedSummit:
        if not self.first <= self.date <= self.last:
            raise ValueError(f"summit {self.id}: date {self.date} is not within {self.first}..{self.last}")
        return self

    @property
    def days(self) -> int:
        """How many days the summit lasted (first and last included)."""
        return (self.last - self.first).days + 1


class DatedEvent(RuleModel):
    id: str
    country: str
    what: str
    date: dt.date
    confidence: str
    source: str


class Events(RuleModel):
    """Summits and events with their dates (parameters/events.yaml)."""

    summits: list[DatedSummit]
    events: list[DatedEvent]

    def summit(self, name: str) -> DatedSummit | None:
        """The summit named ``name`` ("Bucharest", "The Hague"...; case-insensitive), or None."""
        key = name.casefold().removeprefix("the ").strip()
        return next((s for s in self.summits if s.name.casefold().removeprefix("the ") == key), None)

    def event(self, event_id: str) -> DatedEvent:
        for item in self.events:
            if item.id == event_id:
                return item
        raise KeyError(f"no event {event_id!r} in events.yaml; known: {', '.join(e.id for e in self.events)}")
