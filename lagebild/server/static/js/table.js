// The event table: one row per event, sortable by column, each row opening its evidence.

import { clear, el } from "./dom.js";
import { actorCode, actorDescription } from "./ontology.js";
import { evidenceBlock, typeBadge } from "./evidence.js";

const COLUMNS = 7;

/** Fill the table body with one page of events; `onToggle(record, row)` opens a row. */
export function renderRows(tbody, events, onToggle) {
  clear(tbody);
  if (!events.length) {
    tbody.append(el("tr", { class: "empty-row" }, el("td", { colspan: COLUMNS }, "No events match the filters.")));
    return;
  }
  for (const record of events) {
    const row = el("tr", { class: "event-row", "data-event-id": record.event_id, tabindex: 0, "aria-expanded": "false" },
      el("td", {}, record.day || "–"),
      el("td", {}, typeBadge(record), record.negated ? " (negated)" : "", record.hypothetical ? " (hypothetical)" : ""),
      el("td", { title: actorDescription(record.source) }, actorCode(record.source)),
      el("td", { title: actorDescription(record.target) }, actorCode(record.target)),
      el("td", { class: "trigger" }, record.trigger || ""),
      el("td", {}, record.language || ""),
      el("td", { class: "num" }, record.confidence === null ? "" : Number(record.confidence).toFixed(2)));
    row.addEventListener("click", (event) => {
      if (event.target.closest("a")) return;
      onToggle(record, row);
    });
    row.addEventListener("keydown", (event) => { if (event.key === "Enter") onToggle(record, row); });
    tbody.append(row);
  }
}

/** Open (or close) the evidence row under a table row. */
export function showEvidence(row, record) {
  const next = row.nextElementSibling;
  if (next && next.classList.contains("evidence-row")) next.remove();
  row.setAttribute("aria-expanded", record ? "true" : "false");
  row.classList.toggle("open", Boolean(record));
  if (!record) return;
  row.after(el("tr", { class: "evidence-row", "data-event-id": record.event_id },
    el("td", { colspan: COLUMNS }, evidenceBlock(record))));
}

/** Mark the sorted column header (aria-sort) for the sort key, e.g. "-date". */
export function markSorted(thead, sort) {
  const key = (sort || "").replace(/^-/, "");
  for (const button of thead.querySelectorAll("button[data-sort]")) {
    const th = button.parentElement;
    if (button.dataset.sort === key) th.setAttribute("aria-sort", sort.startsWith("-") ? "descending" : "ascending");
    else th.removeAttribute("aria-sort");
  }
}
