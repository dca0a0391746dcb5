"""What each page shows, as frozen dataclasses: the HTML templates render them and the JSON
twins return them, so FastAPI's OpenAPI schema documents exactly what a page holds."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Paging:
    """Which slice of a list this is: ``page`` (from 1) of ``pages``, ``total`` items."""

    page: int
    per_page: int
    total: int
    pages: int

    @classmethod
    def of(cls, page: int, per_page: int, total: int) -> Paging:
        return cls(page, per_page, total, max(1, -(-total // per_page)))


@dataclass(frozen=True)
class ActorRef:
    id: str
    type: str
    name: str


@dataclass(frozen=True)
class ArticleRef:
    id: str
    url: str | None
    title: str | None
    outlet: str | None
    published: date | None


@dataclass(frozen=True)
class Span:
    start: int | None
    end: int | None
    text: str | None


# --- timeline -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    """One event of the story: when, what, who, where, and how widely it was reported."""

    id: str
    date_from: str | None
    date_to: str | None
    type: str
    subtype: str | None
    actors: list[ActorRef]
    targets: list[ActorRef]
    place: ActorRef | None
    sources: int
    outlets: int
    statuses: list[str]


@dataclass(frozen=True)
class TimelinePage:
    filters: dict[str, str | None]
    paging: Paging
    events: list[TimelineRow]


# --- actor ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Form:
    form: str
    count: int


@dataclass(frozen=True)
class Role:
    role: str
    article: ArticleRef


@dataclass(frozen=True)
class Quote:
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
class Stance:
    article: ArticleRef
    id: str
    holder: ActorRef | None
    issue: str | None
    polarity: str | None
    evidence: Span


@dataclass(frozen=True)
class CoActor:
    actor: ActorRef
    articles: int


@dataclass(frozen=True)
class ActorPage:
    id: str
    type: str
    name: str
    forms: list[Form]
    paging: Paging  # page and per_page apply to each list below; total is the longest list's
    roles: list[Role]
    roles_total: int
    quotes: list[Quote]
    quotes_total: int
    events: list[TimelineRow]
    events_total: int
    stances: list[Stance]
    stances_total: int
    co_actors: list[CoActor]  # the most often named alongside, at most CO_ACTORS
    articles: int  # articles naming this actor
    co_actors_counted_in: int  # of which the co-actors were counted in (all, up to a sample)


# --- event ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """One article's report of the event: its status, date and evidence."""

    article: ArticleRef
    event_local_id: str
    status: str | None
    date: str | None
    trigger: Span
    sentence: Span


@dataclass(frozen=True)
class EventPage:
    id: str
    type: str
    subtype: str | None
    date_from: str | None
    date_to: str | None
    place: ActorRef | None
    actors: list[ActorRef]
    targets: list[ActorRef]
    outlets: int
    paging: Paging
    sources: list[Source]


# --- articles -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ArticleRow:
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    source: str
    version: int


@dataclass(frozen=True)
class ArticlesPage:
    paging: Paging
    articles: list[ArticleRow]
    rejects: int


@dataclass(frozen=True)
class Mark:
    """One record at its span in the article's text, and the page it links to."""

    kind: str  # entity | role | quote | speaker | figure | date | event | evidence | stance
    record: str  # the record's id in the article ("E1", "Q2", ...)
    start: int
    end: int
    text: str
    label: str  # what the highlight says on hover
    href: str | None  # the actor or event page


@dataclass(frozen=True)
class ArticlePage:
    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    source: str
    version: int
    superseded_by: str | None
    text: str
    marks: list[Mark]


@dataclass(frozen=True)
class Reject:
    source: str
    reason: str
    first_seen: datetime
    last_seen: datetime


@dataclass(frozen=True)
class RejectsPage:
    paging: Paging
    rejects: list[Reject]


# --- search ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorHit:
    id: str
    type: str
    name: str
    forms: list[str]


@dataclass(frozen=True)
class Figure:
    article: ArticleRef
    id: str
    text: str
    value: float | None
    unit: str | None
    about: str | None
    claimed_by: ActorRef | None
    start: int
    end: int


@dataclass(frozen=True)
class SearchPage:
    q: str
    paging: Paging  # page and per_page apply to each list; total is the longest list's
    actors: list[ActorHit]
    actors_total: int
    quotes: list[Quote]
    quotes_total: int  # counted up to search.CAP hits: then CAP, and quotes_capped is true
    figures: list[Figure]
    figures_total: int
    quotes_capped: bool = False  # more than quotes_total hits (only the first CAP are listed)
    figures_capped: bool = False


# --- pictures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayCount:
    date: str
    type: str
    events: int
    sources: int


@dataclass(frozen=True)
class Node:
    id: str
    name: str
    type: str
    weight: int  # sources behind all its edges


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # meeting | co-quote
    weight: int  # sources reporting the meetings / articles quoting both


@dataclass(frozen=True)
class ChartsPage:
    days: list[DayCount]
    nodes: list[Node]
    edges: list[Edge]
