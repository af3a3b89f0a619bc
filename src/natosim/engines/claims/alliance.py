"""How big the alliance is: how many allies ("32 members", "over 30 countries", "the 32-nation
alliance", "Finland became the 31st member") and how many people it covers ("more than 950
million people"). Counts use the accession dates in ``natosim.allies()`` at the article's date
(all allies when no date is given); population is the sum of the members' population derived from
NATO's GDP tables (``population_thousands``, flagged as derived)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

from natosim.engines.claims import facts
from natosim.engines.claims.context import SentenceView
from natosim.engines.claims.groups import groups
from natosim.engines.claims.model import Claim, Evidence
from natosim.engines.claims.numbers import ORDINAL, Quantity, ordinal, quantities
from natosim.engines.claims.tolerance import judge

_NATO = re.compile(r"\b(?:NATO|Nato|alliance|Alliance|North Atlantic|allies|Allies|member states|transatlantic)\b")
_EU = re.compile(r"\b(?:EU|European Union|Brussels bloc|eurozone|euro zone)\b")
_MEMBER_NOUN = re.compile(
    r"^(?:[- ](?:[Mm]ember|[Nn]ation|[Cc]ountry|[Ss]trong|[Ss]tate)\b(?:[- ][Ss]trong|-(?:states|countries|nations))?"
    r"|\s+(?:other\s+)?(?:(?-i:[a-z]+\s+)?(?:NATO|Nato)\s+|European\s+|alliance\s+|Alliance\s+|"
    r"(?:current|existing|present|full)\s+)?"
    r"(?:allies|members|member states|member countries|member nations|nations|countries|states)\b"
    # "all 32 of its members"
    r"|\s+of\s+(?:its|NATO's|the alliance's|the bloc's)\s+(?:allies|members|member states|member countries)\b)",
    re.IGNORECASE,
)
_COUNT_LEAD = re.compile(
    r"\b(?:has|have|had|now has|comprises?|comprising|consists? of|of|with|its|all|now|the|"
    r"grown to|grew to|expanded to|expands to|counts|numbers|totals?|to|NATO's|alliance's|"
    r"among|between|including|other|bloc's|club's|group's|organi[sz]ation's|his|her|their|America's|"
    r"Washington's|Trump's|Biden's)\s*$",
    re.IGNORECASE,
)
#: what says outright that a count is the membership: "NATO has 32 members", "is made up of 31 member
#: states", "the 32-member alliance", "all 32 allies", "NATO's 32 members" (issue 17, round 4)
_EXPLICIT_LEAD = re.compile(
    r"\b(?:has|have|had|now has|comprises?|comprising|consists? of|consisting of|made up of|composed of|"
    r"grown to|grew to|expanded to|expands to|counts|numbers|numbered|totals?|all(?: of)?(?: the)?(?: other)?|NATO's|"
    r"alliance's|bloc's|club's|organi[sz]ation's|(?:alliance|bloc|club|organi[sz]ation) (?:of|between|among))\s+"
    r"(?:(?:now|some|exactly|currently)\s+)?$",
    re.IGNORECASE,
)
#: a count that picks some allies out of the membership: followed by a list of them ("three member
#: nations — Poland, Lithuania and Latvia"), by what they do ("seven nations to meet the target", "23
#: allies increasing their spending", "the allies that met it"), or pointing back ("the above 6 countries")
_SUBSET_AFTER = re.compile(
    r"^\s*(?:[—–:(]|-\s|,\s+(?:namely|i\.e\.|such as|like)\b)"
    # "the 30 allies present", "the 12 nations involved": those at an event
    r"|^\s+(?:present|attending|there|in attendance|involved|concerned|represented|in question|"
    r"at the (?:table|meeting))\b"
    # "20 allies and partners", "30 members or aspirants": a mixed group
    r"|^\s+(?:and|or|plus)\s+(?:\w+\s+){0,2}?(?:partners?|non-members?|non-NATO|aspirants?|others?|observers?|"
    r"candidates?)\b"
    # ("the 28 nations that are members", "the 32 countries which make up NATO": all of them)
    r"|^\s+(?:to\s+(?:actually\s+|already\s+|have\s+|be\s+)?[a-z]+|"
    r"(?:that|who|which)(?!\s+(?:are|were|is)\s+(?:all\s+)?(?:NATO\s+)?(?:members|allies|part)\b|\s+(?:make|made|form|"
    r"formed|comprise|constitute)\b)|whose|where)\b"
    r"|^\s+(?!including\b)[a-z]+ing\b",
)
_SUBSET_BEFORE = re.compile(r"\b(?:above|these|those|such|only|just|mere|remaining|some|several)\s+$", re.IGNORECASE)
#: "most of the 31 allies", "leaders of the 32 NATO nations": a part or the people of the whole membership
_PART_OF_WHOLE = re.compile(
    r"\b(?:most|many|some|several|few|half|majority|minority|all|each|none|rest|any|every one|leaders|heads|last|first|"
    r"Government|governments|ministers|capitals|parliaments|citizens|armies|militaries|members)\s+of\s+"
    r"(?:the|its|NATO's|Nato's|the alliance's)\s+$",
    re.IGNORECASE,
)
#: the membership named before its number: "NATO's membership rose to 32", "membership stands at 31",
#: "bringing the alliance's membership to 30"
_MEMBERSHIP_AT = re.compile(
    r"\b(?:membership|number of (?:NATO |alliance )?(?:members|allies|member states|member countries))\s+"
    r"(?:\w+\s+){0,2}?"
    r"(?:rose|grew|increased|expanded|rises|grows|stands|stood|reached|reaches|climbed|went up|swelled|"
    r"has grown|has risen|is now|now stands)\s+(?:to|at)\s+$"
    r"|\bbring(?:s|ing)?\s+(?:NATO's|the alliance's|its|the bloc's)\s+membership\s+to\s+$",
    re.IGNORECASE,
)
#: a verb that states the count ("has", "grew to", "membership stands at"): a year in its clause dates it
_VERBAL_LEAD = re.compile(
    r"\b(?:has|have|had|comprises?|comprised|consists? of|consisted of|made up of|composed of|grown to|grew to|"
    r"expanded to|numbers|numbered|totals?|totalled|counts|counted|(?:rose|increased|reached|climbed|stood|stands)"
    r"\s+(?:to|at))\s+(?:(?:now|some|exactly|currently|just|only)\s+)?$",
    re.IGNORECASE,
)
#: a year framing the sentence ("As of 2023, NATO has 32 members", "In 2016 the alliance had 28 members")
_YEAR_FRAME = re.compile(r"^\W*(?:[Aa]s of|[Ii]n|[Bb]y|[Aa]t the (?:end|start|beginning) of)\s+(?:early\s+|late\s+)?$")
_NOT_MEMBERSHIP = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:meet|met|meeting|spend|spent|spending|reach|reaching|hit|are on track|have met|"
    r"pledged|agreed|signed|ratified|voted|sent|contribute|pay|fell|fall|miss)\b",
    re.IGNORECASE,
)
#: a count after these words is a change, an estimate or a comparison, not how many allies there are
_CHANGE_OR_ESTIMATE = re.compile(
    r"\b(?:increase|rise|jump|growth|drop|decrease|fall|estimate|forecast|projection|compar\w*|(?<!made )up|down|"
    r"from|than)\s+(?:of\s+|from\s+|to\s+|with\s+)?(?:just\s+|only\s+|about\s+|some\s+)?"
    r"(?:(?:less|fewer|more) than\s+)?$",
    re.IGNORECASE,
)
_PEOPLE = re.compile(
    r"^\s+(?:people|citizens|inhabitants|persons|Europeans and North Americans|residents|"
    r"men, women and children|lives)\b",
    re.IGNORECASE,
)
_PROTECT = re.compile(
    r"\b(?:protect\w*|defen[cs]\w*|secur\w*|cover\w*|shield\w*|guarantee\w*|Article 5|"
    r"collective|umbrella|home to|population|live|represent\w*)\b",
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    # "Sweden is now the 32nd member", "Finland officially became NATO's 31st member": an adverb between
    r"\b(?:became|becomes|become|becoming|is|was|as|will become|has become|had become)\s+"
    r"(?:(?:now|officially|formally|finally|thus|therefore|then|today|thereby)\s+)*"
    r"(?:NATO's\s+|the\s+alliance's\s+|the\s+|its\s+)?"
    # ("the 30th NATO member": NATO's name between the rank and the noun)
    r"(?P<ord>" + ORDINAL + r")\s+(?:NATO\s+|alliance\s+)?(?:member|ally|country|nation)"
    # "the 14th country to join NATO after the end of the Cold War": a rank within a period, not overall;
    # "the second country this month to invoke Article 4": a rank among those doing something else (the
    # "to ..." that restricts the rank belongs to the noun phrase: it does not stand after a comma, as in
    # "the 31st member of NATO, a shift to protect its interests")
    r"(?![^.;]{0,40}\b(?:(?:since|after|from) (?:the )?(?:end|fall|collapse|dissolution|break-?up|19\d\d|20\d\d)|"
    r"in the (?:post|19|20)|of the former|post-|this (?:month|week|year))\b)"
    r"(?![^.;,]{0,40}\bto (?!join|become|accede)[a-z]+\b)",
    re.IGNORECASE,
)


#: a sentence whose subject is a pronoun or a country's description, before its verb: "It became ...",
#: "The Nordic country is now ...", "This nation was ..."
_PRONOUN_SUBJECT = re.compile(
    r"^\W*(?:It|(?:The|This)(?:\s+(?:Nordic|Scandinavian|Baltic|Balkan|European|former|new|newest|latest))?\s+"
    r"(?:country|nation|state|kingdom|republic))\s+(?:\w+ly\s+|now\s+)?$"
)


_EVENT_BEFORE_YEAR = re.compile(
    r"\b(?:founded|created|established|formed|signed|born|joined|since|anniversary|by|until|pledged|agreed|"
    r"committed|promised|vowed|decided)\b[^,;]{0,20}$",
    re.IGNORECASE,
)


def _count_date(view: SentenceView, position: int) -> tuple[dt.date | None, str]:
    # a year that dates an event ("the 32-nation alliance founded in 1949") does not date the count,
    # nor does a year in another clause ("23 of the 32 allies ..., up from three in 2014")
    stated = [
        y
        for y, start, _ in view.years
        if not _EVENT_BEFORE_YEAR.search(view.text[max(0, start - 40) : start])
        and not re.search(r"[,;(—–]", view.text[min(start, position) : max(start, position)])
    ]
    if stated:
        year = stated[-1]
        day = dt.date(year, 12, 31)
        if view.context.date is not None and view.context.date.year == year:
            day = view.context.date
        return day, f"members at {day.isoformat()} (year stated)"
    date = view.context.date
    last = re.search(r"\b(?:last|previous|past) year\b", view.text[max(0, position - 80) : position + 80], re.I)
    if date is not None and last is not None and not re.search(r"[,;(—–]", view.text[position : position + 1]):
        # "Last year only 11 of the 31 members met the target": the members of last year
        day = dt.date(date.year - 1, 12, 31)
        return day, f"members at {day.isoformat()} ('last year')"
    if date is not None:
        return date, f"members at the article date {date.isoformat()}"
    return None, "all current allies (no date given)"


#: the founding members: "founded in 1949 by 12 countries", "its 12 founding members"
_FOUNDED_BY = re.compile(
    r"\b(?:founded|created|established|formed|set up|signed|launched|forged)\b[^.;]{0,60}?\b(?:by|with)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FOUNDER_NOUN = re.compile(
    r"^\s+(?:founding|original|founder)\s+(?:members?|allies|nations|countries|states|signatories)\b"
    # "twelve sovereign nations", "ten European nations", "12 western democracies": a word or two between
    r"|^\s+(?:(?P<adj>(?!(?:other|more|new|of|and|to|in)\b)[A-Za-z-]+\s+){0,2}?)(?:countries|nations|states|allies|"
    r"members|signatories|governments|democracies)\b",
    re.IGNORECASE,
)
#: founders counted by part: "ten European nations" (the European founders), "two North American countries"
_FOUNDER_PART = re.compile(r"^\s+(?:(?:Western|West)\s+)?(?P<part>European|North American)\s", re.IGNORECASE)
#: a region or body that names a group of its own: "12 Balkan states", "ten NATO countries", "nine EU members"
_NAMED_GROUP = re.compile(
    r"\b(?:Baltic|Balkan|Nordic|Scandinavian|Eastern|Central|Southern|Northern|Mediterranean|NATO|EU|Arab|African|"
    r"Asian|Latin|Gulf|Commonwealth|Warsaw|Soviet|post-Soviet|former|new|newer|younger)\b",
    re.IGNORECASE,
)
#: "founded by the U.S. and 11 other countries": one founder named and the others counted
_ONE_AND_OTHERS = re.compile(r"\b(?:by|with)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}\s+and\s+$")
#: the membership after an enlargement, the count before its noun: "brings to 28 the number of allies"
_BROUGHT_TO = re.compile(
    r"\s+the\s+(?:number|total)\s+of\s+(?:NATO\s+)?(?:allies|members|member\s+(?:states|countries|nations))\b"
)
_BRINGS = r"\b(?:brings?|brought|bringing|takes?|took|taking|rais(?:es|ed|ing|e))\s+to\s+$"
#: the founders named before the count: "grown from its original 12 member countries", "the founding twelve"
_FOUNDER_BEFORE = re.compile(r"\b(?:original|founding|initial)\s+$", re.IGNORECASE)


#: "Twelve countries, including the United States, Canada, ..., signed the North Atlantic Treaty"
_SIGNED_AFTER = re.compile(
    r"(?:,[^.;]{0,90},)?\s+(?:signed|founded|created|formed|established|endorsed)\s+(?:the\s+)?"
    r"(?:North Atlantic Treaty|Washington Treaty|NATO|the alliance)\b"
)
#: founders counted in parts: "by 10 European countries and two North American countries", "by 28
#: European and two North American countries"
_IN_PARTS = re.compile(
    r"\s+(?:Western\s+)?European\s+(?:countries|nations|states\s+)?\s*and\s+(?P<n>\w+)\s+North\s+American\s+"
    r"(?:countries|nations|states)\b"
)


def _founders(view: SentenceView, q: Quantity) -> Claim | None:
    """How many allies founded NATO: the allies on the day the treaty entered into force (a count in
    parts, "by 28 European countries and two North American countries", is their sum)."""
    parts = _IN_PARTS.match(view.text[q.end :])
    if parts is not None and _FOUNDED_BY.search(view.text[: q.start]) and not q.decimals:
        more = quantities(parts.group("n"))
        if more:
            total = dataclasses.replace(q, value=q.value + more[0].value)
            treaty = facts.rules().treaty()
            founders = facts.members_on(treaty.entered_into_force)
            statement = (
                f"{len(founders)} allies when the treaty entered into force "
                f"({treaty.entered_into_force.isoformat()}): {', '.join(founders)}"
            )
            return _count_claim(
                view,
                total,
                q.end + parts.end(),
                founders,
                statement,
                "founding allies",
                treaty.entered_into_force.year,
                "founders",
            )
    noun = _FOUNDER_NOUN.match(view.text[q.end :])
    if noun is None and _FOUNDER_BEFORE.search(view.text[: q.start]):
        noun = re.match(r"^\s+member\s+(?:countries|nations|states)\b", view.text[q.end :], re.IGNORECASE)
        if noun is None and re.search(r"\bfrom\s+(?:the|its)\s+\w+\s+$", view.text[: q.start]):
            # "increasing its membership from the original twelve to thirty-one countries"
            noun = re.match(r"(?=\s+to\s)", view.text[q.end :])
    before = view.text[: q.start]
    if re.search(r"\b(?:now|today|currently|since then|at present)\b[^.;]{0,20}$", before, re.IGNORECASE):
        return None  # "originally formed of twelve founding members, now with 32 member states": the present
    one_and_others = bool(re.match(r"\s+other\b", view.text[q.end :])) and bool(_ONE_AND_OTHERS.search(before))
    if one_and_others:
        noun = re.match(r"\s+other\s+(?:countries|nations|states|allies|members|signatories)\b", view.text[q.end :])
    if noun is None or q.decimals or not 1 <= q.value <= 60:
        return None
    if not (
        re.match(r"^\s+(?:founding|original|founder)", noun.group(0))
        or _FOUNDER_BEFORE.search(before)
        or _FOUNDED_BY.search(before)
        or _SIGNED_AFTER.match(view.text, q.end + noun.end())
        or (one_and_others and _FOUNDED_BY.search(before[: _ONE_AND_OTHERS.search(before).start() + 3]))  # type: ignore[union-attr]
    ):
        return None
    if noun.groupdict().get("adj") and _NAMED_GROUP.search(noun.group(0)):
        return None  # "12 Balkan states", "ten NATO countries": a named group, not the founders as a whole
    treaty = facts.rules().treaty()
    founders = facts.members_on(treaty.entered_into_force)
    statement = (
        f"{len(founders)} allies when the treaty entered into force ({treaty.entered_into_force.isoformat()}): "
        f"{', '.join(founders)}"
    )
    part = _FOUNDER_PART.match(view.text[q.end :])
    others = 0
    if part is not None:
        # "ten European nations signed the North Atlantic Treaty": the European founders (groups.yaml
        # european_allies), or the North American ones
        american = set(groups()["european_allies"].excludes)
        outside = [c for c in founders if (c in american) == part.group("part").casefold().startswith("european")]
        others = len(outside)
        statement += f"; {part.group('part')} founders: {len(founders) - others}"
    elif one_and_others:
        others = 1  # "the U.S. and 11 other countries": the founders less the one named
        statement += f"; the others of one founder: {len(founders) - 1}"
    return _count_claim(
        view,
        q,
        q.end + noun.end(),
        founders,
        statement,
        "founding allies",
        treaty.entered_into_force.year,
        "founders",
        others=others,
    )


#: "his 31 allies", "the other 27 NATO countries", "America's 31 allies": one ally's fellow allies
_OTHERS_BEFORE = re.compile(
    r"\b(?:other|his|her|America's|Washington's|the U\.?S\.?'s|Trump's|Biden's|Obama's)\s+(?:\w+\s+){0,2}$"
)


def _others(view: SentenceView, q: Quantity) -> int:
    """1 when the count is of one ally's fellow allies: "his 31 allies", "the 29 other NATO members"."""
    after = re.match(r"\s+other\b", view.text[q.end :])
    return 1 if _OTHERS_BEFORE.search(view.text[max(0, q.start - 30) : q.start]) or after else 0


