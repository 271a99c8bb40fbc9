"""A report longer than the alert quotes is given whole in the alert's thread: the responders'
only other way to read the rest was ``kessai incidents export``, an IT command."""

from __future__ import annotations

from typing import Any

import pytest
from sqlmodel import select

from bot import incidents as inc
from bot import render
from bot.config import OrgConfig
from bot.incidents import IncidentService
from bot.localstack import slack_users
from bot.sandbox.blockkit import block_errors
from bot.sandbox.server import LocalSlack
from bot.services import Kessai
from storage import outbox
from storage.db import Database
from storage.models import DeletedMessageRow, IncidentRow, OutboxRow
from tests.time.conftest import Clock, World, jst, refuse_outbox_rows_saying
from tests.time.test_incidents import deliver

WHOLE = "の報告の全文です"


def rows(db: Database) -> list[OutboxRow]:
    with db.session() as s:
        return list(s.exec(select(OutboxRow).where(OutboxRow.op == "post").order_by(OutboxRow.id)))


def shown_text(blocks: list[dict[str, Any]]) -> str:
    """What the whole report's plain-text sections show, joined where they were cut."""
    return "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section" and b["text"]["type"] == "plain_text")


def long_report(secret_line: str = "") -> str:
    lines = [f"{n}件目: 市の公式アカウントの投稿に「説明が足りない」との返信が続いています & <確認中>" for n in range(60)]
    # A secret past what the alert quotes: only the whole report shows that part.
    text = "\n".join([*lines[:45], *([secret_line] if secret_line else []), *lines[45:]])[:inc.DESCRIPTION_LIMIT]
    assert not secret_line or text.index(secret_line) > inc.EXCERPT_LIMIT
    return text


def test_a_cut_report_follows_its_alert_whole_in_its_thread_once_the_alert_is_posted(world: World) -> None:
    report = long_report()
    assert len(report) > inc.EXCERPT_LIMIT
    iid = world.incidents.report(kind="flaming", account_id="joetsu-x", description=report,
                                 reporter="U0OPERATOR", now=world.clock.t)
    channel = world.org.policy.escalation_channel
    key = inc.alert_key(iid, channel)
    posted = rows(world.db)
    [alert] = [r for r in posted if r.message_key == key]
    [whole] = [r for r in posted if WHOLE in (r.payload.get("text") or "")]
    assert whole.id is not None and alert.id is not None and whole.id > alert.id
    # The alert says where the rest is.
    quoted = [b["text"]["text"] for b in alert.payload["blocks"] if b["type"] == "section" and "*内容:*" in b["text"]["text"]]
    assert f"文字を表示しています。{inc.WHOLE_IN_THREAD}）_" in quoted[0]
    # Held for the alert, in its thread's order: nothing goes before the alert is posted.
    assert whole.status == outbox.HELD and whole.thread_key == key and whole.payload[outbox.AFTER] == key
    assert whole.payload[inc.INCIDENT_REF] == iid
    blocks = whole.payload["blocks"]
    assert not block_errors(blocks) and not block_errors(whole.payload[outbox.ALONE]["blocks"])
    assert render.text_size(blocks) <= render.MESSAGE_TEXT_BUDGET
    assert shown_text(blocks) == report
    assert shown_text(whole.payload[outbox.ALONE]["blocks"]) == report

    with world.db.session() as s:
        outbox.record_sent(s, [(key, channel, "1700000001.000100")], [alert.id], world.clock.t)
    [whole] = [r for r in rows(world.db) if r.id == whole.id]
    assert whole.status == outbox.PENDING
    assert (whole.payload["channel"], whole.payload["thread_ts"]) == (channel, "1700000001.000100")


def test_a_report_the_alert_shows_whole_gets_no_second_copy(world: World) -> None:
    report = "市の公式アカウントに批判的な返信が続いています。" * 20
    assert len(report) <= inc.EXCERPT_LIMIT
    world.incidents.report(kind="flaming", account_id="joetsu-x", description=report,
                           reporter="U0OPERATOR", now=world.clock.t)
    assert not [r for r in rows(world.db) if WHOLE in (r.payload.get("text") or "")]
    assert inc.WHOLE_IN_THREAD not in str(rows(world.db)[0].payload["blocks"])


