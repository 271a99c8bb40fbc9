"""outbox: since when a message has failed alone, as a column instead of a payload key.

The delivery worker gives up on a message that fails (5xx, no proper answer) for a day while
Slack answers and no other conversation fails (``bot.slack_gateway.ALONE_GIVE_UP``). It kept since
when under the payload key ``_failing_alone_since``: every send had to strip it, and every copy of
the message to another conversation had to drop it, or the copy (a DM in place of the escalation
channel) was given up at its first failure as if it had failed for a day. A copy is a new row, so
the column starts empty there without anyone having to remember.

Rows written before keep their day: the key's value moves into the column (a message twenty
hours into its day is not granted a new one by the upgrade). Going back moves it into the payload
again, where the older version reads it.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

KEY = "_failing_alone_since"  # the payload key of the older versions

_outbox = sa.table(
    "outbox",
    sa.column("id", sa.Integer()),
    sa.column("payload", sa.JSON()),
    sa.column("failing_alone_since", sa.DateTime(timezone=True)),
)


def _utc(value: Any) -> datetime | None:
    """The key's ISO time as UTC (SQLite keeps the digits of what it is given, and every other
    time in the table is UTC); None for anything else (the key was never written otherwise)."""
    if not isinstance(value, str):
        return None
    try:
        t = datetime.fromisoformat(value)
    except ValueError:
        return None
    return t.replace(tzinfo=UTC) if t.tzinfo is None else t.astimezone(UTC)


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("failing_alone_since", sa.DateTime(timezone=True), nullable=True))
    c = op.get_bind()
    # Only rows whose text names the key are read: delivered rows are kept for weeks, by the thousand.
    # (JSON as text in both databases; "_" matching any one character only widens the match.)
    candidates = c.execute(sa.select(_outbox.c.id, _outbox.c.payload)
                           .where(sa.cast(_outbox.c.payload, sa.Text).like(f"%{KEY}%"))).all()
    for row_id, payload in candidates:
        if not isinstance(payload, dict) or KEY not in payload:
            continue
        rest = {k: v for k, v in payload.items() if k != KEY}
        c.execute(sa.update(_outbox).where(_outbox.c.id == row_id)
                  .values(payload=rest, failing_alone_since=_utc(payload[KEY])))


def downgrade() -> None:
    c = op.get_bind()
    marked = c.execute(sa.select(_outbox.c.id, _outbox.c.payload, _outbox.c.failing_alone_since)
                       .where(_outbox.c.failing_alone_since.is_not(None))).all()
    for row_id, payload, since in marked:
        since = since.replace(tzinfo=UTC) if since.tzinfo is None else since.astimezone(UTC)
        c.execute(sa.update(_outbox).where(_outbox.c.id == row_id)
                  .values(payload={**(payload or {}), KEY: since.isoformat()}))
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("failing_alone_since")