def _count_claim(
    view: SentenceView,
    q: Quantity,
    end: int,
    members: list[str],
    statement: str,
    unit: str,
    year: int | None,
    subject: str | None = None,
    *,
    others: int = 0,
) -> Claim:
    """A count of allies compared with the allies natosim lists (``facts-members``); ``others``: 1 when
    the count is of one ally's fellow allies ("Trump assured his 31 allies", "the other 27 countries")."""
    verdict, why = judge(q, len(members) - others, "count")
    return view.claim(
        kind="member_count",
        start=q.start,
        end=end,
        value=q.value,
        qualifier=q.qualifier,
        unit=unit,
        verdict=verdict,
        expected=len(members) - others,
        evidence=[Evidence(statement, "facts-members", len(members))],
        subject=subject,
        year=year,
        note=why,
    )


def _dozens(view: SentenceView) -> list[Quantity]:
    """ "a dozen nations signed the treaty": the count a dozen stands for (the numbers reader reads "a" alone)."""
    return [
        Quantity(12.0, None, 0, True, False, None, m.start(), m.end(), m.group(0), 1.0)
        for m in re.finditer(r"\b(?:a|one)\s+dozen\b", view.text, re.IGNORECASE)
    ]


#: a count of allies that joined after a point: "18 more nations have joined the Alliance" (since its founding),
#: "NATO has added 16 members since 1949", "20 countries have joined since the end of the Cold War" is not read
#: (no date held for it)
_JOINED_SINCE = re.compile(
    r"^\s+(?:more\s+|new\s+|additional\s+|other\s+)?(?:countries|nations|states|members|allies)\s+"
    r"(?:have|had)\s+(?:since\s+)?joined\s+(?:NATO|the\s+[Aa]lliance)\b",
    re.IGNORECASE,
)
_ADDED = re.compile(r"\b(?:NATO|[Aa]lliance)\s+(?:has|had)\s+(?:since\s+)?(?:added|admitted|welcomed|taken in)\s+$")
_SINCE_POINT = re.compile(
    r"\b[Ss]ince\s+(?:(?:its|the alliance's|NATO's)\s+(?:founding|foundation|creation|birth|inception)(?:\s+in\s+"
    r"(?P<fy>(?:19|20)\d\d))?|(?P<y>(?:19|20)\d\d))\b"
)


