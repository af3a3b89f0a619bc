"""Burden sharing: the Olson–Zeckhauser free-rider test, burden shares, and the spending game."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from natosim.api.errors import ERROR_RESPONSES, FieldError, renamed
from natosim.api.routers.data import Table, table
from natosim.data import figures
from natosim.engines.burden import (
    baseline_game,
    benefit_burden_test,
    burden_share_table,
    conditional_guarantee,
    estimate_spending_model,
    exclusion_equilibrium,
    exclusion_sweep,
    free_rider_test,
    guarantor_leaves,
    parse_years,
    replace_us,
    us_exit,
    validate_spending_model,
)
from natosim.engines.burden.free_riding import available_years
from natosim.engines.burden.replace_us import bundled_sets
from natosim.errors import NatosimError
from natosim.jsonable import jsonable

router = APIRouter(tags=["burden"], responses=ERROR_RESPONSES)


@contextmanager
def years_field() -> Iterator[None]:
    """The library names the field ``year``; this route's parameter is ``years``."""

    try:
        yield
    except NatosimError as error:
        if error.field == "year":
            raise renamed(error, "years") from None
        raise


Years = Annotated[
    str, Query(description='Years: "all", "2024", "2014..2024" or "2014,2019,2024"', examples=["all"], max_length=200)
]
Edition = Annotated[
    str | None, Query(description="Pin one NATO edition (YYYY-MM, e.g. the June 2024 edition)", max_length=20)
]
BaseYear = Annotated[int, Query(description="Year the game is calibrated to (needs GDP: 2014–2024)", examples=[2024])]
Threshold = Annotated[float, Query(description="Spending threshold of the guarantee, % of GDP", examples=[2.0])]
PrivateShare = Annotated[
    float, Query(description="Share of defence spending that is a private good (0–1)", examples=[0.0])
]


@router.get(
    "/test",
    response_model=dict[str, Any],
    summary="Olson & Zeckhauser (1966) free-rider rank test",
    description="Per year: Spearman's rho between GDP and defence burden (% of GDP); positive and "
    "significant means the big allies carry a larger share. `points` are the allies behind it.",
)
def free_rider(years: Years = "all", edition: Edition = None) -> dict[str, Any]:

    with years_field():
        result = free_rider_test(parse_years(years, available_years(edition)), edition=edition)
    return jsonable({**result.to_dict(), "points": result.points})


@router.get(
    "/benefits",
    response_model=dict[str, Any],
    summary="Benefit–burden test: spending shares vs shares of GDP, population and exposed border",
)
def benefits(years: Years = "all", edition: Edition = None) -> dict[str, Any]:

    with years_field():
        result = benefit_burden_test(parse_years(years, available_years(edition)), edition=edition)
    return jsonable(result.to_dict())


@router.get(
    "/model",
    response_model=dict[str, Any],
    summary="Estimated spending model: coefficients with clustered standard errors (kind: estimate)",
)
def spending_model(edition: Edition = None) -> dict[str, Any]:

    return jsonable(estimate_spending_model(edition=edition).to_dict())


@router.get(
    "/validate",
    response_model=dict[str, Any],
    summary="Out-of-sample validation of the spending model against 'no change' (MAE, pp of GDP)",
)
def validate(
    cutoff: Annotated[list[int] | None, Query(description="Cut-off years; repeatable", max_length=20)] = None,
    edition: Edition = None,
) -> dict[str, Any]:

    return jsonable(validate_spending_model(cutoff or None, edition=edition).to_dict())


@router.get(
    "/counterfactual",
    response_model=dict[str, Any],
    summary="US exit or a conditional US guarantee on the estimated model, with ranges (kind: estimate|illustration)",
)
def counterfactual(
    scenario: Annotated[str, Query(description="us_exit or conditional_guarantee", max_length=40)] = "us_exit",
    threshold_pct: Threshold = 2.0,
    horizon: Annotated[int, Query(ge=1, le=30, description="Years after the last year with data")] = 5,
    edition: Edition = None,
) -> dict[str, Any]:

    if scenario not in ("us_exit", "conditional_guarantee"):
        raise FieldError(422, f"scenario {scenario!r}: expected us_exit or conditional_guarantee", field="scenario")
    result = (
        us_exit(horizon, edition=edition)
        if scenario == "us_exit"
        else conditional_guarantee(threshold_pct, horizon, edition=edition)
    )
    return jsonable(result.to_dict())


