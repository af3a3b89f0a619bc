"""An ally's standing among the members, and accessions told in a list, read as event dates (issue 17,
round 6): who founded the alliance ("Norway is a founding member of NATO"), who joined last ("Sweden is
the newest member", "NATO's second-newest member, Finland"), a member list of bare rows ("Italy 1949",
"Poland 1999") and an accession counted from another ("Turkey and Greece joined in 1952 before West
Germany became a member three years later").

Each reading is an entity (an ally named in the clause) + a word of the event (founding, newest, joined)
+ the time it places (a year, an ordinal among accessions, the treaty's founders), checked against the
held accession dates (``facts-members``: the day each instrument of accession was deposited). A time that
matches the ally's accession is supported; one that matches none in a clause that clearly says so is
contradicted; anything looser is left to the other readers or not claimed.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from natosim.engines.claims import enlargement, facts
from natosim.engines.claims.context import SentenceView
from natosim.engines.claims.gazetteer import Mention
from natosim.engines.claims.groups import groups
from natosim.engines.claims.model import Claim, Evidence
from natosim.engines.claims.numbers import ORDINAL, ordinal, quantities

#: "a founding member", "one of the original signatories", "NATO's founder members"
_FOUNDER = re.compile(
    r"\b(?P<founder>founding|founder|original|charter)\s+(?:NATO\s+)?(?:members?|allies|ally|nations?|countries|"
    r"states|signator(?:y|ies)|members? states?)\b",
    re.IGNORECASE,
)
#: the newest ally: "the newest member", "NATO's latest addition", "its second-newest ally", "the most recent
#: member state"
_NEWEST = re.compile(
    rf"\b(?:(?P<ord>{ORDINAL}|next)[- ](?:to[- ]last|newest|latest|most[- ]recent)|newest|latest|most[- ]recent|"
    r"youngest)\s+(?:NATO\s+|alliance\s+|full\s+)?(?P<noun>members?(?:[- ]states?|[- ]countr(?:y|ies)|[- ]nations?)?|"
    r"ally|allies|addition|entrant|recruit)\b",
    re.IGNORECASE,
)
#: what links the ally to the description: "Norway is a", "Sweden, the", "Finland, as the", "Poland was one of the"
_LINK_BEFORE = re.compile(
    r"^(?:\s*,[^,;:()]{0,80},)?\s*(?:,\s*|\s+)(?:(?:is|was|are|were|remains|remained|has been|had been)\s+"
    r"(?:also\s+|now\s+|still\s+)?|as\s+|being\s+)?(?:(?:one|two|some|each|all|both)\s+of\s+)?(?:a|an|the|its|their|NATO's|NATO’s|"
    r"the alliance's|the alliance’s|the bloc's|the bloc’s)?\s*$",
    re.IGNORECASE,
)
#: the description first, the ally after: "NATO's newest member, Sweden", "the most recent member state to be
#: added to NATO was North Macedonia", "its newest member state is North Macedonia"
_LINK_AFTER = re.compile(
    r"^(?:\s+(?:of|in|to join|to be added to|to accede to)\s+(?:NATO|the (?:North Atlantic |military |transatlantic )?"
    r"(?:alliance|bloc)|the North Atlantic Treaty Organi[sz]ation))?(?:\s+(?:is|was|are|were)\s+|\s*,\s*|\s*:\s*|"
    r"\s*[—–-]\s*)(?:the\s+)?$",
    re.IGNORECASE,
)
#: a description that opens its clause, so the ally after it is its complement ("NATO's newest member, Sweden")
_FRONTED = re.compile(
    r"(?:^|[,;:—–(]\s*|\b(?:and|but|while|whereas)\s+)\W*(?:(?:the|its|their|NATO's|NATO’s|the alliance's|"
    r"the alliance’s|the bloc's|the bloc’s)\s+)?$",
    re.IGNORECASE,
)
#: a description of another body ("a founding member of the EU", "the bloc of the European Union")
_OTHER_BODY = re.compile(
    r"^\s+of\s+(?!(?:the\s+)?(?:NATO\b|North Atlantic|[Aa]lliance\b|(?:military|transatlantic|western|Atlantic)\s+"
    r"(?:alliance|bloc)\b|bloc\b|organi[sz]ation\b))[\w'’ -]{2,40}"
    r"|\b(?:EU|European Union|UN|United Nations|OSCE|EEC|European Community|Warsaw Pact|Council of Europe|"
    r"eurozone|euro area|Schengen|OECD|G7|G20|BRICS|WTO|IMF|Commonwealth|CSTO|SCO)\b",
    re.IGNORECASE,
)
#: the body named right after the description, quoted with it ("a founding member of NATO")
_OF_NATO = re.compile(
    r"\s+of\s+(?:the\s+)?(?:NATO|Nato|North Atlantic Treaty Organi[sz]ation|(?:military\s+)?alliance)\b"
)
#: the standing at another time: "the newest member until March", "then-newest", "at the time", "formerly"
_OTHER_TIME = re.compile(
    r"\b(?:until|till|before|after|at the time|at that time|back then|then|formerly|previously|once|earlier|"
    r"used to be|had been|would become|will become|becomes|to become|became)\b",
    re.IGNORECASE,
)
_NATO_HERE = re.compile(r"\b(?:NATO|Nato|[Aa]lliance|North Atlantic|Atlantic bloc)\b")
_NOT = re.compile(r"\b(?:not|never|no longer|nor|neither|n't|wasn't|isn't)\b", re.IGNORECASE)
#: a row of a member list: "Italy 1949", "Poland – 1999", "3. Spain: 1982"
_ROW = re.compile(r"^\W*(?:\d{1,2}[.)]\s*)?(?P<rest>.*)$")
_ROW_TAIL = re.compile(r"^\s*(?:[:–—-]\s*|\s)\(?(?P<y>(?:19|20)\d\d)\)?\W*$")
#: "... became a member three years later", "... joined two years later"
_LATER = re.compile(
    r"\b(?:joined|acceded|became (?:a |an |the \w+ )?(?:full )?(?:NATO )?(?:member|ally)|was admitted|followed)\s+"
    r"(?:\w+\s+)?(?P<n>\w+|\d{1,2})\s+years?\s+later\b",
    re.IGNORECASE,
)

#: allies joining, then a decade in the same clause: "... joined NATO as the Cold War loomed in the 1950s"
_JOINED_IN_DECADE = re.compile(
    r"\s+(?:\w+ly\s+|all\s+|both\s+|also\s+)?(?:joined|acceded to|entered|were admitted to|became members of)\s+"
    r"(?:NATO|the (?:North Atlantic |military |western )?[Aa]lliance)\b[^.;:()]{0,50}?\bin\s+the\s+"
    r"(?P<part>early\s+|mid-?\s*|late\s+|mid(?:-|\s+)to(?:-|\s+)late\s+)?"
    r"(?:(?P<decade>(?:19|20)\d0)s|(?P<century>20th|twentieth|21st|twenty-first)\s+century)\b"
)
#: the alliance as the subject of an accession: "NATO admitted Albania and Croatia", "the alliance welcomed the
#: Baltic states"
_ADMITTED = re.compile(
    r"\b(?:NATO|[Tt]he (?:North Atlantic |military |western |transatlantic )?[Aa]lliance)\s+(?:\w+ly\s+)?"
    r"(?:admitted|admits|welcomed|took in|added|brought in|let in|incorporated)\s+(?:the\s+)?"
)
_LEADING_YEAR = re.compile(r"^\W*(?:In|By|On)\s+(?:[\w ,]{0,20}?\s)?(?P<y>(?:19|20)\d\d),?\s+")
_TRAILING_YEAR = re.compile(
    r"(?:\s+(?:as\s+(?:new\s+|full\s+)?members?|into\s+(?:the\s+)?(?:alliance|NATO|its ranks|the fold)))?\s+"
    r"(?:in|on)\s+(?:[\w ,]{0,20}?\s)?(?P<y>(?:19|20)\d\d)\b"
)
#: a verb of joining said once for a sentence of accessions: "Greece and Turkey joined in 1952, followed by ..."
_JOIN_VERB = re.compile(
    r"\b(?:joined|acceded|became (?:full )?(?:NATO )?members|were admitted|entered (?:NATO|the alliance))\b"
)
#: a later ally of the same sentence dated by its own year: "followed by West Germany in 1955 and Spain in 1982",
#: "while Montenegro and North Macedonia did so in 2020"
_FOLLOWED_LEAD = re.compile(r"(?:\bfollowed by|\bthen|\band|\bwhile|\bwhereas|[,;])\s+(?:the\s+|West\s+)?$")
_OWN_YEAR = re.compile(
    r"\s+(?:(?:did so|did|followed|joined|acceded|came)\s+(?:\w+ly\s+)?)?in\s+(?P<y>(?:19|20)\d\d)\b(?!\s*[-–]\d)"
)
#: a claim checked here: at least this many rows of the member list must agree with natosim before a row
#: that does not is called contradicted (a list of another sort — years of a spending table — never agrees)
ROWS_BEFORE_CONTRADICTING = 2


def find(view: SentenceView, used: set[int], found: list[Claim]) -> list[Claim]:
    """The readings of this module for one sentence; a span another reader claimed is not read again."""
    claims: list[Claim] = []
    taken = [c.span for c in found if c.kind == "event_date"]
    for claim in [
        *_founders(view),
        *_newest(view),
        *_row(view),
        *_years_later(view),
        *_decade(view),
        *_admitted(view),
        *_followed(view),
    ]:
        if not any(claim.span[0] < end and start < claim.span[1] for start, end in taken) and not any(
            claim.span == other.span and claim.country == other.country for other in claims
        ):
            claims.append(claim)
    return claims


def _linked_allies(view: SentenceView, start: int, end: int) -> list[Mention]:
    """The allies a description at ``start``..``end`` is said of: the list named just before it ("Belgium,
    France and Italy are founding members") or just after it ("NATO's newest member, Sweden")."""
    before = [m for m in view.countries if m.end <= start and _LINK_BEFORE.match(view.text[m.end : start])]
    if before:
        # "Turkey, which borders Syria, is ...", "Norway, unlike Sweden, is ...": the ally before an aside set off
        # by commas is the subject, not one named inside the aside
        outer = [m for m in before if re.match(r"\s*,[^,;:()]{0,80},", view.text[m.end : start])]
        last = outer[0] if outer else before[-1]
        chain = [last]
        for other in reversed([m for m in view.countries if m.end <= last.start]):
            if not re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+&)\s+(?:the\s+)?", view.text[other.end : chain[-1].start]):
                break
            chain.append(other)
        return [m for m in reversed(chain) if facts.accession_date(m.iso3) is not None]
    if not _FRONTED.search(view.text[:start]):
        return []  # "Joining the original signatories were Greece and Turkey": the description is an object
    after = next((m for m in view.countries if m.start >= end and _LINK_AFTER.match(view.text[end : m.start])), None)
    if after is None or len(enlargement.listed_after(view, after)) > 1:
        return []  # "the founding members were A, B, C ...": a member list, read by the readers of lists
    return [after] if facts.accession_date(after.iso3) is not None else []


