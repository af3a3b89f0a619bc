"""End to end in headless Chromium: the dashboard draws its map and charts with no network at all.

The server runs on a free loopback port in a thread; every request the page makes to any other
host is aborted and recorded, and the tests assert there was none. Screenshots are saved under
test-artifacts/ (gitignored) for a human to look at.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM),
        reason=f"{CHROMIUM} not installed (Debian package chromium; `make browser` installs it)",
    ),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str, isolated_data_dir: Path) -> Iterator[Any]:
    """A page that may only talk to our loopback server; anything else is aborted and recorded.
    (``isolated_data_dir`` has pointed NATOSIM_DATA_DIR at this test's own folder.)"""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside: list[str] = []
    errors: list[str] = []

    def guard(route: Any) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    expected = "Failed to load resource: the server responded with a status of 4"  # bad-input tests

    def console(message: Any) -> None:
        if message.type == "error" and not message.text.startswith(expected):
            errors.append(message.text)

    tab.on("console", console)
    tab.set_default_timeout(30_000)
    yield tab
    context.close()
    assert outside == [], f"the page tried to reach the network: {outside}"
    assert errors == [], f"errors in the page: {errors}"


def shot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_overview_draws_the_map_and_charts_and_follows_the_year_slider(page: Any, server: str) -> None:
    import natosim

    page.goto(server + "/")
    page.wait_for_selector("body[data-drawn-year]")
    latest = page.get_attribute("body", "data-drawn-year")
    assert latest == "2025"
    # the map: one path per country of the Natural Earth layer, plus the allies coloured on top
    assert page.locator("#map svg path").count() > 150
    assert page.locator("#bars svg").count() == 1
    rows = page.locator("#figures-table tbody tr")
    assert rows.count() == len(natosim.figures(year=2025, members_only=True))
    shot(page, "overview-2025")

    slider = page.locator("#year")
    slider.focus()
    for _ in range(3):
        page.keyboard.press("ArrowLeft")
    page.wait_for_selector("body[data-drawn-year='2022']")
    assert page.locator("#year-out").inner_text() == "2022"
    assert rows.count() == len(natosim.figures(year=2022, members_only=True)) == 30
    # the table sorts by a column on Enter (keyboard) and says so to screen readers
    page.locator("#figures-table th[data-key='defence_exp_pct_gdp'] button").press("Enter")
    assert page.locator("#figures-table th[data-key='defence_exp_pct_gdp']").get_attribute("aria-sort") == "descending"
    top = natosim.figures(year=2022, members_only=True).sort_values("defence_exp_pct_gdp", ascending=False).iloc[0]
    assert rows.first.locator("td").first.inner_text() == top["country"]
    shot(page, "overview-2022")


def test_keyboard_reaches_the_skip_link_first(page: Any, server: str) -> None:
    page.goto(server + "/procedures")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"


def test_a_scenario_is_evaluated_and_its_exposed_allies_shown(page: Any, server: str) -> None:
    from natosim.scenario import evaluate

    name = "us-conditional-guarantee-2pct"
    page.goto(server + "/scenarios")
    page.wait_for_selector(f"#scenario-name option[value='{name}']", state="attached")
    page.select_option("#scenario-name", name)
    page.click("#evaluate")
    page.wait_for_selector(f"body[data-scenario-done='{name}']")
    result = evaluate(name)
    year = int(page.locator("#scenario-year").input_value())
    exposed = result.summary.set_index("year").loc[year, "exposed"]
    headline = page.locator("#scenario-headline").inner_text()
    assert headline.startswith(f"{year}: {len(exposed)} all")
    for code in exposed:
        assert code in headline
    assert page.locator("#scenario-map svg path").count() > 150
    shot(page, "scenario")


def test_a_small_crisis_run_shows_progress_then_its_result(page: Any, server: str) -> None:
    from natosim.engines.crisis import run_crisis

    page.goto(server + "/crisis")
    page.fill("#crisis-target", "EST")
    page.fill("#crisis-year", "2024")
    page.fill("#crisis-draws", "5000")
    page.fill("#crisis-seed", "3")
    page.click("#crisis-start")
    page.wait_for_selector("body[data-crisis-done]")
    assert page.locator("#crisis-progress").evaluate("bar => bar.value") == 1
    expected = run_crisis("EST", 2024, draws=5000, seed=3)
    assert page.locator("#p-hold").inner_text().startswith(f"{expected.p_hold * 100:.2f}%")
    assert page.locator("#crisis-contributions svg").count() == 1
    assert page.locator("#runs-table tbody tr").count() >= 1
    shot(page, "crisis")


def test_procedures_show_the_steps(page: Any, server: str) -> None:
    page.goto(server + "/procedures")
    page.fill("#wd-notice", "2026-03-01")
    page.select_option("#wd-path", "senate")
    page.click("#withdrawal-form button")
    page.wait_for_selector("#procedure-result ol.steps li")
    assert "2027-03-01" in page.locator("#procedure-result").inner_text()
    shot(page, "procedures")


def test_burden_draws_the_test_and_the_game(page: Any, server: str) -> None:
    page.goto(server + "/burden")
    page.wait_for_selector("body[data-burden-done]")
    assert page.locator("#burden-test svg").count() == 1
    assert page.locator("#burden-game svg").count() == 1
    shot(page, "burden")


def test_claims_are_listed_with_verdicts(page: Any, server: str) -> None:
    page.goto(server + "/claims")
    page.click("#claims-form button")
    page.wait_for_selector("#claims-result table tbody tr")
    assert page.locator("#claims-result tbody tr").count() >= 1
    shot(page, "claims")


def test_the_api_page_lists_the_routes_from_the_schema(page: Any, server: str) -> None:
    import httpx

    routes = sum(len(methods) for methods in httpx.get(server + "/api/openapi.json").json()["paths"].values())
    page.goto(server + "/api-docs")
    page.wait_for_selector(f"body[data-routes='{routes}']")
    page.fill("#api-filter", "figures")
    assert page.locator("#api-routes section:visible").count() >= 1
    assert "GET /api/figures" in page.locator("#api-routes section:visible").first.inner_text()
    shot(page, "api")


def test_a_bad_pasted_scenario_shows_the_line_and_field(page: Any, server: str) -> None:
    page.goto(server + "/scenarios")
    page.fill("#scenario-yaml", "name: broken\npolicies: [unclosed\n")
    page.click("#evaluate")
    error = page.locator("#error")
    error.wait_for(state="visible")
    assert error.get_attribute("role") == "alert"
    assert error.inner_text().startswith("yaml: <posted yaml>:")
