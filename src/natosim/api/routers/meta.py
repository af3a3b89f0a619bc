"""Health, the list of installed capabilities (the dashboard reads it to enable its pages), and the
interactive documentation at ``/api/docs`` (Swagger UI, vendored: no CDN)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

import natosim
from natosim.api.capabilities import CAPABILITIES

router = APIRouter(tags=["meta"])


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    version: str = Field(examples=[natosim.__version__])


class CapabilityOut(BaseModel):
    name: str = Field(examples=["crisis"])
    title: str = Field(examples=["Crisis Monte Carlo"])
    available: bool
    install: str = Field("", description="pip command that installs it when it is not available", examples=[""])


@router.get("/health", response_model=Health, summary="Is the server up")
def health() -> Health:
    return Health(status="ok", version=natosim.__version__)


class Capabilities(BaseModel):
    """Like every list route: ``{count, rows}``."""

    count: int
    rows: list[CapabilityOut]


@router.get(
    "/capabilities",
    response_model=Capabilities,
    summary="Which capabilities have their libraries installed (and so which routes exist)",
)
def capabilities() -> Capabilities:
    rows = [
        CapabilityOut(name=c.name, title=c.title, available=ok, install="" if ok else c.install_hint)
        for c in CAPABILITIES
        for ok in (c.available(),)
    ]
    return Capabilities(count=len(rows), rows=rows)


# --- interactive documentation: Swagger UI from the vendored npm package, no CDN ------------------

_SWAGGER_ASSETS = {
    "swagger-ui-bundle.js": "application/javascript",
    "swagger-ui.css": "text/css",
    "swagger-favicon-32x32.png": "image/png",
}


def _vendor_dir() -> Path:
    """The dashboard's vendored assets (``natosim/web/static/vendor``): Swagger UI ships there too."""
    return Path(__file__).resolve().parents[2] / "web" / "static" / "vendor"


@router.get("/docs", include_in_schema=False)
def swagger_ui() -> HTMLResponse:
    """FastAPI's Swagger page with every asset served by this server (works with no network)."""
    page = get_swagger_ui_html(
        openapi_url="/api/openapi.json",
        title="natosim API",
        swagger_js_url="/api/docs/assets/swagger-ui-bundle.js",
        swagger_css_url="/api/docs/assets/swagger-ui.css",
        swagger_favicon_url="/api/docs/assets/swagger-favicon-32x32.png",
        # no validator badge: Swagger UI would send the schema to validator.swagger.io
        swagger_ui_parameters={"validatorUrl": None, "tryItOutEnabled": True},
    )
    page.headers["Cache-Control"] = "no-cache"
    return page


@router.get("/docs/assets/{name}", include_in_schema=False)
def swagger_asset(name: str) -> FileResponse:
    if name not in _SWAGGER_ASSETS:
        raise StarletteHTTPException(404, f"no asset {name[:80]!r}; assets: {', '.join(_SWAGGER_ASSETS)}")
    return FileResponse(
        _vendor_dir() / name, media_type=_SWAGGER_ASSETS[name], headers={"Cache-Control": "public, max-age=604800"}
    )
