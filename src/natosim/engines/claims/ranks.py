"""Ranks among the allies: "Poland is NATO's biggest spender relative to GDP", "Latvia ranks third
with 3.15 percent", "Germany, the alliance's second-largest spender", "Spain, the lowest spender".

Checked against NATO's figures for every member in the year (``facts.ranking``): by % of GDP (two
decimals, as NATO prints them) or by US$ (current prices, the one edition holding per-ally US$). The
measure is the one the sentence names (GDP, a share, a percentage → % of GDP; dollars, "in absolute
terms", "in cash terms" → US$); when it names none, both rankings are computed and the claim is judged
only if they agree. The scope is NATO's members, or the European allies when the sentence says
"Europe's" or "European". A rank that depends on an ally without a figure (Iceland has none) is not
checkable; so is any rank when the sentence speaks of plans or forecasts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from natosim.engines.claims import facts, rank_words
from natosim.engines.claims.context import SentenceView
from natosim.engines.claims.gazetteer import Mention
from natosim.engines.claims.model import Claim, Evidence
from natosim.engines.claims.numbers import ordinal

_ORDINAL_WORDS = (
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"(?:[2-9]|[12]\d|3[0-2])(?:st|nd|rd|th)(?!\w)"
)
_TOP = r"top|biggest|largest|highest|leading|greatest|number[- ]one|No\. ?1"
_BOTTOM = r"lowest|smallest|least|bottom"
#: "<Country> is NATO's second-biggest spender", "<Country>, the alliance's top spender",
#: "<Country> ranks third with 3.15 percent"
RANK = re.compile(
    rf"(?:\b(?:is|was|remains|remained|became|becomes|ranks? as|ranked as|stays?|as)\s+|,\s+)"
    rf"(?:now\s+|still\s+|already\s+|by far\s+)?(?:the\s+|NATO's\s+|the\s+alliance's\s+|Europe's\s+|the\s+bloc's\s+)"
    rf"(?:(?P<ord>{_ORDINAL_WORDS})[- ](?:biggest|largest|highest|lowest|smallest)?\s*|(?P<top>{_TOP})\s+|"
    rf"(?P<bottom>{_BOTTOM})\s+)(?:(?:military|defen[cs]e|relative|proportional|absolute)\s+)?spenders?\b"
    rf"|\b(?:ranks?|ranked|came|comes|placed|is|was|sits?|sat|finished|finishes)\s+(?:in\s+|at\s+)?"
    rf"(?P<ord2>{_ORDINAL_WORDS}|first|last)\b"
    rf"(?=\s*[,(]|\s+(?:with|at|among|in|on|behind|after)\b)"
    # "..., placing it third among NATO allies", "making it the leader among NATO members"
    rf"|\b(?:placing|putting|making|leaving|placed|places|puts|put|made|makes|left|leaves)\s+it\s+(?:(?P<it_ord>{_ORDINAL_WORDS}|first|last)\b|the\s+"
    rf"(?:(?P<it_ord_the>{_ORDINAL_WORDS})[- ](?:biggest|largest|highest)\s+spender|"
    rf"(?P<it_top>leader|top spender|highest|biggest|largest)|"
    rf"(?P<it_bottom>lowest|smallest|least)))"
    rf"(?=\s+(?:among|in|of|within)\s+(?:the\s+)?(?:NATO|alliance|allies|members))"
    # "Greece has the second highest rate of defense spending in NATO"
    rf"|\b(?:has|had|have)\s+(?:the\s+)?(?P<has_ord>{_ORDINAL_WORDS})[- ](?:highest|largest|biggest)\s+"
    rf"(?:rate of\s+|level of\s+)?(?:defen[cs]e\s+|military\s+)?(?:spending|expenditures?)\b"
    # the ways a first place is said without "spender": "Poland leads NATO allies", "tops the list", "leading
    # the pack", "leads by GDP share", "remains top of the table", "the leader among NATO members"
    rf"|(?<![-\w])(?P<lead>(?:leads?|led|leading|tops?|topped|topping|heads?|headed)\s+(?:the\s+)?(?:list|table|"
    rf"ranking|rankings|pack|way|league table|chart|field|(?:all\s+)?(?:other\s+)?(?:NATO\s+)?(?:allies|members|"
    rf"countries|nations)|NATO|alliance)\b|(?:leads?|led|leading)\s+(?:by|in)\s+(?:GDP|share|proportion|"
    rf"percentage|relative)|(?:at\s+)?(?:the\s+)?top of the (?:table|list|ranking|league)|"
    rf"(?:is|was|remains|remained|became|as|,|making it)\s+(?:now\s+|still\s+)?the\s+(?:clear\s+)?leader\b"
    rf"(?=\s+(?:among|in|of|within)\s+(?:the\s+)?(?:NATO|alliance|allies|members)))"
    # "second only to the United States", "third-highest in NATO after Poland and the US"
    rf"|\b(?P<second_only>second only to)\b"
    rf"|(?:\b(?:is|was|remains|which is|,)\s+(?:the\s+)?)(?P<ord_in>{_ORDINAL_WORDS})[- ](?:highest|largest|"
    rf"biggest)\s+(?=(?:in|among|within)\s+(?:the\s+)?(?:NATO|alliance|allies|members|bloc))"
    # "spends the largest percentage", "the worst-performing state in NATO", "a higher proportion of GDP on
    # defence than any other NATO member", "at the bottom of the list"
    rf"|\b(?:spends?|spent|spending|devotes?|devoted|allocates?|allocated|with|has|had|have)\s+the\s+(?:(?P<top_share>largest|"
    rf"highest|biggest|greatest)|(?P<bottom_share>lowest|smallest|least))\s+(?:percentage|proportion|share)\b"
    rf"|\b(?P<worst>the\s+worst[- ]performing\s+(?:state|country|ally|member|nation))\b"
    rf"|\b(?P<than_any>(?:higher|larger|bigger|greater)\s+(?:proportion|share|percentage)\b[^.;]{{0,50}}?"
    rf"\bthan any other\b)"
    rf"|\b(?P<at_bottom>(?:at|propping up)\s+the\s+bottom\s+of\s+the\s+(?:list|table|ranking|league))\b",
    re.IGNORECASE,
)
_ORD_ANY = rf"{_ORDINAL_WORDS}|first|last"
_SMALL = r"\d{1,2}|two|three|four|five|six|seven|eight|nine|ten"
#: more ways a rank is said (issue 17, round 5, r5-summits), each a general wording of English:
MORE = re.compile(
    # "The country with the highest spending as a proportion of GDP is the US": the ally comes after
    rf"\b(?:country|ally|member|nation)\s+with\s+the\s+(?:(?P<inv_top>highest|largest|biggest)|(?P<inv_bottom>lowest|"
    rf"smallest))\s+(?:defen[cs]e\s+|military\s+)?(?:spending|expenditure|budget|share|proportion)\b[^.;]{{0,60}}?"
    rf"\b(?:is|was|remains|remained)\s+(?:the\s+)?(?=[A-Z])"
    # "allocating only 1.28 percent of its GDP to defense, the least among NATO members"
    rf"|,\s+the\s+(?:(?P<cs_top>highest|most|largest)|(?P<cs_bottom>least|lowest|smallest))\b"
    rf"(?:\s+(?:figure|share|level|rate|proportion|percentage|amount|ratio))?"
    rf"(?=\s+(?:among|in|of|within|across)\s+(?:the\s+)?(?:NATO|alliance|allies|members|bloc))"
    # "That puts the country 20th out of the 29 countries", "leaves Canada 20th out of NATO's 29 members"
    rf"|\b(?:puts?|putting|leaves?|leaving|places?|placing|ranks?|ranking|ranked)\s+(?P<out_subj>it|the country|"
    rf"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,2}})\s+(?P<ord_out>{_ORD_ANY})\s+(?:out\s+)?of\s+(?:the\s+)?"
    rf"(?:NATO's\s+|all\s+|its\s+)?(?:\d{{1,2}})\b"
    # "in penultimate place", "second from bottom", "second-lowest", "next to last"
    rf"|\b(?P<penult>(?:in\s+)?penultimate\s+(?:place|position|spot)|second[- ](?:from|to)[- ](?:(?:the\s+)?bottom|"
    rf"last)|(?:the\s+)?second[- ]lowest(?:\s+(?:spender|in\s+(?:NATO|the alliance)))?|next[- ]to[- ]last)\b"
    # "with the UK in fourth", "Lithuania in second place"
    rf"|(?<=\s)in\s+(?P<in_ord>{_ORDINAL_WORDS}|first|last)(?:\s+place|\s+position|\s+spot)?\b"
    rf"(?!\s+(?:year|time|consecutive|straight|quarter|half|round|term|row))"
    # "ranks among the top five countries", "one of the top 10 spenders"
    rf"|\b(?:among|in|one of)\s+the\s+top\s+(?P<top_k>{_SMALL})\b"
    # "one of the top spenders", "among the countries spending the least", "long the tail end of the Alliance"
    rf"|\b(?P<top_group>one\s+of\s+the\s+(?:top|biggest|largest|highest|leading)\s+(?:(?:defen[cs]e|military)\s+)?"
    rf"spenders)\b"
    rf"|\b(?P<bottom_group>one\s+of\s+the\s+(?:lowest|smallest)\s+(?:(?:defen[cs]e|military)\s+)?spenders|among\s+"
    rf"the\s+(?:NATO\s+|alliance\s+)?(?:countries|nations|allies|members)\s+(?:spending|that spend|to spend)\s+the\s+"
    rf"(?:least|lowest|smallest)|(?:at\s+)?the\s+tail[- ]end\s+of\s+(?:the\s+)?(?:NATO|alliance|list|table|ranking))\b"
    # "spends more money on defence than any other nation (in the world)"
    rf"|(?:\b|(?<=,))(?P<more_than_any>(?:spends?|spent|,)\s+more\s+(?:money\s+)?(?:on\s+(?:defen[cs]e|its\s+military|the\s+military)\s+)?"
    rf"than\s+any\s+other\s+(?:NATO\s+)?(?:member|ally|country|nation)(?P<world>\s+(?:in|on)\s+(?:the\s+)?"
    rf"(?:world|planet|earth))?)"
    # "Poland and Lithuania are the leaders with 4.5% and 4%"
    rf"|\b(?:are|were)\s+the\s+(?P<leaders>leaders|top\s+spenders|biggest\s+spenders|highest\s+spenders)\b",
    re.IGNORECASE,
)
#: what follows a rank and belongs to it: "... spender in monetary terms", "... among NATO members", "...
#: than any other NATO member", "... for the second year running"
_EXTEND = re.compile(
    r"(?:\s+(?:in|on)\s+(?:monetary|absolute|cash|dollar|money|GDP)\s+terms)?"
    r"(?:\s+(?:on\s+(?:defen[cs]e|the\s+military)\s+)?(?:in|among|within|of)\s+(?:the\s+)?(?:NATO|alliance|allies|bloc)"
    r"(?:'s)?(?:\s+(?:members|allies|countries|member states|nations))?)?"
    r"(?:(?<=other)\s+(?:NATO\s+)?(?:member|ally|country|nation)s?)?"
    r"(?:\s+for\s+the\s+\w+\s+(?:straight\s+|consecutive\s+)?year(?:\s+running|\s+in\s+a\s+row)?)?",
    re.IGNORECASE,
)
#: a pronoun or description standing for the ally of the sentence before ("it", "the major European country")
_PRONOUN = re.compile(
    r"(?:\b(?:it|which|that)|\bthe\s+(?:\w+\s+){0,2}(?:country|nation|ally|member(?:\s+state)?))\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
#: the measure named: a share of GDP, or money
_PCT = re.compile(
    r"\bGDP\b|gross domestic product|share of|relative|proportion|percent|per cent|%|economic output|"
    r"\brate of (?:defen|mil|spen)"  # "the second highest rate of defence spending": a share of GDP
)
_USD = re.compile(
    r"\$|\bdollars?\b|\b(?:more|most) money\b|\babsolute\b|\bcash terms\b|\bmoney terms\b|\bmonetary terms\b|"
    r"\bbillion\b|\bin total\b",
    re.I,
)
#: the European allies as the scope of a rank ("Europe's biggest spender", "among European allies"); not
#: "European" describing the ally ("the major European country is the worst-performing state in NATO")
_EUROPE = re.compile(
    r"\bEurope's\b|\bin Europe\b|\bNATO Europe\b|\bEuropean\s+(?:NATO\s+)?(?:allies|members|member states|"
    r"nations in NATO|countries in NATO|(?:defen[cs]e\s+|military\s+)?spenders?)\b|\bamong\s+(?:the\s+)?European\b",
    re.IGNORECASE,
)
_NATO_SCOPE = re.compile(r"\bNATO('s)?\b|\balliance('s)?\b|\ball(?:y|ies)\b|\bbloc('s)?\b|\bmembers?\b", re.IGNORECASE)
_NOT_A_FACT = re.compile(r"\b(?:will|would|could|expected|projected|forecast\w*|set to|on track|aims?|plans?)\b", re.I)

_MEASURES = {"% of GDP": "defence_exp_pct_gdp", "US$": "defence_exp_usd_current_mn"}


def _rank_of(ranking: tuple[tuple[str, float], ...], iso3: str) -> tuple[int, int] | None:
    """(best, worst) rank of ``iso3`` (equal printed values share a range of ranks)."""
    value = next((v for code, v in ranking if code == iso3), None)
    if value is None:
        return None
    above = sum(1 for _, v in ranking if v > value)
    tied = sum(1 for _, v in ranking if v == value)
    return above + 1, above + tied


@lru_cache(maxsize=16)
def _never_printed(measure: str, edition: str) -> frozenset[str]:
    """The members without a figure for ``measure`` in every year the edition holds figures for."""
    seen: set[str] = set()
    absent: set[str] = set()
    for year in facts.years_held():
        ranking, missing, _ = facts.ranking(year, measure, edition)
        seen.update(code for code, _ in ranking)
        absent.update(missing)
    return frozenset(absent - seen) if seen else frozenset()


def _positions(claimed: int | str, count: int) -> tuple[int, int, bool]:
    """The ranks a claim allows among ``count`` allies, and whether it is vague (never contradicted).

    An ordinal is one rank; "last" the last, "last-1" the one before it; "top-K" ("among the top five")
    any of the first K; "top-group"/"bottom-group" ("one of the top spenders", "among the countries
    spending the least", "the tail end") the top or bottom third: vague words, so a rank outside them is
    not a contradiction."""
    third = -(-count // 3)
    if claimed == "last":
        return count, count, False
    if claimed == "last-1":
        return count - 1, count - 1, False
    if claimed == "top-group":
        return 1, third, True
    if claimed == "bottom-group":
        return count - third + 1, count, True
    if isinstance(claimed, str) and claimed.startswith("bottom-"):
        return count - int(claimed.removeprefix("bottom-")) + 1, count, False
    if isinstance(claimed, str) and claimed.startswith("top-"):
        return 1, int(claimed.removeprefix("top-")), False
    return int(claimed), int(claimed), False


def _judge(
    view: SentenceView, iso3: str, claimed: int | str, unit: str, year: int, europe: bool, edition: str | None = None
) -> dict[str, Any]:
    measure = _MEASURES[unit]
    edition = facts.usd_edition() if unit == "US$" else (edition or view.context.edition)
    ranking, missing, used = facts.ranking(year, measure, edition)
    if not ranking and (view.context.date is None or year == view.context.date.year):
        # (without the article's date, a rank without a year is of the latest year with figures)
        # "is NATO's biggest spender" in June 2025: the latest figures of the edition of the day
        for earlier in (year - 1, year - 2):
            ranking, missing, used = facts.ranking(earlier, measure, edition)
            if ranking:
                year = earlier
                break
    # an ally NATO prints no figure for in any year of the edition (Iceland, which has no armed forces: NATO's
    # tables leave it out, and its 2025 edition has no row for it) is not in NATO's printed ranking
    missing = tuple(code for code in missing if code not in _never_printed(measure, used))
    if europe:
        ranking = tuple(item for item in ranking if item[0] not in ("USA", "CAN"))
        missing = tuple(code for code in missing if code not in ("USA", "CAN"))
    if not ranking:
        return {"verdict": "not checkable", "note": f"no {unit} figures for {year} in edition {edition}"}
    rank = _rank_of(ranking, iso3)
    if rank is None:
        return {"verdict": "not checkable", "note": f"NATO has no {unit} figure for {iso3} {year}"}
    low, high, vague = _positions(claimed, len(ranking))
    near_missing = bool(missing) and high >= len(ranking) - len(missing)
    if near_missing and claimed == "bottom-group":
        # "among the countries spending the least": true wherever the allies without a figure would rank
        # when the ally is in the bottom third of all of them even if they all ranked below it
        full_low, _, _ = _positions(claimed, len(ranking) + len(missing))
        near_missing = rank[0] < full_low
    scope = "European allies" if europe else "allies"
    top = ", ".join(f"{code} {value:g}" for code, value in ranking[: max(3, min(high, 12))])
    statement = f"{year}, {scope} by {unit} (edition {used}): {top}"
    expected = f"{rank[0]}" if rank[0] == rank[1] else f"{rank[0]}–{rank[1]}"
    holds = rank[0] <= high and low <= rank[1]
    verdict = "supported" if holds else ("not checkable" if vague else "contradicted")
    if near_missing:
        verdict = "not checkable"
    return {
        "year": year,
        "holds": holds,
        "verdict": verdict,
        "expected": expected,
        "note": f"{iso3} ranks {expected} of {len(ranking)} {scope} by {unit} in {year}",
        "evidence": [Evidence(statement, f"nato-{used}", rank[0], used)],
    }


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    """Each rank said of an ally, judged by the measure the sentence names (or both, if they agree)."""
    claims: list[Claim] = []
    text = view.text
    if not re.search(r"\bspen\w*|\bdefen[cs]e\b|\bmilitary\b", text, re.IGNORECASE) and not (
        view.context.spending_topic and (re.search(r"%|per ?cent", text) or _RANKED_ON.search(text))
    ):
        # "Only Luxembourg performs worse than Belgium." after a sentence giving Belgium's share of GDP
        return rank_words.find_more(view, claims, _rank_claim) if view.context.spending_topic else claims
    for match in RANK.finditer(text):
        if rank_words.rank_denied(text, match.start()):
            continue
        word = (
            match.group("ord")
            or match.group("ord2")
            or match.group("it_ord")
            or match.group("it_ord_the")
            or match.group("has_ord")
        )
        claimed: int | str
        word = word or match.group("ord_in")
        if (
            match.group("top")
            or match.group("it_top")
            or match.group("lead")
            or match.group("top_share")
            or match.group("than_any")
            or (word and word.casefold() == "first")
        ):
            claimed = 1
        elif (
            match.group("bottom")
            or match.group("bottom_share")
            or match.group("worst")
            or match.group("at_bottom")
            or match.group("it_bottom")
            or (word and word.casefold() == "last")
        ):
            claimed = "last"
            if match.group("at_bottom") and re.match(r"[^.;]{0,20}\bpenultimate\b", text[match.end() :]):
                continue  # "at the bottom of the ranking, in penultimate place": the exact rank follows
        elif match.group("second_only"):
            claimed = 2
        else:
            number = ordinal(word or "")
            if number is None:
                continue
            claimed = number
        # the ally ranked is the one named last before the rank (a relative clause may stand between:
        # "Estonia's spending amounts to 3.43% of GDP, which is third-highest in NATO")
        before = [m for m in view.countries if m.end <= match.start() and match.start() - m.end <= 80]
        if match.group("it_ord") or match.group("it_ord_the") or match.group("it_top") or match.group("it_bottom"):
            # "it" is the sentence's one ally: "the United States spent 3.38%, placing it third"
            named = {m.iso3 for m in view.countries if m.end <= match.start()}
            before = [m for m in view.countries if m.end <= match.start()][:1] if len(named) == 1 else []
        if not before:
            before = _pronoun_ally(view, match.start())
        if not before or not facts.is_ally(before[-1].iso3):
            continue
        mention = before[-1]
        after = text[match.end() : match.end() + 60]
        ranked_on_topic = view.context.spending_topic and re.match(r"\s+(?:on the list|among|ahead of|,)", after)
        spent_after = re.search(r"\bspen\w*|%|per ?cent|expenditure|in terms of|share of", after)
        if match.group("ord2") and not (spent_after or ranked_on_topic):
            continue  # "Latvia ranks third": only with a spending figure right after ("with 3.15 percent")
        end = _extended_end(view, match.end(), second_only=bool(match.group("second_only")))
        subjects = [mention]
        listed = _listed_before(view, mention)
        if claimed == 1 and len(listed) > 1 and not match.group("second_only"):
            # "Poland, Lithuania and Latvia spend the highest percentage": the first as many as are named
            claimed, subjects = f"top-{len(listed)}", listed
        for subject in subjects:
            claim = _rank_claim(view, subject, claimed, match, _claim_start(view, subject, match.start()), end)
            if claim is not None:
                claims.append(claim)
    claims.extend(_more(view, claims))
    claims.extend(rank_words.find_more(view, claims, _rank_claim))
    return claims


#: a rank said right before "on the list", "in the ranking": a ranking the article is about
_RANKED_ON = re.compile(
    r"\b(?:ranked|ranks|placed|comes|came)\s+(?:in\s+)?\w+\s+(?:on the list|in the ranking)\b", re.I
)


def _claim_start(view: SentenceView, subject: Any, start: int) -> int:
    """A rank's claim opens at its ally when the ally is written with it ("Poland tops the list"), else at
    the pronoun or the rank ("..., but as a share of GDP it comes in sixth"): one clause, one claim."""
    if subject.start >= start or start - subject.end <= 40:
        return min(subject.start, start)
    pronoun = re.search(r"\b(?:it|which)\s+(?:\w+\s+){0,2}$", view.text[max(0, start - 30) : start])
    return max(0, start - 30) + pronoun.start() if pronoun else start


def _listed_before(view: SentenceView, last: Any) -> list[Any]:
    """The allies of a list that ends with ``last`` ("Poland, Lithuania and Latvia"), in order."""
    mentions = [m for m in view.countries if m.end <= last.end]
    listed = [last]
    for previous in reversed(mentions[:-1]):
        between = view.text[previous.end : listed[0].start]
        if not re.fullmatch(r"\s*(?:,|and|, and|&)\s*", between):
            break
        listed.insert(0, previous)
    return [m for m in listed if facts.is_ally(m.iso3)] if len(listed) > 1 else [last]


def _pronoun_ally(view: SentenceView, position: int) -> list[Any]:
    """The ally a pronoun or a description right before a rank stands for: "it comes in sixth", "the
    major European country is the worst-performing state": the sentence's one ally, else the ally the
    article named last (sentences continue their subject)."""
    if not _PRONOUN.search(view.text[max(0, position - 60) : position]):
        return []
    named = [m for m in view.countries if m.end <= position and facts.is_ally(m.iso3)]
    if len({m.iso3 for m in named}) == 1:
        return named[:1]
    last = view.context.last_country
    if not named and last is not None and facts.is_ally(last.iso3):
        return [Mention(last.iso3, position, position, last.text, "pronoun")]
    return []


def _extended_end(view: SentenceView, end: int, *, second_only: bool = False) -> int:
    """The rank's claim runs over what qualifies it (its measure's terms, its scope, "than any other NATO
    member", "for the second year running") and, for "second only to", the ally named after it."""
    if second_only:
        after = [m for m in view.countries if 0 <= m.start - end <= 6]
        return after[0].end if after else end
    extra = _EXTEND.match(view.text, end)
    return extra.end() if extra else end


def _measure(view: SentenceView, match_text: str, start: int, end: int) -> tuple[list[str], bool]:
    """The measure a rank is judged by: named in the rank's own words ("leads by GDP share", "the largest
    absolute spender"), else in its clause ("by some distance but as a share of GDP, it comes in sixth"),
    else in the sentence; none named (or both): both measures, judged only if they agree."""
    cues = (("% of GDP", _PCT), ("US$", _USD))
    units = [u for u, cue in cues if cue.search(match_text)]
    if not units and re.search(r"\b(?:budgets?|contributors?)\b", match_text, re.IGNORECASE):
        # "the second largest defence budget in NATO", "the alliance's biggest contributor": money
        return ["US$"], True
    if len(units) != 1:
        text = view.text
        left = max((m.end() for m in re.finditer(r";|\bbut\b|\bwhile\b|\bwhereas\b|—", text[:start])), default=0)
        right = next(
            (end + m.start() for m in re.finditer(r";|\bbut\b|\bwhile\b|\bwhereas\b|—", text[end:])), len(text)
        )
        units = [u for u, cue in cues if cue.search(text[left:right])]
    if len(units) != 1:
        units = [u for u, cue in cues if cue.search(view.text)]
    if not units and view.context.spending_topic:
        # "Estonia ranked second on the list" in an article that has been giving shares of GDP (read, not
        # written: never enough to accuse)
        return ["% of GDP"], False
    return (units, True) if len(units) == 1 else (["% of GDP", "US$"], False)


def _rank_claim(
    view: SentenceView,
    mention: Any,
    claimed: int | str,
    match: re.Match[str],
    start: int,
    end: int,
    *,
    world: bool = False,
) -> Claim | None:
    """Judge one rank of one ally and build its claim (the one place the verdict rules live)."""
    text = view.text
    europe = bool(_EUROPE.search(text[max(0, match.start() - 40) : match.end() + 40]))
    choice = view.year_near(match.start())
    year = choice.year if choice.year is not None else max(facts.years_held())
    date = view.context.date
    present = re.search(
        r"\b(?:is|are|ranks|remains|comes|sits|stands)\b", match.group(0) + text[max(0, start - 1) : start + 40]
    )
    if (
        choice.source == "stated"
        and date is not None
        and present
        and not _year_in_clause(view, match.start(), match.end(), year)
    ):
        # "Greece is third ... as it spent 2.28% of its GDP in 2017": the present rank is of the article's
        # day (the latest year NATO's edition of the day holds); never accused (see ``certain`` below)
        year = date.year
        choice = choice._replace(how="the article's year (the year written dates another clause)", source="inferred")
    units, written = _measure(view, match.group(0), match.start(), match.end())
    results = [_judge(view, mention.iso3, claimed, unit, year, europe) for unit in units]
    verdicts = {r["verdict"] for r in results}
    result = results[0] if len(verdicts) == 1 else {"verdict": "not checkable", "note": "the measure is not named "
             "and the ranks by % of GDP and by US$ differ: " + "; ".join(r["note"] for r in results)}  # fmt: skip
    if result["verdict"] == "contradicted" and units == ["% of GDP"]:
        result = _other_editions(view, mention.iso3, claimed, year, europe, result)
    if _NOT_A_FACT.search(text[: match.start()]) and result["verdict"] != "supported":
        result = {**result, "verdict": "not checkable", "note": "a forecast or plan; " + result["note"]}
    if world and result["verdict"] == "supported":
        # "more than any other nation in the world": first among the allies is needed, not enough; in money,
        # above the largest non-allied spenders SIPRI lists (China, Russia) as well
        above = _above_the_world(mention.iso3, int(result.get("year", year))) if units == ["US$"] else None
        result = (
            {**result, "note": f"{result['note']}; {above}"}
            if above
            else {**result, "verdict": "not checkable", "note": "ranked in the world; natosim holds NATO's members "
                  "and SIPRI's figures for a few other states only (first among the allies: " + result["note"] + ")"}
        )  # fmt: skip
    # ranks move from year to year and differ by measure: accused only with the year, the measure
    # and the scope all written
    scope_named = europe or world or bool(_NATO_SCOPE.search(text))
    certain = scope_named and written and choice.source in ("stated", "relative")
    if certain and choice.source == "stated" and not _year_in_clause(view, match.start(), match.end(), year):
        # "Greece is third ... as it spent 2.28% of its GDP in 2017": the year dates the figure given as the
        # reason, in another clause; the rank (present tense) may be of the day
        certain = False
    if (
        result["verdict"] == "contradicted"
        and not certain
        and scope_named
        and written
        and units == ["% of GDP"]
        and view.context.date is not None
        and _figure_pins_year(view, mention.iso3, int(result.get("year", year)), view.context.edition)
    ):
        # "Estonia's spending amounts to 3.43% of GDP, which is third-highest in NATO": the ally's own figure,
        # written to two decimals and equal to NATO's for the year of the day, dates the rank as surely as a
        # year written would
        certain = True
    if result["verdict"] == "contradicted" and not certain:
        why = "the year, the measure or the scope of the rank is not written"
        result = {**result, "verdict": "not checkable", "note": f"{why}; {result['note']}"}
    return view.claim(
        kind="spending_rank",
        start=start,
        end=end,
        value=claimed,
        verdict=result["verdict"],
        expected=result.get("expected"),
        evidence=[item for item in result.get("evidence", []) if isinstance(item, Evidence)],
        unit=units[0] if len(units) == 1 else "% of GDP and US$",
        country=mention.iso3,
        year=int(result.get("year", year)),
        note=f"{result['note']}; year: {choice.how}",
        year_source=choice.source if choice.year is not None else "inferred",
    )


#: margin by which an ally's NATO figure must exceed every non-ally's SIPRI figure to be first in the world
#: (two sources, two definitions of military spending: only a clear lead is read as one)
_WORLD_MARGIN = 1.1


def _above_the_world(iso3: str, year: int) -> str | None:
    """Why the ally spends more money than any other state in ``year``: its NATO US$ figure is clearly above
    the SIPRI figure of every non-allied state natosim holds (China, Russia, Ukraine, Belarus: the largest
    spenders outside NATO). None when a figure is missing or the lead is not clear."""
    ranking, _, used = facts.ranking(year, _MEASURES["US$"], facts.usd_edition())
    value = next((v for code, v in ranking if code == iso3), None)
    others = [
        (code, figure.value)
        for code in ("CHN", "RUS")
        if (figure := facts.comparator(code, year, "milex_usd_current_mn")) is not None and figure.value is not None
    ]
    if value is None or len(others) < 2 or any(value < _WORLD_MARGIN * other for _, other in others):
        return None
    shown = ", ".join(f"{code} {other:,.0f}" for code, other in others)
    return f"first in the world: {iso3} {value:,.0f} US$ mn (NATO {used}) above SIPRI's {shown} US$ mn in {year}"


def _figure_pins_year(view: SentenceView, iso3: str, year: int, edition: str) -> bool:
    """The sentence gives the ally's % of GDP to two decimals, and it is NATO's figure for ``year`` in the
    edition judged on (as printed): the rank is of that year."""
    ranking, _, _ = facts.ranking(year, _MEASURES["% of GDP"], edition)
    value = next((v for code, v in ranking if code == iso3), None)
    if value is None:
        return False
    return any(
        q.decimals >= 2 and abs(q.value - value) <= 0.005 + 1e-9 and re.match(r"\s?(?:%|per ?cent)", view.text[q.end :])
        for q in view.quantities
    )


#: what opens a clause of its own after a rank: a reason, a comparison, an added figure
_CLAUSE_BREAK = re.compile(
    r";|,\s|\b(?:since|because|while|whereas|but|when)\s|\bas\s+(?:it|they|he|she|the country|its|their)\b",
    re.IGNORECASE,
)


def _year_in_clause(view: SentenceView, start: int, end: int, year: int) -> bool:
    """The year is written in the rank's own clause (not after "as it spent ... in 2017")."""
    text = view.text
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text[:start])), default=0)
    right = next((end + m.start() for m in _CLAUSE_BREAK.finditer(text[end:])), len(text))
    # a year written at the head of the sentence ("In 2024, Spain was the lowest ...") dates it all
    head = re.match(r"\s*(?:In|By|For|During)\s+(?:(?:19|20)\d\d)\b", text)
    return any(y == year and (left <= s < right or (head and s < head.end())) for y, s, _ in view.years)


