"""A figure attributed to another source's measure is not checkable against NATO's.

Why: natosim judges spending on NATO's definition of defence expenditure (and SIPRI's for the
non-allies it holds). The IISS (The Military Balance), SIPRI for an ally, Eurostat's COFOG, the
European Defence Agency, a national budget or a government's own figures count defence spending
differently — pensions, paramilitary forces, the fiscal year, the GDP series — by more than the
tolerances. A sentence that says where its figure comes from ("according to the IISS", "SIPRI
data show") tells the reader which measure it is, and that measure is not the one natosim holds:
the labelling guide (docs/claims-labelling.md, "another source's measure") calls such a figure
not checkable unless it is plainly impossible, which ``abstain._gross`` decides (a gap no
difference of definitions explains).
"""

from __future__ import annotations

import re

from natosim.engines.claims.model import Claim
from natosim.engines.claims.spending import SIPRI

#: kinds that are a figure of some measure of defence spending
SPENDING_KINDS = frozenset(
    {
        "spending_pct_gdp",
        "spending_money",
        "alliance_total",
        "alliance_share",
        "allies_meeting_target",
        "spending_rank",
        "spending_growth",
    }
)

#: institutes and statistics offices that publish their own measure of military spending
_INSTITUTES = re.compile(
    r"\b(?:IISS|International Institute for Strategic Studies|(?:The )?Military Balance|Eurostat|COFOG|"
    r"European Defen[cs]e Agency|World Bank|International Monetary Fund|IMF|Kiel Institute|Global ?Firepower|"
    r"Statista|Congressional Budget Office|CBO|OECD)\b"
)
_SIPRI = re.compile(r"\bSIPRI\b|Stockholm International Peace")
#: a government's own accounts named as the source ("according to the defence ministry", "budget figures")
_NATIONAL = re.compile(
    r"\baccording to (?:the |its |their |[A-Z][\w-]+(?:'s|’s) )?(?:national |federal |state |draft |latest )?"
    r"(?:government|budget|finance ministry|ministry of (?:finance|defen[cs]e)|defen[cs]e ministry|treasury|"
    r"Pentagon)\b|\b(?:government|ministry|national budget|budget|treasury) (?:figures|data|documents|estimates|"
    r"statistics)\b",
    re.IGNORECASE,
)


def other_source(claim: Claim) -> str | None:
    """The source other than NATO (or SIPRI for the non-allies natosim judges on it) the claim's
    sentence attributes its figure to, or None."""
    if claim.kind not in SPENDING_KINDS:
        return None
    text = claim.sentence
    found = _INSTITUTES.search(text) or _NATIONAL.search(text)
    if found is None and claim.country not in SIPRI:
        found = _SIPRI.search(text)
    return found.group(0) if found else None
