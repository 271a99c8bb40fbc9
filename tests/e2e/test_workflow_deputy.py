"""代決: /kessai away, requests to deputies, the deputy's decision on the ledger, and its limits."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from bot.app import shifted_clock
from bot.localstack import LocalStack, start_local_stack
from storage import drafts as draft_repo
from storage import ledger as ledger_repo
from storage.models import ApprovalRequestRow, DraftRow, MemberRow
from tests.conftest import database_url, migrated_database_url
from tests.e2e.conftest import (
    BUSINESS_MORNING,
    CLEAN_DRAFT,
    all_text,
    buttons,
    dm,
    settle,
    thread,
    wait_dm,
    wait_ephemeral,
    wait_thread,
)
from tests.e2e.test_roster_change import edited_org


def requests(st: LocalStack) -> list[tuple[str, str | None, str]]:
    with st.rt.db.session() as s:
        rows = s.exec(select(ApprovalRequestRow).order_by(ApprovalRequestRow.id)).all()  # type: ignore[arg-type]
        return [(r.recipient_id, r.acting_for_id, r.reason) for r in rows]


def ledger(st: LocalStack):  # type: ignore[no-untyped-def]
    with st.rt.db.session() as s:
        return list(ledger_repo.iter_entries(s))


def away(st: LocalStack, user: str, args: str) -> str:
    reply = st.driver.slash_command(user, "/kessai", f"away {args}")
    assert reply.status == 200
    return str(reply.json()["text"])


def test_away_approver_requests_go_to_the_deputy_who_decides_for_them(stack: LocalStack) -> None:
    st = stack
    answer = away(st, "U0MANAGER", "2026-11-24 2026-11-26")
    assert "2026年11月24日（火）から2026年11月26日（木）まで不在" in answer
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    deputy_dm = wait_dm(st, "U0DEPUTY")[0]
    wait_dm(st, "U0CHIEF")
    settle(st)
    assert dm(st, "U0MANAGER") == []  # the absent approver is not asked
    assert "代決" in all_text(deputy_dm) and "上越 花子" in all_text(deputy_dm)
    assert requests(st) == [("U0CHIEF", None, "normal"), ("U0DEPUTY", "U0MANAGER", "away")]

    st.driver.block_action("U0DEPUTY", "approve_draft", channel=deputy_dm.channel, message_ts=deputy_dm.ts)
    for user in ("U0DEPUTY", "U0CHIEF"):
        st.slack.wait_for(lambda user=user: "承認しました" in all_text(dm(st, user)[0]), timeout=30)
        text = all_text(dm(st, user)[0])
        assert "直江 兼続 さん（上越 花子 さんの代決）が承認しました" in text
        assert buttons(dm(st, user)[0]) == {}
    (entry,) = ledger(st)
    assert (entry.kind, entry.decider_id, entry.acting_for_id) == ("approved", "U0DEPUTY", "U0MANAGER")
    with st.rt.db.session() as s:
        m = s.get(MemberRow, "U0MANAGER")
        assert m is not None and m.away_from is not None
        assert m.away_from.astimezone(BUSINESS_MORNING.tzinfo).date().isoformat() == "2026-11-24"


def test_deputy_without_an_approval_request_is_refused(stack: LocalStack) -> None:
    st = stack
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    # The deputy replays the approver's button: nobody asked them, so they may not decide.
    st.driver.block_action("U0DEPUTY", "approve_draft", buttons(msg)["approve_draft"], channel=msg.channel,
                           message_ts=msg.ts)
    text = wait_ephemeral(st, "U0DEPUTY", "代決")
    assert "依頼されていません" in text and text.endswith("。")
    settle(st)
    assert ledger(st) == []
    with st.rt.db.session() as s:
        assert [d.state for d in s.exec(select(DraftRow))] == ["pending"]


def test_deputy_request_for_an_older_version_does_not_authorise_the_new_one(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    away(st, "U0MANAGER", "2026-11-24 2026-11-24")
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    first = wait_dm(st, "U0DEPUTY")[0]
    away(st, "U0MANAGER", "off")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT.replace("紅葉", "もみじ"))
    wait_dm(st, "U0MANAGER")
    settle(st)
    assert len(dm(st, "U0DEPUTY")) == 1  # version 2 went to the approvers, not the deputy
    st.driver.block_action("U0DEPUTY", "approve_draft", "1:2", channel=first.channel, message_ts=first.ts)
    wait_ephemeral(st, "U0DEPUTY", "依頼されていません")
    st.driver.block_action("U0DEPUTY", "approve_draft", "1:1", channel=first.channel, message_ts=first.ts)
    wait_ephemeral(st, "U0DEPUTY", "古い版")
    settle(st)
    assert [e.kind for e in ledger(st)] == []


def test_pending_requests_move_to_the_deputy_when_the_approver_goes_away(stack: LocalStack) -> None:
    st = stack
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    settle(st)
    assert dm(st, "U0DEPUTY") == []
    answer = away(st, "U0MANAGER", "2026-11-24 2026-11-30")
    assert "1 件を代決者に送りました" in answer
    msg = wait_dm(st, "U0DEPUTY")[0]
    assert "上越 花子" in all_text(msg) and "代決" in all_text(msg)
    assert ("U0DEPUTY", "U0MANAGER", "away") in requests(st)


def test_reject_by_a_deputy_is_recorded_as_daiketsu(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    away(st, "U0CHIEF", "2026-11-24 2026-11-25")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0DEPUTY")[0]
    assert "春日山 一郎" in all_text(msg)
    st.driver.block_action("U0DEPUTY", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for_call("views.open", timeout=30)
    st.driver.view_submission("U0DEPUTY", "reject_reason", {"reason_text": "日付を再確認してください。"})
    (entry,) = ledger(st)
    assert (entry.kind, entry.decider_id, entry.acting_for_id) == ("rejected", "U0DEPUTY", "U0CHIEF")


def test_send_to_deputies_is_idempotent_and_marks_escalation(sqlite_stack: LocalStack) -> None:
    """The reminders' escalation calls this inside its own unit of work."""
    st = sqlite_stack
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    kessai = st.rt.kessai
    with st.rt.db.session() as s:
        (draft,) = draft_repo.drafts_in_states(s, ["pending"])
        assert kessai.send_to_deputies(s, draft, kessai.clock(), reason="escalated") == ["U0DEPUTY"]
        assert kessai.send_to_deputies(s, draft, kessai.clock(), reason="escalated") == []
    kessai.after_commit()
    msg = wait_dm(st, "U0DEPUTY")[0]
    assert ("U0DEPUTY", "U0MANAGER", "escalated") in requests(st)
    st.driver.block_action("U0DEPUTY", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: "承認しました" in all_text(dm(st, "U0DEPUTY")[0]), timeout=30)
    (entry,) = ledger(st)
    assert (entry.decider_id, entry.acting_for_id) == ("U0DEPUTY", "U0MANAGER")


