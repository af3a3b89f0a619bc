"""The FastAPI application: the library over HTTP under ``/api/``, and the dashboard at ``/``.

``create_app()`` mounts one router per capability of the registry ``natosim.api.capabilities``
whose optional extra is installed (an ImportError from natosim's own code propagates), installs
the JSON error handlers and the body-size limit, and serves the offline dashboard (``natosim.web``).
Routes are plain ``def`` functions, so FastAPI runs them in its thread pool and a long computation
never blocks the event loop; crisis runs go further and run in a background executor, answered by a
run id to poll.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import import_module

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware

import natosim
from natosim.api import errors
from natosim.api.capabilities import CAPABILITIES
from natosim.api.limits import BodyLimit
from natosim.api.settings import Settings

DESCRIPTION = """\
NATO as code over HTTP: the allies and their defence money (every figure with its source id), the
treaty rules and pledges at a date, compliance, accession and withdrawal procedures, what-if
scenarios, the burden-sharing game, the crisis Monte Carlo and the claim checker.

Conventions: countries are ISO 3166-1 alpha-3 codes (names and ISO2 accepted on input), dates ISO
8601, missing figures `null` (never 0). Errors are JSON `{"error", "message", "field"}` with a 4xx
status: 404 when the path names nothing, 422 when a parameter or body field is invalid, 413 when
the body is too large. Routes exist for the capabilities whose extra is installed: see `/api/capabilities`.
"""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    """On shutdown, drop queued crisis jobs (a running one finishes its chunk; its run stays resumable)."""
    yield
    jobs = getattr(app.state, "crisis_jobs", None)
    if jobs is not None:
        jobs.shutdown()


def create_app(settings: Settings | None = None, *, web: bool = True) -> FastAPI:
    """Build the app. ``settings`` default to ``Settings.from_env()``; ``web=False`` omits the dashboard."""
    settings = settings or Settings.from_env()
    app = FastAPI(
        title="natosim",
        version=natosim.__version__,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    errors.install(app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    # pages, scripts and JSON gzip-compressed for clients that accept it (server-sent events are not)
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)

    meta = import_module("natosim.api.routers.meta")
    app.include_router(meta.router, prefix="/api")
    mounted = []
    for capability in CAPABILITIES:
        if capability.available():
            router = import_module(f"natosim.api.routers.{capability.router}").router
            app.include_router(router, prefix="/api" + capability.prefix)
            mounted.append(capability.name)
    app.state.mounted = tuple(mounted)
    if web:
        from natosim.web import mount  # natosim.web reads the capability registry: imported once it is complete

        mount(app)
    return app
