"""The API in-process with small limits: the fixtures tests/api and tests/truth share (imported by
their conftest files; tests/ is on sys.path through tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture
def settings() -> Any:
    from natosim.api import Settings

    return Settings(max_body_bytes=4096, max_draws=20_000, max_sweep=4, max_text_chars=2000, crisis_workers=1)


@pytest.fixture
def app(settings: Any) -> Any:
    from natosim.api import create_app

    return create_app(settings)


@pytest.fixture
def client(app: Any) -> Iterator[object]:
    from fastapi.testclient import TestClient

    with TestClient(app) as test_client:
        yield test_client


def ignore_testclient_warning(config: pytest.Config) -> None:
    # starlette's TestClient still works on httpx; its suggestion (httpx2) is not a dependency of ours
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")
