"""Incidents: alert, re-alert until acknowledged, holding-statement reminder, resolution record."""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text, update
from sqlmodel import col, select

from bot import errors
from bot import incidents as inc
from bot.config import load_org_config, parse_org_config
from bot.delivery_failures import DeliveryFailureReporter
from bot.incidents import IncidentService
from bot.localstack import slack_users
from bot.sandbox.server import LocalSlack
from bot.services import Kessai
from bot.slack_gateway import SlackGateway
from bot.slack_http import KeepAliveWebClient
from storage.db import Database
from storage.models import IncidentEventRow, IncidentRow, OutboxRow
from tests.conftest import DEMO_TOML
from tests.time.conftest import World, jst

ESCALATION = ("U0MANAGER", "U0CHIEF", "U0DEPUTY", "U0JOHO")
TUESDAY_10 = jst(2026, 11, 24, 10, 0)


def report(w: World, at: datetime = TUESDAY_10, kind: str = "flaming") -> int:
    return w.incidents.report(kind=kind, account_id="joetsu-x", reporter="U0OPERATOR", now=at,
                              description="昨日の投稿に批判が殺到しています <!channel> 至急")


def incident(w: World, incident_id: int) -> IncidentRow:
    with w.db.session() as s:
        row = s.get(IncidentRow, incident_id)
        assert row is not None
        return row


def timeline(w: World, incident_id: int) -> list[str]:
    with w.db.session() as s:
        return [e.event for e in s.exec(select(IncidentEventRow).where(IncidentEventRow.incident_id == incident_id)
                                        .order_by(IncidentEventRow.id))]


def test_after_a_catch_up_a_clock_set_back_does_not_re_alert_again(world: World) -> None:
    """Down for an hour after the report: the catch-up at 11:00 re-alerts once. A clock then set back
    by 20 minutes must not mention everyone a second time for a quarter already past."""
    report(world)
    assert world.sweep(jst(2026, 11, 24, 11, 0)).sent["incident.unacked"] == 1
    for back in (jst(2026, 11, 24, 10, 40), jst(2026, 11, 24, 10, 15)):
        assert world.sweep(back).sent["incident.unacked"] == 0, back
    # The one-hour re-alert was that catch-up; the next is the two-hour one.
    assert world.sweep(jst(2026, 11, 24, 11, 15)).sent["incident.unacked"] == 0
    assert world.sweep(jst(2026, 11, 24, 12, 0)).sent["incident.unacked"] == 1


def test_report_alerts_the_escalation_channel_with_the_checklist(world: World) -> None:
    report(world)
    [alert] = world.posts(to="C0ESCALATE", contains="インシデント")
    blob = json.dumps(alert, ensure_ascii=False)
    assert "炎上" in blob and "上越市公式X" in blob
    assert "&lt;!channel&gt;" in blob and "<!channel>" not in blob  # a report never pings anyone
    assert "反論・抗弁をしない" in blob and "その旨を書き込む" in blob and "上越市 6(2)" in blob
    actions = [el["action_id"] for b in alert["blocks"] if b["type"] == "actions" for el in b["elements"]]
    assert actions == [inc.CHECKLIST_ACTION, inc.ACK_ACTION, inc.RESOLVE_ACTION]
    assert world.posts(to="U0OPERATOR", contains="受け付けました")


def test_each_kind_has_its_guideline_checklist() -> None:
    texts = {k: " ".join(i.text for i in items) for k, items in inc.CHECKLISTS.items()}
    assert set(texts) == set(inc.KINDS)
    assert "削除" in texts["impersonation"] and "ホームページ" in texts["impersonation"] and "報道機関" in texts["impersonation"]
    assert "変更" in texts["password_leak"] and "報告" in texts["password_leak"]
    assert "黙って削除せず" in texts["misposting"]


def test_unacknowledged_incident_is_realerted_with_mentions_every_window(world: World) -> None:
    incident_id = report(world)
    assert world.sweep(jst(2026, 11, 24, 10, 14, 59)).sent["incident.unacked"] == 0
    assert world.sweep(jst(2026, 11, 24, 10, 15)).sent["incident.unacked"] == 1
    assert world.sweep(jst(2026, 11, 24, 10, 15)).sent["incident.unacked"] == 0
    assert world.sweep(jst(2026, 11, 24, 10, 29)).sent["incident.unacked"] == 0
    assert world.sweep(jst(2026, 11, 24, 10, 30)).sent["incident.unacked"] == 1
    realerts = world.posts(to="C0ESCALATE", contains="対応開始されていません")
    assert len(realerts) == 2
    for who in ESCALATION:
        assert f"<@{who}>" in realerts[0]["text"]
    assert "<@U0STRANGER>" not in realerts[0]["text"] and "<@U0OPERATOR>" not in realerts[0]["text"]
    assert "報告から 15分たっても" in realerts[0]["text"] and "報告から 30分たっても" in realerts[1]["text"]
    assert timeline(world, incident_id) == ["reported", "realerted", "realerted"]


def test_a_realert_that_keeps_failing_is_one_error_not_one_per_window(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """Each 15-minute window's re-alert has a key of its own: one that could not be written every
    time logged a new ERROR, with its traceback, every window (96 a day for one fault). Each window
    is still tried (an incident's alarm is not put off), and the ERROR is said once."""
    import logging

    from tests.time.conftest import refuse_outbox_rows_saying

    report(world)
    allow = refuse_outbox_rows_saying(world.db, "対応開始されていません")
    failed = 0
    with caplog.at_level(logging.INFO, logger="bot.sweep"):
        for minute in range(61):  # 10:15 to 11:15: five windows
            failed += world.sweep(jst(2026, 11, 24, 10, 15) + timedelta(minutes=minute)).failed
    errors_logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors_logged) == 1, errors_logged
    assert failed >= 5  # every window was tried
    # Its WARNINGs ever further apart (1, 2, 4, 8, 16, 32 minutes after it began), not one a minute.
    warned = [r for r in caplog.records if r.levelno == logging.WARNING and "still could not be prepared" in r.getMessage()]
    assert 3 <= len(warned) <= 7, [r.getMessage() for r in warned]
    allow()
    assert world.sweep(jst(2026, 11, 24, 11, 30)).sent["incident.unacked"] == 1


