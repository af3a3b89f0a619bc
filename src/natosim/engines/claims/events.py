"""Dates of events natosim's rules know: the founding (treaty signed 4 Apr 1949, in force 24 Aug
1949), each ally's accession, the Art. 5 invocation (2001) and Art. 4 requests, the summits where
pledges were made, Ukraine's membership application and its constitutional amendment (first
reading Nov 2018, adopted Feb 2019), and ages counted from them ("the 75-year-old alliance",
"the nearly three-year-old war")."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from natosim.engines.claims import enlargement, facts, requests, standing, summit_months, summits
from natosim.engines.claims import founding as founding_told
from natosim.engines.claims.context import (
    MONTH_NAMES,
    MONTH_OR_ABBREVIATION,
    MONTH_YEAR,
    WEEKDAY_NAMES,
    SentenceView,
    month_number,
)
from natosim.engines.claims.groups import last_group
from natosim.engines.claims.model import Claim, Evidence
from natosim.engines.claims.numbers import ORDINAL, ordinal, quantities
from natosim.engines.claims.pledges import TARGET_NOUN

_NATO = re.compile(r"\b(?:NATO|[Aa]lliance|North Atlantic Treaty|Washington Treaty|Treaty of Washington)\b")
_FOUNDED = re.compile(
    r"\b(?:founded|founding|created|creation|established|establishment|formed|formation|constructed|set up|born|"
    r"birth|launched|"
    r"inception|came into being|signed|signing|forged)\b",
    re.IGNORECASE,
)
_JOIN = re.compile(
    # (not after "re-": "France re-joins NATO's military command" returns to a body, it does not accede)
    r"(?<![Rr]e-)\b(?:joined|joining|joins|join|became (?:a |the \w+ |NATO's \w+ )?(?:member|ally)|acceded|"
    r"accession|was admitted|were admitted|entered (?:NATO|the alliance)|membership took effect|"
    r"(?:formally |officially )?entered as (?:a |the \w+ |NATO's \w+ )?(?:member|ally)|"
    r"became (?:a |an |the \w+ )?(?:full |full-fledged |formal |official )?(?:NATO |alliance )(?:members?|ally|allies)|"
    r"membership (?:became|was made|was declared) (?:official|formal|effective)|"
    r"(?:was|were) welcomed (?:into (?:NATO|the alliance)|as (?:a |the \w+ |NATO's \w+ )?(?:member|ally))|"
    r"(?:was|were) granted (?:NATO |full )?membership|gained (?:NATO |full )?membership|"
    r"became members|(?:has|have) been (?:a |an )?(?:members?|ally|allies)(?: of (?:NATO|the alliance))? since|"
    r"members? (?:of (?:NATO|the alliance) )?since|ally since)\b",
    re.IGNORECASE,
)
_NOT_DONE = re.compile(
    r"\b(?:appl\w+|bid|seek\w*|sought|ask\w*|invit\w*|want\w*|hope\w*|aspir\w*|could|would|may|"
    r"might|plan\w*|will|not|never|yet|talks?|path|wish\w*|intend\w*|propos\w*|process|"
    r"consider\w*|push\w*|block\w*|veto\w*|ratif\w*|"
    # "signed its accession protocol in February 2019", "accession negotiations": a step on the way
    r"protocols?|negotiat\w*|"
    # "Sweden celebrated joining NATO on 11 March 2024": the celebration's date
    r"celebrat\w*|commemorat\w*|"
    # "Finland's parliament approved joining NATO in 2022", "Sweden decided to join": a step, not the accession
    r"approv\w*|vot(?:e|ed|es|ing)|decid\w*|"
    # "submitted its request to join", "announced it would join": a request or announcement, not the accession
    r"request\w*|submit\w*|announc\w*|decision|agree\w*|endors\w*|support\w*|favou?r\w*|moved to)\b",
    re.IGNORECASE,
)
#: another's act that asks or lets an ally join ("NATO invited Finland and Sweden to join at the Madrid
#: summit in June 2022", "Turkey cleared the way for Sweden to join"): the date is the act's, not the accession
_LET_JOIN = re.compile(
    r"\b(?:invit\w*|urg\w*|ask\w*|allow\w*|permit\w*|let|help\w*|encourag\w*|press\w*|push\w*|enabl\w*|"
    r"want\w*|expect\w*|(?:clear\w*|pav\w*|open\w*) the (?:way|path|door) for)\b[^.;:]{0,60}$",
    re.IGNORECASE,
)
#: another ally's act on an accession ("Hungary ratified Sweden's accession in 2024"): not its date
_RATIFIED = re.compile(
    r"\b(?:ratif\w*|approv\w*|block\w*|delay\w*|veto\w*|stall\w*|held up|holding up|endors\w*|greenlit|"
    r"green-lit|signed off on|vot\w* (?:on|for|to approve))\b[^.;]*$",
    re.IGNORECASE,
)
_ART5 = re.compile(
    r"\b(?:Art(?:icle|\.)\s*5|Article Five|(?:collective|mutual)[- ]defen[cs]e (?:clause|provision|article))\b",
    re.IGNORECASE,
)
_ART4 = re.compile(r"\b(?:Art(?:icle|\.)\s*4|Article Four)\b", re.IGNORECASE)
_INVOKED = re.compile(
    r"\b(?:invok\w*|invocation|trigger\w*|activat\w*|used|request\w*|call\w*|cited|asked for consultations|"
    r"(?:convened|held|opened|began|launched|started)\s+(?:\w+\s+){0,2}consultations|"
    r"consultations\s+(?:have|has|had)?\s*(?:been\s+)?(?:were\s+)?(?:held|convened|called)|"
    r"ask\w* for (?:\w+ )?consultations)\b",
    re.IGNORECASE,
)
#: an invocation denied, weighed or refused: a year in the sentence is not an invocation's
_NOT_INVOKED = re.compile(
    r"\b(?:not|n't|consider\w*|contemplat\w*|weigh\w*|threaten\w*|refus\w*|declin\w*|reject\w*|"
    r"mull\w*|debat\w*|(?:was|were) not granted)\b(?![^.;]{0,40}\bonly\b)",
    re.IGNORECASE,
)
_TIMES = re.compile(
    r"\b(?:(?P<never>never|not once)(?=\s+(?:\w+\s+){0,2}?(?:invok|trigger|activat|used|request|call)\w*)|"
    r"(?P<once>only once|just once|once in|the only time|a single time|for the first time|"
    r"(?:for )?the first and (?:only|last) (?:time|invocation|activation|use)|"
    r"the only (?:activation|invocation|use|triggering)|once)|(?P<twice>twice)|(?P<n>\w+(?:-\w+)?)\s+times|"
    r"the\s+(?:only\s+)?(?P<ord>" + ORDINAL + r")\s+time\b"
    # "the second time this month / in a week / since 2022" counts within a period, not in all
    r"(?!\s+(?:(?:this|that|last)\s+(?:week|month|year)|since\b|within\b|in\s+(?:a|one|two|three|the past|the last|"
    r"\d+)\s+(?:\w+\s+)?(?:days?|weeks?|months?|years?)\b)))\b",
    re.IGNORECASE,
)
_CONSTITUTION = re.compile(r"\bconstitution\w*\b", re.IGNORECASE)
_AMEND = re.compile(
    r"\b(?:amend\w*|enshrin\w*|chang\w*|wrote|written|inscrib\w*|embed\w*|put|insert\w*|"
    r"anchor\w*|added|adopt\w*|passed|vot\w*|reading)\b",
    re.IGNORECASE,
)
_AGE = re.compile(
    r"[- ]years?[- ]old\s+(?:full[- ]scale\s+|Russian\s+)?(?P<what>war|invasion|conflict|alliance|"
    r"treaty|organi[sz]ation|NATO)\b",
    re.IGNORECASE,
)
#: "the alliance's 76-year history": the age of the alliance
_HISTORY = re.compile(r"-years?(?:-long)?\s+(?P<what>history|existence|lifespan)\b", re.IGNORECASE)
_AGO = re.compile(r"\s+years?\s+(?P<what>ago)\b", re.IGNORECASE)
#: "NATO turns 75", "the alliance celebrates 75 years"
#: "NATO, which is 75 years old", "the alliance is now 75 years old": the same age told with "is"
_TURNS = re.compile(
    r"\b(?:NATO|[Aa]lliance)\)?(?:\s+(?:turns|turned|is turning|celebrates|celebrated|marks|marked)\s+|"
    r"(?P<is>,?\s+(?:(?:which|that)\s+)?is\s+(?:now\s+)?|,\s+now\s+))"
    r"(?P<n>\d{1,3})(?(is)\s+years?\s+old\b|(?:\s+years)?\b(?![\d.,%]|\s*(?:per|pc|percent|allies|members|"
    r"countries|nations)))"
    # "the alliance marks 75 years since its formation": what the years are counted from, quoted with them
    r"(?:\s+since\s+(?:its|the alliance's|NATO's)\s+(?:formation|founding|foundation|creation|birth|establishment|"
    r"inception)|\s+since\s+it\s+was\s+(?:founded|formed|created|established|born))?"
)
#: ("the 75th-anniversary summit": the hyphen of an attributive use)
_ANNIVERSARY = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)(?:\s+|-)(?:anniversary|birthday)\b", re.IGNORECASE)


#: "the first time Article 4 was invoked (in NATO's history) was on ...": the first request
_FIRST_TIME_WAS = re.compile(
    r"\b(?<!not )the first time\b[^.;]{0,80}\b(?:was|came|happened|occurred)\s*$", re.IGNORECASE
)
#: a date right after "for the first time" ("... for the first time in 2003 / on 10 February")
_DATED_AFTER = re.compile(
    r",?\s*(?:back\s+)?(?:in|on|during)\s+(?:\d{1,2}\s+)?(?:(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\b|(?:19|20)\d\d\b)"
)
#: after "the third time Art. 4 has been invoked": a period opened by a year that restricts the count
#: ("since Russia launched its full-scale invasion of Ukraine in 2022"): counted from that year
_SINCE_PERIOD = re.compile(
    r"[^.;]{0,60}?\b(?:invoked|triggered|requested|activated|used)\s+since\b(?!\s+(?:its|NATO|the alliance))"
    r"[^.;]{0,80}?\b((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: after "the third time Art. 4 has been invoked": a topic or a period that restricts the count
_SCOPED_COUNT = re.compile(
    r"[^.;]{0,60}?\binvoked\s+(?:to address|over|about|in response to|for|against|this (?:month|year|week)|"
    r"since (?!1949)(?:19|20)\d\d|"
    r"in (?:a|one) (?:week|month|year)|regarding|related to)\b",
    re.IGNORECASE,
)


def _date_near(view: SentenceView, year: int, position: int) -> tuple[int | None, int | None]:
    """(month, day) written with ``year`` around ``position`` ("7 March 2024", "March 7, 2024")."""
    for match in MONTH_YEAR.finditer(view.text):
        if int(match.group(4)) == year and abs(match.end() - position) < 6:
            day = match.group(1) or match.group(3)
            return month_number(match.group(2)), int(day) if day else None
    return None, None


def _compare_date(
    view: SentenceView,
    year: int,
    position: int,
    actual: dt.date,
    alternatives: tuple[dt.date, ...] = (),
    *,
    coarse: bool = False,
) -> tuple[str, str, str]:
    """(verdict, expected, precision) comparing a written year/month/day with a date.

    ``coarse``: the day written belongs to another event ("after the attacks of 11 September
    2001"), so only the year is compared."""
    month, day = _date_near(view, year, position)
    if coarse:
        month, day = None, None
    candidates = (actual, *alternatives)
    for candidate in candidates:
        if (
            candidate.year == year
            and (month is None or candidate.month == month)
            and (day is None or candidate.day == day)
        ):
            precision = "day" if day else "month" if month else "year"
            return "supported", candidate.isoformat(), precision
    precision = "day" if day else "month" if month else "year"
    return "contradicted", actual.isoformat(), precision


def _claim_date(
    view: SentenceView,
    *,
    subject: str,
    year: int,
    start: int,
    end: int,
    actual: dt.date,
    evidence: list[Evidence],
    alternatives: tuple[dt.date, ...] = (),
    note: str = "",
    country: str | None = None,
    coarse: bool = False,
    at: int | None = None,
) -> Claim:
    """An event's date claim; ``at``: where the written date ends, when the claim goes on after it."""
    verdict, expected, precision = _compare_date(view, year, at or end, actual, alternatives, coarse=coarse)
    return view.claim(
        kind="event_date",
        start=start,
        end=end,
        value=year,
        verdict=verdict,
        expected=expected,
        evidence=evidence,
        subject=subject,
        year=year,
        country=country,
        unit=f"date ({precision})",
        note=note or f"compared to the {precision}",
    )


def _age_tolerance(claimed: float, qualifier: str | None, age: float) -> str:
    """Ages: "three-year-old" holds while 3 ≤ age < 4; "nearly three" while 2.5 ≤ age < 3 (or just
    after); "over/more than N" when age > N; "about N" within half a year."""
    if qualifier == "nearly":
        return (
            "supported"
            if claimed - 0.5 <= age < claimed + 0.05
            else "imprecise"
            if claimed - 1 <= age < claimed + 0.25
            else "contradicted"
        )
    if qualifier in ("more than", "at least"):
        return "supported" if age >= claimed else "contradicted"
    if qualifier in ("less than", "at most"):
        return "supported" if age < claimed else "contradicted"
    if qualifier == "about":
        return "supported" if abs(age - claimed) <= 0.5 else "imprecise" if abs(age - claimed) <= 1 else "contradicted"
    if math.floor(age) == claimed:
        return "supported"
    return "imprecise" if claimed - 0.5 <= age < claimed else "contradicted"


@dataclass
class _Scope:
    """What every section of ``find`` reads and writes for one sentence."""

    view: SentenceView
    used: set[int]
    text: str
    rules: Any
    treaty: Any
    founding: list[Evidence]
    taken: set[int] = field(default_factory=set)  # year positions already used
    claims: list[Claim] = field(default_factory=list)


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    """Every event claim in one sentence, section by section (summits, dated events, undated events,
    counts of invocations, ages); a year or quantity one section takes is not read again."""
    rules: Any = facts.rules()
    treaty = rules.treaty()
    founding = [
        Evidence(
            f"North Atlantic Treaty signed {treaty.signed.isoformat()} in {treaty.signed_at}; "
            f"in force {treaty.entered_into_force.isoformat()}",
            treaty.source,
            treaty.signed.isoformat(),
            rule="treaty",
        )
    ]
    scope = _Scope(view, used, view.text, rules, treaty, founding)
    summits.named(scope)  # summits named by city, date, month, relative time or place
    _enlargement(scope)
    _request_list(scope)
    _treaty_timeline(scope)
    _treaty_signed_on(scope)
    _founder_signed(scope)
    _dated_events(scope)
    _welcomed(scope)
    _undated_events(scope)
    _relative_year_accessions(scope)
    _relative_day_accessions(scope)
    _invocation_counts(scope)
    _ages(scope)
    scope.claims.extend(summits.find(view, used, scope.claims))  # summits by place, days, length, host
    scope.claims.extend(standing.find(view, used, scope.claims))  # founders, the newest, member-list rows
    scope.claims.extend(founding_told.find(view, used, scope.claims))  # the founding in other words, "N years on"
    scope.claims.extend(requests.find(view, used, scope.claims))  # undated Art. 4 requests by a named ally
    scope.claims.extend(summit_months.find(view, used, scope.claims))  # "a NATO summit in May"
    enlargement.remember_list(view, view.context)
    if len({year for year, _, _ in view.years}) == 1:
        view.context.event_year = (view.years[0][0], view.sentence.paragraph)
    elif view.years:
        view.context.event_year = None
    return scope.claims


#: an item of a dated list: "2003 – Turkey: ...", "3) 2012 (October) – Syria crisis ..."
_DATED_ITEM = re.compile(r"\W*(?:\d{1,2}[.)]\s*)?(?P<y>(?:19|20)\d\d)\b(?:\s*\([A-Z][a-z]+\))?\s*[–—-]\s*")


#: a timeline entry led by its date: "April 4, 1949 - Established when 12 nations sign the North Atlantic
#: Treaty", "April 4, 1949 - The 12 nations of Belgium, ... sign the North Atlantic Treaty"
_DATED_ENTRY = re.compile(
    r"\W*(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+"
    r"\d{1,2},?\s+)?(?P<y>(?:19|20)\d\d)\s*[-–—:]\s"
)
_SIGN_TREATY = re.compile(
    r"\b(?:sign|signs|signed|endorse|endorses|endorsed)\b[^.;]{0,40}?\b(?:the\s+)?(?:North Atlantic|Washington)\s+"
    r"Treaty\b",
    re.IGNORECASE,
)


_TREATY_BRACKET = re.compile(r"\b(?:North Atlantic|Washington) Treaty\s*\((?P<y>(?:19|20)\d\d)\)")


def _treaty_timeline(scope: _Scope) -> None:
    """A timeline entry dated by the treaty's signing ("April 4, 1949 - The 12 nations ... sign the North
    Atlantic Treaty"): the founding date (the signing, 4 April 1949)."""
    view = scope.view
    for named in _TREATY_BRACKET.finditer(view.text):
        # "Under the Washington Treaty (1949), Article 4 gives ...": the treaty's year in brackets
        if named.start("y") not in scope.taken:
            scope.claims.append(
                _claim_date(
                    view,
                    subject="founding",
                    year=int(named.group("y")),
                    start=named.start(),
                    end=named.end(),
                    actual=scope.treaty.signed,
                    alternatives=(scope.treaty.entered_into_force,),
                    evidence=scope.founding,
                )
            )
            scope.taken.add(named.start("y"))
    entry = _DATED_ENTRY.match(view.text)
    if entry is None or entry.start("y") in scope.taken or not _SIGN_TREATY.search(view.text, entry.end()):
        return
    treaty = scope.treaty
    scope.claims.append(
        _claim_date(
            view,
            subject="founding",
            year=int(entry.group("y")),
            start=re.match(r"\W*", view.text).end(),  # type: ignore[union-attr]
            end=entry.end("y"),
            actual=treaty.signed,
            alternatives=(),
            evidence=scope.founding,
        )
    )
    scope.taken.add(entry.start("y"))


#: the founding treaty named in any of the ways the press names it: "the North Atlantic Treaty", "the
#: Washington Treaty", "the Treaty of Washington", "the Atlantic defense treaty", "NATO's founding treaty"
_TREATY_NAMED = re.compile(
    r"\b(?:(?:North\s+)?Atlantic(?:\s+(?:defen[cs]e|alliance|security))?\s+[Tt]reaty|Washington\s+[Tt]reaty|"
    r"Treaty\s+of\s+Washington|(?:NATO's|the alliance's)\s+(?:founding\s+)?(?:treaty|charter))\b"
)
#: the act of making the treaty: "signed", "signs", "the signing of", "done at Washington" (the treaty's
#: own closing formula), "endorsed", "concluded"
_TREATY_ACT = re.compile(r"\b(?:sign(?:s|ed|ing)?|done at|endors(?:e|es|ed|ing)|conclud(?:e|es|ed|ing))\b", re.I)
#: another act on the treaty dated in the same sentence: an accession protocol, an anniversary, a celebration
_TREATY_OTHER_ACT = re.compile(
    r"\b(?:protocols?|accession|acced\w*|anniversar\w*|celebrat\w*|commemorat\w*|marks?|marking|"
    r"years? (?:ago|since|after|later))\b",
    re.I,
)
#: a day and month whose year is the one the previous sentence stated: "On 4 April of that year"
_DAY_OF_THAT_YEAR = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{MONTH_NAMES})|(?P<m2>{MONTH_NAMES})\s+"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?)\s+(?:of\s+)?(?:that|the same)\s+year\b"
)
#: how far a written date may stand from the treaty's name or its signing and still date it
_TREATY_DATE_REACH = 90
#: a written date this many years or fewer from the signing is read as a date of the signing (a date
#: decades later in the same sentence is another event's: "In 2024, 75 years after ... signed ...")
_TREATY_YEARS_OFF = 3