#: the allies' flags flown together: "31 flags flying together", "the 32 national flags outside NATO headquarters"
_FLAGS = re.compile(
    r"\s+(?:national\s+)?flags\s+(?:(?:now\s+)?(?:fly|flying|flutter\w*|wave|waving|stand|standing|"
    r"raised|hoisted|lined up|line)\b|of (?:the|all|its|NATO's) (?:allies|members|member states|member countries)\b|"
    r"(?:outside|at|in front of) (?:NATO|the alliance's) (?:headquarters|HQ)\b)",
    re.IGNORECASE,
)


def _joined_since(view: SentenceView, q: Quantity) -> Claim | None:
    """ "Since its founding in 1949, 18 more nations have joined the Alliance", "NATO has added 16 members since
    1949": the allies that joined after that point, against the membership at the date judged less the
    membership then (the founders for the founding). Needs the point written and the article's date."""
    text = view.text
    joined = _JOINED_SINCE.match(text[q.end :])
    added = _ADDED.search(text[max(0, q.start - 40) : q.start]) and re.match(
        r"\s+(?:new\s+)?(?:countries|nations|states|members|allies)\b", text[q.end :]
    )
    since = _SINCE_POINT.search(text)
    day = view.context.date
    if not (joined or added) or since is None or day is None or q.decimals or not 1 <= q.value <= 40:
        return None
    treaty = facts.rules().treaty()
    year = since.group("y") or since.group("fy")
    # "since 2004" may count that year's accessions or not: both readings are kept, either may hold
    points = (
        [treaty.entered_into_force]
        if year is None or int(year) == treaty.signed.year
        else [dt.date(int(year), 1, 1) - dt.timedelta(days=1), dt.date(int(year), 12, 31)]
    )
    now = facts.members_on(day)
    counts = {point: len(now) - len(facts.members_on(point)) for point in points}
    then = next((point for point, n in counts.items() if n == q.value), points[-1])
    before = facts.members_on(then)
    count = counts[then]
    end = q.end + (joined.end() if joined else added.end())  # type: ignore[union-attr]
    verdict = "supported" if count == q.value else "contradicted"
    return view.claim(
        kind="member_count",
        start=q.start,
        end=end,
        value=q.value,
        verdict=verdict,
        expected=count,
        unit="allies joined",
        subject="joined-since",
        evidence=[
            Evidence(
                f"{len(before)} allies on {then.isoformat()}, {len(now)} on {day.isoformat()}: {count} joined",
                "facts-members",
                count,
            )
        ],
        note=f"allies that joined after {then.isoformat()}: {count}",
    )


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    text = view.text
    claims: list[Claim] = []
    # "the bloc's 31 members" in an article about NATO (not the EU's bloc)
    nato = bool(_NATO.search(text)) or (
        view.context.about_nato and bool(re.search(r"\bbloc\b", text)) and not _EU.search(text)
    )
    for q in view.quantities + _dozens(view):
        if q.start in used or q.is_fraction:
            continue
        after = text[q.end :]
        flags = _FLAGS.match(text, q.end)
        if (
            flags
            and (nato or view.context.about_nato)
            and view.context.date is not None
            and not q.decimals
            # ("until today, 30 flags flew ...": the flags of another day)
            and not re.search(r"\b(?:until|before|previously|used to|had|once|then|will|soon)\b", view.lower)
        ):
            # "31 flags flying together at NATO headquarters": one flag per ally, at the article's date
            members = facts.members_on(view.context.date)
            claims.append(
                _count_claim(
                    view,
                    q,
                    flags.end(),
                    members,
                    f"{len(members)} allies at the article date {view.context.date.isoformat()} (one flag each)",
                    "allies",
                    view.context.date.year,
                    "membership",
                )
            )
            used.add(q.start)
            continue
        since = _joined_since(view, q) if nato or view.context.about_nato else None
        if since is not None:
            claims.append(since)
            used.add(q.start)
            continue
        # ("The 12 founding states ..." in an article about NATO)
        founders = _founders(view, q) if nato or view.context.about_nato else None
        if founders is not None:
            claims.append(founders)
            used.add(q.start)
            continue
        noun = _MEMBER_NOUN.match(after)
        if (
            noun is None
            and (nato or view.context.about_nato)
            and _MEMBERSHIP_AT.search(text[max(0, q.start - 60) : q.start])
        ):
            # "NATO's membership rose to 32", "bringing the alliance's membership to 31": no noun after
            noun = re.match("", after)
        if noun is None or not 1 <= q.value <= 60 or q.decimals != 0:
            noun = None
        brought = _BROUGHT_TO.match(after)
        bringing = re.search(_BRINGS, text[: q.start])
        if brought and bringing and noun is None and (nato or view.context.about_nato) and 1 <= q.value <= 60:
            # "the enlargement brings to 28 the number of allies": the membership after it
            claims.append(_since_year(view, q, _membership_claim(view, q, brought, "explicit")))
            used.add(q.start)
            continue
        reading = _membership_reading(view, q, noun, nato) if noun is not None else None
        if noun is not None and reading is not None:
            claims.append(_since_year(view, q, _membership_claim(view, q, noun, reading)))
            used.add(q.start)
            continue
        people = _PEOPLE.match(after)
        if people and q.value >= 1e8 and (nato or _PROTECT.search(text)):
            if not nato:
                continue
            claims.append(_population(view, q, q.end + people.end()))
            used.add(q.start)
    for match in _ORDINAL.finditer(text):
        rank = ordinal(match.group("ord"))
        if rank is None:
            continue
        mention = view.subject_of(view.country_near(match.start()), match.start())
        if mention is None and _PRONOUN_SUBJECT.match(text[: match.start()]):
            # "It became the 32nd member of NATO.": the country the sentence before named
            mention = view.context.last_country
        if re.match(r"(?:becoming|as)\b", match.group(0), re.IGNORECASE):
            # a participle takes the sentence's subject: the first country named
            first = [m for m in view.countries if m.end <= match.start()]
            mention = first[0] if first else mention
        if mention is None or not facts.is_ally(mention.iso3):
            continue
        claims.append(_order_claim(view, mention.iso3, rank, match.start("ord"), match.end()))
    claims += _order_in_apposition(view, {c.country for c in claims if c.subject == "accession-order"})
    return claims