def test_long_waits_are_told_in_hours_and_days_not_minutes(world: World) -> None:
    incident_id = report(world)
    world.sweep(jst(2026, 11, 25, 12, 0))  # nobody pressed 対応開始 for 26 hours
    [realert] = world.posts(to="C0ESCALATE", contains="対応開始されていません")
    assert "報告から 26時間たっても" in realert["text"] and "1560" not in realert["text"]
    world.sweep(jst(2026, 11, 27, 15, 10))
    assert "報告から 3日と5時間たっても" in world.posts(to="C0ESCALATE", contains="対応開始されていません")[-1]["text"]
    world.incidents.ack(incident_id, "U0JOHO", now=jst(2026, 11, 27, 15, 20))
    world.sweep(jst(2026, 11, 27, 17, 50))
    [dm] = world.posts(to="U0JOHO", contains="経過の書き込みのお願い")
    assert "対応開始から 2時間30分がたちました" in dm["text"]
    assert "アラート（または kessai のホームタブ）の「解決」" in dm["text"]  # the alert may have been deleted
    with world.db.session() as s:
        notes = [e.detail for e in s.exec(select(IncidentEventRow).where(IncidentEventRow.incident_id == incident_id)
                                        .order_by(IncidentEventRow.id))]
    assert "26時間経過" in notes and "3日と5時間経過" in notes and "2時間30分経過" in notes


def test_incidents_do_not_wait_for_business_hours(world: World) -> None:
    report(world, at=jst(2026, 11, 28, 22, 0))  # Saturday night
    assert world.sweep(jst(2026, 11, 28, 22, 15)).sent["incident.unacked"] == 1


def test_only_escalation_members_may_acknowledge(world: World) -> None:
    incident_id = report(world)
    with pytest.raises(inc.NotEscalationMember) as e:
        world.incidents.ack(incident_id, "U0STRANGER", now=jst(2026, 11, 24, 10, 5))
    assert "運用管理責任者" in e.value.message_ja
    with pytest.raises(inc.NotEscalationMember):
        world.incidents.ack(incident_id, "U0OPERATOR", now=jst(2026, 11, 24, 10, 5))
    assert incident(world, incident_id).status == "open"
    world.incidents.ack(incident_id, "U0JOHO", now=jst(2026, 11, 24, 10, 6))
    with pytest.raises(errors.AlreadyDecided) as e2:
        world.incidents.ack(incident_id, "U0MANAGER", now=jst(2026, 11, 24, 10, 7))
    assert "木田 四郎" in e2.value.message_ja
    row = incident(world, incident_id)
    assert (row.status, row.acked_by) == ("acked", "U0JOHO")
    assert world.sweep(jst(2026, 11, 24, 10, 45)).sent["incident.unacked"] == 0


def test_after_a_catch_up_a_clock_set_back_asks_for_no_second_holding_statement(world: World) -> None:
    """Acknowledged at 10:35, then kessai was down from before 12:35 (the request's time) until
    16:40: the catch-up asks once. A clock then set back to 15:00 or 13:00 must not ask the
    acknowledger again; the next request is the next morning's, not one every two hours."""
    incident_id = report(world)
    world.incidents.ack(incident_id, "U0JOHO", now=jst(2026, 11, 24, 10, 35))
    assert world.sweep(jst(2026, 11, 24, 16, 40)).sent["incident.holding"] == 1
    for back in (jst(2026, 11, 24, 15, 0), jst(2026, 11, 24, 13, 0)):
        assert world.sweep(back).sent["incident.holding"] == 0, back
    assert len(world.posts(to="U0JOHO", contains="経過の書き込みのお願い")) == 1
    assert world.sweep(jst(2026, 11, 24, 18, 35)).sent["incident.holding"] == 0
    assert world.sweep(jst(2026, 11, 25, 8, 30)).sent["incident.holding"] == 1


def test_acknowledged_but_unresolved_reminds_the_acknowledger_to_post_a_holding_statement(world: World) -> None:
    incident_id = report(world)
    world.incidents.ack(incident_id, "U0JOHO", now=jst(2026, 11, 24, 10, 35))
    assert world.sweep(jst(2026, 11, 24, 12, 34, 59)).sent["incident.holding"] == 0
    assert world.sweep(jst(2026, 11, 24, 12, 35)).sent["incident.holding"] == 1
    assert world.sweep(jst(2026, 11, 24, 12, 36)).sent["incident.holding"] == 0
    [dm] = world.posts(to="U0JOHO", contains="経過の書き込みのお願い")
    assert "対応中である旨" in dm["text"] and "「解決」" in dm["text"]


def test_checklist_is_saved_and_only_people_involved_may_tick(world: World) -> None:
    incident_id = report(world)
    world.incidents.set_checklist(incident_id, "U0OPERATOR", ["calm", "not-an-item"], now=jst(2026, 11, 24, 10, 10))
    assert incident(world, incident_id).checklist_done == ["calm"]
    world.incidents.set_checklist(incident_id, "U0MANAGER", ["consult", "calm"], now=jst(2026, 11, 24, 10, 11))
    assert incident(world, incident_id).checklist_done == ["calm", "consult"]
    with pytest.raises(inc.NotInvolved):
        world.incidents.set_checklist(incident_id, "U0NOBODY", [], now=jst(2026, 11, 24, 10, 12))
    assert incident(world, incident_id).checklist_done == ["calm", "consult"]
    assert timeline(world, incident_id) == ["reported", "checked", "checked"]


WELFARE = ('\n[[orgs]]\nid = "fukushi"\nname = "福祉課"\n\n[[members]]\nslack_id = "U0FUKUSHI"\n'
           'name = "福祉 五郎"\norg = "fukushi"\nrank = "主事"\n')


