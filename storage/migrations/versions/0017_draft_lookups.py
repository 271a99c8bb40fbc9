"""drafts: two look-ups that grew with the years, by index.

``/kessai status`` read every draft its user ever wrote (through the author_id index) and kept
the ones in progress or lately ended: 25 ms for a person with 60,600 drafts, most of them long
published. ix_drafts_author_state (author, state, updated_at) gives those as ranges.

Each 投稿済みにする read the URL of every draft ever published, under the publication lock, to
compare each with the new one (``bot.publication.same_post``). A published draft now keeps its
post's digest (``bot.publication.post_key_digest``) in ``published_key``, indexed; the drafts
published before get theirs here, computed from their URL in batches. A URL that cannot be read
as one (none passed the form's check) keeps NULL: it matched nothing before either. The drafts
published with no digest (those, and any a replica still on 0016 registers during a rolling
upgrade) are read besides, through ix_drafts_published_unkeyed, which holds only them.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.publication import post_key_digest

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

BATCH = 1000

_drafts = sa.table(
    "drafts",
    sa.column("id", sa.Integer()),
    sa.column("published_url", sa.String()),
    sa.column("published_key", sa.String()),
)


def _digest(url: str) -> str | None:
    try:
        return post_key_digest(url)
    except ValueError:  # urlsplit's refusal (「https://[…」): never accepted as a post, matched nothing
        return None


def upgrade() -> None:
    with op.batch_alter_table("drafts") as batch:
        batch.add_column(sa.Column("published_key", sa.String(length=64), nullable=True))
    op.create_index("ix_drafts_published_key", "drafts", ["published_key"])
    unkeyed = sa.text("published_key IS NULL AND published_url IS NOT NULL")
    op.create_index("ix_drafts_published_unkeyed", "drafts", ["id"], sqlite_where=unkeyed, postgresql_where=unkeyed)
    op.create_index("ix_drafts_author_state", "drafts", ["author_id", "state", "updated_at"])
    op.drop_index("ix_drafts_author_id", "drafts")
    c = op.get_bind()
    after = None
    while True:
        # By id, a batch at a time: ten years of published drafts are not held in memory at once.
        q = (sa.select(_drafts.c.id, _drafts.c.published_url).where(_drafts.c.published_url.is_not(None))
             .order_by(_drafts.c.id).limit(BATCH))
        rows = c.execute(q if after is None else q.where(_drafts.c.id > after)).all()
        if not rows:
            break
        keyed = [{"row_id": i, "key": k} for i, u in rows if (k := _digest(u)) is not None]
        if keyed:
            c.execute(sa.update(_drafts).where(_drafts.c.id == sa.bindparam("row_id"))
                      .values(published_key=sa.bindparam("key")), keyed)
        after = rows[-1][0]


def downgrade() -> None:
    op.create_index("ix_drafts_author_id", "drafts", ["author_id"])
    op.drop_index("ix_drafts_author_state", "drafts")
    op.drop_index("ix_drafts_published_unkeyed", "drafts")
    op.drop_index("ix_drafts_published_key", "drafts")
    with op.batch_alter_table("drafts") as batch:
        batch.drop_column("published_key")