#: the order of accession in apposition: "Sweden, NATO's 32nd member, ...", "NATO's newest member,
#: Sweden", "the alliance's 31st ally, Finland"
_ORDER_NOUN = (
    r"(?:NATO's|the alliance's|the bloc's|the)\s+(?P<ord>" + ORDINAL + r"|newest|latest|most recent|youngest)\s+"
    r"(?:member(?: state| country| nation)?|ally)"
)
#: (set off by commas or dashes: "Sweden — NATO's 32nd member — sent troops")
_ORDER_AFTER = re.compile(r"(?:,|\s*[—–]|\s+-)\s+" + _ORDER_NOUN + r"\s*[,;—–)]", re.IGNORECASE)
_ORDER_BEFORE = re.compile(_ORDER_NOUN + r",\s+$", re.IGNORECASE)


def _order_in_apposition(view: SentenceView, done: set[str | None]) -> list[Claim]:
    """ "Sweden, NATO's 32nd member, ..." / "NATO's newest member, Sweden, ...": the ally's place in
    the order of accession ("newest": the last ally to join by the article's date)."""
    found: list[Claim] = []
    for mention in view.countries:
        if mention.iso3 in done or not facts.is_ally(mention.iso3):
            continue
        after = _ORDER_AFTER.match(view.text, mention.end)
        before = _ORDER_BEFORE.search(view.text[max(0, mention.start - 60) : mention.start])
        match = after or before
        if match is None:
            continue
        word = match.group("ord").casefold()
        if word in ("newest", "latest", "most recent", "youngest"):
            if view.context.date is None:
                continue  # the newest ally depends on the article's date
            rank: int | None = len(facts.members_on(view.context.date))
        else:
            rank = ordinal(word)
        if rank is None:
            continue
        start = mention.start if after else mention.start - len(before.group(0)) if before else mention.start
        end = after.end() - 1 if after else mention.end
        while end > start and view.text[end - 1].isspace():
            end -= 1  # ("Sweden — NATO's 32nd member — sent": the dash's space is not quoted)
        claim = _order_claim(view, mention.iso3, rank, start, end)
        if not word[0].isdigit() and view.context.date is not None:
            newest = max(
                facts.members_on(view.context.date), key=lambda code: facts.accession_date(code) or dt.date.min
            )
            claim = dataclasses.replace(
                claim,
                note=f"the newest ally at the article date ({view.context.date.isoformat()}, {rank} allies) is "
                f"{newest}; order of accession by date of deposit",
            )
        found.append(claim)
        done.add(mention.iso3)
    return found


