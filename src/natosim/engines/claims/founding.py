"""The founding told in other words (issue 17, round 6): a year or date leading the clause of the act ("In
1949, leaders of Europe and North America formed the NATO Alliance", "On April 4, 1949 twelve nations signed
the North Atlantic Treaty"), the alliance named by a pronoun or a common noun ("It was started on April 4,
1949", "the group was formed in 1949"), a day without its year ("NATO was founded on April 4", "the
Washington Treaty on April 4 of that year") and the alliance's age counted in years from then ("NATO, 60 years
on, remains ...").

Each is checked against the treaty (signed 4 April 1949, in force 24 August 1949: ``rules.treaty()``). A
date that matches is supported; one that does not, in a clause whose subject is plainly NATO or its treaty, is
contradicted; a pronoun whose date does not match may not be NATO, so it is not checkable.
"""

from __future__ import annotations

import re
from typing import Any

from natosim.engines.claims import facts
from natosim.engines.claims.context import MONTH_NAMES, MONTH_YEAR, SentenceView, month_number
from natosim.engines.claims.model import Claim, Evidence
from natosim.engines.claims.numbers import quantities

#: what founded NATO, as an act with the alliance or its treaty as object
_ACT = (
    r"(?:formed|founded|created|established|set up|launched|forged|signed|to sign|came together to sign|"
    r"gathered to sign|met to sign|put their signatures? to)"
)
_NATO_OBJECT = (
    r"(?:the\s+)?(?:NATO(?:\s+[Aa]lliance)?|North Atlantic Treaty(?:\s+Organi[sz]ation)?|Washington Treaty|"
    r"Treaty of Washington|North Atlantic [Aa]lliance|"
    r"(?:military|transatlantic|Atlantic) alliance(?: known as NATO)?)\b"
)
#: "In 1949, ...", "On April 4, 1949 ...", "In April 1949, ..." opening the sentence
_LEAD = re.compile(
    rf"^\W*(?:It was\s+)?(?:[Ii]n|[Oo]n|[Bb]ack in)\s+(?:(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})\s+(?:\d{{1,2}},?\s+)?)?"
    r"(?P<y>(?:19|20)\d\d)\b,?"
)
#: the act after the leading date, in its clause: "... leaders of Europe and North America formed the NATO Alliance"
_LED_ACT = re.compile(rf"[^.;:()]{{0,90}}?\b{_ACT}\s+(?:[\w.]+\s+){{0,3}}?{_NATO_OBJECT}")
#: the alliance named by a pronoun or a common noun: "It was started on April 4, 1949", "the group was formed in"
_PRONOUN = re.compile(
    r"\b(?P<who>It|it|[Tt]he (?:group|organi[sz]ation|bloc|pact|body|coalition))\s+was\s+(?:\w+ly\s+)?"
    r"(?:founded|formed|created|established|started|set up|launched|born)\s+(?:on|in)\s+"
    rf"(?P<date>(?:(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})\s+(?:\d{{1,2}},?\s+)?)?(?P<y>(?:19|20)\d\d))\b"
)
#: the alliance founded on a day without its year: "NATO was founded on April 4", "signed on 4 April"
_DAY_ONLY = re.compile(
    r"\b(?:NATO|[Tt]he (?:North Atlantic |Atlantic )?[Aa]lliance|[Tt]he (?:North Atlantic|Washington) Treaty)\s+was\s+"
    r"(?:\w+ly\s+)?(?:founded|formed|created|established|signed|born)\s+on\s+"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{MONTH_NAMES})|(?P<m2>{MONTH_NAMES})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
    r"(?![\d,]*\s*(?:19|20)\d\d)"
)
#: "... the Washington Treaty on April 4 of that year": a day whose year the sentence gave before
_OF_THAT_YEAR = re.compile(
    rf"\b(?:Treaty|NATO|[Aa]lliance)\s+(?:\w+\s+){{0,3}}?on\s+(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_NAMES})|"
    rf"(?P<m2>{MONTH_NAMES})\s+(?P<d2>\d{{1,2}}))\s+of\s+(?:that|the same)\s+year\b"
)
_FOUNDING_WORD = re.compile(r"\b(?:form\w*|found\w*|creat\w*|establish\w*|sign\w*|set up|launch\w*)\b", re.I)
#: "NATO, 60 years on, remains ...", "how, 75 years on, it remains ...": the alliance's age as "N years on"
_YEARS_ON = re.compile(r"(?:^|,\s*)(?P<n>[\w-]+)\s+years\s+on\s*,")
#: "having lasted for 75 years, NATO is ...": the alliance's age told as how long it has lasted
_LASTED = re.compile(
    r"\b(?:having|has|have)\s+(?:now\s+)?(?:lasted|existed|endured|survived|been around)\s+(?:for\s+)?"
    r"(?P<n>[\w-]+)\s+years\b",
    re.IGNORECASE,
)
#: another event the years may be counted from
_OTHER_EVENT = re.compile(
    r"\b(?:invasion|invaded|war|annex\w*|attack\w*|crisis|summit|joined|accession|fall|collapse|wall|"
    r"revolution|independence|election|agreement|deal|accord|pledge)\b",
    re.IGNORECASE,
)
_NATO_HERE = re.compile(r"\b(?:NATO|Nato|[Aa]lliance|North Atlantic Treaty)\b")