def _about_nato(view: SentenceView, start: int, end: int) -> bool:
    """The description is of NATO: no other body named after it or in the sentence, and NATO named in the
    sentence or the article about it."""
    if _OTHER_BODY.match(view.text[end : end + 60]) or _OTHER_BODY.search(view.text):
        return False
    return bool(_NATO_HERE.search(view.text)) or view.context.about_nato


def _accession_evidence(iso3: str, joined: dt.date) -> Evidence:
    return Evidence(
        f"{iso3} acceded on {joined.isoformat()} (instrument deposited)", "facts-members", joined.isoformat()
    )


def _accession_year_claim(
    view: SentenceView, iso3: str, start: int, end: int, year: int, joined: dt.date, note: str, *, agrees: bool
) -> Claim:
    """One accession dated by a year the text states: supported when it is the year the ally acceded."""
    return view.claim(
        kind="event_date",
        start=start,
        end=end,
        value=year,
        verdict="supported" if agrees else "contradicted",
        expected=joined.year,
        country=iso3,
        year=year,
        year_source="stated",
        subject="accession",
        evidence=[_accession_evidence(iso3, joined)],
        note=note,
    )


def _founders(view: SentenceView) -> list[Claim]:
    """ "Norway is a founding member of NATO", "the original signatories, such as Italy": the ally was one
    of the founders (members when the treaty entered into force) — or, if it joined later, it was not."""
    claims: list[Claim] = []
    treaty = facts.rules().treaty()
    founders = set(facts.members_on(treaty.entered_into_force))
    for match in _FOUNDER.finditer(view.text):
        if not _about_nato(view, match.start(), match.end()) or _NOT.search(
            view.text[max(0, match.start() - 40) : match.start()]
        ):
            continue
        for mention in _linked_allies(view, match.start(), match.end()):
            joined = facts.accession_date(mention.iso3)
            if joined is None:
                continue
            of_nato = _OF_NATO.match(view.text, match.end())
            start = min(mention.start, match.start())
            end = max(mention.end, of_nato.end() if of_nato else match.end())
            founder = mention.iso3 in founders
            claims.append(
                view.claim(
                    kind="event_date",
                    start=start,
                    end=end,
                    value="founding member",
                    verdict="supported" if founder else "contradicted",
                    expected=joined.isoformat(),
                    country=mention.iso3,
                    subject="founder",
                    evidence=[
                        _accession_evidence(mention.iso3, joined),
                        Evidence(
                            f"founders (members when the treaty entered into force on "
                            f"{treaty.entered_into_force.isoformat()}): {', '.join(sorted(founders))}",
                            treaty.source,
                            treaty.entered_into_force.isoformat(),
                            rule="treaty",
                        ),
                    ],
                    note="a founding member"
                    if founder
                    else f"joined {joined.isoformat()}, after the founding ({treaty.entered_into_force.isoformat()})",
                )
            )
    return claims


