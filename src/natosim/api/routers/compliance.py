"""Compliance of every ally with a pledge in a year: met or not, the gap in points and in dollars."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from natosim.api.errors import ERROR_RESPONSES
from natosim.data import editions as library_editions
from natosim.jsonable import jsonable
from natosim.metrics.compliance import compliance as library_compliance

router = APIRouter(tags=["compliance"], responses=ERROR_RESPONSES)


@router.get(
    "",
    response_model=dict[str, Any],
    summary="Who meets a pledge in a year, and by how much",
    description="`pledge` defaults to the headline pledge in force that year. Figures missing in "
    "the data give `met: null` and are listed under `summary.missing_figure`.",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "year": 2024,
                        "pledge": {"id": "wales-2014", "target_pct_gdp": 2.0},
                        "in_force": True,
                        "summary": {"allies": 32, "met": 18, "not_met": 13, "unknown": ["ISL"]},
                        "allies": [{"iso3": "POL", "value": 3.789, "target": 2.0, "met": True, "gap_pp": 0.0}],
                    }
                }
            }
        }
    },
)
def compliance(
    year: Annotated[int, Query(description="Year of the figures", examples=[2024])],
    pledge: Annotated[
        str | None, Query(description="Pledge id (see /api/rules/pledges)", examples=["wales-2014"], max_length=60)
    ] = None,
    edition: Annotated[
        str | None, Query(description="Pin one NATO edition (YYYY-MM)", examples=library_editions()[:1], max_length=20)
    ] = None,
    members_only: bool = True,
    as_of: Annotated[
        str | None,
        Query(
            description="Only the editions published by this date (YYYY-MM-DD) are in play; default today",
            max_length=10,
        ),
    ] = None,
) -> dict[str, Any]:

    result = library_compliance(year, pledge=pledge, edition=edition, members_only=members_only, as_of=as_of)
    return jsonable(result.to_dict())
