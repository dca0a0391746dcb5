"""The resolved layer on disk: ``rebuild`` resolves the stored records a component at a time
(store/rebuild.py) and replaces the resolved tables in one transaction.

Resolution reads the latest version of each article lineage (an article superseded by a
newer text no longer speaks for it) and never writes the per-article tables. A rebuild
deletes and rewrites every resolved table inside one transaction, so a reader sees the old
layer or the new one, never half of each, and a failure part-way leaves the old layer as it
was. After an ingest (or when the layer does not match the stored articles, as after a
killed run) ``update`` re-resolves only what the new and superseded articles reach
(store/incremental.py), in one transaction too; the result is exactly what a rebuild from
scratch gives, which the tests check.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Engine, exists, func, select, text

from newsgraph.resolve import Actor, ResolvedEvent, actor_keys
from newsgraph.store.db import WRITE
from newsgraph.store.schema import (
    actors,
    articles,
    resolution_keys,
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


def actor_rows(resolved: Iterable[Actor], entity: dict[tuple[str, str], dict]
               ) -> dict[str, list[Row]]:
    """Rows of ``actors``, ``actor_forms``, ``actor_roles`` and ``actor_members``; ``entity``
    maps (article id, entity id) to each member's entity (``inputs.entity_inputs``)."""
    out: dict[str, list[Row]] = {"actors": [], "actor_forms": [], "actor_roles": [],
                                 "actor_members": []}
    for a in resolved:
        out["actors"].append({"id": a.id, "type": a.type, "name": a.name})
        forms: Counter = Counter()
        for m in a.members:
            e = entity[(m.article_id, m.entity_id)]
            forms.update({e["name"], *e.get("aliases", ()), *e.get("descriptions", ())})
        out["actor_forms"].extend(
            {"actor_id": a.id, "form": form, "key": search_key(form), "count": n}
            for form, n in sorted(forms.items()))
        out["actor_roles"].extend(
            {"actor_id": a.id, "role": role, "article_id": article_id}
            for role, article_id in a.roles)
        out["actor_members"].extend(
            {"actor_id": a.id, "article_id": m.article_id, "entity_id": m.entity_id}
            for m in a.members)
    return out


def event_rows(resolved: Iterable[ResolvedEvent]) -> dict[str, list[Row]]:
    """Rows of ``resolved_events``, ``resolved_event_parties`` and ``event_sources``."""
    out: dict[str, list[Row]] = {"resolved_events": [], "resolved_event_parties": [],
                                 "event_sources": []}
    for v in resolved:
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
    return out


def key_rows(entity: dict[tuple[str, str], dict]) -> list[Row]:
    """Rows of ``resolution_keys`` for the given entities."""
    return [{"key": key, "article_id": article_id, "entity_id": entity_id}
            for (article_id, entity_id), e in entity.items() for key in sorted(actor_keys(e))]


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))  # two local entities of one actor are one party


def rebuild(engine: Engine) -> ResolutionCounts:
    """Resolve every current record and replace the resolved layer, in one transaction."""
    with _writing(engine) as conn:
        _rebuild(conn)
    return counts(engine)


def _rebuild(conn: Connection) -> None:
    from newsgraph.store import rebuild  # it writes its rows with this module's functions

    rebuild.rebuild(conn, set(conn.scalars(select(articles.c.id).where(current_articles()))))


@contextmanager
def _writing(engine: Engine) -> Iterator[Connection]:
    """One transaction holding the write lock (SQLite) or the rebuild lock (PostgreSQL) from
    its start, so two resolutions never interleave."""
    with engine.connect() as conn:
        conn = conn.execution_options(**WRITE)  # SQLite: take the write lock up front
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _REBUILD_LOCK})
            yield conn


def stale(engine: Engine) -> bool:
    """True when the resolved layer was not built from exactly the current articles."""
    with engine.connect() as conn:
        built, now = _built_and_current(conn)
    return built != now


def _built_and_current(conn: Connection) -> tuple[set[str], set[str]]:
    built = set(conn.scalars(select(resolved_articles.c.article_id)))
    now = set(conn.scalars(select(articles.c.id).where(current_articles())))
    return built, now


def update(engine: Engine) -> ResolutionCounts | None:
    """Bring the layer up to date with the stored articles; None when it already was.

    Only what the new and superseded articles reach is re-resolved (store/incremental.py),
    with the result a rebuild gives; a layer without resolution keys (built before they
    existed) or a change that cannot be applied piecewise is rebuilt in full."""
    from newsgraph.store import incremental  # it builds its rows with this module's functions

    with _writing(engine) as conn:
        built, now = _built_and_current(conn)
        if built == now:
            return None
        if not built or conn.scalar(select(resolution_keys.c.key).limit(1)) is None:
            _rebuild(conn)
        else:
            try:
                with conn.begin_nested():
                    incremental.apply(conn, added=now - built, removed=built - now)
            except incremental.NotIncremental:
                _rebuild(conn)
    return counts(engine)


def counts(engine: Engine) -> ResolutionCounts:
    """What the resolved layer holds now."""
    with engine.connect() as conn:
        def n(table) -> int:
            return conn.scalar(select(func.count()).select_from(table)) or 0
        return ResolutionCounts(articles=n(resolved_articles), actors=n(actors),
                                events=n(resolved_events))

