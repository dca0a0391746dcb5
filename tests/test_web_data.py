"""The web's paginated lists (web/data.py) over a store of hand-written records, on SQLite and
PostgreSQL: the timeline and the article list keep their order (undated last) and their
pages across the dated/undated boundary, and on SQLite each pass reads an index in order
instead of sorting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import case, select, text

from newsgraph.store.db import open_store
from newsgraph.store.resolution import rebuild
from newsgraph.store.schema import articles, resolved_events
from newsgraph.web import data
from newsgraph.web.readonly import open_readonly
from tests.web_records import record, write_records

DATED, UNDATED, NO_DATE = 7, 5, 3  # dated events, undated events, articles without a date


def _day(start: date, step: int) -> str:
    return (start + timedelta(days=step)).isoformat()


def _records() -> list[dict]:
    """Reports far enough apart (10 days) that each is its own event; one dated by month."""
    out = [record(i, published=_day(date(2026, 1, 2), 10 * i),
                  date=_day(date(2026, 1, 1), 10 * i)) for i in range(DATED)]
    out.append(record(DATED, published="2025-11-20", date="2025-11"))
    out += [record(100 + i, published=_day(date(2026, 6, 1), 10 * i)) for i in range(UNDATED)]
    out += [record(200 + i, published=None, people=("Mira Olsen", f"Karel {name}"))
            for i, name in enumerate(["Dahl", "Novak", "Fenn"][:NO_DATE])]
    # two more reports on the first day (ties in the article list), of one undated meeting
    out += [record(300 + i, published="2026-01-02", people=("Greta Holm", "Oskar Strand"))
            for i in range(2)]
    return out


@pytest.fixture
def engine(db_url):
    writer = open_store(db_url)
    write_records(writer, _records(), batch_size=4)
    rebuild(writer)
    writer.dispose()
    engine = open_readonly(db_url)
    yield engine
    engine.dispose()


def test_timeline_order_and_pages_across_the_undated_boundary(engine):
    t = resolved_events.c
    with engine.connect() as conn:  # the order the timeline always had: one sort, undated last
        expected = list(conn.scalars(select(t.id).order_by(
            case((t.date_from.is_(None), 1), else_=0), t.date_from, t.date_to, t.id)))
        undated = set(conn.scalars(select(t.id).where(t.date_from.is_(None))))
        by_month = conn.scalar(select(t.id).where(t.date_from == "2025-11"))
    # the articles without a date give undated events too (no day to anchor them to), and
    # the two reports of the undated meeting on 2 January one more
    assert len(undated) == UNDATED + NO_DATE + 1 and len(expected) == DATED + 1 + len(undated)
    assert set(expected[-len(undated):]) == undated and expected[0] == by_month

    for per_page in (1, 2, 3, 5, 8, 50):
        ids, pages = [], data.timeline(engine, data.EventFilter(), 1, per_page).paging.pages
        for page in range(1, pages + 1):
            found = data.timeline(engine, data.EventFilter(), page, per_page)
            assert found.paging.total == len(expected)
            ids += [e.id for e in found.events]
        assert ids == expected, per_page
    past = data.timeline(engine, data.EventFilter(), 99, 5)
    assert past.events == [] and past.paging.total == len(expected)


def test_timeline_filters_keep_the_order(engine):
    f = data.EventFilter(actor="varga", date_from="2026-01", type="consult")
    found = data.timeline(engine, f, 1, 200).events
    dates = [e.date_from for e in found]
    assert dates == sorted(dates) and all(d >= "2026-01" for d in dates) and len(dates) == DATED


def test_article_list_order_and_pages_across_the_undated_boundary(engine):
    a = articles.c
    with engine.connect() as conn:
        expected = list(conn.scalars(select(a.id).order_by(
            case((a.published.is_(None), 1), else_=0), a.published.desc(), a.id)))
    assert len(expected) == DATED + 1 + UNDATED + NO_DATE + 2

    for per_page in (1, 2, 4, 6, 50):
        ids, pages = [], data.article_list(engine, 1, per_page).paging.pages
        for page in range(1, pages + 1):
            found = data.article_list(engine, page, per_page)
            assert found.paging.total == len(expected)
            ids += [row.id for row in found.articles]
        assert ids == expected, per_page
    assert [r.published for r in data.article_list(engine, 1, 50).articles][-NO_DATE:] == [
        None] * NO_DATE


def _plan(engine, query) -> str:
    sql = query.limit(50).offset(100).compile(engine, compile_kwargs={"literal_binds": True})
    with engine.connect() as conn:
        return " | ".join(r[-1] for r in conn.execute(text(f"EXPLAIN QUERY PLAN {sql}")))


@pytest.mark.parametrize("passes", ["timeline", "articles"])
def test_each_pass_reads_an_index_in_order_without_sorting(engine, passes):
    if engine.dialect.name != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")
    if passes == "timeline":
        queries, index = data.timeline_passes(data.EventFilter()), "ix_resolved_events_timeline"
    else:
        queries, index = data.article_passes(), "ix_articles_newest"
    for query in queries:
        plan = _plan(engine, query)
        assert index in plan and "TEMP B-TREE" not in plan, plan


def test_co_actors_are_counted_in_a_sample_of_a_busy_actors_articles(engine, monkeypatch):
    varga = next(a.id for a in data.timeline(engine, data.EventFilter(actor="ilse varga"), 1,
                                             1).events[0].actors)
    exact = data.actor(engine, varga, 1, 50)
    # every report names Varga and Brandt (UNDATED and DATED ones, and the one by month)
    assert exact.articles == exact.co_actors_counted_in == DATED + 1 + UNDATED
    assert [(c.actor.name, c.articles) for c in exact.co_actors][0] == (
        "Torvald Brandt", exact.articles)
    monkeypatch.setattr(data, "CO_SAMPLE", 4)
    sampled = data.actor(engine, varga, 1, 50)
    assert (sampled.articles, sampled.co_actors_counted_in) == (exact.articles, 4)
    assert [(c.actor.name, c.articles) for c in sampled.co_actors][0] == ("Torvald Brandt", 4)