def _treaty_signed_on(scope: _Scope) -> None:
    """A written date of the treaty's signing, however the sentence is built: "On April 4, 1949, 12
    countries signed the North Atlantic Treaty", "April 4, 1949, when the North Atlantic Treaty was
    signed", "the North Atlantic Treaty, done at Washington, April 4, 1949", "signs the Atlantic defense
    treaty ..., April 4, 1949", "endorsed the treaty at an April 4, 1949, ceremony", and "On 4 April of
    that year, ten nations signed the North Atlantic Treaty" (the year the sentence before stated).

    Why: the press dates the founding by the signing far more often than it says "founded on"; a date
    within a few years of the signing, in a sentence that names the treaty and its making, is that date.
    An accession protocol, an anniversary or a celebration dated in the sentence is another event's
    date, and the sentence is left to the other readers."""
    view = scope.view
    text = view.text
    treaty = scope.treaty
    named = list(_TREATY_NAMED.finditer(text))
    acts = list(_TREATY_ACT.finditer(text))
    if not named or not acts or _TREATY_OTHER_ACT.search(text):
        return
    anchors = [(m.start(), m.end()) for m in named + acts]
    written: list[tuple[int, int, int, int, int | None, int | None]] = []  # start, end, year pos, year, month, day
    for match in MONTH_YEAR.finditer(text):
        day = match.group(1) or match.group(3)
        written.append(
            (
                match.start(),
                match.end(),
                match.start(4),
                int(match.group(4)),
                month_number(match.group(2)),
                day and int(day),
            )  # type: ignore[arg-type]
        )
    carried = view.context.event_year
    if carried is not None and view.sentence.paragraph - carried[1] <= 1:
        for match in _DAY_OF_THAT_YEAR.finditer(text):
            month = match.group("m1") or match.group("m2")
            day = match.group("d1") or match.group("d2")
            written.append((match.start(), match.end(), -1 - match.start(), carried[0], month_number(month), int(day)))
    for start, end, ypos, year, month, day in written:
        if ypos in scope.taken or abs(year - treaty.signed.year) > _TREATY_YEARS_OFF:
            continue
        if not any(
            a_start - end <= _TREATY_DATE_REACH and start - a_end <= _TREATY_DATE_REACH for a_start, a_end in anchors
        ):
            continue
        lead = re.search(r"\b(?:[Oo]n|[Ii]n)\s+(?:this day,\s+)?$", text[max(0, start - 16) : start])
        claim_start = start - len(lead.group(0)) if lead else start
        held = treaty.signed
        right = held.year == year and (month is None or held.month == month) and (day is None or held.day == day)
        precision = "day" if day else "month" if month else "year"
        scope.claims.append(
            view.claim(
                kind="event_date",
                start=claim_start,
                end=end,
                value=year,
                verdict="supported" if right else "contradicted",
                expected=held.isoformat(),
                evidence=scope.founding,
                subject="founding",
                year=year,
                unit=f"date ({precision})",
                note=f"the treaty's signing, compared to the {precision}"
                + ("; the year is the one the sentence before stated" if ypos < 0 else ""),
            )
        )
        scope.taken.add(ypos)


#: "Iceland signed the Treaty in 1949": a founding ally's signature is its membership from the start
_SIGNED_TREATY_IN = re.compile(
    r"\s+signed\s+the\s+(?:North\s+Atlantic\s+|Washington\s+)?Treaty\s+in\s+(?P<y>(?:19|20)\d\d)\b", re.IGNORECASE
)


def _founder_signed(scope: _Scope) -> None:
    """A founding ally "signed the Treaty in <year>": its accession (the treaty's entry into force, the
    same year). Read for the founders only — a later ally signs an accession protocol, not the treaty."""
    view = scope.view
    founders = set(facts.members_on(scope.treaty.entered_into_force))
    for mention in view.countries:
        signed = _SIGNED_TREATY_IN.match(view.text, mention.end)
        if signed is None or mention.iso3 not in founders or signed.start("y") in scope.taken:
            continue
        scope.claims.append(_joiner_claim(view, mention.iso3, int(signed.group("y")), mention.start, signed.end("y")))
        scope.taken.add(signed.start("y"))


def _request_list(scope: _Scope) -> None:
    """Art. 4 requests listed by year after a sentence about Art. 4 ("Article 4 has been used seven
    times: // 2003 – Turkey: ... // 2012 – Turkey: ..."): each item is a request dated by its year, the
    ally asking named in it; the topic runs on from item to item."""
    view = scope.view
    item = _DATED_ITEM.match(view.text)
    if item is None or item.start("y") in scope.taken or _ART5.search(view.text):
        return
    if not (_article_topic(view, 4) or _ART4.search(view.text)):
        return
    claim = _invocation_year(view, scope.rules, 4, int(item.group("y")), item.start("y"), item.end("y"))
    if claim is not None:
        scope.claims.append(claim)
        scope.taken.add(item.start("y"))
        view.context.topics.add(f"article4@{view.sentence.paragraph}")


def _enlargement(scope: _Scope) -> None:
    """Accessions of several allies told together (``enlargement``): a chronicle, a count of newcomers
    with its list, a year leading a list, a list named in the sentence before."""
    view = scope.view
    joiners = enlargement.respectively(view, scope.taken)
    joiners += enlargement.chronicle(view, scope.taken) + enlargement.counted_joiners(view, scope.taken)
    joiners += enlargement.bracketed(view, scope.taken) + enlargement.heading_year(view, scope.taken)
    that = re.match(r"\W*(?:In\s+)?that\s+(?:same\s+)?year\b", scope.text, re.IGNORECASE)
    carried = view.context.event_year
    if (
        that is not None
        and carried is not None
        and carried[1] in (view.sentence.paragraph, view.sentence.paragraph - 1)
    ):
        # "In 1999, NATO's 50th-anniversary summit was held in Washington. In that year, Poland, the Czech
        # Republic and Hungary became NATO members": the year of the sentence before
        joiners += enlargement.year_first_list(view, carried[0], that.start(), that.end())
    for year, ystart, yend in view.years:
        if ystart in scope.taken:
            continue
        listed = enlargement.year_first_list(view, year, ystart, yend)
        if listed:
            joiners += listed
            scope.taken.add(ystart)
            continue
        # "In 2004, the Baltic states joined NATO": a group led by the year
        led = _YEAR_FIRST.match(scope.text, yend)
        named = last_group(scope.text[led.end() : led.end() + 45], per_ally=True) if led else None
        if led is None or named is None or named[1].start() != 0 or named[0].members is None:
            continue
        after = led.end() + named[1].end()
        adverbs = re.match(
            r"\s+(?:(?:all|both|together|officially|formally|finally|then|also)\s+)*", scope.text[after:]
        )
        verb = _JOIN.match(scope.text, after + (adverbs.end() if adverbs else 0))
        if (
            verb is None
            or _NOT_DONE.search(verb.group(0))
            or _OTHER_BODY.search(scope.text[verb.end() : verb.end() + 40])
        ):
            continue
        for code in named[0].members:
            if facts.accession_date(code) is not None:
                scope.claims.append(_joiner_claim(view, code, year, _date_start_at(view, ystart, yend), yend))
        scope.taken.add(ystart)
    for joiner in joiners:
        start = min(joiner.mention.start, joiner.ystart)
        scope.claims.append(
            _joiner_claim(
                view,
                joiner.mention.iso3,
                joiner.year,
                min(start, _date_start(view, joiner)),
                joiner.yend,
                subject="accession-list" if joiner.listed else "accession",
            )
        )
    if not (enlargement.taken_up(view) and view.context.listed_allies) or view.countries:
        return
    # "These nations ... officially joined NATO Mar 29th 2004": the allies the sentence before listed
    for year, ystart, yend in view.years:
        before = view.text[max(0, ystart - 40) : ystart]
        join = [m for m in _JOIN.finditer(before) if not _NOT_DONE.search(before[m.start() :])]
        if ystart in scope.taken or not join or _OTHER_BODY.search(before[join[-1].start() :]):
            continue
        start = ystart - len(before) + join[-1].start()
        scope.claims += [_joiner_claim(view, code, year, start, yend) for code in view.context.listed_allies]
        scope.taken.add(ystart)


