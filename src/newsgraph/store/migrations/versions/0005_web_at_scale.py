"""The web at scale: PostgreSQL's search reads a stored tsvector in written order, and the
pictures' network is a table kept exact by triggers instead of an aggregate per request.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25

- PostgreSQL search: ``quotes`` and ``quantities`` get ``search`` (a stored generated
  ``to_tsvector('simple', …)``, so no row's vector is computed again) with the GIN index
  ``ix_{table}_search`` moved onto it, and ``search_order`` (an identity: the order rows were
  written) with a b-tree, so the newest hits are read first through an index, as FTS5's rowid
  gives them on SQLite. Adding the columns rewrites the tables and fills them for the rows
  already stored (in their stored order). SQLite's FTS5 tables (0003) are unchanged.
- ``network_edges`` (kind, actor_a, actor_b, weight): for ``meeting``, the sources of CONSULT
  events both actors are parties to; for ``co-quote``, the current articles (in
  ``resolved_articles``) quoting both. Filled here from the stored rows, then kept exact by
  row triggers on every table the weights are counted from: ``event_sources``,
  ``resolved_event_parties``, ``resolved_events``, ``resolved_articles``, ``actor_members``
  and ``quotes``. Each trigger runs BEFORE its row changes and adds the difference that row
  makes (the same on both databases: a BEFORE row trigger sees the rows the same statement
  changed earlier, not its own). Each is gated by a cheap condition (a meeting with sources;
  an article with two speakers), so most rows cost a lookup or two. An UPDATE of a counted
  column is refused: these rows are replaced, never updated, and a refusal is better than a
  silently wrong picture.

A frozen copy of this revision: it never imports schema.py.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SEARCHED = {
    "quotes": "text",
    "quantities": "text || ' ' || coalesce(about, '')",
}
MEETING = "CONSULT"
EDGE = "network_edges"
UPSERT = (f"ON CONFLICT (kind, actor_a, actor_b) DO UPDATE "
          f"SET weight = {EDGE}.weight + excluded.weight")


# --- the SQL each trigger runs ({r} is NEW or OLD) ------------------------------------------


def _join(kind: str, x: str, others: str, weight: str, when: str) -> str:
    """Actor ``x`` joins the set ``others`` (a query of distinct ``actor_id``, not holding x):
    each pair (x, other) gains ``weight``."""
    lo = f"CASE WHEN {x} < s.actor_id THEN {x} ELSE s.actor_id END"
    hi = f"CASE WHEN {x} < s.actor_id THEN s.actor_id ELSE {x} END"
    return (f"INSERT INTO {EDGE} (kind, actor_a, actor_b, weight) "
            f"SELECT '{kind}', {lo}, {hi}, {weight} FROM ({others}) AS s "
            f"WHERE s.actor_id <> {x} AND ({when}) AND {weight} <> 0 {UPSERT};")


def _pairs(kind: str, group: str, weight: str, when: str) -> str:
    """Every pair of the set ``group`` (distinct ``actor_id``) gains ``weight``."""
    return (f"INSERT INTO {EDGE} (kind, actor_a, actor_b, weight) "
            f"SELECT '{kind}', a.actor_id, b.actor_id, {weight} "
            f"FROM ({group}) AS a JOIN ({group}) AS b ON a.actor_id < b.actor_id "
            f"WHERE ({when}) AND {weight} <> 0 {UPSERT};")


def _prune(kind: str) -> str:
    return f"DELETE FROM {EDGE} WHERE kind = '{kind}' AND weight = 0;"


def _parties(event: str, but: str = "") -> str:
    return (f"SELECT DISTINCT actor_id FROM resolved_event_parties "
            f"WHERE event_id = {event} {but}")


def _meeting(event: str) -> str:
    return f"EXISTS (SELECT 1 FROM resolved_events WHERE id = {event} AND type = '{MEETING}')"


def _sources(event: str) -> str:
    return f"(SELECT count(*) FROM event_sources WHERE event_id = {event})"


def _speakers(article: str, but: str = "") -> str:
    """The actors speaking in ``article`` (through its quotes' speaker entities)."""
    return (f"SELECT DISTINCT m.actor_id FROM quotes q JOIN actor_members m "
            f"ON m.article_id = q.article_id AND m.entity_id = q.speaker "
            f"WHERE q.article_id = {article} {but}")


def _current(article: str) -> str:
    return f"EXISTS (SELECT 1 FROM resolved_articles WHERE article_id = {article})"


def _gate(table: str, op_: str) -> str:
    """A cheap condition without which ``table``'s trigger changes nothing: no edge can come
    from an event that is not a meeting or has no source yet (a rebuild writes parties before
    sources and deletes sources first), nor from an article with fewer than two speakers."""
    r = "NEW" if op_ == "INSERT" else "OLD"
    source = "EXISTS (SELECT 1 FROM event_sources WHERE event_id = {e})"
    if table == "event_sources":
        return _meeting(f"{r}.event_id")
    if table == "resolved_event_parties":
        return f"{_meeting(f'{r}.event_id')} AND {source.format(e=f'{r}.event_id')}"
    if table == "resolved_events":
        return f"{r}.type = '{MEETING}' AND {source.format(e=f'{r}.id')}"
    a = f"{r}.article_id"
    if table == "resolved_articles":
        return ("EXISTS (SELECT 1 FROM quotes q JOIN quotes other ON other.article_id = "
                f"q.article_id AND other.speaker <> q.speaker WHERE q.article_id = {a})")
    if table == "actor_members":  # its entity speaks, and so does another
        e = f"{r}.entity_id"
        return (f"{_current(a)} AND "
                f"EXISTS (SELECT 1 FROM quotes WHERE article_id = {a} AND speaker = {e}) AND "
                f"EXISTS (SELECT 1 FROM quotes WHERE article_id = {a} AND speaker <> {e})")
    but = "" if op_ == "INSERT" else f"AND id <> {r}.id"  # quotes
    return (f"{r}.speaker IS NOT NULL AND {_current(a)} AND "
            f"EXISTS (SELECT 1 FROM quotes WHERE article_id = {a} AND speaker <> {r}.speaker "
            f"{but})")


def _body(table: str, op_: str) -> str:
    """The statements of ``table``'s BEFORE ``op_`` (INSERT or DELETE) row trigger."""
    r = "NEW" if op_ == "INSERT" else "OLD"
    sign = "" if op_ == "INSERT" else "-"
    meet, co = "meeting", "co-quote"
    if table == "event_sources":  # one more source for every pair of the event's parties
        e = f"{r}.event_id"
        body = _pairs(meet, _parties(e), f"{sign}1", _meeting(e))
    elif table == "resolved_event_parties":  # a new party meets the others, once per source
        e, x = f"{r}.event_id", f"{r}.actor_id"
        self_ = "" if op_ == "INSERT" else f"AND NOT (side = {r}.side AND position = {r}.position)"
        new = f"NOT EXISTS ({_parties(e, f'AND actor_id = {x} {self_}')})"
        body = _join(meet, x, _parties(e, f"AND actor_id <> {x}"), f"{sign}{_sources(e)}",
                     f"{_meeting(e)} AND {new}")
    elif table == "resolved_events":  # an event deleted with its parties and sources
        body = _pairs(meet, _parties(f"{r}.id"), f"-{_sources(f'{r}.id')}",
                      f"{r}.type = '{MEETING}'")
    elif table == "resolved_articles":  # every pair of the article's speakers
        a = f"{r}.article_id"
        body = _pairs(co, _speakers(a), f"{sign}1", "1 = 1")
    elif table == "actor_members":  # an entity that speaks now names an actor
        a, x = f"{r}.article_id", f"{r}.actor_id"
        self_ = "" if op_ == "INSERT" else f"AND m.entity_id <> {r}.entity_id"
        speaks = (f"EXISTS (SELECT 1 FROM quotes WHERE article_id = {a} "
                  f"AND speaker = {r}.entity_id)")
        new = f"{x} NOT IN ({_speakers(a, self_)})"
        body = _join(co, x, _speakers(a, self_), f"{sign}1",
                     f"{_current(a)} AND {speaks} AND {new}")
    else:  # quotes: a quote whose speaker names an actor not yet speaking in the article
        a = f"{r}.article_id"
        x = (f"(SELECT actor_id FROM actor_members WHERE article_id = {a} "
             f"AND entity_id = {r}.speaker)")
        self_ = "" if op_ == "INSERT" else f"AND q.id <> {r}.id"
        new = f"{x} NOT IN ({_speakers(a, self_)})"
        body = _join(co, x, _speakers(a, self_), f"{sign}1",
                     f"{r}.speaker IS NOT NULL AND {_current(a)} AND {x} IS NOT NULL AND {new}")
    kind = co if table in ("resolved_articles", "actor_members", "quotes") else meet
    return f"{body} {_prune(kind)}" if sign else body


TRIGGERS = [
    ("event_sources", "INSERT"), ("event_sources", "DELETE"),
    ("resolved_event_parties", "INSERT"), ("resolved_event_parties", "DELETE"),
    ("resolved_events", "DELETE"),
    ("resolved_articles", "INSERT"), ("resolved_articles", "DELETE"),
    ("actor_members", "INSERT"), ("actor_members", "DELETE"),
    ("quotes", "INSERT"), ("quotes", "DELETE"),
]
# Columns the weights are counted from: an UPDATE changing one is refused.
FIXED = {
    "event_sources": ("event_id",),
    "resolved_event_parties": ("event_id", "actor_id"),
    "resolved_events": ("id", "type"),
    "resolved_articles": ("article_id",),
    "actor_members": ("article_id", "entity_id", "actor_id"),
    "quotes": ("article_id", "speaker"),
}
REFUSED = "network_edges counts these rows: delete and insert them instead of updating"


def _name(table: str, op_: str) -> str:
    return f"{table}_network_{op_.lower()}"


def upgrade() -> None:
    op.create_table(
        EDGE,
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("actor_a", sa.String(32), nullable=False),
        sa.Column("actor_b", sa.String(32), nullable=False),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "actor_a", "actor_b", name="pk_network_edges"),
    )
    op.create_index("ix_network_edges_strongest", EDGE,
                    ["kind", sa.text("weight DESC"), "actor_a", "actor_b"])
    _fill()
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()
        _postgresql_search()


