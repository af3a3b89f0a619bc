"""Issue 13 fuzz suite: every ``natosim`` command, its options drawn by hypothesis from good, edge and
bad values. Each case runs the real entry point in-process and must end cleanly: exit 0 or a one-line
error (exit 2) — no traceback, no hang past its limit, no imported release lost or changed by a
command that does not import or remove.

The command list is read from the typer app itself, so a new command is fuzzed without editing this
file (a parameter with no strategy below gets free text). Crisis commands run with tiny draws; the
crisis engine's own limits are tested in tests/crisis.
"""

from __future__ import annotations

import contextlib
import io
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import typer.main
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_counts import tally

import natosim
from natosim.cli.main import app, run
from natosim.data.store import pointers

BUNDLED = Path(natosim.__file__).parent / "data" / "bundled"
#: a case that runs longer than this is a hang (seconds); the slowest honest case takes a few
HANG_AFTER = 60
#: root options that would touch the user's shell configuration
NEVER = {"--install-completion"}
#: commands not run with arbitrary options: `serve` would listen (it gets bad ports only)
EXAMPLES = {"crisis sweep": 2, "crisis resume": 3, "crisis run": 4, "serve": 4}
DEFAULT_EXAMPLES = 6


def _commands() -> list[tuple[list[str], Any]]:
    found: list[tuple[list[str], Any]] = []

    def walk(command: Any, path: list[str]) -> None:
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])
        else:
            found.append((path, command))

    walk(typer.main.get_command(app), [])
    return found


