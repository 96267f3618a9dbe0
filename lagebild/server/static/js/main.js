// The dashboard: reads its state from the URL, asks the API, draws the views, and writes
// every change back into the URL (so a view can be shared and reloaded).

import { getJSON } from "./api.js";
import { clear, el } from "./dom.js";
import { renderArticle } from "./article.js";
import { evidenceBlock } from "./evidence.js";
import { renderNetwork } from "./network.js";
import { QUAD_NAMES, TYPE_QUAD } from "./ontology.js";
import { FILTER_KEYS, PAGE_SIZE, filterParams, parseEdge, readState, stateQuery } from "./state.js";
import { markSorted, renderRows, showEvidence } from "./table.js";
import { renderTimeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
let state = readState();
let generation = 0;

/** Change the state, record it in the URL, and redraw (everything, or nothing). */
function setState(patch, { resetPage = true, redraw = true, replace = false } = {}) {
  const next = { ...state, ...patch };
  if (resetPage && !("offset" in patch)) delete next.offset;
  for (const key of Object.keys(next)) if (next[key] === null || next[key] === undefined || next[key] === "") delete next[key];
  const query = stateQuery(next);
  if (query !== window.location.search) {
    (replace ? history.replaceState : history.pushState).call(history, null, "", "/" + query);
  }
  state = next;
  if (redraw) render();
  else markRendered();
}

function markRendered() {
  document.documentElement.dataset.renderedQuery = window.location.search;
  document.documentElement.dataset.ready = "true";
}

function showStatus(message) {
  const status = $("status");
  status.hidden = !message;
  status.textContent = message || "";
}

function fillForm() {
  const form = $("filters");
  for (const key of ["from", "to", "actor", "text"]) form.elements[key].value = state[key] || "";
  for (const [key, select] of [["type", $("f-type")], ["quad", $("f-quad")], ["lang", $("f-lang")]]) {
    const value = state[key] || "";
    if (value && ![...select.options].some((o) => o.value === value)) select.append(el("option", { value }, value));
    select.value = value;
  }
  $("f-modal").checked = state.include_modal === "true";
  $("timeline-period").value = state.period || "auto";
  $("network-weight").value = state.weight || "count";
}

async function render() {
  const mine = ++generation;
  document.documentElement.dataset.ready = "false";
  fillForm();
  showStatus(null);
  const articleView = state.view === "article" && state.article;
  $("dashboard-view").hidden = Boolean(articleView);
  $("article-view").hidden = !articleView;
  try {
    if (articleView) await drawArticleView(mine);
    else await drawDashboard(mine);
  } catch (error) {
    if (mine !== generation) return;
    showStatus(error.message);
  }
  if (mine === generation) markRendered();
}

async function drawDashboard(mine) {
  const filters = filterParams(state);
  const [series, network, page] = await Promise.all([
    getJSON("/api/aggregates", { ...filterParams(state, ["from", "to"]), period: "day", by: "quad" }),
    getJSON("/api/network", filters),
    getJSON("/api/events", { ...filters, limit: PAGE_SIZE, offset: state.offset || 0, sort: state.sort }),
  ]);
  if (mine !== generation) return;
  const timeline = renderTimeline($("timeline"), series.rows, {
    period: state.period || "auto", from: state.from, to: state.to,
    onRange: (from, to) => setState({ from, to }),
  });
  $("timeline-summary").textContent = `${timeline.total} dated events, per ${timeline.period}`;
  $("clear-range").hidden = !(state.from || state.to);

  renderNetwork($("network"), network, {
    weight: state.weight || "count", focus: state.actor, selectedEdge: state.edge,
    onNode: (actor) => setState({ actor: state.actor === actor ? null : actor, edge: null }),
    onEdge: (edge) => openEdge(edge.source_key + ">" + edge.target_key),
  });
  $("network-summary").textContent = `${network.nodes.length} actors, ${network.edges.length} dyads` +
    (network.truncated ? ` (of ${network.total_dyads})` : "");
  $("clear-focus").hidden = !state.actor;

  $("event-total").textContent = String(page.total);
  const offset = page.offset;
  $("page-info").textContent = page.total ? `${offset + 1}–${offset + page.events.length} of ${page.total}` : "";
  $("page-prev").disabled = offset === 0;
  $("page-next").disabled = offset + page.events.length >= page.total;
  renderRows($("events-body"), page.events, (record) => toggleEvent(record.event_id));
  markSorted($("events-table").tHead, state.sort || "");
  await Promise.all([drawEdgeEvents(mine), drawOpenEvent(mine)]);
}

/** Select an edge: list its events with their evidence under the network. */
function openEdge(key) {
  setState({ edge: state.edge === key ? null : key }, { resetPage: false, redraw: false });
  for (const node of document.querySelectorAll("#network .edge, #network .edge-handle")) {
    node.classList.toggle("selected", node.dataset.source + ">" + node.dataset.target === state.edge);
  }
  document.documentElement.dataset.ready = "false";
  drawEdgeEvents(generation).then(markRendered, (error) => { showStatus(error.message); markRendered(); });
}

async function drawEdgeEvents(mine) {
  const panel = $("edge-events");
  const edge = parseEdge(state.edge);
  if (!edge) { clear(panel); panel.hidden = true; return; }
  const page = await getJSON("/api/events", {
    ...filterParams(state, ["source", "target", "dyad"]), source: edge.source, target: edge.target,
    limit: 50, evidence: true,
  });
  if (mine !== generation) return;
  clear(panel).hidden = false;
  const close = el("button", { type: "button", class: "close" }, "close");
  close.addEventListener("click", () => openEdge(state.edge));
  panel.append(el("h3", {}, `${edge.source} → ${edge.target}: `, el("span", { class: "edge-total" }, String(page.total)), " events"), close);
  if (page.total > page.events.length) panel.append(el("p", { class: "muted" }, `showing the first ${page.events.length}`));
  const list = el("ol", { class: "edge-list" });
  page.events.forEach((record) => list.append(el("li", {}, evidenceBlock(record))));
  panel.append(list);
}

/** Open or close a table row's evidence (the open event is kept in the URL). */
function toggleEvent(eventId) {
  const previous = document.querySelector(`#events-body tr.event-row.open`);
  if (previous) showEvidence(previous, null);
  setState({ event: state.event === eventId ? null : eventId }, { resetPage: false, redraw: false });
  document.documentElement.dataset.ready = "false";
  drawOpenEvent(generation).then(markRendered, (error) => { showStatus(error.message); markRendered(); });
}

async function drawOpenEvent(mine) {
  if (!state.event) return;
  const row = [...document.querySelectorAll("#events-body tr.event-row")].find((r) => r.dataset.eventId === state.event);
  if (!row) return;
  const record = await getJSON("/api/events/" + encodeURIComponent(state.event));
  if (mine !== generation || state.event !== record.event_id) return;
  showEvidence(row, record);
}

async function drawArticleView(mine) {
  const back = { ...state };
  delete back.view; delete back.article; delete back.event;
  $("back-link").setAttribute("href", "/" + stateQuery(back));
  const detail = await getJSON("/api/articles/" + encodeURIComponent(state.article));
  if (mine !== generation) return;
  document.title = `lagebild · ${detail.article.title || detail.article.id}`;
  renderArticle(detail, state.event, (eventId) => setState({ event: eventId }, { resetPage: false }));
}

async function loadChoices() {
  for (const type of Object.keys(TYPE_QUAD)) $("f-type").append(el("option", { value: type }, type));
  const legend = $("quad-legend");
  for (const quad of [1, 2, 3, 4]) legend.append(el("li", {}, el("span", { class: "swatch q" + quad }), `${quad} ${QUAD_NAMES[quad]}`));
  try {
    const [health, actors] = await Promise.all([getJSON("/api/health"), getJSON("/api/actors", { limit: 200 })]);
    const c = health.counts;
    $("store-summary").textContent = `${c.articles} articles · ${c.events} events` +
      (c.first_day ? ` · ${c.first_day} to ${c.last_day}` : "");
    for (const lang of c.languages) $("f-lang").append(el("option", { value: lang }, lang));
    const options = $("actor-options");
    for (const actor of actors.actors) options.append(el("option", { value: actor.actor }, actor.label));
  } catch (error) {
    showStatus(error.message);
  }
}

function wire() {
  const form = $("filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const patch = {};
    for (const key of ["from", "to", "actor", "type", "quad", "lang", "text"]) patch[key] = form.elements[key].value.trim() || null;
    patch.include_modal = $("f-modal").checked ? "true" : null;
    if (patch.actor !== (state.actor || null)) patch.edge = null;
    setState(patch);
  });
  for (const id of ["f-from", "f-to", "f-type", "f-quad", "f-lang", "f-modal"]) {
    $(id).addEventListener("change", () => form.requestSubmit());
  }
  $("f-reset").addEventListener("click", () => {
    const patch = Object.fromEntries([...FILTER_KEYS, "edge", "event", "sort"].map((k) => [k, null]));
    setState(patch);
  });
  $("clear-range").addEventListener("click", () => setState({ from: null, to: null }));
  $("clear-focus").addEventListener("click", () => setState({ actor: null, edge: null }));
  $("timeline-period").addEventListener("change", (e) => setState({ period: e.target.value === "auto" ? null : e.target.value }, { resetPage: false }));
  $("network-weight").addEventListener("change", (e) => setState({ weight: e.target.value === "count" ? null : e.target.value }, { resetPage: false }));
  for (const button of document.querySelectorAll("#events-table button[data-sort]")) {
    button.addEventListener("click", () => {
      const key = button.dataset.sort;
      setState({ sort: state.sort === key ? "-" + key : key, event: null });
    });
  }
  $("page-prev").addEventListener("click", () => setState({ offset: Math.max(0, Number(state.offset || 0) - PAGE_SIZE) || null, event: null }, { resetPage: false }));
  $("page-next").addEventListener("click", () => setState({ offset: Number(state.offset || 0) + PAGE_SIZE, event: null }, { resetPage: false }));
  window.addEventListener("popstate", () => { state = readState(); render(); });
}

wire();
loadChoices();
render();
