// The article view: the cleaned text with every event's span highlighted, and its events.

import { clear, el, safeHref } from "./dom.js";
import { QUAD_NAMES } from "./ontology.js";
import { evidenceBlock } from "./evidence.js";

/** Text pieces between span boundaries, each with the events that cover it. */
export function segments(text, events) {
  const spans = events
    .filter((e) => Number.isInteger(e.char_start) && Number.isInteger(e.char_end)
      && e.char_start >= 0 && e.char_end <= text.length && e.char_start < e.char_end);
  const cuts = new Set([0, text.length]);
  spans.forEach((e) => { cuts.add(e.char_start); cuts.add(e.char_end); });
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    out.push({ start, end, events: spans.filter((e) => e.char_start <= start && e.char_end >= end) });
  }
  return out;
}

/** Render an article (from /api/articles/{id}) into the article view's elements. */
export function renderArticle(detail, selectedEventId, onSelect) {
  const { article, events } = detail;
  document.getElementById("article-title").textContent = article.title || article.id;
  const meta = clear(document.getElementById("article-meta"));
  meta.append([article.date || "no date", article.language || "?", article.source || "unknown source",
    `${events.length} events`].join(" · "));
  const href = safeHref(article.url);
  if (href) meta.append(" · ", el("a", { href, rel: "noopener noreferrer nofollow", target: "_blank" }, href));
  const legend = clear(document.getElementById("article-legend"));
  for (const quad of [1, 2, 3, 4]) legend.append(el("li", {}, el("span", { class: "swatch q" + quad }), QUAD_NAMES[quad]));
  legend.append(el("li", {}, el("span", { class: "swatch modal" }), "negated or hypothetical"));

  const body = clear(document.getElementById("article-text"));
  for (const piece of segments(article.text || "", events)) {
    const text = article.text.slice(piece.start, piece.end);
    if (!piece.events.length) { body.append(text); continue; }
    const first = piece.events[0];
    const modal = piece.events.every((e) => e.negated || e.hypothetical);
    const mark = el("mark", {
      class: `event-span q${first.quad_class}${modal ? " modal" : ""}${piece.events.some((e) => e.event_id === selectedEventId) ? " selected" : ""}`,
      "data-event-ids": piece.events.map((e) => e.event_id).join(" "),
      title: piece.events.map((e) => `${e.type} ${e.source ? e.source.code || "" : ""} → ${e.target ? e.target.code || "" : ""}`).join("; "),
      tabindex: 0,
    }, text);
    mark.addEventListener("click", () => onSelect(first.event_id));
    body.append(mark);
  }

  const list = clear(document.getElementById("article-events"));
  for (const record of events) {
    const item = el("li", { id: "ev-" + record.event_id, class: record.event_id === selectedEventId ? "selected" : "" },
      evidenceBlock(record));
    item.querySelector(".article-link")?.parentElement.remove();
    list.append(item);
  }
  const selected = selectedEventId && document.getElementById("ev-" + selectedEventId);
  if (selected) selected.scrollIntoView({ block: "nearest" });
}
