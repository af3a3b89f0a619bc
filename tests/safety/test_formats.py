"""Issue 13/18: every format complete and machine-readable; tables readable at 80, 100 and 140 columns
with no number broken across lines; missing values never shown as zero."""

from __future__ import annotations

import csv
import io
import json
import re
import stat
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

#: every command, with arguments that make it print its tables. Not here: `serve` (listens), `data
#: import|remove` (one line each; tests/safety/test_faults.py), `crisis sweep|resume|show` (they
#: need a stored run; their tables are the same `render_frame` calls as `crisis run`).
COMMANDS = [
    ("brief",),
    ("compliance",),
    ("compliance", "--year", "2016"),
    ("check", "NATO has 32 members. In 2024, 23 allies spent 2% of GDP on defence."),
    ("data", "allies"),
    ("data", "figures", "--year", "2024"),
    ("data", "comparators"),
    ("data", "aggregates"),
    ("data", "sources"),
    ("rules", "at", "2024-07-01"),
    ("rules", "pledges"),
    ("rules", "treaty"),
    ("rules", "invocations"),
    ("rules", "ratifications"),
    ("procedure", "accession", "UKR", "--invited", "2026-01-01"),
    ("procedure", "withdrawal", "USA", "--notice", "2026-01-01"),
    ("procedure", "article5", "EST", "--date", "2026-01-01"),
    ("scenario", "list"),
    ("scenario", "show", "us-withdrawal-executive"),
    ("scenario", "run", "us-conditional-guarantee-2pct"),
    ("scenario", "diff", "us-withdrawal-executive", "us-conditional-guarantee-2pct"),
    ("burden", "test", "--year", "2024"),
    ("burden", "benefits", "--year", "2024"),
    ("burden", "shares", "--year", "2024"),
    ("burden", "game", "--base-year", "2024"),
    ("burden", "model", "--year", "2024"),
    ("burden", "validate"),
    ("burden", "counterfactual", "--us-exit"),
    ("burden", "replace-us"),
    ("crisis", "run", "--target", "EST", "--draws", "2000"),
    ("crisis", "compare", "baseline", "us-withdrawal-executive", "--target", "EST", "--draws", "2000"),
    ("crisis", "validate"),
    ("crisis", "runs"),
]
NOT_RENDERED = {"serve", "data import", "data remove", "crisis sweep", "crisis resume", "crisis show"}
TOKEN = re.compile(r"\d[\d,.:/-]*\d|\d")
RUN_ID = re.compile(r"\b[0-9a-f]{12}\b")  # a crisis run id differs between two runs: not a number
#: a narrow terminal shows check's claims as numbered cards ("1. SUPPORTED"): the number is layout
CARD_NUMBER = re.compile(r"^\d+\. (?=[A-Z])", re.MULTILINE)


def _tokens(text: str) -> Counter[str]:
    return Counter(TOKEN.findall(CARD_NUMBER.sub("", RUN_ID.sub("", text))))


def test_the_width_test_covers_every_command() -> None:
    import typer.main

    from natosim.cli.main import app

    found: list[str] = []

    def walk(command: Any, path: list[str]) -> None:
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])
        else:
            found.append(" ".join(path))

    walk(typer.main.get_command(app), [])
    covered = {
        " ".join(args[: 2 if args[0] in ("data", "rules", "procedure", "scenario", "burden", "crisis") else 1])
        for args in COMMANDS
    }
    assert set(found) - covered == NOT_RENDERED


def _recorded(cli: Any, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]) -> list[tuple[str, tuple, dict]]:
    """Run the command once, recording every table and mapping it renders (to replay at each width)."""
    import natosim.cli.render as render

    calls: list[tuple[str, tuple, dict]] = []
    originals = {function: getattr(render, function) for function in ("render_frame", "render_mapping")}
    with pytest.MonkeyPatch.context() as patch:
        for module in list(sys.modules.values()):
            name = getattr(module, "__name__", "")
            if not name.startswith("natosim.cli") or name == "natosim.cli.render":
                continue
            for function, original in originals.items():
                if getattr(module, function, None) is original:

                    def record(*a: Any, _f: str = function, _o: Any = original, **k: Any) -> None:
                        calls.append((_f, a, k))
                        _o(*a, **k)

                    patch.setattr(module, function, record)
        patch.setenv("COLUMNS", "400")
        result = cli(*args)
    assert result.code == 0, result.err
    return calls


def _replay(calls: list[tuple[str, tuple, dict]], width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    import contextlib

    import natosim.cli.render as render

    monkeypatch.setenv("COLUMNS", str(width))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for function, a, k in calls:
            getattr(render, function)(*a, **k)
    return out.getvalue()


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_tables_keep_every_number_whole_at_80_100_and_140_columns(
    cli, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], writable_data_dir: Path
) -> None:
    """Each command runs once; every table and mapping it rendered is replayed at 400 (reference),
    80, 100 and 140 columns: no line wider than the terminal, every number, date and code whole."""
    import natosim.cli.main  # noqa: F401  (registers every command module)

    calls = _recorded(cli, monkeypatch, args)

    def output(width: int) -> str:
        if calls:
            return _replay(calls, width, monkeypatch)
        monkeypatch.setenv("COLUMNS", str(width))  # no table (brief, check): the whole output
        return str(cli(*args).out)

    reference = _tokens(output(400))
    for width in (80, 100, 140):
        narrow = output(width)
        if calls or args[0] == "brief":  # check's own layout is issue 17's
            assert max(len(line) for line in narrow.splitlines()) <= width
        found = _tokens(narrow)
        fragments = set(found) - set(reference)
        missing = {token for token, count in reference.items() if found[token] < count}
        assert not fragments and not missing, (
            f"{width} columns: broken {sorted(fragments)[:5]}, lost {sorted(missing)[:5]}"
        )


