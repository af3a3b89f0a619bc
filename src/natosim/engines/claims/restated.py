"""False claims said in words the figure finders do not read, judged only where the data leave no
doubt whatever the year or the reading.

Politicians rarely give a figure with its year and measure: "the United States covers nearly the
entire NATO budget", "we paid for virtually the whole cost of NATO". Such wording names a bound
(the whole, or nearly the whole) and no year. natosim calls it contradicted only when the bound fails
in *every* year it holds (the US share of allied defence spending never reached 90%), so the verdict
does not hang on a year the text does not give; and only a bound that fails on both readings of
"NATO's budget" (the allies' defence spending, or NATO's small common-funded budget, where the US
cost share is lower still) is read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from natosim.engines.claims import facts, spending
from natosim.engines.claims.context import SentenceView
from natosim.engines.claims.model import Claim, Evidence

#: "(nearly) the entire NATO budget", "virtually the whole cost of the alliance", "almost the full bill
#: for NATO", "the entirety of NATO's costs": the whole of what NATO costs, said of one payer. "almost",
#: "nearly", "virtually", "practically", "just about" make it a bound of 90% (as ``spending.SHARE_WORDS``
#: reads "almost all"); without them the whole (97.5%, a fraction's tolerance below 100).
WHOLE_OF_NATO = re.compile(
    r"\b(?P<almost>(?:almost|nearly|virtually|practically|just about|essentially)\s+)?"
    r"(?:the\s+)?(?:entire(?:ty of)?|whole|full)\s+"
    r"(?:(?:NATO|alliance|North Atlantic alliance)(?:'s|’s)?\s+(?:budget|bill|tab|costs?)|"
    r"(?:budget|bill|tab|costs?|expenses?)\s+(?:of|for)\s+(?:the\s+)?(?:NATO|alliance|North Atlantic alliance)|"
    r"(?:of\s+)?NATO(?:'s|’s)?\s+(?:budget|bill|tab|costs?|expenses?))\b"
    # the whole of NATO, not of one of its parts: "the full cost of NATO's nuclear umbrella", "the entire
    # NATO budget for the Afghan mission", "the whole cost of the NATO summit" are other bills
    r"(?!['’]s|\s+(?!(?:and|but|or|while|whereas|before|until|since|when|alone|itself|in|by|during|over|"
    r"through)\b)[a-z])",
    re.IGNORECASE,
)
#: a verb of paying before the whole: "covers", "pays (for)", "foots", "funds", "finances", "bankrolls"
_PAYS = re.compile(
    r"\b(?:covers?|covered|covering|pays?|paid|paying|foots?|footed|footing|funds?|funded|funding|financ\w*|"
    r"bankroll\w*|shoulders?|shouldered|bears?|bore|picks? up|picked up|carries|carried)\s+(?:for\s+)?$",
    re.IGNORECASE,
)
#: a denial or a hypothetical before the verb: "has never covered", "would not pay", "if the US paid"
_NOT_ASSERTED = re.compile(r"\b(?:never|not|n't|no longer|if|whether|unless)\b", re.IGNORECASE)


#: what an ally "pays" in NATO talk, said bare: "Germany is just paying a little bit over 1 percent",
#: "the United States in actual numbers is paying 4.2 percent", "we pay about 3.5 per cent". A verb of
#: paying right before the figure (words of degree between), the figure bare after it: no "of ..." (a
#: share of something: "16 percent of NATO's budget"), no noun ("25 percent tariffs"), no change
#: ("paying 4 percent more").
_PAYING_BEFORE = re.compile(
    r"\b(?:pay|pays|paying|paid)\s+(?:(?:just|only|a little|a little bit|a bit|slightly|about|around|roughly|"
    r"approximately|close to|nearly|almost|under|over|more than|less than|barely|like)\s+){0,3}$",
    re.IGNORECASE,
)
_BARE_AFTER = re.compile(
    r"^(?:\s|-)?(?:%|per\s?cent\b|percent\b)(?=\s*(?:[\"”’'.,;:!?)]|$|\s+(?:whereas|while|and|but|now|today|"
    r"this year|last year|in\s+(?:19|20)\d\d)\b))",
    re.IGNORECASE,
)


#: what else an ally pays a percentage of: NATO's common budget by a cost-share formula ("the U.S. pays
#: 22 percent, according to this formula"), a contribution, tariffs, taxes, interest
_OTHER_PAYMENT = re.compile(
    r"\b(?:budgets?|formula|cost[- ]shar\w*|shares?|contribut\w*|common[- ]fund\w*|tariffs?|tax\w*|interest|"
    r"premiums?|rates?|dues|fees?)\b",
    re.IGNORECASE,
)


def _paying_percent(view: SentenceView, used: set[int]) -> list[Claim]:
    """An ally "paying N percent", in an article about NATO: its defence spending as % of GDP, the only
    percentage an ally is said to pay in talk of NATO's target (spending.spending_pct judges it)."""
    if not view.context.about_nato or _OTHER_PAYMENT.search(view.text):
        return []
    claims: list[Claim] = []
    for q in view.quantities:
        if q.start in used or q.currency is not None or not 0 < q.value < 20:
            continue
        after = _BARE_AFTER.match(view.text[q.end :])
        if after is None or not _PAYING_BEFORE.search(view.text[max(0, q.start - 60) : q.start]):
            continue
        iso3 = spending._subject_country(view, q.start)
        if iso3 is None or not facts.is_ally(iso3):
            continue
        claims.append(spending.spending_pct(view, q, q.end + after.end(), iso3))
        used.add(q.start)
    return claims


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    """Shares of the whole of NATO's cost said in words, of the United States; an ally "paying N
    percent"."""
    claims: list[Claim] = _paying_percent(view, used)
    for match in WHOLE_OF_NATO.finditer(view.text):
        before = view.text[max(0, match.start() - 40) : match.start()]
        if match.start() in used or not _PAYS.search(before):
            continue
        clause = re.split(r"[,;:]", view.text[: match.start()])[-1]
        if _NOT_ASSERTED.search(clause[-60:]):
            continue
        if spending._subject_country(view, match.start()) != "USA":
            continue
        claim = whole_share(view, match)
        if claim is not None:
            claims.append(claim)
            used.add(match.start())
    return claims