def test_away_command_refusals(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    assert "読み取れませんでした" in away(st, "U0MANAGER", "来週")
    assert "&lt;@U0CHIEF&gt;" in away(st, "U0MANAGER", "<@U0CHIEF>")
    assert "終了日が開始日より前" in away(st, "U0MANAGER", "2026-11-30 2026-11-24")
    assert "過去" in away(st, "U0MANAGER", "2026-11-01 2026-11-02")
    assert "決裁者" in away(st, "U0OPERATOR", "2026-11-24 2026-11-25")
    assert "不在は登録されていません" in away(st, "U0MANAGER", "off")
    assert "指定してください" in away(st, "U0MANAGER", "")
    # A period was given, with more after it: not 「不在期間を指定してください」, which says none was.
    more = away(st, "U0MANAGER", "2026-12-01 2026-12-05 研修のため")
    assert "不在期間を指定してください" not in more and "開始日と終了日" in more and "研修のため" in more
    # A weekday that is not the date's (today is Tuesday 11/24): which of the two is the typo is
    # unknown, so nothing is recorded (the answer showed 「（火）」 and took the date before).
    wrong = away(st, "U0MANAGER", "11月24日(月)～11月25日(水)")
    assert "2026年11月24日は火曜日で、月曜日ではありません" in wrong and "日付か曜日" in wrong, wrong
    assert "不在として登録しました" not in wrong
    # 平成 typed by habit: read by arithmetic, 平成38年 was 2026 and the absence was taken.
    era = away(st, "U0MANAGER", "平成38年11月25日")
    assert "「平成38年11月25日」は平成の期間にない日付です" in era and "2019年4月30日まで" in era, era
    assert "不在として登録しました" not in era
    with st.rt.db.session() as s:
        assert all(m.away_from is None for m in s.exec(select(MemberRow)))


def test_away_dates_are_read_as_people_type_them(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    for typed in ("２０２６－１１－２４　２０２６－１１－２５", "2026年11月24日〜2026年11月25日", "2026/11/24 ～ 2026/11/25"):
        answer = away(st, "U0MANAGER", typed)
        assert "2026年11月24日（火）から2026年11月25日（水）まで不在" in answer, answer
        assert "代決者に送られます" in answer
        away(st, "U0MANAGER", "off")
    # Entered late, without the year (today is Tuesday 11/24): since last Friday, not next November.
    answer = away(st, "U0MANAGER", "11/20-11/26")
    assert "2026年11月20日（金）から2026年11月26日（木）まで不在" in answer, answer
    away(st, "U0MANAGER", "off")
    assert "過去" in away(st, "U0MANAGER", "11/23")  # yesterday, not 2027-11-23
    # Typed the wrong way round: refused, not an absence until next November.
    assert "終了日が開始日より前" in away(st, "U0MANAGER", "11/30 11/25")
    assert "終了日も指定してください" in away(st, "U0MANAGER", "11/26から")
    answer = away(st, "U0MANAGER", "11/26まで")  # from today
    assert "2026年11月24日（火）から2026年11月26日（木）まで不在" in answer, answer
    away(st, "U0MANAGER", "off")
    # The right weekday, as a calendar or a notice writes it, is read with its date.
    for typed in ("11月24日（火）～11月25日（水曜日）", "11/24(火)-11/25(水)", "11/24（火曜）から11/25(水)まで"):
        answer = away(st, "U0MANAGER", typed)
        assert "2026年11月24日（火）から2026年11月25日（水）まで不在" in answer, answer
        away(st, "U0MANAGER", "off")
    # A deputy who is nobody's approver is told what their absence means for them.
    answer = away(st, "U0DEPUTY", "2026-11-24 2026-11-25")
    assert "代決の依頼は届きません" in answer and "代決者に送られます" not in answer


def test_when_the_approver_is_back_the_deputy_request_goes_back_to_them(stack: LocalStack) -> None:
    """代決 stands in for an absent approver only: after `/kessai away off` the approver gets the
    request and the deputy's is withdrawn (before, the deputy could still decide 'for' them)."""
    st = stack
    away(st, "U0MANAGER", "2026-11-24 2026-11-24")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    deputy_dm = wait_dm(st, "U0DEPUTY")[0]
    assert dm(st, "U0MANAGER") == []
    answer = away(st, "U0MANAGER", "off")
    assert "1 件は、あなたにお送りしました" in answer
    manager_dm = wait_dm(st, "U0MANAGER")[0]
    assert set(buttons(manager_dm)) == {"approve_draft", "reject_draft"}
    st.slack.wait_for(lambda: "戻られたため" in all_text(dm(st, "U0DEPUTY")[0]), timeout=30,
                      message="the deputy's DM withdrawn")
    assert buttons(dm(st, "U0DEPUTY")[0]) == {}
    st.driver.block_action("U0DEPUTY", "approve_draft", "1:1", channel=deputy_dm.channel, message_ts=deputy_dm.ts)
    wait_ephemeral(st, "U0DEPUTY", "戻られたため")
    assert ledger(st) == []
    st.driver.block_action("U0MANAGER", "approve_draft", channel=manager_dm.channel, message_ts=manager_dm.ts)
    st.slack.wait_for(lambda: ledger(st), timeout=30, message="the decision")
    (entry,) = ledger(st)
    assert (entry.kind, entry.decider_id, entry.acting_for_id) == ("approved", "U0MANAGER", None)


def test_once_the_approver_is_back_at_work_a_deputys_click_gives_the_request_back_before_the_sweep(
        stack: LocalStack) -> None:
    """An absence that runs out leaves the request with the deputy until the approver's first
    business instant after it; then the sweep asks the approver and withdraws the deputy's request.
    A click in the minute between (or after a restart, before the first sweep) decided 代決 for an
    approver at their desk (SPEC 4.3: 代決 while the approver is absent); then it was refused with
    「まもなく取り消され」 while nothing had asked the approver yet. The click gives the request
    back itself, under the sweep's claim: the sweep that follows does not do it a second time."""
    from datetime import UTC, timedelta

    from bot.sweep import Sweeper
    from storage import reminders

    st = stack
    away(st, "U0MANAGER", "2026-11-24 2026-11-24")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    deputy_dm = wait_dm(st, "U0DEPUTY")[0]
    settle(st)
    with st.rt.db.session() as s:  # the absence is over and the approver at work; no sweep has run since
        member = s.get(MemberRow, "U0MANAGER")
        assert member is not None
        member.away_until = (BUSINESS_MORNING - timedelta(minutes=1)).astimezone(UTC)
        member.away_from = member.away_until - timedelta(days=1)
        s.add(member)
    st.driver.block_action("U0DEPUTY", "approve_draft", channel=deputy_dm.channel, message_ts=deputy_dm.ts)
    wait_ephemeral(st, "U0DEPUTY", "決裁はご本人が行います")
    manager_dm = wait_dm(st, "U0MANAGER")[0]
    assert set(buttons(manager_dm)) == {"approve_draft", "reject_draft"}
    st.slack.wait_for(lambda: "戻られたため" in all_text(dm(st, "U0DEPUTY")[0]), timeout=30,
                      message="the deputy's DM withdrawn")
    assert buttons(dm(st, "U0DEPUTY")[0]) == {}
    settle(st)
    before = (requests(st), len(st.slack.calls_of("chat.update")), len(st.slack.calls_of("chat.postMessage")))
    assert ("U0DEPUTY", "U0MANAGER", "withdrawn") in before[0] and ("U0MANAGER", None, "normal") in before[0]
    with st.rt.db.session() as s:
        assert reminders.count(s, "away.ended:U0MANAGER:") == 1
    Sweeper(st.rt.kessai).sweep(st.rt.kessai.clock())
    settle(st)
    after = (requests(st), len(st.slack.calls_of("chat.update")), len(st.slack.calls_of("chat.postMessage")))
    assert after[0] == before[0] and len(dm(st, "U0MANAGER")) == 1
    assert not [c for c in st.slack.calls_of("chat.update")[before[1]:] if c.params.get("channel") == deputy_dm.channel]
    st.driver.block_action("U0DEPUTY", "reject_draft", channel=deputy_dm.channel, message_ts=deputy_dm.ts)
    wait_ephemeral(st, "U0DEPUTY", "決裁はご本人が行います")
    settle(st)
    assert ledger(st) == []
    with st.rt.db.session() as s:
        assert s.exec(select(DraftRow)).one().state == "pending"


def test_between_the_end_of_an_absence_and_the_morning_the_deputy_does_not_decide_when_another_approver_holds_it(
        tmp_path: Path) -> None:
    """SPEC 4.3: 代決 stands in for an absent approver. An absence to 11/24 has run out at
    midnight; the deputy keeps the request until the approver's first business instant (08:30),
    so that the draft is not left with nobody. With another approver (not away) holding it, it is
    not: the deputy's click at 07:00 decided 代決 for an approver no longer absent."""
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo


    early = datetime(2026, 11, 25, 7, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    st = start_local_stack(edited_org(), database_url("sqlite", tmp_path), clock=shifted_clock(early))
    try:
        away(st, "U0MANAGER", "2026-11-25 2026-11-25")
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        deputy_dm = wait_dm(st, "U0DEPUTY")[0]
        settle(st)
        assert ("U0CHIEF", None, "normal") in requests(st)
        with st.rt.db.session() as s:  # the absence ran to this midnight: over, and the morning not come
            member = s.get(MemberRow, "U0MANAGER")
            assert member is not None
            member.away_until = (early - timedelta(hours=7)).astimezone(UTC)
            member.away_from = member.away_until - timedelta(days=1)
            s.add(member)
        st.driver.block_action("U0DEPUTY", "approve_draft", channel=deputy_dm.channel, message_ts=deputy_dm.ts)
        text = wait_ephemeral(st, "U0DEPUTY", "代決はできません")
        assert "不在期間は終わっています" in text
        settle(st)
        assert ledger(st) == []
        assert ("U0DEPUTY", "U0MANAGER", "away") in requests(st)  # given back by the morning's sweep
        # With the other approver away too, nobody else holds it: the deputy decides, for the approver.
        away(st, "U0CHIEF", "2026-11-25 2026-11-25")
        st.driver.block_action("U0DEPUTY", "approve_draft", channel=deputy_dm.channel, message_ts=deputy_dm.ts)
        st.slack.wait_for(lambda: ledger(st), timeout=30, message="the decision")
        (entry,) = ledger(st)
        assert (entry.kind, entry.decider_id, entry.acting_for_id) == ("approved", "U0DEPUTY", "U0MANAGER")
    finally:
        st.stop()


def test_an_absence_replaced_by_a_later_one_gives_the_deputies_requests_back(stack: LocalStack) -> None:
    """One absence per person: an approver away today who enters next week's absence instead is
    back until then. Before, the deputy kept live buttons that only refused them (「不在期間が
    終わった」), nothing withdrew them, and the approver was not told the first period was gone."""
    st = stack
    away(st, "U0MANAGER", "11/24 11/26")
    st.driver.message("C0INSTA", "U0OPERATOR2", "写真展のお知らせです。会場は市民会館、どなたでも参加できます。#上越市")
    deputy_dm = wait_dm(st, "U0DEPUTY")[0]
    settle(st)
    assert dm(st, "U0MANAGER") == []
    answer = away(st, "U0MANAGER", "11/30 12/2")
    assert "2026年11月30日（月）から2026年12月2日（水）まで不在" in answer, answer
    assert "それまで登録されていた不在（2026年11月24日（火）から2026年11月26日（木）まで）は、この期間に置き換えました" in answer
    assert "1 件は、あなたにお送りしました" in answer
    manager_dm = wait_dm(st, "U0MANAGER")[0]
    assert set(buttons(manager_dm)) == {"approve_draft", "reject_draft"}
    st.slack.wait_for(lambda: "戻られたため" in all_text(dm(st, "U0DEPUTY")[0]), timeout=30,
                      message="the deputy's DM withdrawn")
    assert buttons(dm(st, "U0DEPUTY")[0]) == {}
    st.driver.block_action("U0DEPUTY", "approve_draft", "1:1", channel=deputy_dm.channel, message_ts=deputy_dm.ts)
    wait_ephemeral(st, "U0DEPUTY", "戻られたため")
    assert ledger(st) == []
    # Typing the same period again replaces nothing, and says nothing about it.
    assert "置き換えました" not in away(st, "U0MANAGER", "11/30 12/2")


def test_an_author_who_is_the_deputy_never_decides_and_the_thread_says_why_the_absent_are_asked(
        tmp_path: Path) -> None:
    """The author can never decide their own draft, even as the account's deputy: with the approver
    away, the absent approver is asked too, and the thread said 「代決者が設定されていない」 — to an
    author who is the deputy."""
    org = edited_org(('operators = ["U0OPERATOR", "U0OPERATOR2"]', 'operators = ["U0OPERATOR", "U0OPERATOR2", "U0DEPUTY"]'))
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING))
    try:
        away(st, "U0MANAGER", "11/24 11/26")
        ts = st.driver.message("C0INTAKE", "U0DEPUTY", CLEAN_DRAFT)
        notice = wait_thread(st, "C0INTAKE", ts, lambda ms: any("不在の決裁者にも依頼" in m.text for m in ms))
        text = next(m.text for m in notice if "不在の決裁者にも依頼" in m.text)
        assert "代決者が下書きの作成者ご本人で、ご自身の下書きは代決できないため" in text, text
        manager_dm = wait_dm(st, "U0MANAGER")[0]
        wait_dm(st, "U0CHIEF")
        settle(st)
        assert dm(st, "U0DEPUTY") == []
        st.driver.block_action("U0DEPUTY", "approve_draft", buttons(manager_dm)["approve_draft"],
                               channel=manager_dm.channel, message_ts=manager_dm.ts)
        wait_ephemeral(st, "U0DEPUTY", "ご自身が作成した下書き")
        # A draft by someone else, with the deputy away too: no deputy is free.
        away(st, "U0DEPUTY", "11/24 11/26")
        ts = st.driver.message("C0INTAKE", "U0OPERATOR", "12月5日（土）に直江津で冬の朝市を開きます。地元の野菜や海産物が並びます。")
        notice = wait_thread(st, "C0INTAKE", ts, lambda ms: any("不在の決裁者にも依頼" in m.text for m in ms))
        assert any("代決者も全員不在のため" in m.text for m in notice)
        settle(st)
        assert ledger(st) == []
    finally:
        st.stop()


def test_an_absence_that_ended_unswept_then_replaced_by_a_later_one_gives_the_requests_back(
        stack: LocalStack) -> None:
    """The sweep gives a deputy's requests back once an absence has ended, found by the member's
    ``away_until``. An approver whose absence ended (overnight while kessai was down, or in the
    minute before the sweep) and who then entered next week's absence overwrote that end: the
    sweep never gave the requests back, the deputy kept a 代決 button for an approver at work, and
    the roster sweep asked the approver 「決裁者の設定が変わったため」."""
    from datetime import UTC, timedelta

    from bot.sweep import Sweeper

    st = stack
    away(st, "U0MANAGER", "2026-11-24 2026-11-24")
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    deputy_dm = wait_dm(st, "U0DEPUTY")[0]
    settle(st)
    assert dm(st, "U0MANAGER") == []
    with st.rt.db.session() as s:  # the absence is over (as after midnight), and no sweep has run since
        member = s.get(MemberRow, "U0MANAGER")
        assert member is not None
        member.away_until = (BUSINESS_MORNING - timedelta(minutes=1)).astimezone(UTC)
        member.away_from = member.away_until - timedelta(days=1)
        s.add(member)
    answer = away(st, "U0MANAGER", "11/30 12/2")
    assert "1 件は、あなたにお送りしました" in answer, answer
    Sweeper(st.rt.kessai).sweep(st.rt.kessai.clock())
    settle(st)
    manager_dm = wait_dm(st, "U0MANAGER")[0]
    assert set(buttons(manager_dm)) == {"approve_draft", "reject_draft"}
    assert "戻られたため" in all_text(dm(st, "U0DEPUTY")[0]) and buttons(dm(st, "U0DEPUTY")[0]) == {}
    assert not any("決裁者の設定が変わった" in all_text(m) for m in thread(st, "C0INTAKE", ts))
    assert ("U0DEPUTY", "U0MANAGER", "away") not in requests(st)
    st.driver.block_action("U0DEPUTY", "approve_draft", "1:1", channel=deputy_dm.channel, message_ts=deputy_dm.ts)
    wait_ephemeral(st, "U0DEPUTY", "戻られたため")
    assert ledger(st) == []


def test_away_off_with_a_note_after_it_cancels(sqlite_stack: LocalStack) -> None:
    """「/kessai away off 研修が中止になったため」 was read as a date 「off」 and cancelled nothing."""
    st = sqlite_stack
    assert "不在" in away(st, "U0MANAGER", "2026-12-01 2026-12-05")
    answer = away(st, "U0MANAGER", "off 研修が中止になったため")
    assert "日付として読み取れません" not in answer and "読み取れませんでした" not in answer, answer
    with st.rt.db.session() as s:
        assert all(m.away_from is None for m in s.exec(select(MemberRow)))
