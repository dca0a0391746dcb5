"""Search (web/search.py) through the full-text index of migrations 0003 and 0005, on SQLite
(FTS5) and PostgreSQL (a stored tsvector with GIN, and the written order with a b-tree): words
and prefixes, kept in sync with every write, only the latest version of an article, rows
stored before each migration, hits newest written first and totals counted up to a cap (the
same on both databases), and the indexes in PostgreSQL's plans."""

from __future__ import annotations

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import text

from newsgraph.store.db import alembic_config, create, open_store, upgrade
from newsgraph.store.resolution import rebuild
from newsgraph.store.schema import articles
from newsgraph.web import create_app
from newsgraph.web import search as search_module
from newsgraph.web.readonly import open_readonly
from newsgraph.web.search import hit_queries, search, words
from tests.web_records import record, write_records

QUOTES = ["The grain ships will sail on Friday", "Nobody spoke about the harbour",
          "Migraines are common among the negotiators"]


def _stored(url: str, records: list[dict], batch_size: int = 32) -> None:
    engine = open_store(url)
    try:
        write_records(engine, records, batch_size=batch_size)
        rebuild(engine)
    finally:
        engine.dispose()


def _quotes(url: str, q: str) -> list[str]:
    engine = open_readonly(url)
    try:
        found = search(engine, q, 1, 50)
    finally:
        engine.dispose()
    assert found.quotes_total == len(found.quotes)
    return [x.text for x in found.quotes]


@pytest.fixture
def url(db_url) -> str:
    _stored(db_url, [record(i, published=f"2026-03-0{i + 1}", quote=quote, about="coal")
                     for i, quote in enumerate(QUOTES)])
    return db_url


def test_words_are_split_as_the_indexes_split_them():
    assert words("1,200 Tonnes of GRAIN!") == ["1", "200", "tonnes", "of", "grain"]
    assert words("  <script> ") == ["script"] and words("?!") == []
    assert len(words("a " * 50)) == 10


def test_a_word_of_a_quote_is_found(url):
    assert _quotes(url, "grain") == [QUOTES[0]]
    assert _quotes(url, "GRAIN") == [QUOTES[0]]
    assert _quotes(url, "gra") == [QUOTES[0]]  # a word's beginning
    assert _quotes(url, "friday grain") == [QUOTES[0]]  # every word, in any order
    assert _quotes(url, "grain harbour") == []
    assert _quotes(url, "raine") == []  # words, not substrings ("Migraines")
    assert _quotes(url, "migraine") == [QUOTES[2]]


def test_figures_by_their_text_or_what_they_count(url):
    engine = open_readonly(url)
    try:
        found = search(engine, "coal", 1, 2)
        assert found.figures_total == 3 and len(found.figures) == 2
        assert {f.about for f in found.figures} == {"coal"}
        assert [f.text for f in search(engine, "101 tonnes", 1, 50).figures] == ["101 tonnes"]
        assert search(engine, "?!", 1, 50).quotes_total == 0  # no words: nothing, no error
    finally:
        engine.dispose()


def test_the_index_follows_every_write_newest_first(url):
    assert _quotes(url, "harbour") == [QUOTES[1]]
    _stored(url, [record(10, published="2026-03-09", quote="The harbour is closed")])
    assert _quotes(url, "harbour") == ["The harbour is closed", QUOTES[1]]


@pytest.mark.parametrize("batch_size", [1, 2])
def test_only_the_latest_version_is_searched(db_url, batch_size):
    page = "https://example.org/story"
    versions = [record(1, published="2026-03-01", quote="Early words on steel", url=page),
                record(2, published="2026-03-01", quote="Later words on steel", url=page)]
    _stored(db_url, versions, batch_size=batch_size)  # in one batch, or one after the other
    assert _quotes(db_url, "steel") == ["Later words on steel"]
    assert _quotes(db_url, "early") == []


def test_deleting_an_article_drops_its_entries(url):
    engine = open_store(url)
    try:
        with engine.begin() as conn:
            conn.execute(articles.delete().where(articles.c.title == "Report 0"))
            if conn.dialect.name == "sqlite":
                assert conn.scalar(text("SELECT count(*) FROM quotes_search")) == 2
    finally:
        engine.dispose()
    assert _quotes(url, "grain") == []