#: a year written relative to the article's: "joined NATO last year", "became a member this year"
_RELATIVE_YEAR = re.compile(r"\b(?:(?P<last>last year|a year ago)|(?P<this>(?:earlier |later )?this year))\b")


#: "NATO welcomed Sweden as its 32nd member on 7 March", "... welcomed Finland into the alliance in April 2023"
_WELCOMED = re.compile(
    r"\bwelcom(?:ed|es|ing)\s+(?P<who>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)\s+(?:as\s+(?:its|a|an|the|NATO's)\s+"
    r"(?:\w+\s+)?(?:member|ally)|in(?:to)?\s+(?:NATO|the alliance))\b[^.;,]{0,50}?(?=\s+(?:on|in)\s+)"
)


def _welcomed(scope: _Scope) -> None:
    """ "NATO welcomed Sweden as its 32nd member on 7 March": the ally's accession date (a day without
    a year read against the article's date, as for "joined on 7 March")."""
    view = scope.view
    for match in _WELCOMED.finditer(view.text):
        mention = next((m for m in view.countries if m.start == match.start("who")), None)
        joined = facts.accession_date(mention.iso3) if mention is not None else None
        if mention is None or joined is None:
            continue
        undated_date = UNDATED.match(view.text, match.end() + 1)
        dated = MONTH_YEAR.match(view.text, match.end() + 4) or MONTH_YEAR.match(view.text, match.end() + 1)
        claim = None
        if dated is not None and dated.end() - 4 not in scope.taken:
            claim = _joiner_claim(view, mention.iso3, int(dated.group(4)), mention.start, dated.end())
            scope.taken.add(dated.end() - 4)
        elif undated_date is not None and view.context.date is not None and undated(undated_date, view.context.date):
            claim = _undated_accession(view, undated_date, mention.start, mention.iso3, joined)
        if claim is not None and claim.verdict == "contradicted":
            # a welcome may be a ceremony after the accession (Sweden's flag was raised in Brussels on 11
            # March 2024, four days after it joined): the date is not the accession's for certain
            claim = dataclasses.replace(
                claim, verdict="not checkable", note=f"a welcome may be a later ceremony; {claim.note}"
            )
        if claim is not None:
            scope.claims.append(claim)