def _more(view: SentenceView, found: list[Claim]) -> list[Claim]:
    """The wordings of ``MORE``: the ally after the rank ("the country with the highest spending ... is
    the US"), "N out of M", "penultimate", "in fourth", "among the top five", "one of the top spenders",
    "spends more than any other nation", "A and B are the leaders"."""
    claims: list[Claim] = []
    text = view.text
    taken = [(c.span[0] - c.sentence_span[0], c.span[1] - c.sentence_span[0]) for c in found]
    for match in MORE.finditer(text):
        if rank_words.rank_denied(text, match.start()):
            continue
        if any(match.start() < b and a < match.end() for a, b in taken):
            continue
        claimed: int | str
        subjects: list[Any] = []
        before = [m for m in view.countries if m.end <= match.start() and match.start() - m.end <= 80]
        if match.group("inv_top") or match.group("inv_bottom"):
            claimed = 1 if match.group("inv_top") else "last"
            subjects = [m for m in view.countries if 0 <= m.start - match.end() <= 4][:1]
        elif match.group("ord_out"):
            claimed = _claimed_word(match.group("ord_out"))
            subject = match.group("out_subj")
            inside = [m for m in view.countries if match.start("out_subj") <= m.start < match.end("out_subj")]
            subjects = (
                inside[:1] if inside else _pronoun_ally(view, match.start("ord_out")) if subject[0].islower() else []
            )
        elif match.group("penult"):
            claimed = "last-1"
        elif match.group("in_ord"):
            claimed = _claimed_word(match.group("in_ord"))
            subjects = [m for m in before if match.start() - m.end <= 3][-1:]
            if not subjects or not _year_in_clause(
                view, match.start(), match.end(), view.year_near(match.start()).year or 0
            ):
                # "with the UK in fourth": a bare place is read only with its year written in the clause
                continue
        elif match.group("top_k"):
            k = match.group("top_k").casefold()
            claimed = f"top-{_NUMBER_WORDS.get(k) or int(k)}"
        elif match.group("top_group"):
            claimed = "top-group"
        elif match.group("bottom_group"):
            claimed = "bottom-group"
        elif match.group("more_than_any"):
            claimed = 1
        elif match.group("cs_top") or match.group("cs_bottom"):
            claimed = 1 if match.group("cs_top") else "last"
        else:  # "A and B are the leaders": each is among the first as many as are named
            clause = text[
                max((m.end() for m in re.finditer(r"[.;:]\s", text[: match.start()])), default=0) : match.start()
            ]
            listed = [m for m in view.countries if m.end <= match.start() and m.start >= match.start() - len(clause)]
            allies = list({m.iso3: m for m in listed if facts.is_ally(m.iso3)}.values())
            if len(allies) < 2:
                continue
            claimed, subjects = f"top-{len(allies)}", allies
        if not subjects:
            subjects = before[-1:] or _pronoun_ally(view, match.start())
            named = [m for m in view.countries if m.end <= match.start()]
            if (
                not subjects
                and (match.group("cs_top") or match.group("cs_bottom"))
                and len({m.iso3 for m in named}) == 1
            ):
                # "Spain fell below it this year, allocating only 1.28% ..., the least among NATO members": an
                # appositive superlative describes the clause's subject, however long the clause
                subjects = named[-1:]
            if match.group("bottom_group") and " and " in text[max(0, match.start() - 40) : match.start()]:
                # "Spain and Luxembourg are among the NATO countries spending the least": each one
                listed = [m for m in view.countries if m.end <= match.start() and match.start() - m.end <= 60]
                subjects = list({m.iso3: m for m in listed}.values())
        subjects = [m for m in subjects if facts.is_ally(m.iso3)]
        if match.group("in_ord") and not (view.context.spending_topic or re.search(r"%|per ?cent|spen", text)):
            continue
        for mention in subjects:
            end = _extended_end(view, match.end())
            if match.group("inv_top") or match.group("inv_bottom"):
                end = mention.end
            start = _claim_start(view, mention, match.start())
            claim = _rank_claim(view, mention, claimed, match, start, end, world=bool(match.group("world")))
            if claim is not None:
                claims.append(claim)
    return claims


def _claimed_word(word: str) -> int | str:
    if word.casefold() == "first":
        return 1
    if word.casefold() == "last":
        return "last"
    return ordinal(word) or 0


def _other_editions(
    view: SentenceView, iso3: str, claimed: int | str, year: int, europe: bool, result: dict[str, Any]
) -> dict[str, Any]:
    """A rank NATO's revisions moved: true in another edition held (the article's day may have printed
    it), so imprecise rather than contradicted, as for a figure (``spending._vintage``)."""
    for edition in facts.edition_dates():
        if edition == view.context.edition:
            continue
        again = _judge(view, iso3, claimed, "% of GDP", year, europe, edition)
        # true among the allies with a figure there (Iceland aside): the rank NATO's revision moved
        if again["verdict"] == "supported" or again.get("holds"):
            return {**result, "verdict": "imprecise", "note": f"true in NATO edition {edition}; {result['note']}"}
    return result
