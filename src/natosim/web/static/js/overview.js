/* Overview: map + bars + sortable table of defence spending (% of GDP) for the year on the slider.
   State in the URL: ?year=2016&edition=2024-06 opens that view; back/forward restore it. */
"use strict";

(async () => {
  const { api, showError, fmt, el, renderTable, chart, mapSpec, binner, SEQUENTIAL, NO_FIGURE, capabilities, state,
          sources, sourceCaption } = natosim;
  const slider = document.getElementById("year");
  const output = document.getElementById("year-out");
  const editionSelect = document.getElementById("edition");
  let lines = [
    { value: 2, label: "2%", name: "Wales 2014" },
    { value: 3.5, label: "3.5%", name: "The Hague 2025, core" },
    { value: 5, label: "5%", name: "The Hague 2025, total" },
  ];
  let linesNote = "Lines: the pledges' headline targets (the rules capability is not installed to give their sources).";

  const byEdition = new Map();   // "" (latest edition having each figure) or "YYYY-MM" → rows
  async function figures(edition) {
    if (!byEdition.has(edition)) {
      const query = new URLSearchParams({ members_only: "true" });
      if (edition) query.set("edition", edition);
      byEdition.set(edition, (await api(`/api/figures?${query}`)).rows);
    }
    return byEdition.get(edition);
  }

  let editions = [];
  try {
    const [, , caps, editionList] = await Promise.all([figures(""), sources(), capabilities(), api("/api/editions").then((t) => t.rows.map((r) => r.edition))]);
    editions = editionList;
    editionSelect.append(...editions.map((e) => el("option", { value: e, text: `${e} only` })));
    if (caps.rules) {
      const pledges = await api("/api/rules/pledges");
      const list = pledges.rows;
      const wanted = ["wales-2014", "hague-2025-core", "hague-2025-total"];
      const found = wanted.map((id) => list.find((p) => p.id === id)).filter((p) => p && p.target_pct_gdp != null);
      if (found.length) {
        lines = found.map((p) => ({ value: p.target_pct_gdp, label: `${p.target_pct_gdp}%`, name: p.name }));
        linesNote = "Lines: " + found.map((p) => `${p.name} (${p.id}, adopted ${p.adopted}, source ${p.source})`).join("; ") + ".";
      }
    }
  } catch (error) { showError(error); return; }
  document.getElementById("lines-source").textContent = linesNote;

  const latest = await figures("");
  const years = [...new Set(latest.filter((r) => r.defence_exp_pct_gdp !== null).map((r) => r.year))].sort();
  slider.min = years[0]; slider.max = years[years.length - 1];

  const pledgeBreaks = lines.map((l) => l.value);
  const breaks = [1.5, ...pledgeBreaks, 2.5].filter((v, i, a) => a.indexOf(v) === i).sort((a, b) => a - b);
  const { labels, classify } = binner(breaks);
  const classes = [...labels.map((label, i) => ({ label, colour: SEQUENTIAL[Math.round(i * (SEQUENTIAL.length - 1) / (labels.length - 1))] })),
                   { label: NO_FIGURE, colour: "#ffffff" }];
  const colourOf = Object.fromEntries(classes.map((c) => [c.label, c.colour]));
  const tooltip = [
    { field: "country", title: "Ally" },
    { field: "shown", title: "% of GDP" },
    { field: "edition_shown", title: "NATO edition" },
    { field: "source_shown", title: "Source" },
  ];
  const columns = [
    { key: "country", label: "Ally" },
    { key: "iso3", label: "ISO3" },
    { key: "year", label: "Year" },
    { key: "defence_exp_pct_gdp", label: "% of GDP", numeric: true, format: (v) => (v == null ? "—" : v.toFixed(2)) },
    { key: "edition_defence_exp_pct_gdp", label: "Edition of % of GDP" },
    { key: "source", label: "Source" },
  ];

  /** Year and edition from the URL (or the defaults), clamped to what exists. */
  function wanted() {
    const year = Number(state.get("year"));
    const edition = state.get("edition") || "";
    return { year: years.includes(year) ? year : years[years.length - 1], edition: editions.includes(edition) ? edition : "" };
  }

  const pct = (value) => (value === null || value === undefined ? "—" : value.toFixed(2));
  let drawing = Promise.resolve();
  async function draw({ year, edition }) {
    const rows = (await figures(edition)).filter((r) => r.year === year).map((r) => ({
      ...r,
      class: classify(r.defence_exp_pct_gdp),
      shown: r.defence_exp_pct_gdp == null ? "no figure (missing, not zero)" : `${r.defence_exp_pct_gdp.toFixed(2)}%`,
      edition_shown: r.edition_defence_exp_pct_gdp || r.edition || "—",
      source_shown: r.source || "—",
    }));
    slider.value = String(year);
    editionSelect.value = edition;
    output.textContent = year;
    slider.setAttribute("aria-valuetext", `${year}`);
    document.querySelectorAll(".year-label").forEach((node) => { node.textContent = year; });
    const which = edition ? `the ${edition} edition only` : "the latest NATO edition having each figure";
    const caption = `${await sourceCaption(rows, `% of GDP for ${year}, from ${which}. Source`)}`;
    const missing = rows.filter((r) => r.defence_exp_pct_gdp === null).map((r) => r.country);
    const mapLabel = `Map of the allies' defence spending in ${year} as a share of GDP, in classes ${labels.join(", ")}` +
      (missing.length ? `; no figure for ${missing.join(", ")}` : "");
    const barsLabel = `Bar chart of each ally's defence spending in ${year} as a share of GDP, with the pledge lines at ${pledgeBreaks.join("%, ")}%`;
    const shown = rows.filter((r) => r.defence_exp_pct_gdp !== null);
    const bars = (width) => ({
      width, height: { step: 14 }, autosize: { type: "fit-x", contains: "padding" },
      config: { font: "system-ui, sans-serif" },
      layer: [
        { data: { values: shown },
          mark: { type: "bar", stroke: "#1b1f24", strokeWidth: 0.3 },
          encoding: {
            y: { field: "country", type: "nominal", sort: "-x", title: null, axis: { labelLimit: width < 500 ? 90 : 180 } },
            x: { field: "defence_exp_pct_gdp", type: "quantitative", title: "Defence expenditure, % of GDP",
                 scale: { domain: [0, Math.max(5.5, ...shown.map((r) => r.defence_exp_pct_gdp))] } },
            color: { field: "class", type: "nominal", legend: null,
                     scale: { domain: classes.map((c) => c.label), range: classes.map((c) => c.colour) } },
            tooltip,
          } },
        { data: { values: lines }, mark: { type: "rule", strokeDash: [6, 3], strokeWidth: 1.5, color: "#1b1f24" },
          encoding: { x: { field: "value", type: "quantitative" } } },
        { data: { values: lines },
          mark: { type: "text", align: "left", dx: 3, dy: -4, baseline: "bottom", fontSize: 11, y: 0 },
          encoding: { x: { field: "value", type: "quantitative" }, text: { field: "label" },
                      tooltip: [{ field: "name", title: "Pledge" }] } },
      ],
    });
    await Promise.all([
      chart("#map", (width) => mapSpec(rows, classes.map((c) => ({ ...c, colour: colourOf[c.label] })), tooltip, width), {
        rows, columns: [...columns.slice(0, 4), { key: "class", label: "Class" }, ...columns.slice(4)],
        caption, name: `natosim-map-${year}${edition ? `-${edition}` : ""}`, label: mapLabel }),
      chart("#bars", bars, { rows, columns, caption, name: `natosim-bars-${year}${edition ? `-${edition}` : ""}`, label: barsLabel }),
    ]);
    document.getElementById("map-note").textContent =
      "Light grey: not an ally that year. Circles mark allies too small to see at this scale. " + (missing.length
        ? `White with a dashed outline: no figure published for ${year} (${missing.join(", ")}) — missing, not zero.` : "");
    const table = document.getElementById("figures-table");
    renderTable(table, rows, [
      { key: "country", label: "Ally", format: (v, row) => el("a", { href: `/ally?country=${row.iso3}`, text: v }) },
      { key: "iso3", label: "ISO3" },
      { key: "defence_exp_pct_gdp", label: "% of GDP", numeric: true, format: pct },
      { key: "edition_defence_exp_pct_gdp", label: "Edition (% of GDP)" },
      { key: "defence_exp_usd_current_mn", label: "US$ mn (current)", numeric: true },
      { key: "edition_defence_exp_usd_current_mn", label: "Edition (US$)" },
      { key: "gdp_usd_current_bn", label: "GDP US$ bn", numeric: true },
      { key: "equipment_pct", label: "Equipment %", numeric: true },
      { key: "estimate", label: "Estimate" },
      { key: "mixed_editions", label: "Mixed editions" },
      { key: "sources", label: "Sources" },
    ], { caption: `Defence figures ${year}${missing.length ? `; missing: ${missing.join(", ")}` : ""}`,
         download: `natosim-figures-${year}${edition ? `-${edition}` : ""}` });
    document.body.dataset.drawnYear = String(year);
    document.body.dataset.drawnEdition = edition;
  }

  const redraw = (view) => { drawing = drawing.then(() => draw(view)).catch(showError); return drawing; };
  // draw while the slider moves; one history entry when it settles (each arrow key, or the end of a drag)
  slider.addEventListener("input", () => redraw({ ...wanted(), year: Number(slider.value) }));
  slider.addEventListener("change", () => state.set({ year: slider.value }));
  editionSelect.addEventListener("change", () => { state.set({ edition: editionSelect.value }); redraw(wanted()); });
  state.onChange(() => redraw(wanted()));
  void fmt;
  redraw(wanted());
})();
