"""The knowledge base from Python: ``KnowledgeBase(url)`` ingests articles and queries them.

It mirrors the store's commands (DESIGN.md section 6)::

    with newsgraph.KnowledgeBase("sqlite:///news.db") as kb:
        counts = kb.ingest("examples/articles")     # also brings the resolved layer up to date
        for entry in kb.timeline():
            print(entry.date_from, entry.type, entry.parties, entry.sources, entry.outlets)
        kb.export("parquet", "out/")

Queries return frozen dataclasses (``newsgraph.store.views``) with ``to_dict()`` for JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TextIO

from newsgraph import nlp
from newsgraph.errors import InputRejected
from newsgraph.model import RawArticle
from newsgraph.pipeline import BATCH_SIZE
from newsgraph.read import DEFAULT_MAX_BYTES, Metadata, iter_inputs
from newsgraph.store import queries, resolution, views
from newsgraph.store.db import DEFAULT_URL, open_store
from newsgraph.store.ingest import IngestCounts, Item, ingest
from newsgraph.store.queries import StoredArticle, StoredReject
from newsgraph.store.resolution import ResolutionCounts
from newsgraph.store.views import (
    ActorDetail,
    ActorSummary,
    EventView,
    QuoteView,
    StanceView,
    TimelineEntry,
)

if TYPE_CHECKING:
    from newsgraph.export import Exported

When = str | date | None  # an ISO date or prefix: "2026", "2026-03", "2026-03-12"

Source = str | Path | RawArticle


class KnowledgeBase:
    """A store at a SQLAlchemy URL (a SQLite file by default), migrated when opened."""

    def __init__(self, url: str | Path = DEFAULT_URL) -> None:
        self.engine = open_store(url)

    def ingest(
        self, sources: Source | Iterable[Source], *, model: str = nlp.DEFAULT_MODEL,
        batch_size: int = BATCH_SIZE, defaults: Metadata | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES, stdin: TextIO | BinaryIO | None = None,
        on_item: Callable[[Item], None] | None = None, resolve: bool = True,
        workers: int | None = 1, ray: str | None = None, ray_scratch: str | Path | None = None,
        on_skip: Callable[[], None] | None = None,
    ) -> IngestCounts:
        """Extract and store files, folders (recursive), "-" (stdin) or RawArticle objects.

        Articles already stored are skipped; rejected inputs are stored with their reason.
        ``defaults`` fills metadata an input lacks (as ``--published`` etc. do). Then, unless
        ``resolve`` is False, the resolved layer is brought up to date: only what the new
        articles reach is re-resolved, with the result a full rebuild would give.

        ``workers`` > 1 parses in that many processes; 1, the default here, stays in this
        process; None uses every core (the CLI's default). ``ray`` ("auto" or a Ray address)
        runs the parse on Ray instead, on ``workers`` actors (None: the cluster's CPUs), with
        its shards in ``ray_scratch`` (a temporary folder by default).
        """
        raws = _raws(sources, defaults=defaults or Metadata(), max_bytes=max_bytes, stdin=stdin)
        if ray is not None:
            from newsgraph.ray_ingest import ingest_ray

            counts = ingest_ray(self.engine, raws, address=ray, model=model,
                                batch_size=batch_size, workers=workers,
                                scratch=ray_scratch, on_item=on_item, on_skip=on_skip)
        else:
            from newsgraph.parallel import default_workers

            counts = ingest(self.engine, raws, model=model, batch_size=batch_size,
                            workers=workers or default_workers(), on_item=on_item,
                            on_skip=on_skip)
        if resolve:
            resolution.update(self.engine)
        return counts

    def resolve(self, rebuild: bool = True) -> ResolutionCounts:
        """Rebuild the resolved layer (actors, events) from the stored records; with
        ``rebuild=False`` only when it is stale. Returns what the layer holds."""
        if rebuild:
            return resolution.rebuild(self.engine)
        return resolution.update(self.engine) or resolution.counts(self.engine)

    def actors(self, name: str | None = None, *, type: str | None = None,
               limit: int | None = None) -> list[ActorSummary]:
        """Actors, most widely reported first; ``name`` matches any form (case, accents
        ignored), ``type`` is PERSON, ORG, GPE, ..."""
        return views.list_actors(self.engine, name=name, type=type, limit=limit)

    def actor(self, actor_id: str) -> ActorDetail | None:
        """One actor: forms, roles with articles, quotes, events, stances, co-occurring actors."""
        return views.actor(self.engine, actor_id)

    def events(self, *, actor: str | None = None, type: str | None = None,
               date_from: When = None, date_to: When = None, place: str | None = None,
               limit: int | None = None) -> list[EventView]:
        """Resolved events by date, each with its parties, place and every source."""
        return views.list_events(self.engine, actor=actor, type=type, date_from=date_from,
                                 date_to=date_to, place=place, limit=limit)

    def quotes(self, *, speaker: str | None = None, date_from: When = None,
               date_to: When = None, text: str | None = None,
               limit: int | None = None) -> list[QuoteView]:
        """Quotes by article publication date; ``text`` is a case-insensitive substring."""
        return views.list_quotes(self.engine, speaker=speaker, date_from=date_from,
                                 date_to=date_to, text=text, limit=limit)

    def stances(self, *, holder: str | None = None, issue: str | None = None,
                date_from: When = None, date_to: When = None,
                limit: int | None = None) -> list[StanceView]:
        """Stances by article publication date; ``issue`` is a case-insensitive substring."""
        return views.list_stances(self.engine, holder=holder, issue=issue,
                                  date_from=date_from, date_to=date_to, limit=limit)

    def timeline(self, *, actor: str | None = None, type: str | None = None,
                 date_from: When = None, date_to: When = None, place: str | None = None,
                 limit: int | None = None) -> list[TimelineEntry]:
        """The story: events by date (undated last) with their numbers of sources and outlets."""
        return views.timeline(self.engine, actor=actor, type=type, date_from=date_from,
                              date_to=date_to, place=place, limit=limit)

    def export(self, format: str, out: str | Path) -> Exported:
        """Write everything as ``jsonl`` (a file), ``parquet`` (a folder) or ``graphml``."""
        from newsgraph.export import export

        return export(self.engine, format, out)

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
