"""The approval loop end to end: signed HTTP requests to the real bolt app, a local Slack server."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from bot import render
from bot.ledger import verify_chain
from bot.localstack import LocalStack
from storage import ledger as ledger_repo
from storage.models import DraftVersionRow
from tests.e2e.conftest import (
    APPROVERS,
    CLEAN_DRAFT,
    all_text,
    approve_all_at_once,
    buttons,
    dm,
    draft_shown,
    drafts,
    marked_up,
    settle,
    thread,
    wait_dm,
    wait_ephemeral,
    wait_thread,
)


def ledger(st: LocalStack):  # type: ignore[no-untyped-def]
    with st.rt.db.session() as s:
        return list(ledger_repo.iter_entries(s))


def submit_clean(st: LocalStack, text: str = CLEAN_DRAFT) -> str:
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", text)
    for a in APPROVERS:
        wait_dm(st, a)
    return ts


def test_forged_and_stale_signatures_are_refused(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    for forged in (st.driver.wrong_secret(), st.driver.stale(), st.driver.forged(unsigned=True)):
        forged.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        assert forged.last_reply is not None and forged.last_reply.status == 401
    settle(st)
    assert drafts(st) == []


def test_clean_draft_reaches_every_approver_with_both_buttons(stack: LocalStack) -> None:
    st = stack
    ts = submit_clean(st)
    for a in APPROVERS:
        msg = dm(st, a)[0]
        assert set(buttons(msg)) == {"approve_draft", "reject_draft"}
        assert "紅葉ライトアップ" in all_text(msg)
    assert dm(st, "U0OPERATOR") == []  # the author is never asked
    # The findings reply and the status line are separate messages, delivered in parallel.
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("決裁待ち" in all_text(m) for m in ms))
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("指摘はありません" in all_text(m) for m in ms))
    assert [d.state for d in drafts(st)] == ["pending"]


def test_a_draft_is_checked_stored_and_shown_as_typed_not_in_slacks_wire_format(stack: LocalStack) -> None:
    """Slack delivers 「&」 as 「&amp;」 and a URL as 「<https://…>」; the draft is what was typed."""
    st = stack
    typed = ("子ども&保護者向けの木工教室を開きます。定員は<先着>10組です。"
             "詳しくは https://www.city.joetsu.niigata.jp/kanko/?id=1&lang=ja をご覧ください。")
    submit_clean(st, typed)
    with st.rt.db.session() as s:
        assert [v.text for v in s.exec(select(DraftVersionRow))] == [typed]
    msg = dm(st, "U0MANAGER")[0]
    # Shown as plain text, exactly as typed: not 「&amp;」 (which Slack would show as such).
    assert draft_shown(msg) == typed and "&amp;" not in draft_shown(msg)
    # and its link listed under it, tappable, labelled by the address itself (Slack's markup escapes 「&」).
    assert "\n・<https://www.city.joetsu.niigata.jp/kanko/?id=1&amp;lang=ja>" in all_text(msg)
    assert [d.state for d in drafts(st)] == ["pending"]  # the city's own link is not questioned


def test_emoji_count_as_the_characters_they_are_not_as_slacks_shortcodes(stack: LocalStack) -> None:
    """278 of X's 280 as typed; as Slack's text (「:cherry_blossom:」 for 🌸) it would be 300."""
    st = stack
    typed = (CLEAN_DRAFT + "市内の公園では、落ち葉の清掃作業を行っています。ご協力をお願いします。"
             "開催中は駐車場が大変混み合いますので、公共交通機関をご利用ください。雨天の場合は中止します。"
             "ぜひお越しください。\U0001f338\u2728")
    ts = submit_clean(st, typed)
    assert [d.state for d in drafts(st)] == ["pending"]
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("指摘はありません" in all_text(m) for m in ms))
    with st.rt.db.session() as s:
        assert [v.text for v in s.exec(select(DraftVersionRow))] == [typed]
    assert "\U0001f338\u2728" in all_text(dm(st, "U0MANAGER")[0])


def test_a_word_made_bold_in_slack_is_stored_and_shown_without_asterisks(sqlite_stack: LocalStack) -> None:
    """The approved text is what goes to X as plain text: 「*ライトアップ*」 would keep its asterisks."""
    st = sqlite_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, bold=["紅葉ライトアップ"])
    for a in APPROVERS:
        wait_dm(st, a)
    assert "*紅葉ライトアップ*" in st.slack.message("C0INTAKE", ts).text  # as Slack sent it
    with st.rt.db.session() as s:
        assert [v.text for v in s.exec(select(DraftVersionRow))] == [CLEAN_DRAFT]
    assert "*紅葉" not in all_text(dm(st, "U0MANAGER")[0])


