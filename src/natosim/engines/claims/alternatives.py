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

Each reading is cheap (a few look-ups in the bundled data) and general: none names a country,
a year or a figure.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from natosim.engines.claims import facts
from natosim.engines.claims.gazetteer import mentions
from natosim.engines.claims.model import Claim
from natosim.engines.claims.numbers import Quantity, quantities
from natosim.engines.claims.pledges import TARGET_NOUN
from natosim.engines.claims.tolerance import judge

#: the aggregates NATO publishes, and the words that name each in a sentence
_AGGREGATES: dict[str, re.Pattern[str]] = {
    "NATO Total": re.compile(r"\b(?:NATO|[Aa]lliance|[Aa]llies|[Aa]llied)\b"),
    "NATO Europe and Canada": re.compile(r"\b(?:Europe(?:an)?s?|Canada)\b"),
}
_PCT = "defence_exp_pct_gdp"
_USD = "defence_exp_usd_current_mn"
_SIPRI_PCT = "milex_pct_gdp"
#: how close another reading's figure must be: points of GDP, or a fraction of an amount of money
_CLOSE = {"pct_gdp": 0.15, "money": 0.05}
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
    """Is the claim's value supported by ``actual`` under the claim's own tolerance (same qualifier),
    and close to it (``_CLOSE``)? Another reading must fit as well as a right claim: a figure merely
    "imprecise", or within the rounding of a whole number ("2%" for 1.6), or a bound ("more than 2%"),
    is true of too many figures to name one reading."""
    q = _quantity(claim)
    if q is None or actual is None or claim.qualifier in ("more than", "at least", "less than", "at most"):
        return False
    verdict, _ = judge(q, actual, measure, qualifier=claim.qualifier)
    value = float(claim.value) if isinstance(claim.value, int | float) else 0.0
    return verdict == "supported" and abs(actual - value) <= _CLOSE[measure] * (abs(value) if measure == "money" else 1)


def _figures_at(sentence: str) -> list[Quantity]:
    """The percentages and amounts of money in a sentence (the figures a country may own)."""
    return [
        q
        for q in quantities(sentence)
        if q.currency or re.match(r"\s?(?:%|per ?cent|pct)", sentence[q.end : q.end + 9], re.I)
    ]


def _candidates(claim: Claim, before: str) -> list[str]:
    """Countries the sentence names that own no figure of their own: in a list where each country has
    its figure ("Greece 3.05, Estonia 2.89") a value is not another row's; in "Alongside the US,
    Poland and Estonia, Greece spent about 3.1%" any of the five may be the one meant. The sentence
    before counts when the claim's own sentence names no other country. When the claim's country is
    the one named just before the figure (the subject of "Greece spent 3.9%"), no other is tried."""
    at = claim.sentence.find(claim.text)
    named = mentions(claim.sentence)
    subject = [m for m in named if m.end <= at]
    if subject and subject[-1].iso3 == claim.country:
        return []  # "..., Greece spent 3.9%": the claim is about the subject of its own clause
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
    if claim.kind != "member_count" or not isinstance(claim.value, int | float):
        return None
    return int(claim.value) if float(claim.value).is_integer() else None


def _after(claim: Claim) -> str:
    at = claim.sentence.find(claim.text)
    return claim.sentence[at:] if at >= 0 else ""


def _others(claim: Claim) -> bool:
    """ "23 other countries": the count excludes the ally named with it."""
    return bool(re.search(r"\bother\b|\bbesides\b", claim.text, re.I) or _OTHER.match(_after(claim)[len(claim.text) :]))


def _subset_predicate(claim: Claim) -> bool:
    """Is the count the subject of a spending predicate ("23 member nations have fulfilled this
    commitment", "Norway and 23 other countries have now achieved the 2% target")? Then it counts
    the allies that do something, not the membership; "all 32 allies" and "NATO's 32 members" stay
    a membership count."""
    at = claim.sentence.find(claim.text)
    if at < 0 or re.search(
        r"\b(?:all|NATO(?:'s|’s)|[Aa]lliance(?:'s|’s)|its|their|of|among|out of)\s+(?:the\s+)?$", claim.sentence[:at]
    ):
        return False
    after = claim.sentence[at + len(claim.text) :]
    return bool(
        re.match(
            r"^\s*(?:(?:NATO\s+)?(?:nations|states|countries|allies|members)\s+)?"
            r"(?:(?:have|has|had|are|were|now|already|currently|so far|also|actually)\s+)*"
            r"(?:fulfil\w*|meet|meets|met|achiev\w*|reach\w*|hit|hitting|spend|spends|spent|exceed\w*|surpass\w*)\b",
            after,
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
    eve = bool(_BEFORE_ACCESSION.search(claim.sentence))
    first = min(filter(None, map(facts.accession_date, facts.members_on(None))))
    for iso3 in dict.fromkeys(m.iso3 for m in mentions(text)):
        joined = facts.accession_date(iso3)
        if joined is None or joined == first or (date is not None and joined > date):
            continue
        counts = {len(facts.members_on(joined))}
        if eve:
            counts.add(len(facts.members_on(joined - dt.timedelta(days=1))))
        if wanted in counts:
            return f"the membership at {iso3}'s accession ({joined.isoformat()}), which the text speaks of"
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


_READINGS: tuple[Callable[[Claim, dt.date | None, str], str | None], ...] = (
    lambda claim, date, before: another_subject(claim, before),
    threshold_count,
    founders,
    membership_at_named_event,
    another_pledge,
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
