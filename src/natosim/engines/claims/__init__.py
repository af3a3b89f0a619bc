"""The claim checker: find what a news text says about NATO and verify it against natosim.

    import natosim
    result = natosim.check("The US spent 3.3% of its GDP on defence in 2023.")
    result.claims[0].verdict        # 'contradicted' (NATO, edition 2025-08: 3.10%)
    result.to_frame()               # one row per claim with evidence and sources

See docs/claims.md for the claim types, the tolerances and the corpus precision/recall.
"""

import warnings
from typing import Any

from natosim.engines.claims.check import check, parse_article_date
from natosim.engines.claims.kinds import KINDS, REGISTRY, ClaimKind
from natosim.engines.claims.model import VERDICTS, CheckResult, Claim, ClaimsInputError, Evidence

__all__ = [
    "KINDS",
    "REGISTRY",
    "VERDICTS",
    "CheckResult",
    "Claim",
    "ClaimKind",
    "ClaimsInputError",
    "Evidence",
    "check",
    "parse_article_date",
]


def __getattr__(name: str) -> Any:
    """Renamed names keep working for one release, with a warning naming the new one."""
    if name == "parse_date":
        warnings.warn(
            "natosim.engines.claims.parse_date is now parse_article_date (natosim.rules.parse_date parses rule dates)",
            FutureWarning,
            stacklevel=2,
        )
        return parse_article_date
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
