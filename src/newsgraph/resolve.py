"""Across articles: the same actor under several spellings, the same event reported by
several outlets, merged with every source kept.

Resolution is a pure function of the stored per-article records, so it can be rebuilt at
any time and gives the same result for the same records whatever order they arrive in
(records are sorted by publication date and article id first).

Actors. Within an article the extractor has already grouped a referent's surface forms
("Elena Marsh", "Marsh", "Ms Marsh"). Across articles two persons are one when their full
names are one name spelled two ways (`names.same_person_name`: transliterations, accents;
"Petra Lind" and "Peter Lind" stay two). A surname-only person joins the one full-name
person with that surname, and nobody when two share it. Other entities are one when they
share a name or alias after case, accents and a leading "the" are set aside, or when the
gazetteer knows both forms as one place or body ("Kiev"/"Kyiv", "U.S."/"United States").

Events. Two reports are one happening when they have the same type, their parties overlap
(one side's set includes the other's), their places agree where both give one, and their
dates agree within a window: the same day (one day apart allowed, for time zones and "late
on Monday"), a day inside a month another report gives, or, when a report gives no date,
publication within a few days of the dated ones. Distinct meetings of the same people on
different days stay distinct. Each report stays a source with its own status and evidence.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from newsgraph import gazetteer
from newsgraph.names import fold, same_person_name

# How far apart two dated reports of one happening may be, and how close an undated report's
# publication must be to a dated report's date (or to an undated report's publication).
SAME_DAY_WINDOW = timedelta(days=1)
UNDATED_WINDOW = timedelta(days=3)
# Letters of a folded surname that block person comparisons (see _surname_block).
SURNAME_BLOCK = 2


@dataclass(frozen=True)
class Member:
    """One per-article entity merged into an actor."""

    article_id: str
    entity_id: str
    name: str


@dataclass(frozen=True)
class Actor:
    id: str
    type: str
    name: str
    forms: tuple[str, ...]  # every surface form seen, most frequent first
    roles: tuple[tuple[str, str], ...]  # (role, article id that states it)
    members: tuple[Member, ...]


@dataclass(frozen=True)
class EventSource:
    """One article's report of a happening, with that article's status and evidence."""

    article_id: str
    event_id: str
    status: str
    date: str | None
    published: str | None
    trigger: tuple[int, int, str]
    sentence: tuple[int, int]


@dataclass(frozen=True)
class ResolvedEvent:
    id: str
    type: str
    subtype: str
    actors: tuple[str, ...]  # actor ids
    targets: tuple[str, ...]
    place: str | None
    date_from: str | None
    date_to: str | None
    sources: tuple[EventSource, ...]


@dataclass(frozen=True)
class Resolution:
    actors: tuple[Actor, ...]
    events: tuple[ResolvedEvent, ...]
    actor_of: dict[tuple[str, str], str]  # (article id, entity id) → actor id


def _stable_id(prefix: str, *parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}{digest}"


def _key(form: str) -> str:
    """A form as compared: accents, case, a leading "the" and a possessive set aside; a form
    in another script ("Москва") keeps its letters, case folded, rather than folding to
    nothing, so it still meets itself in other articles."""
    text = unicodedata.normalize("NFKD", form)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"['’]s$", "", text)
    return (re.sub(r"[^a-z0-9]+", " ", text).strip()
            or re.sub(r"\W+", " ", text.casefold()).strip())


def _ordered(records: Iterable[dict]) -> list[dict]:
    return sorted(records, key=lambda r: (r["article"].get("published") or "",
                                          r["article"]["id"]))


def local_order(local_id: str) -> tuple[int, str]:
    """Records' local ids in their natural order ("E2" before "E10"): the order in which an
    article's entities and events are resolved, whether they come from a record or a table."""
    digits = re.sub(r"\D", "", local_id)
    return (int(digits) if digits else -1, local_id)


def _in_order(items: Iterable[dict]) -> list[dict]:
    return sorted(items, key=lambda item: local_order(item["id"]))


