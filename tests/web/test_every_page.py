"""Every page, in headless Chromium, at a phone's size and a desktop's: nothing wider than the screen,
axe-core finds no violation, and screenshots of both sizes are saved in test-artifacts/."""

from __future__ import annotations

from typing import Any

import pytest

from natosim.web.pages import PAGES, STATIC

pytestmark = [pytest.mark.browser]

NARROW = {"width": 360, "height": 740}  # the narrowest common phone: checked for overflow only
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}

#: page path (with the query that opens a full view) → selector present once the page has drawn
READY = {
    "/": ("/?year=2024", "body[data-drawn-year='2024']"),
    "/ally": ("/ally?country=LUX", "body[data-ally-done='LUX']"),
    "/scenarios": ("/scenarios?name=us-withdrawal-act-of-congress", "body[data-scenario-done]"),
    "/procedures": ("/procedures", "#withdrawal-form button"),
    "/burden": ("/burden", "body[data-burden-done]"),
    "/crisis": ("/crisis", "#runs-table"),
    "/claims": ("/claims", "#claims-form button"),
    "/sources": ("/sources", "#sources-table tbody tr"),
    "/api-docs": ("/api-docs", "body[data-routes]"),
}

#: elements sticking out of the screen, ignoring content inside a box that scrolls on its own
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (node) => { for (let n = node.parentElement; n; n = n.parentElement) {
      const style = getComputedStyle(n);
      const own = n !== document.documentElement && n !== document.body;
      if (own && ["auto", "scroll"].includes(style.overflowX)) return true;
    } return false; };
  const out = [];
  for (const node of document.querySelectorAll("body *")) {
    if (node.closest("svg") && node.tagName.toLowerCase() !== "svg") continue;  // drawn shapes are clipped by their svg
    const box = node.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const outside = box.right > width + 1 || box.left < -1;
    const hidden = node.closest(".sr-only") || node.closest(".skip") || node.id === "vg-tooltip-element";
    if (outside && !hidden && !scrolls(node)) {
      out.push(`${node.tagName.toLowerCase()}${node.id ? "#" + node.id : ""} right=${Math.round(box.right)}`);
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 10) };
}"""


def names() -> list[str]:
    return [page.path for page in PAGES]


@pytest.mark.parametrize("path", names())
def test_page_fits_a_phone_passes_axe_and_is_photographed(open_page: Any, server: str, shot: Any, path: str) -> None:
    from natosim.api.capabilities import BY_NAME

    page_info = next(p for p in PAGES if p.path == path)
    assert BY_NAME[page_info.capability].available(), f"{path}: capability {page_info.capability} is not installed"
    url, ready = READY[path]
    for size, viewport in (("360x740", NARROW), ("390x844", PHONE), ("1440x900", DESKTOP)):
        tab = open_page(viewport=viewport)
        tab.goto(server + url)
        tab.wait_for_selector(ready, state="attached")
        tab.wait_for_load_state("networkidle")
        layout = tab.evaluate(OVERFLOW)
        assert layout["scrollWidth"] <= layout["width"], f"{path} at {size}: page scrolls sideways: {layout}"
        assert layout["out"] == [], f"{path} at {size}: elements off screen: {layout['out']}"
        if viewport is NARROW:
            continue
        # every chart drawn has its caption (source, edition) and its CSV, PNG and SVG downloads
        extras = tab.evaluate(
            """() => [...document.querySelectorAll('.chart')].filter((c) => c.querySelector('svg')).map((c) => {
                 const box = c.nextElementSibling;
                 if (!box || !box.classList.contains('chart-extras')) return null;
                 return { caption: box.querySelector('.caption').textContent,
                          buttons: [...box.querySelectorAll('[data-download]')].map((b) => b.dataset.download) };
               })"""
        )
        for item in extras:
            assert item is not None, f"{path}: a chart without caption and downloads"
            assert item["buttons"] == ["csv", "png", "svg"], (path, item)
            assert "ource" in item["caption"], (path, item)
        shot(tab, f"{page_info.name}-{size}")
        if viewport is PHONE:
            tab.add_script_tag(path=str(STATIC / "vendor" / "axe.min.js"))
            violations = tab.evaluate(
                "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
                ".map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))"
            )
            assert violations == [], f"{path}: axe-core violations: {violations}"