def test_scenario_run_text_wraps_at_80_columns(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("scenario", "run", "us-conditional-guarantee-2pct").out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_wide_tables_become_one_block_per_record_at_80_columns(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = cli("compliance", "--year", "2024").out
    assert "EST  Estonia ─" in out
    block = out.split("EST  Estonia")[1].split("\n")[1:4]
    assert [line.split()[0] for line in block] == ["iso3", "country", "value"]


def test_brief_csv_is_a_table_of_every_figure(cli) -> None:
    rows = list(csv.DictReader(io.StringIO(cli("brief", "--format", "csv").out)))
    assert list(rows[0]) == ["section", "rank", "label", "value", "unit", "year", "edition", "source"]
    assert [r["section"] for r in rows].count("highest") == 5 and [r["section"] for r in rows].count("lowest") == 5
    assert all(r["edition"] and r["source"] for r in rows)
    as_json = json.loads(cli("brief", "--format", "json").out)
    assert len([r for r in rows if r["section"] == "headline"]) == len(as_json["figures"])


def test_brief_md_is_markdown(cli) -> None:
    out = cli("brief", "--format", "md").out
    assert out.startswith("## NATO in ") and "\n- Allies at or above 2% of GDP" in out and "\n1. " in out


def test_scenario_show_csv_is_field_value_rows(cli) -> None:
    rows = list(csv.reader(io.StringIO(cli("scenario", "show", "us-withdrawal-executive", "--format", "csv").out)))
    assert rows[0] == ["field", "value"]
    fields = dict(rows[1:])
    assert fields["name"] == "us-withdrawal-executive" and fields["policies.0.type"] == "withdrawal"


def test_rules_at_md_has_no_python_dict(cli) -> None:
    out = cli("rules", "at", "2024-07-01", "--format", "md").out
    assert out.startswith("**Rules in force on 2024-07-01**") and "{" not in out and "- treaty in force: yes" in out
    rows = dict(list(csv.reader(io.StringIO(cli("rules", "at", "2024-07-01", "--format", "csv").out)))[1:])
    assert rows["treaty in force"] == "True" and rows["pledges.3.id"] == "vilnius-2023"


def test_procedure_csv_says_whether_the_withdrawal_is_lawful(cli) -> None:
    out = cli("procedure", "withdrawal", "USA", "--path", "executive", "--notice", "2026-01-01", "--format", "csv").out
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["lawful"] for r in rows} == {"False"} and rows[0]["effective_date"] == "none (not lawful)"
    assert "step_action" in rows[0]
    senate = cli("procedure", "withdrawal", "USA", "--path", "senate", "--notice", "2026-01-01", "--format", "csv")
    assert {r["lawful"] for r in csv.DictReader(io.StringIO(senate.out))} == {"True"}


def test_scenario_diff_shows_missing_population_as_missing_not_zero(cli) -> None:
    args = ("scenario", "diff", "us-withdrawal-executive", "us-conditional-guarantee-2pct")
    rows = [r for r in csv.DictReader(io.StringIO(cli(*args, "--format", "csv").out)) if "US defends" in r["metric"]]
    by_year = {r["year"]: r for r in rows}
    assert by_year["2025"]["us-withdrawal-executive"] == "" and by_year["2025"]["change"] == ""
    assert float(by_year["2024"]["us-withdrawal-executive"]) == pytest.approx(642471.2)


@pytest.mark.parametrize(
    "args",
    [
        ("compliance", "--year", "2018"),
        ("scenario", "diff", "us-withdrawal-executive", "us-conditional-guarantee-2pct"),
    ],
)
@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plot_files_are_written_0644(cli, tmp_path: Path, args: tuple[str, ...], suffix: str) -> None:
    target = tmp_path / f"chart{suffix}"
    result = cli(*args, "--plot", str(target))
    assert result.code == 0 and f"chart written to {target}" in result.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o644 and target.stat().st_size > 10_000


def test_a_bad_plot_path_is_refused_before_any_work(cli, tmp_path: Path) -> None:
    for target in (tmp_path / "chart.pdf", tmp_path / "nowhere" / "chart.png"):
        result = cli("compliance", "--plot", str(target))
        assert result.code == 2 and result.err.startswith("error: --plot ") and result.out == ""


def test_one_meaning_per_option(cli, tmp_path: Path) -> None:
    """-p is --param (crisis) only; --data-dir works before any command."""
    assert cli("compliance", "-p", "wales-2014").code == 2
    assert cli("compliance", "--pledge", "wales-2014", "--year", "2020", "--format", "csv").code == 0
    assert cli("serve", "-p", "0").code == 2
    folder = tmp_path / "elsewhere"
    assert cli("--data-dir", str(folder), "data", "remove", "2026-07").err.count(str(folder / "releases")) == 1
