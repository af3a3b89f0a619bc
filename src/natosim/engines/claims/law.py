"""Legal thresholds: what leaving or joining NATO requires.

* US withdrawal — FY2024 NDAA §1250A (22 U.S.C. 1928f): the President may not withdraw except with
  the Senate's advice and consent, two-thirds of the Senators present concurring, or by an Act of
  Congress; notice to Congress at least 180 days before. "60 senators" is contradicted (60 is the
  cloture threshold, not in the statute); "67 senators" holds when all 100 vote.
* Any withdrawal — Art. 13: effective one year after notice to the US government.
* Accession — Art. 10: unanimous agreement of the allies, then every ally ratifies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from natosim.engines.claims import facts
from natosim.engines.claims.context import SentenceView
from natosim.engines.claims.model import Claim, Evidence

_WITHDRAW = re.compile(
    r"\b(?:withdraw\w*|leav\w*|leave|exit\w*|pull\w* out|quit\w*|denounc\w*|terminat\w*|"
    r"abandon\w*|walk away|take \w+(?: \w+)? out of|taking \w+(?: \w+)? out of|get out of)\b",
    re.IGNORECASE,
)
_LEGAL_WORDS = re.compile(
    r"\b(?:Senate|senators|votes?|Congress|two-thirds|majority|supermajority|notice|law|statute|Article 13)\b",
    re.IGNORECASE,
)
_TREATY = re.compile(r"\b(?:NATO|alliance|North Atlantic Treaty|treaty)\b", re.IGNORECASE)
_SENATORS = re.compile(
    r"\b(?P<n>\d{2,3}|sixty|sixty-seven|fifty-one|fifty)\s+(?:U\.?S\.?\s+)?(?:senators|votes in the Senate|"
    r"Senate votes|votes)\b",
    re.IGNORECASE,
)
_TWO_THIRDS = re.compile(
    r"\b(?:two[- ]thirds|2/3|supermajority)\b[^.;]{0,40}?\b(?:Senate|senators)\b"
    r"|\b(?:Senate|senators)\b[^.;,]{0,15}?\b(?:two[- ]thirds|2/3|supermajority)\b"
    # "... consent of the Senate, requiring a two-thirds majority or an Act of Congress"
    r"|(?<=Senate, )(?:requiring|needing|which requires)\s+(?:a\s+)?(?:two[- ]thirds|2/3)\s+(?:majority|vote)\b",
    re.IGNORECASE,
)
_MAJORITY = re.compile(
    r"\b(?:simple majority|majority vote|a majority of (?:the )?(?:Senate|senators)|"
    r"three[- ]fifths|51 senators|fifty-one senators)\b",
    re.IGNORECASE,
)
_CONGRESS = re.compile(
    r"\b(?:Act of Congress|congressional approval|approval (?:of|from|by) Congress|"
    r"approval (?:of|from|by) (?:two-thirds of )?the Senate|"
    r"Congress(?:'s|’s)? (?:approval|consent)|consent of (?:the )?(?:Senate|Congress)|"
    r"Senate(?:'s|’s)? (?:approval|consent|advice and consent))\b",
    re.IGNORECASE,
)
_ALONE = re.compile(
    r"\b(?:unilaterally|on (?:his|her|their) own|by (?:himself|herself)|alone|without "
    r"(?:Congress|the Senate|congressional approval|lawmakers)|by executive order|single-handedly)\b",
    re.IGNORECASE,
)
_CAN = re.compile(r"\b(?:can|could|may|is able to|has the (?:power|authority)|is free to)\b", re.IGNORECASE)
_CANNOT = re.compile(
    r"\b(?:cannot|can't|can not|could not|couldn't|may not|barred|bars|prohibit\w*|forbid\w*|"
    r"block\w*|prevent\w*|no longer)\b",
    re.IGNORECASE,
)
_PERIOD = r"(?P<n>\d{1,3}|one|a|six|twelve)[- ](?P<unit>days?|months?|years?)"
#: notice periods as written: "90 days' notice", "notice of one year", "one year after notice",
#: "notify Congress at least 180 days in advance" (the last only in a sentence about notice)
_NOTICE = (
    re.compile(rf"\b{_PERIOD}(?:'|’)?s?\s+(?:advance\s+|written\s+|prior\s+)?notice\b", re.IGNORECASE),
    re.compile(rf"\bnotice\s+(?:period\s+)?of\s+{_PERIOD}\b", re.IGNORECASE),
    re.compile(rf"\b{_PERIOD}\s+after\s+(?:giving\s+)?(?:\w+\s+)?notice\b", re.IGNORECASE),
    re.compile(
        rf"\b{_PERIOD}(?:'|’)?s?\s+(?:in advance|beforehand|before\b|ahead\b|prior\b|(?:advance\s+)?warning)",
        re.IGNORECASE,
    ),
)
_NOTIFY = re.compile(r"\b(?:notif\w*|notice|warn\w*)\b", re.IGNORECASE)
_JOINING = re.compile(
    r"\b(?:join\w*|admi\w*|accession|enlarg\w*|new (?:NATO )?members?|invit\w*|membership|applicants?|"
    r"aspirants?|candidate countries)\b",
    re.IGNORECASE,
)
#: all the allies, however counted and qualified: "all 30 current members", "every single Ally", "each of the
#: allies", "all previous member states", "the parliaments of all the allies"
_ALL_ALLIES = (
    r"(?:all|every|each)(?:\s+single|\s+one)?(?:\s+of)?(?:\s+(?:the|its|NATO's|the alliance's))?"
    r"(?:\s+(?:\d+|thirty-\w+|twenty-\w+))?(?:\s+(?:existing|current|other|previous|present|individual|NATO|member))*"
    r"\s+(?:allies|ally|members?|member states?|member countries|countries|country|nations?|states?|governments?|"
    r"parliaments?|legislatures?|capitals?)"
)
#: Art. 10's unanimity said in any of the ways the press says it: "by unanimous agreement", "by consensus",
#: "all 30 current members must approve", "has to be approved by all previous member states", "all existing
#: members agree", "requires the consent of every ally", "any single member can veto or block it"
_UNANIMOUS = re.compile(
    r"\b(?:unanim\w*|consensus|"
    + _ALL_ALLIES
    + r"(?:\s+\w+){0,2}?\s+(?:must|have to|has to|need to|needs to|agree\w*|approv\w*|consent\w*|ratif\w*|"
    r"accept\w*|sign\w* off|give (?:their|its) (?:approval|consent)|back\w*)"
    # ("... must approve new applicants": the act quoted with its modal)
    r"(?:\s+(?:approve|ratify|agree|consent|accept)(?:\s+(?:to\s+)?(?:new\s+)?(?:applicants?|members?|it|them))?)?|"
    r"(?:approv\w*|ratif\w*|consent|agreement|accept\w*|backing|support|green light|sign-off|blessing|endors\w*)"
    r"\s+(?:by|of|from)\s+(?:the (?:parliaments|legislatures|governments) of )?"
    + _ALL_ALLIES
    + r"|(?:any|a|one|every|each) (?:single )?(?:NATO )?(?:ally|member(?: state| country)?|country|nation) "
    r"(?:can|could|may|has the power to|is able to|would be able to) (?:veto|block|stop|halt)|veto)\b",
    re.IGNORECASE,
)
_NOT_UNANIMOUS = re.compile(
    r"\b(?:a majority of (?:the )?(?:allies|members|member states)|majority vote of (?:the )?"
    r"(?:allies|members)|two-thirds of (?:the )?(?:allies|members|member states))\b",
    re.IGNORECASE,
)
_WORDS = {"one": 1, "a": 1, "six": 6, "twelve": 12, "sixty": 60, "sixty-seven": 67, "fifty-one": 51, "fifty": 50}


@dataclass(frozen=True)
class _Reading:
    """How one wording about US withdrawal reads against §1250A: its verdict and why."""

    pattern: re.Pattern[str]
    verdict: str
    expected: str  # "{fraction}" stands for the statute's Senate fraction
    note: str
    value: str | None = None  # None: the words as written


#: wordings whose verdict does not depend on a number (the senators' count is read separately)
#: "two-thirds of both the House and Senate": §1250A asks two-thirds of the Senate, or an Act of Congress
#: (simple majorities in both chambers); two-thirds of both chambers is neither route
_BOTH_CHAMBERS = re.compile(
    r"\b(?:two[- ]thirds|2/3|supermajority)\b[^.;]{0,30}?\b(?:both|each)\s+(?:the\s+)?"
    r"(?:House and (?:the\s+)?Senate|Senate and (?:the\s+)?House|chambers|houses)\b",
    re.IGNORECASE,
)
#: "a simple majority in Congress", "majorities in both chambers": an Act of Congress, §1250A's other route
#: (a simple majority of the Senate alone is neither route)
_CONGRESS_MAJORITY = re.compile(
    r"\b(?:simple )?majorit(?:y|ies)\s+(?:vote\s+)?(?:of|in)\s+(?:both\s+)?(?:the\s+)?"
    r"(?:Congress|(?:houses|chambers)(?: of Congress)?|House and (?:the\s+)?Senate|Senate and (?:the\s+)?House)\b",
    re.IGNORECASE,
)
_US_READINGS = (
    _Reading(
        _BOTH_CHAMBERS,
        "contradicted",
        "{fraction} of senators present, or an Act of Congress",
        "§1250A: two-thirds of the Senate, or an Act of Congress passed by simple majorities; not two-thirds "
        "of both chambers",
    ),
    _Reading(
        _CONGRESS_MAJORITY,
        "supported",
        "Senate 2/3 or Act of Congress",
        "an Act of Congress, passed by simple majorities in both chambers, is one of §1250A's two lawful routes",
    ),
    _Reading(
        _TWO_THIRDS,
        "supported",
        "{fraction} of senators present",
        "§1250A(a)(1); an Act of Congress is the other lawful route",
        "2/3 of the Senate",
    ),
    _Reading(
        _MAJORITY,
        "contradicted",
        "{fraction} of senators present",
        "a simple majority suffices only inside an Act of Congress (both chambers)",
    ),
    _Reading(_CONGRESS, "supported", "Senate 2/3 or Act of Congress", "one of the two lawful routes in §1250A"),
)


def _us_claim(
    view: SentenceView, match: re.Match[str], *, value: str | int, verdict: str, expected: str, note: str, **extra: Any
) -> Claim:
    """A claim about what US withdrawal requires, with the §1250A evidence."""
    _, evidence = _law(facts.rules())
    return view.claim(
        kind="legal_threshold",
        start=match.start(),
        end=match.end(),
        value=value,
        verdict=verdict,
        expected=expected,
        evidence=evidence,
        country="USA",
        subject="us-withdrawal",
        note=note,
        **extra,
    )


ACCESSION_NOTES = {
    "supported": "Art. 10 invitation by unanimity; ratification by every ally",
    "contradicted": "Art. 10 requires unanimous agreement, not a majority",
}


def _accession_claim(
    view: SentenceView, match: re.Match[str], verdict: str, evidence: list[Evidence], note: str
) -> Claim:
    """What joining requires (Art. 10: unanimity), as written."""
    return view.claim(
        kind="legal_threshold",
        start=match.start(),
        end=match.end(),
        value=match.group(0),
        verdict=verdict,
        expected="unanimity",
        evidence=evidence,
        subject="accession",
        note=note,
    )


def _number(text: str) -> int:
    return _WORDS[text.casefold()] if text.casefold() in _WORDS else int(text)


def _law(rules: Any) -> tuple[Any, list[Evidence]]:
    law = rules.us_withdrawal_law()
    evidence = [
        Evidence(
            f"{law.citation} ({law.codified_at}): withdrawal only with Senate advice and consent, "
            f"{law.senate_fraction} of the Senators present concurring "
            f"({law.senators_needed(100)} if all 100 vote), or by an Act of Congress",
            law.source,
            f"{law.senate_fraction} of senators present",
            rule="us_withdrawal_law",
        )
    ]
    return law, evidence


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    text = view.text
    claims: list[Claim] = []
    rules = facts.rules()
    paragraph = view.sentence.paragraph
    withdrawal = bool(_WITHDRAW.search(text) and (_TREATY.search(text) or view.context.about_nato))
    # "It requires a two-thirds vote of the Senate." right after a sentence about leaving NATO
    # ... or an answer a few lines after the question ("Q: Could a president take America out of NATO?
    # A: No. The law says he needs two-thirds of the Senate")
    recent = any(f"withdrawal@{p}" in view.context.topics for p in range(paragraph - 3, paragraph + 1))
    withdrawal = (
        withdrawal
        or (
            f"withdrawal@{paragraph}" in view.context.topics
            and re.match(r"\s*(?:It|This|That|The law|The statute)\b", text) is not None
        )
        or (recent and _LEGAL_WORDS.search(text) is not None)
    )
    if withdrawal:
        view.context.topics.add(f"withdrawal@{paragraph}")
    us = bool(
        re.search(
            r"\b(?:Senate|senators|Congress|[Pp]resident|Trump|Biden|White House|Washington|U\.?S\.?|"
            r"United States|American|America)\b",
            text,
        )
    ) or any(f"us-withdrawal@{p}" in view.context.topics for p in range(paragraph - 3, paragraph + 1))
    if withdrawal and us:
        view.context.topics.add(f"us-withdrawal@{paragraph}")
    if withdrawal and us:
        law, _ = _law(rules)
        needed = law.senators_needed(100)
        fraction = f"{law.senate_fraction} of senators present"
        for match in _SENATORS.finditer(text):
            n = _number(match.group("n"))
            if n == needed:
                verdict, note = (
                    "supported",
                    "67 = two-thirds of 100 senators present; an Act of Congress is the other route",
                )
            else:
                verdict = "contradicted"
                note = (
                    f"{n} senators is not the rule: two-thirds of those present ({needed} of 100) or an Act of "
                    "Congress" + ("; 60 is the cloture threshold, not in the statute" if n == 60 else "")
                )
            claims.append(
                _us_claim(view, match, value=n, verdict=verdict, expected=fraction, note=note, unit="senators")
            )
            used.add(match.start())
        for reading in _US_READINGS:
            for match in reading.pattern.finditer(text):
                if any(
                    c.span[0] <= view.sentence.original_span(match.start(), match.end())[0] < c.span[1] for c in claims
                ):
                    continue  # already read by a more specific wording ("two-thirds of both chambers")
                claims.append(
                    _us_claim(
                        view,
                        match,
                        value=reading.value or match.group(0),
                        verdict=reading.verdict,
                        expected=reading.expected.format(fraction=law.senate_fraction),
                        note=reading.note,
                    )
                )
        alone = _ALONE.search(text)
        reported_question = alone is not None and re.search(
            r"\b(?:whether|question|if)\b", text[max(0, alone.start() - 80) : alone.start()], re.IGNORECASE
        )
        if (
            alone
            and not reported_question
            and _CAN.search(text[max(0, alone.start() - 80) : alone.start()])
            and not _CANNOT.search(text)
        ):
            claims.append(
                _us_claim(
                    view,
                    alone,
                    value=alone.group(0),
                    verdict="contradicted",
                    expected="Senate 2/3 or Act of Congress",
                    note="§1250A bars withdrawal without the Senate or Congress; "
                    + law.constitutional_status_note[:160],
                )
            )
    notices: list[re.Match[str]] = []
    for pattern in _NOTICE if withdrawal and _NOTIFY.search(text) else ():
        for match in pattern.finditer(text):
            if not any(match.start() < other.end() and other.start() < match.end() for other in notices):
                notices.append(match)
    if withdrawal:
        for match in sorted(notices, key=lambda m: m.start()):
            n = _number(match.group("n"))
            unit = match.group("unit").casefold().rstrip("s")
            days = n * {"day": 1, "month": 30, "year": 365}[unit]
            treaty = rules.treaty()
            art13 = treaty.articles[13]
            law = rules.us_withdrawal_law()
            evidence = [
                Evidence(
                    "Art. 13: withdrawal takes effect one year after notice to the US government",
                    art13.source,
                    365,
                    rule="treaty:article13",
                ),
                Evidence(
                    f"{law.short if hasattr(law, 'short') else law.citation}: the President notifies "
                    f"Congress at least {law.notice_to_congress_days} days before acting",
                    law.source,
                    law.notice_to_congress_days,
                    rule="us_withdrawal_law",
                ),
            ]
            ok = days in (365, law.notice_to_congress_days) or (unit == "month" and n in (6, 12))
            claims.append(
                view.claim(
                    kind="legal_threshold",
                    start=match.start(),
                    end=match.end(),
                    value=f"{n} {unit}{'s' if n > 1 else ''}",
                    verdict="supported" if ok else "contradicted",
                    expected="1 year (Art. 13); 180 days' notice to Congress (§1250A)",
                    evidence=evidence,
                    subject="withdrawal-notice",
                    note="notice periods: Art. 13 one year; §1250A 180 days to Congress",
                )
            )
    if _JOINING.search(text) and (_TREATY.search(text) or view.context.about_nato) and not withdrawal:
        article = rules.treaty().articles[10]
        evidence = [
            Evidence(
                "Art. 10: allies may invite a European state by unanimous agreement; every ally then "
                "ratifies the accession protocol",
                article.source,
                "unanimity",
                rule="treaty:article10",
            )
        ]
        for match in _UNANIMOUS.finditer(text):
            if match.group(0).casefold() == "veto" and not re.search(
                r"\b(?:can|could|any|each|every|power)\b",
                text[max(0, match.start() - 40) : match.start()],
                re.IGNORECASE,
            ):
                continue
            claims.append(_accession_claim(view, match, "supported", evidence, ACCESSION_NOTES["supported"]))
            break
        for match in _NOT_UNANIMOUS.finditer(text):
            claims.append(_accession_claim(view, match, "contradicted", evidence, ACCESSION_NOTES["contradicted"]))
    return claims
