"""Opening a store (store/db.py): URLs, SQLite settings, revisions it refuses."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from newsgraph.store.db import StoreError, create, normalize_url, open_store


@pytest.fixture
def engine(db_url):
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def test_a_newer_schema_revision_is_refused(db_url, engine):
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="9999"):
        open_store(db_url)


def test_sqlite_runs_in_wal_mode(tmp_path):
    engine = open_store(f"sqlite:///{tmp_path / 'kb.db'}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()


def test_urls():
    assert normalize_url("postgresql://u@localhost/news").drivername == "postgresql+psycopg"
    assert normalize_url("postgres://u@localhost/news").drivername == "postgresql+psycopg"
    bare = normalize_url("some/dir/kb.db")
    assert (bare.drivername, bare.database) == ("sqlite", "some/dir/kb.db")
    assert normalize_url("sqlite:///kb.db").database == "kb.db"
    with pytest.raises(StoreError):
        create("nonsense://")
    with pytest.raises(StoreError):
        create("mysql+nodriver://u@h/db")


def test_a_missing_sqlite_file_is_not_created_for_reading(tmp_path):
    path = tmp_path / "absent.db"
    with pytest.raises(StoreError, match="no store"):
        open_store(path, create_missing=False)
    assert not path.exists()
