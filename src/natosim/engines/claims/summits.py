"""NATO summits: the one home for claims about where a summit was held, on which days, for how long
and where earlier ones were held ("the NATO summit held in The Hague", "a summit in the Netherlands
later this month", "held in The Hague on 24-25 June 2025", "the two-day meeting", "a two-day summit
starting June 22", "for the first time a European city will host").

Two entry points, both called by ``events.find``: ``named`` first (summits named by city and year, by a
date alone, by a relative year or "last <month>", by month and city, by place with a relative time: they
mark the years they use before events.py's other sections read the sentence) and ``find`` last (days,
lengths, hosts, merged with what ``named`` judged in the same words).

Judged against the summits natosim holds (``rules.events().summits``: each summit's first and last
day as NATO announced them, its host and the source of the days). natosim does not hold every
summit, so a summit named by a place or year natosim has no summit for is not judged at all; a
summit named without a year is the one held at that place nearest the article's date (within
``_NEAR_DAYS``), or, without an article date, the only one held there. "Annual" is not checked
(summits have not been held every year).

How days are judged (the reading of a date written about a summit): days within the days held are
right (a day or a part of the meeting); a start one day early is *imprecise* (leaders arrive for a
dinner the evening before, and the press often counts it); any other day outside the days held
*contradicts*. A length equal to the days held is right, a shorter one *imprecise* (a summit with an
arrival dinner is often called one day shorter), a longer one *contradicts*.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from natosim.engines.claims import events, facts
from natosim.engines.claims.context import MONTH_NAMES, MONTH_OR_ABBREVIATION, WEEKDAY_NAMES, SentenceView, month_number
from natosim.engines.claims.model import Claim, Evidence

#: a summit named without a year is the one held at that place this close to the article
_NEAR_DAYS = 400
#: a weekday named for a summit ("on Wednesday") is within this many days of the article
_WEEK = 6
_TOPIC = "summit-topic:"
_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_ORD = r"(?:st|nd|rd|th)?"
_SEP = r"\s*(?:-|–|—|to|and|&|through|until|till)\s*"
_YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d\d))?"
#: days of a month: "24–25 June 2025", "from 24 to 26 June", "11 and 12 July", "June 24 & 25",
#: "July 9-11", "on June 22, 2025"
_DAYS = re.compile(
    rf"\b(?:(?P<a1>\d{{1,2}}){_ORD}(?:{_SEP}(?P<b1>\d{{1,2}}){_ORD})?\s+(?:of\s+)?(?P<m1>{_MONTHS})\.?"
    rf"|(?P<m2>{_MONTHS})\.?\s+(?P<a2>\d{{1,2}}){_ORD}(?:{_SEP}(?P<b2>\d{{1,2}}){_ORD})?(?![\d%]|\s*(?:bn|billion|%)))"
    rf"{_YEAR}\b"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    r"\b(?:(?:from|between)\s+(?P<w1>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:to|and|until|"
    r"through)\s+(?P<w2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:on\s+|(?<=agreed\s)|(?<=agreed on\s))(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
    r"(?!\s*(?:,\s*)?(?:\d|January|February|March|April|May|June|July|August|September|October|November|December))"
)
#: the word that starts a summit's days: "starting June 22", "opening on 24 June"
_STARTING = re.compile(
    r"\b(?:starting|beginning|opening|kicking off|to start|to begin|begins|starts|opens)\s+(?:on\s+)?$"
)
_ENDING = re.compile(r"\b(?:ending|concluding|closing|to end|ends|concludes|wrapping up)\s+(?:on\s+)?$")
#: a length: "two-day summit", "the three-day meeting", "a whirlwind two days in The Hague"
_LENGTH = re.compile(
    r"\b(?P<n>one|two|three|four|five|[1-5])[- ]day\s+(?:(?:NATO|alliance|leaders'?|\w+)\s+)?"
    r"(?P<noun>summit|meeting|gathering|conference)\b"
    r"|\b(?P<n2>one|two|three|four|five|[1-5])\s+days\s+(?:of\s+(?:talks|meetings)\s+)?in\s+(?=[A-Z])"
    r"|\b(?:summit|meeting)\s+(?:lasted|lasts|will last|ran|runs|will run)\s+(?:for\s+)?"
    r"(?P<n3>one|two|three|four|five|[1-5])\s+days\b",
    re.IGNORECASE,
)
_SUMMIT_WORD = re.compile(r"\b(?:summit|Summit|SUMMIT)s?\b")
#: a summit of another body ("the EU summit", "a G7 summit"): not NATO's
_OTHER_BODY = re.compile(
    r"\b(?:EU|E\.U\.|European Council|European Union|EU-\w+|G-?7|G-?8|G-?20|BRICS|ASEAN|APEC|SCO|African Union|"
    r"Arab League|Commonwealth|climate|peace|Nuclear Security|AI|Ukraine Recovery|Weimar|Nordic|Baltic|B9|"
    r"Bucharest Nine|bilateral|US-Russia|Trump-Putin|Biden-Putin|Putin|Xi|Kim|Three Seas|OSCE|UN|Council of Europe|"
    r"European Political Community|EPC)\s+(?:\w+\s+)?$"
)
_NATO = re.compile(r"\b(?:NATO|alliance|Alliance|allies|Allies|allied|Allied|the bloc)\b")
#: NATO's leaders meeting: a summit without the word ("heads of government meet in The Hague")
_LEADERS_MEET = re.compile(
    r"\b(?:leaders|heads of state(?: and government)?|heads of government)\b[^.;]{0,30}?"
    r"\b(?:meet|meets|met|meeting|gather|gathers|gathered|gathering|convene|convenes|convened|converge|converged)\b"
)
#: ministers as the ones meeting, and the leaders whose presence makes it a summit
_MINISTERS_ONLY = re.compile(r"\bministers\b", re.IGNORECASE)
_LEADERS = re.compile(r"\b(?:leaders|heads of (?:state|government)|presidents|prime ministers|chancellor)\b", re.I)
#: a meeting of ministers, not of leaders: not a summit
_MINISTERS = re.compile(r"\bministerial\b|\bministers'\s+meeting\b|\bmeeting of (?:\w+\s+){0,3}ministers\b", re.I)
#: a host reached for the first time: "for the first time in its history, a European city will play host"
_FIRST_HOST = re.compile(
    r"\b(?:for the first time|the first time|first[- ]ever|for the first time ever|never before)\b[^.;]{0,60}?"
    r"\b(?:a|an)\s+(?P<adj>European|North American|[A-Z][a-z]+)\s+(?:city|capital|country|nation)\b"
    r"[^.;]{0,40}?\bhost",
    re.IGNORECASE,
)
#: a place written with the summit: "summit in The Hague", "travel to The Hague for the summit"
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|on|for|of)\s+(?:the\s+)?$", re.IGNORECASE)
#: what joins a place to the word summit in a summit's name: "The Hague summit", "Vilnius NATO Summit"
_NAME = re.compile(r"(?:'s)?\s+(?:(?:19|20)\d\d\s+)?(?:NATO\s+|Allied\s+|allied\s+)?")
#: aliases of the places natosim holds summits for: the venue's town and short forms
_ALIASES = {
    "hague": "the hague",
    "newport": "wales",
    "cardiff": "wales",
    "celtic manor": "wales",
    "watford": "london",
}
#: a month written for a summit: "a summit in Madrid in June 2022", "a NATO summit in The Hague in June"
_MONTH_OF = re.compile(
    r"\b(?:in|this|last|next|of)\s+(?P<m>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b(?!\s+\d{1,2}\b)(?:,?\s+(?P<y>(?:19|20)\d\d))?"
)
#: a time relative to the article's day: "last July", "later this month", "next week", "this year"
_RELATIVE = re.compile(
    r"\b(?P<which>last|next|this|later this|earlier this|early next|late last)\s+"
    r"(?P<unit>week|month|year|January|February|March|April|May|June|July|August|September|October|November|December)\b",
    re.IGNORECASE,
)
_SAME_YEAR = re.compile(r"\b(?:the same year|that (?:same )?year)\b", re.IGNORECASE)
#: what ties written days to a summit: "held ... on 24-25 June", "from 9 to 11 July", "taking place 9-11 July",
#: "starting June 22", "the June 24-25 summit"
_DAYS_CUE = re.compile(
    r"\b(?:on|from|between|starting|beginning|opening|ending|concluding|held|place|running|scheduled for|set for|"
    r"summit|Summit|meeting|runs|run)\s*,?\s*$"
)
#: an article written this close to a summit means it by "the summit" (and by its city as a dateline)
_DURING_DAYS = 10
_FUTURE = re.compile(r"\b(?:will|is to|are to|to be|scheduled|set to|planned|upcoming|next|ahead of|due)\b", re.I)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


@dataclass
class _Finding:
    """One part of what a sentence says about a summit: its span, its verdict and why."""

    start: int
    end: int
    verdict: str
    note: str


@dataclass
class _Said:
    """Everything one sentence says about one summit (a single claim: its parts are one statement)."""

    summit: Any
    findings: list[_Finding] = field(default_factory=list)


def held() -> list[Any]:
    """The summits natosim holds (rules/parameters/events.yaml), in file order."""
    return list(facts.rules().events().summits)


def _places() -> dict[str, list[Any]]:
    places: dict[str, list[Any]] = {}
    for summit in held():
        places.setdefault(summit.name.casefold(), []).append(summit)
    for alias, name in _ALIASES.items():
        if name in places:
            places[alias] = places[name]
    return places


def _place_pattern() -> re.Pattern[str]:
    names = sorted({*_places()}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def _topic(view: SentenceView) -> Any | None:
    """The summit the article spoke of last ("The two-day meeting was held ..." after "a summit in The Hague")."""
    wanted = next((t[len(_TOPIC) :] for t in view.context.topics if t.startswith(_TOPIC)), None)
    return next((s for s in held() if s.id == wanted), None) if wanted else None


def _remember(view: SentenceView, summit: Any) -> None:
    view.context.topics.difference_update({t for t in view.context.topics if t.startswith(_TOPIC)})
    view.context.topics.add(f"{_TOPIC}{summit.id}")


def _nearest(view: SentenceView, candidates: list[Any], year: int | None) -> Any | None:
    """The summit meant among those held at a place: the one of the year written, else the one nearest
    the article (within ``_NEAR_DAYS``), else (no article date) the only one."""
    if year is not None:
        return next((s for s in candidates if s.first.year == year), None)
    date = view.context.date
    if date is None:
        return candidates[0] if len(candidates) == 1 else None
    near = [s for s in candidates if abs((s.first - date).days) <= _NEAR_DAYS]
    return min(near, key=lambda s: abs((s.first - date).days)) if near else None


def _relative_window(view: SentenceView, anchor: tuple[int, int] | None) -> tuple[dt.date, dt.date] | None:
    """The days a relative time near the summit's name denotes ("last July", "later this month", "next
    week", "this year"), from the article's date; an empty window when there is such a time but no date."""
    span = anchor or (0, len(view.text))
    around = view.text[max(0, span[0] - 60) : span[1] + 60]
    match = _RELATIVE.search(around)
    if match is None:
        return None
    date = view.context.date
    if date is None:
        return dt.date.max, dt.date.min  # nothing can fall in it
    which, unit = match.group("which").casefold(), match.group("unit").casefold()
    shift = {"last": -1, "next": 1}.get(which.split()[-1], 0)
    if unit == "week":
        start = date + dt.timedelta(days=7 * shift - date.weekday())
        return start - dt.timedelta(days=1), start + dt.timedelta(days=7)
    if unit == "year":
        return dt.date(date.year + shift, 1, 1), dt.date(date.year + shift, 12, 31)
    if unit == "month":
        month = (date.month - 1 + shift) % 12 + 1
        year = date.year + (date.month - 1 + shift) // 12
    else:  # a month's name: "last July" is the latest July before the article, "next July" the first after
        month = month_number(unit)
        year = date.year
        if shift < 0 and month >= date.month:
            year -= 1
        if shift > 0 and month <= date.month:
            year += 1
    last_day = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, 1), dt.date(year, month, last_day)


