"""Pledge values: "the 2% target", "5% of GDP by 2035", "3.5% on core defence", "20% on equipment",
"the target agreed in Wales in 2014". Checked against ``natosim.rules.pledges()``: the value must be
a pledge's target, and a stated deadline ("by 2035") or adoption year ("agreed in 2014", "the 2023
Vilnius summit") must match that pledge's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from natosim.engines.claims import facts
from natosim.engines.claims.context import SentenceView
from natosim.engines.claims.groups import last_group
from natosim.engines.claims.model import Claim, Evidence
from natosim.engines.claims.numbers import Quantity

if TYPE_CHECKING:
    from natosim.rules.models import Pledge

#: The nouns that name a target, in one place (abstain, counts, evidence and spending read them from
#: here): "the 2% target", "NATO's guideline", "the 2 percent mark", "the bar", "their commitment",
#: "the NATO stipulation", "a minimum of 2%" (a floor the allies must reach).
#: Each noun may take a plural "s"; ``TARGET_NOUN`` is a regex fragment (no word boundaries).
TARGET_NOUN = (
    r"(?:target|goal|guideline|benchmark|threshold|pledge|commitment|objective|floor|bar|mark|requirement|"
    r"obligation|yardstick|quota|norm|stipulation|minimum|standard)s?"
)

#: Summit and forum names as news writes them → words found in a pledge's ``forum``.
FORUMS: dict[str, str] = {
    "wales": "Wales",
    "newport": "Wales",
    "vilnius": "Vilnius",
    "hague": "Hague",
    "riga": "Riga",
    "defence ministers": "Defence Ministers",
    "defense ministers": "Defence Ministers",
}
DEADLINE = re.compile(
    r"\b(?:by|until|before|no later than|within)\s+(?:the\s+end\s+of\s+)?(20[2-4]\d)\b"
    r"|\bwithin\s+(?:a|one)\s+decade\b",
    re.IGNORECASE,
)


#: "for the first time since 1991", "the highest since 1990": a record, not the pledge's year
_RECORD_SINCE = re.compile(
    r"\b(?:first|time|highest|lowest|most|least|biggest|largest|best|worst|level)\s+(?:\w+\s+)?since\s+$",
    re.IGNORECASE,
)
_ADOPTED = re.compile(
    r"\b(?:agreed|agreeing|agree to|adopted|adopting|set|pledged|pledging|endorsed|committed|made|introduced|"
    r"summit|since|decided|struck|reached)\b(?![^,;]{0,40}\b(?:invasion|war|attack|annexation|election|crisis)\b)",
    re.IGNORECASE,
)


#: a summit adopting a pledge ("agreed", "set", "adopted" ...) and one keeping or restating an earlier one
_MADE = re.compile(
    r"\b(?:agree\w*|adopt\w*|set|sets|setting|made|make|decid\w*|introduc\w*|pledg\w*|commit\w*|announc\w*|"
    r"unveil\w*|establish\w*|launch\w*|struck|endors\w*|new)\b",
    re.IGNORECASE,
)
_KEPT = re.compile(
    r"\b(?:kept|keep\w*|retain\w*|maintain\w*|reaffirm\w*|confirm\w*|renew\w*|restat\w*|stick\w*|stuck|"
    r"remain\w*|still|existing|previous|former|old)\b",
    re.IGNORECASE,
)


def _describe(pledge: Pledge) -> str:
    target = pledge.target
    what = "of defence spending on major equipment" if pledge.measure == "equipment_pct" else "of GDP"
    deadline = f", by {pledge.deadline.year}" if pledge.deadline else ""
    precision = getattr(pledge, "adopted_precision", "day")
    adopted = {"year": str(pledge.adopted.year), "month": pledge.adopted.strftime("%Y-%m")}.get(
        precision, pledge.adopted.isoformat()
    )
    return f"{pledge.id}: {target:g}% {what}{deadline}, adopted {adopted} ({pledge.forum})"


def _own_deadline(view: SentenceView, position: int) -> bool:
    """Is an ally the subject of a plan to reach the target ("Canada expects to reach its NATO commitment",
    "Canada is on a clear path to reaching NATO's target ... by 2032")?"""
    owner = [m.end for m in view.countries if m.end <= position and facts.is_ally(m.iso3)]
    # a group of allies is an owner too ("The Baltic states will reach NATO's 5% target by 2030")
    group = last_group(view.text[:position], per_ally=True)
    if group is not None:
        owner.append(group[1].end())
    return bool(owner) and bool(
        re.search(
            r"\b(?:expect\w*|plans?|planned|path|on track|aims?|intends?|will|reach\w*|hit|meet)\b",
            view.text[max(owner) : position],
            re.IGNORECASE,
        )
    )


def split_parts() -> dict[str, str]:
    """The latest pledge split by what the money is for, as ids: "related" (defence- and security-related
    spending), "core" (core defence, adopted with it) and "total" (their sum), read from the rules so no
    pledge id is written here. Empty when no pledge has a related part."""
    known = facts.rules().pledges()
    related = [p for p in known if p.measure.startswith("defence_and_security_related")]
    if not related:
        return {}
    part = max(related, key=lambda p: p.adopted)
    same = sorted(
        (p for p in known if p.adopted == part.adopted and p.id != part.id and p.target_pct_gdp is not None),
        key=lambda p: p.target_pct_gdp or 0.0,
    )
    ids = {"related": part.id}
    if same:
        ids["core"] = same[0].id
    if len(same) > 1:
        ids["total"] = same[-1].id
    return ids


_PERCENT_AFTER = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)


def _owned_by_another_figure(view: SentenceView, q: Quantity, year_at: int) -> bool:
    """Is another percentage written between this value and a year or a summit's name? A year or a
    forum dates the figure next to it: in "5% of GDP by 2035, up from the previous 2% target set in 2014", 2014
    is the 2% target's year, not the 5% pledge's; in "at Wales allies set 2%, and at The Hague 5%", Wales
    is the 2%'s forum, not the 5%'s."""
    low, high = sorted((q.start, year_at))
    for other in view.quantities:
        if other.start == q.start or not low < other.start < high or not _PERCENT_AFTER.match(view.text[other.end :]):
            continue
        # figures joined in one list share its year and forum ("goals for 2032 of 3.5% for defence and
        # 1.5% for infrastructure"): only a figure in another phrase owns them
        joined = view.text[min(q.end, other.end) : max(q.start, other.start)]
        if not re.fullmatch(r"[^,;:()]*\b(?:and|or|plus)\b[^,;:()]*", joined, re.IGNORECASE):
            return True
    return False


_WRONG_DEADLINE = "deadline "
#: "within a decade" of the pledge: a deadline about ten years after its adoption (Wales 2014 → 2024)
_DECADE = 10


def pledge_value(view: SentenceView, q: Quantity, end: int, *, equipment: bool = False) -> Claim | None:
    """Verify a pledge value (and any deadline/adoption year/forum stated with it). A wrong deadline makes
    the claim span the value and the deadline ("3.5% of GDP ... by 2032"): what is false is said by both."""
    try:
        known = facts.rules().pledges()
    except Exception as error:  # rules unavailable: say so instead of guessing
        return view.claim(
            kind="pledge_value",
            start=q.start,
            end=end,
            value=q.value,
            verdict="not checkable",
            unit="% of GDP",
            note=f"natosim.rules unavailable: {error}",
        )
    text = view.text
    unit = "% of defence spending on equipment" if equipment and q.value >= 10 else "% of GDP"
    if unit == "% of GDP" and q.value > 10:
        return None  # "seventy percent already on track": a share of allies, never a target of GDP
    if unit.startswith("% of GDP"):
        matching = [p for p in known if p.target_pct_gdp is not None and abs(p.target_pct_gdp - q.value) < 1e-9]
    else:
        matching = [
            p
            for p in known
            if p.equipment_share_pct is not None
            and abs(p.equipment_share_pct - q.value) < 1e-9
            and p.measure == "equipment_pct"
        ]
    if q.value == 5 and matching:
        matching = [p for p in matching if p.id.endswith("total")] or matching
    common: dict[str, Any] = {
        "kind": "pledge_value",
        "start": q.start,
        "end": end,
        "value": q.value,
        "unit": unit,
        "qualifier": q.qualifier,
    }
    values = sorted(
        {
            p.target
            for p in known
            if p.target is not None and (p.measure == "equipment_pct") == unit.startswith("% of defence")
        }
    )
    if not matching:
        evidence = [Evidence(_describe(p), p.source, p.target, rule=p.id) for p in known if p.target is not None]
        return view.claim(
            **common,
            verdict="contradicted",
            expected=", ".join(f"{v:g}%" for v in values),
            evidence=evidence,
            note=f"no NATO pledge of {q.value:g}% ({unit}); pledges are " + ", ".join(f"{v:g}%" for v in values),
        )
    # a deadline stated near the value ("by 2035")
    following = [other.start for other in view.quantities if other.start > q.start]
    near = text[q.start : min(len(text), end + 90, *(following or [len(text)]))]
    deadline = DEADLINE.search(near)
    years_said = [y for y, _, _ in view.years]
    evidence = [Evidence(_describe(p), p.source, p.target, rule=p.id) for p in matching]
    subject = matching[-1].id
    if deadline:
        if deadline.group(1) is None:
            # "to be reached within a decade": about ten years after the pledge was adopted, whatever year
            hits = [
                p for p in matching if p.deadline is not None and abs(p.deadline.year - p.adopted.year - _DECADE) <= 1
            ]
            wanted = hits[-1].deadline.year if hits and hits[-1].deadline else _DECADE
        else:
            wanted = int(deadline.group(1))
            hits = [p for p in matching if p.deadline is not None and p.deadline.year == wanted]
        if (
            not hits
            and not any(p.deadline for p in matching)
            and deadline.group(1)
            and deadline.group(0).startswith("in")
        ):
            hits = [p for p in matching if p.adopted.year == wanted]
        between = near[len(text[q.start : end]) : deadline.start()]
        if not hits and re.search(r"\b(?:plans?|planned|aims?|intends?|expects?|promis\w*|vow\w*)\b", between, re.I):
            # "eight countries would meet the 2 percent target this year and a majority put forward plans to do
            # so by 2020": the deadline of someone's plan, not the pledge's
            hits, deadline = matching, None
        if not hits and re.search(
            r"\b(?:expected|projected|forecast|likely|set|on track|on course|due)\s+to\s+(?:\w+\s+){0,2}?"
            r"(?:meet|reach|hit|achieve|exceed|spend)\w*\s+(?:the\s+)?(?:\w+\s+)?$",
            text[max(0, q.start - 60) : q.start],
            re.IGNORECASE,
        ):
            # "all allies are expected to meet the 2% baseline by the end of 2025": a forecast of when the
            # allies meet it, not the pledge's deadline
            hits, deadline = matching, None
        if not hits and _own_deadline(view, q.start):
            # "Canada expects to reach its NATO commitment to spend 2% by 2032": the ally's own date
            hits, deadline = matching, None
        if not hits and deadline is not None:
            expected = ", ".join(sorted({str(p.deadline.year) for p in matching if p.deadline})) or "no deadline"
            said = "within a decade of its adoption" if deadline.group(1) is None else str(wanted)
            return view.claim(
                **{**common, "end": q.start + deadline.end()},
                subject=subject,
                year=wanted if deadline.group(1) else None,
                verdict="contradicted",
                expected=expected,
                evidence=evidence,
                note=f"{_WRONG_DEADLINE}{said} is not that of any {q.value:g}% pledge",
            )
        years_said = [y for y in years_said if y != wanted]
        subject = hits[-1].id
        matching = hits
    # "a new 5% goal agreed at The Hague, up from the previous 2% target": an earlier pledge named beside
    # the new one is not dated by the summit or the year that date the new one
    earlier = re.search(
        r"\b(?:previous|former|old|older|earlier|prior|original|existing|longstanding|long-standing)\s+"
        r"(?:\w+\s+)?$",
        text[max(0, q.start - 30) : q.start],
        re.IGNORECASE,
    )
    if earlier:
        return view.claim(
            **common,
            subject=subject,
            verdict="supported",
            expected=q.value,
            evidence=evidence,
            note=f"an earlier NATO pledge named beside a newer one: {', '.join(p.id for p in matching)}",
        )
    forum = next(
        (
            name
            for key, name in FORUMS.items()
            for named in re.finditer(rf"\b{key}\b", text, re.IGNORECASE)
            if not _owned_by_another_figure(view, q, named.start())
        ),
        None,
    )
    if forum:
        hits = [p for p in matching if forum.casefold() in p.forum.casefold()]
        if not hits and (_KEPT.search(text) or not _MADE.search(text)):
            # "The Hague declaration kept the 2% floor in place", "at Vilnius allies reaffirmed 2%": a
            # summit can keep or restate an earlier pledge, which is no claim that it adopted one
            return view.claim(
                **common,
                subject=subject,
                verdict="not checkable",
                expected="; ".join(f"{p.id} ({p.forum})" for p in matching),
                evidence=evidence,
                note=f"the {forum} summit is named, but not as adopting the {q.value:g}% pledge (it may have "
                "kept or restated an earlier one)",
            )
        if not hits:
            return view.claim(
                **common,
                subject=subject,
                verdict="contradicted",
                expected="; ".join(f"{p.id} ({p.forum})" for p in matching),
                evidence=evidence,
                note=f"no {q.value:g}% pledge was made at {forum}",
            )
        matching = hits
        subject = hits[-1].id
    adoption = [
        y
        for y, start, stop in view.years
        if y in years_said
        and 1990 <= y <= 2040
        and not _owned_by_another_figure(view, q, start)
        and not _RECORD_SINCE.search(text[max(0, start - 40) : start])
        # a deadline ("5% by 2035, of which 3.5%...") is not the year a pledge was adopted
        and not re.search(
            r"\b(?:by|until|before|no later than)\s+(?:the end of\s+)?$", text[max(0, start - 25) : start]
        )
        and (
            _ADOPTED.search(text[max(0, start - 50) : start])
            or re.match(r"\W*(?:\w+\W+)?summit", text[stop : stop + 25], re.I)
        )
    ]
    if adoption:
        year = min(adoption, key=lambda y: abs(text.find(str(y)) - q.start))
        hits = [p for p in matching if p.adopted.year == year]
        if not hits:
            expected = ", ".join(sorted({str(p.adopted.year) for p in matching}))
            return view.claim(
                **common,
                subject=subject,
                year=year,
                verdict="contradicted",
                expected=expected,
                evidence=evidence,
                note=f"no {q.value:g}% pledge was adopted in {year}",
            )
        subject = hits[-1].id
    return view.claim(
        **common,
        subject=subject,
        verdict="supported",
        expected=q.value,
        evidence=evidence,
        note=f"NATO pledge{'s' if len(matching) > 1 else ''}: {', '.join(p.id for p in matching)}",
    )
