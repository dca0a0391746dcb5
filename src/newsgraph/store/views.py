"""Reading the resolved layer: actors, events with their sources, quotes, stances, timeline.

Filtering, joining and counting happen in SQL on indexed columns; Python only assembles the
rows into frozen dataclasses with a ``to_dict`` (the ``--json`` form). Quotes and stances are
read from the articles the resolved layer was built from (the latest version of each
lineage), so a corrected article does not count twice.

Names are matched on any surface form of an actor, as a substring, ignoring case and accents
("morozov" finds the actor with the forms "Andriy Morozov" and "Andrei Morozov"). Dates are
ISO prefixes: ``2026``, ``2026-03`` or ``2026-03-12``; an event dated only "2026-03" lies
within ``--from 2026-03-10``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    and_,
    case,
    distinct,
    func,
    literal,
    select,
)

from newsgraph.extract.time_resolve import period
from newsgraph.store.resolution import search_key
from newsgraph.store.schema import (
    actor_forms,
    actor_members,
    actor_roles,
    actors,
    articles,
    event_sources,
    quotes,
    resolved_articles,
    resolved_event_parties,
    resolved_events,
    stances,
)

# Rows fetched per IN (...) list: well under SQLite's limit on bound parameters.
CHUNK = 500
# Sorts after every character of an ISO date: "2026-03" + HIGH is past every day of March.
HIGH = "~"


# --- what the queries return ----------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _Dict:
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON values (dates as ISO strings, tuples as lists)."""
        return _plain(asdict(self))  # type: ignore[call-overload]


@dataclass(frozen=True)
class ActorRef(_Dict):
    id: str
    type: str
    name: str


@dataclass(frozen=True)
class ActorSummary(_Dict):
    """An actor in a list: its forms, most used first, and how many articles name it."""

    id: str
    type: str
    name: str
    forms: tuple[str, ...]
    articles: int


@dataclass(frozen=True)
class ArticleRef(_Dict):
    id: str
    url: str | None
    title: str | None
    outlet: str | None
    published: date | None


@dataclass(frozen=True)
class Form(_Dict):
    form: str
    count: int  # per-article entities using the form


@dataclass(frozen=True)
class Role(_Dict):
    role: str
    article: ArticleRef


@dataclass(frozen=True)
class SpanText(_Dict):
    start: int | None
    end: int | None
    text: str | None


@dataclass(frozen=True)
class Source(_Dict):
    """One article's report of an event: its status, date and evidence, as that article says."""

    article: ArticleRef
    event_id: str  # the event's id inside the article ("V1")
    status: str | None
    date: str | None
    trigger: SpanText
    sentence: SpanText


