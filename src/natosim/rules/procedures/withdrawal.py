"""Can an ally leave the alliance, how, and from when?

Rules applied (all read from ``rules/parameters``):
- North Atlantic Treaty Art. 13: a party may leave one year after giving notice of denunciation to
  the US government, once the treaty has been in force twenty years (from 1969-08-24).
- For the United States, US FY2024 NDAA §1250A (22 U.S.C. 1928f), in force from 2023-12-22: no
  withdrawal except with the Senate's advice and consent (two-thirds of the Senators present) or
  under an Act of Congress; no funds otherwise; consultation and written notice to the Senate
  Foreign Relations and House Foreign Affairs committees at least 180 days before acting; Senate and
  House counsel may sue. An executive-only path is therefore reported as not lawful and contested.
- Other allies: their own constitutional procedure (natosim has no detail of it).
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import ConfigDict, Field

from natosim.data import country_name, resolve_ally
from natosim.dates import parse_date
from natosim.rules.errors import ProcedureError
from natosim.rules.in_force import at
from natosim.rules.loader import load_national_law, load_treaty
from natosim.rules.models import Outcome, WithdrawalPath
from natosim.rules.procedures.steps import ProcedureResult, Step, today
from natosim.rules.targets import withdrawal_effective, withdrawal_notice_years

TREATY_SOURCE = "North Atlantic Treaty, Art. 13 (https://www.nato.int/archives/1st5years/annexes/a.htm)"


class WithdrawalResult(ProcedureResult):
    """The evaluation of one ally leaving by one path, with a notice given on ``notice_date``."""

    model_config = ConfigDict(frozen=True)

    title: ClassVar[str] = "Withdrawal from NATO (Art. 13 and national law)"

    country: str
    path: str
    notice_date: dt.date
    lawful: bool
    outcome: Outcome
    #: notice + 1 year (Art. 13) when the path is lawful; None when it is not
    effective_date: dt.date | None
    #: the date Art. 13 alone would give (notice + 1 year), whatever the path
    art13_date: dt.date
    lawful_paths: list[str]
    steps: list[Step]
    reason: str
    law: str | None
    #: how sure natosim is of the outcome (a contested legal question lowers it)
    confidence: str = "high"
    #: the open legal question behind a contested outcome ("" if none)
    legal_question: str = ""
    #: §1250A(c)(2): written notice to Congress at least this many days before acting (US only)
    notice_to_congress_days: int | None = None
    notify_congress_by: dt.date | None = None
    #: bills on this ally's membership introduced by the notice date, with their status (never applied)
    bills: list[dict[str, object]] = Field(default_factory=list)


def paths_for(iso3: str) -> list[WithdrawalPath]:
    """The withdrawal paths the rules define for this ally (its own, else the default ``*``)."""
    every = load_national_law().withdrawal_paths
    own = [item for item in every if item.country == iso3]
    return own or [item for item in every if item.country == "*"]


def withdrawal(country: str, path: str | None = None, notice_date: str | dt.date | None = None) -> WithdrawalResult:
    """Evaluate ``country`` leaving the treaty by ``path`` with notice given on ``notice_date``.

    ``path``: for the USA "executive" (the default), "senate" or "act-of-congress"; for any other
    ally "national" (the default). ``notice_date`` defaults to today (shown in the result).
    """

    notice = parse_date(notice_date, "notice_date") if notice_date is not None else today()
    rules = at(notice)
    if not rules.treaty_in_force:
        raise ProcedureError(
            f"the treaty was not in force on {notice.isoformat()} (in force from "
            f"{load_treaty().entered_into_force.isoformat()})",
            field="notice_date",
        )
    iso3 = resolve_ally(country, rules.allies)
    options = paths_for(iso3)
    names = [item.path for item in options]
    chosen_name = names[0] if path is None else path.strip().lower()
    chosen = next((item for item in options if item.path == chosen_name), None)
    if chosen is None:
        raise ProcedureError(
            f"no withdrawal path {path!r} for {country_name(iso3)} ({iso3}); valid: {', '.join(names)}",
            field="path",
        )

    article = rules.articles[13].rule
    art13_date = withdrawal_effective(notice)
    available_from = article["available_from"]
    statute = load_national_law().us_withdrawal_law
    applies = statute.country == iso3
    law = rules.us_withdrawal_law if applies else None
    lawful, outcome, reason = chosen.lawful, chosen.outcome, chosen.reason
    if applies and law is None and chosen.before_law is not None:
        lawful, outcome, reason = chosen.before_law.lawful, chosen.before_law.outcome, chosen.before_law.reason
    lawful_paths = [item.path for item in options if item.lawful]

    steps: list[Step] = []
    if law is not None:
        consult_by = notice - dt.timedelta(days=law.notice_to_congress_days)
        steps.append(
            Step(
                actor="President",
                action="consult the Senate Foreign Relations and House Foreign Affairs committees",
                rule=f"{law.short} (c)(1)",
                source=law.source,
                outcome="possible",
            )
        )
        steps.append(
            Step(
                actor="President",
                action=(
                    f"notify both committees in writing at least {law.notice_to_congress_days} days before "
                    f"acting: by {consult_by.isoformat()} for a notice on {notice.isoformat()}"
                ),
                rule=f"{law.short} (c)(2)",
                source=law.source,
                outcome="possible",
            )
        )
        steps.append(
            Step(
                actor=chosen.actor,
                action=chosen.description,
                rule=chosen.citation,
                source=law.source,
                outcome=outcome,
                note=reason,
            )
        )
        if not lawful:
            steps.append(
                Step(
                    actor="Senate Legal Counsel and House General Counsel",
                    action="may go to federal court to oppose the withdrawal; no funds may support it",
                    rule=f"{law.short} (b), (e)",
                    source=law.source,
                    outcome="contested",
                    note=law.constitutional_status_note,
                )
            )
    else:
        steps.append(
            Step(
                actor=f"{chosen.actor} ({iso3})",
                action=chosen.description,
                rule=chosen.citation,
                source=TREATY_SOURCE,
                outcome=outcome,
                note=reason,
            )
        )

    if notice < available_from:
        notice_outcome: Outcome = "blocked"
        reason = (
            f"Art. 13 allows notice only after twenty years in force, from {available_from.isoformat()}; "
            f"notice on {notice.isoformat()} is too early"
        )
        lawful = False
        outcome = "blocked"
    else:
        notice_outcome = outcome
    steps.append(
        Step(
            actor=f"{country_name(iso3)} ({iso3})",
            action=(
                "give notice of denunciation to the Government of the United States (depositary), "
                "which informs the other parties"
            ),
            rule="North Atlantic Treaty Art. 13",
            source=TREATY_SOURCE,
            outcome=notice_outcome,
            earliest_date=notice,
        )
    )
    effective = art13_date if lawful else None
    steps.append(
        Step(
            actor="—",
            action=(
                f"withdrawal takes effect {withdrawal_notice_years()} year(s) after the notice: "
                f"{art13_date.isoformat()}"
            ),
            rule="North Atlantic Treaty Art. 13",
            source=TREATY_SOURCE,
            outcome=notice_outcome,
            earliest_date=effective,
            note="" if lawful else "no lawful effective date on this path; Art. 13 alone would give the date shown",
        )
    )
    bills = [
        bill.model_dump(mode="json")
        for bill in load_national_law().bills
        if bill.country == iso3 and bill.introduced <= notice
    ]
    return WithdrawalResult(
        confidence=chosen.confidence,
        legal_question=chosen.legal_question,
        notice_to_congress_days=law.notice_to_congress_days if law is not None else None,
        notify_congress_by=(notice - dt.timedelta(days=law.notice_to_congress_days)) if law is not None else None,
        bills=bills,
        country=iso3,
        path=chosen.path,
        notice_date=notice,
        lawful=lawful,
        outcome=outcome,
        effective_date=effective,
        art13_date=art13_date,
        lawful_paths=lawful_paths,
        steps=steps,
        reason=reason if lawful or outcome == "blocked" else f"{reason} Lawful paths: {', '.join(lawful_paths)}.",
        law=law.citation if law is not None else None,
    )
