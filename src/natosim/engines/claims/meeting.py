"""Counts of allies at a target said in other words than "N allies meet the target" (issue 17, round 6).

English says how many allies meet a target in several shapes the figure finders and ``counts`` do not
read; each is a general construction, judged by the one rule for such counts
(``spending.allies_meeting``: NATO's printed % of GDP, the year written or inferred, the edition of
the day):

- the passive, target first: "the target was achieved by only ten countries" (not a list after it: "a
  level reached only by Poland, the US and Greece" may name the notable allies only);
- a pro-verb standing for meeting the target: "today 23 do so", "five nations were doing so";
- "one of N": "the UK is only one of five countries to spend more than 2%" (N meet it);
- one ally alone: "only one NATO country spent more than 3% of its GDP" (the singular noun);
- a count whose noun phrase is long or left out: "only nine of the Western military alliance's 30
  members meet that goal", "of NATO's 29 members, just five meet that target", "with only seven meeting
  NATO's 2% target";
- an earlier count written with its year after a count the sentence gives in words ("all allies ...,
  compared to only three allies in 2014"), "compares to less than 10 members five years ago", and "the
  number was fewer than ten" when the sentence itself speaks of the count (not a "number" of an
  earlier sentence: which count it stands for is not sure).

The threshold is the pledge's % of GDP written in the sentence, else the target the article stated
last (``ArticleContext.last_target``); with neither, nothing is read: a count is never judged against
a guessed threshold. "Spend more than 3%" counts the allies at or above 3% as NATO prints them (two
decimals; an ally at exactly 3.00% is rare and the tolerance of a count absorbs it).
"""

from __future__ import annotations

import dataclasses
import re

from natosim.engines.claims import facts, rank_words, spending
from natosim.engines.claims.context import SentenceView, YearChoice
from natosim.engines.claims.gazetteer import Mention
from natosim.engines.claims.model import Claim
from natosim.engines.claims.numbers import Quantity, words_to_number
from natosim.engines.claims.pledges import TARGET_NOUN

_ALLY_NOUN = r"(?:allies|members|member states|member countries|member nations|nations|countries|states)"
_ONE_NOUN = r"(?:ally|member|member state|member country|member nation|nation|country|state)"
_MEET = spending.MEETS.pattern[5:-3]
_MISS = spending.MISSES.pattern[5:-3]
_ONLY = r"(?:only\s+|just\s+|a mere\s+|merely\s+)?"
#: the target as a noun phrase: "the target", "NATO's 2% of GDP defence spending target", "that goal"
_THE_TARGET = (
    r"(?:the|that|this|its|their|NATO's|the alliance's|NATO’s|the alliance’s)\s+(?:[\w'’%.-]+\s+){0,6}?"
    + TARGET_NOUN
    + r"\b"
)

