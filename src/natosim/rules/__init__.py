"""Rules as code: the North Atlantic Treaty, the spending pledges, national law, and the procedures
in and out of the alliance, as dated, sourced YAML parameters (``rules/parameters/*.yaml``).

    import natosim.rules as rules
    rules.at("2025-07-01").pledge("hague-2025-total").target_pct_gdp   # 5.0
    rules.treaty().articles[13].rule["effective"]                       # 'notice_date_plus_1_year'
    rules.procedures.withdrawal("USA", path="executive").lawful          # False (§1250A)

Facts were copied from the facts files in ``../shared/data`` (treaty.yaml, commitments.yaml,
legal_constraints.yaml, aspirants.csv) with their sources and confidence labels. See docs/rules.md.
"""

from __future__ import annotations

import pandas as pd

from natosim.dates import parse_date
from natosim.deprecation import renamed
from natosim.rules.errors import InvalidDate, ProcedureError, RulesError, UnknownPledge
from natosim.rules.in_force import RulesInForce, at, unknown_pledge
from natosim.rules.loader import (
    PARAMETERS,
    RULES_DIR_VARIABLE,
    clear_rules_cache,
    load_accession,
    load_conflicts,
    load_eligibility,
    load_events,
    load_invocations,
    load_national_law,
    load_pledges,
    load_treaty,
    rules_dir,
)
from natosim.rules.models import (
    AccessionRules,
    Article,
    Article10Eligibility,
    Conflicts,
    Events,
    Invocation,
    Invocations,
    NationalLaw,
    Pledge,
    Treaty,
    UsWithdrawalLaw,
)


def pledges() -> list[Pledge]:
    """Every pledge natosim knows, oldest first (in force or not)."""
    return list(load_pledges())


def pledge(pledge_id: str) -> Pledge:
    """The pledge with this id; ``UnknownPledge`` (naming the valid ids) if there is none."""
    for item in load_pledges():
        if item.id == pledge_id:
            return item
    raise unknown_pledge(str(pledge_id), [item.id for item in load_pledges()])


def treaty() -> Treaty:
    """The North Atlantic Treaty with its 14 articles as machine-readable rules (undated view)."""
    return load_treaty()


def invocations() -> Invocations:
    """Art. 5 (once, 12 Sept 2001) and every Art. 4 request (nine to Sept 2025)."""
    return load_invocations()


def us_withdrawal_law() -> UsWithdrawalLaw:
    """US FY2024 NDAA §1250A (22 U.S.C. 1928f): Senate two-thirds of those present, or an Act of Congress."""
    return load_national_law().us_withdrawal_law


def national_law() -> NationalLaw:
    """US withdrawal law, the withdrawal paths per ally, and national ratification procedures."""
    return load_national_law()


def accession_rules() -> AccessionRules:
    """The accession steps (Art. 10 and practice) and the historic ratification timelines."""
    return load_accession()


def ratification_history() -> pd.DataFrame:
    """One row per past enlargement: invitees, protocol signature, last ratifying ally (where known),
    last ratification, accession (deposit) and the calendar days from signature to accession."""
    rows = [
        {
            "invitees": ",".join(item.invitees),
            "protocol_signed": item.protocol_signed,
            "last_ratifying_ally": item.last_ratifying_ally,
            "last_ratification_date": item.last_ratification_date,
            "accession_date": item.accession_date,
            "days_elapsed": item.days_elapsed,
            "days_to_last_ratification": (
                (item.last_ratification_date - item.protocol_signed).days if item.last_ratification_date else None
            ),
            "confidence": item.confidence,
            "source": item.source,
        }
        for item in load_accession().timelines
    ]
    table = pd.DataFrame(rows)
    table["days_to_last_ratification"] = table["days_to_last_ratification"].astype("Int64")
    return table


def events() -> Events:
    """Summits and events with their dates (parameters/events.yaml): ``events().summit("Bucharest")``,
    ``events().event("russia-full-scale-invasion-of-ukraine").date``."""
    return load_events()


def conflicts() -> Conflicts:
    """Conflicts and occupations bearing on an accession, and the open Article 5 question."""
    return load_conflicts()


def article10_eligibility() -> Article10Eligibility:
    """Art. 10's "any other European State" as data (parameters/article10_eligibility.yaml)."""
    return load_eligibility()


def aspirants() -> pd.DataFrame:
    """Aspirant countries (UKR, GEO, BIH; XKX flagged as not recognised), with sources and the
    facts marked uncertain, from ``parameters/aspirants.csv`` (a copy of ../shared/data/aspirants.csv)."""
    table = pd.read_csv(rules_dir() / "aspirants.csv", dtype=str, keep_default_na=False)
    table["recognised_by_nato_as_aspirant"] = table["recognised_by_nato_as_aspirant"].str.lower() == "true"
    return table.replace({"": None})


__all__ = [
    "PARAMETERS",
    "RULES_DIR_VARIABLE",
    "AccessionRules",
    "Article",
    "InvalidDate",
    "Invocation",
    "Invocations",
    "NationalLaw",
    "Pledge",
    "ProcedureError",
    "RulesError",
    "RulesInForce",
    "Treaty",
    "UnknownPledge",
    "UsWithdrawalLaw",
    "accession_rules",
    "article10_eligibility",
    "aspirants",
    "at",
    "clear_rules_cache",
    "conflicts",
    "events",
    "invocations",
    "national_law",
    "parse_date",
    "pledge",
    "pledges",
    "ratification_history",
    "rules_dir",
    "treaty",
    "us_withdrawal_law",
]


__getattr__ = renamed(
    __name__, {"clear_cache": (clear_rules_cache, "use clear_rules_cache() (natosim.data.clear_cache clears the data)")}
)
