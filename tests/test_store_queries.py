"""Reading the store back (store/queries.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from newsgraph.errors import InputRejected
from newsgraph.store import queries
from newsgraph.store.db import open_store
from newsgraph.store.ingest import write
from tests.test_store_ingest import full_record, small_record


@pytest.fixture
def engine(db_url):
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def test_articles_by_source_and_version(engine):
    old, new = small_record("Old text.", "b.txt"), small_record("New text.", "b.txt")
    write(engine, [old, full_record(), new])
    listed = queries.articles(engine)
    assert [(a.source, a.version) for a in listed] == [("b.txt", 1), ("b.txt", 2),
                                                       ("oslo.txt", 1)]
    assert listed[1].supersedes == old.article.id
    assert listed[2].published.isoformat() == "2026-03-11" and listed[2].outlet == "Wire"
    assert all(a.ingested_at.tzinfo is not None for a in listed)


def test_record_round_trips(engine):
    extraction = full_record()
    write(engine, [extraction])
    assert queries.record(engine, extraction.article.id) == extraction.to_dict()
    assert queries.record(engine, "0" * 16) is None


def test_rejects_most_recent_first_in_utc(engine):
    write(engine, [InputRejected("a.txt", "empty file")])
    write(engine, [InputRejected("b.html", "broken HTML: no article text found")])
    listed = queries.rejects(engine)
    assert [r.source for r in listed] == ["b.html", "a.txt"]
    assert all(r.first_seen.utcoffset() == timedelta(0) for r in listed)
