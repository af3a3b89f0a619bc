"""The precision gate: before a claim is called "contradicted", is there a reading of the sentence
under which it is true? If so, the claim is "not checkable" and the reading is named.

Why: on articles nobody had seen, nearly every true statement the checker called false was a figure
that is right *for something else the text names*: another ally's % of GDP in a list ("Alongside
the US, Poland and Estonia, Greece spent about 3.1%" read as Poland's), the US's money read as the
alliance's total, a count of the allies meeting a target read as the membership ("23 member nations
have fulfilled this commitment"), the membership on the day of an accession the sentence speaks of
("the last of the 31 members to approve" Sweden's entry), a pledge dated by the other summit the
sentence names ("5% by 2035, up from the 2% target set in 2014"). A checker that picks one reading
and accuses on it is wrong whenever the writer meant the other.

The rule is one question for every kind: does the value equal (within the claim's own tolerance,
``tolerance.judge``) a figure natosim holds for an alternative *the text names or strongly implies*
— another country or aggregate named in the sentence, a threshold the sentence or the sentences
before it speak of, an accession or summit the sentence names? A value that matches nothing named
stays contradicted: "NATO's 30 members" in 2024, a "90 percent" US share, a 4% pledge.

The readings tried, in order (each a function below, each with the English it encodes):

* ``another_subject`` — a % of GDP or US$ that is another named country's figure (one that owns no
  figure of its own in the sentence), or a NATO aggregate's the clause names ("the 31 other allies
  combined ($506.7 billion)" is NATO Europe and Canada);
* ``threshold_count`` — "23 member nations have fulfilled this commitment": a count of the allies
  meeting a target, not the membership;
* ``other_members`` — "its 29 other allies": the membership on the article's date less one;
* ``founders`` — "its original 12 members": the founding members;
* ``membership_at_named_event`` — the membership at (or on the eve of) an accession the text names;
* ``another_pledge`` — a year or summit that belongs to another pledge the sentence names;
* ``listed_subset`` — "three member nations — Poland, Lithuania and Latvia —": the allies listed;
* ``year_named_before`` — "At that time only three countries met it": the year named just before;
* ``share_of_common_funding`` — "16 per cent of NATO's running costs": another measure;
* ``year_of_a_named_pledge`` — "the 2% threshold, established in 2014": the pledge's year;
* ``after_a_named_day`` — "triggered after Sept. 11, 2001": the day the event followed;
* ``invocation_count`` — "Turkey invoked it five times between 2003-2020": the invocations of the
  article, by the ally and within the years, the sentence names;
* ``someones_own_target`` — "Trump's aspirational target of 4 percent": not a NATO pledge;
* ``a_non_allys_figure`` — "the military expenditures of Russia amount to $44 billion";
* ``a_target_not_a_figure`` — "agreed to commit 5% of GDP", "NATO's 5% spending target": a target;
* ``a_rate_of_change`` — "a 2.2% increase in real terms": a change, not a level (tried first);
* ``membership_in_a_named_year`` — "In 2016, NATO's 28 members": the membership at that year's end;
* ``another_share`` — the share of Europe and Canada, or the US share of allied GDP, when named;
* ``meets_the_named_target`` — "a goal of spending at least 2 percent ... Greece spends 2 percent";
* ``a_year_in_a_comparison`` — "last year, one less than in 2021": the figure is the next year's.

Each reading is cheap (a few look-ups in the bundled data) and general: none names a country,
a year or a figure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from natosim.engines.claims import facts
from natosim.engines.claims.context import MONTH_YEAR, month_number
from natosim.engines.claims.gazetteer import mentions
from natosim.engines.claims.model import Claim
from natosim.engines.claims.numbers import Quantity, quantities
from natosim.engines.claims.pledges import TARGET_NOUN
from natosim.engines.claims.tolerance import judge

#: the aggregates NATO publishes, and the words that name each in a sentence
_AGGREGATES: dict[str, re.Pattern[str]] = {
    "NATO Total": re.compile(r"\b(?:NATO|[Aa]lliance|[Aa]llies|[Aa]llied)\b"),
    "NATO Europe and Canada": re.compile(
        r"\b(?:Europe(?:an)?s?|Canada)\b|\b(?:all\s+)?(?:\d+\s+|the\s+)?other\s+(?:NATO\s+|member\s+)*"
        r"(?:allies|members|countries|nations|states)\b|\brest of (?:the )?(?:alliance|NATO)\b"
    ),
}
_PCT = "defence_exp_pct_gdp"
_USD = "defence_exp_usd_current_mn"
_SIPRI_PCT = "milex_pct_gdp"
#: how close another reading's figure must be: points of GDP, or a fraction of an amount of money
CLOSE = {"pct_gdp": 0.15, "money": 0.05, "share_pct": 2.5}
_SIPRI_USD = "milex_usd_current_mn"

#: "23 other countries", "Norway and 22 others": the count leaves out the ally the sentence is about
_OTHER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?others?\b|^\s*(?:NATO\s+)?(?:member\s+)?(?:states|countries|nations|allies)?\s*besides\b",
    re.I,
)
#: the founders: "original 12", "founding members", "signed in Washington", "started with 12"
_FOUNDING = re.compile(
    r"\b(?:original|founding|founders?|founded|signator\w*|signed|signing|created|establish\w*|formed|"
    r"started (?:with|as|out)|began (?:with|as)|grown from|grew from|from (?:just |only )?(?:its )?)\b",
    re.I,
)
#: the membership before an accession is complete: ratification, approval, a veto, a bid
_BEFORE_ACCESSION = re.compile(
    r"\b(?:ratif\w*|approv\w*|consent\w*|veto\w*|block\w*|hold\w* out|holdout|last (?:country|member|ally|one)|"
    r"bid|appl\w*|candida\w*|invit\w*|aspir\w*|protocol)\b",
    re.I,
)
#: an accession: the membership on that day is the count the sentence speaks of
_ACCESSION = re.compile(
    r"\b(?:join\w*|accession|accede\w*|admit\w*|admission|became|become|becoming|new(?:est)? (?:member|ally)|"
    r"\d+(?:st|nd|rd|th) (?:member|ally)|enlarge\w*|membership)\b",
    re.I,
)
#: a spending threshold the text speaks of (a target noun, or "spend ... %", "fulfilled this commitment")
_THRESHOLD_TALK = re.compile(TARGET_NOUN + r"|\b(?:spend\w*|fulfil\w*|meet\w*|met|achiev\w*|reach\w*|hit\w*)\b", re.I)


def _quantity(claim: Claim) -> Quantity | float | None:
    """The claim's number as written (its rounding and qualifier decide the tolerance)."""
    if not isinstance(claim.value, int | float) or isinstance(claim.value, bool):
        return None
    for q in quantities(claim.text):
        if abs(q.value - float(claim.value)) <= 1e-9 * max(1.0, abs(q.value)):
            return q
    return float(claim.value)


