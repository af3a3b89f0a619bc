"""Every error the API returns is JSON naming the bad field: ``{"error", "message", "field"}``.

Mapping of domain errors (``natosim.errors.NatosimError`` and subclasses, which carry ``.field``):

* the field is a path parameter (``/api/scenarios/{name}`` with an unknown name) → **404**: the
  resource the URL names does not exist;
* any other named field (a query parameter or a body field with a bad value) → **422**, the code
  FastAPI uses for its own validation errors, so a client handles both alike;
* an unknown named resource (a bundled scenario, in a path, a query or a body) → **404**;
* no field → **400**.

The field is the request's own name for it: ``guarantor=Narnia`` blames ``guarantor`` even though
the library's argument is ``country``. Inputs are echoed at most ``MAX_ECHO`` characters long.

Request validation errors (wrong type, missing field) are 422 with the first bad field named;
bodies over the configured size are 413. No traceback ever reaches the client.
"""

from __future__ import annotations

import re
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


#: longest piece of the client's input an error message repeats (a 5 KB input is not echoed back)
MAX_ECHO = 80
#: longest error message
MAX_MESSAGE = 1000
_QUOTED = re.compile(r"'([^']{" + str(MAX_ECHO + 1) + r",})'")


def bounded(message: str) -> str:
    """``message`` with each long quoted input cut to its start and its length, and at most MAX_MESSAGE long."""
    message = _QUOTED.sub(lambda m: f"'{m.group(1)[: MAX_ECHO - 20]}…' ({len(m.group(1))} characters)", message)
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


def not_found(error: NatosimError) -> NatosimError:
    """Mark a domain error as "the resource named does not exist" (404), wherever the name was given:
    an unknown scenario is 404 in ``GET /api/scenarios/{name}`` and in ``POST …/evaluate`` alike."""
    error.not_found = True  # type: ignore[attr-defined]
    return error


def _blamed_parameter(error: NatosimError, request: Request) -> str | None:
    """The request parameter holding the value the error complains about, when the library names
    its own argument (``country``) but the request called it something else (``guarantor=Narnia``)."""
    params = list(request.query_params.multi_items()) + list(request.path_params.items())
    names = {name for name, _ in params}
    if error.field is not None and error.field in names:
        return error.field
    quoted = {name for name, value in params if value and f"'{value}'" in error.message}
    if len(quoted) == 1:
        return quoted.pop()
    empty = {name for name, value in params if not value}
    if len(empty) == 1 and "empty" in error.message:
        return empty.pop()
    return error.field


def status_for(error: NatosimError, request: Request) -> int:
    """404 for a bad path parameter or an unknown named resource, 422 for another named field, 400 otherwise."""
    if getattr(error, "not_found", False) or (error.field is not None and error.field in request.path_params):
        return 404
    return 422 if error.field is not None else 400


def error_response(
    status: int, kind: str, message: str, field: str | None = None, detail: list[dict[str, Any]] | None = None
) -> JSONResponse:
    if detail is not None:
        detail = [{**item, "message": bounded(str(item.get("message", "")))} for item in detail]
        detail = [
            {**item, "field": str(item.get("field"))[:MAX_ECHO]} if item.get("field") else item for item in detail
        ]
    if field is not None and len(field) > MAX_ECHO:
        field = field[: MAX_ECHO - 1] + "…"
    body = ErrorBody(error=kind, message=bounded(message), field=field, detail=detail)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status)


def _location(problem: dict[str, Any]) -> str:
    """``("query", "year")`` → ``"year"``; ``("body", "draws")`` → ``"draws"``; a body that is not
    JSON at all → ``"body"`` (pydantic locates it at the character offset, which names no field)."""
    if problem.get("type") == "json_invalid":
        return "body"
    loc = problem.get("loc", ())
    parts = [str(part) for part in loc if part not in ("query", "path", "body", "header", "cookie")]
    return ".".join(parts) if parts else "body"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the JSON error body."""

    @app.exception_handler(NatosimError)
    async def natosim_error(request: Request, error: NatosimError) -> JSONResponse:
        error.field = _blamed_parameter(error, request)
        detail = getattr(error, "detail", None)
        return error_response(status_for(error, request), error.kind, error.message, error.field, detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
        problems = list(error.errors())
        first = problems[0] if problems else {"loc": ("body",), "msg": "invalid request"}
        field = _location(first)
        detail = [{"field": _location(p), "message": str(p.get("msg", ""))} for p in problems]
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
