"""The public surface: ``natosim.__all__`` is what docs/api-python.md lists, every name resolves,
renamed names warn, and a downstream type checker sees real types (not ``Any``)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import natosim

DOC = Path(__file__).resolve().parents[1] / "docs" / "api-python.md"


def _documented() -> list[str]:
    section = DOC.read_text().split("## Exported names", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^- `([A-Za-z_]+)`", section, flags=re.MULTILINE)


def test_the_exported_surface_is_what_the_docs_list() -> None:
    assert sorted(_documented()) == sorted(natosim.__all__)


@pytest.mark.parametrize("name", natosim.__all__)
def test_every_exported_name_resolves(name: str) -> None:
    assert getattr(natosim, name) is not None
    assert name in dir(natosim)


def test_import_natosim_is_fast_and_lazy() -> None:
    code = "import sys, natosim; print('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_renamed_names_warn_with_the_new_name() -> None:
    import natosim.scenario

    with pytest.warns(FutureWarning, match="ScenarioResult"):
        old = natosim.scenario.Result
    assert old is natosim.ScenarioResult


def test_a_downstream_type_checker_sees_the_result_types(tmp_path: Path) -> None:
    from mypy import api

    user = tmp_path / "user.py"
    user.write_text(
        "import natosim\n"
        "reveal_type(natosim.compliance(2024))\n"
        "reveal_type(natosim.evaluate('us-conditional-guarantee-2pct', year=2024))\n"
        "reveal_type(natosim.compliance(2024).summary)\n"
    )
    out, err, _ = api.run(
        [str(user), "--cache-dir", str(tmp_path / "cache"), "--follow-imports=silent", "--ignore-missing-imports"]
    )
    assert 'Revealed type is "natosim.metrics.compliance.ComplianceResult"' in out, out + err
    assert 'Revealed type is "natosim.scenario.result.ScenarioResult"' in out, out + err
    assert "dict[str, Any]" in out, out + err
