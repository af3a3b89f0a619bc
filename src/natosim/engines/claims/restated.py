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

import re

from natosim.engines.claims import facts, spending
from natosim.engines.claims.context import SentenceView
from natosim.engines.claims.model import Claim

#: "(nearly) the entire NATO budget", "virtually the whole cost of the alliance", "almost the full bill
#: for NATO", "the entirety of NATO's costs": the whole of what NATO costs, said of one payer. "almost",
#: "nearly", "virtually", "practically", "just about" make it a bound of 90% (as ``spending.SHARE_WORDS``
#: reads "almost all"); without them the whole (97.5%, a fraction's tolerance below 100).
WHOLE_OF_NATO = re.compile(
    r"\b(?P<almost>(?:almost|nearly|virtually|practically|just about|essentially)\s+)?"
    r"(?:the\s+)?(?:entire(?:ty of)?|whole|full)\s+"
    r"(?:(?:NATO|alliance|North Atlantic alliance)(?:'s|’s)?\s+(?:budget|bill|tab|costs?)|"
    r"(?:budget|bill|tab|costs?|expenses?)\s+(?:of|for)\s+(?:the\s+)?(?:NATO|alliance|North Atlantic alliance)|"
    r"(?:of\s+)?NATO(?:'s|’s)?\s+(?:budget|bill|tab|costs?|expenses?))\b",
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


def find(view: SentenceView, used: set[int]) -> list[Claim]:
    """Shares of the whole of NATO's cost said in words, of the United States."""
    claims: list[Claim] = []
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