def test_a_second_reporter_and_any_member_of_the_escalation_sections_may_tick_the_checklist(world: World) -> None:
    """A second reporter (joined to the first report) who did not run the account was refused the
    checklist, while the first reporter, whoever they were, could tick it; and 情報政策室's 係長,
    a member of the escalation channel the refusal itself named (「情報政策室・広報対話課の担当者」),
    was refused too."""
    other = '\n[[members]]\nslack_id = "U0FUKUSHI2"\nname = "福祉 六郎"\norg = "fukushi"\nrank = "主事"\n'
    org = parse_org_config(DEMO_TOML.read_text(encoding="utf-8") + WELFARE + other)
    service = IncidentService(Kessai(world.db, org, clock=world.clock))
    at = jst(2026, 11, 24, 10, 0)
    incident_id = service.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR", now=at,
                                 description="市の投稿に批判が集まっています。")
    again = service.report(kind="flaming", account_id="joetsu-x", reporter="U0FUKUSHI", now=at,
                           description="引用でも拡散されています。")
    assert again == incident_id
    service.set_checklist(incident_id, "U0FUKUSHI", ["calm"], now=jst(2026, 11, 24, 10, 5))
    service.set_checklist(incident_id, "U0STRANGER", ["calm", "consult"], now=jst(2026, 11, 24, 10, 6))
    assert incident(world, incident_id).checklist_done == ["calm", "consult"]
    with pytest.raises(inc.NotInvolved):  # 福祉課, and not a reporter of this one
        service.set_checklist(incident_id, "U0FUKUSHI2", ["explain"], now=jst(2026, 11, 24, 10, 7))
    assert incident(world, incident_id).checklist_done == ["calm", "consult"]


def test_resolution_is_recorded_with_its_timeline_and_exported(world: World) -> None:
    incident_id = report(world)
    world.sweep(jst(2026, 11, 24, 10, 15))
    world.incidents.ack(incident_id, "U0JOHO", now=jst(2026, 11, 24, 10, 20))
    world.incidents.set_checklist(incident_id, "U0JOHO", ["calm"], now=jst(2026, 11, 24, 10, 25))
    world.sweep(jst(2026, 11, 24, 12, 20))
    with pytest.raises(errors.InvalidInput):
        world.incidents.resolve(incident_id, "U0JOHO", "   ", now=jst(2026, 11, 24, 13, 0))
    with pytest.raises(inc.NotEscalationMember):
        world.incidents.resolve(incident_id, "U0OPERATOR", "終わりました", now=jst(2026, 11, 24, 13, 0))
    world.incidents.resolve(incident_id, "U0JOHO", "訂正とお詫びを投稿し、批判は収まりました。", now=jst(2026, 11, 24, 13, 0))
    with pytest.raises(inc.AlreadyResolved):
        world.incidents.resolve(incident_id, "U0MANAGER", "二重", now=jst(2026, 11, 24, 13, 1))
    row = incident(world, incident_id)
    assert (row.status, row.resolved_by, row.summary) == ("resolved", "U0JOHO", "訂正とお詫びを投稿し、批判は収まりました。")
    assert timeline(world, incident_id) == ["reported", "realerted", "acked", "checked", "holding_reminded", "resolved"]
    report_after = world.sweep(jst(2026, 11, 24, 18, 0))
    assert report_after.sent["incident.unacked"] == 0 and report_after.sent["incident.holding"] == 0
    with world.db.session() as s:
        rows = inc.export_rows(s, world.org, {"U0JOHO": "木田 四郎"}, world.kessai.tz)
    [r] = rows
    assert r["kind_ja"] == "炎上" and r["status_ja"] == "解決済み" and r["acked_by_name"] == "木田 四郎"
    assert r["created_at"] == "2026-11-24T10:00:00+09:00"
    assert [e["event_ja"] for e in r["timeline"]][-1] == "解決"
    csv_text = inc.to_csv(rows)
    assert csv_text.startswith("\ufeff") and "訂正とお詫び" in csv_text and "対応開始 木田 四郎" in csv_text


def test_two_people_acknowledging_at_once_record_one(world: World) -> None:
    incident_id = report(world)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def press(who: str) -> None:
        barrier.wait()
        try:
            world.incidents.ack(incident_id, who, now=jst(2026, 11, 24, 10, 3))
            outcomes.append("acked")
        except errors.AlreadyDecided:
            outcomes.append("refused")

    threads = [threading.Thread(target=press, args=(w,)) for w in ("U0JOHO", "U0MANAGER")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["acked", "refused"]
    assert timeline(world, incident_id).count("acked") == 1


def test_report_refusals(world: World) -> None:
    with pytest.raises(inc.NotInRoster):
        world.incidents.report(kind="flaming", account_id=None, description="x", reporter="U0NOBODY")
    with pytest.raises(errors.InvalidInput):
        world.incidents.report(kind="bogus", account_id=None, description="x", reporter="U0OPERATOR")
    with pytest.raises(inc.UnknownAccount):
        world.incidents.report(kind="other", account_id="nope", description="x", reporter="U0OPERATOR")
    with pytest.raises(errors.InvalidInput):
        world.incidents.report(kind="other", account_id=None, description=" \n ", reporter="U0OPERATOR")
    with world.db.session() as s:
        assert list(s.exec(select(IncidentRow))) == []


def test_people_ticking_different_items_at_once_from_the_same_message_keep_every_tick(world: World) -> None:
    """Four people tick four items at the same instant, each from the alert as it was before any
    of them (nothing ticked), each through their own replica: every tick is kept."""
    people = ("U0OPERATOR", "U0MANAGER", "U0CHIEF", "U0JOHO")
    items = [i.id for i in inc.CHECKLISTS["flaming"]]
    replicas = [Database(world.db.url) for _ in people]
    services = [IncidentService(Kessai(db, world.org, clock=world.clock)) for db in replicas]
    failures: list[BaseException] = []
    try:
        for round_ in range(5):
            incident_id = report(world)
            barrier = threading.Barrier(len(people))

            def tick(service: IncidentService, person: str, item: str, incident_id: int = incident_id,
                     barrier: threading.Barrier = barrier) -> None:
                barrier.wait()
                try:
                    service.set_checklist(incident_id, person, [item], seen=[], now=jst(2026, 11, 24, 10, 5))
                except BaseException as e:  # surfaced below; a thread's exception would otherwise vanish
                    failures.append(e)

            threads = [threading.Thread(target=tick, args=args) for args in zip(services, people, items, strict=True)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert failures == []
            assert incident(world, incident_id).checklist_done == items, f"round {round_}"
            assert timeline(world, incident_id).count("checked") == len(items)
    finally:
        for db in replicas:
            db.dispose()


def test_two_people_reporting_the_same_incident_at_once_raise_one_alarm(world: World) -> None:
    """Each report looked for an earlier one before the other had committed its own (PostgreSQL):
    both missed and two alerts went out."""
    for round_ in range(5):
        barrier = threading.Barrier(2)
        ids: list[int] = []
        at = jst(2026, 11, 24, 10 + round_, 0)

        def send(who: str, at: datetime = at, barrier: threading.Barrier = barrier, ids: list[int] = ids) -> None:
            barrier.wait()
            ids.append(world.incidents.report(kind="impersonation", account_id="joetsu-x", reporter=who, now=at,
                                              description=f"{who} が偽アカウントを見つけました。"))

        threads = [threading.Thread(target=send, args=(w,)) for w in ("U0OPERATOR", "U0OPERATOR2")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(set(ids)) == 1, round_
        assert timeline(world, ids[0]) == ["reported", "reported_again"]
        world.incidents.resolve(ids[0], "U0JOHO", "削除を依頼しました。", now=at)


def test_a_report_arriving_while_the_first_is_being_resolved_is_not_joined_to_it(world: World) -> None:
    """A second report read the first as unresolved while its 解決 was still being committed
    (PostgreSQL): it was joined to an incident resolved a moment later, its reporter told 「対応中」,
    its note posted under the resolution, and nobody alerted. (SQLite: BEGIN IMMEDIATE takes turns.)"""
    if world.db.engine.dialect.name != "postgresql":
        pytest.skip("row locks are PostgreSQL's")
    first = report(world)
    ids: list[int] = []
    failures: list[BaseException] = []

    def second() -> None:
        try:
            ids.append(world.incidents.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR2",
                                              now=jst(2026, 11, 24, 10, 20), description="引用で拡散されています。"))
        except BaseException as e:  # surfaced below
            failures.append(e)

    with world.db.session() as resolving:
        resolving.exec(update(IncidentRow).where(col(IncidentRow.id) == first).values(status="resolved"))  # type: ignore[call-overload]
        thread = threading.Thread(target=second)
        thread.start()
        # Until the report waits for the resolution's row (or, joining it unseen, is done). Each look
        # in a transaction of its own: pg_stat_activity is one snapshot per transaction, and a first
        # look taken before the report blocked would otherwise be seen again for ever.
        with world.db.engine.connect() as watcher:
            while thread.is_alive() and not watcher.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )).scalar():
                watcher.rollback()
                thread.join(0.01)
    thread.join()
    assert failures == []
    assert ids != [first] and timeline(world, ids[0]) == ["reported"]
    assert timeline(world, first) == ["reported"]


