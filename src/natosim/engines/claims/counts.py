"""Counts of allies at a target the sentence names only in words — "only three allies met the
target", "just nine of the alliance's 29 members are expected to reach that mark", "the number of
states reaching the target had increased from 11 last year" — and the allies listed after such a
count ("Only five of NATO's 28 members meet the target: Britain, Estonia, Greece, Poland and the
United States": one claim per ally).

The target's value is the one the article stated last (a pledge or a count at a threshold, kept in
``ArticleContext.last_target``); with none stated before, nothing is read (no guessing which target).
"""

from __future__ import annotations

import re

from natosim.engines.claims import facts, spending
from natosim.engines.claims.context import SentenceView, YearChoice
from natosim.engines.claims.gazetteer import Mention
from natosim.engines.claims.model import Claim
from natosim.engines.claims.numbers import Quantity
from natosim.engines.claims.pledges import TARGET_NOUN

#: the nouns of a target (one home: ``pledges.TARGET_NOUN``), a deadline met or missed, and the
#: percentage just written taken up again ("set a target of 2% ... only three members achieved this figure")
_TARGET_NOUN = r"(?:" + TARGET_NOUN + r"|deadlines?|(?<=this )(?:figure|level)|(?<=that )(?:figure|level))"
_COUNT_AT_TARGET = re.compile(
    r"(?P<num>\b[\w-]+)\s+(?:(?:out\s+)?of\s+(?:the\s+|its\s+|NATO's\s+|(?:the\s+)?(?:military\s+)?alliance's\s+)?"
    r"(?:[\w-]+\s+)?)?(?:NATO\s+|European\s+|member\s+|other\s+)?"
    r"(?:allies|members|member states|member countries|member nations|nations|countries|states)\b"
    r"(?P<gap>[^.;%:]{0,100}?)\b(?P<verb>"
    + spending.MEETS.pattern[5:-3]
    + r"|"
    + spending.MISSES.pattern[5:-3]
    + r")\b"
    r"[^.;%:]{0,30}?\b(?:the|that|this|its|their|NATO's|the alliance's)\s+(?:[\w'-]+\s+){0,5}?" + _TARGET_NOUN + r"\b",
    re.IGNORECASE,
)
#: a count of allies with the verb left out: "23 of 32 allies did", "18 members do"
_DID = re.compile(
    r"(?P<num>\b[\w-]+)\s+(?:of\s+(?:the\s+|its\s+|NATO's\s+)?(?:\d+\s+)?)?(?:NATO\s+)?"
    r"(?:allies|members|member states|countries|nations)\s+(?:(?:now|already|actually|really|still|also)\s+)?"
    r"(?P<verb>did|do|does)\s*"
    r"(?:[.;:]|,\s+(?:according|NATO|officials|the alliance|data)\b)",
    re.IGNORECASE,
)
#: a count at the article's target between two years: "from 4 nations in 2017 to 11 countries by 2023"
_FROM_TO = re.compile(
    r"\bfrom\s+(?:just\s+|only\s+)?(?P<first>[\w-]+)\s+(?:(?:NATO\s+)?(?:allies|members|member states|nations|"
    r"countries|states)\s+)?(?:in|by)\s+(?:19|20)\d\d\s+to\s+(?P<second>[\w-]+)\s+(?:(?:NATO\s+)?(?:allies|members|"
    r"member states|nations|countries|states)\s+)?(?:in|by)\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_NUMBER_OF = re.compile(
    r"\bnumber of (?:NATO\s+)?(?:allies|members|member states|countries|nations|states)\b[^.;%]{0,40}?"
    r"\b(?:meeting|reaching|hitting|at|spending)\b[^.;%]{0,30}?\b" + _TARGET_NOUN + r"\b",
    re.IGNORECASE,
)
#: "Countries missing the goal include Belgium, Canada, ...": a list of allies at or below the target
_LIST_INTRO = re.compile(
    r"\b(?:countries|allies|members|nations|states)\s+(?:that\s+|which\s+|still\s+)?"
    r"(?P<verb>missing|miss|meeting|meet|below|above|short of|falling short of|failing to meet|exceeding|at or above)"
    r"\s+(?:the|that|this|NATO's|the alliance's)\s+(?:[\w'-]+\s+){0,3}?" + _TARGET_NOUN + r"\s+"
    r"(?:include|included|are|were)\s*:?\s*",
    re.IGNORECASE,
)
_INCLUDING = re.compile(r"[^.;:]{0,12}?,?\s+(?:including|among them|notably|namely)\s+", re.IGNORECASE)
#: "Other members spending more than 3 percent include Estonia, Norway, the United States and Denmark"
_LIST_AT_FIGURE = re.compile(
    r"\b(?:countries|allies|members|nations|states)\s+(?:that\s+|which\s+)?(?:spending|spend|at|with)\s+"
    r"(?P<qual>more than|over|above|at least|less than|under|below)\s+(?P<n>\d+(?:\.\d+)?)\s*"
    r"(?:%|percent|per cent)(?:\s+of\s+(?:their\s+)?GDP)?\s+(?:include|included|are|were)\s*:?\s*",
    re.IGNORECASE,
)
_FROM_N = re.compile(r"\b(?:from|to|than)\s+(?:just\s+|only\s+)?$", re.IGNORECASE)
#: a list after the figure: "... met it: Britain, Estonia and Greece", "... reached the 2 percent
#: threshold: Greece, the UK, Estonia"
_LIST_AFTER = re.compile(
    r"(?:\s+(?:of\s+(?:their\s+|its\s+)?GDP\s+)?(?:(?:defen[cs]e|spending|military|NATO)\s+){0,2}"
    rf"(?:{TARGET_NOUN}|line))?"
    # a colon or a dash ("met the 2% pledge - US, UK, Greece")
    r"(?:\s*[:—–]|\s+-)\s*",
    re.IGNORECASE,
)


