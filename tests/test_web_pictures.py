"""The numbers behind the pictures (web/pictures.py) over hand-written records, on SQLite and
PostgreSQL: only the latest MAX_DAYS day-dated days are counted, each with its events and
sources; month-dated events have no bar. The network's edges (``network_edges``, kept by the
triggers of migration 0005) equal a count from scratch after every kind of write: ingest, a
rebuild, an incremental update, a new version, rows deleted with their parents."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date, timedelta
from itertools import combinations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from newsgraph.model import article_id
from newsgraph.store.db import open_store
from newsgraph.store.resolution import rebuild, update
from newsgraph.store.schema import RESOLVED_TABLES, articles, network_edges
from newsgraph.web.pictures import MAX_DAYS, charts
from newsgraph.web.readonly import open_readonly
from tests.web_records import record, write_records


def test_the_latest_days_are_counted(db_url):
    days = [(date(2026, 1, 1) + timedelta(days=5 * i)).isoformat() for i in range(MAX_DAYS + 3)]
    records = [record(i, published=day, date=day) for i, day in enumerate(days)]
    records.append(record(500, published="2027-06-20", date="2027-06",  # a month: no bar
                          people=("Mira Olsen", "Karel Dahl")))
    engine = open_store(db_url)
    write_records(engine, records)
    rebuild(engine)
    engine.dispose()
    engine = open_readonly(db_url)
    try:
        found = charts(engine)
    finally:
        engine.dispose()
    assert [d.date for d in found.days] == days[-MAX_DAYS:]
    assert {(d.type, d.events, d.sources) for d in found.days} == {("CONSULT", 1, 1)}
    assert {n.name for n in found.nodes} == {"Ilse Varga", "Torvald Brandt", "Mira Olsen",
                                             "Karel Dahl"}


# --- the network, kept by the store's triggers (migration 0005) -----------------------------

PEOPLE = [("Ilse Varga", "Torvald Brandt"), ("Mira Olsen", "Karel Dahl"),
          ("Ilse Varga", "Mira Olsen"), ("Torvald Brandt", "Karel Dahl")]


def _two_speakers(n: int, people: tuple[str, str], **kwargs) -> dict:
    """Article ``n`` of ``record``, in which the second person answers with a quote too."""
    out = record(n, people=people, **kwargs)
    text = out["article"]["text"] + " \"Not so,\" the other replied."
    at = text.index("Not so")
    out["article"]["text"] = text
    out["article"]["id"] = article_id(text)
    out["quotes"].append({"id": "Q2", "kind": "direct", "speaker": "E2", "cue": "replied",
                          "start": at, "end": at + len("Not so"), "text": "Not so"})
    return out


def _stories(first: int, count: int, **kwargs) -> list[dict]:
    return [(_two_speakers if i % 2 else record)(
        i, people=PEOPLE[i % len(PEOPLE)], published=f"2026-04-{1 + i % 28:02d}",
        date=f"2026-04-{1 + (i % 3):02d}", **kwargs) for i in range(first, first + count)]


def _counted(conn) -> set[tuple[str, str, str, int]]:
    """The edges counted from scratch, in Python, from the tables the triggers follow."""
    edges: Counter = Counter()
    consult = set(conn.scalars(text("SELECT id FROM resolved_events WHERE type = 'CONSULT'")))
    parties: dict[str, set[str]] = defaultdict(set)
    for event, actor in conn.execute(text(
            "SELECT event_id, actor_id FROM resolved_event_parties")):
        parties[event].add(actor)
    for event, in conn.execute(text("SELECT event_id FROM event_sources")):
        if event in consult:
            edges.update(("meeting", *pair) for pair in combinations(sorted(parties[event]), 2))
    speakers: dict[str, set[str]] = defaultdict(set)
    for article, actor in conn.execute(text(
            "SELECT q.article_id, m.actor_id FROM quotes q JOIN actor_members m "
            "ON m.article_id = q.article_id AND m.entity_id = q.speaker "
            "JOIN resolved_articles r ON r.article_id = q.article_id")):
        speakers[article].add(actor)
    for found in speakers.values():
        edges.update(("co-quote", *pair) for pair in combinations(sorted(found), 2))
    return {(*key, n) for key, n in edges.items()}


def _kept(engine) -> set[tuple[str, str, str, int]]:
    with engine.connect() as conn:
        kept = {tuple(r) for r in conn.execute(select(network_edges))}
        assert kept == _counted(conn)
    return kept


def test_the_network_table_equals_a_count_from_scratch_after_every_write(db_url):
    engine = open_store(db_url)
    try:
        write_records(engine, _stories(0, 12))
        assert _kept(engine) == set()  # nothing resolved yet: no actor, no edge
        rebuild(engine)
        first = _kept(engine)
        assert {k for k, *_ in first} == {"meeting", "co-quote"}
        write_records(engine, _stories(12, 6), batch_size=4)  # new articles, then
        update(engine)  # the incremental update
        _kept(engine)
        page = "https://example.org/corrected"  # a new version takes its predecessor's place
        write_records(engine, [_two_speakers(40, PEOPLE[0], published="2026-04-09", url=page)])
        update(engine)
        _kept(engine)
        write_records(engine, [record(41, people=PEOPLE[1], published="2026-04-10", url=page)])
        update(engine)
        again = _kept(engine)
        rebuild(engine)  # a rebuild deletes every resolved row and writes them again
        assert _kept(engine) == again
        with engine.begin() as conn:  # rows going with their parents (ON DELETE CASCADE)
            conn.execute(text("DELETE FROM resolved_events WHERE id IN "
                              "(SELECT id FROM resolved_events ORDER BY id LIMIT 2)"))
            conn.execute(articles.delete().where(articles.c.title == "Report 1"))
        _kept(engine)
        with engine.begin() as conn:
            for table in reversed(RESOLVED_TABLES):
                conn.execute(table.delete())
        assert _kept(engine) == set()
    finally:
        engine.dispose()


def test_updating_a_counted_column_is_refused(db_url):
    engine = open_store(db_url)
    try:
        write_records(engine, _stories(0, 2))
        rebuild(engine)
        with pytest.raises(DBAPIError, match="network_edges counts these rows"), \
                engine.begin() as conn:
            conn.execute(text("UPDATE actor_members SET actor_id = "
                              "(SELECT min(id) FROM actors)"))
        with engine.begin() as conn:  # a column the network does not count may change
            conn.execute(text("UPDATE quotes SET cue = 'stated'"))
    finally:
        engine.dispose()


def test_the_network_is_read_strongest_first_through_its_index(db_url):
    engine = open_store(db_url)
    try:
        write_records(engine, _stories(0, 16))
        rebuild(engine)
    finally:
        engine.dispose()
    engine = open_readonly(db_url)
    try:
        found = charts(engine)
        with engine.connect() as conn:
            counted = _counted(conn)
            plan = ""
            if conn.dialect.name == "sqlite":
                plan = " ".join(r[-1] for r in conn.execute(text(
                    "EXPLAIN QUERY PLAN SELECT actor_a, actor_b, weight FROM network_edges "
                    "WHERE kind = 'meeting' ORDER BY weight DESC, actor_a, actor_b LIMIT 40")))
    finally:
        engine.dispose()
    strongest = sorted(counted, key=lambda e: (e[0], -e[3], e[1], e[2]))
    assert [(e.kind, e.source, e.target, e.weight) for e in found.edges] == [
        (k, a, b, w) for k, a, b, w in strongest if k == "meeting"] + [
        (k, a, b, w) for k, a, b, w in strongest if k == "co-quote"]
    if plan:  # SQLite: the index gives the order, nothing is sorted
        assert "ix_network_edges_strongest" in plan and "TEMP B-TREE" not in plan, plan