#: a day written relative to the article's: "yesterday", "today", "On Friday", "on Tuesday"
_RELATIVE_DAY = re.compile(
    r"\b(?:(?P<yesterday>yesterday)|(?P<today>today)|(?:(?:on|last|this)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\s*,?\s+(?:\w+\s+)?\d))\b",
    re.IGNORECASE,
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: "the alliance yesterday added Albania and Croatia as its newest members"
_ADDED_AS = re.compile(r"\b(?:added|admitted|welcomed)\b[^.;]{0,60}?\bas\s+(?:its\s+)?(?:newest\s+|new\s+)?members?\b")


def _relative_day(match: re.Match[str], date: dt.date) -> dt.date:
    """The day "yesterday", "today" or a weekday names: a weekday is the latest such day on or before
    the article's date (a news report tells the past week)."""
    if match.group("yesterday"):
        return date - dt.timedelta(days=1)
    if match.group("today"):
        return date
    weekday = _WEEKDAYS.index(match.group("weekday").casefold())
    return date - dt.timedelta(days=(date.weekday() - weekday) % 7)


def _relative_day_accessions(scope: _Scope) -> None:
    """ "Finland formally joined NATO on Tuesday", "On Friday, North Macedonia became the 30th NATO
    member", "the alliance yesterday added Albania and Croatia as its newest members": the day read
    against the article's date, within the week before it. An accession more than a month before the
    article is another event's day (no claim); none without the article's date."""
    view = scope.view
    date = view.context.date
    text = view.text
    if date is None:
        return
    for match in _RELATIVE_DAY.finditer(text):
        verbs = [m for m in list(_JOIN.finditer(text)) + list(_ADDED_AS.finditer(text)) if m.group(0)]
        near = [v for v in verbs if abs((v.start() if v.start() > match.end() else match.start()) - v.end()) < 60]
        if len(near) != 1 and len({(v.start(), v.end()) for v in near}) != 1:
            continue
        verb = near[0]
        lo, hi = min(match.start(), verb.start()), max(match.end(), verb.end())
        clause = text[lo:hi]
        if (
            re.search(r"[.;]|(?:19|20)\d\d", clause)
            or _NOT_DONE.search(clause)
            or _OTHER_BODY.search(text[verb.end() : verb.end() + 40])
        ):
            continue
        if _NOT_DONE.search(text[max(0, verb.start() - 40) : verb.start()]):
            continue
        day = _relative_day(match, date)
        # the allies of the act: named in its clause (before the verb, or after "added")
        start = max((m.end() for m in re.finditer(r"[.;]", text[:lo])), default=0)
        end = min((m.start() + hi for m in re.finditer(r"[.;]", text[hi:])), default=len(text))
        allies = [
            m
            for m in view.countries
            if start <= m.start < end
            and facts.accession_date(m.iso3) is not None
            and not re.match(r"'s\b", text[m.end :])
            and (m.start < verb.start() or verb.re is _ADDED_AS)
        ]
        if verb.re is _ADDED_AS:
            allies = [m for m in allies if verb.start() < m.start < verb.end()]
        elif allies:
            allies = [allies[-1]]
        for mention in allies:
            joined = facts.accession_date(mention.iso3)
            assert joined is not None
            if joined < date - dt.timedelta(days=31):
                continue  # long before the article: the day dates something else
            scope.claims.append(
                view.claim(
                    kind="event_date",
                    start=match.start(),
                    end=match.end(),
                    value=day.isoformat(),
                    verdict="supported" if joined == day else "contradicted",
                    expected=joined.isoformat(),
                    country=mention.iso3,
                    subject=f"accession:{mention.iso3}",
                    year=day.year,
                    unit="date",
                    evidence=_accession_evidence(mention.iso3, joined),
                    note=f"'{match.group(0)}' read from the article date ({date.isoformat()}): {day.isoformat()}",
                )
            )


def _relative_year_accessions(scope: _Scope) -> None:
    """ "Finland joined NATO last year": an accession dated by a year relative to the article's date
    (no claim without the date)."""
    view = scope.view
    date = view.context.date
    if date is None:
        return
    for match in _RELATIVE_YEAR.finditer(view.text):
        before = view.text[max(0, match.start() - 50) : match.start()]
        join = next(iter(reversed(list(_JOIN.finditer(before)))), None)
        if join is None or _NOT_DONE.search(before[join.start() :]) or _OTHER_CLAUSE.search(before[join.end() :]):
            continue
        if _OTHER_BODY.search(before[join.start() :]) or re.search(r"\bin\s+$", before):
            continue  # another body, or "in last year's ..." (a month or event of that year, read elsewhere)
        join_at = match.start() - len(before) + join.start()
        mention = view.subject_of(view.country_near(join_at, window=60), join_at)
        joined = facts.accession_date(mention.iso3) if mention is not None and mention.start < join_at else None
        if mention is None or joined is None or _NOT_DONE.search(view.text[mention.end : join_at]):
            continue  # "Sweden, which applied to join last year": no accession
        year = date.year - 1 if match.group("last") else date.year
        scope.claims.append(
            view.claim(
                kind="event_date",
                start=mention.start,
                end=match.end(),
                value=year,
                verdict="supported" if joined.year == year else "contradicted",
                expected=joined.isoformat(),
                country=mention.iso3,
                subject=f"accession:{mention.iso3}",
                year=year,
                unit="date (year)",
                evidence=_accession_evidence(mention.iso3, joined),
                note=f"'{match.group(0)}' read from the article date ({date.isoformat()}): {year}",
            )
        )


def _date_start(view: SentenceView, joiner: enlargement.Joiner) -> int:
    """Where the date of ``joiner``'s year starts ("March 12, 1999" starts at "March")."""
    return _date_start_at(view, joiner.ystart, joiner.yend)


def _date_start_at(view: SentenceView, ystart: int, yend: int) -> int:
    for match in MONTH_YEAR.finditer(view.text):
        if match.end() == yend:
            return match.start()
    return ystart


def _joiner_claim(
    view: SentenceView, code: str, year: int, start: int, yend: int, *, subject: str = "accession"
) -> Claim:
    joined = facts.accession_date(code)
    assert joined is not None  # enlargement keeps allies only
    return _claim_date(
        view,
        subject=f"{subject}:{code}",
        year=year,
        start=start,
        end=yend,
        actual=joined,
        country=code,
        evidence=_accession_evidence(code, joined),
    )


def _dated_events(scope: _Scope) -> None:
    """Events dated by a year: founding, accessions, Art. 4/5 requests, Ukraine's application."""
    view = scope.view
    text = scope.text
    rules = scope.rules
    treaty = scope.treaty
    founding = scope.founding
    taken = scope.taken
    claims = scope.claims
    for year, ystart, yend in view.years:
        if ystart in taken:
            continue
        before = text[max(0, ystart - 90) : ystart]
        # --- "Since 1949, NATO has ...": the alliance existed from then (a later year bounds something else)
        if (
            re.search(r"\b[Ss]ince\s+$", before)
            and year <= treaty.signed.year
            and re.match(r",?\s+(?:NATO|the [Aa]lliance)\s+(?:has|have)\b", text[yend:])
        ):
            claims.append(
                _claim_date(
                    view,
                    subject="founding",
                    year=year,
                    start=ystart - len(before) + before.rfind("ince") - 1,
                    end=yend,
                    actual=treaty.signed,
                    alternatives=(treaty.entered_into_force,),
                    evidence=founding,
                )
            )
            taken.add(ystart)
            continue
        # --- founding
        # ("This treaty was signed in 1949" in an article about NATO: like "it", a wrong year abstains)
        pronoun = re.match(r"\W*(?:It|The (?:alliance|organi[sz]ation|bloc)|Th(?:is|e) treaty)\s+was\b", text)
        treaty_year = _treaty_year(text, ystart, yend)
        founded_thing = _FOUNDED_THING.search(before[-60:])
        began = _BEGAN.search(before[-60:])
        # a verb of joining closer to the year than the founding's makes it an accession ("its members
        # since its inception in 1949" is the founding: the inception is closer)
        joins = list(_JOIN.finditer(before[-40:]))
        foundings = list(_FOUNDED.finditer(before[-40:]))
        joined_closer = bool(joins) and (not foundings or joins[-1].end() > foundings[-1].end())
        if (
            (_NATO.search(text) or ((pronoun or treaty_year) and view.context.about_nato))
            and (_FOUNDED.search(before[-60:]) or treaty_year or began)
            and not joined_closer
            and not (founded_thing and not treaty_year)
            and not (_other_owner(text, ystart) and not treaty_year)
        ):
            mention = view.country_near(ystart, window=60, exclude=_named_for(view))
            if mention is not None and mention.start > ystart:
                mention = None  # "created in 1955 as an American project": a country after the year is not the subject
            if (
                mention is None
                or _NATO.search(text[mention.end : ystart])
                or re.search(r"\bfounding (?:member|ally|signator)", text[mention.end : ystart], re.IGNORECASE)
            ):
                verb = None if treaty_year else (_FOUNDED.search(before[-60:]) or began)
                if verb is not None and (
                    _OTHER_DOCUMENT.search(before[-60:][verb.end() :])
                    or re.match(r"\s+(?:a|an|another|new|several|two|three)\b", before[-60:][verb.end() :])
                ):
                    # "30 countries signed the declaration in 2024", "allies signed a defence pact in 2023":
                    # another document's signing (NATO's own treaty is "the" treaty)
                    continue
                signed = bool(treaty_year or (verb and verb.group(0).casefold().startswith("sign")))
                founded = _claim_date(
                    view,
                    subject="founding",
                    year=year,
                    start=ystart - len(before[-60:]) + verb.start() if verb else ystart,
                    end=yend,
                    actual=treaty.signed,
                    alternatives=() if signed else (treaty.entered_into_force,),
                    evidence=founding,
                )
                if pronoun and not _NATO.search(text) and founded.verdict == "contradicted":
                    # "It was founded in 1952": 'it' may be another body than NATO
                    founded = dataclasses.replace(
                        founded, verdict="not checkable", note=f"the subject is a pronoun ('it'); {founded.note}"
                    )
                claims.append(founded)
                taken.add(ystart)
                continue
        # --- Ukraine's application
        # (read before the amendment: "wrote it into its constitution in 2019, and applied in 2022")
        verbs = list(re.finditer(r"\bappl(?:ied|ication)\b", before[-60:], re.IGNORECASE))
        if verbs and _NATO.search(text) and not _CONSTITUTION.search(before[-60:][verbs[-1].end() :]):
            mention = view.country_near(ystart, window=120)
            if mention is None and re.search(r"\b(?:Ukrain\w*|Kyiv|Kiev)\b", text[:ystart]):
                mention = next((m for m in reversed(view.countries) if m.iso3 == "UKR" and m.end <= ystart), None)
            if mention is not None and mention.iso3 == "UKR":
                applied_on = rules.events().event("ukraine-membership-application").date
                claims.append(
                    _claim_date(
                        view,
                        subject="application:UKR",
                        year=year,
                        # from the country, or from the verb when another claim stands between
                        start=mention.start
                        if ystart - mention.start <= 60
                        else ystart - len(before[-60:]) + verbs[-1].start(),
                        end=yend,
                        actual=applied_on,
                        country="UKR",
                        evidence=[
                            Evidence(
                                f"Ukraine applied for NATO membership on {applied_on.isoformat()}",
                                first_source(rules.events().event("ukraine-membership-application").source),
                                applied_on.isoformat(),
                                rule="events:ukraine-membership-application",
                            )
                        ],
                    )
                )
                taken.add(ystart)
                continue
        # --- Ukraine's constitutional amendment
        continuing = "constitution:UKR" in view.context.topics and re.search(
            r"\b(?:bill|amendment|first reading|second reading|final reading)\b", text, re.IGNORECASE
        )
        if (_CONSTITUTION.search(text) and _AMEND.search(text)) or continuing:
            mention = view.country_near(ystart, window=200)
            iso3 = mention.iso3 if mention else (view.context.last_country.iso3 if view.context.last_country else None)
            if iso3 == "UKR" or re.search(r"\b(?:Rada|Ukrain\w*|Kyiv|Kiev)\b", text):
                claim = _ukraine_constitution(view, rules, year, ystart, yend)
                if claim is not None:
                    claims.append(claim)
                    view.context.topics.add("constitution:UKR")
                    taken.add(ystart)
                    continue
        # --- Art. 5 / Art. 4
        # an article named in the sentence wins over one carried by a pronoun from the sentence before
        art5 = _ART5.search(text) or (None if _ART4.search(text) else _continued(view, 5))
        art4 = _ART4.search(text) or (None if _ART5.search(text) else _continued(view, 4))
        # "invoked eight times since 1949", "between 2003 and 2020": a year bounding a period is not an
        # invocation's date
        period = re.search(r"\b(?:since|from|until|till|before|after|between)\s+$", before[-14:], re.IGNORECASE) or (
            re.search(r"\b(?:between|from)\s+(?:19|20)\d\d\s*(?:and|to|until|-|–)\s*$", before[-30:], re.IGNORECASE)
        )
        # "Article 5 was not invoked after the drone fell in Poland in 2022", "Poland considered invoking
        # Article 4 ... but did not": no invocation, so the year dates something else
        refused = _NOT_INVOKED.search(text)
        if (art5 or art4) and _INVOKED.search(text) and not period and not refused:
            article = 5 if art5 and (not art4 or abs(art5.start() - ystart) < abs(art4.start() - ystart)) else 4
            claim = _invocation_year(view, rules, article, year, ystart, yend)
            if claim is not None:
                claims.append(claim)
                taken.add(ystart)
                continue
        # --- accessions
        if re.match(r"\s*[-–]\s*(?:19|20)\d\d\b", text[yend:]) or re.search(r"\b(?:19|20)\d\d\s*[-–]\s*$", before):
            continue  # "(The Addition of NATO Members Over Time (1949-2024))": a period's bound dates no accession
        join = None
        for candidate in _JOIN.finditer(before):
            join = candidate
        if join is None:
            # "In June 2017, Montenegro was admitted to the alliance": the year before the subject
            led = _YEAR_FIRST.match(text, yend)
            mention = next((m for m in view.countries if led is not None and m.start == led.end()), None)
            join_after = _JOIN.match(text, mention.end + 1) if mention is not None else None
            if mention is not None and join_after is not None and _NATO.search(text):
                accession = facts.accession_date(mention.iso3)
                rest = text[join_after.end() : join_after.end() + 60]
                if accession is not None and not _OTHER_BODY.search(rest) and not _NOT_DONE.search(join_after.group(0)):
                    month = re.search(rf"(?:\d{{1,2}}\s+)?\b(?:{MONTH_NAMES})\.?\s+(?:\d{{1,2}},?\s+)?$", before)
                    claims.append(
                        _claim_date(
                            view,
                            subject=f"accession:{mention.iso3}",
                            year=year,
                            start=ystart - len(before) + month.start() if month else ystart,
                            end=yend,
                            actual=accession,
                            country=mention.iso3,
                            evidence=_accession_evidence(mention.iso3, accession),
                        )
                    )
                    taken.add(ystart)
                    continue
        if join is not None:
            join_at = ystart - len(before) + join.start()
            mention = view.subject_of(view.country_near(join_at, window=90), join_at)
            led = re.match(r"\W*(?:Since|After|Upon|On|Before|Shortly after)\s+$", text[:join_at])
            subject = (
                re.match(r",\s+(?:the\s+)?", text[yend:]) if led and join.group(0).casefold() == "joining" else None
            )
            follows = next((m for m in view.countries if subject and m.start == yend + subject.end()), None)
            accession = facts.accession_date(follows.iso3) if follows is not None else None
            if follows is not None and accession is not None and not _OTHER_BODY.search(text[join_at:ystart]):
                # "Since joining NATO in 2004, Estonia has ...": the participle's subject follows its clause
                claims.append(
                    _claim_date(
                        view,
                        subject=f"accession:{follows.iso3}",
                        year=year,
                        start=join_at,
                        end=follows.end,
                        at=yend,
                        actual=accession,
                        country=follows.iso3,
                        evidence=_accession_evidence(follows.iso3, accession),
                    )
                )
                taken.add(ystart)
                continue
            if mention is None and view.context.last_country is not None and re.match(r"\s*(?:It|The country)\b", text):
                mention = view.context.last_country
            if mention is None or mention.start > join_at:
                group_claims = _group_joined(view, join_at, year, ystart, yend, text[join_at:ystart])
                if group_claims:
                    claims.extend(group_claims)
                    taken.add(ystart)
                continue
            if mention is None or mention.start > join_at:
                continue
            between = text[mention.end : join_at]
            if _NOT_DONE.search(between + " " + join.group(0)) or _NOT_DONE.search(text[join_at:ystart]):
                continue
            if re.search(r"\bto\s+$", text[max(0, join_at - 6) : join_at]) and _LET_JOIN.search(
                text[max(0, mention.start - 60) : mention.start]
            ):
                continue  # "NATO invited Finland and Sweden to join ... in June 2022": the invitation's date
            if re.search(r";|,\s+(?:and|but|while|whereas|then|yet|so)\b", text[join_at:ystart]):
                continue  # "Sweden joined NATO, and in 2025 it sent troops": the year is the next clause's
            if "," in text[join_at:ystart] and re.search(
                r"\b(?:after|before|since|once|until)\s+$", text[max(0, mention.start - 20) : mention.start]
            ):
                continue  # "A week after Sweden joined NATO, on 14 March 2024, troops arrived": the main clause's date
            if _RATIFIED.search(text[max(0, mention.start - 50) : mention.start]):
                continue  # "Ankara's parliament ratified Sweden's accession in January 2024": another event
            if any(
                join_at < m.start < ystart and _OTHER_CLAUSE.search(text[join_at : m.start]) for m in view.countries
            ):
                continue  # "Finland joined NATO in 2023, and Sweden followed in 2024": the year is the next subject's
            if _OTHER_BODY.search(text[join_at:ystart]):
                continue  # "joined the EU in 1995", "joined NATO's Partnership for Peace in 1994": not NATO
            joined = facts.accession_date(mention.iso3)
            if joined is None and not _JOINED_NATO.match(text, join_at):
                continue  # a non-member "joined" something not named as NATO itself: no claim
            if joined is None:
                claims.append(
                    view.claim(
                        kind="event_date",
                        start=mention.start,
                        end=yend,
                        value=year,
                        verdict="contradicted",
                        expected="not a member",
                        country=mention.iso3,
                        subject=f"accession:{mention.iso3}",
                        year=year,
                        evidence=[Evidence(f"{mention.iso3} is not among the 32 allies", "facts-members", None)],
                        note="not a NATO member",
                    )
                )
                taken.add(ystart)
                continue
            # "Greece and Turkey ... joining together in 1952": each ally of the list joined then
            for member in _listed_before(view, mention):
                accession = facts.accession_date(member.iso3)
                if accession is None:
                    continue
                claims.append(
                    _claim_date(
                        view,
                        subject=f"accession:{member.iso3}",
                        year=year,
                        start=member.start,
                        end=yend,
                        actual=accession,
                        country=member.iso3,
                        evidence=_accession_evidence(member.iso3, accession),
                    )
                )
            taken.add(ystart)


#: something other than NATO founded ("the alliance's threshold of 2%, established in 2014", "the
#: NATO-Ukraine Council, created in 2023", "its Readiness Action Plan, set up in 2014"): a thing named
#: between the last mention of NATO and the verb
_FOUNDED_THING = re.compile(
    rf"\b(?:{TARGET_NOUN}|council|commission|fund|plan|programme|program|mission|command|force|initiative|"
    r"partnership|cent(?:re|er)|agency|office|body|unit|group|battalion|brigade|corps|rule|policy|"
    r"strategy|budget|pipeline|scheme|facility|base|post)\b(?![^.;]*\b(?:NATO|[Aa]lliance)\b)[^.;]*"
    r"\b(?:(?:founded|created|established|formed|set up|launched|forged|born|constructed)|"
    # "a contested benchmark since its inception in 2014": the noun's own beginning
    r"(?:its|their)\s+(?:inception|creation|establishment|introduction|adoption|launch))\s+(?:in\s+)?$",
    re.IGNORECASE,
)
#: a document other than the founding treaty, signed or launched: its date is not the founding's
_OTHER_DOCUMENT = re.compile(
    r"\b(?:declarations?|agreements?|deals?|protocols?|pledges?|communiqu\w*|statements?|contracts?|letters?|"
    r"accords?|memorand\w*|bills?|laws?|orders?|petitions?|commitments?|plans?|roadmaps?|partnerships?|"
    r"compacts?|charters?(?! of NATO)|conventions?|frameworks?)\b",
    re.IGNORECASE,
)
#: a year naming the treaty: "the 1949 North Atlantic Treaty", "the initial 1949 treaty"
_TREATY_YEAR = re.compile(r"\s+(?:North Atlantic|Washington|NATO|founding)\s+[Tt]reaty\b")


#: a named body or treaty: "the Warsaw Pact", "the European Union", "the Treaty of Dunkirk", "the Western Union"
_INSTITUTION = re.compile(
    r"\b(?:[A-Z][\w-]+\s+)+(?:Pact|Union|Treaty|Community|Organi[sz]ation|Agreement|Accord|Charter|Bloc|Alliance)\b"
    r"|\bTreaty of [A-Z]\w+"
)
#: an alliance that is not NATO: "its own military alliance", "a rival alliance"
_ANOTHER_ALLIANCE = re.compile(r"\b(?:(?:its|their) own|a rival|another|rival)\s+(?:\w+\s+)?alliance\b", re.I)


def _other_owner(text: str, ystart: int) -> bool:
    """Another named body or treaty owns the year, not NATO.

    An act's year belongs to the nearest body named before it: in "the Soviet Union formed its own
    military alliance, the Warsaw Pact, in 1955" and "the Treaty of Dunkirk, signed in 1947" the
    founding or signing is the Pact's or that treaty's, even when NATO is named earlier in the sentence.
    NATO's own names ("the North Atlantic Treaty", "the Atlantic Alliance") are not other bodies."""
    window = text[max(0, ystart - 90) : ystart]
    others = [m.end() for m in _INSTITUTION.finditer(window) if not _NATO.search(m.group(0))]
    others += [m.end() for m in _ANOTHER_ALLIANCE.finditer(window)]
    if not others:
        return False
    nato = [
        m.end()
        for m in _NATO.finditer(window)
        if not any(o.start() <= m.start() < o.end() for o in _ANOTHER_ALLIANCE.finditer(window))
    ]
    return max(others) > max(nato, default=-1)


#: NATO as the subject of an intransitive beginning: "since the alliance initiated in 1949",
#: "NATO began in 1949" (transitive "NATO began air strikes in 1995" has words between verb and year)
_BEGAN = re.compile(
    r"\b(?:NATO|[Aa]lliance|organi[sz]ation)\s+(?:was\s+|first\s+|officially\s+|formally\s+)?"
    r"(?:initiated|inaugurated|began|begun|started|came into existence|came to be)\s+(?:in\s+)?$"
)
#: what may stand between NATO and the verb of its founding when NATO is the subject: "NATO was",
#: "the alliance, which was", "NATO's founding treaty was", "The North Atlantic Treaty Organization was"
_OWNER_GAP = re.compile(
    r"(?:\s+Organi[sz]ation)?(?:['’]s(?:\s+(?:founding\s+|original\s+)?(?:treaty|charter)\b)?)?\s*[,)–—-]?\s*"
    r"(?:(?:which|that|who|was|were|is|has been|had been|being|first|originally|officially|formally|initially|"
    r"itself|finally)\s+)*"
)


def _nato_founded_ago(text: str, verb_start: int) -> bool:
    """NATO (or its treaty) is what was founded "N years ago": the verb's subject, with nothing between.

    "NATO was founded 75 years ago" dates NATO; "a standard established 16 years ago but rarely met by
    most of NATO" dates the standard: the founded thing is the noun right before the verb."""
    head = text[:verb_start]
    last = next(iter(reversed(list(_NATO.finditer(head)))), None)
    return last is not None and _OWNER_GAP.fullmatch(head[last.end() :]) is not None


def _treaty_year(text: str, ystart: int, yend: int) -> bool:
    """The year names the treaty: "the 1949 North Atlantic Treaty", "the initial 1949 treaty"."""
    return bool(
        _TREATY_YEAR.match(text, yend)
        or (
            re.search(r"\b(?:initial|original|founding)\s+$", text[max(0, ystart - 12) : ystart])
            and re.match(r"\s+treaty\b", text[yend:], re.IGNORECASE)
        )
    )


def _named_for(view: SentenceView) -> set[str]:
    """Countries named only as part of the treaty's or a summit's name ("the Washington Treaty")."""
    return {
        m.iso3
        for m in view.countries
        if re.match(r"\s+(?:[Tt]reaty|[Ss]ummit)\b", view.text[m.end :])
        or re.search(r"\b[Tt]reaty of\s+$", view.text[max(0, m.start - 12) : m.start])
    } - {m.iso3 for m in view.countries if not re.match(r"\s+(?:[Tt]reaty|[Ss]ummit)\b", view.text[m.end :])}


#: what may stand between a leading year and its subject: "In June 2017, Montenegro ..."
_YEAR_FIRST = re.compile(r",?\s+(?:the\s+)?")

#: another body one joins ("the EU", "NATO's Partnership for Peace", "the NATO-Ukraine Commission")
_OTHER_BODY = re.compile(
    r"\b(?:EU|European Union|European Community|EEC|Council of Europe|Partnership for Peace|programme|program|"
    r"Commission|Council|G7|G8|G20|United Nations|UN|WTO|OSCE|OECD|IMF|World Bank|eurozone|euro|Schengen|"
    r"coalition|Union|Community|Agency|initiative|missions?|operations?|exercises?|drills?|manoeuvres?|maneuvers?|"
    r"patrols?|talks|effort|request|call|appeal|"
    r"consultations|statement|letter|bid|push|fight|war|battle|campaign)\b"
    # "Estonia's prime minister joined NATO leaders at the 2023 summit": NATO's people or bodies, not NATO
    r"|^\w+\s+(?:a |an |the |other |fellow )?(?:NATO(?:-led|'s|’s)?|allied|the alliance(?:'s|’s))\s+(?:\w+\s+){0,2}"
    r"(?:leaders?|ministers?|counterparts?|colleagues?|officials?|partners?|allies|forces?|troops?|battle ?groups?|"
    r"summits?|meetings?|gatherings?|staff|headquarters|command|structures?|"
    r"deployments?|air policing|response force)\b"
    # "Romania has joined them this year": a group named before (the allies at 2%), not NATO
    r"|^\w+\s+(?:them|those|these|us|the ranks|the club|the group|the list)\b"
    # "Lithuania and Latvia joined Poland's request": one joins something of someone else's
    r"|^\w+\s+(?:in\s+)?(?!NATO|North Atlantic)[A-Z][\w.]*(?:'s|’s)\s"
)
#: "joined NATO", "joined the alliance": NATO itself is what was joined
_JOINED_NATO = re.compile(
    r"\w+\s+(?:NATO|the (?:North Atlantic |military |western |transatlantic )?[Aa]lliance|the North Atlantic Treaty"
    r" Organi[sz]ation)\b(?!['’-])"
)
#: countries listed together: "Greece and Turkey", "Poland, Hungary and the Czech Republic"
_LISTED = re.compile(r"^\s*(?:,|,?\s+and|,?\s+&)\s+(?:the\s+)?$|^\s*,\s*$")


def _listed_before(view: SentenceView, mention: Any) -> list[Any]:
    """``mention`` and the countries listed right before it ("Greece and Turkey"), in text order."""
    chain = [mention]
    for other in reversed([m for m in view.countries if m.end <= mention.start]):
        if not _LISTED.match(view.text[other.end : chain[-1].start]):
            break
        chain.append(other)
    return list(reversed(chain))


def _group_joined(view: SentenceView, join_at: int, year: int, ystart: int, yend: int, words: str) -> list[Claim]:
    """ "The three Baltic states joined NATO in 2004": each member of the group joined then."""
    named = last_group(view.text[max(0, join_at - 60) : join_at], per_ally=True)
    if named is None or named[0].members is None or _OTHER_BODY.search(words) or _NOT_DONE.search(words):
        return []
    found = []
    for code in named[0].members:
        joined = facts.accession_date(code)
        if joined is None:
            continue
        found.append(
            _claim_date(
                view,
                subject=f"accession:{code}",
                year=year,
                start=max(0, join_at - 60) + named[1].start(),
                end=yend,
                actual=joined,
                country=code,
                evidence=_accession_evidence(code, joined),
            )
        )
    return found


def _undated_events(scope: _Scope) -> None:
    """Accessions dated by a month alone; Art. 4/5 requests without a year (the article's)."""
    view = scope.view
    text = scope.text
    rules = scope.rules
    taken = scope.taken
    claims = scope.claims
    # --- accessions dated by a month alone ("Sweden, which joined in March"): the year is the article's
    if view.context.date is not None:
        claims.extend(_accession_month_only(view, taken))
        # --- Art. 4/5 requests dated without a year ("Poland invoked Article 4 on 10 September")
        cited = {4: _ART4.search(text), 5: _ART5.search(text)}
        article = 4 if cited[4] else 5 if cited[5] else 4 if _continued(view, 4) else 5 if _continued(view, 5) else 0
        if article and _INVOKED.search(text):
            claims.extend(_invocation_undated(view, rules, article))


#: the verb a count of invocations is told with, right before it: "has only been invoked once", "was used twice"
_COUNTED_VERB = re.compile(
    r"\b(?:(?:has|have|had|was|were)\s+)?(?:only\s+|just\s+|so far\s+)?(?:been\s+)?(?:invok\w*|trigger\w*|"
    r"activat\w*|used|request\w*|called|cited)\s+(?:only\s+|just\s+)?$",
    re.IGNORECASE,
)


def _invocation_counts(scope: _Scope) -> None:
    """How many times Art. 5 / Art. 4 were invoked, and which article a paragraph is about."""
    view = scope.view
    text = scope.text
    rules = scope.rules
    claims = scope.claims
    # --- how many times Art. 5 / Art. 4 were invoked
    for pattern, article in ((_ART5, 5), (_ART4, 4)):
        named = pattern.search(text) is not None
        continued = _continued(view, article) is not None
        if not (named or continued) or not _INVOKED.search(text):
            continue
        if article == 4 and _ART5.search(text) and not _ART4.search(text):
            continue
        if article == 5 and _ART4.search(text) and not _ART5.search(text):
            continue  # "Article 4 gets invoked rarely; Turkey invoked it five times" after an Art. 5 sentence
        # every count in the sentence ("the third time since 2022, and the ninth time it has been triggered")
        for index, times in enumerate(_TIMES.finditer(text)):
            if index and not (times.group("ord") and not re.search(r"\b(?:would|could|might|if)\b", text)):
                continue  # a later count is read only as a plain ordinal ("and the ninth time it has been ...")
            if re.search(r"\bnot\s+(?:the\s+)?$", text[max(0, times.start() - 8) : times.start()], re.IGNORECASE):
                continue  # "this is not the first time Warsaw has invoked Article 4": no count
            if times.group("ord") and re.search(
                r"^[^.;]{0,80}?\b(?:was|came|happened|occurred)\s+(?:on|in)\b", text[times.end() :], re.IGNORECASE
            ):
                continue  # "the first time Article 4 was invoked was on February 10": a date, not a count
            if re.search(r"first (?:and only )?time", times.group(0), re.IGNORECASE) and _DATED_AFTER.match(
                text, times.end()
            ):
                continue  # "Article 4 was triggered for the first time in 2003": the first request's date, not a count
            since = _SINCE_PERIOD.match(text, times.end())
            if since is None and _SCOPED_COUNT.match(text, times.end()):
                continue  # "the third time Art. 4 has been invoked to address Russia's ...": a count within a topic
            governing = _governing_article(text, times.start())
            if governing is not None and governing != article:
                continue  # "Art. 4 ... Art. 5, the collective defence clause, which has been invoked once": Art. 5's
            ambiguous = governing is None and bool(
                _ART4.search(text) and _ART5.search(text) and re.search(r"\bit\b", text[: times.start()])
            )
            never_by: str | None = None
            if times.group("never"):
                # "Article 5 has never been invoked": none; "Article 4 has never been invoked by Luxembourg": none
                # by that ally (an ally named otherwise leaves the count's subject uncertain: no claim)
                by_named = re.match(r"[^.;,]{0,30}?\bby\s+(?:the\s+)?", text[times.end() :])
                at = times.end() + by_named.end() if by_named else -1
                named_ally = next((m for m in view.countries if m.start == at), None)
                if article == 4 and named_ally is None and view.countries:
                    continue
                if named_ally is not None:
                    if article != 4 or not facts.is_ally(named_ally.iso3):
                        continue
                    never_by = named_ally.iso3
                claimed = 0
            elif times.group("once"):
                claimed = 1
            elif times.group("twice"):
                claimed = 2
            elif times.group("ord"):
                # "the eighth time": this request is the eighth up to the article's date
                claimed = ordinal(times.group("ord")) or 0
            else:
                parsed = quantities(times.group("n"))
                if not parsed:
                    continue
                claimed = int(parsed[0].value)
            recorded = _invocations(rules, article, None)
            invocations = _invocations(rules, article, view.context.date)
            requester = view.country_near(times.start(), window=160) if article == 4 else None
            passive = re.search(
                r"\b(?:has|had|have) been invoked\b|\bwas invoked\b", text[times.end() : times.end() + 60]
            )
            by = re.match(r"\s+by\s+(?:the\s+)?", text[times.end() :])
            by_ally = next((m for m in view.countries if by is not None and m.start == times.end() + by.end()), None)
            counted_for = None
            if never_by is not None:
                invocations = [i for i in invocations if never_by in i.requesting]
                counted_for = never_by
            elif article == 4 and by_ally is not None and facts.is_ally(by_ally.iso3):
                # "invoked five times by Türkiye and once by a group of allies": that ally's requests
                invocations = [i for i in invocations if by_ally.iso3 in i.requesting]
                counted_for = by_ally.iso3
            elif requester is not None and requester.start < times.start() and not passive:
                # "Ankara has asked for Art. 4 consultations five times": that ally's requests
                mine = [i for i in invocations if requester.iso3 in i.requesting]
                invocations = mine or invocations
                counted_for = requester.iso3 if mine else None
            verdict = "supported" if claimed == len(invocations) else "contradicted"
            if since is not None:
                # "the third time Art. 4 has been invoked since Russia's invasion in 2022": the requests from
                # that year on; those earlier in the year may precede the event named, so either count holds
                from_year = int(since.group(1))
                later = [i for i in invocations if i.date.year > from_year]
                invocations = [i for i in invocations if i.date.year >= from_year]
                verdict = "supported" if len(later) <= claimed <= len(invocations) else "contradicted"
            if ambiguous:
                verdict = "not checkable"  # "Art. 4 ... Art. 5, with Turkey invoking it five times": which article?
            # the claim quotes its verb with the count ("has only been invoked once"), not "once in"
            verb = _COUNTED_VERB.search(text[: times.start()])
            claims.append(
                view.claim(
                    kind="event_date",
                    start=verb.start() if verb else times.start(),
                    end=times.end() - 3 if times.group(0).casefold().endswith(" in") else times.end(),
                    value=claimed,
                    verdict=verdict,
                    expected=len(invocations),
                    country=counted_for,
                    subject=f"article{article}-count",
                    unit="invocations",
                    evidence=[
                        Evidence(
                            f"Art. {article}: {len(invocations)} "
                            f"{'invocation' if article == 5 else 'requests'} to "
                            f"{(view.context.date or recorded[-1].date).isoformat()}: "
                            + (
                                ", ".join(f"{i.date.isoformat()} ({'/'.join(i.requesting)})" for i in invocations)
                                or "none"
                            ),
                            (invocations or recorded)[-1].source,
                            len(invocations),
                            rule=f"article{article}",
                        )
                    ],
                    note=(
                        "the sentence names Art. 4 and Art. 5 and says 'it': which article is counted is uncertain"
                        if ambiguous
                        # (Art. 5 has one invocation, no joint or repeated requests to count differently: with
                        # the article's date its note says "up to", and the off-by-one leniency for Art. 4
                        # requests does not apply)
                        else "Art. 5 invocations up to the article date"
                        if article == 5 and view.context.date
                        else f"counted from {since.group(1)} to the article date"
                        if since is not None and view.context.date
                        else "counted to the article date"
                        if view.context.date
                        else "counted over all recorded invocations"
                    ),
                )
            )

    for pattern, article in ((_ART5, 5), (_ART4, 4)):
        if pattern.search(text):
            view.context.topics.discard(f"article{9 - article}@{view.sentence.paragraph}")
            view.context.topics.add(f"article{article}@{view.sentence.paragraph}")
        elif (
            _article_topic(view, article)
            and not (_ART4.search(text) or _ART5.search(text))
            and re.match(r"\W*(?:It|Its|Th(?:is|at) (?:clause|article|provision)|The (?:clause|article))\b", text)
        ):
            # "Article 5 is a collective defense clause. // It states ... // It says ... // This clause
            # was only invoked once": sentences about it carry the topic on
            view.context.topics.add(f"article{article}@{view.sentence.paragraph}")


def _governing_article(text: str, position: int) -> int | None:
    """The article a count at ``position`` is said of when a relative clause ties it to the article
    named just before ("Article 5, NATO's collective defence clause, which has been invoked only once"):
    5 or 4, None when no relative clause does."""
    named = sorted(
        [(m.end(), 5) for m in _ART5.finditer(text, 0, position)]
        + [(m.end(), 4) for m in _ART4.finditer(text, 0, position)]
    )
    if not named:
        return None
    end, article = named[-1]
    if re.fullmatch(
        r"(?:,[^,.;]{0,60},)?\s*,?\s*(?:which|that)\s+(?:has|had|have|was|were|is)\b[^,.;]{0,40}", text[end:position]
    ):
        return article
    return None


def _ages(scope: _Scope) -> None:
    """Ages and anniversaries ("the 75-year-old alliance", "the three-year-old war")."""
    view = scope.view
    used = scope.used
    text = scope.text
    rules = scope.rules
    treaty = scope.treaty
    founding = scope.founding
    taken = scope.taken
    claims = scope.claims
    # --- ages and anniversaries
    for q in view.quantities:
        if q.start in used:
            continue
        age = _AGE.match(text[q.end :]) or (_HISTORY.match(text[q.end :]) if _NATO.search(text) else None)
        founded_by = next(iter(reversed(list(_FOUNDED.finditer(text[max(0, q.start - 30) : q.start])))), None)
        if not age and founded_by is not None and _nato_founded_ago(text, max(0, q.start - 30) + founded_by.start()):
            age = _AGO.match(text[q.end :])  # "NATO was formed 76 years ago" (not "a standard established ...")
        # (the readings below need the article's date: without it they give no claim)
        if not age and _NATO.search(text) and q.decimals == 0 and view.context.date is not None:
            ago = _AGO.match(text[q.end :])
            if ago and _FOUNDED_AFTER.match(text[q.end + ago.end() :]):
                age = ago  # "Seventy years ago, NATO's founding treaty was signed in Washington"
            elif re.search(r"\b(?:NATO|[Aa]lliance)'s\s+$", text[max(0, q.start - 12) : q.start]):
                age = _YEARS_OF.match(text[q.end :])  # "NATO's seventy years of success"
            elif _YEARS_OF_NATO.match(text[q.end :]):
                age = _YEARS_OF_NATO.match(text[q.end :])  # "75 years of NATO", "celebrating 75 years of the alliance"
            else:
                age = _YEARS_SINCE.match(text[q.end :])  # "75 years since the signing of the treaty"
        if not age:
            relative = _relative_age(view, q, rules)
            if relative is not None:
                claims.append(relative)
                used.add(q.start)
            continue
        what = age.group("what").casefold()
        if what in ("history", "existence", "lifespan", "ago", "of", "since"):
            what = "alliance"
        if what in ("war", "invasion", "conflict"):
            invasion = _invasion(rules)
            if invasion is None:
                continue
            origin, label, source = invasion
        else:
            origin, label, source = treaty.signed, "treaty signed", treaty.source
        claim = _age_claim(
            view, q.start, q.end + age.end(), q.value, q.qualifier, f"age:{what}", (origin, label, source)
        )
        if age.re is _YEARS_OF_NATO and claim.verdict == "contradicted" and float(claim.expected or 0) > q.value:
            # "70 years of NATO" said later: a span the alliance has lived through, understated, not false
            claim = dataclasses.replace(claim, verdict="imprecise")
        claims.append(claim)
        used.add(q.start)
    claims.extend(_turns(view, treaty, used))
    claims.extend(_durations(view, treaty, used))
    claims.extend(_accession_anniversaries(view, taken))
    for match in _ANNIVERSARY.finditer(text):
        if not _NATO.search(text):
            continue
        if _OF_SOMETHING_ELSE.match(text, match.end()):
            continue  # "the 25th anniversary of its NATO membership" (read above), "... of the invasion"
        n = int(match.group("n"))
        # the year the anniversary is in: a year of its own, not one another claim dated ("founded in 1949")
        stated = next((y for y, start, _ in view.years if start not in taken), None)
        near = view.year_near(match.start(), carry=False)
        read = stated is not None or near.source == "relative"  # "its 75th anniversary last year"
        when = stated if stated is not None else near.year if near.source == "relative" else None
        expected_year = treaty.signed.year + n
        if when is None and expected_year in [y for y, _, _ in view.years]:
            # "the 1999 Washington summit marked NATO's 50th anniversary": a year another claim took
            when, read = expected_year, True
        elif when is None and any(y != treaty.signed.year for y, _, _ in view.years):
            continue  # dated by a year another claim took (not the founding's), not the anniversary's
        if when is None:
            when = view.context.date.year if view.context.date else None
        if when is None:
            continue
        verdict = "supported" if expected_year == when else "contradicted"
        if verdict == "contradicted" and not read and abs(expected_year - when) == 1:
            verdict = "not checkable"  # the article's own year, one off: the anniversary may be last or next year
        claims.append(
            view.claim(
                kind="event_date",
                start=match.start(),
                end=match.end(),
                value=n,
                verdict=verdict,
                expected=when - treaty.signed.year,
                subject="anniversary",
                year=when,
                evidence=founding,
                note=f"{n}th anniversary falls in {expected_year}",
            )
        )


#: an anniversary of something else than NATO's founding ("of its NATO membership", "of the invasion")
_OF_SOMETHING_ELSE = re.compile(
    r"\s+of\s+(?!(?:NATO|the alliance|the Alliance|the North Atlantic|the Washington|its founding|the founding|"
    r"the signing|NATO's founding|the alliance's founding|"
    # "the 75th anniversary of the NATO alliance", "... of the transatlantic alliance", "... of NATO's creation"
    r"the NATO (?:alliance|military alliance|treaty)|the (?:military|Western|transatlantic|Atlantic) [Aa]lliance|"
    r"(?:the )?(?:creation|birth|formation|establishment|foundation|founding|signing) of (?:NATO|the alliance|"
    r"the North Atlantic Treaty|the Washington Treaty)|"
    r"NATO's (?:creation|birth|formation))\b)"
)
#: "the 25th anniversary of its NATO membership", "the 20th anniversary of their accession to NATO"
_ACCESSION_ANNIVERSARY = re.compile(
    r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:(?:its|their|his|her|the)\s+)?"
    r"(?:[\w'.-]+\s+){0,3}?(?:accession|membership|joining|entry)\b"
)
#: "to mark their 25th (Czechia, Hungary, Poland), 20th (...) and 15th (...) accession anniversaries"
_ANNIVERSARY_LISTED = re.compile(r"\b(?P<n>\d{1,3})(?:st|nd|rd|th)\s*\((?P<list>[^)]{3,200})\)")


