"""`lagebild report`: a self-contained offline HTML report, or the timeline as a PNG.

The HTML holds inline CSS and inline SVG only (no scripts, no web requests): a quad-class
timeline, the top dyads, an actor network and the top events with their evidence
sentences (trigger highlighted). The PNG needs matplotlib (`pip install lagebild[report]`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Any

import duckdb

from lagebild import __version__
from lagebild.store import queries
from lagebild.store.charts import (
    QUAD_STYLE,
    NetworkEdge,
    TimelineBar,
    network_svg,
    timeline_svg,
)
from lagebild.store.errors import StoreError
from lagebild.store.filters import EventFilter


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """What the report shows: title, period of the timeline (auto by span), list sizes."""

    title: str = "lagebild report"
    #: day, week or month; None picks by the span of the data
    period: str | None = None
    top_events: int = 25
    top_dyads: int = 20
    network_actors: int = 16


@dataclass(slots=True)
class ReportData:
    """Everything the report shows, read from the store once."""

    bucket: str
    bars: list[TimelineBar]
    dyads: queries.Table
    activity: dict[str, int]
    edges: list[NetworkEdge]
    top_events: list[dict[str, Any]]
    totals: dict[str, Any] = field(default_factory=dict)


def choose_bucket(first: date | None, last: date | None) -> str:
    """Days for up to four months, weeks up to three years, months beyond."""
    if first is None or last is None:
        return "day"
    span = (last - first).days
    return "day" if span <= 120 else "week" if span <= 3 * 366 else "month"


def _periods(first: date, last: date, bucket: str) -> list[date]:
    """Every period start from first to last, so gaps show as empty bars."""
    out: list[date] = []
    current = first
    while current <= last:
        out.append(current)
        if bucket == "day":
            current += timedelta(days=1)
        elif bucket == "week":
            current += timedelta(days=7)
        elif bucket == "month":
            current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
        else:
            current = date(current.year + 1, 1, 1)
    return out


def collect(con: duckdb.DuckDBPyConnection, flt: EventFilter, options: ReportOptions) -> ReportData:
    """Read the series, dyads, network and top events of the filtered events."""
    where, params = flt.where("e")
    span = con.execute(
        f"SELECT min(day), max(day), count(*), count(DISTINCT article_id) "
        f"FROM events e WHERE {where}",
        params,
    ).fetchone()
    first, last, n_events, n_articles = span if span else (None, None, 0, 0)
    bucket = options.period or choose_bucket(first, last)
    series = queries.aggregate(con, flt, bucket, "quad")
    by_period: dict[date, dict[int, int]] = {}
    for row in series.dicts():
        by_period.setdefault(row[bucket], {})[row["quad_class"]] = row["events"]
    bars = []
    if by_period:
        starts = sorted(by_period)
        bars = [
            TimelineBar(p, by_period.get(p, {})) for p in _periods(starts[0], starts[-1], bucket)
        ]
    dyads = queries.top_dyads(con, flt, options.top_dyads)
    actors = queries.top_actors(con, flt, options.network_actors)
    activity = {row["actor"]: row["events"] for row in actors.dicts()}
    pairs: dict[tuple[str, str], list[int]] = {}
    for row in queries.top_dyads(con, flt, 10_000).dicts():
        first_key, second_key = sorted((row["source_key"], row["target_key"]))
        if first_key in activity and second_key in activity and first_key != second_key:
            counts = pairs.setdefault((first_key, second_key), [0, 0])
            counts[0] += row["cooperation"]
            counts[1] += row["conflict"]
    edges = [NetworkEdge(a, b, c[0], c[1]) for (a, b), c in pairs.items()]
    return ReportData(
        bucket=bucket,
        bars=bars,
        dyads=dyads,
        activity=activity,
        edges=edges,
        top_events=top_events(con, flt, options.top_events),
        totals={"events": n_events, "articles": n_articles, "first": first, "last": last},
    )


def top_events(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, limit: int
) -> list[dict[str, Any]]:
    """The most reported events (same day, dyad and CAMEO code counted once), then the
    strongest by |Goldstein| and confidence, with their article's text for highlighting."""
    where, params = flt.where("e")
    sql = f"""
        WITH sel AS (
            SELECT e.*, count(*) OVER same AS reports,
                   row_number() OVER (PARTITION BY e.day, e.source_code, e.target_code,
                                      e.cameo ORDER BY e.confidence DESC, e.event_id) AS rank
            FROM events e WHERE {where}
            WINDOW same AS (PARTITION BY e.day, e.source_code, e.target_code, e.cameo))
        SELECT sel.*, a.text AS article_text, a.title AS article_title, a.url AS article_url
        FROM sel LEFT JOIN articles a ON a.id = sel.article_id
        WHERE rank = 1
        ORDER BY reports DESC, abs(goldstein) DESC, confidence DESC, day, event_id
        LIMIT ?"""
    return queries.fetch(con, sql, [*params, int(limit)]).dicts()


