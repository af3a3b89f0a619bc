/* Claims: each checkable statement of a pasted text with its verdict and evidence. */
"use strict";

(() => {
  const { api, showError, fmt, el, renderTable } = natosim;
  /** Evidence items read as "statement [source]"; anything else as text. */
  const evidence = (items) => (Array.isArray(items)
    ? items.map((e) => (e && e.statement ? `${e.statement}${e.source ? ` [${e.source}]` : ""}` : fmt(e))).join(" · ")
    : fmt(items));
  document.getElementById("claims-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    showError(null);
    const status = document.getElementById("claims-status");
    status.textContent = "checking…";
    try {
      const text = String(new FormData(event.target).get("text"));
      const answer = await api("/api/claims/check", { json: { text } });
      // the claim as the reader saw it: spans are offsets into the text sent
      const claims = (answer.claims || []).map((c) => ({ ...c, claim: Array.isArray(c.span) ? text.slice(c.span[0], c.span[1]) : "" }));
      const table = el("table");
      renderTable(table, claims, [
        { key: "claim", label: "Claim" },
        { key: "sentence", label: "Sentence" },
        { key: "kind", label: "Kind" },
        // a claimed year or count is a label, not a quantity to group: 2023, not 2,023
        { key: "value", label: "Claimed", format: (v, row) => (Number.isInteger(v) ? String(v) : `${fmt(v)}${row.unit ? ` ${row.unit}` : ""}`) },
        { key: "verdict", label: "Verdict", format: (v) => ({ supported: "✔ supported", contradicted: "✘ contradicted" }[v] || fmt(v)) },
        { key: "note", label: "Why (the note behind the verdict)" },
        { key: "evidence", label: "Evidence", format: evidence },
      ], { caption: "Claims found in the text", download: "natosim-claims" });
      document.getElementById("claims-result").replaceChildren(el("div", { class: "table-wrap" }, table));
      status.textContent = `${claims.length} claim(s) found`;
    } catch (error) { status.textContent = ""; showError(error); }
  });
})();