def _during(view: SentenceView) -> Any | None:
    """The summit held within ``_DURING_DAYS`` of the article's date, if any."""
    date = view.context.date
    if date is None:
        return None
    window = dt.timedelta(days=_DURING_DAYS)
    return next((s for s in held() if s.first - window <= date <= s.last + window), None)


def _is_nato_summit(view: SentenceView, position: int) -> bool:
    """A summit word at ``position`` is NATO's unless another body's name comes right before it."""
    before = view.text[max(0, position - 40) : position]
    if _OTHER_BODY.search(before):
        return False
    return bool(_NATO.search(view.text)) or view.context.about_nato


def _evidence(summit: Any) -> Evidence:
    days = f"{summit.first.isoformat()} to {summit.last.isoformat()}" if summit.days > 1 else summit.first.isoformat()
    return Evidence(
        f"NATO summit in {summit.name}: {days} ({summit.days} day{'s' if summit.days > 1 else ''}), host {summit.host}",
        f"{summit.publisher}, {summit.published}: {summit.url}",
        summit.first.isoformat(),
        rule="summit",
    )


def find(view: SentenceView, used: set[int], taken: list[Claim] | None = None) -> list[Claim]:
    """Every summit claim of one sentence not already read by ``events`` (``taken``: its claims)."""
    text = view.text
    taken_spans: list[tuple[int, int, Claim]] = []
    for other in taken or []:
        where = view.sentence.text.find(other.text)
        if other.kind == "event_date" and where >= 0:
            taken_spans.append((where, where + len(other.text), other))
        if other.subject and other.subject.startswith("summit:") and other.year is not None:
            # a summit events.py read ("the 2023 Vilnius summit") is the article's topic too
            city = other.subject.removeprefix("summit:")
            for summit in held():
                if summit.name.casefold().removeprefix("the ") == city and summit.first.year == other.year:
                    _remember(view, summit)
    summit_words = [m for m in _SUMMIT_WORD.finditer(text) if _is_nato_summit(view, m.start())]
    if not summit_words and _NATO.search(text):
        # "NATO leaders meet in The Hague on 24 and 25 June": the leaders' meeting is the summit
        summit_words = list(_LEADERS_MEET.finditer(text))
    places = _places()
    place_hits = [m for m in _place_pattern().finditer(text)]
    hosts = {s.host for s in held()}
    country_hits = [m for m in view.countries if m.iso3 in hosts and m.how in ("name", "demonym")]
    said: dict[str, _Said] = {}
    claims: list[Claim] = []

    def add(summit: Any, finding: _Finding) -> None:
        said.setdefault(summit.id, _Said(summit)).findings.append(finding)

    # --- which summit the sentence speaks of: a place written with a summit word (or a topic)
    summit_here: Any | None = None
    anchor: tuple[int, int] | None = None
    #: a place written with the summit word that names no summit natosim holds near the article: another summit
    elsewhere = False
    for word in summit_words:
        if _MINISTERS.search(text):
            break
        clause = _clause(text, word.start())
        year = _year_in(view, clause)
        options: list[tuple[Any, list[Any]]] = []
        for hit in place_hits:
            if clause[0] <= hit.start() < clause[1] and _tied(text, hit, word):
                options.append((hit, places[hit.group(0).casefold().split(",")[0].strip()]))
        for mention in country_hits:
            if clause[0] <= mention.start < clause[1] and _PLACE_BEFORE.search(
                text[max(0, mention.start - 12) : mention.start]
            ):
                options.append((mention, [s for s in held() if s.host == mention.iso3]))
        options.sort(key=lambda option: min(abs(_start(option[0]) - word.end()), abs(word.start() - _end(option[0]))))
        for hit, candidates in options:
            summit = _nearest(view, candidates, year)
            if summit is None:
                elsewhere = True
                continue
            start = min(_start(hit), word.start())
            end = max(_end(hit), word.end())
            summit_here, anchor = summit, (start, end)
            if not _NAME.fullmatch(text[_end(hit) : word.start()]):
                # "the summit in The Hague", "travel to The Hague for the summit" say where a summit is held;
                # "The Hague summit" is its name (the anchor for its days, not a statement)
                add(
                    summit,
                    _Finding(start, end, "supported", f"a NATO summit was held in {summit.name} ({summit.first.year})"),
                )
            break
        if summit_here is None and year is not None and re.search(r"\b(?:NATO|allies|alliance)\b", text):
            # "the 2014 summit", "at the 2016 summit": a summit of that year natosim holds
            at_year = [s for s in held() if s.first.year == year]
            y_match = re.search(rf"\b{year}\s+(?:NATO\s+)?(?:[Ss]ummit)\b", text)
            if len(at_year) == 1 and y_match:
                summit_here, anchor = at_year[0], y_match.span()
                add(
                    summit_here,
                    _Finding(*y_match.span(), "supported", f"NATO held a summit in {year} ({summit_here.name})"),
                )
        if summit_here is not None:
            break
    if elsewhere and summit_here is None:
        return _first_host(view)
    if not summit_words and _MINISTERS_ONLY.search(text) and not _LEADERS.search(text):
        # "Defence ministers met in Brussels for a two-day meeting": ministers meet between summits
        return _first_host(view)
    #: reached only through the article's topic (no summit word, no leaders meeting): only its length is read
    by_topic_only = not summit_words
    if summit_here is None and place_hits and not _MINISTERS.search(text):
        # "a whirlwind two days in The Hague", "converge on The Hague for the three-day meeting": a summit
        # place without the word summit is the summit the article speaks of
        topic = _topic(view)
        for hit in place_hits:
            name = hit.group(0).casefold().split(",")[0].strip()
            if topic is not None and topic in places.get(name, []):
                summit_here, anchor = topic, hit.span()
                break
    meeting = summit_words or re.search(r"\b(?:meeting|gathering)\b", text)
    if summit_here is None and meeting and not _MINISTERS.search(text):
        summit_here = _topic(view) or _during(view)
        date = view.context.date
        if summit_here is not None and date is not None and abs((summit_here.first - date).days) > _NEAR_DAYS:
            summit_here = None
    if summit_here is None and place_hits and _WEEKDAY.search(text):
        # "THE HAGUE, June 26 - NATO allies agreed Wednesday": a summit's city written during the summit
        during = _during(view)
        hits = [h for h in place_hits if during and during in places[h.group(0).casefold()]]
        if hits:
            summit_here, anchor = during, hits[0].span()
    if summit_here is None:
        claims.extend(_first_host(view))
        return claims
    window = _relative_window(view, anchor)
    if window is not None and not (window[0] <= summit_here.last and summit_here.first <= window[1]):
        # "the summit in Vilnius last July" without the article's date, or a time that is not the summit's
        # ("next week" two years after it): which summit is meant is not known, so nothing is judged
        return _first_host(view)
    _remember(view, summit_here)
    summit = summit_here
    # --- its days, its length
    for match in _DAYS.finditer(text):
        if by_topic_only and not _SUMMIT_WORD.search(text):
            break  # days in a sentence that names no summit may be another meeting's
        if not _near_anchor(match.span(), anchor, summit_words, text):
            continue
        after = text[match.end() : match.end() + 20]
        if not (
            _DAYS_CUE.search(text[max(0, match.start() - 25) : match.start()])
            or re.match(r"\s*(?:NATO\s+)?[Ss]ummit", after)
        ):
            continue  # a date not written as the summit's ("THE HAGUE, June 26 -": a dateline)
        judged = _judge_days(view, summit, match)
        if judged is not None:
            add(summit, judged)
    for match in _MONTH_OF.finditer(text):
        if not _near_anchor(match.span(), anchor, summit_words, text) or _DAYS.match(text, match.start() + 3):
            continue
        month = month_number(match.group("m"))
        year = int(match.group("y")) if match.group("y") else None
        if year is not None and year != summit.first.year:
            continue
        if summit.first.month <= month <= summit.last.month:
            add(summit, _Finding(*match.span(), "supported", f"the summit was held in {summit.first:%B %Y}"))
        elif year is not None:
            why = f"the summit was held in {summit.first:%B %Y}, not {match.group('m')}"
            add(summit, _Finding(*match.span(), "contradicted", why))
    for match in _WEEKDAY.finditer(text):
        if not _near_anchor(match.span(), anchor, summit_words, text):
            continue
        judged = _judge_weekdays(view, summit, match)
        if judged is not None:
            add(summit, judged)
    for match in _LENGTH.finditer(text):
        if match.group("noun") and match.group("noun").casefold() == "conference" and not summit_words:
            continue
        if match.group("n2") and not anchor:
            continue
        words = match.group("n") or match.group("n2") or match.group("n3")
        n = _NUMBER_WORDS.get(words.casefold()) or int(words)
        if n == summit.days:
            verdict, why = "supported", f"the summit lasted {summit.days} days"
        elif n < summit.days:
            verdict, why = "imprecise", f"the summit lasted {summit.days} days ({n} counts its main day(s) only)"
        else:
            verdict, why = "contradicted", f"the summit lasted {summit.days} day(s), not {n}"
        end = match.end()
        if match.group("n2"):
            # "two days in The Hague": the claim runs to the place
            end = anchor[1] if anchor and 0 <= anchor[0] - match.end() <= 5 else match.end() - 4
        add(summit, _Finding(match.start(), end, verdict, why))
    for item in said.values():
        claim, replaced = _claim(view, item, taken_spans)
        if claim is not None:
            claims.append(claim)
        for other in replaced:
            if taken is not None and other in taken:
                taken.remove(other)
    claims.extend(_first_host(view))
    return claims