@pytest.mark.parametrize("block", ["code", "quote"])
def test_a_draft_pasted_as_a_code_block_or_quote_is_stored_without_slacks_marks(
    sqlite_stack: LocalStack, block: str
) -> None:
    """Staff paste a draft as a code block to keep its line breaks: 「```…```」 or 「> 」 on X would
    be the bot's doing, since the approver approved what the bot showed."""
    st = sqlite_stack
    # With its link, as most posts have one (a link in a quote kept the quote's 「> 」 in the draft).
    typed = CLEAN_DRAFT + "\n詳しくは https://www.city.joetsu.niigata.jp/event/momiji をご覧ください。"
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", typed, block=block)
    for a in APPROVERS:
        wait_dm(st, a)
    assert ("```" if block == "code" else "&gt; ") in st.slack.message("C0INTAKE", ts).text  # as Slack sent it
    with st.rt.db.session() as s:
        assert [v.text for v in s.exec(select(DraftVersionRow))] == [typed]
    assert "```" not in all_text(dm(st, "U0MANAGER")[0])


def test_slack_retry_and_double_delivery_create_one_draft(stack: LocalStack) -> None:
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, event_id="Ev0RETRY1")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, ts=ts, event_id="Ev0RETRY1", retry_num=1)
    st.driver.replay()  # the same signed bytes again (a replay within the 5-minute window)
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, ts=ts, event_id="Ev0OTHER2")  # double delivery
    settle(st)
    assert len(drafts(st)) == 1
    assert len(dm(st, "U0MANAGER")) == 1


def test_non_operator_gets_an_explanation_and_no_draft(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    st.driver.message("C0INTAKE", "U0STRANGER", CLEAN_DRAFT)
    text = wait_ephemeral(st, "U0STRANGER", "運用担当者")
    assert "上越市公式X" in text
    settle(st)
    assert drafts(st) == []


def test_bot_messages_joins_and_thread_replies_are_ignored(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    st.driver.bot_message("C0INTAKE", "ボットの投稿です")
    st.driver.channel_join("C0INTAKE", "U0OPERATOR")
    parent = submit_clean(st)
    st.driver.message("C0INTAKE", "U0OPERATOR", "スレッドでの相談です", thread_ts=parent)
    settle(st)
    assert len(drafts(st)) == 1


def test_a_fixed_text_posted_in_the_thread_gets_a_hint_and_no_draft(sqlite_stack: LocalStack) -> None:
    """Told to fix a draft, people post the fixed text in its thread and wait for a check that never
    comes. The author is told (only them) to edit the original; conversation there stays unanswered."""
    st = sqlite_stack
    broken = "詳しくは担当の携帯 090-1234-5678 まで。11月28日（土）に高田城址公園で紅葉ライトアップを行います。"
    fixed = "詳しくは広報対話課（025-526-5111）まで。11月28日（土）に高田城址公園で紅葉ライトアップを行います。"
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", broken)
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("pii.phone" in all_text(m) for m in ms))
    st.driver.message("C0INTAKE", "U0OPERATOR", "すみません、修正します", thread_ts=ts)  # conversation
    st.driver.message("C0INTAKE", "U0MANAGER", fixed, thread_ts=ts)  # not the author
    reply = st.driver.message("C0INTAKE", "U0OPERATOR", fixed, thread_ts=ts, event_id="Ev0FIXED1")
    st.driver.message("C0INTAKE", "U0OPERATOR", fixed, thread_ts=ts, ts=reply, event_id="Ev0FIXED1", retry_num=1)
    hint = wait_ephemeral(st, "U0OPERATOR", "新しい版にはなりません")
    assert "元のメッセージ" in hint and "編集" in hint
    settle(st)
    hints = [e for e in st.slack.ephemerals("U0OPERATOR") if "新しい版" in e.text]
    assert len(hints) == 1 and hints[0].thread_ts == ts
    assert not any("新しい版" in e.text for e in st.slack.ephemerals("U0MANAGER"))
    assert [d.state for d in drafts(st)] == ["needs_fix"]
    with st.rt.db.session() as s:
        assert [v.text for v in s.exec(select(DraftVersionRow))] == [broken]


def test_findings_block_routing(stack: LocalStack) -> None:
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR",
                           "詳しくは担当の携帯 090-1234-5678 まで。申込みは https://bit.ly/3xYzAbC から")
    replies = wait_thread(st, "C0INTAKE", ts, lambda ms: any("pii.phone" in all_text(m) for m in ms))
    text = "\n".join(all_text(m) for m in replies)
    assert "pii.phone" in text and "link.shortener" in text
    assert "エラー" in text and "決裁に回せません" in text
    settle(st)
    assert dm(st, "U0MANAGER") == [] and dm(st, "U0CHIEF") == []
    assert [d.state for d in drafts(st)] == ["needs_fix"]


