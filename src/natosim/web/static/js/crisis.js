/* Crisis: start a run, follow its progress (server-sent events, polling as a fallback), show the result,
   its uncertainty and its assumptions (editable), reopen stored runs. State in the URL: ?run=ID. */
"use strict";

(() => {
  const { api, showError, fmt, el, renderTable, autoColumns, keyValues, chart, capabilities, state } = natosim;
  const form = document.getElementById("crisis-form");
  const bar = document.getElementById("crisis-progress");
  const status = document.getElementById("crisis-status");
  const start = document.getElementById("crisis-start");
  const targetSelect = document.getElementById("crisis-target");
  let names = {};
  let lastRequest = null;

  const named = (code) => (names[code] ? `${names[code]} (${code})` : code);
  const pct = (value, digits = 1) => `${(value * 100).toFixed(digits)}%`;

  async function refreshRuns() {
    try {
      const runs = await api("/api/crisis/runs");
      const rows = [...runs.rows].reverse().slice(0, 20);
      renderTable(document.getElementById("runs-table"), rows, [
        { key: "run_id", label: "Run",
          format: (v) => { const b = el("button", { type: "button", class: "secondary", "data-run": v, text: `Open ${String(v).slice(0, 8)}` });
                           b.addEventListener("click", () => { state.set({ run: v }); openRun(v); }); return b; } },
        { key: "kind", label: "Kind" }, { key: "created", label: "Created" },
        { key: "status", label: "Status" }, { key: "target", label: "Target", format: (v) => named(v) }, { key: "year", label: "Year" },
        { key: "scenario", label: "Scenario" }, { key: "draws", label: "Draws", numeric: true },
        { key: "seed", label: "Seed", numeric: true, format: (v) => (v == null ? "—" : String(v)) },
        { key: "p_hold", label: "P(hold)", numeric: true, format: (v) => (v === null || v === undefined ? "—" : v.toFixed(4)) },
      ], { caption: "Crisis runs stored in the run database", download: "natosim-crisis-runs" });
    } catch (error) { showError(error); }
  }

  // progress that moves: elapsed time ticks while the bar waits for the first chunk to finish
  let started = 0;
  let ticker = null;
  let lastView = null;
  function setProgress(view) {
    lastView = view;
    if (view.chunks_total) { bar.value = view.progress; bar.textContent = `${Math.round(view.progress * 100)}%`; }
    else bar.removeAttribute("value");  // indeterminate: the bar animates until the total is known
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    status.textContent = `${view.status}: ${view.chunks_done || 0} of ${view.chunks_total || "?"} chunks done, ${seconds} s`;
  }
  function tick(on) {
    clearInterval(ticker);
    if (on) { started = performance.now(); ticker = setInterval(() => lastView && setProgress(lastView), 250); }
  }

  function follow(job) {
    return new Promise((resolve) => {
      let settled = false;
      const finish = async () => {
        if (settled) return;
        settled = true;
        resolve(await api(`/api/crisis/jobs/${job}`));
      };
      if (window.EventSource) {
        const source = new EventSource(`/api/crisis/jobs/${job}/events`);
        const onEvent = (event) => {
          const view = JSON.parse(event.data);
          setProgress(view);
          if (view.status === "done" || view.status === "failed") { source.close(); finish(); }
        };
        source.addEventListener("progress", onEvent);
        source.addEventListener("done", onEvent);
        source.addEventListener("failed", onEvent);
        source.onerror = () => { source.close(); poll(); };
      } else { poll(); }
      async function poll() {
        while (!settled) {
          const view = await api(`/api/crisis/jobs/${job}`);
          setProgress(view);
          if (view.status === "done" || view.status === "failed") { finish(); return; }
          await new Promise((r) => setTimeout(r, 400));
        }
      }
    });
  }

  /** The result's assumptions: its `assumptions` list, or (older results) its numeric params with their sources. */
  function assumptionsOf(result) {
    if (Array.isArray(result.assumptions)) return result.assumptions;
    const sources = result.parameter_sources || {};
    return Object.entries(result.params || {})
      .filter(([, value]) => typeof value === "number")
      .map(([name, value]) => ({ name, value, unit: "", low: null, high: null,
                                 source: (sources[name] || {}).source || "", confidence: (sources[name] || {}).confidence || "" }));
  }

  function showAssumptions(result) {
    const list = assumptionsOf(result);
    const box = document.getElementById("assumptions-box");
    box.hidden = list.length === 0;
    const table = document.getElementById("assumptions-table");
    renderTable(table, list, [
      { key: "name", label: "Assumption" },
      { key: "value", label: "Value (edit)", format: (v, row) => el("input", {
          type: "number", step: "any", name: row.name, value: String(v), "data-default": String(v),
          "aria-label": `${row.name}${row.unit ? ` (${row.unit})` : ""}`,
          ...(row.low != null ? { min: String(row.low) } : {}), ...(row.high != null ? { max: String(row.high) } : {}) }) },
      { key: "unit", label: "Unit" },
      { key: "low", label: "Low", numeric: true }, { key: "high", label: "High", numeric: true },
      { key: "source", label: "Source" }, { key: "confidence", label: "Confidence" },
    ], { sortable: false, caption: "Assumptions of the run", download: "natosim-crisis-assumptions" });
  }

  async function show(result, request = null) {
    const section = document.getElementById("crisis-result");
    section.hidden = false;
    const range = Array.isArray(result.p_hold_range) ? result.p_hold_range : null;
    document.getElementById("p-hold").textContent =
      `${(result.p_hold * 100).toFixed(2)}% (± ${(1.96 * result.p_hold_se * 100).toFixed(2)} points, 95%, Monte Carlo error)`;
    document.getElementById("p-hold-range").textContent = range
      ? `Over the plausible range of the assumptions, P(defence holds) lies between ${pct(range[0])} (5th percentile) and ${pct(range[1])} (95th): that spread, not the Monte Carlo error, is the real uncertainty.`
      : "This result carries no range over its assumptions (only the Monte Carlo error above).";
    // force each guarantor delivers by the horizon: `expected_by_horizon`, or its troops on the horizon day
    const horizon = result.horizon_days || 30;
    const contributions = (result.contributions || []).map((c) => ({
      ...c, country: names[c.iso3] || c.iso3,
      delivered: c.expected_by_horizon ?? c[`troops_day_${horizon}`] ?? null }));
    await chart("#crisis-contributions", (width) => ({
      width, height: { step: 16 }, autosize: { type: "fit-x", contains: "padding" },
      title: `Expected force delivered by day ${horizon}, per guarantor`,
      data: { values: contributions.filter((c) => c.delivered !== null) },
      mark: { type: "bar", color: "#32648e" },
      encoding: {
        y: { field: "country", type: "nominal", sort: "-x", title: null },
        x: { field: "delivered", type: "quantitative", title: `Expected by day ${horizon} (${result.unit || "capability"})` },
        tooltip: [{ field: "country" }, { field: "basis" }, { field: "delivered", format: ",.0f", title: `expected by day ${horizon}` },
                  ...["p_respond", "responded_share"].filter((k) => contributions.some((c) => c[k] !== undefined))
                    .map((field) => ({ field, format: ".3f" }))],
      },
    }), { rows: contributions, columns: autoColumns(contributions), name: `natosim-crisis-${result.run_id || "run"}`,
          label: `Expected force each guarantor delivers to ${named(result.target)} by the horizon`,
          caption: `Crisis run ${result.run_id || ""}: ${named(result.target)}, ${result.year}, ${result.draws} draws, seed ${result.seed}. ` +
                   `Data sources: ${(result.data_sources || []).map((s) => fmt(s)).join("; ") || "see the run's notes"} (see /sources).` });
    const troopsBox = document.getElementById("crisis-troops-box");
    troopsBox.replaceChildren();
    const troops = result.expected_troops_by_day;
    if (troops && typeof troops === "object") {
      const rows = Object.entries(troops).flatMap(([guarantor, byDay]) =>
        Object.entries(byDay).map(([day, value]) => ({ guarantor, country: names[guarantor] || guarantor, day: Number(day), troops: value })));
      const target = el("div", { class: "chart", id: "crisis-troops", role: "img",
                                 "aria-label": `Expected troops of each guarantor in ${named(result.target)} by day 3, 10 and 30` });
      troopsBox.append(el("h3", { text: "Expected troops on the ground, by day" }), target);
      await chart(target, (width) => ({
        width, height: { step: 12 }, autosize: { type: "fit-x", contains: "padding" },
        data: { values: rows.filter((r) => r.troops > 0) },
        mark: { type: "bar" },
        encoding: {
          y: { field: "country", type: "nominal", title: null, sort: "-x" },
          yOffset: { field: "day", type: "ordinal" },
          x: { field: "troops", type: "quantitative", title: "Expected troops" },
          color: { field: "day", type: "ordinal", title: "Day", scale: { range: ["#aadc32", "#228d8d", "#440154"] } },
          tooltip: [{ field: "country" }, { field: "day" }, { field: "troops", format: ",.0f" }],
        },
      }), { rows, name: `natosim-crisis-troops-${result.run_id || "run"}`,
            columns: [{ key: "guarantor", label: "Guarantor" }, { key: "day", label: "Day" }, { key: "troops", label: "Expected troops", numeric: true }],
            caption: `Expected troops by day, run ${result.run_id || ""}; sources as above.` });
    }
    const details = document.getElementById("crisis-details");
    details.replaceChildren(
      el("h3", { text: "Summary" }),
      keyValues({ target: named(result.target), year: result.year, scenario: result.scenario || "baseline",
                  aggressor: named(result.aggressor), draws: result.draws,
                  seed: result.seed, run_id: result.run_id, p_parity_by_horizon: result.p_parity_by_horizon,
                  guarantors: result.guarantors }),
      el("h3", { text: "Contributions" }),
    );
    const table = el("table");
    details.append(el("div", { class: "table-wrap" }, table));
    renderTable(table, contributions, autoColumns(contributions), { caption: "Contribution of each guarantor",
                                                                    download: `natosim-crisis-contributions-${result.run_id || "run"}` });
    if (result.notes && result.notes.length) {
      details.append(el("h3", { text: "Notes" }), el("ul", {}, ...result.notes.map((n) => el("li", { text: n }))));
    }
    showAssumptions(result);
    lastRequest = request || { target: result.target, year: result.year, draws: result.draws, seed: result.seed,
                               ...(result.scenario && result.scenario !== "baseline" ? { scenario: result.scenario } : {}) };
    document.body.dataset.crisisDone = "true";
  }

  async function run(request) {
    showError(null);
    start.disabled = true;
    bar.value = 0;
    status.textContent = "starting…";
    tick(true);
    try {
      const job = await api("/api/crisis/runs", { json: request });
      setProgress(job);
      const view = await follow(job.job);
      if (view.status === "failed") {
        const error = new Error(view.error.message);
        error.field = view.error.field;
        throw error;
      }
      bar.value = 1;
      status.textContent = `done: run ${view.run_id}`;
      state.set({ run: view.run_id, target: request.target, year: request.year });
      await show(view.result, request);
      await refreshRuns();
    } catch (error) {
      status.textContent = "failed";
      showError(error);
    } finally { start.disabled = false; tick(false); }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const request = { target: data.get("target"), year: Number(data.get("year")),
                      draws: Number(data.get("draws")), seed: Number(data.get("seed")) };
    if (data.get("scenario")) request.scenario = data.get("scenario");
    run(request);
  });

  document.getElementById("assumptions-form").addEventListener("submit", (event) => {
    event.preventDefault();
    if (!lastRequest) return;
    const params = { ...(lastRequest.params || {}) };
    for (const input of event.target.querySelectorAll("input[name]")) {
      if (input.value !== input.dataset.default) params[input.name] = Number(input.value);
    }
    run({ ...lastRequest, params });
  });

  /** A stored run, as GET /api/crisis/runs/{id} returns it: its result is the first of its results. */
  async function openRun(runId) {
    showError(null);
    try {
      const stored = await api(`/api/crisis/runs/${encodeURIComponent(runId)}`);
      const first = Array.isArray(stored.results) ? stored.results[0] : stored.results;
      const result = first && first.result ? first.result : first;
      if (!result || result.p_hold === undefined) throw new Error(`run ${runId} has no result yet (status: ${stored.status})`);
      status.textContent = `stored run ${runId}`;
      await show({ run_id: runId, ...result }, { target: stored.target, year: stored.year, draws: stored.draws,
                                                  seed: stored.seed, params: stored.params || {},
                                                  ...(stored.scenario && stored.scenario !== "baseline" ? { scenario: stored.scenario } : {}) });
    } catch (error) { showError(error); }
  }

  async function init() {
    try {
      const [allies, caps] = await Promise.all([api("/api/allies"), capabilities()]);
      names = Object.fromEntries(allies.rows.map((a) => [a.iso3, a.name]));
      targetSelect.replaceChildren(...allies.rows.map((a) => el("option", { value: a.iso3, text: a.name })));
      targetSelect.value = names[String(state.get("target") || "").toUpperCase()] ? state.get("target").toUpperCase() : "EST";
      if (state.get("year")) form.elements.year.value = state.get("year");
      if (caps.scenarios) {
        const list = await api("/api/scenarios");
        const select = document.getElementById("crisis-scenario");
        for (const s of list.rows) select.append(el("option", { value: s.name, text: s.title || s.name }));
      }
    } catch (error) { showError(error); }
    await refreshRuns();
    if (state.get("run")) await openRun(state.get("run"));
    document.body.dataset.crisisReady = "true";
  }
  state.onChange(() => { if (state.get("run")) openRun(state.get("run")); });
  init();
})();
