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

  /**
   * Render rows into a <table>. columns: [{key, label, numeric, format}]. Sortable headers are
   * buttons (keyboard: Tab + Enter), with aria-sort telling screen readers the order.
   */
  function renderTable(table, rows, columns, { sortable = true, caption = null } = {}) {
    let sortKey = null;
    let ascending = true;
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
          tr.append(el("td", { class: `${column.numeric ? "num" : ""} ${missing ? "missing" : ""}`.trim(),
                               title: missing ? "missing figure (not zero)" : "" }, text));
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

  async function embed(target, spec) {
    return vegaEmbed(target, spec, EMBED_OPTIONS);
  }

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

  /** Projection that frames Europe and North America, as Vega-Lite "fit" corners. */
  const REGION = { type: "equalEarth", rotate: [42, 0, 0], center: [0, 53] };

  /**
   * A map spec: every country grey, allies filled from `rows` (objects with iso3 + `field`).
   * `color` is a Vega-Lite color encoding for the field.
   */
  async function mapSpec(rows, field, color, tooltip, { width = 860, height = 330 } = {}) {
    const { geometry: topo, numeric: codes } = await mapData();
    const values = rows.map((row) => ({ ...row, id: codes[row.iso3] }));
    return {
      width, height,
      projection: { ...REGION, scale: width * 0.34, translate: [width / 2, height * 0.35] },
      config: { view: { stroke: null }, font: "system-ui, sans-serif" },
      layer: [
        { data: { values: topo, format: { type: "topojson", feature: "countries" } },
          mark: { type: "geoshape", fill: "#e4e7eb", stroke: "#ffffff", strokeWidth: 0.5, clip: true } },
        { data: { values: topo, format: { type: "topojson", feature: "countries" } },
          transform: [{ lookup: "id", from: { data: { values }, key: "id",
                                              fields: Object.keys(values[0] || { iso3: 1 }) } },
                      { filter: "datum.iso3 != null" }],
          mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.7, clip: true },
          encoding: { color, tooltip } },
      ],
    };
  }

  async function capabilities() {
    const list = await api("/api/capabilities");
    return Object.fromEntries(list.map((c) => [c.name, c.available]));
  }

  return { api, showError, fmt, el, renderTable, autoColumns, keyValues, embed, mapSpec, capabilities };
})();
