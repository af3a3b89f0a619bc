"""Crisis runs in an embedded DuckDB database: what was asked, with what, and every finished chunk.

Why a database rather than result files: a long sweep writes each chunk the moment it finishes
(one short connection and transaction per chunk, committed to DuckDB's write-ahead log), so a
crash or a ``kill -9`` loses at most the chunks still running, and ``resume`` recomputes only what
is missing. One process writes a run (the client of a sweep, as futures complete); workers never
touch it; other processes read and write between its writes. A run records its process id, host
and a heartbeat (each stored chunk): a run whose process is gone is shown ``interrupted``.

Tables: ``runs`` (one row per run or sweep: target, year, scenario, parameters, grid, seed,
draws, chunk size, the theatre it ran on, versions, status, results) and ``chunks`` (run_id,
point, chunk → the chunk's statistics as JSON).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from natosim import __version__, extras
from natosim.data import editions
from natosim.data.paths import data_dir
from natosim.engines.crisis.engine import ChunkStats
from natosim.engines.crisis.params import CrisisError

DB_NAME = "crisis.duckdb"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, kind VARCHAR, created VARCHAR, finished VARCHAR, status VARCHAR,
    target VARCHAR, year INTEGER, scenario VARCHAR, params VARCHAR, grid VARCHAR, seed BIGINT,
    draws BIGINT, chunk_size BIGINT, n_chunks INTEGER, n_points INTEGER, theatre VARCHAR,
    versions VARCHAR, results VARCHAR
);
CREATE TABLE IF NOT EXISTS chunks (
    run_id VARCHAR, point INTEGER, chunk INTEGER, stats VARCHAR, finished VARCHAR,
    PRIMARY KEY (run_id, point, chunk)
);
"""

_JSON_COLUMNS = ("params", "grid", "theatre", "versions", "results")
#: columns added after v1 (an older database gets them on first open)
_ADDED = (("pid", "BIGINT"), ("host", "VARCHAR"), ("heartbeat", "VARCHAR"))


def default_path(db: str | Path | None = None) -> Path:
    """``db`` if given, else ``crisis.duckdb`` in the user data directory (natosim.data.paths.data_dir)."""
    if db:
        return Path(db).expanduser()

    return data_dir() / DB_NAME


def versions() -> dict[str, str]:
    """Versions that can change a result: natosim, its numeric libraries, and the data editions."""
    import platform

    import dask
    import duckdb
    import numpy

    return {
        "natosim": __version__,
        "numpy": numpy.__version__,
        "dask": dask.__version__,
        "duckdb": duckdb.__version__,
        "python": platform.python_version(),
        "data_editions": ",".join(editions()),
    }


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


#: how long a command waits for another process's write to finish before saying the store is busy
LOCK_WAIT = 15.0
#: a running run whose client has not written for this long (and is not alive here) is interrupted
STALE_AFTER = dt.timedelta(minutes=10)


