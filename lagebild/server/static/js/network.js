// The actor network: nodes sized by activity, directed edges coloured by cooperation or
// conflict and weighted by event count or Goldstein sum. Laid out by a small deterministic
// force simulation (same data, same picture), drawn as SVG.

import { clear, svg, el } from "./dom.js";

const HEIGHT = 460;
const PADDING = 42;

/** Whether an edge counts as cooperation (else conflict) under the weight mode. */
export function isCooperation(edge, weight) {
  if (weight === "goldstein") return (edge.goldstein_sum || 0) >= 0;
  if (edge.cooperation !== edge.conflict) return edge.cooperation > edge.conflict;
  return (edge.goldstein_sum || 0) >= 0;
}

function edgeWeight(edge, weight) {
  return weight === "goldstein" ? Math.abs(edge.goldstein_sum || 0) : edge.events;
}

/** Positions for the nodes: force-directed (Fruchterman-Reingold with gravity, kept inside
 * the frame), seeded on a circle in activity order, so the same data gives the same picture. */
export function layout(nodes, edges, width, height) {
  const n = nodes.length;
  if (n <= 1) return n ? [{ x: width / 2, y: height / 2 }] : [];
  const pos = nodes.map((_, i) => {
    const angle = (2 * Math.PI * i) / n;
    return { x: width / 2 + Math.cos(angle) * width / 4, y: height / 2 + Math.sin(angle) * height / 4 };
  });
  const index = new Map(nodes.map((node, i) => [node.actor, i]));
  const links = edges.filter((e) => e.source_key !== e.target_key && index.has(e.source_key) && index.has(e.target_key))
    .map((e) => [index.get(e.source_key), index.get(e.target_key)]);
  const k = Math.sqrt(((width - 2 * PADDING) * (height - 2 * PADDING)) / n) * 0.8;
  let temperature = width / 10;
  for (let iteration = 0; iteration < 400; iteration++) {
    const shift = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01 * (i - j);
        const dy = pos[i].y - pos[j].y || 0.01;
        const dist = Math.max(Math.hypot(dx, dy), 0.01);
        const force = (k * k) / dist;
        shift[i].x += (dx / dist) * force; shift[i].y += (dy / dist) * force;
        shift[j].x -= (dx / dist) * force; shift[j].y -= (dy / dist) * force;
      }
    }
    for (const [a, b] of links) {
      const dx = pos[a].x - pos[b].x;
      const dy = pos[a].y - pos[b].y;
      const dist = Math.max(Math.hypot(dx, dy), 0.01);
      const force = (dist * dist) / k;
      shift[a].x -= (dx / dist) * force; shift[a].y -= (dy / dist) * force;
      shift[b].x += (dx / dist) * force; shift[b].y += (dy / dist) * force;
    }
    for (let i = 0; i < n; i++) {
      // gravity keeps actors without dyads from drifting to the corners
      shift[i].x += (width / 2 - pos[i].x) * 0.3;
      shift[i].y += (height / 2 - pos[i].y) * 0.3;
      const length = Math.max(Math.hypot(shift[i].x, shift[i].y), 0.01);
      const step = Math.min(length, temperature);
      pos[i].x = Math.min(width - PADDING, Math.max(PADDING, pos[i].x + (shift[i].x / length) * step));
      pos[i].y = Math.min(height - PADDING, Math.max(PADDING, pos[i].y + (shift[i].y / length) * step));
    }
    temperature = Math.max(temperature * 0.985, 0.5);
  }
  return pos;
}

function edgeGeometry(a, b, radiusB, curved) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const dist = Math.max(Math.hypot(dx, dy), 0.01);
  const bend = curved ? 0.18 * dist : 0;
  const cx = (a.x + b.x) / 2 - (dy / dist) * bend;
  const cy = (a.y + b.y) / 2 + (dx / dist) * bend;
  // stop the line at the target's rim so the arrow head stays visible
  const ex = b.x - ((b.x - cx) / Math.max(Math.hypot(b.x - cx, b.y - cy), 0.01)) * (radiusB + 3);
  const ey = b.y - ((b.y - cy) / Math.max(Math.hypot(b.x - cx, b.y - cy), 0.01)) * (radiusB + 3);
  const mid = { x: 0.25 * a.x + 0.5 * cx + 0.25 * ex, y: 0.25 * a.y + 0.5 * cy + 0.25 * ey };
  return { d: `M${a.x.toFixed(1)},${a.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`, mid };
}

