"""The two pictures as SVG text, drawn in Python: no script, nothing fetched by the browser.

Both are deterministic (the same data gives the same bytes), so tests can compare them, and
every label goes through XML escaping.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from urllib.parse import quote as _quote
from xml.sax.saxutils import escape as _xml

from newsgraph.web.models import DayCount, Edge, Node

# Okabe–Ito's colour-blind-safe eight, then eight more: one for each PLOVER type.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000", "#7F3C8D", "#11A579", "#3969AC", "#F2B701", "#E73F74", "#80BA5A",
           "#A5AA99", "#8B4513")
FONT = 'font-family="DejaVu Sans, Arial, sans-serif" font-size="11"'


def _attr(value: str) -> str:
    return _xml(value, {'"': "&quot;"})


def _empty(message: str, width: int = 480, height: int = 60) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{_attr(message)}">'
            f'<text x="10" y="30" {FONT}>{_xml(message)}</text></svg>')


def colours(types: Sequence[str]) -> dict[str, str]:
    """One palette colour per type, by sorted name, so a type keeps its colour."""
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(set(types)))}


def timeline_chart(days: Sequence[DayCount], bar: int = 22, height: int = 180) -> str:
    """Stacked bars: events per day by type; the number over each bar is its sources."""
    if not days:
        return _empty("No events dated to the day.")
    dates = sorted({d.date for d in days})
    colour = colours([d.type for d in days])
    per_day: dict[str, list[DayCount]] = {d: [] for d in dates}
    for d in sorted(days, key=lambda d: (d.date, d.type)):
        per_day[d.date].append(d)
    most = max(sum(c.events for c in v) for v in per_day.values())
    left, top, bottom = 36, 24, 70
    width = left + len(dates) * bar + 70  # room for the last slanted date
    legend_y = top + height + bottom
    total_h = legend_y + 18 * math.ceil(len(colour) / 4) + 8
    unit = height / most
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{total_h}" '
             f'viewBox="0 0 {width} {total_h}" role="img" '
             f'aria-label="Events per day by type, with source counts" {FONT}>',
             f'<line x1="{left}" y1="{top + height}" x2="{width - 8}" y2="{top + height}" '
             f'stroke="#444"/>',
             f'<text x="4" y="{top + 4}">{most}</text>',
             f'<text x="4" y="{top + height}">0</text>']
    for i, day in enumerate(dates):
        x = left + i * bar + 2
        y = top + height
        for c in per_day[day]:
            h = c.events * unit
            y -= h
            parts.append(f'<rect class="bar" x="{x}" y="{y:.1f}" width="{bar - 4}" '
                         f'height="{h:.1f}" fill="{colour[c.type]}"><title>{_xml(day)} '
                         f'{_xml(c.type)}: {c.events} events, {c.sources} sources</title></rect>')
        sources = sum(c.sources for c in per_day[day])
        parts.append(f'<text x="{x + (bar - 4) / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                     f'font-size="9">{sources}</text>')
        parts.append(f'<text transform="translate({x + bar / 2:.1f},{top + height + 8}) '
                     f'rotate(60)" font-size="9">{_xml(day)}</text>')
    for i, (name, fill) in enumerate(colour.items()):
        lx, ly = left + (i % 4) * 120, legend_y + 18 * (i // 4)
        parts.append(f'<rect x="{lx}" y="{ly - 9}" width="10" height="10" fill="{fill}"/>'
                     f'<text x="{lx + 14}" y="{ly}">{_xml(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def circle_layout(nodes: Sequence[Node], size: float) -> dict[str, tuple[float, float]]:
    """Nodes on a circle, heaviest first from the top, clockwise: the same input, the same
    picture."""
    order = sorted(nodes, key=lambda n: (-n.weight, n.name, n.id))
    centre, radius = size / 2, size / 2 - 110
    if len(order) == 1:
        return {order[0].id: (centre, centre)}
    return {n.id: (centre + radius * math.sin(2 * math.pi * i / len(order)),
                   centre - radius * math.cos(2 * math.pi * i / len(order)))
            for i, n in enumerate(order)}


def network_chart(nodes: Sequence[Node], edges: Sequence[Edge], size: int = 640) -> str:
    """Actors on a circle; meetings as solid lines, co-quotes dashed, wider with more sources.
    Each actor links to its page."""
    if not nodes:
        return _empty("No meetings or co-quoted actors yet.")
    at = circle_layout(nodes, size)
    heaviest_edge = max((e.weight for e in edges), default=1)
    heaviest_node = max(n.weight for n in nodes) or 1
    colour = colours([n.type for n in nodes])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
             f'viewBox="0 0 {size} {size}" role="img" '
             f'aria-label="Who met whom and who was quoted with whom" {FONT}>']
    for e in edges:
        if e.source not in at or e.target not in at:
            continue
        (x1, y1), (x2, y2) = at[e.source], at[e.target]
        width = 1 + 5 * e.weight / heaviest_edge
        dash = ' stroke-dasharray="5 4"' if e.kind != "meeting" else ""
        stroke = "#0072B2" if e.kind == "meeting" else "#D55E00"
        parts.append(f'<line class="edge {e.kind}" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" '
                     f'y2="{y2:.1f}" stroke="{stroke}" stroke-opacity="0.7" '
                     f'stroke-width="{width:.1f}"{dash}><title>{_xml(e.kind)}: {e.weight} '
                     f'sources</title></line>')
    centre = size / 2
    for n in sorted(nodes, key=lambda n: n.id):
        x, y = at[n.id]
        r = 4 + 8 * math.sqrt(n.weight / heaviest_node)
        anchor = "start" if x >= centre else "end"
        dx = r + 4 if x >= centre else -(r + 4)
        parts.append(f'<a href="/actors/{_attr(_quote(n.id, safe=""))}">'
                     f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" '
                     f'fill="{colour[n.type]}"><title>{_xml(n.name)} ({_xml(n.type)}): '
                     f'{n.weight}</title></circle>'
                     f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">'
                     f'{_xml(n.name)}</text></a>')
    parts.append(f'<g transform="translate(10,{size - 30})">'
                 '<line x1="0" y1="0" x2="24" y2="0" stroke="#0072B2" stroke-width="3"/>'
                 '<text x="30" y="4">meeting</text>'
                 '<line x1="100" y1="0" x2="124" y2="0" stroke="#D55E00" stroke-width="3" '
                 'stroke-dasharray="5 4"/><text x="130" y="4">quoted in the same article</text>'
                 '</g></svg>')
    return "".join(parts)
