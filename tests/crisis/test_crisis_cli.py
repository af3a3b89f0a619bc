"""``natosim crisis``: run, sweep, runs, show, resume — through the real entry point."""

from __future__ import annotations

from pathlib import Path


def test_run_json_is_the_documented_contract(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "r.duckdb")
    r = cli(
        "crisis",
        "run",
        "--target",
        "Estonia",
        "--year",
        "2016",
        "--draws",
        "20000",
        "--seed",
        "1",
        "--db",
        db,
        "--format",
        "json",
    )
    assert r.code == 0, r.err
    out = r.json()
    assert out["target"] == "EST" and out["year"] == 2016 and out["aggressor"] == "RUS"
    assert 0 <= out["p_hold"] < 0.1 and out["run_id"]
    assert {"p5", "p50", "p95"} <= set(out["days_to_parity"])
    usa = next(row for row in out["contributions"] if row["iso3"] == "USA")
    assert usa["p_respond"] == 0.745 and usa["capability"] > 600_000
    assert out["parameter_sources"]["reliability"]["source"].startswith("Leeds, Long & Mitchell")
    assert any("SIPRI constant 2023" in n for n in out["notes"])

    listed = cli("crisis", "runs", "--db", db, "--format", "json").json()
    assert [row["run_id"] for row in listed] == [out["run_id"]]
    shown = cli("crisis", "show", out["run_id"], "--db", db, "--format", "json").json()
    assert shown["p_hold"] == out["p_hold"] and shown["contributions"] == out["contributions"]


def test_run_table_with_params_and_sensitivity(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    r = cli(
        "crisis",
        "run",
        "--target",
        "LVA",
        "--draws",
        "5000",
        "--param",
        "reliability=0.9",
        "--param",
        "threshold=1/4",
        "--sensitivity",
        "--sensitivity-draws",
        "2000",
        "--db",
        str(tmp_path / "r.duckdb"),
    )
    assert r.code == 0, r.err
    assert "LVA attacked by RUS in 2024" in r.out and "P(hold) =" in r.out
    assert "Sensitivity of P(hold)" in r.out and "warning_days" in r.out


def test_sweep_then_show(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "r.duckdb")
    r = cli(
        "crisis",
        "sweep",
        "--target",
        "EST",
        "--param",
        "reliability=0.5:0.9:3",
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
    assert [p["reliability"] for p in out["points"]] == [0.5, 0.7, 0.9]
    assert out["computed_chunks"] == 6
    shown = cli("crisis", "show", out["run_id"], "--db", db, "--format", "json").json()
    assert shown["points"] == out["points"]


def test_bad_input_is_one_line_and_exit_2(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "r.duckdb")
    for args, expected in [
        (("crisis", "run", "--target", "Narnia", "--draws", "10", "--db", db), "Narnia"),
        (
            ("crisis", "run", "--target", "FIN", "--year", "2016", "--draws", "10", "--db", db),
            "not a party of the 2016 state",
        ),
        (("crisis", "run", "--target", "EST", "--param", "reliability=2", "--db", db), "reliability"),
        (("crisis", "run", "--target", "EST", "--param", "reliability=0.5,0.6", "--db", db), "sweep"),
        (("crisis", "sweep", "--target", "EST", "--param", "nonsense", "--db", db), "NAME=VALUE"),
        (("crisis", "show", "abc", "--db", db), "no crisis run"),
        (("crisis", "resume", "abc", "--db", db), "no crisis run"),
    ]:
        r = cli(*args)
        assert r.code == 2, (args, r.err)
        assert expected in r.err and "Traceback" not in r.err
        assert len(r.err.strip().splitlines()) == 1


def test_show_an_unfinished_sweep_says_how_to_finish(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from natosim.engines.crisis import sweep

    db = tmp_path / "r.duckdb"

    def stop(done: int, total: int) -> None:
        if done >= 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        sweep("EST", 2024, ["threshold=0.25,0.5"], draws=4000, chunk_size=2000, workers=None, db=db, progress=stop)
    run_id = cli("crisis", "runs", "--db", str(db), "--format", "json").json()[0]["run_id"]
    shown = cli("crisis", "show", run_id, "--db", str(db), "--format", "json").json()
    assert shown["status"] == "interrupted" and shown["chunks_done"] == 1
    assert f"natosim crisis resume {run_id}" in shown["hint"]
    done = cli("crisis", "resume", run_id, "--db", str(db), "--workers", "1", "--format", "json").json()
    assert done["computed_chunks"] == 3
