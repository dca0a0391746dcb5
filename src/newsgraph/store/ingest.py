"""Extraction records → the store, through one writer, one transaction per batch.

Idempotent and restartable: an article is keyed by its content hash (``article.id``), so an
article already stored is skipped, before it is parsed when possible (cleaning costs about a
millisecond, parsing a hundred times more) and in any case when the batch is written. A kill
leaves only whole committed batches, and running the same command again skips what they hold
and writes the rest in the same order, so the final content equals an uninterrupted run's.

A changed article (same url, or same source when there is no url, new text) is a new version:
``version`` counts up in ingest order and ``supersedes`` names the version before.

Parsing may run elsewhere (worker processes, ``newsgraph.parallel``; Ray, ``newsgraph.ray_ingest``)
but writing never does: every path ends in ``write`` here, in input order.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError

from newsgraph import nlp
from newsgraph.errors import InputRejected
from newsgraph.model import Article, Extraction, RawArticle
from newsgraph.pipeline import BATCH_SIZE, extract_articles, prepare
from newsgraph.store.db import WRITE
from newsgraph.store.rows import record_rows
from newsgraph.store.schema import RECORD_TABLES, articles, rejects


@dataclass(frozen=True)
class JsonRecord:
    """An extraction already in its JSON form (as read back from a Ray shard): written as is,
    so a record need not be rebuilt into dataclasses only to be turned into JSON again."""

    record: dict[str, Any]
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return self.record

    @property
    def article_id(self) -> str:
        return self.record["article"]["id"]

    @property
    def source(self) -> str:
        return self.record["article"]["source"]


Item = Extraction | InputRejected
WriteItem = Extraction | JsonRecord | InputRejected
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
    """Cleans raw articles and drops those whose clean text is already stored (or seen
    earlier in this run); what goes on is the cleaned ``Article``, so nothing is cleaned twice.

    Looks ids up ``lookahead`` at a time, one query each, not one round-trip per article;
    order is kept. ``on_skip`` is told of each skipped article (for a progress display).
    """

    def __init__(self, engine: Engine, *, lookahead: int = BATCH_SIZE,
                 on_skip: Callable[[], None] | None = None) -> None:
        self.engine = engine
        self.skipped = 0
        self.lookahead = max(1, lookahead)
        self.on_skip = on_skip
        self._seen: set[str] = set()

    def __call__(self, raws: Iterable[RawArticle | InputRejected]
                 ) -> Iterator[Article | InputRejected]:
        pending: list[tuple[str | None, Article | InputRejected]] = []
        for raw in raws:
            pending.append(self._checked(raw))
            if len(pending) >= self.lookahead:
                yield from self._flush(pending)
                pending = []
        yield from self._flush(pending)

    def _checked(self, raw: RawArticle | InputRejected
                 ) -> tuple[str | None, Article | InputRejected]:
        """(article id, article) for an article to look up; (None, rejection) otherwise."""
        if isinstance(raw, InputRejected):
            return None, raw
        try:
            article = prepare(raw)
        except InputRejected as exc:
            return None, exc
        if any("\x00" in (value or "") for value in
               (article.text, article.source, article.url, article.title, article.outlet)):
            return None, InputRejected(raw.source, NUL_REASON)
        return article.id, article

    def _flush(self, pending: list[tuple[str | None, Article | InputRejected]]
               ) -> Iterator[Article | InputRejected]:
        stored = self._stored([i for i, _ in pending if i is not None and i not in self._seen])
        for article_id, raw in pending:
            if article_id is None:
                yield raw
                continue
            if article_id in self._seen or article_id in stored:
                self.skipped += 1
                if self.on_skip is not None:
                    self.on_skip()
                continue
            self._seen.add(article_id)
            yield raw

    def _stored(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        with self.engine.connect() as conn:
            return set(conn.scalars(select(articles.c.id).where(articles.c.id.in_(ids))))


def ingest(
    engine: Engine, raws: Iterable[RawArticle | InputRejected], *,
    model: str = nlp.DEFAULT_MODEL, batch_size: int = BATCH_SIZE, workers: int = 1,
    on_item: Callable[[Item], None] | None = None, on_skip: Callable[[], None] | None = None,
) -> IngestCounts:
    """Extract and store raw articles; ``on_item`` sees each record or rejection on its way.

    The cleaning is done here, once, by the skip check. With ``workers`` > 1 the parsing and
    extraction run in that many processes
    (``newsgraph.parallel``); this process keeps the one writer, in input order, so the
    store ends the same either way.
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    skip = SkipKnown(engine, lookahead=batch_size, on_skip=on_skip)
    if workers > 1:
        from newsgraph.parallel import extract_parallel

        items = extract_parallel(skip(raws), model=model, workers=workers,
                                 batch_size=batch_size)
    else:
        items = extract_articles(skip(raws), model=model, batch_size=batch_size)
    if on_item is not None:
        items = _tapped(items, on_item)
    counts = write(engine, items, batch_size=batch_size)
    return counts + IngestCounts(skipped=skip.skipped)


