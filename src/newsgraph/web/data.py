"""The web pages' queries: paginated reads of the resolved layer and the per-article tables.

``store/views.py`` answers the CLI with whole lists; a page needs one slice of a list and its
total, so these queries take ``page``/``per_page`` and count in SQL. Lists with undated rows
last (timeline, articles) are read in two passes, dated rows then undated ones, each in the
order of an index, so a page costs its size rather than a sort of every row (``paging.py``).
Only the ids of one page are joined to their parties, sources and articles. Names match any
form of an actor as ``views.matching_actors`` does; dates are ISO prefixes (``2026``,
``2026-03``, ``2026-03-12``) compared as the CLI compares them. Search is ``search.py``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    and_,
    distinct,
    exists,
    func,
    literal,
    select,
    tuple_,
)

from newsgraph.store.resolution import search_key
from newsgraph.store.schema import (
    actor_forms,
    actor_members,
    actor_roles,
    actors,
    articles,
    event_sources,
    quotes,
    rejects,
    resolved_articles,
    resolved_event_parties,
    resolved_events,
    stances,
)
from newsgraph.web.models import (
    ActorPage,
    ActorRef,
    ArticleRef,
    ArticleRow,
    ArticlesPage,
    CoActor,
    EventPage,
    Form,
    Paging,
    Quote,
    Reject,
    RejectsPage,
    Role,
    Source,
    Span,
    Stance,
    TimelinePage,
    TimelineRow,
)
from newsgraph.web.paging import keyed_page, offset, two_pass

HIGH = "~"  # sorts after every character of an ISO date: "2026-03~" is past every March day
CO_ACTORS = 20  # co-occurring actors shown on an actor page
CO_SAMPLE = 2000  # articles of an actor its co-occurring actors are counted in, at most


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


def article_columns() -> list:
    """The columns ``article_ref`` reads, labelled so they do not clash with a record's."""
    a = articles.c
    return [a.id.label("a_id"), a.url.label("a_url"), a.title.label("a_title"),
            a.outlet.label("a_outlet"), a.published.label("a_published")]


def article_ref(row) -> ArticleRef:
    return ArticleRef(row.a_id, row.a_url, row.a_title, row.a_outlet, row.a_published)