def _order_claim(view: SentenceView, code: str, rank: int, start: int, end: int) -> Claim:
    """The ally ``code`` is the ``rank``-th to join (allies joining on one day share their ranks)."""
    joined = facts.accession_date(code)
    assert joined is not None
    before = len(facts.members_on(joined - dt.timedelta(days=1)))
    through = len(facts.members_on(joined))
    verdict = "supported" if before < rank <= through else "contradicted"
    expected = str(through) if through - before == 1 else f"{before + 1}–{through}"
    evidence = [
        Evidence(
            f"{code} acceded {joined.isoformat()}; allies before: {before}, after: {through}",
            "facts-members",
            through,
        )
    ]
    return view.claim(
        kind="member_count",
        start=start,
        end=end,
        value=rank,
        unit="accession order",
        verdict=verdict,
        expected=expected,
        evidence=evidence,
        country=code,
        subject="accession-order",
        note="order of accession by date of deposit",
    )


#: a count reached by a change: "increasing to 18 countries", "up from 11 to 23 allies", "rising to 23"
_CHANGED_TO = re.compile(
    r"\b(?:increas\w*|ris(?:e|es|ing|en)|rose|grow\w*|grew|climb\w*|jump\w*|swell\w*|fall\w*|fell|dropp?\w*|"
    r"declin\w*|up|down|doubl\w*)\s+(?:\w+\s+){0,2}?(?:to|from)\s+(?:just\s+|only\s+|some\s+)?$",
    re.IGNORECASE,
)
#: a sentence about meeting a spending target (a count in it may be of those meeting it)
_TARGET_TALK = re.compile(r"%|\bper ?cent\b|\btarget\b|\bGDP\b|\bguideline\b|\bbenchmark\b|\bspend", re.IGNORECASE)
#: a determiner that makes "N other allies" all the others: "the 31 other allies", "its 31 partners"
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|its|his|her|their|our|all|NATO's|alliance's|[A-Z][\w.]*'s)\s+(?:\w+\s+)?$", re.IGNORECASE
)
#: what the subject of a count does when the count picks out those who do it: meet, reach, spend, fulfil
_DOES_AFTER = re.compile(
    r"(?:\s+(?:nations|states|countries|allies|members))?\s+(?:(?:have|has|had|will|would|are|were|is|was)\s+)?"
    r"(?:(?:already|now|so far|since|also|all|each|"
    r"successfully|actually)\s+)*(?:be(?:en)?\s+)?(?:met|meet(?:s|ing)?|reach(?:ed|es|ing)?|hit(?:s|ting)?|"
    r"fulfil+(?:s|ed|ing)?|achiev(?:e|ed|es|ing)|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|spen[dt]s?|spending|"
    r"pa(?:y|ys|id|ying)|compl(?:y|ied|ies|ying)|miss(?:ed|es)?|f(?:a|e)ll(?:s|en)?\s+short|lag(?:s|ged)?|"
    r"honou?r(?:s|ed)?|allocat(?:e|es|ed|ing)|devot(?:e|es|ed|ing)|invest(?:s|ed)?)\b",
    re.IGNORECASE,
)