def _alive(pid: int | None, host: str | None) -> bool | None:
    """Whether ``pid`` runs on this host (None: another host, cannot tell)."""
    import os
    import socket

    if pid is None or host != socket.gethostname():
        return None
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class RunStore:
    """The run database. Every operation opens its own short connection and closes it at once.

    Why: DuckDB lets one process hold a database file for writing and nobody else open it, not even
    to read. A sweep that kept its connection would lock ``crisis runs`` (and a second run) out for
    hours; with a connection per write the lock is held for milliseconds, and readers retry.
    ``with RunStore(path) as store`` still works (it does nothing but validate the path).
    """

    def __init__(self, db: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = default_path(db)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise CrisisError(f"no crisis run database at {self.path} (run `natosim crisis run` first)", field="db")

    def __enter__(self) -> RunStore:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def open(self) -> RunStore:
        """Create the database and its tables if needed (v1 API; connections are per operation)."""
        with self._connect():
            pass
        return self

    def close(self) -> None:
        return None

    @contextmanager
    def _connect(self) -> Iterator[Any]:
        extras.require("crisis", what="the crisis run store")
        import time

        import duckdb

        self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + LOCK_WAIT
        delay = 0.01
        while True:
            try:
                con = duckdb.connect(str(self.path))
                break
            except (duckdb.IOException, duckdb.TransactionException) as error:
                if time.monotonic() > deadline:
                    raise CrisisError(
                        f"the crisis run database {self.path} stayed busy for {LOCK_WAIT:g} s ({error}); try again",
                        field="db",
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.2)
        try:
            con.execute(_SCHEMA)
            for column, kind in _ADDED:
                con.execute(f"ALTER TABLE runs ADD COLUMN IF NOT EXISTS {column} {kind}")
            yield con
        except (duckdb.InterruptException, RuntimeError) as error:
            if isinstance(error, RuntimeError) and "interrupted" not in str(error).lower():
                raise
            # Ctrl-C reached DuckDB mid-query ("Query interrupted"): the run's own interrupt path
            # (RunInterrupted: the run id and how to resume) handles it, never a traceback
            raise KeyboardInterrupt from None
        finally:
            con.close()

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self._connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    # -- writes ------------------------------------------------------------------------------------
    def create_run(
        self,
        *,
        kind: str,
        target: str,
        year: int,
        scenario: str | None,
        params: dict[str, Any],
        grid: list[dict[str, Any]],
        seed: int,
        draws: int,
        chunk_size: int,
        n_chunks: int,
        theatre: dict[str, Any],
    ) -> str:
        import os
        import socket

        run_id = uuid.uuid4().hex[:12]
        with self._transaction() as con:
            con.execute(
                "INSERT INTO runs (run_id, kind, created, finished, status, target, year, scenario, params, grid, "
                "seed, draws, chunk_size, n_chunks, n_points, theatre, versions, results, pid, host, heartbeat) "
                "VALUES (?, ?, ?, NULL, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
                [
                    run_id,
                    kind,
                    _now(),
                    target,
                    int(year),
                    scenario,
                    json.dumps(params),
                    json.dumps(grid),
                    int(seed),
                    int(draws),
                    int(chunk_size),
                    int(n_chunks),
                    len(grid),
                    json.dumps(theatre),
                    json.dumps(versions()),
                    os.getpid(),
                    socket.gethostname(),
                    _now(),
                ],
            )
        return run_id

    def claim(self, run_id: str) -> None:
        """This process now runs ``run_id`` (resume): status running, our pid, a fresh heartbeat."""
        import os
        import socket

        with self._transaction() as con:
            con.execute(
                "UPDATE runs SET status = 'running', pid = ?, host = ?, heartbeat = ? WHERE run_id = ?",
                [os.getpid(), socket.gethostname(), _now(), run_id],
            )

    def save_chunk(self, run_id: str, point: int, chunk: int, stats: ChunkStats) -> None:
        """Store one finished chunk in its own committed transaction (idempotent); beat the heart."""
        with self._transaction() as con:
            con.execute(
                "INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?, ?)",
                [run_id, int(point), int(chunk), json.dumps(stats.to_dict()), _now()],
            )
            con.execute("UPDATE runs SET heartbeat = ? WHERE run_id = ?", [_now(), run_id])

    def set_worker_versions(self, run_id: str, workers: dict[str, Any]) -> None:
        """Add the Dask workers' package versions to the run's ``versions``."""
        with self._transaction() as con:
            row = con.execute("SELECT versions FROM runs WHERE run_id = ?", [run_id]).fetchone()
            current = json.loads(row[0]) if row and row[0] else {}
            current["workers"] = workers
            con.execute("UPDATE runs SET versions = ? WHERE run_id = ?", [json.dumps(current), run_id])

    def finish(self, run_id: str, status: str, results: Any = None) -> None:
        with self._transaction() as con:
            con.execute(
                "UPDATE runs SET status = ?, finished = ?, results = ? WHERE run_id = ?",
                [status, _now(), None if results is None else json.dumps(results), run_id],
            )

    def set_status(self, run_id: str, status: str) -> None:
        with self._transaction() as con:
            con.execute("UPDATE runs SET status = ? WHERE run_id = ?", [status, run_id])

    def drop_if_empty(self, run_id: str) -> None:
        """Delete a run that failed before storing any chunk: there is nothing to resume."""
        with self._transaction() as con:
            left = con.execute("SELECT count(*) FROM chunks WHERE run_id = ?", [run_id]).fetchone()[0]
            if int(left) == 0:
                con.execute("DELETE FROM runs WHERE run_id = ?", [run_id])

    def _mark_dead(self, con: Any) -> None:
        """Runs still 'running' whose process is gone (or silent too long) become 'interrupted'."""
        rows = con.execute("SELECT run_id, pid, host, heartbeat FROM runs WHERE status = 'running'").fetchall()
        now = dt.datetime.now(dt.UTC)
        dead = []
        for run_id, pid, host, beat in rows:
            alive = _alive(pid, host)
            stale = beat is None or now - dt.datetime.fromisoformat(str(beat)) > STALE_AFTER
            if alive is False or (alive is None and stale):
                dead.append(run_id)
        for run_id in dead:
            con.execute("UPDATE runs SET status = 'interrupted' WHERE run_id = ?", [run_id])

    # -- reads -------------------------------------------------------------------------------------
    def chunks(self, run_id: str) -> dict[tuple[int, int], ChunkStats]:
        with self._connect() as con:
            rows = con.execute(
                "SELECT point, chunk, stats FROM chunks WHERE run_id = ? ORDER BY point, chunk", [run_id]
            ).fetchall()
        return {(int(p), int(c)): ChunkStats.from_dict(json.loads(s)) for p, c, s in rows}

    def list_runs(self) -> pd.DataFrame:
        with self._connect() as con:
            self._mark_dead(con)
            frame = con.execute(
                "SELECT r.run_id, r.kind, r.created, r.status, r.target, r.year, r.scenario, r.seed, r.draws, "
                "r.n_points, r.n_chunks * r.n_points AS chunks_total, "
                "(SELECT count(*) FROM chunks c WHERE c.run_id = r.run_id) AS chunks_done, "
                "json_extract(r.results, '$.p_hold') AS p_hold "
                "FROM runs r ORDER BY r.created, r.run_id"
            ).df()
        frame["p_hold"] = pd.to_numeric(frame["p_hold"].astype("string"), errors="coerce")
        return frame

    def resolve(self, con: Any, run_id: str) -> str:
        """A full run id from an id or a unique prefix (at least 4 characters, like a git short hash)."""
        text = str(run_id).strip().lower()
        if len(text) >= 4:
            found = [
                r[0] for r in con.execute("SELECT run_id FROM runs WHERE starts_with(run_id, ?)", [text]).fetchall()
            ]
            if len(found) == 1:
                return str(found[0])
            if len(found) > 1:
                raise CrisisError(
                    f"run id prefix {run_id!r} is ambiguous: {', '.join(sorted(found)[:10])}", field="run_id"
                )
        recent = [r[0] for r in con.execute("SELECT run_id FROM runs ORDER BY created DESC LIMIT 10").fetchall()]
        raise CrisisError(
            f"no crisis run {run_id!r} in {self.path}; recent runs: {', '.join(recent) or 'none'}", field="run_id"
        )

    def get_run(self, run_id: str) -> dict[str, Any]:
        with self._connect() as con:
            self._mark_dead(con)
            run_id = self.resolve(con, run_id)
            cursor = con.execute("SELECT * FROM runs WHERE run_id = ?", [run_id])
            row = cursor.fetchone()
            names = [d[0] for d in cursor.description]
            done = int(con.execute("SELECT count(*) FROM chunks WHERE run_id = ?", [run_id]).fetchone()[0])
        out = dict(zip(names, row, strict=True))
        for column in _JSON_COLUMNS:
            if out.get(column) is not None:
                out[column] = json.loads(out[column])
        out["chunks_done"] = done
        return out


def list_runs(db: str | Path | None = None) -> pd.DataFrame:
    """Every stored run and sweep, oldest first (an empty table if there is no database yet)."""
    path = default_path(db)
    if not path.exists():
        return _empty()
    return RunStore(path, read_only=True).list_runs()


def get_run(run_id: str, db: str | Path | None = None) -> dict[str, Any]:
    """One stored run: its request, theatre, versions, status and results."""
    return RunStore(db, read_only=True).get_run(run_id)


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        columns=[
            "run_id",
            "kind",
            "created",
            "status",
            "target",
            "year",
            "scenario",
            "seed",
            "draws",
            "n_points",
            "chunks_total",
            "chunks_done",
            "p_hold",
        ]
    )
