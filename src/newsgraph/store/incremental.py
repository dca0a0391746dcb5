"""Bring the resolved layer up to date after an ingest by re-resolving only what the new (and
superseded) articles can reach, with the result a full rebuild would give.

Resolution merges entities only along chains of shared keys (``resolve.actor_keys``: a
person's surname block and last word, any other entity's folded forms and gazetteer names),
and merges reports of events only along chains of shared (type, party actor). Each chain's
component is resolved on its own, in the global order, by the same functions a rebuild uses;
so recomputing every component a change touches, and nothing else, gives the same layer:

1. actors: the keys of the added and removed entities, closed over ``resolution_keys``,
   give the entities to re-cluster; their old actors are replaced by the new ones;
2. events: the reports of added articles, of removed ones' events, and those whose party or
   place entity changed actor, closed over shared (type, actor) and over old event
   membership, are re-clustered; their old events are replaced.

When a guarantee cannot be kept (an actor id a new cluster takes is held by an actor outside
the component, or an old actor has members outside it), ``apply`` says so and the caller
rebuilds in full. Everything runs inside the caller's transaction.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, and_, func, select, tuple_, update

from newsgraph.names import fold
from newsgraph.resolve import (
    actor_id,
    actor_keys,
    actor_name,
    resolve_actors,
    resolve_events,
)
from newsgraph.store.inputs import (
    Ref,
    by_articles,
    by_refs,
    delete_in,
    entity_inputs,
    event_inputs,
    grouped,
    pairs_in,
    rows_in,
    scalars_in,
)
from newsgraph.store.resolution import actor_rows, event_rows, key_rows, search_key
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
    resolution_keys,
    resolved_articles,
    resolved_event_parties,
    resolved_events,
)

MEMBER = tuple_(actor_members.c.article_id, actor_members.c.entity_id)  # a member's ref
# Each report's participants with their report and the actor each participant belongs to.
PARTIES = (event_participants
           .join(events, and_(events.c.article_id == event_participants.c.article_id,
                              events.c.id == event_participants.c.event_id))
           .join(actor_members, and_(
               actor_members.c.article_id == event_participants.c.article_id,
               actor_members.c.entity_id == event_participants.c.entity_id)))
CHUNK_REFS = 2000  # a surname met more often than this is re-clustered, not looked up


class NotIncremental(Exception):
    """The change cannot be applied component by component; rebuild instead."""


def apply(conn: Connection, added: set[str], removed: set[str]) -> None:
    """Re-resolve the components that ``added`` and ``removed`` articles touch."""
    new_entities = entity_inputs(conn, by_articles(entities, added))
    joins = {} if removed else joining(conn, new_entities)
    seeds = {k for ref, e in new_entities.items() if ref not in joins for k in actor_keys(e)}
    seeds |= set(scalars_in(conn, resolution_keys.c.key, resolution_keys.c.article_id, removed))
    old_members = _members(conn, actor_members.c.article_id, removed)
    delete_in(conn, resolution_keys, resolution_keys.c.article_id, removed)
    _insert(conn, resolution_keys, key_rows(new_entities))

    changed, gone, recomputed = _actors(conn, seeds, old_members)
    joins = {ref: x for ref, x in joins.items() if ref not in recomputed}
    _join(conn, joins, new_entities)
    _events(conn, added, removed, changed | set(joins))
    delete_in(conn, actors, actors.c.id, gone)  # no event points at them any more

    delete_in(conn, resolved_articles, resolved_articles.c.article_id, removed)
    _insert(conn, resolved_articles, [{"article_id": a} for a in sorted(added)])


# --- actors ---------------------------------------------------------------------------------


def _actors(conn: Connection, seeds: set[str], removed_members: dict[Ref, str]
            ) -> tuple[set[Ref], set[str], set[Ref]]:
    """Replace the actors of the components reached from ``seeds``. Returns the entities
    whose actor changed (new and removed ones included), the actors that are gone (to be
    deleted once no event points at them), and every entity re-clustered."""
    refs = _component(conn, seeds)
    component = entity_inputs(conn, by_refs(entities, refs))
    old_of = {**removed_members, **_members(conn, MEMBER, refs)}
    old_ids = set(old_of.values())
    if old_ids and _members_outside(conn, old_ids, set(old_of)):
        raise NotIncremental("an old actor has members outside the component")
    resolved, new_of = resolve_actors(grouped(conn, {"entities": component}))
    outside = set(scalars_in(conn, actors.c.id, actors.c.id, {a.id for a in resolved})) - old_ids
    if outside:
        raise NotIncremental(f"actor id {sorted(outside)[0]} is held outside the component")

    for table in (actor_forms, actor_roles, actor_members):
        delete_in(conn, table, table.c.actor_id, old_ids)
    rows = actor_rows(resolved, component)
    kept = old_ids & {a.id for a in resolved}
    for row in rows["actors"]:
        if row["id"] in kept:  # events still point at it: update in place
            conn.execute(update(actors).where(actors.c.id == row["id"])
                         .values(type=row["type"], name=row["name"]))
    _insert(conn, actors, [r for r in rows["actors"] if r["id"] not in kept])
    for table in (actor_forms, actor_roles, actor_members):
        _insert(conn, table, rows[table.name])
    changed = {ref for ref in set(new_of) | set(old_of) if old_of.get(ref) != new_of.get(ref)}
    return changed, old_ids - {a.id for a in resolved}, refs


# --- new entities that join one actor as they are -------------------------------------------
#
# Most new entities are a known actor again: "Kyiv", "the IAEA", a minister under a spelling
# already seen. Re-clustering the whole component for them re-reads every earlier mention of a
# much-reported actor. When the outcome is certain (the entity, with the other new entities it
# shares keys with, reaches exactly one existing actor, that actor keeps its name, and for a
# person the spelling was already seen earlier in the resolution's order), the entity is
# added to the actor's rows instead.


def joining(conn: Connection, new: dict[Ref, dict]) -> dict[Ref, str]:
    """The new entities that join one existing actor as they are, with that actor's id."""
    people = {ref: e for ref, e in new.items() if e["type"] == "PERSON"}
    others = {ref: e for ref, e in new.items() if e["type"] != "PERSON"}
    reach = _existing_actors(conn, {k for e in others.values() for k in actor_keys(e)})
    joins: dict[Ref, str] = {}
    for group in _groups(others):
        found = {x for ref in group for k in actor_keys(others[ref]) for x in reach.get(k, ())}
        if len(found) == 1:
            joins.update(dict.fromkeys(group, found.pop()))
    full = {ref: e for ref, e in people.items() if len(e["name"].split()) >= 2}
    for ref, e in full.items():
        if (x := _seen_spelling(conn, ref, e["name"])) is not None:
            joins[ref] = x
    for ref, e in people.items():
        if ref not in full and (x := _surname_owner(conn, e["name"], full, joins)) is not None:
            joins[ref] = x
    return _same_names(conn, joins, new)


