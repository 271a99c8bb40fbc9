"""slack_messages: an index on where a message is (channel, ts).

A reply in the thread of a /kessai draft draft names its parent by channel and ts; the parent is
the bot's own post, found through this table (``storage.outbox.message_keys_at``). Without the
index that look-up reads the whole table, which keeps every message the bot ever posted.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_slack_messages_channel_ts", "slack_messages", ["channel", "ts"])


def downgrade() -> None:
    op.drop_index("ix_slack_messages_channel_ts", "slack_messages")