def _start(hit: Any) -> int:
    return hit.start() if callable(getattr(hit, "start", None)) else hit.start


def _end(hit: Any) -> int:
    return hit.end() if callable(getattr(hit, "end", None)) else hit.end


def _clause(text: str, position: int) -> tuple[int, int]:
    """The stretch of the sentence around ``position`` up to a semicolon or a dash."""
    left = max((m.end() for m in re.finditer(r"[;—–] ", text[:position])), default=0)
    right = next((position + m.start() for m in re.finditer(r"[;—] ", text[position:])), len(text))
    return left, right


def _tied(text: str, hit: re.Match[str], word: re.Match[str]) -> bool:
    """A place belongs to the summit word when written right with it: "The Hague summit", "summit in
    The Hague", "summit ... held in The Hague", "travel to The Hague for the summit"."""
    if hit.end() <= word.start():
        between = text[hit.end() : word.start()]
        # "The Hague summit", "The Hague will host the summit", "to The Hague for the annual summit"
        linked = _NAME.fullmatch(between) or re.search(r"\bhost|\bfor\s+(?:a|an|the|this|its)\b", between)
        return len(between) <= 60 and bool(linked) and not re.search(r"[.;—–]", between)
    between = text[word.end() : hit.start()]
    return (
        len(between) <= 70
        and not re.search(r"[.;—–]", between)
        and bool(_PLACE_BEFORE.search(text[max(0, hit.start() - 8) : hit.start()]))
    )


