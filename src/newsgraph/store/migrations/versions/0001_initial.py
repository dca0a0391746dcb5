"""Initial schema: articles with versions, per-article record tables, rejects.

Revision ID: 0001
Revises:
Create Date: 2026-11-25

A migration is a frozen copy of the schema at its revision: it never imports schema.py, and
tests/test_store_schema.py checks that the migrated database matches schema.py exactly.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _json() -> sa.types.TypeEngine:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _article_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["article_id"], ["articles.id"], name=f"fk_{table}_article_id_articles",
        ondelete="CASCADE",
    )


def _keys() -> tuple[sa.Column, sa.Column]:
    return (
        sa.Column("article_id", sa.String(16), nullable=False),
        sa.Column("id", sa.String(32), nullable=False),
    )


def _span(prefix: str, nullable: bool) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_start", sa.Integer(), nullable=nullable),
        sa.Column(f"{prefix}_end", sa.Integer(), nullable=nullable),
    ]


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(16), nullable=False),
        sa.Column("lineage", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes", sa.String(16), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("schema_version", sa.String(8), nullable=False),
        sa.Column("record", _json(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.ForeignKeyConstraint(
            ["supersedes"], ["articles.id"], name="fk_articles_supersedes_articles"
        ),
        sa.UniqueConstraint("lineage", "version", name="uq_articles_lineage_version"),
    )
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_index("ix_articles_url", "articles", ["url"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])

    op.create_table(
        "entities",
        *_keys(),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("aliases", _json(), nullable=False),
        sa.Column("roles", _json(), nullable=False),
        sa.Column("role_mentions", _json(), nullable=False),
        sa.Column("mentions", _json(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "id", name="pk_entities"),
        _article_fk("entities"),
    )
    op.create_index("ix_entities_name", "entities", ["name"])
    op.create_index("ix_entities_type", "entities", ["type"])

    op.create_table(
        "quotes",
        *_keys(),
        sa.Column("text", sa.Text(), nullable=False),
        *_span("span", nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("speaker", sa.String(32), nullable=True),
        sa.Column("cue", sa.Text(), nullable=True),
        *_span("speaker", nullable=True),
        sa.Column("speaker_text", sa.Text(), nullable=True),
        *_span("sentence", nullable=True),
        sa.PrimaryKeyConstraint("article_id", "id", name="pk_quotes"),
        _article_fk("quotes"),
    )
    op.create_index("ix_quotes_speaker", "quotes", ["article_id", "speaker"])

    op.create_table(
        "quantities",
        *_keys(),
        sa.Column("text", sa.Text(), nullable=False),
        *_span("span", nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("value_max", sa.Float(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("approximate", sa.Boolean(), nullable=False),
        sa.Column("qualifier", sa.Text(), nullable=True),
        sa.Column("normalized_value", sa.Float(), nullable=True),
        sa.Column("normalized_unit", sa.Text(), nullable=True),
        sa.Column("about", sa.Text(), nullable=True),
        sa.Column("claimed_by", sa.String(32), nullable=True),
        sa.Column("same_as", sa.String(32), nullable=True),
        sa.PrimaryKeyConstraint("article_id", "id", name="pk_quantities"),
        _article_fk("quantities"),
    )
    op.create_index("ix_quantities_unit", "quantities", ["unit"])
    op.create_index("ix_quantities_claimed_by", "quantities", ["article_id", "claimed_by"])

    op.create_table(
        "times",
        *_keys(),
        sa.Column("text", sa.Text(), nullable=False),
        *_span("span", nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("granularity", sa.Text(), nullable=True),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "id", name="pk_times"),
        _article_fk("times"),
    )
    op.create_index("ix_times_value", "times", ["value"])

    op.create_table(
        "events",
        *_keys(),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("subtype", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=True),
        sa.Column("place", sa.String(32), nullable=True),
        sa.Column("time", sa.String(32), nullable=True),
        sa.Column("date", sa.Text(), nullable=True),
        *_span("trigger", nullable=True),
        sa.Column("trigger_text", sa.Text(), nullable=True),
        *_span("sentence", nullable=True),
        sa.Column("mentions", _json(), nullable=False),
        sa.PrimaryKeyConstraint("article_id", "id", name="pk_events"),
        _article_fk("events"),
    )
    op.create_index("ix_events_type_date", "events", ["type", "date"])
    op.create_index("ix_events_date", "events", ["date"])

    op.create_table(
        "event_participants",
        sa.Column("article_id", sa.String(16), nullable=False),
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint(
            "article_id", "event_id", "role", "position", name="pk_event_participants"
        ),
        sa.ForeignKeyConstraint(
            ["article_id", "event_id"], ["events.article_id", "events.id"],
            name="fk_event_participants_article_id_event_id_events", ondelete="CASCADE",
        ),
    )
    op.create_index(
        "ix_event_participants_entity", "event_participants", ["article_id", "entity_id"]
    )

    op.create_table(
        "stances",
        *_keys(),
        sa.Column("holder", sa.String(32), nullable=True),
        sa.Column("issue", sa.Text(), nullable=True),
        sa.Column("polarity", sa.Text(), nullable=True),
        *_span("evidence", nullable=True),
        sa.Column("evidence_text", sa.Text(), nullable=True),
        *_span("sentence", nullable=True),
        sa.Column("quote", sa.String(32), nullable=True),
        sa.PrimaryKeyConstraint("article_id", "id", name="pk_stances"),
        _article_fk("stances"),
    )
    op.create_index("ix_stances_holder", "stances", ["article_id", "holder"])
    op.create_index("ix_stances_issue", "stances", ["issue"])

    op.create_table(
        "rejects",
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("source", "reason", name="pk_rejects"),
    )


def downgrade() -> None:
    for table in ("rejects", "stances", "event_participants", "events", "times", "quantities",
                  "quotes", "entities", "articles"):
        op.drop_table(table)
