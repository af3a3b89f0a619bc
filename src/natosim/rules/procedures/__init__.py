"""Procedures as step-by-step evaluations: accession, withdrawal, collective defence (Art. 5).

Each returns a typed, frozen result whose steps name the actor, the rule and its source, the
outcome (possible / blocked / contested) and the earliest date the step can take effect.
"""

from natosim.rules.procedures.accession import AccessionResult, Ratification, accession
from natosim.rules.procedures.article5 import Article5Result, article5
from natosim.rules.procedures.steps import Step
from natosim.rules.procedures.withdrawal import WithdrawalResult, withdrawal

__all__ = [
    "AccessionResult",
    "Article5Result",
    "Ratification",
    "Step",
    "WithdrawalResult",
    "accession",
    "article5",
    "withdrawal",
]