def _year_in(view: SentenceView, clause: tuple[int, int]) -> int | None:
    """The one year written in the clause; "the same year"/"that year" is the year the sentence before
    stated ("... in 2014. At a NATO summit in Wales the same year, ...")."""
    years = {y for y, s, _ in view.years if clause[0] <= s < clause[1]}
    if not years and _SAME_YEAR.search(view.text[clause[0] : clause[1]]) and view.context.event_year:
        years = {view.context.event_year[0]}
    return years.pop() if len(years) == 1 else None


def _near_anchor(span: tuple[int, int], anchor: tuple[int, int] | None, words: list[Any], text: str) -> bool:
    """Days or a weekday said of the summit: in the same clause as its name or the word summit."""
    points = [anchor[0], anchor[1]] if anchor else []
    points += [w.start() for w in words]
    for point in points:
        lo, hi = sorted((point, span[0]))
        if hi - lo <= 90 and not re.search(r"[.;]\s", text[lo:hi]):
            return True
    return False


def _judge_days(view: SentenceView, summit: Any, match: re.Match[str]) -> _Finding | None:
    groups = match.groupdict()
    month = month_number(groups["m1"] or groups["m2"])
    first = int(groups["a1"] or groups["a2"])
    last_text = groups["b1"] or groups["b2"]
    last = int(last_text) if last_text else first
    year = int(groups["y"]) if groups["y"] else summit.first.year
    if year != summit.first.year:
        return None  # another year: another summit, or an event around it
    try:
        a, b = dt.date(year, month, first), dt.date(year, month, last)
    except ValueError:
        return None
    if b < a:
        return None
    before = view.text[max(0, match.start() - 20) : match.start()]
    if _ENDING.search(before):
        a = b
    starting = bool(_STARTING.search(before))
    held_days = f"{summit.first.isoformat()}..{summit.last.isoformat()}"
    if starting:
        if a == summit.first:
            return _Finding(
                match.start(), match.end(), "supported", f"the summit started on {summit.first.isoformat()}"
            )
        verdict = "imprecise" if a == summit.first - dt.timedelta(days=1) else "contradicted"
        return _Finding(
            match.start(),
            match.end(),
            verdict,
            f"the summit started on {summit.first.isoformat()}, not {a.isoformat()}",
        )
    if summit.first <= a and b <= summit.last:
        return _Finding(match.start(), match.end(), "supported", f"the summit was held {held_days}")
    if a == summit.first - dt.timedelta(days=1) and b <= summit.last and b >= summit.first:
        return _Finding(
            match.start(), match.end(), "imprecise", f"the summit was held {held_days} (a day earlier is its eve)"
        )
    if abs((a - summit.first).days) > 31:
        return None  # a date a month or more away: another event of the sentence
    return _Finding(
        match.start(),
        match.end(),
        "contradicted",
        f"the summit was held {held_days}, not {a.isoformat()}..{b.isoformat()}",
    )


def _judge_weekdays(view: SentenceView, summit: Any, match: re.Match[str]) -> _Finding | None:
    date = view.context.date
    if date is None:
        return None
    future = bool(_FUTURE.search(view.text))
    days = []
    for name in (match.group("w1"), match.group("w2"), match.group("w")):
        if not name:
            continue
        wanted = _WEEKDAYS.index(name.casefold())
        offsets = range(0, _WEEK + 1) if future else range(0, -_WEEK - 1, -1)
        days.append(
            next(date + dt.timedelta(days=o) for o in offsets if (date + dt.timedelta(days=o)).weekday() == wanted)
        )
    a, b = min(days), max(days)
    if abs((a - summit.first).days) > _WEEK + 2:
        return None  # the summit is not this week: the weekday dates something else
    if summit.first <= a and b <= summit.last:
        return _Finding(
            match.start(),
            match.end(),
            "supported",
            f"{a.isoformat()} is a day of the summit ({summit.first}..{summit.last})",
        )
    return None  # a weekday next to a summit may date another act (a departure, a statement): not judged


def _claim(view: SentenceView, item: _Said, taken: list[tuple[int, int, Claim]]) -> tuple[Claim | None, list[Claim]]:
    """One claim for all a sentence says of one summit, and the claims of another reader it replaces.

    Why: "a two-day summit starting June 21 in The Hague" is one statement; a reader that took "summit
    starting June 21 in The Hague" as the place alone must not call it supported while its first day is
    wrong. A summit claim of another reader (``events``) that overlaps a day or a length read here is
    merged into this claim (its span and its verdict kept, the worse verdict winning); any other claim
    that overlaps keeps its words (those findings are dropped here)."""
    order = {"contradicted": 0, "imprecise": 1, "supported": 2, "not checkable": 3}
    findings: list[_Finding] = []
    replaced: list[Claim] = []
    for finding in item.findings:
        over = [c for start, end, c in taken if finding.start < end and start < finding.end]
        summit_claims = [c for c in over if (c.subject or "").startswith("summit:") and c.verdict in order]
        if over and len(summit_claims) < len(over):
            continue
        written = {y for y, _, _ in view.years}
        other_summit = [
            c
            for c in summit_claims
            if c.year is not None
            and c.year != item.summit.first.year
            and item.summit.first.year in written
            and c.year not in written
        ]
        if other_summit:
            # "In 1999, NATO's 50th-anniversary Summit was held in Washington": the other reader took the
            # city's nearest summit (2024) while the sentence names the year; this reading replaces it
            replaced.extend(other_summit)
            findings.append(finding)
            continue
        if summit_claims and finding.verdict == "supported":
            continue  # nothing to add: the other reader's claim stands
        for other in summit_claims:
            start = view.sentence.text.find(other.text)
            findings.append(_Finding(start, start + len(other.text), other.verdict, other.note))
            replaced.append(other)
        findings.append(finding)
    if not findings:
        return None, []
    worst = min(findings, key=lambda f: order[f.verdict])
    summit = item.summit
    claim = view.claim(
        kind="event_date",
        start=min(f.start for f in findings),
        end=max(f.end for f in findings),
        value=summit.id,
        verdict=worst.verdict,
        expected=f"{summit.first.isoformat()}..{summit.last.isoformat()}",
        evidence=[_evidence(summit)],
        subject=f"summit:{summit.name.casefold().removeprefix('the ')}",
        year=summit.first.year,
        note="; ".join(dict.fromkeys(f.note for f in findings)),
    )
    return claim, list(dict.fromkeys(replaced))


