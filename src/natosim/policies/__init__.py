"""Policies: the what-ifs of the news, each a small typed object with ``apply(state) -> state``.

=========================  ==========================================================
``conditional-guarantee``  a guarantor defends only allies at or above a threshold
``withdrawal``             a member gives notice and leaves (if lawful, Art. 13)
``accession``              a country joins once every ally ratifies (Art. 10)
``security-guarantee``     providers guarantee a party outside Article 5
``spending-path``          allies on a linear path to a share of GDP (projected)
``pledge-change``          a pledge with another target or deadline
=========================  ==========================================================

``PolicySpec`` is the discriminated union a scenario file's ``policies:`` list is validated
against (the ``type:`` key picks the class).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from natosim.policies.base import Policy, PolicyError
from natosim.policies.guarantee import ConditionalGuarantee, SecurityGuarantee
from natosim.policies.membership import Accession, Withdrawal
from natosim.policies.spending import PledgeChange, SpendingPath

PolicySpec = Annotated[
    ConditionalGuarantee | Withdrawal | Accession | SecurityGuarantee | SpendingPath | PledgeChange,
    Field(discriminator="type"),
]

#: policy type -> class
POLICY_TYPES: dict[str, type[Policy]] = {
    cls.kind: cls
    for cls in (ConditionalGuarantee, Withdrawal, Accession, SecurityGuarantee, SpendingPath, PledgeChange)
}

__all__ = [
    "POLICY_TYPES",
    "Accession",
    "ConditionalGuarantee",
    "PledgeChange",
    "Policy",
    "PolicyError",
    "PolicySpec",
    "SecurityGuarantee",
    "SpendingPath",
    "Withdrawal",
]