def _fits(claim: Claim, actual: float | None, measure: str) -> bool:
    """Is the claim's value within the claim's own tolerance of ``actual`` (same qualifier), and close
    to it (``CLOSE``)? The cap matters for whole numbers: "2%" stands for 1.5-2.5 once rounded, true
    of too many allies to name one reading; a bound ("more than 2%") never names one."""
    q = _quantity(claim)
    if q is None or actual is None or claim.qualifier in ("more than", "at least", "less than", "at most"):
        return False
    verdict, _ = judge(q, actual, measure, qualifier=claim.qualifier)
    value = float(claim.value) if isinstance(claim.value, int | float) else 0.0
    close = abs(actual - value) <= CLOSE[measure] * (abs(value) if measure == "money" else 1)
    return verdict in ("supported", "imprecise") and close


def _figures_at(sentence: str) -> list[Quantity]:
    """The percentages and amounts of money in a sentence (the figures a country may own)."""
    return [
        q
        for q in quantities(sentence)
        if q.currency or re.match(r"\s?(?:%|per ?cent|pct)", sentence[q.end : q.end + 9], re.I)
    ]


#: a fronted phrase whose allies are not the subject ("Alongside the US, Poland and Estonia, Greece ...")
_FRONTED = re.compile(
    r"\b(?:alongside|like|unlike|besides|beside|next to|apart from|after|behind|as with|along with|together with|"
    r"among|including|compared (?:with|to))\s+(?:the\s+)?$",
    re.I,
)


def _subjects(sentence: str, before_figure: list[Any]) -> list[Any]:
    """The countries that are the subject of the figure: the run of countries joined by commas and
    "and" that ends just before it ("Poland, Germany and France spend 4.1%": all three), or only the
    last of the run when the rest is a fronted phrase ("Alongside the US, Poland and Estonia, Greece
    allocated 3.1%": Greece)."""
    if not before_figure:
        return []
    run = [before_figure[-1]]
    for mention in reversed(before_figure[:-1]):
        if not re.fullmatch(
            r"\s*(?:,|and|or|&|, and|, or|as well as)\s*(?:the\s+)?", sentence[mention.end : run[0].start]
        ):
            break
        run.insert(0, mention)
    return [run[-1]] if _FRONTED.search(sentence[: run[0].start]) else run


def _candidates(claim: Claim, before: str) -> list[str]:
    """Countries the sentence names that own no figure of their own: in a list where each country has
    its figure ("Greece 3.05, Estonia 2.89") a value is not another row's; in "Alongside the US,
    Poland and Estonia, Greece spent about 3.1%" any of the five may be the one meant. The sentence
    before counts when the claim's own sentence names no other country. When the claim's country is
    the one named just before the figure (the subject of "Greece spent 3.9%"), no other is tried."""
    at = claim.sentence.find(claim.text)
    named = mentions(claim.sentence)
    if claim.country in {m.iso3 for m in _subjects(claim.sentence, [m for m in named if m.end <= at])}:
        return []  # "..., Greece spent 3.9%", "Poland and Germany spend 4.1%": the claim's own subject
    owners: set[str] = set()
    for q in _figures_at(claim.sentence):
        if at <= q.start < at + len(claim.text):
            continue
        nearest = [m for m in named if m.end <= q.start]
        if nearest:
            owners.add(nearest[-1].iso3)
    # nearest to the figure first: the grammatical subject is usually the country just before it
    ordered = sorted(named, key=lambda m: abs(m.end - at) if m.end <= at else abs(m.start - at - len(claim.text)))
    found = [m.iso3 for m in ordered if m.iso3 not in owners and m.iso3 != claim.country]
    if not found and before.strip():
        last = re.split(r"(?<=[.!?])\s+", before.strip())[-1]
        found = [m.iso3 for m in mentions(last) if m.iso3 != claim.country and not _figures_at(last)]
    return list(dict.fromkeys(found))