def _membership_reading(view: SentenceView, q: Quantity, noun: re.Match[str], nato: bool) -> str | None:
    """How the count ``q`` followed by a member noun names the membership: "explicit" ("NATO has 32
    members", "the 32-nation alliance", "NATO's 32 allies"), "whole" (a part of it: "11 of the 31
    allies", "leaders of the 32 NATO nations"), "plain" (a count with a lead word only: "with 32
    allies") — or None when it is not the membership (some allies picked out, a change, an estimate)."""
    text = view.text
    after = text[q.end :]
    before = text[max(0, q.start - 40) : q.start]
    rest = after[noun.end() :]
    hyphen = noun.group(0).startswith("-")
    if re.search(r"\b(?:like|unlike|joining|alongside)\s+$", before, re.IGNORECASE):
        # "meets the standard, just like 22 other countries": those that share what is said, some allies
        # (with "the" — "like the 31 other allies" — all the others still are)
        return None
    if (
        _CHANGED_TO.search(before)
        and _TARGET_TALK.search(text)
        and not _MEMBERSHIP_AT.search(text[max(0, q.start - 60) : q.start])
    ):
        # "ten allies met the target in 2023, increasing to 18 countries in 2024": a count of those meeting it
        # that changed, not the membership (which "membership"/"the number of members" would name)
        return None
    if re.match(r"\s+other\b", after) and not _DETERMINER_BEFORE.search(before):
        # "Norway and 23 other countries have reached 2%", "Poland, along with 10 other allies, ...": an
        # indefinite count of others (no "the", "its", "all") picks out some allies; "the 31 other
        # allies" / "its 31 allies" are all the others
        return None
    # one ally's fellow allies are all the others ("Trump assured his 31 allies", "the other 27 countries")
    explicit = (
        hyphen
        or bool(_EXPLICIT_LEAD.search(before))
        or bool(_others(view, q))
        or bool(re.match(r"\s+strong\b", rest))  # "NATO, now 32 members strong"
        or bool(_MEMBERSHIP_AT.search(text[max(0, q.start - 60) : q.start]))  # "membership stands at 31"
    )
    denominator = any(
        # "11 of the 31 allies", "18 of the alliance's 31 countries": a part of the whole
        other.end < q.start
        and re.fullmatch(
            r"\s+(?:of|out of)\s+(?:the\s+|its\s+|NATO's\s+|all\s+)?(?:(?:military\s+)?alliance's\s+)?"
            # "7 out of then 30 member nations": the whole as it then was
            r"(?:(?:the\s+)?then\s+)?",
            text[other.end : q.start],
        )
        for other in view.quantities
    )
    of_alliance = bool(
        re.match(
            r"\s+(?:of|in|comprising|making up|forming|that (?:make|made|form) up|that form|"
            # "32 countries make up NATO", "30 nations formed the alliance"
            r"(?:now\s+)?(?:make|made) up|(?:now\s+)?(?:form|comprise|constitute)|"
            # "31 states will belong to the western military alliance", "32 countries now belong to NATO"
            r"(?:(?:will|now|already|currently)\s+)?(?:belong|belongs|belonged)\s+to)\s+(?:the\s+)?"
            r"(?:(?:western|transatlantic|Atlantic|North Atlantic)\s+)?(?:NATO|[Aa]lliance|North Atlantic|"
            r"military alliance)\b",
            rest,
            re.IGNORECASE,
        )
    )
    whole = (
        explicit
        or denominator
        or bool(_PART_OF_WHOLE.search(before))
        # "the 32 members of the alliance agreed ...", "the 32 countries in the NATO alliance"
        or of_alliance
    )
    if re.search(r"\b(?:EU|European Union|eurozone|euro zone|G7|G20|UN)(?:'s)?\s+(?:\w+\s+)?$", before) or re.match(
        r"\s+(?:of|in)\s+(?:the\s+)?(?:EU|European Union|eurozone|euro zone|G7|G20|UN)\b", rest
    ):
        return None  # "the EU's 27 member states", "the 27 members of the EU": another body's members
    # an article about NATO names the membership without the word ("the 32-strong club", "31 of 32
    # members will meet the benchmark")
    if not (nato or (whole and view.context.about_nato and not _EU.search(text))):
        return None
    lead = _COUNT_LEAD.search(text[max(0, q.start - 30) : q.start]) or noun.group(0).startswith(
        ("-", " member", " nation", " strong")
    )
    if not (lead or whole):
        return None
    if re.match(r"\s+(?:of\s+(?:the|its)\s+\d+|out of)", after):
        return None  # "11 of the 31": the part, read as a count at a target elsewhere
    founders = len(facts.members_on(facts.rules().treaty().entered_into_force))
    stated = _VERBAL_LEAD.search(text[max(0, q.start - 60) : q.start]) or _MEMBERSHIP_AT.search(
        text[max(0, q.start - 60) : q.start]
    )
    if q.value < founders and not stated:
        # fewer allies than ever formed the alliance, unless a verb says it is the membership ("NATO has
        # 10 members"): "the seven nations to meet the target", "all eight allies", "the eight-nation
        # group", "Poland and seven other allies" are some allies
        return None
    if re.search(r"\b[Aa]ll(?: of)?(?: the)?\s+$", before) and re.match(
        r"\s+(?:that|who|which)\s+(?!(?:make|made|form|formed|comprise)\b)|\s+(?!including\b)[a-z]+ing\b", rest
    ):
        return None  # "all 23 allies that meet the target": all of a subset
    if (
        not (explicit or denominator or of_alliance)
        and _DOES_AFTER.match(rest)
        and not _DETERMINER_BEFORE.search(before)
        and not re.match(r"[\w\s]*?\bmet\s+(?:in|at|on|with|for|to|last|this|here|there)\b", rest)
    ):
        # "as of today, 23 member nations have fulfilled this commitment", "21 allies now spend 2%": a count
        # that is the subject of meeting, reaching or spending counts those who do it, not the membership
        # ("all 32 allies have met it", "the 32 NATO nations met in The Hague": all of them)
        return None
    if not explicit:
        # some allies picked out: a list after the count, what they do, a pointer back, or fewer
        # allies than ever formed the alliance ("the seven nations to meet the target")
        # (what follows "20 of the 28 allies" is said of the 20)
        # ("the last of the 31 allies to ratify": the last of all of them)
        last = re.search(r"\b(?:last|first)\s+of\s+\S+\s+$", before, re.IGNORECASE)
        if (_SUBSET_AFTER.match(rest) and not (denominator or last or of_alliance)) or _SUBSET_BEFORE.search(before):
            return None
        # "the ministers of the 31 allies and Sweden", "32 allies plus Ukraine": a mixed group with a
        # country named after the count
        joined = re.match(r"\s+(?:and|plus|as well as|along with|together with)\s+(?:the\s+)?", rest)
        if joined is not None and any(m.start == q.end + noun.end() + joined.end() for m in view.countries):
            return None
        if not whole and _NOT_MEMBERSHIP.match(rest):
            return None
        if not whole and _CHANGE_OR_ESTIMATE.search(before):
            return None  # "an increase of seven countries", "an estimate of 18 members": not the membership
    return "explicit" if explicit else "whole" if whole else "plain"


