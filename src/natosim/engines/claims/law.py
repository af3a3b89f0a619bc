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
    r"|\b(?:Senate|senators)\b[^.;,]{0,15}?\b(?:two[- ]thirds|2/3|supermajority)\b",
    re.IGNORECASE,
)
_MAJORITY = re.compile(
    r"\b(?:simple majority|majority vote|a majority of (?:the )?(?:Senate|senators|Congress)|"
    r"three[- ]fifths|51 senators|fifty-one senators)\b",
    re.IGNORECASE,
)
_CONGRESS = re.compile(
    r"\b(?:Act of Congress|congressional approval|approval (?:of|from|by) Congress|"
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
_NOTICE = re.compile(
    r"\b(?P<n>\d{1,3}|one|a|six|twelve)[- ](?P<unit>days?|months?|years?)(?:'|’)?s?\s+"
    r"(?:advance\s+|written\s+|prior\s+)?notice\b|\bnotice\s+(?:period\s+)?of\s+(?P<n2>\d{1,3}|one|a|six|twelve)\s+"
    r"(?P<unit2>days?|months?|years?)\b|\b(?P<n3>\d{1,3}|one|a|six|twelve)[- ](?P<unit3>days?|months?|years?)\s+"
    r"after\s+(?:giving\s+)?notice\b",
    re.IGNORECASE,
)
_JOINING = re.compile(r"\b(?:join\w*|admi\w*|accession|enlarg\w*|new members?|invit\w*|membership)\b", re.IGNORECASE)
_UNANIMOUS = re.compile(
    r"\b(?:unanim\w*|consensus|all (?:\d+ |thirty-\w+ )?(?:allies|members|member states|"
    r"countries) (?:must|have to|need to)|every (?:single )?(?:ally|member)|each (?:ally|member)|"
    r"any (?:single )?(?:ally|member) (?:can|could) (?:veto|block)|veto)\b",
    re.IGNORECASE,
)
_NOT_UNANIMOUS = re.compile(
    r"\b(?:a majority of (?:the )?(?:allies|members|member states)|majority vote of (?:the )?"
    r"(?:allies|members)|two-thirds of (?:the )?(?:allies|members|member states))\b",
    re.IGNORECASE,
)
_WORDS = {"one": 1, "a": 1, "six": 6, "twelve": 12, "sixty": 60, "sixty-seven": 67, "fifty-one": 51, "fifty": 50}


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
        law, evidence = _law(rules)
        needed = law.senators_needed(100)
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
                view.claim(
                    kind="legal_threshold",
                    start=match.start(),
                    end=match.end(),
                    value=n,
                    unit="senators",
                    verdict=verdict,
                    expected=f"{law.senate_fraction} of senators present",
                    evidence=evidence,
                    country="USA",
                    subject="us-withdrawal",
                    note=note,
                )
            )
            used.add(match.start())
        for match in _TWO_THIRDS.finditer(text):
            claims.append(
                view.claim(
                    kind="legal_threshold",
                    start=match.start(),
                    end=match.end(),
                    value="2/3 of the Senate",
                    verdict="supported",
                    expected=f"{law.senate_fraction} of senators present",
                    evidence=evidence,
                    country="USA",
                    subject="us-withdrawal",
                    note="§1250A(a)(1); an Act of Congress is the other lawful route",
                )
            )
        for match in _MAJORITY.finditer(text):
            claims.append(
                view.claim(
                    kind="legal_threshold",
                    start=match.start(),
                    end=match.end(),
                    value=match.group(0),
                    verdict="contradicted",
                    expected=f"{law.senate_fraction} of senators present",
                    evidence=evidence,
                    country="USA",
                    subject="us-withdrawal",
                    note="a simple majority suffices only inside an Act of Congress (both chambers)",
                )
            )
        for match in _CONGRESS.finditer(text):
            claims.append(
                view.claim(
                    kind="legal_threshold",
                    start=match.start(),
                    end=match.end(),
                    value=match.group(0),
                    verdict="supported",
                    expected="Senate 2/3 or Act of Congress",
                    evidence=evidence,
                    country="USA",
                    subject="us-withdrawal",
                    note="one of the two lawful routes in §1250A",
                )
            )
        alone = _ALONE.search(text)
        if alone and _CAN.search(text[max(0, alone.start() - 80) : alone.start()]) and not _CANNOT.search(text):
            claims.append(
                view.claim(
                    kind="legal_threshold",
                    start=alone.start(),
                    end=alone.end(),
                    value=alone.group(0),
                    verdict="contradicted",
                    expected="Senate 2/3 or Act of Congress",
                    evidence=evidence,
                    country="USA",
                    subject="us-withdrawal",
                    note="§1250A bars withdrawal without the Senate or Congress; "
                    + law.constitutional_status_note[:160],
                )
            )
    if withdrawal:
        for match in _NOTICE.finditer(text):
            n = _number(match.group("n") or match.group("n2") or match.group("n3"))
            unit = (match.group("unit") or match.group("unit2") or match.group("unit3")).casefold().rstrip("s")
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
            claims.append(
                view.claim(
                    kind="legal_threshold",
                    start=match.start(),
                    end=match.end(),
                    value=match.group(0),
                    verdict="supported",
                    expected="unanimity",
                    evidence=evidence,
                    subject="accession",
                    note="Art. 10 invitation by unanimity; ratification by every ally",
                )
            )
            break
        for match in _NOT_UNANIMOUS.finditer(text):
            claims.append(
                view.claim(
                    kind="legal_threshold",
                    start=match.start(),
                    end=match.end(),
                    value=match.group(0),
                    verdict="contradicted",
                    expected="unanimity",
                    evidence=evidence,
                    subject="accession",
                    note="Art. 10 requires unanimous agreement, not a majority",
                )
            )
    return claims
