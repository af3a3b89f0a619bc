"""Print the fuzz/fault tallies after the run (they go into the closing note of issue 13)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from safety_counts import lines


def pytest_terminal_summary(terminalreporter: Any) -> None:
    shown = lines()
    if shown:
        terminalreporter.section("natosim safety counts")
        for line in shown:
            terminalreporter.write_line(line)
        target = os.environ.get("NATOSIM_SAFETY_COUNTS")
        if target:
            Path(target).write_text("\n".join(shown) + "\n", encoding="utf-8")
