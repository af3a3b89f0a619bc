"""A membership count dated by the sentence is judged at that date, with the membership of that date.

Why: "In 2016 only three of the 32 members met the target", "In 2006 all 28 member states agreed",
"As of February 2024, NATO has 32 members" each name the whole membership *at a date the sentence
opens with*. A writer who counts the members of another day than that one has told a stale (or an
anachronistic) count: 28 allies in 2016 and 26 in 2006, 31 in February 2024 (Sweden joined on
7 March 2024). The count finder judges a whole named beside what some allies did ("22 of NATO's 32
members met 2% in 2023") on the article's day, as the writer knows the alliance; that reading stays
for a year written *after* the count. A date written *first*, at the head of the sentence, sets
the time of everything the sentence says, the membership included: so the count is judged on the
members of every day in that period (a year, or a month), and it stands if it was the membership
(or, for "the other N", the membership less one) on any of those days.

Only the whole membership is judged so ("the 32 members", "all 28 member states", "NATO has 32
members"): a count that may be some of them ("five allies") is left to its own finder. A sentence
that brings the count back to the present ("now", "today", "currently") or names another year
between the date and the count keeps the finder's verdict.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re

from natosim.engines.claims import facts
from natosim.engines.claims.context import normalise
from natosim.engines.claims.evidence import clause, whole_membership
from natosim.engines.claims.model import Claim, Evidence

_MONTHS = "|".join(calendar.month_name[1:])
#: a date at the head of the sentence: "In 2016", "Back in 2006,", "As of February 2024", "By the end of 2019"
_FRONTED = re.compile(
    r"^\W*(?:(?:back|even|already|also|and|but|so)\s+)?(?:in|as of|as at|at the end of|by the end of|"
    r"at the start of|in early|in late|in mid-?)\s+(?:(?:early|late|mid-?)\s*)?"
    rf"(?:(?P<month>{_MONTHS})\s+)?(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: the count brought back to the present, or another time between the date and the count
_PRESENT = re.compile(r"\b(?:now|today|currently|at present|presently|nowadays|since)\b", re.IGNORECASE)
#: how far after the date the count may stand and still be governed by it (characters): the date heads
#: the clause that tells the count ("In 2016 only three of the 32 members"), not a later statement
_NEAR = 80
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_OTHERS = re.compile(r"\b(?:other|others|fellow)\b", re.IGNORECASE)


def _period(match: re.Match[str]) -> tuple[dt.date, dt.date]:
    year = int(match.group("year"))
    if match.group("month"):
        month = list(calendar.month_name).index(match.group("month").capitalize())
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def memberships_between(start: dt.date, end: dt.date) -> list[int]:
    """How many allies there were on each day from ``start`` to ``end`` (the distinct counts, in order)."""
    counts = {len(facts.members_on(start)), len(facts.members_on(end))}
    return sorted(counts | {count for day, count in facts.membership_changes() if start < day < end})


def at_stated_date(claim: Claim) -> Claim:
    """``claim`` judged on the membership of the date its sentence opens with (unchanged when the
    sentence opens with no date, or the count is not of the whole membership)."""
    if claim.kind != "member_count" or claim.country is not None or claim.subject not in (None, "membership"):
        return claim
    if not isinstance(claim.value, int | float) or not float(claim.value).is_integer():
        return claim
    text = normalise(claim.sentence)
    fronted = _FRONTED.match(text)
    at = text.find(normalise(claim.text))
    if fronted is None or at < fronted.end():
        return claim
    between = text[fronted.end() : at]
    if (
        _PRESENT.search(text)
        or _A_YEAR.search(between)
        or len(between) > _NEAR
        or clause(text, at, at + len(claim.text))[0] > 0
        or not whole_membership(text, at, claim.text)
    ):
        return claim
    start, end = _period(fronted)
    counts = memberships_between(start, end)
    allowed = set(counts) | ({n - 1 for n in counts} if _OTHERS.search(claim.text + between[-12:]) else set())
    value = int(claim.value)
    said = fronted.group(0).strip(" ,")
    held = f"{counts[0]}–{counts[-1]}" if len(counts) > 1 else str(counts[0])
    evidence = Evidence(f"{held} allies from {start.isoformat()} to {end.isoformat()}", "facts-members", counts[-1])
    if value in allowed:
        if claim.verdict == "supported":
            return claim
        return dataclasses.replace(
            claim,
            verdict="supported",
            expected=value,
            year=start.year,
            evidence=(evidence,),
            note=f"the membership at the date the sentence opens with ('{said}'): {held} allies",
        )
    if claim.verdict == "contradicted":
        return claim  # the count finder judged it on that year already
    return dataclasses.replace(
        claim,
        verdict="contradicted",
        expected=counts[-1],
        year=start.year,
        year_source="stated",
        evidence=(evidence,),
        note=f"the sentence opens with '{said}', when NATO had {held} allies, not {value}",
    )
