"""Property-based: requests generated from the OpenAPI schema never get a 5xx (bounded: few examples)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from natosim.api import Settings, create_app

APP = create_app(Settings(max_draws=2_000, max_sweep=3, max_text_chars=2_000, max_body_bytes=16_384), web=False)
schema = schemathesis.openapi.from_asgi("/api/openapi.json", APP)


@pytest.mark.usefixtures("writable_data_dir")  # crisis routes store runs
@schema.parametrize()
@settings(max_examples=4, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
def test_no_server_error(case) -> None:
    response = case.call()
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} {case.query} {case.body!r}: {response.status_code} {response.text[:300]}"
    )
    if response.status_code >= 400:  # every error is the JSON error body naming its field
        body = response.json()
        assert {"error", "message"} <= set(body), body
