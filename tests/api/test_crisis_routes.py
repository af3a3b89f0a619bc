"""Crisis runs: start → job id, progress, the same result as the library, stored in the run database."""

from __future__ import annotations

import json
import time

import pytest

#: crisis runs are stored in the data directory: every test here writes
pytestmark = pytest.mark.usefixtures("writable_data_dir")

REQUEST = {"target": "EST", "year": 2024, "draws": 4000, "seed": 7}


def wait(client, job: str, timeout: float = 60.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        view = client.get(f"/api/crisis/jobs/{job}").json()
        if view["status"] in ("done", "failed"):
            return view
        time.sleep(0.05)
    raise AssertionError(f"job {job} did not finish")


def test_run_gives_the_library_result_and_is_stored(client) -> None:
    from natosim.engines.crisis import list_runs, run_crisis

    started = client.post("/api/crisis/runs", json=REQUEST)
    assert started.status_code == 202
    job = started.json()["job"]
    view = wait(client, job)
    assert view["status"] == "done", view["error"]
    assert view["progress"] == 1.0 and view["chunks_done"] == view["chunks_total"] >= 1
    expected = run_crisis("EST", 2024, draws=4000, seed=7)
    assert view["result"]["p_hold"] == expected.p_hold  # same seed, same result, bit for bit
    assert [c["iso3"] for c in view["result"]["contributions"]] == list(expected.contributions["iso3"])
    # the contract with the dashboard: the range, the troops by day, the assumptions with their sources
    result = view["result"]
    assert result["p_hold_se"] == expected.p_hold_se and len(result["p_hold_range"]) == 2
    assert result["expected_troops_by_day"] == expected.expected_troops_by_day
    assert {"name", "value", "unit", "low", "high", "source", "confidence"} == set(result["assumptions"][0])
    run_id = view["run_id"]
    assert run_id in set(list_runs()["run_id"])  # the CLI's database
    listed = client.get("/api/crisis/runs").json()
    assert run_id in {row["run_id"] for row in listed["rows"]}
    stored = client.get(f"/api/crisis/runs/{run_id}").json()
    assert stored["status"] == "done" and stored["results"]["p_hold"] == expected.p_hold


def test_events_stream_ends_with_done(client) -> None:
    job = client.post("/api/crisis/runs", json=REQUEST).json()["job"]
    with client.stream("GET", f"/api/crisis/jobs/{job}/events") as stream:
        text = "".join(stream.iter_text())
    events = [block for block in text.split("\n\n") if block.strip()]
    last = events[-1].splitlines()
    assert last[0] == "event: done"
    assert json.loads(last[1].removeprefix("data: "))["progress"] == 1.0


def test_sweep_is_bounded_and_runs(client, settings) -> None:
    job = client.post("/api/crisis/runs", json={**REQUEST, "draws": 2000, "grid": {"reliability": [0.2, 0.9]}}).json()[
        "job"
    ]
    view = wait(client, job)
    assert view["status"] == "done", view["error"]
    points = view["result"]["points"]
    assert [p["reliability"] for p in points] == [0.2, 0.9]
    assert points[0]["p_hold"] <= points[1]["p_hold"]  # common random numbers: more reliable, no worse
    grid = {"reliability": [0.1] * (settings.max_sweep + 1)}
    too_big = client.post("/api/crisis/runs", json={**REQUEST, "grid": grid})
    assert too_big.status_code == 422 and too_big.json()["field"] == "grid"


def test_bad_requests_are_refused_before_any_work(client, settings) -> None:
    cases = [
        ({**REQUEST, "draws": settings.max_draws + 1}, "draws"),
        ({**REQUEST, "target": "Atlantis"}, "target"),
        ({**REQUEST, "params": {"reliability": 2}}, "params.reliability"),
        ({**REQUEST, "params": {"bravery": 1}}, "params"),
        ({**REQUEST, "grid": {"bravery": [1, 2]}}, "grid"),
        ({**REQUEST, "grid": {"reliability": [0.5, 7]}}, "grid"),
        ({**REQUEST, "params": {"aggressor": "Atlantis"}}, "params.aggressor"),
        ({**REQUEST, "params": {"aggressor": "FRA"}}, "params.aggressor"),  # an ally of the target
        ({**REQUEST, "year": 1950}, "year"),
        ({**REQUEST, "target": "ESP"}, "target"),  # no land border with Russia or Belarus: said now, not later
        ({**REQUEST, "draws": 0}, "draws"),
        ({"year": 2024}, "target"),
    ]
    for body, field in cases:
        response = client.post("/api/crisis/runs", json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["field"] == field, (body, response.json())
    assert client.get("/api/crisis/jobs").json() == {"count": 0, "rows": []}


def test_unknown_job_and_run_are_404(client) -> None:
    assert client.get("/api/crisis/jobs/nope").status_code == 404
    assert client.get("/api/crisis/jobs/nope/events").status_code == 404
    response = client.get("/api/crisis/runs/nope")
    assert response.status_code == 404 and response.json()["field"] == "run_id"


def test_limits_are_published(client, settings) -> None:
    assert client.get("/api/crisis/limits").json() == {
        "max_draws": settings.max_draws,
        "max_sweep": settings.max_sweep,
        "workers": 1,
    }


def test_run_under_a_bundled_scenario_matches_the_library(client) -> None:
    from natosim.engines.crisis import run_crisis
    from natosim.engines.crisis.scenario_link import scenario_state

    body = {**REQUEST, "target": "LVA", "scenario": "us-conditional-guarantee-hague"}
    view = wait(client, client.post("/api/crisis/runs", json=body).json()["job"])
    assert view["status"] == "done", view["error"]
    state, label = scenario_state("us-conditional-guarantee-hague", 2024)
    expected = run_crisis("LVA", 2024, state, draws=4000, seed=7, scenario=label)
    assert view["result"]["p_hold"] == expected.p_hold
    assert view["result"]["scenario"] == "us-conditional-guarantee-hague"
    assert "USA" not in {c["iso3"] for c in view["result"]["contributions"]}  # Latvia is below the Hague line
    bad = client.post("/api/crisis/runs", json={**REQUEST, "scenario": "../secret"})
    assert bad.status_code == 404 and bad.json()["field"] == "scenario"  # an unknown scenario is 404 everywhere


def test_stored_runs_are_listed_while_a_run_is_writing(client) -> None:
    job = client.post("/api/crisis/runs", json={**REQUEST, "draws": 20_000}).json()["job"]
    while True:  # the job holds a read-write connection; listing in the same process must still work
        listed = client.get("/api/crisis/runs")
        assert listed.status_code == 200
        view = client.get(f"/api/crisis/jobs/{job}").json()
        if view["status"] in ("done", "failed"):
            break
    assert view["status"] == "done", view["error"]  # listing never breaks the run
    assert client.get("/api/crisis/runs").json()["rows"][-1]["run_id"] == view["run_id"]


@pytest.mark.slow  # kills or locks real processes: `make test` runs it, `make test-fast` does not
def test_a_database_locked_by_another_process_is_a_409(client, writable_data_dir, monkeypatch) -> None:
    import subprocess
    import sys
    import textwrap

    from natosim.engines.crisis import store

    monkeypatch.setattr(store, "LOCK_WAIT", 1.0)  # the wait before "busy" (15 s by default): same answer

    client.post("/api/crisis/runs", json=REQUEST)  # creates the database
    time.sleep(0.1)
    wait(client, client.get("/api/crisis/jobs").json()["rows"][0]["job"])
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
        import duckdb, sys, time
        con = duckdb.connect({str(writable_data_dir / "crisis.duckdb")!r})
        print('locked', flush=True)
        time.sleep(30)
    """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        response = client.get("/api/crisis/runs")
        assert response.status_code == 409
        assert response.json()["error"] == "busy" and response.json()["field"] == "db"
    finally:
        holder.kill()
        holder.wait()
