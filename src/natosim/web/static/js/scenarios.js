/* Scenarios: evaluate a bundled or written scenario (or two, side by side); baseline vs scenario,
   exposed allies on the map. State in the URL: ?name=…&b=…&year=…  */
"use strict";

(async () => {
  const { api, showError, fmt, el, renderTable, chart, mapSpec, state, SEQUENTIAL } = natosim;
  const select = document.getElementById("scenario-name");
  const other = document.getElementById("scenario-b");
  const yamlBox = document.getElementById("scenario-yaml");
  const status = document.getElementById("scenario-status");
  const button = document.getElementById("evaluate");
  const resultBox = document.getElementById("scenario-result");
  const errorList = document.getElementById("scenario-errors");
  // status classes, dark = bad news; each differs from the next in lightness (greyscale-safe)
  const STATUSES = [
    { label: "exposed (lost a guarantor)", colour: SEQUENTIAL[5] },
    { label: "left the alliance", colour: SEQUENTIAL[3] },
    { label: "joined", colour: SEQUENTIAL[2] },
    { label: "protected non-member", colour: SEQUENTIAL[1] },
    { label: "keeps every guarantor", colour: SEQUENTIAL[0] },
  ];
  let names = {};   // iso3 → country name

  document.getElementById("scenario-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = yamlBox.value.trim();
    if (text) { evaluateAll([{ yaml: text }], null); return; }
    if (!select.value) return;
    state.set({ name: select.value, b: other.value || null, year: null });
    evaluateAll([{ name: select.value }, ...(other.value ? [{ name: other.value }] : [])], null);
  });
  document.getElementById("edit-copy").addEventListener("click", async () => {
    if (!select.value) return;
    try {
      const scenario = await api(`/api/scenarios/${encodeURIComponent(select.value)}`);
      yamlBox.value = scenario.yaml;
      yamlBox.focus();
      status.textContent = `the editor holds a copy of ${scenario.name}: change it, then Evaluate`;
    } catch (error) { showError(error); }
  });

  try {
    const [list, allies] = await Promise.all([api("/api/scenarios"), api("/api/allies")]);
    names = Object.fromEntries(allies.rows.map((a) => [a.iso3, a.name]));
    const options = () => list.rows.map((s) => el("option", { value: s.name, text: `${s.title} (${s.name})` }));
    select.replaceChildren(el("option", { value: "", text: "— choose —" }), ...options());
    other.append(...options());
  } catch (error) { showError(error); return; }

  const named = (codes) => (codes || []).map((c) => names[c] || c);

  function clear() {
    showError(null);
    errorList.hidden = true;
    errorList.replaceChildren();
    resultBox.hidden = true;
    resultBox.replaceChildren();
    delete document.body.dataset.scenarioDone;
  }

  /** All the errors of a written scenario, each at its line (the server lists them in `detail`). */
  function showErrors(error) {
    const items = (error.detail && error.detail.length ? error.detail : [{ message: error.message, field: error.field }]);
    // "<posted yaml>:4: policies.0.type: unknown…" → "line 4: policies.0.type: unknown…"
    const place = (item) => {
      const match = String(item.message).match(/^<[^>]*>(?::(\d+))?:\s*(.*)$/s);
      const line = item.line || (match && match[1]);
      return `${line ? `line ${line}: ` : ""}${match ? match[2] : item.message}`;
    };
    errorList.replaceChildren(...items.map((item) => el("li", { text: place(item) })));
    const count = items.length;
    status.textContent = `${count} error${count === 1 ? "" : "s"} in the scenario: nothing was evaluated`;
    errorList.hidden = false;
    errorList.setAttribute("role", "alert");
  }

  /** The first year in which the policies change anything (what the scenario is about). */
  function effectYear(result) {
    const changed = result.diff.filter((r) => r.change !== 0 && r.change !== null).map((r) => r.year);
    return changed.length ? Math.min(...changed) : result.baseline_year;
  }

  async function column(result, year, box, index) {
    const rows = result.allies.filter((r) => r.year === year).map((r) => ({
      ...r,
      class: r.exposed ? STATUSES[0].label : r.member_baseline && !r.member ? STATUSES[1].label
        : !r.member_baseline && r.member ? STATUSES[2].label : r.member ? STATUSES[4].label
        : r.guarantors > 0 ? STATUSES[3].label : null,
    })).filter((r) => r.class);
    const summary = result.by_year.find((r) => r.year === year) || {};
    const exposed = summary.exposed || [];
    const headline = `${year}: ${exposed.length} all${exposed.length === 1 ? "y" : "ies"} exposed` +
      (exposed.length ? ` (${named(exposed).join(", ")}), ${fmt(summary.population_exposed_thousands / 1000, 1)} million people, ` +
                        `GDP ${fmt(summary.gdp_exposed_bn)} bn US$` : "") +
      (summary.left && summary.left.length ? `; left: ${named(summary.left).join(", ")}` : "") +
      (summary.joined && summary.joined.length ? `; joined: ${named(summary.joined).join(", ")}` : "");
    const mapBox = el("div", { class: "chart", id: `scenario-map-${index}`, role: "img",
                               "aria-label": `Map of ${result.scenario.name} in ${year}: allies exposed, left, joined or keeping every guarantor` });
    const diff = result.diff.filter((r) => r.year === year);
    const diffTable = el("table");
    box.append(
      el("h2", { text: result.scenario.title || result.scenario.name }),
      el("p", { class: "scenario-headline", id: index === 0 ? "scenario-headline" : `scenario-headline-${index}`, text: headline }),
      mapBox,
      el("h3", { text: `Baseline vs scenario, ${year}` }),
      el("div", { class: "table-wrap" }, diffTable),
    );
    renderTable(diffTable, diff, [
      { key: "metric", label: "Metric" }, { key: "baseline", label: "Baseline", numeric: true },
      { key: "scenario", label: "Scenario", numeric: true }, { key: "change", label: "Change", numeric: true },
    ], { sortable: false, caption: `Baseline vs scenario, ${year}`, download: `natosim-${result.scenario.name}-${year}-diff` });
    const present = STATUSES.filter((s) => rows.some((r) => r.class === s.label));
    const tooltip = [{ field: "country" }, { field: "class", title: "status" }, { field: "guarantors", title: "guarantors" },
                     { field: "guarantors_baseline", title: "guarantors (baseline)" }, { field: "lost_guarantors", title: "lost guarantors" }];
    await chart(mapBox, (width) => mapSpec(rows, present, tooltip, width), {
      rows, name: `natosim-${result.scenario.name}-${year}-map`,
      caption: `Scenario ${result.scenario.name}, ${year}; figures: ${result.edition || "latest edition having each figure"}. ` +
               `Sources of the scenario are listed below; data sources on the sources page (/sources).`,
      columns: [{ key: "country", label: "Ally" }, { key: "class", label: "Status" }, { key: "guarantors", label: "Guarantors", numeric: true },
                { key: "guarantors_baseline", label: "Guarantors (baseline)", numeric: true }, { key: "lost_guarantors", label: "Lost guarantors" }],
    });
    if (result.notes && result.notes.length) {
      box.append(el("h3", { text: "Notes" }), el("ul", {}, ...result.notes.map((n) => el("li", { text: n }))));
    }
    const sources = result.scenario.sources || [];
    if (sources.length) {
      const items = sources.map((s) => {
        const label = [s.title, s.publisher, s.date].filter(Boolean).join(", ");
        const item = el("li", {});
        if (s.url) item.append(el("a", { href: s.url, text: label || s.url }));
        else item.append(label || String(s.id || ""));
        if (s.confidence) item.append(` (confidence: ${s.confidence})`);
        return item;
      });
      box.append(el("h3", { text: "Sources of the scenario" }), el("ul", { class: "help" }, ...items));
    }
  }

  let current = [];
  async function drawYear(year) {
    const columns = current.map(() => el("section", { class: "scenario-column" }));
    const chooser = el("select", { id: "scenario-year" });
    const years = [...new Set(current.flatMap((r) => r.years))].sort();
    for (const y of years) chooser.append(el("option", { value: y, text: y }));
    chooser.value = String(year);
    chooser.addEventListener("change", () => {
      state.set({ year: chooser.value });
      drawYear(Number(chooser.value)).catch(showError);
    });
    const opened = current.map(effectYear);
    const why = current.map((r, i) => {
      // the library's words, with country names for ISO3 codes ("USA leaves" → "United States leaves")
      const effects = (r.trace || []).filter((t) => t.step === "policy" && t.effect)
        .map((t) => String(t.effect).replace(/\b[A-Z]{3}\b/g, (code) => names[code] || code));
      return `${r.scenario.name} takes effect in ${opened[i]}${effects.length ? ` (${effects.join("; ")})` : ""}`;
    }).join(". ");
    resultBox.replaceChildren(
      el("p", { id: "scenario-opened", text: `${why}. Showing ${year}.` }),
      el("label", { for: "scenario-year", text: "Year " }), chooser,
      el("div", { class: current.length > 1 ? "side-by-side" : "" }, ...columns),
    );
    resultBox.hidden = false;
    for (const [i, result] of current.entries()) await column(result, year, columns[i], i);
    if (current.length === 2) {
      const diff = await api(`/api/scenarios/diff?${new URLSearchParams({ a: current[0].scenario.name, b: current[1].scenario.name, year })}`);
      const table = el("table");
      resultBox.append(el("h2", { text: `${current[1].scenario.name} minus ${current[0].scenario.name}, ${year}` }),
                       el("div", { class: "table-wrap" }, table));
      renderTable(table, diff.rows, Object.keys(diff.rows[0] || {}).map((key) => ({ key, label: key.replaceAll("_", " "),
        numeric: typeof diff.rows[0][key] === "number" && key !== "year" })), { caption: "Scenario b against scenario a",
        download: `natosim-${current[0].scenario.name}-vs-${current[1].scenario.name}-${year}` });
    }
    document.body.dataset.scenarioDone = current.map((r) => r.scenario.name).join(",");
    document.body.dataset.scenarioYear = String(year);
  }

  async function evaluateAll(bodies, year) {
    clear();
    button.disabled = true;
    status.textContent = "evaluating…";
    try {
      current = await Promise.all(bodies.map((body) =>
        api("/api/scenarios/evaluate", { json: { ...body, tables: ["allies"] } })));
      const years = [...new Set(current.flatMap((r) => r.years))];
      const chosen = year !== null && years.includes(year) ? year : Math.min(...current.map(effectYear));
      await drawYear(chosen);
      status.textContent = `evaluated ${current.map((r) => r.scenario.name).join(" and ")}`;
    } catch (error) {
      status.textContent = "";
      if (error.field && String(error.field).startsWith("yaml") || error.field === "scenario") showErrors(error);
      else showError(error);
    } finally { button.disabled = false; }
  }

  /** Open what the URL says (?name=…&b=…&year=…). */
  function fromUrl() {
    const known = (value) => [...select.options].some((o) => o.value === value && value);
    const a = state.get("name");
    const b = state.get("b");
    if (!known(a)) { clear(); return; }
    select.value = a;
    other.value = known(b) ? b : "";
    const year = state.get("year") ? Number(state.get("year")) : null;
    evaluateAll([{ name: a }, ...(other.value ? [{ name: other.value }] : [])], year);
  }
  state.onChange(fromUrl);
  if (state.get("name")) fromUrl();
  else select.value = (select.options[1] || {}).value || "";
})();
