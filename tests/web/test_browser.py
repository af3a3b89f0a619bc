"""End to end in headless Chromium: the dashboard draws its map and charts with no network at all.

The server runs on a free loopback port in a thread; every request the page makes to any other
host is aborted and recorded, and the tests assert there was none. Screenshots are saved under
test-artifacts/ (gitignored) for a human to look at.
"""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = [pytest.mark.browser]


def test_overview_draws_the_map_and_charts_and_follows_the_year_slider(page: Any, server: str, shot: Any) -> None:
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


def test_keyboard_reaches_the_skip_link_first(page: Any, server: str, shot: Any) -> None:
    page.goto(server + "/procedures")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"


def test_a_scenario_is_evaluated_and_its_exposed_allies_shown(page: Any, server: str, shot: Any) -> None:
    import natosim
    from natosim.scenario import evaluate

    name = "us-conditional-guarantee-2pct"
    page.goto(server + "/scenarios")
    page.wait_for_selector(f"#scenario-name option[value='{name}']", state="attached")
    page.select_option("#scenario-name", name)
    page.click("#evaluate")
    page.wait_for_selector(f"body[data-scenario-done='{name}']")
    result = evaluate(name)
    year = int(page.locator("#scenario-year").input_value())
    exposed = result.by_year.set_index("year").loc[year, "exposed"]
    headline = page.locator("#scenario-headline").inner_text()
    assert headline.startswith(f"{year}: {len(exposed)} all")
    names = natosim.allies().set_index("iso3")["name"]
    for code in exposed:
        assert names[code] in headline  # names, not ISO3 codes
    assert page.locator("#scenario-map-0 svg path").count() > 150
    shot(page, "scenario")


def test_a_small_crisis_run_shows_progress_assumptions_and_can_be_reopened(page: Any, server: str, shot: Any) -> None:
    from natosim.engines.crisis import run_crisis

    page.goto(server + "/crisis")
    page.wait_for_selector("body[data-crisis-ready]")
    # the attacked ally is chosen from the allies, by name
    assert page.locator("#crisis-target option[value='EST']").inner_text() == "Estonia"
    page.select_option("#crisis-target", "EST")
    page.fill("#crisis-year", "2024")
    page.fill("#crisis-draws", "5000")
    page.fill("#crisis-seed", "3")
    page.click("#crisis-start")
    page.wait_for_selector("body[data-crisis-done]")
    assert page.locator("#crisis-progress").evaluate("bar => bar.value") == 1
    expected = run_crisis("EST", 2024, draws=5000, seed=3)
    assert page.locator("#p-hold").inner_text().startswith(f"{expected.p_hold * 100:.2f}%")
    # the range over the assumptions, beside the Monte Carlo error
    assert "(5th percentile)" in page.locator("#p-hold-range").inner_text()
    assert page.locator("#crisis-contributions svg").count() == 1
    # the runs table is refreshed after the result is drawn (data-crisis-done comes first)
    page.wait_for_selector("#runs-table tbody tr", state="attached")
    assert page.locator("#runs-table tbody tr").count() >= 1
    # the link keeps the run
    assert "run=" in page.url
    run_id = dict(item.split("=") for item in page.url.split("?")[1].split("&"))["run"]
    # the assumptions are shown with their sources and can be changed
    assumptions = page.locator("#assumptions-table tbody tr")
    assert assumptions.count() >= 3
    shot(page, "crisis")
    # a stored run reopens from its link
    page.goto(server + f"/crisis?run={run_id}")
    page.wait_for_selector("body[data-crisis-done]")
    assert page.locator("#p-hold").inner_text().startswith(f"{expected.p_hold * 100:.2f}%")


