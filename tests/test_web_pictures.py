"""The numbers behind the pictures (web/pictures.py) over hand-written records, on SQLite and
PostgreSQL: only the latest MAX_DAYS day-dated days are counted, each with its events and
sources; month-dated events have no bar."""

from __future__ import annotations

from datetime import date, timedelta

from newsgraph.store.db import open_store
from newsgraph.store.resolution import rebuild
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