def test_a_leaked_password_is_masked_in_the_whole_report_as_in_the_alert(world: World) -> None:
    report = long_report("漏れたパスワード: Kx9#mQ2vLp7z")
    world.incidents.report(kind="password_leak", account_id="joetsu-x", description=report,
                           reporter="U0OPERATOR", now=world.clock.t)
    [whole] = [r for r in rows(world.db) if WHOLE in (r.payload.get("text") or "")]
    everything = str(rows(world.db)[0].payload) + str(whole.payload)
    assert "Kx9#mQ2vLp7z" not in everything
    assert inc.SECRET_MASK in shown_text(whole.payload["blocks"])


def test_a_second_long_report_is_noted_then_given_whole_in_that_order(world: World) -> None:
    iid = world.incidents.report(kind="flaming", account_id="joetsu-x", description="批判的な返信が続いています。",
                                 reporter="U0OPERATOR", now=world.clock.t)
    channel = world.org.policy.escalation_channel
    key = inc.alert_key(iid, channel)
    with world.db.session() as s:
        [alert] = [r for r in s.exec(select(OutboxRow).where(OutboxRow.message_key == key))]
        outbox.record_sent(s, [(key, channel, "1700000001.000100")], [alert.id or 0], world.clock.t)
    second = long_report("新しいパスワード: Zt4$wPq8Rm2n")
    world.incidents.report(kind="flaming", account_id="joetsu-x", description=second, reporter="U0CHIEF",
                           now=jst(2026, 11, 24, 10, 5))
    replies = [r for r in rows(world.db) if r.payload.get("thread_ts") == "1700000001.000100"]
    assert [("追加の報告がありました" in r.payload["text"], WHOLE in r.payload["text"]) for r in replies] == [
        (True, False), (False, True)]
    note, whole = replies
    assert f"{inc.WHOLE_NEXT}）_" in str(note.payload["blocks"])
    # One thread key: the outbox sends them one after another, the note first.
    assert note.thread_key == whole.thread_key == key
    assert "Zt4$wPq8Rm2n" not in str(note.payload) + str(whole.payload)
    assert "追加の報告の全文" in whole.payload["blocks"][0]["text"]["text"]
    assert shown_text(whole.payload["blocks"]).replace(inc.SECRET_MASK, "") \
        == second.replace("新しいパスワード: Zt4$wPq8Rm2n", "新しいパスワード: ")


def test_a_second_long_report_on_a_deleted_alert_stands_in_the_channel_naming_the_incident(world: World) -> None:
    iid = world.incidents.report(kind="flaming", account_id="joetsu-x", description="批判的な返信が続いています。",
                                 reporter="U0OPERATOR", now=world.clock.t)
    channel = world.org.policy.escalation_channel
    key = inc.alert_key(iid, channel)
    with world.db.session() as s:
        [alert] = [r for r in s.exec(select(OutboxRow).where(OutboxRow.message_key == key))]
        outbox.record_sent(s, [(key, channel, "1700000001.000100")], [alert.id or 0], world.clock.t)
        s.add(DeletedMessageRow(channel=channel, ts="1700000001.000100", deleted_at=world.clock.t))
    world.incidents.report(kind="flaming", account_id="joetsu-x", description=long_report(), reporter="U0CHIEF",
                           now=jst(2026, 11, 24, 10, 5))
    loose = [r for r in rows(world.db) if r.payload.get(inc.INCIDENT_REF) == iid and r.message_key != key]
    assert [("追加の報告がありました" in r.payload["text"], WHOLE in r.payload["text"]) for r in loose] == [
        (True, False), (False, True)]
    note, whole = loose
    assert "thread_ts" not in whole.payload and whole.thread_key == note.thread_key == key
    assert f"受付番号 {iid}（" in whole.payload["blocks"][0]["text"]["text"]
    assert shown_text(whole.payload["blocks"]) == long_report()
    assert not block_errors(whole.payload["blocks"])