COMMANDS = _commands()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Real inputs for path options: a valid release, a broken one, scenarios, an article, a folder."""
    folder = tmp_path_factory.mktemp("fuzz-inputs")
    raw = pd.read_csv(BUNDLED / "figures.csv", dtype=str, keep_default_na=False)
    good = raw[(raw["edition"] == "2024-06") & (raw["year"] == "2024")].assign(edition="2026-07", source="nato-2024-06")
    good.to_csv(folder / "release.csv", index=False)
    good.assign(defence_exp_pct_gdp="75").to_csv(folder / "bad-release.csv", index=False)
    (folder / "dup.yaml").write_text("name: a\nname: b\n", encoding="utf-8")
    (folder / "notice.yaml").write_text(
        "name: x\ndescription: d\nsources: [{title: t, url: u, date: 2024-02-10}]\nperiod: {start: 2020, end: 2026}\n"
        "baseline_year: 2024\npolicies: [{type: withdrawal, country: USA, notice_date: 2025-06-31}]\n",
        encoding="utf-8",
    )
    (folder / "article.txt").write_text(
        "NATO has 32 members. In 2024, 23 allies met the 2% target.\n", encoding="utf-8"
    )
    return {
        "release": str(folder / "release.csv"),
        "bad_release": str(folder / "bad-release.csv"),
        "dup": str(folder / "dup.yaml"),
        "notice": str(folder / "notice.yaml"),
        "article": str(folder / "article.txt"),
        "folder": str(folder),
        "missing": str(folder / "no-such-file.csv"),
        "png": str(folder / "plot.png"),
        "txt_plot": str(folder / "plot.txt"),
        "nowhere_png": str(folder / "no-such-dir" / "plot.png"),
        "db": str(folder / "runs.duckdb"),
    }


def _values(name: str, files: dict[str, str]) -> st.SearchStrategy[str]:
    """Good, edge and bad values for a parameter, by its name."""
    countries = ["EST", "USA", "Germany", "de", "UKR", "FIN", "Narnia", "ZZZ", ""]
    dates = ["2024-06-01", "2026-01-01", "2024-02-29", "2024-02-30", "2025-06-31", "9999-01-01", "1900-01-01", "x"]
    years = ["2014", "2020", "2024", "2025", "1948", "0", "-1", "9999", str(2**70)]
    by_name: dict[str, list[str]] = {
        "fmt": ["table", "csv", "json", "md", "xml"],
        "year": [*years, "2014..2024", "all", "2020,2022", "abc"],
        "base_year": years,
        "cutoff": years,
        "horizon": ["1", "5", "0", "-3", "abc"],
        "country": countries,
        "target": countries,
        "crisis": countries,
        "veto": countries,
        "without": countries,
        "exclusion": ["USA", "EST", "bogus"],
        "edition": ["2024-06", "2025-08", "2099-01", "bogus", ""],
        "date": dates,
        "invited": dates,
        "notice": dates,
        "published": ["2026-07-01", "2026-07", "2026-02-30", "9999-01", "x"],
        "threshold": ["2", "3.5", "nan", "inf", "-1", "1e308"],
        "private_share": ["0.2", "nan", "-1", "2"],
        # absurd sizes must be refused by the limits at once (issue 13: 10^12 draws ate 23.6 GB)
        "draws": ["1", "64", "500", "0", "-1", "abc", "1000000000000", str(10**23)],
        "sensitivity_draws": ["16", "0", "-1", "1000000000000"],
        "chunk_size": ["64", "1", "0", "-1", str(2**70)],
        "seed": ["0", "1", "7", "-1", str(2**70)],
        "max_draws": ["1", "0", "-1", "abc"],  # never raised: the suite must stay laptop-sized
        "max_points": ["1", "0", "-1"],
        "workers": ["1", "0", "-1"],
        "param": ["reliability=0.6", "reliability=nan", "reliability=2", "nosuch=1", "x"],
        # (a folder or a non-DuckDB file as --db is retried 15 s as "busy" before a clean error: left
        # out to keep the suite short; reported to the crisis store's owner, issue 15)
        "db": [files["db"], files["nowhere_png"]],
        "scenario": ["us-withdrawal-executive", "baseline", "nosuch", files["dup"], files["notice"]],
        "scenarios": ["us-withdrawal-executive", "ukraine-accession", "nosuch", files["dup"], files["notice"]],
        "a": ["us-withdrawal-executive", "nosuch", files["notice"]],
        "b": ["us-conditional-guarantee-2pct", "ukraine-accession", files["dup"]],
        "file": [files["release"], files["bad_release"], files["missing"], files["folder"]],
        "source": [files["article"], files["missing"], "NATO has 32 members."],
        "run_id": ["abc", "0", "ffffffff", ""],
        "path": ["executive", "senate", "act-of-congress", "national", "bogus"],
        "plot": [files["png"], files["txt_plot"], files["nowhere_png"]],
        "max_size_mb": ["1", "0", "-5", "abc"],
        "port": ["0", "-1", "70000", "abc"],  # never a free port: serve must not listen
        "data_dir": [files["folder"] + "/data", files["article"], files["article"] + "/data"],  # not folders
        "scheduler": ["not-an-address"],
    }
    if name in by_name:
        return st.sampled_from(by_name[name])
    return st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=20)


@st.composite
def _argv(draw: st.DrawFn, path: list[str], command: Any, files: dict[str, str]) -> list[str]:
    argv = list(path)
    for param in command.params:
        opts = [o for o in (getattr(param, "opts", None) or []) if o not in NEVER]
        if param.name in ("processes",) or (param.name == "host" and path == ["serve"]):
            continue
        if param.param_type_name == "argument":
            count = 2 if (param.nargs == -1 and draw(st.booleans())) else 1
            argv += [draw(_values(param.name, files)) for _ in range(count)]
            continue
        if not opts:
            continue
        if path == ["serve"] and param.name == "port":
            argv += [opts[0], draw(_values("port", files))]
            continue
        if not draw(st.booleans()):
            continue
        if getattr(param, "is_flag", False):
            argv.append(opts[0])
            continue
        repeats = 2 if getattr(param, "multiple", False) and draw(st.booleans()) else 1
        for _ in range(repeats):
            argv += [draw(st.sampled_from(opts)), draw(_values(param.name, files))]
    return argv


class Hang(Exception):
    pass


@contextlib.contextmanager
def _limit(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: Any) -> None:
        raise Hang()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _invoke(argv: list[str]) -> tuple[str, int | None, str]:
    """Run natosim in-process: ('clean' | 'traceback' | 'hang', exit code, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.argv
    sys.argv = ["natosim", *argv]
    try:
        with _limit(HANG_AFTER), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            run()
        return "clean", 0, err.getvalue()
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        outcome = "traceback" if "Traceback" in err.getvalue() or code not in (0, 2) else "clean"
        return outcome, code, err.getvalue()
    except Hang:
        return "hang", None, err.getvalue()
    except BaseException as error:  # anything else escaping the entry point is a traceback for the user
        return "traceback", None, f"{type(error).__name__}: {error}"
    finally:
        sys.argv = saved


def _ids() -> list[str]:
    return [" ".join(path) for path, _ in COMMANDS]


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=_ids())
def test_every_command_fails_well_under_any_options(
    path: list[str], command: Any, files: dict[str, str], writable_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    failures: list[str] = []

    @settings(
        max_examples=EXAMPLES.get(" ".join(path), DEFAULT_EXAMPLES),
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(argv=_argv(path, command, files))
    def case(argv: list[str]) -> None:
        before = {edition: version.name for edition, version in pointers(writable_data_dir).items()}
        outcome, code, err = _invoke(argv)
        after = {edition: version.name for edition, version in pointers(writable_data_dir).items()}
        changes_data = path[:2] in (["data", "import"], ["data", "remove"]) and code == 0
        if outcome == "clean" and before != after and not changes_data:
            outcome = "lost"
        if outcome == "clean" and code == 2 and len(err.strip().splitlines()) > 12:
            outcome = "traceback"  # an error is one line (usage errors: click's short box)
        tally("fuzz", outcome)
        if outcome != "clean":
            failures.append(f"{outcome}: natosim {' '.join(argv)} (exit {code})\n{err[-2000:]}")

    case()
    assert not failures, "\n\n".join(failures[:3])
