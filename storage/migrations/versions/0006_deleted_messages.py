"""Deleted messages: intake-channel messages deleted before their message event was processed.

Slack does not promise to deliver events in order, and retries a delivery that failed: the
``message`` event of a draft can reach the bot after its ``message_deleted`` (or the tombstone
edit Slack sends for a message with replies). The deletion is remembered here so that the late
message event does not become a draft that approvers are asked to decide.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deleted_messages",
        sa.Column("channel", sa.String(length=32), nullable=False),
        sa.Column("ts", sa.String(length=32), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("channel", "ts", name=op.f("pk_deleted_messages")),
    )


def downgrade() -> None:
    op.drop_table("deleted_messages")
