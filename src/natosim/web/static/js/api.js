/* API: the routes of this server, read from its own OpenAPI schema (no Swagger UI, no network). */
"use strict";

(async () => {
  const { api, showError, el } = natosim;
  const box = document.getElementById("api-routes");
  let schema;
  try { schema = await api("/api/openapi.json"); } catch (error) { showError(error); return; }

  const resolve = (node) => {
    if (node && node.$ref) return resolve(node.$ref.split("/").slice(1).reduce((o, k) => o[k], schema));
    return node || {};
  };
  const example = (content) => {
    const json = content && content["application/json"];
    if (!json) return null;
    if (json.example !== undefined) return json.example;
    const s = resolve(json.schema);
    return s.examples ? s.examples[0] : null;
  };

  const sections = [];
  for (const [path, methods] of Object.entries(schema.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const section = el("section", { class: "panel", "data-route": `${method.toUpperCase()} ${path} ${op.summary || ""}`.toLowerCase() });
      section.append(el("h2", {}, el("code", { text: `${method.toUpperCase()} ${path}` })));
      if (op.summary) section.append(el("p", { text: op.summary }));
      if (op.description) section.append(el("p", { class: "help", text: op.description }));
      const params = (op.parameters || []).map(resolve);
      if (params.length) {
        const list = el("ul");
        for (const p of params) {
          const s = resolve(p.schema);
          const type = s.type || (s.anyOf || []).map((a) => resolve(a).type || "").filter(Boolean).join(" | ");
          list.append(el("li", {}, el("code", { text: p.name }), ` (${p.in}${p.required ? ", required" : ""}${type ? `, ${type}` : ""})`,
                                 p.description ? ` — ${p.description}` : ""));
        }
        section.append(el("h3", { text: "Parameters" }), list);
      }
      const body = op.requestBody && example(op.requestBody.content);
      if (body) section.append(el("h3", { text: "Example body" }), el("pre", { tabindex: "0", text: JSON.stringify(body, null, 2) }));
      const ok = op.responses && (op.responses["200"] || op.responses["202"]);
      const answer = ok && example(ok.content);
      if (answer) section.append(el("h3", { text: "Example answer" }), el("pre", { tabindex: "0", text: JSON.stringify(answer, null, 2) }));
      sections.push(section);
    }
  }
  box.replaceChildren(...sections);
  document.body.dataset.routes = String(sections.length);
  document.getElementById("api-filter").addEventListener("input", (event) => {
    const words = event.target.value.toLowerCase().split(/\s+/).filter(Boolean);
    for (const section of sections) section.hidden = !words.every((w) => section.dataset.route.includes(w));
  });
})();
