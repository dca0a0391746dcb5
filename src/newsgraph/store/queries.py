"""Reading the store back: the stored articles, their records, and the rejected inputs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timezone

from sqlalchemy import Engine, select

from newsgraph.store.schema import articles as articles_table
from newsgraph.store.schema import rejects as rejects_table


@dataclass(frozen=True)
class StoredArticle:
    """An article's metadata and place in its lineage; its record is ``record(id)``."""

    id: str
    version: int
    supersedes: str | None
    source: str
    url: str | None
    title: str | None
    published: date | None
    outlet: str | None
    language: str
    ingested_at: datetime


@dataclass(frozen=True)
class StoredReject:
    """An input that was not ingested, with the reason, first and last time it was seen."""

    source: str
    reason: str
    first_seen: datetime
    last_seen: datetime


def articles(engine: Engine) -> list[StoredArticle]:
    """Every stored article, by source and version."""
    columns = [articles_table.c[name] for name in StoredArticle.__dataclass_fields__]
    query = select(*columns).order_by(articles_table.c.source, articles_table.c.version)
    with engine.connect() as conn:
        found = [StoredArticle(**row._asdict()) for row in conn.execute(query)]
    return [replace(a, ingested_at=utc(a.ingested_at)) for a in found]


def record(engine: Engine, article_id: str) -> dict | None:
    """The extraction record stored for an article (DESIGN.md section 3), or None."""
    query = select(articles_table.c.record).where(articles_table.c.id == article_id)
    with engine.connect() as conn:
        return conn.scalar(query)


def rejects(engine: Engine) -> list[StoredReject]:
    """Every rejected input, most recently seen first."""
    t = rejects_table
    query = select(t.c.source, t.c.reason, t.c.first_seen, t.c.last_seen).order_by(
        t.c.last_seen.desc(), t.c.source, t.c.reason
    )
    with engine.connect() as conn:
        found = [StoredReject(**row._asdict()) for row in conn.execute(query)]
    return [replace(r, first_seen=utc(r.first_seen), last_seen=utc(r.last_seen)) for r in found]


def utc(moment: datetime) -> datetime:
    """Times are written in UTC; SQLite hands them back without a zone, PostgreSQL with one."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment
