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

from typing import TYPE_CHECKING, Annotated, Union

from pydantic import Field

from natosim.policies.base import Policy, PolicyError
from natosim.policies.guarantee import ConditionalGuarantee, SecurityGuarantee
from natosim.policies.membership import Accession, Withdrawal
from natosim.policies.spending import PledgeChange, SpendingPath

#: the registry of policy kinds: adding one touches this tuple, its module, its section in
#: docs/scenarios.md and its test in tests/scenario/test_scenario_policies.py
POLICIES: tuple[type[Policy], ...] = (
    ConditionalGuarantee,
    Withdrawal,
    Accession,
    SecurityGuarantee,
    SpendingPath,
    PledgeChange,
)

#: policy type -> class
POLICY_TYPES: dict[str, type[Policy]] = {cls.kind: cls for cls in POLICIES}

if TYPE_CHECKING:
    PolicySpec = Policy
else:  # the scenario schema's discriminated union, built from the registry
    PolicySpec = Annotated[Union[POLICIES], Field(discriminator="type")]  # noqa: UP007

__all__ = [
    "POLICIES",
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
