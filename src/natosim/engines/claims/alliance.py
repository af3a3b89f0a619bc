"""How big the alliance is: how many allies ("32 members", "over 30 countries", "the 32-nation
alliance", "Finland became the 31st member") and how many people it covers ("more than 950
million people"). Counts use the accession dates in ``natosim.allies()`` at the article's date
(all allies when no date is given); population is the sum of the members' population derived from
NATO's GDP tables (``population_thousands``, flagged as derived)."""

from __future__ import annotations

import datetime as dt
import re

from natosim.engines.claims import facts
from natosim.engines.claims.context import SentenceView
from natosim.engines.claims.model import Claim, Evidence
from natosim.engines.claims.numbers import Quantity
from natosim.engines.claims.tolerance import judge

_NATO = re.compile(r"\b(?:NATO|alliance|Alliance|North Atlantic|allies|Allies|member states|transatlantic)\b")
_MEMBER_NOUN = re.compile(
    r"^(?:[- ](?:member|nation|country|strong|state)\b(?:[- ]strong)?"
    r"|\s+(?:NATO\s+|European\s+)?(?:allies|members|member states|member countries|member nations|nations|countries|"
    r"states)\b)"
)
_COUNT_LEAD = re.compile(
    r"\b(?:has|have|had|now has|comprises?|comprising|consists? of|of|with|its|all|now|the|"
    r"grown to|grew to|expanded to|expands to|counts|numbers|totals?|to|NATO's|alliance's|"
    r"among|between|including)\s*$",
    re.IGNORECASE,
)
_NOT_MEMBERSHIP = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:meet|met|spend|spent|reach|hit|are on track|have met|"
    r"pledged|agreed|signed|ratified|voted|sent|contribute|pay|fell|fall|miss)\b",
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
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "twelfth": 12,
    "thirtieth": 30,
    "thirty-first": 31,
    "thirty-second": 32,
    "thirty-third": 33,
    "twenty-ninth": 29,
}
_ORDINAL = re.compile(
    r"\b(?:became|becomes|become|becoming|is|was|as|will become)\s+(?:NATO's\s+|the\s+alliance's\s+|the\s+)"
    r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|" + "|".join(_ORDINALS) + r")\s+(?:member|ally|country|nation)",
    re.IGNORECASE,
)


_EVENT_BEFORE_YEAR = re.compile(
    r"\b(?:founded|created|established|formed|signed|born|joined|since|anniversary|by|until)\b[^,;]{0,20}$",
    re.IGNORECASE,
)


def _count_date(view: SentenceView) -> tuple[dt.date | None, str]:
    # a year that dates an event ("the 32-nation alliance founded in 1949") does not date the count
    stated = [y for y, start, _ in view.years if not _EVENT_BEFORE_YEAR.search(view.text[max(0, start - 40) : start])]
    if stated:
        year = stated[-1]
        day = dt.date(year, 12, 31)
        if view.context.date is not None and view.context.date.year == year:
            day = view.context.date
        return day, f"members at {day.isoformat()} (year stated)"
    if view.context.date is not None:
        return view.context.date, f"members at the article date {view.context.date.isoformat()}"
    return None, "all current allies (no date given)"


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    text = view.text
    claims: list[Claim] = []
    nato = bool(_NATO.search(text))
    for q in view.quantities:
        if q.start in used or q.is_fraction:
            continue
        after = text[q.end :]
        noun = _MEMBER_NOUN.match(after)
        if noun and nato and 1 <= q.value <= 60 and q.decimals == 0:
            lead = _COUNT_LEAD.search(text[max(0, q.start - 30) : q.start]) or noun.group(0).startswith(
                ("-", " member", " nation", " strong")
            )
            if not lead or _NOT_MEMBERSHIP.match(after[noun.end() :]):
                continue
            if re.match(r"\s+(?:of\s+(?:the|its)\s+\d+|out of)", after):
                continue
            day, how = _count_date(view)
            members = facts.members_on(day)
            verdict, why = judge(q, len(members), "count")
            evidence = [Evidence(f"{len(members)} allies ({how})", "facts-members", len(members))]
            claims.append(
                view.claim(
                    kind="member_count",
                    start=q.start,
                    end=q.end + noun.end(),
                    value=q.value,
                    qualifier=q.qualifier,
                    unit="allies",
                    verdict=verdict,
                    expected=len(members),
                    evidence=evidence,
                    year=day.year if day else None,
                    note=why,
                )
            )
            used.add(q.start)
            continue
        people = _PEOPLE.match(after)
        if people and q.value >= 1e8 and (nato or _PROTECT.search(text)):
            if not nato:
                continue
            claims.append(_population(view, q, q.end + people.end()))
            used.add(q.start)
    for match in _ORDINAL.finditer(text):
        raw = match.group("ord").casefold()
        digits = re.match(r"\d+", raw)
        rank = int(digits.group(0)) if digits else _ORDINALS[raw]
        mention = view.country_near(match.start())
        if re.match(r"(?:becoming|as)\b", match.group(0), re.IGNORECASE):
            # a participle takes the sentence's subject: the first country named
            first = [m for m in view.countries if m.end <= match.start()]
            mention = first[0] if first else mention
        if mention is None or not facts.is_ally(mention.iso3):
            continue
        joined = facts.accession(mention.iso3)
        assert joined is not None
        before = len(facts.members_on(joined - dt.timedelta(days=1)))
        through = len(facts.members_on(joined))
        verdict = "supported" if before < rank <= through else "contradicted"
        expected = str(through) if through - before == 1 else f"{before + 1}–{through}"
        evidence = [
            Evidence(
                f"{mention.iso3} acceded {joined.isoformat()}; allies before: {before}, after: {through}",
                "facts-members",
                through,
            )
        ]
        claims.append(
            view.claim(
                kind="member_count",
                start=match.start("ord"),
                end=match.end(),
                value=rank,
                unit="accession order",
                verdict=verdict,
                expected=expected,
                evidence=evidence,
                country=mention.iso3,
                subject="accession-order",
                note="order of accession by date of deposit",
            )
        )
    return claims


def _population(view: SentenceView, q: Quantity, end: int) -> Claim:
    edition = None
    years = facts.population_years(edition)
    year, how = view.year_near(q.start, carry=False)
    if not years or (year is not None and year < years[0]):
        return view.claim(
            kind="population_covered",
            start=q.start,
            end=end,
            value=q.value,
            qualifier=q.qualifier,
            unit="people",
            verdict="not checkable",
            year=year,
            note=f"natosim holds the allies' population for {years[0] if years else '—'}–"
            f"{years[-1] if years else '—'} only",
        )
    if year is None or year not in years:
        prefix = f"no population for {year}; " if year is not None else ""
        target = min(year, years[-1]) if year is not None else years[-1]
        year, how = max(y for y in years if y <= target), f"{prefix}latest year with population"
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
        kind="population_covered",
        start=q.start,
        end=end,
        value=q.value,
        qualifier=q.qualifier,
        unit="people",
        verdict=verdict,
        expected=round(people, -6),
        evidence=evidence,
        year=year,
        note=f"{why}; year: {how}",
    )