def whole_share(view: SentenceView, match: re.Match[str]) -> Claim | None:
    """The bound in words against the US share of allied defence spending in every year held: a
    contradiction only when no year reaches the bound (else nothing is said: the year is not written)."""
    bound, qualifier = spending.SHARE_WORDS["almost all" if match.group("almost") else "all"]
    shares = {year: found for year in facts.years_held() if (found := spending._us_shares(year)) is not None}
    if not shares or any(year < min(shares) for year, _, _ in view.years):
        return None  # none held, or the sentence is about a year before those held ("in the 1950s")
    top = max(shares, key=lambda year: shares[year][0])
    us_share, _, source, edition = shares[top]
    if us_share >= bound:
        return None
    return view.claim(
        kind="alliance_share",
        start=match.start(),
        end=match.end(),
        value=bound,
        qualifier=qualifier,
        unit="% of allied defence spending",
        verdict="contradicted",
        expected=round(us_share, 1),
        evidence=[spending._us_share_evidence(top, us_share, source, edition)],
        country="USA",
        subject="USA",
        year=top,
        note=(
            f"'{match.group(0)}' means a share {qualifier} {bound:g}%: the bound does not hold in any year held "
            f"(the US share of allied defence spending peaked at {us_share:.1f}% in {top}, "
            f"{min(shares)}-{max(shares)}); its cost share of NATO's common-funded budget is lower still: "
            "false whatever the year or reading"
        ),
        year_source="inferred",
    )


#: words that make a count of allies something other than a statement of fact: a forecast, a plan, a
#: condition, a denial or a question of degree ("are expected to", "will", "if", "never", "not")
_NOT_A_FACT = re.compile(
    r"\b(?:will|would|shall|could|should|might|may|can|expect\w*|project\w*|forecast\w*|predict\w*|plan\w*|"
    r"aim\w*|on track|on course|set to|going to|due to|poised|hop\w*|promis\w*|pledg\w*|commit\w*|intend\w*|"
    r"vow\w*|want\w*|goal of|if|unless|whether|not|n't|never|no longer|nor|once|until|soon|estimat\w*)\b",
    re.IGNORECASE,
)
#: "by 2027", "by the end of 2030": a deadline, a forecast unless the year is already past
_BY_YEAR = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
#: "Poland was one of just two countries ...": the ally placed among the count is part of the claim
_ONE_OF = re.compile(
    r"(?P<lead>(?:[“\"]\s*)?(?:[A-Z][\w.’'-]*\s+){1,3}(?:is|was|has been|had been|remains|remained)\s+"
    r"(?:one of|among)\s+(?:the\s+)?)(?:only\s+|just\s+|merely\s+)?$"
)
#: "In 2016, ...", "By 2024, ...": the year opening the sentence is part of the claim it dates
_LEADING_YEAR = re.compile(
    r"^[\s\W]*?(?P<lead>(?:In|By|As of|Since)\s+(?:(?:early|mid-?|late)\s+)?((?:19|20)\d\d),?\s+)$"
)


