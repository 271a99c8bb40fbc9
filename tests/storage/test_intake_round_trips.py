"""How many statements a new draft costs on PostgreSQL: the intake is the bot's busiest path, and
each statement is a round trip to the database before the approver's DM can leave."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlmodel import select

from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import LocalStack, start_local_stack
from bot.services import IncomingMessage
from bot.slack_gateway import LEASE
from storage import drafts, outbox
from storage.models import DraftRow, FindingRow, OutboxRow
from tests.conftest import migrated_database_url
from tests.e2e.conftest import BUSINESS_MORNING, CLEAN_DRAFT


@pytest.fixture
def pg_stack(tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    st = start_local_stack(org, migrated_database_url("postgres", tmp_path), start_gateway=False,
                           clock=shifted_clock(BUSINESS_MORNING))
    yield st
    st.stop()


def statements_of(st: LocalStack, text: str, ts: str) -> list[str]:
    """The statements receiving ``text`` as a new draft sends from this thread (BEGIN and COMMIT aside)."""
    seen: list[str] = []
    me = threading.get_ident()

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if threading.get_ident() == me:
            seen.append(statement.split(None, 1)[0].upper())

    event.listen(Engine, "before_cursor_execute", note)
    try:
        st.rt.kessai.receive_message(IncomingMessage(channel="C0INTAKE", user="U0OPERATOR", ts=ts, text=text,
                                                     event_key=f"event:Ev{ts}"))
    finally:
        event.remove(Engine, "before_cursor_execute", note)
    return seen


def test_a_clean_draft_is_one_read_and_two_writes(pg_stack: LocalStack) -> None:
    # The read (recent texts, absences, App Homes, the message's lock), the draft with its version,
    # then its requests with the DMs that ask and the thread's notices.
    assert statements_of(pg_stack, CLEAN_DRAFT, "1764000000.000100") == ["SELECT", "WITH", "WITH"]
    with pg_stack.rt.db.session() as s:
        d = s.exec(select(DraftRow)).one()
        assert d.state == "pending"
        assert drafts.request_recipients(s, d.id or 0, 1) == ["U0MANAGER", "U0CHIEF"]
        assert {r.payload.get("channel") for r in outbox.rows(s)} >= {"U0MANAGER", "U0CHIEF"}


def test_a_clean_draft_sent_express_is_one_read_and_two_writes(pg_stack: LocalStack) -> None:
    # With the express lane open the DMs are written claimed by the database's clock
    # (outbox.Claim), in the INSERT itself: no statement more before they can leave.
    pg_stack.rt.kessai.notify.express_lease = lambda: LEASE
    handed: list[list[OutboxRow]] = []
    pg_stack.rt.db.on_commit.append(lambda info: handed.append(info.pop(outbox.EXPRESS, [])))
    assert statements_of(pg_stack, CLEAN_DRAFT, "1764000000.000150") == ["SELECT", "WITH", "WITH"]
    [dms] = [batch for batch in handed if batch]
    assert sorted(r.payload["channel"] for r in dms) == ["U0CHIEF", "U0MANAGER"]
    with pg_stack.rt.db.session() as s:
        claimed = {r.id: r.claimed_until for r in outbox.rows(s) if r.claimed_until is not None}
    assert claimed == {r.id: r.claimed_until for r in dms}


def test_a_draft_held_by_a_finding_is_one_read_and_two_writes(pg_stack: LocalStack) -> None:
    # Nobody is asked: nothing to read back for the App Homes, and the findings go in with the
    # check result that shows them.
    held = CLEAN_DRAFT + "パスワードは Tk7#mQ2x!pL9 です。"
    assert statements_of(pg_stack, held, "1764000000.000200") == ["SELECT", "WITH", "WITH"]
    with pg_stack.rt.db.session() as s:
        d = s.exec(select(DraftRow)).one()
        assert d.state == "needs_fix" and drafts.request_recipients(s, d.id or 0, 1) == []
        assert s.exec(select(FindingRow)).all()
