/* Scenarios: evaluate a bundled or pasted scenario; baseline vs scenario, exposed allies on the map. */
"use strict";

(async () => {
  const { api, showError, fmt, el, renderTable, autoColumns, embed, mapSpec } = natosim;
  const select = document.getElementById("scenario-name");
  const yamlBox = document.getElementById("scenario-yaml");
  const status = document.getElementById("scenario-status");
  const button = document.getElementById("evaluate");
  const STATUS_COLOURS = { "exposed (lost a guarantor)": "#fde725", "keeps every guarantor": "#3b528b",
                           "left the alliance": "#440154",
                           "joined": "#21918c", "protected non-member": "#5ec962" };

  // the handler first: a click before the list has loaded must not submit the form natively
  document.getElementById("scenario-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = yamlBox.value.trim();
    if (text || select.value) evaluate(text ? { yaml: text } : { name: select.value });
  });

  try {
    const list = await api("/api/scenarios");
    select.replaceChildren(el("option", { value: "", text: "— choose —" }),
      ...list.rows.map((s) => el("option", { value: s.name, text: `${s.title} (${s.name})` })));
    const wanted = new URLSearchParams(location.search).get("name");
    select.value = wanted && list.rows.some((s) => s.name === wanted) ? wanted : (list.rows[0] || {}).name || "";
  } catch (error) { showError(error); }

  async function showYear(result, year) {
    const rows = result.allies.filter((r) => r.year === year).map((r) => ({
      ...r,
      status: r.exposed ? "exposed (lost a guarantor)" : r.member_baseline && !r.member ? "left the alliance"
        : !r.member_baseline && r.member ? "joined" : r.member ? "keeps every guarantor"
        : r.guarantors > 0 ? "protected non-member" : null,
    })).filter((r) => r.status);
    const present = Object.keys(STATUS_COLOURS).filter((k) => rows.some((r) => r.status === k));
    const map = await mapSpec(rows, "status", {
      field: "status", type: "nominal", title: "In the scenario",
      scale: { domain: present, range: present.map((k) => STATUS_COLOURS[k]) },
      legend: { orient: "left" },
    }, [{ field: "country" }, { field: "status" }, { field: "guarantors", title: "guarantors" },
        { field: "guarantors_baseline", title: "guarantors (baseline)" }, { field: "lost_guarantors" }]);
    await embed("#scenario-map", map);
    const summary = result.summary.find((r) => r.year === year) || {};
    const diff = result.diff.filter((r) => r.year === year);
    const diffTable = el("table");
    renderTable(diffTable, diff, [
      { key: "metric", label: "Metric" }, { key: "baseline", label: "Baseline", numeric: true },
      { key: "scenario", label: "Scenario", numeric: true }, { key: "change", label: "Change", numeric: true },
    ], { sortable: false, caption: `Baseline vs scenario, ${year}` });
    const exposed = summary.exposed || [];
    document.getElementById("scenario-summary").replaceChildren(
      el("p", { class: "big", id: "scenario-headline",
                text: `${year}: ${exposed.length} all${exposed.length === 1 ? "y" : "ies"} exposed` +
                      (exposed.length ? ` (${exposed.join(", ")}), ${fmt(summary.population_exposed_thousands / 1000, 1)} million people, ` +
                                        `GDP ${fmt(summary.gdp_exposed_bn)} bn US$` : "") }),
      el("div", { class: "table-wrap" }, diffTable));
  }

  async function evaluate(body) {
    showError(null);
    button.disabled = true;
    status.textContent = "evaluating…";
    try {
      const result = await api("/api/scenarios/evaluate", { json: { ...body, tables: ["allies", "compliance_summary"] } });
      document.getElementById("scenario-result").hidden = false;
      document.getElementById("result-title").textContent = `${result.scenario.title || result.scenario.name}: baseline vs scenario`;
      const years = result.years;
      const chooser = el("select", { id: "scenario-year" });
      for (const y of years) chooser.append(el("option", { value: y, text: y }));
      chooser.value = String(years.includes(result.baseline_year) ? result.baseline_year : years[years.length - 1]);
      chooser.addEventListener("change", () => showYear(result, Number(chooser.value)).catch(showError));
      const tables = document.getElementById("scenario-tables");
      tables.replaceChildren(el("label", { for: "scenario-year", text: "Year " }), chooser,
                             el("p", { text: result.scenario.description || "" }));
      if (result.compliance_summary && result.compliance_summary.length) {
        const t = el("table");
        renderTable(t, result.compliance_summary, autoColumns(result.compliance_summary), { caption: "Compliance per year" });
        tables.append(el("h3", { text: "Compliance with the pledges" }), el("div", { class: "table-wrap" }, t));
      }
      if (result.notes && result.notes.length) {
        tables.append(el("h3", { text: "Notes" }), el("ul", {}, ...result.notes.map((n) => el("li", { text: n }))));
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
        tables.append(el("h3", { text: "Sources of the scenario" }), el("ul", { class: "help" }, ...items));
      }
      await showYear(result, Number(chooser.value));
      status.textContent = `evaluated ${result.scenario.name} over ${years[0]}–${years[years.length - 1]}`;
      document.body.dataset.scenarioDone = result.scenario.name;
    } catch (error) { status.textContent = ""; showError(error); }
    finally { button.disabled = false; }
  }

})();
