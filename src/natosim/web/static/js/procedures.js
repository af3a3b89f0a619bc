/* Procedures: accession and withdrawal, step by step, each step with its rule and source. */
"use strict";

(() => {
  const { api, showError, el, keyValues, state } = natosim;
  const result = document.getElementById("procedure-result");
  const status = document.getElementById("procedure-status");
  const pathSelect = document.getElementById("wd-path");
  const countryInput = document.getElementById("wd-country");

  /** Text for readers: no file names or identifiers of the rule files ("European_state", "x.yaml key"). */
  function readable(text) {
    return String(text ?? "")
      .replace(/;?\s*[\w-]+\.ya?ml(\s+[\w.]+)?/g, "")
      .replace(/\b([A-Za-z]+)_([a-z]+)\b/g, (_, a, b) => `${a === "European" ? "a European" : a} ${b}`)
      .trim();
  }

  function render(title, answer) {
    const steps = el("ol", { class: "steps" });
    for (const step of answer.steps || []) {
      steps.append(el("li", {},
        el("strong", { text: `${readable(step.actor)}: ` }), `${readable(step.action)} — `,
        el("em", { text: readable(step.outcome) }),
        step.earliest_date ? ` (earliest ${step.earliest_date})` : "",
        el("br"), el("span", { class: "help", text: `Rule: ${readable(step.rule)}. Source: ${readable(step.source)}${step.note ? `. ${readable(step.note)}` : ""}` })));
    }
    const flat = {};
    for (const [key, value] of Object.entries(answer)) {
      if (key === "steps" || key === "history" || key === "ratifications") continue;
      flat[key] = Array.isArray(value) ? value.map((v) => (typeof v === "object" ? JSON.stringify(v) : readable(v))).join(", ")
        : typeof value === "string" ? readable(value) : value;
    }
    result.replaceChildren(el("h2", { text: title }), keyValues(flat), el("h3", { text: "Steps" }), steps);
    status.textContent = `${title}: ${answer.outcome}`;
  }

  /** A date the user must give: an empty one is refused here, never replaced by today. */
  function requiredDate(form, name, label) {
    const value = String(new FormData(form).get(name) || "");
    if (!value) {
      const error = new Error(`give a date (YYYY-MM-DD); ${label} is not assumed to be today`);
      error.field = name;
      throw error;
    }
    return value;
  }

  /** Offer the US-law paths only for the United States, the national procedure for other allies. */
  let checking = 0;
  async function offerPaths() {
    const asked = countryInput.value.trim();
    const ticket = ++checking;
    let us = false;
    try { us = asked !== "" && (await api(`/api/allies/${encodeURIComponent(asked)}`)).iso3 === "USA"; }
    catch (_) { us = false; }  // not an ally: the server names the problem when the form is sent
    if (ticket !== checking) return;
    for (const option of pathSelect.options) {
      const usOnly = option.dataset.us === "true";
      option.hidden = option.disabled = us !== usOnly;
    }
    if (pathSelect.selectedOptions[0].disabled) pathSelect.value = [...pathSelect.options].find((o) => !o.disabled).value;
    pathSelect.dataset.country = us ? "USA" : "other";
  }
  countryInput.addEventListener("change", offerPaths);

  /** State in the URL: ?procedure=withdrawal&country=USA&path=senate&notice_date=2026-03-01 (or accession). */
  async function fromUrl() {
    const which = state.get("procedure");
    if (which === "withdrawal") {
      countryInput.value = state.get("country") || countryInput.value;
      await offerPaths();
      if (state.get("path")) pathSelect.value = state.get("path");
      document.getElementById("wd-notice").value = state.get("notice_date") || "";
      document.getElementById("withdrawal-form").requestSubmit();
    } else if (which === "accession") {
      document.getElementById("acc-country").value = state.get("country") || "";
      document.getElementById("acc-invited").value = state.get("invited") || "";
      document.getElementById("acc-vetoes").value = state.getAll("veto").join(", ");
      document.getElementById("accession-form").requestSubmit();
    } else {
      await offerPaths();
    }
  }
  state.onChange(fromUrl);

  document.getElementById("accession-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    showError(null);
    try {
      const data = new FormData(event.target);
      const query = new URLSearchParams({ country: data.get("country"), invited: requiredDate(event.target, "invited", "the invitation date") });
      for (const veto of String(data.get("vetoes") || "").split(",").map((v) => v.trim()).filter(Boolean)) {
        query.append("veto", veto);
      }
      state.set({ procedure: "accession", country: data.get("country"), invited: query.get("invited"), veto: query.getAll("veto"),
                  path: null, notice_date: null });
      render(`Accession of ${data.get("country")}`, await api(`/api/procedures/accession?${query}`));
    } catch (error) { showError(error); }
  });

  document.getElementById("withdrawal-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    showError(null);
    try {
      const data = new FormData(event.target);
      const query = new URLSearchParams({ country: data.get("country"), path: data.get("path"),
                                          notice_date: requiredDate(event.target, "notice_date", "the notice date") });
      state.set({ procedure: "withdrawal", country: data.get("country"), path: data.get("path"),
                  notice_date: query.get("notice_date"), invited: null, veto: null });
      render(`Withdrawal of ${data.get("country")}`, await api(`/api/procedures/withdrawal?${query}`));
    } catch (error) { showError(error); }
  });
  fromUrl();
})();
