"""Accession, withdrawal and Article 5 step by step: who acts, which vote, which notice, which source."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from natosim.api.errors import ERROR_RESPONSES
from natosim.jsonable import jsonable
from natosim.rules.procedures import accession as library_accession
from natosim.rules.procedures import article5 as library_article5
from natosim.rules.procedures import withdrawal as library_withdrawal

router = APIRouter(tags=["procedures"], responses=ERROR_RESPONSES)

Country = Annotated[str, Query(description="Country name or ISO code", examples=["USA"], max_length=80)]
OptionalDate = Annotated[
    str | None, Query(description="ISO date YYYY-MM-DD (default: today)", examples=["2026-03-01"], max_length=30)
]


@router.get(
    "/withdrawal",
    response_model=dict[str, Any],
    summary="How an ally can leave (Art. 13 and national law)",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "country": "USA",
                        "path": "executive",
                        "lawful": False,
                        "outcome": "contested",
                        "effective_date": None,
                        "lawful_paths": ["senate", "act-of-congress"],
                        "steps": [],
                    }
                }
            }
        }
    },
)
def withdrawal(
    country: Country,
    path: Annotated[
        str | None,
        Query(description="executive, senate, act-of-congress or national", examples=["senate"], max_length=40),
    ] = None,
    notice_date: OptionalDate = None,
) -> dict[str, Any]:

    return jsonable(library_withdrawal(country, path=path, notice_date=notice_date))


@router.get("/accession", response_model=dict[str, Any], summary="How a country joins (Art. 10), veto players")
def accession(
    country: Annotated[
        str, Query(description="Candidate country, name or ISO code", examples=["Ukraine"], max_length=80)
    ],
    invited: OptionalDate = None,
    veto: Annotated[
        list[str] | None, Query(description="Allies refusing to ratify; repeatable", examples=["HUN"], max_length=40)
    ] = None,
) -> dict[str, Any]:

    return jsonable(library_accession(country, invited=invited, vetoes=veto or ()))


@router.get(
    "/article5", response_model=dict[str, Any], summary="What Article 5 commits the allies to if a target is attacked"
)
def article5(
    target: Annotated[str, Query(description="Attacked country, name or ISO code", examples=["EST"], max_length=80)],
    date: OptionalDate = None,
) -> dict[str, Any]:

    return jsonable(library_article5(target, date=date))