def highlight_sentence(event: dict[str, Any]) -> str:
    """The evidence sentence, HTML-escaped, with the trigger wrapped in <mark>."""
    sentence: str = event.get("sentence") or ""
    trigger: str = event.get("trigger") or ""
    start = _trigger_offset(event, sentence, trigger)
    if start < 0:
        return escape(sentence)
    end = start + len(trigger)
    return (
        escape(sentence[:start])
        + "<mark>"
        + escape(sentence[start:end])
        + "</mark>"
        + escape(sentence[end:])
    )


def _trigger_offset(event: dict[str, Any], sentence: str, trigger: str) -> int:
    """Where the trigger starts in the sentence: from the article offsets when they
    agree with the text, else its first occurrence; -1 when it is not there."""
    if not trigger:
        return -1
    text = event.get("article_text") or ""
    start, end = event.get("char_start"), event.get("char_end")
    if text and isinstance(start, int) and isinstance(end, int):
        # the last copy of the sentence that starts at or before the trigger
        sentence_at = text.rfind(sentence, 0, start + len(sentence)) if sentence else -1
        if 0 <= sentence_at and end <= sentence_at + len(sentence) and text[start:end] == trigger:
            offset = start - sentence_at
            if sentence[offset : offset + len(trigger)] == trigger:
                return offset
    return sentence.find(trigger)


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:24px auto;
max-width:980px;color:#222;line-height:1.4;padding:0 12px}
h1{font-size:1.6em;margin-bottom:0}h2{margin-top:1.8em;border-bottom:1px solid #ddd}
.meta{color:#666}table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid #eee;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f6f6}td.n{text-align:right;font-variant-numeric:tabular-nums}
.chart text{font-size:11px;fill:#333}.chart .node{font-size:12px;font-weight:600}
mark{background:#ffe58a;padding:0 1px}.q1{color:#3c8c43}.q2{color:#1b6e37}
.q3{color:#c4621b}.q4{color:#b0141a}.src{color:#666;font-size:.85em}
"""


def render_html(data: ReportData, flt: EventFilter, options: ReportOptions) -> str:
    """The report page: inline CSS and SVG, every value from the store escaped."""
    totals = data.totals
    span = f"{totals['first']} to {totals['last']}" if totals.get("first") else "no dates"
    parts = [
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(options.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{escape(options.title)}</h1>",
        f'<p class="meta">{totals.get("events", 0)} events from '
        f"{totals.get('articles', 0)} articles, {escape(span)}. "
        f"{escape(describe_filter(flt))} Made by lagebild {escape(__version__)}.</p>",
        f"<h2>Timeline by quad class (per {escape(data.bucket)})</h2>",
        timeline_svg(data.bars, data.bucket),
        "<h2>Top dyads</h2>",
        _dyad_table(data.dyads),
        "<h2>Actor network</h2>",
        '<p class="meta">Node size: events involving the actor. Edges: '
        '<span class="q2">green cooperation</span>, <span class="q4">red conflict'
        "</span>; width by the number of events.</p>",
        network_svg(data.activity, data.edges),
        "<h2>Top events</h2>",
        _event_list(data.top_events),
        "</body></html>\n",
    ]
    return "".join(parts)


def describe_filter(flt: EventFilter) -> str:
    """The active filters in words, for the report header."""
    pieces = []
    for label, value in (
        ("from", flt.date_from),
        ("to", flt.date_to),
        ("actor", ", ".join(flt.actors)),
        ("source", ", ".join(flt.sources)),
        ("target", ", ".join(flt.targets)),
        ("dyad", "–".join(flt.dyad) if flt.dyad else ""),
        ("type", ", ".join(flt.types)),
        ("quad", ", ".join(map(str, flt.quads))),
        ("language", ", ".join(flt.languages)),
        ("text", flt.text or ""),
        ("min. confidence", flt.min_confidence),
    ):
        if value not in (None, ""):
            pieces.append(f"{label} {value}")
    modal = (
        "negated and hypothetical events included"
        if flt.include_modal
        else "negated and hypothetical events left out"
    )
    return ("Filters: " + "; ".join(pieces) + ". " if pieces else "") + modal.capitalize() + "."


def _dyad_table(dyads: queries.Table) -> str:
    """The top dyads as an HTML table."""
    if not dyads.rows:
        return "<p>No dyads.</p>"
    head = (
        "<table><tr><th>source</th><th>target</th><th>events</th><th>cooperation</th>"
        "<th>conflict</th><th>Goldstein sum</th><th>Goldstein mean</th></tr>"
    )
    rows = [
        f"<tr><td>{escape(str(d['source_key']))}</td><td>{escape(str(d['target_key']))}</td>"
        f'<td class="n">{d["events"]}</td><td class="n">{d["cooperation"]}</td>'
        f'<td class="n">{d["conflict"]}</td><td class="n">{d["goldstein_sum"]:g}</td>'
        f'<td class="n">{d["goldstein_mean"]:.2f}</td></tr>'
        for d in dyads.dicts()
    ]
    return head + "".join(rows) + "</table>"


def _actor_label(event: dict[str, Any], side: str) -> str:
    """An actor's code with its text, e.g. 'RUSMIL (russische Truppen)'; '–' when none."""
    code, text = event.get(f"{side}_code"), event.get(f"{side}_text")
    if not code and not text:
        return "–"
    return escape(f"{code or '?'} ({text})" if text else str(code))


def _event_list(events: list[dict[str, Any]]) -> str:
    """The top events: date, dyad, type, codes and the highlighted evidence sentence."""
    if not events:
        return "<p>No events.</p>"
    head = "<table><tr><th>date</th><th>event</th><th>evidence</th><th>reports</th></tr>"
    rows = []
    for event in events:
        quad = int(event.get("quad_class") or 0)
        label = QUAD_STYLE.get(quad, ("", ""))[0]
        link = _article_link(event)
        flags = "".join(
            f" <em>({name})</em>" for name in ("negated", "hypothetical") if event.get(name)
        )
        rows.append(
            f"<tr><td>{escape(str(event.get('day') or ''))}</td>"
            f'<td>{_actor_label(event, "source")} <b class="q{quad}">'
            f"{escape(str(event.get('type')))}</b> {_actor_label(event, 'target')}{flags}"
            f'<br><span class="src">CAMEO {escape(str(event.get("cameo")))}, '
            f"{escape(label)}, Goldstein {event.get('goldstein')}, confidence "
            f"{event.get('confidence')}</span></td>"
            f'<td>{highlight_sentence(event)}<br><span class="src">{link}</span></td>'
            f'<td class="n">{event.get("reports", 1)}</td></tr>'
        )
    return head + "".join(rows) + "</table>"


def _article_link(event: dict[str, Any]) -> str:
    """The article's title (or id), linked when its URL is http(s)."""
    label = escape(str(event.get("article_title") or event.get("article_id")))
    url = str(event.get("article_url") or "")
    if url.startswith(("http://", "https://")):
        return f'<a href="{escape(url, quote=True)}">{label}</a>'
    return label


def write_report(
    con: duckdb.DuckDBPyConnection,
    path: str | Path,
    flt: EventFilter | None = None,
    options: ReportOptions | None = None,
) -> ReportData:
    """Write the HTML report (.html/.htm) or the timeline PNG (.png) of the filtered events."""
    target = Path(path)
    flt = flt or EventFilter()
    options = options or ReportOptions()
    suffix = target.suffix.lower()
    if suffix not in (".html", ".htm", ".png"):
        raise StoreError(
            "unknown report file type",
            str(target),
            "name it report.html (full report) or report.png (timeline)",
        )
    if not target.parent.exists():
        raise StoreError("the folder does not exist", str(target.parent), "create it first")
    data = collect(con, flt, options)
    if suffix == ".png":
        write_timeline_png(data, target, options.title)
    else:
        target.write_text(render_html(data, flt, options), encoding="utf-8")
    return data


def write_timeline_png(data: ReportData, target: Path, title: str) -> None:
    """The stacked quad-class timeline as a PNG image (matplotlib, no display needed)."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator
    except ImportError as exc:
        raise StoreError(
            "writing a PNG needs matplotlib",
            str(target),
            "pip install 'lagebild[report]', or write report.html",
        ) from exc
    from lagebild.store.charts import period_label

    figure, axes = plt.subplots(figsize=(11, 4.2), dpi=110)
    labels = [period_label(bar.period, data.bucket) for bar in data.bars]
    positions = list(range(len(data.bars)))
    bottoms = [0] * len(data.bars)
    for quad, (label, colour) in QUAD_STYLE.items():
        heights = [bar.counts.get(quad, 0) for bar in data.bars]
        axes.bar(
            positions, heights, bottom=bottoms, color=colour, width=0.8, label=f"{quad} {label}"
        )
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    step = max(1, len(labels) // 12 + (1 if len(labels) % 12 else 0))
    axes.set_xticks(positions[::step], labels[::step], rotation=0)
    axes.set_ylabel(f"events per {data.bucket}")
    axes.set_title(title)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(axis="y", color="#dddddd")
    axes.set_axisbelow(True)
    highest = max((bar.total for bar in data.bars), default=0)
    axes.set_ylim(0, max(highest * 1.25, 1))  # headroom so the legend never covers a bar
    axes.legend(loc="upper left", ncols=4, fontsize="small", frameon=False)
    if not data.bars:
        axes.text(0.5, 0.5, "no events", ha="center", va="center", transform=axes.transAxes)
    figure.tight_layout()
    try:
        figure.savefig(target, format="png")
    finally:
        plt.close(figure)
