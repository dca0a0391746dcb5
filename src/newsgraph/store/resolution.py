"""The resolved layer on disk: ``rebuild`` runs resolve.py over the stored records and
replaces the resolved tables in one transaction.

Resolution reads the latest version of each article lineage (an article superseded by a
newer text no longer speaks for it) and never writes the per-article tables. A rebuild
deletes and rewrites every resolved table inside one transaction, so a reader sees the old
layer or the new one, never half of each, and a failure part-way leaves the old layer as it
was. Because resolve.py is a pure, order-independent function of the records, "incremental"
is the same rebuild run after an ingest that stored something (or when ``stale`` says the
layer does not match the stored articles, as after a killed run): the result is exactly what
a rebuild from scratch gives.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Engine, exists, func, select, text

from newsgraph.resolve import Resolution, resolve
from newsgraph.store.db import WRITE
from newsgraph.store.schema import (
    RESOLVED_TABLES,
    actors,
    articles,
    resolved_articles,
    resolved_events,
)

Row = dict[str, object]
# The PostgreSQL advisory lock that serialises rebuilds (two at once would insert twice).
_REBUILD_LOCK = 7_071_708


@dataclass(frozen=True)
class ResolutionCounts:
    """What a rebuild produced: articles read, actors and events written."""

    articles: int
    actors: int
    events: int


def search_key(form: str) -> str:
    """A form as searched: accents dropped, case folded, spaces collapsed (Erdoğan → erdogan)."""
    decomposed = unicodedata.normalize("NFKD", form)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", plain.casefold()).strip()


def current_articles() -> ColumnElement[bool]:
    """The condition "no newer version supersedes this article": the latest of each lineage."""
    newer = articles.alias("newer")
    return ~exists().where(newer.c.supersedes == articles.c.id)


def current_records(conn: Connection) -> list[dict]:
    """The stored record of the latest version of every lineage, by article id."""
    query = select(articles.c.record).where(current_articles()).order_by(articles.c.id)
    return list(conn.scalars(query))


def rows(records: list[dict], resolution: Resolution) -> dict[str, list[Row]]:
    """The resolved tables' rows for one resolution of ``records``."""
    entity = {(r["article"]["id"], e["id"]): e for r in records for e in r.get("entities", ())}
    out: dict[str, list[Row]] = {t.name: [] for t in RESOLVED_TABLES}
    for a in resolution.actors:
        out["actors"].append({"id": a.id, "type": a.type, "name": a.name})
        forms: Counter = Counter()
        for m in a.members:
            e = entity[(m.article_id, m.entity_id)]
            forms.update({e["name"], *e.get("aliases", ())})
        out["actor_forms"].extend(
            {"actor_id": a.id, "form": form, "key": search_key(form), "count": n}
            for form, n in sorted(forms.items()))
        out["actor_roles"].extend(
            {"actor_id": a.id, "role": role, "article_id": article_id}
            for role, article_id in a.roles)
        out["actor_members"].extend(
            {"actor_id": a.id, "article_id": m.article_id, "entity_id": m.entity_id}
            for m in a.members)
    for v in resolution.events:
        out["resolved_events"].append({
            "id": v.id, "type": v.type, "subtype": v.subtype, "place_actor_id": v.place,
            "date_from": v.date_from, "date_to": v.date_to,
        })
        for side, party in (("actor", v.actors), ("target", v.targets)):
            out["resolved_event_parties"].extend(
                {"event_id": v.id, "side": side, "position": i, "actor_id": actor_id}
                for i, actor_id in enumerate(_unique(party)))
        out["event_sources"].extend({
            "event_id": v.id, "article_id": s.article_id, "event_local_id": s.event_id,
            "status": s.status, "date": s.date,
            "trigger_start": s.trigger[0], "trigger_end": s.trigger[1],
            "trigger_text": s.trigger[2],
            "sentence_start": s.sentence[0], "sentence_end": s.sentence[1],
        } for s in v.sources)
    out["resolved_articles"] = [{"article_id": r["article"]["id"]} for r in records]
    return out


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))  # two local entities of one actor are one party


def rebuild(engine: Engine) -> ResolutionCounts:
    """Resolve every current record and replace the resolved layer, in one transaction."""
    with engine.connect() as conn:
        conn = conn.execution_options(**WRITE)  # SQLite: take the write lock up front
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _REBUILD_LOCK})
            records = current_records(conn)
            resolution = resolve(records)
            new = rows(records, resolution)
            for table in reversed(RESOLVED_TABLES):
                conn.execute(table.delete())
            for table in RESOLVED_TABLES:
                if new[table.name]:
                    conn.execute(table.insert(), new[table.name])
    return ResolutionCounts(articles=len(records), actors=len(resolution.actors),
                            events=len(resolution.events))


def stale(engine: Engine) -> bool:
    """True when the resolved layer was not built from exactly the current articles."""
    with engine.connect() as conn:
        built = set(conn.scalars(select(resolved_articles.c.article_id)))
        now = set(conn.scalars(select(articles.c.id).where(current_articles())))
    return built != now


def update(engine: Engine) -> ResolutionCounts | None:
    """Rebuild when the layer is stale; None when it was already up to date."""
    return rebuild(engine) if stale(engine) else None


def counts(engine: Engine) -> ResolutionCounts:
    """What the resolved layer holds now."""
    with engine.connect() as conn:
        def n(table) -> int:
            return conn.scalar(select(func.count()).select_from(table)) or 0
        return ResolutionCounts(articles=n(resolved_articles), actors=n(actors),
                                events=n(resolved_events))

