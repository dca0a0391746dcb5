"""The knowledge base from Python: ``KnowledgeBase(url)`` ingests articles and reads them back.

It mirrors ``newsgraph ingest`` and ``newsgraph rejects`` (DESIGN.md section 6)::

    with newsgraph.KnowledgeBase("sqlite:///news.db") as kb:
        counts = kb.ingest("examples/articles")
        print(counts.stored, counts.skipped, counts.rejected)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from newsgraph import nlp
from newsgraph.errors import InputRejected
from newsgraph.model import RawArticle
from newsgraph.pipeline import BATCH_SIZE
from newsgraph.read import DEFAULT_MAX_BYTES, Metadata, iter_inputs
from newsgraph.store import queries
from newsgraph.store.db import DEFAULT_URL, open_store
from newsgraph.store.ingest import IngestCounts, Item, ingest
from newsgraph.store.queries import StoredArticle, StoredReject

Source = str | Path | RawArticle


class KnowledgeBase:
    """A store at a SQLAlchemy URL (a SQLite file by default), migrated when opened."""

    def __init__(self, url: str | Path = DEFAULT_URL) -> None:
        self.engine = open_store(url)

    def ingest(
        self, sources: Source | Iterable[Source], *, model: str = nlp.DEFAULT_MODEL,
        batch_size: int = BATCH_SIZE, defaults: Metadata | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES, stdin: TextIO | BinaryIO | None = None,
        on_item: Callable[[Item], None] | None = None,
    ) -> IngestCounts:
        """Extract and store files, folders (recursive), "-" (stdin) or RawArticle objects.

        Articles already stored are skipped; rejected inputs are stored with their reason.
        ``defaults`` fills metadata an input lacks (as ``--published`` etc. do).
        """
        raws = _raws(sources, defaults=defaults or Metadata(), max_bytes=max_bytes, stdin=stdin)
        return ingest(self.engine, raws, model=model, batch_size=batch_size, on_item=on_item)

    def articles(self) -> list[StoredArticle]:
        """Every stored article (every version), by source and version."""
        return queries.articles(self.engine)

    def record(self, article_id: str) -> dict | None:
        """The stored extraction record of one article, or None."""
        return queries.record(self.engine, article_id)

    def rejects(self) -> list[StoredReject]:
        """Every input that was not ingested, with its reason."""
        return queries.rejects(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _raws(sources: Source | Iterable[Source], *, defaults: Metadata, max_bytes: int,
          stdin: TextIO | BinaryIO | None) -> Iterator[RawArticle | InputRejected]:
    if isinstance(sources, (str, Path, RawArticle)):
        sources = [sources]
    for source in sources:
        if isinstance(source, RawArticle):
            yield source
        else:
            yield from iter_inputs([str(source)], defaults=defaults, max_bytes=max_bytes,
                                   stdin=stdin)
