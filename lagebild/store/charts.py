"""Inline SVG charts for the offline report: a stacked quad-class timeline and an actor
network. Plain strings built here, every label HTML-escaped; no JavaScript, no web fonts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from html import escape

#: quad class -> (label, colour): greens for cooperation, orange/red for conflict
QUAD_STYLE: dict[int, tuple[str, str]] = {
    1: ("verbal cooperation", "#74c476"),
    2: ("material cooperation", "#238b45"),
    3: ("verbal conflict", "#fd8d3c"),
    4: ("material conflict", "#cb181d"),
}
COOPERATION_COLOUR = "#238b45"
CONFLICT_COLOUR = "#cb181d"


@dataclass(frozen=True, slots=True)
class TimelineBar:
    """One period of the timeline: its start date and the events per quad class."""

    period: date
    counts: dict[int, int]

    @property
    def total(self) -> int:
        """Events in the period over all quad classes."""
        return sum(self.counts.values())


def nice_step(maximum: float, ticks: int = 5) -> float:
    """A round tick step (1, 2, 5 x 10^n) giving about `ticks` ticks up to `maximum`."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return max(float(factor * power), 1.0)
    return 10.0 * power


def period_label(period: date, bucket: str) -> str:
    """A short axis label: the period's first day (12 Jan), or Jan 2022 for months."""
    if bucket == "month":
        return period.strftime("%b %Y")
    if bucket == "year":
        return str(period.year)
    return period.strftime("%d %b")


def timeline_svg(bars: list[TimelineBar], bucket: str, width: int = 900, height: int = 280) -> str:
    """Stacked bars of events per period and quad class, with axes and a legend."""
    left, right, top, bottom = 48, 12, 34, 46
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="sans-serif" '
        f'aria-label="events per {escape(bucket)} by quad class" class="chart">'
    ]
    parts.append(_legend(left, 18))
    if not bars:
        parts.append(
            f'<text x="{width / 2}" y="{height / 2}" text-anchor="middle">no events</text></svg>'
        )
        return "".join(parts)
    maximum = max(bar.total for bar in bars) or 1
    step = nice_step(maximum)
    y_max = step * math.ceil(maximum / step)
    value = 0.0
    while value <= y_max + 1e-9:
        y = top + plot_h - plot_h * value / y_max
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{value:g}</text>'
        )
        value += step
    slot = plot_w / len(bars)
    bar_w = max(slot * 0.8, 1.0)
    label_every = max(1, math.ceil(len(bars) / 12))
    for index, bar in enumerate(bars):
        x = left + index * slot + (slot - bar_w) / 2
        y_base = float(top + plot_h)
        for quad in (1, 2, 3, 4):
            count = bar.counts.get(quad, 0)
            if not count:
                continue
            h = plot_h * count / y_max
            y_base -= h
            label, colour = QUAD_STYLE[quad]
            parts.append(
                f'<rect x="{x:.1f}" y="{y_base:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                f'fill="{colour}"><title>{escape(bar.period.isoformat())}: {count} '
                f"{escape(label)}</title></rect>"
            )
        if index % label_every == 0:
            cx = x + bar_w / 2
            parts.append(
                f'<text x="{cx:.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
                f'class="tick">{escape(period_label(bar.period, bucket))}</text>'
            )
    parts.append(
        f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" '
        f'y2="{top + plot_h}" stroke="#333"/>'
    )
    parts.append(
        f'<text x="{left + plot_w / 2}" y="{height - 8}" text-anchor="middle" '
        f'class="axis">events per {escape(bucket)}</text></svg>'
    )
    return "".join(parts)


def _legend(x: float, y: float) -> str:
    """The quad-class colour legend as one row of swatches."""
    parts = []
    for quad, (label, colour) in QUAD_STYLE.items():
        parts.append(
            f'<rect x="{x}" y="{y - 10}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 16}" y="{y}" class="tick">{quad} {escape(label)}</text>'
        )
        x += 40 + 7 * len(label)
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    """Events between two actors (either direction), split into cooperation and conflict."""

    first: str
    second: str
    cooperation: int
    conflict: int


def network_svg(activity: dict[str, int], edges: list[NetworkEdge], size: int = 560) -> str:
    """Actors on a circle sized by activity; green cooperation and red conflict edges
    (curved to opposite sides when a pair has both), width by event count."""
    names = list(activity)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-label="actor network" '
        'font-family="sans-serif" '
        'class="chart">'
    ]
    if not names:
        parts.append(
            f'<text x="{size / 2}" y="{size / 2}" text-anchor="middle">no actors</text></svg>'
        )
        return "".join(parts)
    centre, radius = size / 2, size / 2 - 70
    positions: dict[str, tuple[float, float]] = {}
    slots = spread_slots(len(names))
    for index, name in enumerate(names):
        angle = 2 * math.pi * slots[index] / len(names) - math.pi / 2
        positions[name] = (centre + radius * math.cos(angle), centre + radius * math.sin(angle))
    if len(names) == 1:
        positions[names[0]] = (centre, centre)
    heaviest = max((max(e.cooperation, e.conflict) for e in edges), default=1) or 1
    for edge in edges:
        if edge.first not in positions or edge.second not in positions:
            continue
        both = edge.cooperation > 0 and edge.conflict > 0
        for count, colour, bend in (
            (edge.cooperation, COOPERATION_COLOUR, 1),
            (edge.conflict, CONFLICT_COLOUR, -1),
        ):
            if count:
                parts.append(
                    _edge_path(
                        positions[edge.first],
                        positions[edge.second],
                        bend * 0.18 if both else 0.0,
                        colour,
                        1.5 + 6 * count / heaviest,
                        f"{edge.first} – {edge.second}: {count} "
                        f"{'cooperation' if bend > 0 else 'conflict'}",
                    )
                )
    busiest = max(activity.values()) or 1
    for name, (x, y) in positions.items():
        r = 6 + 18 * math.sqrt(activity[name] / busiest)
        dx, dy = x - centre, y - centre
        norm = math.hypot(dx, dy) or 1.0
        lx, ly = x + dx / norm * (r + 14), y + dy / norm * (r + 14)
        anchor = "middle" if abs(dx) < 1 else ("start" if dx > 0 else "end")
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#4a6fa5" '
            f'stroke="#fff" stroke-width="1.5"><title>{escape(name)}: '
            f"{activity[name]} events</title></circle>"
        )
        parts.append(
            f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}" '
            f'class="node">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def spread_slots(count: int) -> list[int]:
    """Circle slots for actors sorted by activity, stepping around the circle so the
    busiest actors (which share most edges) are not neighbours and their edges stay legible."""
    if count < 5:
        return list(range(count))
    step = max(2, round(count / 2.6))
    while math.gcd(step, count) != 1:
        step += 1
    return [(index * step) % count for index in range(count)]


def _edge_path(
    start: tuple[float, float],
    end: tuple[float, float],
    bend: float,
    colour: str,
    stroke: float,
    title: str,
) -> str:
    """A straight or curved edge between two nodes, with a hover title."""
    (x1, y1), (x2, y2) = start, end
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    cx, cy = mx - (y2 - y1) * bend, my + (x2 - x1) * bend
    return (
        f'<path d="M{x1:.1f},{y1:.1f} Q{cx:.1f},{cy:.1f} {x2:.1f},{y2:.1f}" fill="none" '
        f'stroke="{colour}" stroke-opacity="0.75" stroke-width="{stroke:.1f}">'
        f"<title>{escape(title)}</title></path>"
    )
