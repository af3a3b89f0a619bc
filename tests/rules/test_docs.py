"""docs/rules.md: its Python examples run, and its YAML-only amendment recipe works as written."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from natosim.rules import PARAMETERS, clear_rules_cache
from natosim.rules.errors import RulesError
from natosim.rules.loader import load_pledges

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def _blocks(kind: str) -> list[str]:
    """Fenced blocks of the given language ("" = no language), read fence by fence."""
    found: list[str] = []
    language: str | None = None
    lines: list[str] = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        fence = re.fullmatch(r"```(\w*)", line.strip())
        if fence and language is None:
            language, lines = fence.group(1), []
        elif fence and line.strip() == "```":
            if language == kind:
                found.append("\n".join(lines) + "\n")
            language = None
        elif language is not None:
            lines.append(line)
    return found


def test_python_examples_run() -> None:
    blocks = _blocks("python")
    assert len(blocks) >= 5
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)


@pytest.fixture
def amended_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The recipe of the docs: copy the parameters, append the documented pledge, point the env at it."""
    recipe = next(block for block in _blocks("") if "cat >> my-rules/pledges.yaml" in block)
    snippet = recipe.split("<<'EOF'\n", 1)[1].split("\nEOF", 1)[0]
    folder = tmp_path / "my-rules"
    shutil.copytree(PARAMETERS, folder)
    with (folder / "pledges.yaml").open("a", encoding="utf-8") as handle:
        handle.write(snippet + "\n")
    monkeypatch.setenv("NATOSIM_RULES_DIR", str(folder))
    clear_rules_cache()
    yield folder
    monkeypatch.delenv("NATOSIM_RULES_DIR")
    clear_rules_cache()


def test_a_new_pledge_by_yaml_only(amended_rules: Path, cli) -> None:
    before = cli("rules", "at", "2026-07-07", "--format", "json").json()
    after = cli("rules", "at", "2026-07-09", "--format", "json").json()
    assert "example-2026" not in [p["id"] for p in before["pledges"]]
    assert "example-2026" in [p["id"] for p in after["pledges"]]
    data = cli("compliance", "--year", "2024", "--pledge", "example-2026", "--format", "json").json()
    assert data["pledge"]["target_pct_gdp"] == 3.0
    assert data["in_force"] is False
    assert data["summary"]["met"] == sum(1 for row in data["allies"] if (row["value"] or 0) >= 3.0)


def test_documented_error_message_is_the_real_one(tmp_path: Path) -> None:
    shown = next(block for block in _blocks("") if block.startswith("error: pledges.yaml")).strip()
    folder = tmp_path / "parameters"
    shutil.copytree(PARAMETERS, folder)
    path = folder / "pledges.yaml"
    lines = path.read_text().splitlines()
    related = lines.index("  - id: hague-2025-related")
    field = next(i for i in range(related, len(lines)) if lines[i].startswith("    target_pct_gdp:"))
    lines[field] = lines[field].replace("target_pct_gdp", "target_pct_gpd")
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(RulesError) as error:
        load_pledges(folder)
    assert f"error: {error.value}" == shown