def _newest_on(day: dt.date, rank: int) -> tuple[dt.date, list[str]] | None:
    """The ``rank``-th most recent accession day up to ``day`` and the allies who acceded that day."""
    table = facts.allies_table()
    dates = sorted({d for d in (facts.accession_date(c) for c in table["iso3"]) if d is not None and d <= day})
    if rank > len(dates):
        return None
    when = dates[-rank]
    return when, sorted(c for c in table["iso3"] if facts.accession_date(c) == when)


def _newest(view: SentenceView) -> list[Claim]:
    """ "Sweden is the newest member of NATO", "NATO's second-newest member, Finland", "North Macedonia was the
    latest addition in 2020": the ally's rank among accessions at the article's date (or the end of the year
    stated), counting allies who acceded the same day as one."""
    claims: list[Claim] = []
    for match in _NEWEST.finditer(view.text):
        words = match.group("ord")
        rank = 2 if words and words.casefold() == "next" else (ordinal(words) if words else 1)
        if rank is None or not _about_nato(view, match.start(), match.end()):
            continue
        if _NOT.search(view.text[max(0, match.start() - 40) : match.start()]) or _OTHER_TIME.search(
            view.text[max(0, match.start() - 25) : match.end() + 30]
        ):
            continue  # "not the newest", "the newest member until March", "then-newest": another time
        if re.match(r"\s+(?:to\s+(?:join|be)|of\s+(?:the\s+)?\d)", view.text[match.end() : match.end() + 12]) and not (
            re.match(r"\s+to be added to\b", view.text[match.end() :])
        ):
            continue
        allies = _linked_allies(view, match.start(), match.end())
        if len(allies) != 1 and not (len(allies) > 1 and rank == 1):
            continue
        # a year later in the clause ("the latest addition in 2020", "... was North Macedonia on 27 March 2020")
        # places the claim at that year's end; a past verb without one may speak of an earlier time
        clause_end = max([match.end(), *(m.end for m in allies)])
        stated = next(
            (
                year
                for year, ystart, _ in view.years
                if match.end() <= ystart <= clause_end + 40
                and not re.search(r"[;:()]|\bbut\b", view.text[match.end() : ystart])
            ),
            None,
        )
        day = view.context.date
        past = bool(
            re.search(r"\b(?:was|were|became|had been)\s+(?:\w+\s+){0,3}$", view.text[: match.start()])
            or re.search(r"\b(?:was|were|became|had been)\b", view.text[match.end() : clause_end])
        )
        at = day if stated is None else dt.date(stated, 12, 31) if day is None else min(day, dt.date(stated, 12, 31))
        for mention in allies:
            joined = facts.accession_date(mention.iso3)
            if joined is None:
                continue
            start, end = min(mention.start, match.start()), max(mention.end, match.end())
            common: dict[str, Any] = {
                "kind": "event_date",
                "start": start,
                "end": end,
                "value": f"newest member (rank {rank})",
                "country": mention.iso3,
                "subject": "newest",
            }
            if at is None:
                claims.append(
                    view.claim(
                        **common, verdict="not checkable", note="who is newest needs the article's date (--date)"
                    )
                )
                continue
            newest = _newest_on(at, rank)
            if newest is None:
                continue
            when, who = newest
            right = mention.iso3 in who
            verdict = (
                "supported" if right else "contradicted" if (stated or not past) and joined < when else "not checkable"
            )
            claims.append(
                view.claim(
                    **common,
                    verdict=verdict,
                    expected="/".join(who),
                    year=stated,
                    year_source="stated" if stated else None,
                    evidence=[_accession_evidence(mention.iso3, joined)]
                    + [_accession_evidence(c, when) for c in who if c != mention.iso3],
                    note=f"accession {rank} from the latest up to {at.isoformat()}: "
                    f"{'/'.join(who)} on {when.isoformat()}"
                    + ("" if verdict != "not checkable" else "; a past 'was' may speak of an earlier time"),
                )
            )
    return claims