def actor_keys(entity: dict) -> set[str]:
    """The keys through which an entity can meet another in actor resolution.

    Two entities can end in one actor only when a chain of shared keys links them: a person's
    full name is compared within its surname block and offers its last word to surname-only
    mentions; anything else merges on its folded forms and gazetteer names. So re-resolving
    the entities that share keys with a change, transitively, gives what a full run gives
    (store/incremental.py relies on this)."""
    type_, name = entity["type"], entity["name"]
    if type_ == "PERSON":
        words = name.split()
        if len(words) < 2:
            return {f"PERSON|last:{fold(name)}"}
        return {f"PERSON|block:{_surname_block(name)}", f"PERSON|last:{fold(words[-1])}"}
    return {f"{type_}|{k}" for k in _other_keys(entity)}


class _Cluster:
    def __init__(self, type_: str) -> None:
        self.type = type_
        self.members: list[tuple[str, dict]] = []  # (article id, entity record)


def _surname_block(name: str) -> str:
    """The first letters of a full name's folded surname: spellings of one surname share
    them ("Tsikhanouskaya"/"Tikhanovskaya", "Hrytsenko"/"Gritsenko"), so a name is compared
    only with the clusters of its block, not with every person seen."""
    return fold(" ".join(name.split()[1:]))[:SURNAME_BLOCK]


def _person_clusters(people: list[tuple[str, dict]]) -> list[_Cluster]:
    given = gazetteer.given_names()
    clusters: list[_Cluster] = []
    blocks: dict[str, list[tuple[_Cluster, list[str]]]] = {}
    spellings: dict[int, list[str]] = {}  # id(cluster) → its distinct full names
    by_name: dict[str, _Cluster] = {}
    by_last: dict[str, list[_Cluster]] = {}  # folded last word of a full name → clusters
    single: list[tuple[str, dict]] = []
    for article_id, e in people:
        if len(e["name"].split()) < 2:
            single.append((article_id, e))
            continue
        home = by_name.get(e["name"])  # the same spelling again: no comparison needed
        if home is None:
            block = blocks.setdefault(_surname_block(e["name"]), [])
            home = next((c for c, names in block if any(
                same_person_name(e["name"], n, given_names=given) for n in names)), None)
            if home is None:
                home = _Cluster("PERSON")
                clusters.append(home)
                block.append((home, spellings.setdefault(id(home), [])))
            spellings[id(home)].append(e["name"])
            by_name[e["name"]] = home
        home.members.append((article_id, e))
        last = by_last.setdefault(fold(e["name"].split()[-1]), [])
        if home not in last:
            last.append(home)
    alone_by_name: dict[str, _Cluster] = {}
    for article_id, e in single:
        surname = fold(e["name"])
        owners = by_last.get(surname, [])
        if len(owners) == 1:
            owners[0].members.append((article_id, e))
            continue
        # two people share the surname, or nobody has it yet: it stays its own actor
        alone = alone_by_name.get(surname)
        if alone is None:
            alone = alone_by_name[surname] = _Cluster("PERSON")
            clusters.append(alone)
        alone.members.append((article_id, e))
    return clusters


def _other_keys(e: dict, index: dict | None = None) -> set[str]:
    """Its forms as compared (case, accents, a leading "the" set aside) and its gazetteer names."""
    index = gazetteer.surface_index() if index is None else index
    keys = set()
    for form in (e["name"], *e.get("aliases", [])):
        keys.add(_key(form))
        entry = index.get(form)
        if entry is not None:
            keys.add("gazetteer:" + entry.name)
    keys.discard("")
    # a name of nothing but marks ("—" off a messy page) still meets itself, and has a key
    # for the rebuild and the updates to find it by
    return keys or {"name:" + e["name"].casefold()}