def _accession_anniversaries(view: SentenceView, taken: set[int]) -> list[Claim]:
    """An ally's accession anniversary: the Nth falls in the year of its accession + N, read against a
    year the sentence states, else the article's year (one year off then: not checkable, the
    anniversary may be last or next year's)."""
    text = view.text
    stated = next((y for y, start, _ in view.years if start not in taken), None)
    when = stated if stated is not None else view.context.date.year if view.context.date else None
    if when is None:
        return []
    pairs: list[tuple[int, Any, int, int]] = []  # (n, mention, start, end)
    for match in _ACCESSION_ANNIVERSARY.finditer(text):
        inside = [m for m in view.countries if match.start() <= m.start < match.end() and facts.is_ally(m.iso3)]
        before = [m for m in view.countries if m.end <= match.start() and facts.is_ally(m.iso3)]
        group = last_group(text[: match.start()], per_ally=True)
        codes: list[Any] = []
        if inside:
            codes = inside[:1]  # "the 25th anniversary of Poland's accession"
        elif re.search(r"\bof\s+its\b", match.group(0)) and before:
            codes = before[-1:]  # "Poland marks the 25th anniversary of its NATO membership": the subject
        elif re.search(r"\bof\s+their\b", match.group(0)):
            chain = enlargement.listed_after(view, before[0]) if before else []
            if before and len(chain) == len(before):
                codes = chain  # "Poland, Hungary and Czechia mark the 25th anniversary of their accession"
            elif not before and group is not None and group[0].members:
                codes = [_Code(code) for code in group[0].members]  # "The Baltic states ... their accession"
        pairs += [(int(match.group("n")), code, match.start(), match.end()) for code in codes]
    if re.search(r"\baccession anniversar", text, re.IGNORECASE):
        for match in _ANNIVERSARY_LISTED.finditer(text):
            inside = [m for m in view.countries if match.start("list") <= m.start < match.end("list")]
            pairs += [
                (int(match.group("n")), m, match.start(), match.end("n") + 2) for m in inside if facts.is_ally(m.iso3)
            ]
    found = []
    for n, who, start, end in pairs:
        joined = facts.accession_date(who.iso3)
        if joined is None:
            continue
        expected_year = joined.year + n
        verdict = "supported" if expected_year == when else "contradicted"
        if verdict == "contradicted" and stated is None and abs(expected_year - when) == 1:
            verdict = "not checkable"  # the article's own year, one off: last or next year's anniversary
        found.append(
            view.claim(
                kind="event_date",
                start=start,
                end=end,
                value=n,
                verdict=verdict,
                expected=when - joined.year,
                country=who.iso3,
                subject=f"anniversary:{who.iso3}",
                year=when,
                evidence=_accession_evidence(who.iso3, joined),
                note=f"{who.iso3}'s {n}th accession anniversary falls in {expected_year}",
            )
        )
    return found


