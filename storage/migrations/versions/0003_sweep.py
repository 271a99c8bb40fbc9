"""Sweep: indexes so that a reminder sweep reads only candidates.

- ``drafts (state, updated_at)``: pending drafts that have waited long enough (a range on one index).
- ``draft_versions (scheduled_at)``: scheduled times that have arrived (expiry, unpublished reminders).
- ``password_rotations (account_id, rotated_at)``: the latest rotation per account from the index alone.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.create_index("ix_drafts_state_updated_at", ["state", "updated_at"], unique=False)
    with op.batch_alter_table("draft_versions", schema=None) as batch_op:
        batch_op.create_index("ix_draft_versions_scheduled_at", ["scheduled_at"], unique=False)
    with op.batch_alter_table("password_rotations", schema=None) as batch_op:
        batch_op.create_index("ix_password_rotations_account_rotated", ["account_id", "rotated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("password_rotations", schema=None) as batch_op:
        batch_op.drop_index("ix_password_rotations_account_rotated")
    with op.batch_alter_table("draft_versions", schema=None) as batch_op:
        batch_op.drop_index("ix_draft_versions_scheduled_at")
    with op.batch_alter_table("drafts", schema=None) as batch_op:
        batch_op.drop_index("ix_drafts_state_updated_at")
