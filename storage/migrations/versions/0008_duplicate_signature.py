"""draft_versions: the duplicate rule's signature, so the intake reads only posts it could match.

Versions written before have NULL here and are read as before (all of the account's last 30
days); they age out of the duplicate window within a month, so nothing needs backfilling.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("draft_versions") as batch:
        batch.add_column(sa.Column("dup_key", sa.Text(), nullable=True))
        batch.add_column(sa.Column("dup_numbers", sa.Text(), nullable=True))
        batch.add_column(sa.Column("dup_version", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("draft_versions") as batch:
        batch.drop_column("dup_version")
        batch.drop_column("dup_numbers")
        batch.drop_column("dup_key")