def find(view: SentenceView, used: set[int], found: list[Claim]) -> list[Claim]:
    """The founding readings for one sentence; a span another event reader claimed is not read again."""
    taken = [c.span for c in found if c.kind == "event_date"]
    claims: list[Claim] = []
    treaty = facts.rules().treaty()
    for claim in [*_led(view, treaty), *_pronoun(view, treaty), *_day_only(view, treaty), *_years_on(view, treaty)]:
        if not any(claim.span[0] < end and start < claim.span[1] for start, end in taken):
            claims.append(claim)
            taken.append(claim.span)
    return claims


def _evidence(treaty: Any) -> list[Evidence]:
    return [
        Evidence(
            f"North Atlantic Treaty signed {treaty.signed.isoformat()} in {treaty.signed_at}; "
            f"in force {treaty.entered_into_force.isoformat()}",
            treaty.source,
            treaty.signed.isoformat(),
            rule="treaty",
        )
    ]


def _compare(written: str, year: int, treaty: Any) -> tuple[bool, str]:
    """Whether a written year or date ("1949", "April 4, 1949", "April 1949") is the treaty's signing or entry
    into force, to the precision written; and that precision."""
    date = MONTH_YEAR.search(written)
    month = month_number(date.group(2)) if date else None
    day = int(date.group(1) or date.group(3)) if date and (date.group(1) or date.group(3)) else None
    precision = "day" if day else "month" if month else "year"
    for when in (treaty.signed, treaty.entered_into_force):
        if when.year == year and month in (None, when.month) and day in (None, when.day):
            return True, precision
    return False, precision


def _claim(view: SentenceView, treaty: Any, start: int, end: int, year: int, verdict: str, note: str) -> Claim:
    return view.claim(
        kind="event_date",
        start=start,
        end=end,
        value=year,
        verdict=verdict,
        expected=treaty.signed.isoformat(),
        evidence=_evidence(treaty),
        subject="founding",
        year=year,
        year_source="stated",
        note=note,
    )


def _led(view: SentenceView, treaty: Any) -> list[Claim]:
    """ "In 1949, leaders of Europe and North America formed the NATO Alliance": a date leading the clause of
    the founding act, with NATO or its treaty as the act's object."""
    lead = _LEAD.match(view.text)
    if lead is None:
        return []
    act = _LED_ACT.match(view.text, lead.end())
    if act is None or any(lead.end() <= ystart < act.end() for _, ystart, _ in view.years):
        return []
    founders = set(facts.members_on(treaty.entered_into_force))
    if any(lead.end() <= m.start < act.end() and m.iso3 not in founders for m in view.countries):
        return []  # "In 1952, Greece and Turkey signed the North Atlantic Treaty": an accession, not the founding
    year = int(lead.group("y"))
    right, precision = _compare(lead.group(0), year, treaty)
    start = lead.start() + len(lead.group(0)) - len(lead.group(0).lstrip(" \"'“‘-—•*"))
    return [
        _claim(
            view,
            treaty,
            start,
            act.end(),
            year,
            "supported" if right else "contradicted",
            f"the founding act dated by the clause's leading date, compared to the {precision}",
        )
    ]


