"""Limits of the HTTP API, configurable from the environment so an operator can raise them.

Why bounds at all: the API runs the same engines as the CLI, and one request asking for a billion
Monte Carlo draws, a thousand-point sweep or a 100 MB body would starve every other user of a
small server. Each limit is checked before any work starts and a request over it gets a 4xx naming
the field and the limit.
"""

from __future__ import annotations

import os

from pydantic import BaseModel, Field

ENV_PREFIX = "NATOSIM_API_"


class Settings(BaseModel):
    """API limits. Environment variables: ``NATOSIM_API_<FIELD NAME IN CAPITALS>``."""

    max_body_bytes: int = Field(256 * 1024, ge=1024, description="largest request body accepted (413 above)")
    max_draws: int = Field(200_000, ge=1, description="most Monte Carlo draws one crisis run may ask for")
    max_sweep: int = Field(50, ge=1, description="most parameter points one sweep may ask for")
    max_text_chars: int = Field(100_000, ge=1, description="longest article the claims checker accepts")
    crisis_workers: int = Field(1, ge=1, description="crisis runs computed at once (others queue)")
    cache_size: int = Field(256, ge=0, description="scenario evaluations kept in memory (0: none)")

    @classmethod
    def from_env(cls) -> Settings:
        """Settings from ``NATOSIM_API_*`` variables, the defaults for the others."""
        values: dict[str, str] = {}
        for name in cls.model_fields:
            raw = os.environ.get(ENV_PREFIX + name.upper())
            if raw is not None and raw != "":
                values[name] = raw
        return cls.model_validate(values)
