"""Dashboard tests: pages over TestClient, and end-to-end in headless Chromium (marked ``browser``)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # starlette's TestClient still works on httpx; its suggestion (httpx2) is not a dependency of ours
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")
