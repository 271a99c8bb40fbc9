"""drafts: the Slack time of the last edit of the draft's message that the bot applied.

Slack retries an event it could not deliver, minutes later, after events sent since: the retry of
an older edit of a draft's message would otherwise make the older text a new version, void the
decision on the text the message shows, and ask the approvers to approve text no longer there.
Every edit carries ``message.edited.ts``; an edit no later than the one applied is stale. Drafts
written before have none (NULL): their next edit is applied as before and sets it.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("edited_ts", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("edited_ts")
