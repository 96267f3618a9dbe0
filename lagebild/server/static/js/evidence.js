// An event's evidence: its sentence with trigger and actors highlighted, details, quote.

import { el } from "./dom.js";
import { QUAD_NAMES, actorCode, actorDescription } from "./ontology.js";
import { FILTER_KEYS, readState } from "./state.js";

const ROLE_LABEL = { trigger: "trigger", source: "source actor", target: "target actor" };

/** The sentence as text nodes, with <mark> around the given spans (relative offsets). */
export function renderSentence(sentence, spans) {
  const paragraph = el("p", { class: "evidence-sentence" });
  const text = sentence || "";
  let position = 0;
  const ordered = [...(spans || [])]
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start);
  for (const span of ordered) {
    if (span.start < position) continue; // overlapping spans: keep the first
    paragraph.append(text.slice(position, span.start));
    paragraph.append(el("mark", { class: "hl hl-" + span.role, title: ROLE_LABEL[span.role] || span.role },
      text.slice(span.start, span.end)));
    position = span.end;
  }
  paragraph.append(text.slice(position));
  return paragraph;
}

/** The URL of the article view, pointing at one event and keeping the current filters. */
export function articleHref(articleId, eventId) {
  const state = readState();
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) if (state[key]) search.set(key, state[key]);
  search.set("view", "article");
  search.set("article", articleId);
  if (eventId) search.set("event", eventId);
  return "/?" + search.toString();
}

/** A type badge coloured by quad class. */
export function typeBadge(record) {
  return el("span", { class: "badge q" + record.quad_class, title: QUAD_NAMES[record.quad_class] || "" },
    record.type || "?");
}

/** The full evidence block of one event: sentence, facts, quote and article link. */
export function evidenceBlock(record) {
  const spans = record.evidence ? record.evidence.spans : [];
  const flags = [];
  if (record.negated) flags.push("negated");
  if (record.hypothetical) flags.push("hypothetical");
  const facts = el("p", { class: "evidence-facts muted" },
    typeBadge(record), " ",
    actorDescription(record.source), " → ", actorDescription(record.target),
    " · CAMEO ", record.cameo || "?",
    " · Goldstein ", record.goldstein ?? "?",
    " · confidence ", record.confidence ?? "?",
    " · ", record.day || "no date",
    flags.length ? " · " + flags.join(", ") : "");
  const block = el("div", { class: "evidence", "data-event-id": record.event_id },
    renderSentence(record.sentence, spans), facts);
  if (record.quote && record.quote.text) {
    const speaker = record.quote.speaker ? actorCode(record.quote.speaker) : "unknown speaker";
    block.append(el("blockquote", { class: "quote" }, "“" + record.quote.text + "” — " + speaker));
  }
  block.append(el("p", {}, el("a", { class: "article-link", href: articleHref(record.article_id, record.event_id) },
    "Open the article (" + record.article_id + ")")));
  return block;
}
