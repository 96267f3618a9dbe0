// The dashboard's state lives in the URL query string, so a view can be shared and reloaded.

/** Event filters: passed through to the API as they are. */
export const FILTER_KEYS = [
  "from", "to", "actor", "source", "target", "dyad", "type", "quad", "lang", "text",
  "min_confidence", "include_modal",
];
/** View settings that are not filters. */
export const VIEW_KEYS = ["sort", "offset", "period", "weight", "edge", "event", "view", "article"];

export const PAGE_SIZE = 50;

/** The state in the current URL, as a plain object of strings. */
export function readState() {
  const search = new URLSearchParams(window.location.search);
  const state = {};
  for (const key of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const values = search.getAll(key).filter((v) => v !== "");
    if (values.length) state[key] = values.join(",");
  }
  return state;
}

/** The query string of a state (stable key order, empty values left out). */
export function stateQuery(state) {
  const search = new URLSearchParams();
  for (const key of [...FILTER_KEYS, ...VIEW_KEYS]) {
    const value = state[key];
    if (value !== undefined && value !== null && value !== "") search.set(key, value);
  }
  const text = search.toString();
  return text ? "?" + text : "";
}

/** The API filter parameters of a state; `omit` leaves some out (e.g. the dates). */
export function filterParams(state, omit = []) {
  const params = {};
  for (const key of FILTER_KEYS) {
    if (omit.includes(key)) continue;
    if (state[key] !== undefined) params[key] = state[key];
  }
  return params;
}

/** A dyad key "A>B" as its two actors, or null. */
export function parseEdge(value) {
  if (!value) return null;
  const parts = value.split(">");
  return parts.length === 2 && parts[0] && parts[1] ? { source: parts[0], target: parts[1] } : null;
}