def test_the_window_for_joining_a_report_runs_from_the_latest_report(world: World) -> None:
    """A 炎上 reported at 10:00 and again at 10:50 was alarmed a second time, with its own round of
    re-alerts, when a third person reported it at 11:05: the hour counted from the first report."""
    first = report(world)
    for who, at in (("U0OPERATOR2", jst(2026, 11, 24, 10, 50)), ("U0MANAGER", jst(2026, 11, 24, 11, 5))):
        joined = world.incidents.report(kind="flaming", account_id="joetsu-x", reporter=who, now=at,
                                        description=f"{who}: 引用で拡散が続いています。")
        assert joined == first
    assert timeline(world, first) == ["reported", "reported_again", "reported_again"]
    # An hour after the latest report, it is taken as a new incident.
    later = world.incidents.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR2",
                                   now=jst(2026, 11, 24, 12, 6), description="別の投稿にも批判が出ています。")
    assert later != first and timeline(world, later) == ["reported"]


def test_two_reports_of_other_on_one_account_are_two_incidents(world: World) -> None:
    """「その他」 says nothing of what a report is about: a second one within the hour was joined
    to an unrelated first, and nobody was alerted of it."""
    first = report(world, kind="other")
    second = world.incidents.report(kind="other", account_id="joetsu-x", reporter="U0OPERATOR2",
                                    now=jst(2026, 11, 24, 10, 10), description="ログイン通知が海外から届きました。")
    assert second != first and timeline(world, second) == ["reported"]


def test_an_other_report_sent_again_by_its_reporter_alarms_once(world: World) -> None:
    """「その他」 is joined to nothing, but its reporter sending the same form again (another form,
    the same words) is no second matter: before 0402e31 every report alarmed again, and 83f454d
    brought that back for 「その他」."""
    first = report(world, kind="other")
    alerts = len(world.posts(to="C0ESCALATE", contains="インシデント"))
    again = report(world, at=jst(2026, 11, 24, 10, 3), kind="other")
    assert again == first and timeline(world, first) == ["reported"]
    assert len(world.posts(to="C0ESCALATE", contains="インシデント")) == alerts
    assert any("同じ内容の報告をすでに受け付けています" in str(p) for p in world.posts(to="U0OPERATOR"))


def test_the_same_words_from_another_person_are_recorded_as_a_second_witness(world: World) -> None:
    """Someone else sending exactly the first report's words was told 「同じ内容の報告をすでに受け付けて
    います」 and the handlers never learned a second person had seen it; only the same person's
    words again are their form sent twice."""
    first = report(world)
    same_words = "昨日の投稿に批判が殺到しています <!channel> 至急"
    world.incidents.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR", now=jst(2026, 11, 24, 10, 5),
                           description=same_words)
    assert timeline(world, first) == ["reported"]
    world.incidents.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR2", now=jst(2026, 11, 24, 10, 6),
                           description=same_words)
    world.incidents.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR2", now=jst(2026, 11, 24, 10, 7),
                           description=same_words)
    assert timeline(world, first) == ["reported", "reported_again"]


def test_a_my_number_in_a_joined_report_is_masked_in_the_thread_and_the_record(world: World) -> None:
    """A second witness of a 誤投稿 pastes the post with its 個人番号: the note in the alert's thread and the
    record's event were another copy of it, and the receipt told of no masking (or, as for a card, of a password)."""
    first = report(world, kind="misposting")
    world.incidents.report(kind="misposting", account_id="joetsu-x", reporter="U0OPERATOR2", now=jst(2026, 11, 24, 10, 6),
                           description="同じ投稿です：「マイナンバー 1234 5678 9018 の方へ」")
    assert timeline(world, first) == ["reported", "reported_again"]
    with world.db.session() as s:
        [again] = s.exec(select(IncidentEventRow).where(IncidentEventRow.event == "reported_again")).all()
    assert again.detail == f"同じ投稿です：「マイナンバー {inc.SECRET_MASK} の方へ」"
    [note] = world.posts(to="C0ESCALATE", contains="追加の報告")
    assert "9018" not in json.dumps(note, ensure_ascii=False)
    [receipt] = world.posts(to="U0OPERATOR2", contains="続報")
    assert "個人番号（マイナンバー）は、通知と記録には伏せ字にしました" in receipt["text"]
    assert "パスワード" not in receipt["text"]


