"""Growth of defence spending: "Germany's defence spending rose 29% in real terms in 2024", "European
allies and Canada increased spending by 18% in 2024", "an increase of 11% in real terms".

NATO publishes each ally's (and the aggregates') annual **real change** in defence expenditure, in
constant prices (``real_change_pct`` in natosim's figures, by edition). A growth figure is read for
the year the change ends in ("rose 18% in 2024": 2023 → 2024). Journalists also quote nominal
growth in national currency or a budget's growth, which natosim does not hold: a growth figure is
judged against NATO's real change, and called contradicted only when the sentence says "in real
terms" (or "after inflation") and the year is read; otherwise a mismatch is not checkable.
"""

from __future__ import annotations

import re
from typing import Any

from natosim.engines.claims import facts
from natosim.engines.claims.context import SentenceView, YearChoice
from natosim.engines.claims.model import Claim, Evidence
from natosim.engines.claims.numbers import Quantity
from natosim.engines.claims.spending import (
    CHANGE_PCT_BEFORE,
    EUROPE_CANADA,
    PERCENT,
    POINTS,
    _subject_country,
    _vintage,
)
from natosim.engines.claims.tolerance import judge

_REAL = re.compile(r"\b(?:in real terms|real(?:-terms)? (?:growth|increase|rise|terms)|after inflation|"
                   r"adjusted for inflation|inflation-adjusted|in constant prices)\b", re.IGNORECASE)  # fmt: skip
_NOMINAL = re.compile(r"\b(?:nominal|in cash terms|current prices|in (?:euros|pounds|dollars|zloty))\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|could|plans?|planned|expect\w*|project\w*|forecast\w*|set to|aims?)\b", re.I)
_ALLIES = re.compile(r"\b(?:NATO allies|allies'|the allies|NATO members|across the alliance|alliance-wide)\b", re.I)
#: "increased their defence spending by 18%": a verb of change, then "by" the figure
_CHANGE_BY = re.compile(
    r"\b(?:rose|rise[sn]?|increas\w*|grew|grow\w*|rais\w*|boost\w*|lift\w*|fell|cut\w*|reduc\w*|lower\w*)\b"
    r"[^.;%\d]{0,50}?\bby\s+(?:(?:some|about|around|nearly|almost|over|more than)\s+)?$",
    re.IGNORECASE,
)
_MILITARY = re.compile(r"\b(?:defen[cs]e|military|armed forces)\b", re.IGNORECASE)
_DOWN = re.compile(r"\b(?:fell|fall\w*|drop\w*|declin\w*|shr[ua]nk\w*|cut\w*|down)\b", re.IGNORECASE)


def _subject(view: SentenceView, q: Quantity) -> tuple[str, str] | None:
    """("ally", ISO3) or ("aggregate", "NATO Europe and Canada" / "NATO Total")."""
    before = view.text[: q.start]
    if EUROPE_CANADA.search(before[-120:]):
        return "aggregate", "NATO Europe and Canada"
    iso3 = _subject_country(view, q.start)
    if iso3 is not None and facts.is_ally(iso3):
        return "ally", iso3
    if iso3 is None and _ALLIES.search(before[-120:]):
        return "aggregate", "NATO Total"
    return None


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    claims: list[Claim] = []
    text = view.text
    if not _MILITARY.search(text):
        return claims
    for q in view.quantities:
        after = text[q.end :]
        percent = PERCENT.match(after)
        if q.start in used or percent is None or POINTS.match(after) or q.value > 100:
            continue
        change = CHANGE_PCT_BEFORE.search(text[max(0, q.start - 40) : q.start]) or _CHANGE_BY.search(
            text[max(0, q.start - 70) : q.start]
        )
        if change is None or re.match(r"\s*of\s+(?:its\s+|their\s+)?(?:GDP|gross)", after[percent.end() :]):
            continue
        subject = _subject(view, q)
        if subject is None:
            continue
        end = q.end + percent.end()
        around = text[max(0, q.start - 80) : end + 60]
        if _NOMINAL.search(around):
            continue  # nominal growth or growth in a national currency: natosim holds the real change only
        real = _REAL.search(around)
        choice = view.year_near(q.start)
        year = choice.year
        sign = -1 if _DOWN.search(change.group(0)) else 1
        claims.append(_judged(view, q, end, subject, year, choice, sign, bool(real)))
        used.add(q.start)
    return claims


