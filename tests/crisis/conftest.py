"""Shared fixtures for the crisis tests: small draws, real bundled data."""

from __future__ import annotations

import pytest

from natosim.engines.crisis import CrisisParams, Theatre, build_theatre


@pytest.fixture(scope="session")
def est2024() -> Theatre:
    return build_theatre("EST", 2024, None, CrisisParams())


@pytest.fixture(scope="session")
def est2016() -> Theatre:
    return build_theatre("EST", 2016, None, CrisisParams())
