"""Records (frozen dataclasses) and their JSON form, per the contract in DESIGN.md section 3.

Records hold plain values (text, offsets, ids), never spaCy objects, so they can be stored,
pickled to another process and compared.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

SCHEMA_VERSION = "1"

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW")


@dataclass(frozen=True)
class Span:
    """Characters ``text[start:end]`` of ``article.text``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class RawArticle:
    """What a reader found in one input, before cleaning."""

    source: str
    body: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class Article:
    """A cleaned article; ``text`` is what every span of its record indexes."""

    id: str
    text: str
    source: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    outlet: str | None = None
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "outlet": self.outlet,
            "language": self.language,
            "text": self.text,
        }


def article_id(text: str) -> str:
    """Content hash of the clean text: the same article read twice gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    role_mentions: tuple[Span, ...] = ()
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "role_mentions": [m.to_dict() for m in self.role_mentions],
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True)
class Quote:
    """Words inside quotation marks: someone's (``direct``) or nobody's (``scare``).

    ``speaker`` is an entity id or None when the text does not say who spoke; never a guess.
    """

    id: str
    text: str
    start: int
    end: int
    kind: str
    sentence: tuple[int, int]
    speaker: str | None = None
    cue: str | None = None
    speaker_mention: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": self.speaker,
            "cue": self.cue,
            "speaker_mention": self.speaker_mention.to_dict() if self.speaker_mention else None,
            "sentence": {"start": self.sentence[0], "end": self.sentence[1]},
        }


@dataclass(frozen=True)
class Quantity:
    """A figure the text states: value and unit, how exact, of what, and on whose word."""

    id: str
    text: str
    start: int
    end: int
    value: float | None
    unit: str | None
    approximate: bool = False
    qualifier: str | None = None  # "about", "some", "more than", "up to", ...
    value_max: float | None = None  # upper bound of a range ("2,000–3,000")
    normalized: tuple[float, str] | None = None  # SI base unit via pint; money keeps currency
    about: str | None = None  # the thing measured or counted ("farmland", "displaced children")
    claimed_by: str | None = None  # entity id the text credits with the figure
    same_as: str | None = None  # id of the quantity this one converts ("483 sq mi")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "start": self.start, "end": self.end,
            "value": self.value, "unit": self.unit, "approximate": self.approximate,
            "qualifier": self.qualifier, "value_max": self.value_max,
            "normalized": (
                {"value": self.normalized[0], "unit": self.normalized[1]}
                if self.normalized else None
            ),
            "about": self.about, "claimed_by": self.claimed_by, "same_as": self.same_as,
        }


@dataclass(frozen=True)
class Time:
    """A time expression and what it means, resolved against the publication date."""

    id: str
    text: str
    start: int
    end: int
    kind: str  # "point", "duration" or "reference"
    value: str | None  # ISO 8601 at the stated granularity, a duration, or PRESENT_REF ...
    granularity: str | None = None  # "year", "month", "day", "minute", "week", "quarter", ...
    resolved: bool = False  # False when the value needs a publication date the article lacks

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "start": self.start, "end": self.end,
            "kind": self.kind, "value": self.value, "granularity": self.granularity,
            "resolved": self.resolved,
        }


EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
EVENT_STATUSES = ("occurred", "planned", "claimed", "denied")


@dataclass(frozen=True)
class Event:
    """One happening between actors (PLOVER type), however often the article mentions it.

    ``trigger`` is the first mention; ``mentions`` holds every later one ("the talks").
    """

    id: str
    type: str
    subtype: str
    trigger: Span
    sentence: tuple[int, int]
    actors: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    place: str | None = None  # entity id
    time: str | None = None  # time record id
    date: str | None = None  # ISO value of that time, when resolved
    status: str = "occurred"
    mentions: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "type": self.type, "subtype": self.subtype,
            "actors": list(self.actors), "targets": list(self.targets),
            "place": self.place, "time": self.time, "date": self.date, "status": self.status,
            "trigger": self.trigger.to_dict(),
            "sentence": {"start": self.sentence[0], "end": self.sentence[1]},
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True)
class Stance:
    """Who supports or opposes what; ``evidence`` is the words that carry the stance."""

    id: str
    holder: str  # entity id
    issue: str
    polarity: str  # "support" or "oppose"
    evidence: Span
    sentence: tuple[int, int]
    quote: str | None = None  # quote id when the stance is voiced inside a quotation

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "holder": self.holder, "issue": self.issue,
            "polarity": self.polarity, "evidence": self.evidence.to_dict(),
            "sentence": {"start": self.sentence[0], "end": self.sentence[1]},
            "quote": self.quote,
        }


@dataclass(frozen=True)
class Extraction:
    """One article's record. Kinds not yet extracted stay empty lists."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[Time, ...] = ()
    events: tuple[Event, ...] = ()
    stances: tuple[Stance, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "article": self.article.to_dict(),
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "quantities": [q.to_dict() for q in self.quantities],
            "times": [t.to_dict() for t in self.times],
            "events": [e.to_dict() for e in self.events],
            "stances": [s.to_dict() for s in self.stances],
        }
