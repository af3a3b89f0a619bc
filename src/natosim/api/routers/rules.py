"""The rules as code: what was in force on a date, the pledges, the treaty, invocations, national law."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query

from natosim.api.errors import ERROR_RESPONSES
from natosim.api.routers.data import Table, table
from natosim.jsonable import jsonable
from natosim.rules import aspirants as library_aspirants
from natosim.rules import at, ratification_history
from natosim.rules import invocations as library_invocations
from natosim.rules import pledge as library_pledge
from natosim.rules import pledges as library_pledges
from natosim.rules import treaty as library_treaty
from natosim.rules import us_withdrawal_law as library_law

router = APIRouter(tags=["rules"], responses=ERROR_RESPONSES)

PLEDGE_EXAMPLE = {
    "id": "hague-2025-total",
    "name": "The Hague 2025 — 5% of GDP by 2035 (3.5% core + up to 1.5% related)",
    "adopted": "2025-06-25",
    "forum": "The Hague Summit Declaration, Heads of State and Government",
    "target_pct_gdp": 5.0,
    "deadline": "2035-12-31",
    "review_year": 2029,
    "measure": "defence_exp_pct_gdp",
    "source": "https://www.firstpost.com/world/nato-pledges-5-gdp-defense-spending-by-2035-reaffirms-support-"
    "for-ukraine-13900463.html",
    "confidence": "high",
}


@router.get(
    "",
    response_model=dict[str, Any],
    summary="The rules in force on a date",
    description="Pledges adopted by then, the treaty articles as in force, the allies, the US "
    "withdrawal law if enacted, and the invocations of Art. 4 and 5 so far.",
)
def rules_at(
    date: Annotated[
        str | None, Query(description="ISO date YYYY-MM-DD (default: today)", examples=["2025-07-01"], max_length=30)
    ] = None,
) -> dict[str, Any]:

    return jsonable(at(date if date is not None else dt.date.today()))


@router.get(
    "/pledges",
    response_model=Table,
    summary="Every spending pledge, oldest first",
    responses={200: {"content": {"application/json": {"example": {"count": 1, "rows": [PLEDGE_EXAMPLE]}}}}},
)
def pledges() -> Table:

    rows = jsonable(library_pledges())
    return Table(count=len(rows), rows=rows)


@router.get(
    "/pledges/{pledge}",
    response_model=dict[str, Any],
    summary="One pledge by id",
    responses={200: {"content": {"application/json": {"example": PLEDGE_EXAMPLE}}}},
)
def pledge(pledge: str) -> dict[str, Any]:

    return jsonable(library_pledge(pledge))


@router.get("/treaty", response_model=dict[str, Any], summary="The North Atlantic Treaty, article by article")
def treaty() -> dict[str, Any]:

    return jsonable(library_treaty())


@router.get("/invocations", response_model=dict[str, Any], summary="Invocations of Article 5 and Article 4")
def invocations() -> dict[str, Any]:

    return jsonable(library_invocations())


@router.get("/us-withdrawal-law", response_model=dict[str, Any], summary="US law on leaving NATO (FY2024 NDAA §1250A)")
def us_withdrawal_law() -> dict[str, Any]:

    return jsonable(library_law())


@router.get("/ratifications", response_model=Table, summary="How long past enlargements took to ratify")
def ratifications() -> Table:

    return table(ratification_history())


@router.get("/aspirants", response_model=Table, summary="Countries aspiring to join, with sources")
def aspirants() -> Table:

    return table(library_aspirants())
