"""More ways English says an ally's rank among the allies (issue 17, round 6), read after ``ranks``.

Each is a general construction, not one article's wording; every rank found is judged by
``ranks._rank_claim`` (passed in as ``judge``: the one place the verdict rules live, which accuses only
with the year, the measure and the scope written):

- a superlative or an ordinal with a noun other than "spender": "the second largest defence budget in
  NATO", "the alliance's biggest contributor", "Greece 2nd largest spender on defence in NATO after US"
  (a "budget" is money: US$); "the largest spender after the US" is second;
- a verb with "the most" / "the least": "Greece earmarked the most for defence", "Spain, Belgium and
  Luxembourg spent the least" (a list: each among the last as many as are named);
- "only A does worse than B": B is second from bottom ("better"/"more": B is second);
- "followed by A and B" after a rank: A is next, B after it;
- a list after a superlative: "the highest NATO defence spenders are Poland, Estonia and the US", "the
  top three ... are ..." (each among the first K);
- "one of the countries with the lowest spending" (the bottom third: vague, never contradicted);
- "spends more on defence than any other NATO member" with any object between ("more funds to defence").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from natosim.engines.claims import facts
from natosim.engines.claims.context import SentenceView
from natosim.engines.claims.counts import listed
from natosim.engines.claims.gazetteer import Mention
from natosim.engines.claims.model import Claim
from natosim.engines.claims.numbers import ordinal, words_to_number

#: ``ranks._rank_claim``'s signature: (view, mention, claimed, match, start, end) → Claim | None
Judge = Callable[..., Claim | None]

_ORD = (
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"(?:[2-9]|[12]\d|3[0-2])(?:st|nd|rd|th)(?!\w)"
)
_HIGH = r"largest|biggest|highest|greatest|top"
_LOW = r"lowest|smallest|least"
_SCOPE = (
    r"(?:\s+(?:on\s+(?:defen[cs]e|the military|its military)\s+)?(?:in|within|among|across|of)\s+(?:the\s+)?"
    r"(?:NATO|alliance|allies|bloc|(?:NATO\s+)?(?:members|member states|countries|nations))\b)"
)
_POSSESSIVE = r"(?:NATO's|NATO’s|the alliance's|the alliance’s|the bloc's|the bloc’s)"
#: "the second largest defence budget in NATO", "the alliance's biggest contributor"
SUPERLATIVE = re.compile(
    rf"(?P<det>\b(?:the|{_POSSESSIVE}|Europe's|Europe’s)\s+|(?<=[a-z] )|(?<=[a-z], ))"
    rf"(?:(?P<ord>{_ORD})[- ])?(?:(?P<high>{_HIGH})|(?P<low>{_LOW}))[- ]"
    rf"(?:(?:overall|total|absolute|annual|military|defen[cs]e|NATO)\s+){{0,2}}"
    rf"(?P<noun>spender|budget|contributor|investor|military spender)\b"
    rf"(?P<scope>{_SCOPE})?"
    rf"(?P<after>\s+(?:after|behind)\s+(?:the\s+)?(?:US|U\.S\.|USA|United States|America)\b)?",
    re.IGNORECASE,
)
#: "Greece earmarked the most for defence", "Spain, Belgium and Luxembourg spent the least"
SPENT_THE_MOST = re.compile(
    r"\b(?:spent|spends|spend|earmarked|earmarks|allocated|allocates|devoted|devotes|invested|invests|budgeted)\s+"
    r"the\s+(?:(?P<high>most)|(?P<low>least))\b(?!\s+(?:of|in\s+(?:its|their)\s+history|since|ever))",
    re.IGNORECASE,
)
#: "only Luxembourg performs worse than Belgium", "only Poland spends more than Estonia"
ONLY_THAN = re.compile(
    r"\b[Oo]nly\s+(?P<first>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)\s+(?:\w+\s+){0,2}?"
    r"(?:performs?|performed|does|did|fares?|fared|ranks?|ranked|scores?|scored|spends?|spent|is|was|comes?|came)\s+"
    r"(?:\w+\s+)?(?:(?P<worse>worse|lower|less)|(?P<better>better|higher|more))\s+than\s+(?P<second>(?:the\s+)?[A-Z])"
)
#: "followed by Greece (3 per cent) and Estonia": the allies named next, in order
FOLLOWED_BY = re.compile(r"\bfollowed\s+(?:closely\s+)?by\s+", re.IGNORECASE)
#: "the highest NATO defence spenders are Poland, ...", "the top three ... are"
TOP_LIST = re.compile(
    rf"\b(?:the|{_POSSESSIVE})\s+(?:(?:top|(?P<high>{_HIGH}))\s+(?P<k>\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten)"
    rf"\s+|(?P<high2>{_HIGH}|leading)\s+|(?P<low>{_LOW})\s+)(?:NATO\s+|European\s+)?(?:(?:defen[cs]e|military)\s+)?"
    rf"(?:spenders|countries|nations|allies|members)\b[^.;:]{{0,60}}?\s+(?:are|were)\s*:?\s*(?=(?:the\s+)?[A-Z])",
    re.IGNORECASE,
)
#: "one of the NATO countries with the lowest spending"
ONE_OF_GROUP = re.compile(
    r"\bone\s+of\s+the\s+(?:NATO\s+|European\s+|alliance\s+)?(?:countries|allies|members|nations|states|member states)"
    r"\s+(?:with|spending|that spends?|which spends?|that spent)\s+the\s+(?:(?P<high>highest|largest|biggest|most)|"
    r"(?P<low>lowest|smallest|least))\b",
    re.IGNORECASE,
)
#: "allocating more funds to defence than any other NATO country"
MORE_THAN_ANY = re.compile(
    r"\b(?:spends?|spent|spending|allocat\w+|devot\w+|invest\w+|budget\w*)\s+more\b[^.;]{0,40}?\bthan\s+any\s+other\s+"
    r"(?:NATO\s+|European\s+)?(?:member|ally|country|nation|state)\b(?P<world>\s+(?:in|on)\s+(?:the\s+)?"
    r"(?:world|planet|earth))?",
    re.IGNORECASE,
)
_PER_HEAD = re.compile(r"\bper\s+(?:capita|head|person|citizen|inhabitant)\b", re.IGNORECASE)


#: a rank denied right before it: "is not the largest spender", "no longer NATO's top spender", "isn't ranked"
_DENIED = re.compile(r"(?:\b(?:not|never|no longer)|n['’]t)\s+(?:(?:even|quite|yet|always|among)\s+)?$", re.IGNORECASE)


def rank_denied(text: str, position: int) -> bool:
    """The rank starting at ``position`` is denied ("we are not the largest spender"): its negation is not
    the rank, and is not read as one."""
    return bool(_DENIED.search(text[max(0, position - 30) : position]))


def _overlaps(found: list[Claim], start: int, end: int) -> bool:
    spans = [(c.span[0] - c.sentence_span[0], c.span[1] - c.sentence_span[0]) for c in found]
    return any(start < b and a < end for a, b in spans)


def _subject(view: SentenceView, position: int) -> Mention | None:
    """The ally a rank is said of: named last before it, at most five words away in the same clause
    ("Greece 2nd largest spender", "The UK continues to have the second largest ...")."""
    before = [m for m in view.countries if m.end <= position]
    if not before:
        return None
    last = before[-1]
    gap = view.text[last.end : position]
    if not re.fullmatch(r"(?:['’]s)?\s*,?\s*(?:[\w'’-]+\s+){0,5}", gap) or re.search(
        r"\b(?:and|than|while|but)\b", gap
    ):
        return None
    return last if facts.is_ally(last.iso3) else None


def _list_before(view: SentenceView, position: int) -> list[Mention]:
    """The allies of a list that is the subject of the verb at ``position`` ("Spain, Belgium and Luxembourg
    spent"), or the one ally right before it."""
    before = [m for m in view.countries if m.end <= position]
    if not before or not re.fullmatch(r"\s*(?:\w+\s+){0,2}", view.text[before[-1].end : position]):
        return []
    for first in before:
        allies = listed(view, first.start, position)
        if allies and allies[-1] is before[-1]:
            return [m for m in allies if facts.is_ally(m.iso3)]
    return [before[-1]] if facts.is_ally(before[-1].iso3) else []


def find_more(view: SentenceView, found: list[Claim], judge: Judge) -> list[Claim]:
    """The ranks of this module's constructions not already read by ``ranks`` (``found``)."""
    claims: list[Claim] = []
    if _PER_HEAD.search(view.text):
        return claims  # a rank per head of population: not a ranking natosim holds

    def add(mention: Mention, claimed: int | str, match: re.Match[str], start: int, end: int, **extra: Any) -> None:
        if _overlaps(found, min(start, match.start()), end) or rank_denied(view.text, match.start()):
            return
        claim = judge(view, mention, claimed, match, min(start, mention.start), end, **extra)
        if claim is not None:
            claims.append(claim)

    for match in SUPERLATIVE.finditer(view.text):
        if not (match.group("scope") or match.group("after") or re.search(_POSSESSIVE, match.group("det") or "")):
            continue  # "the largest budget" without NATO, the alliance or the US named: a rank in what?
        mention = _subject(view, match.start())
        if mention is None:
            continue
        if match.group("ord"):
            claimed: int | str = ordinal(match.group("ord")) or 0
        else:
            claimed = (2 if match.group("after") else 1) if match.group("high") else "last"
        if not claimed:
            continue
        add(mention, claimed, match, mention.start, match.end())
    for match in SPENT_THE_MOST.finditer(view.text):
        subjects = _list_before(view, match.start())
        if match.group("high"):
            value: int | str = f"top-{len(subjects)}" if len(subjects) > 1 else 1
        else:
            value = f"bottom-{len(subjects)}" if len(subjects) > 1 else "last"
        for mention in subjects:
            add(mention, value, match, mention.start, match.end())
    for match in ONLY_THAN.finditer(view.text):
        second = next((m for m in view.countries if m.start >= match.start("second")), None)
        first = next((m for m in view.countries if m.start >= match.start("first")), None)
        if second is None or first is None or first.start >= match.start("second") or not facts.is_ally(first.iso3):
            continue
        if facts.is_ally(second.iso3):
            add(second, "last-1" if match.group("worse") else 2, match, match.start(), second.end)
    for match in TOP_LIST.finditer(view.text):
        allies = [m for m in listed(view, match.end()) if facts.is_ally(m.iso3)]
        if not allies:
            continue
        k = match.group("k")
        size = int(k) if k and k.isdigit() else int(words_to_number(k) or 0) if k else len(allies)
        if size < len(allies):
            continue
        group = f"bottom-{size}" if match.group("low") else f"top-{size}"
        for mention in allies:
            add(mention, group, match, match.start(), mention.end)
    for match in ONE_OF_GROUP.finditer(view.text):
        mention = _subject(view, match.start())
        if mention is not None:
            add(mention, "top-group" if match.group("high") else "bottom-group", match, mention.start, match.end())
    for match in MORE_THAN_ANY.finditer(view.text):
        mention = _subject(view, match.start())
        named = {m.iso3 for m in view.countries if m.end <= match.start()}
        if mention is None and len(named) == 1:
            mention = next(m for m in view.countries if m.end <= match.start())
        if mention is not None and facts.is_ally(mention.iso3):
            add(mention, 1, match, mention.start, match.end(), world=bool(match.group("world")))
    claims.extend(_followed_by(view, found + claims, judge))
    return claims


def _followed_by(view: SentenceView, found: list[Claim], judge: Judge) -> list[Claim]:
    """ "Poland leads with 3.9%, followed by Greece (3%) and Estonia": the allies after "followed by" rank
    next to the rank said before it in the sentence, one after the other."""
    claims: list[Claim] = []
    for match in FOLLOWED_BY.finditer(view.text):
        ranked = [
            c
            for c in found
            if c.kind == "spending_rank"
            and isinstance(c.value, int)
            and c.span[1] - c.sentence_span[0] <= match.start()
            and c.country is not None
        ]
        if not ranked:
            continue
        previous = ranked[-1]
        allies = listed(view, match.end()) or [m for m in view.countries if m.start == match.end()][:1]
        # names with their figures between ("Greece (3 per cent) and Estonia (2.7 per cent)")
        if len(allies) < 2:
            allies = listed_with_figures(view, match.end())
        for place, mention in enumerate(allies, start=1):
            if not facts.is_ally(mention.iso3) or _overlaps(found + claims, mention.start, mention.end):
                continue
            claim = judge(view, mention, int(previous.value or 0) + place, match, match.start(), mention.end)
            if claim is not None:
                claims.append(claim)
    return claims


def listed_with_figures(view: SentenceView, start: int) -> list[Mention]:
    """A list whose names each carry a figure in brackets or after "with": "Greece (3%) and Estonia (2.7%)"."""
    found: list[Mention] = []
    position = start
    for mention in view.countries:
        if mention.start < start:
            continue
        gap = view.text[position : mention.start]
        joiner = r"\s*(?:\([^)]{0,30}\)|with\s+[^,;]{0,25}?)?\s*(?:,|,?\s+and)\s+(?:the\s+)?"
        if (found and not re.fullmatch(joiner, gap)) or (not found and not re.fullmatch(r"(?:the\s+)?", gap)):
            break
        found.append(mention)
        position = mention.end
    return found
