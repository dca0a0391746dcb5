"""``newsgraph ingest --ray``: the parse and extraction on a Ray cluster, the writing here.

When one machine is not enough the work goes to Ray actors rather than a home-made scheduler:

1. the articles that are not yet stored (``SkipKnown``, as in every ingest, which cleans them)
   are cut, as they are read, into Arrow tables of a few batches, each row numbered in input
   order;
2. a ``ray.util.ActorPool`` of ``workers`` actors, each loading the model once in its
   constructor, turns each table into records (the JSON of each ``Extraction``) or
   rejections; a table goes to whichever actor is free, and at most two per actor are in
   flight, so reading, cleaning, parsing and writing overlap and memory stays flat however
   long the feed;
3. the results come back in input order, are written as Parquet shards into a scratch folder
   here, and each shard is bulk-loaded as soon as it lands through the store's one writer
   (``store.ingest.write``), so the store ends exactly as the single-process path leaves it;
   the caller then resolves.

Ray is imported only here and only when asked for. Nothing but a Ray address is needed of a
cluster: inputs and records travel through its object store (see docs/scale.md).
"""

from __future__ import annotations

import itertools
import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Engine

from newsgraph import nlp
from newsgraph.errors import InputRejected, RayIngestError
from newsgraph.model import Article, RawArticle
from newsgraph.pipeline import BATCH_SIZE, extract_articles
from newsgraph.store.ingest import (
    IngestCounts,
    Item,
    JsonRecord,
    SkipKnown,
    WriteItem,
    write,
)

AUTO = "auto"  # --ray auto: start (or join) a Ray on this machine
# Input table size, in batches: several batches per table keep an actor busy between tables.
BATCHES_PER_SHARD = 4
# Tables sent to each actor ahead of the results read back: one at work, one waiting.
IN_FLIGHT = 2

# A row is a cleaned article (id and text set: the skip check has cleaned it, the actor does
# not clean again), a raw one (body set) or a rejection (reason set).
RAW_SCHEMA = pa.schema([
    ("seq", pa.int64()), ("source", pa.string()), ("body", pa.string()),
    ("title", pa.string()), ("url", pa.string()), ("published", pa.string()),
    ("outlet", pa.string()), ("reason", pa.string()), ("id", pa.string()),
    ("text", pa.string()),
])
RECORD_SCHEMA = pa.schema([
    ("seq", pa.int64()), ("record", pa.string()), ("source", pa.string()),
    ("reason", pa.string()), ("warnings", pa.list_(pa.string())),
])


def ingest_ray(
    engine: Engine, raws: Iterable[RawArticle | InputRejected], *, address: str = AUTO,
    model: str = nlp.DEFAULT_MODEL, batch_size: int = BATCH_SIZE, workers: int | None = None,
    scratch: str | Path | None = None, on_item: Callable[[Item], None] | None = None,
    on_skip: Callable[[], None] | None = None,
) -> IngestCounts:
    """Extract on Ray, store here; ``workers`` actors (default: the cluster's CPUs).

    ``address`` is ``auto`` (a local Ray, started if needed) or a Ray address (``ray://head:
    10001``, ``head:6379``). A Ray already initialised in this process is used as it is.
    """
    import ray

    started = _connect(ray, address)
    folder = Path(tempfile.mkdtemp(prefix="newsgraph-ray-", dir=scratch))
    try:
        skip = SkipKnown(engine, lookahead=batch_size, on_skip=on_skip)
        tables = _Counted(spool(skip(raws), rows_per_shard=batch_size * BATCHES_PER_SHARD),
                          size=lambda table: table.num_rows)
        pool = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        landed = run_on_ray(tables, folder, model=model, batch_size=batch_size, workers=pool)
        loaded = _Counted(load(landed))
        counts = write(engine, _tapped(loaded, on_item), batch_size=batch_size)
        if loaded.count != tables.count:
            raise RayIngestError(f"Ray returned {loaded.count} records for {tables.count} "
                                 "inputs; run the ingest again to store the rest")
        return counts + IngestCounts(skipped=skip.skipped)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if started:
            ray.shutdown()


def _connect(ray: Any, address: str) -> bool:
    """Join or start Ray; True when this call started it (and so shuts it down)."""
    if ray.is_initialized():
        return False
    options: dict[str, Any] = {"log_to_driver": False, "logging_level": "WARNING",
                               "include_dashboard": False}
    if address != AUTO:
        options["address"] = address
    ray.init(**options)
    return True


def spool(items: Iterable[RawArticle | Article | InputRejected], *,
          rows_per_shard: int) -> Iterator[pa.Table]:
    """The raw articles as Arrow tables of ``rows_per_shard`` rows, numbered in input order."""
    rows: list[dict[str, Any]] = []
    for seq, item in enumerate(items):
        rows.append(_raw_row(seq, item))
        if len(rows) >= rows_per_shard:
            yield pa.Table.from_pylist(rows, schema=RAW_SCHEMA)
            rows = []
    if rows:
        yield pa.Table.from_pylist(rows, schema=RAW_SCHEMA)