@dataclass
class _Code:
    """A member of a named group, in place of a mention."""

    iso3: str


#: NATO's existence told as a duration, NATO the subject and its mission the object: "Over the past 75
#: years, NATO has safeguarded peace", "The alliance has helped to prevent war in Europe for over 70 years"
#: a span of years however written: "75 years", "seven decades", "three quarters of a century", "half a century"
_SPAN = (
    r"(?P<span>(?P<n>[\w-]+)\s+(?P<unit>years|decades)|(?P<part>three[- ]quarters|half)\s+(?:of\s+)?a\s+century|"
    r"(?P<century>a century))"
)
_SPAN_QUALIFIER = r"(?P<q>more than\s+|over\s+|almost\s+|nearly\s+|close to\s+|just over\s+|well over\s+)?"
#: the alliance as the subject, however named: "NATO", "the alliance", "this grand alliance", "our
#: transatlantic alliance", "the organisation"
_ALLIANCE_SUBJECT = (
    r"(?:NATO|(?:[Tt]he|[Tt]his|[Tt]hat|[Oo]ur)\s+(?:[\w-]+\s+){0,3}?(?:[Aa]lliance|organi[sz]ation)|"
    r"[Tt]he North Atlantic (?:[Aa]lliance|Treaty Organi[sz]ation))"
)
_DURATION_LEAD = re.compile(
    r"^\W*(?:For|Over|During|In)\s+(?:the\s+)?(?:past\s+|last\s+)?"
    + _SPAN_QUALIFIER
    + _SPAN
    + r",?\s+"
    + _ALLIANCE_SUBJECT
    + r"\s+(?:has|have)\b"
)
#: "NATO has kept the peace for 75 years", "an alliance that has endured for three quarters of a century"
_DURATION_TAIL = re.compile(
    r"\b(?:NATO|[Aa]lliance|[Oo]rgani[sz]ation)\s+(?:(?:that|which)\s+)?(?:has|have)\b[^.;]*?\b(?:for|over)\s+"
    r"(?:the\s+)?(?:past\s+|last\s+)?" + _SPAN_QUALIFIER + _SPAN + r"(?![\w-]|\s+(?:in|of|on|at)\b)"
)
_MISSION = re.compile(
    r"\b(?:peace|secur\w+|stabil\w+|war|deterr\w+|defen[cs]\w*|protect\w*|safeguard\w*|prosper\w*|freedom|"
    r"democra\w+|bulwark|cornerstone|linchpin|keystone|guarant\w+|endur\w+|exist\w*|surviv\w+)\b",
    re.IGNORECASE,
)


def _span_years(match: re.Match[str]) -> float | None:
    """Years in a span matched by ``_SPAN``: "75 years", "seven decades" (70), "three quarters of a century"
    (75), "half a century" (50), "a century" (100); None for a count that is not a whole number."""
    if match.group("part"):
        return 75.0 if match.group("part").casefold().startswith("three") else 50.0
    if match.group("century"):
        return 100.0
    parsed = quantities(match.group("n"))
    if not parsed or parsed[0].decimals:
        return None
    return parsed[0].value * (10 if match.group("unit") == "decades" else 1)


def _durations(view: SentenceView, treaty: Any, used: set[int]) -> list[Claim]:
    """ "Over the past 75 years, NATO has safeguarded peace": NATO's age told as a duration. A round
    duration is a lower bound as news writes it ("for 70 years" in its 75th year is imprecise, not
    false); only a duration longer than NATO has existed is contradicted. No country may be named (the
    duration may be of a mission somewhere), and the article's date is needed."""
    date = view.context.date
    match = _DURATION_LEAD.match(view.text) or _DURATION_TAIL.search(view.text)
    if date is None or match is None or not _MISSION.search(view.text):
        return []
    # (a country named in the clause may be where a mission of that length was: "For 20 years, NATO has been
    # in Afghanistan"; one named in a later clause is not)
    clause_end = re.search(r"[.;]|\s(?:But|but)\s", view.text[match.end() :])
    reach = match.end() + (clause_end.start() if clause_end else len(view.text))
    if any(
        m.start < reach
        and re.search(
            r"\b(?:in|to|into|from|over|across|inside|on)\s+(?:the\s+)?$", view.text[max(0, m.start - 12) : m.start]
        )
        and m.how != "demonym"
        for m in view.countries
    ):
        return []  # a place the span was spent in ("in Kosovo"); a demonym ("vital to American interests") is none
    claimed = _span_years(match)
    if claimed is None or not 10 <= claimed <= 100:
        return []
    age = (date - treaty.signed).days / 365.2425
    qualifier = (match.group("q") or "").strip().replace("well over", "more than").replace("just over", "more than")
    qualifier = qualifier.replace("over", "more than") or None
    if qualifier in ("almost", "nearly", "close to"):
        verdict = _age_tolerance(claimed, "nearly", age)
        if verdict == "contradicted" and age > claimed:
            verdict = "imprecise"  # "for nearly 75 years" in NATO's 76th year: understated, not false
    elif qualifier == "more than":
        verdict = "supported" if age > claimed else "contradicted"
    else:
        verdict = "contradicted" if age < claimed - 0.5 else "supported" if age < claimed + 1 else "imprecise"
    start = match.start("q") if match.group("q") else match.start("span")
    for q in view.quantities:
        if q.start == match.start("span"):
            used.add(q.start)
    return [
        view.claim(
            kind="event_date",
            start=start,
            end=match.end("span"),
            value=claimed,
            qualifier=qualifier,
            unit="years",
            subject="age:alliance",
            verdict=verdict,
            expected=round(age, 2),
            evidence=[
                Evidence(
                    f"treaty signed {treaty.signed.isoformat()}: {age:.2f} years before {date.isoformat()}",
                    treaty.source,
                    treaty.signed.isoformat(),
                )
            ],
            note="NATO's existence as a duration: a lower bound (only a duration longer than NATO's age is false)",
        )
    ]


