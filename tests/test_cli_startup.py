"""``natosim --help`` must start fast: building the command tree may not import the heavy libraries."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pandas", "numpy", "scipy", "dask", "duckdb", "fastapi", "matplotlib", "trafilatura")


def test_command_tree_imports_no_heavy_library() -> None:
    code = f"import sys, natosim.cli.main as m; print(','.join(name for name in {HEAVY!r} if name in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "", f"imported at start-up: {loaded}"


def test_help_lists_every_command_group(cli) -> None:
    result = cli("--help")
    assert result.code == 0
    for group in ("data", "brief", "compliance", "procedure", "scenario", "burden", "crisis", "check", "serve"):
        assert group in result.out, group
