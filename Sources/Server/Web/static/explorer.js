// Quiver's web explorer: a Cypher box with a results table and a graph view, an ask view, and the
// schema. It talks to the JSON API of `quiver serve` on the same origin; nothing is fetched from
// elsewhere. Every text from the server is put in the page with textContent, never as HTML.
"use strict";

const explorer = { networks: {}, drawn: {} };
window.quiverExplorer = explorer;

function token() { return sessionStorage.getItem("quiver-token") || ""; }

async function api(path, body) {
  const headers = { "Content-Type": "application/json" };
  if (token()) headers["Authorization"] = "Bearer " + token();
  const response = await fetch(path, body === undefined ? { headers } : { method: "POST", headers, body: JSON.stringify(body) });
  let data = null;
  try { data = await response.json(); } catch (e) { data = { error: { code: "BadResponse", message: "the server's answer is not JSON" } }; }
  if (response.status === 401) document.getElementById("token-box").hidden = false;
  if (!response.ok && !data.error) data.error = { code: String(response.status), message: response.statusText };
  return data;
}

function errorText(error) {
  const where = error.line ? ` at line ${error.line}, column ${error.column}` : "";
  return `${error.category ? error.category + " " : ""}(${error.code})${where}: ${error.message}`;
}

// Values arrive in Quiver's JSON encoding: integers as numbers, {"$float": …}, {"$map": …},
// {"$node": …}, {"$relationship": …}, {"$path": …}, temporal values as {"$date": "…"} and so on.
function formatValue(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "[" + value.map(formatValue).join(", ") + "]";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value !== "object") return String(value);
  const [tag] = Object.keys(value);
  const inner = value[tag];
  switch (tag) {
    case "$float": return typeof inner === "number" ? (Number.isInteger(inner) ? inner.toFixed(1) : String(inner)) : String(inner);
    case "$map": return "{" + Object.entries(inner).map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ") + "}";
    case "$node": return `(${inner.labels.map(l => ":" + l).join("")} ${formatProperties(inner.properties)})`;
    case "$relationship": return `[:${inner.type} ${formatProperties(inner.properties)}]`;
    case "$path": return inner.nodes.map(n => formatValue({ $node: n })).join("-…-");
    default: return tag.startsWith("$") ? String(inner) : JSON.stringify(value);
  }
}

function formatProperties(properties) {
  const entries = Object.entries(properties || {});
  return entries.length ? "{" + entries.map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ") + "}" : "";
}

function showTable(columns, rows) {
  const head = document.querySelector("#results thead");
  const body = document.querySelector("#results tbody");
  head.replaceChildren();
  body.replaceChildren();
  const headRow = document.createElement("tr");
  for (const column of columns) {
    const th = document.createElement("th");
    th.textContent = column;
    headRow.appendChild(th);
  }
  head.appendChild(headRow);
  const fragment = document.createDocumentFragment();
  for (const row of rows) {
    const tr = document.createElement("tr");
    for (const cell of row) {
      const td = document.createElement("td");
      td.textContent = formatValue(cell);
      tr.appendChild(td);
    }
    fragment.appendChild(tr);
  }
  body.appendChild(fragment);
}

// Draws a Drawing ({nodes, edges, clusters}) built by the server: the same picture
// `--format dot|mermaid` prints. When the network has drawn, the container's data-drawn-nodes
// says how many nodes it shows (the browser test reads it).
function draw(containerId, drawing) {
  const container = document.getElementById(containerId);
  container.removeAttribute("data-drawn-nodes");
  if (explorer.networks[containerId]) explorer.networks[containerId].destroy();
  const nodes = new vis.DataSet(drawing.nodes.map(n => ({
    id: n.id, label: n.caption, shape: "box", margin: 6,
    color: { background: n.color, border: "#455a64" },
    borderWidth: n.change ? 2 : 1,
    title: [n.kind, ...Object.entries(n.details || {}).sort().map(([k, v]) => `${k}: ${v}`)].join("\n"),
  })));
  const edges = new vis.DataSet(drawing.edges.map((e, i) => ({
    id: i, from: e.from, to: e.to, label: e.label, dashes: e.dashed, arrows: e.dashed ? "" : "to",
    color: { color: e.color }, font: { size: 10, align: "middle" },
  })));
  const network = new vis.Network(container, { nodes, edges }, {
    physics: { stabilization: { iterations: 200 }, barnesHut: { springLength: 140 } },
    interaction: { hover: true },
  });
  network.once("afterDrawing", () => {
    container.setAttribute("data-drawn-nodes", String(Object.keys(network.getPositions()).length));
  });
  explorer.networks[containerId] = network;
  explorer.drawn[containerId] = drawing;
}

