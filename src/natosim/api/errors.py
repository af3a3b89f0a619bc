"""Every error the API returns is JSON naming the bad field: ``{"error", "message", "field"}``.

Mapping of domain errors (``natosim.errors.NatosimError`` and subclasses, which carry ``.field``):

* the field is a path parameter (``/api/scenarios/{name}`` with an unknown name) → **404**: the
  resource the URL names does not exist;
* any other named field (a query parameter or a body field with a bad value) → **422**, the code
  FastAPI uses for its own validation errors, so a client handles both alike;
* no field → **400**.

Request validation errors (wrong type, missing field) are 422 with the first bad field named;
bodies over the configured size are 413. No traceback ever reaches the client.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from natosim.errors import NatosimError


class ErrorBody(BaseModel):
    """The JSON body of every 4xx answer."""

    error: str
    message: str
    field: str | None = None
    detail: list[dict[str, Any]] | None = None


#: documented on every route (OpenAPI ``responses``)
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Bad input without a single field to blame"},
    404: {"model": ErrorBody, "description": "The resource named in the path does not exist"},
    422: {"model": ErrorBody, "description": "A parameter or body field is invalid; `field` names it"},
}


def status_for(error: NatosimError, request: Request) -> int:
    """404 for a bad path parameter, 422 for another named field, 400 otherwise."""
    if error.field is not None and error.field in request.path_params:
        return 404
    return 422 if error.field is not None else 400


def error_response(
    status: int, kind: str, message: str, field: str | None = None, detail: list[dict[str, Any]] | None = None
) -> JSONResponse:
    body = ErrorBody(error=kind, message=message, field=field, detail=detail)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status)


def _location(loc: Any) -> str:
    """``("query", "year")`` → ``"year"``; ``("body", "draws")`` → ``"draws"``."""
    parts = [str(part) for part in loc if part not in ("query", "path", "body", "header", "cookie")]
    return ".".join(parts) if parts else "body"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the JSON error body."""

    @app.exception_handler(NatosimError)
    async def natosim_error(request: Request, error: NatosimError) -> JSONResponse:
        return error_response(status_for(error, request), error.kind, error.message, error.field)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = list(error.errors())
        first = problems[0] if problems else {"loc": ("body",), "msg": "invalid request"}
        field = _location(first.get("loc", ()))
        detail = [{"field": _location(p.get("loc", ())), "message": str(p.get("msg", ""))} for p in problems]
        return error_response(422, "invalid_request", f"{field}: {first.get('msg', 'invalid')}", field, detail)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, error: Exception) -> JSONResponse:
        # a bug, not bad input: still JSON, without a traceback (the server log has it)
        return error_response(
            500,
            "internal_error",
            f"internal error ({type(error).__name__}); please report it with the request that caused it",
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> JSONResponse:
        kinds = {404: "not_found", 405: "method_not_allowed", 413: "body_too_large"}
        field = getattr(error, "field", None)
        kind = getattr(error, "kind", None) or kinds.get(error.status_code, "http_error")
        response = error_response(error.status_code, kind, str(error.detail), field)
        if error.headers:
            response.headers.update(error.headers)
        return response


class FieldError(StarletteHTTPException):
    """An HTTP error raised by the API itself (a limit exceeded), naming the field."""

    def __init__(self, status_code: int, message: str, field: str | None = None, kind: str | None = None) -> None:
        super().__init__(status_code=status_code, detail=message)
        self.field = field
        self.kind = kind or ("limit_exceeded" if status_code == 422 else None)


def renamed(error: NatosimError, field: str) -> NatosimError:
    """The same domain error blaming the request's own name for the field (``target``, not ``country``)."""
    error.field = field
    return error
