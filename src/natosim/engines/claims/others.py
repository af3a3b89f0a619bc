"""Counts of allies at a target in words the figure finders misread or miss.

An ally "and N other countries": "Norway and 23 other countries have now achieved the target", "Poland
and eight other allies meet the 2% guideline", "the US, along with 22 other members, reached it". The
count is N + 1 (the ally named and the others), never N: read before the count finders
(``kinds._LATE_FINDERS`` gives this module its place), so that "22 other allies meet the target" is not
judged as a count of 22. And meeting the target said as paying what was owed ("one of two nations that
paid more than they were supposed to").
"""

from __future__ import annotations

import dataclasses
import re

from natosim.engines.claims import facts, pledges, spending
from natosim.engines.claims.context import SentenceView
from natosim.engines.claims.model import Claim
from natosim.engines.claims.numbers import Quantity

#: "Norway and 23 other countries have now achieved the target", "Poland and eight other allies meet
#: the 2% guideline", "the US, along with 22 other members, reached it": the ally named plus the others
_AND_N_OTHERS = re.compile(
    r"(?:,?\s+(?:and|along with|together with|plus)\s+)(?P<num>[\w-]+)\s+other\s+(?:NATO\s+|European\s+)?"
    r"(?:allies|countries|members|member states|member countries|nations|states)\b,?\s+(?P<aux>(?:have|has|had|now|"
    r"also|already|all|so far|each|both|currently|were|are|is)\s+){0,3}(?P<verb>\w+)",
    re.IGNORECASE,
)


def _and_others(view: SentenceView, used: set[int]) -> list[Claim]:
    """An ally "and N other countries" meeting a target: a count of N + 1 allies (``spending.allies_meeting``
    judges it, on the target the sentence names or, failing that, the one the article stated last)."""
    claims: list[Claim] = []
    for match in _AND_N_OTHERS.finditer(view.text):
        mention = next((m for m in view.countries if m.end == match.start()), None)
        if mention is None or not facts.is_ally(mention.iso3):
            continue
        if not spending.MEETS.fullmatch(match.group("verb")) or match.group("verb").casefold() == "over":
            continue  # "over" is as often time ("over the past decade") as a level
        number = next((q for q in view.quantities if q.start == match.start("num")), None)
        if number is None or number.start in used or number.is_fraction or number.qualifier is not None:
            continue
        tail = view.text[match.end() : match.end() + 60]
        named = re.match(
            r"^\s+(?:the\s+|NATO's\s+|its\s+|their\s+)?(?:[\w'-]+\s+){0,2}?(\d+(?:\.\d+)?)\s*(?:%|per\s?cent|percent)",
            tail,
        )
        threshold = float(named.group(1)) if named else view.context.last_target
        if threshold is None:
            continue
        count = Quantity(number.value + 1, None, 0, number.is_word, False, None, mention.start, match.end(), "")
        target_end = re.search(rf"^[^.;]*?\b{pledges.TARGET_NOUN}\b", tail)
        end = match.end() + (target_end.end() if target_end else len(tail.rstrip(" .;\"'”’")))
        claims.append(spending.allies_meeting(view, count, mention.start, min(end, len(view.text)), threshold))
        used.add(number.start)
    return claims


#: meeting the target said as paying what was owed, as politicians say it: "one of two nations that paid
#: more than they were supposed to", "five countries that pay their fair share", "the nine allies who
#: paid in full", "three members that are paying what they owe"
_PAID_WHAT_WAS_OWED = re.compile(
    r"(?P<num>\b[\w-]+)\s+(?:NATO\s+|other\s+)?(?:countries|nations|allies|members|member states)\s+"
    r"(?:that|which|who)\s+(?:actually\s+|really\s+|fully\s+)?"
    r"(?:paid|pay|pays|were paying|are paying|have paid|had paid|have been paying)\s+"
    r"(?:more than (?:what\s+)?(?:they were|they are|they're)\s+(?:supposed|required|obliged|asked) to|"
    r"(?:their|the)\s+(?:fair\s+|full\s+)?(?:share|dues|bills?)|in full|up|"
    r"what they (?:owe|owed|should|were supposed to|are supposed to))\b",
    re.IGNORECASE,
)


def _paid_what_was_owed(view: SentenceView, used: set[int]) -> list[Claim]:
    """Counts of allies "that paid more than they were supposed to": allies at or above the target the
    article stated last (none stated, nothing read: which target is not guessed)."""
    threshold = view.context.last_target
    if threshold is None or not view.context.about_nato:
        return []
    claims: list[Claim] = []
    for match in _PAID_WHAT_WAS_OWED.finditer(view.text):
        number = next((q for q in view.quantities if q.start == match.start("num")), None)
        if number is None or number.start in used or number.is_fraction:
            continue
        claim = spending.allies_meeting(view, number, match.start(), match.end(), threshold)
        if claim.verdict == "contradicted" and claim.year_source != "stated":
            # "paid more than they were supposed to" tells no year, and politicians say it of years past:
            # held back here, judged by ``restated.whatever_the_year`` (false only if no year matches)
            claim = dataclasses.replace(
                claim, verdict="not checkable", note=f"the year is not written; {claim.note}", year_source="inferred"
            )
        claims.append(claim)
        used.add(number.start)
    return claims


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    """Counts of allies at a target said with "and N other countries" or as paying what was owed."""
    return _and_others(view, used) + _paid_what_was_owed(view, used)