def _judged(
    view: SentenceView,
    q: Quantity,
    end: int,
    subject: tuple[str, str],
    year: int | None,
    choice: YearChoice,
    sign: int,
    real: bool,
) -> Claim:
    how, source = choice.how, choice.source
    kind, who = subject
    common: dict[str, Any] = {
        "kind": "spending_growth",
        "start": q.start,
        "end": end,
        "value": sign * q.value,
        "qualifier": q.qualifier,
        "unit": "% real change",
        "country": who if kind == "ally" else None,
        "subject": who if kind == "aggregate" else None,
        "year": year,
    }
    edition = view.context.edition
    if year is None:
        return view.claim(**common, verdict="not checkable", note="no year for the change")
    if kind == "ally":
        primary = facts.ally_figure(who, year, "real_change_pct", edition)
        others = facts.ally_figures_all_editions(who, year, "real_change_pct")
    else:
        primary = facts.aggregate(who, year, "real_change_pct", edition)
        others = [f for e in facts.edition_dates() if (f := facts.aggregate(who, year, "real_change_pct", e))]
    if primary is None:
        primary = others[-1] if others else None
    if primary is None:
        return view.claim(**common, verdict="not checkable", note=f"NATO publishes no real change for {who} {year}")
    signed = Quantity(sign * q.value, q.qualifier, q.decimals, q.is_word, q.is_fraction, None, q.start, q.end, q.text)
    verdict, why = judge(signed, primary.value, "growth_pct")
    verdict, why = _vintage(signed, verdict, why, primary, others, "growth_pct")
    evidence = [
        Evidence(f"{who} {year}: real change {f.value:+.1f}% (edition {f.edition})", f.source, f.value, f.edition)
        for f in [primary, *[o for o in others if o.edition != primary.edition]]
    ]
    future = _FUTURE.search(view.text[: q.start])
    if verdict == "contradicted" and who == "NATO Total":
        # "NATO allies will increase their defence spending by 18%" (June 2024): NATO's own headline is
        # the European allies and Canada's change (17.9% in 2024, all allies 10.9%); the claim is true on
        # that reading, which the sentence allows
        europe = facts.aggregate("NATO Europe and Canada", year, "real_change_pct", edition)
        if europe is not None and judge(signed, europe.value, "growth_pct")[0] == "supported":
            return view.claim(
                **{**common, "subject": "NATO Europe and Canada"},
                verdict="supported",
                expected=round(europe.value, 1),
                evidence=[
                    Evidence(
                        f"NATO Europe and Canada {year}: real change {europe.value:+.1f}% (edition {europe.edition})",
                        europe.source,
                        europe.value,
                        europe.edition,
                    ),
                    *evidence,
                ],
                note=f"true of the European allies and Canada, whom 'the allies' often means ({why} for all "
                f"allies); year: {how}",
                year_source=source,
            )
    if verdict == "contradicted" and who == "NATO Total":
        # "allies' spending rose 11%" often means the European allies and Canada (NATO's own headline)
        return view.claim(
            **{**common, "verdict": "not checkable"},
            expected=round(primary.value, 1),
            evidence=evidence,
            note=f"'the allies' may mean the European allies and Canada; {why}; year: {how}",
            year_source=source,
        )
    if verdict == "contradicted" and (not real or future or source not in ("stated", "relative")):
        why = (
            "NATO's real change does not match, but the sentence does not say 'in real terms' for a year it "
            "names (nominal or budget growth differs)"
            if not future
            else "a forecast or plan"
        ) + f"; {why}"
        verdict = "not checkable"
    return view.claim(
        **common,
        verdict=verdict,
        expected=round(primary.value, 1),
        evidence=evidence,
        note=f"{why}; year: {how}",
        year_source=source,
    )