def test_a_report_whose_whole_copy_cannot_be_written_is_not_alerted_either(db: Database, org: OrgConfig) -> None:
    """The alert and its thread's copy are written in one transaction: when the database refuses
    the copy, the report is refused whole (the reporter is told, and sends it again), never an
    alert whose thread lacks what it says is there."""
    from storage import roster

    with db.session() as s:
        roster.sync(s, org)
    clock = Clock(jst(2026, 11, 24, 10, 0))
    service = IncidentService(Kessai(db, org, clock=clock))
    allow = refuse_outbox_rows_saying(db, WHOLE)
    with pytest.raises(Exception, match="refused"):
        service.report(kind="flaming", account_id="joetsu-x", description=long_report(), reporter="U0OPERATOR",
                       now=clock.t)
    assert rows(db) == []
    with db.session() as s:
        assert list(s.exec(select(IncidentRow))) == []
    allow()
    service.report(kind="flaming", account_id="joetsu-x", description=long_report(), reporter="U0OPERATOR", now=clock.t)
    assert len([r for r in rows(db) if WHOLE in (r.payload.get("text") or "")]) == 1
    assert len([r for r in rows(db) if inc.is_alert_key(r.message_key or "")]) == 1


def whole_replies(slack: LocalSlack, channel: str, iid: int) -> list[str]:
    """The whole-report replies in the thread of the incident's alert (or copy) in ``channel``."""
    [alert] = [m for m in slack.messages(channel) if f"受付番号:* {iid}" in str(m.blocks) and not m.thread_ts]
    assert inc.WHOLE_IN_THREAD in str(alert.blocks)
    return [m.text for m in slack.messages(channel, thread_ts=alert.ts) if m.ts != alert.ts and WHOLE in m.text]


def test_a_copy_of_the_alert_given_when_the_channel_refuses_later_has_the_whole_report_in_its_thread(
        world: World) -> None:
    """The escalation channel archived after the alert was posted: 対応開始's note bounced and each
    member got a copy of the alert by DM, saying 「全文はこのメッセージのスレッドに載せています」 over
    a thread without it. A second bounce (the re-alert) gives no second copy."""
    slack = LocalSlack(token="xoxb-whole-test", users=slack_users(world.org)).start()
    try:
        iid = world.incidents.report(kind="flaming", account_id="joetsu-x", description=long_report(),
                                     reporter="U0OPERATOR", now=world.clock.t)
        deliver(world, slack)
        assert len(whole_replies(slack, "C0ESCALATE", iid)) == 1
        for method in ("chat.postMessage", "chat.update"):
            slack.inject(method, error="is_archived", channel="C0ESCALATE", times=1000)
        world.clock.t = jst(2026, 11, 24, 10, 5)
        world.incidents.ack(iid, "U0CHIEF", now=world.clock.t)
        deliver(world, slack)
        world.clock.t = jst(2026, 11, 24, 10, 6)
        world.incidents.set_checklist(iid, "U0CHIEF", ["report"], now=world.clock.t)
        deliver(world, slack)
        for person in inc.escalation_people(world.org, "joetsu-x"):
            assert len(whole_replies(slack, slack.dm_channel(person), iid)) == 1, person
        with world.db.session() as s:
            assert s.exec(select(OutboxRow).where(OutboxRow.status == "held")).all() == []
    finally:
        slack.stop()