def _fill() -> None:
    """The edges of the rows already stored, counted once."""
    op.execute(
        f"INSERT INTO {EDGE} (kind, actor_a, actor_b, weight) "
        f"SELECT 'meeting', a.actor_id, b.actor_id, count(*) "
        f"FROM (SELECT DISTINCT p.event_id, p.actor_id FROM resolved_event_parties p "
        f"      JOIN resolved_events v ON v.id = p.event_id WHERE v.type = '{MEETING}') a "
        f"JOIN (SELECT DISTINCT event_id, actor_id FROM resolved_event_parties) b "
        f"  ON b.event_id = a.event_id AND a.actor_id < b.actor_id "
        f"JOIN event_sources s ON s.event_id = a.event_id "
        f"GROUP BY a.actor_id, b.actor_id")
    spoke = ("SELECT DISTINCT q.article_id, m.actor_id FROM quotes q "
             "JOIN actor_members m ON m.article_id = q.article_id AND m.entity_id = q.speaker "
             "JOIN resolved_articles r ON r.article_id = q.article_id")
    op.execute(
        f"INSERT INTO {EDGE} (kind, actor_a, actor_b, weight) "
        f"SELECT 'co-quote', a.actor_id, b.actor_id, count(*) FROM ({spoke}) a "
        f"JOIN ({spoke}) b ON b.article_id = a.article_id AND a.actor_id < b.actor_id "
        f"GROUP BY a.actor_id, b.actor_id")


