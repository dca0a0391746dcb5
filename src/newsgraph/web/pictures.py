"""The numbers behind the two pictures: events per day by type, and who met or was quoted
with whom. The days are counted in SQL over the latest MAX_DAYS only; the network's edges are
read, strongest first, from ``network_edges``, which the store keeps exact as it is written
(migration 0005), so a first request costs what a later one does. Only the strongest edges are
kept so the network stays legible."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, distinct, func, select

from newsgraph.store.schema import actors, event_sources, network_edges, resolved_events
from newsgraph.web.models import ChartsPage, DayCount, Edge, Node

MAX_DAYS = 90  # the latest days drawn on the timeline chart
MAX_MEETINGS = 40  # the strongest edges of each kind
MAX_CO_QUOTES = 20
MAX_NODES = 40


def charts(engine: Engine) -> ChartsPage:
    """Day counts (day-dated events only: "2026-03" has no day to stand on) and the network."""
    t, s = resolved_events, event_sources
    day = func.length(t.c.date_from) == 10
    # The latest MAX_DAYS days, read backwards through the date index; only they are counted.
    latest = (select(t.c.date_from).distinct().where(day)
              .order_by(t.c.date_from.desc()).limit(MAX_DAYS).subquery())
    day_query = (select(t.c.date_from, t.c.type, func.count(distinct(t.c.id)).label("events"),
                        func.count().label("sources"))
                 .join(s, s.c.event_id == t.c.id)
                 .where(day, t.c.date_from >= select(func.min(latest.c.date_from))
                        .scalar_subquery())
                 .group_by(t.c.date_from, t.c.type)
                 .order_by(t.c.date_from, t.c.type))
    with engine.connect() as conn:
        rows = conn.execute(day_query).all()
        edges = (_edges(conn, "meeting", MAX_MEETINGS)
                 + _edges(conn, "co-quote", MAX_CO_QUOTES))
        weight: dict[str, int] = {}
        for e in edges:
            for end in (e.source, e.target):
                weight[end] = weight.get(end, 0) + e.weight
        kept = sorted(weight, key=lambda a: (-weight[a], a))[:MAX_NODES]
        names = {r.id: r for r in conn.execute(
            select(actors.c.id, actors.c.name, actors.c.type).where(actors.c.id.in_(kept)))
        } if kept else {}
    day_counts = [DayCount(r.date_from, r.type, r.events, r.sources) for r in rows]
    nodes = [Node(a, names[a].name, names[a].type, weight[a]) for a in kept if a in names]
    inside = {n.id for n in nodes}
    return ChartsPage(day_counts, nodes,
                      [e for e in edges if e.source in inside and e.target in inside])


def _edges(conn: Connection, kind: str, limit: int) -> list[Edge]:
    """The ``limit`` strongest edges of one kind, read in order through
    ix_network_edges_strongest: the weights are kept by the store's triggers (migration 0005),
    so nothing is aggregated here, however large the store."""
    e = network_edges
    query = (select(e.c.actor_a, e.c.actor_b, e.c.weight).where(e.c.kind == kind)
             .order_by(e.c.weight.desc(), e.c.actor_a, e.c.actor_b).limit(limit))
    return [Edge(r.actor_a, r.actor_b, kind, int(r.weight)) for r in conn.execute(query)]