def _row(view: SentenceView) -> list[Claim]:
    """A row of a member list with its year of accession and nothing else ("Italy 1949", "Spain – 1982"):
    supported when the year is the ally's accession; contradicted when it is not and earlier rows of the
    article's list agreed with natosim (so the list is one of accessions)."""
    row = _ROW.match(view.text)
    if row is None or len(view.text) > 60 or not view.context.about_nato:
        return []
    mention = next((m for m in view.countries if m.start == row.start("rest")), None)
    if mention is None or sum(1 for m in view.countries) != 1:
        return []
    tail = _ROW_TAIL.match(view.text[mention.end :])
    joined = facts.accession_date(mention.iso3)
    if tail is None or joined is None:
        return []
    year = int(tail.group("y"))
    if view.context.date is not None and year > view.context.date.year:
        return []
    agrees = year == joined.year
    if agrees:
        view.context.accession_rows += 1
    elif view.context.accession_rows < ROWS_BEFORE_CONTRADICTING:
        return []
    ystart = mention.end + tail.start("y")
    note = "a row of a member list: the year of accession"
    note += "" if agrees else f" ({view.context.accession_rows} earlier rows agreed)"
    return [_accession_year_claim(view, mention.iso3, mention.start, ystart + 4, year, joined, note, agrees=agrees)]


