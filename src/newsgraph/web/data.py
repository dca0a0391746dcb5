"""The web pages' queries: paginated reads of the resolved layer and the per-article tables.

``store/views.py`` answers the CLI with whole lists; a page needs one slice of a list and its
total, so these queries take ``page``/``per_page`` and count in SQL. Only the ids of one page
are joined to their parties, sources and articles. Names match any form of an actor as
``views.matching_actors`` does; dates are ISO prefixes (``2026``, ``2026-03``, ``2026-03-12``)
compared as the CLI compares them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Select, and_, case, distinct, func, literal, select

from newsgraph.store.resolution import search_key
from newsgraph.store.schema import (
    actor_forms,
    actor_members,
    actor_roles,
    actors,
    articles,
    event_sources,
    quantities,
    quotes,
    rejects,
    resolved_articles,
    resolved_event_parties,
    resolved_events,
    stances,
)
from newsgraph.web.models import (
    ActorHit,
    ActorPage,
    ActorRef,
    ArticleRef,
    ArticleRow,
    ArticlesPage,
    CoActor,
    EventPage,
    Figure,
    Form,
    Paging,
    Quote,
    Reject,
    RejectsPage,
    Role,
    SearchPage,
    Source,
    Span,
    Stance,
    TimelinePage,
    TimelineRow,
)

HIGH = "~"  # sorts after every character of an ISO date: "2026-03~" is past every March day
CO_ACTORS = 20  # co-occurring actors shown on an actor page


@dataclass(frozen=True)
class EventFilter:
    """The timeline's filters; None means "any"."""

    actor: str | None = None  # any form of a party, a substring
    actor_id: str | None = None  # one actor, by id
    type: str | None = None  # PLOVER type
    place: str | None = None  # any form of the place, a substring
    date_from: str | None = None  # ISO prefix: the event's range overlaps [from, to]
    date_to: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"actor": self.actor, "type": self.type, "place": self.place,
                "from": self.date_from, "to": self.date_to}


# --- shared helpers ---------------------------------------------------------------------------


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching_actors(name: str) -> Select:
    """Ids of actors any of whose forms contains ``name`` (case and accents ignored)."""
    return select(actor_forms.c.actor_id).where(
        actor_forms.c.key.like(_like(search_key(name)), escape="\\"))


def _article_columns() -> list:
    a = articles.c
    return [a.id.label("a_id"), a.url.label("a_url"), a.title.label("a_title"),
            a.outlet.label("a_outlet"), a.published.label("a_published")]


def _article(row) -> ArticleRef:
    return ArticleRef(row.a_id, row.a_url, row.a_title, row.a_outlet, row.a_published)


def _refs(conn: Connection, ids: Iterable[str | None]) -> dict[str, ActorRef]:
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    query = select(actors.c.id, actors.c.type, actors.c.name).where(actors.c.id.in_(wanted))
    return {r.id: ActorRef(r.id, r.type, r.name) for r in conn.execute(query)}


def _count(conn: Connection, query: Select) -> int:
    return conn.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


def _offset(page: int, per_page: int) -> int:
    return (page - 1) * per_page


# --- timeline -------------------------------------------------------------------------------


def _event_filter(query: Select, f: EventFilter) -> Select:
    t, p = resolved_events, resolved_event_parties
    if f.actor is not None:
        query = query.where(t.c.id.in_(
            select(p.c.event_id).where(p.c.actor_id.in_(matching_actors(f.actor)))))
    if f.actor_id is not None:
        query = query.where(t.c.id.in_(select(p.c.event_id).where(p.c.actor_id == f.actor_id)))
    if f.type is not None:
        query = query.where(t.c.type == f.type.upper())
    if f.date_from is not None:  # the event's last date is on or after the start
        query = query.where((t.c.date_to + literal(HIGH)) >= f.date_from)
    if f.date_to is not None:  # and its first date on or before the end
        query = query.where(t.c.date_from <= f.date_to + HIGH)
    if f.place is not None:
        query = query.where(t.c.place_actor_id.in_(matching_actors(f.place)))
    return query


def timeline(engine: Engine, f: EventFilter, page: int, per_page: int) -> TimelinePage:
    """Events by date (undated last), one page of them, with sources and outlets counted."""
    t = resolved_events
    query = _event_filter(select(t), f)
    ordered = query.order_by(case((t.c.date_from.is_(None), 1), else_=0), t.c.date_from,
                             t.c.date_to, t.c.id)
    with engine.connect() as conn:
        total = _count(conn, query)
        found = conn.execute(ordered.limit(per_page).offset(_offset(page, per_page))).all()
        rows = _timeline_rows(conn, found)
    return TimelinePage(f.as_dict(), Paging.of(page, per_page, total), rows)


