"""Outbox: the thread a reply belongs to, so that replies to one thread go out in order.

A delivery pass sends a batch in parallel; two replies to the same draft's thread (the check
result, then 「決裁待ち」) could arrive in either order. ``thread_key`` lets the pass take only the
oldest waiting reply of each thread, as ``message_key`` already does for one message.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("thread_key", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("thread_key")
