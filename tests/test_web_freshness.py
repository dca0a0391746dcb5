"""The pictures are computed once per state of the store (web/freshness.py), on SQLite and
PostgreSQL: asked again, they are not recomputed; after an ingest and a rebuild they are, and
show the new event."""

from __future__ import annotations

import pytest

from newsgraph.store.db import open_store
from newsgraph.store.resolution import rebuild
from newsgraph.web import create_app
from newsgraph.web.freshness import StoreState
from newsgraph.web.readonly import open_readonly
from tests.web_records import record, write_records
from tests.web_store import client_for


def _ingest_and_resolve(url: str, records: list[dict]) -> None:
    engine = open_store(url)
    try:
        write_records(engine, records)
        rebuild(engine)
    finally:
        engine.dispose()


@pytest.fixture
def url(db_url) -> str:
    _ingest_and_resolve(db_url, [record(1, published="2026-03-02", date="2026-03-01")])
    return db_url


def _days(client) -> set[str]:
    return {d["date"] for d in client.get("/charts.json").json()["days"]}


def test_charts_are_cached_until_the_store_changes(url):
    app = create_app(url)
    with client_for(app) as client:
        assert _days(client) == {"2026-03-01"}
        state = StoreState(app.state.engine)
        try:
            before = state.marker()
            assert _days(client) == {"2026-03-01"}
            assert client.get("/charts").status_code == 200
            assert client.get("/charts/network.svg").status_code == 200
            if state.marker() == before:  # nothing committed meanwhile (PostgreSQL: anywhere)
                assert app.state.charts.computed == 1
            computed = app.state.charts.computed

            _ingest_and_resolve(url, [record(2, published="2026-04-11", date="2026-04-10")])
            assert state.marker() != before
            assert _days(client) == {"2026-03-01", "2026-04-10"}
            assert app.state.charts.computed == computed + 1
        finally:
            state.close()


def test_the_marker_moves_with_each_commit_and_only_then_on_sqlite(url):
    engine = open_readonly(url)
    state = StoreState(engine)
    try:
        first = state.marker()
        if engine.dialect.name == "sqlite":
            assert state.marker() == first
        _ingest_and_resolve(url, [record(3, published="2026-05-02")])
        second = state.marker()
        assert second != first
        if engine.dialect.name == "sqlite":
            assert state.marker() == second
    finally:
        state.close()
        engine.dispose()
