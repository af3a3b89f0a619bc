"""natosim's HTTP API (FastAPI): ``create_app()`` → the app ``natosim serve`` runs.

An interface only: every route parses its input, calls the library and renders its result.
"""

from __future__ import annotations

from natosim.api.app import create_app
from natosim.api.settings import Settings

__all__ = ["Settings", "create_app"]