#: after "N years ago": the founding ("Seventy years ago, NATO's founding treaty was signed")
_FOUNDED_AFTER = re.compile(
    r",?\s+(?:NATO's\s+(?:founding\s+)?treaty|the\s+(?:North Atlantic|Washington)\s+Treaty|NATO|the alliance)\s+"
    r"(?:was\s+)?(?:signed|founded|created|established|formed|born)\b"
)
#: "75 years since the signing of the Alliance's founding document", "70 years since NATO was founded"
_YEARS_SINCE = re.compile(
    r"\s+years\s+(?P<what>since)\s+(?:the\s+)?(?:(?:signing|founding|foundation|formation|creation|birth|"
    r"establishment|inception)\s+of\s+(?:the\s+)?(?:NATO|[Aa]lliance|North Atlantic Treaty|Washington Treaty|"
    r"Alliance's founding|alliance's founding|its founding treaty|NATO's founding treaty)|"
    r"(?:NATO|the alliance|the North Atlantic Treaty)\s+was\s+(?:signed|founded|created|established|formed|born))"
)
#: "75 years of NATO", "seventy years of the Atlantic alliance": the alliance's age (not "of NATO membership",
#: "of NATO spending": the years of something else)
_YEARS_OF_NATO = re.compile(
    r"\s+years\s+(?P<what>of)\s+(?:NATO|the (?:North Atlantic |Atlantic |transatlantic )?[Aa]lliance)\b"
    r"(?!'s|\s+(?:membership|member|spending|enlargement|expansion|presence|operations?|missions?|deployment)\b)"
)
#: "NATO's seventy years of success": the alliance's age
_YEARS_OF = re.compile(r"\s+years\s+(?P<what>of)\s+(?:success|peace|history|existence|partnership|service)\b")
#: the invasion (or the war) "N years ago": "Russia's invasion of Ukraine two years ago"
_INVASION_BEFORE = re.compile(
    r"\b(?:invasion|invaded|full-scale war|war (?:in|on) Ukraine)\b[^.;,]{0,40}$", re.IGNORECASE
)
#: a country and a verb of joining before "N years ago": "Poland joined NATO 20 years ago"
_JOINED_BEFORE = re.compile(r"\b(?:joined|acceded to|became a member of)\s+(?:NATO|the alliance)\s+$")


def _relative_age(view: SentenceView, q: Any, rules: Any) -> Claim | None:
    """An event dated "N years ago" against the article's date: Russia's full-scale invasion ("the
    invasion of Ukraine two years ago") or an ally's accession ("Poland joined NATO 20 years ago",
    "20 years ago Poland joined NATO"). None without the article's date (nothing to count from)."""
    text = view.text
    ago = _AGO.match(text[q.end :])
    if ago is None or q.decimals or not 1 <= q.value <= 80 or view.context.date is None:
        return None
    end = q.end + ago.end()
    before = text[max(0, q.start - 60) : q.start]
    if _INVASION_BEFORE.search(before) and re.search(r"\b(?:Russia\w*|Ukrain\w*|Moscow|Kremlin)\b", text):
        invasion = _invasion(rules)
        if invasion is None:
            return None
        claim = _age_claim(view, q.start, end, q.value, q.qualifier, "age:invasion", invasion)
        if claim.verdict == "contradicted" and not re.search(r"full[- ]scale", text, re.IGNORECASE):
            # "Russia's invasion of Ukraine ten years ago" may be Crimea's (2014), not the full-scale one
            return dataclasses.replace(
                claim, verdict="not checkable", note=f"the 2014 invasion of Crimea may be meant; {claim.note}"
            )
        return claim
    joined = _JOINED_BEFORE.search(before)
    after = re.match(
        r",?\s+(?:(?:the\s+)?(?P<who>[A-Z][\w ]{2,30}?)\s+)(?:joined|acceded to)\s+(?:NATO|the alliance)\b", text[end:]
    )
    mention = None
    if joined is not None:
        at = q.start - len(before) + joined.start()
        mention = next((m for m in reversed(view.countries) if m.end <= at and at - m.end <= 20), None)
    elif after is not None:
        at = end + after.start("who")
        mention = next((m for m in view.countries if m.start == at), None)
    if mention is None:
        return None
    accession = facts.accession_date(mention.iso3)
    if accession is None:
        return None
    claim = _age_claim(
        view,
        min(q.start, mention.start),
        max(end, mention.end),
        q.value,
        q.qualifier,
        f"accession:{mention.iso3}",
        (accession, f"{mention.iso3} acceded", "facts-members"),
    )
    return dataclasses.replace(claim, country=mention.iso3)


#: a clause break between a verb of joining and a date: the date is of another act
_OTHER_CLAUSE = re.compile(r"[,;:()—–]|\s(?:and|but|while|when|before|after)\s")
#: what may stand between a verb of joining and the day it dates: where it happened, no other clause
#: ("... entered as the 32nd member of NATO at the alliance's headquarters in Brussels ")
_SAME_ACT = re.compile(
    r"(?:\s+(?:of|in|at|into|to|as)\s+(?:the\s+)?(?:[A-Z][\w'.-]*|NATO's|alliance's|the|its|\d+\w*|member|ally|"
    r"headquarters|ceremony|a|an|\s)+?)*\s*"
)


#: a date that opens the sentence, then the ally and its joining: ", Sweden officially joined NATO"
_FRONTED_JOIN = re.compile(
    r",?\s+(?:the\s+)?(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+(?:(?:officially|formally|finally|also)\s+)?"
    r"(?:joined|acceded to|became (?:a |an |the \w+ |NATO's \w+ )?(?:full )?(?:member|ally)|entered)\b"
)


def _accession_month_only(view: SentenceView, taken: set[int]) -> list[Claim]:
    """Accessions written with a month (or day) but no year ("Sweden, which joined in March",
    "Finland, which joined in April last year"), read against the article's date."""
    assert view.context.date is not None
    found: list[Claim] = []
    for match in UNDATED.finditer(view.text):
        fronted = (
            _FRONTED_JOIN.match(view.text, match.end()) if not view.text[: match.start()].strip(" \"'([") else None
        )
        if fronted is not None:
            # "On Thursday, 7 March, Sweden officially joined NATO": the date opens the sentence, the joiner follows
            mention = next((m for m in view.countries if m.start == fronted.start("who")), None)
            joined = facts.accession_date(mention.iso3) if mention is not None else None
            if mention is not None and joined is not None and undated(match, view.context.date) is not None:
                found.append(_undated_accession(view, match, match.start(), mention.iso3, joined))
            continue
        before = view.text[max(0, match.start() - 40) : match.start()]
        join = None
        for candidate in _JOIN.finditer(before):
            join = candidate
        if join is None:
            # "Sweden formally entered as the 32nd member of NATO at the alliance's headquarters in Brussels
            # on March 11": the verb further back, with only where it happened between (no other clause)
            before = view.text[max(0, match.start() - 110) : match.start()]
            join = next(iter(reversed(list(_JOIN.finditer(before)))), None)
            if join is not None and not _SAME_ACT.fullmatch(before[join.end() :]):
                join = None
        if join is None or _NOT_DONE.search(before[join.start() :]) or _OTHER_CLAUSE.search(before[join.end() :]):
            continue  # "Sweden, which joined NATO last year, held elections on 11 September": another act
        join_at = match.start() - len(before) + join.start()
        mention = view.subject_of(view.country_near(join_at, window=60), join_at)
        if mention is None or mention.start > join_at:
            continue
        joined = facts.accession_date(mention.iso3)
        if joined is None or undated(match, view.context.date) is None:
            continue
        step = _NOT_DONE.search(view.text[mention.end : join_at])
        if step is not None:
            if _APPLIED.search(step.group(0)):
                # "Finland formally applied to join NATO last May": the application's date, not the
                # accession's; natosim holds no application date for the allies, so it abstains
                found.append(_step_not_accession(view, match, mention.start, mention.iso3, step.group(0)))
            continue
        found.append(_undated_accession(view, match, mention.start, mention.iso3, joined))
    return found


#: a request to join: "applied", "asked", "submitted its request", "its application"
_APPLIED = re.compile(r"^(?:appl\w+|ask\w*|request\w*|submit\w*|bid|sought|seek\w*)$", re.IGNORECASE)


def _step_not_accession(view: SentenceView, match: re.Match[str], start: int, iso3: str, step: str) -> Claim:
    """A step on the way to membership dated without its year ("applied to join NATO last May").

    The date is the step's, not the accession's: comparing it with the accession would accuse a true
    sentence, and the allies' application dates are not among the sourced events, so it abstains."""
    return view.claim(
        kind="event_date",
        start=start,
        end=match.end(),
        value=match.group(0).strip(),
        verdict="not checkable",
        country=iso3,
        subject=f"application:{iso3}",
        evidence=[],
        note=f"the date of a request to join ('{step}'), not of the accession: no application date is held for {iso3}",
    )


def _undated_claim(
    view: SentenceView,
    match: re.Match[str],
    start: int,
    dates: tuple[dt.date, ...],
    nearest: dt.date,
    *,
    subject: str,
    country: str | None,
    evidence: list[Evidence],
    once: bool = False,
) -> Claim:
    """A date written without its year, compared with the event's ``dates`` (any may match). An event
    that happens ``once`` (an ally's accession) is judged on its month and day alone unless "last/this
    year" is written: "Finland joined on 4 April", read in 2024, means 2023's 4 April."""
    assert view.context.date is not None
    when = undated(match, view.context.date)
    assert when is not None  # callers skip impossible dates
    year, month, day = when
    by_day = once and not match.group("rel")
    hit = next(
        (d for d in dates if (by_day or d.year == year) and d.month == month and (day is None or d.day == day)),
        None,
    )
    if by_day:
        year = (hit or nearest).year
    return view.claim(
        kind="event_date",
        start=start,
        end=match.end(),
        value=f"{year}-{month:02d}" + (f"-{day:02d}" if day else ""),
        verdict="supported" if hit else "contradicted",
        expected=(hit or nearest).isoformat(),
        country=country,
        subject=subject,
        year=year,
        unit=f"date ({'day' if day else 'month'})",
        evidence=evidence,
        note=f"'{match.group('rel')} year' read from the article date"
        if match.group("rel")
        else "a date without a year of an event that happens once: its month and day"
        if by_day
        else "a date without a year: read as the latest such date up to the article date",
    )


def _undated_accession(view: SentenceView, match: re.Match[str], start: int, iso3: str, joined: dt.date) -> Claim:
    """An ally's accession told by a day without its year: an event that happens once."""
    return _undated_claim(
        view,
        match,
        start,
        (joined,),
        joined,
        subject=f"accession:{iso3}",
        country=iso3,
        evidence=_accession_evidence(iso3, joined),
        once=True,
    )


def _accession_evidence(iso3: str, joined: dt.date) -> list[Evidence]:
    statement = f"{iso3} acceded on {joined.isoformat()} (instrument deposited)"
    return [Evidence(statement, "facts-members", joined.isoformat())]


def first_source(sources: object) -> str:
    """The first entry of a ';'-separated sources cell, without a leading label ("Rada votes: url")."""
    first = str(sources).split(";")[0].strip()
    labelled = re.match(r"^[A-Za-z][\w ,()-]{0,40}:\s+(\S+\.\S+.*)$", first)
    return labelled.group(1) if labelled and not first.startswith("http") else first


_PRONOUN = re.compile(
    r"\b(?:It|it|[Tt]h(?:is|at) (?:clause|article|provision)|[Tt]he (?:same )?(?:clause|article|provision))\b"
)


def _continued(view: SentenceView, article: int) -> re.Match[str] | None:
    """'It has been invoked once' / 'the allies invoked it' right after a sentence (or a question on
    the line before) about Art. ``article``: the match of the pronoun."""
    if _article_topic(view, article):
        return _PRONOUN.search(view.text)
    return None


def _article_topic(view: SentenceView, article: int) -> bool:
    """The previous sentence, in this paragraph or the one before, was about Art. ``article``."""
    paragraph = view.sentence.paragraph
    return any(f"article{article}@{p}" in view.context.topics for p in (paragraph, paragraph - 1))


#: the most days a month can have (February: 29, in a leap year)
_MAX_DAY = {month: max(calendar.monthrange(year, month)[1] for year in (1, 4)) for month in range(1, 13)}


def _invasion(rules: Any) -> tuple[dt.date, str, str] | None:
    event = rules.events().event("russia-full-scale-invasion-of-ukraine")
    return (event.date, event.what, "natosim.rules.events (parameters/events.yaml)")


def _invocations(rules: Any, article: int, day: dt.date | None) -> list[Any]:
    items = rules.invocations().article_5 if article == 5 else rules.invocations().article_4
    return [item for item in items if day is None or item.date <= day]


def _invocation_evidence(article: int, records: list[Any]) -> list[Evidence]:
    """Each Art. 4/5 record as evidence: its date, who asked and why, with its source."""
    verb = "invoked" if article == 5 else "requested"
    return [
        Evidence(
            f"Art. {article} {verb} {i.date.isoformat()} by {'/'.join(i.requesting)}: {i.context[:90]}",
            i.source,
            i.date.isoformat(),
            rule=f"article{article}",
        )
        for i in records
    ]