#: NATO publishes its defence expenditure estimates once a year: an article within a year of the latest
#: edition held read that edition (or an earlier one), never a later one
_EDITION_CYCLE_DAYS = 365


def _counts_held(threshold: float, day: dt.date | None) -> dict[tuple[int, str], tuple[int, int]]:
    """(year, edition) -> (allies at or above ``threshold``, that plus the reporting allies without a figure),
    for every year each edition published by the article's date holds (every edition without a date)."""
    published = facts.edition_dates()
    editions = [e for e, on in published.items() if day is None or on <= day] or list(published)
    counts: dict[tuple[int, str], tuple[int, int]] = {}
    for edition in editions:
        for year in facts.years_held():
            found = facts.allies_at_or_above(year, threshold, edition)
            if found is None:
                continue
            # an ally that reports in other years may meet it; one that never reports (Iceland) NATO counts
            # as not meeting (``rules.targets.count_meeting``)
            missing = facts.members_without(year, "defence_exp_pct_gdp", edition, reporting=True)
            counts[(year, edition)] = (found[0], found[0] + len(missing))
    return counts


def whatever_the_year(claim: Claim, view: SentenceView) -> Claim:
    """A count of allies at or above a target that no year matches: contradicted whatever the year.

    "Poland was one of just two countries that met the 2% target", "24 of the 32 allies meet it"
    (when NATO's latest count is 23): the text gives no year, so the checker cannot say which count it
    meant and abstains. But if the count lies outside the range of every count natosim holds — all the
    years (the 2% count ran from 3 in 2014 up), in every edition published by the article's date — no
    year makes it true, and the missing year is no reason to hold back. Only a count stated as a fact
    is read: the claim's clause must hold no forecast, plan, condition or denial (``_NOT_A_FACT``;
    "by 2024" only when 2024 is not yet past), the sentence no year before those held. Allies
    without a figure widen the range (they may meet it), and the count's tolerance is kept.
    """
    if claim.kind != "allies_meeting_target":
        return claim
    claim = _with_lead(claim, view, _ONE_OF)
    if claim.verdict != "not checkable":
        return claim
    unit = claim.unit or ""
    matched = re.fullmatch(r"allies at ≥(\d+(?:\.\d+)?)% of GDP", unit)
    if matched is None or claim.qualifier is not None or not isinstance(claim.value, int | float):
        return claim
    start = view.sentence.text.find(claim.text)
    if start < 0:
        return claim
    end = start + len(claim.text)
    day = view.context.date
    clause = re.split(r"[;:]|,\s+(?:but|while|whereas|although)\b", view.text[:start])[-1] + view.text[start:end]
    if _NOT_A_FACT.search(clause):
        return claim
    if any(int(year) >= (day.year if day else 0) for year in _BY_YEAR.findall(clause)):
        return claim
    # the years of the claim's own clause, up to the next comma ("..., which was raised to 5% by 2035")
    tail = re.split(r"[,;:]|\bwhich\b", view.text[end:])[0]
    held = facts.years_held()
    for year in (int(found) for found in re.findall(r"\b((?:19|20)\d\d)\b", clause + tail)):
        if year < min(held) or (day is not None and year > day.year):
            return claim
    counts = _counts_held(float(matched.group(1)), day)
    if day is not None:
        counts = {key: value for key, value in counts.items() if key[0] <= day.year}
    if not counts:
        return claim
    lowest = min(low for low, _ in counts.values())
    highest = max(high for _, high in counts.values())
    value = float(claim.value)
    # above the highest count is proof only when the article read an edition natosim holds, and no later
    # one: an article older than every edition read NATO's figures of the day, which later editions revised
    # (9 allies at 2% in NATO's 2019 estimate, 7 once revised); one written a year or more after the latest
    # edition held (or undated) may read estimates of a year natosim does not hold yet
    latest = max((on for on in facts.edition_dates().values() if day is not None and on <= day), default=None)
    of_the_day = day is not None and latest is not None and (day - latest).days < _EDITION_CYCLE_DAYS
    if value >= lowest - 0.5 and (not of_the_day or value <= highest + 0.5):
        return claim
    years = sorted({year for year, _ in counts})
    editions = sorted({edition for _, edition in counts})
    near = min(counts, key=lambda key: min(abs(counts[key][0] - value), abs(counts[key][1] - value)))
    evidence = Evidence(
        f"allies at ≥{matched.group(1)}% of GDP: {lowest} to {highest} in {years[0]}-{years[-1]} "
        f"(NATO editions {', '.join(editions)})",
        f"nato-{near[1]}",
        counts[near][0],
        near[1],
    )
    # the year opening the sentence dates the count the verdict is about: part of the claim judged
    lead = _LEADING_YEAR.match(view.text[:start])
    return view.claim(
        kind=claim.kind,
        start=lead.start("lead") if lead is not None else start,
        end=end,
        value=claim.value,
        verdict="contradicted",
        evidence=[evidence, *claim.evidence],
        expected=counts[near][0],
        unit=claim.unit,
        country=claim.country,
        year=near[0],
        subject=claim.subject,
        note=(
            f"no year matches: the count of allies at ≥{matched.group(1)}% of GDP ran from {lowest} to {highest} "
            f"in {years[0]}-{years[-1]} (every edition published by the article's date), so the year the text "
            f"leaves out cannot make {claim.value:g} true"
        ),
        year_source=claim.year_source,
    )


