"""Load on the HTTP API: 50 concurrent clients evaluating scenarios, for a fixed duration, on loopback.

Run: ``.venv/bin/python benchmarks/api_load.py [--clients 50] [--duration 10]``.

Starts ``uvicorn`` with ``natosim.api:create_app`` in a subprocess on a free 127.0.0.1 port (never
another interface), warms each bundled scenario once (its cold evaluation time is printed), then
runs ``--clients`` client loops (``--client raw``, the default: minimal keep-alive HTTP/1.1
connections in this process; ``--client httpx``: httpx.AsyncClient loops spread over ``--processes``
client processes), each
POSTing ``/api/scenarios/evaluate`` for the bundled scenarios in turn, until ``--duration``
seconds have passed. Prints p50/p90/p99/max latency, requests per second, the error count (any
non-200 or transport error) and the CPU time per request of the server and of the clients.
Bounded: the duration is capped at 60 s and the server is stopped at the end whatever happens.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

MAX_DURATION = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, data_dir: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NATOSIM_DATA_DIR": data_dir}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "natosim.api:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_ready(base: str, server: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server exited: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            if httpx.get(base + "/api/health", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("server did not become ready")


async def client_loop(
    client: httpx.AsyncClient, names: list[str], offset: int, stop_at: float, latencies: list[float], errors: list[str]
) -> None:
    i = offset
    while time.perf_counter() < stop_at:
        body = {"name": names[i % len(names)]}
        i += 1
        start = time.perf_counter()
        try:
            response = await client.post("/api/scenarios/evaluate", json=body)
            elapsed = time.perf_counter() - start
            if response.status_code != 200:
                errors.append(f"{response.status_code} {response.text[:120]}")
            else:
                latencies.append(elapsed)
        except httpx.HTTPError as error:
            errors.append(f"{type(error).__name__}: {error}")


async def run_load(base: str, names: list[str], clients: int, duration: float) -> tuple[list[float], list[str], float]:
    """``clients`` independent clients: each its own AsyncClient and keep-alive connection, as 50
    users' browsers would be (one shared pool of 50 connections costs the client more CPU)."""
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    pool = [httpx.AsyncClient(base_url=base, limits=limits, timeout=30.0) for _ in range(clients)]
    try:
        start = time.perf_counter()
        stop_at = start + duration
        await asyncio.gather(
            *(client_loop(client, names, k, stop_at, latencies, errors) for k, client in enumerate(pool))
        )
        wall = time.perf_counter() - start
    finally:
        await asyncio.gather(*(client.aclose() for client in pool))
    return latencies, errors, wall


