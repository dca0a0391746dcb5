"""What resolution reads, from the per-article tables: each article's entities (with the
descriptions its quotes name their speakers by) and events, in the shape of the JSON contract
but with only the fields resolution uses.

A rebuild reads them a component at a time (store/rebuild.py), an incremental update for the
entities and reports it reaches. Reading these columns rather than each article's whole JSON
record keeps what is read to a fraction of the records (about 16 kB of JSON an article, most
of it spans, quotes and figures resolution never looks at). Strings repeated across rows (article
ids, types, names) are interned.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from sqlalchemy import Connection, Select, delete, select, tuple_

from newsgraph.resolve import local_order
from newsgraph.store.schema import articles, entities, event_participants, events, quotes

Ref = tuple[str, str]  # (article id, local id)
Where = Callable[[Select], Iterator[Select]]
CHUNK = 400  # values per IN (...): under SQLite's and PostgreSQL's parameter limits
DETERMINERS = {"the", "a", "an", "this", "that"}
_ = sys.intern


def description(speaker_text: str | None) -> str | None:
    """A quote's speaker named by a description ("the opposition leader said"), as a form of
    the person: users search for and recognise them by it. Names and pronouns are not; nor is
    a spokesperson, who speaks for someone else."""
    if not speaker_text:
        return None
    words = speaker_text.split()
    if len(words) < 2 or words[0].lower() not in DETERMINERS or "spokes" in speaker_text:
        return None
    return " ".join([words[0].lower(), *words[1:]])


def grouped(conn: Connection, fields: dict[str, dict[Ref, dict]],
            article_ids: set[str] | None = None) -> list[dict]:
    """Items by (article id, local id) as records, one per article (each of ``article_ids``,
    or each that has an item), every list in the record's order."""
    if article_ids is None:
        article_ids = {a for items in fields.values() for a, _local in items}
    published = publication_dates(conn, article_ids)
    out = {a: {"article": {"id": a, "published": published.get(a)},
               **{field: [] for field in fields}} for a in article_ids}
    for field, items in fields.items():
        for (a, _local), item in items.items():
            out[a][field].append(item)
    for r in out.values():
        for field in fields:
            r[field].sort(key=lambda item: local_order(item["id"]))
    return [out[a] for a in sorted(out)]


ENTITY_COLUMNS = (entities.c.article_id, entities.c.id, entities.c.type, entities.c.name,
                  entities.c.aliases, entities.c.roles)
SPEAKER_COLUMNS = (quotes.c.article_id, quotes.c.speaker, quotes.c.speaker_text)


def entity_inputs(conn: Connection, where: Where) -> dict[Ref, dict]:
    """Entities by (article id, entity id), each with ``descriptions``."""
    out = {}
    for query in where(select(*ENTITY_COLUMNS)):
        out.update(entity_rows(conn.execute(query)))
    speakers = select(*SPEAKER_COLUMNS)
    add_descriptions(out, rows_in(conn, speakers, tuple_(quotes.c.article_id, quotes.c.speaker),
                                  set(out)))
    return out


def entity_rows(rows: Iterable) -> dict[Ref, dict]:
    """Rows of ``ENTITY_COLUMNS`` as resolution's entities (no descriptions yet)."""
    return {(_(a), _(i)): {"id": _(i), "type": _(type_), "name": _(name),
                           "aliases": [_(x) for x in aliases or ()],
                           "roles": list(roles or ()), "descriptions": []}
            for a, i, type_, name, aliases, roles in rows}


def add_descriptions(found: dict[Ref, dict], speakers: Iterable) -> None:
    """Give the persons of ``found`` the descriptions their quotes name them by, from rows of
    ``SPEAKER_COLUMNS`` (rows of other entities are passed over)."""
    forms: dict[Ref, set[str]] = defaultdict(set)
    for a, speaker, text in speakers:
        e = found.get((a, speaker))
        if e is not None and e["type"] == "PERSON" and (form := description(text)) is not None:
            forms[(a, speaker)].add(form)
    for ref, found_forms in forms.items():
        found[ref]["descriptions"] = sorted(found_forms)


def event_inputs(conn: Connection, where: Where, where_parties: Where) -> dict[Ref, dict]:
    """Event reports by (article id, event id), with their parties in the record's order."""
    found: dict[Ref, dict] = {}
    for query in where(select(events)):
        for row in conn.execute(query):
            found[(_(row.article_id), _(row.id))] = {
                "id": _(row.id), "type": _(row.type), "subtype": row.subtype,
                "status": row.status, "date": row.date, "place": row.place,
                "actors": [], "targets": [],
                "trigger": {"start": row.trigger_start, "end": row.trigger_end,
                            "text": row.trigger_text},
                "sentence": {"start": row.sentence_start, "end": row.sentence_end},
            }
    parts = [p for query in where_parties(select(event_participants))
             for p in conn.execute(query)]
    parts.sort(key=lambda p: (p.article_id, p.event_id, p.role, p.position))
    for p in parts:
        side = "actors" if p.role == "actor" else "targets"
        found[(p.article_id, p.event_id)][side].append(_(p.entity_id))
    return found


def publication_dates(conn: Connection, article_ids: set[str]) -> dict[str, str | None]:
    """Publication dates as the records give them (ISO strings)."""
    return {a: day.isoformat() if day else None for a, day in pairs_in(
        conn, select(articles.c.id, articles.c.published), articles.c.id, article_ids)}


def by_articles(table, article_ids: set[str]) -> Where:
    def queries(query: Select) -> Iterator[Select]:
        for chunk in chunks(article_ids):
            yield query.where(table.c.article_id.in_(chunk))
    return queries


def by_refs(table, refs: set[Ref], local=None) -> Where:
    """Rows whose (article_id, ``local``) is one of ``refs`` (``local`` defaults to id)."""
    column = table.c.id if local is None else local

    def queries(query: Select) -> Iterator[Select]:
        for chunk in chunks(refs):
            yield query.where(tuple_(table.c.article_id, column).in_(chunk))
    return queries


def rows_in(conn: Connection, query, column, values: Iterable) -> Iterator:
    for chunk in chunks(values):
        yield from conn.execute(query.where(column.in_(chunk)))


def pairs_in(conn: Connection, query, column, values: Iterable) -> Iterator[tuple]:
    for row in rows_in(conn, query, column, values):
        yield tuple(row)


def scalars_in(conn: Connection, selected, column, values: Iterable) -> Iterator:
    for chunk in chunks(values):
        yield from conn.scalars(select(selected).where(column.in_(chunk)))


def delete_in(conn: Connection, table, column, values: Iterable) -> None:
    for chunk in chunks(values):
        conn.execute(delete(table).where(column.in_(chunk)))


def chunks(values: Iterable) -> Iterator[list]:
    iterator = iter(sorted(values))
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk
