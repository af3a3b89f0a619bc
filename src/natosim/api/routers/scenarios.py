"""Scenarios: the bundled library, one scenario's definition, evaluation (bundled or posted), diff."""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field, model_validator

from natosim.api.cache import ResponseCache
from natosim.api.errors import ERROR_RESPONSES, not_found
from natosim.api.routers.data import Table, table
from natosim.data import load
from natosim.data.paths import ENV_VAR
from natosim.errors import NatosimError
from natosim.jsonable import jsonable
from natosim.scenario import ScenarioError, evaluate, library, load_all, load_scenario, parse
from natosim.scenario.loader import locate

router = APIRouter(tags=["scenarios"], responses=ERROR_RESPONSES)

EXAMPLE_YAML = """\
name: us-guarantee-3-5pct-example
title: The US defends only allies at 3.5% of GDP (an example posted to the API)
description: >-
  The US row of the guarantee matrix keeps only allies at or above The Hague's 3.5% core target.
sources:
  - title: The Hague Summit Declaration, 25 June 2025 (full text reproduced by Firstpost)
    url: https://www.firstpost.com/world/nato-pledges-5-gdp-defense-spending-by-2035-reaffirms-support-for-ukraine-13900463.html
    date: 2025-06-25
period: {start: 2025, end: 2025}
baseline_year: 2025
policies:
  - type: conditional-guarantee
    guarantor: USA
    min_pct_gdp: 3.5
"""


#: detail tables of a scenario result (natosim.scenario.Result.tables); the headline is always sent
DetailTable = Literal["allies", "coverage", "compliance", "compliance_summary", "paths"]
DETAIL_TABLES: tuple[str, ...] = ("allies", "coverage", "compliance", "compliance_summary", "paths")


class EvaluateRequest(BaseModel):
    """Exactly one of ``name`` (a bundled scenario), ``scenario`` (its JSON) or ``yaml`` (its YAML text)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"name": "us-conditional-guarantee-2pct"},
                {"name": "us-conditional-guarantee-2pct", "year": 2025},
                {"yaml": EXAMPLE_YAML},
            ]
        },
    )

    name: str | None = Field(None, max_length=120, description="A bundled scenario (see GET /api/scenarios)")
    scenario: dict[str, Any] | None = Field(None, description="A scenario as a JSON object (schema: docs/scenarios.md)")
    yaml: str | None = Field(None, description="A scenario as YAML text")
    year: int | None = Field(None, ge=1949, le=2100, description="Evaluate one year only (default: its period)")
    tables: list[DetailTable] | Literal["all"] = Field(
        default_factory=list,
        description="Detail tables to include besides the headline summary and diff "
        '(e.g. ["allies"] for the map), or "all"',
    )

    @model_validator(mode="after")
    def _exactly_one(self) -> EvaluateRequest:
        given = [k for k in ("name", "scenario", "yaml") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(
                "give exactly one of name, scenario or yaml" + (f" (got {', '.join(given)})" if given else "")
            )
        return self


def _bundled(name: str) -> str:
    """``name`` if it is a bundled scenario; never a path (the API reads no file a client names)."""

    names = library()
    if name not in names:
        import difflib

        close = difflib.get_close_matches(name, names, n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        shown = name if len(name) <= 80 else name[:60] + "…"
        raise not_found(
            ScenarioError(f"no bundled scenario {shown!r}.{hint} Bundled: {', '.join(names) or 'none'}", field="name")
        )
    return name


def _cache(request: Request) -> ResponseCache:
    state = request.app.state
    if getattr(state, "scenario_cache", None) is None:
        state.scenario_cache = ResponseCache(state.settings.cache_size)
    return state.scenario_cache


_dataset_seen: list[Any] = [0.0, None, 0]  # (checked at, data directory, dataset identity)
_dataset_lock = threading.Lock()


def _dataset_key() -> int:
    """Identity of the loaded dataset, re-read when the data directory changes and at most once a
    second otherwise (``load()`` stats the user's release folder: cheap, but not free per request)."""

    with _dataset_lock:
        now, folder = time.monotonic(), os.environ.get(ENV_VAR)
        if now - _dataset_seen[0] > 1.0 or folder != _dataset_seen[1]:
            _dataset_seen[:] = [now, folder, id(load())]
        return int(_dataset_seen[2])


def _rendered(result: Any, tables: list[str] | str) -> bytes:
    """The result as JSON: the headline (summary, diff, notes) and only the detail tables asked for."""
    wanted = set(DETAIL_TABLES) if tables == "all" else set(tables)
    out = {key: value for key, value in result.to_dict().items() if key not in DETAIL_TABLES or key in wanted}
    return _json(out)


def _json(value: Any) -> bytes:
    return json.dumps(jsonable(value), ensure_ascii=False, separators=(",", ":")).encode()


@router.get("", response_model=Table, summary="The bundled scenarios: name, title, period, confidence")
def scenarios() -> Table:
    import pandas as pd

    rows = []
    for item in load_all():
        dumped = item.model_dump(mode="json")
        rows.append(
            {key: dumped.get(key) for key in ("name", "title", "description", "period", "baseline_year", "confidence")}
            | {"policies": [p.get("type") for p in dumped.get("policies", [])]}
        )
    return table(pd.DataFrame(rows))


@router.get(
    "/diff",
    response_model=Table,
    summary="Headline metrics: scenario vs baseline, or scenario a vs b",
    description="Without `b`: `a` against its baseline. With `b`: `change` = b − a, year by year.",
)
def diff(
    a: Annotated[str, Query(description="Bundled scenario", max_length=120)],
    b: Annotated[str | None, Query(description="Second bundled scenario", max_length=120)] = None,
    year: Annotated[int | None, Query(description="One year only")] = None,
) -> Table:

    def named(name: str, field: str) -> str:
        try:
            return _bundled(name)
        except NatosimError as error:
            error.field = field
            raise

    first = evaluate(named(a, "a"), year=year)
    second = evaluate(named(b, "b"), year=year) if b is not None else None
    return table(first.diff(second))


@router.post(
    "/evaluate",
    response_model=dict[str, Any],
    summary="Evaluate a bundled or posted scenario against its baseline",
    description="Answers first what a journalist asks (`summary`: exposed allies, people, GDP, "
    "money per year), then the detail tables and the diff. Posted scenarios are "
    "validated; errors name the line and field. Repeated requests are cached.",
)
async def evaluate_scenario(body: EvaluateRequest, request: Request) -> Response:
    """Async so that a cached answer costs no thread hop; any computation runs in the thread pool."""

    tables: list[str] | str = body.tables if isinstance(body.tables, str) else sorted(set(body.tables))
    shape = (body.year, tables if isinstance(tables, str) else tuple(tables))
    if body.name is not None:
        name = body.name
        # only a valid name is ever stored, so a hit needs no check (and no filesystem access)
        key: tuple[Any, ...] = ("name", name, *shape, _dataset_key())

        def compute() -> bytes:
            return _rendered(evaluate(_bundled(name), year=body.year), tables)
    else:
        text = body.yaml if body.yaml is not None else json.dumps(body.scenario)
        digest = hashlib.sha256(text.encode()).hexdigest()
        key = ("text", digest, *shape, _dataset_key())

        def compute() -> bytes:
            try:
                scenario = parse(text, "<posted yaml>" if body.yaml is not None else "<posted scenario>")
            except NatosimError as error:
                where = "yaml" if body.yaml is not None else "scenario"
                error.field = f"{where}.{error.field}" if error.field else where
                for item in getattr(error, "detail", None) or []:  # every error, each at its line
                    item["field"] = f"{where}.{item['field']}" if item.get("field") else where
                raise
            return _rendered(evaluate(scenario, year=body.year), tables)

    cache = _cache(request)
    cached = cache.get(key)
    if cached is None:
        cached = await run_in_threadpool(cache.get_or_compute, key, compute)
    return Response(cached, media_type="application/json")


@router.get("/{name}", response_model=dict[str, Any], summary="One bundled scenario: its definition and YAML")
def scenario(name: str) -> dict[str, Any]:

    path = locate(_bundled(name))
    return jsonable(
        {
            **load_scenario(name).model_dump(mode="json"),
            "yaml": path.read_text(encoding="utf-8"),
        }
    )
