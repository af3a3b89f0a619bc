/* Crisis: start a run, follow its progress (server-sent events, polling as a fallback), show the result. */
"use strict";

(() => {
  const { api, showError, fmt, el, renderTable, autoColumns, keyValues, chart, capabilities } = natosim;
  const form = document.getElementById("crisis-form");
  const bar = document.getElementById("crisis-progress");
  const status = document.getElementById("crisis-status");
  const start = document.getElementById("crisis-start");

  async function refreshRuns() {
    try {
      const runs = await api("/api/crisis/runs");
      const rows = [...runs.rows].reverse().slice(0, 20);
      renderTable(document.getElementById("runs-table"), rows, [
        { key: "run_id", label: "Run" }, { key: "kind", label: "Kind" }, { key: "created", label: "Created" },
        { key: "status", label: "Status" }, { key: "target", label: "Target" }, { key: "year", label: "Year" },
        { key: "scenario", label: "Scenario" }, { key: "draws", label: "Draws", numeric: true },
        { key: "seed", label: "Seed", numeric: true },
        { key: "p_hold", label: "P(hold)", numeric: true, format: (v) => (v === null ? "—" : v.toFixed(4)) },
      ], { caption: "Crisis runs stored in the run database" });
    } catch (error) { showError(error); }
  }

  function setProgress(view) {
    bar.value = view.progress;
    bar.textContent = `${Math.round(view.progress * 100)}%`;
    status.textContent = `${view.status}: ${view.chunks_done}/${view.chunks_total || "?"} chunks`;
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

  async function show(result) {
    const section = document.getElementById("crisis-result");
    section.hidden = false;
    document.getElementById("p-hold").textContent =
      `${(result.p_hold * 100).toFixed(2)}% (± ${(1.96 * result.p_hold_se * 100).toFixed(2)} points, 95%)`;
    const contributions = result.contributions || [];
    await chart("#crisis-contributions", (width) => ({
      width, height: { step: 16 }, autosize: { type: "fit-x", contains: "padding" },
      title: "Expected force delivered by the horizon, per guarantor",
      data: { values: contributions },
      mark: { type: "bar", color: "#21918c" },
      encoding: {
        y: { field: "iso3", type: "nominal", sort: "-x", title: "Guarantor" },
        x: { field: "expected_by_horizon", type: "quantitative", title: `Expected force by the horizon (${result.unit || "capability"})` },
        tooltip: [{ field: "iso3" }, { field: "basis" }, { field: "p_respond", format: ".3f" },
                  { field: "mean_arrival_days", format: ".1f" }, { field: "marginal_p_hold", format: ".4f" }],
      },
    }), { rows: contributions, columns: autoColumns(contributions), name: `natosim-crisis-${result.run_id || "run"}`,
          caption: `Crisis run ${result.run_id || ""}: ${result.target}, ${result.year}, ${result.draws} draws, seed ${result.seed}. ` +
                   `Data sources: ${(result.data_sources || []).map((s) => fmt(s)).join("; ") || "see the run's notes"}.` });
    const details = document.getElementById("crisis-details");
    details.replaceChildren(
      el("h3", { text: "Summary" }),
      keyValues({ target: result.target, year: result.year, scenario: result.scenario || "baseline",
                  aggressor: result.aggressor, draws: result.draws,
                  seed: result.seed, run_id: result.run_id, p_parity_by_horizon: result.p_parity_by_horizon,
                  guarantors: result.guarantors }),
      el("h3", { text: "Contributions" }),
    );
    const table = el("table");
    details.append(el("div", { class: "table-wrap" }, table));
    renderTable(table, contributions, autoColumns(contributions), { caption: "Contribution of each guarantor" });
    if (result.notes && result.notes.length) {
      details.append(el("h3", { text: "Notes" }), el("ul", {}, ...result.notes.map((n) => el("li", { text: n }))));
    }
    if (result.data_sources && result.data_sources.length) {
      details.append(el("p", { class: "help", text: `Data sources: ${result.data_sources.map((s) => fmt(s)).join("; ")}` }));
    }
    document.body.dataset.crisisDone = "true";
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    showError(null);
    start.disabled = true;
    bar.value = 0;
    status.textContent = "starting…";
    try {
      const data = new FormData(form);
      const request = { target: data.get("target"), year: Number(data.get("year")),
                        draws: Number(data.get("draws")), seed: Number(data.get("seed")) };
      if (data.get("scenario")) request.scenario = data.get("scenario");
      const job = await api("/api/crisis/runs", { json: request });
      setProgress(job);
      const view = await follow(job.job);
      if (view.status === "failed") {
        const error = new Error(view.error.message);
        error.field = view.error.field;
        throw error;
      }
      status.textContent = `done: run ${view.run_id}`;
      await show(view.result);
      await refreshRuns();
    } catch (error) {
      status.textContent = "failed";
      showError(error);
    } finally { start.disabled = false; }
  });

  async function listScenarios() {
    try {
      if (!(await capabilities()).scenarios) return;
      const list = await api("/api/scenarios");
      const select = document.getElementById("crisis-scenario");
      for (const s of list.rows) select.append(el("option", { value: s.name, text: s.title || s.name }));
    } catch (error) { showError(error); }
  }

  refreshRuns();
  listScenarios();
})();
