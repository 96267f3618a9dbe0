// The timeline: events per day, week or month, stacked by quad class, with a range brush.

import { clear, svg, el } from "./dom.js";
import { QUAD_NAMES } from "./ontology.js";

const DAY_MS = 86400000;
const HEIGHT = 190;
const MARGIN = { left: 40, right: 10, top: 10, bottom: 24 };

function parseDay(text) {
  const [y, m, d] = text.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** The first day of the period a day falls in (weeks start on Monday, as in the store). */
export function bucketStart(date, period) {
  if (period === "week") return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * DAY_MS);
  if (period === "month") return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  return date;
}

function nextBucket(date, period) {
  if (period === "week") return new Date(date.getTime() + 7 * DAY_MS);
  if (period === "month") return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  return new Date(date.getTime() + DAY_MS);
}

/** The last day of the period that starts on `date`. */
export function bucketEnd(date, period) {
  return new Date(nextBucket(date, period).getTime() - DAY_MS);
}

/** The period "auto" stands for, given the first and last day with events. */
export function choosePeriod(requested, first, last) {
  if (requested && requested !== "auto") return requested;
  if (!first || !last) return "day";
  const days = (last - first) / DAY_MS;
  if (days <= 120) return "day";
  if (days <= 1000) return "week";
  return "month";
}

/** Day rows (day, quad_class, events) summed into contiguous buckets. */
export function bucketRows(rows, period) {
  const dated = rows.filter((r) => r.day);
  if (!dated.length) return [];
  const days = dated.map((r) => parseDay(r.day));
  const first = bucketStart(new Date(Math.min(...days)), period);
  const last = bucketStart(new Date(Math.max(...days)), period);
  const buckets = [];
  const index = new Map();
  for (let d = first; d <= last; d = nextBucket(d, period)) {
    index.set(isoDay(d), buckets.length);
    buckets.push({ start: isoDay(d), end: isoDay(bucketEnd(d, period)), counts: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0 });
  }
  dated.forEach((row, i) => {
    const bucket = buckets[index.get(isoDay(bucketStart(days[i], period)))];
    const quad = row.quad_class in bucket.counts ? row.quad_class : 4;
    bucket.counts[quad] += row.events;
    bucket.total += row.events;
  });
  return buckets;
}

/** Draw the timeline into `container`; `onRange(from, to)` is called with a brushed range. */
export function renderTimeline(container, rows, options) {
  clear(container);
  const days = rows.filter((r) => r.day).map((r) => parseDay(r.day));
  const period = choosePeriod(options.period, days.length ? Math.min(...days) : null,
    days.length ? Math.max(...days) : null);
  const buckets = bucketRows(rows, period);
  const total = buckets.reduce((sum, b) => sum + b.total, 0);
  if (!buckets.length) {
    container.append(el("p", { class: "empty" }, "No dated events match the filters."));
    return { period, total, buckets };
  }
  const width = Math.max(container.clientWidth || 900, 320);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const maxTotal = Math.max(...buckets.map((b) => b.total), 1);
  const step = plotW / buckets.length;
  const barW = Math.max(step * 0.85, 1);
  const y = (value) => MARGIN.top + plotH - (value / maxTotal) * plotH;
  const chart = svg("svg", { width, height: HEIGHT, class: "timeline-svg", role: "img",
    "aria-label": `${total} events per ${period}, stacked by quad class` });

  for (const tick of [0, Math.round(maxTotal / 2), maxTotal]) {
    chart.append(svg("line", { class: "grid", x1: MARGIN.left, x2: width - MARGIN.right, y1: y(tick), y2: y(tick) }),
      svg("text", { class: "axis", x: MARGIN.left - 6, y: y(tick) + 4, "text-anchor": "end" }, tick));
  }
  const labelEvery = Math.max(1, Math.ceil(buckets.length / Math.max(1, Math.floor(plotW / 90))));
  buckets.forEach((bucket, i) => {
    const x = MARGIN.left + i * step + (step - barW) / 2;
    let base = 0;
    for (const quad of [1, 2, 3, 4]) {
      const count = bucket.counts[quad];
      if (!count) continue;
      chart.append(svg("rect", {
        class: "bar q" + quad, x, width: barW, y: y(base + count), height: y(base) - y(base + count),
        "data-bucket": bucket.start, "data-quad": quad, "data-count": count,
      }, svg("title", {}, `${bucket.start}${period === "day" ? "" : " – " + bucket.end}: ${count} ${QUAD_NAMES[quad]}`)));
      base += count;
    }
    if (i % labelEvery === 0) {
      chart.append(svg("text", { class: "axis", x: MARGIN.left + i * step, y: HEIGHT - 6 },
        period === "month" ? bucket.start.slice(0, 7) : bucket.start));
    }
  });
  drawSelection(chart, buckets, options, step, plotH);
  addBrush(chart, buckets, step, plotH, options.onRange);
  container.append(chart);
  return { period, total, buckets };
}

function drawSelection(chart, buckets, options, step, plotH) {
  if (!options.from && !options.to) return;
  const from = options.from || buckets[0].start;
  const to = options.to || buckets[buckets.length - 1].end;
  const first = buckets.findIndex((b) => b.end >= from);
  let last = -1;
  buckets.forEach((b, i) => { if (b.start <= to) last = i; });
  if (first < 0 || last < first) return;
  chart.append(svg("rect", { class: "selection", x: MARGIN.left + first * step, y: MARGIN.top,
    width: (last - first + 1) * step, height: plotH }));
}

function addBrush(chart, buckets, step, plotH, onRange) {
  const brush = svg("rect", { class: "brush", x: 0, y: MARGIN.top, width: 0, height: plotH, visibility: "hidden" });
  chart.append(brush);
  let startX = null;
  const localX = (event) => {
    const box = chart.getBoundingClientRect();
    return Math.min(Math.max(event.clientX - box.left, MARGIN.left), MARGIN.left + step * buckets.length - 0.01);
  };
  const indexAt = (x) => Math.min(buckets.length - 1, Math.max(0, Math.floor((x - MARGIN.left) / step)));
  chart.addEventListener("pointerdown", (event) => {
    startX = localX(event);
    chart.setPointerCapture(event.pointerId);
    brush.setAttribute("x", startX);
    brush.setAttribute("width", 0);
    brush.setAttribute("visibility", "visible");
  });
  chart.addEventListener("pointermove", (event) => {
    if (startX === null) return;
    const x = localX(event);
    brush.setAttribute("x", Math.min(x, startX));
    brush.setAttribute("width", Math.abs(x - startX));
  });
  chart.addEventListener("pointerup", (event) => {
    if (startX === null) return;
    const endX = localX(event);
    const first = indexAt(Math.min(startX, endX));
    const last = indexAt(Math.max(startX, endX));
    startX = null;
    brush.setAttribute("visibility", "hidden");
    onRange(buckets[first].start, buckets[last].end);
  });
}