def _timeline_rows(conn: Connection, found: Sequence) -> list[TimelineRow]:
    ids = [r.id for r in found]
    parties = _parties(conn, ids)
    refs = _refs(conn, [r.place_actor_id for r in found]
                 + [a for sides in parties.values() for side in sides.values() for a in side])
    s = event_sources
    counts: dict[str, tuple[int, int]] = {}
    statuses: dict[str, set[str]] = defaultdict(set)
    if ids:
        query = (select(s.c.event_id, func.count().label("n"),
                        func.count(distinct(articles.c.outlet)).label("outlets"))
                 .join(articles, articles.c.id == s.c.article_id)
                 .where(s.c.event_id.in_(ids)).group_by(s.c.event_id))
        counts = {r.event_id: (r.n, r.outlets) for r in conn.execute(query)}
        query = select(s.c.event_id, s.c.status).distinct().where(
            s.c.event_id.in_(ids), s.c.status.is_not(None))
        for r in conn.execute(query):
            statuses[r.event_id].add(r.status)
    return [TimelineRow(
        id=r.id, date_from=r.date_from, date_to=r.date_to, type=r.type, subtype=r.subtype,
        actors=[refs[a] for a in parties.get(r.id, {}).get("actor", ())],
        targets=[refs[a] for a in parties.get(r.id, {}).get("target", ())],
        place=refs.get(r.place_actor_id) if r.place_actor_id else None,
        sources=counts.get(r.id, (0, 0))[0], outlets=counts.get(r.id, (0, 0))[1],
        statuses=sorted(statuses.get(r.id, ())),
    ) for r in found]


def _parties(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, list[str]]]:
    p = resolved_event_parties
    out: dict[str, dict[str, list[str]]] = {}
    if not ids:
        return out
    query = (select(p.c.event_id, p.c.side, p.c.actor_id).where(p.c.event_id.in_(ids))
             .order_by(p.c.event_id, p.c.side, p.c.position))
    for r in conn.execute(query):
        out.setdefault(r.event_id, {}).setdefault(r.side, []).append(r.actor_id)
    return out


# --- event ----------------------------------------------------------------------------------


def event(engine: Engine, event_id: str, page: int, per_page: int) -> EventPage | None:
    """One event with its parties and one page of its sources (by publication date)."""
    t, s = resolved_events, event_sources
    sentence = func.substr(articles.c.text, s.c.sentence_start + 1,
                           s.c.sentence_end - s.c.sentence_start).label("sentence_text")
    with engine.connect() as conn:
        row = conn.execute(select(t).where(t.c.id == event_id)).first()
        if row is None:
            return None
        parties = _parties(conn, [event_id]).get(event_id, {})
        refs = _refs(conn, [row.place_actor_id, *parties.get("actor", ()),
                            *parties.get("target", ())])
        stats = conn.execute(
            select(func.count().label("n"), func.count(distinct(articles.c.outlet)).label("o"))
            .select_from(s).join(articles, articles.c.id == s.c.article_id)
            .where(s.c.event_id == event_id)).one()
        query = (select(s, sentence, *_article_columns())
                 .join(articles, articles.c.id == s.c.article_id)
                 .where(s.c.event_id == event_id)
                 .order_by(articles.c.published, articles.c.id, s.c.event_local_id)
                 .limit(per_page).offset(_offset(page, per_page)))
        sources = [Source(
            article=_article(r), event_local_id=r.event_local_id, status=r.status, date=r.date,
            trigger=Span(r.trigger_start, r.trigger_end, r.trigger_text),
            sentence=Span(r.sentence_start, r.sentence_end, r.sentence_text),
        ) for r in conn.execute(query)]
    return EventPage(
        id=row.id, type=row.type, subtype=row.subtype, date_from=row.date_from,
        date_to=row.date_to, place=refs.get(row.place_actor_id) if row.place_actor_id else None,
        actors=[refs[a] for a in parties.get("actor", ())],
        targets=[refs[a] for a in parties.get("target", ())],
        outlets=stats.o, paging=Paging.of(page, per_page, stats.n), sources=sources)


# --- actor ----------------------------------------------------------------------------------


