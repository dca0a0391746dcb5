"""The two pictures: valid, deterministic SVG with every label escaped."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

from newsgraph.web.models import DayCount, Edge, Node
from newsgraph.web.svg import circle_layout, colours, network_chart, timeline_chart

SVG = "{http://www.w3.org/2000/svg}"

DAYS = [DayCount("2026-04-06", "CONSULT", 2, 5), DayCount("2026-04-06", "ACCUSE", 1, 1),
        DayCount("2026-04-08", "CONSULT", 1, 3)]
NODES = [Node("A1", "Ilse Varga", "PERSON", 6), Node("A2", "Torvald <Brandt>", "PERSON", 4),
         Node("A3", "Kestonia & Co", "ORG", 2)]
EDGES = [Edge("A1", "A2", "meeting", 4), Edge("A1", "A3", "co-quote", 1)]


def test_timeline_chart_stacks_types_per_day_with_source_counts():
    svg = timeline_chart(DAYS)
    root = ET.fromstring(svg)  # well-formed XML
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "bar"]
    assert len(bars) == 3
    heights = sorted(float(b.get("height")) for b in bars)
    assert heights[-1] == 2 * heights[0]  # two events stand twice as high as one
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "6" in texts and "3" in texts  # sources per day over the bars
    assert "2026-04-06" in texts and "CONSULT" in texts
    assert timeline_chart(list(reversed(DAYS))) == svg  # deterministic


def test_network_chart_links_actors_and_sizes_edges_by_sources():
    svg = network_chart(NODES, EDGES)
    root = ET.fromstring(svg)
    assert "Torvald &lt;Brandt&gt;" in svg and "Kestonia &amp; Co" in svg
    links = [a.get("href") for a in root.iter(f"{SVG}a")]
    assert links == ["/actors/A1", "/actors/A2", "/actors/A3"]
    edges = {e.get("class"): float(e.get("stroke-width")) for e in root.iter(f"{SVG}line")
             if e.get("class", "").startswith("edge")}
    assert edges["edge meeting"] > edges["edge co-quote"]
    assert network_chart(list(reversed(NODES)), EDGES) == svg


def test_circle_layout_is_deterministic_and_inside_the_picture():
    at = circle_layout(NODES, 600)
    assert at == circle_layout(list(reversed(NODES)), 600)
    assert at["A1"] == (300, 300 - (300 - 110))  # the heaviest at the top
    for x, y in at.values():
        assert math.isclose(math.dist((x, y), (300, 300)), 190)


def test_empty_pictures_say_so():
    assert "No events" in timeline_chart([])
    assert "No meetings" in network_chart([], [])
    ET.fromstring(timeline_chart([]))


def test_each_type_keeps_its_colour():
    assert colours(["B", "A"]) == colours(["A", "B", "A"])
    assert len(set(colours([f"T{i}" for i in range(16)]).values())) == 16