def test_findings_are_answered_with_counts_code_message_excerpt_and_clause_and_travel_to_the_approver(
        sqlite_stack: LocalStack) -> None:
    """SPEC 4.2: the thread gets the counts by severity, then each finding with its code, message,
    quoted excerpt and guideline clause; warnings and infos do not block and reach the approver."""
    st = sqlite_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", "未確認ですが、ＡＢＣ広場で" + CLEAN_DRAFT)
    request = all_text(wait_dm(st, "U0MANAGER")[0])
    replies = wait_thread(st, "C0INTAKE", ts, lambda ms: any("確認結果" in all_text(m) for m in ms))
    check = next(all_text(m) for m in replies if "確認結果" in all_text(m))
    for shown in (check, request):
        assert "エラー 0件・警告 1件・情報 1件" in shown
        rumor, alnum = shown.index("*prohibited.rumor*"), shown.index("*a11y.fullwidth_alnum*")
        assert rumor < alnum  # the warning before the info
        assert "噂・未確認情報の言い回し" in shown[rumor:alnum] and ">未確認ですが" in shown[rumor:alnum]
        assert "根拠: 茅野市 4(7)⑤" in shown[rumor:alnum]
        assert ">ＡＢＣ" in shown[alnum:] and "修正案: ABC" in shown[alnum:] and "根拠: 美祢市 5(2)イ" in shown[alnum:]
    assert [d.state for d in drafts(st)] == ["pending"]


def test_approve_records_ledger_and_updates_every_dm_and_thread(stack: LocalStack) -> None:
    st = stack
    ts = submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    for a in APPROVERS:
        st.slack.wait_for(lambda a=a: "承認しました" in all_text(dm(st, a)[0]), timeout=30)
        assert buttons(dm(st, a)[0]) == {}
        assert "上越 花子" in all_text(dm(st, a)[0])
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("承認されました" in all_text(m) for m in ms))
    entries = ledger(st)
    assert [(e.kind, e.decider_id, e.version_number) for e in entries] == [("approved", "U0MANAGER", 1)]
    with st.rt.db.session() as s:
        v = s.exec(select(DraftVersionRow)).one()
        assert entries[0].content_hash == v.content_hash
        assert verify_chain(ledger_repo.iter_entries(s), ledger_repo.version_hashes(s), ledger_repo.head(s)).ok


def test_a_threads_replies_arrive_in_the_order_they_were_written(sqlite_stack: LocalStack) -> None:
    """The outbox sends a batch in parallel; replies to one thread must still read in order
    (before, 「決裁待ち」 often came before the check result it follows)."""
    st = sqlite_stack
    threads = []
    for i in range(6):
        text = f"未確認ですが、{i}番目のお知らせです。" + CLEAN_DRAFT  # a warning: the check result has a body
        threads.append(st.driver.message("C0INTAKE", "U0OPERATOR", text))
    settle(st)
    for n, ts in enumerate(threads):
        texts = [all_text(m) for m in thread(st, "C0INTAKE", ts)]
        check = next(k for k, t in enumerate(texts) if "確認結果" in t)
        status = next(k for k, t in enumerate(texts) if "決裁待ち" in t)
        assert check < status, texts
        dms = [m for m in dm(st, "U0MANAGER") if f"{n}番目" in all_text(m)]
        st.driver.block_action("U0MANAGER", "approve_draft", channel=dms[0].channel, message_ts=dms[0].ts)
    settle(st)
    for ts in threads:
        texts = [all_text(m) for m in thread(st, "C0INTAKE", ts)]
        approved = next(k for k, t in enumerate(texts) if "承認されました" in t)
        prompt = next(k for k, t in enumerate(texts) if "投稿のURLを登録" in t)
        assert approved < prompt, [t[:60] for t in texts]