def test_a_joined_report_wakes_the_outbox_after_its_messages_are_committed(world: World, db: Database) -> None:
    """The outbox worker is woken (``after_commit``) to send at once what a report wrote: for a report
    joined to an earlier one it was woken inside the transaction, found nothing committed, and the
    thread note and the reporter's receipt waited for the next poll."""
    committed_when_woken: list[int] = []

    def count_committed_posts() -> None:
        # Its own connection, as the outbox worker's: it sees only what is committed.
        conn = db.engine.raw_connection()
        try:
            cur = conn.cursor()
            cur.execute("SELECT count(*) FROM outbox WHERE op = 'post'")
            row = cur.fetchone()
            assert row is not None
            committed_when_woken.append(row[0])
        finally:
            conn.close()

    service = IncidentService(Kessai(db, world.org, clock=world.clock, after_commit=count_committed_posts))
    first = service.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR", now=TUESDAY_10,
                           description="昨日の投稿に批判が殺到しています。")
    written = len(world.posts())
    assert committed_when_woken == [written]
    joined = service.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR2",
                            now=jst(2026, 11, 24, 10, 5), description="引用で拡散が続いています。")
    assert joined == first
    assert len(world.posts()) > written
    assert committed_when_woken == [written, len(world.posts())]


def test_the_report_forms_account_groups_count_accounts_not_the_no_account_choice(world: World) -> None:
    """Past 100 accounts the form's select is grouped; its first option is 「特定のアカウントではない」,
    yet the second group was labelled 「101〜151件目」 for the 100th account onward."""
    many = "".join(f'\n[[accounts]]\nid = "extra-{i}"\nplatform = "x"\nname = "追加アカウント{i}"\norg = "koho"\n'
                   f'intake_channel = "C0INTAKE"\noperators = ["U0OPERATOR"]\napprovers = ["U0MANAGER"]\n'
                   for i in range(150 - len(world.org.accounts)))
    org = parse_org_config(DEMO_TOML.read_text(encoding="utf-8") + many)
    assert len(org.accounts) == 150
    modal = IncidentService(Kessai(world.db, org, clock=world.clock)).report_modal("U0STRANGER")
    [select_] = [b["element"] for b in modal["blocks"] if b.get("block_id") == inc.ACCOUNT_BLOCK]
    groups = select_["option_groups"]
    assert [g["label"]["text"] for g in groups] == ["アカウント（1〜99件目）", "アカウント（100〜150件目）"]
    accounts = [o["text"]["text"] for g in groups for o in g["options"]][1:]
    assert accounts == [a.name for a in org.accounts]
    assert accounts[99] == groups[1]["options"][0]["text"]["text"]  # the 100th is where the label says


def deliver(world: World, slack: LocalSlack) -> None:
    """What serve's outbox worker does, at the world's time, with the failure handling serve has."""
    failures = DeliveryFailureReporter(world.db, world.org, world.clock)
    failures.incident_alert = world.incidents.current_alert
    failures.incident_whole = world.incidents.whole_under_copy
    client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
    gateway = SlackGateway(world.db, client, render_home=world.kessai.homes.render, clock=world.clock,
                           on_permanent_failure=failures)
    try:
        for _ in range(5):
            gateway.deliver_due()
    finally:
        gateway.stop()  # its sending threads and its connections to this Slack, which the test stops next


@pytest.mark.parametrize("archived", [False, True])
def test_a_note_written_before_the_alert_is_posted_goes_in_its_thread(world: World, archived: bool) -> None:
    """A second report (or 対応開始) written before the outbox had posted the alert found no thread
    to reply in and went to the escalation channel as a loose message, away from the alert it is
    about. It waits for the alert now; if the channel refuses the alert, it goes in each person's
    copy of it."""
    slack = LocalSlack(token="xoxb-note-test", users=slack_users(world.org)).start()
    try:
        if archived:
            for method in ("chat.postMessage", "chat.update"):
                slack.inject(method, error="is_archived", channel="C0ESCALATE", times=1000)
        incident_id = report(world)
        world.incidents.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR2",
                               description="引用で拡散されています。", now=jst(2026, 11, 24, 10, 1))
        world.clock.t = jst(2026, 11, 24, 10, 2)
        deliver(world, slack)
        places = ([slack.dm_channel(p) for p in inc.escalation_people(world.org, "joetsu-x")] if archived
                  else ["C0ESCALATE"])
        for channel in places:
            [alert] = [m for m in slack.messages(channel) if f"受付番号:* {incident_id}" in str(m.blocks)]
            loose = [m.text for m in slack.messages(channel) if "追加の報告" in m.text and not m.thread_ts]
            assert loose == [], channel
            notes = [m.text for m in slack.messages(channel, thread_ts=alert.ts) if m.ts != alert.ts]
            assert len([n for n in notes if "追加の報告" in n]) == 1, (channel, notes)
        with world.db.session() as s:
            assert s.exec(select(OutboxRow).where(OutboxRow.status == "held")).all() == []
    finally:
        slack.stop()


