"""One page of a list that is two index-ordered lists end to end (dated rows, then undated).

``ORDER BY (x IS NULL), x`` puts undated rows last but no index serves it, so every matching
row would be sorted for each page. Reading the dated rows through an index, then the undated
ones through the same index, gives the same order and the same pages while reading only the
rows up to the page (the offset walks the index, nothing is sorted).
"""

from __future__ import annotations

from sqlalchemy import Connection, Select


def offset(page: int, per_page: int) -> int:
    """Rows before ``page`` (pages count from 1)."""
    return (page - 1) * per_page


def two_pass(conn: Connection, first: Select, first_total: int, then: Select, start: int,
             limit: int) -> list:
    """Rows ``start`` to ``start + limit`` of ``first`` followed by ``then`` (first column of
    each row: the ids), ``first`` holding ``first_total`` rows."""
    found: list = []
    if start < first_total:
        found = list(conn.scalars(first.limit(limit).offset(start)))
    if len(found) < limit:
        found += conn.scalars(then.limit(limit - len(found)).offset(max(0, start - first_total)))
    return found


def keyed_page(conn: Connection, keys: Select, start: int, limit: int) -> tuple[int, list]:
    """The number of rows ``keys`` gives (small rows: sort keys and ids, in their order) and
    rows ``start`` to ``start + limit`` of them, from one read of them all.

    For lists found through a filter (an actor's quotes, found through its members): read
    whole, without a LIMIT, so no planner walks an index in the list's order hoping to stop
    early and reads every row of the table when few of them match (PostgreSQL did, for an
    actor with no quotes)."""
    found = [tuple(r) for r in conn.execute(keys)]
    return len(found), found[start:start + limit]
