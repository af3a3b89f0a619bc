"""Art. 4 requests said of an ally without a date (issue 17, round 6): "Poland has activated NATO's Article 4",
"Poland, Estonia, Latvia and Lithuania have all invoked Article 4", "Turkey invoked Article 4 in the past".

The ally (or the list of allies) is the subject of a verb of invoking with Art. 4 as its object. natosim's
record of Art. 4 requests (``rules.invocations().article_4``) up to the article's date says whether the ally
had asked: supported when it had; contradicted when it had not and the record reaches the article's date (a
request after the last one held may simply be missing: not checkable then, nor without the article's date).
"""

from __future__ import annotations

import re
from typing import Any

from natosim.engines.claims import facts
from natosim.engines.claims.context import MONTH_NAMES, WEEKDAY_NAMES, SentenceView
from natosim.engines.claims.gazetteer import Mention
from natosim.engines.claims.model import Claim, Evidence

#: "has activated NATO's Article 4", "invoked Art. 4", "have all triggered Article 4 of the treaty"
_INVOKES = re.compile(
    r"\s*(?:,[^,;]{0,60},\s*)?(?:(?:has|have|had)\s+)?(?:\w+ly\s+|all\s+|both\s+|also\s+|already\s+){0,2}"
    r"(?P<verb>invoked|invokes|activated|activates|triggered|triggers|requested|requests|called for|calls for|used)\s+"
    r"(?:(?:NATO|Nato)['’]s\s+|the\s+(?:alliance['’]s\s+)?)?(?:Art(?:icle|\.)\s*4|Article Four|Art4)\b",
    re.IGNORECASE,
)
_DATED = re.compile(rf"\b(?:{MONTH_NAMES}|{WEEKDAY_NAMES}|ago)\b")
_LISTED = re.compile(r"\s*(?:,|,?\s+and|,?\s+&)\s+(?:the\s+)?")
_NOT = re.compile(r"\b(?:not|never|n't|could|would|may|might|should|will|if|whether|consider\w*|threaten\w*)\b", re.I)


def find(view: SentenceView, used: set[int], found: list[Claim]) -> list[Claim]:
    """Undated Art. 4 requests by a named ally in one sentence (a span another event reader took is skipped)."""
    if not re.search(r"\b(?:Art(?:icle|\.)\s*4|Article Four|Art4)\b", view.text, re.IGNORECASE):
        return []
    taken = [c.span for c in found if c.kind == "event_date"]
    records = facts.rules().invocations().article_4
    day = view.context.date
    held = [r for r in records if day is None or r.date <= day]
    claims: list[Claim] = []
    for mention in view.countries:
        match = _INVOKES.match(view.text, mention.end)
        if match is None or _NOT.search(view.text[max(0, mention.start - 30) : match.start("verb")]):
            continue
        if view.years or _DATED.search(view.text):
            continue  # a year, day or weekday in the sentence: the readers of dated invocations judge it
        for ally in _chain(view, mention):
            claim = _claim(view, ally, match, held, records, day)
            if (
                claim is not None
                and not any(claim.span[0] < e and s < claim.span[1] for s, e in taken)
                and not any(c.kind == "event_date" and c.country == ally.iso3 for c in found)
            ):
                claims.append(claim)
    return claims


def _chain(view: SentenceView, last: Mention) -> list[Mention]:
    """``last`` and the allies listed right before it ("Poland, Estonia, Latvia and Lithuania have ...")."""
    chain = [last]
    for other in reversed([m for m in view.countries if m.end <= last.start]):
        if not _LISTED.fullmatch(view.text[other.end : chain[-1].start]):
            break
        chain.append(other)
    return [m for m in reversed(chain) if facts.accession_date(m.iso3) is not None]


def _claim(
    view: SentenceView, ally: Mention, match: re.Match[str], held: list[Any], records: list[Any], day: Any
) -> Claim | None:
    mine = [r for r in held if ally.iso3 in r.requesting]
    common: dict[str, Any] = {
        "kind": "event_date",
        "start": ally.start,
        "end": match.end(),
        "value": "Art. 4 requested",
        "country": ally.iso3,
        "subject": "article4",
    }
    evidence = [
        Evidence(
            f"Art. 4 requested {r.date.isoformat()} by {'/'.join(r.requesting)}: {r.context[:90]}",
            r.source,
            r.date.isoformat(),
            rule="article4",
        )
        for r in (mine or held[-3:])
    ]
    if mine:
        return view.claim(
            **common,
            verdict="supported",
            evidence=evidence,
            note=f"{ally.iso3} requested Art. 4 consultations {len(mine)} time(s) up to the article date",
        )
    if day is None or not records or day > records[-1].date:
        return view.claim(
            **common,
            verdict="not checkable",
            note=f"no Art. 4 request by {ally.iso3} is held"
            + (" (no article date)" if day is None else f" up to {records[-1].date.isoformat()}, the last held"),
        )
    return view.claim(
        **common,
        verdict="contradicted",
        evidence=evidence,
        note=f"no Art. 4 request by {ally.iso3} up to {day.isoformat()} in natosim's record",
    )