def test_once_the_archived_channel_refused_a_note_the_next_go_straight_to_the_copies(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """The escalation channel archived after the alert: the first re-alert bounced and brought each
    escalation member a live copy. Every later re-alert (every 15 minutes, all night) was tried in
    the channel first, refused again, and logged two ERROR lines for IT each time."""
    slack = LocalSlack(token="xoxb-note-test", users=slack_users(world.org)).start()
    try:
        incident_id = report(world)
        deliver(world, slack)
        for method in ("chat.postMessage", "chat.update"):
            slack.inject(method, error="is_archived", channel="C0ESCALATE", times=1000)
        world.clock.t = jst(2026, 11, 24, 10, 15)
        assert world.sweep(world.clock.t).sent["incident.unacked"] == 1
        deliver(world, slack)
        tried = len([c for c in slack.calls_of("chat.postMessage") if c.params.get("channel") == "C0ESCALATE"])
        caplog.clear()
        with caplog.at_level("ERROR"):
            for hour, minutes in ((10, 30), (11, 0)):
                world.clock.t = jst(2026, 11, 24, hour, minutes)
                assert world.sweep(world.clock.t).sent["incident.unacked"] == 1
                deliver(world, slack)
        assert len([c for c in slack.calls_of("chat.postMessage") if c.params.get("channel") == "C0ESCALATE"]) == tried
        assert [r.getMessage() for r in caplog.records] == []
        for person in inc.escalation_people(world.org, "joetsu-x"):
            channel = slack.dm_channel(person)
            [copy] = [m for m in slack.messages(channel) if f"受付番号:* {incident_id}" in str(m.blocks)]
            notes = [m.text for m in slack.messages(channel, thread_ts=copy.ts) if m.ts != copy.ts]
            assert len([n for n in notes if "対応開始されていません" in n]) == 3, (person, notes)
            assert not [m for m in slack.messages(channel) if "対応開始されていません" in m.text and not m.thread_ts]
    finally:
        slack.stop()


def test_an_incident_at_3am_in_the_new_year_holidays_is_realerted_all_night_and_its_record_keeps_every_step(
        world: World) -> None:
    """年末年始 (not business time), 3 a.m.: the re-alerts go on all night and day (backing off to
    every two hours), each mentioning every escalation member, none held for business hours. Once the incident
    was acknowledged a day later and resolved, the resolved alert's 「経過」 (one line, cut at
    Slack's 3,000 characters) had been filled by some hundred 再通知 and cut off before 対応開始 and
    解決 — what the record is for."""
    start = jst(2026, 12, 29, 3, 0)
    incident_id = report(world, at=start)
    t, sent = start, 0
    while t < jst(2026, 12, 30, 9, 0):
        t += timedelta(minutes=15)
        sent += world.sweep(t).sent["incident.unacked"]
    assert sent == 4 + 14  # 15 min, 30 min, 1 h, 2 h, then every 2 h up to 30 h
    realerts = world.posts(to="C0ESCALATE", contains="対応開始されていません")
    assert len(realerts) == sent and all(p.get("reply_broadcast") for p in realerts)
    assert all(f"<@{m}>" in p["text"] for p in realerts for m in ESCALATION)
    assert "報告から 30時間たっても" in realerts[-1]["text"]
    world.incidents.ack(incident_id, "U0JOHO", now=jst(2026, 12, 30, 9, 5))
    world.incidents.resolve(incident_id, "U0JOHO", "運営者に通報し、削除されました。", now=jst(2026, 12, 30, 10, 0))
    assert timeline(world, incident_id).count("realerted") == sent
    with world.db.session() as s:
        alert = world.incidents.current_alert(s, incident_id)
    assert alert is not None
    [steps] = [e["text"] for b in alert["blocks"] if b["type"] == "context" for e in b["elements"]
               if e["text"].startswith("経過")]
    assert len(steps) <= 3000
    assert "対応開始" in steps and "解決" in steps and "再通知 18回" in steps, steps


def test_acknowledging_while_another_replica_resolves_says_it_is_resolved(world: World) -> None:
    """対応開始 pressed on one replica while another was committing 解決 (PostgreSQL): it read the
    incident as 未対応, lost the compare-and-set, and told the person 「このインシデントは  さんが
    すでに対応を始めています」 — nobody's name: it had been resolved, without an acknowledgement."""
    if world.db.engine.dialect.name != "postgresql":
        pytest.skip("row locks are PostgreSQL's")
    incident_id = report(world)
    failures: list[BaseException] = []

    def press() -> None:
        try:
            world.incidents.ack(incident_id, "U0JOHO", now=jst(2026, 11, 24, 10, 3))
        except BaseException as e:  # surfaced below
            failures.append(e)

    with world.db.session() as resolving:
        resolving.exec(update(IncidentRow).where(col(IncidentRow.id) == incident_id)  # type: ignore[call-overload]
                       .values(status="resolved", resolved_by="U0MANAGER", summary="訂正を投稿しました。"))
        thread = threading.Thread(target=press)
        thread.start()
        with world.db.engine.connect() as watcher:  # until the press waits for the resolution's row
            while thread.is_alive() and not watcher.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )).scalar():
                watcher.rollback()
                thread.join(0.01)
    thread.join()
    assert len(failures) == 1 and isinstance(failures[0], inc.AlreadyResolved), failures
    assert timeline(world, incident_id) == ["reported"]

def test_a_note_held_for_an_alert_slack_refused_for_its_content_is_sent_on_its_own(world: World) -> None:
    """A second report written before the alert was posted waited for it; Slack then refused the
    alert itself (invalid_blocks; or 50 tries without a proper answer), which is not the channel's
    problem and has no copies: the note waited for ever, reached nobody, and kept /healthz at 503.
    It goes to the channel on its own, as it did before notes waited for the alert."""
    slack = LocalSlack(token="xoxb-note-test", users=slack_users(world.org)).start()
    try:
        slack.inject("chat.postMessage", error="invalid_blocks", channel="C0ESCALATE", times=1)
        report(world)
        world.incidents.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR2",
                               description="引用で拡散されています。", now=jst(2026, 11, 24, 10, 1))
        world.clock.t = jst(2026, 11, 24, 10, 2)
        deliver(world, slack)
        assert [m for m in slack.messages("C0ESCALATE") if "追加の報告" in m.text]
        with world.db.session() as s:
            assert s.exec(select(OutboxRow).where(OutboxRow.status == "held")).all() == []
    finally:
        slack.stop()


def test_notes_are_not_held_for_ever_for_a_copy_a_disabled_member_never_got(world: World) -> None:
    """The escalation channel archived after the alert, and one escalation member's Slack account
    disabled (異動・退職, not yet taken out of the file): their copy of the alert was refused, and
    each re-alert every 15 minutes, all night, was held for that copy for ever — /healthz at 503
    an hour later, for nothing anyone could deliver. The others still get every note."""
    slack = LocalSlack(token="xoxb-note-test", users=slack_users(world.org)).start()
    try:
        report(world)
        deliver(world, slack)
        for method in ("chat.postMessage", "chat.update"):
            slack.inject(method, error="is_archived", channel="C0ESCALATE", times=1000)
        slack.inject("chat.postMessage", error="user_disabled", channel=slack.dm_channel("U0CHIEF"), times=1000)
        for hour, minutes in ((10, 15), (10, 30), (11, 0)):
            world.clock.t = jst(2026, 11, 24, hour, minutes)
            assert world.sweep(world.clock.t).sent["incident.unacked"] == 1
            deliver(world, slack)
        with world.db.session() as s:
            assert s.exec(select(OutboxRow).where(OutboxRow.status == "held")).all() == []
        for person in ("U0MANAGER", "U0DEPUTY", "U0JOHO"):
            channel = slack.dm_channel(person)
            [copy] = [m for m in slack.messages(channel) if "incident_ack" in str(m.blocks)]
            notes = [m.text for m in slack.messages(channel, thread_ts=copy.ts) if m.ts != copy.ts]
            assert len([n for n in notes if "対応開始されていません" in n]) == 3, (person, notes)
    finally:
        slack.stop()


