"""Fixtures of the scenario tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def two_pct():
    from natosim.scenario import evaluate

    return evaluate("us-conditional-guarantee-2pct")
