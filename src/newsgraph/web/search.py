"""Search: actors by any of their forms, quotes by their words, figures by their text or by
what they count.

Actors match a substring of any folded form (``data.matching_actors``: forms are few and
their key is indexed). Quotes and figures go through the full-text index (migrations 0003 and
0005: FTS5 on SQLite; on PostgreSQL a stored tsvector with a GIN index), so they match words,
not substrings: every word of the query must begin a word of the text, in any order ("grain"
finds "grain" and "grains" but not "migraine"). Only the latest version of each article is
searched.

A page costs its size on both databases, however many rows match: hits come in the order rows
were written, newest first, read through an index (FTS5's rowid; PostgreSQL's
``search_order``), and the total is counted only up to CAP. Past CAP a list says "1,000+" and
its pages end there: a query that finds more is refined, not paged through.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Select, and_, select, text

from newsgraph.store.schema import (
    SEARCH_TABLES,
    actor_forms,
    actor_members,
    actors,
    articles,
    quantities,
    quotes,
)
from newsgraph.web.data import (
    actor_refs,
    article_columns,
    article_ref,
    count,
    matching_actors,
    quote_rows,
)
from newsgraph.web.models import ActorHit, Figure, Paging, SearchPage
from newsgraph.web.paging import offset

MAX_WORDS = 10  # words of a query that are looked up; the rest are ignored
CAP = 1000  # hits counted, and listed, per list: beyond it the total is "1,000+"


@dataclass(frozen=True)
class Hits:
    """One page of a list's hits (article id, local id), and the list's total up to CAP."""

    total: int
    capped: bool  # more than CAP hits: ``total`` is CAP
    ids: list[tuple[str, str]]


def words(q: str) -> list[str]:
    """The query's words as both indexes split text: runs of letters and digits, case folded
    ("1,200 tonnes" → ["1", "200", "tonnes"])."""
    return re.findall(r"[^\W_]+", q.casefold())[:MAX_WORDS]


def search(engine: Engine, q: str, page: int, per_page: int) -> SearchPage:
    """One page each of the actors, quotes and figures matching ``q``, with their totals."""
    if not q.strip():
        return SearchPage(q, Paging.of(page, per_page, 0), [], 0, [], 0, [], 0)
    found = words(q)
    with engine.connect() as conn:
        actors_total, found_actors = _actor_hits(conn, q, page, per_page)
        quote_hits = _hits(conn, "quotes", found, page, per_page)
        found_quotes = quote_rows(conn, _details(conn, quotes, quote_hits.ids, "speaker"))
        figure_hits = _hits(conn, "quantities", found, page, per_page)
        figures = _figures(conn, _details(conn, quantities, figure_hits.ids, "claimed_by"))
    longest = max(actors_total, quote_hits.total, figure_hits.total)
    return SearchPage(q, Paging.of(page, per_page, longest), found_actors, actors_total,
                      found_quotes, quote_hits.total, figures, figure_hits.total,
                      quotes_capped=quote_hits.capped, figures_capped=figure_hits.capped)


def _actor_hits(conn: Connection, q: str, page: int,
                per_page: int) -> tuple[int, list[ActorHit]]:
    query = (select(actors.c.id, actors.c.type, actors.c.name)
             .where(actors.c.id.in_(matching_actors(q))).order_by(actors.c.name, actors.c.id))
    total = count(conn, query)
    found = conn.execute(query.limit(per_page).offset(offset(page, per_page))).all()
    forms: dict[str, list[str]] = defaultdict(list)
    if found:
        f = actor_forms
        for r in conn.execute(select(f.c.actor_id, f.c.form)
                              .where(f.c.actor_id.in_([x.id for x in found]))
                              .order_by(f.c.actor_id, f.c.count.desc(), f.c.form)):
            forms[r.actor_id].append(r.form)
    return total, [ActorHit(r.id, r.type, r.name, forms[r.id]) for r in found]


def hit_queries(dialect: str, table: str, found: list[str]) -> tuple[str, str, str]:
    """SQL counting the rows of ``table`` (quotes, quantities) that hold every word, up to
    ``:cap`` of them; SQL for the (article id, local id) of one page of them (``:n`` rows
    after ``:o``), in the order rows were written, newest first; and the full-text query to
    bind as ``:q``. Both read an index in that order and stop when they have enough: FTS5's
    rowid on SQLite, ``search_order`` on PostgreSQL, whose planner may instead take the GIN
    index and sort the few hits of a rare word."""
    if dialect == "sqlite":
        index = SEARCH_TABLES[table]
        match = "body : (" + " ".join(f'"{w}"*' for w in found) + ")"
        where = f"FROM {index} WHERE {index} MATCH :q"
        page = f"SELECT article_id, local_id {where} ORDER BY rowid DESC LIMIT :n OFFSET :o"
        count = f"SELECT count(*) FROM (SELECT 1 {where} LIMIT :cap) AS hits"
        return count, page, match
    where = (f"FROM {table} WHERE {table}.search @@ to_tsquery('simple', :q) "
             f"AND NOT EXISTS (SELECT 1 FROM articles newer "
             f"WHERE newer.supersedes = {table}.article_id)")
    page = (f"SELECT {table}.article_id, {table}.id {where} "
            f"ORDER BY {table}.search_order DESC LIMIT :n OFFSET :o")
    count = f"SELECT count(*) FROM (SELECT 1 {where} LIMIT :cap) AS hits"
    return count, page, " & ".join(f"{w}:*" for w in found)


def _hits(conn: Connection, table: str, found: list[str], page: int, per_page: int) -> Hits:
    """A page of ``table``'s hits and their total up to CAP; pages end at CAP."""
    if not found:
        return Hits(0, False, [])
    count_sql, page_sql, match = hit_queries(conn.dialect.name, table, found)
    counted = conn.scalar(text(count_sql), {"q": match, "cap": CAP + 1}) or 0
    total, start = min(counted, CAP), offset(page, per_page)
    ids = conn.execute(text(page_sql), {"q": match, "n": min(per_page, total - start),
                                        "o": start}).all() if start < total else []
    return Hits(total, counted > CAP, [(r[0], r[1]) for r in ids])


def _details(conn: Connection, table, ids: Sequence[tuple[str, str]], actor_column: str
             ) -> list:
    """The rows ``ids`` names, in that order, with their article and the actor of
    ``actor_column`` (the speaker, the claimant) when resolved. Looked up by article id, the
    primary key's first column (SQLite reads a list of (article id, id) pairs row by row)."""
    if not ids:
        return []
    m = actor_members
    query: Select = (
        select(table, m.c.actor_id, *article_columns())
        .join(articles, articles.c.id == table.c.article_id)
        .outerjoin(m, and_(m.c.article_id == table.c.article_id,
                           m.c.entity_id == table.c[actor_column]))
        .where(table.c.article_id.in_(sorted({a for a, _ in ids}))))
    found = {(r.article_id, r.id): r for r in conn.execute(query)}
    return [found[key] for key in ids if key in found]


def _figures(conn: Connection, found: Sequence) -> list[Figure]:
    refs = actor_refs(conn, [r.actor_id for r in found])
    return [Figure(
        article=article_ref(r), id=r.id, text=r.text, value=r.value, unit=r.unit, about=r.about,
        claimed_by=refs.get(r.actor_id) if r.actor_id else None, start=r.span_start,
        end=r.span_end) for r in found]
