/* Procedures: accession and withdrawal, step by step, each step with its rule and source. */
"use strict";

(() => {
  const { api, showError, fmt, el, keyValues } = natosim;
  const result = document.getElementById("procedure-result");
  const status = document.getElementById("procedure-status");

  function render(title, answer) {
    const steps = el("ol", { class: "steps" });
    for (const step of answer.steps || []) {
      steps.append(el("li", {},
        el("strong", { text: `${step.actor}: ` }), `${step.action} — `,
        el("em", { text: step.outcome }),
        step.earliest_date ? ` (earliest ${step.earliest_date})` : "",
        el("br"), el("span", { class: "help", text: `Rule: ${step.rule}. Source: ${step.source}${step.note ? `. ${step.note}` : ""}` })));
    }
    const flat = {};
    for (const [key, value] of Object.entries(answer)) {
      if (key === "steps" || key === "history" || key === "ratifications") continue;
      flat[key] = Array.isArray(value) ? value.map((v) => (typeof v === "object" ? JSON.stringify(v) : v)).join(", ") : value;
    }
    result.replaceChildren(el("h2", { text: title }), keyValues(flat), el("h3", { text: "Steps" }), steps);
    status.textContent = `${title}: ${answer.outcome}`;
  }

  document.getElementById("accession-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    showError(null);
    const data = new FormData(event.target);
    const query = new URLSearchParams({ country: data.get("country") });
    if (data.get("invited")) query.set("invited", data.get("invited"));
    for (const veto of String(data.get("vetoes") || "").split(",").map((v) => v.trim()).filter(Boolean)) {
      query.append("veto", veto);
    }
    try { render(`Accession of ${data.get("country")}`, await api(`/api/procedures/accession?${query}`)); }
    catch (error) { showError(error); }
  });

  document.getElementById("withdrawal-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    showError(null);
    const data = new FormData(event.target);
    const query = new URLSearchParams({ country: data.get("country"), path: data.get("path") });
    if (data.get("notice_date")) query.set("notice_date", data.get("notice_date"));
    try { render(`Withdrawal of ${data.get("country")}`, await api(`/api/procedures/withdrawal?${query}`)); }
    catch (error) { showError(error); }
  });
  void fmt;
})();
