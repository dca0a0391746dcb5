"""The resolved layer rebuilt from scratch one component at a time, so a rebuild's memory is
bounded by its largest component (the persons of a much-used surname block), not by the store.

Entities merge only along chains of shared keys and reports only along chains of shared
(type, party actor) (see store/incremental.py), so each chain's component resolves on its own,
in the global order, to what a resolution of everything gives. The rebuild therefore:

1. streams the current articles' entities, writes their ``resolution_keys`` and joins the keys
   in a union-find (distinct keys only: a name seen in a thousand articles is one key);
2. resolves the entities of whole components, about ``batch`` at a time, and writes their
   actors; only the numbering of namesakes (two actors whose names fold to one key, which
   may lie in different components) spans batches, and is settled at the end;
3. streams the reports' parties, joins (type, actor) pairs the same way, and resolves and
   writes the reports of whole components, about ``batch`` at a time; a report without a
   party meets no other and is written as its article is read.

Everything runs inside the caller's transaction; the result equals ``resolve.resolve`` over
every current record, which the tests check with batches of one component.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import replace

from sqlalchemy import Connection, and_, delete, insert, literal, select, update

from newsgraph.resolve import Actor, actor_keys, cluster_actors, resolve_events
from newsgraph.store.incremental import MEMBER, _insert, _members
from newsgraph.store.inputs import (
    Ref,
    by_refs,
    chunks,
    entity_inputs,
    event_inputs,
    grouped,
    pairs_in,
)
from newsgraph.store.resolution import actor_rows, event_rows
from newsgraph.store.schema import (
    RESOLVED_TABLES,
    actor_forms,
    actor_members,
    actor_roles,
    actors,
    entities,
    event_participants,
    event_sources,
    events,
    resolution_keys,
    resolved_articles,
    resolved_event_parties,
    resolved_events,
)

BATCH = 20_000  # entities (or reports) resolved together: the bound on a rebuild's memory


class Components:
    """A union-find over hashable keys that counts the items each component holds."""

    def __init__(self) -> None:
        self.parent: dict[Hashable, Hashable] = {}
        self.size: dict[Hashable, int] = {}  # at each root: the items linked into it

    def root(self, key: Hashable) -> Hashable:
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def link(self, keys: Iterable[Hashable]) -> None:
        """One item with these keys: they are one component now."""
        roots = []
        for key in keys:
            if key not in self.parent:
                self.parent[key], self.size[key] = key, 0
            roots.append(self.root(key))
        if not roots:
            return
        home = max(roots, key=lambda r: self.size[r])
        for other in set(roots) - {home}:
            self.parent[other] = home
            self.size[home] += self.size.pop(other)
        self.size[home] += 1

    def batches(self, limit: int) -> Iterator[list[Hashable]]:
        """The keys of whole components, grouped into batches of about ``limit`` items (a
        component larger than that is a batch of its own), in a fixed order."""
        members: dict[Hashable, list[Hashable]] = defaultdict(list)
        for key in self.parent:
            members[self.root(key)].append(key)
        batch: list[Hashable] = []
        held = 0
        for root in sorted(members, key=repr):
            batch.extend(members[root])
            held += self.size[root]
            if held >= limit:
                yield batch
                batch, held = [], 0
        if batch:
            yield batch


def rebuild(conn: Connection, current: set[str], batch: int = BATCH) -> None:
    """Replace every resolved table with the resolution of the ``current`` articles."""
    for table in reversed(RESOLVED_TABLES):
        conn.execute(table.delete())
    keys = _write_keys(conn, current)
    namesakes = _Namesakes()
    for found in keys.batches(batch):
        _write_actors(conn, sorted(found), namesakes)
    del keys
    namesakes.settle(conn)
    parties = _party_components(conn, current)
    for found in parties.batches(batch):
        _write_events(conn, found)
    for chunk in chunks(current):
        _insert(conn, resolved_articles, [{"article_id": a} for a in chunk])


# --- actors ---------------------------------------------------------------------------------


def _write_keys(conn: Connection, current: set[str]) -> Components:
    columns = (entities.c.article_id, entities.c.id, entities.c.type, entities.c.name,
               entities.c.aliases)
    keys = Components()
    for chunk in chunks(current):
        rows = []
        for a, i, type_, name, aliases in conn.execute(
                select(*columns).where(entities.c.article_id.in_(chunk))):
            found = sorted(actor_keys({"type": type_, "name": name, "aliases": aliases or []}))
            keys.link(found)
            rows.extend({"key": k, "article_id": a, "entity_id": i} for k in found)
        _insert(conn, resolution_keys, rows)
    return keys


def _write_actors(conn: Connection, keys: list[str], namesakes: _Namesakes) -> None:
    refs = set(pairs_in(conn, select(resolution_keys.c.article_id, resolution_keys.c.entity_id),
                        resolution_keys.c.key, keys))
    found = entity_inputs(conn, by_refs(entities, refs))
    resolved = [namesakes.take(a) for a in cluster_actors(grouped(conn, {"entities": found}))]
    rows = actor_rows(resolved, found)
    for table in (actors, actor_forms, actor_roles, actor_members):
        _insert(conn, table, rows[table.name])


class _Namesakes:
    """Actor ids across batches: the first actor of an id takes it, a later namesake a
    numbered one for now; ``settle`` then numbers each id's actors in name order, as
    ``resolve`` does over everything (names are unique within a type, except for names
    with nothing to compare, whose order among themselves is the order they were met)."""

    def __init__(self) -> None:
        self.seen: dict[str, list[tuple[str, int, str]]] = {}  # id → (name, order, id taken)
        self.order = 0

    def take(self, actor: Actor) -> Actor:
        taken = self.seen.setdefault(actor.id, [])
        given = actor.id if not taken else f"{actor.id}-{len(taken) + 1}"
        taken.append((actor.name, self.order, given))
        self.order += 1
        return actor if given == actor.id else replace(actor, id=given)

    def settle(self, conn: Connection) -> None:
        for base, taken in self.seen.items():
            if len(taken) < 2:
                continue
            final = {given: base if n == 1 else f"{base}-{n}"
                     for n, (_name, _order, given) in enumerate(sorted(taken), start=1)}
            moves = {given: want for given, want in final.items() if given != want}
            for given in moves:  # through a spare id, since two may swap
                _move(conn, given, f"{given}~")
            for given, want in moves.items():
                _move(conn, f"{given}~", want)


def _move(conn: Connection, old: str, new: str) -> None:
    """Give an actor (no event points at it yet) another id."""
    conn.execute(insert(actors).from_select(
        ["id", "type", "name"],
        select(literal(new), actors.c.type, actors.c.name).where(actors.c.id == old)))
    for table in (actor_forms, actor_roles, actor_members):
        conn.execute(update(table).where(table.c.actor_id == old).values(actor_id=new))
    conn.execute(delete(actors).where(actors.c.id == old))


# --- events ---------------------------------------------------------------------------------


def _party_components(conn: Connection, current: set[str]) -> Components:
    """Join each report's (type, party actor) pairs; write the reports that have none."""
    query = (select(event_participants.c.article_id, event_participants.c.event_id,
                    events.c.type, actor_members.c.actor_id)
             .select_from(event_participants
                          .join(events, and_(
                              events.c.article_id == event_participants.c.article_id,
                              events.c.id == event_participants.c.event_id))
                          .join(actor_members, and_(
                              actor_members.c.article_id == event_participants.c.article_id,
                              actor_members.c.entity_id == event_participants.c.entity_id))))
    parties = Components()
    for chunk in chunks(current):
        found: dict[Ref, set[tuple[str, str]]] = defaultdict(set)
        for a, v, type_, actor in conn.execute(
                query.where(event_participants.c.article_id.in_(chunk))):
            found[(a, v)].add((type_, actor))
        for pairs in found.values():
            parties.link(sorted(pairs))
        reports = set(pairs_in(conn, select(events.c.article_id, events.c.id),
                               events.c.article_id, chunk))
        if lone := reports - set(found):
            _resolve_reports(conn, lone)
    return parties