def _country_figure(iso3: str, year: int, money: bool) -> list[float]:
    """Every figure natosim holds for one country-year (every NATO edition, or SIPRI for a non-ally),
    in the claim's unit (% of GDP, or US$)."""
    if facts.is_ally(iso3):
        measure = _USD if money else _PCT
        return [f.value * (1e6 if money else 1.0) for f in facts.ally_figures_all_editions(iso3, year, measure)]
    figure = facts.comparator(iso3, year, _SIPRI_USD if money else _SIPRI_PCT)
    return [] if figure is None else [figure.value * (1e6 if money else 1.0)]


def _aggregate_figures(name: str, year: int, money: bool) -> list[float]:
    editions = list(facts.edition_dates())
    found = (facts.aggregate(name, year, _USD if money else _PCT, edition) for edition in editions)
    return sorted({f.value * (1e6 if money else 1.0) for f in found if f is not None})


def _aggregate_named(claim: Claim, name: str) -> bool:
    """Does the clause just before the figure name the aggregate, with no country after it ("NATO's
    European members spent 2%", "the alliance as a whole, about $1.3 trillion")?"""
    at = claim.sentence.find(claim.text)
    if at < 0:
        return False
    clause = re.split(r"[;:]|,\s+(?:while|whereas|but)\b", claim.sentence[:at])[-1][-90:]
    words = list(_AGGREGATES[name].finditer(clause))
    return bool(words) and not any(m.start >= words[-1].end() for m in mentions(clause))


def another_subject(claim: Claim, before: str) -> str | None:
    """A % of GDP or an amount in US$ that is, for the year judged, the figure of another country the
    sentence names (and that owns no figure of its own there), or of a NATO aggregate the clause
    names just before the figure."""
    if claim.kind not in ("spending_pct_gdp", "spending_money", "alliance_total") or claim.year is None:
        return None
    money = claim.unit == "US$ current" or (claim.kind == "alliance_total" and claim.unit != "% of GDP")
    measure = "money" if money else "pct_gdp"
    for iso3 in _candidates(claim, before):
        if any(_fits(claim, value, measure) for value in _country_figure(iso3, claim.year, money)):
            return f"the value is {iso3}'s figure for {claim.year}, a country the sentence names"
    for name in _AGGREGATES:
        if claim.subject == name or not _aggregate_named(claim, name):
            continue
        if any(_fits(claim, value, measure) for value in _aggregate_figures(name, claim.year, money)):
            return f"the value is the '{name}' figure for {claim.year}, which the sentence names"
    return None


def _membership_count(claim: Claim) -> int | None:
    """The number of allies a membership count claims; None for an ally's rank in the order of
    accession ("the 30th member", said of a country), which no other count reading explains."""
    if claim.kind != "member_count" or claim.country is not None or not isinstance(claim.value, int | float):
        return None
    return int(claim.value) if float(claim.value).is_integer() else None


def _after(claim: Claim) -> str:
    at = claim.sentence.find(claim.text)
    return claim.sentence[at:] if at >= 0 else ""


def _others(claim: Claim) -> bool:
    """ "23 other countries": the count excludes the ally named with it."""
    return bool(re.search(r"\bother\b|\bbesides\b", claim.text, re.I) or _OTHER.match(_after(claim)[len(claim.text) :]))


#: a verb saying what some allies do with their spending (meet a target, raise it)
_SPENDING_VERB = (
    r"(?:fulfil\w*|meet|meets|meeting|met|achiev\w*|reach\w*|hit|hits|hitting|spend|spends|spending|spent|"
    r"exceed\w*|surpass\w*|increas\w*|rais\w*|boost\w*|cut|cuts|cutting|reduc\w*|lift\w*|top|tops|topped)"
)