def _tapped(items: Iterable[Item], on_item: Callable[[Item], None]) -> Iterator[Item]:
    for item in items:
        on_item(item)
        yield item


def write(engine: Engine, items: Iterable[WriteItem], *,
          batch_size: int = BATCH_SIZE) -> IngestCounts:
    """The one writer: records and rejections in batches of ``batch_size``, each committed
    whole or not at all."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, not {batch_size}")
    counts = IngestCounts()
    batch: list[WriteItem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            counts += write_batch(engine, batch)
            batch = []
    if batch:
        counts += write_batch(engine, batch)
    return counts


def write_batch(engine: Engine, batch: list[WriteItem]) -> IngestCounts:
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


def _write(conn: Connection, batch: list[WriteItem]) -> IngestCounts:
    now = datetime.now(timezone.utc)
    found = [item for item in batch if not isinstance(item, InputRejected)]
    ids = [_id(item) for item in found]
    stored = set(conn.scalars(select(articles.c.id).where(articles.c.id.in_(ids))))
    failed = [item for item in batch if isinstance(item, InputRejected)]
    rows: dict[str, list[dict]] = {t.name: [] for t in (articles, *RECORD_TABLES)}
    records = [(item, item.to_dict()) for item in found if _id(item) not in stored]
    skipped = len(found) - len(records)
    # Latest stored version of every lineage in the batch, in one query; then the versions
    # written earlier in this batch.
    latest = _latest_versions(conn, {lineage(record["article"]) for _, record in records})
    new = 0
    for item, record in records:
        if _id(item) in stored:  # the same article twice in one batch
            skipped += 1
            continue
        document = json.dumps(record, ensure_ascii=False)
        if "\\u0000" in document:  # PostgreSQL cannot hold NUL; SQLite must agree (last guard)
            failed.append(InputRejected(_source(item), NUL_REASON))
            continue
        stored.add(_id(item))
        rows["articles"].append(_article_row(record, latest, now))
        for table, row in record_rows(record):
            rows[table.name].append(row)
        new += 1
    for table in (articles, *RECORD_TABLES):
        if rows[table.name]:
            conn.execute(table.insert(), rows[table.name])
    _upsert_rejects(conn, failed, now)
    return IngestCounts(stored=new, skipped=skipped, rejected=len(failed))


def _id(item: Extraction | JsonRecord) -> str:
    return item.article_id if isinstance(item, JsonRecord) else item.article.id


def _source(item: Extraction | JsonRecord) -> str:
    return item.source if isinstance(item, JsonRecord) else item.article.source


def _article_row(record: dict, latest: dict[str, tuple[str, int]], now: datetime) -> dict:
    article = record["article"]
    key = lineage(article)
    previous = latest.get(key)
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


def _latest_versions(conn: Connection, keys: set[str]) -> dict[str, tuple[str, int]]:
    """(id, version) of the latest stored version of each lineage that has one."""
    latest: dict[str, tuple[str, int]] = {}
    if not keys:
        return latest
    query = select(articles.c.lineage, articles.c.id, articles.c.version).where(
        articles.c.lineage.in_(sorted(keys)))
    for row in conn.execute(query):
        if row.lineage not in latest or row.version > latest[row.lineage][1]:
            latest[row.lineage] = (row.id, row.version)
    return latest


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