def _membership_claim(view: SentenceView, q: Quantity, noun: re.Match[str], reading: str) -> Claim:
    """A count of the membership judged on the allies at the date the sentence gives it (a framing
    year: "As of 2023, NATO has 32 members" is judged on 2023), else at the article's date."""
    text = view.text
    framed = _framing_year(view, q)
    # "In 2023, NATO surveyed all 31 allies" / "In 2023, 22 of NATO's 32 members met the target": the year
    # dates an event; the whole may be named as of then or as the article knows it — both are read, the
    # better kept ("As of 2023, NATO has 32 members" and "In 2016, NATO had 28 members" state the count)
    both = (
        framed is not None
        and not _VERBAL_LEAD.search(text[max(0, q.start - 60) : q.start])
        and not re.match(r"\W*(?:[Aa]s of|[Aa]t the (?:end|start|beginning) of)\b", text)
    )
    if framed is not None:
        first = facts.members_on(dt.date(framed, 1, 1))
        last = facts.members_on(dt.date(framed, 12, 31))
        others = _others(view, q)
        counts = sorted({len(first) - others, len(last) - others})
        held = next((n for n in counts if judge(q, n, "count")[0] == "supported"), None)
        members = last if held is None or held == len(last) - others else first
        statement = f"{len(first)} allies on {framed}-01-01 and {len(last)} on {framed}-12-31 (year stated)"
        if both and held is None and view.context.date is not None:
            today = facts.members_on(view.context.date)
            statement += f"; {len(today)} at the article date {view.context.date.isoformat()}"
            if judge(q, len(today) - others, "count")[0] == "supported":
                members = today
        statement += f"; the others of one ally: {len(members) - 1}" if others else ""
        claim = _count_claim(
            view, q, q.end + noun.end(), members, statement, "allies", framed, "membership", others=others
        )
        later = _earlier_membership(q, dt.date.max, others)
        if both and claim.verdict == "contradicted" and view.context.date is None and later and later.year > framed:
            # without the article's date, the whole may be named as a later article knows it
            return dataclasses.replace(
                claim,
                verdict="not checkable",
                note=f"the article's date is unknown and {q.value:g} was the membership from {later.isoformat()}; "
                f"natosim holds {claim.expected} in {framed} ({claim.note})",
            )
        return claim
    day, how = _count_date(view, q.start)
    members = facts.members_on(day)
    whole = reading in ("explicit", "whole")
    # a count a dated verb states ("the number of members grew to 32 in 2023", "NATO had 28 members in
    # 2016") is of that year; a whole named beside what a part did ("22 of NATO's 32 members met 2% in
    # 2023") is named as the article knows it
    stated = _VERBAL_LEAD.search(text[max(0, q.start - 60) : q.start])
    if whole and not stated and day is not None and view.context.date is not None and day != view.context.date:
        # "22 of NATO's 32 members met 2% in 2023": the whole is named as the article knows it
        today = facts.members_on(view.context.date)
        if judge(q, len(today) - _others(view, q), "count")[0] == "supported":
            day, how, members = view.context.date, f"members at the article date {view.context.date}", today
    others = _others(view, q)
    if re.match(r"\s+European\b", noun.group(0)):
        # "NATO's 30 European members": the European allies (groups.yaml european_allies), not all of them
        excluded = set(groups()["european_allies"].excludes)
        others = len([code for code in members if code in excluded])
        statement = f"{len(members)} allies ({how}); European allies: {len(members) - others}"
        return _count_claim(
            view,
            q,
            q.end + noun.end(),
            members,
            statement,
            "European allies",
            day.year if day else None,
            "european-allies" if day is not None else None,
            others=others,
        )
    statement = f"{len(members)} allies ({how})" + (f"; the others of one ally: {len(members) - 1}" if others else "")
    # a count that says it is the membership, with a date to judge it on, is judged as such (evidence's
    # "some of them" abstention is for counts that may be a subset); without a date it stays open
    subject = "membership" if whole and day is not None and not _other_years(view, q, day) else None
    claim = _count_claim(
        view,
        q,
        q.end + noun.end(),
        members,
        statement,
        "allies",
        day.year if day else None,
        subject,
        others=others,
    )
    if (
        claim.verdict == "contradicted"
        and view.context.date is None
        and day is not None
        and whole
        # ("... have now reached it": now is at least the year of the data)
        and not re.search(r"\bnow\b", text)
        and any(
            len(facts.members_on(on)) - others == q.value
            for on in (dt.date(day.year, 1, 1), dt.date(day.year + 1, 12, 31))
        )
    ):
        # "18 of the alliance's 31 countries are set to meet the target in 2024": the year dates what the
        # allies do; the whole is named as the article's day knew it, and that day is unknown
        return dataclasses.replace(
            claim,
            verdict="not checkable",
            note=f"the article's date is unknown and {q.value:g} was the membership in {day.year} or the "
            f"year after; natosim holds {claim.expected} ({claim.note})",
        )
    if (
        claim.verdict == "contradicted"
        and day is not None
        and _RANKED_AMONG.search(text[max(0, q.start - 60) : q.start])
    ):
        at_act = _membership_within_year(q, day, others)
        if at_act is not None:
            # "Hungary, the last country among the 31 members to give its approval": the members when the
            # act ranked was done (before the latest accession), not on the article's day
            return dataclasses.replace(
                claim,
                verdict="supported",
                expected=q.value,
                note=f"the members when the act ranked was done: {q.value:g} until {at_act.isoformat()}, within "
                f"a year before the date judged ({claim.note})",
            )
    earlier = _earlier_membership(q, day, others)
    told_in_past = bool(_PAST.search(text)) and not _PRESENT.search(text)
    if claim.verdict == "contradicted" and earlier is not None and not view.years and told_in_past:
        # "It was me that got 20 out of 28 NATO countries to start paying": told in the past, without a
        # year, a count that was the membership then (28 from 2009 to 2017) is not judged on today's
        return dataclasses.replace(
            claim,
            verdict="not checkable",
            note=f"told in the past without a year: {q.value:g} was the membership from {earlier.isoformat()}; "
            f"natosim holds {claim.expected} at the date judged ({claim.note})",
        )
    return claim


