"""An app with small limits, and a TestClient on it (the API in-process, no socket): see api_support."""

from __future__ import annotations

import pytest

from api_support import app, client, ignore_testclient_warning, settings

__all__ = ["app", "client", "settings"]


def pytest_configure(config: pytest.Config) -> None:
    ignore_testclient_warning(config)
