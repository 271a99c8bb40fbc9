"""draft_versions: the files attached to the draft's message (a flyer PDF, a map, photos).

The approver is shown which files go with the post, and the content hash binds them (Slack id,
name, size), so that a file swapped after the 承認 is a new version, not the approved one. Versions
written before have NULL, not an empty list: which files their message had is not known, and an
edit event with the text unchanged (an unfurl) must not take the message's files for files added.
Their content hash is unchanged, because files enter the hash only when there are some
(``bot.ledger.content_hash``).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("draft_versions") as batch:
        batch.add_column(sa.Column("files", sa.JSON(), nullable=True))


# 0010's indexes on expressions, which SQLite's table rebuild below cannot carry over (see 0011).
_EXPRESSION_INDEXES = (("ix_draft_versions_dup_key", "dup_key"), ("ix_draft_versions_dup_numbers", "dup_numbers"))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name, _column in _EXPRESSION_INDEXES:
            op.drop_index(name, "draft_versions")
    with op.batch_alter_table("draft_versions") as batch:
        batch.drop_column("files")
    if sqlite:
        for name, column in _EXPRESSION_INDEXES:
            op.create_index(name, "draft_versions", [sa.text(f"substr({column}, 1, 100)"), "created_at"])