def _subset_predicate(claim: Claim) -> bool:
    """Is the count the subject of a spending predicate ("23 member nations have fulfilled this
    commitment", "Norway and 23 other countries have now achieved the 2% target", "23 allies
    increasing their expenditure", "four of the seven nations to actually meet the target"), or the
    company of an ally that meets it ("the Netherlands now meets the standard, like 22 other
    countries")? Then it counts the allies that do something, not the membership; "all 32 allies",
    "NATO's 32 members" and "23 of its 31 members have met" stay a membership count."""
    at = claim.sentence.find(claim.text)
    if at < 0:
        return False
    head, after = claim.sentence[:at], claim.sentence[at + len(claim.text) :]
    noun = r"^\s*(?:(?:NATO\s+)?(?:nations|states|countries|allies|members)\s+)?"
    relative = re.match(
        noun + r"(?:that|which|who|to)\s+(?:\w+ly\s+)?(?:have\s+|has\s+)?" + _SPENDING_VERB + r"\b", after, re.I
    )
    if relative:
        return True
    if re.search(r"\b(?:all|NATO(?:'s|’s)|alliance(?:'s|’s)|its|their|of|among|out of)\s+(?:the\s+)?$", head, re.I):
        return False
    if re.match(
        noun + r"(?:(?:have|has|had|are|were|now|already|currently|so far|also|actually)\s+)*" + _SPENDING_VERB + r"\b",
        after,
        re.I,
    ):
        return True
    clause = re.split(r"[;:.]", head)[-1]
    if re.search(r"\b(?:increas|ris|grow|climb|jump|fall|dropp|swell|expand)\w*\s+to\s+$", clause, re.I) and re.search(
        r"\b" + _SPENDING_VERB + r"\b", clause, re.I
    ):
        return True  # "ten allies met the target, increasing to 18 countries in 2024": the same count, later
    return _others(claim) and bool(
        re.search(
            r"\b" + _SPENDING_VERB + r"\b[^;]*\b(?:like|as do|as did|along with|alongside|with|and)\s+(?:the\s+)?$",
            clause,
            re.I,
        )
    )


