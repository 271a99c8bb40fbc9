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
from bot.sandbox.blockkit import block_errors
from bot.services import Kessai
from storage import outbox
from storage.db import Database
from storage.models import DeletedMessageRow, IncidentRow, OutboxRow
from tests.time.conftest import Clock, World, jst, refuse_outbox_rows_saying

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
