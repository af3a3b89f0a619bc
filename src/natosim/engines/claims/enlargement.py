"""Accessions written the many ways reporters tell NATO's enlargement (issue 17, round 4): a year
before a list of allies ("In 1999, Poland, Hungary and the Czech Republic joined NATO"), a count of
newcomers with its list ("In 2004 another seven countries joined, including Estonia, Latvia and
Lithuania"), enlargement told as a chronicle ("NATO grew by including Greece and Turkey in 1952 and
West Germany in 1955"), and a list named in the sentence before ("These nations ... officially joined
NATO on 29 March 2004"). Each ally of the list is one claim, judged on its accession date in
natosim's members data (``facts-members``: the day its instrument of accession was deposited)."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from natosim.engines.claims import facts
from natosim.engines.claims.context import MONTH_NAMES, SentenceView
from natosim.engines.claims.gazetteer import Mention

#: adverbs between the joiners and the verb ("Poland, Hungary and the Czech Republic officially joined")
_ADVERBS = r"(?:\s+(?:all|both|together|officially|formally|finally|then|also|eventually|later|each))*"
#: joined NATO itself (not the EU, a programme or someone's request)
_JOINED = re.compile(
    _ADVERBS + r"\s+(?:joined|acceded to|entered|were admitted to|were admitted into|became (?:full )?members of|"
    r"were welcomed into)\s+(?:NATO|the (?:North Atlantic |military |Atlantic |western )?[Aa]lliance|"
    r"the North Atlantic Treaty Organi[sz]ation)\b(?![-'])"
    r"|" + _ADVERBS + r"\s+(?:joined|acceded|were admitted|became (?:full\s+)?(?:NATO\s+)?members)\b"
    r"(?!\s+(?:the|a|an|in talks|forces)\b)",
)
_LISTED = re.compile(r"\s*(?:,|,?\s+and|,?\s+&)\s+(?:the\s+)?")
#: what may stand between a leading year (or full date) and the first joiner: "In 1999, Poland ..."
_AFTER_YEAR = re.compile(r",?\s+(?:the\s+)?")
#: "another seven countries joined", "seven more nations became members", "ten new members joined"
_COUNTED = re.compile(
    r"\b(?:another|a further|other)?\s*(?P<n>\w+)\s+(?:more\s+|new\s+|other\s+|former\s+[\w-]+\s+)?"
    r"(?:countries|nations|states|members|allies)\s+(?:\w+\s+)?"
    r"(?:joined|acceded|were admitted|became (?:full )?members)\b"
)
#: where the list of a count of newcomers starts: "..., including Estonia", "...: Estonia, ..."
_LIST_START = re.compile(r"\b(?:including|among them|namely|such as)\b|:")
#: enlargement told as a chronicle: "NATO grew by including ...", "the alliance expanded to include ..."
_GREW = re.compile(
    r"\b(?:grew|expanded|enlarged|widened|extended)\b[^.;]{0,30}?\b(?:by (?:including|admitting|adding|taking in|"
    r"welcoming|bringing in)|to (?:include|take in|admit)|with the (?:accession|addition|entry) of|admitting|"
    r"adding|taking in|welcoming)\b",
    re.IGNORECASE,
)
_NOT_DONE = re.compile(
    r"\b(?:appl\w+|bid|seek\w*|sought|invit\w*|want\w*|hope\w*|aspir\w*|could|would|may|might|plan\w*|will|"
    r"not|never|yet|talks?|wish\w*|intend\w*|propos\w*|consider\w*|approv\w*|vot(?:e|ed|es|ing)|decid\w*|"
    r"agree\w*|endors\w*)\b",
    re.IGNORECASE,
)
#: a list named before, taken up by the next sentence ("These nations", "They", "All seven")
_THESE = re.compile(
    r"^\W*(?:These|Those|The|All|Both|The\s+\w+)\s+(?:\w+\s+)?(?:nations|countries|states|allies|members)\b"
    r"|^\W*(?:They|All\s+\w+|The\s+(?:two|three|four|five|six|seven|ten)\s+of them)\b"
)


class Joiner(NamedTuple):
    """An ally said to have joined in ``year`` (written at ``ystart``-``yend``)."""

    mention: Mention
    year: int
    ystart: int
    yend: int
    #: the list is read by its structure, the verb outside the year's clause ("In 2002 another seven
    #: countries joined, including ...: Estonia, Latvia and Lithuania", "grew by including A in 1952 and
    #: B in 1955"): the claim's subject says so
    listed: bool = False


def _another_state(view: SentenceView, mention: Mention) -> bool:
    """ "East Germany", "the former Yugoslavia": a name the gazetteer reads as an ally that is another
    state (the GDR never acceded; its territory joined with reunification in 1990)."""
    return bool(
        re.search(
            r"\b(?:East|Eastern|former|Soviet|communist)\s+$", view.text[max(0, mention.start - 12) : mention.start]
        )
    )


def listed_after(view: SentenceView, first: Mention) -> list[Mention]:
    """``first`` and the countries listed right after it ("Poland, Hungary and the Czech Republic")."""
    chain = [first]
    for other in [m for m in view.countries if m.start >= first.end]:
        if not _LISTED.fullmatch(view.text[chain[-1].end : other.start]):
            break
        chain.append(other)
    return chain


def _allies(chain: list[Mention], view: SentenceView | None = None) -> list[Mention]:
    seen: set[str] = set()
    found = []
    for mention in chain:
        if view is not None and _another_state(view, mention):
            continue
        if facts.accession_date(mention.iso3) is not None and mention.iso3 not in seen:
            seen.add(mention.iso3)
            found.append(mention)
    return found


def year_first_list(view: SentenceView, year: int, ystart: int, yend: int) -> list[Joiner]:
    """ "In 1999, Poland, Hungary and the Czech Republic joined NATO", "On March 12, 1999, Poland, ...":
    a year (or date) leading a list of two or more allies and a verb of joining."""
    led = _AFTER_YEAR.match(view.text, yend)
    first = next((m for m in view.countries if led is not None and m.start == led.end()), None)
    if first is None:
        return []
    chain = listed_after(view, first)
    if len(chain) < 2:
        return []  # one ally: events reads it
    joined = _JOINED.match(view.text, chain[-1].end)
    if joined is None or _NOT_DONE.search(joined.group(0)):
        return []
    return [Joiner(mention, year, ystart, yend) for mention in _allies(chain, view)]


def counted_joiners(view: SentenceView, taken: set[int]) -> list[Joiner]:
    """ "In 2002 another seven countries joined, including ... Estonia, Latvia and Lithuania": each ally
    listed after a count of newcomers joined in the year of that clause."""
    found: list[Joiner] = []
    for match in _COUNTED.finditer(view.text):
        if _NOT_DONE.search(match.group(0)):
            continue
        # the year of the clause: "In 2002 another seven ...", "... joined in 2004, including ..."
        clause_start = max((m.end() for m in re.finditer(r"[;.]", view.text[: match.start()])), default=0)
        years = [
            (y, s, e)
            for y, s, e in view.years
            if s not in taken and (clause_start <= s < match.start() or match.end() <= s <= match.end() + 12)
        ]
        start = _LIST_START.search(view.text, match.end())
        if len(years) != 1 or start is None:
            continue
        year, position, end = years[0]
        # the first list of two or more allies after it ("including three of Russia's neighbours:
        # Estonia, Latvia and Lithuania")
        chains = [_allies(listed_after(view, m), view) for m in view.countries if m.start >= start.end()]
        allies = next((chain for chain in chains if len(chain) >= 2), [])
        if not allies or re.search(r"[;.]", view.text[match.end() : allies[0].start]):
            continue
        found += [Joiner(mention, year, position, end, listed=True) for mention in allies]
        taken.add(position)
    return found


def chronicle(view: SentenceView, taken: set[int]) -> list[Joiner]:
    """ "NATO grew by including Greece and Turkey in 1952 and West Germany in 1955, and then later
    Spain in 1982": the allies named before each year joined in that year. Also the gapped chronicle
    after a verb of joining: "Finland joined in April 2023, Sweden in March 2024" (the first clause is
    read by ``events``, the gapped ones here)."""
    verb = _GREW.search(view.text)
    if verb is None and not _SPENDING.search(view.text):
        # "follows the addition of Bulgaria, ... in 2004; Czech Republic, Hungary and Poland in 1999"
        verb = _ADDED.search(view.text)
    gapped = False
    if verb is None:
        verb = _GAPPED_FROM.search(view.text)
        gapped = True
    if verb is None or not (re.search(r"\b(?:NATO|[Aa]lliance)\b", view.text) or view.context.about_nato):
        return []
    found: list[Joiner] = []
    position = verb.end()
    # "The first expansion occurred in 1952 with the inclusion of Greece and Turkey, followed by ...": the
    # year before the addition dates the list right after it
    lead = re.search(r"\bin\s+((?:19|20)\d\d)\s+with\s+(?:the\s+)?$", view.text[: verb.start()])
    first = next((m for m in view.countries if re.fullmatch(r"\s+(?:the\s+)?", view.text[verb.end() : m.start])), None)
    if lead is not None and first is not None and verb.re is _ADDED:
        ystart = lead.start(1)
        chain = listed_after(view, first)
        if ystart not in taken:
            found += [
                Joiner(mention, int(lead.group(1)), ystart, lead.end(1), listed=True)
                for mention in _allies(chain, view)
            ]
            taken.add(ystart)
        position = chain[-1].end
    for year, ystart, yend in view.years:
        if ystart < position:
            continue
        if "(" in view.text[position:ystart] and ")" not in view.text[position:ystart]:
            continue  # "West Germany in 1955 (later referred to as Germany from 1990)": an aside's year
        if gapped and not _GAP.fullmatch(view.text[position:ystart]):
            break  # only clauses without a verb of their own continue the chronicle
        # (a possessive is not a newcomer: "Portugal's neighbour Spain")
        aside = view.text.rfind(")", position, ystart)  # not a name inside an aside before the year
        segment = [
            m
            for m in view.countries
            if max(position, aside) <= m.start < ystart
            and not re.match(r"'s\b", view.text[m.end :])
            and not _another_state(view, m)
        ]
        if ystart in taken or not segment or not _IN_DATE.search(view.text[position:ystart]):
            position = yend
            continue
        found += [Joiner(mention, year, ystart, yend, listed=True) for mention in _allies(segment, view)]
        taken.add(ystart)
        position = yend
    return found


#: a month written before a year ("in April 2023"), or none
_MONTH = rf"(?:(?:{MONTH_NAMES})\s+)?"
#: enlargement told by its additions: "follows the addition of A, B in 2004; C in 1999", "This was
#: followed by the inclusion of Albania and Croatia in 2009, Montenegro in 2017"
_ADDED = re.compile(
    r"\b(?:addition|inclusion|admission|accession|entry)s?\s+of\b|\badditions\s+(?:include|included|were)\b",
    re.IGNORECASE,
)
#: a sentence about spending: an addition there is to a group of allies meeting a target, not NATO
_SPENDING = re.compile(r"%|\bper ?cent\b|\bGDP\b|\bspend|\btarget\b|\bbudget", re.IGNORECASE)
#: a verb of joining dated by a year: the start of a gapped chronicle ("Finland joined in April 2023")
_GAPPED_FROM = re.compile(
    r"\b(?:joined|acceded|became (?:members|a member|an ally))\s+(?:(?:NATO|the alliance)\s+)?in\s+"
    + _MONTH
    + r"(?:19|20)\d\d\b"
)
#: a gapped clause: ", Sweden in March 2024", "and West Germany in 1955", "then Spain in 1982" (after
#: an aside in brackets: "(later referred to as Germany from 1990), Spain in 1982")
_GAP = re.compile(
    r"(?:\s*\([^()]*\))?"
    r"\s*(?:,|;|,?\s+and|,?\s+then|,?\s+followed by|,?\s+and then(?: later)?)\s+(?:later\s+)?(?:by\s+)?"
    r"(?:the\s+)?[A-Z][\w.'-]*(?:\s+(?:and\s+|&\s+)?(?:the\s+)?[A-Z][\w.'-]*)*?(?:,\s+[A-Z][\w.'-]*)*"
    r"(?:,?\s+and\s+(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)?\s+in\s+" + _MONTH
)


_IN_DATE = re.compile(r"\bin\s+" + _MONTH + "$")


def respectively(view: SentenceView, taken: set[int]) -> list[Joiner]:
    """ "Finland and Sweden joined NATO in 2023 and 2024 (respectively)": each ally with its own year —
    the allies listed before the verb and as many dates listed right after it, in the same order."""
    found: list[Joiner] = []
    for verb in _JOIN_VERB.finditer(view.text):
        dates = _DATE_LIST.match(view.text, verb.end())
        if dates is None:
            continue
        years = [(y, s, e) for y, s, e in view.years if verb.end() <= s < dates.end()]
        listed = [m for m in view.countries if m.end <= verb.start()]
        chain = listed_after(view, listed[-len(years)]) if years and len(listed) >= len(years) else []
        if len(years) < 2 or len(chain) != len(years) or chain[-1] is not listed[-1]:
            continue
        if not re.fullmatch(r"\s+(?:\w+\s+){0,3}?", view.text[chain[-1].end : verb.start()] + " "):
            continue
        for mention, (year, ystart, yend) in zip(chain, years, strict=True):
            if facts.accession_date(mention.iso3) is not None:
                found.append(Joiner(mention, year, ystart, yend, listed=True))
            taken.add(ystart)
    return found


#: dates listed after the verb: "in 2023 and 2024", "in April 2023 and March 2024, respectively"
_DATE_LIST = re.compile(
    rf"\s+in\s+{_MONTH}(?:19|20)\d\d(?:\s*,\s*{_MONTH}(?:19|20)\d\d)*,?\s+and\s+(?:in\s+)?{_MONTH}(?:19|20)\d\d\b"
)


#: a verb of joining NATO (for "respectively")
_JOIN_VERB = re.compile(
    r"\b(?:joined|acceded to|became (?:members|allies)|were admitted)\s+(?:to\s+|of\s+)?(?:NATO|the alliance)\b"
    r"|\b(?:joined|acceded|became (?:NATO )?members|were admitted)\b"
)


def taken_up(view: SentenceView) -> bool:
    """The sentence starts with a pointer to a list named before ("These nations", "They")."""
    return bool(_THESE.match(view.text))


def remember_list(view: SentenceView, store: Any) -> None:
    """Keep the allies the sentence lists (two or more) for a next sentence that says "These nations"."""
    for first in view.countries:
        chain = _allies(listed_after(view, first))
        if len(chain) >= 2:
            store.listed_allies = [m.iso3 for m in chain]
            return


#: an ally with its accession year in brackets, as membership lists write it: "Albania (2009)",
#: "Germany (1955, as West Germany)", "Poland (joined 1999)"
_BRACKET_YEAR = re.compile(
    r"\s*\(\s*(?:joined\s+(?:in\s+)?|since\s+|member since\s+)?((?:19|20)\d\d)\b(?=[^()]{0,40}\))"
)
#: figures that make a bracketed year something else's ("Poland (2023): 3.9% of GDP")
_FIGURES = re.compile(r"%|\bper ?cent\b|[$€£]|\bGDP\b|\bbillion\b|\bmillion\b|\bArticle\b|\bArt\.", re.IGNORECASE)


def bracketed(view: SentenceView, taken: set[int]) -> list[Joiner]:
    """A membership list with years in brackets: each ally with its year is an accession claim. Read
    only where the list is plain — the item alone on its line ("Albania (2009)") or two or more allies
    with bracketed years and no figure in the sentence — in an article about NATO, outside Art. 4/5
    (a list of requests, "Turkey (2003, 2012)", dates consultations, not accessions)."""
    if not view.context.about_nato or _FIGURES.search(view.text):
        return []
    if any(topic.startswith(("article4@", "article5@")) for topic in view.context.topics):
        return []
    items: list[tuple[Joiner, int]] = []
    for mention in view.countries:
        year = _BRACKET_YEAR.match(view.text, mention.end)
        if year is None or year.start(1) in taken or not facts.is_ally(mention.iso3):
            continue
        if _another_state(view, mention) or facts.accession_date(mention.iso3) is None:
            continue
        close = view.text.index(")", year.end(1))
        items.append((Joiner(mention, int(year.group(1)), mention.start, close + 1, listed=True), close + 1))
    if not items:
        return []
    first, close = items[0]
    alone = (
        len(items) == 1
        and re.fullmatch(r"[\W\d]*(?:The\s+)?", view.text[: first.mention.start])
        and re.fullmatch(r"[\W]*", view.text[close:])
    )
    if not (alone or len(items) >= 2):
        return []
    return [joiner for joiner, _ in items]


#: a timeline's entry: "1999: Three former Warsaw Pact nations — the Czech Republic, Hungary and Poland —
#: join NATO", "1982: Spain becomes the 16th member of NATO"
_HEADING_YEAR = re.compile(r"\W*(?P<y>(?:19|20)\d\d)\s*:\s+")
_HEADING_JOIN = re.compile(
    r"\b(?:join|joins|joined|accedes?|acceded)\b(?!\s+(?:talks|forces|a\b|an\b))"
    r"|\bbecomes?\s+(?:the\s+\w+\s+|a\s+)?(?:full\s+)?member\s+of\s+(?:NATO|the alliance)\b"
)
#: something of NATO's or another body joined ("join NATO's Partnership for Peace program")
_NOT_NATO = re.compile(
    r"^\s+(?:in\s+)?(?:NATO's|the\s+(?:European|EU)|(?:NATO\s+)?(?:Partnership|programme|program|exercises?|missions?|"
    r"summits?|forces|talks))\b|^\s+(?:in\s+)?(?:the\s+)?(?:EU|European Union|Partnership)\b",
    re.IGNORECASE,
)


def heading_year(view: SentenceView, taken: set[int]) -> list[Joiner]:
    """A timeline's entry led by its year: the allies named before a verb of joining joined that year."""
    heading = _HEADING_YEAR.match(view.text)
    if heading is None or heading.start("y") in taken:
        return []
    if not (re.search(r"\b(?:NATO|[Aa]lliance)\b", view.text) or view.context.about_nato):
        return []
    verb = _HEADING_JOIN.search(view.text, heading.end())
    if verb is None or _NOT_DONE.search(view.text[heading.end() : verb.end()]):
        return []
    if _NOT_NATO.match(view.text[verb.end() :]) or re.search(r"[.;]", view.text[heading.end() : verb.start()]):
        return []
    named = [
        m
        for m in view.countries
        if heading.end() <= m.start < verb.start() and not re.match(r"'s\b", view.text[m.end :])
    ]
    found = [
        Joiner(mention, int(heading.group("y")), heading.start("y"), heading.end("y"), listed=True)
        for mention in _allies(named, view)
    ]
    if found:
        taken.add(heading.start("y"))
    return found