def _first_host(view: SentenceView) -> list[Claim]:
    """ "For the first time, a European city will host the summit": false if natosim holds an earlier
    summit hosted there (European: any host but the United States and Canada; a demonym: that
    country). natosim does not hold every summit, so a first it cannot disprove is not judged."""
    claims: list[Claim] = []
    if not (_SUMMIT_WORD.search(view.text) or view.context.about_nato):
        return claims
    for match in _FIRST_HOST.finditer(view.text):
        adjective = match.group("adj")
        date = view.context.date or dt.date.max
        if adjective.casefold() == "european":
            earlier = [s for s in held() if s.host not in ("USA", "CAN") and s.first < date]
        elif adjective.casefold() == "north american":
            earlier = [s for s in held() if s.host in ("USA", "CAN") and s.first < date]
        else:
            named = [m for m in view.countries if m.start == match.start("adj")]
            if not named:
                continue
            earlier = [s for s in held() if s.host == named[0].iso3 and s.first < date]
        if not earlier:
            continue
        first = min(earlier, key=lambda s: s.first)
        claims.append(
            view.claim(
                kind="event_date",
                start=match.start(),
                end=match.end(),
                value=f"first summit hosted by a {adjective} city",
                verdict="contradicted",
                expected=first.id,
                evidence=[_evidence(s) for s in sorted(earlier, key=lambda s: s.first)[:3]],
                subject="summit:host",
                note=f"NATO summits were held in {adjective} cities before: "
                + ", ".join(f"{s.name} {s.first.year}" for s in sorted(earlier, key=lambda s: s.first)),
            )
        )
    return claims


# --- summits named by city and year, by date alone, by relative year or month, by month and city, and by
# place with a relative time: read in events.find before its other sections (they mark the years they
# use), through ``named``


def named(scope: events._Scope) -> None:
    """Every summit named by its city, date or place in one sentence, in the order the readers take
    years: by city and year, by date alone, by relative year, by "last <month>", by month and city, by
    place (the last only when no earlier reader judged the sentence's summit)."""
    _summits(scope)
    _summits_by_date(scope)
    _summits_by_relative_year(scope)
    _summits_last_month(scope)
    _summits_by_month(scope)
    _summits_by_place(scope)


_SUMMITS: dict[str, str] = {
    "wales": "Wales",
    "newport": "Wales",
    "vilnius": "Vilnius",
    "the hague": "Hague",
    "hague": "Hague",
    "washington": "Washington",
    "bucharest": "Bucharest",
}
_CITIES = r"Wales|Newport|Vilnius|The Hague|Hague|Washington|Bucharest"
_SUMMIT = re.compile(
    # "the 2023 Vilnius summit", "our 2014 Wales Defence Investment Pledge", "the 2008 Bucharest declaration"
    rf"(?:\b(?P<y1>(?:19|20)\d\d)\s+(?:NATO\s+)?(?P<n1>{_CITIES})\s+(?:[Ss]ummit|Defen[cs]e Investment Pledge|"
    r"[Ss]ummit [Dd]eclaration|[Dd]eclaration)\b)"
    # "the Bucharest Summit (Declaration) ... in April 2008 / on April 3, 2008"
    rf"|(?:\b(?P<n2>{_CITIES})\s+(?:NATO\s+)?[Ss]ummit\b(?:[^.;]{{0,40}}?\b(?:in|of|on)\s+"
    r"(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+(?:\d{1,2},?\s+)?)?(?P<y2>(?:19|20)\d\d))?)"
    rf"|(?:\b[Ss]ummit\s+in\s+(?P<n3>{_CITIES}),?\s+in\s+"
    r"(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\s+)?(?P<y3>(?:19|20)\d\d))"
    rf"|(?:\b(?P<y4>(?:19|20)\d\d)\s+(?:NATO\s+)?[Ss]ummit\s+in\s+(?P<n4>{_CITIES}))"
    # "In 2014, during a summit in Wales"
    rf"|(?:\b(?P<y5>(?:19|20)\d\d),?\s+(?:during|at)\s+(?:a|an|the)\s+(?:\w+\s+)?(?:NATO\s+)?[Ss]ummit\s+"
    rf"(?:in|of)\s+(?P<n5>{_CITIES}))"
)
#: a month right before a summit's year ("At a June 2025 summit in The Hague"): the claim starts there
_MONTH_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+$"
)
#: a NATO summit dated without its city ("the NATO Summit in 2014", "the upcoming NATO summit in June 2025")
_SUMMIT_DATED = re.compile(
    r"\b(?:NATO|[Aa]lliance's|[Aa]llied|[Aa]lliance)\s+(?:leaders'\s+)?[Ss]ummit\s+(?:in|of)\s+"
    r"(?:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b"
)


def _summits(scope: events._Scope) -> None:
    """Summits named by city and year or month ("the 2023 Vilnius summit")."""
    view = scope.view
    text = scope.text
    rules = scope.rules
    taken = scope.taken
    claims = scope.claims
    # --- summits
    for match in _SUMMIT.finditer(text):
        name = next(match.group(g) for g in ("n1", "n2", "n3", "n4", "n5") if match.group(g))
        year_text = next((match.group(g) for g in ("y1", "y2", "y3", "y4", "y5") if match.group(g)), None)
        if year_text is None:
            continue
        summit = _SUMMITS[name.casefold()]
        known = _summit_date(rules, summit)
        year = int(year_text)
        position = match.start() + match.group(0).find(year_text)
        taken.add(position)
        if known is None:
            claims.append(
                view.claim(
                    kind="event_date",
                    start=match.start(),
                    end=match.end(),
                    value=year,
                    verdict="not checkable",
                    subject=f"summit:{summit.casefold()}",
                    year=year,
                    note=f"natosim holds no sourced date for the {summit} summit",
                )
            )
            continue
        # a city may have hosted several summits (Washington 1999 and 2024): the one of the year written
        held = _nearest_first(rules, summit, year)
        day = held[0][0]
        month = _MONTH_BEFORE.search(text[max(0, match.start() - 12) : match.start()]) if match.group("y4") else None
        claim = events._claim_date(
            view,
            subject=f"summit:{summit.casefold()}",
            year=year,
            start=match.start() - (len(month.group(0)) if month else 0),
            end=match.end(),
            at=position + 4,
            actual=day,
            alternatives=tuple(item[0] for item in held[1:]),
            evidence=[_date_evidence(*item) for item in held],
        )
        written = events._date_near(view, year, position + 4)
        if (
            claim.verdict == "contradicted"
            and written[1] is not None
            and written[0] == day.month
            and abs(written[1] - day.day) <= _SUMMIT_DAYS
        ):
            # summits last two or three days: "stated on April 4, 2008" of a summit held 2-4 April
            claim = dataclasses.replace(
                claim,
                verdict="imprecise",
                note=f"the day written is within {_SUMMIT_DAYS} days of the day natosim holds ({day.isoformat()})",
            )
        claims.append(claim)