def _write_events(conn: Connection, pairs: list[tuple[str, str]]) -> None:
    by_type: dict[str, list[str]] = defaultdict(list)
    for type_, actor in pairs:
        by_type[type_].append(actor)
    query = (select(event_participants.c.article_id, event_participants.c.event_id)
             .select_from(event_participants
                          .join(actor_members, and_(
                              actor_members.c.article_id == event_participants.c.article_id,
                              actor_members.c.entity_id == event_participants.c.entity_id))
                          .join(events, and_(
                              events.c.article_id == event_participants.c.article_id,
                              events.c.id == event_participants.c.event_id))))
    refs: set[Ref] = set()
    for type_, actor_ids in by_type.items():
        refs.update(pairs_in(conn, query.where(events.c.type == type_),
                             actor_members.c.actor_id, actor_ids))
    _resolve_reports(conn, refs)


def _resolve_reports(conn: Connection, refs: set[Ref]) -> None:
    found = event_inputs(conn, by_refs(events, refs),
                         by_refs(event_participants, refs, event_participants.c.event_id))
    records = grouped(conn, {"events": found})
    entity_refs = {(r["article"]["id"], x) for r in records for e in r["events"]
                   for x in (*e["actors"], *e["targets"], *([e["place"]] if e["place"] else []))}
    rows = event_rows(resolve_events(records, _members(conn, MEMBER, entity_refs)))
    for table in (resolved_events, resolved_event_parties, event_sources):
        _insert(conn, table, rows[table.name])
