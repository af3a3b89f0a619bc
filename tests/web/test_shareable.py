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


@pytest.mark.capability("scenarios")
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
