"""The keys each resolved entity offers to actor resolution, so that an ingest re-resolves
only what it can reach instead of rebuilding the whole resolved layer.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25

A frozen copy of schema.py's ``resolution_keys`` at this revision. A store migrated from
0003 has a resolved layer without keys; store/resolution.py sees that and rebuilds once.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "resolution_keys",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("article_id", sa.String(16), nullable=False),
        sa.Column("entity_id", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("key", "article_id", "entity_id", name="pk_resolution_keys"),
        sa.ForeignKeyConstraint(
            ["article_id", "entity_id"], ["entities.article_id", "entities.id"],
            name="fk_resolution_keys_article_id_entity_id_entities", ondelete="CASCADE",
        ),
    )
    op.create_index("ix_resolution_keys_entity", "resolution_keys", ["article_id", "entity_id"])


def downgrade() -> None:
    op.drop_index("ix_resolution_keys_entity", table_name="resolution_keys")
    op.drop_table("resolution_keys")
