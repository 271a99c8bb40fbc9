"""draft_versions: how many videos the draft's message carries.

上越市 5(3) asks for consent before posting 「個人が特定できる写真や映像」: a video of people
needs it as much as a photo, so the check and the approver must know videos are attached. Versions
written before count none (``server_default``); their content hash is unchanged, because videos
enter the hash only when there are some (``bot.ledger.content_hash``).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("draft_versions") as batch:
        batch.add_column(sa.Column("video_count", sa.Integer(), nullable=False, server_default="0"))


# 0010's indexes on expressions, which SQLite's table rebuild below cannot carry over.
_EXPRESSION_INDEXES = (("ix_draft_versions_dup_key", "dup_key"), ("ix_draft_versions_dup_numbers", "dup_numbers"))


def downgrade() -> None:
    # SQLite drops a column by rebuilding the table from its reflected definition, and SQLAlchemy
    # does not reflect indexes on expressions: the rebuilt table would lack 0010's two (the
    # duplicate check's lookups), and 0010's own downgrade would then fail on the missing index.
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name, _column in _EXPRESSION_INDEXES:
            op.drop_index(name, "draft_versions")
    with op.batch_alter_table("draft_versions") as batch:
        batch.drop_column("video_count")
    if sqlite:
        for name, column in _EXPRESSION_INDEXES:
            op.create_index(name, "draft_versions", [sa.text(f"substr({column}, 1, 100)"), "created_at"])
