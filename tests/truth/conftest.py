"""An app with small limits, and a TestClient on it (the API in-process, no socket)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture
def settings():
    from natosim.api import Settings

    return Settings(max_body_bytes=4096, max_draws=20_000, max_sweep=4, max_text_chars=2000, crisis_workers=1)


@pytest.fixture
def app(settings):
    from natosim.api import create_app

    return create_app(settings)


@pytest.fixture
def client(app) -> Iterator[object]:
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")