def _years_later(view: SentenceView) -> list[Claim]:
    """ "Turkey and Greece joined in 1952 before West Germany became a member three years later": an accession
    dated by its distance from the year stated before it in the sentence."""
    claims: list[Claim] = []
    for match in _LATER.finditer(view.text):
        counted = next((q for q in quantities(view.text) if q.start == match.start("n")), None)
        if counted is None or counted.value != int(counted.value) or not 1 <= counted.value <= 75:
            continue
        earlier = [(y, s) for y, s, _ in view.years if s < match.start()]
        allies = [m for m in view.countries if m.end <= match.start() and facts.accession_date(m.iso3) is not None]
        if not earlier or not allies:
            continue
        mention = allies[-1]
        if earlier[-1][1] > mention.start or not re.fullmatch(
            r"\s+(?:\w+\s+){0,2}", view.text[mention.end : match.start()] + " "
        ):
            continue  # the year must come before the ally, and the ally be the verb's subject
        joined = facts.accession_date(mention.iso3)
        assert joined is not None
        year = earlier[-1][0] + int(counted.value)
        note = f"{earlier[-1][0]} + {int(counted.value)} years = {year}; joined {joined.isoformat()}"
        claims.append(
            _accession_year_claim(
                view, mention.iso3, mention.start, match.end(), year, joined, note, agrees=year == joined.year
            )
        )
    return claims


