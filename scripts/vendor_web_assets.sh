#!/usr/bin/env bash
# Vendor the dashboard's JavaScript and map geometry into the Python package.
#
# The dashboard must work with no network at all, so nothing is fetched by the page: the files
# below come from npm packages pinned in web-assets/package.json + package-lock.json, installed
# with `npm ci` (exact versions of the lock file, no install scripts) and copied into
# src/natosim/web/static/vendor/. The copies are committed; run this script only to upgrade them
# (edit the versions in web-assets/package.json, `npm install` there, then run this script).
#
#   scripts/vendor_web_assets.sh          # from the repository root; needs node + npm
set -euo pipefail
cd "$(dirname "$0")/.."
ASSETS=web-assets
VENDOR=src/natosim/web/static/vendor

(cd "$ASSETS" && npm ci --ignore-scripts --no-audit --no-fund)

mkdir -p "$VENDOR"
cp "$ASSETS/node_modules/vega/build/vega.min.js"              "$VENDOR/vega.min.js"
cp "$ASSETS/node_modules/vega-lite/build/vega-lite.min.js"    "$VENDOR/vega-lite.min.js"
cp "$ASSETS/node_modules/vega-embed/build/vega-embed.min.js"  "$VENDOR/vega-embed.min.js"
cp "$ASSETS/node_modules/world-atlas/countries-110m.json"     "$VENDOR/countries-110m.json"
# Swagger UI for /api/docs (FastAPI's get_swagger_ui_html pointed at these local copies)
cp "$ASSETS/node_modules/swagger-ui-dist/swagger-ui-bundle.js" "$VENDOR/swagger-ui-bundle.js"
cp "$ASSETS/node_modules/swagger-ui-dist/swagger-ui.css"       "$VENDOR/swagger-ui.css"
cp "$ASSETS/node_modules/swagger-ui-dist/favicon-32x32.png"    "$VENDOR/swagger-favicon-32x32.png"
# axe-core: the accessibility checker the browser tests inject into every page (never loaded by a page)
cp "$ASSETS/node_modules/axe-core/axe.min.js"                  "$VENDOR/axe.min.js"
for package in vega vega-lite vega-embed world-atlas swagger-ui-dist axe-core; do
  cp "$ASSETS/node_modules/$package/LICENSE" "$VENDOR/LICENSE.$package"
done

version() { node -p "require('./$ASSETS/node_modules/$1/package.json').version"; }
licence() { node -p "require('./$ASSETS/node_modules/$1/package.json').license"; }

{
  echo "# Vendored web assets"
  echo
  echo "Copied by \`scripts/vendor_web_assets.sh\` from the npm packages pinned in"
  echo "\`web-assets/package.json\` and \`web-assets/package-lock.json\` (\`npm ci\`, no install scripts)."
  echo "The dashboard loads only these files: no CDN, no network. Do not edit them by hand."
  echo
  echo "| file | npm package | version | licence | sha256 |"
  echo "|---|---|---|---|---|"
  for pair in "vega.min.js:vega" "vega-lite.min.js:vega-lite" "vega-embed.min.js:vega-embed" \
              "countries-110m.json:world-atlas" "swagger-ui-bundle.js:swagger-ui-dist" \
              "swagger-ui.css:swagger-ui-dist" "swagger-favicon-32x32.png:swagger-ui-dist" "axe.min.js:axe-core"; do
    file=${pair%%:*}; package=${pair##*:}
    sum=$(sha256sum "$VENDOR/$file" | cut -c1-16)
    echo "| $file | $package | $(version "$package") | $(licence "$package") (LICENSE.$package) | $sum… |"
  done
  echo
  echo "Map geometry: \`countries-110m.json\` is Natural Earth's 1:110m Admin 0 countries (version 4.1.0,"
  echo "public domain, https://www.naturalearthdata.com/about/terms-of-use/) converted to TopoJSON by the"
  echo "world-atlas package (ISC licence). Feature ids are ISO 3166-1 numeric codes."
  echo
  echo "axe.min.js is loaded by no page: the browser tests inject it to check each page's accessibility."
  echo "The server gzip-compresses these files on the way out (GZipMiddleware) and lets browsers cache them."
  echo
  echo "Fonts: none are vendored; the stylesheet uses the system font stack (system-ui, sans-serif),"
  echo "so no font file is ever requested."
  echo
  echo "Note: vega-lite 6.5 declares node >= 22 for its Node build; the browser bundle copied here has no"
  echo "such requirement (npm prints an EBADENGINE warning on older node, which is harmless here)."
} > "$VENDOR/VENDORED.md"

du -ch "$VENDOR"/* | tail -1
echo "vendored into $VENDOR (see $VENDOR/VENDORED.md)"