def _pronoun(view: SentenceView, treaty: Any) -> list[Claim]:
    """ "It was started on April 4, 1949": the alliance named by a pronoun or a common noun in an article about
    NATO. A date that is not the founding's may be another body's: not checkable."""
    if not view.context.about_nato:
        return []
    claims = []
    for match in _PRONOUN.finditer(view.text):
        year = int(match.group("y"))
        right, precision = _compare(match.group("date"), year, treaty)
        claims.append(
            _claim(
                view,
                treaty,
                match.start(),
                match.end(),
                year,
                "supported" if right else "not checkable",
                f"'{match.group('who')}' read as NATO; compared to the {precision}"
                if right
                else f"'{match.group('who')}' may be another body than NATO (its date is not the founding's)",
            )
        )
    return claims


def _day_only(view: SentenceView, treaty: Any) -> list[Claim]:
    """ "NATO was founded on April 4", "the Washington Treaty on April 4 of that year" (the year said before
    in the sentence): the day compared with the treaty's signing."""
    claims = []
    for match in [*_DAY_ONLY.finditer(view.text), *_OF_THAT_YEAR.finditer(view.text)]:
        that_year = match.re is _OF_THAT_YEAR
        if that_year and not (_FOUNDING_WORD.search(view.text[: match.start()]) and view.years):
            continue
        earlier = [y for y, s, _ in view.years if s < match.start()]
        if that_year and not earlier:
            continue
        month = month_number(match.group("m1") or match.group("m2"))
        day = int(match.group("d1") or match.group("d2"))
        year = earlier[-1] if that_year else treaty.signed.year
        right = any(
            (when.month, when.day) == (month, day) and (not that_year or when.year == year)
            for when in (treaty.signed, treaty.entered_into_force)
        )
        claims.append(
            _claim(
                view,
                treaty,
                match.start(),
                match.end(),
                year,
                "supported" if right else "contradicted",
                "the founding's day (and the year the sentence gave before)" if that_year else "the founding's day",
            )
        )
    return claims


def _years_on(view: SentenceView, treaty: Any) -> list[Claim]:
    """ "NATO, 60 years on, remains one of the cornerstones of global security": the alliance's age at the
    article's date, when NATO is named and no other event the years could be counted from."""
    claims: list[Claim] = []
    for match in [*_YEARS_ON.finditer(view.text), *_LASTED.finditer(view.text)]:
        if not _NATO_HERE.search(view.text) or _OTHER_EVENT.search(view.text):
            continue
        parsed = quantities(match.group("n"))
        if not parsed or parsed[0].decimals or not 10 <= parsed[0].value <= 100:
            continue
        claimed = parsed[0].value
        day = view.context.date
        start = match.start("n")
        common: dict[str, Any] = {
            "kind": "event_date",
            "start": start,
            "end": match.end() - (match.re is _YEARS_ON),
            "value": claimed,
            "unit": "years",
            "subject": "age:alliance",
        }
        if day is None:
            claims.append(
                view.claim(**common, verdict="not checkable", note="an age needs the article's date (--date)")
            )
            continue
        age = (day - treaty.signed).days / 365.2425
        # a span of years read as news writes it: from half a year short of N (the day before the birthday) to
        # the year after; a round figure one more year on is imprecise; anything else is contradicted
        verdict = (
            "supported"
            if claimed - 0.5 <= age < claimed + 1
            else "imprecise"
            if claimed % 5 == 0 and claimed + 1 <= age < claimed + 2
            else "contradicted"
        )
        claims.append(
            view.claim(
                **common,
                verdict=verdict,
                expected=round(age, 2),
                evidence=_evidence(treaty),
                note=f"'{match.group(0).strip(' ,')}' from the founding: {age:.2f} years at {day.isoformat()}",
            )
        )
    return claims
