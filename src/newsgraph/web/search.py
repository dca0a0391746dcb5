"""Search: actors by any of their forms, quotes by their words, figures by their text or by
what they count.

Actors match a substring of any folded form (``data.matching_actors``: forms are few and
their key is indexed). Quotes and figures go through the full-text index of migration 0003
(FTS5 on SQLite, GIN on ``to_tsvector('simple', …)`` on PostgreSQL), so they match words,
not substrings: every word of the query must begin a word of the text, in any order ("grain"
finds "grain" and "grains" but not "migraine"). Only the latest version of each article is
searched. Hits come most recently stored first, the order the SQLite index keeps, so a page
reads only its rows and the total is one count over the index, however many hits there are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Connection, Engine, Select, and_, select, text

from newsgraph.store.schema import (
    SEARCH_TABLES,
    SEARCHED,
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
    by_keys,
    count,
    matching_actors,
    quote_rows,
)
from newsgraph.web.models import ActorHit, Figure, Paging, SearchPage
from newsgraph.web.paging import offset

MAX_WORDS = 10  # words of a query that are looked up; the rest are ignored


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
        quotes_total, quote_ids = _hits(conn, "quotes", found, page, per_page)
        found_quotes = quote_rows(conn, _details(conn, quotes, quote_ids, "speaker"))
        figures_total, figure_ids = _hits(conn, "quantities", found, page, per_page)
        figures = _figures(conn, _details(conn, quantities, figure_ids, "claimed_by"))
    longest = max(actors_total, quotes_total, figures_total)
    return SearchPage(q, Paging.of(page, per_page, longest), found_actors, actors_total,
                      found_quotes, quotes_total, figures, figures_total)


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
    """SQL counting the rows of ``table`` (quotes, quantities) that hold every word, SQL for
    the (article id, local id) of one page of them (``:n`` rows after ``:o``), most recently
    stored first, and the full-text query to bind as ``:q``. PostgreSQL's page also counts
    every hit (a third column), in the same scan: GIN finds the rows but not in order, so a
    page reads them all anyway."""
    if dialect == "sqlite":
        index = SEARCH_TABLES[table]
        match = "body : (" + " ".join(f'"{w}"*' for w in found) + ")"
        where = f"FROM {index} WHERE {index} MATCH :q"
        page = f"SELECT article_id, local_id {where} ORDER BY rowid DESC LIMIT :n OFFSET :o"
        return f"SELECT count(*) {where}", page, match
    body = SEARCHED[table].format(row=f"{table}.")  # the index's own expression, so it is used
    where = (f"FROM {table} JOIN articles ON articles.id = {table}.article_id "
             f"WHERE to_tsvector('simple', {body}) @@ to_tsquery('simple', :q) "
             f"AND NOT EXISTS (SELECT 1 FROM articles newer "
             f"WHERE newer.supersedes = {table}.article_id)")
    page = (f"SELECT {table}.article_id, {table}.id, count(*) OVER () {where} "
            f"ORDER BY articles.ingested_at DESC, articles.id DESC, {table}.span_start DESC "
            f"LIMIT :n OFFSET :o")
    return f"SELECT count(*) {where}", page, " & ".join(f"{w}:*" for w in found)


def _hits(conn: Connection, table: str, found: list[str], page: int,
          per_page: int) -> tuple[int, list[tuple[str, str]]]:
    if not found:
        return 0, []
    count_sql, page_sql, match = hit_queries(conn.dialect.name, table, found)
    ids = conn.execute(text(page_sql), {"q": match, "n": per_page,
                                        "o": offset(page, per_page)}).all()
    if ids and len(ids[0]) > 2:  # counted with the page
        total = ids[0][2]
    else:
        total = conn.scalar(text(count_sql), {"q": match}) or 0
    return total, [(r[0], r[1]) for r in ids]


def _details(conn: Connection, table, ids: Sequence[tuple[str, str]], actor_column: str
             ) -> list:
    """The rows ``ids`` names, in that order, with their article and the actor of
    ``actor_column`` (the speaker, the claimant) when resolved."""
    m = actor_members
    query: Select = (
        select(table, m.c.actor_id, *article_columns())
        .join(articles, articles.c.id == table.c.article_id)
        .outerjoin(m, and_(m.c.article_id == table.c.article_id,
                           m.c.entity_id == table.c[actor_column])))
    return by_keys(conn, query, table, ids)


def _figures(conn: Connection, found: Sequence) -> list[Figure]:
    refs = actor_refs(conn, [r.actor_id for r in found])
    return [Figure(
        article=article_ref(r), id=r.id, text=r.text, value=r.value, unit=r.unit, about=r.about,
        claimed_by=refs.get(r.actor_id) if r.actor_id else None, start=r.span_start,
        end=r.span_end) for r in found]