def _groups(new: dict[Ref, dict]) -> list[list[Ref]]:
    """New entities linked by shared keys (what one of them reaches, all of them do)."""
    parent = {ref: ref for ref in new}

    def root(ref: Ref) -> Ref:
        while parent[ref] != ref:
            parent[ref] = parent[parent[ref]]
            ref = parent[ref]
        return ref

    first: dict[str, Ref] = {}
    for ref in sorted(new):
        for key in actor_keys(new[ref]):
            other = first.setdefault(key, ref)
            parent[root(ref)] = root(other)
    groups: dict[Ref, list[Ref]] = defaultdict(list)
    for ref in sorted(new):
        groups[root(ref)].append(ref)
    return list(groups.values())


def _existing_actors(conn: Connection, keys: set[str]) -> dict[str, set[str]]:
    """key → the actors of the already resolved entities that have it."""
    query = (select(resolution_keys.c.key, actor_members.c.actor_id).distinct()
             .select_from(resolution_keys.join(actor_members, and_(
                 actor_members.c.article_id == resolution_keys.c.article_id,
                 actor_members.c.entity_id == resolution_keys.c.entity_id))))
    out: dict[str, set[str]] = defaultdict(set)
    for key, actor in pairs_in(conn, query, resolution_keys.c.key, keys):
        out[key].add(actor)
    return out


def _resolved_people(conn: Connection, where) -> list[tuple[str, str, str, str]]:
    """(published or "", article id, name, actor id) of resolved persons matching ``where``."""
    query = (select(articles.c.published, articles.c.id, entities.c.name,
                    actor_members.c.actor_id)
             .select_from(entities.join(articles, articles.c.id == entities.c.article_id)
                          .join(actor_members, and_(
                              actor_members.c.article_id == entities.c.article_id,
                              actor_members.c.entity_id == entities.c.id)))
             .where(entities.c.type == "PERSON", where))
    return [(day.isoformat() if day else "", a, name, x) for day, a, name, x in
            conn.execute(query)]


