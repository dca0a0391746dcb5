"""The schema and its migrations (store/schema.py, store/migrations/).

Every test taking ``db_url`` runs twice: on a SQLite file and on a real PostgreSQL server.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, text

from newsgraph.store.db import current_revision, head_revision, open_store
from newsgraph.store.schema import articles, entities, in_metadata, metadata


@pytest.fixture
def engine(db_url):
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def test_opening_applies_the_migrations_and_records_the_revision(engine):
    assert head_revision() == "0005"
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [
            head_revision()
        ]
    assert set(metadata.tables) <= set(inspect(engine).get_table_names())


def test_migrated_database_matches_schema_py_exactly(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": in_metadata})
        assert compare_metadata(context, metadata) == []


def test_opening_again_changes_nothing(db_url, engine):
    again = open_store(db_url)
    try:
        assert current_revision(again) == head_revision()
        with again.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM alembic_version")) == 1
    finally:
        again.dispose()


def test_indexes_for_the_obvious_filters(engine):
    def indexed(table: str) -> list[list[str]]:
        return [ix["column_names"] for ix in inspect(engine).get_indexes(table)]

    assert ["name"] in indexed("entities")
    assert ["type", "date"] in indexed("events") and ["date"] in indexed("events")
    assert ["article_id", "speaker"] in indexed("quotes")
    assert ["published"] in indexed("articles")
    assert ["article_id", "entity_id"] in indexed("event_participants")


def test_child_rows_go_with_their_article(engine):
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        conn.execute(articles.insert(), {
            "id": "a" * 16, "lineage": "x.txt", "version": 1, "source": "x.txt",
            "language": "en", "text": "t", "schema_version": "1", "record": {},
            "ingested_at": now,
        })
        conn.execute(entities.insert(), {
            "article_id": "a" * 16, "id": "E1", "type": "PERSON", "name": "Elena Marsh",
            "aliases": [], "roles": [], "role_mentions": [], "mentions": [],
        })
    with engine.begin() as conn:
        conn.execute(articles.delete())
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(entities)) == 0


def test_foreign_keys_are_enforced(engine):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(entities.insert(), {
            "article_id": "missing", "id": "E1", "type": "PERSON", "name": "Nobody",
            "aliases": [], "roles": [], "role_mentions": [], "mentions": [],
        })


def test_the_resolved_layer_has_its_tables_and_indexes(engine):
    from newsgraph.store.schema import RESOLVED_TABLES

    names = set(inspect(engine).get_table_names())
    assert {t.name for t in RESOLVED_TABLES} <= names

    def indexed(table: str) -> list[list[str]]:
        return [ix["column_names"] for ix in inspect(engine).get_indexes(table)]

    assert ["key"] in indexed("actor_forms")
    assert ["actor_id"] in indexed("actor_members")
    assert ["date_from"] in indexed("resolved_events") and ["type"] in indexed("resolved_events")
    assert ["actor_id"] in indexed("resolved_event_parties")
    assert ["event_id"] in indexed("event_sources")
    assert ["supersedes"] in indexed("articles")
    fks = {fk["name"] for t in ("actor_members", "event_sources")
           for fk in inspect(engine).get_foreign_keys(t)}
    if engine.dialect.name == "postgresql":  # SQLite does not keep foreign key names
        assert "fk_actor_members_article_id_entity_id_entities" in fks
        assert "fk_event_sources_article_id_event_local_id_events" in fks


def test_0005_counts_the_network_of_a_store_built_at_0004(db_url):
    """The migration fills ``network_edges`` from the rows already stored; from then on the
    triggers keep it (tests/test_web_pictures.py)."""
    from alembic import command

    from newsgraph.store.db import alembic_config, create, upgrade
    from newsgraph.store.resolution import rebuild
    from newsgraph.store.schema import network_edges
    from tests.test_web_pictures import _counted, _stories
    from tests.web_records import write_records

    engine = create(db_url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0004")
        write_records(engine, _stories(0, 10))
        rebuild(engine)
        upgrade(engine)
        with engine.connect() as conn:
            kept = {tuple(r) for r in conn.execute(select(network_edges))}
            assert kept and kept == _counted(conn)
            assert {r[0] for r in kept} == {"meeting", "co-quote"}
    finally:
        engine.dispose()


def test_0005_goes_down_and_up_again(engine):
    from alembic import command

    from newsgraph.store.db import alembic_config

    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0004")
    assert current_revision(engine) == "0004"
    assert "network_edges" not in inspect(engine).get_table_names()
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": in_metadata})
        assert compare_metadata(context, metadata) == []
