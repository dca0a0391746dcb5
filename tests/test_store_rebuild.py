"""The rebuild one component at a time (store/rebuild.py): whatever the batches, the layer is
what one resolution of every record gives, and no batch holds more than whole components.

Records come from the small world of tests/test_store_incremental.py (spelling variants,
surname-only mentions, namesakes, gazetteer variants, corrected versions), stored through
the real writer, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from newsgraph.model import Article, Entity, Extraction, Span, article_id
from newsgraph.resolve import resolve, signature
from newsgraph.store import inputs, rebuild, resolution
from newsgraph.store.db import open_store
from newsgraph.store.ingest import write
from newsgraph.store.resolution import current_articles
from newsgraph.store.schema import (
    RESOLVED_TABLES,
    articles,
    entities,
    event_participants,
    events,
)
from tests.test_store_incremental import batches
from tests.test_store_resolution import resolved


def test_components_join_keys_and_batch_whole_components():
    parts = rebuild.Components()
    parts.link(["a", "b"])
    parts.link(["c"])
    parts.link(["b", "d"])  # joins a-b with d
    parts.link(["e"])
    parts.link(["e"])
    assert parts.root("a") == parts.root("d") != parts.root("c")
    assert sorted(parts.size.values()) == [1, 2, 2]  # items per component
    batches_of_two = [sorted(b) for b in parts.batches(2)]
    assert sorted(map(tuple, batches_of_two)) == [("a", "b", "d"), ("c", "e")]
    assert [sorted(b) for b in parts.batches(10)] == [["a", "b", "c", "d", "e"]]


def all_records(conn, article_ids: set[str]) -> list[dict]:
    """Every entity and event of these articles, as records resolution reads, all at once."""
    found = inputs.entity_inputs(conn, inputs.by_articles(entities, article_ids))
    reports = inputs.event_inputs(conn, inputs.by_articles(events, article_ids),
                                  inputs.by_articles(event_participants, article_ids))
    return inputs.grouped(conn, {"entities": found, "events": reports}, article_ids)


def reference_rows(records: list[dict]) -> dict[str, list[dict]]:
    """The resolved tables' rows of one ``resolve.resolve`` over all the records."""
    resolved = resolve(records)
    entity = {(r["article"]["id"], e["id"]): e for r in records for e in r["entities"]}
    out: dict[str, list[dict]] = {t.name: [] for t in RESOLVED_TABLES}
    for table, new in (*resolution.actor_rows(resolved.actors, entity).items(),
                       *resolution.event_rows(resolved.events).items()):
        out[table].extend(new)
    out["resolved_articles"] = [{"article_id": r["article"]["id"]} for r in records]
    out["resolution_keys"] = resolution.key_rows(entity)
    return out


def reference(engine) -> dict[str, list[dict]]:
    """The layer ``resolve.resolve`` gives over every current record at once."""
    with engine.begin() as conn:
        current = set(conn.scalars(select(articles.c.id).where(current_articles())))
        rows = reference_rows(all_records(conn, current))
        for table in reversed(RESOLVED_TABLES):
            conn.execute(table.delete())
        for table in RESOLVED_TABLES:
            if rows[table.name]:
                conn.execute(table.insert(), rows[table.name])
    return resolved(engine)


def rebuilt(engine, batch: int) -> dict[str, list[dict]]:
    with engine.begin() as conn:
        current = set(conn.scalars(select(articles.c.id).where(current_articles())))
        rebuild.rebuild(conn, current, batch=batch)
    return resolved(engine)


@pytest.fixture
def store(db_url):
    engine = open_store(db_url)
    yield engine
    engine.dispose()


