"""Can a country join, who can stop it, and how long would it take?

Rules applied (from ``rules/parameters/accession.yaml`` and ``national_law.yaml``):
- Art. 10: allies may invite a European state by unanimous agreement; it becomes a party when it
  deposits its instrument of accession with the US government.
- Practice: one accession protocol signed by every ally, ratified by every ally under its own
  constitution, in force once all have notified, then the invitee's deposit.
- Every ally on the invitation date is a veto player; a veto (an ally withholding consent) blocks the
  invitation and the ratification, and is named.
- The expected duration is drawn from history: the calendar days from protocol signature to
  accession in the rounds selected in ``accession.yaml`` (post-Cold War rounds), reported as the
  fastest, median and slowest, counted from the invitation date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import ClassVar

import numpy as np
from pydantic import BaseModel, ConfigDict

from natosim.data import country_name, resolve_ally, resolve_country
from natosim.dates import add_days, parse_date
from natosim.rules import aspirants
from natosim.rules.errors import ProcedureError
from natosim.rules.in_force import at
from natosim.rules.loader import load_accession, load_eligibility, load_national_law
from natosim.rules.models import Outcome
from natosim.rules.procedures.steps import ProcedureResult, Step, overall, today

TREATY_SOURCE = "North Atlantic Treaty, Art. 10 (https://www.nato.int/archives/1st5years/annexes/a.htm)"


class Ratification(BaseModel):
    """How one ally ratifies the protocol, where natosim knows it."""

    model_config = ConfigDict(frozen=True)

    ally: str
    procedure: str
    confidence: str
    source: str
    outcome: Outcome


class AccessionResult(ProcedureResult):
    """The evaluation of ``country`` joining after an invitation on ``invited``."""

    model_config = ConfigDict(frozen=True)

    title: ClassVar[str] = "Accession to NATO (Art. 10)"

    country: str
    invited: dt.date
    outcome: Outcome
    completes: bool
    blocked_by: list[str]
    veto_players: list[str]
    #: the historic fastest completion, counted from the invitation (not a legal minimum)
    earliest_date: dt.date | None
    #: (fastest, slowest) historic completion, counted from the invitation
    expected_range: tuple[dt.date, dt.date] | None
    expected_median_date: dt.date | None
    duration_days: dict[str, float]
    duration_basis: str
    history: list[dict[str, object]]
    aspirant: dict[str, object] | None
    ratifications: list[Ratification]
    steps: list[Step]


def duration_statistics() -> tuple[dict[str, float], list[dict[str, object]], str]:
    """Fastest, median and slowest days from protocol signature to accession in the selected rounds."""
    rules = load_accession()
    basis = rules.expected_duration
    rounds = [item for item in rules.timelines if item.protocol_signed >= basis.rounds_signed_on_or_after]
    days = np.array([item.days_elapsed for item in rounds], dtype=float)
    stats = {
        "min": float(days.min()),
        "median": float(np.median(days)),
        "max": float(days.max()),
        "rounds": float(len(days)),
    }
    history: list[dict[str, object]] = [
        {
            "invitees": item.invitees,
            "protocol_signed": item.protocol_signed,
            "accession_date": item.accession_date,
            "days": item.days_elapsed,
            "last_ratifying_ally": item.last_ratifying_ally,
            "confidence": item.confidence,
        }
        for item in rounds
    ]
    text = (
        f"{len(rounds)} rounds with the protocol signed on or after "
        f"{basis.rounds_signed_on_or_after.isoformat()}, protocol signature to accession; {basis.note}"
    )
    return stats, history, text


def accession(country: str, invited: str | dt.date | None = None, vetoes: Iterable[str] = ()) -> AccessionResult:
    """Evaluate ``country`` joining NATO after an invitation on ``invited`` (default: today).

    ``vetoes``: allies that withhold consent (names or codes); each must be an ally on that date.
    """

    day = parse_date(invited, "invitation date") if invited is not None else today()
    rules = at(day)
    if not rules.treaty_in_force:
        raise ProcedureError(f"the treaty was not in force on {day.isoformat()}", field="invited")
    iso3 = resolve_country(country)
    allies = rules.allies
    if iso3 in allies:
        raise ProcedureError(f"{country_name(iso3)} ({iso3}) is already an ally on {day.isoformat()}", field="country")
    blocked_by = sorted({resolve_ally(text, allies) for text in vetoes})
    consenting: Outcome = "blocked" if blocked_by else "possible"
    named = ", ".join(f"{country_name(code)} ({code})" for code in blocked_by)

    table = aspirants()
    row = table[table["iso3"] == iso3]
    aspirant = row.iloc[0].to_dict() if len(row) else None
    article10 = rules.articles[10].rule
    status, why, confidence = load_eligibility().status(iso3)
    if status == "not_european":
        raise ProcedureError(
            f"{country_name(iso3)} ({iso3}) cannot be invited: Art. 10 of the North Atlantic Treaty lets the "
            f"allies invite only 'any other European State', and {country_name(iso3)} is {why} "
            "(rules/parameters/article10_eligibility.yaml)",
            field="country",
        )
    if aspirant is not None and aspirant["recognised_by_nato_as_aspirant"]:
        eligibility: Outcome = "possible"
        eligibility_note = f"NATO recognises {country_name(iso3)} as an aspirant: {aspirant['status']}"
    elif aspirant is not None:
        eligibility = "contested"
        eligibility_note = f"{aspirant['status']}. {aspirant['notes']}"
    elif status == "contested":
        eligibility = "contested"
        eligibility_note = f"whether {country_name(iso3)} is a 'European State' is undecided: {why} ({confidence})"
    else:
        eligibility = "possible"
        eligibility_note = (
            f"{country_name(iso3)} is {why} ({confidence}); it is not a recognised aspirant, and an invitation "
            "needs the allies' unanimous agreement"
        )

    steps = [
        Step(
            actor="Allies",
            action=f"accept {country_name(iso3)} as eligible: {article10['eligibility']}",
            rule="Art. 10",
            source=TREATY_SOURCE,
            outcome=eligibility,
            note=eligibility_note,
        )
    ]
    basis = load_accession()
    rule_for = {item.id: item for item in basis.steps}
    invitation = rule_for["invitation"]
    steps.append(
        Step(
            actor=f"{invitation.actor}: {len(allies)} allies",
            action=f"{invitation.action}: {country_name(iso3)}",
            rule=invitation.citation,
            source=basis.source,
            outcome=consenting,
            earliest_date=day,
            note=f"withheld by {named}" if blocked_by else "",
        )
    )
    for step_id in ("protocol", "ratification", "entry_into_force"):
        rule = rule_for[step_id]
        steps.append(
            Step(
                actor=rule.actor,
                action=rule.action,
                rule=rule.citation,
                source=basis.source,
                outcome=consenting,
                earliest_date=day if step_id == "protocol" and not blocked_by else None,
                note=f"{named} does not ratify" if blocked_by and step_id == "ratification" else "",
            )
        )

    stats, history, text = duration_statistics()
    outcome = overall(steps)
    completes = outcome != "blocked"
    earliest = expected = median = None
    if completes:
        earliest = add_days(day, int(stats["min"]))
        expected = (earliest, add_days(day, int(stats["max"])))
        median = add_days(day, round(stats["median"]))
    deposit = rule_for["deposit"]
    steps.append(
        Step(
            actor=f"{deposit.actor}: {country_name(iso3)}",
            action=deposit.action,
            rule=deposit.citation,
            source=basis.source,
            outcome=outcome,
            earliest_date=earliest,
            note=(
                f"historic range {expected[0].isoformat()} to {expected[1].isoformat()} (median {median.isoformat()})"
                if expected and median
                else ""
            ),
        )
    )

    known = {item.iso3: item for item in load_national_law().ratification_procedures}
    ratifications = [
        Ratification(
            ally=code,
            procedure=known[code].procedure if code in known else "own constitutional procedure (no detail in natosim)",
            confidence=known[code].confidence if code in known else "",
            source=known[code].source if code in known else TREATY_SOURCE,
            outcome="blocked" if code in blocked_by else "possible",
        )
        for code in allies
    ]
    return AccessionResult(
        country=iso3,
        invited=day,
        outcome=outcome,
        completes=completes,
        blocked_by=blocked_by,
        veto_players=list(allies),
        earliest_date=earliest,
        expected_range=expected,
        expected_median_date=median,
        duration_days=stats,
        duration_basis=text,
        history=history,
        aspirant={key: value for key, value in aspirant.items()} if aspirant is not None else None,
        ratifications=ratifications,
        steps=steps,
    )