def test_after_the_channel_is_unarchived_a_new_incident_is_alerted_there_again(world: World) -> None:
    """Notes on an incident whose every escalation member has a DM copy go straight to the copies;
    that must not stop the next incident from trying the channel, once it is unarchived."""
    slack = LocalSlack(token="xoxb-note-test", users=slack_users(world.org)).start()
    try:
        first = report(world)
        deliver(world, slack)
        for method in ("chat.postMessage", "chat.update"):
            slack.inject(method, error="is_archived", channel="C0ESCALATE", times=1000)
        world.clock.t = jst(2026, 11, 24, 10, 15)
        world.sweep(world.clock.t)
        deliver(world, slack)
        slack.clear_faults()
        world.clock.t = jst(2026, 11, 24, 10, 20)
        second = world.incidents.report(kind="impersonation", account_id="joetsu-x", reporter="U0OPERATOR",
                                        description="市長を名乗る偽アカウントがあります。", now=world.clock.t)
        deliver(world, slack)
        world.incidents.ack(second, "U0JOHO", now=jst(2026, 11, 24, 10, 21))
        world.clock.t = jst(2026, 11, 24, 10, 30)
        assert world.sweep(world.clock.t).sent["incident.unacked"] == 1  # the first, still open
        deliver(world, slack)
        [alert] = [m for m in slack.messages("C0ESCALATE") if f"受付番号:* {second}" in str(m.blocks)]
        notes = [m.text for m in slack.messages("C0ESCALATE", thread_ts=alert.ts) if m.ts != alert.ts]
        assert any("対応を開始しました" in n for n in notes), notes
        for person in inc.escalation_people(world.org, "joetsu-x"):
            assert not [m for m in slack.messages(slack.dm_channel(person)) if f"受付番号:* {second}" in str(m.blocks)]
            channel = slack.dm_channel(person)
            [copy] = [m for m in slack.messages(channel) if f"受付番号:* {first}" in str(m.blocks)]
            notes = [m.text for m in slack.messages(channel, thread_ts=copy.ts) if m.ts != copy.ts]
            assert len([n for n in notes if "対応開始されていません" in n]) == 2, (person, notes)
    finally:
        slack.stop()


def test_a_run_of_realerts_within_one_day_names_its_date_once(world: World) -> None:
    """「2026年11月24日（火）10:15〜2026年11月24日（火）11:00 再通知 3回」 repeated the date in a line
    read by people; within a day the end is its time alone, and the steps keep their order."""
    incident_id = report(world)
    for hour, minutes in ((10, 15), (10, 30), (11, 0)):
        assert world.sweep(jst(2026, 11, 24, hour, minutes)).sent["incident.unacked"] == 1
    world.incidents.ack(incident_id, "U0JOHO", now=jst(2026, 11, 24, 11, 5))
    world.incidents.resolve(incident_id, "U0JOHO", "訂正を投稿しました。", now=jst(2026, 11, 24, 11, 10))
    with world.db.session() as s:
        alert = world.incidents.current_alert(s, incident_id)
    assert alert is not None
    [steps] = [e["text"] for b in alert["blocks"] if b["type"] == "context" for e in b["elements"]
               if e["text"].startswith("経過")]
    assert steps == ("経過: 2026年11月24日（火）10:00 報告 → 2026年11月24日（火）10:15〜11:00 再通知 3回"
                     " → 2026年11月24日（火）11:05 対応開始 → 2026年11月24日（火）11:10 解決"), steps


def test_a_note_written_while_the_channels_refusal_of_the_alert_is_recorded_is_not_held_for_ever(world: World) -> None:
    """Another replica recorded the escalation channel's refusal of the alert (and moved the notes
    held for it into each person's copy) while a second report was being written: the report found
    the alert neither posted nor failed, held its note for it, and committed after the move had
    looked. Nothing looked again: the note waited for ever (a restart re-reported the refusal)."""
    if world.db.engine.dialect.name != "postgresql":
        pytest.skip("row locks are PostgreSQL's")
    from storage import outbox
    incident_id = report(world)
    failures = DeliveryFailureReporter(world.db, world.org, world.clock)
    failures.incident_alert = world.incidents.current_alert
    failures.incident_whole = world.incidents.whole_under_copy
    errors_: list[BaseException] = []

    def second_report() -> None:
        try:
            world.incidents.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR2",
                                   description="引用で拡散されています。", now=jst(2026, 11, 24, 10, 1))
        except BaseException as e:  # surfaced below
            errors_.append(e)

    with world.db.session() as recording:  # the gateway's transaction recording the refusal
        [row] = [r for r in outbox.rows(recording, (outbox.PENDING,))
                 if r.message_key == inc.alert_key(incident_id, "C0ESCALATE")]
        outbox.mark_failed(recording, row.id or 0, "is_archived")
        failures(row, "is_archived", recording)
        thread = threading.Thread(target=second_report)
        thread.start()
        with world.db.engine.connect() as watcher:  # until the report waits for the refusal's row, or is done
            while thread.is_alive() and not watcher.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )).scalar():
                watcher.rollback()
                thread.join(0.01)
    thread.join()
    assert errors_ == []
    with world.db.session() as s:
        held = s.exec(select(OutboxRow).where(OutboxRow.status == "held")).all()
        assert [r.thread_key for r in held if r.thread_key == inc.alert_key(incident_id, "C0ESCALATE")] == []
        # It waits for each person's copy instead, which is on its way.
        waiting = {r.thread_key for r in held if "追加の報告" in r.payload.get("text", "")}
        assert waiting == {inc.alert_key(incident_id, p) for p in inc.escalation_people(world.org, "joetsu-x")}


