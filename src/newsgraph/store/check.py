"""Is the store whole, and what does it hold: the checks behind the crash-safety promise.

``problems`` finds an article whose child rows do not match its record (what a half-written
batch would leave) or a broken chain of versions. ``snapshot`` is the store's content without
the times of ingest, so two stores (an interrupted and resumed run and an uninterrupted one,
or SQLite and PostgreSQL) can be compared with ``==``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from newsgraph.store.rows import expected_counts
from newsgraph.store.schema import RECORD_TABLES, articles, metadata

# Columns that say when, not what: left out of snapshots.
TIMESTAMPS = frozenset({"ingested_at", "first_seen", "last_seen"})


def problems(engine: Engine) -> list[str]:
    """One line per inconsistency; an empty list for a whole store."""
    found: list[str] = []
    with engine.connect() as conn:
        counts = {t.name: _counts(conn, t.name) for t in RECORD_TABLES}
        heads: dict[str, list[tuple[int, str, str | None]]] = {}
        query = select(articles.c.id, articles.c.lineage, articles.c.version,
                       articles.c.supersedes, articles.c.text, articles.c.record)
        for row in conn.execute(query):
            if row.record["article"]["id"] != row.id or row.record["article"]["text"] != row.text:
                found.append(f"article {row.id}: record does not match its row")
            for table, expected in expected_counts(row.record).items():
                actual = counts[table].pop(row.id, 0)
                if actual != expected:
                    found.append(f"article {row.id}: {actual} {table} rows, record has {expected}")
            heads.setdefault(row.lineage, []).append((row.version, row.id, row.supersedes))
        for table, orphans in counts.items():
            for article_id, n in orphans.items():
                found.append(f"{n} {table} rows for missing article {article_id}")
    for key, chain in heads.items():
        chain.sort()
        for i, (version, article_id, supersedes) in enumerate(chain):
            before = chain[i - 1][1] if i else None
            if version != i + 1 or supersedes != before:
                found.append(f"lineage {key}: version {version} ({article_id}) breaks the chain")
    return found


def _counts(conn: Connection, table: str) -> Counter:
    t = metadata.tables[table]
    query = select(t.c.article_id, func.count()).group_by(t.c.article_id)
    return Counter(dict(conn.execute(query).all()))


def snapshot(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    """Every table's rows as plain values, sorted, without timestamps."""
    out: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for table in metadata.sorted_tables:
            columns = [c for c in table.columns if c.name not in TIMESTAMPS]
            rows = [
                {k: v.isoformat() if isinstance(v, date) else v for k, v in row._asdict().items()}
                for row in conn.execute(select(*columns))
            ]
            keys = [c.name for c in table.primary_key.columns]
            out[table.name] = sorted(rows, key=lambda r, keys=keys: tuple(str(r[k]) for k in keys))
    return out