def _quantity_at(view: SentenceView, position: int) -> Quantity | None:
    return next((q for q in view.quantities if q.start == position), None)


def _threshold_quantity(view: SentenceView, start: int, end: int, value: float) -> Quantity:
    """The target as a quantity placed on the ally's name (the claim quotes the name)."""
    return Quantity(value, None, 0, False, False, None, start, end, view.text[start:end])


def listed(view: SentenceView, start: int, end: int | None = None) -> list[Mention]:
    """The allies of a list starting at ``start`` ("Britain, Estonia, debt-laden Greece, Poland and the
    United States"): mentions joined by commas or "and", with at most two words before each name."""
    found: list[Mention] = []
    position = start
    for mention in view.countries:
        if mention.start < start or (end is not None and mention.start >= end):
            continue
        gap = view.text[position : mention.start]
        if found and not re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+&)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?", gap):
            break
        if not found and not re.fullmatch(r"\s*(?:the\s+)?(?:[\w-]+\s+){0,2}?", gap):
            break
        found.append(mention)
        position = mention.end
    return found if len(found) >= 2 else []


def _per_ally(view: SentenceView, mentions: list[Mention], threshold: float, below: bool) -> list[Claim]:
    claims = []
    for mention in mentions:
        if not facts.is_ally(mention.iso3):
            continue
        q = _threshold_quantity(view, mention.start, mention.end, threshold)
        claims.append(
            spending.spending_pct(view, q, mention.end, mention.iso3, threshold="misses" if below else "meets")
        )
    return claims


def after_count(
    view: SentenceView, count_end: int, figure_start: int, figure_end: int, threshold: float, below: bool
) -> list[Claim]:
    """The allies named with a count at a threshold: in apposition between the count and the figure
    ("only five NATO members, the United States, Greece, Estonia, Poland and the United Kingdom,
    contribute the required 2 percent") or after a colon ("... met it: Britain, Estonia and Greece")."""
    between = re.match(r"\s*[,—–-]\s*", view.text[count_end:figure_start])
    mentions = listed(view, count_end + between.end(), figure_start) if between else []
    colon = _LIST_AFTER.match(view.text, figure_end) or _INCLUDING.match(view.text, figure_end)
    if not mentions and colon is not None:
        mentions = listed(view, colon.end())
    return _per_ally(view, mentions, threshold, below)


