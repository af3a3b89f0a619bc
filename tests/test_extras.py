"""Extras: the core answers without them; a command whose extra is missing exits 2 with one line."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from natosim import extras
from natosim.extras import MissingExtra

PYPROJECT = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())
OPTIONAL = PYPROJECT["project"]["optional-dependencies"]


def _without(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Simulate an install where ``modules`` are absent (as after ``pip install natosim`` without extras)."""
    real = extras.find_spec
    monkeypatch.setattr(extras, "find_spec", lambda name: None if name in modules else real(name))


def test_every_extra_in_code_is_declared_and_all_gathers_them() -> None:
    assert set(extras.EXTRAS) <= set(OPTIONAL)
    assert OPTIONAL["all"] == [f"natosim[{','.join(extras.EXTRAS)}]"]
    assert "natosim[all]" in OPTIONAL["dev"]
    declared = {req.split(">")[0].split("=")[0].lower() for name in extras.EXTRAS for req in OPTIONAL[name]}
    assert {module.lower() for modules in extras.EXTRAS.values() for module in modules} == declared


def test_the_core_declares_no_heavy_optional_library() -> None:
    core = {req.split(">")[0].lower() for req in PYPROJECT["project"]["dependencies"]}
    assert core.isdisjoint({"dask", "distributed", "duckdb", "fastapi", "uvicorn", "matplotlib", "trafilatura"})
    assert "pyarrow" not in core  # never imported: dropped


def test_the_test_environment_has_every_extra() -> None:
    assert {name: extras.missing(name) for name in extras.EXTRAS} == {name: [] for name in extras.EXTRAS}


def test_require_names_the_pip_command(monkeypatch: pytest.MonkeyPatch) -> None:
    _without(monkeypatch, "duckdb")
    assert extras.missing("crisis") == ["duckdb"]
    with pytest.raises(
        MissingExtra, match=r"the crisis model needs duckdb, not installed: pip install 'natosim\[crisis\]'"
    ):
        extras.require("crisis", what="the crisis model")
    with pytest.raises(KeyError, match="no extra 'rocket'"):
        extras.missing("rocket")


def test_crisis_run_without_the_extra_exits_2_with_one_line(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    _without(monkeypatch, "dask", "distributed", "duckdb")
    result = cli("crisis", "run", "--target", "EST")
    assert result.code == 2
    assert result.err.strip().count("\n") == 0
    assert "pip install 'natosim[crisis]'" in result.err and "Traceback" not in result.err
    assert cli("crisis", "--help").code == 0  # help still works


def test_the_core_still_answers_without_any_extra(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    _without(monkeypatch, *(module for modules in extras.EXTRAS.values() for module in modules))
    result = cli("compliance", "--year", "2024")
    assert result.code == 0, result.err
    assert "POL" in result.out


def test_library_entry_points_name_their_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from natosim.engines.burden.plots import _figure
    from natosim.engines.claims.article import read
    from natosim.engines.crisis.store import RunStore

    _without(monkeypatch, "matplotlib", "trafilatura", "duckdb")
    with pytest.raises(MissingExtra, match=r"natosim\[plots\]"):
        _figure()
    with pytest.raises(MissingExtra, match=r"natosim\[claims-html\]"):
        read("<html><body><p>Germany spent 2.1% of GDP on defence in 2024.</p></body></html>")
    with pytest.raises(MissingExtra, match=r"natosim\[crisis\]"):
        RunStore(tmp_path / "runs.db").open()


def test_python_dash_m_natosim_is_the_command() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "natosim", "--help"], capture_output=True, text=True, check=True)
    assert "compliance" in done.stdout
