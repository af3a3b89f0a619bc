"""What a reader takes away: a link that reproduces the view, back/forward, downloads of every chart."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser]


def test_a_link_with_a_year_opens_the_overview_on_that_year_and_back_forward_work(page: Any, server: str) -> None:
    import natosim

    page.goto(server + "/?year=2016")
    page.wait_for_selector("body[data-drawn-year='2016']")
    assert page.locator("#year-out").inner_text() == "2016"
    assert page.locator("#figures-table tbody tr").count() == len(natosim.figures(year=2016, members_only=True))
    slider = page.locator("#year")
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_selector("body[data-drawn-year='2017']")
    assert page.url.endswith("?year=2017")
    page.go_back()
    page.wait_for_selector("body[data-drawn-year='2016']")
    assert slider.input_value() == "2016"
    page.go_forward()
    page.wait_for_selector("body[data-drawn-year='2017']")
    # an edition in the link pins the figures to that edition
    page.goto(server + "/?year=2020&edition=2024-06")
    page.wait_for_selector("body[data-drawn-edition='2024-06'][data-drawn-year='2020']")
    assert page.locator("#edition").input_value() == "2024-06"


def test_every_chart_offers_its_data_as_csv_and_its_drawing_as_png_and_svg(page: Any, server: str) -> None:
    import natosim

    page.goto(server + "/?year=2016")
    page.wait_for_selector("body[data-drawn-year='2016']")
    expected = natosim.figures(year=2016, members_only=True).set_index("iso3")["defence_exp_pct_gdp"]
    charts = page.locator(".chart")
    assert charts.count() == 2
    for index in range(charts.count()):
        extras = charts.nth(index).locator("xpath=following-sibling::div[contains(@class,'chart-extras')][1]")
        assert "Source: NATO" in extras.locator(".caption").inner_text()
        assert "edition" in extras.locator(".caption").inner_text()
        with page.expect_download() as info:
            extras.locator("button[data-download='csv']").click()
        download = info.value
        assert download.suggested_filename.endswith("-2016.csv")
        rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
        got = {row["iso3"]: row["defence_exp_pct_gdp"] for row in rows}
        assert set(got) >= {code for code, value in expected.items() if value == value}
        for code, value in expected.items():
            if value != value:  # NaN: a missing figure is an empty cell, never 0
                assert got[code] == "", code
            else:
                assert float(got[code]) == pytest.approx(value), code
        for kind, magic in (("png", b"\x89PNG"), ("svg", b"<svg")):
            with page.expect_download() as info:
                extras.locator(f"button[data-download='{kind}']").click()
            data = Path(info.value.path()).read_bytes()
            assert data.startswith(magic), kind
    # the table under the charts has its own CSV
    with page.expect_download() as info:
        page.locator("#table-title ~ .downloads button[data-download='csv']").click()
    assert info.value.suggested_filename == "natosim-figures-2016.csv"


def test_a_scenario_opens_where_it_takes_effect_and_two_compare_side_by_side(page: Any, server: str) -> None:
    from natosim.scenario import evaluate

    name, other = "us-withdrawal-act-of-congress", "us-withdrawal-executive"
    result = evaluate(name)
    diff = result.diff()
    first_change = int(diff[diff["change"].fillna(0) != 0]["year"].min())
    page.goto(server + f"/scenarios?name={name}")
    page.wait_for_selector(f"body[data-scenario-done='{name}']")
    assert page.locator("#scenario-year").input_value() == str(first_change)
    assert f"takes effect in {first_change}" in page.locator("#scenario-opened").inner_text()
    assert "United States" in page.locator("#scenario-headline").inner_text()
    # two scenarios side by side, from a link that keeps both and the year
    page.goto(server + f"/scenarios?name={name}&b={other}&year={first_change + 1}")
    page.wait_for_selector(f"body[data-scenario-done='{name},{other}']")
    assert page.locator(".scenario-column").count() == 2
    assert page.locator("#scenario-year").input_value() == str(first_change + 1)
    # the editor starts from a copy of a bundled scenario
    page.click("#edit-copy")
    page.wait_for_function("document.querySelector('#scenario-yaml').value.includes('act-of-congress')")


def test_charts_keep_their_labels_and_a_redraw_leaves_no_stale_tooltip(page: Any, server: str) -> None:
    page.goto(server + "/?year=2020")
    page.wait_for_selector("body[data-drawn-year='2020']")
    for chart in ("#map", "#bars"):
        label = page.locator(chart).get_attribute("aria-label")
        assert "2020" in label and "share of GDP" in label
        assert page.locator(chart).get_attribute("role") == "img"
        assert page.locator(f"{chart} svg").first.get_attribute("aria-label") in (None, label)
    assert page.locator("[aria-label*='Vega visualization']").count() == 0
    # a tooltip on a bar, then a new year: the old tooltip must not stay on screen
    page.locator("#bars svg path[role='graphics-symbol']").first.hover()
    page.wait_for_selector("#vg-tooltip-element.visible")
    page.locator("#year").focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_selector("body[data-drawn-year='2019']")
    assert page.locator("#vg-tooltip-element.visible").count() == 0


def test_every_value_has_a_map_class_and_missing_figures_are_kept(page: Any, server: str) -> None:
    import natosim

    page.goto(server + "/?year=2025")
    page.wait_for_selector("body[data-drawn-year='2025']")
    classes = page.evaluate(
        "() => { const { classify } = natosim.binner([1.5, 2, 2.5, 3.5, 5]);"
        " return [0, 1.49, 1.5, 2, 3.49, 4.99, 5, 7.2, null].map(classify); }"
    )
    assert classes == ["< 1.5%", "< 1.5%", "1.5–2%", "2–2.5%", "2.5–3.5%", "3.5–5%", "≥ 5%", "≥ 5%", "no figure"]
    # allies with no figure for 2025 are on the map (with a tooltip), not dropped
    missing = natosim.figures(year=2025, members_only=True)
    missing = missing[missing["defence_exp_pct_gdp"].isna()]["country"].tolist()
    assert missing, "2025 has allies without a figure (Germany, Iceland)"
    for country in missing:
        assert page.locator(f"#map path[aria-label*='Ally: {country};']").count() >= 1, country
    legend = page.locator("#map svg").first.text_content()
    assert "no figure" in legend and "not an ally" in legend


def test_burden_for_a_year_without_gdp_says_what_exists(page: Any, server: str) -> None:
    page.goto(server + "/burden?year=2025")
    page.wait_for_selector("body[data-burden-done]")
    assert "No ally has both GDP and defence spending" in page.locator("#burden-test").inner_text()
    assert page.locator("#burden-test svg").count() == 0
    assert page.locator("#burden-test-summary tbody tr").count() == 32
    assert "No game for 2025" in page.locator("#burden-game-summary").inner_text()
    assert page.locator(".kind-badge").first.inner_text() in ("estimate", "illustration")


def test_claims_show_the_note_behind_each_verdict_and_years_without_separators(page: Any, server: str) -> None:
    import natosim

    text = "Poland spent 4.1% of GDP on defence in 2024. NATO was founded in 1949."
    expected = natosim.check(text).to_dict()["claims"]
    page.goto(server + "/claims")
    page.fill("#claims-text", text)
    page.click("#claims-form button")
    page.wait_for_selector("#claims-result tbody tr")
    shown = page.locator("#claims-result").inner_text()
    for claim in expected:
        if claim.get("note"):
            assert claim["note"] in shown
    assert "2,024" not in shown and "1,949" not in shown


def test_a_procedure_link_reproduces_the_procedure(page: Any, server: str) -> None:
    page.goto(server + "/procedures?procedure=withdrawal&country=USA&path=senate&notice_date=2026-03-01")
    page.wait_for_selector("#procedure-result ol.steps li")
    assert "2027-03-01" in page.locator("#procedure-result").inner_text()
    assert page.locator("#wd-path").input_value() == "senate"
