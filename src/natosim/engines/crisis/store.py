"""Crisis runs in an embedded DuckDB database: what was asked, with what, and every finished chunk.

Why a database rather than result files: a long sweep writes each chunk the moment it finishes
(one short transaction per chunk, committed to DuckDB's write-ahead log), so a crash or a
``kill -9`` loses at most the chunks still running, and ``resume`` recomputes only what is
missing. One process writes (the client of a sweep, as futures complete); workers never touch it.

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

from natosim import extras
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


def default_path(db: str | Path | None = None) -> Path:
    """``db`` if given, else ``crisis.duckdb`` in the user data directory (natosim.data.paths.data_dir)."""
    if db:
        return Path(db).expanduser()
    from natosim.data.paths import data_dir

    return data_dir() / DB_NAME


def versions() -> dict[str, str]:
    """Versions that can change a result: natosim, its numeric libraries, and the data editions."""
    import platform

    import dask
    import duckdb
    import numpy

    import natosim
    from natosim.data import editions

    return {
        "natosim": natosim.__version__,
        "numpy": numpy.__version__,
        "dask": dask.__version__,
        "duckdb": duckdb.__version__,
        "python": platform.python_version(),
        "data_editions": ",".join(editions()),
    }


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class RunStore:
    """A connection to the run database (open it with ``with RunStore(path) as store``)."""

    def __init__(self, db: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = default_path(db)
        self.read_only = read_only
        self._con: Any = None

    def __enter__(self) -> RunStore:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> RunStore:
        extras.require("crisis", what="the crisis run store")
        import duckdb

        if self._con is not None:
            return self
        if self.read_only and not self.path.exists():
            raise CrisisError(f"no crisis run database at {self.path} (run `natosim crisis run` first)", field="db")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = duckdb.connect(str(self.path), read_only=self.read_only)
        except duckdb.Error as error:
            raise CrisisError(
                f"cannot open the crisis run database {self.path}: {error} (is another natosim process writing to it?)",
                field="db",
            ) from None
        if not self.read_only:
            self._con.execute(_SCHEMA)
        return self

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def con(self) -> Any:
        return self.open()._con

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        con = self.con
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
        run_id = uuid.uuid4().hex[:12]
        with self._transaction() as con:
            con.execute(
                "INSERT INTO runs VALUES (?, ?, ?, NULL, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
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
                ],
            )
        return run_id

    def save_chunk(self, run_id: str, point: int, chunk: int, stats: ChunkStats) -> None:
        """Store one finished chunk in its own committed transaction (idempotent)."""
        with self._transaction() as con:
            con.execute(
                "INSERT OR REPLACE INTO chunks VALUES (?, ?, ?, ?, ?)",
                [run_id, int(point), int(chunk), json.dumps(stats.to_dict()), _now()],
            )

    def finish(self, run_id: str, status: str, results: Any = None) -> None:
        with self._transaction() as con:
            con.execute(
                "UPDATE runs SET status = ?, finished = ?, results = ? WHERE run_id = ?",
                [status, _now(), None if results is None else json.dumps(results), run_id],
            )

    def set_status(self, run_id: str, status: str) -> None:
        with self._transaction() as con:
            con.execute("UPDATE runs SET status = ? WHERE run_id = ?", [status, run_id])

    # -- reads -------------------------------------------------------------------------------------
    def chunks(self, run_id: str) -> dict[tuple[int, int], ChunkStats]:
        rows = self.con.execute(
            "SELECT point, chunk, stats FROM chunks WHERE run_id = ? ORDER BY point, chunk", [run_id]
        ).fetchall()
        return {(int(p), int(c)): ChunkStats.from_dict(json.loads(s)) for p, c, s in rows}

    def list_runs(self) -> pd.DataFrame:
        frame = self.con.execute(
            "SELECT r.run_id, r.kind, r.created, r.status, r.target, r.year, r.scenario, r.seed, r.draws, "
            "r.n_points, r.n_chunks * r.n_points AS chunks_total, "
            "(SELECT count(*) FROM chunks c WHERE c.run_id = r.run_id) AS chunks_done, "
            "json_extract(r.results, '$.p_hold') AS p_hold "
            "FROM runs r ORDER BY r.created, r.run_id"
        ).df()
        frame["p_hold"] = pd.to_numeric(frame["p_hold"].astype("string"), errors="coerce")
        return frame

    def get_run(self, run_id: str) -> dict[str, Any]:
        cursor = self.con.execute("SELECT * FROM runs WHERE run_id = ?", [run_id])
        row = cursor.fetchone()
        if row is None:
            recent = self.con.execute("SELECT run_id FROM runs ORDER BY created DESC LIMIT 10").fetchall()
            known = [r[0] for r in recent]
            raise CrisisError(
                f"no crisis run {run_id!r} in {self.path}; recent runs: {', '.join(known) or 'none'}", field="run_id"
            )
        names = [d[0] for d in cursor.description]
        out = dict(zip(names, row, strict=True))
        for column in _JSON_COLUMNS:
            if out.get(column) is not None:
                out[column] = json.loads(out[column])
        out["chunks_done"] = int(
            self.con.execute("SELECT count(*) FROM chunks WHERE run_id = ?", [run_id]).fetchone()[0]
        )
        return out


def list_runs(db: str | Path | None = None) -> pd.DataFrame:
    """Every stored run and sweep, oldest first (an empty table if there is no database yet)."""
    path = default_path(db)
    if not path.exists():
        return _empty()
    with RunStore(path, read_only=True) as store:
        return store.list_runs()


def get_run(run_id: str, db: str | Path | None = None) -> dict[str, Any]:
    """One stored run: its request, theatre, versions, status and results."""
    with RunStore(db, read_only=True) as store:
        return store.get_run(run_id)


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