def test_pictures_pasted_with_a_draft_are_checked_shown_and_bound_to_the_decision(stack: LocalStack) -> None:
    """A message with files (file_share): the images count for the 肖像権 and alt-text checks,
    the approver sees them, and their descriptions are part of what is approved."""
    st = stack
    alt = "ライトアップされた高田城三重櫓と「~中止~」の看板 :sparkles:"  # shown as written, not struck through
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, images=[alt, ""])
    for a in APPROVERS:
        wait_dm(st, a)
    check = wait_thread(st, "C0INTAKE", ts, lambda ms: any("確認結果" in all_text(m) for m in ms))
    found = all_text(next(m for m in check if "確認結果" in all_text(m)))
    assert "portrait.consent" in found and "a11y.image_alt" in found
    request = all_text(dm(st, "U0MANAGER")[0])
    assert "画像:* 2枚" in request
    alts = [b["text"] for b in dm(st, "U0MANAGER")[0].blocks if "枚目の代替テキスト" in b.get("text", {}).get("text", "")]
    assert alts == [{"type": "plain_text", "emoji": False,
                     "text": f"　1枚目の代替テキスト: {alt}\n　2枚目の代替テキスト: （なし）"}]
    with st.rt.db.session() as s:
        v = s.exec(select(DraftVersionRow)).one()
        assert (v.image_count, v.alt_texts) == (2, [alt, ""])


def test_deleting_the_draft_message_withdraws_it(stack: LocalStack) -> None:
    """取り下げ: nobody approves what its author deleted (before, the DMs kept live buttons)."""
    st = stack
    ts = submit_clean(st)
    wait_thread(st, "C0INTAKE", ts, lambda ms: len(ms) >= 2)  # the bot's replies: Slack keeps a tombstone
    st.driver.message_deleted("C0INTAKE", ts)
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT + "（追記）")  # late: ignored, not 500
    assert st.driver.last_reply is not None and st.driver.last_reply.status == 200
    for a in APPROVERS:
        st.slack.wait_for(lambda a=a: "取り下げ" in all_text(dm(st, a)[0]), timeout=30, message="DM withdrawn")
        assert buttons(dm(st, a)[0]) == {}
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", "1:1", channel=msg.channel, message_ts=msg.ts)
    wait_ephemeral(st, "U0MANAGER", "取り下げ")
    assert [d.state for d in drafts(st)] == ["withdrawn"] and ledger(st) == []
    # An approved draft taken back: the approval is void in the ledger, with the reason.
    ts2 = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT.replace("紅葉", "雪灯籠"))
    wait_dm(st, "U0MANAGER", 2)
    second = [m for m in dm(st, "U0MANAGER") if "雪灯籠" in all_text(m)][0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=second.channel, message_ts=second.ts)
    st.slack.wait_for(lambda: ledger(st), timeout=30, message="the approval")
    # Without replies Slack sends message_deleted (with them, as for the first draft, a tombstone edit).
    st.driver.message_deleted("C0INTAKE", ts2, tombstone=False)
    st.driver.retry_last_event(retry_num=1)  # Slack resending it changes nothing
    st.slack.wait_for(lambda: len(ledger(st)) == 2, timeout=30, message="the void entry")
    assert [(e.kind, e.draft_id) for e in ledger(st)] == [("approved", 2), ("void", 2)]
    assert "削除" in (ledger(st)[1].reason or "")
    settle(st)
    assert len(ledger(st)) == 2
    with st.rt.db.session() as s:  # the withdrawn draft agrees with its void entry
        assert ledger_repo.decided_without_entry(s) is None


def test_double_click_makes_one_decision(stack: LocalStack) -> None:
    st = stack
    submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    wait_ephemeral(st, "U0MANAGER", "すでに")
    settle(st)
    assert len(ledger(st)) == 1


def test_two_approvers_clicking_at_once_make_one_decision(stack: LocalStack) -> None:
    st = stack
    submit_clean(st)
    msgs = {a: dm(st, a)[0] for a in APPROVERS}
    approve_all_at_once(st, msgs)
    settle(st)
    entries = ledger(st)
    assert len(entries) == 1
    decider = entries[0].decider_id
    for a in APPROVERS:
        assert buttons(dm(st, a)[0]) == {}
        assert st.rt.org.member(decider).name in all_text(dm(st, a)[0])  # type: ignore[union-attr]


def test_stranger_and_author_are_refused_and_nothing_changes(stack: LocalStack) -> None:
    st = stack
    submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    value = buttons(msg)["approve_draft"]
    # A stranger replays the button (e.g. a forwarded DM); the author tries the same.
    st.driver.block_action("U0STRANGER", "approve_draft", value, channel=msg.channel, message_ts=msg.ts)
    assert "運用管理責任者" in wait_ephemeral(st, "U0STRANGER", "決裁")
    st.driver.block_action("U0OPERATOR", "approve_draft", value, channel=msg.channel, message_ts=msg.ts)
    assert "ご自身" in wait_ephemeral(st, "U0OPERATOR", "ご自身")
    st.driver.block_action("U0OPERATOR2", "reject_draft", value, channel=msg.channel, message_ts=msg.ts)
    wait_ephemeral(st, "U0OPERATOR2", "運用管理責任者")
    settle(st)
    assert ledger(st) == []
    assert [d.state for d in drafts(st)] == ["pending"]
    assert st.slack.calls_of("views.open") == []


