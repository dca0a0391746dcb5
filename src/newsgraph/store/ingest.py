"""Extraction records → the store, through one writer, one transaction per batch.

Idempotent and restartable: an article is keyed by its content hash (``article.id``), so an
article already stored is skipped, before it is parsed when possible (cleaning costs about a
millisecond, parsing a hundred times more) and in any case when the batch is written. A kill
leaves only whole committed batches, and running the same command again skips what they hold
and writes the rest in the same order, so the final content equals an uninterrupted run's.

A changed article (same url, or same source when there is no url, new text) is a new version:
``version`` counts up in ingest order and ``supersedes`` names the version before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from newsgraph import nlp
from newsgraph.errors import InputRejected
from newsgraph.model import Extraction, RawArticle
from newsgraph.pipeline import BATCH_SIZE, extract_articles, prepare
from newsgraph.store.db import WRITE
from newsgraph.store.rows import record_rows
from newsgraph.store.schema import RECORD_TABLES, articles, rejects

Item = Extraction | InputRejected
# Attempts at one batch when a concurrent writer (PostgreSQL) stored the same article or the
# same version number first; each retry re-reads what is stored.
WRITE_ATTEMPTS = 3
NUL_REASON = "text contains NUL characters, which the store cannot keep"


@dataclass(frozen=True)
class IngestCounts:
    """What one ingest did: articles stored, articles skipped as already stored, rejects."""

    stored: int = 0
    skipped: int = 0
    rejected: int = 0

    def __add__(self, other: IngestCounts) -> IngestCounts:
        return IngestCounts(self.stored + other.stored, self.skipped + other.skipped,
                            self.rejected + other.rejected)


def lineage(article: dict) -> str:
    """What makes two texts versions of one article: the url when known, else the source."""
    return article.get("url") or article["source"]


class SkipKnown:
    """Drops raw articles whose clean text is already stored (or seen earlier in this run)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.skipped = 0
        self._seen: set[str] = set()

    def __call__(self, raws: Iterable[RawArticle | InputRejected]
                 ) -> Iterator[RawArticle | InputRejected]:
        for raw in raws:
            if isinstance(raw, InputRejected):
                yield raw
                continue
            try:
                article = prepare(raw)
            except InputRejected as exc:
                yield exc
                continue
            if any("\x00" in (value or "") for value in
                   (article.text, article.source, article.url, article.title, article.outlet)):
                yield InputRejected(raw.source, NUL_REASON)
                continue
            article_id = article.id
            if article_id in self._seen or self._stored(article_id):
                self.skipped += 1
                continue
            self._seen.add(article_id)
            yield raw

    def _stored(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            query = select(articles.c.id).where(articles.c.id == article_id)
            return conn.execute(query).first() is not None


def ingest(
    engine: Engine, raws: Iterable[RawArticle | InputRejected], *,
    model: str = nlp.DEFAULT_MODEL, batch_size: int = BATCH_SIZE,
    on_item: Callable[[Item], None] | None = None,
) -> IngestCounts:
    """Extract and store raw articles; ``on_item`` sees each record or rejection on its way."""
    skip = SkipKnown(engine)
    items = extract_articles(skip(raws), model=model, batch_size=batch_size)
    if on_item is not None:
        items = _tapped(items, on_item)
    counts = write(engine, items, batch_size=batch_size)
    return counts + IngestCounts(skipped=skip.skipped)


def _tapped(items: Iterable[Item], on_item: Callable[[Item], None]) -> Iterator[Item]:
    for item in items:
        on_item(item)
        yield item


def write(engine: Engine, items: Iterable[Item], *, batch_size: int = BATCH_SIZE) -> IngestCounts:
    """The one writer: records and rejections in batches of ``batch_size``, each committed
    whole or not at all."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    counts = IngestCounts()
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            counts += write_batch(engine, batch)
            batch = []
    if batch:
        counts += write_batch(engine, batch)
    return counts


def write_batch(engine: Engine, batch: list[Item]) -> IngestCounts:
    """One transaction; retried when a concurrent writer got in first."""
    for attempt in range(WRITE_ATTEMPTS):
        try:
            with engine.connect() as conn:
                conn = conn.execution_options(**WRITE)
                with conn.begin():
                    return _write(conn, batch)
        except IntegrityError:
            if attempt == WRITE_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def _write(conn: Connection, batch: list[Item]) -> IngestCounts:
    now = datetime.now(timezone.utc)
    found = [item for item in batch if isinstance(item, Extraction)]
    ids = [item.article.id for item in found]
    stored = set(conn.scalars(select(articles.c.id).where(articles.c.id.in_(ids))))
    failed = [item for item in batch if isinstance(item, InputRejected)]
    rows: dict[str, list[dict]] = {t.name: [] for t in (articles, *RECORD_TABLES)}
    latest: dict[str, tuple[str, int]] = {}  # versions written earlier in this batch
    new = skipped = 0
    for item in found:
        if item.article.id in stored:
            skipped += 1
            continue
        record = item.to_dict()
        document = json.dumps(record, ensure_ascii=False)
        if "\\u0000" in document:  # PostgreSQL cannot hold NUL; SQLite must agree (last guard)
            failed.append(InputRejected(item.article.source, NUL_REASON))
            continue
        stored.add(item.article.id)
        rows["articles"].append(_article_row(conn, record, latest, now))
        for table, row in record_rows(record):
            rows[table.name].append(row)
        new += 1
    for table in (articles, *RECORD_TABLES):
        if rows[table.name]:
            conn.execute(table.insert(), rows[table.name])
    _upsert_rejects(conn, failed, now)
    return IngestCounts(stored=new, skipped=skipped, rejected=len(failed))


def _article_row(conn: Connection, record: dict, latest: dict[str, tuple[str, int]],
                 now: datetime) -> dict:
    article = record["article"]
    key = lineage(article)
    previous = latest.get(key) or _latest_version(conn, key)
    version = previous[1] + 1 if previous else 1
    latest[key] = (article["id"], version)
    published = article.get("published")
    return {
        "id": article["id"], "lineage": key, "version": version,
        "supersedes": previous[0] if previous else None,
        "source": article["source"], "url": article.get("url"), "title": article.get("title"),
        "published": date.fromisoformat(published) if published else None,
        "outlet": article.get("outlet"), "language": article.get("language") or "en",
        "text": article["text"], "schema_version": record["schema_version"],
        "record": record, "ingested_at": now,
    }


def _latest_version(conn: Connection, key: str) -> tuple[str, int] | None:
    query = (select(articles.c.id, articles.c.version).where(articles.c.lineage == key)
             .order_by(articles.c.version.desc()).limit(1))
    row = conn.execute(query).first()
    return (row.id, row.version) if row else None


def _upsert_rejects(conn: Connection, failed: list[InputRejected], now: datetime) -> None:
    """A reject seen again keeps its row and moves ``last_seen``."""
    unique = {(exc.source, exc.reason): exc for exc in failed}
    if not unique:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(rejects)
    statement = statement.on_conflict_do_update(
        index_elements=[rejects.c.source, rejects.c.reason],
        set_={"last_seen": statement.excluded.last_seen},
    )
    conn.execute(statement, [
        {"source": source, "reason": reason, "first_seen": now, "last_seen": now}
        for source, reason in unique
    ])