#: a month in full or abbreviated ("Sept. 11", "Jul 9-11")
_CITY = r"Wales|Newport|Vilnius|The Hague|Hague|Washington|Bucharest"
#: a host city named by description ("the Lithuanian capital", "the Dutch city"): the summit's key
_DESCRIBED = {
    "the lithuanian capital": "vilnius",
    "the romanian capital": "bucharest",
    "the us capital": "washington",
    "the u.s. capital": "washington",
    "the american capital": "washington",
    "the dutch city": "the hague",
    "the dutch seat of government": "the hague",
    "the welsh city of newport": "newport",
}
_HOST = (
    # ("a summit in the Hague on 24-25 June": the article before the city, in lower case)
    rf"(?:the\s+)?(?P<c>{_CITY}|[Tt]he (?:Lithuanian|Romanian|US|U\.S\.|American) capital|"
    r"[Tt]he Dutch (?:city|seat of government)|[Tt]he Welsh city of Newport)"
)
_MONTH_DAYS = r"(?:\s+(?P<d1>\d{1,2})(?:\s*(?:[-–]|and|to)\s*(?P<d2>\d{1,2}))?)?"
#: days before or after the month: "June 24-25", "24 and 25 June", "24-25 June", "June 24 and 25"
_DATE = (
    r"(?:(?P<d3>\d{1,2})(?:\s*(?:[-–]|and|to)\s*(?P<d4>\d{1,2}))?\s+)?"
    rf"(?P<m>{MONTH_OR_ABBREVIATION})\.?(?:\s+(?P<d1>\d{{1,2}})(?:\s*(?:[-–]|and|to)\s*(?P<d2>\d{{1,2}}))?)?"
)
#: a summit named by month (and days) and city, without a year: "the June 24–25 NATO summit in The
#: Hague", "a summit in The Hague in June", "the Vilnius summit on July 11-12", "The Hague summit on
#: 24-25 June", "the summit in the Lithuanian capital on July 11-12", "leaders will gather in The
#: Hague on June 24-25 for a summit" (the word summit elsewhere in the sentence)
_SUMMIT_MONTH = (
    re.compile(
        rf"\b(?P<m>{MONTH_OR_ABBREVIATION})\.?{_MONTH_DAYS}\s+(?:NATO\s+|[Aa]lliance\s+)?[Ss]ummit\s+(?:in|at)\s+{_HOST}\b"
    ),
    re.compile(rf"\b{_HOST}\s+(?:NATO\s+)?[Ss]ummit,?\s+(?:in|on)\s+{_DATE}"),
    re.compile(rf"\b[Ss]ummit\s+in\s+{_HOST},?\s+(?:in|on)\s+{_DATE}"),
    re.compile(
        rf"\b(?:meet|gather|convene|assemble)\w*\s+in\s+{_HOST},?\s+(?:in|on)\s+{_DATE}"
        r"(?=[^.;]*\b[Ss]ummit\b)"
    ),
)
#: a summit lasts a few days and natosim holds one of them: days written this close to it agree
_SUMMIT_DAYS = 2
#: a summit without a year is the one natosim holds only if the article is this close to it (a city
#: may host several summits: Washington in 1999 and 2024)
_SUMMIT_NEAR_DAYS = 366


def _summits_by_date(scope: events._Scope) -> None:
    """ "The target was reaffirmed at the NATO Summit in 2014": a summit named by its date alone is the
    one natosim holds for that year (and month); natosim does not hold every summit, so a date that
    matches none gives no claim rather than a contradiction."""
    view = scope.view
    for match in _SUMMIT_DATED.finditer(scope.text):
        year = int(match.group("year"))
        position = match.start("year")
        if position in scope.taken or re.match(rf"\s+(?:in|at)\s+(?:{_CITIES}|[A-Z])", scope.text[match.end() :]):
            continue  # a city follows: the summit by city reads it (or one natosim does not hold)
        month = month_number(match.group("month")) if match.group("month") else None
        held = [
            item
            for summit in dict.fromkeys(_SUMMITS.values())
            for item in _summit_dates(scope.rules, summit)
            if item[0].year == year and (month is None or item[0].month == month)
        ]
        if len(held) != 1:
            continue
        day, source, label = held[0]
        scope.taken.add(position)
        scope.claims.append(
            view.claim(
                kind="event_date",
                start=match.start(),
                end=match.end(),
                value=f"{year}-{month:02d}" if month else year,
                verdict="supported",
                expected=day.isoformat(),
                evidence=[_date_evidence(day, source, label)],
                subject=f"summit:{label.split(' summit')[0].casefold()}",
                year=year,
                note=f"a NATO summit without its city: natosim holds the {label} in {match.group(0).split()[-1]} "
                "(natosim does not hold every summit: a date matching none is not judged)",
            )
        )


_SUMMIT_RELATIVE = re.compile(
    rf"\b(?P<r1>last|this) year's\s+(?:NATO\s+)?(?P<c1>{_CITIES})\s+[Ss]ummit\b"
    rf"|\b[Ss]ummit\s+in\s+(?P<c2>{_CITIES})\s+(?P<r2>last|this)\s+year\b"
)


_SUMMIT_LAST_MONTH = re.compile(
    rf"\b[Ss]ummit\b[^.;]{{0,80}}?\blast\s+(?P<m1>{MONTH_OR_ABBREVIATION})\s+in\s+(?P<c1>{_CITIES})\b"
    rf"|\b[Ss]ummit\s+in\s+(?P<c2>{_CITIES})\s+last\s+(?P<m2>{MONTH_OR_ABBREVIATION})\b"
)


def _summits_by_relative_year(scope: events._Scope) -> None:
    """ "At last year's Washington summit", "the summit in Vilnius last year": the city's summit
    in the year relative to the article's date (no claim without the date)."""
    view = scope.view
    date = view.context.date
    if date is None:
        return
    for match in _SUMMIT_RELATIVE.finditer(scope.text):
        city = match.group("c1") or match.group("c2")
        year = date.year - (1 if (match.group("r1") or match.group("r2")) == "last" else 0)
        summit = _SUMMITS[city.casefold()]
        held = _nearest_first(scope.rules, summit, year)
        if not held:
            continue
        day = held[0][0]
        scope.claims.append(
            view.claim(
                kind="event_date",
                start=match.start(),
                end=match.end(),
                value=year,
                verdict="supported" if day.year == year else "contradicted",
                expected=day.isoformat(),
                evidence=[_date_evidence(*item) for item in held],
                subject=f"summit:{summit.casefold()}",
                year=year,
                unit="date (year)",
                note=f"'{match.group('r1') or match.group('r2')} year' read from the article date "
                f"({date.isoformat()}): {year}",
            )
        )


def _summits_last_month(scope: events._Scope) -> None:
    """ "the summit ... last July in Vilnius", "the summit in Vilnius last July": the city's summit in
    the latest such month before the article's date — the year before when the month is not yet past
    this year, else this year or the year before (both are read; no claim without the date)."""
    view = scope.view
    date = view.context.date
    if date is None:
        return
    for match in _SUMMIT_LAST_MONTH.finditer(scope.text):
        city = match.group("c1") or match.group("c2")
        month = month_number(match.group("m1") or match.group("m2"))
        years = [date.year - 1] if month >= date.month else [date.year, date.year - 1]
        summit = _SUMMITS[city.casefold()]
        held = _nearest_first(scope.rules, summit, years[-1])
        if not held:
            continue
        match_day = next((d for d, _, _ in held if d.year in years and d.month == month), None)
        day = match_day or held[0][0]
        scope.claims.append(
            view.claim(
                kind="event_date",
                start=match.start(),
                end=match.end(),
                value=years[-1],
                verdict="supported" if match_day is not None else "contradicted",
                expected=day.isoformat(),
                evidence=[_date_evidence(*item) for item in held],
                subject=f"summit:{summit.casefold()}",
                year=day.year,
                unit="date (month)",
                note=f"'last {calendar.month_name[month]}' read from the article date ({date.isoformat()}): "
                + " or ".join(str(y) for y in years),
            )
        )