def _decade(view: SentenceView) -> list[Claim]:
    """ "Greece, Turkey and West Germany joined NATO as the Cold War loomed in the 1950s": each ally of the list
    before the verb of joining, its accession year within the decade (its early, mid or late part when said:
    years 0-3, 3-6, 6-9)."""
    claims: list[Claim] = []
    for mention in view.countries:
        match = _JOINED_IN_DECADE.match(view.text, mention.end)
        if match is None or _NOT.search(match.group(0)):
            continue
        part = re.sub(r"[\s-]+", " ", (match.group("part") or "").strip().rstrip("-").casefold())
        if match.group("decade"):
            decade = int(match.group("decade"))
            low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9), "mid to late": (3, 9)}.get(part, (0, 9))
        else:
            # a century by thirds: "the early 21st century" is 2000-2033, "the mid to late 20th century" 1933-1999
            decade = 1900 if match.group("century").casefold() in ("20th", "twentieth") else 2000
            low, high = {"early": (0, 33), "mid": (33, 66), "late": (66, 99), "mid to late": (33, 99)}.get(
                part, (0, 99)
            )
        chain = [mention]
        for other in reversed([m for m in view.countries if m.end <= mention.start]):
            if not re.fullmatch(
                r"\s*(?:,|,?\s+and|,?\s+&)\s+(?:the\s+|West\s+)?", view.text[other.end : chain[-1].start]
            ):
                break
            chain.append(other)
        for ally in reversed(chain):
            joined = facts.accession_date(ally.iso3)
            if joined is None or re.search(
                r"\b(?:East|former|Soviet)\s+$", view.text[max(0, ally.start - 10) : ally.start]
            ):
                continue
            right = decade + low <= joined.year <= decade + high
            claims.append(
                view.claim(
                    kind="event_date",
                    start=ally.start,
                    end=match.end(),
                    value=match.group(0).split(" in the ")[-1].strip(),
                    verdict="supported" if right else "contradicted",
                    expected=joined.year,
                    country=ally.iso3,
                    subject="accession",
                    evidence=[_accession_evidence(ally.iso3, joined)],
                    note=f"joined {joined.isoformat()}; {match.group(0).split(' in the ')[-1].strip()}: "
                    f"{decade + low}-{decade + high}",
                )
            )
    return claims