def _raw_row(seq: int, item: RawArticle | Article | InputRejected) -> dict[str, Any]:
    if isinstance(item, InputRejected):
        return {"seq": seq, "source": item.source, "reason": item.reason}
    row = {"seq": seq, "source": item.source, "title": item.title, "url": item.url,
           "outlet": item.outlet,
           "published": item.published.isoformat() if item.published else None}
    if isinstance(item, Article):
        return {**row, "id": item.id, "text": item.text}
    return {**row, "body": item.body}


def run_on_ray(tables: Iterable[pa.Table], out: Path, *, model: str, batch_size: int,
               workers: int) -> Iterator[Path]:
    """Input tables → an actor pool → the records, in input order, written as Parquet shards
    into ``out``; yields each shard's path as it lands, so the caller loads it while the
    actors go on. The tables are read as they are needed: at most two per actor wait."""
    import ray
    from ray.util import ActorPool

    tables = iter(tables)
    first = next(tables, None)
    if first is None:  # everything was stored already: no actor is started
        return
    actors = [ray.remote(num_cpus=1)(RayExtractor).remote(model, batch_size)
              for _ in range(workers)]
    pool = ActorPool(actors)
    out.mkdir(parents=True, exist_ok=True)
    submitted = landed = 0
    try:
        for table in itertools.chain([first], tables):
            pool.submit(lambda actor, batch: actor.extract.remote(batch), table)
            submitted += 1
            while submitted - landed > IN_FLIGHT * workers:
                yield _shard(pool.get_next(), out, landed)
                landed += 1
        while pool.has_next():
            yield _shard(pool.get_next(), out, landed)
            landed += 1
    finally:
        for actor in actors:
            ray.kill(actor)


def _shard(table: pa.Table, out: Path, number: int) -> Path:
    path = out / f"records-{number:09d}.parquet"
    pq.write_table(table, path)
    return path


class RayExtractor:
    """One per Ray actor: the model is loaded once, then table after table is extracted."""

    def __init__(self, model: str, batch_size: int) -> None:
        nlp.load(model)
        self.model = model
        self.batch_size = batch_size

    def extract(self, batch: pa.Table) -> pa.Table:
        rows = batch.to_pylist()
        items = extract_articles((_raw_item(row) for row in rows), model=self.model,
                                 batch_size=self.batch_size)
        return pa.Table.from_pylist(
            [_record_row(row["seq"], item) for row, item in zip(rows, items, strict=True)],
            schema=RECORD_SCHEMA)


def _raw_item(row: dict[str, Any]) -> RawArticle | Article | InputRejected:
    if row["reason"] is not None:
        return InputRejected(row["source"], row["reason"])
    published = date.fromisoformat(row["published"]) if row["published"] else None
    if row["text"] is not None:
        return Article(id=row["id"], text=row["text"], source=row["source"],
                       title=row["title"], url=row["url"], published=published,
                       outlet=row["outlet"])
    return RawArticle(source=row["source"], body=row["body"], title=row["title"],
                      url=row["url"], published=published, outlet=row["outlet"])


def _record_row(seq: int, item: Any) -> dict[str, Any]:
    if isinstance(item, InputRejected):
        return {"seq": seq, "source": item.source, "reason": item.reason, "warnings": []}
    return {"seq": seq, "record": json.dumps(item.to_dict(), ensure_ascii=False),
            "source": item.article.source, "warnings": list(item.warnings)}


# --- bulk load ------------------------------------------------------------------------------


def load(shards: Iterable[Path]) -> Iterator[WriteItem]:
    """The records and rejections of the shards, one shard in memory at a time.

    The actor pool hands the results back in the order the tables were sent, and they are
    written as they come, so an out-of-order row is an error, not something to sort: what was
    written before it stays, and running the ingest again stores the rest."""
    last = -1
    for shard in shards:
        for row in pq.read_table(shard).to_pylist():
            if row["seq"] <= last:
                raise RayIngestError(f"Ray returned input {row['seq']} after input {last}")
            last = row["seq"]
            yield _item(row)


class _Counted:
    """An iterator that counts what went through it (``size`` of each item, or one each)."""

    def __init__(self, items: Iterable[Any], size: Callable[[Any], int] | None = None) -> None:
        self.items, self.size, self.count = iter(items), size, 0

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.count += self.size(item) if self.size else 1
            yield item


def _item(row: dict[str, Any]) -> WriteItem:
    if row["record"] is None:
        return InputRejected(row["source"], row["reason"])
    return JsonRecord(json.loads(row["record"]), warnings=tuple(row["warnings"] or ()))


def _tapped(items: Iterable[WriteItem], on_item: Callable[[Any], None] | None
            ) -> Iterator[WriteItem]:
    for item in items:
        if on_item is not None:
            on_item(item)
        yield item