def _with_lead(claim: Claim, view: SentenceView, lead_words: re.Pattern[str]) -> Claim:
    """The count's claim with what places it: the ally said to be among the count ("Poland was one of
    just two countries that met it": the claim is about Poland too). Only the quoted text grows; the
    reading is unchanged."""
    start = view.sentence.text.find(claim.text)  # ``view.text`` is the sentence normalised, same length
    if start < 0:
        return claim
    lead = lead_words.search(view.text[:start])
    if lead is None:
        return claim
    return dataclasses.replace(
        claim,
        text=view.sentence.text[lead.start("lead") : start + len(claim.text)],
        span=view.sentence.original_span(lead.start("lead"), start + len(claim.text)),
    )


#: a claim named again to weigh it: "the 100% figure he has used for years", "the “almost all”
#: description Trump used", "his 90 percent claim", "Trump's '4.2 percent' number"
_BACK_REFERENCE = re.compile(
    # someone's claim ("Trump's"), never the data's own figure ("NATO's 2% figure", "SIPRI's")
    r"\b(?:the|that|this|his|her|their|(?!NATO|SIPRI|Alliance)(?:[A-Z][\w.]+(?:'s|’s)))\s+"
    r"(?:[“\"‘']\s*)?(?P<what>\d+(?:\.\d+)?\s*(?:%|percent|per cent)|(?<=[“\"‘'])[A-Za-z][A-Za-z -]{1,30}(?=[”\"’']))"
    r"(?:\s*[”\"’'])?\s+"
    r"(?P<noun>figures?|numbers?|claims?|assertions?|descriptions?|characteri[sz]ations?|"
    r"talking points?|boasts?|contention)\b",
)


def _said(text: str) -> str:
    """A figure or phrase as compared: lower case, "per cent" and "percent" as "%", spaces squeezed."""
    text = re.sub(r"\s*(?:per\s*cent|percent)\b", "%", text.casefold())
    return re.sub(r"\s+", " ", text).strip(" “”\"'‘’")


def referred_back(view: SentenceView, earlier: list[Claim], found: list[Claim]) -> list[Claim]:
    """A false claim named again later in the article is the same claim, and as false.

    Fact checks quote the claim they refute a second time ("nowhere near the 100% figure he has used",
    "they fall short of the 'almost all' description Trump used"). The words "the N% figure" or "the
    'X' description" point back to a claim the article made; when every earlier claim with that figure
    or those words was contradicted, the reference is that claim and keeps its verdict and evidence. A
    figure that some earlier claim found true (or that no earlier claim states) is left unread.
    """
    claims: list[Claim] = []
    for match in _BACK_REFERENCE.finditer(view.text):
        start, end = match.start(), match.end()
        if any(view.sentence.text[start:end] in c.text or c.text in view.sentence.text[start:end] for c in found):
            continue
        said = _said(match.group("what"))
        figure = said[0].isdigit()
        before = [
            c for c in earlier if (figure and _said(c.text).endswith(said)) or (not figure and said in _said(c.text))
        ]
        if figure:
            before = [c for c in before if re.search(rf"(?<![\d.]){re.escape(said)}$", _said(c.text))]
        if not before or any(c.verdict != "contradicted" for c in before) or len({c.kind for c in before}) > 1:
            continue  # none, one found true, or claims of two kinds: which one is meant is not clear
        first = before[0]
        claims.append(
            view.claim(
                kind=first.kind,
                start=start,
                end=end,
                value=first.value,
                verdict="contradicted",
                evidence=first.evidence,
                expected=first.expected,
                qualifier=first.qualifier,
                unit=first.unit,
                country=first.country,
                year=first.year,
                subject=first.subject,
                note=f"refers back to '{first.text}' ({first.sentence[:80]}...), contradicted there: {first.note}",
                year_source=first.year_source,
            )
        )
    return claims