#: "the 2% target was achieved by only ten countries"
PASSIVE = re.compile(
    rf"\b(?:achieved|met|reached|attained|fulfill?ed|hit|exceeded|surpassed|respected|honou?red)\s+"
    rf"(?:so far\s+|to date\s+|now\s+)?(?P<only>only\s+|just\s+)?by\s+{_ONLY}"
    rf"(?P<num>[\w-]+)\s+(?:of\s+(?:the\s+|its\s+|NATO's\s+)?(?:\d+\s+)?)?(?:NATO\s+|European\s+|member\s+)?"
    rf"{_ALLY_NOUN}\b",
    re.IGNORECASE,
)
#: "today 23 do so", "five nations were doing so", "23 of 32 allies now do so"
PRO_VERB = re.compile(
    rf"(?<![\w.,])(?P<num>[\w-]+)\s+(?:(?:out\s+)?of\s+(?:them\s+|those\s+|these\s+|(?:the\s+|its\s+|NATO's\s+)?(?:\d+\s+)?))?"
    rf"(?:(?:NATO\s+|European\s+|member\s+|other\s+)?{_ALLY_NOUN}\s+)?"
    rf"(?:now\s+|already\s+|still\s+|actually\s+|currently\s+)?"
    rf"(?P<verb>do|did|does|were doing|are doing|have done|had done|managed to do|manage to do)\s+so\b",
    re.IGNORECASE,
)
#: "one of five NATO countries that meet the commitment", "only one of 5 countries to spend more than 2%"
ONE_OF = re.compile(
    rf"\bone\s+of\s+(?:the\s+|only\s+|just\s+)*(?P<num>[\w-]+)\s+(?:NATO\s+|European\s+|member\s+|alliance\s+)?"
    rf"{_ALLY_NOUN}\s+(?:that\s+|which\s+|to\s+|who\s+)?(?:now\s+|currently\s+|already\s+)?"
    rf"(?:(?P<verb>{_MEET}|{_MISS})\b[^.;]{{0,30}}?{_THE_TARGET}|(?:spend|spends|spent|spending)\s+"
    rf"(?P<qual>more than|over|above|at least|in excess of)\s+(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per\s?cent|percent))",
    re.IGNORECASE,
)
#: "Only one NATO country spent more than 3% of its GDP", "just one ally meets the target"
ONE_ALLY = re.compile(
    rf"\b(?:only|just|a single|just a single|only a single)\s+(?P<num>one)\s+(?:NATO\s+|European\s+|member\s+)?"
    rf"{_ONE_NOUN}\b(?:\s+\([^)]{{0,40}}\))?\s+(?:now\s+|currently\s+|actually\s+)?"
    rf"(?:(?P<verb>{_MEET}|{_MISS})\b[^.;]{{0,30}}?{_THE_TARGET}|(?:spend|spends|spent|was spending|is spending)\s+"
    rf"(?P<qual>more than|over|above|at least|in excess of)\s+(?P<pct>\d+(?:\.\d+)?)\s*(?:%|per\s?cent|percent))",
    re.IGNORECASE,
)
#: a count with a long noun phrase ("nine of the Western military alliance's 30 members") or none ("of
#: NATO's 29 members, just five meet that target", "with only seven meeting NATO's 2% target")
LONG_COUNT = re.compile(
    rf"(?:(?<=\bonly\s)|(?<=\bjust\s)|(?<=\bmerely\s)|(?<=\bwith\s)|(?<=,\s)|(?<=^))"
    rf"(?P<num>[\w-]+)\s+(?:(?:(?:out\s+)?of\s+(?:[\w'’.-]+\s+){{1,5}}?{_ALLY_NOUN}|(?:NATO\s+)?{_ALLY_NOUN}\s+of\s+"
    rf"(?:[\w'’.-]+\s+){{1,4}}?(?:club|alliance|bloc|organi[sz]ation|group))\s+)?"
    rf"(?:(?:are|were|is|was|have|has|had|still|now|currently|actually|already|expected to|set to|likely to|"
    rf"on track to|projected to|forecast to|due to|will|would|can|could|be|been)\s+){{0,3}}"
    rf"(?P<verb>{_MEET}|{_MISS})\b[^.;]{{0,30}}?{_THE_TARGET}",
    re.IGNORECASE,
)
#: "all allies are expected to meet ..., compared to only three allies in 2014", "up from fewer than ten five
#: years ago": the earlier count
EARLIER = re.compile(
    rf"\b(?:up|down|rising|risen|falling)?\s*(?:from|compared\s+(?:to|with)|against|versus)\s+{_ONLY}"
    rf"(?P<num>(?:(?:fewer|less|more)\s+than\s+)?[\w-]+)\s+(?:(?:NATO\s+)?{_ALLY_NOUN}\s+)?"
    rf"(?:(?:in|back in)\s+(?P<year>(?:19|20)\d\d)\b|(?P<ago>(?:\w+|a)\s+(?:years?|decades?)\s+ago)\b)",
    re.IGNORECASE,
)
#: "five years ago, the number was fewer than ten", "the figure stood at nine": the count spoken of before
THE_NUMBER = re.compile(
    r"\b(?:the|that|this)\s+(?:number|figure|count|tally)\s+(?:was|stood at|were|had been|is|has been)\s+"
    r"(?P<num>(?:(?:fewer|less|more)\s+than\s+|only\s+|just\s+|about\s+|around\s+)?[\w-]+)\b",
    re.IGNORECASE,
)
#: "... compares to less than 10 members five years ago"
COMPARES = re.compile(
    rf"\bcompar(?:es|ed|ing)\s+(?:to|with)\s+(?P<num>(?:(?:fewer|less|more)\s+than\s+|only\s+|just\s+)?[\w-]+)\s+"
    rf"(?:(?:NATO\s+)?{_ALLY_NOUN}\s+)?(?=\w+\s+years?\s+ago\b|a decade ago\b|in\s+(?:19|20)\d\d\b)",
    re.IGNORECASE,
)
#: "Poland, Estonia and Latvia are the only allies that meet the 3.5% target": the list's length is the count
ONLY_ONES = re.compile(
    rf"\b(?:are|were)\s+(?:now\s+|still\s+)?the\s+only\s+(?:NATO\s+|alliance\s+|European\s+|member\s+)?{_ALLY_NOUN}\s+"
    rf"(?:that|which|to)\s+(?:(?:are|were|have|currently|now|still|already|expected|projected|set|likely|due|to)\s+)*"
    rf"(?P<verb>{_MEET}|sp(?:end|ends|ending|ent)\s+(?:more than|over|above|at least))\b",
    re.IGNORECASE,
)
#: a sentence about the count of allies at a target: the antecedent of "the number" and "do so"
_ABOUT_COUNT = re.compile(
    rf"\b(?:number of|how many)\s+(?:NATO\s+)?{_ALLY_NOUN}\b|\b{_ALLY_NOUN}\b[^.;]{{0,80}}?\b(?:{_MEET}|{_MISS})\b",
    re.IGNORECASE,
)