def _seen_spelling(conn: Connection, ref: Ref, name: str) -> str | None:
    """The actor of a full name spelled exactly so in an article earlier in the resolution's
    order (publication date, article id): the comparisons that made that actor are then the
    same with or without the new mention, which joins it by its spelling."""
    seen = _resolved_people(conn, entities.c.name == name)
    if not seen or len({x for *_, x in seen}) != 1:
        return None
    (day,) = conn.execute(select(articles.c.published).where(articles.c.id == ref[0])).one()
    return seen[0][3] if min(seen)[:2] < ((day.isoformat() if day else ""), ref[0]) else None


def _surname_owner(conn: Connection, surname: str, full: dict[Ref, dict],
                   joins: dict[Ref, str]) -> str | None:
    """The actor a bare surname belongs to: the one person with that last name, or, when
    there are none or several, the actor of the bare surname itself; None when a new full
    name with that last name is not settled yet."""
    key = f"PERSON|last:{fold(surname)}"
    if any(key in actor_keys(e) and ref not in joins for ref, e in full.items()):
        return None
    refs = set(pairs_in(conn, select(resolution_keys.c.article_id,
                                     resolution_keys.c.entity_id),
                        resolution_keys.c.key, {key}))
    if not refs:
        return None
    people = _resolved_people(conn, tuple_(entities.c.article_id, entities.c.id).in_(
        sorted(refs))) if len(refs) <= CHUNK_REFS else None
    if people is None:
        return None
    owners = {x for _d, _a, name, x in people if len(name.split()) >= 2}
    if len(owners) == 1:
        return owners.pop()
    alone = {x for _d, _a, name, x in people if len(name.split()) < 2}
    return alone.pop() if len(alone) == 1 else None


def _same_names(conn: Connection, joins: dict[Ref, str], new: dict[Ref, dict]
                ) -> dict[Ref, str]:
    """Only the joins whose actor keeps its name (and so its id and every other mapping)."""
    by_actor: dict[str, list[Ref]] = defaultdict(list)
    for ref, x in joins.items():
        by_actor[x].append(ref)
    kept: dict[Ref, str] = {}
    for x, refs in by_actor.items():
        type_, name = conn.execute(select(actors.c.type, actors.c.name)
                                   .where(actors.c.id == x)).one()
        names = Counter(dict(conn.execute(
            select(entities.c.name, func.count())
            .select_from(actor_members.join(entities, and_(
                entities.c.article_id == actor_members.c.article_id,
                entities.c.id == actor_members.c.entity_id)))
            .where(actor_members.c.actor_id == x).group_by(entities.c.name)).all()))
        names.update(new[ref]["name"] for ref in refs)
        if x == actor_id(type_, name) and actor_name(type_, names) == name:
            kept.update(dict.fromkeys(refs, x))
    return kept


def _join(conn: Connection, joins: dict[Ref, str], new: dict[Ref, dict]) -> None:
    """Add the joining entities to their actors' members, forms and roles."""
    by_actor: dict[str, list[Ref]] = defaultdict(list)
    for ref, x in joins.items():
        by_actor[x].append(ref)
    for x, refs in sorted(by_actor.items()):
        forms: Counter = Counter()
        roles: set[tuple[str, str]] = set()
        for ref in refs:
            e = new[ref]
            forms.update({e["name"], *e["aliases"], *e["descriptions"]})
            roles.update((role, ref[0]) for role in e["roles"])
        have = dict(conn.execute(select(actor_forms.c.form, actor_forms.c.count).where(
            actor_forms.c.actor_id == x, actor_forms.c.form.in_(sorted(forms)))).all())
        for form, n in sorted(forms.items()):
            if form in have:
                conn.execute(update(actor_forms).where(actor_forms.c.actor_id == x,
                                                       actor_forms.c.form == form)
                             .values(count=have[form] + n))
        _insert(conn, actor_forms, [{"actor_id": x, "form": f, "key": search_key(f), "count": n}
                                    for f, n in sorted(forms.items()) if f not in have])
        _insert(conn, actor_roles, [{"actor_id": x, "role": r, "article_id": a}
                                    for r, a in sorted(roles)])
        _insert(conn, actor_members, [{"actor_id": x, "article_id": a, "entity_id": i}
                                      for a, i in sorted(refs)])


def _component(conn: Connection, seeds: set[str]) -> set[Ref]:
    """Every current entity linked to ``seeds`` by a chain of shared keys."""
    keys, refs = set(seeds), set()
    frontier = set(seeds)
    while frontier:
        found = set(pairs_in(conn, select(resolution_keys.c.article_id,
                                        resolution_keys.c.entity_id),
                           resolution_keys.c.key, frontier)) - refs
        refs |= found
        frontier = set(scalars_in(conn, resolution_keys.c.key, tuple_(
            resolution_keys.c.article_id, resolution_keys.c.entity_id), found)) - keys
        keys |= frontier
    return refs


