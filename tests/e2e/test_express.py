"""The express lane: approval DMs sent by the writing process right after its commit."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import LocalStack, start_local_stack
from bot.slack_gateway import LEASE
from storage import outbox
from tests.conftest import lapse_outbox_claims, migrated_database_url
from tests.e2e.conftest import APPROVERS, BUSINESS_MORNING, CLEAN_DRAFT, dm, settle, wait_dm


def dm_rows(st: LocalStack) -> list:  # type: ignore[type-arg]
    with st.rt.db.session() as s:
        return [r for r in outbox.rows(s) if (r.message_key or "").startswith("dm:")]


def test_approval_dms_are_sent_once_by_the_writer_and_recorded(stack: LocalStack) -> None:
    stack.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(stack, a)
    settle(stack)
    assert all(len(dm(stack, a)) == 1 for a in APPROVERS)
    rows = dm_rows(stack)
    assert len(rows) == 2
    assert all(r.status == "sent" and r.attempts == 1 and r.claimed_until is None for r in rows)


def test_dms_of_a_writer_that_died_after_commit_go_out_when_its_claim_lapses(tmp_path: Path, org: OrgConfig) -> None:
    # A process that committed the draft but died before sending: its rows are written claimed,
    # and nothing sends them (no express lane running, as after a SIGKILL).
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING),
                           start_gateway=False)
    try:
        st.rt.kessai.notify.express_lease = lambda: LEASE
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()  # the thread replies go; the DMs are still held by the dead writer
        assert all(dm(st, a) == [] for a in APPROVERS)
        assert all(r.status == "pending" for r in dm_rows(st))
        lapse_outbox_claims(st.rt.db, LEASE + timedelta(seconds=1))
        st.deliver()
        assert all(len(dm(st, a)) == 1 for a in APPROVERS)
        st.deliver()  # and never twice
        assert all(len(dm(st, a)) == 1 for a in APPROVERS)
        assert all(r.status == "sent" for r in dm_rows(st))
    finally:
        st.stop()
