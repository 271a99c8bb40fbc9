"""draft_versions: indexes on the duplicate rule's signature, so the intake looks candidates up.

Before, the intake walked every draft the account made in the last 30 days and read each one's
current version to test its signature: linear in a busy month (5 ms at 1,000 drafts, 25 ms at
5,000 under load). Now each branch of ``storage.drafts._could_duplicate`` is a range of one of
these indexes, bounded by the versions' date. Keys and numbers are indexed by their first 100
characters (``storage.drafts.SIGNATURE_PREFIX``): a PostgreSQL index entry cannot hold the key of
a 40,000-character draft, and inserting one would fail.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_draft_versions_dup_key", "draft_versions", [sa.text("substr(dup_key, 1, 100)"), "created_at"])
    op.create_index("ix_draft_versions_dup_numbers", "draft_versions",
                    [sa.text("substr(dup_numbers, 1, 100)"), "created_at"])
    op.create_index("ix_draft_versions_dup_version", "draft_versions", ["dup_version", "created_at"])


def downgrade() -> None:
    op.drop_index("ix_draft_versions_dup_version", "draft_versions")
    op.drop_index("ix_draft_versions_dup_numbers", "draft_versions")
    op.drop_index("ix_draft_versions_dup_key", "draft_versions")