class RawClient:
    """One keep-alive HTTP/1.1 connection speaking just enough HTTP for this benchmark.

    Why not httpx here: a Python HTTP client costs about 1 ms of CPU per request, three times what
    the server spends, so on a 2-core machine the clients, not the server, set the latency. This
    client sends pre-encoded requests and reads ``Content-Length`` bodies (about 0.05 ms per
    request), so the figures measure the server. Responses are still checked: status 200 only.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, request: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        body = await self.reader.readexactly(length)
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def encoded_requests(port: int, names: list[str]) -> list[bytes]:
    import json

    requests = []
    for name in names:
        body = json.dumps({"name": name}).encode()
        requests.append(
            b"POST /api/scenarios/evaluate HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
            b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" % (port, len(body), body)
        )
    return requests


async def raw_load(port: int, names: list[str], clients: int, duration: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    requests = encoded_requests(port, names)

    async def one(offset: int) -> None:
        client = RawClient("127.0.0.1", port)
        i = offset
        try:
            while time.perf_counter() < stop_at:
                start = time.perf_counter()
                try:
                    status, body = await client.post(requests[i % len(requests)])
                except (OSError, asyncio.IncompleteReadError, ValueError) as error:
                    errors.append(f"{type(error).__name__}: {error}")
                    await client.close()
                    client = RawClient("127.0.0.1", port)
                    continue
                i += 1
                if status != 200:
                    errors.append(f"{status} {body[:120]!r}")
                else:
                    latencies.append(time.perf_counter() - start)
        finally:
            await client.close()

    start = time.perf_counter()
    stop_at = start + duration
    await asyncio.gather(*(one(k) for k in range(clients)))
    return latencies, errors, time.perf_counter() - start


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc), to report server CPU per request: a figure
    that, unlike latency, does not depend on what else the machine is running."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def load_process(job: tuple[str, list[str], int, int, float]) -> tuple[list[float], list[str], float, float]:
    """One client process: its share of the clients; returns latencies, errors, wall and CPU time."""
    base, names, first, count, duration = job
    cpu = time.process_time()

    async def run() -> tuple[list[float], list[str], float]:
        return await run_load(base, names[first % len(names) :] + names[: first % len(names)], count, duration)

    latencies, errors, wall = asyncio.run(run())
    return latencies, errors, wall, time.process_time() - cpu


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=10.0, help=f"seconds of load (at most {MAX_DURATION:.0f})")
    parser.add_argument(
        "--processes",
        type=int,
        default=2,
        help="client processes sharing the clients (Python clients cost more CPU than the server)",
    )
    parser.add_argument(
        "--client",
        choices=["raw", "httpx"],
        default="raw",
        help="raw: minimal keep-alive HTTP/1.1 client (default; measures the server); "
        "httpx: one httpx.AsyncClient per client (measures client + server)",
    )
    args = parser.parse_args()
    duration = min(max(args.duration, 1.0), MAX_DURATION)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="natosim-load-") as data_dir:
        server = start_server(port, data_dir)
        try:
            wait_ready(base, server)
            names = [row["name"] for row in httpx.get(base + "/api/scenarios", timeout=30).json()["rows"]]
            if not names:
                raise SystemExit("no bundled scenario to evaluate")
            print(f"server: uvicorn, 1 process, {base}; scenarios: {len(names)}")
            for name in names:  # first evaluation of each: computed, then cached by the API
                start = time.perf_counter()
                response = httpx.post(base + "/api/scenarios/evaluate", json={"name": name}, timeout=60)
                response.raise_for_status()
                print(
                    f"  cold  {name:<45} {1000 * (time.perf_counter() - start):8.1f} ms "
                    f"({len(response.content) / 1024:.0f} KiB)"
                )
            processes = 1 if args.client == "raw" else max(1, min(args.processes, args.clients))
            shares = [args.clients // processes + (k < args.clients % processes) for k in range(processes)]
            jobs = [(base, names, sum(shares[:k]), shares[k], duration) for k in range(processes)]
            cpu_before = cpu_seconds(server.pid)
            if args.client == "raw":
                cpu = time.process_time()
                raw = asyncio.run(raw_load(port, names, args.clients, duration))
                parts = [(raw[0], raw[1], raw[2], time.process_time() - cpu)]
            else:
                with multiprocessing.get_context("fork").Pool(processes) as pool:
                    parts = pool.map(load_process, jobs)
            server_cpu = cpu_seconds(server.pid) - cpu_before
            latencies = [x for part in parts for x in part[0]]
            errors = [x for part in parts for x in part[1]]
            wall = max(part[2] for part in parts)
            client_cpu = sum(part[3] for part in parts)
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

    done = len(latencies)
    print(
        f"load: {args.clients} concurrent {args.client} clients in {processes} process(es) for {wall:.1f} s, "
        "POST /api/scenarios/evaluate (bundled)"
    )
    if done:
        ms = [1000 * x for x in latencies]
        print(f"  requests ok   {done}  ({done / wall:.0f} req/s)")
        print(
            f"  latency ms    p50 {percentile(ms, 50):.1f}   p90 {percentile(ms, 90):.1f}   "
            f"p99 {percentile(ms, 99):.1f}   max {max(ms):.1f}   mean {statistics.fmean(ms):.1f}"
        )
        print(
            f"  server CPU    {1000 * server_cpu / done:.2f} ms per request "
            f"({100 * server_cpu / wall:.0f}% of one core); clients {1000 * client_cpu / done:.2f} ms "
            f"({100 * client_cpu / wall:.0f}% of one core)"
        )
    print(f"  machine       {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end")
    print(f"  errors        {len(errors)}")
    for error in sorted(set(errors))[:5]:
        print(f"    {error}")


if __name__ == "__main__":
    main()
