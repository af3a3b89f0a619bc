"""Runs in DuckDB: stored, listable, resumable without recomputation; a kill -9 loses no finished chunk;
identical results for 1 and 2 Dask workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from natosim.engines.crisis import (
    CrisisError,
    RunStore,
    get_run,
    list_runs,
    resume,
    run_crisis,
    stored_result,
    sweep,
)
from natosim.engines.crisis.run import load_plan

GRID = ["reliability=0.5,0.9", "threshold=1/4,1/3"]


def test_a_run_is_stored_with_its_request_versions_and_results(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"
    result = run_crisis("EST", 2024, draws=10_000, seed=4, store=True, db=db, chunk_size=4096)
    row = get_run(result.run_id, db)
    assert row["status"] == "done" and row["kind"] == "run" and row["target"] == "EST"
    assert row["seed"] == 4 and row["draws"] == 10_000 and row["chunks_done"] == 3
    assert row["params"]["reliability"] == 0.745
    assert {"natosim", "numpy", "dask", "duckdb", "data_editions"} <= set(row["versions"])
    assert row["results"]["p_hold"] == result.p_hold
    again = stored_result(result.run_id, db)
    assert again.stats.to_dict() == result.stats.to_dict()


def test_default_database_is_in_the_user_data_directory(isolated_data_dir: Path) -> None:
    result = run_crisis("EST", 2024, draws=2000, seed=1, store=True)
    assert (isolated_data_dir / "crisis.duckdb").exists()
    assert result.run_id in set(list_runs()["run_id"])


def test_unknown_run_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"
    run_crisis("EST", 2024, draws=1000, seed=1, store=True, db=db)
    with pytest.raises(CrisisError, match="no crisis run 'nope'"):
        get_run("nope", db)
    assert list_runs(tmp_path / "missing.duckdb").empty


def test_sweep_gives_identical_results_on_1_and_2_workers(tmp_path: Path) -> None:
    one = sweep("EST", 2024, GRID, draws=12_000, seed=9, chunk_size=4096, workers=1, db=tmp_path / "a.db")
    two = sweep("EST", 2024, GRID, draws=12_000, seed=9, chunk_size=4096, workers=2, db=tmp_path / "b.db")
    assert one.points.equals(two.points)
    assert len(one.points) == 4
    # common random numbers across points: higher reliability never lowers P(hold) at a given threshold
    p = one.points.set_index(["threshold", "reliability"])["p_hold"]
    assert p[(0.25, 0.9)] > p[(0.25, 0.5)] and p[(1 / 3, 0.9)] > p[(1 / 3, 0.5)]
    assert p[(0.25, 0.5)] > p[(1 / 3, 0.5)]  # a lower threshold is easier to reach


def test_resume_finishes_without_recomputing_and_matches_an_uninterrupted_sweep(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"

    class Interrupt(Exception):
        pass

    def stop_after_three(done: int, total: int) -> None:
        if done >= 3:
            raise Interrupt

    with pytest.raises(Interrupt):
        sweep("EST", 2024, GRID, draws=12_000, seed=9, chunk_size=4096, workers=None, db=db, progress=stop_after_three)  # type: ignore[arg-type]
    [run_id] = list(list_runs(db)["run_id"])
    row = get_run(run_id, db)
    assert row["status"] == "interrupted" and row["chunks_done"] == 3
    with pytest.raises(CrisisError, match="resume"):
        stored_result(run_id, db)
    finished = resume(run_id, db=db, workers=1)
    assert finished.computed_chunks == 12 - 3
    reference = sweep("EST", 2024, GRID, draws=12_000, seed=9, chunk_size=4096, workers=1, store=False)
    assert finished.points.equals(reference.points)
    assert get_run(run_id, db)["status"] == "done"


def test_resume_uses_the_stored_theatre_not_todays_data(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"
    result = run_crisis("EST", 2016, draws=3000, seed=2, store=True, db=db)
    plan, grid = load_plan(get_run(result.run_id, db))
    assert grid == [{}] and plan.theatres[0].guarantors == result.theatre.guarantors
    assert plan.theatres[0].aggressor_capability == result.theatre.aggressor_capability


def test_kill_9_mid_sweep_loses_no_finished_chunk(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"
    natosim = Path(sys.executable).with_name("natosim")
    command = [
        str(natosim),
        "crisis",
        "sweep",
        "--target",
        "EST",
        "--year",
        "2024",
        "--param",
        "reliability=0.5:0.9:3",
        "--draws",
        "200000",
        "--chunk-size",
        "4096",
        "--workers",
        "1",
        "--threads",
        "--seed",
        "5",
        "--db",
        str(db),
        "--format",
        "json",
    ]
    env = {**os.environ, "NATOSIM_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    reported = 0
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("stored "):
            reported = int(line.split()[1].split("/")[0])
            if reported >= 5:
                break
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert reported >= 5, "the sweep finished or failed before it could be killed"
    with RunStore(db) as store:
        [run_id] = [r for r in store.list_runs()["run_id"]]
        kept = len(store.chunks(run_id))
    assert kept >= reported  # every chunk reported as stored survived the kill
    total = 3 * 49
    finished = resume(run_id, db=db, workers=1)
    assert finished.computed_chunks == total - kept
    reference = sweep(
        "EST", 2024, ["reliability=0.5:0.9:3"], draws=200_000, seed=5, chunk_size=4096, workers=None, store=False
    )
    assert finished.points.equals(reference.points)


def test_sweep_on_a_scheduler_address_matches_the_embedded_cluster(tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", dashboard_address=None
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        remote = sweep(
            "EST",
            2024,
            ["threshold=1/4,1/3"],
            draws=8000,
            seed=3,
            chunk_size=4000,
            scheduler=cluster.scheduler_address,
            store=False,
        )
    local = sweep("EST", 2024, ["threshold=1/4,1/3"], draws=8000, seed=3, chunk_size=4000, workers=None, store=False)
    assert remote.points.equals(local.points)


def test_an_interrupted_run_resumes_to_the_same_bits(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"

    def stop(done: int, total: int) -> None:
        if done >= 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_crisis("LVA", 2024, draws=10_000, seed=6, chunk_size=2000, store=True, db=db, progress=stop)
    [run_id] = list(list_runs(db)["run_id"])
    assert get_run(run_id, db)["chunks_done"] == 2
    finished = resume(run_id, db=db)
    reference = run_crisis("LVA", 2024, draws=10_000, seed=6, chunk_size=2000)
    assert finished.stats.to_dict() == reference.stats.to_dict()
    assert finished.run_id == run_id and get_run(run_id, db)["status"] == "done"