def actor_refs(conn: Connection, ids: Iterable[str | None]) -> dict[str, ActorRef]:
    """Id, type and name of each actor named in ``ids`` (None and repeats ignored)."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    query = select(actors.c.id, actors.c.type, actors.c.name).where(actors.c.id.in_(wanted))
    return {r.id: ActorRef(r.id, r.type, r.name) for r in conn.execute(query)}


def count(conn: Connection, query: Select) -> int:
    """How many rows ``query`` gives."""
    return conn.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


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


def timeline_passes(f: EventFilter) -> tuple[Select, Select]:
    """The ids of the dated events in date order, then of the undated ones: both in the
    order of ``ix_resolved_events_timeline``, which reads them without sorting."""
    t = resolved_events
    ids = _event_filter(select(t.c.id), f).order_by(t.c.date_from, t.c.date_to, t.c.id)
    return ids.where(t.c.date_from.is_not(None)), ids.where(t.c.date_from.is_(None))


def timeline(engine: Engine, f: EventFilter, page: int, per_page: int) -> TimelinePage:
    """Events by date (undated last), one page of them, with sources and outlets counted."""
    t = resolved_events
    dated, undated = timeline_passes(f)
    with engine.connect() as conn:
        n_dated, n_undated = count(conn, dated), count(conn, undated)
        ids = two_pass(conn, dated, n_dated, undated, offset(page, per_page), per_page)
        by_id = {r.id: r for r in conn.execute(select(t).where(t.c.id.in_(ids)))} if ids else {}
        rows = _timeline_rows(conn, [by_id[i] for i in ids])
    return TimelinePage(f.as_dict(), Paging.of(page, per_page, n_dated + n_undated), rows)


def _timeline_rows(conn: Connection, found: Sequence) -> list[TimelineRow]:
    ids = [r.id for r in found]
    parties = _parties(conn, ids)
    refs = actor_refs(conn, [r.place_actor_id for r in found]
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
        refs = actor_refs(conn, [row.place_actor_id, *parties.get("actor", ()),
                            *parties.get("target", ())])
        stats = conn.execute(
            select(func.count().label("n"), func.count(distinct(articles.c.outlet)).label("o"))
            .select_from(s).join(articles, articles.c.id == s.c.article_id)
            .where(s.c.event_id == event_id)).one()
        query = (select(s, sentence, *article_columns())
                 .join(articles, articles.c.id == s.c.article_id)
                 .where(s.c.event_id == event_id)
                 .order_by(articles.c.published, articles.c.id, s.c.event_local_id)
                 .limit(per_page).offset(offset(page, per_page)))
        sources = [Source(
            article=article_ref(r), event_local_id=r.event_local_id, status=r.status, date=r.date,
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
        roles_total, roles = _roles(conn, actor_id, page, per_page)
        quotes_total, found_quotes = _actor_quotes(conn, actor_id, page, per_page)
        stances_total, found_stances = _stance_page(conn, actor_id, page, per_page)
        co, n_articles, counted_in = _co_actors(conn, actor_id)
    events = timeline(engine, EventFilter(actor_id=actor_id), page, per_page)
    longest = max(roles_total, quotes_total, events.paging.total, stances_total)
    return ActorPage(
        id=row.id, type=row.type, name=row.name, forms=forms,
        paging=Paging.of(page, per_page, longest),
        roles=roles, roles_total=roles_total, quotes=found_quotes, quotes_total=quotes_total,
        events=events.events, events_total=events.paging.total,
        stances=found_stances, stances_total=stances_total, co_actors=co,
        articles=n_articles, co_actors_counted_in=counted_in)


def _roles(conn: Connection, actor_id: str, page: int,
           per_page: int) -> tuple[int, list[Role]]:
    """The number of (role, article) the actor has and one page of them, by date."""
    r = actor_roles
    keys = (select(r.c.role, r.c.article_id)
            .join(articles, articles.c.id == r.c.article_id)
            .where(r.c.actor_id == actor_id)
            .order_by(articles.c.published, r.c.role, articles.c.id))
    total, wanted = keyed_page(conn, keys, offset(page, per_page), per_page)
    found = {}
    if wanted:
        query = (select(*article_columns())
                 .where(articles.c.id.in_(sorted({a for _, a in wanted}))))
        found = {x.a_id: article_ref(x) for x in conn.execute(query)}
    return total, [Role(role, found[a]) for role, a in wanted]


def _resolved(article_id) -> ColumnElement[bool]:
    """The article is one the resolved layer was built from (the latest of its lineage). An
    EXISTS, not a join: checked only for the rows found, after the indexed lookups."""
    return exists().where(resolved_articles.c.article_id == article_id)


def quotes_query() -> Select:
    """Quotes of the current articles (latest versions), with the speaking actor if known."""
    q, m = quotes, actor_members
    return (select(q, m.c.actor_id, *article_columns())
            .join(articles, articles.c.id == q.c.article_id)
            .where(_resolved(q.c.article_id))
            .outerjoin(m, and_(m.c.article_id == q.c.article_id, m.c.entity_id == q.c.speaker)))


def _actor_quotes(conn: Connection, actor_id: str, page: int,
                  per_page: int) -> tuple[int, list[Quote]]:
    """The number of quotes the actor spoke and one page of them, by publication date."""
    q, m = quotes, actor_members
    keys = (select(q.c.article_id, q.c.id)
            .join(articles, articles.c.id == q.c.article_id)
            .join(m, and_(m.c.article_id == q.c.article_id, m.c.entity_id == q.c.speaker))
            .where(m.c.actor_id == actor_id, _resolved(q.c.article_id))
            .order_by(articles.c.published, articles.c.id, q.c.span_start))
    total, wanted = keyed_page(conn, keys, offset(page, per_page), per_page)
    return total, quote_rows(conn, by_keys(conn, quotes_query(), q, wanted))


def by_keys(conn: Connection, query: Select, table, wanted: Sequence[tuple]) -> list:
    """The rows of ``query`` whose (article_id, id) in ``table`` is one of ``wanted``, in
    that order."""
    if not wanted:
        return []
    found = conn.execute(query.order_by(None).where(
        tuple_(table.c.article_id, table.c.id).in_(list(wanted))))
    by_key = {(r.article_id, r.id): r for r in found}
    return [by_key[key] for key in wanted if key in by_key]


def quote_rows(conn: Connection, found: Sequence) -> list[Quote]:
    """Rows of ``quotes_query`` as quotes, each speaker as an actor when resolved."""
    refs = actor_refs(conn, [r.actor_id for r in found])
    return [Quote(
        article=article_ref(r), id=r.id, text=r.text, kind=r.kind,
        speaker=refs.get(r.actor_id) if r.actor_id else None, speaker_text=r.speaker_text,
        cue=r.cue, start=r.span_start, end=r.span_end) for r in found]


def _stance_page(conn: Connection, actor_id: str, page: int,
                 per_page: int) -> tuple[int, list[Stance]]:
    s, m = stances, actor_members
    keys = (select(s.c.article_id, s.c.id)
            .join(articles, articles.c.id == s.c.article_id)
            .join(m, and_(m.c.article_id == s.c.article_id, m.c.entity_id == s.c.holder))
            .where(m.c.actor_id == actor_id, _resolved(s.c.article_id))
            .order_by(articles.c.published, articles.c.id, s.c.evidence_start, s.c.id))
    total, wanted = keyed_page(conn, keys, offset(page, per_page), per_page)
    holder = actor_refs(conn, [actor_id]).get(actor_id)
    details = select(s, *article_columns()).join(articles, articles.c.id == s.c.article_id)
    found = by_keys(conn, details, s, wanted)
    return total, [Stance(
        article=article_ref(r), id=r.id, holder=holder, issue=r.issue, polarity=r.polarity,
        evidence=Span(r.evidence_start, r.evidence_end, r.evidence_text)) for r in found]


def _co_actors(conn: Connection, actor_id: str) -> tuple[list[CoActor], int, int]:
    """The actors named in most of this actor's articles, the number of its articles, and how
    many of them were counted: at most CO_SAMPLE, those with the smallest ids (content
    hashes, so a fair sample), read in order from actor_members' covering indexes, so an actor
    named in 25,000 articles costs what one named in CO_SAMPLE does."""
    m = actor_members
    naming = select(m.c.article_id).distinct().where(m.c.actor_id == actor_id)
    n_articles = count(conn, naming)
    sample = naming.order_by(m.c.article_id).limit(CO_SAMPLE).subquery()
    other = actor_members.alias("other")
    counted = (select(other.c.actor_id, func.count(distinct(other.c.article_id)).label("n"))
               .join(sample, sample.c.article_id == other.c.article_id)
               .where(other.c.actor_id != actor_id)
               .group_by(other.c.actor_id)
               .subquery())
    query = (select(actors.c.id, actors.c.type, actors.c.name, counted.c.n)
             .join(counted, counted.c.actor_id == actors.c.id)
             .order_by(counted.c.n.desc(), actors.c.name, actors.c.id)
             .limit(CO_ACTORS))
    found = [CoActor(ActorRef(r.id, r.type, r.name), r.n) for r in conn.execute(query)]
    return found, n_articles, min(n_articles, CO_SAMPLE)


# --- articles and rejects -------------------------------------------------------------------


def article_passes() -> tuple[Select, Select]:
    """The ids of the dated articles, newest first, then of the undated ones: both in the
    order of ``ix_articles_newest``, which reads them without sorting."""
    a = articles.c
    ids = select(a.id).order_by(a.published.desc(), a.id)
    return ids.where(a.published.is_not(None)), ids.where(a.published.is_(None))


def article_list(engine: Engine, page: int, per_page: int) -> ArticlesPage:
    """Every stored article version, newest publication first (undated last)."""
    a = articles.c
    dated, undated = article_passes()
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(articles)) or 0
        n_undated = count(conn, undated)
        ids = two_pass(conn, dated, total - n_undated, undated, offset(page, per_page),
                       per_page)
        query = select(a.id, a.title, a.outlet, a.published, a.url, a.source, a.version)
        by_id = {r.id: r for r in conn.execute(query.where(a.id.in_(ids)))} if ids else {}
        n_rejects = conn.scalar(select(func.count()).select_from(rejects)) or 0
    return ArticlesPage(Paging.of(page, per_page, total),
                        [ArticleRow(**by_id[i]._asdict()) for i in ids], n_rejects)


def reject_list(engine: Engine, page: int, per_page: int) -> RejectsPage:
    """Rejected inputs, most recently seen first."""
    t = rejects
    query = (select(t.c.source, t.c.reason, t.c.first_seen, t.c.last_seen)
             .order_by(t.c.last_seen.desc(), t.c.source, t.c.reason))
    with engine.connect() as conn:
        total = conn.scalar(select(func.count()).select_from(rejects)) or 0
        found = conn.execute(query.limit(per_page).offset(offset(page, per_page))).all()
    return RejectsPage(Paging.of(page, per_page, total), [Reject(**r._asdict()) for r in found])
