/* Ally: every measure over every year and edition (one line per edition), the pledges as rules.
   State in the URL: ?country=POL. */
"use strict";

(async () => {
  const { api, showError, el, renderTable, chart, state, capabilities, sourceCaption, sources } = natosim;
  const select = document.getElementById("ally-country");
  const status = document.getElementById("ally-status");
  const box = document.getElementById("ally-charts");
  const MEASURES = [
    ["defence_exp_pct_gdp", "Defence expenditure, % of GDP"],
    ["defence_exp_usd_current_mn", "Defence expenditure, US$ mn (current prices)"],
    ["defence_exp_usd_constant_mn", "Defence expenditure, US$ mn (constant prices)"],
    ["real_change_pct", "Real change of defence expenditure, % a year"],
    ["equipment_pct", "Equipment, % of defence expenditure"],
    ["personnel_exp_pct", "Personnel, % of defence expenditure"],
    ["infrastructure_pct", "Infrastructure, % of defence expenditure"],
    ["other_pct", "Other, % of defence expenditure"],
    ["military_personnel_thousands", "Military personnel, thousands"],
    ["gdp_usd_current_bn", "GDP, US$ bn (current prices)"],
    ["real_gdp_usd_constant_bn", "Real GDP, US$ bn (constant prices)"],
    ["population_thousands", "Population, thousands"],
  ];
  const EDITION_COLOURS = ["#32648e", "#aadc32", "#440154", "#37b878"];
  const DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]];

  let pledges = [];
  let editions = [];
  try {
    const [allies, editionList, caps] = await Promise.all([
      api("/api/allies"), api("/api/editions").then((t) => t.rows.map((r) => r.edition)), capabilities(), sources()]);
    editions = editionList;
    select.replaceChildren(...allies.rows.map((a) => el("option", { value: a.iso3, text: a.name })));
    if (caps.rules) {
      const list = await api("/api/rules/pledges");
      pledges = list.rows
        .filter((p) => p.measure === "defence_exp_pct_gdp" && p.target_pct_gdp != null && p.headline !== undefined)
        .map((p) => ({ value: p.target_pct_gdp, name: p.name, id: p.id }));
      // one rule per distinct target, named by every pledge at that level
      const byValue = new Map();
      for (const p of pledges) byValue.set(p.value, [...(byValue.get(p.value) || []), p.id]);
      pledges = [...byValue].map(([value, ids]) => ({ value, label: `${value}%`, pledges: ids.join(", ") }));
    }
  } catch (error) { showError(error); return; }

  async function show(code) {
    showError(null);
    select.value = code;
    status.textContent = "loading…";
    const name = select.selectedOptions[0] ? select.selectedOptions[0].text : code;
    document.title = `${name} · Ally · natosim`;
    const perEdition = await Promise.all(editions.map((edition) =>
      api(`/api/figures?${new URLSearchParams({ country: code, edition })}`).then((t) => t.rows)));
    const rows = perEdition.flat();
    const long = [];
    for (const row of rows) {
      for (const [measure] of MEASURES) {
        if (row[measure] !== null && row[measure] !== undefined) {
          long.push({ iso3: row.iso3, country: row.country, year: row.year, edition: row.edition, measure,
                      value: row[measure], estimate: row.estimate, source: row.source });
        }
      }
    }
    const caption = await sourceCaption(rows, `${name}, every edition. Source`);
    const sections = [];
    for (const [measure, title] of MEASURES) {
      const points = long.filter((p) => p.measure === measure);
      const section = el("section", { class: "measure", "aria-label": title }, el("h2", { text: title }));
      const target = el("div", { class: "chart", id: `chart-${measure}`, role: "img", "aria-label": `${title}, ${name}, by year and edition` });
      section.append(target);
      sections.push([section, target, measure, title, points]);
    }
    box.replaceChildren(...sections.map(([section]) => section));
    for (const [section, target, measure, title, points] of sections) {
      if (!points.length) {
        target.replaceWith(el("p", { class: "help", text: `No edition publishes ${title.toLowerCase()} for ${name} (missing, not zero).` }));
        continue;
      }
      const present = editions.filter((e) => points.some((p) => p.edition === e));
      const rules = measure === "defence_exp_pct_gdp" ? pledges : [];
      const spec = (width) => ({
        width, height: 200, autosize: { type: "fit-x", contains: "padding" },
        config: { font: "system-ui, sans-serif" },
        layer: [
          { data: { values: points },
            mark: { type: "line", point: { filled: true, size: 40 }, strokeWidth: 2 },
            encoding: {
              x: { field: "year", type: "quantitative", title: "Year", axis: { format: "d", tickMinStep: 1 },
                   scale: { zero: false } },
              y: { field: "value", type: "quantitative", title: null },
              color: { field: "edition", type: "nominal", title: "NATO edition",
                       scale: { domain: present, range: EDITION_COLOURS.slice(0, present.length) },
                       legend: { orient: "bottom", direction: "horizontal" } },
              strokeDash: { field: "edition", type: "nominal", scale: { domain: present, range: DASHES.slice(0, present.length) }, legend: null },
              tooltip: [{ field: "year", title: "Year" }, { field: "value", title, format: ",.2f" },
                        { field: "edition", title: "Edition" }, { field: "estimate", title: "Estimate" }, { field: "source", title: "Source" }],
            } },
          ...(rules.length ? [
            { data: { values: rules }, mark: { type: "rule", strokeDash: [4, 3], color: "#1b1f24" },
              encoding: { y: { field: "value", type: "quantitative" }, tooltip: [{ field: "pledges", title: "Pledges" }] } },
            { data: { values: rules }, mark: { type: "text", align: "left", x: 2, dy: -6, fontSize: 11 },
              encoding: { y: { field: "value", type: "quantitative" }, text: { field: "label" } } },
          ] : []),
        ],
      });
      await chart(target, spec, {
        rows: points, caption,
        columns: [{ key: "year", label: "Year" }, { key: "edition", label: "Edition" },
                  { key: "value", label: title, numeric: true }, { key: "estimate", label: "Estimate" }, { key: "source", label: "Source" }],
        name: `natosim-${code}-${measure}`, label: `${title}, ${name}, by year and edition` });
      void section;
    }
    const columns = [{ key: "year", label: "Year" }, { key: "edition", label: "Edition" },
                     ...MEASURES.map(([key, title]) => ({ key, label: title, numeric: true })),
                     { key: "estimate", label: "Estimate" }, { key: "sources", label: "Sources" }];
    renderTable(document.getElementById("ally-table"), rows.sort((a, b) => a.year - b.year || a.edition.localeCompare(b.edition)),
                columns, { caption: `Every figure of ${name} by year and edition`, download: `natosim-${code}-figures` });
    status.textContent = `${name}: ${rows.length} rows from ${editions.length} editions`;
    document.body.dataset.allyDone = code;
  }

  const wanted = () => {
    const asked = (state.get("country") || "").toUpperCase();
    return [...select.options].some((o) => o.value === asked) ? asked : select.options[0].value;
  };
  document.getElementById("ally-form").addEventListener("submit", (event) => {
    event.preventDefault();
    state.set({ country: select.value });
    show(select.value).catch(showError);
  });
  state.onChange(() => show(wanted()).catch(showError));
  show(wanted()).catch(showError);
})();
