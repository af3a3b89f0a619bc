"""Dashboard tests: pages over TestClient, and end-to-end in headless Chromium (marked ``browser``).

One server and one Chromium for the whole session (starting either costs seconds); each test gets
fresh browser contexts from ``open_page``, which abort and record any request to a host other than
our loopback server, and collect page errors: both must stay empty.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}


def pytest_configure(config: pytest.Config) -> None:
    # starlette's TestClient still works on httpx; its suggestion (httpx2) is not a dependency of ours
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real app under uvicorn on a free loopback port, in a thread, for the whole session."""
    import uvicorn

    from natosim.api import Settings, create_app

    # each test's own data directory is set by the autouse fixture of tests/conftest.py (the run
    # store path is read per request); this one only covers the server's start
    previous = os.environ.get("NATOSIM_DATA_DIR")
    os.environ["NATOSIM_DATA_DIR"] = str(tmp_path_factory.mktemp("browser-data"))
    port = free_port()
    app = create_app(Settings(max_draws=50_000))
    instance = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)
    if previous is None:
        os.environ.pop("NATOSIM_DATA_DIR", None)
    else:
        os.environ["NATOSIM_DATA_DIR"] = previous


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not installed (Debian package chromium; `make browser` installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser: Any, server: str, writable_data_dir: Path) -> Iterator[Callable[..., Any]]:
    """``open_page(viewport=PHONE)`` → a tab that may only talk to our loopback server.

    Any other request is aborted and recorded; page errors and console errors are recorded; both
    lists must be empty when the test ends. (``writable_data_dir`` points NATOSIM_DATA_DIR at this
    test's own folder.)"""
    contexts: list[Any] = []
    outside: list[str] = []
    errors: list[str] = []
    expected = "Failed to load resource: the server responded with a status of 4"  # bad-input tests

    def guard(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    def console(message: Any) -> None:
        if message.type == "error" and not message.text.startswith(expected):
            errors.append(message.text)

    def make(viewport: dict[str, int] | None = None, **options: Any) -> Any:
        context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, **options)
        contexts.append(context)
        context.route("**/*", guard)
        tab = context.new_page()
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.on("console", console)
        tab.set_default_timeout(30_000)
        return tab

    yield make
    for context in contexts:
        context.close()
    assert outside == [], f"the page tried to reach the network: {outside}"
    assert errors == [], f"errors in the page: {errors}"


@pytest.fixture
def page(open_page: Callable[..., Any]) -> Any:
    """A desktop-sized tab (see ``open_page``)."""
    return open_page()


@pytest.fixture(scope="session")
def shot() -> Callable[[Any, str], None]:
    """``shot(page, name)``: a full-page screenshot in test-artifacts/ (gitignored), for a human to look at."""

    def take(page: Any, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    return take