def _count(view: SentenceView, start: int, end: int | None = None) -> Quantity | None:
    """The quantity read at ``start`` (or inside ``start``..``end``): a whole count of allies (0-40)."""
    found = next((q for q in view.quantities if q.start == start or (end is not None and start <= q.start < end)), None)
    if found is None or found.decimals or found.is_fraction or not 0 <= found.value <= 40:
        return None
    if found.currency is not None or spending.PERCENT.match(view.text[found.end :]):
        return None
    return found


def _threshold(view: SentenceView, position: int) -> float | None:
    """The pledge's % of GDP written in the sentence (nearest to ``position``), else the article's last."""
    targets = facts.pledge_targets()
    written = [
        q
        for q in view.quantities
        if spending.PERCENT.match(view.text[q.end :]) and q.value in targets and not q.decimals
    ]
    if written:
        return min(written, key=lambda q: abs(q.start - position)).value
    if any(spending.PERCENT.match(view.text[q.end :]) for q in view.quantities):
        return None  # another percentage in the sentence: which one the count is at is not sure
    return view.context.last_target


def _claim(
    view: SentenceView,
    count: Quantity,
    start: int,
    end: int,
    threshold: float,
    used: set[int],
    *,
    below: bool = False,
    year: YearChoice | None = None,
) -> Claim:
    used.add(count.start)
    if year is None:
        year = _year_of_count(view, count.start)
    return spending.allies_meeting(view, count, start, end, threshold, below=below, year_choice=year)


_NOW_BEFORE = re.compile(r"\b(?:today|now|currently|at present|these days)\b[^.;,]{0,30}$", re.IGNORECASE)
#: a year that dates the target's adoption, not the count: "the requirement agreed upon in 2006"
_ADOPTED_IN = re.compile(
    r"\b(?:agreed|set|adopted|made|established|pledged|decided|introduced|signed)\s+(?:upon\s+|on\s+|to\s+)?"
    r"(?:at\s+(?:the\s+)?[\w\s]{0,30}?\s+)?in\s+$",
    re.IGNORECASE,
)


def _year_of_count(view: SentenceView, position: int) -> YearChoice | None:
    """The count's year as ``year_near`` reads it, except a year that dates the target's adoption ("the
    requirement agreed upon in 2006"): then the count is of the article's time (inferred, never accused)."""
    choice = view.year_near(position)
    if choice.source != "stated":
        return None
    if _NOW_BEFORE.search(view.text[max(0, position - 40) : position]):
        # "before 2022 only eight did; today 23 do so": "today" dates the count even when the article's date
        # is unknown (then the latest year held, inferred: never accused), not the year of the other clause
        date = view.context.date
        return YearChoice(
            date.year if date else None, "'today' (the article's time)", "relative" if date else "inferred"
        )
    for year, start, _ in view.years:
        if year == choice.year and _ADOPTED_IN.search(view.text[max(0, start - 60) : start]):
            date = view.context.date
            return YearChoice(
                date.year if date else None, "the article's year (the year written dates the target)", "inferred"
            )
    return None


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    """Every count of allies at a target in the shapes this module reads (see the module docstring)."""
    claims: list[Claim] = []
    text = view.text
    if not (view.context.spending_topic or re.search(r"\bGDP\b|gross domestic product", text)):
        return claims
    for match in PASSIVE.finditer(text):
        threshold = _threshold(view, match.start())
        count = _count(view, match.start("num"))
        if threshold is None or count is None or count.start in used:
            continue
        claims.append(_claim(view, count, match.start(), match.end(), threshold, used))
    for match in ONE_OF.finditer(text):
        count = _count(view, match.start("num"))
        pct = float(match.group("pct")) if match.group("pct") else _threshold(view, match.start())
        if count is None or count.start in used or pct is None:
            continue
        below = bool(match.group("verb") and spending.MISSES.fullmatch(match.group("verb")))
        claims.append(_claim(view, count, match.start(), match.end(), pct, used, below=below))
    for match in ONE_ALLY.finditer(text):
        start = match.start("num")
        count = Quantity(1.0, None, 0, True, False, None, start, match.end("num"), "one")
        pct = float(match.group("pct")) if match.group("pct") else _threshold(view, match.start())
        if start in used or pct is None or any(q.start == start for q in view.quantities if q.start in used):
            continue
        below = bool(match.group("verb") and spending.MISSES.fullmatch(match.group("verb")))
        claims.append(_claim(view, count, match.start(), match.end(), pct, used, below=below))
    for match in LONG_COUNT.finditer(text):
        count = _count(view, match.start("num"))
        threshold = _threshold(view, match.start())
        if count is None or count.start in used or threshold is None:
            continue
        if re.fullmatch(r"(?:19|20)\d\d", match.group("num")):
            continue
        below = bool(spending.MISSES.fullmatch(match.group("verb")))
        if re.search(r"\b(?:not|never)\b|n't\b", text[match.start() : match.start("verb")], re.IGNORECASE):
            below = not below
        claims.append(_claim(view, count, match.start(), match.end(), threshold, used, below=below))
    claims.extend(_anaphoric(view, used))
    claims.extend(_only_ones(view, used))
    return claims


