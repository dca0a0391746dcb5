"""The knowledge base out to other tools: JSON Lines, Parquet tables, a GraphML graph.

- ``jsonl``: everything in one file, one JSON object a line, each with a ``kind``: every
  stored article version with its whole record (``article``), then the resolved ``actor``s
  and ``event``s (each event with its sources, as ``newsgraph events --json`` prints them),
  then the ``reject``s.
- ``parquet``: one file per table in a folder, typed (dates as dates, spans as integers, JSON
  columns as JSON text), for pandas, DuckDB, Polars or Spark. Per-article events are
  ``article_events``; the resolved ones are ``events`` with ``event_parties`` and
  ``event_sources``.
- ``graphml``: actors as nodes (type, name) and, as edges, meetings (CONSULT events between
  two parties; weight = sources reporting them), quotes about (the speaker to each actor named
  inside the quotation) and stances (the holder to an issue node, one edge per polarity), for
  Gephi, Cytoscape or networkx.

pyarrow and networkx are imported by the format that needs them.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    Float,
    Integer,
    Table,
    select,
)

from newsgraph.store import views
from newsgraph.store.queries import utc
from newsgraph.store.resolution import search_key
from newsgraph.store.schema import (
    actor_forms,
    actor_members,
    actor_roles,
    actors,
    articles,
    entities,
    event_participants,
    event_sources,
    events,
    quantities,
    quotes,
    rejects,
    resolved_articles,
    resolved_event_parties,
    resolved_events,
    stances,
    times,
)

FORMATS = ("jsonl", "parquet", "graphml")
# Parquet file name → table. Per-article events and the resolved events both want "events":
# the resolved ones, what users ask for, get it.
PARQUET_TABLES: dict[str, Table] = {
    "articles": articles, "entities": entities, "quotes": quotes, "quantities": quantities,
    "times": times, "article_events": events, "event_participants": event_participants,
    "stances": stances, "actors": actors, "actor_forms": actor_forms,
    "actor_roles": actor_roles, "actor_members": actor_members, "events": resolved_events,
    "event_parties": resolved_event_parties, "event_sources": event_sources,
    "resolved_articles": resolved_articles, "rejects": rejects,
}
# Left out of the Parquet articles table: the whole record, which the other tables spell out.
PARQUET_SKIP = {"articles": {"record"}}
ROWS_PER_BATCH = 5_000
MEETING = "CONSULT"


@dataclass(frozen=True)
class Exported:
    """Where an export went and how many items of each kind it wrote."""

    format: str
    paths: tuple[Path, ...]
    counts: dict[str, int]


def export(engine: Engine, format: str, out: str | Path) -> Exported:
    """Write the store at ``engine`` to ``out`` (a file; a folder for parquet)."""
    writers = {"jsonl": to_jsonl, "parquet": to_parquet, "graphml": to_graphml}
    if format not in writers:
        raise ValueError(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
    return writers[format](engine, Path(out))


# --- JSON Lines -----------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return utc(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


def to_jsonl(engine: Engine, out: Path) -> Exported:
    """Every article version with its record, the actors, the events, the rejects."""
    counts: Counter = Counter()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for line in _jsonl_lines(engine):
            counts[line["kind"] + "s"] += 1
            f.write(json.dumps(line, ensure_ascii=False, default=_json_default) + "\n")
    return Exported("jsonl", (out,), dict(counts))


def _jsonl_lines(engine: Engine) -> Iterator[dict[str, Any]]:
    a = articles
    with engine.connect() as conn:
        current = set(conn.scalars(select(resolved_articles.c.article_id)))
        query = (select(a.c.id, a.c.lineage, a.c.version, a.c.supersedes, a.c.ingested_at,
                        a.c.record).order_by(a.c.lineage, a.c.version))
        for row in conn.execute(query, execution_options={"yield_per": 200}):
            yield {"kind": "article", "id": row.id, "lineage": row.lineage,
                   "version": row.version, "supersedes": row.supersedes,
                   "current": row.id in current, "ingested_at": row.ingested_at,
                   "record": row.record}
        yield from _actor_lines(conn)
    for event in views.list_events(engine):
        yield {"kind": "event", **event.to_dict()}
    for reject in reversed(_rejects(engine)):
        yield {"kind": "reject", **reject}


def _actor_lines(conn: Connection) -> Iterator[dict[str, Any]]:
    forms: dict[str, list] = defaultdict(list)
    for r in conn.execute(select(actor_forms).order_by(actor_forms.c.actor_id,
                                                       actor_forms.c.count.desc(),
                                                       actor_forms.c.form)):
        forms[r.actor_id].append({"form": r.form, "count": r.count})
    roles: dict[str, list] = defaultdict(list)
    for r in conn.execute(select(actor_roles).order_by(actor_roles.c.actor_id,
                                                       actor_roles.c.role,
                                                       actor_roles.c.article_id)):
        roles[r.actor_id].append({"role": r.role, "article_id": r.article_id})
    members: dict[str, list] = defaultdict(list)
    for r in conn.execute(select(actor_members).order_by(actor_members.c.actor_id,
                                                         actor_members.c.article_id,
                                                         actor_members.c.entity_id)):
        members[r.actor_id].append({"article_id": r.article_id, "entity_id": r.entity_id})
    for r in conn.execute(select(actors).order_by(actors.c.type, actors.c.name, actors.c.id)):
        yield {"kind": "actor", "id": r.id, "type": r.type, "name": r.name,
               "forms": forms[r.id], "roles": roles[r.id], "members": members[r.id]}


def _rejects(engine: Engine) -> list[dict[str, Any]]:
    from newsgraph.store.queries import rejects as stored_rejects

    return [{"source": r.source, "reason": r.reason, "first_seen": r.first_seen,
             "last_seen": r.last_seen} for r in stored_rejects(engine)]


# --- Parquet --------------------------------------------------------------------------------


def _arrow_type(column: Column):
    import pyarrow as pa

    kind = column.type
    if isinstance(kind, Boolean):
        return pa.bool_()
    if isinstance(kind, Integer):
        return pa.int64()
    if isinstance(kind, Float):
        return pa.float64()
    if isinstance(kind, DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(kind, Date):
        return pa.date32()
    return pa.string()  # text, and JSON as JSON text


def _arrow_value(column: Column, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, JSON):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(column.type, DateTime):
        return utc(value)
    return value


def to_parquet(engine: Engine, out: Path) -> Exported:
    """One Parquet file per table in the folder ``out``; every file has its full schema,
    rows or not."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    paths, counts = [], {}
    with engine.connect() as conn:
        for name, table in PARQUET_TABLES.items():
            columns = [c for c in table.columns if c.name not in PARQUET_SKIP.get(name, ())]
            schema = pa.schema([pa.field(c.name, _arrow_type(c), nullable=c.nullable)
                                for c in columns])
            keys = [c for c in table.primary_key.columns]
            query = select(*columns).order_by(*keys)
            path = out / f"{name}.parquet"
            n = 0
            with pq.ParquetWriter(path, schema) as writer:
                result = conn.execute(query, execution_options={"yield_per": ROWS_PER_BATCH})
                for part in result.partitions():
                    rows = [{c.name: _arrow_value(c, v) for c, v in zip(columns, row, strict=True)}
                            for row in part]
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                    n += len(rows)
                if n == 0:
                    writer.write_table(schema.empty_table())
            paths.append(path)
            counts[name] = n
    return Exported("parquet", tuple(paths), counts)