def test_tampered_button_values_are_refused(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    for bad in ("999:1", "1:7", "garbage", "1:1:1", "x" * 10_000, "-1:1", "１:１"):
        st.driver.block_action("U0MANAGER", "approve_draft", bad, channel=msg.channel, message_ts=msg.ts)
    settle(st)
    assert ledger(st) == []
    said = [e.text for e in st.slack.ephemerals("U0MANAGER")]
    assert len(said) == 7
    # Draft 999 does not exist: the refusal says nothing was recorded and where to press instead. (The seven
    # answers go out through the outbox in whatever order its senders take them: read by content, not place.)
    assert any(s.startswith("対象の下書きが見つかりません") and s.endswith(
        "何も記録していません。最新のメッセージか kessai のホームタブから操作し直してください。") for s in said), said


def test_reject_through_the_modal_requires_a_reason(stack: LocalStack) -> None:
    st = stack
    ts = submit_clean(st)
    msg = dm(st, "U0CHIEF")[0]
    other = wait_dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0CHIEF", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for_call("views.open", timeout=30)
    for blank in ("   ", "\u200b\u200b", "\u2060\u3000\u2800"):  # spaces, or characters that show nothing
        reply = st.driver.view_submission("U0CHIEF", "reject_reason", {"reason_text": blank})
        assert reply.json()["errors"]["reason"] == "よくある理由を選ぶか、差戻しの理由を入力してください。"
    assert ledger(st) == []
    # Only emoji, emoji codes or punctuation: the author would learn nothing of what to fix.
    for picture in ("🙅", ":x:", " :man-gesturing-no::skin-tone-2: ", "。。。", "×", "🙅‍♂️！"):
        reply = st.driver.view_submission("U0CHIEF", "reject_reason", {"reason_text": picture})
        assert "言葉で入力してください" in reply.json()["errors"]["reason"], picture
    assert ledger(st) == []
    reply = st.driver.view_submission("U0CHIEF", "reject_reason",
                                      {"reason_text": "日付の曜日を確認してください。", "preset_reasons": ["facts"]})
    assert reply.status == 200 and not reply.body.strip()
    entries = ledger(st)
    assert [(e.kind, e.decider_id) for e in entries] == [("rejected", "U0CHIEF")]
    assert entries[0].reason == "事実関係の確認が必要です。日付の曜日を確認してください。"
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("差し戻しました" in all_text(m) for m in ms))
    st.slack.wait_for(lambda: "差し戻しました" in all_text(dm(st, "U0MANAGER")[0]), timeout=30)
    # A colleague's 承認 from a screen not yet redrawn: told in the words the thread uses.
    st.driver.block_action("U0MANAGER", "approve_draft", channel=other.channel, message_ts=other.ts, seen=other)
    assert wait_ephemeral(st, "U0MANAGER", "すでに") == "この下書きは 春日山 一郎 さんがすでに差し戻しています。"


def test_a_ticked_common_reason_is_reason_enough(sqlite_stack: LocalStack) -> None:
    """A manager on a phone ticks 「誤字・脱字があります」 and sends it without typing more."""
    st = sqlite_stack
    submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for_call("views.open", timeout=30)
    reply = st.driver.view_submission("U0MANAGER", "reject_reason", {"preset_reasons": ["typo", "timing"]})
    assert reply.status == 200 and not reply.body.strip()
    assert [e.reason for e in ledger(st)] == ["誤字・脱字があります、投稿の時期・時間帯が適切ではありません"]


