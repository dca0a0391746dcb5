"""The consistency check and the snapshot (store/check.py) the crash tests rely on."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from newsgraph.errors import InputRejected
from newsgraph.store.check import TIMESTAMPS, problems, snapshot
from newsgraph.store.db import open_store
from newsgraph.store.ingest import write
from newsgraph.store.schema import articles, entities, event_participants
from tests.test_store_ingest import full_record, small_record


@pytest.fixture
def engine(db_url):
    engine = open_store(db_url)
    write(engine, [full_record(), small_record("First text.", "a.txt"),
                   small_record("Second text.", "a.txt"), InputRejected("b.txt", "empty file")])
    yield engine
    engine.dispose()


def test_a_whole_store_has_no_problems(engine):
    assert problems(engine) == []


def test_a_missing_child_row_is_found(engine):
    aid = full_record().article.id
    with engine.begin() as conn:
        conn.execute(entities.delete().where(entities.c.id == "E2"))
        conn.execute(event_participants.delete())
    found = problems(engine)
    assert f"article {aid}: 2 entities rows, record has 3" in found
    assert f"article {aid}: 0 event_participants rows, record has 2" in found


def test_a_broken_version_chain_is_found(engine):
    with engine.begin() as conn:
        conn.execute(update(articles).where(articles.c.version == 2).values(supersedes=None))
    [line] = problems(engine)
    assert "lineage a.txt: version 2" in line


def test_snapshot_holds_content_not_times(engine):
    shot = snapshot(engine)
    assert set(shot) == {"articles", "entities", "quotes", "quantities", "times", "events",
                         "event_participants", "stances", "rejects", "actors", "actor_forms",
                         "actor_roles", "actor_members", "resolved_events",
                         "resolved_event_parties", "event_sources", "resolved_articles",
                         "resolution_keys", "network_edges"}
    assert len(shot["articles"]) == 3 and len(shot["rejects"]) == 1
    for rows in shot.values():
        for row in rows:
            assert not TIMESTAMPS & set(row)
    assert shot == snapshot(engine)
