"""Which statements count as writes: /healthz's database_writes and the last-write time follow them."""

from __future__ import annotations

import pytest

from storage.db import _is_write


@pytest.mark.parametrize(("statement", "writes"), [
    ("INSERT INTO drafts (text) VALUES (%(text)s)", True),
    ("  update outbox SET state = 'sent'", True),
    ("DELETE FROM processed_events WHERE at < %(at)s", True),
    # A new draft and its first version in one statement (storage.drafts, PostgreSQL): it was not
    # seen as a write, so a database refusing it left /healthz at 200.
    ("WITH new_draft AS (INSERT INTO drafts (text) VALUES (%(text)s) RETURNING drafts.id) "
     "INSERT INTO draft_versions (draft_id) SELECT new_draft.id FROM new_draft", True),
    ("WITH recent AS (SELECT id FROM drafts) SELECT count(*) FROM recent", False),
    ("SELECT inserted_at FROM drafts", False),
])
def test_writes_are_told_from_reads(statement: str, writes: bool) -> None:
    assert _is_write(statement) is writes