def actor(engine: Engine, actor_id: str, page: int, per_page: int) -> ActorPage | None:
    """One actor: forms, and one page each of its roles, quotes, events and stances."""
    with engine.connect() as conn:
        row = conn.execute(select(actors).where(actors.c.id == actor_id)).first()
        if row is None:
            return None
        f = actor_forms
        forms = [Form(r.form, r.count) for r in conn.execute(
            select(f.c.form, f.c.count).where(f.c.actor_id == actor_id)
            .order_by(f.c.count.desc(), f.c.form))]
        r = actor_roles
        roles_query = (select(r.c.role, *_article_columns())
                       .join(articles, articles.c.id == r.c.article_id)
                       .where(r.c.actor_id == actor_id)
                       .order_by(articles.c.published, r.c.role, articles.c.id))
        roles_total = _count(conn, roles_query)
        roles = [Role(x.role, _article(x)) for x in conn.execute(
            roles_query.limit(per_page).offset(_offset(page, per_page)))]
        quotes_query = _quotes_query().where(actor_members.c.actor_id == actor_id)
        quotes_total, found_quotes = _quote_page(conn, quotes_query, page, per_page)
        stances_total, found_stances = _stance_page(conn, actor_id, page, per_page)
        co = _co_actors(conn, actor_id)
    events = timeline(engine, EventFilter(actor_id=actor_id), page, per_page)
    longest = max(roles_total, quotes_total, events.paging.total, stances_total)
    return ActorPage(
        id=row.id, type=row.type, name=row.name, forms=forms,
        paging=Paging.of(page, per_page, longest),
        roles=roles, roles_total=roles_total, quotes=found_quotes, quotes_total=quotes_total,
        events=events.events, events_total=events.paging.total,
        stances=found_stances, stances_total=stances_total, co_actors=co)


def _quotes_query() -> Select:
    """Quotes of the current articles (latest versions), with the speaking actor if known."""
    q, m = quotes, actor_members
    return (select(q, m.c.actor_id, *_article_columns())
            .join(resolved_articles, resolved_articles.c.article_id == q.c.article_id)
            .join(articles, articles.c.id == q.c.article_id)
            .outerjoin(m, and_(m.c.article_id == q.c.article_id, m.c.entity_id == q.c.speaker))
            .order_by(articles.c.published, articles.c.id, q.c.span_start))


def _quote_page(conn: Connection, query: Select, page: int,
                per_page: int) -> tuple[int, list[Quote]]:
    total = _count(conn, query)
    found = conn.execute(query.limit(per_page).offset(_offset(page, per_page))).all()
    refs = _refs(conn, [r.actor_id for r in found])
    return total, [Quote(
        article=_article(r), id=r.id, text=r.text, kind=r.kind,
        speaker=refs.get(r.actor_id) if r.actor_id else None, speaker_text=r.speaker_text,
        cue=r.cue, start=r.span_start, end=r.span_end) for r in found]


def _stance_page(conn: Connection, actor_id: str, page: int,
                 per_page: int) -> tuple[int, list[Stance]]:
    s, m = stances, actor_members
    query = (select(s, *_article_columns())
             .join(resolved_articles, resolved_articles.c.article_id == s.c.article_id)
             .join(articles, articles.c.id == s.c.article_id)
             .join(m, and_(m.c.article_id == s.c.article_id, m.c.entity_id == s.c.holder))
             .where(m.c.actor_id == actor_id)
             .order_by(articles.c.published, articles.c.id, s.c.evidence_start, s.c.id))
    total = _count(conn, query)
    holder = _refs(conn, [actor_id]).get(actor_id)
    found = conn.execute(query.limit(per_page).offset(_offset(page, per_page))).all()
    return total, [Stance(
        article=_article(r), id=r.id, holder=holder, issue=r.issue, polarity=r.polarity,
        evidence=Span(r.evidence_start, r.evidence_end, r.evidence_text)) for r in found]


def _co_actors(conn: Connection, actor_id: str) -> list[CoActor]:
    mine, other = actor_members.alias("mine"), actor_members.alias("other")
    shared = func.count(distinct(other.c.article_id)).label("n")
    query = (select(actors.c.id, actors.c.type, actors.c.name, shared)
             .select_from(mine)
             .join(other, and_(other.c.article_id == mine.c.article_id,
                               other.c.actor_id != mine.c.actor_id))
             .join(actors, actors.c.id == other.c.actor_id)
             .where(mine.c.actor_id == actor_id)
             .group_by(actors.c.id, actors.c.type, actors.c.name)
             .order_by(shared.desc(), actors.c.name, actors.c.id)
             .limit(CO_ACTORS))
    return [CoActor(ActorRef(r.id, r.type, r.name), r.n) for r in conn.execute(query)]


