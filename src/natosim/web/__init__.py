"""The offline dashboard: HTML pages (Jinja templates) and static assets served by the API app.

Everything the browser needs ships in this package — scripts (Vega, Vega-Lite, vega-embed, see
static/vendor/VENDORED.md), the stylesheet (system fonts, no font file) and the Natural Earth
country geometry — so the dashboard works with no network at all. Pages call ``/api`` only.
"""

from __future__ import annotations

from natosim.web.pages import mount

__all__ = ["mount"]
