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
from typing import Any

from natosim.engines.claims import facts
from natosim.engines.claims.context import SentenceView
from natosim.engines.claims.model import Claim, Evidence
from natosim.engines.claims.numbers import ordinal

_ORDINAL_WORDS = r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|2nd|3rd|4th|5th|6th|7th|8th|9th|10th"
_TOP = r"top|biggest|largest|highest|leading|greatest|number[- ]one|No\. ?1"
_BOTTOM = r"lowest|smallest|least|bottom"
#: "<Country> is NATO's second-biggest spender", "<Country>, the alliance's top spender",
#: "<Country> ranks third with 3.15 percent"
RANK = re.compile(
    rf"(?:\b(?:is|was|remains|remained|became|becomes|ranks? as|ranked as|stays?|as)\s+|,\s+)"
    rf"(?:now\s+|still\s+|already\s+|by far\s+)?(?:the\s+|NATO's\s+|the\s+alliance's\s+|Europe's\s+|the\s+bloc's\s+)"
    rf"(?:(?P<ord>{_ORDINAL_WORDS})[- ](?:biggest|largest|highest|lowest|smallest)?\s*|(?P<top>{_TOP})\s+|"
    rf"(?P<bottom>{_BOTTOM})\s+)(?:(?:military|defen[cs]e|relative|proportional)\s+)?spenders?\b"
    rf"|\b(?:ranks?|ranked|came|comes|placed|is|was)\s+(?P<ord2>{_ORDINAL_WORDS}|first|last)\b"
    rf"(?=\s+(?:with|at|among|in|on|behind|after|,|\())"
    # "..., placing it third among NATO allies", "making it the leader among NATO members"
    rf"|\b(?:placing|putting|making|leaving)\s+it\s+(?:(?P<it_ord>{_ORDINAL_WORDS}|first|last)\b|the\s+"
    rf"(?:(?P<it_ord_the>{_ORDINAL_WORDS})[- ](?:biggest|largest|highest)\s+spender|(?P<it_top>leader|top spender)))"
    rf"(?=\s+(?:among|in|of|within)\s+(?:the\s+)?(?:NATO|alliance|allies|members))"
    # "Greece has the second highest rate of defense spending in NATO"
    rf"|\b(?:has|had|have)\s+(?:the\s+)?(?P<has_ord>{_ORDINAL_WORDS})[- ](?:highest|largest|biggest)\s+"
    rf"(?:rate of\s+|level of\s+)?(?:defen[cs]e\s+|military\s+)?(?:spending|expenditures?)\b",
    re.IGNORECASE,
)
#: the measure named: a share of GDP, or money
_PCT = re.compile(
    r"\bGDP\b|gross domestic product|share of|relative|proportion|percent|per cent|%|economic output|"
    r"\brate of (?:defen|mil|spen)"  # "the second highest rate of defence spending": a share of GDP
)
_USD = re.compile(r"\$|\bdollars?\b|\babsolute terms\b|\bcash terms\b|\bmoney terms\b|\bbillion\b|\bin total\b", re.I)
_EUROPE = re.compile(r"\bEurope's\b|\bEuropean\b|\bin Europe\b", re.IGNORECASE)
_NATO_SCOPE = re.compile(r"\bNATO('s)?\b|\balliance('s)?\b|\ballies\b|\bbloc('s)?\b|\bmembers\b", re.IGNORECASE)
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