@router.get(
    "/replace-us",
    response_model=dict[str, Any],
    summary="Extra yearly spending to replace the US contribution to European defence, by sourced component",
)
def replace_us_route(
    assumptions: Annotated[
        str, Query(description="Bundled assumption set: bruegel_kiel_2025 or iiss_2025", max_length=40)
    ] = "bruegel_kiel_2025",
) -> dict[str, Any]:

    if assumptions not in bundled_sets():
        raise FieldError(
            422, f"assumptions {assumptions!r}: expected one of {', '.join(bundled_sets())}", field="assumptions"
        )
    return jsonable(replace_us(assumptions).to_dict())


@router.get("/shares", response_model=dict[str, Any], summary="Each ally's share of spending, GDP and people")
def shares(years: Years = "all", edition: Edition = None) -> dict[str, Any]:

    with years_field():
        available = sorted(int(y) for y in figures(edition=edition, members_only=True)["year"].unique())
        return jsonable(burden_share_table(parse_years(years, available), edition=edition).to_dict())


@router.get(
    "/game",
    response_model=dict[str, Any],
    summary="The spending game: what allies would spend if a guarantor protected only those above a threshold",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "summary": {"counterfactual": "exclusion", "guarantor": "USA", "threshold_pct": 2.0},
                        "table": [
                            {"iso3": "ESP", "observed_pct_gdp": 1.2825, "predicted_pct_gdp": 2.0, "complies": True}
                        ],
                    }
                }
            }
        }
    },
)
def game(
    base_year: BaseYear,
    guarantor: Annotated[str, Query(examples=["USA"], max_length=80)] = "USA",
    threshold_pct: Threshold = 2.0,
    private_share: PrivateShare = 0.0,
    edition: Edition = None,
) -> dict[str, Any]:

    result = exclusion_equilibrium(
        base_year, guarantor=guarantor, threshold_pct=threshold_pct, private_share=private_share, edition=edition
    )
    return jsonable(result.to_dict())


@router.get("/game/baseline", response_model=dict[str, Any], summary="The calibrated game with no change")
def baseline(
    base_year: BaseYear, private_share: PrivateShare = 0.0, threshold_pct: Threshold = 2.0, edition: Edition = None
) -> dict[str, Any]:

    result = baseline_game(base_year, private_share=private_share, edition=edition, threshold_pct=threshold_pct)
    return jsonable(result.to_dict())


@router.get("/game/leaves", response_model=dict[str, Any], summary="Allies quit; the others re-optimise")
def leaves(
    base_year: BaseYear,
    leaving: Annotated[list[str], Query(description="Allies leaving; repeatable", examples=["USA"], max_length=40)],
    private_share: PrivateShare = 0.0,
    edition: Edition = None,
) -> dict[str, Any]:

    return jsonable(
        guarantor_leaves(
            base_year,
            leaving,
            private_share=private_share,
            edition=edition,
        ).to_dict()
    )


@router.get(
    "/game/sweep",
    response_model=Table,
    summary="Exclusion equilibria over thresholds × private shares (bounded by max_sweep)",
)
def game_sweep(
    request: Request,
    base_year: BaseYear,
    threshold: Annotated[
        list[float], Query(description="Thresholds, % of GDP; repeatable", examples=[2.0], max_length=100)
    ],
    private_share: Annotated[
        list[float] | None, Query(description="Private shares; repeatable", max_length=100)
    ] = None,
    guarantor: Annotated[str, Query(max_length=80)] = "USA",
    edition: Edition = None,
) -> Table:
    import numpy as np

    shares = private_share or [0.0]
    limit = request.app.state.settings.max_sweep
    if len(threshold) * len(shares) > limit:
        raise FieldError(
            422,
            f"threshold × private_share: {len(threshold) * len(shares)} points; at most "
            f"{limit} (setting NATOSIM_API_MAX_SWEEP)",
            field="threshold",
        )
    grid_t, grid_s = np.meshgrid(np.asarray(threshold, dtype=float), np.asarray(shares, dtype=float), indexing="ij")
    return table(exclusion_sweep(base_year, grid_t.ravel(), grid_s.ravel(), guarantor=guarantor, edition=edition))
