/* natosim dashboard: shared helpers. Plain browser JavaScript, no build step, no network beyond /api. */
"use strict";

const natosim = (() => {
  /** Call the API; resolve with JSON, reject with the server's message (it names the bad field). */
  async function api(path, options = {}) {
    const init = { headers: { Accept: "application/json" }, ...options };
    if (options.json !== undefined) {
      init.method = init.method || "POST";
      init.body = JSON.stringify(options.json);
      init.headers["Content-Type"] = "application/json";
      delete init.json;
    }
    const response = await fetch(path, init);
    let body = null;
    try { body = await response.json(); } catch (_) { body = null; }
    if (!response.ok) {
      const message = body && body.message ? body.message : `${response.status} ${response.statusText}`;
      const error = new Error(message);
      error.field = body && body.field;
      error.detail = body && body.detail;
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function showError(error) {
    const box = document.getElementById("error");
    if (!box) return;
    if (!error) { box.hidden = true; box.textContent = ""; return; }
    box.textContent = (error.field ? `${error.field}: ` : "") + (error.message || String(error));
    box.hidden = false;
  }

  function fmt(value, digits = 2, key = "") {
    if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) return "—";
    if (typeof value === "boolean") return value ? "yes" : "no";
    // years are labels, not quantities: no thousands separator (2024, not 2,024)
    if (typeof value === "number" && /(^|_)year$/.test(key) && Number.isInteger(value)) return String(value);
    if (typeof value === "number") {
      return Math.abs(value) >= 1000 ? value.toLocaleString("en-GB", { maximumFractionDigits: 0 })
                                     : value.toLocaleString("en-GB", { maximumFractionDigits: digits });
    }
    if (Array.isArray(value)) return value.map((v) => fmt(v, digits)).join(", ");
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  /** Rows as CSV text (RFC 4180 quoting); missing values are empty cells, never 0. */
  function toCsv(rows, columns) {
    const keys = columns ? columns.map((c) => c.key) : [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const cell = (value) => {
      if (value === null || value === undefined) return "";
      const text = typeof value === "object" ? JSON.stringify(value) : String(value);
      return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    };
    return [keys.join(","), ...rows.map((row) => keys.map((k) => cell(row[k])).join(","))].join("\r\n") + "\r\n";
  }

  /** Save `href` (a data: or blob: URL) as `filename`, as a link the user clicked would. */
  function save(href, filename) {
    const link = el("a", { href, download: filename });
    document.body.append(link);
    link.click();
    link.remove();
  }

  function downloadCsv(rows, columns, name) {
    const url = URL.createObjectURL(new Blob([toCsv(rows, columns)], { type: "text/csv;charset=utf-8" }));
    save(url, `${name}.csv`);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** A toolbar of download buttons: [{label, title, action}]. */
  function toolbar(buttons, name) {
    const bar = el("div", { class: "downloads", role: "group", "aria-label": `Download ${name.replaceAll("-", " ")}` });
    for (const { label, title, action, kind } of buttons) {
      const button = el("button", { type: "button", class: "secondary", "data-download": kind, title }, label);
      button.addEventListener("click", () => Promise.resolve(action()).catch(showError));
      bar.append(button);
    }
    return bar;
  }

  /**
   * Render rows into a <table>. columns: [{key, label, numeric, format}]. Sortable headers are
   * buttons (keyboard: Tab + Enter), with aria-sort telling screen readers the order. With
   * `download: name`, a "CSV" button before the table saves the rows (the data behind it, unformatted).
   */
  function renderTable(table, rows, columns, { sortable = true, caption = null, download = null } = {}) {
    let sortKey = null;
    let ascending = true;
    if (download) {
      const box = table.closest(".table-wrap") || table;
      const previous = box.previousElementSibling;
      if (previous && previous.classList.contains("downloads")) previous.remove();
      box.before(toolbar([{ label: "CSV", kind: "csv", title: `Download the table as CSV (${download}.csv)`,
                            action: () => downloadCsv(rows, columns, download) }], download));
    }
    const draw = () => {
      table.replaceChildren();
      if (caption) table.append(el("caption", { class: "sr-only", text: caption }));
      const head = el("tr");
      for (const column of columns) {
        const th = el("th", { scope: "col", class: column.numeric ? "num" : "" });
        if (sortable) {
          const button = el("button", { type: "button", text: column.label });
          button.addEventListener("click", () => {
            ascending = sortKey === column.key ? !ascending : !column.numeric;
            sortKey = column.key;
            draw();
            table.querySelector(`th[data-key="${column.key}"] button`).focus();
          });
          th.append(button);
          th.dataset.key = column.key;
          th.setAttribute("aria-sort", sortKey === column.key ? (ascending ? "ascending" : "descending") : "none");
        } else {
          th.textContent = column.label;
        }
        head.append(th);
      }
      table.append(el("thead", {}, head));
      const ordered = [...rows];
      if (sortKey) {
        ordered.sort((a, b) => {
          const x = a[sortKey], y = b[sortKey];
          if (x === null || x === undefined) return 1;   // missing always last
          if (y === null || y === undefined) return -1;
          const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
      }
      const body = el("tbody");
      for (const row of ordered) {
        const tr = el("tr");
        for (const column of columns) {
          const value = row[column.key];
          const text = column.format ? column.format(value, row) : fmt(value, 2, column.key);
          const missing = value === null || value === undefined;
          const attributes = { class: `${column.numeric ? "num" : ""} ${missing ? "missing" : ""}`.trim() };
          if (missing) attributes.title = "missing figure (not zero)";
          tr.append(el("td", attributes, text));
        }
        body.append(tr);
      }
      table.append(body);
    };
    draw();
  }

  /** Columns for any list of records (all keys of the first row). */
  function autoColumns(rows) {
    if (!rows.length) return [];
    return Object.keys(rows[0]).map((key) => ({ key, label: key.replaceAll("_", " "),
                                                numeric: typeof rows[0][key] === "number" }));
  }

  function keyValues(object) {
    const dl = el("dl", { class: "kv" });
    for (const [key, value] of Object.entries(object)) {
      if (value !== null && typeof value === "object" && !Array.isArray(value)) continue;
      // years, seeds and ids are labels, not quantities: no thousands separator
      const text = /(^|_)(year|seed|id)$/.test(key) && value !== null ? String(value) : fmt(value, 3);
      dl.append(el("dt", { text: key.replaceAll("_", " ") }), el("dd", { text }));
    }
    return dl;
  }

  const EMBED_OPTIONS = { actions: false, renderer: "svg", mode: "vega-lite" };
  const views = new Map();

  /** Remove the tooltip a previous drawing left on screen (vega-tooltip keeps one element per page). */
  function clearTooltips() {
    for (const node of document.querySelectorAll("#vg-tooltip-element")) {
      node.classList.remove("visible");
      node.replaceChildren();
    }
  }

  /** Usable width of a chart container (the chart then fits it: no horizontal scroll on a phone). */
  function widthOf(target) {
    const node = typeof target === "string" ? document.querySelector(target) : target;
    return Math.max(240, Math.floor((node && node.clientWidth) || 640));
  }

  /**
   * Draw a Vega-Lite spec into `target`, replacing (and finalising) any previous drawing there.
   * `label` stays the chart's accessible name: it becomes the spec's description (which Vega uses
   * as the SVG's aria-label instead of "Vega visualization") and the container's aria-label.
   */
  async function embed(target, spec, label = null) {
    const node = typeof target === "string" ? document.querySelector(target) : target;
    const previous = views.get(node);
    if (previous) previous.finalize();
    clearTooltips();
    const name = label || node.getAttribute("aria-label") || "chart";
    const result = await vegaEmbed(node, { description: name, ...spec }, EMBED_OPTIONS);
    views.set(node, result);
    node.setAttribute("role", "img");
    node.setAttribute("aria-label", name);
    return result;
  }

  /**
   * A chart with what a reader takes away: a caption naming source and edition, downloads (CSV of
   * the rows behind it, PNG and SVG of the drawing) and the numbers as a table (the chart's text
   * alternative). `spec` may be a function of the available width, called again on resize.
   */
  async function chart(target, spec, { rows, columns, caption, name, label = null }) {
    const node = typeof target === "string" ? document.querySelector(target) : target;
    const make = typeof spec === "function" ? spec : () => spec;
    const result = await embed(node, await make(widthOf(node)), label);
    node.dataset.width = String(widthOf(node));
    let extras = node.nextElementSibling;
    if (!extras || !extras.classList.contains("chart-extras")) {
      extras = el("div", { class: "chart-extras" });
      node.after(extras);
    }
    const image = (kind) => async () => {
      const url = await views.get(node).view.toImageURL(kind, kind === "png" ? 2 : 1);
      save(url, `${name}.${kind}`);
    };
    const details = el("details", { class: "numbers" }, el("summary", { text: "The numbers behind this chart" }));
    const table = el("table");
    details.append(el("div", { class: "table-wrap" }, table));
    renderTable(table, rows, columns, { caption: label || name });
    extras.replaceChildren(
      el("p", { class: "caption", text: caption }),
      toolbar([
        { label: "CSV", kind: "csv", title: `Download the data of this chart (${name}.csv)`, action: () => downloadCsv(rows, columns, name) },
        { label: "PNG", kind: "png", title: `Download the chart as an image (${name}.png)`, action: image("png") },
        { label: "SVG", kind: "svg", title: `Download the chart as a vector drawing (${name}.svg)`, action: image("svg") },
      ], name),
      details,
    );
    if (typeof spec === "function") watchWidth(node, async () => { await embed(node, await make(widthOf(node)), label); });
    return result;
  }

  const watched = new Map();
  let resizeTimer = null;
  /** Redraw width-dependent charts after the window is resized (debounced). */
  function watchWidth(node, redraw) {
    watched.set(node, redraw);
    if (watched.size > 1) return;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        for (const [target, again] of watched) {
          if (!target.isConnected) { watched.delete(target); continue; }
          if (Math.abs(widthOf(target) - Number(target.dataset.width || 0)) > 30) {
            target.dataset.width = String(widthOf(target));
            again().catch(showError);
          }
        }
      }, 250);
    });
  }

  let sourceTable = null;
  /** The dataset's sources, by id (GET /api/sources), fetched once. */
  async function sources() {
    if (!sourceTable) {
      const table = await api("/api/sources");
      sourceTable = Object.fromEntries(table.rows.map((s) => [s.id, s]));
    }
    return sourceTable;
  }

  /** "Source: NATO, Defence Expenditure … (published 2025-08-28), edition 2025-08 [nato-2025-08]; …" */
  async function sourceCaption(rows, what = "Data") {
    const table = await sources();
    const ids = [...new Set(rows.flatMap((r) => String(r.sources || r.source || "").split(";")).filter(Boolean))].sort();
    const editions = [...new Set(rows.map((r) => r.edition).filter(Boolean))].sort();
    const named = ids.map((id) => {
      const s = table[id];
      return s ? `${s.publisher}, ${s.publication} (published ${s.published}) [${id}]` : id;
    });
    return `${what}: ${named.join("; ") || "no source"}. ` +
      (editions.length ? `NATO edition${editions.length > 1 ? "s" : ""}: ${editions.join(", ")}. ` : "") +
      "Sources page: /sources.";
  }

  /** State kept in the URL (?year=2016&…), so a link reproduces the view and back/forward work. */
  const state = {
    get(key) { return new URLSearchParams(location.search).get(key); },
    getAll(key) { return new URLSearchParams(location.search).getAll(key); },
    /** Write `values` (null/"" removes a key); push a history entry unless `replace`. */
    set(values, { replace = false } = {}) {
      const url = new URL(location.href);
      for (const [key, value] of Object.entries(values)) {
        url.searchParams.delete(key);
        const list = Array.isArray(value) ? value : [value];
        for (const item of list) if (item !== null && item !== undefined && item !== "") url.searchParams.append(key, item);
      }
      if (url.href === location.href) return;
      if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
    },
    /** Call `callback` when the user goes back or forward. */
    onChange(callback) { window.addEventListener("popstate", () => callback()); },
  };

  let geometry = null;
  let numeric = null;
  /** The Natural Earth 110m countries (TopoJSON, vendored) and the ISO3 → numeric id table. */
  async function mapData() {
    if (!geometry) {
      [geometry, numeric] = await Promise.all([
        fetch("/static/vendor/countries-110m.json").then((r) => r.json()),
        fetch("/web/iso-numeric.json").then((r) => r.json()),
      ]);
    }
    return { geometry, numeric };
  }

  /** Frames (lon, lat corners) of the two panels: Europe with Türkiye and Iceland; North America. */
  const EUROPE = [[-24.5, 63], [-10, 36], [10, 36], [26, 34.8], [44.8, 36], [44.8, 42], [31, 71], [15, 71.2], [-24.5, 67]];
  const NORTH_AMERICA = [[-165, 24], [-55, 24], [-55, 72], [-165, 72], [-110, 72], [-110, 24]];
  /** Countries smaller than this (steradians, ≈ 70 000 km²) also get a symbol, so they can be seen. */
  const SMALL = 0.0017;
  const NOT_ALLY = { label: "not an ally", colour: "#f7f7f7" };
  const NO_FIGURE = "no figure";

  /**
   * A map of allies classified in `rows[].class` (labels of `classes`, [{label, colour}] in legend
   * order). Europe in a conic projection with North America as an inset; allies under ~70 000 km²
   * also drawn as a symbol; "no figure" is white with a dashed outline and in the legend, as is
   * "not an ally". Rows with no value are classified before drawing, so none is dropped.
   */
  async function mapSpec(rows, classes, tooltip, width) {
    const { geometry: topo, numeric: codes } = await mapData();
    const values = rows.map((row) => ({ ...row, id: codes[row.iso3] }));
    const fields = Object.keys(values[0] || { iso3: 1, class: 1 });
    const all = [...classes, NOT_ALLY];
    const colour = {
      field: "class", type: "nominal", title: null,
      scale: { domain: all.map((c) => c.label), range: all.map((c) => c.colour) },
      legend: { orient: "bottom", direction: "horizontal", columns: width < 560 ? 2 : 4, symbolType: "square",
                symbolStrokeColor: "#1b1f24", symbolStrokeWidth: 1, labelFontSize: 12, labelLimit: 260 },
    };
    const countries = { values: topo, format: { type: "topojson", feature: "countries" } };
    const allies = [
      { lookup: "id", from: { data: { values }, key: "id", fields } },
      { filter: "datum.iso3 != null" },
    ];
    const panel = (frame, w, h, symbols) => ({
      width: w, height: h,
      projection: { type: "conicConformal", parallels: frame === EUROPE ? [40, 65] : [35, 60],
                    rotate: frame === EUROPE ? [-10, 0] : [100, 0],
                    fit: { type: "Feature", geometry: { type: "MultiPoint", coordinates: frame } } },
      layer: [
        { data: countries, mark: { type: "geoshape", fill: NOT_ALLY.colour, stroke: "#b0b7bf", strokeWidth: 0.4, clip: true, aria: false } },
        { data: countries, transform: allies,
          mark: { type: "geoshape", strokeWidth: 0.8, clip: true },
          encoding: {
            color: colour,
            stroke: { condition: { test: `datum.class === '${NO_FIGURE}'`, value: "#1b1f24" }, value: "#ffffff" },
            strokeDash: { condition: { test: `datum.class === '${NO_FIGURE}'`, value: [3, 2] }, value: [1, 0] },
            tooltip,
          } },
        ...(symbols ? [{
          data: countries,
          transform: [...allies,
            { calculate: "geoArea(null, datum)", as: "steradians" },
            { filter: `datum.steradians < ${SMALL}` },
            { calculate: "geoCentroid(null, datum)[0]", as: "lon" },
            { calculate: "geoCentroid(null, datum)[1]", as: "lat" }],
          mark: { type: "point", shape: "circle", filled: true, opacity: 1, size: width < 560 ? 55 : 85, stroke: "#1b1f24", strokeWidth: 1 },
          encoding: { longitude: { field: "lon", type: "quantitative" }, latitude: { field: "lat", type: "quantitative" },
                      color: { ...colour, legend: null }, tooltip },
        }] : []),
      ],
    });
    const narrow = width < 700;
    const europeWidth = narrow ? width - 10 : Math.round(width * 0.68);
    const insetWidth = narrow ? Math.round((width - 10) * 0.75) : width - europeWidth - 30;
    const europeHeight = Math.round(europeWidth * 0.78);
    const insetHeight = Math.round(insetWidth * 0.55);
    const europe = { ...panel(EUROPE, europeWidth, europeHeight, true), title: { text: "Europe", fontSize: 12, anchor: "start" } };
    const america = { ...panel(NORTH_AMERICA, insetWidth, insetHeight, false), title: { text: "North America (inset)", fontSize: 12, anchor: "start" } };
    return {
      config: { view: { stroke: "#b0b7bf" }, font: "system-ui, sans-serif" },
      padding: 4, spacing: 10,
      ...(narrow ? { vconcat: [europe, america] } : { hconcat: [europe, america] }),
      resolve: { scale: { color: "shared" }, legend: { color: "shared" } },
    };
  }

  /** The class of a % of GDP figure: bins at the pledge lines (every value gets one, ≥ the top too). */
  function binner(breaks) {
    const labels = [`< ${breaks[0]}%`];
    for (let i = 1; i < breaks.length; i += 1) labels.push(`${breaks[i - 1]}–${breaks[i]}%`);
    labels.push(`≥ ${breaks[breaks.length - 1]}%`);
    const classify = (value) => {
      if (value === null || value === undefined) return NO_FIGURE;
      let i = 0;
      while (i < breaks.length && value >= breaks[i]) i += 1;
      return labels[i];
    };
    return { labels, classify };
  }

  /** Viridis, six stops with even steps of lightness (≈ 1.56:1 each): readable by colour-blind
   *  readers and separable printed in grey; lightest = lowest. */
  const SEQUENTIAL = ["#aadc32", "#37b878", "#228d8d", "#32648e", "#453882", "#440154"];

  async function capabilities() {
    const list = await api("/api/capabilities");
    return Object.fromEntries(list.rows.map((c) => [c.name, c.available]));
  }

  return { api, showError, fmt, el, renderTable, autoColumns, keyValues, embed, chart, mapSpec, binner, SEQUENTIAL,
           NO_FIGURE, capabilities, state, sources, sourceCaption, toCsv, downloadCsv, widthOf, clearTooltips };
})();
