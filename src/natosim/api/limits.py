"""Refuse request bodies over the configured size before reading them whole (413)."""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyLimit:
    """Pure ASGI middleware: checks Content-Length, then counts streamed bytes as they arrive.

    Pure ASGI (not ``BaseHTTPMiddleware``) so that server-sent events and background work are not
    wrapped in an extra task per request.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        too_large = False

        async def counted() -> Message:
            nonlocal received, too_large
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    too_large = True
                    raise _TooLarge
            return message

        started = False
        refused = False

        async def tracked_send(message: Message) -> None:
            # FastAPI turns any error raised while it reads the body into its own 400; when the
            # cause was the size limit, answer 413 instead and drop the app's answer.
            nonlocal started, refused
            if too_large and not started:
                if not refused:
                    refused = True
                    await self._refuse(send)
                return
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked_send)
        except Exception:
            if too_large and not started and not refused:
                await self._refuse(send)
            elif not too_large:
                raise

    async def _refuse(self, send: Send) -> None:
        body: dict[str, Any] = {
            "error": "body_too_large",
            "message": f"request body over {self.max_bytes} bytes (setting NATOSIM_API_MAX_BODY_BYTES)",
            "field": "body",
        }
        payload = json.dumps(body).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": payload})


class _TooLarge(Exception):
    pass