@dataclass(frozen=True)
class EventView(_Dict):
    id: str
    type: str
    subtype: str | None
    date_from: str | None
    date_to: str | None
    place: ActorRef | None
    actors: tuple[ActorRef, ...]
    targets: tuple[ActorRef, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class TimelineEntry(_Dict):
    """One event of the story: when, what, who, and how widely it was reported."""

    event_id: str
    date_from: str | None
    date_to: str | None
    type: str
    subtype: str | None
    parties: tuple[str, ...]  # actor names, actors first then targets
    place: str | None
    sources: int
    outlets: int
    statuses: tuple[str, ...]  # every status the sources give, sorted


@dataclass(frozen=True)
class QuoteView(_Dict):
    article: ArticleRef
    id: str
    text: str
    kind: str
    speaker: ActorRef | None
    speaker_text: str | None
    cue: str | None
    start: int
    end: int


@dataclass(frozen=True)
class StanceView(_Dict):
    article: ArticleRef
    id: str
    holder: ActorRef | None
    issue: str | None
    polarity: str | None
    evidence: SpanText
    quote: str | None


@dataclass(frozen=True)
class CoActor(_Dict):
    actor: ActorRef
    articles: int  # articles naming both


@dataclass(frozen=True)
class ActorDetail(_Dict):
    """Everything the knowledge base holds on one actor."""

    id: str
    type: str
    name: str
    forms: tuple[Form, ...]
    roles: tuple[Role, ...]
    quotes: tuple[QuoteView, ...]
    events: tuple[EventView, ...]
    stances: tuple[StanceView, ...]
    co_actors: tuple[CoActor, ...]


# --- helpers --------------------------------------------------------------------------------


def _contains(value: str) -> str:
    """A LIKE pattern for "contains value", with LIKE's own characters escaped."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching_actors(name: str) -> Select:
    """Ids of actors any of whose forms contains ``name`` (case and accents ignored)."""
    pattern = _contains(search_key(name))
    return select(actor_forms.c.actor_id).where(actor_forms.c.key.like(pattern, escape="\\"))


def date_bounds(value: str | date | None, *, upper: bool) -> date | None:
    """The first (or last) day an ISO prefix covers: "2026-03" → 1 or 31 March 2026."""
    if value is None or isinstance(value, date):
        return value
    first, last = period(str(value))
    return last if upper else first


def _iso(value: str | date | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _chunks(ids: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def _article_columns() -> list:
    return [articles.c.id.label("a_id"), articles.c.url.label("a_url"),
            articles.c.title.label("a_title"), articles.c.outlet.label("a_outlet"),
            articles.c.published.label("a_published")]


def _article(row) -> ArticleRef:
    return ArticleRef(row.a_id, row.a_url, row.a_title, row.a_outlet, row.a_published)


def _refs(conn: Connection, ids: Iterable[str | None]) -> dict[str, ActorRef]:
    wanted = sorted({i for i in ids if i})
    out: dict[str, ActorRef] = {}
    for part in _chunks(wanted):
        query = select(actors.c.id, actors.c.type, actors.c.name).where(actors.c.id.in_(part))
        out.update({r.id: ActorRef(r.id, r.type, r.name) for r in conn.execute(query)})
    return out


def _timeline_order(query: Select) -> Select:
    t = resolved_events
    return query.order_by(case((t.c.date_from.is_(None), 1), else_=0), t.c.date_from,
                          t.c.date_to, t.c.id)


def _event_filter(query: Select, *, actor: str | None, actor_id: str | None,
                  type: str | None, date_from: str | date | None, date_to: str | date | None,
                  place: str | None) -> Select:
    t, p = resolved_events, resolved_event_parties
    if actor is not None:
        query = query.where(t.c.id.in_(
            select(p.c.event_id).where(p.c.actor_id.in_(matching_actors(actor)))))
    if actor_id is not None:
        query = query.where(t.c.id.in_(select(p.c.event_id).where(p.c.actor_id == actor_id)))
    if type is not None:
        query = query.where(t.c.type == type.upper())
    if date_from is not None:  # the event's last date is on or after the start
        query = query.where((t.c.date_to + literal(HIGH)) >= _iso(date_from))
    if date_to is not None:  # and its first date on or before the end
        query = query.where(t.c.date_from <= _iso(date_to) + HIGH)
    if place is not None:
        query = query.where(t.c.place_actor_id.in_(matching_actors(place)))
    return query


# --- actors ---------------------------------------------------------------------------------


def list_actors(engine: Engine, *, name: str | None = None, type: str | None = None,
                limit: int | None = None) -> list[ActorSummary]:
    """Actors, most widely reported first; ``name`` matches any form, ``type`` exactly."""
    a, m = actors, actor_members
    n_articles = func.count(distinct(m.c.article_id)).label("n")
    query = (select(a.c.id, a.c.type, a.c.name, n_articles)
             .join(m, m.c.actor_id == a.c.id)
             .group_by(a.c.id, a.c.type, a.c.name)
             .order_by(n_articles.desc(), a.c.name, a.c.id))
    if name is not None:
        query = query.where(a.c.id.in_(matching_actors(name)))
    if type is not None:
        query = query.where(a.c.type == type.upper())
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        found = conn.execute(query).all()
        forms = _forms(conn, [r.id for r in found])
    return [ActorSummary(r.id, r.type, r.name, tuple(f.form for f in forms.get(r.id, ())), r.n)
            for r in found]


def _forms(conn: Connection, ids: Sequence[str]) -> dict[str, list[Form]]:
    out: dict[str, list[Form]] = {}
    f = actor_forms
    for part in _chunks(ids):
        query = (select(f.c.actor_id, f.c.form, f.c.count).where(f.c.actor_id.in_(part))
                 .order_by(f.c.actor_id, f.c.count.desc(), f.c.form))
        for r in conn.execute(query):
            out.setdefault(r.actor_id, []).append(Form(r.form, r.count))
    return out


def actor(engine: Engine, actor_id: str) -> ActorDetail | None:
    """One actor with its forms, roles (with the articles stating them), the quotes it
    spoke, the events it took part in, its stances and the actors named beside it."""
    with engine.connect() as conn:
        row = conn.execute(select(actors).where(actors.c.id == actor_id)).first()
        if row is None:
            return None
        forms = tuple(_forms(conn, [actor_id]).get(actor_id, ()))
        r = actor_roles
        query = (select(r.c.role, *_article_columns())
                 .join(articles, articles.c.id == r.c.article_id)
                 .where(r.c.actor_id == actor_id)
                 .order_by(articles.c.published, r.c.role, articles.c.id))
        roles = tuple(Role(x.role, _article(x)) for x in conn.execute(query))
        co = _co_actors(conn, actor_id)
    return ActorDetail(
        id=row.id, type=row.type, name=row.name, forms=forms, roles=roles,
        quotes=tuple(list_quotes(engine, speaker_id=actor_id)),
        events=tuple(list_events(engine, actor_id=actor_id)),
        stances=tuple(list_stances(engine, holder_id=actor_id)),
        co_actors=co,
    )


def _co_actors(conn: Connection, actor_id: str, limit: int = 20) -> tuple[CoActor, ...]:
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
             .limit(limit))
    return tuple(CoActor(ActorRef(r.id, r.type, r.name), r.n) for r in conn.execute(query))


# --- events ---------------------------------------------------------------------------------


def list_events(engine: Engine, *, actor: str | None = None, actor_id: str | None = None,
                type: str | None = None, date_from: str | date | None = None,
                date_to: str | date | None = None, place: str | None = None,
                limit: int | None = None) -> list[EventView]:
    """Resolved events by date (undated last), each with its parties, place and sources."""
    query = _timeline_order(select(resolved_events))
    query = _event_filter(query, actor=actor, actor_id=actor_id, type=type,
                          date_from=date_from, date_to=date_to, place=place)
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        found = conn.execute(query).all()
        ids = [r.id for r in found]
        parties = _parties(conn, ids)
        refs = _refs(conn, [r.place_actor_id for r in found]
                     + [a for sides in parties.values() for side in sides.values() for a in side])
        sources = _sources(conn, ids)
    return [EventView(
        id=r.id, type=r.type, subtype=r.subtype, date_from=r.date_from, date_to=r.date_to,
        place=refs.get(r.place_actor_id) if r.place_actor_id else None,
        actors=tuple(refs[a] for a in parties.get(r.id, {}).get("actor", ())),
        targets=tuple(refs[a] for a in parties.get(r.id, {}).get("target", ())),
        sources=tuple(sources.get(r.id, ())),
    ) for r in found]


def _parties(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, list[str]]]:
    p = resolved_event_parties
    out: dict[str, dict[str, list[str]]] = {}
    for part in _chunks(ids):
        query = (select(p.c.event_id, p.c.side, p.c.actor_id).where(p.c.event_id.in_(part))
                 .order_by(p.c.event_id, p.c.side, p.c.position))
        for r in conn.execute(query):
            out.setdefault(r.event_id, {}).setdefault(r.side, []).append(r.actor_id)
    return out


def _sources(conn: Connection, ids: Sequence[str]) -> dict[str, list[Source]]:
    s = event_sources
    sentence = func.substr(articles.c.text, s.c.sentence_start + 1,
                           s.c.sentence_end - s.c.sentence_start).label("sentence_text")
    out: dict[str, list[Source]] = {}
    for part in _chunks(ids):
        query = (select(s, sentence, *_article_columns())
                 .join(articles, articles.c.id == s.c.article_id)
                 .where(s.c.event_id.in_(part))
                 .order_by(s.c.event_id, articles.c.published, articles.c.id,
                           s.c.event_local_id))
        for r in conn.execute(query):
            out.setdefault(r.event_id, []).append(Source(
                article=_article(r), event_id=r.event_local_id, status=r.status, date=r.date,
                trigger=SpanText(r.trigger_start, r.trigger_end, r.trigger_text),
                sentence=SpanText(r.sentence_start, r.sentence_end, r.sentence_text),
            ))
    return out


def timeline(engine: Engine, *, actor: str | None = None, type: str | None = None,
             date_from: str | date | None = None, date_to: str | date | None = None,
             place: str | None = None, limit: int | None = None) -> list[TimelineEntry]:
    """The story: events by date (undated last), each with its number of sources and of
    distinct outlets, counted in SQL."""
    t, s = resolved_events, event_sources
    n_sources = func.count().label("n_sources")
    n_outlets = func.count(distinct(articles.c.outlet)).label("n_outlets")
    query = (select(t.c.id, t.c.type, t.c.subtype, t.c.date_from, t.c.date_to,
                    t.c.place_actor_id, n_sources, n_outlets)
             .join(s, s.c.event_id == t.c.id)
             .join(articles, articles.c.id == s.c.article_id)
             .group_by(t.c.id, t.c.type, t.c.subtype, t.c.date_from, t.c.date_to,
                       t.c.place_actor_id))
    query = _timeline_order(_event_filter(query, actor=actor, actor_id=None, type=type,
                                          date_from=date_from, date_to=date_to, place=place))
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        found = conn.execute(query).all()
        ids = [r.id for r in found]
        parties = _parties(conn, ids)
        refs = _refs(conn, [r.place_actor_id for r in found]
                     + [a for sides in parties.values() for side in sides.values() for a in side])
        statuses = _statuses(conn, ids)
    return [TimelineEntry(
        event_id=r.id, date_from=r.date_from, date_to=r.date_to, type=r.type,
        subtype=r.subtype,
        parties=tuple(refs[a].name for side in ("actor", "target")
                      for a in parties.get(r.id, {}).get(side, ())),
        place=refs[r.place_actor_id].name if r.place_actor_id else None,
        sources=r.n_sources, outlets=r.n_outlets, statuses=tuple(statuses.get(r.id, ())),
    ) for r in found]


def _statuses(conn: Connection, ids: Sequence[str]) -> dict[str, list[str]]:
    s = event_sources
    out: dict[str, list[str]] = {}
    for part in _chunks(ids):
        query = (select(s.c.event_id, s.c.status).distinct()
                 .where(s.c.event_id.in_(part), s.c.status.is_not(None))
                 .order_by(s.c.event_id, s.c.status))
        for r in conn.execute(query):
            out.setdefault(r.event_id, []).append(r.status)
    return out


# --- quotes and stances ---------------------------------------------------------------------


def list_quotes(engine: Engine, *, speaker: str | None = None, speaker_id: str | None = None,
                date_from: str | date | None = None, date_to: str | date | None = None,
                text: str | None = None, limit: int | None = None) -> list[QuoteView]:
    """Quotes of the current articles by publication date; ``speaker`` matches any form of
    the speaking actor, ``text`` is a case-insensitive substring of the quote, ``date_from``
    and ``date_to`` bound the article's publication date."""
    q, m = quotes, actor_members
    query = (select(q, m.c.actor_id, *_article_columns())
             .join(resolved_articles, resolved_articles.c.article_id == q.c.article_id)
             .join(articles, articles.c.id == q.c.article_id)
             .outerjoin(m, and_(m.c.article_id == q.c.article_id, m.c.entity_id == q.c.speaker))
             .order_by(articles.c.published, articles.c.id, q.c.span_start))
    if speaker is not None:
        query = query.where(m.c.actor_id.in_(matching_actors(speaker)))
    if speaker_id is not None:
        query = query.where(m.c.actor_id == speaker_id)
    query = _published_between(query, date_from, date_to)
    if text is not None:
        query = query.where(func.lower(q.c.text).like(_contains(text.lower()), escape="\\"))
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        found = conn.execute(query).all()
        refs = _refs(conn, [r.actor_id for r in found])
    return [QuoteView(
        article=_article(r), id=r.id, text=r.text, kind=r.kind,
        speaker=refs.get(r.actor_id) if r.actor_id else None, speaker_text=r.speaker_text,
        cue=r.cue, start=r.span_start, end=r.span_end,
    ) for r in found]


def _published_between(query: Select, date_from: str | date | None,
                       date_to: str | date | None) -> Select:
    if date_from is not None:
        query = query.where(articles.c.published >= date_bounds(date_from, upper=False))
    if date_to is not None:
        query = query.where(articles.c.published <= date_bounds(date_to, upper=True))
    return query


def list_stances(engine: Engine, *, holder: str | None = None, holder_id: str | None = None,
                 issue: str | None = None, date_from: str | date | None = None,
                 date_to: str | date | None = None, limit: int | None = None
                 ) -> list[StanceView]:
    """Stances of the current articles by publication date; ``holder`` matches any form of
    the holding actor, ``issue`` is a case-insensitive substring of the issue."""
    s, m = stances, actor_members
    query = (select(s, m.c.actor_id, *_article_columns())
             .join(resolved_articles, resolved_articles.c.article_id == s.c.article_id)
             .join(articles, articles.c.id == s.c.article_id)
             .outerjoin(m, and_(m.c.article_id == s.c.article_id, m.c.entity_id == s.c.holder))
             .order_by(articles.c.published, articles.c.id, s.c.evidence_start, s.c.id))
    if holder is not None:
        query = query.where(m.c.actor_id.in_(matching_actors(holder)))
    if holder_id is not None:
        query = query.where(m.c.actor_id == holder_id)
    if issue is not None:
        query = query.where(func.lower(s.c.issue).like(_contains(issue.lower()), escape="\\"))
    query = _published_between(query, date_from, date_to)
    if limit is not None:
        query = query.limit(limit)
    with engine.connect() as conn:
        found = conn.execute(query).all()
        refs = _refs(conn, [r.actor_id for r in found])
    return [StanceView(
        article=_article(r), id=r.id, holder=refs.get(r.actor_id) if r.actor_id else None,
        issue=r.issue, polarity=r.polarity,
        evidence=SpanText(r.evidence_start, r.evidence_end, r.evidence_text), quote=r.quote,
    ) for r in found]