def test_forged_private_metadata_is_refused(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    submit_clean(st)
    reply = st.driver.view_submission("U0STRANGER", "reject_reason", {"reason_text": "理由"},
                                      private_metadata="1:1")
    assert reply.json()["response_action"] == "errors"
    reply = st.driver.view_submission("U0MANAGER", "reject_reason", {"reason_text": "理由"},
                                      private_metadata="not-a-draft")
    assert reply.json()["response_action"] == "errors"
    assert ledger(st) == []


def test_edit_voids_an_earlier_approval(stack: LocalStack) -> None:
    st = stack
    ts = submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: "承認しました" in all_text(dm(st, "U0MANAGER")[0]), timeout=30)
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT.replace("11月28日（土）", "11月29日（日）"))
    st.slack.wait_for(lambda: "無効" in all_text(dm(st, "U0MANAGER")[0]), timeout=30)
    new = wait_dm(st, "U0MANAGER", 2)[1]
    assert "第2版" in all_text(new) and set(buttons(new)) == {"approve_draft", "reject_draft"}
    assert [(e.kind, e.version_number) for e in ledger(st)] == [("approved", 1), ("void", 1)]
    with st.rt.db.session() as s:  # the draft moved on to version 2: its void of version 1 is no contradiction
        assert ledger_repo.decided_without_entry(s) is None
    # The old version's button no longer decides anything.
    st.driver.block_action("U0CHIEF", "approve_draft", "1:1", channel=msg.channel, message_ts=msg.ts)
    wait_ephemeral(st, "U0CHIEF", "古い版")
    assert [d.state for d in drafts(st)] == ["pending"]


def test_a_rejection_form_opened_before_an_edit_or_anothers_decision_decides_nothing(stack: LocalStack) -> None:
    """A manager opens 差戻し on a phone between meetings; before they send it the author edits the
    draft (a new version), or a colleague approves it. The form was about what they read: it must
    not reject the new version, nor undo the colleague's approval."""
    st = stack
    ts = submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0MANAGER", "reject_reason"), timeout=30, message="form")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT.replace("11月28日（土）", "11月29日（日）"))
    new = wait_dm(st, "U0MANAGER", 2)[1]
    answer = st.driver.view_submission("U0MANAGER", "reject_reason", {"reason_text": "日付を確認してください。"}).json()
    assert answer["response_action"] == "errors" and "古い版" in answer["errors"]["reason"]
    settle(st)
    assert [e.kind for e in ledger(st)] == []
    assert [(d.state, d.current_version) for d in drafts(st)] == [("pending", 2)]
    # The new version's form, overtaken by a colleague's approval.
    st.driver.block_action("U0MANAGER", "reject_draft", channel=new.channel, message_ts=new.ts)
    st.slack.wait_for(lambda: len(st.slack.calls_of("views.open")) == 2, timeout=30, message="second form")
    chief = wait_dm(st, "U0CHIEF", 2)[1]
    st.driver.block_action("U0CHIEF", "approve_draft", channel=chief.channel, message_ts=chief.ts)
    st.slack.wait_for(lambda: ledger(st), timeout=30, message="the approval")
    answer = st.driver.view_submission("U0MANAGER", "reject_reason", {"preset_reasons": ["typo"]}).json()
    assert "春日山 一郎 さんがすでに承認しています" in answer["errors"]["reason"]
    # The first version's 承認, tapped last: not sent looking for a newest request that is settled.
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts, seen=msg)
    told = wait_ephemeral(st, "U0MANAGER", "古い版")
    assert "最新の第2版は 春日山 一郎 さんがすでに承認しています。" in told and "最新の依頼から" not in told
    settle(st)
    assert [(e.kind, e.version_number, e.decider_id) for e in ledger(st)] == [("approved", 2, "U0CHIEF")]


def test_unchanged_edit_such_as_an_unfurl_does_nothing(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    ts = submit_clean(st)
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT)
    settle(st)
    assert [d.current_version for d in drafts(st)] == [1]


def test_fixing_a_draft_by_editing_routes_it(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", "問い合わせは 090-1234-5678 まで")
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("pii.phone" in all_text(m) for m in ms))
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", "問い合わせは 025-526-5111（広報対話課）まで")
    msg = wait_dm(st, "U0MANAGER")[0]
    assert "第2版" in all_text(msg)


def test_mentions_in_a_draft_are_escaped_everywhere(stack: LocalStack) -> None:
    st = stack
    ts = submit_clean(st, "<!channel> <@U0CHIEF> <!here> &lt; 高田の観桜会のお知らせです。")
    settle(st)
    for c in st.slack.calls:
        if c.method.startswith("chat."):
            dumped = marked_up(c.params)
            assert "<!channel>" not in dumped and "<!here>" not in dumped and "<@U0CHIEF>" not in dumped
    # In plain text, where Slack pings nobody: the characters the post will have.
    assert draft_shown(dm(st, "U0MANAGER")[0]) == "<!channel> <@U0CHIEF> <!here> &lt; 高田の観桜会のお知らせです。"
    assert thread(st, "C0INTAKE", ts)


