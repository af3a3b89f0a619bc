"""Claims about money: a country's defence spending as % of GDP or in US$, the alliance's totals,
one ally's share of them ("two-thirds", "disproportionate"), and how many allies meet 2%.

A percentage in a sentence about defence money is read in this order: a share of the alliance's
spending ("68% of NATO's spending"); a pledge value when target words are near ("the 2% target",
"raise spending to 5% of GDP by 2035", see ``pledges``); a count of allies meeting a target
("23 allies meet the 2% guideline"); a country meeting or missing a target ("Germany hit 2%");
otherwise the spending of the country named nearest before it. Figures are NATO's for allies
(edition by article date, see ``facts``) and SIPRI's for Russia, Ukraine, China and Belarus.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from natosim.engines.claims import facts, pledges
from natosim.engines.claims.context import SentenceView, YearChoice
from natosim.engines.claims.gazetteer import Mention
from natosim.engines.claims.groups import inside_group, last_group
from natosim.engines.claims.model import Claim, Evidence, Verdict
from natosim.engines.claims.numbers import Quantity
from natosim.engines.claims.tolerance import judge

PERCENT = re.compile(r"^(?:\s|-)?(?:%|per\s?cent\b|percent\b|pct\b|pc\b)", re.IGNORECASE)
POINTS = re.compile(r"^\s?(?:%\s*|per\s?cent\s+|percent\s+)?(?:percentage\s+)?points?\b", re.IGNORECASE)
GDP = re.compile(
    r"\b(?:GDP|G\.D\.P\b|gross domestic product|economic output|national output|national income|GNI|"
    r"national econom(?:y|ies)|the size of (?:its|their|the) econom(?:y|ies))\b",
    re.IGNORECASE,
)
DEFENCE = re.compile(
    r"\b(?:defen[cs]e|military|armed forces|armies|security|spend\w*|budget\w*|outlays?|"
    r"expenditure)\b",
    re.IGNORECASE,
)
TARGET_WORDS = re.compile(
    r"\b(?:"
    + pledges.TARGET_NOUN
    + r"|core defen[cs]e|defen[cs]e- and security-related|security-related|resilience)\b",
    re.IGNORECASE,
)
ALLIANCE = re.compile(
    r"\b(?:NATO|alliance|allies|allied|member states|members|member countries|summit|Hague|"
    r"Vilnius|Wales)\b",
    re.IGNORECASE,
)
PLEDGE_VERBS = re.compile(
    r"\b(?:raise|raising|increase|increasing|boost|boosting|lift|lifting|hike|ramp|commit\w*|"
    r"agree\w*|asked|pledg\w*|promis\w*|adopt\w*|endors\w*|decid\w*|required?|must|"
    r"move towards|moving towards|aim\w*|(?:are|is|were|was) expected to|supposed to|obliged to|obligated to|"
    r"should|need to|have to|are to|impos\w*)\b",
    re.IGNORECASE,
)
DEMAND_VERBS = re.compile(
    r"\b(?:demand\w*|urg\w*|call(?:s|ed|ing)? for|wants?|wanted|propos\w*|suggest\w*|"
    r"insist\w*)\b",
    re.IGNORECASE,
)
MEETS = re.compile(
    r"\b(?:meet|meets|met|meeting|reach|reached|reaches|reaching|hit|hits|hitting|achieve[sd]?|"
    r"achieving|exceed\w*|surpass\w*|fulfil\w*|respect\w*|honou?r\w*|compl(?:y|ied|ies|iant)|top(?:s|ped)?|cross\w*|clear\w*|pass(?:es|ed|ing)?|"
    r"at or above|above|over|beyond)\b",
    re.IGNORECASE,
)
MISSES = re.compile(
    r"\b(?:miss|missed|misses|missing|fall short|fell short|falls short|falling short|below|under|"
    r"short of|fail\w* to (?:meet|reach|hit)|not (?:meet|reach|hit)|yet to (?:meet|reach|hit)|"
    r"has not (?:met|reached|hit)|have not (?:met|reached|hit)|did not (?:meet|reach|hit)|"
    r"never\s+(?:once\s+|yet\s+)?(?:met|meets|reached|reaches|hit|hits|achieved|fulfill?ed))\b",
    re.IGNORECASE,
)
ALLY_COUNT = re.compile(
    r"(?P<num>(?<![-\w])(?:\d+|[a-z]+(?:-[a-z]+)?)\b)\s+"
    r"(?:of\s+(?:the\s+|its\s+|NATO's\s+|the alliance's\s+)?(?:then[- ])?(?:\d+\s+)?|"
    r"out of\s+(?:the\s+|its\s+|NATO's\s+|the alliance's\s+)?(?:then[- ])?\d+\s+)?"
    r"(?:NATO\s+|European\s+|other\s+|member\s+|alliance\s+)?(?:allies|members|member states|member countries|"
    r"member nations|"
    r"nations|countries|states)\b"
    r"(?P<gap>[^.;%\d]{0,120})$",
    re.IGNORECASE,
)
FRACTION_COUNT = re.compile(
    r"(?P<num>\b(?:a|one|two|three)[- ](?:third|half|quarter|fifth)s?|\bhalf|\btwo-thirds|\bthree-quarters)\s+of\s+"
    r"(?:the\s+|all\s+|its\s+|NATO(?:'s|’s)?\s+|\d+\s+)*(?:allies|members|member states|countries|nations)\b"
    r"(?P<gap>[^.;%\d]{0,80})$",
    re.IGNORECASE,
)
#: a share of the allies in words: "most allies", "the majority of members", "almost all allies" (never
#: "all allies": NATO publishes no figure for Iceland, so "all" is never a count natosim can make)
_COUNT_IN_WORDS = re.compile(
    r"(?:almost|nearly|virtually|practically)\s+all|most|the\s+(?:vast\s+)?majority", re.IGNORECASE
)
WORD_COUNT = re.compile(
    r"(?P<num>\b(?:" + _COUNT_IN_WORDS.pattern + r"))\s+(?:of\s+)?"
    r"(?:the\s+|its\s+|NATO(?:'s|’s)?\s+|\d+\s+)*(?:allies|members|member states|countries|nations)\b"
    r"(?P<gap>[^.;%\d]{0,80})$",
    re.IGNORECASE,
)
#: what each share of the allies in words means (lowest share, qualifier): "almost all" at least 90%
COUNT_WORDS: dict[str, tuple[float, str]] = {"almost all": (0.9, "at least"), "most": (0.5, "more than")}


def _word_count(words: str, start: int) -> Quantity:
    """ "most allies", "almost all allies" as a bound on the share of the allies (a fraction)."""
    key = "almost all" if "all" in words.casefold() else "most"
    value, qualifier = COUNT_WORDS[key]
    return Quantity(value, qualifier, 0, True, True, None, start, start + len(words), words)


SHARE_OF = re.compile(
    r"^\s*(?:of\s+(?:all\s+|the\s+|total\s+|entire\s+|whole\s+|overall\s+)*(?:NATO|the alliance|alliance|allied|"
    r"allies|NATO's|the alliance's|"
    r"all allies'?|the 3\d allies'?|member states'?)\b"
    r"|of\s+(?:the\s+)?(?:total|overall|all)\s+(?:allied\s+|NATO\s+)?(?:defen[cs]e\s+)?(?:spending|expenditures?)\b"
    r"|of\s+(?:all\s+|the\s+|total\s+)*(?:combined\s+)?(?:defen[cs]e|military)\s+(?:spending|expenditure|budgets?)\s+"
    r"(?:by|of|among|across|in)\s+(?:all\s+|the\s+)*(?:NATO|alliance|allies|allied|member))"
    r"|\s*of\s+(?:the\s+)?(?:costs?|bills?|expenses)\s+of\s+(?:(?:operating|running)\s+)?(?:the\s+)?"
    r"(?:NATO|alliance|North Atlantic)\b"
    # what defending Europe costs is what the allies spend on defence: "90 percent of the cost to defend
    # Europe", "70% of the bill for Europe's defence", "most of the burden of protecting the continent",
    # "90% of Europe's defence (costs)"
    r"|\s*of\s+(?:the\s+)?(?:total\s+|overall\s+|entire\s+|whole\s+)?(?:costs?|bills?|burden|expenses?|price|tab)\s+"
    r"(?:of|for|to|in)\s+(?:defen[cs]e\s+(?:of|for|in)\s+|(?:defend|protect|secur|guarantee|safeguard)\w*\s+)?"
    r"(?:the\s+)?(?:Europe(?:'s|’s)?|European|the continent(?:'s|’s)?|continental|Western|the West|(?:NATO\s+)?allies|"
    r"the alliance|NATO)\b(?:\s+(?:defen[cs]e|security|protection))?"
    r"|\s*of\s+(?:Europe(?:'s|’s)|European|the continent(?:'s|’s)|the West(?:'s|’s)|Western|collective|common)\s+"
    r"(?:defen[cs]e|security|protection)\b(?!\s+(?:capabilit|forces|troops|personnel|industr))",
    re.IGNORECASE,
)
#: a share of "the costs" with nothing after it ("claims US pays "90 percent of the costs."") is a share of
#: what the alliance costs when the sentence (or the article) is about NATO
BARE_COSTS = re.compile(
    r"^[\"'“”]?\s*of\s+(?:the\s+|all\s+the\s+)?(?:total\s+|overall\s+)?(?:costs?|bill|burden|tab)"
    r"(?=\s*(?:[.,;:!?\"'”’)]|$|\s+(?:and|but|while|whereas)\b))",
    re.IGNORECASE,
)
SHARE_VERBS = re.compile(
    r"\b(?:accounts?|accounted|provides?|provided|contributes?|contributed|pays?|paid|makes? up|funds?|funded|"
    r"financ\w*|bankroll\w*|"
    r"made up|is responsible|was responsible|shoulders?|covers?|foots?|bears?|carries|spends?|"
    r"spent|represents?)\b",
    re.IGNORECASE,
)
EUROPE_CANADA = re.compile(
    r"\b(?:(?:European|Europe's|Europe’s)\s+(?:NATO\s+)?(?:allies|members|member states|countries)\s+and\s+Canada|"
    r"Europe and Canada|Canada and (?:the )?European (?:NATO\s+)?(?:allies|members)|"
    r"(?:European|Europe's)\s+(?:NATO\s+)?(?:allies|members|member states)|Europeans)\b",
    re.IGNORECASE,
)
ALLIANCE_TOTAL = re.compile(
    r"\b(?:NATO(?:'s)?\s+(?:allies|members|countries|total|as a whole|combined)|"
    r"(?:all|the)\s+(?:3\d\s+)?(?:allies|members)|the alliance|allies combined|combined|"
    r"collectively|together|in total|altogether|alliance-wide|the organi[sz]ation's|the bloc's|"
    r"(?:NATO\s+)?members'\s+(?:combined\s+)?GDPs?)\b",
    re.IGNORECASE,
)
#: "the US share of the allied total has slipped to about 65%": the share named before the figure
SHARE_BEFORE = re.compile(
    r"\bshare\s+of\s+(?:the\s+|all\s+|total\s+)*(?:allied|alliance(?:'s)?|NATO(?:'s)?|allies'?|combined|collective)"
    r"(?:\s+(?:total|spending|defen[cs]e(?:\s+spending)?|military\s+spending|expenditure|budgets?|bill|costs?))?\b"
    r"(?!(?:'s)?\s+(?:GDP|population|troops|territory|econom\w*|output|personnel|forces))[^.;%]{0,60}$",
    re.IGNORECASE,
)
#: "... the allies will spend $1.47tn, and the US accounts for two-thirds of that": a share of a total
#: the sentence has just named
SHARE_OF_THAT = re.compile(r"^[\"']?\s*of\s+(?:that|this|it|the total|the sum|the bill)\b", re.IGNORECASE)
#: shares of something other than the allies' defence spending: NATO's common (direct) funding, of
#: which each ally pays a cost share (the US about 16%), or capabilities, troops, population...
OTHER_SHARE = re.compile(
    r"\b(?:common(?:ly)?[- ](?:budgets?|fund\w*)|"
    r"direct(?:ly)?[- ]fund\w*|civil budget|military budget|NSIP|"
    r"capabilit\w*|troops|forces|personnel|population|GDP|territory|nuclear|headquarters|staff|"
    r"operational budgets?|operating budgets?|NATO's (?:own )?budgets?|"
    # what it costs to run NATO itself is common funding too: "16% of NATO's running costs"
    r"(?:running|operating|operational|administrative|organi[sz]ational|common|institutional)\s+(?:costs?|budgets?|"
    r"expenses|funds?)|organi[sz]ational budgets?)\b",
    re.IGNORECASE,
)
#: the US named as the share itself: "90 per cent of NATO is the US", "70% of the alliance is America"
US_IS_THE_SHARE = re.compile(
    r"^\s*of\s+(?:NATO|the alliance|the North Atlantic alliance)\s+(?:is|are|was|were|comes from|came from|means)\s+"
    r"(?:the\s+)?(?:US|U\.S\.|USA|United States|America|Americans|Washington)\b",
    re.IGNORECASE,
)
#: shares in words: "the US pays for almost all of NATO", "most of the allies' spending", "the lion's
#: share": (lowest share the words can mean in %, the qualifier). "almost all" is at least 90%, "all" at
#: least 97.5% (a fraction's tolerance below 100), "most", "the bulk", "the majority" above half.
SHARE_WORDS: dict[str, tuple[float, str]] = {
    "all": (97.5, "at least"),
    "almost all": (90.0, "at least"),
    "the bulk": (50.0, "more than"),
    "the lion's share": (50.0, "more than"),
    "the majority": (50.0, "more than"),
    "most": (50.0, "more than"),
}
SHARE_IN_WORDS = re.compile(
    r"\b(?P<words>(?P<almost>(?:almost|nearly|virtually|practically|just about|close to)\s+)?all|"
    r"the\s+(?:vast\s+)?bulk|the\s+lion(?:'s|s)?\s+share|the\s+(?:vast\s+|overwhelming\s+)?majority|most)(?=\s+of\s)",
    re.IGNORECASE,
)
COSTS = re.compile(r"\b(?:costs?|bill|funding|burden|expenses|contributions?|tab)\b", re.IGNORECASE)
#: what a country does with a share of its GDP when the paragraph is about defence spending:
#: "Berlin spent 2.1 per cent last year", "Italy managed only 1.5 per cent", "Canada trails at 1.37%"
SPEND_CUE = re.compile(
    r"\b(?:spen[dt]\w*|pay(?:s|ing)?|paid|devot\w*|allocat\w*|invest\w*|puts?|managed?|manages|trails?|stands?|stood|at|"
    r"reach\w*|hit\w*|pass\w*|cross\w*|exceed\w*|surpass\w*|top\w*|clear\w*|lags?|lagging|"
    r"with|ranks?|ranked|comes?|came|follow\w*|ratio of|spender)\b",
    re.IGNORECASE,
)
#: other shares of GDP or other percentages a country has: never a defence figure
OTHER_MEASURE = re.compile(
    r"\b(?:inflation|grow\w*|grew|growth|unemploy\w*|rates?|polls?|votes?|approval|tariffs?|tax\w*|"
    r"interest|deficit|debt|econom\w*|turnout|support|popularity|exports?|imports?|trade|stake|population|"
    r"part(?:y|ies)|voters?|surveys?|seats?|backing|stocks?|shares|bonds?|yields?|index|markets?|prices?|wages?|"
    r"pensions?|energy|gas|oil|electricity|emissions|renewables?)\b",
    re.IGNORECASE,
)
FUTURE = re.compile(
    r"\b(?:will|would|could|should|might|plans?|planned|aims?|intends?|expects?|promis\w*|pledg\w*|wants?|hopes?|"
    r"vow\w*|target\w*)\b",
    re.IGNORECASE,
)
#: a percentage right after a verb of change is a growth rate ("rose 23 per cent", "cut by 5%")
CHANGE_PCT_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|increas\w*|grew|grow\w*|jump\w*|climb\w*|soar\w*|surg\w*|fell|fall\w*|"
    r"drop\w*|declin\w*|shr[ua]nk\w*|cut\w*|boost\w*|rais\w*|hik\w*|(?<!make )(?<!makes )(?<!made )up|down|"
    r"increase of|rise of)\s+"
    r"(?:by\s+)?(?:(?:a further|another|a|an)\s+)?$",
    re.IGNORECASE,
)
#: money added up over years or compared with another year: out of scope (natosim checks a year's total)
CUMULATIVE_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:more|extra|additional|since|compared (?:to|with)|over the (?:past|last|next)|"
    r"cumulative\w*)\b",
    re.IGNORECASE,
)
#: "has more than tripled from around $8.5 billion in 2014 to $27 billion": the two ends of a change
MONEY_CHANGE = re.compile(
    r"\b(?:doubled|tripled|trebled|quadrupled|rose|risen|grew|grown|increased|fell|fallen|dropped|jumped|"
    r"climbed|surged|went)\b[^;]{0,40}\bfrom\b[^;]{0,60}$",
    re.IGNORECASE,
)
CUMULATIVE_BEFORE = re.compile(r"\b(?:added|adding|add|cumulative\w*)\b[^.;]{0,40}$", re.IGNORECASE)
#: a sentence about shares of the allied total: its bare percentages are shares, not % of GDP
SHARES_IN_SENTENCE = re.compile(
    r"\b(?:accounted for|accounts for|account for|share of|of (?:the\s+)?(?:overall|total|NATO's|allied|"
    r"the alliance's)\s+(?:defen[cs]e\s+)?(?:spending|expenditure))",
    re.IGNORECASE,
)
#: words that make a % of GDP said of the allies their aggregate ("together", "on average")
AGGREGATE_CUE = re.compile(
    r"\b(?:average\w*|combined|together|overall|as a whole|collectively|total|aggregate|alliance-wide|"
    r"across the alliance|in all|altogether|jointly)\b",
    re.IGNORECASE,
)
#: "U.S.", "U.K.": dots that end no sentence (masked, same length, where a regex stops at a full stop)
_INITIALISM = re.compile(r"\b(?:[A-Z]\.){2,}")
CHANGE_BEFORE = re.compile(
    r"(?:increase|rise|boost|jump|hike|cut|additional|extra|another|more|by|up|down|"
    r"aid|assistance|package|contract|deal|worth|loan|fund|grant)\W+(?:\w+\W+){0,2}$",
    re.IGNORECASE,
)

#: ISO3 codes whose defence figures come from SIPRI (non-allies natosim holds comparators for)
SIPRI = {"RUS", "UKR", "CHN", "BLR"}


def _us_share_evidence(year: int, us_share: float, source: str, edition: str | None) -> Evidence:
    """The US share of allied defence spending a share claim is judged on, with its edition."""
    statement = f"US share of allied defence spending {year}: {us_share:.1f}% (current US$)"
    return Evidence(statement, source, us_share, edition)


def _day_unknown(view: SentenceView) -> bool:
    """Neither the article's date nor an edition is known: the edition of the article's day could be any
    edition held."""
    return view.context.date is None and not view.context.edition_pinned


def _pct(value: float) -> str:
    return f"{value:.2f}%"


def _figure_evidence(
    iso3: str,
    year: int,
    measure: str,
    primary: facts.SourcedFigure,
    others: list[facts.SourcedFigure],
    fmt: Callable[[float], str],
) -> list[Evidence]:
    evidence = [
        Evidence(
            f"{iso3} {year}: {fmt(primary.value)} (NATO edition {primary.edition}"
            f"{', estimate' if primary.estimate else ''})",
            primary.source,
            primary.value,
            primary.edition,
        )
    ]
    for other in others:
        if other.edition != primary.edition:
            evidence.append(
                Evidence(
                    f"{iso3} {year}: {fmt(other.value)} in NATO edition {other.edition}"
                    f"{' (estimate)' if other.estimate else ''}",
                    other.source,
                    other.value,
                    other.edition,
                )
            )
    return evidence


def _vintage(
    q: Quantity | float,
    verdict: str,
    why: str,
    primary: facts.SourcedFigure,
    others: list[facts.SourcedFigure],
    measure: str,
    qualifier: str | None = None,
    *,
    undated: bool = False,
) -> tuple[str, str]:
    """An earlier edition supporting a claim the chosen edition does not: ``imprecise`` (documented).
    ``undated``: the article's date is unknown, so the edition of its day is too; a claim that is a figure
    NATO printed in an edition it holds is then supported (the edition named), not called imprecise for
    differing from the latest edition, which the article may well predate."""
    if verdict == "supported":
        return verdict, why
    for other in others:
        if other.edition == primary.edition:
            continue
        again, _ = judge(q, other.value, measure, qualifier=qualifier)
        if undated and again == "supported":
            return "supported", (
                f"NATO edition {other.edition} printed {other.value:.4g} (the article's date is unknown, so its "
                f"edition of the day may be that one); edition {primary.edition} has {primary.value:.4g}"
            )
        # a later revision close to the claim (the article quoted an estimate NATO has since revised
        # towards it) makes a contradiction imprecise; an older edition only when it supports the claim
        later_close = (
            again == "imprecise" and verdict == "contradicted" and (other.edition or "") > (primary.edition or "")
        )
        if again == "supported" or later_close:
            moved = "revised it to" if (other.edition or "") < (primary.edition or "") else "had"
            return "imprecise", (
                f"matches NATO edition {other.edition} ({other.value:.4g}), but edition {primary.edition} "
                f"(the one compared with) {moved} {primary.value:.4g}"
            )
    return verdict, why


def _threshold_vintage(
    value: float, threshold: str, why: str, primary: facts.SourcedFigure, others: list[facts.SourcedFigure]
) -> tuple[str, str]:
    """The vintage rule (``_vintage``) for an ally said to meet or miss a target: without the article's
    date, the edition of its day is unknown, so an ally that meets (or misses) the target in another
    edition held is supported, that edition named ("Estonia met 2% in 2017": 2.14% as printed then,
    1.97% now)."""
    for other in others:
        if other.edition == primary.edition:
            continue
        printed = round(other.value, 2)
        holds = printed >= value - 1e-9 if threshold == "meets" else printed < value - 1e-9
        if holds:
            return "supported", (
                f"NATO edition {other.edition} printed {printed:.2f}% (the article's date is unknown, so its "
                f"edition of the day may be that one); {why}"
            )
    return "contradicted", why


def _matching_years(iso3: str, q: Quantity, edition: str) -> str:
    """Years whose figure the claim would match, as a hint ("3.3% is the 2022 figure")."""
    hits = []
    for year in facts.years_held():
        figure = facts.ally_figure(iso3, year, "defence_exp_pct_gdp", edition)
        if figure is not None and judge(q, figure.value, "pct_gdp")[0] == "supported":
            hits.append(f"{year} ({figure.value:.2f}%)")
    return f"; the claimed value matches {iso3} in {', '.join(hits)} (edition {edition})" if hits else ""


def spending_pct(
    view: SentenceView,
    q: Quantity,
    end: int,
    iso3: str,
    *,
    threshold: str | None = None,
    year_choice: YearChoice | None = None,
) -> Claim:
    """A country's defence spending as % of GDP in a year. ``threshold``: "meets" / "misses" a target;
    ``year_choice``: the year read elsewhere (a list continuing a count takes the count's year)."""
    year, how, year_from = year_choice or view.year_near(q.start)
    edition = view.context.edition
    kind, unit = "spending_pct_gdp", "% of GDP"
    if threshold is None and _bound_at_target(view, q):
        # "Poland and the Baltic states all spend above 2%" in an article about the 2% target: a bound
        # at a NATO target's value says the ally meets (or misses) it, judged as meeting a target is
        threshold = _BOUND_AS_TARGET[q.qualifier or ""]
    qualifier = {"meets": "at least", "misses": "less than"}.get(threshold or "", q.qualifier)
    common: dict[str, Any] = {
        "kind": kind,
        "start": q.start,
        "end": end,
        "value": q.value,
        "qualifier": qualifier,
        "unit": unit,
        "country": iso3,
    }
    date = view.context.date
    if year_from == "stated" and year is not None and date is not None and year > date.year:
        goal = re.search(
            rf"\b(?:achiev|reach|meet|hit|attain|fulfil)\w*\b[^.;]{{0,40}}\b(?:in|by|until|before)\s+{year}\b",
            view.text,
            re.IGNORECASE,
        )
        if goal and not goal.start() <= q.start <= goal.end():
            # "Spain, with 1.28% of its GDP, ... plans to achieve the goal only in 2029": the year is the
            # goal's deadline, not the figure's
            year, how, year_from = date.year, f"article date ({year} is a goal's deadline)", "article date"
    if iso3 in SIPRI:
        if year is None:
            years = facts.comparator_years(iso3, "milex_pct_gdp")
            year, how, year_from = (
                (years[-1], "latest SIPRI year (no year stated)", "inferred") if years else (None, how, year_from)
            )
        figure = facts.comparator(iso3, year, "milex_pct_gdp") if year else None
        if figure is None:
            return view.claim(**common, year=year, verdict="not checkable", note=f"no SIPRI figure for {iso3} {year}")
        verdict, why = judge(q, figure.value, "pct_gdp", qualifier=qualifier)
        evidence = [
            Evidence(
                f"{iso3} {year}: {_pct(figure.value)} of GDP (SIPRI definition, incl. paramilitary)",
                figure.source,
                figure.value,
            )
        ]
        return view.claim(
            **common,
            year=year,
            verdict=verdict,
            expected=round(figure.value, 2),
            evidence=evidence,
            note=f"{why}; year: {how}",
            year_source=year_from,
        )
    if not facts.is_ally(iso3):
        return view.claim(
            **common, year=year, verdict="not checkable", note=f"natosim holds no defence figures for {iso3}"
        )
    if year is None:
        year = facts.latest_year_with(iso3, "defence_exp_pct_gdp", edition)
        how, year_from = "latest year with a figure (no year stated)", "inferred"
    if year is None:
        return view.claim(**common, verdict="not checkable", note=f"no figure for {iso3}")
    latest_of_day = False  # the year is the latest NATO had published by the article's date (none written)
    # "currently", "this year" before NATO has published any figure for the year (an ally's missing
    # figure in a published year stays missing: Germany 2025)
    this_year = (
        threshold is None  # "Canada to hit the 2% target this year" is about this year, a plan
        and year_from == "relative"
        and date is not None
        and year == date.year
        and facts.allies_at_or_above(year, 0.0, edition) is None
    )
    if (year_from == "article date" or this_year) and facts.ally_figure(
        iso3, year, "defence_exp_pct_gdp", edition
    ) is None:
        latest = facts.latest_year_with(iso3, "defence_exp_pct_gdp", edition)
        if latest is not None and latest < year:
            year, how, year_from = (
                latest,
                f"latest year with a figure before the article's year ({view.context.date})",
                "inferred",
            )
            latest_of_day = True
    primary = facts.ally_figure(iso3, year, "defence_exp_pct_gdp", edition)
    others = facts.ally_figures_all_editions(iso3, year, "defence_exp_pct_gdp")
    if primary is None:
        fallback = [f for f in others if f.edition != edition]
        if not fallback:
            return view.claim(
                **common,
                year=year,
                verdict="not checkable",
                note=f"NATO publishes no % of GDP for {iso3} {year} (missing, never zero)",
            )
        primary = fallback[-1]
    fmt = _pct
    evidence = _figure_evidence(iso3, year, "defence_exp_pct_gdp", primary, others, fmt)
    printed = round(primary.value, 2)
    if threshold == "meets":
        verdict = "supported" if printed >= q.value - 1e-9 else "contradicted"
        why = f"NATO's printed figure {printed:.2f}% {'≥' if verdict == 'supported' else '<'} {q.value:g}%"
    elif threshold == "misses":
        verdict = "supported" if printed < q.value - 1e-9 else "contradicted"
        why = f"NATO's printed figure {printed:.2f}% {'<' if verdict == 'supported' else '≥'} {q.value:g}%"
    else:
        verdict, why = judge(q, primary.value, "pct_gdp")
        verdict, why = _vintage(q, verdict, why, primary, others, "pct_gdp", undated=_day_unknown(view))
        # no year written ("Germany spends 1.57%"): the article quotes the latest figures NATO had
        # published. Before NATO's mid-year estimates (the article's year) or when the article's year
        # has no figure yet (the latest year held), that may be the latest year's estimate or the year
        # before's: both are read and the better kept, so such a figure is contradicted only when it is
        # off for both years.
        early = view.context.date is not None and view.context.date.month < _estimates_month()
        undated = (year_from == "article date" and early) or latest_of_day
        earlier = _year_before(q, iso3, year, edition, undated=_day_unknown(view)) if undated else None
        if earlier is not None and _RANK[earlier[0]] > _RANK[verdict]:
            verdict, why, primary, others = earlier
            year, how, year_from = year - 1, f"the year before the article's ({view.context.date})", "relative"
            evidence = _figure_evidence(iso3, year, "defence_exp_pct_gdp", primary, others, fmt)
            printed = round(primary.value, 2)
        elif earlier is not None and verdict == "contradicted" and latest_of_day:
            # off for the latest year NATO had published by the article's date and for the year before
            how = (
                f"the latest year NATO had published by the article's date ({view.context.date}); {year - 1} is off too"
            )
            year_from = "article date"
            evidence += _figure_evidence(iso3, year - 1, "defence_exp_pct_gdp", earlier[2], earlier[3], fmt)
        if verdict == "contradicted":
            why += _matching_years(iso3, q, edition)
    if threshold is not None and verdict == "contradicted" and _day_unknown(view):
        verdict, why = _threshold_vintage(q.value, threshold, why, primary, others)
    return view.claim(
        **common,
        year=year,
        verdict=verdict,
        expected=printed,
        evidence=evidence,
        note=f"{why}; year: {how}",
        year_source=year_from,
    )


#: a bound at a NATO target's value read as meeting or missing the target
_BOUND_AS_TARGET = {"more than": "meets", "at least": "meets", "less than": "misses"}


def _bound_at_target(view: SentenceView, q: Quantity) -> bool:
    """A bound at a NATO target's value ("above 2%") in an article about spending targets."""
    return (
        q.qualifier in _BOUND_AS_TARGET
        and q.value in facts.pledge_targets()
        and bool(view.context.spending_topic or TARGET_WORDS.search(view.text))
    )


#: how good a verdict is, to choose between two readings of the year
_RANK = {"supported": 3, "imprecise": 2, "not checkable": 1, "contradicted": 0}


def _estimates_month() -> int:
    """The month NATO publishes its yearly estimates at the earliest (June for the editions held:
    2024-06-17, 2025-08-28): before it, the latest figures of a year are the previous year's."""
    return min(day.month for day in facts.edition_dates().values())


def _year_before(
    q: Quantity, iso3: str, year: int, edition: str, *, undated: bool = False
) -> tuple[str, str, facts.SourcedFigure, list[facts.SourcedFigure]] | None:
    """The claim judged on the year before the article's (verdict, why, figure, all editions' figures)."""
    others = facts.ally_figures_all_editions(iso3, year - 1, "defence_exp_pct_gdp")
    primary = facts.ally_figure(iso3, year - 1, "defence_exp_pct_gdp", edition) or (others[-1] if others else None)
    if primary is None:
        return None
    verdict, why = judge(q, primary.value, "pct_gdp")
    verdict, why = _vintage(q, verdict, why, primary, others, "pct_gdp", undated=undated)
    return verdict, why, primary, others


#: the scope of a figure said of a group natosim holds no aggregate for ("European allies")
NO_AGGREGATE = "no aggregate: "


def _alliance_scope(view: SentenceView, position: int) -> str | None:
    before = view.text[:position]
    named = last_group(before[-120:], per_ally=False)
    if named is not None:
        spec = named[0]
        return spec.aggregate or f"{NO_AGGREGATE}{spec.name}"
    if EUROPE_CANADA.search(before[-120:]):
        return "NATO Europe and Canada"
    others = _OTHER_ALLIES.search(before[-120:])
    if others is not None and _us_named_before(view, position - len(before[-120:]) + others.start()):
        return "NATO Europe and Canada"  # "the US spent $967.7bn, more than all 31 other NATO countries combined"
    if ALLIANCE_TOTAL.search(before[-120:]) or re.search(r"\bNATO\b", before[-60:]):
        return "NATO Total"
    return None


#: the allies other than one named before: "all 31 other NATO countries", "the remaining 31 countries"
_OTHER_ALLIES = re.compile(
    r"\b(?:other|remaining)\s+(?:\d{1,2}\s+|[a-z]+-[a-z]+\s+)?(?:NATO\s+)?(?:allies|members|member\s+(?:states|"
    r"countries|nations)|countries|nations)\b|\brest of (?:the\s+)?(?:NATO|alliance|allies)\b",
    re.IGNORECASE,
)


def _us_named_before(view: SentenceView, position: int) -> bool:
    """Is the US the country set apart from "the other allies" (named before them, or the paragraph's)?"""
    named = [m for m in view.countries if m.end <= position]
    if named:
        return named[-1].iso3 == "USA"
    last = view.context.last_country
    return last is not None and last.iso3 == "USA"


def _alliance_subject(view: SentenceView, position: int, mention: Mention | None, clause: str) -> str | None:
    """The alliance total a figure is about ("NATO Total" / "NATO Europe and Canada"), or None when a
    country is its subject. "European allies and Canada spent..." names Canada inside the aggregate."""
    before = view.text[:position][-120:]
    europe_canada = EUROPE_CANADA.search(before)
    inside_aggregate = bool(
        mention is not None
        and europe_canada
        and mention.iso3 == "CAN"
        and europe_canada.end() >= len(before) - len(clause) - 1
    )
    if mention is not None and not inside_aggregate and _COUNTRY_KEEPS_FIGURE.search(clause):
        return None  # "the U.S. accounted for 72% of NATO's total, spending about $649.9 billion"
    if mention is None or switches_subject(_RELATIVE_CLAUSE.sub(" ", clause)) or inside_aggregate:
        return _alliance_scope(view, position)
    return None


#: a participle after a comma takes the sentence's subject: "the U.S. accounted for 72 percent of NATO
#: members' total, spending about $649.9 billion" (the U.S.'s spending, not NATO's)
_COUNTRY_KEEPS_FIGURE = re.compile(r",\s*(?:spending|having spent|paying|budgeting)\s*$", re.IGNORECASE)
#: a relative clause between a country and its figure names no new subject: "the military expenditures
#: of Russia, which NATO was set up to fight, amount to about $44 billion" (Russia's, not NATO's)
_RELATIVE_CLAUSE = re.compile(r",\s*(?:which|who|whom|whose)\b[^,;]*,", re.IGNORECASE)


def alliance_figure(view: SentenceView, q: Quantity, end: int, scope: str, measure: str, unit: str) -> Claim:
    """NATO's published total for the alliance (or Europe and Canada): % of GDP or US$."""
    year, how, year_from = view.year_near(q.start)
    edition = view.context.edition
    if year is None:
        candidates = [
            y
            for y in reversed(facts.years_held())
            if not scope.startswith(NO_AGGREGATE) and facts.aggregate(scope, y, measure, edition)
        ]
        year, how, year_from = (
            (candidates[0], "latest year with a total (no year stated)", "inferred")
            if candidates
            else (None, how, year_from)
        )
    figure = facts.aggregate(scope, year, measure, edition) if year and not scope.startswith(NO_AGGREGATE) else None
    today = view.context.date is not None and year == view.context.date.year
    if (
        (year_from == "article date" or (year_from == "relative" and today))
        and year is not None
        and figure is not None
        and figure.edition != edition
    ):
        # the article's year is known only from a later edition or a press report: the article
        # meant the latest total of its day ("nearly $1.5 trillion" in March 2025 is 2024's)
        known = [
            y
            for y in reversed(facts.years_held())
            if y < year and _in_edition(facts.aggregate(scope, y, measure, edition), edition)
        ]
        if known:
            year, how, year_from = (
                known[0],
                f"latest year in edition {edition} (the article's year is only in a later one)",
                "inferred",
            )
            figure = facts.aggregate(scope, year, measure, edition)
    common: dict[str, Any] = {
        "kind": "alliance_total",
        "start": q.start,
        "end": end,
        "value": q.value,
        "qualifier": q.qualifier,
        "unit": unit,
        "subject": scope,
        "year": year,
    }
    if scope.startswith(NO_AGGREGATE):
        return view.claim(
            **{**common, "subject": scope[len(NO_AGGREGATE) :]},
            verdict="not checkable",
            note=f"NATO publishes no total for {scope[len(NO_AGGREGATE) :]} (only 'NATO Europe and Canada' and "
            "'NATO Total'); natosim does not add up allies itself",
        )
    if figure is None:
        return view.claim(**common, verdict="not checkable", note=f"no {scope} total for {year}")
    if measure == "defence_exp_pct_gdp":
        verdict, why = judge(q, figure.value, "pct_gdp")
        expected: float = round(figure.value, 2)
        statement = f"{scope} {year}: {figure.value:.2f}% of GDP (edition {figure.edition})"
    else:
        verdict, why = judge(q, figure.value * 1e6, "money")
        expected = round(figure.value * 1e6)
        statement = f"{scope} {year}: US${figure.value / 1e3:,.1f} bn current (edition {figure.edition})"
    evidence = [Evidence(statement, figure.source, figure.value, figure.edition)]
    return view.claim(
        **common,
        verdict=verdict,
        expected=expected,
        evidence=evidence,
        note=f"{why}; year: {how}",
        year_source=year_from,
    )


def _in_edition(figure: facts.SourcedFigure | None, edition: str) -> bool:
    return figure is not None and figure.edition == edition


@facts.per_dataset
def _us_shares(year: int) -> tuple[float, float, str, str] | None:
    """(US share of allied defence spending %, US share of allied GDP %, source, edition) for a year."""
    share = facts.aggregate("NATO Total", year, "us_share_of_usd_current_pct", facts.usd_edition())
    total_gdp = facts.aggregate("NATO Total", year, "gdp_usd_current_mn", facts.usd_edition())
    us_gdp = facts.ally_figure("USA", year, "gdp_usd_current_bn", facts.usd_edition())
    if share is None or total_gdp is None or us_gdp is None:
        return None
    return share.value, us_gdp.value * 1000 / total_gdp.value * 100, share.source, str(share.edition)


#: "the U.S. spends more on defense than all the other allies combined", "more than double the amount
#: all the other 27 NATO countries spent": a lower bound on the US share of allied spending
MORE_THAN_THE_REST = re.compile(
    r"\b(?P<how>more(?: on defen[cs]e)? than|more than (?P<double>double|twice|three times)"
    r"(?: the amount| what| as much(?: on defen[cs]e)? as)?)"
    r"\s+(?:(?:what|that of)\s+)?all\s+(?:of\s+)?(?:the\s+|its\s+)?other\s+(?:\d+\s+|[a-z]+(?:-[a-z]+)?\s+)?"
    r"(?:NATO\s+)?(?:allies|members|member states|countries|nations)\b(?:\s+(?:spent|spend)\s+between them|\s+combined|"
    r"\s+put together)?",
    re.IGNORECASE,
)


def _edition_of_the_day(view: SentenceView, edition: str) -> bool:
    """Was ``edition`` published by the article's date (else its figures are not the figures of the day,
    and ``abstain`` judges the claim as a figure of the day)?"""
    published = facts.edition_dates().get(edition)
    return view.context.date is not None and published is not None and published <= view.context.date


def more_than_the_rest(view: SentenceView, match: re.Match[str]) -> Claim:
    """The US spends more than (or N times) all other allies together: its share of the allied total
    is above 50% (twice: 66.7%, three times: 75%)."""
    times = {"double": 2, "twice": 2, "three times": 3}.get((match.group("double") or "").casefold(), 1)
    bound = 100 * times / (times + 1)
    year, how, year_from = view.year_near(match.start())
    share_years = [y for y in reversed(facts.years_held()) if _us_shares(y)]
    if year is None or year not in share_years:
        year, how, year_from = share_years[0], "latest year with US$ totals", "inferred"
    shares = _us_shares(year)
    assert shares is not None
    us_share, _, source, edition = shares
    verdict = "supported" if us_share > bound else "contradicted"
    earlier = _us_shares(year - 1) if year_from == "article date" and _edition_of_the_day(view, edition) else None
    if verdict == "contradicted" and earlier is not None and earlier[0] > bound:
        # no year written: the article may quote the latest full year's shares (the year before's)
        us_share, _, source, edition = earlier
        year, how, year_from, verdict = (
            year - 1,
            f"the year before the article's ({view.context.date})",
            "relative",
            "supported",
        )
    return view.claim(
        kind="alliance_share",
        start=match.start(),
        end=match.end(),
        value=round(bound, 1),
        qualifier="more than",
        unit="% of allied defence spending",
        verdict=verdict,
        expected=round(us_share, 1),
        evidence=[_us_share_evidence(year, us_share, source, edition)],
        country="USA",
        subject="USA",
        year=year,
        note=f"more than the rest together means a share above {bound:.1f}%; year: {how}",
        year_source=year_from,
    )


def alliance_share(
    view: SentenceView, q: Quantity | None, start: int, end: int, iso3: str, *, qualitative: bool = False
) -> Claim:
    """One party's share of allied defence spending (US, or Europe and Canada)."""
    year, how, year_from = view.year_near(start)
    share_years = [y for y in reversed(facts.years_held()) if _us_shares(y)]
    if year is None or year not in share_years:
        note_year = f"no share for {year}; " if year is not None else ""
        year, how, year_from = share_years[0], f"{note_year}latest year with US$ totals", "inferred"
    shares = _us_shares(year)
    assert shares is not None
    us_share, us_gdp_share, source, edition = shares
    actual = us_share if iso3 == "USA" else 100 - us_share
    subject = "USA" if iso3 == "USA" else "NATO Europe and Canada"
    earlier = (
        _us_shares(year - 1)
        if year_from == "article date" and q is not None and _edition_of_the_day(view, edition)
        else None
    )
    if earlier is not None:
        # no year written ("the US accounts for about 68% of NATO spending"): the latest full year's share
        # (the year before's) may be meant; a claim is accused only when it is off for both years
        scale = 100.0 if q is not None and q.is_fraction else 1.0
        before_actual = earlier[0] if iso3 == "USA" else 100 - earlier[0]
        assert q is not None
        now, _ = judge(q, actual, "share_pct", scale=scale)
        then, _ = judge(q, before_actual, "share_pct", scale=scale)
        if now == "contradicted" and _RANK[then] > _RANK[now]:
            us_share, us_gdp_share, source, edition = earlier
            actual, year = before_actual, year - 1
            how, year_from = f"the year before the article's ({view.context.date})", "relative"
    evidence = [
        Evidence(
            f"US share of allied defence spending {year}: {us_share:.1f}% (current US$)",
            source,
            round(us_share, 2),
            edition,
        ),
        Evidence(
            f"US share of allied GDP {year}: {us_gdp_share:.1f}% (current US$)", source, round(us_gdp_share, 2), edition
        ),
    ]
    if qualitative:
        own = us_share if iso3 == "USA" else 100 - us_share
        gdp = us_gdp_share if iso3 == "USA" else 100 - us_gdp_share
        verdict = "supported" if own > gdp else "contradicted"
        return view.claim(
            kind="alliance_share",
            start=start,
            end=end,
            value="disproportionate",
            verdict=verdict,
            expected=round(own, 1),
            evidence=evidence,
            country=subject if iso3 == "USA" else None,
            subject=subject,
            year=year,
            note=f"share of spending {own:.1f}% vs share of GDP {gdp:.1f}%; year: {how}",
            year_source=year_from,
        )
    assert q is not None
    scale = 100.0 if q.is_fraction else 1.0
    verdict, why = judge(q, actual, "share_pct", scale=scale)
    return view.claim(
        kind="alliance_share",
        start=start,
        end=end,
        value=round(q.value * scale, 2),
        verdict=verdict,
        qualifier=q.qualifier,
        unit="% of allied defence spending",
        expected=round(actual, 2),
        evidence=evidence,
        country=iso3 if iso3 == "USA" else None,
        subject=subject,
        year=year,
        note=f"{why}; year: {how}",
        year_source=year_from,
    )


def share_in_words(view: SentenceView, match: re.Match[str]) -> Claim:
    """ "The US pays for almost all of NATO": a share in words is a bound on the US share of allied
    defence spending (``SHARE_WORDS``: "almost all" at least 90%, "most" above half)."""
    words = "almost all" if match.group("almost") else re.sub(r"\s+", " ", match.group("words").casefold())
    words = re.sub(r"^the (?:vast |overwhelming )", "the ", words).replace("lions", "lion's")
    bound, qualifier = SHARE_WORDS[words]
    year, how, year_from = view.year_near(match.start())
    share_years = [y for y in reversed(facts.years_held()) if _us_shares(y)]
    if year is None or year not in share_years:
        year, how, year_from = share_years[0], "latest year with US$ totals", "inferred"
    shares = _us_shares(year)
    assert shares is not None
    us_share, _, source, edition = shares
    holds = us_share >= bound if qualifier == "at least" else us_share > bound
    return view.claim(
        kind="alliance_share",
        start=match.start(),
        end=match.end(),
        value=bound,
        qualifier=qualifier,
        unit="% of allied defence spending",
        verdict="supported" if holds else "contradicted",
        expected=round(us_share, 1),
        evidence=[_us_share_evidence(year, us_share, source, edition)],
        country="USA",
        subject="USA",
        year=year,
        note=(
            f"'{match.group('words')}' means a share {qualifier} {bound:g}%: the bound "
            f"{'holds' if holds else 'does not hold'} (no tolerance for a bound); year: {how}"
        ),
        year_source=year_from,
    )


#: "as of 2025", "in 2025 so far": the status known at a time, not that year's final figures
_AS_OF = r"\b(?:as of|as at|so far in|to date in)\s+(?:(?:early|mid-?|late|the start of)\s+)?{year}\b"


def allies_meeting(
    view: SentenceView,
    count: Quantity,
    start: int,
    end: int,
    threshold: float,
    *,
    below: bool = False,
    year_choice: YearChoice | None = None,
) -> Claim:
    """How many allies spend at least ``threshold``% of GDP in a year (NATO's printed values);
    ``below``: how many fall short of it ("nine allies still fall short of 2%"). "All but nine allies
    meet it" counts the allies that do not (those below it, and those NATO has no figure for, so a
    mismatch is not accused)."""
    only = _ONLY_BEFORE.search(view.text[max(0, start - 12) : start])
    if only is not None and start == count.start:
        start -= len(only.group())  # "only three countries met it": "only" is part of the claim's wording
    if not re.search(r"\ball\s+but\s+(?:just\s+|only\s+)?$", view.text[max(0, count.start - 20) : count.start], re.I):
        return _allies_meeting(view, count, start, end, threshold, below=below, year_choice=year_choice)
    claim = _allies_meeting(view, count, start, end, threshold, below=not below, year_choice=year_choice)
    if claim.verdict != "contradicted":
        return claim
    note = f"'all but {count.text}' also counts allies without a figure; {claim.note}"
    return dataclasses.replace(claim, verdict="not checkable", note=note)


#: "only" / "just" right before a count of allies ("Only 3 NATO countries met the target")
_ONLY_BEFORE = re.compile(r"\b(?:only|just|merely)\s+$", re.IGNORECASE)


def _allies_meeting(
    view: SentenceView,
    count: Quantity,
    start: int,
    end: int,
    threshold: float,
    *,
    below: bool = False,
    year_choice: YearChoice | None = None,
) -> Claim:
    year, how, year_from = year_choice or view.year_near(count.start)
    edition = view.context.edition
    sign = "<" if below else "≥"
    if year is None:
        known = [y for y in facts.years_held() if facts.allies_at_or_above(y, threshold, edition)]
        year, how, year_from = (known[-1] if known else None), "latest year (no year stated)", "inferred"
    date = view.context.date
    if (
        date is not None
        and year == date.year
        and facts.allies_at_or_above(year, threshold, edition) is None
        and (year_from in ("article date", "relative") or re.search(_AS_OF.format(year=year), view.text, re.IGNORECASE))
    ):
        # "As of 2025, 23 of 32 allies meet the target" in May 2025, "currently 23 allies": the latest
        # count NATO had published by the article's day (the year before's estimate), not a year it had no
        # figures for yet; the year was inferred, so a mismatch is not accused on it alone
        known = [y for y in facts.years_held() if y < year and facts.allies_at_or_above(y, threshold, edition)]
        if known:
            year, how, year_from = known[-1], f"latest year in edition {edition} at the article's date", "inferred"
    common: dict[str, Any] = {
        "kind": "allies_meeting_target",
        "start": start,
        "end": end,
        "value": count.value,
        "qualifier": count.qualifier,
        "unit": f"allies at {sign}{threshold:g}% of GDP",
        "year": year,
    }
    found = facts.allies_at_or_above(year, threshold, edition, below=below) if year is not None else None
    if found is None or year is None:
        return view.claim(**common, verdict="not checkable", note=f"no NATO figures for {year} ({how})")
    number, codes, used = found
    # NATO's convention (rules.targets.count_meeting): an ally with no figure in any year is counted as
    # not meeting; only an ally that usually reports but lacks this year leaves the count open
    missing = facts.members_without(year, "defence_exp_pct_gdp", edition, reporting=True)
    never = [
        code
        for code in facts.members_without(year, "defence_exp_pct_gdp", edition)
        if code in facts.never_reported("defence_exp_pct_gdp", edition)
    ]
    evidence = [
        Evidence(
            f"{number} allies at {sign}{threshold:g}% of GDP in {year} (NATO edition {used}): {', '.join(codes)}",
            f"nato-{used}",
            number,
            used,
        )
    ]
    if missing:
        evidence.append(
            Evidence(f"no figure for {', '.join(missing)} in {year} (missing, not counted)", f"nato-{used}", None, used)
        )
    if never:
        evidence.append(
            Evidence(
                f"no figure for {', '.join(never)} in any year (missing; counted as not meeting, as NATO counts)",
                f"nato-{used}",
                None,
                used,
            )
        )
    if count.is_fraction:
        # "a third of NATO members met 2%": the share of the members that year
        members = len(facts.members_on(dt.date(year, 12, 31)))
        share = number / members * 100
        verdict, why = judge(count, share, "share_pct", scale=100.0)
        if count.is_word and _COUNT_IN_WORDS.fullmatch(count.text):
            # "most allies", "almost all allies": a bound in words, true or false, never "vague"
            bound = count.value * 100
            holds = share >= bound if count.qualifier == "at least" else share > bound
            verdict = "supported" if holds else "contradicted"
            state = "holds" if holds else "does not hold"
            why = f"'{count.text}' means a share {count.qualifier} {bound:g}%: bound {state}"
        return view.claim(
            **{**common, "value": round(count.value * 100, 1), "unit": f"% of allies at {sign}{threshold:g}%"},
            verdict=verdict,
            expected=round(share, 1),
            evidence=evidence,
            note=f"{number} of {members} allies = {share:.1f}%; {why}; year: {how}",
            year_source=year_from,
        )
    verdict, why = judge(count, number, "count")
    expected = number
    if never and below and verdict != "supported":
        # "eight allies fall short" (2024): NATO's count of those short includes Iceland (32 - 23 = 9),
        # a count among the allies with a figure does not (8); both read the same published data
        among = number - len(never)
        other, other_why = judge(count, among, "count")
        if other == "supported" or (verdict == "contradicted" and other != "contradicted"):
            verdict, expected = other, among
            why = f"{other_why}, counting only the allies with a figure ({len(never)} without any: {', '.join(never)})"
    members_then = len(facts.members_on(dt.date(year, 12, 31)))
    if (
        verdict == "contradicted"
        and never
        and not below
        and count.value == members_then == number + len(missing + never)
    ):
        # "all 32 allies now meet 2%": NATO itself says "all allies" of a year in which every ally with a
        # figure meets it; only allies without a figure stand between: not an accusation
        verdict, why = "not checkable", f"depends on {', '.join(missing + never)}, which NATO has no figure for"
    latest = facts.latest_year_with("USA", "defence_exp_pct_gdp", used)
    if (
        verdict == "contradicted"
        and never
        and not below
        and number + len(missing) < count.value <= number + len(missing) + len(never)
        and latest is not None
        and year < latest - 1
    ):
        # "only five allies met 2% in 2017": an earlier year's count as NATO published it then (its
        # estimates since revised) is not held; off only by the allies without any figure, the count is
        # accused under NATO's convention for the years the edition still estimates, not for older ones
        verdict, why = (
            "not checkable",
            f"an earlier year's count of the day is not held; {', '.join(never)} has no figure",
        )
    if verdict != "supported" and missing and number < count.value <= number + len(missing):
        verdict, why = "not checkable", f"depends on {', '.join(missing)}, which NATO has no figure for"
    elif verdict == "contradicted":
        for other in facts.edition_dates():
            if other == used:
                continue
            again = facts.allies_at_or_above(year, threshold, other, below=below)
            # another edition makes the claim true ("over 20" for its 23 allies, a bound that holds but is
            # vague) or close: the figure moved between editions, so the claim is imprecise, not false
            if again and judge(count, again[0], "count")[0] in ("supported", "imprecise"):
                verdict = "imprecise"
                why = f"matches NATO edition {other} ({again[0]}) but edition {used} counts {number}"
                if _day_unknown(view) and judge(count, again[0], "count")[0] == "supported":
                    # the article's date is unknown, so is the edition of its day: a count NATO printed
                    # in an edition it holds is the count of that day (as for a figure, ``_vintage``)
                    verdict = "supported"
                    why += " (the article's date is unknown: its edition of the day may be that one)"
                evidence.append(
                    Evidence(
                        f"{again[0]} allies at {sign}{threshold:g}% in {year} (edition {other})",
                        f"nato-{other}",
                        again[0],
                        other,
                    )
                )
    return view.claim(
        **common,
        verdict=verdict,
        expected=expected,
        evidence=evidence,
        note=f"{why}; year: {how}",
        year_source=year_from,
    )


def spending_money(view: SentenceView, q: Quantity, end: int, iso3: str) -> Claim:
    """A country's defence spending in US$ (NATO current prices for allies, SIPRI for comparators)."""
    year, how, year_from = view.year_near(q.start)
    common: dict[str, Any] = {
        "kind": "spending_money",
        "start": q.start,
        "end": end,
        "value": q.value,
        "qualifier": q.qualifier,
        "unit": "US$ current",
        "country": iso3,
    }
    if iso3 in SIPRI:
        years = facts.comparator_years(iso3, "milex_usd_current_mn")
        earlier = [y for y in years if year is not None and y <= year]
        if year_from == "article date" and year not in years and earlier:
            year, how, year_from = earlier[-1], "latest SIPRI year before the article's year", "inferred"
        if year is None and years:
            year, how, year_from = years[-1], "latest SIPRI year (no year stated)", "inferred"
        figure = facts.comparator(iso3, year, "milex_usd_current_mn") if year else None
        label = "SIPRI"
    elif facts.is_ally(iso3):
        edition = facts.usd_edition()  # the only edition with per-ally US$ (README of the data)
        if (
            year_from == "article date"
            and year is not None
            and facts.ally_figure(iso3, year, "defence_exp_usd_current_mn", None) is None
        ):
            latest = facts.latest_year_with(iso3, "defence_exp_usd_current_mn", None)
            if latest is not None and latest < year:
                year, how, year_from = (
                    latest,
                    f"latest year with a US$ figure before the article's year ({view.context.date})",
                    "inferred",
                )
        if year is None:
            year = facts.latest_year_with(iso3, "defence_exp_usd_current_mn", None)
            how, year_from = "latest year with a US$ figure (no year stated)", "inferred"
        figure = facts.ally_figure(iso3, year, "defence_exp_usd_current_mn", None) if year else None
        label = f"NATO edition {figure.edition if figure else edition}"
    else:
        return view.claim(
            **common, year=year, verdict="not checkable", note=f"natosim holds no defence figures for {iso3}"
        )
    if figure is None:
        return view.claim(
            **common,
            year=year,
            verdict="not checkable",
            note=f"no US$ figure for {iso3} {year} (NATO's 2025 edition has no US$ per ally)",
        )
    verdict, why = judge(q, figure.value * 1e6, "money")
    evidence = [
        Evidence(
            f"{iso3} {year}: US${figure.value / 1e3:,.1f} bn current ({label})",
            figure.source,
            figure.value,
            figure.edition,
        )
    ]
    return view.claim(
        **common,
        year=year,
        verdict=verdict,
        expected=round(figure.value * 1e6),
        evidence=evidence,
        note=f"{why}; year: {how}",
        year_source=year_from,
    )


_NOT_SWITCH = re.compile(
    r"\b(?:(?:in|of|across|among|within|to)\s+(?:the\s+)?(?:alliance|NATO)|(?:NATO|alliance|allies)['’]s?"
    r"|NATO\s+(?:guideline|target|goal|benchmark|pledge|average|figures|data|estimates?|rules?|standard|"
    r"threshold|yardstick|report|chief|secretary|summit|spending)"
    r"|(?:led|leads|leading|tops|topped|top|heads|headed|ahead of|outspen\w*)\s+(?:all\s+(?:the\s+)?|other\s+)?"
    r"(?:NATO\s+)?(?:allies|members|member states|countries))"
    r"(?=\W)",
    re.IGNORECASE,
)
SWITCH = re.compile(r"\b(?:allies|alliance|members|NATO|Europe)\b")


def switches_subject(clause: str) -> bool:
    """Does the text between a country and a figure name the alliance as a new subject?
    ("Spain, the alliance's lowest spender, is at 2%" does not; "Spain and other allies spend" does.)"""
    return bool(SWITCH.search(_NOT_SWITCH.sub(" ", clause)))


def _said_of(view: SentenceView, position: int) -> str | None:
    """A quote about a country named after it: "“They are paying close to 1 percent,” Trump said of the
    Germans" (a pronoun subject inside the quote, the country after "said of")."""
    said_of = re.search(r"[\"”]\s*,?\s*[^.\"”]{0,40}?\bsaid of (?:the\s+)?", view.text[position:])
    if said_of is None or not re.match(r"\W*(?:They|It|We|He|She)\b", view.text):
        return None
    subject = next((m for m in view.countries if m.start == position + said_of.end()), None)
    return subject.iso3 if subject is not None else None


def _subject_country(view: SentenceView, position: int) -> str | None:
    quoted = _said_of(view, position)
    if quoted is not None:
        return quoted
    mention = view.country_near(position)
    if mention is not None:
        between = view.text[mention.end : position]
        if mention.start > position and re.search(
            r"[,;:]|\b(?:but|and|while|whereas|yet)\b", view.text[position : mention.start]
        ):
            return None  # "allies agreed to spend 2% of GDP, but Poland falls short": not Poland's figure
        if (
            not switches_subject(_RELATIVE_CLAUSE.sub(" ", between))
            or _COUNTRY_KEEPS_FIGURE.search(between)
            or mention.end > position
        ):
            return mention.iso3
    first = view.text.lstrip()[:30]
    last = view.context.last_country
    if (
        last is not None
        and view.context.last_paragraph == view.sentence.paragraph
        and re.match(r"^(?:It|Its|The country|The government|That|This)\b", first)
    ):
        return last.iso3
    return None


_EARLIER_COUNT = re.compile(
    r"(?:\b(?:up|down|rising|risen|falling)?\s*from|\bcompared\s+(?:to|with)|\bagainst|\bversus|\bvs\.?)"
    r"\s+(?:just\s+|only\s+|a mere\s+)?(?P<n>[\w-]+)"
    r"(?:\s+(?:allies|members|countries|nations))?\s+(?:in|back in|a decade earlier in)\s+(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def earlier_count(
    view: SentenceView, end: int, threshold: float, used: set[int], *, below: bool = False
) -> list[Claim]:
    """ "23 allies meet 2% this year, up from just three in 2014": the earlier count, same target; and
    a later one ("18 allies met 2% in February, and by June that number had risen to 23")."""
    match = _EARLIER_COUNT.search(view.text, end)
    if match is None or match.start() - end > 60:
        return _later_count(view, end, threshold, used, below=below)
    number = next((c for c in view.quantities if c.start == match.start("n")), None)
    if number is None or number.start in used or number.is_fraction or number.decimals:
        return []
    used.add(number.start)
    # the year is the one written with the earlier count ("3 in 2014"), not a "now" nearer to it
    chosen = YearChoice(int(match.group("year")), "stated", "stated")
    return [allies_meeting(view, number, number.start, number.end, threshold, below=below, year_choice=chosen)]


#: the same count, later: "..., and by June, that number had risen to 23"
_LATER_COUNT = re.compile(
    r"\b(?:that|the|this)\s+(?:number|figure|count|tally)\s+(?:had\s+|has\s+)?(?P<verb>risen|rose|grown|grew|"
    r"climbed|increased|jumped|fallen|fell|dropped|decreased)\s+to\s+(?P<n>[\w-]+)\b",
    re.IGNORECASE,
)


def _later_count(view: SentenceView, end: int, threshold: float, used: set[int], *, below: bool) -> list[Claim]:
    match = _LATER_COUNT.search(view.text, end)
    if match is None or match.start() - end > 60:
        return []
    number = next((c for c in view.quantities if c.start == match.start("n")), None)
    if number is None or number.start in used or number.is_fraction or number.decimals:
        return []
    used.add(number.start)
    # the claim reads "risen to 23": the verb is part of its wording
    return [allies_meeting(view, number, match.start("verb"), number.end, threshold, below=below)]


def _implied_share_of_gdp(view: SentenceView, q: Quantity, after_percent: str) -> bool:
    """A bare percentage said of a country ("Berlin spent 2.1 per cent last year") in an article whose
    earlier sentences (or this one) stated defence spending as a share of GDP: the same measure.

    Journalists name the measure once and then list countries; reading the rest as % of GDP needs a
    country right before the figure, a spending cue between them, no other measure named, and a
    value a defence budget can have (at most 10% of GDP)."""
    if not view.context.spending_topic or q.value > 10 or q.is_fraction:
        return False
    if re.match(r"\s*of\s+(?!(?:its\s+|their\s+|the\s+)?(?:GDP|gross|national|economic))", after_percent):
        return False  # "2% of its budget", "5% of the vote"
    mention = view.country_near(q.start, window=70)
    if mention is not None and mention.end > q.start and _said_of(view, q.start) is not None:
        clause = view.text[: q.start]  # "“They are paying close to 1 percent,” Trump said of the Germans"
        return bool(SPEND_CUE.search(clause)) and not OTHER_MEASURE.search(view.text)
    if mention is None or mention.end > q.start:
        return False
    clause = view.text[mention.end : q.start]
    if FUTURE.search(clause) and not (view.years or re.search(r"\b(?:this|last|next) year\b", view.lower)):
        return False  # "Sanchez said Spain would spend 2.1 per cent": a plan without a year, not a figure
    around = view.text[max(0, mention.start - 40) : q.end + 40]  # "Inflation in Russia reached 9.5%"
    # "Poland (4.48%)", "Latvia at 3.73%", and in a ranked list "Lithuania second (4%)", "Latvia third at 3.73%"
    bare = bool(
        re.fullmatch(
            r"\s*(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th)|first|last)"
            r"\s*)?(?:\(|,?\s+(?:at|with|on)\s+|:\s*)",
            clause,
            re.IGNORECASE,
        )
    )
    if bare and SHARES_IN_SENTENCE.search(view.text):
        return False  # "The US accounted for 70 percent ..., followed by Britain (6 pct)": shares of spending
    return (
        (bool(SPEND_CUE.search(clause)) or bare) and not OTHER_MEASURE.search(around) and not switches_subject(clause)
    )


#: names of a list joined by commas, "and", "&", or by a group named with its members after a dash or a
#: colon ("Britain, Poland, Greece and the three "frontline" Baltic nations — Latvia, Lithuania and Estonia")
_LIST_JOIN = re.compile(
    r"^\s*(?:,|,?\s+and|,?\s+&)\s+(?:the\s+)?$|^\s*,\s*$"
    r"|^\s*,?\s+and\s+the\s+(?:[\w\"'-]+\s+){0,3}(?:states|nations|countries|republics|allies)\s*[—–:-]\s*$"
)


def _subject_countries(view: SentenceView, position: int) -> list[str]:
    """The subject of a figure: one country, every country of a list ending right before it ("Latvia,
    Lithuania and Estonia all spend over 3%"), or a group ("the Baltic states spend more than 3%")."""
    iso3 = _subject_country(view, position)
    mention = view.country_near(position)
    if mention is not None and inside_group(view.text, mention.start, mention.end):
        return []  # "European allies and Canada spent 2.02%": the group's figure, not Canada's
    if mention is not None and mention.end <= position:
        between = view.text[mention.end : position]
        if re.search(r"\b(?:while|whereas|but|although)\b", between) and TARGET_WORDS.search(between):
            return []  # "... spend more than 3%, while the target spending rate is 2%": the target, not theirs
    if iso3 is None:
        named = last_group(view.text[:position], per_ally=True)
        if named is None:
            return []
        spec, group = named
        if position - group.end() > 80 or switches_subject(view.text[group.end() : position]):
            return []
        if any(group.end() <= m.start < position for m in view.countries) or spec.members is None:
            return []
        return list(spec.members)
    mention = view.country_near(position)
    if mention is None or mention.iso3 != iso3 or mention.end > position:
        return [iso3]
    chain = [mention]
    for other in reversed([m for m in view.countries if m.end <= mention.start]):
        if not _LIST_JOIN.match(view.text[other.end : chain[-1].start]):
            break
        chain.append(other)
    chain = _after_fronted_phrase(view, chain[::-1])[::-1]
    if len(chain) > 1 and _SINGULAR_SUBJECT.search(view.text[mention.end : position]):
        # "Greece is third after Bulgaria and the US ... as it spent 2.28%": "it" is one ally, not the
        # list; the figure is the sentence's first ally's when the sentence opens with it, else no one's
        first = view.countries[0]
        opens = not view.text[: first.start].strip(" \"'“‘(")
        return [first.iso3] if opens and all(first.iso3 != m.iso3 for m in chain) else []
    return list(dict.fromkeys(m.iso3 for m in reversed(chain)))


def _listed_before(view: SentenceView, mention: Mention) -> list[Mention]:
    """The allies of a list ending with ``mention`` ("The US, UK, Poland and Latvia"), in text order:
    names joined by commas, "and" or "&" only (a list broken by other words is not one subject)."""
    chain = [mention]
    for other in reversed([m for m in view.countries if m.end <= mention.start]):
        if not _LIST_JOIN.match(view.text[other.end : chain[-1].start]):
            break
        chain.append(other)
    return [m for m in _after_fronted_phrase(view, chain[::-1]) if facts.is_ally(m.iso3)]


#: a phrase put before the subject that names other countries: "Alongside the US, Poland and Latvia,
#: Greece spends ...", "Unlike Spain, Italy ...", "Apart from Poland, Greece ..."
_FRONTED = re.compile(
    r"\b(?:alongside|along with|like|unlike|apart from|aside from|besides|beside|except(?:\s+for)?|as with|"
    r"together with|in addition to|behind|after|ahead of|compared (?:with|to)|as well as|similar to|"
    r"just like|much like|next to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _after_fronted_phrase(view: SentenceView, chain: list[Mention]) -> list[Mention]:
    """The list (in text order) without the countries of a fronted phrase: in "Alongside the USA, Poland,
    Latvia, and Estonia, Greece allocated 3.1%", the phrase closes with the comma before Greece, and
    Greece alone is the subject; the others are named for comparison."""
    if len(chain) < 2 or not _FRONTED.search(view.text[: chain[0].start]):
        return chain
    last_gap = view.text[chain[-2].end : chain[-1].start]
    if re.fullmatch(r"\s*,\s*(?:the\s+)?", last_gap):
        return chain[-1:]
    return chain


#: a singular pronoun as the subject of a figure ("as it spent 2.28%")
_SINGULAR_SUBJECT = re.compile(r"\b(?:it|its|it's|it’s|she|he)\b", re.IGNORECASE)


#: a row of a table of figures: "Poland: 4.12", "Czech Republic – 2.10%"
#: a row of a table or a list under a header: "Poland: 4.12", "2. Estonia – 3.43%", "Greece, 2.38 percent."
TABLE_ROW = re.compile(
    r"^\s*(?:\d+\.\s+|[–—•*-]\s*)?(?P<name>[A-Z][\w .'’-]{1,40}?)\s*(?:[:–—-]|,(?=\s*\d)|(?=\s\d))\s*"
    r"(?P<n>\d{1,2}\.\d{1,2}|\d(?=\s*(?:%|per ?cent)))\s*(?:%|per ?cent)?\s*\.?\s*$",
    re.IGNORECASE,
)


def _table_row(view: SentenceView, used: set[int]) -> list[Claim]:
    """A row under a header such as "defence expenditures for 2024, as a percentage of their GDP:"."""
    if view.context.table_year is None:
        return []
    row = TABLE_ROW.match(view.text)
    if row is None:
        return []
    mention = next((m for m in view.countries if m.start == row.start("name")), None)
    figure = next((q for q in view.quantities if q.start == row.start("n")), None)
    if mention is None or figure is None or figure.start in used:
        return []
    used.add(figure.start)
    return [spending_pct(view, figure, figure.end, mention.iso3)]


_RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b", re.IGNORECASE)


def _respectively(view: SentenceView, used: set[int]) -> list[Claim]:
    """ "Poland, Lithuania and Latvia ... spending 4.48%, 4.00% and 3.73% respectively": a list of allies
    and a list of shares of GDP of the same length, paired in order."""
    words = _RESPECTIVELY.search(view.text)
    if words is None or not GDP.search(view.text):
        return []
    text = view.text
    figures: list[Quantity] = []
    for q in reversed([q for q in view.quantities if q.end <= words.start()]):
        percent = PERCENT.match(text[q.end :])
        if percent is None and not figures:
            continue  # a year after the last figure ("... of GDP in 2024, respectively")
        if percent is None:
            break
        end = q.end + percent.end()
        gap = text[end : figures[0].start if figures else words.start()]
        # the last figure may be followed by its measure and year ("3.15% of GDP in 2024, respectively")
        if (figures and not _LIST_JOIN.match(gap)) or (not figures and not re.fullmatch(r"[^%;]{0,60}", gap)):
            break
        figures.insert(0, q)
    if len(figures) < 2:
        return []
    allies: list[Mention] = []
    for mention in reversed([m for m in view.countries if m.end <= figures[0].start]):
        if allies and not _LIST_JOIN.match(text[mention.end : allies[0].start]):
            break
        allies.insert(0, mention)
    if len(allies) != len(figures) or any(q.start in used for q in figures):
        return []
    claims = []
    for mention, q in zip(allies, figures, strict=True):
        end = q.end + (match.end() if (match := PERCENT.match(text[q.end :])) else 0)
        claims.append(spending_pct(view, q, end, mention.iso3))
        used.add(q.start)
    return claims


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    """Every money claim in one sentence (percentages and US$ amounts)."""
    text = view.text
    claims: list[Claim] = _table_row(view, used)
    if claims:
        return claims
    defence = bool(DEFENCE.search(text))
    claims += _respectively(view, used)
    for q in view.quantities:
        if q.start in used:
            continue
        after = text[q.end :]
        if POINTS.match(after):
            continue
        percent = PERCENT.match(after) or _SIGN_DROPPED.match(after)
        if percent and percent.re is _SIGN_DROPPED and not (q.decimals and 0 < q.value <= 10 and q.currency is None):
            percent = None
        if (
            percent
            and CHANGE_PCT_BEFORE.search(text[max(0, q.start - 40) : q.start])
            and not GDP.match(re.sub(r"^\s*of\s+(?:its\s+|their\s+)?", "", after[percent.end() :]))
        ):
            continue  # "the budget rose 23 per cent": a change, not a share of GDP
        if percent:
            _percent_claims(view, q, percent, used, claims, defence)
            continue
        _money_claims(view, q, used, claims, defence)
    _shares_in_words(view, used, claims, defence)
    return claims


#: a share of GDP written without its sign: "with the US spending 3.42 of its GDP" (a decimal of at most
#: 10 "of its GDP" can only be a percentage); the match is empty, the figure ends where it is written
_SIGN_DROPPED = re.compile(r"(?=\s+of\s+(?:its|their|the country's|the nation's)\s+(?:GDP|gross domestic product)\b)")


_THE_TARGET_BEFORE = re.compile(
    r"\bthe\s+(?:required|agreed|minimum|recommended|NATO|alliance's|NATO's|magic|benchmark|target(?:ed)?)?\s*$",
    re.IGNORECASE,
)


@dataclass
class _Percent:
    """One percentage being read, and what the readers below learn about it as they go."""

    view: SentenceView
    q: Quantity
    end: int
    used: set[int]
    claims: list[Claim]
    defence: bool
    gdp_here: bool = False
    target_near: bool = False
    mention: Mention | None = None
    clause: str = ""

    @property
    def text(self) -> str:
        return self.view.text

    @property
    def before(self) -> str:
        return self.view.text[: self.q.start]

    @property
    def window_after(self) -> str:
        return self.view.text[self.end : self.end + 70]

    def add(self, claim: Claim | None) -> bool:
        if claim is not None:
            self.claims.append(claim)
            self.used.add(self.q.start)
        return True


def _percent_claims(
    view: SentenceView, q: Quantity, percent: re.Match[str], used: set[int], claims: list[Claim], defence: bool
) -> None:
    """A percentage: a share of the allied total, an equipment share, a count of allies at a threshold,
    a country meeting or missing a target, a pledge value, an alliance average, or a country's % of
    GDP — the readers below, tried in that order; the first that reads it wins."""
    reading = _Percent(view, q, q.end + percent.end(), used, claims, defence)
    if _share_of_total(reading) or _equipment_share(reading) or _pledge_part(reading) or not _measure_named(reading):
        return
    _target_attached(reading)
    for reader in (_count_at_threshold, _country_at_target, _pledge, _alliance_average):
        if reader(reading):
            return
    _country_figure(reading)


def _share_of_total(r: _Percent) -> bool:
    """ "68% of NATO's spending", "the US share ... 65 per cent": one ally's share of the allied total."""
    text, q, window_after = r.text, r.q, r.window_after
    us_is = bool(US_IS_THE_SHARE.match(window_after))
    # "the US makes up 70% of NATO": a verb of sharing right before the figure names the measure
    shared = bool(SHARE_VERBS.search(r.before[-40:]))
    money_talk = r.defence or bool(COSTS.search(text)) or us_is or shared
    share_before = SHARE_BEFORE.search(r.before)
    if share_before and OTHER_SHARE.search(share_before.group(0)):
        share_before = None
    of_that = SHARE_OF_THAT.match(window_after) and ALLIANCE_TOTAL.search(r.before)
    bare_costs = bool(BARE_COSTS.match(window_after) and (ALLIANCE.search(text) or r.view.context.about_nato))
    share_after = bool(SHARE_OF.match(window_after.lstrip("\"'")) or of_that or bare_costs)
    if share_after and OTHER_SHARE.search(window_after[:60]):
        return True  # "16% of NATO's common budget": a cost share, not a share of defence spending
    if not ((share_after and money_talk) or share_before):
        return _share_again(r)
    iso3 = "USA" if us_is else _subject_country(r.view, share_before.start() if share_before else q.start)
    if iso3 in (None, "CAN") and EUROPE_CANADA.search(r.before):  # "Europe and Canada account for ..."
        iso3 = "EUC"
    if iso3 in ("USA", "EUC"):
        named_after = 0 if share_before else len(window_after.split(" of ")[0])
        r.add(alliance_share(r.view, q, q.start, r.end + named_after, iso3))
    return True


#: the same share given again for another year, after the first: "... made up about 63% of total NATO
#: defence spending; in 2016, it was about 72%", "around 70% ..., which declined to 65% in 2024 and an
#: estimated 62% in 2025"
_SHARE_AGAIN = re.compile(
    r"\b(?:(?:declin|fell|fall|dropp|drop|slipp|slip|ris|rose|grew|grow|climb|increas|decreas|shr[ua]nk)\w*\s+"
    r"(?:to|from)|(?:it|that|this|the share|the figure)\s+(?:was|is|had been|stood at)|up from|down from|"
    r"compared (?:to|with)|and|versus|vs\.?)\s+(?:only\s+|just\s+)?(?:(?:about|around|roughly|nearly|almost|"
    r"some|an estimated|an|a)\s+)?$",
    re.IGNORECASE,
)


def _share_again(r: _Percent) -> bool:
    """A percentage after an ally's share of the allied total in the same sentence, joined by words that
    give the same measure for another year ("declined to 65% in 2024", "in 2016, it was about 72%"): the
    same party's share, judged for its own year. Not when the figure names a measure of its own ("of
    GDP", "of the organisation's budget")."""
    earlier = [c for c in r.claims if c.kind == "alliance_share" and isinstance(c.value, int | float)]
    if not earlier or re.match(r"\s*of\b", r.window_after):
        return False  # "and about 16% of the organisation's budget": a share that names its own measure
    last = earlier[-1]
    at = r.text.rfind(last.text, 0, r.q.start)
    if at < 0 or r.q.start - (at + len(last.text)) > 140:
        return False
    between = r.text[at + len(last.text) : r.q.start]
    if GDP.search(between) or not _SHARE_AGAIN.search(between):
        return False
    iso3 = "USA" if last.country == "USA" else "EUC"
    return r.add(alliance_share(r.view, r.q, r.q.start, r.end, iso3))


def _equipment_share(r: _Percent) -> bool:
    """ "20% of defence spending on equipment": the equipment pledge (one ally's share is not a kind)."""
    if not (
        re.match(
            r"\s*of\s+(?:their|its|national|annual|all|members'|allies'|(?:the\s+)?allies'|member states')?\s*"
            r"(?:defen[cs]e|military)\s+(?:spending|budgets?|"
            r"expenditure)",
            r.window_after,
            re.IGNORECASE,
        )
        and re.search(r"\b(?:equipment|procurement|weapons|hardware|investment)\b", r.text, re.IGNORECASE)
    ):
        return False
    if _subject_country(r.view, r.q.start) and not TARGET_WORDS.search(r.text):
        return True  # one country's equipment share: not a pledge (and not a claim kind we check)
    return r.add(pledges.pledge_value(r.view, r.q, r.end, equipment=True))


#: the two parts of a pledge split by what the money is for (The Hague's 3.5% + 1.5%): core defence and
#: defence- and security-related spending, in the words journalists use for each
_CORE_PART = (
    r"core\b|hard\s+(?:military|defen[cs]e|security)|(?:traditional|pure|purely|strict|narrow|classic)\w*\s+"
    r"(?:military|defen[cs]e)|defen[cs]e\s+proper\b"
)
_RELATED_PART = (
    r"(?:defen[cs]e|security)(?:-|\s+)(?:and\s+(?:security|defen[cs]e)(?:-|\s+))?related|(?:broader|wider|other)\s+"
    r"(?:security|defen[cs]e)|resilience|infrastructure|cyber\w*|civil\s+(?:preparedness|defen[cs]e)|"
    r"security\s+(?:measures|investments?|items)"
)
PLEDGE_PART = re.compile(
    r"^\s*(?:of\s+(?:their\s+|its\s+)?(?:GDP|gross domestic product|economic output)\s+)?"
    # "3.5% of that figure is meant to be achieved through core defence", "the remaining 1.5% can be put
    # towards defence-related expenditure": a few words of verb between the figure and what it is for
    r"(?:of\s+(?:that|this|the)\s+(?:figure|total|target|goal|amount|sum)\s+)?,?\s*"
    r"(?:(?!(?:and|or|but|while|whereas)\b)[\w-]+\s+){0,6}?"
    r"(?:to|for|on|towards?|in|into|through|via)\s+(?:[\w-]+\s+){0,3}?[\"“‘']?"
    rf"(?:(?P<core>{_CORE_PART})|(?P<related>{_RELATED_PART}))",
    re.IGNORECASE,
)


def _pledge_part(r: _Percent) -> bool:
    """ "The plan splits this into 3.5% for core military needs and 1.5% for security measures", "with
    3.5% dedicated to core needs and 1.5% to security-related investments": a percentage followed by
    what it is for, core defence or the wider security spending, is a part of NATO's split pledge — in a
    sentence naming the alliance or a target, or naming both parts, with no ally as its subject (then it
    is that ally's plan: "Spain will spend 2.1% on core defence"). Journalists name the measure and the
    alliance once, in the sentence before, and give the split in the next."""
    part = PLEDGE_PART.match(re.split(r"[.;%]|\d", r.text[r.end : r.end + 110], maxsplit=1)[0])
    if part is None or r.q.value > 10 or r.q.is_fraction:
        return False
    both = bool(re.search(_CORE_PART, r.text, re.IGNORECASE) and re.search(_RELATED_PART, r.text, re.IGNORECASE))
    nato_said = bool(ALLIANCE.search(r.text) or TARGET_WORDS.search(r.text) or PLEDGE_VERBS.search(r.text))
    if not (r.view.context.about_nato and (both or nato_said)):
        return False
    mention = r.view.country_near(r.q.start)
    if mention is not None and mention.end <= r.q.start and not switches_subject(r.text[mention.end : r.q.start]):
        return False  # one ally's own split
    claim = pledges.pledge_value(r.view, r.q, r.end)
    if claim is None:
        return False
    split = pledges.split_parts()
    wanted = split.get("core" if part.group("core") else "related")
    if claim.verdict == "supported" and claim.subject not in split.values():
        return False  # "2% of GDP for ... resilience": another pledge's value, read by the readers below
    if claim.verdict == "supported" and claim.subject not in (wanted, split.get("total")):
        claim = dataclasses.replace(
            claim,
            verdict="contradicted",
            note=f"{r.q.value:g}% is not NATO's {'core' if part.group('core') else 'related'} part ({wanted}); "
            f"{claim.note}",
        )
    return r.add(claim)


def _measure_named(r: _Percent) -> bool:
    """Is the percentage about defence spending as a share of GDP, or a target? (Sets ``gdp_here``.)"""
    text, q, window_after = r.text, r.q, r.window_after
    gdp_here = bool(GDP.search(window_after[:50])) or bool(GDP.search(text))
    # in an article about NATO, "X% of GDP" said of a country is its defence spending
    defence_here = r.defence or bool(
        r.view.context.about_nato and re.match(r"\s*of\s+(?:its\s+|their\s+)?GDP\b", window_after)
    )
    if not (gdp_here and defence_here) and _implied_share_of_gdp(r.view, q, window_after):
        gdp_here = defence_here = True
    r.gdp_here = gdp_here
    # "the majority of allies have plans to reach 2% by 2024": the allies reaching a figure by a deadline
    # is the talk of a target, as "pledged" or "agreed" would be
    deadline_goal = bool(
        q.value in facts.pledge_targets()
        and MEETS.search(r.before[-30:])
        and re.match(r"[^.;]{0,25}?\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", text[r.end :])
    )
    summit_talk = bool(ALLIANCE.search(text) and (PLEDGE_VERBS.search(text) or deadline_goal))
    if not (gdp_here and defence_here) and not TARGET_WORDS.search(text) and not summit_talk:
        return False
    return gdp_here or bool(TARGET_WORDS.search(text[max(0, q.start - 60) : r.end + 60])) or summit_talk


def _target_attached(r: _Percent) -> None:
    """A target word attached to this figure ("2% target", "2% of GDP guideline", "target of 2%"), and
    the country named nearest before it with the words between (sets ``target_near``, ``mention``,
    ``clause``)."""
    text = r.text
    r.target_near = bool(
        re.match(
            r"\s*(?:of\s+(?:its\s+|their\s+)?(?:GDP|gross domestic product)\s+)?"
            # up to three words ("2-percent GDP defence spending goal"), not a purpose ("to finance NATO obligations")
            r"(?:(?!(?:to|for|and|or|that|which|on|in)\b)[\w-]+\s+){0,3}?" + TARGET_WORDS.pattern,
            text[r.end : r.end + 60],
            re.IGNORECASE,
        )
        or re.search(
            # "the target of 2%", "the target spending rate is 2%", "the requirement that they spend 2%"
            TARGET_WORDS.pattern + r"(?:\s+[\w-]+){0,2}?\s+(?:of|at|to spend|to|for|is|was|are|were|stands at|remains|"
            r"that (?:they|allies|members|each ally|every ally|all allies) (?:spend|devote|allocate))\s+"
            # "the goal of investing 2%", "the target of allocating 3.5%": a gerund of spending between
            r"[\"“‘']?\s*(?:at least\s+|(?:spending|investing|allocating|devoting|dedicating|committing)\s+"
            r"(?:at least\s+)?)?$",
            r.before[-40:],
            re.IGNORECASE,
        )
    )
    r.mention = r.view.country_near(r.q.start)
    if r.mention is not None and r.mention.end <= r.q.start:
        r.clause = text[r.mention.end : r.q.start]
    elif r.mention is not None and re.search(r"[,;:]|\b(?:but|and|while|whereas|yet)\b", text[r.end : r.mention.start]):
        r.mention = None  # "allies agreed to spend 2%, but Poland falls short": Poland is another clause's


def _count_at_threshold(r: _Percent) -> bool:
    """ "23 allies meet the 2% target", "18 countries will spend 2% or more": a count of allies."""
    view, q, text, before = r.view, r.q, r.text, r.before
    tail_before = _INITIALISM.sub(lambda m: m.group(0).replace(".", "_"), before[-140:])
    count = FRACTION_COUNT.search(tail_before) or WORD_COUNT.search(tail_before) or ALLY_COUNT.search(tail_before)
    if count is None:
        return _count_by_passive(r)
    gap = count.group("gap")
    if re.search(r",\s+(?:and|but|while|whereas|yet)\s", gap, re.IGNORECASE):
        # "7 countries met the target, and critics name those far below the 2% mark": another clause's figure
        return False
    at_least = bool(
        (
            q.qualifier in ("at least", "more than")
            and re.search(r"\b(?:spen[dt]\w*|are|were|was|at|reached|hit)\b", gap, re.IGNORECASE)
        )
        # "18 countries will spend 2% or more", "20 allies will spend 2% of GDP": a count at a
        # threshold (no one counts allies at exactly 2.00%)
        or (
            re.search(r"\bspen[dt]\w*\s*$", gap, re.IGNORECASE)
            and (re.match(r"\s*or more\b", text[r.end :]) or r.gdp_here)
            and count.group("num").casefold() not in ("one", "1")
        )
        or re.search(
            r"\b(?:spen[dt]\w*|are|were|was|at)\b[^.;]{0,30}\b(?:at least|more than|over|above|"
            r"or more)\s*$",
            gap,
            re.IGNORECASE,
        )
        # "18 allies are on track to hit 2%": a NATO target's value after a verb of meeting
        # "five NATO members, A, B and C, contribute the required 2 percent": the target's value, named so
        or (
            q.value in facts.pledge_targets()
            and re.search(
                r"\b(?:hit|reach|meet|contribut\w*|spend\w*|pay\w*|devot\w*|allocat\w*)\w*\s+"
                r"(?:the\s+(?:required|agreed|minimum|recommended|NATO|target(?:ed)?)\s+)?$|\b(?:hit|reach|meet)\w*\s*$",
                gap,
                re.IGNORECASE,
            )
        )
    )
    # "8 members are still not projected to reach the 2% threshold": a verb of meeting, negated
    negated = bool(re.search(r"\b(?:not|never)\b|n't\b", gap, re.IGNORECASE))
    below = bool(r.target_near and (MISSES.search(gap) or (negated and MEETS.search(gap))))
    meets = ((r.target_near and MEETS.search(gap)) or at_least) and not MISSES.search(gap) and not negated
    if not (below or meets):
        return False
    offset = len(before) - len(tail_before) + count.start("num")
    number = next((c for c in view.quantities if c.start <= offset < c.end or c.start == offset), None)
    if number is None and count.re is WORD_COUNT:
        number = _word_count(count.group("num"), offset)
    if number is None or number.start in r.used:
        return False
    r.claims.append(allies_meeting(view, number, number.start, r.end, q.value, below=below))
    r.claims.extend(earlier_count(view, r.end, q.value, r.used, below=below))
    from natosim.engines.claims.counts import after_count  # import cycle: counts builds on this module

    # the allies named after "five NATO members, ..." (the count's noun ends where its gap starts)
    noun_end = len(before) - len(tail_before) + count.start("gap")
    r.claims.extend(after_count(view, noun_end, q.start, r.end, q.value, below))
    # "the alliance's target of spending 2%" also states the target, and so does a deadline after a
    # target's value ("the majority of allies have plans to reach 2% by 2024": the 2% pledge's deadline)
    deadline = q.value in facts.pledge_targets() and re.match(
        r"[^.;]{0,25}?\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b", text[r.end :]
    )
    if r.target_near or deadline:
        pledge = pledges.pledge_value(view, q, r.end)
        if pledge is not None:
            r.claims.append(pledge)
    r.used.update({q.start, number.start})
    return True


#: the target as the subject, the allies after "by": "the 2% guideline, which isn't even met by eight
#: NATO members out of 32", "a target that is now reached by 23 allies", "the 2% goal, missed by nine"
_PASSIVE_COUNT = re.compile(
    r"^[^.;]{0,60}?\b(?P<verb>(?:is|are|was|were|has been|have been|had been)(?:\s*n[o']t|\s+not)?|isn't|aren't|"
    r"wasn't|weren't|hasn't been|haven't been)\s+(?:\w+\s+){0,2}?(?P<how>met|reached|hit|achieved|fulfill?ed|"
    r"respected|honou?red|missed|exceeded)\s+by\s+(?:only\s+|just\s+|a mere\s+)?"
    r"(?P<num>\d+|[a-z]+(?:-[a-z]+)?)\s+(?:of\s+(?:the\s+|its\s+)?\d+\s+)?(?:NATO\s+|other\s+|European\s+)?"
    r"(?:allies|members|member states|member countries|member nations|nations|countries)\b",
    re.IGNORECASE,
)


def _count_by_passive(r: _Percent) -> bool:
    """A count of allies after a target said in the passive ("the current 2% guideline, which currently
    isn't even met by eight Nato members out of 32"): a count at the target's value; negated or
    "missed", a count of the allies below it."""
    if not r.target_near:
        return False
    match = _PASSIVE_COUNT.match(r.text[r.end :])
    if match is None:
        return False
    offset = r.end + match.start("num")
    number = next((c for c in r.view.quantities if c.start == offset), None)
    if number is None or number.start in r.used or number.is_fraction or number.decimals:
        return False
    negated = bool(re.search(r"n't|\bnot\b", match.group("verb"), re.IGNORECASE))
    below = negated != (match.group("how").casefold() == "missed")
    r.claims.append(
        allies_meeting(r.view, number, r.end + match.start("verb"), r.end + match.end(), r.q.value, below=below)
    )
    pledge = pledges.pledge_value(r.view, r.q, r.end)
    if pledge is not None:
        r.claims.append(pledge)
    r.used.update({r.q.start, number.start})
    return True


def _country_at_target(r: _Percent) -> bool:
    """ "Germany hit the 2% target", "Turkey spent 1.5%, below NATO's guideline of 2%": a country
    meeting or missing a target (and the target's value); a future target is only a pledge value."""
    view, q, text, mention, clause = r.view, r.q, r.text, r.mention, r.clause
    if not (r.target_near and mention is not None and clause and len(clause) < 80 and not switches_subject(clause)):
        return False
    # "exceed the target of 3.5% of GDP by 2035": a deadline after "by" is the target's, not the figure's year
    later = [
        y
        for y, start, _ in view.years
        if r.end <= start <= r.end + 90
        and not re.search(r"\bby\s+(?:the\s+end\s+of\s+)?$", text[max(0, start - 20) : start])
    ]
    year = later[0] if later else (view.context.date.year if view.context.date else None)
    has_figure = year is not None and (
        facts.ally_figure(mention.iso3, year, "defence_exp_pct_gdp", view.context.edition) is not None
    )
    future = re.search(r"\b(?:will|won't|would|wouldn't|plans?|expects?|aims?|intends?)\b", clause)
    if future and not has_figure and not re.search(r"\bby\s+20\d\d\b", text[r.end : r.end + 60]):
        # a future target ("Spain will not meet the 3.5% target"): the target's value is checkable
        return r.add(pledges.pledge_value(view, q, r.end))
    threshold = "misses" if MISSES.search(clause) else "meets" if MEETS.search(clause) else None
    if threshold is None:
        return False
    chain = _listed_before(view, mention)
    if len(chain) > 1:
        # "Poland, Latvia and Lithuania achieved the 2% goal": every ally of the list meets it (each claim
        # quotes its ally's name, as a list after a count does)
        for named in chain:
            on_name = Quantity(
                q.value, None, 0, False, False, None, named.start, named.end, view.text[named.start : named.end]
            )
            r.claims.append(spending_pct(view, on_name, named.end, named.iso3, threshold=threshold))
    else:
        r.claims.append(spending_pct(view, q, r.end, mention.iso3, threshold=threshold))
    # "below NATO's guideline of 2%" also states the guideline's value
    if re.search(r"\b(?:NATO|alliance|allied)\b", text[max(0, q.start - 60) : r.end + 40]):
        pledge = pledges.pledge_value(view, q, r.end)
        if pledge is not None:
            r.claims.append(pledge)
    r.used.add(q.start)
    return True


def _pledge(r: _Percent) -> bool:
    """ "the 2% target", "allies agreed to 5% of GDP by 2035": a NATO pledge's value — unless it is
    someone's demand, or one ally's own plan with its own deadline (that ally's future figure)."""
    view, q, text, mention, clause = r.view, r.q, r.text, r.mention, r.clause
    if (
        not r.target_near
        and r.gdp_here
        and AGGREGATE_CUE.search(r.before[-60:])
        and _alliance_subject(view, q.start, mention, clause) == "NATO Total"
    ):
        return False  # "NATO's total defence spending now averages 2.71% of GDP, above the target": a total
    window = text[max(0, q.start - 70) : min(len(text), r.end + 80)]
    pledge_like = (
        r.target_near
        or (
            (PLEDGE_VERBS.search(text) or re.search(r"\bby\s+(?:the\s+end\s+of\s+)?20[2-4]\d\b", text))
            and ALLIANCE.search(text)
            and (mention is None or switches_subject(clause) or re.search(r"\bsummit\b", clause))
        )
        or bool(
            mention is None
            and view.context.about_nato
            and r.gdp_here
            and (PLEDGE_VERBS.search(text) or TARGET_WORDS.search(window))
        )
    )
    if not pledge_like:
        return False
    if DEMAND_VERBS.search(text[max(0, q.start - 80) : q.start]) and not r.target_near:
        return True
    national = mention is not None and clause and len(clause) < 80 and not switches_subject(clause)
    if national and mention is not None and re.match(r"[^.;]{0,60}?\bby\s+20\d\d\b", text[r.end :]):
        # one ally's own plan with its own deadline ("Germany has pledged 3.5% by 2029"): a
        # future figure of that ally, not a NATO pledge
        return r.add(spending_pct(view, q, r.end, mention.iso3))
    equipment = bool(
        re.search(r"\bequipment|procurement|major (?:new )?(?:weapons|systems)|investment\b", window, re.IGNORECASE)
    )
    claim = pledges.pledge_value(view, q, r.end, equipment=equipment)
    if claim is not None and _NO_PLEDGE.search(text[max(0, q.start - 60) : q.start]):
        claim = _negated(claim)
    return r.add(claim)


#: a pledge denied: "there is no NATO decision regarding a 5% threshold"
_NO_PLEDGE = re.compile(
    r"\b(?:no|never (?:a|any))\s+(?:NATO\s+|alliance\s+)?(?:decision|agreement|pledge|target|commitment|goal|"
    r"guideline)\s+(?:on|regarding|about|of|for|to|setting)\s+(?:a\s+|the\s+|any\s+)?$",
    re.IGNORECASE,
)


def _negated(claim: Claim) -> Claim:
    """The claim that NATO has no such pledge: true when no pledge has the value, false when one does."""
    flipped: Verdict
    if claim.verdict == "supported":
        flipped = "contradicted"
    elif claim.verdict == "contradicted":
        flipped = "supported"
    else:
        return claim
    return dataclasses.replace(claim, verdict=flipped, note=f"said not to be a NATO pledge; {claim.note}")


def _alliance_average(r: _Percent) -> bool:
    """ "NATO allies spent 2.71% of GDP on average", "Europe and Canada ... 2.02%": an aggregate."""
    scope = _alliance_subject(r.view, r.q.start, r.mention, r.clause)
    group_named = scope == "NATO Europe and Canada" and EUROPE_CANADA.search(r.before)
    if (
        scope
        and r.gdp_here
        and not AGGREGATE_CUE.search(r.text)
        and not scope.startswith(NO_AGGREGATE)
        and not group_named
    ):
        scope = None  # "members ... raised to 5% of GDP": no average named, not the alliance's figure
    if not (scope and r.gdp_here):
        return False
    return r.add(alliance_figure(r.view, r.q, r.end, scope, "defence_exp_pct_gdp", "% of GDP"))


def _country_figure(r: _Percent) -> None:
    """Otherwise: the spending of the country (or countries, a list or a group) named before it."""
    if not r.gdp_here:
        return
    subjects = _subject_countries(r.view, r.q.start)
    # "contribute the required 2 percent", "meet the 2%": a target's value after "the" is a threshold
    # the allies meet (or miss), not their figure
    threshold = None
    if _THE_TARGET_BEFORE.search(r.before[-30:]) and r.q.value in facts.pledge_targets():
        threshold = "misses" if MISSES.search(r.before[-60:]) else "meets"
    for iso3 in subjects:
        r.claims.append(spending_pct(r.view, r.q, r.end, iso3, threshold=threshold))
    if subjects:
        r.used.add(r.q.start)


def _money_claims(view: SentenceView, q: Quantity, used: set[int], claims: list[Claim], defence: bool) -> None:
    """An amount of money: a country's spending in US$ (euros and pounds: not checkable) or an alliance total."""
    text = view.text
    after = text[q.end :]
    dollars = q.currency == "USD" or re.match(r"^\s?(?:US\s)?dollars\b", after)
    euros = q.currency in ("EUR", "GBP") or re.match(r"^\s?(?:euros?|pounds)\b", after)
    spend_verb = re.search(r"\b(?:spen[dt]\w*|budget\w*|expenditure|outlays?)\b", text, re.IGNORECASE)
    if not (dollars or euros) or q.value < 1e6 or not (defence or (view.context.about_nato and spend_verb)):
        return
    if not re.search(r"\b(?:spen[dt]\w*|budget\w*|expenditure|outlays?|invest\w*|allocat\w*)\b", text, re.IGNORECASE):
        return
    if CHANGE_BEFORE.search(text[max(0, q.start - 30) : q.start]):
        return
    if (
        CUMULATIVE_AFTER.match(after)
        or CUMULATIVE_BEFORE.search(text[max(0, q.start - 60) : q.start])
        or MONEY_CHANGE.search(text[max(0, q.start - 90) : q.start])
    ):
        return  # "added $600 billion since 2014", "$510 billion more than in 2016": sums and changes
    word = re.match(r"^\s?(?:US\s)?dollars\b", after) or re.match(r"^\s?(?:euros?|pounds)\b", after)
    end = q.end + (word.end() if word else 0)
    if euros:
        iso3 = _subject_country(view, q.start)
        claims.append(
            view.claim(
                kind="spending_money",
                start=q.start,
                end=end,
                value=q.value,
                qualifier=q.qualifier,
                unit=q.currency or ("GBP" if re.match(r"^\s?pounds", after) else "EUR"),
                country=iso3,
                verdict="not checkable",
                note="natosim holds defence spending in US$ only (and SIPRI's in US$); no sourced conversion "
                "from euros or pounds, so the amount is not compared",
            )
        )
        used.add(q.start)
        return
    mention = view.country_near(q.start)
    clause = text[mention.end : q.start] if mention is not None and mention.end <= q.start else ""
    scope = _alliance_subject(view, q.start, mention, clause)
    if scope:
        claims.append(alliance_figure(view, q, end, scope, "defence_exp_usd_current_mn", "US$ current"))
        used.add(q.start)
        return
    iso3 = _subject_country(view, q.start)
    if iso3 is not None:
        claims.append(spending_money(view, q, end, iso3))
        used.add(q.start)


def _shares_in_words(view: SentenceView, used: set[int], claims: list[Claim], defence: bool) -> None:
    """Shares in words ("two-thirds of NATO's defence spending"), "more than all the other allies
    combined" and "a disproportionate share"."""
    text = view.text
    for q in view.quantities:
        if q.start in used or not q.is_fraction:
            continue
        tail = text[q.end : q.end + 90]
        of_that = SHARE_OF_THAT.match(tail) and ALLIANCE_TOTAL.search(text[: q.start])
        if OTHER_SHARE.search(tail[:60]):
            continue
        if (SHARE_OF.match(tail.lstrip("\"'")) or of_that) and (defence or COSTS.search(text)):
            iso3 = _subject_country(view, q.start)
            if iso3 in (None, "CAN") and EUROPE_CANADA.search(text[: q.start]):
                iso3 = "EUC"
            if iso3 in ("USA", "EUC"):
                claims.append(alliance_share(view, q, q.start, q.end, iso3))
                used.add(q.start)
    for match in SHARE_IN_WORDS.finditer(text):
        tail = text[match.end() : match.end() + 90]
        if OTHER_SHARE.search(tail[:60]) or not SHARE_OF.match(tail.lstrip("\"'")):
            continue
        if not (defence or COSTS.search(text) or re.search(r"\bpa(?:y|ys|id|ying)\b", text, re.IGNORECASE)):
            continue
        if _subject_country(view, match.start()) == "USA":
            claims.append(share_in_words(view, match))
    for match in MORE_THAN_THE_REST.finditer(text):
        mention = view.country_near(match.start(), window=150) or view.context.last_country
        if mention is not None and mention.iso3 == "USA" and (view.context.about_nato or ALLIANCE.search(text)):
            claims.append(more_than_the_rest(view, match))
    for match in re.finditer(
        r"\bdisproportionate(?:ly)?\b(?:\s+(?:share|burden|amount|part|portion|load))?", text, re.IGNORECASE
    ):
        if not defence and not re.search(r"\b(?:burden|costs?|bill|contributions?|share)\b", text, re.IGNORECASE):
            continue
        if not (view.context.about_nato or ALLIANCE.search(text)):
            continue
        mention = view.country_near(match.start(), window=200)
        iso3 = mention.iso3 if mention is not None else None
        if EUROPE_CANADA.search(text[: match.start()]) and (
            mention is None or EUROPE_CANADA.search(text[mention.end : match.start()])
        ):
            iso3 = "EUC"
        if iso3 in ("USA", "EUC"):
            claims.append(alliance_share(view, None, match.start(), match.end(), iso3, qualitative=True))