@pytest.mark.parametrize("seed", [11, 12])
def test_a_rebuild_equals_one_resolution_of_everything(store, seed, monkeypatch):
    for batch in batches(seed, steps=12):
        write(store, batch)
    clustered: list[int] = []
    real = rebuild.entity_groups
    monkeypatch.setattr(rebuild, "entity_groups", lambda records: (
        clustered.append(sum(len(r["entities"]) for r in records)), real(records))[1])
    layer = rebuilt(store, batch=1)
    assert layer == reference(store)
    assert layer["actors"] and layer["resolved_events"] and layer["resolution_keys"]
    # each distinct name clustered once, a component at a time: what bounds the memory
    mentions = [e for r in _all_records(store) for e in r["entities"]]
    assert sum(clustered) == len({signature(e) for e in mentions}) < len(mentions)
    assert len(clustered) > 3


def test_the_reports_are_resolved_a_component_at_a_time(store, monkeypatch):
    for batch in batches(13, steps=12):
        write(store, batch)
    sizes: list[int] = []
    real = rebuild.resolve_events
    monkeypatch.setattr(rebuild, "resolve_events", lambda records, actor_of: (
        sizes.append(sum(len(r["events"]) for r in records)), real(records, actor_of))[1])
    assert rebuilt(store, batch=1) == reference(store)
    reports = sum(len(r["events"]) for r in _all_records(store))
    assert sum(sizes) == reports and max(sizes) < reports


def _all_records(engine) -> list[dict]:
    with engine.connect() as conn:
        current = set(conn.scalars(select(articles.c.id).where(current_articles())))
        return all_records(conn, current)


def _places(text: str, names: list[tuple[str, tuple[str, ...]]], day: date) -> Extraction:
    entities = tuple(Entity(f"E{i}", "GPE", name, aliases=aliases,
                            mentions=(Span(text.index(name), text.index(name) + len(name),
                                           name),))
                     for i, (name, aliases) in enumerate(names, start=1))
    return Extraction(article=Article(id=article_id(text), text=text, source=f"{day}.txt",
                                      title=text.split("\n")[0], published=day),
                      entities=entities)


def test_namesakes_in_different_batches_are_numbered_as_one_resolution_numbers_them(store):
    """Names of nothing but marks (a messy page's "–", "—", "―") fold to one id, so their
    actors are namesakes, numbered by name. The "–" also goes by "Zeta", which puts its
    component after the others, which took the ids first: the rebuild has to renumber."""
    write(store, [
        _places("Border\n\nTrucks waited at — and ―.", [("—", ()), ("―", ())],
                date(2026, 3, 2)),
        _places("Shelling\n\nArtillery hit –, known as Zeta.", [("–", ("Zeta",))],
                date(2026, 3, 3)),
    ])
    layer = rebuilt(store, batch=1)
    assert layer == reference(store)
    ids = {a["name"]: a["id"] for a in layer["actors"]}
    base = ids["–"]
    assert (ids["—"], ids["―"]) == (f"{base}-2", f"{base}-3")


def test_a_place_in_another_script_is_one_actor_across_articles(store):
    write(store, [
        _places("Border\n\nTrucks waited at Бора.", [("Бора", ())], date(2026, 3, 2)),
        _places("Shelling\n\nArtillery hit Бора and Вега.", [("Бора", ()), ("Вега", ())],
                date(2026, 3, 3)),
    ])
    layer = rebuilt(store, batch=1)
    assert layer == reference(store)
    members = {a["name"]: sum(m["actor_id"] == a["id"] for m in layer["actor_members"])
               for a in layer["actors"]}
    assert members == {"Бора": 2, "Вега": 1}


def test_a_rebuild_keeps_no_actor_without_members_and_every_entity_has_one(store):
    for batch in batches(21, steps=6):
        write(store, batch)
    layer = rebuilt(store, batch=2)
    members = {(m["article_id"], m["entity_id"]) for m in layer["actor_members"]}
    assert {(r["article"]["id"], e["id"]) for r in _all_records(store)
            for e in r["entities"]} == members
    assert {a["id"] for a in layer["actors"]} == {m["actor_id"] for m in layer["actor_members"]}