def _admitted(view: SentenceView) -> list[Claim]:
    """ "In 2009, NATO admitted Albania and Croatia", "the alliance welcomed the Baltic states in 2004": NATO as the
    subject of the accession, its object the allies (or a group of them), dated by a year leading the sentence or
    right after the object."""
    claims: list[Claim] = []
    for match in _ADMITTED.finditer(view.text):
        first = next((m for m in view.countries if m.start == match.end()), None)
        objects: list[tuple[str, int]] = []
        end = match.end()
        if first is not None:
            chain = enlargement.listed_after(view, first)
            objects = [(m.iso3, m.start) for m in chain]
            end = chain[-1].end
        else:
            for group in groups().values():
                named = group.pattern.match(view.text, match.end())
                if named is not None and group.per_ally and group.members:
                    objects = [(code, match.end()) for code in group.members]
                    end = named.end()
                    break
        if not objects or re.match(r"['’]s\b|\s+(?:to|for)\b", view.text[end : end + 5]):
            continue  # "NATO welcomed Finland's application", "admitted Sweden to talks": not the accession
        lead = _LEADING_YEAR.match(view.text)
        trail = _TRAILING_YEAR.match(view.text, end)
        if trail is not None:
            year, stop = int(trail.group("y")), trail.end()
        elif lead is not None and not any(lead.end() <= ys < match.start() for _, ys, _ in view.years):
            year, stop = int(lead.group("y")), end
        else:
            continue
        # "welcomed", "added" also tell an invitation or a summit's welcome: a year that is not the accession's is
        # left unread; "admitted", "took in" are the accession itself
        soft = re.search(r"\b(?:welcomed|added)\b", match.group(0)) is not None
        for iso3, at in objects:
            joined = facts.accession_date(iso3)
            if joined is None or (soft and year != joined.year):
                continue
            claims.append(
                _accession_year_claim(
                    view,
                    iso3,
                    min(at, match.start()) if trail is None else at,
                    stop,
                    year,
                    joined,
                    f"NATO admitted {iso3} on {joined.isoformat()}",
                    agrees=year == joined.year,
                )
            )
    return claims


def _followed(view: SentenceView) -> list[Claim]:
    """ "Greece and Turkey joined together in 1952, followed by West Germany in 1955 and Spain in 1982", "Albania and
    Croatia joined in 2009, while Montenegro and North Macedonia did so in 2020": after a verb of joining, each
    later ally (or list of allies) with its own year is an accession of that year — the verb is not repeated."""
    join = _JOIN_VERB.search(view.text)
    if (
        join is None
        or _NOT.search(view.text[: join.start()][-40:])
        or re.search(r"\b(?:appl\w+|invit\w+|bid|request\w*|want\w*|seek\w*|sought)\b", view.text, re.IGNORECASE)
    ):
        return []
    claims: list[Claim] = []
    mentions = [m for m in view.countries if m.start > join.end()]
    for index, mention in enumerate(mentions):
        own = _OWN_YEAR.match(view.text, mention.end)
        if own is None:
            continue
        # the allies listed with it ("Montenegro and North Macedonia did so"), led by "followed by", "while", ","
        chain = [mention]
        for other in reversed(mentions[:index]):
            if not re.fullmatch(
                r"\s*(?:,|,?\s+and|,?\s+&)\s+(?:the\s+|West\s+)?", view.text[other.end : chain[-1].start]
            ):
                break
            chain.append(other)
        if not _FOLLOWED_LEAD.search(view.text[max(0, chain[-1].start - 20) : chain[-1].start]):
            continue
        year = int(own.group("y"))
        for ally in reversed(chain):
            joined = facts.accession_date(ally.iso3)
            if joined is None:
                continue
            claims.append(
                _accession_year_claim(
                    view,
                    ally.iso3,
                    ally.start,
                    own.end(),
                    year,
                    joined,
                    f"an accession after '{join.group(0)}', dated by its own year; joined {joined.isoformat()}",
                    agrees=year == joined.year,
                )
            )
    return claims
