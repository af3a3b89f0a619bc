"""``natosim crisis``: run, compare, validate, sweep, runs, show, resume — through the real entry point."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def test_run_json_is_the_documented_contract(cli, tmp_path: Path) -> None:
    db = str(tmp_path / "r.duckdb")
    args = ("crisis", "run", "--target", "Estonia", "--year", "2024", "--draws", "20000", "--seed", "1")
    r = cli(*args, "--db", db, "--range-points", "16", "--format", "json")
    assert r.code == 0, r.err
    out = r.json()
    assert out["target"] == "EST" and out["year"] == 2024 and out["aggressor"] == "RUS" and out["run_id"]
    assert 0 < out["p_hold"] < 1 and 0 < out["p_hold_se"] < 0.01
    low, high = out["p_hold_range"]
    assert 0 <= low < high <= 1
    troops = out["expected_troops_by_day"]
    assert set(troops["USA"]) == {"3", "10", "30"} and troops["GBR"]["3"] >= 1430
    assert out["expected_allied_troops"]["10"] <= 150_000 and out["expected_allied_troops"]["30"] <= 500_000
    names = {a["name"] for a in out["assumptions"]}
    assert {"reliability", "us_enabler_factor", "ukraine_committed_share"} <= names
    for a in out["assumptions"]:
        assert set(a) == {"name", "value", "unit", "low", "high", "source", "confidence"}
    reliability = next(a for a in out["assumptions"] if a["name"] == "reliability")
    assert reliability["value"] == 0.41 and "Berkemeier" in reliability["source"]

    listed = cli("crisis", "runs", "--db", db, "--format", "json").json()
    assert [row["run_id"] for row in listed] == [out["run_id"]]
    shown = cli("crisis", "show", out["run_id"][:6], "--db", db, "--format", "json").json()
    assert shown["p_hold"] == out["p_hold"] and shown["p_hold_range"] == out["p_hold_range"]
    assert shown["expected_troops_by_day"] == out["expected_troops_by_day"]


def test_run_table_csv_and_sensitivity(cli, tmp_path: Path) -> None:
    db = str(tmp_path / "r.duckdb")
    base = ("crisis", "run", "--target", "LVA", "--draws", "5000", "--range-points", "0", "--db", db)
    r = cli(*base, "--param", "reliability=0.9", "--sensitivity")
    assert r.code == 0, r.err
    assert "LVA attacked by RUS in 2024" in r.out and "P(hold 30 days) =" in r.out
    assert "unit: troops" in r.out and "Morris" in r.out and "ukraine_committed_share" in r.out
    csv = cli(*base, "--format", "csv")
    header = csv.out.splitlines()[0].split(",")
    assert header[:5] == ["target", "year", "scenario", "p_hold", "p_hold_se"] and "troops_day_10" in header


def test_run_plots_the_troops_each_guarantor_brings(cli, tmp_path: Path) -> None:
    """Issue 18 §9: a crisis run draws its contributions with --plot FILE (PNG or SVG, mode 0644)."""
    db = str(tmp_path / "r.duckdb")
    svg = tmp_path / "troops.svg"
    base = ("crisis", "run", "--target", "EST", "--draws", "5000", "--range-points", "0", "--db", db)
    r = cli(*base, "--plot", str(svg))
    assert r.code == 0, r.err
    text = svg.read_text()
    assert "expected allied troops by day" in text and "USA" in text and "by day 30" in text
    assert svg.stat().st_mode & 0o777 == 0o644
    bad = cli(*base, "--plot", str(tmp_path / "troops.pdf"))
    assert bad.code == 2 and "must end in .png or .svg" in bad.err


def test_compare_and_validate_json(cli) -> None:
    r = cli(
        "crisis",
        "compare",
        "baseline",
        "us-withdrawal-act-of-congress",
        "--target",
        "EST",
        "--year",
        "2027",
        "--draws",
        "5000",
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    out = r.json()
    assert {"p_hold_base", "p_hold_scenario", "difference", "ci_low", "ci_high"} <= set(out)
    assert out["ci_low"] <= out["difference"] <= out["ci_high"] and out["guarantors_lost"] == ["USA"]
    early = cli(
        "crisis",
        "compare",
        "baseline",
        "us-withdrawal-act-of-congress",
        "--target",
        "EST",
        "--year",
        "2025",
        "--draws",
        "1000",
    )
    assert early.code == 0 and "not in force in 2025" in early.out
    v = cli("crisis", "validate", "--draws", "2000", "--format", "json")
    assert v.code == 0, v.err
    assert v.json()["passed"] and {"name", "expected", "got", "passed"} <= set(v.json()["results"][0])


def test_sweep_then_show(cli, tmp_path: Path) -> None:
    db = str(tmp_path / "r.duckdb")
    r = cli(
        "crisis",
        "sweep",
        "--target",
        "EST",
        "--param",
        "reliability=0.3:0.9:3",
        "--draws",
        "6000",
        "--chunk-size",
        "3000",
        "--workers",
        "1",
        "--db",
        db,
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    out = r.json()
    assert [p["reliability"] for p in out["points"]] == [0.3, 0.6, 0.9]
    assert out["computed_chunks"] == 6
    shown = cli("crisis", "show", out["run_id"], "--db", db, "--format", "json").json()
    assert shown["points"] == out["points"]


def test_bad_input_is_one_line_and_exit_2_and_stores_nothing(cli, tmp_path: Path) -> None:
    db = str(tmp_path / "r.duckdb")
    for args, expected in [
        (("crisis", "run", "--target", "Narnia", "--draws", "10", "--db", db), "Narnia"),
        (("crisis", "run", "--target", "ESP", "--draws", "10", "--db", db), "no land border"),
        (("crisis", "run", "--target", "FIN", "--year", "2016", "--draws", "10", "--db", db), "not a party"),
        (("crisis", "run", "--target", "EST", "--param", "reliability=2", "--db", db), "reliability"),
        (("crisis", "run", "--target", "EST", "--param", "reliability=0.5,0.6", "--db", db), "sweep"),
        (("crisis", "run", "--target", "EST", "-p", "reliability=0.5", "-p", "reliability=0.6", "--db", db), "twice"),
        (("crisis", "run", "--target", "EST", "--draws", "1000000000000", "--db", db), "--max-draws"),
        (("crisis", "run", "--target", "EST", "--seed", "-1", "--db", db), "between 0 and"),
        (("crisis", "run", "--target", "EST", "--seed", str(2**70), "--db", db), "between 0 and"),
        (("crisis", "sweep", "--target", "EST", "--param", "nonsense", "--db", db), "NAME=VALUE"),
        (
            (
                "crisis",
                "sweep",
                "--target",
                "EST",
                "-p",
                "reliability=0:1:1000",
                "-p",
                "warning_days=0:7:1000",
                "--db",
                db,
            ),
            "over the limit",
        ),
        (("crisis", "sweep", "--target", "EST", "-p", "reliability=0:1:1000000000000", "--db", db), "COUNT"),
        (("crisis", "show", "abc", "--db", db), "no crisis run"),
        (("crisis", "resume", "abc", "--db", db), "no crisis run"),
    ]:
        started = time.monotonic()
        r = cli(*args)
        assert r.code == 2, (args, r.err)
        assert expected in r.err and "Traceback" not in r.err, (args, r.err)
        assert len(r.err.strip().splitlines()) == 1, r.err
        assert time.monotonic() - started < 30
    assert not Path(db).exists() or cli("crisis", "runs", "--db", db, "--format", "json").json() == []


def test_ctrl_c_prints_the_run_id_and_how_to_resume(tmp_path: Path) -> None:
    natosim = Path(sys.executable).with_name("natosim")
    command = [str(natosim), "crisis", "run", "--target", "EST", "--draws", "5000000", "--chunk-size", "4096"]
    command += ["--range-points", "0", "--db", str(tmp_path / "r.duckdb")]
    env = {**os.environ, "NATOSIM_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    deadline = time.monotonic() + 120
    from natosim.engines.crisis import list_runs

    while time.monotonic() < deadline:
        time.sleep(0.5)
        runs = list_runs(tmp_path / "r.duckdb") if (tmp_path / "r.duckdb").exists() else None
        if runs is not None and len(runs) and runs["chunks_done"].iloc[0] >= 2:
            break
    os.kill(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    run_id = list_runs(tmp_path / "r.duckdb")["run_id"].iloc[0]
    assert f"natosim crisis resume {run_id}" in err and "Traceback" not in err
