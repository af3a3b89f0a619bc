"""Ways in and out: a member withdraws, a country accedes — only as the procedures allow.

Both policies ask ``natosim.rules.procedures`` (the treaty's Articles 10 and 13 and the national
law, with sources) and change the member set only if the procedure says the step happens:

- :class:`Withdrawal` — Art. 13: a party ceases to be a party one year after its notice of
  denunciation. For the United States, FY2024 NDAA §1250A (22 U.S.C. 1928f) bars leaving except
  with two-thirds of the Senators present or by an Act of Congress; a withdrawal by executive
  notice alone is not lawful under that statute. The member leaves from the effective date only
  if the path is lawful, or if the scenario says ``assume_lawful: true`` (the result says so).
- :class:`Accession` — Art. 10: unanimous invitation, then every ally ratifies the protocol; any
  ally can block. If the procedure completes, the country joins on the date the historic
  ratification times give (their median by default; the earliest or latest on request).

Leaving the treaty ends Article 5 ties only: a bilateral pact or another security guarantee
stays unless a policy removes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

import numpy as np
from pydantic import Field, field_validator

from natosim.policies.base import Policy, PolicyError, to_iso3
from natosim.rules.loader import load_conflicts
from natosim.rules.procedures import AccessionResult, WithdrawalResult, accession, withdrawal
from natosim.state import ARTICLE_5, StatePanel


def _steps(result: AccessionResult | WithdrawalResult) -> list[dict[str, Any]]:
    """The procedure's steps as rules records (actor, action, rule, source, outcome, date)."""
    return [dict(step.model_dump(mode="json")) for step in result.steps]


def _war_note(iso3: str, joins_on: dt.date | None) -> dict[str, Any]:
    """Whether ``iso3`` would join while at war or with territory occupied, and the open Article 5
    question (rules/parameters/conflicts.yaml); empty strings when neither applies."""
    if joins_on is None:
        return {"at_war": "", "article5_reach": ""}
    table = load_conflicts()
    found = table.of(iso3, joins_on)
    if not found:
        return {"at_war": "", "article5_reach": ""}
    parts = []
    for item in found:
        state = "at war" if item.ongoing else "with territory occupied"
        parts.append(
            f"would join {state}: {item.description} (since {item.started.isoformat()}; status as of "
            f"{item.status_as_of.isoformat()}, not known after); occupied: {item.occupied} [{item.confidence}]"
        )
    reach = table.article5_reach
    return {
        "at_war": "; ".join(parts),
        "article5_reach": f"{reach.status} [confidence {reach.confidence}]: {' '.join(reach.question.split())}",
    }


class Withdrawal(Policy):
    """``country`` gives notice of withdrawal on ``notice_date`` by ``path``."""

    kind: ClassVar[str] = "withdrawal"
    type: Literal["withdrawal"] = "withdrawal"
    country: str
    path: Literal["executive", "senate", "act-of-congress", "national"] = "executive"
    notice_date: dt.date
    assume_lawful: bool = False

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, value: object) -> str:
        return to_iso3(value)

    def procedure(self) -> WithdrawalResult:
        return withdrawal(self.country, path=self.path, notice_date=self.notice_date)

    def apply_panel(self, panel: StatePanel) -> StatePanel:
        if self.country not in panel.parties:
            raise PolicyError(f"{self.country} is not an ally: only a member can withdraw", field="country")
        result = self.procedure()
        lawful = bool(result.lawful)
        leaves = lawful or self.assume_lawful
        effective: dt.date | None = result.effective_date
        if leaves and effective is None:
            effective = result.art13_date  # Art. 13's notice period, from the treaty YAML
        outcome: dict[str, Any] = {
            "policy": self.kind,
            "country": self.country,
            "path": self.path,
            "notice_date": self.notice_date.isoformat(),
            "lawful": lawful,
            "outcome": str(result.outcome),
            "assumed_lawful": self.assume_lawful and not lawful,
            "leaves": leaves,
            "effective_date": effective.isoformat() if leaves and effective else None,
            "lawful_paths": list(result.lawful_paths),
            "reason": result.reason,
            "confidence": result.confidence,
            "legal_question": result.legal_question,
            "notify_congress_by": result.notify_congress_by.isoformat() if result.notify_congress_by else None,
            "notice_to_congress_days": result.notice_to_congress_days,
            "bills": "; ".join(
                f"{bill['id']}: {bill['status']} (as of {bill['status_as_of']}; {bill['url']})" for bill in result.bills
            ),
            "steps": _steps(result),
        }
        panel = panel.with_extra("procedures", outcome)
        if not leaves or effective is None:
            return panel.with_trace(
                self.record(
                    f"{self.country} stays a member: withdrawal by {self.path} is {result.outcome} ({result.reason})",
                    procedure=outcome,
                    rules=outcome["steps"],
                )
            )
        c = panel.index(self.country)
        gone = panel.year_ends() >= np.datetime64(effective)
        member, guarantee, basis, troops, condition = (
            a.copy() for a in (panel.member, panel.guarantee, panel.basis, panel.troops, panel.condition)
        )
        member[gone, c] = False
        ties = np.zeros(guarantee.shape, dtype=bool)
        ties[:, c, :] = True
        ties[:, :, c] = True
        cut = ties & gone[:, None, None] & (basis == ARTICLE_5)
        guarantee &= ~cut
        basis[cut] = 0
        troops &= ~cut
        condition[cut] = 0
        years = [y for y, g in zip(panel.years, gone, strict=True) if g]
        panel = panel.replace(member=member, guarantee=guarantee, basis=basis, troops=troops, condition=condition)
        how = "assumed lawful by the scenario" if outcome["assumed_lawful"] else "lawful"
        return panel.with_trace(
            self.record(
                f"{self.country} leaves the alliance on {effective.isoformat()} (withdrawal by {self.path}, {how})",
                years=years,
                procedure=outcome,
                rules=outcome["steps"],
            )
        )