def _only_ones(view: SentenceView, used: set[int]) -> list[Claim]:
    """ "A, B and C are the only allies that meet the target": as many allies as are listed meet it (the
    threshold: the first percentage after the verb, else the article's target)."""
    claims: list[Claim] = []
    for match in ONLY_ONES.finditer(view.text):
        before = [m for m in view.countries if m.end <= match.start()]
        allies: list[Mention] = []
        for first in before:
            chain = rank_words.listed_with_figures(view, first.start)
            if len(chain) >= 2 and chain[-1] is before[-1]:
                allies = chain
                break
        gap = view.text[before[-1].end : match.start()] if before else ""
        if (
            not allies
            or not re.fullmatch(r"\s*(?:\([^)]{0,30}\))?\s*", gap)
            or not all(facts.is_ally(m.iso3) for m in allies)
        ):
            continue
        after = [
            q
            for q in view.quantities
            if q.start >= match.start("verb")
            and q.start - match.end() <= 60
            and spending.PERCENT.match(view.text[q.end :])
        ]
        threshold = after[0].value if after else view.context.last_target
        if threshold is None or allies[0].start in used:
            continue
        first, last = allies[0], allies[-1]
        count = Quantity(
            float(len(allies)), None, 0, True, False, None, first.start, last.end, view.text[first.start : last.end]
        )
        claims.append(_claim(view, count, first.start, match.end(), threshold, used))
    return claims


def _ago(view: SentenceView, match: re.Match[str]) -> YearChoice:
    """The year of "five years ago", "a decade ago" against the article's date (unknown without it)."""
    words = match.group("ago").split()
    number = 1.0 if words[0].casefold() == "a" else words_to_number(words[0]) or 0.0
    back = int(number) * (10 if words[1].casefold().startswith("decade") else 1)
    date = view.context.date
    if date is None or not back:
        return YearChoice(None, f"'{match.group('ago')}' without the article's date", None)
    return YearChoice(date.year - back, f"'{match.group('ago')}' from the article date", "relative")


def _anaphoric(view: SentenceView, used: set[int]) -> list[Claim]:
    """Counts that lean on a count or a target said before: "today 23 do so", "compared to only three
    allies in 2014", "the number was fewer than ten", "compares to less than 10 members five years ago"."""
    claims: list[Claim] = []
    text = view.text
    threshold = view.context.last_target
    written = _threshold(view, 0)
    if written is not None:
        threshold = written
    if threshold is None or not (view.context.spending_topic or written is not None):
        return claims
    for match in PRO_VERB.finditer(text):
        count = _count(view, match.start("num"))
        if count is None or count.start in used or re.fullmatch(r"(?:19|20)\d\d", match.group("num")):
            continue
        claim = _claim(view, count, match.start(), match.end(), threshold, used)
        past = match.group("verb").casefold() in ("did", "were doing", "had done", "managed to do")
        if past and view.year_near(count.start).source not in ("stated", "relative"):
            # "Eight allies will meet it this year. Five nations were doing so ...": the past tense without a
            # time says "before now", not which year
            claim = dataclasses.replace(
                claim, verdict="not checkable", note=f"a past count without its year; {claim.note}"
            )
        claims.append(claim)
    about = bool(_ABOUT_COUNT.search(text))
    for match in EARLIER.finditer(text) if about else ():
        count = _count(view, match.start("num"), match.end("num"))
        if count is None or count.start in used or count.end > match.end("num"):
            continue  # ("ten five years ago" read as one number: not a count)
        # "up from three in 2014": that year; "up from fewer than ten five years ago": five years before the day
        year = YearChoice(int(match.group("year")), "stated", "stated") if match.group("year") else _ago(view, match)
        claims.append(_claim(view, count, match.start(), match.end(), threshold, used, year=year))
    for pattern in (THE_NUMBER, COMPARES):
        for match in pattern.finditer(text):
            if pattern is THE_NUMBER and not about:
                continue
            count = _count(view, match.start("num"), match.end("num"))
            if count is None or count.start in used:
                continue
            claims.append(_claim(view, count, match.start(), match.end(), threshold, used))
    return claims