def _judge(
    view: SentenceView, iso3: str, claimed: int | str, unit: str, year: int, europe: bool, edition: str | None = None
) -> dict[str, Any]:
    measure = _MEASURES[unit]
    edition = facts.usd_edition() if unit == "US$" else (edition or view.context.edition)
    ranking, missing, used = facts.ranking(year, measure, edition)
    if not ranking and year == (view.context.date.year if view.context.date else None):
        # "is NATO's biggest spender" in June 2025: the latest figures of the edition of the day
        for earlier in (year - 1, year - 2):
            ranking, missing, used = facts.ranking(earlier, measure, edition)
            if ranking:
                year = earlier
                break
    if europe:
        ranking = tuple(item for item in ranking if item[0] not in ("USA", "CAN"))
        missing = tuple(code for code in missing if code not in ("USA", "CAN"))
    if not ranking:
        return {"verdict": "not checkable", "note": f"no {unit} figures for {year} in edition {edition}"}
    rank = _rank_of(ranking, iso3)
    if rank is None:
        return {"verdict": "not checkable", "note": f"NATO has no {unit} figure for {iso3} {year}"}
    position = len(ranking) if claimed == "last" else int(claimed)
    near_missing = bool(missing) and (claimed == "last" or position >= len(ranking) - len(missing))
    scope = "European allies" if europe else "allies"
    top = ", ".join(f"{code} {value:g}" for code, value in ranking[: max(3, position)])
    statement = f"{year}, {scope} by {unit} (edition {used}): {top}"
    expected = f"{rank[0]}" if rank[0] == rank[1] else f"{rank[0]}–{rank[1]}"
    verdict = "supported" if rank[0] <= position <= rank[1] else "contradicted"
    if near_missing:
        verdict = "not checkable"
    return {
        "year": year,
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
        view.context.spending_topic and re.search(r"%|per ?cent", text)
    ):
        return claims
    for match in RANK.finditer(text):
        word = (
            match.group("ord")
            or match.group("ord2")
            or match.group("it_ord")
            or match.group("it_ord_the")
            or match.group("has_ord")
        )
        claimed: int | str
        if match.group("top") or match.group("it_top") or (word and word.casefold() == "first"):
            claimed = 1
        elif match.group("bottom") or (word and word.casefold() == "last"):
            claimed = "last"
        else:
            number = ordinal(word or "")
            if number is None:
                continue
            claimed = number
        before = [m for m in view.countries if m.end <= match.start() and match.start() - m.end <= 40]
        if match.group("it_ord") or match.group("it_ord_the") or match.group("it_top"):
            # "it" is the sentence's one ally: "the United States spent 3.38%, placing it third"
            named = {m.iso3 for m in view.countries if m.end <= match.start()}
            before = [m for m in view.countries if m.end <= match.start()][:1] if len(named) == 1 else []
        if not before or not facts.is_ally(before[-1].iso3):
            continue
        mention = before[-1]
        after = text[match.end() : match.end() + 60]
        ranked_on_topic = view.context.spending_topic and re.match(r"\s+(?:on the list|among|ahead of)\b", after)
        if match.group("ord2") and not (re.search(r"\bspen\w*|%|per ?cent", after) or ranked_on_topic):
            continue  # "Latvia ranks third": only with a spending figure right after ("with 3.15 percent")
        europe = bool(_EUROPE.search(text[max(0, match.start() - 40) : match.end() + 40]))
        choice = view.year_near(match.start())
        year = choice.year if choice.year is not None else max(facts.years_held())
        units = [u for u, cue in (("% of GDP", _PCT), ("US$", _USD)) if cue.search(text)]
        if len(units) != 1:
            units = ["% of GDP", "US$"]  # no measure named (or both): judged only if both agree
        results = [_judge(view, mention.iso3, claimed, unit, year, europe) for unit in units]
        verdicts = {r["verdict"] for r in results}
        result = results[0] if len(verdicts) == 1 else {"verdict": "not checkable", "note": "the measure is not named "
                 "and the ranks by % of GDP and by US$ differ: " + "; ".join(r["note"] for r in results)}  # fmt: skip
        if result["verdict"] == "contradicted" and units == ["% of GDP"]:
            result = _other_editions(view, mention.iso3, claimed, year, europe, result)
        if _NOT_A_FACT.search(text[: match.start()]) and result["verdict"] != "supported":
            result = {**result, "verdict": "not checkable", "note": "a forecast or plan; " + result["note"]}
        # ranks move from year to year and differ by measure: accused only with the year, the measure
        # and the scope all written
        scope_named = europe or bool(_NATO_SCOPE.search(text))
        certain = scope_named and len(units) == 1 and choice.source in ("stated", "relative")
        if result["verdict"] == "contradicted" and not certain:
            why = "the year, the measure or the scope of the rank is not written"
            result = {**result, "verdict": "not checkable", "note": f"{why}; {result['note']}"}
        claims.append(
            view.claim(
                kind="spending_rank",
                start=mention.start,
                end=match.end(),
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
        )
    return claims


def _other_editions(
    view: SentenceView, iso3: str, claimed: int | str, year: int, europe: bool, result: dict[str, Any]
) -> dict[str, Any]:
    """A rank NATO's revisions moved: true in another edition held (the article's day may have printed
    it), so imprecise rather than contradicted, as for a figure (``spending._vintage``)."""
    for edition in facts.edition_dates():
        if edition == view.context.edition:
            continue
        again = _judge(view, iso3, claimed, "% of GDP", year, europe, edition)
        if again["verdict"] == "supported":
            return {**result, "verdict": "imprecise", "note": f"true in NATO edition {edition}; {result['note']}"}
    return result
