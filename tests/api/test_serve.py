"""``natosim serve`` starts the API and the dashboard on the given loopback port."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def test_serve_help_lists_host_and_port(cli) -> None:
    result = cli("serve", "--help")
    assert result.code == 0
    assert "--host" in result.out and "--port" in result.out and "127.0.0.1" in result.out


def test_serve_answers_on_the_port_given(writable_data_dir: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    natosim = Path(sys.executable).with_name("natosim")
    server = subprocess.Popen(
        [str(natosim), "serve", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.1)
        assert health.json()["status"] == "ok"
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.status_code == 200 and "<title>Overview · natosim</title>" in page.text
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=15)
    assert f"http://127.0.0.1:{port}/" in (server.stderr.read().decode() if server.stderr else "")
