"""Search and paging: a full-text index on quotes and figures, the indexes that let the
timeline and the article list read one page in their order instead of sorting every row, and
two covering indexes on actor_members for the actor pages.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25

The full-text index is database-specific DDL, not tables of schema.py:

- SQLite: two FTS5 tables, ``quotes_search`` (a quote's words) and ``quantities_search`` (a
  figure's text and what it counts), holding the current articles' rows (the latest version of
  each lineage), kept in sync by triggers: an insert, update or delete of a quote or figure
  updates its entry, and a new version of an article removes its predecessor's entries.
- PostgreSQL: GIN indexes on ``to_tsvector('simple', …)`` of the same text; no extension.

Rows already stored are indexed here. A frozen copy of this revision: it never imports
schema.py (which names these objects in ``SEARCH_OBJECTS``, so schema comparisons skip them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# table → the SQL of the text searched in one of its rows (``{row}`` is "new.", "table." or "")
SEARCHED = {
    "quotes": "{row}text",
    "quantities": "{row}text || ' ' || coalesce({row}about, '')",
}
TOKENIZER = "unicode61 remove_diacritics 2"


def upgrade() -> None:
    op.create_index("ix_resolved_events_timeline", "resolved_events",
                    ["date_from", "date_to", "id"])
    op.create_index("ix_articles_newest", "articles", [sa.text("published DESC"), "id"])
    op.create_index("ix_actor_members_actor_article", "actor_members",
                    ["actor_id", "article_id", "entity_id"])
    op.create_index("ix_actor_members_article_actor", "actor_members", ["article_id", "actor_id"])
    if op.get_bind().dialect.name == "sqlite":
        for table, body in SEARCHED.items():
            _sqlite_search(table, body)
    else:
        for table, body in SEARCHED.items():
            op.execute(f"CREATE INDEX ix_{table}_search ON {table} "
                       f"USING gin (to_tsvector('simple', {body.format(row='')}))")


def _sqlite_search(table: str, body: str) -> None:
    index = f"{table}_search"
    op.execute(f"CREATE VIRTUAL TABLE {index} USING fts5("
               f"body, article_id, local_id UNINDEXED, tokenize='{TOKENIZER}')")
    # article_id is indexed too, so a delete finds an article's entries through the index.
    forget = (f"DELETE FROM {index} WHERE article_id MATCH '\"' || {{id}} || '\"'"
              f" AND local_id = {{local}};")
    # A row of an article already superseded (two versions in one batch) is not searched.
    remember = (f"INSERT INTO {index} (body, article_id, local_id) "
                f"SELECT {body.format(row='new.')}, new.article_id, new.id WHERE NOT EXISTS "
                f"(SELECT 1 FROM articles WHERE articles.supersedes = new.article_id);")
    op.execute(f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN {remember} END")
    op.execute(f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN "
               f"{forget.format(id='old.article_id', local='old.id')} END")
    op.execute(f"CREATE TRIGGER {index}_update AFTER UPDATE ON {table} BEGIN "
               f"{forget.format(id='old.article_id', local='old.id')} {remember} END")
    # Only the latest version of an article is searched: a new version drops the one before.
    op.execute(f"CREATE TRIGGER {index}_supersede AFTER INSERT ON articles "
               f"WHEN new.supersedes IS NOT NULL BEGIN DELETE FROM {index} "
               f"WHERE article_id MATCH '\"' || new.supersedes || '\"'; END")
    # Rows already stored, in the order they were written (the order search pages show).
    row = f"{table}."
    op.execute(f"INSERT INTO {index} (body, article_id, local_id) "
               f"SELECT {body.format(row=row)}, {row}article_id, {row}id FROM {table} "
               f"WHERE NOT EXISTS (SELECT 1 FROM articles "
               f"WHERE articles.supersedes = {row}article_id) ORDER BY {row}rowid")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in SEARCHED:
            for trigger in ("insert", "delete", "update", "supersede"):
                op.execute(f"DROP TRIGGER {table}_search_{trigger}")
            op.execute(f"DROP TABLE {table}_search")
    else:
        for table in SEARCHED:
            op.drop_index(f"ix_{table}_search", table_name=table)
    op.drop_index("ix_actor_members_article_actor", table_name="actor_members")
    op.drop_index("ix_actor_members_actor_article", table_name="actor_members")
    op.drop_index("ix_articles_newest", table_name="articles")
    op.drop_index("ix_resolved_events_timeline", table_name="resolved_events")
