/* Overview: map + bars + sortable table of defence spending (% of GDP) for the year on the slider. */
"use strict";

(async () => {
  const { api, showError, fmt, renderTable, embed, mapSpec, capabilities } = natosim;
  const slider = document.getElementById("year");
  const output = document.getElementById("year-out");
  // viridis at five stops (colour-blind safe, prints in grey); bins follow the pledge lines
  const COLOURS = ["#440154", "#46327e", "#365c8d", "#277f8e", "#1fa187", "#4ac16d", "#a0da39", "#fde725"];
  let lines = [
    { value: 2, label: "2%", name: "Wales 2014" },
    { value: 3.5, label: "3.5%", name: "The Hague 2025, core" },
    { value: 5, label: "5%", name: "The Hague 2025, total" },
  ];
  let linesNote = "Lines: the pledges' headline targets (the rules capability is not installed to give their sources).";

  let rows = [];
  let sources = {};
  try {
    const [figures, sourceTable, caps] = await Promise.all([
      api("/api/figures?members_only=true"), api("/api/sources"), capabilities(),
    ]);
    rows = figures.rows;
    sources = Object.fromEntries(sourceTable.rows.map((s) => [s.id, s]));
    if (caps.rules) {
      const pledges = await api("/api/rules/pledges");
      const wanted = ["wales-2014", "hague-2025-core", "hague-2025-total"];
      const found = wanted.map((id) => pledges.find((p) => p.id === id)).filter((p) => p && p.target_pct_gdp != null);
      if (found.length) {
        lines = found.map((p) => ({ value: p.target_pct_gdp, label: `${p.target_pct_gdp}%`, name: p.name }));
        linesNote = "Lines: " + found.map((p) => `${p.name} (${p.id}, adopted ${p.adopted}, source ${p.source})`).join("; ") + ".";
      }
    }
  } catch (error) { showError(error); return; }
  document.getElementById("lines-source").textContent = linesNote;

  const years = [...new Set(rows.filter((r) => r.defence_exp_pct_gdp !== null).map((r) => r.year))].sort();
  slider.min = years[0]; slider.max = years[years.length - 1];
  if (!years.includes(Number(slider.value))) slider.value = years[years.length - 1];

  const breaks = [1, 1.5, 2.5, 3, 4, ...lines.map((l) => l.value)].filter((v, i, a) => a.indexOf(v) === i).sort((a, b) => a - b);
  const color = {
    condition: { test: "datum.defence_exp_pct_gdp == null", value: "#a0a4a8" },
    field: "defence_exp_pct_gdp", type: "quantitative", title: "% of GDP",
    scale: { type: "threshold", domain: breaks, range: COLOURS.slice(0, breaks.length + 1) },
    legend: { orient: "left", labelExpr: "datum.label" },
  };
  const tooltip = [
    { field: "country", title: "Ally" },
    { field: "defence_exp_pct_gdp", title: "% of GDP", format: ".2f" },
    { field: "edition", title: "NATO edition" },
    { field: "source", title: "Source" },
  ];

  const pct = (value) => (value === null || value === undefined ? "—" : value.toFixed(2));
  let drawing = Promise.resolve();
  async function draw(year) {
    const selected = rows.filter((r) => r.year === year);
    output.textContent = year;
    slider.setAttribute("aria-valuetext", `${year}`);
    document.querySelectorAll(".year-label").forEach((node) => { node.textContent = year; });
    const map = await mapSpec(selected, "defence_exp_pct_gdp", color, tooltip);
    const bars = {
      width: 760, height: { step: 14 },
      config: { font: "system-ui, sans-serif" },
      layer: [
        { data: { values: selected },
          mark: { type: "bar" },
          encoding: {
            y: { field: "country", type: "nominal", sort: "-x", title: null },
            x: { field: "defence_exp_pct_gdp", type: "quantitative", title: "Defence expenditure, % of GDP",
                 scale: { domain: [0, Math.max(5.5, ...selected.map((r) => r.defence_exp_pct_gdp || 0))] } },
            color: { ...color, legend: null },
            tooltip,
          } },
        { data: { values: lines }, mark: { type: "rule", strokeDash: [6, 3], strokeWidth: 1.5, color: "#1b1f24" },
          encoding: { x: { field: "value", type: "quantitative" } } },
        { data: { values: lines },
          mark: { type: "text", align: "left", dx: 3, dy: -4, baseline: "bottom", fontSize: 11, y: 0 },
          encoding: { x: { field: "value", type: "quantitative" }, text: { field: "label" },
                      tooltip: [{ field: "name", title: "Pledge" }] } },
      ],
    };
    await Promise.all([embed("#map", map), embed("#bars", bars)]);
    const missing = selected.filter((r) => r.defence_exp_pct_gdp === null).map((r) => r.country);
    document.getElementById("map-note").textContent =
      "Light grey: not an ally that year. " + (missing.length
        ? `Mid grey: no figure published for ${year} (${missing.join(", ")}) — missing, not zero.` : "");
    renderTable(document.getElementById("figures-table"), selected, [
      { key: "country", label: "Ally" },
      { key: "iso3", label: "ISO3" },
      { key: "defence_exp_pct_gdp", label: "% of GDP", numeric: true, format: pct },
      { key: "defence_exp_usd_current_mn", label: "US$ mn (current)", numeric: true },
      { key: "gdp_usd_current_bn", label: "GDP US$ bn", numeric: true },
      { key: "equipment_pct", label: "Equipment %", numeric: true },
      { key: "estimate", label: "Estimate" },
      { key: "edition", label: "Edition" },
      { key: "sources", label: "Sources",
        format: (value) => (value || "").split(";").filter(Boolean)
          .map((id) => sources[id] ? `${id} (${sources[id].publication || ""})` : id).join("; ") || "—" },
    ], { caption: `Defence figures ${year}${missing.length ? `; missing: ${missing.join(", ")}` : ""}` });
    document.body.dataset.drawnYear = String(year);
  }

  slider.addEventListener("input", () => {
    const year = Number(slider.value);
    drawing = drawing.then(() => draw(year)).catch(showError);
  });
  drawing = draw(Number(slider.value)).catch(showError);
})();