def test_a_name_two_accounts_share_is_not_read_as_the_first_of_them(world: World) -> None:
    """One name on two platforms is allowed (「上越市」 for X and Instagram): the name picked the file's
    first such account, so /kessai password-rotated 上越市 recorded X's password change for whoever
    changed Instagram's, and /kessai incident 上越市 pre-selected X."""
    shared = DEMO_TOML.read_text(encoding="utf-8").replace('name = "上越市公式Instagram"', 'name = "上越市公式X"')
    org = parse_org_config(shared)
    service = IncidentService(Kessai(world.db, org, clock=world.clock))
    with pytest.raises(errors.KessaiError) as e:
        service.record_password_rotation("上越市公式X", "U0OPERATOR2")
    # 「id で指定してください」 named the file's key, which staff never see; they copy one of the listed.
    assert e.value.message_ja == ("「上越市公式X」と読めるアカウントが複数あります。次のどれかを、そのとおりに入力してください: "
                                  "`joetsu-x`（X）、`joetsu-insta`（Instagram）")
    assert "記録しました" in service.record_password_rotation("joetsu-insta", "U0OPERATOR2")
    modal = service.report_modal("U0OPERATOR2", "上越市公式X")
    [select_] = [b["element"] for b in modal["blocks"] if b.get("block_id") == inc.ACCOUNT_BLOCK]
    assert "initial_option" not in select_


def test_an_account_name_the_file_does_not_have_chooses_none_and_says_so(world: World) -> None:
    """`/kessai incident 上越市公式LINE` from an operator of one account (上越市公式X), about an account
    kessai does not know (a typo, an unregistered account): the form chose the operator's own
    account without a word, and the report went to its approvers as a 炎上 of 上越市公式X."""
    org = load_org_config(DEMO_TOML)
    service = IncidentService(Kessai(world.db, org, clock=world.clock))
    mine = [a.id for a in org.accounts if "U0OPERATOR" in a.operators]
    assert len(mine) == 1  # else nothing would be pre-selected anyway
    for typed in ("上越市公式LINE", "<!channel>"):
        modal = service.report_modal("U0OPERATOR", typed)
        [select_] = [b["element"] for b in modal["blocks"] if b.get("block_id") == inc.ACCOUNT_BLOCK]
        assert "initial_option" not in select_, typed
        [note] = [b["elements"][0]["text"] for b in modal["blocks"] if b.get("type") == "context"]
        assert "登録されていません" in note and "特定のアカウントではない" in note and "<!channel>" not in note
        # The fake of an impersonation is not 「特定のアカウントではない」: the account it imitates
        # is the one whose 運用管理責任者 must be alerted.
        assert "なりすまされている公式アカウントを選び" in note
    # A long name is cut between characters as a reader sees them, not inside a family emoji.
    modal = service.report_modal("U0OPERATOR", "あ" * 58 + "👨\u200d👩\u200d👧" + "い" * 10)
    [note] = [b["elements"][0]["text"] for b in modal["blocks"] if b.get("type") == "context"]
    assert "あ」" in note or "あ…」" in note, note
    assert "\u200d」" not in note and "👨」" not in note and "👨\u200d…" not in note
    # Typed in the command's argument (a user reporting the leak itself, 「/kessai incident パスワードは
    # …」): echoed masked, as everything else kessai repeats of a report.
    for typed in ("パスワードは Kessai#2026pw です", "password: hunter2-Xy9"):
        modal = service.report_modal("U0OPERATOR", typed)
        [note] = [b["elements"][0]["text"] for b in modal["blocks"] if b.get("type") == "context"]
        assert inc.SECRET_MASK in note and "Kessai#2026pw" not in note and "hunter2" not in note, note
    # Without a name, the only account the reporter runs is still chosen for them.
    modal = service.report_modal("U0OPERATOR")
    [select_] = [b["element"] for b in modal["blocks"] if b.get("block_id") == inc.ACCOUNT_BLOCK]
    assert select_["initial_option"]["value"] == mine[0]
    assert not [b for b in modal["blocks"] if b.get("type") == "context"]


def test_a_realert_whose_fault_is_put_right_mid_window_goes_at_the_next_sweep(world: World) -> None:
    """A re-alert that could not be written is tried less often only as far as the log says so:
    the database put right at 10:23, the 10:15 window's re-alert was tried next at 10:30 (after
    10:15, 10:16, 10:18, 10:22), by then the next window's, and the escalation channel heard
    nothing of the incident for seven minutes more. It goes at the first sweep after the fix."""
    from tests.time.conftest import refuse_outbox_rows_saying

    report(world)
    allow = refuse_outbox_rows_saying(world.db, "対応開始されていません")
    for minute in range(8):  # 10:15 to 10:22, each failing
        assert world.sweep(jst(2026, 11, 24, 10, 15) + timedelta(minutes=minute)).failed <= 1
    allow()
    assert world.sweep(jst(2026, 11, 24, 10, 23)).sent["incident.unacked"] == 1


def test_the_refusal_to_acknowledge_names_the_rank_the_file_sets(world: World) -> None:
    """A municipality whose approvers are 課長以上 (approver_min_rank = "課長"): 情報政策室's 係長 is
    refused 対応開始 and told who may — 「課長以上」, the file's rank, not a fixed 「課長補佐以上」."""
    toml = DEMO_TOML.read_text(encoding="utf-8").replace('approver_min_rank = "課長補佐"', 'approver_min_rank = "課長"')
    org = parse_org_config(toml.replace('rank = "課長補佐"', 'rank = "課長"'))
    service = IncidentService(Kessai(world.db, org, clock=world.clock))
    incident_id = service.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR", now=TUESDAY_10,
                                 description="市の投稿に批判が集まっています。")
    with pytest.raises(inc.NotEscalationMember) as refused:
        service.ack(incident_id, "U0STRANGER", now=jst(2026, 11, 24, 10, 5))
    said = refused.value.message_ja
    assert "情報政策室・広報対話課の課長以上の職員です" in said and "課長補佐" not in said, said


def test_a_button_for_an_incident_that_does_not_exist_says_where_to_press_instead(world: World) -> None:
    with pytest.raises(inc.UnknownIncident) as refused:
        world.incidents.ack(9999, "U0JOHO", now=TUESDAY_10)
    assert "何も記録していません。最新のアラートか kessai のホームタブから操作し直してください。" in refused.value.message_ja
