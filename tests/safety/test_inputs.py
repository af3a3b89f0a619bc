"""Issue 13: bad numbers and dates are refused in one line (exit 2), never a traceback or a wrong answer."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from natosim.limits import model_range

SCENARIO = """name: bad
description: a scenario with one wrong date
sources:
  - {{title: t, url: https://example.org, date: {source_date}, publisher: p}}
period: {{start: 2020, end: 2026}}
baseline_year: 2024
policies:
  - type: withdrawal
    country: USA
    notice_date: {notice}
"""


def _scenario(tmp_path: Path, notice: str = "2025-06-01", source_date: str = "2024-02-10") -> str:
    path = tmp_path / "bad.yaml"
    path.write_text(SCENARIO.format(notice=notice, source_date=source_date), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("command", ["show", "run"])
def test_notice_date_that_does_not_exist_names_file_line_and_field(cli, tmp_path: Path, command: str) -> None:
    path = _scenario(tmp_path, notice="2025-06-31")
    result = cli("scenario", command, path)
    assert result.code == 2
    assert result.err.strip().splitlines() == [
        f"error: {path}:10: policies.0.notice_date: Input should be a valid date or datetime, "
        "day value is outside expected range (got '2025-06-31')"
    ]


def test_a_source_date_of_30_february_is_refused_on_its_line(cli, tmp_path: Path) -> None:
    path = _scenario(tmp_path, source_date="2024-02-30")
    result = cli("scenario", "show", path)
    assert result.code == 2 and f"{path}:4: sources.0.date:" in result.err and "Traceback" not in result.err


@pytest.mark.parametrize("notice", ["9999-06-01", '"9999-06-01"', "1900-01-01"])
def test_years_outside_the_modelled_range_are_refused(cli, tmp_path: Path, notice: str) -> None:
    path = _scenario(tmp_path, notice=notice)
    first, last = model_range()
    result = cli("scenario", "run", path)
    assert result.code == 2
    assert f"{path}:10: policies.0.notice_date:" in result.err
    assert f"outside the dates natosim models ({first.isoformat()} to {last.isoformat()})" in result.err


@pytest.mark.parametrize(
    "args",
    [
        ("procedure", "withdrawal", "USA", "--notice", "9999-06-01"),
        ("procedure", "accession", "UKR", "--invited", "9999-01-01"),
        ("procedure", "article5", "EST", "--date", "9999-01-01"),
        ("rules", "at", "9999-12-31"),
        ("rules", "at", "2024-02-30"),
    ],
)
def test_date_options_outside_the_calendar_or_the_range_exit_2(cli, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.code == 2 and len(result.err.strip().splitlines()) == 1 and result.err.startswith("error: ")


def test_duplicate_keys_in_a_scenario_are_refused(cli, tmp_path: Path) -> None:
    text = SCENARIO.format(notice="2025-06-01", source_date="2024-02-10") + "    notice_date: 2026-01-01\n"
    path = tmp_path / "dup.yaml"
    path.write_text(text, encoding="utf-8")
    result = cli("scenario", "show", str(path))
    assert result.code == 2
    assert "key 'notice_date' appears twice in one mapping (first on line 10)" in result.err
    assert f"{path}:11:" in result.err


def test_duplicate_keys_in_a_rules_file_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import natosim.rules.loader as loader
    from natosim.rules.errors import RulesError

    folder = tmp_path / "rules"
    shutil.copytree(loader.PARAMETERS, folder)
    pledges = folder / "pledges.yaml"
    lines = pledges.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("- id:"))
    indent = lines[at + 1][: len(lines[at + 1]) - len(lines[at + 1].lstrip())]
    lines.insert(at + 1, f"{indent}id: again")
    pledges.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv(loader.RULES_DIR_VARIABLE, str(folder))
    loader.clear_rules_cache()
    try:
        with pytest.raises(RulesError, match="key 'id' appears twice"):
            loader._load_pledges(folder)
    finally:
        monkeypatch.delenv(loader.RULES_DIR_VARIABLE)
        loader.clear_rules_cache()


@pytest.mark.parametrize("threshold", ["nan", "inf", "-inf", "-1", "51"])
def test_brief_refuses_thresholds_that_are_not_a_share_of_gdp(cli, threshold: str) -> None:
    result = cli("brief", "--threshold", threshold)
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("error: threshold: ") and len(result.err.strip().splitlines()) == 1


def test_brief_threshold_in_range_is_used(cli) -> None:
    result = cli("brief", "--threshold", "3.5", "--format", "json")
    assert result.code == 0 and "3.5" in result.out


def test_version(cli) -> None:
    from importlib.metadata import version

    result = cli("--version")
    assert result.code == 0 and result.out.strip() == f"natosim {version('natosim')}"


def test_shell_completion_is_offered(cli) -> None:
    result = cli("--show-completion", "bash")
    assert result.code == 0 and "_natosim_completion" in result.out


def test_plots_are_0644_and_matplotlib_cache_stays_in_natosim_cache(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import sys

    cache, home = tmp_path / "cache", tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "NATOSIM_CACHE_DIR": str(cache), "HOME": str(home)}
    env.pop("MPLCONFIGDIR", None)
    target = tmp_path / "rank.png"
    code = "from natosim.cli.main import run; run()"
    done = subprocess.run(
        [sys.executable, "-c", code, "burden", "test", "--plot", str(target)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        umask=0o022,
    )
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert (cache / "matplotlib").is_dir()
    assert list(home.iterdir()) == []


def test_the_api_refuses_the_same_dates_through_the_same_validators(tmp_path: Path) -> None:
    """The HTTP API parses posted scenarios and date parameters with the CLI's validators: 422, never 500."""
    from fastapi.testclient import TestClient

    from natosim.api import create_app

    client = TestClient(create_app())
    impossible = SCENARIO.format(notice="2025-06-31", source_date="2024-02-10")
    answer = client.post("/api/scenarios/evaluate", json={"yaml": impossible})
    assert answer.status_code == 422 and answer.json()["field"] == "yaml.policies.0.notice_date"
    far = SCENARIO.format(notice="9999-06-01", source_date="2024-02-10")
    answer = client.post("/api/scenarios/evaluate", json={"yaml": far})
    assert answer.status_code == 422 and "outside the dates natosim models" in answer.json()["message"]
    answer = client.get("/api/procedures/withdrawal", params={"country": "USA", "notice_date": "9999-06-01"})
    assert answer.status_code in (400, 422) and "outside the dates natosim models" in answer.text
    duplicate = impossible.replace("2025-06-31", "2025-06-01") + "    notice_date: 2026-01-01\n"
    answer = client.post("/api/scenarios/evaluate", json={"yaml": duplicate})
    assert answer.status_code == 422 and "appears twice" in answer.json()["message"]


@pytest.mark.usefixtures("writable_data_dir")  # imports a release
@pytest.mark.parametrize("published", ["2026-02-30", "2026-13", "9999-01-01"])
def test_import_refuses_a_publication_date_that_does_not_exist(cli, tmp_path: Path, published: str) -> None:
    import pandas as pd

    import natosim

    bundled = Path(natosim.__file__).parent / "data" / "bundled" / "figures.csv"
    raw = pd.read_csv(bundled, dtype=str, keep_default_na=False)
    release = raw[(raw["edition"] == "2024-06") & (raw["year"] == "2024")].assign(edition="2026-07", source="new-id")
    path = tmp_path / "release.csv"
    release.to_csv(path, index=False)
    source = ["--publication", "Defence Expenditure", "--published", published, "--copy-from", "https://nato.int"]
    result = cli("data", "import", str(path), *source)
    assert result.code == 2 and result.err.startswith("error: --published: ") and len(result.err.splitlines()) == 1
    assert cli("data", "figures", "--edition", "2026-07").code == 2  # nothing was imported


def test_a_scenario_file_over_the_size_limit_is_refused_naming_the_setting(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(
        SCENARIO.format(notice="2025-06-01", source_date="2024-02-10") + "#" * 3000 + "\n", encoding="utf-8"
    )
    monkeypatch.setenv("NATOSIM_MAX_SCENARIO_KB", "2")
    result = cli("scenario", "show", str(path))
    assert result.code == 2
    expected = f"error: {path}: 3.19 KB is above the limit of 2 KB; raise it with NATOSIM_MAX_SCENARIO_KB=N"
    assert result.err.strip() == expected
    monkeypatch.setenv("NATOSIM_MAX_SCENARIO_KB", "4")
    assert cli("scenario", "show", str(path)).code == 0


@pytest.mark.parametrize("args", [("data", "remove", "2026-07"), ("data", "import", "{file}")])
def test_a_data_dir_that_is_not_a_folder_is_one_clear_error(cli, tmp_path: Path, args: tuple[str, ...]) -> None:
    not_a_folder = tmp_path / "plain.txt"
    not_a_folder.write_text("x", encoding="utf-8")
    release = tmp_path / "release.csv"
    release.write_text("iso3,year,edition,source\nEST,2024,2026-07,nato-2024-06\n", encoding="utf-8")
    argv = [part.format(file=release) for part in args]
    result = cli(*argv, "--data-dir", str(not_a_folder))
    assert result.code == 2
    assert result.err.strip() == (
        f"error: {not_a_folder}: cannot be used as natosim's data directory (Not a directory); "
        "give a writable folder with --data-dir or NATOSIM_DATA_DIR"
    )