def _sqlite_triggers() -> None:
    for table, op_ in TRIGGERS:
        op.execute(f"CREATE TRIGGER {_name(table, op_)} BEFORE {op_} ON {table} "
                   f"WHEN {_gate(table, op_)} BEGIN {_body(table, op_)} END")
    for table, columns in FIXED.items():
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
        op.execute(f"CREATE TRIGGER {table}_network_fixed BEFORE UPDATE OF "
                   f"{', '.join(columns)} ON {table} WHEN {changed} "
                   f"BEGIN SELECT RAISE(ABORT, '{REFUSED}'); END")


def _postgresql_triggers() -> None:
    for table, op_ in TRIGGERS:
        name = _name(table, op_)
        row = "NEW" if op_ == "INSERT" else "OLD"
        op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN IF {_gate(table, op_)} THEN {_body(table, op_)} END IF; "
                   f"RETURN {row}; END $$")
        op.execute(f"CREATE TRIGGER {name} BEFORE {op_} ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION {name}()")
    op.execute("CREATE FUNCTION network_fixed() RETURNS trigger LANGUAGE plpgsql AS $$ "
               f"BEGIN RAISE EXCEPTION '{REFUSED}'; END $$")
    for table, columns in FIXED.items():
        changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
        op.execute(f"CREATE TRIGGER {table}_network_fixed BEFORE UPDATE OF "
                   f"{', '.join(columns)} ON {table} FOR EACH ROW WHEN ({changed}) "
                   f"EXECUTE FUNCTION network_fixed()")


def _postgresql_search() -> None:
    for table, body in SEARCHED.items():
        op.execute(f"DROP INDEX ix_{table}_search")
        op.execute(f"ALTER TABLE {table} "
                   f"ADD COLUMN search tsvector "
                   f"GENERATED ALWAYS AS (to_tsvector('simple', {body})) STORED, "
                   f"ADD COLUMN search_order bigint GENERATED BY DEFAULT AS IDENTITY")
        op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search)")
        op.execute(f"CREATE INDEX ix_{table}_search_order ON {table} (search_order)")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in FIXED:
        op.execute(f"DROP TRIGGER {table}_network_fixed" + ("" if sqlite else f" ON {table}"))
    for table, op_ in TRIGGERS:
        name = _name(table, op_)
        op.execute(f"DROP TRIGGER {name}" + ("" if sqlite else f" ON {table}"))
        if not sqlite:
            op.execute(f"DROP FUNCTION {name}()")
    if not sqlite:
        op.execute("DROP FUNCTION network_fixed()")
        for table, body in SEARCHED.items():
            op.execute(f"DROP INDEX ix_{table}_search_order")
            op.execute(f"DROP INDEX ix_{table}_search")
            op.execute(f"ALTER TABLE {table} DROP COLUMN search, DROP COLUMN search_order")
            op.execute(f"CREATE INDEX ix_{table}_search ON {table} "
                       f"USING gin (to_tsvector('simple', {body}))")
    op.drop_index("ix_network_edges_strongest", table_name=EDGE)
    op.drop_table(EDGE)
