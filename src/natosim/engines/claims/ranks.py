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
    rf"(?=\s+(?:with|at|among|in|on|behind|after|,|\())"
    # "..., placing it third among NATO allies", "making it the leader among NATO members"
    rf"|\b(?:placing|putting|making|leaving)\s+it\s+(?:(?P<it_ord>{_ORDINAL_WORDS}|first|last)\b|the\s+"
    rf"(?:(?P<it_ord_the>{_ORDINAL_WORDS})[- ](?:biggest|largest|highest)\s+spender|(?P<it_top>leader|top spender)))"
    rf"(?=\s+(?:among|in|of|within)\s+(?:the\s+)?(?:NATO|alliance|allies|members))"
    # "Greece has the second highest rate of defense spending in NATO"
    rf"|\b(?:has|had|have)\s+(?:the\s+)?(?P<has_ord>{_ORDINAL_WORDS})[- ](?:highest|largest|biggest)\s+"
    rf"(?:rate of\s+|level of\s+)?(?:defen[cs]e\s+|military\s+)?(?:spending|expenditures?)\b"
    # the ways a first place is said without "spender": "Poland leads NATO allies", "tops the list", "leading
    # the pack", "leads by GDP share", "remains top of the table", "the leader among NATO members"
    rf"|(?<![-\w])(?P<lead>(?:leads?|led|leading|tops?|topped|topping|heads?|headed)\s+(?:the\s+)?(?:list|table|"
    rf"ranking|rankings|pack|league table|chart|field|(?:all\s+)?(?:other\s+)?(?:NATO\s+)?(?:allies|members|"
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
    rf"|\b(?:spends?|spent|spending|devotes?|devoted|allocates?|allocated|with)\s+the\s+(?:(?P<top_share>largest|"
    rf"highest|biggest|greatest)|(?P<bottom_share>lowest|smallest|least))\s+(?:percentage|proportion|share)\b"
    rf"|\b(?P<worst>the\s+worst[- ]performing\s+(?:state|country|ally|member|nation))\b"
    rf"|\b(?P<than_any>(?:higher|larger|bigger|greater)\s+(?:proportion|share|percentage)\b[^.;]{{0,50}}?"
    rf"\bthan any other\b)"
    rf"|\b(?P<at_bottom>(?:at|propping up)\s+the\s+bottom\s+of\s+the\s+(?:list|table|ranking|league))\b",
    re.IGNORECASE,
)
#: the measure named: a share of GDP, or money
_PCT = re.compile(
    r"\bGDP\b|gross domestic product|share of|relative|proportion|percent|per cent|%|economic output|"
    r"\brate of (?:defen|mil|spen)"  # "the second highest rate of defence spending": a share of GDP
)
_USD = re.compile(
    r"\$|\bdollars?\b|\babsolute\b|\bcash terms\b|\bmoney terms\b|\bmonetary terms\b|\bbillion\b|\bin total\b", re.I
)
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
            or (word and word.casefold() == "last")
        ):
            claimed = "last"
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
        # the measure named in the rank's own words wins ("leads by GDP share", "the largest absolute
        # spender"), then the sentence's
        units = [u for u, cue in (("% of GDP", _PCT), ("US$", _USD)) if cue.search(match.group(0))]
        if len(units) != 1:
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