def test_a_real_slack_mention_in_a_draft_is_pointed_out_to_the_author_and_the_approver(sqlite_stack: LocalStack) -> None:
    """In Slack 「<@U0CHIEF>」 calls a colleague; in the approved text it is the characters 「@春日山 一郎」,
    which the operator would copy to the public account. Both the author and the approver are told."""
    st = sqlite_stack
    text = f"{CLEAN_DRAFT}詳しくは <@U0CHIEF> まで。"
    ts = st.slack.post_as_user("C0INTAKE", "U0OPERATOR", text).ts
    st.driver.event({"type": "message", "user": "U0OPERATOR", "text": text, "ts": ts, "channel": "C0INTAKE",
                     "event_ts": ts, "channel_type": "channel"})
    request = all_text(wait_dm(st, "U0MANAGER")[0])
    assert "詳しくは @春日山 一郎 まで。" in request
    assert "文面に Slack のメンション（「@春日山 一郎」）があります。" in request and "差し戻してください" in request
    check = wait_thread(st, "C0INTAKE", ts, lambda ms: any("メンション" in all_text(m) for m in ms))
    assert any("削除してください" in all_text(m) for m in check)


def test_rate_limit_then_server_error_still_delivers(stack: LocalStack) -> None:
    st = stack
    st.slack.inject("chat.postMessage", status=429, retry_after=1)
    st.slack.inject("chat.postMessage", status=503)
    submit_clean(st)
    faults = [c for c in st.slack.calls_of("chat.postMessage") if c.fault is not None]
    assert [c.status for c in faults] == [429, 503]
    settle(st)
    assert all(len(dm(st, a)) == 1 for a in APPROVERS)  # delivered once each, not duplicated


def test_other_workspace_is_refused(sqlite_stack: LocalStack) -> None:
    """Slack Connect: an approver of another organisation's workspace (the click's team and the
    user's team theirs) presses 承認. Refused, and told so politely: Slack drops what the click is
    answered with, so the refusal used to leave them pressing a button that did nothing."""
    st = sqlite_stack
    submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    reply = st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts,
                                   team_id="T0OTHER")
    assert reply.status == 200
    said = wait_ephemeral(st, "U0MANAGER", "Slack Connect")
    assert "何も変更されていません" in said and "kessai を導入しているワークスペースのアカウントで" in said
    settle(st)
    assert ledger(st) == [] and [d.state for d in drafts(st)] == ["pending"]
    assert set(buttons(dm(st, "U0MANAGER")[0])) == {"approve_draft", "reject_draft"}
    assert len(st.slack.ephemerals("U0MANAGER")) == 1


def test_an_app_home_click_from_another_workspace_decides_nothing_and_sends_no_dm(sqlite_stack: LocalStack) -> None:
    """The same 承認 pressed on App Home, the click's team another workspace's: refused, and no DM
    goes to a person of another workspace (an App Home click has no conversation to answer in)."""
    st = sqlite_stack
    submit_clean(st)
    st.driver.app_home_opened("U0MANAGER")
    st.slack.wait_for(lambda: "approve_draft" in str(st.slack.home("U0MANAGER")), timeout=30, message="home")
    settle(st)
    dms = len(dm(st, "U0MANAGER"))
    home = st.slack.home_view("U0MANAGER")
    assert home is not None
    reply = st.driver.block_action("U0MANAGER", "approve_draft", view=home, team_id="T0OTHER")
    assert reply.status == 200
    settle(st)
    assert len(dm(st, "U0MANAGER")) == dms and st.slack.ephemerals("U0MANAGER") == []
    assert ledger(st) == [] and [d.state for d in drafts(st)] == ["pending"]


def test_a_form_sent_from_another_workspace_is_answered_with_a_notice_and_decides_nothing(
        sqlite_stack: LocalStack) -> None:
    """A 差戻し form sent with another organisation's workspace as its team (Slack Connect): an empty
    answer would close it as if the 差戻し were taken, so it is replaced by the reason it was not."""
    st = sqlite_stack
    submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for_call("views.open", timeout=30)
    reply = st.driver.view_submission("U0MANAGER", "reject_reason", {"reason_text": "日付を確認してください。"},
                                      team_id="T0OTHER")
    answer = reply.json()
    assert reply.status == 200 and answer["response_action"] == "update"
    assert answer["view"]["callback_id"] == render.REFUSED_CALLBACK and "submit" not in answer["view"]
    shown = json.dumps(answer["view"], ensure_ascii=False)
    assert "何も変更されていません" in shown and "Slack Connect" in shown
    settle(st)
    assert ledger(st) == [] and [d.state for d in drafts(st)] == ["pending"]


