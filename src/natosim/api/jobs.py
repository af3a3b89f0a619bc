"""Long work in the background: a job registry for crisis runs, polled or streamed (SSE) by clients.

Why jobs: a crisis run of 100 000 draws takes seconds; an HTTP request must not wait that long, and
the event loop must never compute. ``POST /api/crisis/runs`` submits the run to a small thread pool
(``crisis_workers`` at once, others queue) and answers at once with a job id; the job records the
progress the engine reports (chunks done / total), then the result or the error. The engine itself
stores the run in the DuckDB run store, the same database as ``natosim crisis`` — so finished runs
are listed by ``GET /api/crisis/runs`` whichever interface started them.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from natosim.errors import NatosimError

#: finished jobs kept in memory (older ones are forgotten; their runs stay in the store)
KEEP_FINISHED = 200


@dataclass
class Job:
    """One background computation and what a client may know about it."""

    id: str
    kind: str
    request: dict[str, Any]
    status: str = "queued"  # queued → running → done | failed
    done: int = 0
    total: int = 0
    created: float = field(default_factory=time.time)
    finished: float | None = None
    run_id: str | None = None
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    changed: threading.Condition = field(default_factory=threading.Condition, repr=False)

    @property
    def progress(self) -> float:
        if self.status == "done":
            return 1.0
        return self.done / self.total if self.total else 0.0

    def view(self, *, with_result: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "job": self.id,
            "kind": self.kind,
            "status": self.status,
            "progress": round(self.progress, 4),
            "chunks_done": self.done,
            "chunks_total": self.total,
            "run_id": self.run_id,
            "request": self.request,
            "error": self.error,
        }
        if with_result:
            out["result"] = self.result
        return out

    def update(self, **changes: Any) -> None:
        with self.changed:
            for name, value in changes.items():
                setattr(self, name, value)
            self.changed.notify_all()


class JobRunner:
    """A thread pool plus the registry of its jobs (thread-safe)."""

    def __init__(self, workers: int = 1) -> None:
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="natosim-job")
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()

    def submit(
        self,
        kind: str,
        request: dict[str, Any],
        work: Callable[[Callable[[int, int], None]], tuple[str | None, dict[str, Any]]],
    ) -> Job:
        """Queue ``work(progress) -> (run_id, result dict)``; return the job at once."""
        job = Job(id=uuid.uuid4().hex[:12], kind=kind, request=request)
        with self.lock:
            self.jobs[job.id] = job
            self._forget_old()

        def progress(done: int, total: int) -> None:
            job.update(done=int(done), total=int(total))

        def run() -> None:
            job.update(status="running")
            try:
                run_id, result = work(progress)
            except NatosimError as error:
                job.update(
                    status="failed",
                    finished=time.time(),
                    error={"error": error.kind, "message": error.message, "field": error.field},
                )
            except Exception as error:
                job.update(
                    status="failed",
                    finished=time.time(),
                    error={"error": "internal_error", "message": f"{type(error).__name__}: {error}", "field": None},
                )
            else:
                job.update(status="done", finished=time.time(), run_id=run_id, result=result)

        self.pool.submit(run)
        return job

    def get(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    def list(self) -> list[Job]:
        with self.lock:
            return sorted(self.jobs.values(), key=lambda j: j.created)

    def _forget_old(self) -> None:
        finished = sorted((j for j in self.jobs.values() if j.finished is not None), key=lambda j: j.created)
        for job in finished[: max(len(finished) - KEEP_FINISHED, 0)]:
            del self.jobs[job.id]

    def shutdown(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