def threshold_count(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """A number of allies that is the subject of a spending predicate and a target the text speaks of
    ("23 member nations have fulfilled this commitment", "Norway and 23 other countries have now
    achieved the target"): a count of the allies at a threshold, which natosim checks as that kind
    (``allies_meeting_target``), not the membership. The note names the threshold count it equals,
    in the article's year or the year before, when one does."""
    value = _membership_count(claim)
    if value is None or not _subset_predicate(claim):
        return None
    text = f"{before} {claim.sentence}"
    if not re.search(r"%|per ?cent|\bspend\w*|\bspent\b|\bdefen[cs]e\b|\b" + TARGET_NOUN, text, re.I):
        return None
    wanted = value + 1 if _others(claim) else value
    stated = {float(m) for m in re.findall(r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent)", text, re.I)}
    thresholds = sorted(facts.pledge_targets() | {s for s in stated if 0 < s < 10})
    for year in (date.year, date.year - 1) if date is not None else ():
        for threshold in thresholds:
            for edition in facts.edition_dates():
                found = facts.allies_at_or_above(year, threshold, edition)
                if found is not None and found[0] == wanted:
                    return (
                        f"a count of the allies meeting a target, not the membership: {wanted} allies were at "
                        f"{threshold:g}% of GDP in {year} (edition {edition})"
                    )
    return "a count of the allies meeting a target the text speaks of, not the membership"


def other_members(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "Canada and its 29 other allies", "four of the 29 other NATO members": the count leaves out
    the ally the sentence is about, so it is the membership on the article's date minus one."""
    value = _membership_count(claim)
    if value is None or date is None or not _others(claim):
        return None
    if len(facts.members_on(date)) == value + 1:
        return f"the other allies of the one named: {value + 1} allies on {date.isoformat()} less that one"
    return None


def founders(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """The founding members ("its original 12 member countries", "grown from 12 to 32")."""
    value = _membership_count(claim)
    if value is None:
        return None
    days = [d for d in (facts.accession_date(code) for code in facts.members_on(None)) if d is not None]
    if not days or len(facts.members_on(min(days))) != value:
        return None
    at = claim.sentence.find(claim.text)
    window = claim.sentence[max(0, at - 40) : at + len(claim.text) + 40] if at >= 0 else claim.sentence
    if _FOUNDING.search(window) or re.search(r"\bfrom\s+(?:just\s+|only\s+)?$", claim.sentence[: max(0, at)]):
        return f"the {value} founding members, which the sentence speaks of"
    return None


def membership_at_named_event(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """The membership on the day of an accession the text speaks of (Sweden "the 32nd member"), or
    on its eve when the sentence is about the ratifications before it (Hungary "the last of the 31
    members to give its approval" to Sweden's entry). The accession must be named (a joining word
    and the country, in the sentence or the ones before): a stale "NATO's 30 members" with no
    accession in sight stays contradicted."""
    value = _membership_count(claim)
    if value is None:
        return None
    text = f"{before} {claim.sentence}"
    if not _ACCESSION.search(text):
        return None
    wanted = value + 1 if _others(claim) else value
    if re.search(r"\b(?:now|today|currently|at present|these days)\b", claim.sentence, re.I):
        return None  # "Finland joined in 2023; today NATO's 31 members ...": a count of the day, stale
    eve = bool(_BEFORE_ACCESSION.search(claim.sentence))
    first = min(filter(None, map(facts.accession_date, facts.members_on(None))))
    # the eve of an accession may be told sentences after it ("Sweden is the 32nd member. Hungary, the
    # last of the 31 members to approve, ..."); the count at an accession names the country itself
    named = mentions(text) if eve else mentions(claim.sentence)
    for iso3 in dict.fromkeys(m.iso3 for m in named):
        joined = facts.accession_date(iso3)
        if joined is None or joined == first or (date is not None and joined > date):
            continue
        counts = {len(facts.members_on(joined))}
        if eve:
            counts.add(len(facts.members_on(joined - dt.timedelta(days=1))))
        if wanted in counts:
            return f"the membership at {iso3}'s accession ({joined.isoformat()}), which the text speaks of"
    return None


def membership_in_a_named_year(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "In 2016, NATO's 28 members ...": the membership at the end of a past year the sentence names
    (a deadline, "by 2030", is not such a year)."""
    value = _membership_count(claim)
    if value is None:
        return None
    wanted = value + 1 if _others(claim) else value
    for match in re.finditer(r"(\b\w+\s+)?\b((?:19|20)\d\d)\b", claim.sentence):
        if re.match(r"(?:by|until|before|within)\s", match.group(1) or "", re.I):
            continue
        year = int(match.group(2))
        if date is not None and year >= date.year:
            continue
        # the year's end: a year with an accession in it ("in 2024, 31 members") is not the count before it
        if len(facts.members_on(dt.date(year, 12, 31))) == wanted:
            return f"the membership in {year}, a year the sentence names"
    return None


def _nearest(text: str, pattern: str, at: int) -> int | None:
    """Distance from ``at`` to the nearest match of ``pattern`` in ``text`` (None: no match)."""
    found = [abs(m.start() - at) for m in re.finditer(pattern, text, re.I)]
    return min(found) if found else None


def another_pledge(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """A real pledge value compared with the summit or year of *another* pledge the sentence names
    closer to that year or summit than the claim is ("5% of GDP by 2035, up from the 2% target set in
    2014": 2014 dates the 2%; "At the 2023 summit leaders agreed 5%" still dates the 5%)."""
    if claim.kind != "pledge_value" or not isinstance(claim.value, int | float):
        return None
    if float(claim.value) not in facts.pledge_targets():
        return None
    year = re.search(r"adopted in (\d{4})", claim.note)
    forum = re.search(r"made at (.+)$", claim.note)
    if year is not None:
        when, pattern = int(year.group(1)), rf"\b{year.group(1)}\b"
    elif forum is not None:
        when, pattern = None, rf"\b{re.escape(forum.group(1).strip())}\b"
    else:
        return None
    at = claim.sentence.find(claim.text)
    mark = re.search(pattern, claim.sentence, re.I)
    if at < 0 or mark is None:
        return None
    own = abs(mark.start() - at)
    for pledge in facts.rules().pledges():
        target = pledge.target_pct_gdp
        if target is None or float(target) == float(claim.value):
            continue
        if (when is not None and pledge.adopted.year != when) or (
            forum is not None and forum.group(1).strip().casefold() not in pledge.forum.casefold()
        ):
            continue
        other = _nearest(claim.sentence, rf"(?<![\d.]){float(target):g}\s*(?:%|per ?cent)", mark.start())
        if other is not None and other < own:
            return f"the date or summit belongs to the {float(target):g}% pledge ({pledge.id}) the sentence also names"
    return None


def listed_subset(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "only three member nations — Poland, Lithuania and Latvia — reached ...": a count followed (or
    preceded) by exactly that many allies named in apposition counts those allies, not the membership."""
    value = _membership_count(claim)
    at = claim.sentence.find(claim.text)
    if value is None or at < 0:
        return None
    after = claim.sentence[at + len(claim.text) :]
    apposition = re.match(r"^\s*(?:\w+\s*){0,2}?(?:[—–:(]|-{1,2}|,)\s*([^—–:)]{3,160})", after)
    if apposition is None:
        return None
    named = {m.iso3 for m in mentions(re.split(r"[—–)]|\s-\s", apposition.group(1))[0]) if facts.is_ally(m.iso3)}
    if len(named) == value:
        return f"a count of the {value} allies the sentence lists ({', '.join(sorted(named))}), not the membership"
    return None


#: a year given by reference to one named before ("at that time", "back then", "that year")
_THEN = re.compile(r"\b(?:at that time|at the time|back then|that year|in that year|by then|then)\b", re.I)


def year_named_before(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "In 2014 ... all members pledged to meet 2%. At that time only three countries met it": a claim
    dated by the article's day whose sentence points back to a time, true in the year the sentence
    before names."""
    if claim.year_source in ("stated", None) or not _THEN.search(claim.sentence) or not before.strip():
        return None
    last = re.split(r"(?<=[.!?])\s+", before.strip())[-1]
    # a deadline ("pledged to meet 2% by 2024") is not the time the sentence points back to
    years = [
        int(m.group(2))
        for m in re.finditer(r"(\b\w+\s+)?\b((?:19|20)\d\d)\b", last)
        if not re.match(r"(?:by|until|before|within)\s", m.group(1) or "", re.I)
    ]
    if not years or not isinstance(claim.value, int | float):
        return None
    year, then = years[-1], _THEN.search(claim.sentence)
    said = then.group(0) if then else "then"
    if claim.kind == "allies_meeting_target":
        threshold = re.search(r"([<≥])(\d+(?:\.\d+)?)% of GDP", claim.unit or "")
        if threshold is None:
            return None
        below = threshold.group(1) == "<"
        for edition in facts.edition_dates():
            found = facts.allies_at_or_above(year, float(threshold.group(2)), edition, below=below)
            if found is not None and found[0] == claim.value:
                return f"'{said}' points to {year}, named just before: {found[0]} allies then"
    country = claim.country
    if (
        claim.kind == "spending_pct_gdp"
        and country is not None
        and facts.is_ally(country)
        and any(_fits(claim, value, "pct_gdp") for value in _country_figure(country, year, False))
    ):
        return f"'{said}' points to {year}, named just before"
    return None


_EUROPE = re.compile(
    r"\b(?:Europe(?:an)?s?|Canada|other (?:NATO )?(?:allies|members|countries|nations)|"
    r"rest of (?:the )?(?:alliance|NATO))\b",
    re.I,
)
_ECONOMY = re.compile(r"\b(?:GDP|gross domestic product|economy|economies|economic (?:output|weight)|output)\b", re.I)


def _us_shares(year: int) -> tuple[list[float], list[float]]:
    """The US share of allied defence spending (every edition) and of allied GDP, in %."""
    spending, economy = [], []
    for edition in facts.edition_dates():
        share = facts.aggregate("NATO Total", year, "us_share_of_usd_current_pct", edition)
        if share is not None:
            spending.append(share.value)
        total = facts.aggregate("NATO Total", year, "gdp_usd_current_mn", edition)
        us = facts.ally_figure("USA", year, "gdp_usd_current_bn", edition)
        if total is not None and us is not None and total.value:
            economy.append(100 * us.value * 1e3 / total.value)
    return sorted(set(spending)), sorted(set(economy))


def another_share(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """A share of the alliance that is the other side's ("Europe and Canada spend the remaining 34%",
    read as the US share) or a share of another measure the sentence names (the US share of allied
    GDP, "the US economy is half of the alliance's")."""
    if claim.kind != "alliance_share" or claim.year is None or not isinstance(claim.value, int | float):
        return None
    spending, economy = _us_shares(claim.year)
    us = claim.country == "USA" or claim.subject == "USA"
    if _EUROPE.search(claim.sentence):
        other = [100 - v for v in spending] if us else spending
        if any(_fits(claim, value, "share_pct") for value in other):
            return f"the share of {'Europe and Canada' if us else 'the US'} in {claim.year}, which the sentence names"
    if us and _ECONOMY.search(claim.sentence) and any(_fits(claim, value, "share_pct") for value in economy):
        return f"the US share of allied GDP in {claim.year}, a measure the sentence names"
    return None


#: a percentage that measures a change ("a 2.2% increase in real terms", "a 9% rise")
_CHANGE_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,2}?(?:increases?|rises?|growth|jumps?|hikes?|boosts?|drops?|decreases?|declines?|"
    r"cuts?|falls?|reductions?|gains?|uptick|surge)\b",
    re.I,
)


def a_rate_of_change(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "a 2.2% increase in real terms": a percentage followed by a noun of change measures the change,
    not a level of spending (% of GDP) or a share."""
    if claim.kind not in ("spending_pct_gdp", "alliance_total", "alliance_share") or claim.unit == "US$ current":
        return None
    at = claim.sentence.find(claim.text)
    if at >= 0 and _CHANGE_AFTER.match(claim.sentence[at + len(claim.text) :]):
        return "a rate of change ('a 2.2% increase'), not a level of spending or a share"
    return None


#: a share of one of NATO's own common-funded budgets, not of the allies' defence spending
_COMMON_FUNDING = re.compile(
    r"\b(?:running costs|common(?:ly)?[ -]fund\w*|common budgets?|civil budget|military budget|NSIP|"
    r"direct funding|NATO(?:'s|’s)? (?:own )?budget|operating budget|headquarters)\b",
    re.I,
)


def share_of_common_funding(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "the US covers only 16 per cent of NATO's running costs": a share of NATO's common-funded
    budgets (a cost-share formula), another measure than a share of allied defence spending."""
    if claim.kind not in ("alliance_share", "spending_pct_gdp"):
        return None
    at = claim.sentence.find(claim.text)
    after = claim.sentence[at + len(claim.text) : at + len(claim.text) + 60] if at >= 0 else ""
    if _COMMON_FUNDING.search(after):
        return "a share of NATO's common-funded budgets (its cost-share formula), not of allied defence spending"
    return None


def year_of_a_named_pledge(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "the previously agreed threshold of 2%, established in 2014": a year compared with an event
    (the founding) that is the adoption year of a pledge whose value the clause names."""
    if claim.kind != "event_date" or not isinstance(claim.value, int):
        return None
    at = claim.sentence.find(claim.text)
    clause = claim.sentence[max(0, at - 80) : at + len(claim.text)]
    named = {float(v) for v in re.findall(r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent)", clause, re.I)}
    for pledge in facts.rules().pledges():
        if (
            pledge.target_pct_gdp is not None
            and float(pledge.target_pct_gdp) in named
            and pledge.adopted.year == claim.value
        ):
            value = float(pledge.target_pct_gdp)
            return f"{claim.value} is when the {value:g}% pledge ({pledge.id}) the clause names was adopted"
    return None


def after_a_named_day(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "triggered after Sept. 11, 2001": the day named is what the event followed (an attack), and
    the event came within weeks after it (Art. 5 on 12 September 2001)."""
    if claim.kind != "event_date" or claim.expected is None:
        return None
    try:
        true_day = dt.date.fromisoformat(str(claim.expected)[:10])
    except ValueError:
        return None
    at = claim.sentence.find(claim.text)
    for match in MONTH_YEAR.finditer(claim.sentence):
        if not (match.start() <= at + len(claim.text) and at <= match.end()):
            continue
        if not re.search(AFTER, claim.sentence[: match.start()], re.I):
            continue
        try:
            named = dt.date(
                int(match.group(4)), month_number(match.group(2)), int(match.group(1) or match.group(3) or 1)
            )
        except ValueError:
            continue
        if 0 <= (true_day - named).days <= AFTER_DAYS:
            return f"the day named is what the event followed; the event came on {true_day.isoformat()}"
    return None


def _invocations(article: int) -> list[Any]:
    book = facts.rules().invocations()
    return list(book.article_4 if article == 4 else book.article_5)


def invocation_count(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "Turkey alone invoked it [Article 4] five times between 2003-2020", "the third time Article 4
    has been invoked since Russia's invasion in 2022": the count of invocations of an article the
    sentence names, by an ally it names, within years it names."""
    if (
        claim.kind != "event_date"
        or not str(claim.subject or "").endswith("-count")
        or not isinstance(claim.value, int | float)
    ):
        return None
    articles = {int(a) for a in re.findall(r"\bArt(?:icle|\.)?\s*([45])\b", claim.sentence)}
    years = sorted({int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", claim.sentence)})
    countries = [None, *sorted({m.iso3 for m in mentions(claim.sentence) if facts.is_ally(m.iso3)})]
    end = date or dt.date.max
    for article in sorted(articles):
        for who in countries:
            for start in [None, *years]:
                for stop in [None, *years]:
                    chosen = [
                        i
                        for i in _invocations(article)
                        if i.date <= end
                        and (start is None or i.date.year >= start)
                        and (stop is None or i.date.year <= stop)
                        and (who is None or who in (i.requesting or []))
                    ]
                    if len(chosen) == claim.value and (who or start or stop or article != _counted_article(claim)):
                        return (
                            f"the count of Art. {article} invocations"
                            + (f" by {who}" if who else "")
                            + (f" from {start}" if start else "")
                            + (f" to {stop}" if stop else "")
                            + ", which the sentence names"
                        )
    return None


def _counted_article(claim: Claim) -> int | None:
    found = re.match(r"article(\d)", str(claim.subject or ""))
    return int(found.group(1)) if found else None


def someones_own_target(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "Trump's aspirational target of 4 percent": a target a person or a country owns, not a NATO
    pledge (the possessive names its owner)."""
    if claim.kind != "pledge_value" or not claim.note.startswith("no NATO pledge"):
        return None
    at = claim.sentence.find(claim.text)
    head = claim.sentence[max(0, at - 60) : at]
    owner = re.search(r"\b([A-Z][\w.-]+)(?:'s|’s)\s+(?:[\w-]+\s+){0,2}" + TARGET_NOUN + r"\s+(?:of\s+)?$", head)
    if owner and not re.match(r"(?:NATO|Nato|Alliance|Allies)$", owner.group(1)):
        return f"{owner.group(1)}'s own target, not a NATO pledge"
    return None


#: "after", "following", "in response to" just before a day: the event came after that day
AFTER = r"\b(?:after|following|in the wake of|in response to)\s+(?:the\s+)?$"
#: how long after the day named an event may come and still be "after" it (Art. 5: the day after)
AFTER_DAYS = 60

_SPENDING_NOUN = r"(?:military\s+|defen[cs]e\s+)?(?:expenditures?|spending|budgets?|outlays)"


def a_non_allys_figure(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "The military expenditures of Russia ... amount to about $44 billion": an amount the clause
    gives as a non-ally's spending, not the alliance's total."""
    if claim.kind not in ("alliance_total", "alliance_share"):
        return None
    at = claim.sentence.find(claim.text)
    clause = re.split(r"[;]|,\s+(?:while|whereas|but|and)\b", claim.sentence[: max(0, at)])[-1]
    for mention in mentions(clause):
        if facts.is_ally(mention.iso3):
            continue
        owner = clause[max(0, mention.start - 40) : mention.end + 20]
        if re.search(
            _SPENDING_NOUN + r"\s+of\s+(?:the\s+)?$", clause[max(0, mention.start - 40) : mention.start], re.I
        ) or re.search(
            r"^(?:'s|’s)\s+(?:[\w-]+\s+){0,2}" + _SPENDING_NOUN, clause[mention.end : mention.end + 40], re.I
        ):
            return f"{mention.iso3}'s spending, as the clause says ({owner.strip()!r}), not the alliance's"
    return None


#: a commitment, a demand or a refusal just before a percentage: the figure is a target, not spending
_INTENT = re.compile(
    r"\b(?:commit\w*|pledg\w*|agree\w*|aim\w*|plans?|planned|planning|wants?|wanted|push\w*|urg\w*|demand\w*|"
    r"call\w* for|oppos\w*|refus\w*|reject\w*|resist\w*|vow\w*|promis\w*)\b(?:\s+[\w-]+){0,3}?\s*$",
    re.I,
)


def a_target_not_a_figure(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "Lithuania, Estonia and Latvia have agreed to commit 5% of GDP", "Spain opposed allocating 5%",
    "criticised Spain for not meeting NATO's 5% spending target": a NATO pledge value called a target,
    or after a verb of commitment, demand or refusal, is the target the ally is for or against, not
    what it spends."""
    if claim.kind != "spending_pct_gdp" or not isinstance(claim.value, int | float):
        return None
    if float(claim.value) not in facts.pledge_targets():
        return None
    at = claim.sentence.find(claim.text)
    if at < 0:
        return None
    after = claim.sentence[at + len(claim.text) : at + len(claim.text) + 60]
    named = re.match(r"\s*(?:of\s+(?:its\s+|their\s+)?GDP\s+)?(?:[\w-]+\s+){0,2}?" + TARGET_NOUN + r"\b", after, re.I)
    if named or re.search(r"\b(?:NATO|[Aa]lliance)(?:'s|’s)\s+$", claim.sentence[max(0, at - 20) : at]):
        return (
            f"{float(claim.value):g}% is the NATO target the sentence names ('{claim.text} ... target'), not spending"
        )
    if not _INTENT.search(claim.sentence[max(0, at - 50) : at]):
        return None
    return f"{float(claim.value):g}% is a NATO target the ally commits to, demands or refuses, not its spending"


def meets_the_named_target(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "... committed to a goal of spending at least 2 percent. Greece and Estonia spend 2 percent":
    a NATO pledge value the text has just called a target, said of an ally at or above it, reads as
    meeting the target, not as the ally's exact figure."""
    if claim.kind != "spending_pct_gdp" or claim.country is None or claim.year is None or claim.qualifier:
        return None
    if not isinstance(claim.value, int | float) or float(claim.value) not in facts.pledge_targets():
        return None
    value = rf"(?<![\d.]){float(claim.value):g}\s*(?:%|per ?cent)"
    text = f"{before} {claim.sentence}"
    if not (
        re.search(value + r"\s+(?:of\s+(?:their\s+|its\s+)?GDP\s+)?(?:[\w-]+\s+){0,2}?" + TARGET_NOUN, text, re.I)
        or re.search(TARGET_NOUN + r"\s+of\s+(?:spending\s+)?(?:at least\s+)?" + value, text, re.I)
    ):
        return None
    figures = facts.ally_figures_all_editions(claim.country, claim.year, _PCT)
    if figures and all(f.value >= float(claim.value) for f in figures):
        return f"'{claim.text}' reads as meeting the {float(claim.value):g}% target the text names, which it does"
    return None


def a_year_in_a_comparison(claim: Claim, date: dt.date | None, before: str) -> str | None:
    """ "only seven ... fulfilled the requirement last year – one less than in 2021": the year written
    is the comparison's; the figure is for the year next to it."""
    if claim.kind != "allies_meeting_target" or claim.year_source != "stated" or claim.year is None:
        return None
    if not re.search(rf"\b(?:than|compared (?:with|to)|versus|vs\.?)\s+(?:in\s+)?{claim.year}\b", claim.sentence, re.I):
        return None
    threshold = re.search(r"([<≥])(\d+(?:\.\d+)?)% of GDP", claim.unit or "")
    if threshold is None:
        return None
    for year in (claim.year + 1, claim.year - 1):
        for edition in facts.edition_dates():
            found = facts.allies_at_or_above(year, float(threshold.group(2)), edition, below=threshold.group(1) == "<")
            if found is not None and found[0] == claim.value:
                return f"{claim.year} is the year compared with; {found[0]} allies were at the threshold in {year}"
    return None


_READINGS: tuple[Callable[[Claim, dt.date | None, str], str | None], ...] = (
    a_rate_of_change,
    lambda claim, date, before: another_subject(claim, before),
    threshold_count,
    other_members,
    founders,
    membership_at_named_event,
    membership_in_a_named_year,
    another_pledge,
    listed_subset,
    year_named_before,
    share_of_common_funding,
    another_share,
    year_of_a_named_pledge,
    after_a_named_day,
    invocation_count,
    someones_own_target,
    a_non_allys_figure,
    a_target_not_a_figure,
    meets_the_named_target,
    a_year_in_a_comparison,
)


def alternative_reason(claim: Claim, date: dt.date | None, before: str = "") -> str | None:
    """Why a "contradicted" claim may be true under another reading the text names (None: none fits)."""
    if claim.verdict != "contradicted":
        return None
    for reading in _READINGS:
        found = reading(claim, date, before)
        if found is not None:
            return f"another reading makes it true: {found}"
    return None
