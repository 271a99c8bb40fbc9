"""Indexes for looking messages up by key prefix (an approval's DMs, an incident's alerts).

``outbox.posted_keys`` finds keys by prefix as a range of strings compared in the C collation
(``storage.db.starts_with``). On PostgreSQL, whose database collation is often not C, that needs
expression indexes in the C collation; SQLite compares bytes already and uses the plain indexes.
Without them each decision read the whole outbox and ``slack_messages``, which only grow.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute('CREATE INDEX ix_outbox_message_key_c ON outbox ((message_key COLLATE "C"))')
    op.execute('CREATE INDEX ix_slack_messages_key_c ON slack_messages ((key COLLATE "C"))')


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX ix_slack_messages_key_c")
    op.execute("DROP INDEX ix_outbox_message_key_c")