#: present-tense anchors: the count is of the membership now
_PRESENT = re.compile(
    r"\b(?:now|currently|today|has|have|is|are|will|says?|shows?|this year|presently)\b", re.IGNORECASE
)
_PAST = re.compile(r"\b(?:was|were|had|got|did|made|paid|went|\w{3,}ed)\b", re.IGNORECASE)


#: "Since 2023, NATO has had 32 members", "NATO has had 32 members since 2023": the count held from that year on
_SINCE_LEAD = re.compile(r"^\W*[Ss]ince\s+$")
_HAS_HAD = re.compile(r"\b(?:has|have)\s+(?:had|counted|numbered|comprised|been made up of)\s+$", re.IGNORECASE)


def _since_year(view: SentenceView, q: Quantity, claim: Claim) -> Claim:
    """A membership told as held since a year is also judged on that year: the count must have been
    reached by the year's end (Sweden made 32 only on 2024-03-07, so "since 2023" is contradicted)."""
    if claim.verdict != "supported" or claim.subject != "membership":
        return claim
    if not _HAS_HAD.search(view.text[max(0, q.start - 30) : q.start]):
        return claim
    for year, start, _ in view.years:
        led = start < q.start and _SINCE_LEAD.match(view.text[:start])
        trailing = start > q.end and re.search(r"\bsince\s+$", view.text[q.end : start])
        if not (led or trailing):
            continue
        last = facts.members_on(dt.date(year, 12, 31))
        if q.value <= len(last):
            return claim
        reached = _earlier_membership(q, dt.date.max, 0)
        when = f"; {q.value:g} only from {reached.isoformat()}" if reached is not None else ""
        return dataclasses.replace(
            claim,
            verdict="contradicted",
            expected=f"{len(last)} allies on {year}-12-31",
            evidence=(
                Evidence(f"{len(last)} allies on {year}-12-31 (since-year stated){when}", "facts-members", len(last)),
            ),
            note=f"the membership was {len(last)} at the end of {year}{when}",
        )
    return claim


#: a rank among the members for an act: "the last country among the 31 members to ratify", "the first of
#: the 29 allies to approve", "the only one of the 30 allies that ..."
_RANKED_AMONG = re.compile(
    r"\b(?:last|first|only|final|sole|latest)\s+(?:(?:\w+\s+){0,2}?)(?:of|among|amongst)\s+"
    r"(?:the\s+|its\s+|NATO's\s+|all\s+)?(?:(?:then|alliance's|bloc's)\s+)?$",
    re.IGNORECASE,
)
#: how long before the date judged an act ranked among the members may have been done
_ACT_WINDOW = dt.timedelta(days=366)


def _membership_within_year(q: Quantity, day: dt.date, others: int) -> dt.date | None:
    """The last day of a membership (less ``others``) equal to ``q`` that ended within a year before ``day``
    (the day before an accession in that year), else None."""
    joins = sorted({d for d in (facts.accession_date(code) for code in facts.members_on(None)) if d is not None})
    for joined in joins:
        if day - _ACT_WINDOW <= joined <= day:
            before = joined - dt.timedelta(days=1)
            if len(facts.members_on(before)) - others == q.value:
                return before
    return None


def _earlier_membership(q: Quantity, day: dt.date | None, others: int) -> dt.date | None:
    """The first day the membership (less ``others``) was ``q``, if that was before ``day``."""
    if day is None:
        return None
    joins = sorted({d for d in (facts.accession_date(code) for code in facts.members_on(None)) if d is not None})
    for joined in joins:
        if joined < day and len(facts.members_on(joined)) - others == q.value:
            return joined
    return None


def _framing_year(view: SentenceView, q: Quantity) -> int | None:
    """The year that opens the sentence and dates what follows ("As of 2023, NATO has 32 members")."""
    for year, start, _ in view.years:
        if start < q.start and _YEAR_FRAME.match(view.text[:start]):
            return year
    return None


def _other_years(view: SentenceView, q: Quantity, day: dt.date) -> bool:
    """A year in the sentence other than the one the count is judged at ("... up from three in
    2014"), or "last year": the count may be that year's membership."""
    if re.search(r"\b(?:last|previous|past) year\b|\ba year (?:ago|earlier)\b", view.text, re.IGNORECASE):
        return True
    # (a year that dates an event is not one the count may be of: "Formed in 1949, NATO is an alliance of 31")
    return any(
        year != day.year and not _EVENT_BEFORE_YEAR.search(view.text[max(0, start - 40) : start])
        for year, start, _ in view.years
    )


def _population(view: SentenceView, q: Quantity, end: int) -> Claim:
    edition = None
    years = facts.population_years(edition)
    year, how, year_from = view.year_near(q.start, carry=False)
    dated_events = [y for y, start, _ in view.years if _EVENT_BEFORE_YEAR.search(view.text[max(0, start - 40) : start])]
    if year_from == "stated" and year in dated_events:
        # the year dates an event ("the alliance, created in 1949, now covers..."): the count is at
        # the article date
        day = view.context.date
        year, how, year_from = (day.year, "article date", "article date") if day else (None, "not stated", None)
    common: dict[str, Any] = {
        "kind": "population_covered",
        "start": q.start,
        "end": end,
        "value": q.value,
        "qualifier": q.qualifier,
        "unit": "people",
    }
    if not years or (year is not None and year < years[0]):
        return view.claim(
            **common,
            verdict="not checkable",
            year=year,
            note=f"natosim holds the allies' population for {years[0] if years else '—'}–"
            f"{years[-1] if years else '—'} only",
        )
    if year is None or year not in years:
        prefix = f"no population for {year}; " if year is not None else ""
        target = min(year, years[-1]) if year is not None else years[-1]
        year, how, year_from = max(y for y in years if y <= target), f"{prefix}latest year with population", "inferred"
    found = facts.population_covered(year, edition)
    assert found is not None
    people, allies, source, used_edition = found
    verdict, why = judge(q, people, "population")
    evidence = [
        Evidence(
            f"{allies} allies in {year}: {people / 1e6:,.0f} million people (derived from NATO GDP "
            f"tables, edition {used_edition})",
            source,
            round(people),
            used_edition,
        )
    ]
    return view.claim(
        **common,
        verdict=verdict,
        expected=round(people, -6),
        evidence=evidence,
        year=year,
        note=f"{why}; year: {how}",
        year_source=year_from,
    )