def _other_clusters(type_: str, entities: list[tuple[str, dict]]) -> list[_Cluster]:
    index = gazetteer.surface_index()
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    owned: dict[int, set[str]] = {}  # id(cluster) → the keys pointing at it
    merged: set[int] = set()  # ids of clusters folded into another
    for article_id, e in entities:
        keys = _other_keys(e, index)
        found = list({id(c): c for k in sorted(keys) if (c := by_key.get(k))}.values())
        home = found[0] if found else _Cluster(type_)
        if not found:
            clusters.append(home)
            owned[id(home)] = set()
        for other in found[1:]:  # this entity bridges two clusters: they are one
            home.members.extend(other.members)
            merged.add(id(other))
            for k in owned.pop(id(other)):
                by_key[k] = home
                owned[id(home)].add(k)
        home.members.append((article_id, e))
        for k in keys:
            by_key[k] = home
            owned[id(home)].add(k)
    return [c for c in clusters if id(c) not in merged]


def actor_name(type_: str, names: Counter) -> str:
    """The name an actor goes by: a full name for a person, then the most frequent, longest."""
    return max(names, key=lambda n: (len(n.split()) >= 2 or type_ != "PERSON", names[n],
                                     len(n), n))


def actor_id(type_: str, name: str) -> str:
    """An actor's id (before namesakes are numbered): stable while its name is."""
    return _stable_id("A", type_, _key(name))


def _actor(type_: str, members: list[tuple[str, dict]]) -> Actor:
    forms: Counter = Counter()
    for _, e in members:
        forms.update([e["name"], *e.get("aliases", [])])
    name = actor_name(type_, Counter(e["name"] for _, e in members))
    roles = tuple(sorted({(role, aid) for aid, e in members for role in e.get("roles", [])}))
    ordered = tuple(sorted(forms, key=lambda f: (-forms[f], f)))
    return Actor(id=actor_id(type_, name), type=type_, name=name, forms=ordered, roles=roles,
                 members=tuple(Member(aid, e["id"], e["name"]) for aid, e in members))


def number_namesakes(actors: list[Actor]) -> list[Actor]:
    """Two actors whose names fold to one key (two namesakes kept apart) get distinct ids,
    numbered in their sorted order, so ids stay stable and can key the store's tables."""
    seen: Counter = Counter()
    out = []
    for a in actors:
        seen[a.id] += 1
        out.append(a if seen[a.id] == 1 else replace(a, id=f"{a.id}-{seen[a.id]}"))
    return out


def resolve_actors(records: Iterable[dict]) -> tuple[tuple[Actor, ...], dict]:
    actors = number_namesakes(cluster_actors(records))
    actor_of = {(m.article_id, m.entity_id): a.id for a in actors for m in a.members}
    return tuple(actors), actor_of


def cluster_actors(records: Iterable[dict]) -> list[Actor]:
    """The actors of the records in (type, name) order, each with the id of its name:
    namesakes (two actors whose names fold to one key) are not numbered yet."""
    actors = [_actor(type_, members) for type_, members in entity_groups(records)]
    actors.sort(key=lambda a: (a.type, a.name, a.id))
    return actors


def entity_groups(records: Iterable[dict]) -> list[tuple[str, list[tuple[str, dict]]]]:
    """The clustering alone: each actor's type and (article id, entity) members.

    Which group an entity joins depends only on its name (a person) or its name and aliases
    (anything else) and on the names met before it, never on how often a name recurs: a
    spelling seen again joins the group of its first mention. So grouping one mention of
    each distinct name, in the order first met, gives the same groups (store/rebuild.py
    relies on this to resolve a store of any size in the memory of its distinct names)."""
    by_type: dict[str, list[tuple[str, dict]]] = {}
    for r in _ordered(records):
        for e in _in_order(r["entities"]):
            by_type.setdefault(e["type"], []).append((r["article"]["id"], e))
    groups = []
    for type_ in sorted(by_type):
        entities = by_type[type_]
        clusters = (_person_clusters(entities) if type_ == "PERSON"
                    else _other_clusters(type_, entities))
        groups.extend((type_, c.members) for c in clusters)
    return groups


def signature(entity: dict) -> tuple:
    """What decides an entity's group (see ``entity_groups``): mentions alike in it are one."""
    if entity["type"] == "PERSON":
        return (entity["type"], entity["name"])
    return (entity["type"], entity["name"], tuple(sorted(set(entity.get("aliases") or ()))))


def _day(value: str | None) -> date | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value)
    return None


