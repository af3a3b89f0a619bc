"""The dashboard's pages and assets, served by the same app: no network, no CDN, honest notices."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from natosim.web.pages import PAGES, STATIC

TEMPLATES = STATIC.parent / "templates"


@pytest.fixture
def client():
    from fastapi.testclient import TestClient

    from natosim.api import create_app

    with TestClient(create_app()) as test_client:
        yield test_client


def test_every_page_renders_with_navigation_and_a_skip_link(client) -> None:
    for page in PAGES:
        response = client.get(page.path)
        assert response.status_code == 200, page.path
        html = response.text
        assert '<a class="skip" href="#main">' in html
        assert f'aria-current="page">{page.title}<' in html
        assert '<html lang="en">' in html


def test_every_local_asset_a_page_references_exists(client) -> None:
    for page in PAGES:
        html = client.get(page.path).text
        for url in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
            assert client.get(url).status_code == 200, url


def test_no_page_or_asset_of_ours_loads_anything_from_the_network() -> None:
    """Only the vendored libraries may mention URLs (in their own strings); our files load none."""
    ours = [*TEMPLATES.glob("*.html"), *(STATIC / "js").glob("*.js"), *(STATIC / "css").glob("*.css")]
    assert len(ours) >= 9
    for path in ours:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://", text), path.name
        assert "@import" not in text and "url(" not in text, path.name


def test_vendored_assets_are_pinned_licensed_and_small() -> None:
    vendor = STATIC / "vendor"
    manifest = (vendor / "VENDORED.md").read_text(encoding="utf-8")
    lock = json.loads((Path(__file__).resolve().parents[2] / "web-assets" / "package-lock.json").read_text())
    for package, file in (
        ("vega", "vega.min.js"),
        ("vega-lite", "vega-lite.min.js"),
        ("vega-embed", "vega-embed.min.js"),
        ("world-atlas", "countries-110m.json"),
    ):
        version = lock["packages"][f"node_modules/{package}"]["version"]
        assert f"| {file} | {package} | {version} |" in manifest
        assert (vendor / f"LICENSE.{package}").is_file()
    for package, file in (("swagger-ui-dist", "swagger-ui-bundle.js"), ("axe-core", "axe.min.js")):
        version = lock["packages"][f"node_modules/{package}"]["version"]
        assert f"| {file} | {package} | {version} |" in manifest
    total = sum(path.stat().st_size for path in vendor.iterdir())
    assert total < 4 * 1024 * 1024  # 3.4 MB: Swagger UI is 1.7 MB of it, axe-core 0.65 MB


def test_the_map_geometry_has_every_ally(client) -> None:
    """Every ally has a feature in the Natural Earth 110m countries, keyed by its ISO numeric code."""
    import natosim

    topology = client.get("/static/vendor/countries-110m.json").json()
    ids = {geometry.get("id") for geometry in topology["objects"]["countries"]["geometries"]}
    numeric = client.get("/web/iso-numeric.json").json()
    missing = [code for code in natosim.allies()["iso3"] if numeric[code] not in ids]
    assert missing == []


def test_a_page_whose_extra_is_missing_says_what_to_install(monkeypatch) -> None:
    from fastapi.testclient import TestClient

    from natosim.api import create_app
    from natosim.api.capabilities import Capability

    monkeypatch.setattr(Capability, "available", lambda self: self.name in {"data", "rules"})
    with TestClient(create_app()) as client:
        for page in PAGES:
            html = client.get(page.path).text
            landed = page.capability in {"data", "rules"}
            assert ("Not available here" in html) is not landed, page.path
            assert (f"/static/js/{page.script}" in html) is (landed and page.script is not None), page.path


def test_only_pages_with_charts_load_vega_and_assets_are_compressed_and_cached(client) -> None:
    for page in PAGES:
        html = client.get(page.path).text
        assert ("vega.min.js" in html) is page.charts, page.path
    answer = client.get("/static/vendor/vega.min.js", headers={"Accept-Encoding": "gzip"})
    assert answer.headers["content-encoding"] == "gzip"
    assert "max-age=604800" in answer.headers["cache-control"]
    assert client.get("/static/js/common.js").headers["cache-control"] == "no-cache"
    assert client.get("/").headers["cache-control"] == "no-cache"


def test_unknown_pages_get_a_page_and_unknown_api_routes_json(client) -> None:
    page = client.get("/no-such-page", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "There is no page at <code>/no-such-page</code>" in page.text
    api = client.get("/api/no-such-route")
    assert api.status_code == 404
    assert api.json()["error"] == "not_found"


def test_the_sources_page_lists_every_source_with_links_to_the_copies(client) -> None:
    import natosim.data

    html = client.get("/sources").text
    for source_id in natosim.data.sources()["id"]:
        assert f'id="source-{source_id}"' in html
    # github:owner/repo/path@commit becomes a link to that file at that commit
    assert 'href="https://github.com/jacobvoss/geopolitical-dashboard/blob/4318b071/data/' in html


def _luminance(colour: str) -> float:
    """WCAG relative luminance of #rrggbb."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_map_classes_separate_in_greyscale() -> None:
    """Each class differs from the next in lightness (≥ 1.5:1), and from "not an ally" and "no figure",
    so the map reads printed in grey and for colour-blind readers (the palette is viridis)."""
    script = (STATIC / "js" / "common.js").read_text(encoding="utf-8")
    sequential = re.search(r"const SEQUENTIAL = \[([^\]]+)\]", script)
    not_ally_match = re.search(r'NOT_ALLY = \{ label: "not an ally", colour: "(#[0-9a-f]{6})"', script)
    assert sequential is not None and not_ally_match is not None, "palette not found in common.js"
    palette = re.findall(r"#[0-9a-f]{6}", sequential.group(1))
    not_ally = not_ally_match.group(1)
    assert len(palette) == 6
    for lighter, darker in itertools.pairwise(palette):
        assert _luminance(lighter) > _luminance(darker)
        assert _contrast(lighter, darker) >= 1.5, (lighter, darker)
    assert _contrast(not_ally, palette[0]) >= 1.5
    assert _contrast("#ffffff", palette[0]) >= 1.5  # "no figure" (white, dashed outline)