def test_a_button_sent_for_other_content_decides_nothing(sqlite_stack: LocalStack) -> None:
    """After a restore from a backup, draft numbers are handed out again: a 承認 button sent before
    the restore names the same draft and version as a new, different draft. It must not approve it."""
    st = sqlite_stack
    submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    value = buttons(msg)["approve_draft"]
    assert value.count(":") == 2  # draft:version:hash prefix
    # What a restore leaves behind: the same draft number and version, other content.
    with st.rt.db.session() as s:
        v = s.exec(select(DraftVersionRow)).one()
        v.text, v.content_hash = "12月19日（土）に体育館を閉館します。", "f" * 64
        s.add(v)
        s.commit()
    st.driver.block_action("U0MANAGER", "approve_draft", value, channel=msg.channel, message_ts=msg.ts)
    assert "別の内容" in wait_ephemeral(st, "U0MANAGER", "別の内容")
    st.driver.block_action("U0CHIEF", "reject_draft", buttons(dm(st, "U0CHIEF")[0])["reject_draft"],
                           channel=dm(st, "U0CHIEF")[0].channel, message_ts=dm(st, "U0CHIEF")[0].ts)
    wait_ephemeral(st, "U0CHIEF", "別の内容")
    settle(st)
    assert ledger(st) == []
    assert [d.state for d in drafts(st)] == ["pending"]
    assert st.slack.calls_of("views.open") == []


def test_a_button_sent_before_the_hash_was_added_still_decides(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    draft_id = drafts(st)[0].id
    st.driver.block_action("U0MANAGER", "approve_draft", f"{draft_id}:1", channel=msg.channel, message_ts=msg.ts)
    settle(st)
    assert [e.kind for e in ledger(st)] == ["approved"]


def _restored_as_other_content(st: LocalStack) -> None:
    """What a restore from a backup leaves behind: the same draft number and version, other content."""
    with st.rt.db.session() as s:
        for v in s.exec(select(DraftVersionRow)):
            v.text, v.content_hash = "12月19日（土）に体育館を閉館します。", "f" * 64
            s.add(v)
        s.commit()


def test_publish_and_override_buttons_sent_for_other_content_do_nothing(sqlite_stack: LocalStack) -> None:
    """投稿済みにする and 理由を付けて決裁依頼 name a version of a draft as 承認 does: after a restore,
    one from before it must not mark another draft published or send another draft on."""
    st = sqlite_stack
    ts = submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", buttons(msg)["approve_draft"],
                           channel=msg.channel, message_ts=msg.ts)
    found = wait_thread(st, "C0INTAKE", ts, lambda ms: any(render.PUBLISH_ACTION in buttons(m) for m in ms))
    prompt = next(m for m in found if render.PUBLISH_ACTION in buttons(m))
    blocked = st.driver.message("C0INTAKE", "U0OPERATOR", "090-1234-5678 までお電話ください。")
    found = wait_thread(st, "C0INTAKE", blocked, lambda ms: any(render.OVERRIDE_ACTION in buttons(m) for m in ms))
    check = next(m for m in found if render.OVERRIDE_ACTION in buttons(m))
    publish, override = buttons(prompt)[render.PUBLISH_ACTION], buttons(check)[render.OVERRIDE_ACTION]
    assert publish.count(":") == 2 and override.count(":") == 2
    # A form opened before the restore...
    st.driver.block_action("U0OPERATOR", render.PUBLISH_ACTION, publish, channel=prompt.channel, message_ts=prompt.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", render.PUBLISH_CALLBACK), timeout=30, message="form")
    _restored_as_other_content(st)
    # ...and sent after it records nothing; neither do the buttons pressed now.
    body = st.driver.view_submission("U0OPERATOR", render.PUBLISH_CALLBACK, {
        render.P_URL: "https://x.com/joetsu_city_example/status/1234567890"}).body
    assert "別の内容" in json.loads(body)["errors"][render.P_URL]
    st.driver.block_action("U0OPERATOR", render.PUBLISH_ACTION, publish, channel=prompt.channel, message_ts=prompt.ts)
    said = wait_ephemeral(st, "U0OPERATOR", "別の内容")
    st.driver.block_action("U0OPERATOR", render.OVERRIDE_ACTION, override, channel=check.channel, message_ts=check.ts)
    settle(st)
    assert [e.text for e in st.slack.ephemerals("U0OPERATOR")].count(said) == 2
    assert len(st.slack.calls_of("views.open")) == 1
    assert sorted(d.state for d in drafts(st)) == ["approved", "needs_fix"]