def test_an_alert_refused_before_it_was_posted_gives_each_copy_the_whole_report_once(world: World) -> None:
    slack = LocalSlack(token="xoxb-whole-test", users=slack_users(world.org)).start()
    try:
        for method in ("chat.postMessage", "chat.update"):
            slack.inject(method, error="is_archived", channel="C0ESCALATE", times=1000)
        iid = world.incidents.report(kind="flaming", account_id="joetsu-x", description=long_report(),
                                     reporter="U0OPERATOR", now=world.clock.t)
        deliver(world, slack)
        world.clock.t = jst(2026, 11, 24, 10, 5)
        world.incidents.ack(iid, "U0CHIEF", now=world.clock.t)  # redraws the copies
        deliver(world, slack)
        for person in inc.escalation_people(world.org, "joetsu-x"):
            assert len(whole_replies(slack, slack.dm_channel(person), iid)) == 1, person
    finally:
        slack.stop()


def test_an_alert_posted_before_the_whole_report_was_given_gets_it_when_redrawn(world: World) -> None:
    """An incident open at the upgrade: its alert (posted by the old version) had no whole report in
    its thread, and its redraw said it had. Given once, at the first redraw; not again at the next."""
    iid = world.incidents.report(kind="flaming", account_id="joetsu-x", description=long_report(),
                                 reporter="U0OPERATOR", now=world.clock.t)
    channel = world.org.policy.escalation_channel
    key = inc.alert_key(iid, channel)
    with world.db.session() as s:
        [alert] = [r for r in s.exec(select(OutboxRow).where(OutboxRow.message_key == key))]
        for old in s.exec(select(OutboxRow).where(OutboxRow.message_key == inc.whole_key(iid, channel))):
            s.delete(old)  # as the old version wrote it: the alert alone
        outbox.record_sent(s, [(key, channel, "1700000001.000100")], [alert.id or 0], world.clock.t)
    assert not [r for r in rows(world.db) if WHOLE in (r.payload.get("text") or "")]
    world.incidents.ack(iid, "U0CHIEF", now=jst(2026, 11, 24, 10, 5))
    world.incidents.set_checklist(iid, "U0CHIEF", ["report"], now=jst(2026, 11, 24, 10, 6))
    [whole] = [r for r in rows(world.db) if WHOLE in (r.payload.get("text") or "")]
    assert (whole.status, whole.payload["thread_ts"], whole.thread_key) == (outbox.PENDING, "1700000001.000100", key)
    assert shown_text(whole.payload["blocks"]) == long_report()


def test_a_redrawn_alert_whose_quote_is_whole_gets_no_whole_report(world: World) -> None:
    iid = world.incidents.report(kind="flaming", account_id="joetsu-x", description="批判的な返信が続いています。",
                                 reporter="U0OPERATOR", now=world.clock.t)
    world.incidents.ack(iid, "U0CHIEF", now=jst(2026, 11, 24, 10, 5))
    assert not [r for r in rows(world.db) if WHOLE in (r.payload.get("text") or "")]


def test_a_whole_report_the_channel_refuses_reaches_each_copy_once(world: World) -> None:
    """The alert posted, then the channel archived before the whole report under it went: the whole
    report's refusal brings each member a copy of the alert, with the whole report once in its thread
    (it came twice: given to the copy, and again as the refused note)."""
    slack = LocalSlack(token="xoxb-whole-test", users=slack_users(world.org)).start()
    try:
        iid = world.incidents.report(kind="flaming", account_id="joetsu-x", description=long_report(),
                                     reporter="U0OPERATOR", now=world.clock.t)
        channel = world.org.policy.escalation_channel
        key = inc.alert_key(iid, channel)
        with world.db.session() as s:
            [alert] = [r for r in s.exec(select(OutboxRow).where(OutboxRow.message_key == key))]
            outbox.record_sent(s, [(key, channel, "1700000001.000100")], [alert.id or 0], world.clock.t)
        slack.inject("chat.postMessage", error="is_archived", channel=channel, times=1000)
        deliver(world, slack)
        world.clock.t = jst(2026, 11, 24, 10, 5)
        world.incidents.ack(iid, "U0CHIEF", now=world.clock.t)  # redraws the copies
        deliver(world, slack)
        for person in inc.escalation_people(world.org, "joetsu-x"):
            assert len(whole_replies(slack, slack.dm_channel(person), iid)) == 1, person
    finally:
        slack.stop()