def _requester(view: SentenceView, position: int, article: int) -> str | None:
    """The ally asking for consultations: only allies can ("on the day Russia invaded Ukraine in
    February 2022" names neither as the requester)."""
    if article != 4:
        return None
    mention = view.country_near(position, window=160, exclude={"UKR", "RUS", "BLR", "CHN"})
    if mention is not None and re.search(
        r"\b(?:a group of|once by|jointly|together with|along with|several (?:allies|members)|"
        r"eight (?:allies|members))\b",
        view.text[mention.end : position],
        re.IGNORECASE,
    ):
        return None  # "five times by Türkiye and once by a group of alliance members ... 2022": not Türkiye's
    if mention is None:
        # "Estonia has requested urgent NATO consultations under Article 4 ... on Friday, September 19,
        # 2025": the ally opening the sentence asked, however long the sentence
        first = view.countries[0] if view.countries else None
        if first is not None and first.start <= 3 and first.end <= position:
            mention = first
    return mention.iso3 if mention is not None and facts.is_ally(mention.iso3) else None


def _invocation_year(view: SentenceView, rules: Any, article: int, year: int, start: int, end: int) -> Claim | None:
    if _ART4.search(view.text) and _ART5.search(view.text) and re.search(r"\bit\b", view.text[:start]):
        return None  # "Art. 4 ... Art. 5, with Turkey invoking it ... between 2003 and 2020": which article?
    items = _invocations(rules, article, None)
    requesting = _requester(view, start, article)
    pool = [i for i in items if requesting is None or requesting in i.requesting]
    if article == 4 and requesting is not None and not pool:
        return view.claim(
            kind="event_date",
            start=start,
            end=end,
            value=year,
            verdict="contradicted",
            expected="no request",
            subject=f"article4:{requesting}",
            year=year,
            country=requesting,
            evidence=[
                Evidence(
                    f"{requesting} never requested Art. 4 consultations in natosim's record",
                    items[-1].source,
                    None,
                    rule="article4",
                )
            ],
        )
    if not pool:
        return None
    best = min(pool, key=lambda i: abs(i.date.year - year))
    alternatives = tuple(i.date for i in pool if i is not best) + tuple(
        d for d in (getattr(best, "confirmed", None), getattr(best, "council_met", None)) if d
    )
    subject = f"article{article}" + (f":{requesting}" if requesting else "")
    coarse = bool(
        re.search(
            # (one sentence: a period here is an abbreviation's, "after Sept. 11, 2001")
            r"\b(?:attacks?|after|following|invasion|war|incident|shoot\w*|strike)\b[^;]{0,60}$",
            view.text[max(0, start - 75) : start],
            re.IGNORECASE,
        )
    )
    written = re.search(
        rf"(?:\d{{1,2}}\s+)?\b(?:{MONTH_NAMES})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?,?\s+$",
        view.text[max(0, start - 25) : start],
    )
    return _claim_date(
        view,
        subject=subject,
        year=year,
        start=start - (len(view.text[max(0, start - 25) : start]) - written.start()) if written else start,
        end=end,
        actual=best.date,
        alternatives=alternatives,
        country=requesting,
        coarse=coarse,
        evidence=_invocation_evidence(article, pool[:4]),
    )


def _ukraine_constitution(view: SentenceView, rules: Any, year: int, start: int, end: int) -> Claim | None:
    dated = rules.events()
    first_date = dated.event("ukraine-constitution-first-reading").date
    adoption = dated.event("ukraine-constitution-adopted").date
    signing = dated.event("ukraine-constitution-signed").date
    source = first_source(dated.event("ukraine-constitution-adopted").source)
    evidence = [
        Evidence(
            f"Ukraine's constitutional amendment on the EU/NATO course: "
            f"first reading {first_date.isoformat()}, adopted {adoption.isoformat()}, "
            f"signed {signing.isoformat()}",
            source,
            adoption.isoformat(),
            rule="events:ukraine-constitution-adopted",
        )
    ]
    first_reading = bool(
        re.search(r"\bfirst reading|preliminary|initial vote|began|started|first vote\b", view.text, re.IGNORECASE)
    )
    actual = first_date if first_reading else adoption
    alternatives = (signing,) if not first_reading else ()
    verbs = list(_AMEND.finditer(view.text[max(0, start - 80) : start]))
    if verbs:  # the claim reads from its verb: "amended its constitution in 2018"
        start = max(0, start - 80) + verbs[0].start()
    return _claim_date(
        view,
        subject="constitution:UKR",
        year=year,
        start=start,
        end=end,
        actual=actual,
        alternatives=alternatives,
        evidence=evidence,
        country="UKR",
        note="first reading" if first_reading else "adoption of the amendment (not its first reading)",
    )


def _age_claim(
    view: SentenceView,
    start: int,
    end: int,
    claimed: float,
    qualifier: str | None,
    subject: str,
    origin: tuple[dt.date, str, str],
) -> Claim:
    """An age ("the 75-year-old alliance", "NATO turns 75") against the article's date; ``origin``
    is (the day counted from, what happened then, its source). No date: not checkable."""
    common: dict[str, Any] = {
        "kind": "event_date",
        "start": start,
        "end": end,
        "value": claimed,
        "qualifier": qualifier,
        "unit": "years",
        "subject": subject,
    }
    day = view.context.date
    if day is None:
        return view.claim(**common, verdict="not checkable", note="an age needs the article's date (--date)")
    since, label, source = origin
    years = (day - since).days / 365.2425
    return view.claim(
        **common,
        verdict=_age_tolerance(claimed, qualifier, years),
        expected=round(years, 2),
        evidence=[
            Evidence(
                f"{label} {since.isoformat()}: {years:.2f} years before {day.isoformat()}", source, since.isoformat()
            )
        ],
        note="ages: 'N-year-old' (or 'turns N') holds while N ≤ age < N+1",
    )


#: "turned 70 in 2019", "turns 75 in April 2024": the year the age was reached
_TURNED_IN = re.compile(
    rf"(?:\s+years(?:\s+old)?)?\s+in\s+(?:(?:\d{{1,2}}\s+)?(?:{MONTH_OR_ABBREVIATION})\s+(?:\d{{1,2}},?\s+)?)?(?P<y>(?:19|20)\d\d)\b"
)


def _turns(view: SentenceView, treaty: Any, used: set[int]) -> list[Claim]:
    """ "NATO turns 75" / "the alliance celebrates 75 years": the alliance's age at the article date."""
    found: list[Claim] = []
    for match in _TURNS.finditer(view.text):
        if match.start("n") in used:
            continue
        origin = (treaty.signed, "treaty signed", treaty.source)
        dated = _TURNED_IN.match(view.text, match.end())
        if dated is not None:
            # "The alliance turned 70 in 2019": the age that year, not at the article's date
            n, year = int(match.group("n")), int(dated.group("y"))
            found.append(
                view.claim(
                    kind="event_date",
                    start=match.start(),
                    end=dated.end(),
                    value=n,
                    verdict="supported" if treaty.signed.year + n == year else "contradicted",
                    expected=year - treaty.signed.year,
                    unit="years",
                    subject="age:alliance",
                    year=year,
                    evidence=[
                        Evidence(f"treaty signed {treaty.signed.isoformat()}", treaty.source, treaty.signed.isoformat())
                    ],
                    note=f"NATO turned {n} in {treaty.signed.year + n} (year stated: {year})",
                )
            )
            used.add(match.start("n"))
            continue
        when = _TURNS_WHEN.match(view.text, match.end())
        window = _turns_window(when, view.context.date) if when else None
        n = int(match.group("n"))
        birthday = _anniversary(treaty.signed, n)
        if window is not None and window[0] <= birthday <= window[1]:
            # "NATO turns 75 on Thursday", "... this week": the birthday falls in the time named
            assert when is not None
            found.append(
                view.claim(
                    kind="event_date",
                    start=match.start(),
                    end=when.end(),
                    value=n,
                    verdict="supported",
                    expected=birthday.isoformat(),
                    unit="years",
                    subject="age:alliance",
                    evidence=[
                        Evidence(f"treaty signed {treaty.signed.isoformat()}", treaty.source, treaty.signed.isoformat())
                    ],
                    note=f"NATO's {n}th birthday ({birthday.isoformat()}) falls in the time named "
                    f"({window[0].isoformat()}..{window[1].isoformat()})",
                )
            )
            used.add(match.start("n"))
            continue
        found.append(_age_claim(view, match.start(), match.end(), n, None, "age:alliance", origin))
        used.add(match.start("n"))
    return found


#: when an age is reached, told relative to the article's date: "turns 75 on Thursday", "... this week"
_TURNS_WHEN = re.compile(
    rf"\s+(?:(?:on\s+)?(?P<weekday>{WEEKDAY_NAMES})\b|(?P<today>today)\b|(?P<tomorrow>tomorrow)\b|"
    rf"(?P<period>this|next)\s+(?P<unit>week|month|year)\b|in\s+(?P<month>{MONTH_NAMES})\b(?!\s*,?\s*\d))",
    re.IGNORECASE,
)


def _anniversary(day: dt.date, years: int) -> dt.date:
    """``day`` ``years`` later (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _turns_window(when: re.Match[str], date: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days a relative time names around the article's date: a weekday within a week either side, today,
    tomorrow, this or next week / month / year, a month of the article's year. None without a date."""
    if date is None:
        return None
    if when.group("weekday"):
        wanted = _WEEKDAYS.index(when.group("weekday").casefold())
        days = [date + dt.timedelta(days=k) for k in range(-6, 7)]
        hits = [d for d in days if d.weekday() == wanted]
        return hits[0], hits[-1]
    if when.group("today"):
        return date, date
    if when.group("tomorrow"):
        return date + dt.timedelta(days=1), date + dt.timedelta(days=1)
    if when.group("month"):
        month = month_number(when.group("month"))
        return dt.date(date.year, month, 1), dt.date(date.year, month, calendar.monthrange(date.year, month)[1])
    step = 0 if when.group("period").casefold() == "this" else 1
    unit = when.group("unit").casefold()
    if unit == "week":
        start = date - dt.timedelta(days=date.weekday()) + dt.timedelta(weeks=step)
        return start, start + dt.timedelta(days=6)
    if unit == "month":
        month = (date.month - 1 + step) % 12 + 1
        year = date.year + (date.month - 1 + step) // 12
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(date.year + step, 1, 1), dt.date(date.year + step, 12, 31)


#: a date written without its year ("joined in March", "on 10 September", "on September 10",
#: "in April last year"); a year right after it ("March 7, 2024") makes it a full date, read elsewhere
UNDATED = re.compile(
    # "on Thursday, 7 March", "on Thursday (March 7)": the weekday the press puts before a date
    # ("Sweden, which joined NATO last March": the latest such month before the article)
    rf"\b(?:in|since|on|On|last)\s+(?:(?:{WEEKDAY_NAMES}),?\s+\(?\s*)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{MONTH_NAMES})\b"
    r"(?![\s,]+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?:19|20)\d\d)"
    r"(?:\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s+(?:19|20)\d\d))?"
    r"(?:\s+(?P<rel>last|this)\s+year\b)?"
)


def undated(match: re.Match[str], day: dt.date) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) of a date written without its year, read against the article's
    date: "last/this year" when written, else the latest such month (or day) up to the article.
    None for a day the month cannot have ("31 September"): no date to compare."""
    month = month_number(match.group("month"))
    written = match.group("d1") or match.group("d2")
    number = int(written) if written else None
    if number is not None and not 1 <= number <= _MAX_DAY[month]:
        return None
    if match.group("rel"):
        return day.year - (1 if match.group("rel") == "last" else 0), month, number
    passed = (month, number or 1) <= (day.month, day.day)
    return (day.year if passed else day.year - 1), month, number


def _invocation_undated(view: SentenceView, rules: Any, article: int) -> list[Claim]:
    """ "Poland invoked Article 4 on 10 September": the latest such day up to the article's date."""
    assert view.context.date is not None
    found: list[Claim] = []
    for match in UNDATED.finditer(view.text):
        when = undated(match, view.context.date)
        if when is None:
            continue
        year, month, day = when
        requesting = _requester(view, match.start(), article)
        pool = [i for i in _invocations(rules, article, None) if requesting is None or requesting in i.requesting]
        if not pool:
            continue
        if _FIRST_TIME_WAS.search(view.text[: match.start()]) and day is not None:
            # "The first time Article 4 was invoked in NATO's history was on February 10": the first
            # record's month and day (the year is not written)
            first = min(pool, key=lambda i: i.date)
            same = (first.date.month, first.date.day) == (month, day)
            found.append(
                view.claim(
                    kind="event_date",
                    start=match.start(),
                    end=match.end(),
                    value=f"{month:02d}-{day:02d}",
                    verdict="supported" if same else "not checkable",
                    expected=first.date.isoformat(),
                    country=requesting,
                    subject=f"article{article}-first" + (f":{requesting}" if requesting else ""),
                    unit="date (month and day)",
                    evidence=_invocation_evidence(article, [first]),
                    note=f"the first request natosim records was on {first.date.isoformat()}: month and day compared"
                    + ("" if same else " (another day: natosim's record may start later than the article's)"),
                )
            )
            continue
        dates = tuple(
            d for i in pool for d in (i.date, getattr(i, "council_met", None), getattr(i, "confirmed", None)) if d
        )
        written = dt.date(year, month, day or 1)
        nearest = min((i.date for i in pool), key=lambda d: abs((d - written).days))
        subject = f"article{article}" + (f":{requesting}" if requesting else "")
        found.append(
            _undated_claim(
                view,
                match,
                match.start(),
                dates,
                nearest,
                subject=subject,
                country=requesting,
                evidence=_invocation_evidence(article, pool[-4:]),
            )
        )
    return found
