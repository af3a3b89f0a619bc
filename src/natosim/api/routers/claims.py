"""Claim checking: find the checkable statements in a text and verify each against data and rules."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

import natosim
from natosim.api.errors import ERROR_RESPONSES, FieldError
from natosim.jsonable import jsonable

router = APIRouter(tags=["claims"], responses=ERROR_RESPONSES)


class CheckRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"text": "Poland spent 4.1% of GDP on defence in 2024, while Spain spent 2%."}]
        },
    )

    text: str = Field(description="The article (plain text); at most the server's max_text_chars")


@router.post(
    "/check",
    response_model=dict[str, Any],
    summary="Each claim of a text with its verdict (supported, contradicted, not checkable) and evidence",
)
def check(body: CheckRequest, request: Request) -> dict[str, Any]:

    limit = request.app.state.settings.max_text_chars
    if len(body.text) > limit:
        raise FieldError(
            422,
            f"text: {len(body.text)} characters; at most {limit} (setting NATOSIM_API_MAX_TEXT_CHARS)",
            field="text",
        )
    return jsonable(natosim.check(body.text).to_dict())