class Accession(Policy):
    """``country`` is invited on ``invited``; joins once every ally has ratified (unless vetoed)."""

    kind: ClassVar[str] = "accession"
    type: Literal["accession"] = "accession"
    country: str
    invited: dt.date | None = None
    vetoes: list[str] = Field(default_factory=list)
    #: which date of the procedure the country joins on: the earliest the historic ratification
    #: times allow, their median (default: the central estimate), or the latest
    timing: Literal["earliest", "median", "latest"] = "median"

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, value: object) -> str:
        return to_iso3(value)

    @field_validator("vetoes", mode="before")
    @classmethod
    def _vetoes(cls, value: object) -> list[str]:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ValueError("expected a list of allies")
        return [to_iso3(v) for v in value]

    def parties_needed(self) -> tuple[str, ...]:
        return (self.country,)

    def procedure(self) -> AccessionResult:
        return accession(self.country, invited=self.invited, vetoes=list(self.vetoes))

    def apply_panel(self, panel: StatePanel) -> StatePanel:
        result = self.procedure()
        expected = result.expected_range
        dates = {
            "earliest": result.earliest_date,
            "median": result.expected_median_date,
            "latest": expected[1] if expected else None,
        }
        joins_on: dt.date | None = (dates[self.timing] or result.earliest_date) if result.completes else None
        outcome: dict[str, Any] = {
            "policy": self.kind,
            "country": self.country,
            "invited": self.invited.isoformat() if self.invited else None,
            "vetoes": list(self.vetoes),
            "outcome": str(result.outcome),
            "completes": bool(result.completes),
            "blocked_by": list(result.blocked_by),
            "veto_players": list(result.veto_players),
            "joins_on": joins_on.isoformat() if joins_on else None,
            "timing": self.timing,
            "expected_range": [d.isoformat() for d in expected] if expected else None,
            "steps": _steps(result),
        }
        outcome.update(_war_note(self.country, joins_on))
        panel = panel.with_extra("procedures", outcome)
        if joins_on is None:
            blocked = ", ".join(outcome["blocked_by"]) or "the procedure"
            return panel.with_trace(
                self.record(
                    f"{self.country} does not join: accession blocked by {blocked}",
                    procedure=outcome,
                    rules=outcome["steps"],
                )
            )
        c = panel.index(self.country)
        joined = panel.year_ends() >= np.datetime64(joins_on)
        member, guarantee, basis, troops, condition = (
            a.copy() for a in (panel.member, panel.guarantee, panel.basis, panel.troops, panel.condition)
        )
        member[joined, c] = True
        others = member & joined[:, None]
        others[:, c] = False
        # Article 5 all-to-all with every member of those years, replacing any weaker tie
        guarantee[:, c, :] |= others
        guarantee[:, :, c] |= others
        for cells in ((slice(None), c, slice(None)), (slice(None), slice(None), c)):
            basis[cells] = np.where(others, np.uint8(ARTICLE_5), basis[cells])
            condition[cells] = np.where(others, 0, condition[cells])
        years = [y for y, j in zip(panel.years, joined, strict=True) if j]
        panel = panel.replace(member=member, guarantee=guarantee, basis=basis, troops=troops, condition=condition)
        note = "" if years else " (after the last year evaluated)"
        return panel.with_trace(
            self.record(
                f"{self.country} joins on {joins_on.isoformat()}{note}",
                years=years,
                procedure=outcome,
                rules=outcome["steps"],
            )
        )
