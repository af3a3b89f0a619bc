"""Dashboard tests: pages over TestClient, and end-to-end in headless Chromium (marked ``browser``)."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # starlette's TestClient still works on httpx; its suggestion (httpx2) is not a dependency of ours
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")
    config.addinivalue_line("markers", "capability(name): skip unless the library capability is installed")


def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.capability("crisis")``: skip when that library capability has not landed."""
    from natosim.api.capabilities import BY_NAME

    for marker in item.iter_markers("capability"):
        if not BY_NAME[marker.args[0]].available():
            pytest.skip(f"library capability {marker.args[0]!r} not installed")
