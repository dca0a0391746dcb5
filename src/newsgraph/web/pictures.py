"""The numbers behind the two pictures: events per day by type, and who met or was quoted
with whom. Counted in SQL; only the strongest edges are kept so the network stays legible."""

from __future__ import annotations

from sqlalchemy import Engine, and_, distinct, func, select

from newsgraph.store.schema import (
    actor_members,
    actors,
    event_sources,
    quotes,
    resolved_articles,
    resolved_event_parties,
    resolved_events,
)
from newsgraph.web.models import ChartsPage, DayCount, Edge, Node

MEETING = "CONSULT"  # the PLOVER type of meetings, talks, visits and calls
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
        edges = _meetings(conn) + _co_quotes(conn)
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


def _meetings(conn) -> list[Edge]:
    """Two parties of the same meeting; weight = the sources reporting their meetings. The
    parties are a CTE, read once and joined to itself."""
    t, s = resolved_events, resolved_event_parties
    party = (select(s.c.event_id, s.c.actor_id).distinct()
             .join(t, t.c.id == s.c.event_id).where(t.c.type == MEETING).cte("party"))
    n = (select(event_sources.c.event_id, func.count().label("n"))
         .group_by(event_sources.c.event_id).subquery())
    a, b = party.alias("a"), party.alias("b")
    w = func.sum(n.c.n).label("w")
    query = (select(a.c.actor_id.label("x"), b.c.actor_id.label("y"), w)
             .join(b, and_(b.c.event_id == a.c.event_id, a.c.actor_id < b.c.actor_id))
             .join(n, n.c.event_id == a.c.event_id)
             .group_by(a.c.actor_id, b.c.actor_id)
             .order_by(w.desc(), a.c.actor_id, b.c.actor_id).limit(MAX_MEETINGS))
    return [Edge(r.x, r.y, "meeting", int(r.w)) for r in conn.execute(query)]


def _co_quotes(conn) -> list[Edge]:
    """Two actors quoted in the same article; weight = the articles quoting both. Only
    articles with two speakers or more can hold a pair: found first, on the speaker index."""
    q, m = quotes, actor_members
    several = (select(q.c.article_id).where(q.c.speaker.is_not(None))
               .group_by(q.c.article_id).having(func.count(distinct(q.c.speaker)) > 1))
    spoke = (select(q.c.article_id, m.c.actor_id).distinct()
             .join(m, and_(m.c.article_id == q.c.article_id, m.c.entity_id == q.c.speaker))
             .join(resolved_articles, resolved_articles.c.article_id == q.c.article_id)
             .where(q.c.article_id.in_(several))
             .cte("spoke"))
    a, b = spoke.alias("a"), spoke.alias("b")
    w = func.count().label("w")
    query = (select(a.c.actor_id.label("x"), b.c.actor_id.label("y"), w)
             .join(b, and_(b.c.article_id == a.c.article_id, a.c.actor_id < b.c.actor_id))
             .group_by(a.c.actor_id, b.c.actor_id)
             .order_by(w.desc(), a.c.actor_id, b.c.actor_id).limit(MAX_CO_QUOTES))
    return [Edge(r.x, r.y, "co-quote", int(r.w)) for r in conn.execute(query)]