async function runQuery() {
  const status = document.getElementById("status");
  status.className = "";
  status.textContent = "running…";
  const started = performance.now();
  const data = await api("/cypher", {
    query: document.getElementById("query").value,
    timeout: Number(document.getElementById("timeout").value) || 30,
    max_rows: Number(document.getElementById("max-rows").value) || 1000,
    draw: true,
  });
  const ms = Math.round(performance.now() - started);
  if (data.error && !data.columns) {
    status.className = "error";
    status.textContent = errorText(data.error);
    return;
  }
  showTable(data.columns, data.rows);
  document.getElementById("row-count").textContent = `${data.rows.length} row${data.rows.length === 1 ? "" : "s"}${data.truncated ? " (truncated)" : ""}`;
  const drawing = data.drawing || { nodes: [], edges: [] };
  document.getElementById("graph-info").textContent = `${drawing.nodes.length} nodes, ${drawing.edges.length} relationships`;
  draw("graph", drawing);
  status.className = data.error ? "error" : "";
  status.textContent = data.error ? errorText(data.error) : `${ms} ms`;
  refreshSummary();
}

async function ask() {
  const status = document.getElementById("ask-status");
  status.className = "";
  status.textContent = "asking…";
  const data = await api("/ask", { question: document.getElementById("question").value, method: document.getElementById("method").value });
  if (data.error) {
    status.className = "error";
    status.textContent = errorText(data.error);
    return;
  }
  status.textContent = data.entities.length ? "entities: " + data.entities.join("; ") : "no entities recognised";
  document.getElementById("answer").textContent = data.answer || (data.answer_error ? "no answer: " + data.answer_error : "(no model configured: the passages below are the answer's evidence)");
  const list = document.getElementById("passages");
  list.replaceChildren();
  for (const passage of data.passages) {
    const item = document.createElement("li");
    const title = document.createElement("div");
    title.className = "title";
    title.textContent = `${passage.title} (${passage.score.toFixed(3)})`;
    const text = document.createElement("div");
    text.textContent = passage.text.length > 300 ? passage.text.slice(0, 299) + "…" : passage.text;
    item.append(title, text);
    for (const path of passage.paths) {
      const line = document.createElement("div");
      line.className = "path";
      line.textContent = "path: " + path;
      item.appendChild(line);
    }
    list.appendChild(item);
  }
  document.getElementById("ask-graph-info").textContent = `${data.drawing.nodes.length} nodes`;
  draw("ask-graph", data.drawing);
}

async function showSchema() {
  const box = document.getElementById("schema");
  const data = await api("/schema");
  box.replaceChildren();
  if (data.error) { box.textContent = errorText(data.error); return; }
  const add = (tag, text) => { const e = document.createElement(tag); e.textContent = text; box.appendChild(e); return e; };
  add("p", `${data.nodes} nodes, ${data.relationships} relationships`);
  add("h3", "Labels");
  for (const label of data.labels) {
    const code = add("code", `:${label.name}`);
    code.title = "query it";
    code.onclick = () => useQuery(`MATCH (n:\`${label.name}\`) RETURN n LIMIT 25`);
    add("span", ` ${label.count}  `);
  }
  add("h3", "Patterns");
  for (const p of data.patterns.slice(0, 50)) {
    const code = add("code", `(:${p.from})-[:${p.type}]->(:${p.to})`);
    code.onclick = () => useQuery(`MATCH p = (:\`${p.from}\`)-[:\`${p.type}\`]->(:\`${p.to}\`) RETURN p LIMIT 25`);
    add("span", ` ${p.count}`);
    box.appendChild(document.createElement("br"));
  }
  add("h3", "Property keys");
  add("p", data.property_keys.join(", "));
}

function useQuery(text) {
  document.getElementById("query").value = text;
  showView("cypher-view");
  runQuery();
}

function showView(id) {
  for (const view of document.querySelectorAll(".view")) view.hidden = view.id !== id;
  for (const tab of document.querySelectorAll(".tab")) tab.classList.toggle("active", tab.dataset.view === id);
  if (id === "schema-view") showSchema();
}

async function refreshSummary() {
  const health = await api("/health");
  if (health.status === "ok") {
    document.getElementById("summary").textContent =
      `${health.nodes} nodes, ${health.relationships} relationships${health.knowledge_graph ? " · knowledge graph" : ""}`;
  }
}

document.getElementById("run").onclick = runQuery;
document.getElementById("ask-run").onclick = ask;
document.getElementById("query").addEventListener("keydown", e => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) runQuery(); });
document.getElementById("question").addEventListener("keydown", e => { if (e.key === "Enter") ask(); });
document.getElementById("token").addEventListener("change", e => sessionStorage.setItem("quiver-token", e.target.value));
for (const tab of document.querySelectorAll(".tab")) tab.onclick = () => showView(tab.dataset.view);
refreshSummary();
