"""Dashboard pages: one per capability, each saying so (and what to install) when its extra is missing.

Also the human pages around them: a sources page (the dataset's sources table, with links to the
originals), an ally page, and a page for unknown addresses (the API keeps its JSON 404s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Scope

from natosim.api.capabilities import BY_NAME

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
templates = Jinja2Templates(directory=str(HERE / "templates"))

#: browsers keep the vendored libraries a week (they change only with a release) and revalidate ours
VENDOR_CACHE = "public, max-age=604800"
OWN_CACHE = "no-cache"


@dataclass(frozen=True)
class Page:
    path: str
    name: str
    title: str
    template: str
    capability: str
    script: str | None
    charts: bool = False  # loads Vega (≈ 840 KB before compression) only where a chart is drawn
    nav: bool = True


PAGES: tuple[Page, ...] = (
    Page("/", "overview", "Overview", "overview.html", "data", "overview.js", charts=True),
    Page("/ally", "ally", "Ally", "ally.html", "data", "ally.js", charts=True),
    Page("/scenarios", "scenarios", "Scenarios", "scenarios.html", "scenarios", "scenarios.js", charts=True),
    Page("/procedures", "procedures", "Procedures", "procedures.html", "procedures", "procedures.js"),
    Page("/burden", "burden", "Burden", "burden.html", "burden", "burden.js", charts=True),
    Page("/crisis", "crisis", "Crisis", "crisis.html", "crisis", "crisis.js", charts=True),
    Page("/claims", "claims", "Claims", "claims.html", "claims", "claims.js"),
    Page("/sources", "sources", "Sources", "sources.html", "data", None),
    Page("/api-docs", "api", "API", "api.html", "data", "api.js"),
)
NOT_FOUND = Page("/404", "not-found", "Page not found", "not_found.html", "data", None, nav=False)


@lru_cache(maxsize=1)
def iso_numeric() -> dict[str, str]:
    """ISO3 → ISO 3166-1 numeric code (the feature ids of the Natural Earth TopoJSON), from pycountry."""
    import pycountry

    return {country.alpha_3: country.numeric for country in pycountry.countries}


_GITHUB = re.compile(r"github:([\w.-]+)/([\w.-]+)/([^\s@,;]+)@([0-9a-f]{7,40})")
_URL = re.compile(r"https?://[^\s,;)\]]+")


def linked(text: Any) -> Markup:
    """``text`` with its references made links: URLs, and ``github:owner/repo/path@commit`` pointing
    at that file at that commit (how the sources table records where a copy came from)."""
    if text is None or text != text:  # None or NaN
        return Markup("")
    source = str(text)
    out: list[str] = []
    position = 0
    spans = sorted([*_GITHUB.finditer(source), *_URL.finditer(source)], key=lambda m: m.start())
    for match in spans:
        if match.start() < position:
            continue
        out.append(str(escape(source[position : match.start()])))
        if match.re is _GITHUB:
            owner, repo, path, commit = match.groups()
            href = f"https://github.com/{owner}/{repo}/blob/{commit}/{path}"
        else:
            href = match.group(0)
        out.append(f'<a href="{escape(href)}">{escape(match.group(0))}</a>')
        position = match.end()
    out.append(str(escape(source[position:])))
    return Markup("".join(out))


def _sources_context() -> dict[str, Any]:
    from natosim.data import sources

    frame = sources()
    rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return {"sources": rows, "linked": linked}


def _render(request: Request, page: Page, status: int = 200, **extra: Any) -> HTMLResponse:
    capability = BY_NAME[page.capability]
    available = capability.available()
    context = {"page": page, "pages": PAGES, "available": available, "capability": capability, **extra}
    if page.name == "sources" and available:
        context.update(_sources_context())
    response = templates.TemplateResponse(request, page.template, context, status_code=status)
    response.headers["Cache-Control"] = OWN_CACHE
    return response


def _page_route(page: Page) -> Any:
    def render(request: Request) -> HTMLResponse:
        return _render(request, page)

    render.__name__ = f"page_{page.name}"
    return render


class CachedStatic(StaticFiles):
    """Static files with Cache-Control: a week for the vendored libraries, revalidate (ETag) for ours."""

    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["Cache-Control"] = VENDOR_CACHE if path.startswith("vendor/") else OWN_CACHE
        return response


def mount(app: FastAPI) -> None:
    """Serve the pages, ``/static`` (vendored scripts, map geometry, stylesheet) and the human 404 on ``app``."""
    router = APIRouter(include_in_schema=False)
    for page in PAGES:
        router.add_api_route(page.path, _page_route(page), methods=["GET"], response_class=HTMLResponse)

    @router.get("/web/iso-numeric.json")
    def numeric_codes() -> JSONResponse:
        return JSONResponse(iso_numeric(), headers={"Cache-Control": "max-age=86400"})

    app.include_router(router)
    app.mount("/static", CachedStatic(directory=str(STATIC)), name="static")

    json_errors = app.exception_handlers[StarletteHTTPException]

    async def not_found(request: Request, error: Exception) -> Response:
        """A page for people at unknown addresses; ``/api/…`` and non-404 errors keep their JSON body."""
        assert isinstance(error, StarletteHTTPException)
        path = request.url.path
        if error.status_code == 404 and not path.startswith(("/api/", "/static/", "/web/")) and path != "/api":
            return _render(request, NOT_FOUND, status=404, missing=path[:200])
        answer = json_errors(request, error)
        return answer if isinstance(answer, Response) else await answer

    app.add_exception_handler(StarletteHTTPException, not_found)
