"""The resolved layer: actors, their forms, roles and members; resolved events, their
parties and sources; the articles a resolution was built from.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26

A frozen copy of schema.py's resolved tables at this revision (it never imports schema.py);
tests/test_store_schema.py checks the migrated database matches schema.py exactly.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _actor_fk(table: str, column: str = "actor_id", cascade: bool = True
              ) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["actors.id"], name=f"fk_{table}_{column}_actors",
        ondelete="CASCADE" if cascade else None,
    )


def upgrade() -> None:
    op.create_index("ix_articles_supersedes", "articles", ["supersedes"])

    op.create_table(
        "actors",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_actors"),
    )
    op.create_index("ix_actors_type", "actors", ["type"])
    op.create_index("ix_actors_name", "actors", ["name"])

    op.create_table(
        "actor_forms",
        sa.Column("actor_id", sa.String(32), nullable=False),
        sa.Column("form", sa.Text(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("actor_id", "form", name="pk_actor_forms"),
        _actor_fk("actor_forms"),
    )
    op.create_index("ix_actor_forms_key", "actor_forms", ["key"])

    op.create_table(
        "actor_roles",
        sa.Column("actor_id", sa.String(32), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("article_id", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("actor_id", "role", "article_id", name="pk_actor_roles"),
        _actor_fk("actor_roles"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name="fk_actor_roles_article_id_articles", ondelete="CASCADE"),
    )

    op.create_table(
        "actor_members",
        sa.Column("actor_id", sa.String(32), nullable=False),
        sa.Column("article_id", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "entity_id", name="pk_actor_members"),
        _actor_fk("actor_members"),
        sa.ForeignKeyConstraint(
            ["article_id", "entity_id"], ["entities.article_id", "entities.id"],
            name="fk_actor_members_article_id_entity_id_entities", ondelete="CASCADE",
        ),
    )
    op.create_index("ix_actor_members_actor", "actor_members", ["actor_id"])

    op.create_table(
        "resolved_events",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("subtype", sa.Text(), nullable=True),
        sa.Column("place_actor_id", sa.String(32), nullable=True),
        sa.Column("date_from", sa.Text(), nullable=True),
        sa.Column("date_to", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_resolved_events"),
        _actor_fk("resolved_events", "place_actor_id", cascade=False),
    )
    op.create_index("ix_resolved_events_type", "resolved_events", ["type"])
    op.create_index("ix_resolved_events_date_from", "resolved_events", ["date_from"])
    op.create_index("ix_resolved_events_place", "resolved_events", ["place_actor_id"])

    op.create_table(
        "resolved_event_parties",
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("side", sa.String(8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "side", "position",
                                name="pk_resolved_event_parties"),
        sa.ForeignKeyConstraint(["event_id"], ["resolved_events.id"],
                                name="fk_resolved_event_parties_event_id_resolved_events",
                                ondelete="CASCADE"),
        _actor_fk("resolved_event_parties", cascade=False),
    )
    op.create_index("ix_resolved_event_parties_actor", "resolved_event_parties", ["actor_id"])

    op.create_table(
        "event_sources",
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("article_id", sa.String(16), nullable=False),
        sa.Column("event_local_id", sa.String(32), nullable=False),
        sa.Column("status", sa.Text(), nullable=True),
        sa.Column("date", sa.Text(), nullable=True),
        sa.Column("trigger_start", sa.Integer(), nullable=True),
        sa.Column("trigger_end", sa.Integer(), nullable=True),
        sa.Column("trigger_text", sa.Text(), nullable=True),
        sa.Column("sentence_start", sa.Integer(), nullable=True),
        sa.Column("sentence_end", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("article_id", "event_local_id", name="pk_event_sources"),
        sa.ForeignKeyConstraint(["event_id"], ["resolved_events.id"],
                                name="fk_event_sources_event_id_resolved_events",
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["article_id", "event_local_id"], ["events.article_id", "events.id"],
            name="fk_event_sources_article_id_event_local_id_events", ondelete="CASCADE",
        ),
    )
    op.create_index("ix_event_sources_event", "event_sources", ["event_id"])

    op.create_table(
        "resolved_articles",
        sa.Column("article_id", sa.String(16), nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_resolved_articles"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name="fk_resolved_articles_article_id_articles",
                                ondelete="CASCADE"),
    )


def downgrade() -> None:
    for table in ("resolved_articles", "event_sources", "resolved_event_parties",
                  "resolved_events", "actor_members", "actor_roles", "actor_forms", "actors"):
        op.drop_table(table)
    op.drop_index("ix_articles_supersedes", table_name="articles")
