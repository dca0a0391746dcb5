"""The one definition of the store's tables; migrations are checked against it by the tests.

Per-article records are stored as extracted (DESIGN.md section 5): the whole record as JSON in
``articles.record``, and each record kind flattened into its own table so queries can filter
on it. Child rows are keyed by (article_id, the record's local id, "E1", "Q2", ...) and keep
their spans. Columns holding offsets are ``span_start``/``span_end`` (not the reserved word
``end``), so hand-written SQL needs no quoting.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB

# Fixed constraint names: migrations and both databases agree on them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = MetaData(naming_convention=NAMING)

# JSON documents: JSONB on PostgreSQL (indexable, compact), JSON text on SQLite.
Json = JSON().with_variant(JSONB(), "postgresql")
ID = String(16)  # article ids are 16 hex characters of a sha256 (model.article_id)
LOCAL_ID = String(32)  # record-local ids: "E1", "Q12", "V3"
# Values the extractors produce are unbounded Text, so SQLite and PostgreSQL accept the same.
KIND = Text  # short codes: entity and event types, units, statuses


def _article_fk() -> ForeignKey:
    return ForeignKey("articles.id", ondelete="CASCADE")


articles = Table(
    "articles", metadata,
    Column("id", ID, primary_key=True),  # content hash of the clean text
    # What makes two texts versions of one article: the url when known, else the source.
    Column("lineage", Text, nullable=False),
    Column("version", Integer, nullable=False),  # 1, 2, ... in the order they were ingested
    Column("supersedes", ID, ForeignKey("articles.id"), nullable=True),
    Column("source", Text, nullable=False),
    Column("url", Text, nullable=True),
    Column("title", Text, nullable=True),
    Column("published", Date, nullable=True),
    Column("outlet", Text, nullable=True),
    Column("language", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("schema_version", String(8), nullable=False),
    Column("record", Json, nullable=False),  # the whole extraction record (DESIGN.md §3)
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("lineage", "version"),
    Index("ix_articles_published", "published"),
    Index("ix_articles_url", "url"),
    Index("ix_articles_outlet", "outlet"),
    Index("ix_articles_supersedes", "supersedes"),  # "is there a newer version?"
)

entities = Table(
    "entities", metadata,
    Column("article_id", ID, _article_fk(), nullable=False),
    Column("id", LOCAL_ID, nullable=False),
    Column("type", KIND, nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", Json, nullable=False),  # ["Marsh", "Ms. Marsh"]
    Column("roles", Json, nullable=False),  # ["Nordland's foreign minister"]
    Column("role_mentions", Json, nullable=False),  # [{"start", "end", "text"}]
    Column("mentions", Json, nullable=False),  # [{"start", "end", "text"}]
    PrimaryKeyConstraint("article_id", "id"),
    Index("ix_entities_name", "name"),
    Index("ix_entities_type", "type"),
)

quotes = Table(
    "quotes", metadata,
    Column("article_id", ID, _article_fk(), nullable=False),
    Column("id", LOCAL_ID, nullable=False),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("kind", KIND, nullable=False),  # direct | scare
    Column("speaker", LOCAL_ID, nullable=True),  # entity id in the same article
    Column("cue", Text, nullable=True),
    Column("speaker_start", Integer, nullable=True),  # the words naming the speaker
    Column("speaker_end", Integer, nullable=True),
    Column("speaker_text", Text, nullable=True),
    Column("sentence_start", Integer, nullable=True),
    Column("sentence_end", Integer, nullable=True),
    PrimaryKeyConstraint("article_id", "id"),
    Index("ix_quotes_speaker", "article_id", "speaker"),
)

quantities = Table(
    "quantities", metadata,
    Column("article_id", ID, _article_fk(), nullable=False),
    Column("id", LOCAL_ID, nullable=False),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("value", Float, nullable=True),
    Column("value_max", Float, nullable=True),
    Column("unit", KIND, nullable=True),
    Column("approximate", Boolean, nullable=False),
    Column("qualifier", Text, nullable=True),
    Column("normalized_value", Float, nullable=True),
    Column("normalized_unit", KIND, nullable=True),
    Column("about", Text, nullable=True),
    Column("claimed_by", LOCAL_ID, nullable=True),  # entity id in the same article
    Column("same_as", LOCAL_ID, nullable=True),  # quantity id this one converts
    PrimaryKeyConstraint("article_id", "id"),
    Index("ix_quantities_unit", "unit"),
    Index("ix_quantities_claimed_by", "article_id", "claimed_by"),
)

times = Table(
    "times", metadata,
    Column("article_id", ID, _article_fk(), nullable=False),
    Column("id", LOCAL_ID, nullable=False),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("kind", KIND, nullable=False),  # point | duration | reference
    Column("value", Text, nullable=True),  # ISO 8601 at its granularity
    Column("granularity", KIND, nullable=True),
    Column("resolved", Boolean, nullable=False),
    PrimaryKeyConstraint("article_id", "id"),
    Index("ix_times_value", "value"),
)

events = Table(
    "events", metadata,
    Column("article_id", ID, _article_fk(), nullable=False),
    Column("id", LOCAL_ID, nullable=False),
    Column("type", KIND, nullable=False),  # PLOVER top-level category
    Column("subtype", Text, nullable=True),
    Column("status", KIND, nullable=True),  # occurred | planned | claimed | denied
    Column("place", LOCAL_ID, nullable=True),  # entity id in the same article
    Column("time", LOCAL_ID, nullable=True),  # time id in the same article
    Column("date", Text, nullable=True),  # ISO value of that time, when resolved
    Column("trigger_start", Integer, nullable=True),
    Column("trigger_end", Integer, nullable=True),
    Column("trigger_text", Text, nullable=True),
    Column("sentence_start", Integer, nullable=True),
    Column("sentence_end", Integer, nullable=True),
    Column("mentions", Json, nullable=False),  # later mentions: [{"start", "end", "text"}]
    PrimaryKeyConstraint("article_id", "id"),
    Index("ix_events_type_date", "type", "date"),
    Index("ix_events_date", "date"),
)

# Who took part in an event: one row per actor or target, in the record's order.
event_participants = Table(
    "event_participants", metadata,
    Column("article_id", ID, nullable=False),
    Column("event_id", LOCAL_ID, nullable=False),
    Column("role", String(8), nullable=False),  # actor | target
    Column("position", Integer, nullable=False),
    Column("entity_id", LOCAL_ID, nullable=False),
    PrimaryKeyConstraint("article_id", "event_id", "role", "position"),
    ForeignKeyConstraint(
        ["article_id", "event_id"], ["events.article_id", "events.id"], ondelete="CASCADE"
    ),
    Index("ix_event_participants_entity", "article_id", "entity_id"),
)

stances = Table(
    "stances", metadata,
    Column("article_id", ID, _article_fk(), nullable=False),
    Column("id", LOCAL_ID, nullable=False),
    Column("holder", LOCAL_ID, nullable=True),  # entity id in the same article
    Column("issue", Text, nullable=True),
    Column("polarity", KIND, nullable=True),  # support | oppose
    Column("evidence_start", Integer, nullable=True),
    Column("evidence_end", Integer, nullable=True),
    Column("evidence_text", Text, nullable=True),
    Column("sentence_start", Integer, nullable=True),
    Column("sentence_end", Integer, nullable=True),
    Column("quote", LOCAL_ID, nullable=True),  # quote id when voiced inside a quotation
    PrimaryKeyConstraint("article_id", "id"),
    Index("ix_stances_holder", "article_id", "holder"),
    Index("ix_stances_issue", "issue"),
)

# Inputs that were not ingested; one row per (source, reason), seen again → last_seen moves.
rejects = Table(
    "rejects", metadata,
    Column("source", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("source", "reason"),
)

# Tables holding one article's records, in insertion order (events before participants).
RECORD_TABLES = (entities, quotes, quantities, times, events, event_participants, stances)

# --- The resolved layer (DESIGN.md section 5): built from the per-article tables above by
# store/resolution.py, replaced whole by each rebuild, never written by ingest itself.
# Ids are resolve.py's stable ids ("A…" for actors, "V…" for events), so an actor keeps its
# id across rebuilds while its name does not change.
RESOLVED_ID = String(32)

actors = Table(
    "actors", metadata,
    Column("id", RESOLVED_ID, primary_key=True),
    Column("type", KIND, nullable=False),
    Column("name", Text, nullable=False),  # the fullest, most frequent name
    Index("ix_actors_type", "type"),
    Index("ix_actors_name", "name"),
)

# Every surface form seen for an actor; ``key`` is the form folded (case, accents) for search.
actor_forms = Table(
    "actor_forms", metadata,
    Column("actor_id", RESOLVED_ID, ForeignKey("actors.id", ondelete="CASCADE"),
           nullable=False),
    Column("form", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("count", Integer, nullable=False),  # per-article entities using it (name or alias)
    PrimaryKeyConstraint("actor_id", "form"),
    Index("ix_actor_forms_key", "key"),
)

# A role and the article that states it ("Lorvia's Foreign Minister", article …).
actor_roles = Table(
    "actor_roles", metadata,
    Column("actor_id", RESOLVED_ID, ForeignKey("actors.id", ondelete="CASCADE"),
           nullable=False),
    Column("role", Text, nullable=False),
    Column("article_id", ID, _article_fk(), nullable=False),
    PrimaryKeyConstraint("actor_id", "role", "article_id"),
)

# Which per-article entity each actor merged: the bridge from quotes, stances and events
# (which name entities) to actors.
actor_members = Table(
    "actor_members", metadata,
    Column("actor_id", RESOLVED_ID, ForeignKey("actors.id", ondelete="CASCADE"),
           nullable=False),
    Column("article_id", ID, nullable=False),
    Column("entity_id", LOCAL_ID, nullable=False),
    PrimaryKeyConstraint("article_id", "entity_id"),
    ForeignKeyConstraint(
        ["article_id", "entity_id"], ["entities.article_id", "entities.id"], ondelete="CASCADE"
    ),
    Index("ix_actor_members_actor", "actor_id"),
)

resolved_events = Table(
    "resolved_events", metadata,
    Column("id", RESOLVED_ID, primary_key=True),
    Column("type", KIND, nullable=False),
    Column("subtype", Text, nullable=True),
    Column("place_actor_id", RESOLVED_ID, ForeignKey("actors.id"), nullable=True),
    Column("date_from", Text, nullable=True),  # ISO values at their granularity, earliest
    Column("date_to", Text, nullable=True),  # and latest any source gives
    Index("ix_resolved_events_type", "type"),
    Index("ix_resolved_events_date_from", "date_from"),
    Index("ix_resolved_events_place", "place_actor_id"),
)

resolved_event_parties = Table(
    "resolved_event_parties", metadata,
    Column("event_id", RESOLVED_ID, ForeignKey("resolved_events.id", ondelete="CASCADE"),
           nullable=False),
    Column("side", String(8), nullable=False),  # actor | target
    Column("position", Integer, nullable=False),
    Column("actor_id", RESOLVED_ID, ForeignKey("actors.id"), nullable=False),
    PrimaryKeyConstraint("event_id", "side", "position"),
    Index("ix_resolved_event_parties_actor", "actor_id"),
)

# One row per article reporting a resolved event, with that article's status and evidence.
event_sources = Table(
    "event_sources", metadata,
    Column("event_id", RESOLVED_ID, ForeignKey("resolved_events.id", ondelete="CASCADE"),
           nullable=False),
    Column("article_id", ID, nullable=False),
    Column("event_local_id", LOCAL_ID, nullable=False),
    Column("status", KIND, nullable=True),
    Column("date", Text, nullable=True),
    Column("trigger_start", Integer, nullable=True),
    Column("trigger_end", Integer, nullable=True),
    Column("trigger_text", Text, nullable=True),
    Column("sentence_start", Integer, nullable=True),
    Column("sentence_end", Integer, nullable=True),
    PrimaryKeyConstraint("article_id", "event_local_id"),
    ForeignKeyConstraint(
        ["article_id", "event_local_id"], ["events.article_id", "events.id"],
        ondelete="CASCADE",
    ),
    Index("ix_event_sources_event", "event_id"),
)

# The articles (latest version of each lineage) the resolved layer was built from: tells
# whether it is stale, and which versions the queries read.
resolved_articles = Table(
    "resolved_articles", metadata,
    Column("article_id", ID, _article_fk(), primary_key=True),
)

# The keys each resolved entity offers to actor resolution (resolve.actor_keys): an ingest
# finds through them the entities a change can reach and re-resolves only those
# (store/incremental.py).
resolution_keys = Table(
    "resolution_keys", metadata,
    Column("key", Text, nullable=False),
    Column("article_id", ID, nullable=False),
    Column("entity_id", LOCAL_ID, nullable=False),
    PrimaryKeyConstraint("key", "article_id", "entity_id"),
    ForeignKeyConstraint(
        ["article_id", "entity_id"], ["entities.article_id", "entities.id"], ondelete="CASCADE"
    ),
    Index("ix_resolution_keys_entity", "article_id", "entity_id"),
)

# The resolved tables, parents first: a rebuild deletes them in reverse and inserts in order.
RESOLVED_TABLES = (actors, actor_forms, actor_roles, actor_members, resolved_events,
                   resolved_event_parties, event_sources, resolved_articles, resolution_keys)

# --- Search and paging (migration 0003; docs/web.md "Speed") ---------------------------------
# Pages read the timeline and the article list in their order through these indexes, one page
# at a time, instead of sorting every row (dated rows through the index, undated ones after).
Index("ix_resolved_events_timeline", resolved_events.c.date_from, resolved_events.c.date_to,
      resolved_events.c.id)
Index("ix_articles_newest", articles.c.published.desc(), articles.c.id)
# An actor page counts an actor's quotes, stances and co-occurring actors from its members:
# these two cover those lookups, so they never read the table itself.
Index("ix_actor_members_actor_article", actor_members.c.actor_id, actor_members.c.article_id,
      actor_members.c.entity_id)
Index("ix_actor_members_article_actor", actor_members.c.article_id, actor_members.c.actor_id)

# The full-text index on quotes and figures is database-specific DDL, created by migrations
# 0003 and 0005 and not described by Table objects: FTS5 tables kept in sync by triggers on
# SQLite; on PostgreSQL a stored ``search`` column (generated: to_tsvector('simple', …)) with a
# GIN index, and ``search_order`` (an identity: the order rows were written) with a b-tree, so
# a page of hits is read newest first through an index, as FTS5's rowid gives it on SQLite.
# What is searched, per table, as SQL (``{row}`` qualifies the columns):
SEARCHED = {
    "quotes": "{row}text",
    "quantities": "{row}text || ' ' || coalesce({row}about, '')",
}
SEARCH_TABLES = {table: f"{table}_search" for table in SEARCHED}  # SQLite's FTS5 tables
SEARCH_INDEXES = {table: f"ix_{table}_search" for table in SEARCHED}  # PostgreSQL's GIN
SEARCH_ORDER_INDEXES = {table: f"ix_{table}_search_order" for table in SEARCHED}
SEARCH_COLUMNS = ("search", "search_order")  # PostgreSQL only, on the SEARCHED tables

# --- The pictures' network (migration 0005; docs/web.md "Speed") ----------------------------
# One row per pair of actors (actor_a < actor_b) and kind of edge, with its weight: for
# "meeting", the sources reporting CONSULT events both take part in; for "co-quote", the
# current articles quoting both. Kept exact by triggers (migration 0005) on the tables the
# weights are counted from, whoever writes them (a rebuild, an incremental update, ingest), so
# the network is read through ix_network_edges_strongest, never aggregated on a request.
network_edges = Table(
    "network_edges", metadata,
    Column("kind", KIND, nullable=False),  # meeting | co-quote
    Column("actor_a", RESOLVED_ID, nullable=False),
    Column("actor_b", RESOLVED_ID, nullable=False),
    Column("weight", Integer, nullable=False),
    PrimaryKeyConstraint("kind", "actor_a", "actor_b"),
)
Index("ix_network_edges_strongest", network_edges.c.kind, network_edges.c.weight.desc(),
      network_edges.c.actor_a, network_edges.c.actor_b)


def in_metadata(name: str | None, type_: str, _parents: object = None) -> bool:
    """False for the search objects (FTS5's tables and their shadow tables, PostgreSQL's
    search columns and indexes), which ``metadata`` does not describe, so schema comparisons
    pass over them (alembic's ``include_name`` hook)."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(tuple(SEARCH_TABLES.values()))
    if type_ == "index":
        return name not in (*SEARCH_INDEXES.values(), *SEARCH_ORDER_INDEXES.values())
    if type_ == "column":
        return name not in SEARCH_COLUMNS
    return True
