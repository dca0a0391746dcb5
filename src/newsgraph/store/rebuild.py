"""The resolved layer rebuilt from scratch one component at a time, in memory bounded by the
largest component's distinct names (the persons of a busy surname block), not by the store.

Entities merge only along chains of shared keys and reports only along chains of shared
(type, party actor) (see store/incremental.py), so each chain's component resolves on its own,
in the global order, to what a resolution of everything gives. The rebuild therefore:

1. streams the current articles' entities, writes their ``resolution_keys`` and joins the keys
   in a union-find (distinct keys only: a name seen in a thousand articles is one key);
2. takes whole components, about ``batch`` mentions at a time, and reads their mentions in
   chunks of keys through ``resolution_keys``: each distinct ``resolve.signature`` keeps its
   first mention, count and forms (a name mentioned a thousand times is clustered once,
   ``resolve.entity_groups``); these are clustered and named with the functions a resolution
   of everything uses, and the actors, their forms and every mention's membership and roles
   are written. Only the numbering of namesakes (two actors whose names fold to one key,
   which may lie in different components) spans batches; it is settled in the store at the
   end;
3. streams the reports' parties, joins (type, actor) pairs the same way, and resolves and
   writes the reports of whole components, about ``batch`` at a time; a report without a
   party meets no other and is written as its article is read.

Everything runs inside the caller's transaction; the result equals ``resolve.resolve`` over
every current record, which the tests check with batches of one component.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import replace

from sqlalchemy import Connection, and_, delete, insert, literal, or_, select, update

from newsgraph.resolve import (
    Actor,
    actor_id,
    actor_keys,
    actor_name,
    entity_groups,
    local_order,
    resolve_events,
    signature,
)
from newsgraph.store.incremental import MEMBER, PARTIES, _insert, _members, _shared
from newsgraph.store.inputs import (
    ENTITY_COLUMNS,
    SPEAKER_COLUMNS,
    Ref,
    add_descriptions,
    by_refs,
    chunks,
    entity_rows,
    event_inputs,
    grouped,
    pairs_in,
    publication_dates,
    scalars_in,
)
from newsgraph.store.resolution import event_rows, search_key
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
    quotes,
    resolution_keys,
    resolved_articles,
    resolved_event_parties,
    resolved_events,
)

BATCH = 5_000  # mentions (or reports) resolved together: whole components, about this many


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
    """Resolve and write the actors of the components these keys hold."""
    names, mentions = _distinct_names(conn, keys)
    records: dict[str, dict] = {}
    for (day, a, _order), entity, _count, _forms in names.values():
        records.setdefault(a, {"article": {"id": a, "published": day or None},
                               "entities": []})["entities"].append(entity)
    made: list[tuple[Actor, list[tuple]]] = []
    for type_, members in entity_groups(records.values()):
        sigs = [signature(e) for _, e in members]
        counts: Counter = Counter()
        for sig in sigs:
            counts[names[sig][1]["name"]] += names[sig][2]
        name = actor_name(type_, counts)
        made.append((Actor(id=actor_id(type_, name), type=type_, name=name, forms=(),
                           roles=(), members=()), sigs))
    made.sort(key=lambda item: (item[0].type, item[0].name, item[0].id))
    actor_of: dict[tuple, str] = {}
    rows, form_rows = [], []
    for actor, (_, sigs) in zip(namesakes.take(conn, [a for a, _ in made]), made, strict=True):
        rows.append({"id": actor.id, "type": actor.type, "name": actor.name})
        forms: Counter = Counter()
        for sig in sigs:
            forms.update(names[sig][3])
            actor_of[sig] = actor.id
        form_rows.extend({"actor_id": actor.id, "form": form, "key": search_key(form),
                          "count": n} for form, n in sorted(forms.items()))
    del names, made
    _insert(conn, actors, rows)
    _insert(conn, actor_forms, form_rows)
    _write_members(conn, mentions, actor_of)


def _mentions(conn: Connection, keys: list[str]) -> Iterator[dict[Ref, dict]]:
    """The entities holding these keys, each once, with the descriptions their quotes give
    persons, a chunk of keys at a time, found through ``resolution_keys``'s index on the key
    (a list of (article, entity) pairs is slow to look up on SQLite)."""
    k = resolution_keys
    held = and_(entities.c.article_id == k.c.article_id, entities.c.id == k.c.entity_id)
    said = and_(quotes.c.article_id == k.c.article_id, quotes.c.speaker == k.c.entity_id)
    seen: set[Ref] = set()
    for chunk in chunks(keys):
        found = {ref: e for ref, e in entity_rows(conn.execute(
            select(*ENTITY_COLUMNS).select_from(k.join(entities, held))
            .where(k.c.key.in_(chunk)))).items() if ref not in seen}
        seen.update(found)
        add_descriptions(found, conn.execute(
            select(*SPEAKER_COLUMNS).select_from(k.join(quotes, said))
            .where(k.c.key.in_(chunk))))
        yield found


def _distinct_names(conn: Connection, keys: list[str]
                    ) -> tuple[dict[tuple, list], list[tuple[Ref, tuple, list[str]]]]:
    """signature → [(published, article id, local order) of its first mention, that mention
    (what clustering reads of it), its number of mentions, the forms they use]; and each
    mention's (ref, signature, roles), to write once the actors are known."""
    names: dict[tuple, list] = {}
    mentions = []
    for found in _mentions(conn, keys):
        published = publication_dates(conn, {a for a, _ in found})
        for (a, local), e in found.items():
            where = (published[a] or "", a, local_order(local))
            first = {"id": e["id"], "type": e["type"], "name": e["name"],
                     "aliases": e["aliases"]}
            seen = names.get(sig := signature(e))
            if seen is None:
                seen = names[sig] = [where, first, 0, Counter()]
            elif where < seen[0]:
                seen[0], seen[1] = where, first
            seen[2] += 1
            seen[3].update({e["name"], *e["aliases"], *e["descriptions"]})
            mentions.append(((a, local), sig, e["roles"]))
    return names, mentions