def _dates_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    da, db = _day(a), _day(b)
    if da and db:
        return abs(da - db) <= SAME_DAY_WINDOW
    return a.startswith(b) or b.startswith(a)  # a day inside a month, a month inside a year


class _EventCluster:
    def __init__(self, type_: str, subtype: str) -> None:
        self.type, self.subtype = type_, subtype
        self.actors: list[str] = []
        self.targets: list[str] = []
        self.place: str | None = None
        self.sources: list[EventSource] = []

    @property
    def parties(self) -> set[str]:
        return set(self.actors) | set(self.targets)

    def dates(self) -> list[str]:
        return [s.date for s in self.sources if s.date]

    def accepts(self, type_: str, parties: set[str], place: str | None, when: str | None,
                published: str | None) -> bool:
        if type_ != self.type or not parties or not (parties <= self.parties or
                                                     self.parties <= parties):
            return False
        if place and self.place and place != self.place:
            return False
        dated = self.dates()
        if when and dated:
            return all(_dates_agree(when, d) for d in dated)
        anchors = [_day(d) for d in dated] or [_day(s.published) for s in self.sources]
        day = _day(when) or _day(published)
        anchors = [a for a in anchors if a]
        return day is not None and bool(anchors) and all(
            abs(day - a) <= UNDATED_WINDOW for a in anchors)


def resolve_events(records: Iterable[dict], actor_of: dict) -> tuple[ResolvedEvent, ...]:
    clusters: list[_EventCluster] = []
    # (type, actor id) → clusters with that party, in creation order: a report is compared
    # only with happenings that share a party, which is what accepts() requires anyway
    by_party: dict[tuple[str, str], set[int]] = {}
    index_of: dict[int, int] = {}  # id(cluster) → its position
    for r in _ordered(records):
        aid = r["article"]["id"]
        published = r["article"].get("published")
        for e in _in_order(r.get("events", [])):
            actors = [actor_of[(aid, x)] for x in e["actors"] if (aid, x) in actor_of]
            targets = [actor_of[(aid, x)] for x in e["targets"] if (aid, x) in actor_of]
            place = actor_of.get((aid, e["place"])) if e.get("place") else None
            parties = set(actors) | set(targets)
            source = EventSource(
                article_id=aid, event_id=e["id"], status=e["status"], date=e.get("date"),
                published=published,
                trigger=(e["trigger"]["start"], e["trigger"]["end"], e["trigger"]["text"]),
                sentence=(e["sentence"]["start"], e["sentence"]["end"]),
            )
            candidates = sorted({i for p in parties for i in by_party.get((e["type"], p), ())})
            home = next((clusters[i] for i in candidates if clusters[i].accepts(
                e["type"], parties, place, e.get("date"), published)), None)
            if home is None:
                home = _EventCluster(e["type"], e["subtype"])
                home.actors, home.targets = list(actors), [t for t in targets
                                                           if t not in actors]
                index_of[id(home)] = len(clusters)
                clusters.append(home)
            elif len(parties) > len(home.parties):
                home.actors, home.targets = list(actors), [t for t in targets
                                                           if t not in actors]
            for p in home.parties:
                by_party.setdefault((e["type"], p), set()).add(index_of[id(home)])
            home.place = home.place or place
            home.sources.append(source)
    out = []
    for c in clusters:
        first = c.sources[0]
        dated = sorted(c.dates())
        out.append(ResolvedEvent(
            id=_stable_id("V", c.type, first.article_id, first.event_id), type=c.type,
            subtype=c.subtype, actors=tuple(c.actors), targets=tuple(c.targets), place=c.place,
            date_from=dated[0] if dated else None, date_to=dated[-1] if dated else None,
            sources=tuple(c.sources),
        ))
    return tuple(out)


def resolve(records: Iterable[dict]) -> Resolution:
    """Actors and events across the given per-article records (dicts of the JSON contract)."""
    records = list(records)
    actors, actor_of = resolve_actors(records)
    return Resolution(actors=actors, events=resolve_events(records, actor_of), actor_of=actor_of)