# --- GraphML --------------------------------------------------------------------------------


def graph(engine: Engine):
    """The actor graph as a networkx MultiDiGraph (what ``to_graphml`` writes)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    with engine.connect() as conn:
        for r in conn.execute(select(actors).order_by(actors.c.id)):
            g.add_node(r.id, kind="actor", type=r.type, name=r.name, label=r.name)
        _meetings(conn, g)
        _quotes_about(conn, g)
        _stances(conn, g)
    return g


def _meetings(conn: Connection, g) -> None:
    t, p, s = resolved_events, resolved_event_parties, event_sources
    parties: dict[str, set[str]] = defaultdict(set)
    query = (select(p.c.event_id, p.c.actor_id).join(t, t.c.id == p.c.event_id)
             .where(t.c.type == MEETING))
    for r in conn.execute(query):
        parties[r.event_id].add(r.actor_id)
    n_sources = Counter(conn.scalars(
        select(s.c.event_id).join(t, t.c.id == s.c.event_id).where(t.c.type == MEETING)))
    dates = dict(conn.execute(select(t.c.id, t.c.date_from).where(t.c.type == MEETING)).all())
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for event_id in sorted(parties):
        people = sorted(parties[event_id])
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                edge = edges.setdefault((a, b), {"kind": "meeting", "weight": 0, "meetings": 0,
                                                 "events": [], "dates": []})
                edge["weight"] += n_sources[event_id]
                edge["meetings"] += 1
                edge["events"].append(event_id)
                if dates.get(event_id):
                    edge["dates"].append(dates[event_id])
    for (a, b), edge in edges.items():
        g.add_edge(a, b, key="meeting", **{**edge, "events": ";".join(edge["events"]),
                                           "dates": ";".join(sorted(edge["dates"]))})


def _quotes_about(conn: Connection, g) -> None:
    """Speaker → every other actor with a mention inside the quotation."""
    m, q, e = actor_members, quotes, entities
    current = select(resolved_articles.c.article_id)
    spoken: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    query = (select(q.c.article_id, q.c.span_start, q.c.span_end, m.c.actor_id)
             .join(m, (m.c.article_id == q.c.article_id) & (m.c.entity_id == q.c.speaker))
             .where(q.c.article_id.in_(current)))
    for r in conn.execute(query):
        spoken[r.article_id].append((r.span_start, r.span_end, r.actor_id))
    counts: Counter = Counter()
    query = (select(m.c.article_id, m.c.actor_id, e.c.mentions)
             .join(e, (e.c.article_id == m.c.article_id) & (e.c.id == m.c.entity_id))
             .where(m.c.article_id.in_(current)))
    for r in conn.execute(query):
        for start, end, speaker in spoken.get(r.article_id, ()):
            if speaker != r.actor_id and any(
                    start <= x["start"] and x["end"] <= end for x in r.mentions):
                counts[(speaker, r.actor_id)] += 1
    for (speaker, about), n in sorted(counts.items()):
        g.add_edge(speaker, about, key="quote", kind="quote", weight=n)


def _stances(conn: Connection, g) -> None:
    s, m = stances, actor_members
    query = (select(m.c.actor_id, s.c.issue, s.c.polarity)
             .join(m, (m.c.article_id == s.c.article_id) & (m.c.entity_id == s.c.holder))
             .where(s.c.article_id.in_(select(resolved_articles.c.article_id)),
                    s.c.issue.is_not(None)))
    counts: Counter = Counter()
    labels: dict[str, str] = {}
    for r in conn.execute(query):
        node = "issue:" + search_key(r.issue)
        labels.setdefault(node, r.issue)
        counts[(r.actor_id, node, r.polarity or "unknown")] += 1
    for node, label in sorted(labels.items()):
        g.add_node(node, kind="issue", type="ISSUE", name=label, label=label)
    for (holder, node, polarity), n in sorted(counts.items()):
        g.add_edge(holder, node, key=f"stance:{polarity}", kind="stance", polarity=polarity,
                   weight=n)


def to_graphml(engine: Engine, out: Path) -> Exported:
    import networkx as nx

    g = graph(engine)
    out.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(g, out)
    kinds = Counter(kind for _, _, kind in g.edges(data="kind"))
    nodes = Counter(kind for _, kind in g.nodes(data="kind"))
    return Exported("graphml", (out,), {"actors": nodes["actor"], "issues": nodes["issue"],
                                        **{f"{k} edges": n for k, n in sorted(kinds.items())}})