def _listed_at_figure(view: SentenceView, used: set[int]) -> list[Claim]:
    """Each ally of "members spending more than 3 percent include A, B and C" spends above 3%."""
    claims: list[Claim] = []
    if not view.context.spending_topic and not re.search(r"\bGDP\b", view.text):
        return claims
    for match in _LIST_AT_FIGURE.finditer(view.text):
        figure = next((q for q in view.quantities if q.start <= match.start("n") < q.end), None)
        if figure is None or figure.start in used:
            continue
        used.add(figure.start)
        below = match.group("qual").casefold() in ("less than", "under", "below")
        claims.extend(_per_ally(view, listed(view, match.end()), figure.value, below))
    return claims


#: a NATO target stated, then a country said to meet or miss it without a figure of its own: "allies
#: are expected to dedicate 2 percent of economic output to defense, but Germany falls short"
_TARGET_THEN_COUNTRY = re.compile(
    r"(?P<n>\d+(?:\.\d+)?)\s*(?:%|per\s?cent|percent)(?P<gap>[^.;]{0,120}?)\b(?:but|while|and|yet|whereas)\s+"
    r"(?:the\s+)?(?P<who>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+)?)\s+(?:still\s+|also\s+|again\s+|clearly\s+)?"
    r"(?P<verb>falls? short|fell short|miss(?:es|ed)?|fails? to (?:meet|reach|hit)|failed to (?:meet|reach|hit)|"
    r"(?:does|did)(?: not|n't) (?:meet|reach|hit)|meets|met|has met|exceeds|exceeded|has exceeded)\b"
)


def _country_at_stated_target(view: SentenceView, used: set[int]) -> list[Claim]:
    """A NATO target's value, then a country meeting or missing it in the next clause (no figure of its own)."""
    claims: list[Claim] = []
    if not re.search(r"\b(?:NATO|alliance|allies|members)\b", view.text, re.IGNORECASE):
        return claims
    for match in _TARGET_THEN_COUNTRY.finditer(view.text):
        if float(match.group("n")) not in facts.pledge_targets():
            continue
        who = next((m for m in view.countries if m.start == match.start("who")), None)
        if who is None or not facts.is_ally(who.iso3):
            continue
        below = bool(re.match(r"fa|fell|miss|does|did", match.group("verb")))
        value = float(match.group("n"))
        q = _threshold_quantity(view, match.start("n"), match.end("verb"), value)
        claims.append(
            spending.spending_pct(view, q, match.end("verb"), who.iso3, threshold="misses" if below else "meets")
        )
    return claims


#: a list of allies as the subject of meeting or missing the target: "Those at the bottom of the list -
#: Luxembourg, Spain, ... and Portugal - are projected to reach the benchmark this year"
_LIST_THEN_VERB = re.compile(
    r"(?P<verb>" + spending.MEETS.pattern[5:-3] + r"|" + spending.MISSES.pattern[5:-3] + r")\b"
    r"[^.;%:]{0,30}?\b(?:the|that|this|its|their|NATO's|the alliance's)\s+(?:[\w'-]+\s+){0,3}?" + _TARGET_NOUN + r"\b",
    re.IGNORECASE,
)