def test_the_migration_indexes_rows_already_stored(db_url):
    engine = create(db_url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002")
        write_records(engine, [record(1, published="2026-03-01", quote="Stored before search")])
        upgrade(engine)  # 0003 onwards
        rebuild(engine)
    finally:
        engine.dispose()
    assert _quotes(db_url, "before") == ["Stored before search"]
    _stored(db_url, [record(2, published="2026-03-02", quote="Stored after search")])
    assert _quotes(db_url, "stored") == ["Stored after search", "Stored before search"]


def test_the_migration_to_0005_keeps_rows_stored_at_0004_searchable(db_url):
    engine = create(db_url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0004")
        write_records(engine, [record(n, published="2026-03-01", quote=f"Ferry talks {n}")
                               for n in range(4)])
        upgrade(engine)  # 0005: PostgreSQL's stored vectors and written order filled in
        rebuild(engine)
    finally:
        engine.dispose()
    assert _quotes(db_url, "ferry") == [f"Ferry talks {n}" for n in (3, 2, 1, 0)]
    _stored(db_url, [record(9, published="2026-03-02", quote="Ferry talks resumed")])
    assert _quotes(db_url, "ferry talks")[:2] == ["Ferry talks resumed", "Ferry talks 3"]


@pytest.mark.parametrize("batch_size", [32, 2])
def test_hits_come_newest_written_first_on_both_databases(db_url, batch_size):
    """The order rows were written, not the articles' ids (content hashes), within a batch
    and across batches alike."""
    _stored(db_url, [record(n, published="2026-03-01", quote=f"Harbour talk {n}")
                     for n in range(6)], batch_size=batch_size)
    assert _quotes(db_url, "harbour") == [f"Harbour talk {n}" for n in range(5, -1, -1)]


def test_totals_are_counted_up_to_the_cap_and_pages_end_there(db_url, monkeypatch):
    monkeypatch.setattr(search_module, "CAP", 3)
    _stored(db_url, [record(n, published="2026-03-01", quote=f"Harbour talk {n}", about="salt")
                     for n in range(5)])
    engine = open_readonly(db_url)
    try:
        first = search(engine, "harbour", 1, 2)
        assert (first.quotes_total, first.quotes_capped) == (3, True)
        assert [q.text for q in first.quotes] == ["Harbour talk 4", "Harbour talk 3"]
        second = search(engine, "harbour", 2, 2)
        assert [q.text for q in second.quotes] == ["Harbour talk 2"]  # the third, the last
        assert search(engine, "harbour", 3, 2).quotes == []
        exact = search(engine, "talk 1", 1, 50)  # under the cap: the real total
        assert (exact.quotes_total, exact.quotes_capped) == (1, False)
        assert (first.figures_total, first.figures_capped) == (0, False)
        salt = search(engine, "salt", 1, 50)
        assert (salt.figures_total, salt.figures_capped, len(salt.figures)) == (3, True, 3)
    finally:
        engine.dispose()
    app = create_app(db_url)
    try:
        with TestClient(app) as client:
            found = client.get("/search.json", params={"q": "harbour"}).json()
            assert (found["quotes_total"], found["quotes_capped"]) == (3, True)
            assert (found["figures_total"], found["figures_capped"]) == (0, False)
            html = client.get("/search", params={"q": "harbour"}).text
            assert "Quotes <small>3+</small>" in html and "Figures <small>0</small>" in html
            assert "the first 3 of each list" in html
    finally:
        app.state.engine.dispose()


def test_postgresql_reads_stored_vectors_through_its_indexes(url):
    engine = open_readonly(url)
    if engine.dialect.name != "postgresql":
        engine.dispose()
        pytest.skip("SQLite reads FTS5 tables, which are the index")
    try:
        for table in ("quotes", "quantities"):
            count_sql, page_sql, match = hit_queries("postgresql", table, ["grain"])
            params = {"q": match, "n": 50, "o": 0, "cap": 1001}
            with engine.connect() as conn:
                conn.execute(text("SET enable_seqscan = off"))  # a tiny table: no seq scan
                count_plan = " ".join(conn.scalars(text(f"EXPLAIN {count_sql}"), params))
                conn.execute(text("SET enable_bitmapscan = off"))  # as for a word in every
                conn.execute(text("SET enable_sort = off"))  # row: read in order, stop at n
                page_plan = " ".join(conn.scalars(text(f"EXPLAIN {page_sql}"), params))
            assert f"ix_{table}_search " in count_plan, count_plan  # the GIN index
            assert f"Index Scan Backward using ix_{table}_search_order" in page_plan, page_plan
            assert "Sort" not in page_plan, page_plan
            for plan in (count_plan, page_plan):  # stored vectors, never computed again
                assert "to_tsvector" not in plan, plan
    finally:
        engine.dispose()
