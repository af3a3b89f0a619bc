"""Runs in DuckDB: stored, listable, resumable without recomputation; a kill -9 loses no finished chunk;
identical results for 1 and 2 Dask workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from natosim.engines.crisis import (
    CrisisError,
    CrisisResult,
    RunInterrupted,
    RunStore,
    SweepResult,
    get_run,
    list_runs,
    resume,
    run_crisis,
    stored_result,
    sweep_crisis,
)
from natosim.engines.crisis.run import load_plan

GRID = ["reliability=0.3,0.7", "warning_days=1,4"]


def stored_id(result: CrisisResult | SweepResult) -> str:
    """The run id of a stored result (a result computed with ``store=False`` has none)."""
    assert result.run_id is not None, "the result was not stored"
    return result.run_id


def one_run(result: CrisisResult | SweepResult) -> CrisisResult:
    assert isinstance(result, CrisisResult), f"expected a run, got {type(result).__name__}"
    return result


def a_sweep(result: CrisisResult | SweepResult) -> SweepResult:
    assert isinstance(result, SweepResult), f"expected a sweep, got {type(result).__name__}"
    return result


def test_a_run_is_stored_with_its_request_versions_and_results(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"
    result = run_crisis("EST", 2024, draws=10_000, seed=4, store=True, db=db, chunk_size=4096)
    row = get_run(stored_id(result), db)
    assert row["status"] == "done" and row["kind"] == "run" and row["target"] == "EST"
    assert row["seed"] == 4 and row["draws"] == 10_000 and row["chunks_done"] == 3
    assert row["params"]["reliability"] == 0.41
    assert {"natosim", "numpy", "dask", "duckdb", "data_editions"} <= set(row["versions"])
    assert row["results"]["p_hold"] == result.p_hold
    again = one_run(stored_result(stored_id(result), db))
    assert again.stats.to_dict() == result.stats.to_dict()


def test_default_database_is_in_the_user_data_directory(writable_data_dir: Path) -> None:
    result = run_crisis("EST", 2024, draws=2000, seed=1, store=True)
    assert (writable_data_dir / "crisis.duckdb").exists()
    assert result.run_id in set(list_runs()["run_id"])


def test_unknown_run_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"
    run_crisis("EST", 2024, draws=1000, seed=1, store=True, db=db)
    with pytest.raises(CrisisError, match="no crisis run 'nope'"):
        get_run("nope", db)
    assert list_runs(tmp_path / "missing.duckdb").empty


def test_sweep_gives_identical_results_on_1_and_2_workers(tmp_path: Path) -> None:
    one = sweep_crisis("EST", 2024, GRID, draws=12_000, seed=9, chunk_size=4096, workers=1, db=tmp_path / "a.db")
    two = sweep_crisis("EST", 2024, GRID, draws=12_000, seed=9, chunk_size=4096, workers=2, db=tmp_path / "b.db")
    assert one.points.equals(two.points)
    assert len(one.points) == 4
    # common random numbers across points: higher reliability or more warning never lowers P(hold)
    p = one.points.set_index(["warning_days", "reliability"])["p_hold"]
    assert p[(1.0, 0.7)] > p[(1.0, 0.3)] and p[(4.0, 0.7)] > p[(4.0, 0.3)]
    assert p[(4.0, 0.3)] >= p[(1.0, 0.3)]


def test_resume_finishes_without_recomputing_and_matches_an_uninterrupted_sweep_crisis(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"

    class Interrupt(Exception):
        pass

    def stop_after_three(done: int, total: int) -> None:
        if done >= 3:
            raise Interrupt

    with pytest.raises(Interrupt):
        sweep_crisis(
            "EST", 2024, GRID, draws=12_000, seed=9, chunk_size=4096, workers=None, db=db, progress=stop_after_three
        )
    [run_id] = list(list_runs(db)["run_id"])
    row = get_run(run_id, db)
    assert row["status"] == "interrupted" and row["chunks_done"] == 3
    with pytest.raises(CrisisError, match="resume"):
        stored_result(run_id, db)
    finished = a_sweep(resume(run_id, db=db, workers=1))
    assert finished.computed_chunks == 12 - 3
    reference = sweep_crisis("EST", 2024, GRID, draws=12_000, seed=9, chunk_size=4096, workers=1, store=False)
    assert finished.points.equals(reference.points)
    assert get_run(run_id, db)["status"] == "done"


def test_resume_uses_the_stored_theatre_not_todays_data(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"
    result = run_crisis("EST", 2016, draws=3000, seed=2, store=True, db=db)
    plan, grid = load_plan(get_run(stored_id(result), db))
    assert grid == [{}] and plan.theatres[0].guarantors == result.theatre.guarantors
    assert plan.theatres[0].russia_base == result.theatre.russia_base
    assert (plan.theatres[0].c_troops == result.theatre.c_troops).all()


@pytest.mark.slow  # kills or locks real processes: `make test` runs it, `make test-fast` does not
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
        "100000",
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
    total = 3 * 25  # ceil(100,000 / 4,096) chunks per point
    finished = a_sweep(resume(run_id, db=db, workers=1))
    assert finished.computed_chunks == total - kept
    reference = sweep_crisis(
        "EST", 2024, ["reliability=0.5:0.9:3"], draws=100_000, seed=5, chunk_size=4096, workers=None, store=False
    )
    assert finished.points.equals(reference.points)


def test_sweep_on_a_scheduler_address_matches_the_embedded_cluster(tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", dashboard_address="127.0.0.1:0"
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        remote = sweep_crisis(
            "EST",
            2024,
            ["warning_days=1,3"],
            draws=8000,
            seed=3,
            chunk_size=4000,
            scheduler=cluster.scheduler_address,
            store=False,
        )
    local = sweep_crisis(
        "EST", 2024, ["warning_days=1,3"], draws=8000, seed=3, chunk_size=4000, workers=None, store=False
    )
    assert remote.points.equals(local.points)


def test_an_interrupted_run_resumes_to_the_same_bits(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"

    def stop(done: int, total: int) -> None:
        if done >= 2:
            raise KeyboardInterrupt

    with pytest.raises(RunInterrupted) as stopped:
        run_crisis("LVA", 2024, draws=10_000, seed=6, chunk_size=2000, store=True, db=db, progress=stop)
    [run_id] = list(list_runs(db)["run_id"])
    assert stopped.value.run_id == run_id
    assert get_run(run_id, db)["chunks_done"] == 2
    finished = one_run(resume(run_id, db=db))
    reference = run_crisis("LVA", 2024, draws=10_000, seed=6, chunk_size=2000)
    assert finished.stats.to_dict() == reference.stats.to_dict()
    assert finished.run_id == run_id and get_run(run_id, db)["status"] == "done"


def test_run_ids_accept_unique_prefixes(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"
    result = run_crisis("EST", 2024, draws=1000, seed=1, store=True, db=db)
    run_id = stored_id(result)
    assert get_run(run_id[:6], db)["run_id"] == run_id
    assert one_run(stored_result(run_id[:4].upper(), db)).p_hold == result.p_hold
    with pytest.raises(CrisisError, match="no crisis run 'ab'"):
        get_run("ab", db)  # too short to be a prefix


def test_a_run_whose_process_died_is_shown_interrupted(tmp_path: Path) -> None:
    db = tmp_path / "runs.duckdb"
    result = run_crisis("EST", 2024, draws=1000, seed=1, store=True, db=db)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    store = RunStore(db)
    with store._transaction() as con:
        con.execute("UPDATE runs SET status = 'running', pid = ? WHERE run_id = ?", [int(dead.stdout), result.run_id])
    assert list(list_runs(db)["status"]) == ["interrupted"]


@pytest.mark.slow  # kills or locks real processes: `make test` runs it, `make test-fast` does not
def test_a_refused_request_leaves_no_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import natosim.engines.crisis.run as crisis_run

    monkeypatch.setattr(crisis_run, "SCHEDULER_TIMEOUT", "1s")  # nothing listens on port 9: no need to wait 10 s
    db = tmp_path / "runs.duckdb"
    with pytest.raises(CrisisError):
        run_crisis("EST", 2024, draws=1000, seed=1, store=True, db=db, scheduler="tcp://127.0.0.1:9")
    assert list_runs(db).empty


def test_runs_are_listed_and_a_second_run_works_while_a_sweep_writes(tmp_path: Path) -> None:
    """Short connections per write: the sweep never holds the database between chunks."""
    db = tmp_path / "runs.duckdb"
    natosim = Path(sys.executable).with_name("natosim")
    command = [str(natosim), "crisis", "sweep", "--target", "EST", "--param", "reliability=0.3:0.9:4"]
    command += ["--draws", "400000", "--chunk-size", "4096", "--workers", "1", "--db", str(db)]
    env = {**os.environ, "NATOSIM_DATA_DIR": str(tmp_path)}
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env)
    assert process.stderr is not None
    try:
        for line in process.stderr:
            if line.startswith("stored ") and int(line.split()[1].split("/")[0]) >= 3:
                break
        listed = list_runs(db)
        assert list(listed["status"]) == ["running"] and listed["chunks_done"].iloc[0] >= 3
        second = run_crisis("LVA", 2024, draws=2000, seed=1, store=True, db=db)
        assert get_run(stored_id(second), db)["status"] == "done"
    finally:
        process.kill()
        process.wait(timeout=30)


def test_a_sweep_listens_on_loopback_only_and_stores_worker_versions(tmp_path: Path) -> None:
    import threading

    import psutil

    db = tmp_path / "runs.duckdb"
    seen: list[tuple[str, int]] = []
    stop = threading.Event()

    def watch() -> None:
        me = psutil.Process()
        while not stop.is_set():
            for proc in [me, *me.children(recursive=True)]:
                try:
                    for conn in proc.net_connections(kind="inet"):
                        if conn.status == psutil.CONN_LISTEN:
                            seen.append((conn.laddr.ip, conn.laddr.port))
                except psutil.Error:
                    pass
            stop.wait(0.05)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result = sweep_crisis(
            "EST", 2024, ["reliability=0.3,0.7"], draws=8192, seed=2, chunk_size=4096, workers=2, processes=True, db=db
        )
    finally:
        stop.set()
        watcher.join()
    assert seen, "a process-based cluster listens on TCP"
    assert {ip for ip, _ in seen} <= {"127.0.0.1", "::1"}, seen
    assert not {port for _, port in seen} & {8787, 8789}, seen  # no fixed dask dashboard port
    workers = get_run(stored_id(result), db)["versions"]["workers"]
    assert len(workers) == 2 and all(v["natosim"] for v in workers.values())
    threads = sweep_crisis("EST", 2024, ["reliability=0.3,0.7"], draws=8192, seed=2, chunk_size=4096, store=False)
    assert threads.points.equals(result.points)  # 2 worker processes, 2 threads: the same bits
    assert not Path("/tmp/dask-scratch-space").exists() or not any(
        str(os.getpid()) in p.name for p in Path("/tmp/dask-scratch-space").iterdir()
    )


def test_a_killed_cluster_is_one_message_naming_resume(tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    from natosim.engines.crisis import ClusterFailure

    db = tmp_path / "runs.duckdb"
    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address="127.0.0.1:0")
    client = Client(cluster)

    def kill_after_two(done: int, total: int) -> None:
        if done >= 2:
            cluster.close()

    try:
        with pytest.raises(ClusterFailure, match="natosim crisis resume"):
            sweep_crisis(
                "EST",
                2024,
                ["reliability=0.3,0.7"],
                draws=40_000,
                chunk_size=2000,
                db=db,
                client=client,
                progress=kill_after_two,
            )
    finally:
        client.close()
    [run_id] = list(list_runs(db)["run_id"])
    assert get_run(run_id, db)["status"] == "interrupted" and get_run(run_id, db)["chunks_done"] >= 2
    finished = a_sweep(resume(run_id, db=db, workers=1))
    reference = sweep_crisis(
        "EST", 2024, ["reliability=0.3,0.7"], draws=40_000, chunk_size=2000, workers=None, store=False
    )
    assert finished.points.equals(reference.points)


def test_a_scheduler_without_workers_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import LocalCluster

    from natosim.engines.crisis import run as crisis_run

    monkeypatch.setattr(crisis_run, "WORKER_WAIT", 1.0)
    db = tmp_path / "runs.duckdb"
    with (
        LocalCluster(n_workers=0, processes=False, protocol="tcp", dashboard_address="127.0.0.1:0") as cluster,
        pytest.raises(CrisisError, match="no Dask workers are connected"),
    ):
        run_crisis("EST", 2024, draws=1000, seed=1, store=True, db=db, scheduler=cluster.scheduler_address)
    assert list_runs(db).empty  # nothing to resume: no row left behind


def test_an_external_scheduler_and_worker_give_the_same_bits(tmp_path: Path) -> None:
    """`dask scheduler` and `dask worker` as separate processes on loopback, as a user would run them."""
    import json
    import time

    dask = Path(sys.executable).with_name("dask")
    info = tmp_path / "scheduler.json"
    env = {**os.environ, "DASK_TEMPORARY_DIRECTORY": str(tmp_path / "scratch")}
    common: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env}
    scheduler = subprocess.Popen(
        [str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file", str(info)],
        **common,
    )
    worker = None
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        worker = subprocess.Popen(
            [
                str(dask),
                "worker",
                address,
                "--nworkers",
                "1",
                "--nthreads",
                "1",
                "--no-dashboard",
                "--local-directory",
                str(tmp_path / "scratch"),
            ],
            **common,
        )
        db = tmp_path / "runs.duckdb"
        remote = sweep_crisis(
            "EST", 2024, ["warning_days=1,3"], draws=8192, seed=3, chunk_size=4096, scheduler=address, db=db
        )
        assert get_run(stored_id(remote), db)["versions"]["workers"]  # the worker's package versions are stored
    finally:
        for process in (worker, scheduler):
            if process is not None:
                process.terminate()
                process.wait(timeout=30)
    local = sweep_crisis(
        "EST", 2024, ["warning_days=1,3"], draws=8192, seed=3, chunk_size=4096, workers=None, store=False
    )
    assert remote.points.equals(local.points)


def test_ctrl_c_inside_a_duckdb_query_is_an_interrupt_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DuckDB turns a SIGINT that lands mid-query into ``RuntimeError: Query interrupted``; the store
    hands it on as ``KeyboardInterrupt`` so the run's interrupt path prints the resume command."""
    import duckdb

    class Interrupted:
        def execute(self, *args: Any) -> None:
            raise RuntimeError("Query interrupted")

        def close(self) -> None:
            return None

    monkeypatch.setattr(duckdb, "connect", lambda path: Interrupted())
    with pytest.raises(KeyboardInterrupt), RunStore(tmp_path / "runs.duckdb") as store:
        store.list_runs()