def _summits_by_month(scope: events._Scope) -> None:
    """Summits named by month and city without a year, read against the article's date: the summit
    natosim holds for that city within a year of the article (else no claim: another summit)."""
    view = scope.view
    date = view.context.date
    if date is None:
        return
    matches = [m for pattern in _SUMMIT_MONTH for m in pattern.finditer(scope.text)]
    for match in sorted(matches, key=lambda m: m.start()):
        after = scope.text[match.end() : match.end() + 12]
        if re.match(r"\s*,?\s*(?:19|20)\d\d", after) or any(start in scope.taken for start in range(*match.span())):
            continue  # a year follows: the dated reader's (or another pattern read it)
        groups = match.groupdict()
        city = groups["c"]
        month = month_number(groups["m"])
        days = [int(groups[g]) for g in ("d1", "d2", "d3", "d4") if groups.get(g)]
        summit = _SUMMITS.get(city.casefold()) or _SUMMITS[_DESCRIBED[city.casefold()]]
        near = [item for item in _summit_dates(scope.rules, summit) if abs((item[0] - date).days) <= _SUMMIT_NEAR_DAYS]
        if not near or any(not 1 <= d <= events._MAX_DAY[month] for d in days):
            continue
        held, source, label = near[0]
        if held.month != month:
            verdict = "contradicted"
        elif days and not any(abs(d - held.day) <= _SUMMIT_DAYS for d in range(min(days), max(days) + 1)):
            verdict = "imprecise"
        else:
            verdict = "supported"
        scope.taken.update(range(*match.span()))
        # a full stop after a month written in full ends the sentence, not an abbreviation ("in June.")
        end = match.end() - (scope.text[match.end() - 1] == "." and groups["m"] in MONTH_NAMES.split("|"))
        scope.claims.append(
            view.claim(
                kind="event_date",
                start=match.start(),
                end=end,
                value=f"{held.year}-{month:02d}",
                verdict=verdict,
                expected=held.isoformat(),
                evidence=[_date_evidence(held, source, label)],
                subject=f"summit:{summit.casefold()}",
                year=held.year,
                note=(
                    f"a summit in {city} without a year: the one natosim holds within a year of the article "
                    f"({held.isoformat()}); month compared, days within {_SUMMIT_DAYS} of the day held"
                ),
            )
        )


#: a summit's host named as the press names it: the city, the country, or a description of the city
_PLACE = (
    r"(?P<place>(?:[Tt]he\s+)?Hague|Vilnius|Bucharest|Washington(?:,?\s+D\.?C\.?)?|Wales|Newport|"
    r"(?:the\s+)?Netherlands|Lithuania|Romania|[Tt]he (?:Lithuanian|Romanian|Dutch) capital|[Tt]he Dutch city)\b"
)
#: the place read as the summit's key in ``_SUMMITS``
_PLACE_KEY = {
    "netherlands": "hague",
    "the netherlands": "hague",
    "lithuania": "vilnius",
    "romania": "bucharest",
    "the lithuanian capital": "vilnius",
    "the romanian capital": "bucharest",
    "the dutch capital": "hague",
    "the dutch city": "hague",
}
#: "the NATO summit held in The Hague", "a summit next week in Lithuania", "the summit scheduled to take
#: place in The Hague", "an end-of-summit press conference in the Hague", "the summit, in Vilnius"
_SUMMIT_AT_PLACE = re.compile(r"\b[Ss]ummit\b(?P<mid>[^.;:!?]{0,45}?)\s(?:in|at)\s+" + _PLACE)
#: "travel to The Hague for the annual summit", "The Hague will host the 2025 NATO Summit", "Lithuania
#: hosted this year's summit"
_PLACE_FOR_SUMMIT = re.compile(
    r"\b(?:to|in)\s+" + _PLACE + r"\s+for\s+(?:the|a|this year's|its)\s+(?:[\w-]+\s+){0,3}?[Ss]ummit\b"
    r"|" + _PLACE.replace("(?P<place>", "(?P<host>") + r"(?:,\s+[A-Z]\w+,?)?\s+(?:will host|hosts|hosted|is hosting|"
    r"was hosting|to host|host)\s+(?:the|a|this year's|next year's|its)?\s*(?:[\w-]+\s+){0,3}?[Ss]ummit\b"
)
#: words between the summit and its place that make the place another act's ("the summit, Rutte said in
#: Vilnius", "the summit and a dinner in The Hague")
_MID_OTHER = re.compile(r"\b(?:said|says|told|and|but|while|after|before|since|when|where|which)\b|,\s")
#: a time the sentence gives the summit relative to the article's day
_SUMMIT_WHEN = re.compile(
    r"\b(?P<rel>this|next|last)\s+(?P<unit>week|month|year)\b|\b(?P<later>later|earlier)\s+this\s+month\b"
    rf"|\b(?:this|in|last|next)\s+(?P<month>{MONTH_NAMES})\b(?![\s,]+(?:\d{{1,2}}\b|(?:19|20)\d\d))"
    rf"|\b(?:on\s+)?(?P<weekday>{WEEKDAY_NAMES})\b"
    r"|\b(?P<same>the same year|that year)\b"
)
#: days a summit natosim holds by one day may be off and still be that summit (they last two or three days)
_SUMMIT_SPAN = dt.timedelta(days=2)
#: the article's day may be approximate: a relative time missing the summit by this little is not judged
_SUMMIT_SLACK = dt.timedelta(days=10)


def _when_window(view: SentenceView, match: re.Match[str]) -> tuple[dt.date, dt.date, str] | None:
    """The days a relative time ("this week", "later this month", "this June", "on Wednesday", "that
    year") covers, read from the article's date (the year before, for "that year")."""
    date = view.context.date
    if match.group("same"):
        carried = view.context.event_year
        if carried is None or view.sentence.paragraph - carried[1] > 1:
            return None
        return dt.date(carried[0], 1, 1), dt.date(carried[0], 12, 31), f"'{match.group(0)}': {carried[0]}"
    if date is None:
        return None
    if match.group("unit"):
        shift = {"this": 0, "next": 1, "last": -1}[match.group("rel").casefold()]
        unit = match.group("unit")
        if unit == "week":
            monday = date - dt.timedelta(days=date.weekday()) + dt.timedelta(weeks=shift)
            return monday, monday + dt.timedelta(days=6), f"'{match.group(0)}' from the article date"
        if unit == "month":
            month_index = date.year * 12 + date.month - 1 + shift
            year, month = divmod(month_index, 12)
            last = calendar.monthrange(year, month + 1)[1]
            return (
                dt.date(year, month + 1, 1),
                dt.date(year, month + 1, last),
                f"'{match.group(0)}' from the article date",
            )
        year = date.year + shift
        return dt.date(year, 1, 1), dt.date(year, 12, 31), f"'{match.group(0)}' from the article date"
    if match.group("later"):
        last = calendar.monthrange(date.year, date.month)[1]
        if match.group("later").casefold() == "later":
            return date, dt.date(date.year, date.month, last), "'later this month' from the article date"
        return dt.date(date.year, date.month, 1), date, "'earlier this month' from the article date"
    if match.group("month"):
        month = month_number(match.group("month"))
        # the month nearest the article's day ("this June" in April: this year's; "in June" in August: this year's)
        years = sorted(
            (date.year - 1, date.year, date.year + 1), key=lambda y: abs((dt.date(y, month, 15) - date).days)
        )
        year = years[0]
        return (
            dt.date(year, month, 1),
            dt.date(year, month, calendar.monthrange(year, month)[1]),
            f"'{match.group(0).strip()}' read from the article date",
        )
    # a weekday: the nearest such day before or after the article's (a report of the day before, or a preview)
    return date - dt.timedelta(days=6), date + dt.timedelta(days=6), f"'{match.group(0).strip()}' near the article date"


