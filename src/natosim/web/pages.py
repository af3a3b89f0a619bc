"""Dashboard pages: one per capability, each saying so (and what to install) when its extra is missing."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from natosim.api.capabilities import BY_NAME

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=str(HERE / "templates"))


@dataclass(frozen=True)
class Page:
    path: str
    name: str
    title: str
    template: str
    capability: str
    script: str


PAGES: tuple[Page, ...] = (
    Page("/", "overview", "Overview", "overview.html", "data", "overview.js"),
    Page("/scenarios", "scenarios", "Scenarios", "scenarios.html", "scenarios", "scenarios.js"),
    Page("/procedures", "procedures", "Procedures", "procedures.html", "procedures", "procedures.js"),
    Page("/burden", "burden", "Burden", "burden.html", "burden", "burden.js"),
    Page("/crisis", "crisis", "Crisis", "crisis.html", "crisis", "crisis.js"),
    Page("/claims", "claims", "Claims", "claims.html", "claims", "claims.js"),
    Page("/api-docs", "api", "API", "api.html", "data", "api.js"),
)


@lru_cache(maxsize=1)
def iso_numeric() -> dict[str, str]:
    """ISO3 → ISO 3166-1 numeric code (the feature ids of the Natural Earth TopoJSON), from pycountry."""
    import pycountry

    return {country.alpha_3: country.numeric for country in pycountry.countries}


def _page_route(page: Page) -> Any:
    def render(request: Request) -> HTMLResponse:
        capability = BY_NAME[page.capability]
        return templates.TemplateResponse(
            request,
            page.template,
            {
                "page": page,
                "pages": PAGES,
                "available": capability.available(),
                "capability": capability,
            },
        )

    render.__name__ = f"page_{page.name}"
    return render


def mount(app: FastAPI) -> None:
    """Serve the pages and ``/static`` (vendored scripts, map geometry, stylesheet) on ``app``."""
    router = APIRouter(include_in_schema=False)
    for page in PAGES:
        router.add_api_route(page.path, _page_route(page), methods=["GET"], response_class=HTMLResponse)

    @router.get("/web/iso-numeric.json")
    def numeric_codes() -> JSONResponse:
        return JSONResponse(iso_numeric(), headers={"Cache-Control": "max-age=86400"})

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
