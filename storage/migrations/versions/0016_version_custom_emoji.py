"""draft_versions: the names of the custom Slack emoji a version's message held.

A workspace's own emoji stays 「:name:」 in the draft, which X or Instagram show as those letters.
Names in Japanese (「:お知らせ:」) look like no shortcode, so the check learns from the message's
rich text which names were emoji (``bot.rules.CheckContext.custom_emoji``); the version keeps them
for the checks made later (an account chosen after posting, a revision). Versions written before
have NULL: none known. Not part of the content hash (the text says 「:name:」 either way).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("draft_versions") as batch:
        batch.add_column(sa.Column("custom_emoji", sa.JSON(), nullable=True))


# 0010's indexes on expressions, which SQLite's table rebuild below cannot carry over (see 0011).
_EXPRESSION_INDEXES = (("ix_draft_versions_dup_key", "dup_key"), ("ix_draft_versions_dup_numbers", "dup_numbers"))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        for name, _column in _EXPRESSION_INDEXES:
            op.drop_index(name, "draft_versions")
    with op.batch_alter_table("draft_versions") as batch:
        batch.drop_column("custom_emoji")
    if sqlite:
        for name, column in _EXPRESSION_INDEXES:
            op.create_index(name, "draft_versions", [sa.text(f"substr({column}, 1, 100)"), "created_at"])