def _list_then_verb(view: SentenceView, threshold: float) -> list[Claim]:
    """Each ally of a list that is the subject of a verb of meeting (or missing) the target."""
    for match in _LIST_THEN_VERB.finditer(view.text):
        before = [m for m in view.countries if m.end <= match.start()]
        for first in before:
            allies = listed(view, first.start, match.start())
            gap = view.text[allies[-1].end : match.start()] if allies else ""
            if allies and re.fullmatch(
                r"[\s—–-]*(?:(?:are|were|is|have|has|all|also|still|now|already|been|being|"
                r"projected|expected|set|due|likely|forecast|on track)\s+(?:to\s+)?)*",
                gap,
            ):
                negated = re.search(r"\b(?:not|never)\b|n't\b", gap + match.group("verb"))
                below = bool(spending.MISSES.fullmatch(match.group("verb"))) != bool(negated)
                return _per_ally(view, allies, threshold, below)
    return []


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    listed_claims = _listed_at_figure(view, used) + _country_at_stated_target(view, used)
    if listed_claims:
        return listed_claims
    threshold = view.context.last_target
    # a sentence with its own percentage is read by the spending finder, except a count after the last
    # one when that is a NATO target ("members should spend at least 2% of GDP, but just seven of its 31
    # members - A, B, ... - meet that target")
    percents = [q for q in view.quantities if spending.PERCENT.match(view.text[q.end :])]
    after = 0
    if percents:
        if percents[-1].value not in facts.pledge_targets():
            return []
        threshold, after = percents[-1].value, percents[-1].end
    if threshold is None:
        return []
    claims: list[Claim] = []
    # "In 2021, only six countries met the target, ... countries that fail to reach the two per cent target":
    # a count before the sentence's percentage, at a target that is both the article's and that percentage
    # (only the text before the first percentage: a count reaching a percentage is the spending finder's)
    earlier = (
        list(_COUNT_AT_TARGET.finditer(view.text, 0, percents[0].start))
        if after and view.context.last_target == threshold
        else []
    )
    for match in earlier + list(_COUNT_AT_TARGET.finditer(view.text, after)):
        count = _quantity_at(view, match.start("num"))
        if count is None or count.start in used or count.decimals or count.is_fraction or not 0 <= count.value <= 40:
            continue
        below = bool(spending.MISSES.fullmatch(match.group("verb")))
        if re.search(r"\b(?:not|never)\b|n't\b", match.group("gap"), re.IGNORECASE):
            below = not below  # "8 members are still not projected to reach the 2% threshold"
        claims.append(spending.allies_meeting(view, count, count.start, match.end(), threshold, below=below))
        used.add(count.start)
        # "... will meet or exceed this target, up from just three in 2014": the earlier count, same target
        claims.extend(spending.earlier_count(view, match.end(), threshold, used, below=below))
        claims.extend(after_count(view, match.start("gap"), match.end(), match.end(), threshold, below))
    # "In 2014, only three allies met the 2 per cent guideline. Last year, 23 of 32 allies did."; after a
    # target's value in the sentence: "members should spend at least 2 percent, only five of 28 actually do"
    for match in _DID.finditer(view.text, after):
        count = _quantity_at(view, match.start("num"))
        if count is None or count.start in used or count.decimals or not 0 <= count.value <= 40:
            continue
        if not (view.context.spending_topic or after):
            continue
        claims.append(spending.allies_meeting(view, count, count.start, match.end("verb"), threshold))
        used.add(count.start)
    if after:
        return claims
    claims.extend(_list_then_verb(view, threshold))
    for intro in _LIST_INTRO.finditer(view.text):
        below = intro.group("verb").casefold() not in ("meeting", "meet", "above", "exceeding", "at or above")
        claims.extend(_per_ally(view, listed(view, intro.end()), threshold, below))
    for match in _FROM_TO.finditer(view.text) if view.context.spending_topic else ():
        for group in ("first", "second"):
            count = _quantity_at(view, match.start(group))
            if (
                count is None
                or count.start in used
                or count.decimals
                or count.is_fraction
                or not 0 <= count.value <= 40
            ):
                continue
            year = int(re.findall(r"(?:19|20)\d\d", match.group(0))[0 if group == "first" else 1])
            chosen = YearChoice(year, "stated", "stated")
            claims.append(
                spending.allies_meeting(view, count, count.start, match.end(group), threshold, year_choice=chosen)
            )
            used.add(count.start)
    number_of = _NUMBER_OF.search(view.text)
    if number_of is not None:
        for q in view.quantities:
            if q.start in used or q.start < number_of.end() or q.decimals or q.is_fraction:
                continue
            if _FROM_N.search(view.text[max(0, q.start - 20) : q.start]) and q.value <= 40:
                claims.append(spending.allies_meeting(view, q, q.start, q.end, threshold))
                used.add(q.start)
    return claims
