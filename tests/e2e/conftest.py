"""An end-to-end stack per test: local Slack server + the real bolt app over HTTP + a real database."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import LocalStack, slack_users, start_local_stack
from bot.sandbox.records import Message
from bot.sandbox.server import LocalSlack
from storage.models import DraftRow
from tests.conftest import migrated_database_url

APPROVERS = ("U0MANAGER", "U0CHIEF")
# Tests run as if on an ordinary Tuesday morning, whatever day the suite runs on.
BUSINESS_MORNING = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
# settle(): how long the bot must stay quiet, and how often it is looked at meanwhile. Quiet is
# counted only while nothing is at work inside the stack either (_stack_busy): no request being
# handled, no express send or delivery pass under way. A send only starts inside those, so the
# window need not cover a whole send's latency, only what might still be on its way in.
SETTLE_QUIET_SECONDS = 0.1
SETTLE_POLL_SECONDS = 0.03
CLEAN_DRAFT = "11月28日（土）に高田城址公園で紅葉ライトアップを行います。皆さまのお越しをお待ちしています。"


# Slack's trigger_id lasts 3 s, and the local Slack refuses an older one as Slack does. On a loaded
# test machine a click's request can take longer than that before the bot calls views.open (seen at
# a load of 15 on 2 cores: 「expired_trigger_id」 and a test waiting for a form that never opened),
# which made a test's outcome the machine's speed. The stacks of these tests give triggers a minute;
# the refusal of an expired one is tested with its age given (test_phone_manager, tests/sandbox).
TRIGGER_TTL_SECONDS = 60.0


def local_slack(org: OrgConfig) -> LocalSlack:
    return LocalSlack(users=slack_users(org), trigger_ttl=TRIGGER_TTL_SECONDS).start()


# Each stack starts on a copy of a database migrated once per session (tests/conftest.py): the
# migrations themselves are tested in tests/storage, and a `kessai serve` on an empty database in
# tests/production.
@pytest.fixture(params=["sqlite", "postgres"])
def stack(request: pytest.FixtureRequest, tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    st = start_local_stack(org, migrated_database_url(request.param, tmp_path), clock=shifted_clock(BUSINESS_MORNING),
                           slack=local_slack(org))
    yield st
    st.stop()


@pytest.fixture
def sqlite_stack(tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING),
                           slack=local_slack(org))
    yield st
    st.stop()


def buttons(msg: Message) -> dict[str, str]:
    out = {}
    for b in msg.blocks:
        for el in b.get("elements", []) if b.get("type") == "actions" else []:
            out[el["action_id"]] = el.get("value", "")
    return out


def all_text(msg: Message) -> str:
    parts = [msg.text]
    for b in msg.blocks:
        t = b.get("text")
        if isinstance(t, dict):
            parts.append(t.get("text", ""))
        for el in b.get("elements", []) or []:
            if isinstance(el, dict) and isinstance(el.get("text"), str):
                parts.append(el["text"])
    return "\n".join(parts)


def draft_shown(msg: Message) -> str:
    """The draft as a message shows it: its plain text sections (Slack formats none of it), not
    the alt texts' or the unlinked addresses', which are plain text too."""
    return "\n".join(b["text"]["text"] for b in msg.blocks
                     if b.get("type") == "section" and b["text"].get("type") == "plain_text"
                     and not re.match(r"　1枚目の代替テキスト:|リンクにしていない URL（", b["text"]["text"]))


def marked_up(params: dict[str, Any]) -> str:
    """Every string of a chat call that Slack reads as mrkdwn (the ``text``, and each text object
    not plain_text), where 「<!channel>」 would ping and 「<https://…|…>」 would link."""
    out: list[str] = [str(params.get("text") or "")]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "plain_text":
                return
            out.extend(v for k, v in node.items() if k == "text" and isinstance(v, str))
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    blocks = params.get("blocks")
    walk(json.loads(blocks) if isinstance(blocks, str) else blocks)
    return "\n".join(out)


def dm(st: LocalStack, user: str) -> list[Message]:
    return st.slack.messages(st.slack.dm_channel(user))


def wait_dm(st: LocalStack, user: str, count: int = 1) -> list[Message]:
    return st.slack.wait_for(lambda: (m := dm(st, user)) and len(m) >= count and m, timeout=30,
                             message=f"DM to {user}")


def approve_all_at_once(st: LocalStack, msgs: dict[str, Message]) -> None:
    """Each approver clicks 承認 on their request twice, all clicks released together."""
    barrier = threading.Barrier(len(msgs) * 2)

    def click(a: str) -> None:
        barrier.wait()
        st.driver.block_action(a, "approve_draft", channel=msgs[a].channel, message_ts=msgs[a].ts)

    threads = [threading.Thread(target=click, args=(a,)) for a in msgs for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def thread(st: LocalStack, channel: str, ts: str) -> list[Message]:
    return [m for m in st.slack.messages(channel, thread_ts=ts) if m.ts != ts]


def wait_thread(st: LocalStack, channel: str, ts: str, predicate) -> list[Message]:  # type: ignore[no-untyped-def]
    return st.slack.wait_for(lambda: (ms := thread(st, channel, ts)) and predicate(ms) and ms, timeout=30,
                             message="thread reply")


def wait_ephemeral(st: LocalStack, user: str, contains: str) -> str:
    def found() -> str | None:
        for e in st.slack.ephemerals(user):
            if contains in e.text:
                return e.text
        return None

    return st.slack.wait_for(found, timeout=30, message=f"ephemeral to {user} containing {contains}")


def _stack_busy(st: LocalStack) -> bool:
    """Something inside the stack is still at work: a request in one of the HTTP server's threads
    (or queued for one), an express send, or an outbox delivery pass."""
    dispatcher = st.server.server.task_dispatcher  # type: ignore[union-attr]
    gateway = st.rt.gateway
    return bool(dispatcher.active_count or dispatcher.queue or gateway._express_inflight or gateway._lock.locked())


def settle(st: LocalStack) -> None:
    """Wait until the bot has nothing left to send (all listeners finished, nothing due in the
    outbox: a notice held for the next business morning is not left to send now)."""
    import time

    from storage import outbox

    quiet_since = None
    deadline = time.monotonic() + 30  # what must come, bounded generously: ends when it settles
    while time.monotonic() < deadline:
        n_calls = len(st.slack.calls)
        with st.rt.db.session() as s:
            backlog = outbox.backlog(s, st.rt.kessai.clock())
        busy = _stack_busy(st)
        # Looked at often, but settled only after SETTLE_QUIET_SECONDS without a call, a due row or
        # work under way: a coarse look added up to a poll's worth to each of the suite's hundreds of settles.
        time.sleep(SETTLE_POLL_SECONDS)
        if backlog == 0 and not busy and not _stack_busy(st) and len(st.slack.calls) == n_calls:
            if quiet_since and time.monotonic() - quiet_since > SETTLE_QUIET_SECONDS:
                return
            quiet_since = quiet_since or time.monotonic()
        else:
            quiet_since = None
    raise AssertionError("the bot did not settle")


def drafts(st: LocalStack) -> list[DraftRow]:
    """Every draft in the stack's database, oldest first."""
    with st.rt.db.session() as s:
        return list(s.exec(select(DraftRow).order_by(DraftRow.id)))  # type: ignore[arg-type]