def _members(conn: Connection, column, values: Iterable) -> dict[Ref, str]:
    """(article id, entity id) → actor id, for the members whose ``column`` is in ``values``."""
    query = select(actor_members.c.article_id, actor_members.c.entity_id,
                   actor_members.c.actor_id)
    return {(a, e): actor for a, e, actor in rows_in(conn, query, column, values)}


def _members_outside(conn: Connection, actor_ids: set[str], inside: set[Ref]) -> bool:
    query = select(actor_members.c.article_id, actor_members.c.entity_id)
    return any(ref not in inside for ref in pairs_in(conn, query, actor_members.c.actor_id,
                                                   actor_ids))


# --- events ---------------------------------------------------------------------------------


def _events(conn: Connection, added: set[str], removed: set[str], changed: set[Ref]
            ) -> None:
    """Replace the resolved events of the reports the change reaches."""
    seeds = set(pairs_in(conn, select(events.c.article_id, events.c.id), events.c.article_id,
                       added))
    by_entity = tuple_(event_participants.c.article_id, event_participants.c.entity_id)
    seeds |= set(pairs_in(conn, select(event_participants.c.article_id,
                                     event_participants.c.event_id), by_entity, changed))
    seeds |= set(pairs_in(conn, select(events.c.article_id, events.c.id),
                        tuple_(events.c.article_id, events.c.place), changed))
    seeds = {(a, v) for a, v in seeds if a not in removed}  # removed reports just go
    old_events = set(scalars_in(conn, event_sources.c.event_id, event_sources.c.article_id,
                              removed))
    reports, old_events = _reach(conn, seeds, old_events, removed)

    for table in (event_sources, resolved_event_parties):
        delete_in(conn, table, table.c.event_id, old_events)
    delete_in(conn, resolved_events, resolved_events.c.id, old_events)

    found = event_inputs(conn, by_refs(events, reports),
                         by_refs(event_participants, reports, event_participants.c.event_id))
    records = grouped(conn, {"events": found})
    refs = {(r["article"]["id"], x) for r in records for e in r["events"]
            for x in (*e["actors"], *e["targets"], *([e["place"]] if e["place"] else []))}
    actor_of = _members(conn, MEMBER, refs)  # the new mapping: the actors are written
    rows = event_rows(resolve_events(records, actor_of))
    for table in (resolved_events, resolved_event_parties, event_sources):
        _insert(conn, table, rows[table.name])


def _reach(conn: Connection, seeds: set[Ref], old_events: set[str], removed: set[str]
           ) -> tuple[set[Ref], set[str]]:
    """Close the reports over shared (type, party actor) and over old event membership."""
    reports: set[Ref] = set()
    frontier = set(seeds)
    event_frontier = set(old_events)
    while frontier or event_frontier:
        reports |= frontier
        found = set(scalars_in(conn, event_sources.c.event_id,
                             tuple_(event_sources.c.article_id, event_sources.c.event_local_id),
                             frontier))
        event_frontier |= found - old_events
        old_events |= event_frontier
        siblings = {(a, v) for a, v in pairs_in(
            conn, select(event_sources.c.article_id, event_sources.c.event_local_id),
            event_sources.c.event_id, event_frontier) if a not in removed}
        event_frontier = set()
        shared = set(_shared(conn, _parties(conn, frontier)))
        frontier = (siblings | shared) - reports
    return reports, old_events


def _parties(conn: Connection, refs: set[Ref]) -> set[tuple[str, str]]:
    """(type, actor id) of each party of the given reports, in the current mapping."""
    query = select(events.c.type, actor_members.c.actor_id).select_from(PARTIES)
    key = tuple_(event_participants.c.article_id, event_participants.c.event_id)
    return set(pairs_in(conn, query, key, refs))


def _shared(conn: Connection, parties: set[tuple[str, str]]) -> Iterator[Ref]:
    """Reports with any of these (type, party actor)."""
    by_type: dict[str, set[str]] = defaultdict(set)
    for type_, actor in parties:
        by_type[type_].add(actor)
    for type_, actor_ids in by_type.items():
        query = (select(event_participants.c.article_id, event_participants.c.event_id)
                 .select_from(PARTIES).where(events.c.type == type_))
        yield from pairs_in(conn, query, actor_members.c.actor_id, actor_ids)


def _insert(conn: Connection, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(table.insert(), rows)