def test_procedures_show_the_steps(page: Any, server: str, shot: Any) -> None:
    page.goto(server + "/procedures")
    # an empty notice date is refused, not taken as today
    page.wait_for_selector("#wd-path[data-country='USA']", state="attached")
    page.click("#withdrawal-form button")
    assert page.locator("#error").inner_text().startswith("notice_date: give a date")
    page.fill("#wd-notice", "2026-03-01")
    page.select_option("#wd-path", "senate")
    page.click("#withdrawal-form button")
    page.wait_for_selector("#procedure-result ol.steps li")
    text = page.locator("#procedure-result").inner_text()
    assert "2027-03-01" in text
    # US-law paths only for the United States; no internal names in the text
    page.fill("#wd-country", "France")
    page.locator("#wd-country").dispatch_event("change")
    page.wait_for_selector("#wd-path[data-country='other']", state="attached")
    assert page.locator("#wd-path option:not([disabled])").all_inner_texts() == ["national procedure"]
    page.fill("#acc-invited", "2026-03-01")
    page.click("#accession-form button")
    page.wait_for_selector("#procedure-result h2:has-text('Accession')")
    text = page.locator("#procedure-result").inner_text()
    assert "European_state" not in text and ".yaml" not in text
    shot(page, "procedures")


def test_burden_draws_the_test_and_the_game(page: Any, server: str, shot: Any) -> None:
    page.goto(server + "/burden")
    page.wait_for_selector("body[data-burden-done]")
    assert page.locator("#burden-test svg").count() == 1
    assert page.locator("#burden-game svg").count() == 1
    shot(page, "burden")


def test_claims_are_listed_with_verdicts(page: Any, server: str, shot: Any) -> None:
    page.goto(server + "/claims")
    page.click("#claims-form button")
    page.wait_for_selector("#claims-result table tbody tr")
    assert page.locator("#claims-result tbody tr").count() >= 1
    shot(page, "claims")


def test_the_api_page_lists_the_routes_from_the_schema(page: Any, server: str, shot: Any) -> None:
    import httpx

    routes = sum(len(methods) for methods in httpx.get(server + "/api/openapi.json").json()["paths"].values())
    page.goto(server + "/api-docs")
    page.wait_for_selector(f"body[data-routes='{routes}']")
    page.fill("#api-filter", "figures")
    assert page.locator("#api-routes section:visible").count() >= 1
    assert "GET /api/figures" in page.locator("#api-routes section:visible").first.inner_text()
    shot(page, "api")


def test_a_bad_pasted_scenario_shows_the_line_and_field(page: Any, server: str, shot: Any) -> None:
    page.goto(server + "/scenarios")
    page.fill("#scenario-yaml", "name: broken\npolicies: [unclosed\n")
    page.click("#evaluate")
    errors = page.locator("#scenario-errors")
    errors.wait_for(state="visible")
    assert errors.get_attribute("role") == "alert"
    assert errors.inner_text().startswith("line ")
    assert "not valid YAML" in errors.inner_text()
    assert page.locator("#scenario-result").is_hidden()
    # every error of a scenario, each at its line (not only the first)
    page.fill("#scenario-yaml", "name: x\nyear: 2025\npolicies:\n  - type: bogus\n")
    page.click("#evaluate")
    page.wait_for_selector("#scenario-errors li >> nth=2")
    lines = page.locator("#scenario-errors li").all_inner_texts()
    assert "line 4: policies.0.type: unknown policy type 'bogus'" in "\n".join(lines)
    assert any(text.startswith("line 2: year: unknown field 'year'") for text in lines)


def test_the_swagger_ui_at_api_docs_works_offline(page: Any, server: str, shot: Any) -> None:
    page.goto(server + "/api/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock").count() >= 10
    page.locator(".opblock-summary-path", has_text="/api/figures").first.click()
    # one year (not every ally-year): Swagger UI highlights the whole response, which costs seconds
    page.locator(".parameters input[placeholder='year']").first.fill("2024")
    page.get_by_role("button", name="Execute").first.click()  # try-it-out is on by default
    page.wait_for_selector(".responses-wrapper .live-responses-table")
    assert page.locator(".live-responses-table tbody .response-col_status").first.inner_text().strip() == "200"
    assert "year=2024" in page.locator(".request-url").first.inner_text()
    shot(page, "api-docs-swagger")