def _summits_by_place(scope: events._Scope) -> None:
    """A summit named by its place and, at most, a time relative to the article ("the NATO summit held in
    The Hague", "a summit in the Netherlands later this month", "travel to The Hague for the annual
    summit", "a summit next week in Lithuania", "At a summit in Wales the same year").

    Why: reports name the summit they cover by its host far more often than by a date. The place is
    checked against the summits natosim holds there: with a relative time, the summit held there must
    fall in the days it covers (a time that misses it by more than the article date's slack, while
    another host's summit falls in them, names the wrong place or time: contradicted); without one, the
    summit held there nearest the article (within a year) is the one meant. natosim does not hold every
    summit: a place with none near gives no claim, and a sentence another summit reader judged is left."""
    view = scope.view
    text = scope.text
    if any((c.subject or "").startswith("summit:") for c in scope.claims):
        return
    if not (events._NATO.search(text) or view.context.about_nato):
        return
    found = []
    for match in _SUMMIT_AT_PLACE.finditer(text):
        if not _MID_OTHER.search(match.group("mid")):
            found.append((match, match.group("place")))
    for match in _PLACE_FOR_SUMMIT.finditer(text):
        found.append((match, match.group("place") or match.group("host")))
    date = view.context.date
    for match, place in found[:1]:
        key = _PLACE_KEY.get(place.casefold(), place.casefold().removeprefix("the ").split(",")[0].strip())
        key = "hague" if key == "hague" else key.split()[0]
        if key not in _SUMMITS:
            continue
        summit = _SUMMITS[key]
        held = _summit_dates(scope.rules, summit)
        if not held:
            continue
        # a year of the summit's own: in the phrase or right around it ("the 2025 NATO Summit, held in The
        # Hague"); a year elsewhere dates another act ("the target, agreed in 2014, will rise at a summit in ...")
        years = [y for y, start, _ in view.years if match.start() - 20 <= start <= match.end() + 15]
        # the time must be the summit's: between the summit and its place, right after them, or a possessive
        # right before ("this week's summit"); a time elsewhere in the sentence may date another act
        # ("Last week, Rutte said the summit in The Hague would ...")
        when = None
        for candidate in _SUMMIT_WHEN.finditer(text):
            within = match.start() <= candidate.start() < match.end()
            after = 0 <= candidate.start() - match.end() <= 15
            possessive = candidate.end() <= match.start() and re.fullmatch(
                r"'s\s+(?:[\w-]+\s+){0,3}?", text[candidate.end() : match.start()]
            )
            if ((within or after or possessive) and not candidate.group("weekday")) or (
                after and candidate.group("weekday")
            ):
                when = candidate
                break
        evidence = [_date_evidence(day, source, label) for day, source, label in held]
        end = match.end()
        if when is not None and when.start() >= match.end() and when.start() - match.end() <= 12:
            end = when.end()
        common: dict[str, Any] = {
            "kind": "event_date",
            "start": match.start(),
            "end": end,
            "evidence": evidence,
            "subject": f"summit:{summit.casefold()}",
        }
        if years:
            # a year in the sentence: the summit held there that year ("the 2025 NATO Summit, held in The Hague")
            hit = next((day for day, _, _ in held if day.year in years), None)
            if hit is None:
                continue  # another year's summit natosim may not hold, or a year of something else
            scope.claims.append(
                view.claim(
                    **common,
                    value=hit.year,
                    year=hit.year,
                    verdict="supported",
                    expected=hit.isoformat(),
                    note=f"the summit natosim holds in {summit} in {hit.year} ({hit.isoformat()})",
                )
            )
            continue
        window = _when_window(view, when) if when is not None else None
        if when is not None and window is None:
            continue  # a time relative to a day the article does not give ("last July" with no date)
        if window is not None:
            first, last, how = window
            inside = [day for day, _, _ in held if first - _SUMMIT_SPAN <= day <= last + _SUMMIT_SPAN]
            nearest = min(
                (day for day, _, _ in held), key=lambda day: min(abs((day - first).days), abs((day - last).days))
            )
            elsewhere = [
                (item.name, item.date)
                for item in scope.rules.events().summits
                if first <= item.date <= last and _SUMMITS.get(item.name.casefold().removeprefix("the "), "") != summit
            ]
            if inside:
                verdict, expected = "supported", inside[0]
            elif elsewhere or (nearest < first - _SUMMIT_SLACK or nearest > last + _SUMMIT_SLACK):
                verdict, expected = "contradicted", nearest
            else:
                verdict, expected = "not checkable", nearest
            if (
                verdict == "contradicted"
                and not elsewhere
                and abs((nearest - (date or nearest)).days) > _SUMMIT_NEAR_DAYS
            ):
                continue  # no summit of that place near the article: another summit natosim does not hold
            scope.claims.append(
                view.claim(
                    **common,
                    value=f"{first.isoformat()}..{last.isoformat()}",
                    year=expected.year,
                    verdict=verdict,
                    expected=expected.isoformat(),
                    note=f"a summit in {summit} at {how} ({first.isoformat()} to {last.isoformat()}); natosim holds "
                    + ", ".join(f"{d.isoformat()} ({label})" for d, _, label in held)
                    + (
                        f"; in those days natosim holds the {elsewhere[0][0]} summit"
                        if elsewhere and not inside
                        else ""
                    ),
                )
            )
            continue
        near = [day for day, _, _ in held if date is None or abs((day - date).days) <= _SUMMIT_NEAR_DAYS]
        if not near:
            continue
        scope.claims.append(
            view.claim(
                **common,
                value=near[0].isoformat(),
                year=near[0].year,
                verdict="supported",
                expected=near[0].isoformat(),
                note=f"a summit in {summit} without a date: natosim holds one there on {near[0].isoformat()}"
                + (f", within a year of the article ({date.isoformat()})" if date else ""),
            )
        )


def _nearest_first(rules: Any, summit: str, year: int) -> list[tuple[dt.date, str, str]]:
    """The summits natosim holds in that city, the one nearest ``year`` first: a city may have hosted
    several (Washington in 1999 and 2024), and the year written or implied picks among them."""
    return sorted(_summit_dates(rules, summit), key=lambda item: abs(item[0].year - year))


def _date_evidence(day: dt.date, source: str, label: str) -> Evidence:
    """A summit's day natosim holds (an item of ``_summit_dates``), as the evidence of a claim."""
    return Evidence(f"{label}: {day.isoformat()}", source, day.isoformat(), rule="summit")


def _summit_dates(rules: Any, summit: str) -> list[tuple[dt.date, str, str]]:
    """Every summit natosim holds in that city (Washington: 1999 and 2024), the best-sourced first."""
    first = _summit_date(rules, summit)
    others = [
        (item.date, events.first_source(item.source), f"{summit} summit")
        for item in rules.events().summits
        if item.name.casefold().removeprefix("the ") == summit.casefold().removeprefix("the ")
        and (first is None or item.date != first[0])
    ]
    return ([first] if first is not None else []) + others


def _summit_date(rules: Any, summit: str) -> tuple[dt.date, str, str] | None:
    for pledge in rules.pledges():
        if summit.casefold() in pledge.forum.casefold() and pledge.adopted_precision == "day":
            return pledge.adopted, pledge.source, f"{summit} summit ({pledge.id} adopted)"
    dated = rules.events().summit(summit)  # structured dates (rules/parameters/events.yaml)
    if dated is not None:
        return dated.date, events.first_source(dated.source), f"{summit} summit"
    return None
