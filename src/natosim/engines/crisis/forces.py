"""The dated, sourced forces data of the crisis model (``forces.yaml`` beside this module).

Loaded once per process. Every entry carries its source, URL(s) and a confidence label; what was
not found is listed under ``missing`` and repeated in the model page (docs/model/crisis.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from natosim.engines.crisis.params import CrisisError


@dataclass(frozen=True)
class Forces:
    """The parsed forces file."""

    edition: str
    data: dict[str, Any]

    @property
    def missing(self) -> list[str]:
        return list(self.data.get("missing", []))


@lru_cache(maxsize=1)
def load_forces() -> Forces:
    """Read ``forces.yaml`` (bundled with natosim)."""
    text = resources.files("natosim.engines.crisis").joinpath("forces.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    required = ("readiness_structures", "forward_presence", "us_forces_europe", "russia", "attack_axes", "benchmarks")
    absent = [k for k in required if k not in data]
    if absent:  # pragma: no cover - the bundled file is tested
        raise CrisisError(f"forces.yaml lacks section(s) {', '.join(absent)}", field="forces")
    return Forces(edition=str(data["edition"]), data=data)