# --- articles and rejects -------------------------------------------------------------------


def article_list(engine: Engine, page: int, per_page: int) -> ArticlesPage:
    """Every stored article version, newest publication first (undated last)."""
    a = articles.c
    query = (select(a.id, a.title, a.outlet, a.published, a.url, a.source, a.version)
             .order_by(case((a.published.is_(None), 1), else_=0), a.published.desc(), a.id))
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(articles)) or 0
        found = conn.execute(query.limit(per_page).offset(_offset(page, per_page))).all()
        n_rejects = conn.scalar(select(func.count()).select_from(rejects)) or 0
    return ArticlesPage(Paging.of(page, per_page, total),
                        [ArticleRow(**r._asdict()) for r in found], n_rejects)


def reject_list(engine: Engine, page: int, per_page: int) -> RejectsPage:
    """Rejected inputs, most recently seen first."""
    t = rejects
    query = (select(t.c.source, t.c.reason, t.c.first_seen, t.c.last_seen)
             .order_by(t.c.last_seen.desc(), t.c.source, t.c.reason))
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(rejects)) or 0
        found = conn.execute(query.limit(per_page).offset(_offset(page, per_page))).all()
    return RejectsPage(Paging.of(page, per_page, total), [Reject(**r._asdict()) for r in found])


# --- search ---------------------------------------------------------------------------------


def search(engine: Engine, q: str, page: int, per_page: int) -> SearchPage:
    """Actors by any form, quotes by their words, figures by their text or what they count;
    each a case-insensitive substring match, one page of each."""
    with engine.connect() as conn:
        if not q.strip():
            return SearchPage(q, Paging.of(page, per_page, 0), [], 0, [], 0, [], 0)
        actors_total, found_actors = _actor_hits(conn, q, page, per_page)
        words = _like(q.lower())
        quotes_query = _quotes_query().where(func.lower(quotes.c.text).like(words, escape="\\"))
        quotes_total, found_quotes = _quote_page(conn, quotes_query, page, per_page)
        figures_total, figures = _figure_page(conn, words, page, per_page)
    longest = max(actors_total, quotes_total, figures_total)
    return SearchPage(q, Paging.of(page, per_page, longest), found_actors, actors_total,
                      found_quotes, quotes_total, figures, figures_total)


def _actor_hits(conn: Connection, q: str, page: int,
                per_page: int) -> tuple[int, list[ActorHit]]:
    query = (select(actors.c.id, actors.c.type, actors.c.name)
             .where(actors.c.id.in_(matching_actors(q))).order_by(actors.c.name, actors.c.id))
    total = _count(conn, query)
    found = conn.execute(query.limit(per_page).offset(_offset(page, per_page))).all()
    forms: dict[str, list[str]] = defaultdict(list)
    if found:
        f = actor_forms
        for r in conn.execute(select(f.c.actor_id, f.c.form)
                              .where(f.c.actor_id.in_([x.id for x in found]))
                              .order_by(f.c.actor_id, f.c.count.desc(), f.c.form)):
            forms[r.actor_id].append(r.form)
    return total, [ActorHit(r.id, r.type, r.name, forms[r.id]) for r in found]


def _figure_page(conn: Connection, words: str, page: int,
                 per_page: int) -> tuple[int, list[Figure]]:
    n, m = quantities, actor_members
    query = (select(n, m.c.actor_id, *_article_columns())
             .join(resolved_articles, resolved_articles.c.article_id == n.c.article_id)
             .join(articles, articles.c.id == n.c.article_id)
             .outerjoin(m, and_(m.c.article_id == n.c.article_id,
                                m.c.entity_id == n.c.claimed_by))
             .where(func.lower(n.c.text).like(words, escape="\\")
                    | func.lower(func.coalesce(n.c.about, "")).like(words, escape="\\"))
             .order_by(articles.c.published, articles.c.id, n.c.span_start))
    total = _count(conn, query)
    found = conn.execute(query.limit(per_page).offset(_offset(page, per_page))).all()
    refs = _refs(conn, [r.actor_id for r in found])
    return total, [Figure(
        article=_article(r), id=r.id, text=r.text, value=r.value, unit=r.unit, about=r.about,
        claimed_by=refs.get(r.actor_id) if r.actor_id else None, start=r.span_start,
        end=r.span_end) for r in found]