function loopGeometry(p, radius) {
  const top = p.y - radius;
  return {
    d: `M${(p.x - 4).toFixed(1)},${top.toFixed(1)} C${(p.x - 34).toFixed(1)},${(top - 44).toFixed(1)} ` +
       `${(p.x + 34).toFixed(1)},${(top - 44).toFixed(1)} ${(p.x + 4).toFixed(1)},${top.toFixed(1)}`,
    mid: { x: p.x, y: top - 33 },
  };
}

/** Draw the network; handlers: onNode(actor), onEdge(edge). */
export function renderNetwork(container, data, options) {
  clear(container);
  const { nodes, edges } = data;
  if (!nodes.length) {
    container.append(el("p", { class: "empty" }, "No actors match the filters."));
    return;
  }
  const width = Math.max(container.clientWidth || 600, 320);
  const positions = layout(nodes, edges, width, HEIGHT);
  const maxEvents = Math.max(...nodes.map((n) => n.events), 1);
  const radius = new Map(nodes.map((n) => [n.actor, 7 + 18 * Math.sqrt(n.events / maxEvents)]));
  const where = new Map(nodes.map((n, i) => [n.actor, positions[i]]));
  const maxWeight = Math.max(...edges.map((e) => edgeWeight(e, options.weight)), 0.001);
  const pairs = new Set(edges.map((e) => e.source_key + ">" + e.target_key));
  const chart = svg("svg", { width, height: HEIGHT, class: "network-svg", role: "img",
    "aria-label": `${nodes.length} actors and ${edges.length} dyads` });
  chart.append(svg("defs", {}, ...["coop", "conflict"].map((kind) => svg("marker", {
    id: "arrow-" + kind, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse",
  }, svg("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow " + kind })))));

  const edgeLayer = svg("g", { class: "edges" });
  const handleLayer = svg("g", { class: "edge-handles" });
  for (const edge of edges) {
    const a = where.get(edge.source_key);
    const b = where.get(edge.target_key);
    if (!a || !b) continue;
    const kind = isCooperation(edge, options.weight) ? "coop" : "conflict";
    const geometry = edge.source_key === edge.target_key
      ? loopGeometry(a, radius.get(edge.source_key))
      : edgeGeometry(a, b, radius.get(edge.target_key), pairs.has(edge.target_key + ">" + edge.source_key));
    const key = edge.source_key + ">" + edge.target_key;
    const selected = options.selectedEdge === key;
    const label = `${edge.source_key} → ${edge.target_key}: ${edge.events} events ` +
      `(${edge.cooperation} cooperation, ${edge.conflict} conflict, Goldstein ${edge.goldstein_sum})`;
    const attrs = { "data-source": edge.source_key, "data-target": edge.target_key, "data-events": edge.events };
    const group = svg("g", { class: `edge ${kind}${selected ? " selected" : ""}`, ...attrs },
      svg("path", { class: "edge-line", d: geometry.d, "stroke-width": (1.2 + 7 * edgeWeight(edge, options.weight) / maxWeight).toFixed(2),
        "marker-end": `url(#arrow-${kind})` }),
      svg("path", { class: "edge-hit", d: geometry.d }),
      svg("title", {}, label));
    const handle = svg("circle", { class: `edge-handle ${kind}${selected ? " selected" : ""}`, cx: geometry.mid.x.toFixed(1), cy: geometry.mid.y.toFixed(1), r: 5, ...attrs },
      svg("title", {}, label));
    for (const target of [group, handle]) target.addEventListener("click", () => options.onEdge(edge));
    edgeLayer.append(group);
    handleLayer.append(handle);
  }
  const nodeLayer = svg("g", { class: "nodes" });
  nodes.forEach((node, i) => {
    const p = positions[i];
    const focused = options.focus && options.focus.toUpperCase() === node.actor.toUpperCase();
    const group = svg("g", { class: `node ${node.kind}${focused ? " focused" : ""}`, "data-actor": node.actor, "data-events": node.events,
      transform: `translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`, tabindex: 0 },
      svg("circle", { r: radius.get(node.actor).toFixed(1) }),
      svg("text", { class: "node-label", y: 4, "text-anchor": "middle" }, node.actor),
      svg("title", {}, `${node.label}: ${node.events} events (${node.cooperation} cooperation, ${node.conflict} conflict)`));
    group.addEventListener("click", () => options.onNode(node.actor));
    group.addEventListener("keydown", (event) => { if (event.key === "Enter") options.onNode(node.actor); });
    nodeLayer.append(group);
  });
  chart.append(edgeLayer, nodeLayer, handleLayer);
  container.append(chart);
}
