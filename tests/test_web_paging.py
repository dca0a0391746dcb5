"""Two index-ordered lists read as one (web/paging.py): every slice equals the slice of the
two lists end to end, on a real SQLite table."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select

from newsgraph.web.paging import offset, two_pass


def test_every_slice_of_two_passes_is_the_slice_of_one_list():
    metadata = MetaData()
    t = Table("t", metadata, Column("id", Integer, primary_key=True),
              Column("day", String, nullable=True))
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    days = [None, "2026-03-02", None, "2026-03-01", "2026-03-02", None, "2026-01-09"]
    with engine.begin() as conn:
        conn.execute(t.insert(), [{"id": i, "day": d} for i, d in enumerate(days)])
        first = select(t.c.id).where(t.c.day.is_not(None)).order_by(t.c.day, t.c.id)
        then = select(t.c.id).where(t.c.day.is_(None)).order_by(t.c.id)
        whole = list(conn.scalars(first)) + list(conn.scalars(then))
        assert whole == [6, 3, 1, 4, 0, 2, 5]
        n_first = len(list(conn.scalars(first)))
        for start in range(len(whole) + 2):
            for limit in range(1, len(whole) + 2):
                got = two_pass(conn, first, n_first, then, start, limit)
                assert got == whole[start:start + limit], (start, limit)
    assert offset(1, 50) == 0 and offset(3, 20) == 40