def _write_members(conn: Connection, mentions: list[tuple[Ref, tuple, list[str]]],
                   actor_of: dict[tuple, str]) -> None:
    members, roles = [], set()
    for (a, i), sig, found in mentions:
        actor = actor_of[sig]
        members.append({"actor_id": actor, "article_id": a, "entity_id": i})
        roles.update((actor, role, a) for role in found)
    _insert(conn, actor_members, members)
    _insert(conn, actor_roles, [{"actor_id": x, "role": role, "article_id": a}
                                for x, role, a in sorted(roles)])


class _Namesakes:
    """Actor ids across batches. An actor whose id an earlier batch (or an earlier actor of
    its own) took gets a spare id for now, and its id is marked crowded; ``settle`` numbers
    each crowded id's actors in name order, as ``resolve`` does over everything (names are
    unique within a type). Only crowded ids are kept: they are rare."""

    def __init__(self) -> None:
        self.crowded: set[str] = set()
        self.spare = 0

    def take(self, conn: Connection, made: list[Actor]) -> list[Actor]:
        taken = set(scalars_in(conn, actors.c.id, actors.c.id, {a.id for a in made}))
        out = []
        for a in made:
            if a.id in taken:
                self.crowded.add(a.id)
                self.spare += 1
                a = replace(a, id=f"{a.id}~{self.spare}")
            else:
                taken.add(a.id)
            out.append(a)
        return out

    def settle(self, conn: Connection) -> None:
        for base in sorted(self.crowded):
            group = conn.execute(select(actors.c.id, actors.c.name).where(or_(
                actors.c.id == base, actors.c.id.like(f"{base}~%")))).all()
            final = {given: base if n == 1 else f"{base}-{n}"
                     for n, (given, _name) in enumerate(sorted(group, key=lambda r: r[1]),
                                                        start=1)}
            moves = {given: want for given, want in final.items() if given != want}
            for given in moves:  # through a spare id, since two may swap
                _move(conn, given, f"{given}~~")
            for given, want in moves.items():
                _move(conn, f"{given}~~", want)


def _move(conn: Connection, old: str, new: str) -> None:
    """Give an actor (no event points at it yet) another id. Its memberships are deleted and
    inserted again, not updated: the pictures' network counts them (migration 0005)."""
    conn.execute(insert(actors).from_select(
        ["id", "type", "name"],
        select(literal(new), actors.c.type, actors.c.name).where(actors.c.id == old)))
    for table in (actor_forms, actor_roles):
        conn.execute(update(table).where(table.c.actor_id == old).values(actor_id=new))
    members = conn.execute(select(actor_members.c.article_id, actor_members.c.entity_id)
                           .where(actor_members.c.actor_id == old)).all()
    conn.execute(delete(actor_members).where(actor_members.c.actor_id == old))
    _insert(conn, actor_members, [{"actor_id": new, "article_id": a, "entity_id": e}
                                  for a, e in members])
    conn.execute(delete(actors).where(actors.c.id == old))


# --- events ---------------------------------------------------------------------------------


def _party_components(conn: Connection, current: set[str]) -> Components:
    """Join each report's (type, party actor) pairs; write the reports that have none."""
    query = select(event_participants.c.article_id, event_participants.c.event_id,
                   events.c.type, actor_members.c.actor_id).select_from(PARTIES)
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
    _resolve_reports(conn, set(_shared(conn, set(pairs))))


def _resolve_reports(conn: Connection, refs: set[Ref]) -> None:
    found = event_inputs(conn, by_refs(events, refs),
                         by_refs(event_participants, refs, event_participants.c.event_id))
    records = grouped(conn, {"events": found})
    entity_refs = {(r["article"]["id"], x) for r in records for e in r["events"]
                   for x in (*e["actors"], *e["targets"], *([e["place"]] if e["place"] else []))}
    rows = event_rows(resolve_events(records, _members(conn, MEMBER, entity_refs)))
    for table in (resolved_events, resolved_event_parties, event_sources):
        _insert(conn, table, rows[table.name])
