/* Burden: Olson–Zeckhauser scatter (GDP vs % of GDP) and the game's counterfactual (observed vs predicted). */
"use strict";

(() => {
  const { api, showError, el, keyValues, chart, renderTable, sourceCaption, sources, state } = natosim;
  const form = document.getElementById("burden-form");
  const status = document.getElementById("burden-status");
  const KINDS = {
    estimate: "Estimate: computed from the data by a method validated against published results.",
    illustration: "Illustration: a model's answer under stated assumptions, not validated as a prediction.",
  };
  /** "estimate" or "illustration", said in words and in a badge that does not rely on colour. */
  function kindBadge(kind) {
    if (!kind) return el("span");
    return el("p", { class: "kind" }, el("span", { class: `kind-badge kind-${kind}`, text: kind }), ` ${KINDS[kind] || ""}`);
  }

  /** A chart box back to empty (its previous drawing, caption, downloads and numbers removed). */
  function reset(selector) {
    const node = document.querySelector(selector);
    node.replaceChildren();
    const extras = node.nextElementSibling;
    if (extras && extras.classList.contains("chart-extras")) extras.remove();
    return node;
  }

  async function draw() {
    showError(null);
    const data = new FormData(form);
    const year = Number(data.get("year"));
    status.textContent = "computing…";
    try {
      const test = await api(`/api/burden/test?years=${year}`);
      const points = test.points.filter((p) => p.year === year);
      await sources();
      document.getElementById("burden-test-kind").replaceChildren(kindBadge(test.kind));
      if (!points.length) {
        // say what exists instead of drawing an empty scatter
        const figures = (await api(`/api/figures?year=${year}&members_only=true`)).rows;
        const withPct = figures.filter((r) => r.defence_exp_pct_gdp !== null);
        const withGdp = figures.filter((r) => r.gdp_usd_current_bn !== null);
        reset("#burden-test").append(el("p", { class: "notice", text:
          `No ally has both GDP and defence spending as % of GDP for ${year}, and the test needs both: ` +
          `${withPct.length} allies have % of GDP, ${withGdp.length} have GDP in US$ (editions: ` +
          `${[...new Set(withPct.map((r) => r.edition_defence_exp_pct_gdp || r.edition))].join(", ") || "none"}). ` +
          "The figures that exist are below." }));
        const table = el("table");
        document.getElementById("burden-test-summary").replaceChildren(el("div", { class: "table-wrap" }, table));
        renderTable(table, figures, [
          { key: "country", label: "Ally" }, { key: "defence_exp_pct_gdp", label: "% of GDP", numeric: true },
          { key: "edition_defence_exp_pct_gdp", label: "Edition (% of GDP)" },
          { key: "gdp_usd_current_bn", label: "GDP US$ bn", numeric: true }, { key: "sources", label: "Sources" },
        ], { caption: `Figures that exist for ${year}`, download: `natosim-burden-figures-${year}` });
        throw Object.assign(new Error(`the Olson–Zeckhauser test needs GDP, which no edition has for ${year}`), { quiet: true });
      }
      const testCaption = await sourceCaption(points, `GDP and % of GDP, ${year}. Source`);
      await chart("#burden-test", (width) => ({
        width, height: 360, autosize: { type: "fit-x", contains: "padding" },
        data: { values: points },
        layer: [
          { mark: { type: "point", filled: true, size: 70, color: "#3b528b" },
            encoding: {
              x: { field: "gdp_usd_current_bn", type: "quantitative", scale: { type: "log" }, title: "GDP, current US$ bn (log scale)" },
              y: { field: "defence_exp_pct_gdp", type: "quantitative", title: "Defence expenditure, % of GDP" },
              tooltip: [{ field: "country" }, { field: "gdp_usd_current_bn", format: ",.0f" },
                        { field: "defence_exp_pct_gdp", format: ".2f" }, { field: "sources" }],
            } },
          { mark: { type: "text", dx: 6, align: "left", fontSize: 10, color: "#1b1f24" },
            encoding: { x: { field: "gdp_usd_current_bn", type: "quantitative", scale: { type: "log" } },
                        y: { field: "defence_exp_pct_gdp", type: "quantitative" }, text: { field: "iso3" } } },
        ],
      }), { rows: points, caption: testCaption, name: `natosim-burden-test-${year}`,
            columns: [{ key: "country", label: "Ally" }, { key: "iso3", label: "ISO3" },
                      { key: "gdp_usd_current_bn", label: "GDP US$ bn", numeric: true },
                      { key: "defence_exp_pct_gdp", label: "% of GDP", numeric: true }, { key: "sources", label: "Sources" }] });
      const row = (test.years || []).find((r) => r.year === year) || {};
      document.getElementById("burden-test-summary").replaceChildren(
        keyValues({ year, allies: row.n, spearman_rho: row.rho, p_value: row.p, kendall_tau: row.tau, note: row.note }),
        el("p", { text: test.answer || "" }));
    } catch (error) { if (!error.quiet) showError(error); }

    reset("#burden-game");
    document.getElementById("burden-game-summary").replaceChildren();
    document.getElementById("burden-game-kind").replaceChildren();
    try {
      const query = new URLSearchParams({ base_year: year, threshold_pct: data.get("threshold_pct"),
                                          guarantor: data.get("guarantor") });
      const game = await api(`/api/burden/game?${query}`);
      const rows = game.table.filter((r) => r.observed_pct_gdp !== null);
      const long = rows.flatMap((r) => [
        { country: r.country, iso3: r.iso3, what: "observed", pct: r.observed_pct_gdp },
        { country: r.country, iso3: r.iso3, what: "predicted", pct: r.predicted_pct_gdp },
      ]);
      await chart("#burden-game", (width) => ({
        width, height: { step: 15 }, autosize: { type: "fit-x", contains: "padding" },
        data: { values: long },
        layer: [
          { mark: { type: "rule", color: "#9aa3ad" },
            encoding: { y: { field: "country", type: "nominal", sort: { field: "pct", op: "max", order: "descending" }, title: null },
                        x: { aggregate: "min", field: "pct", type: "quantitative", title: "% of GDP" },
                        x2: { aggregate: "max", field: "pct" } } },
          { mark: { type: "point", filled: true, size: 60 },
            encoding: { y: { field: "country", type: "nominal", sort: { field: "pct", op: "max", order: "descending" } },
                        x: { field: "pct", type: "quantitative" },
                        color: { field: "what", type: "nominal", title: null,
                                 scale: { domain: ["observed", "predicted"], range: ["#3b528b", "#fde725"] } },
                        shape: { field: "what", type: "nominal", title: null },
                        tooltip: [{ field: "country" }, { field: "what" }, { field: "pct", format: ".2f" }] } },
        ],
      }), { rows: long, name: `natosim-burden-game-${year}`,
            caption: `Game for ${year}, figures of edition ${game.summary.edition}; sources: ${(game.summary.sources || []).join(", ")} (see /sources).`,
            columns: [{ key: "country", label: "Ally" }, { key: "what", label: "Series" }, { key: "pct", label: "% of GDP", numeric: true }] });
      const s = game.summary;
      document.getElementById("burden-game-kind").replaceChildren(kindBadge(game.kind || s.kind));
      document.getElementById("burden-game-summary").replaceChildren(
        keyValues({ base_year: s.base_year, edition: s.edition, guarantor: s.guarantor, threshold_pct: s.threshold_pct,
                    allied_spending_observed_usd_bn: s.q_observed_usd_bn, allied_spending_predicted_usd_bn: s.q_predicted_usd_bn,
                    change_pct: s.q_change_pct, moved_to_threshold: (s.moved_to_threshold || []).join(", "),
                    below_threshold: (s.below_threshold || []).join(", ") || "none", converged: s.converged }),
        el("p", { class: "help", text: (s.notes || []).join(" ") + ` Sources: ${(s.sources || []).join(", ")}.` }));
      const table = el("table");
      renderTable(table, game.table, [
        { key: "country", label: "Ally" }, { key: "observed_pct_gdp", label: "Observed %", numeric: true },
        { key: "predicted_pct_gdp", label: "Predicted %", numeric: true },
        { key: "change_usd_bn", label: "Change US$ bn", numeric: true }, { key: "complies", label: "Complies" },
        { key: "free_rides", label: "Free rides" }, { key: "edition", label: "Edition" }, { key: "sources", label: "Sources" },
      ], { caption: "Game: observed and predicted spending per ally", download: `natosim-burden-game-table-${year}` });
      document.getElementById("burden-game-summary").append(el("div", { class: "table-wrap" }, table));
      status.textContent = "done";
      document.body.dataset.burdenDone = "true";
    } catch (error) {
      status.textContent = "";
      document.getElementById("burden-game-summary").replaceChildren(el("p", { class: "notice", text: `No game for ${year}: ${error.message}` }));
      document.body.dataset.burdenDone = "true";
    }
  }

  // state in the URL: ?year=2023&threshold_pct=2&guarantor=USA
  const fields = ["year", "threshold_pct", "guarantor"];
  function fromUrl() {
    for (const name of fields) if (state.get(name)) form.elements[name].value = state.get(name);
    draw();
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.set(Object.fromEntries(fields.map((name) => [name, form.elements[name].value])));
    draw();
  });
  state.onChange(fromUrl);
  fromUrl();
})();
