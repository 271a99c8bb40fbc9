"""Intake messages that arrive out of order or change after the fact: a deletion delivered before
the message it deletes, edits that add or change the message's pictures and videos, and
messages forwarded into the channel."""

from __future__ import annotations

import time

from sqlmodel import select

from bot.ledger import LedgerEntry, verify_chain
from bot.localstack import LocalStack
from bot.sandbox.payloads import message_text, rich_text_blocks
from bot.sandbox.records import JsonDict
from storage import ledger as ledger_repo
from storage.models import DeletedMessageRow, DraftVersionRow
from tests.e2e.conftest import (
    APPROVERS,
    CLEAN_DRAFT,
    all_text,
    dm,
    drafts,
    settle,
    thread,
    wait_dm,
    wait_ephemeral,
    wait_thread,
)


def typed_unseen(st: LocalStack, text: str) -> str:
    """A message the operator posted whose event has not reached the bot yet; returns its ts."""
    return st.slack.post_as_user("C0INTAKE", "U0OPERATOR", message_text(text), blocks=rich_text_blocks(text)).ts


def test_a_deletion_delivered_before_its_message_leaves_no_draft(stack: LocalStack) -> None:
    """Slack delivers out of order and retries: the message event of a message already deleted
    (both ways Slack reports a deletion) must not become a draft that approvers are asked about."""
    st = stack
    plain = typed_unseen(st, CLEAN_DRAFT)
    st.driver.message_deleted("C0INTAKE", plain, tombstone=False)
    reply = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, ts=plain, event_id="Ev0LATE1", retry_num=1)
    assert reply == plain and st.driver.last_reply is not None and st.driver.last_reply.status == 200
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, ts=plain, event_id="Ev0LATE2")  # delivered twice
    with_replies = typed_unseen(st, CLEAN_DRAFT.replace("紅葉", "雪灯籠"))
    st.driver.message_deleted("C0INTAKE", with_replies, tombstone=True)
    st.driver.retry_last_event(retry_num=1)  # the deletion resent changes nothing either
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, ts=with_replies, event_id="Ev0LATE3")
    settle(st)
    assert drafts(st) == []
    assert all(dm(st, a) == [] for a in APPROVERS)
    assert thread(st, "C0INTAKE", plain) == [] and thread(st, "C0INTAKE", with_replies) == []
    # The next message is a draft as usual.
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT.replace("紅葉", "菊まつり"))
    for a in APPROVERS:
        wait_dm(st, a)
    assert [d.message_ts for d in drafts(st)] == [ts]
    # Only messages that could have been drafts are remembered as deleted, not thread replies.
    reply = st.driver.message("C0INTAKE", "U0MANAGER", "日時を確認します。", thread_ts=ts)
    st.driver.message_deleted("C0INTAKE", reply)
    settle(st)
    with st.rt.db.session() as s:
        remembered = {(r.channel, r.ts) for r in s.exec(select(DeletedMessageRow))}
    assert remembered == {("C0INTAKE", plain), ("C0INTAKE", with_replies)}


def test_an_edit_carries_the_pictures_of_the_message(stack: LocalStack) -> None:
    """Pictures added to a draft, or their descriptions changed, by editing the message: the new
    version is checked with them, the approver sees them and they are part of what is approved."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(st, a)
    edited = CLEAN_DRAFT.replace("11月28日（土）", "11月29日（日）")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", edited, images=["ライトアップされた高田城三重櫓", ""])
    for a in APPROVERS:
        wait_dm(st, a, 2)
    check = wait_thread(st, "C0INTAKE", ts, lambda ms: any("第2版の確認結果" in all_text(m) for m in ms))
    second_check = all_text(next(m for m in check if "第2版の確認結果" in all_text(m)))
    assert "portrait.consent" in second_check and "a11y.image_alt" in second_check
    request = all_text([m for m in dm(st, "U0MANAGER") if "第2版" in all_text(m)][-1])
    assert "画像:* 2枚" in request and "ライトアップされた高田城三重櫓" in request
    # Only the description of a picture changes: that is a new version too, with its own hash.
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", edited, images=["ライトアップされた高田城三重櫓", "紅葉と堀"])
    st.slack.wait_for(lambda: len(versions(st)) == 3, timeout=30, message="third version")
    settle(st)
    v1, v2, v3 = versions(st)
    assert (v1.image_count, v1.alt_texts) == (0, [])
    assert (v2.image_count, v2.alt_texts) == (2, ["ライトアップされた高田城三重櫓", ""])
    assert (v3.image_count, v3.alt_texts) == (2, ["ライトアップされた高田城三重櫓", "紅葉と堀"])
    assert len({v1.content_hash, v2.content_hash, v3.content_hash}) == 3
    # The same message sent again as an edit (an unfurl, say) is no new version.
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", edited, images=["ライトアップされた高田城三重櫓", "紅葉と堀"])
    settle(st)
    assert len(versions(st)) == 3


def test_a_video_with_a_draft_needs_consent_is_shown_and_bound_to_the_decision(stack: LocalStack) -> None:
    """上越市 5(3) asks consent for 「個人が特定できる写真や映像」: a video attached to the message
    counts for the 肖像権 check as a picture does (not for alt text: Slack has none for videos), the
    approver sees it, adding one is a new version with its own hash, and the ledger verifies."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, videos=1)
    for a in APPROVERS:
        wait_dm(st, a)
    check = wait_thread(st, "C0INTAKE", ts, lambda ms: any("確認結果" in all_text(m) for m in ms))
    found = all_text(next(m for m in check if "確認結果" in all_text(m)))
    assert "portrait.consent" in found and "動画が1本あります" in found and "a11y.image_alt" not in found
    request = all_text(dm(st, "U0MANAGER")[0])
    assert "動画:* 1本（肖像権: 同意の確認なし）" in request and "画像:*" not in request
    # A picture and a second video added by editing: one new version, both counted.
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT, images=["ライトアップされた高田城三重櫓"], videos=2)
    for a in APPROVERS:
        wait_dm(st, a, 2)
    second = wait_thread(st, "C0INTAKE", ts, lambda ms: any("第2版の確認結果" in all_text(m) for m in ms))
    assert "画像が1枚、動画が2本あります" in all_text(next(m for m in second if "第2版の確認結果" in all_text(m)))
    # The same files again (an unfurl) are no new version; a video removed is one.
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT, images=["ライトアップされた高田城三重櫓"], videos=2)
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT, images=["ライトアップされた高田城三重櫓"], videos=1)
    st.slack.wait_for(lambda: len(versions(st)) == 3, timeout=30, message="third version")
    for a in APPROVERS:
        wait_dm(st, a, 3)
    settle(st)
    v1, v2, v3 = versions(st)
    assert [(v.image_count, v.video_count) for v in (v1, v2, v3)] == [(0, 1), (1, 2), (1, 1)]
    assert len({v1.content_hash, v2.content_hash, v3.content_hash}) == 3
    msg = dm(st, "U0MANAGER")[-1]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: any(e.kind == "approved" for e in entries(st)), timeout=30, message="approval")
    with st.rt.db.session() as s:
        approved = next(e for e in ledger_repo.iter_entries(s) if e.kind == "approved")
        assert (approved.version_number, approved.content_hash) == (3, v3.content_hash)
        assert verify_chain(ledger_repo.iter_entries(s), ledger_repo.version_hashes(s), ledger_repo.head(s)).ok


def test_a_message_of_only_a_video_is_a_draft_that_asks_for_text(stack: LocalStack) -> None:
    """A video pasted without a word is still something the operator means to post: it becomes a
    draft whose check says the text is missing, not a message silently ignored."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", "", videos=1)
    check = wait_thread(st, "C0INTAKE", ts, lambda ms: any("確認結果" in all_text(m) for m in ms))
    found = all_text(next(m for m in check if "確認結果" in all_text(m)))
    assert "portrait.consent" in found and "動画が1本" in found
    settle(st)
    assert [(d.message_ts, d.state) for d in drafts(st)] == [(ts, "needs_fix")]


def test_a_forwarded_message_is_refused_with_the_way_to_submit_it(stack: LocalStack) -> None:
    """Slack's 「転送」 puts another message into the channel as an attachment; the forwarder's own
    text is empty or a comment (「これをお願いします」). Neither is the post: before, a forward without
    a comment was ignored without a word and one with a comment became a draft of the comment."""
    st = stack
    original = st.slack.post_as_user("C0GENERAL", "U0OTHER", message_text(CLEAN_DRAFT),
                                     blocks=rich_text_blocks(CLEAN_DRAFT)).ts
    bare = st.driver.forward("C0INTAKE", "U0OPERATOR", "C0GENERAL", original)
    said = wait_ephemeral(st, "U0OPERATOR", "転送されたメッセージは")
    assert "決裁に回す" in said and "直接書き込む" in said
    st.driver.retry_last_event(retry_num=1)  # Slack's retry: no second explanation
    commented = st.driver.forward("C0INTAKE", "U0OPERATOR", "C0GENERAL", original, comment="これをお願いします")
    settle(st)
    assert drafts(st) == [] and dm(st, "U0MANAGER") == [] and thread(st, "C0INTAKE", bare) == []
    assert [e.text for e in st.slack.ephemerals("U0OPERATOR")].count(said) == 2
    # Editing the comment of the forward makes no draft either.
    st.driver.message_changed("C0INTAKE", commented, "U0OPERATOR", "こちらを決裁に回してください")
    settle(st)
    assert drafts(st) == [] and len(st.slack.ephemerals("U0OPERATOR")) == 2
    # Someone who operates no account of the channel hears that first, as for any message.
    st.driver.forward("C0INTAKE", "U0STRANGER", "C0GENERAL", original)
    wait_ephemeral(st, "U0STRANGER", "運用担当者として登録されていない")
    # A link to a Slack message unfurls as an attachment too, without is_share: a draft with one is
    # a draft, checked as usual (and the link itself, which only members open, is an error).
    link = f"https://t0kessai.slack.com/archives/C0GENERAL/p{original.replace('.', '')}"
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT + " 詳しくは " + link)
    unfurl = {"from_url": link, "is_msg_unfurl": True, "channel_id": "C0GENERAL", "ts": original,
              "text": message_text(CLEAN_DRAFT), "footer": "Slack Conversation"}
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT + " 詳しくは " + link, attachments=[unfurl])
    check = wait_thread(st, "C0INTAKE", ts, lambda ms: any("確認結果" in all_text(m) for m in ms))
    assert "Slack のメッセージやファイルへのリンク" in all_text(next(m for m in check if "確認結果" in all_text(m)))
    settle(st)
    assert [(d.message_ts, d.state, d.current_version) for d in drafts(st)] == [(ts, "needs_fix", 1)]


def test_the_shortcut_on_a_forward_fills_the_form_with_the_forwarded_text(stack: LocalStack) -> None:
    """What the refusal above points to: 「決裁に回す」 on the forward opens the form with the
    forwarded message's text (emoji as characters), not the comment beside it."""
    st = stack
    text = "高田城址公園の観桜会は4月1日からです🌸"
    original = st.slack.post_as_user("C0GENERAL", "U0OTHER", message_text(text), blocks=rich_text_blocks(text)).ts
    forward = st.driver.forward("C0INTAKE", "U0OPERATOR", "C0GENERAL", original, comment="これをお願いします")
    wait_ephemeral(st, "U0OPERATOR", "転送されたメッセージは")
    st.driver.message_shortcut("U0OPERATOR", "submit_as_draft", "C0INTAKE", forward)
    view = st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "submit_draft"), timeout=30)
    blocks = {b.get("block_id"): b for b in view.view["blocks"]}
    assert blocks["text"]["element"]["initial_value"] == text


def test_a_custom_emoji_left_in_a_draft_is_pointed_out_and_a_standard_one_is_not(stack: LocalStack) -> None:
    """Slack turns 🌸 into 「:cherry_blossom:」 in the message's text and says which character it is in the
    blocks: that is read back as 🌸. A workspace's own emoji has no character: on X it would be the
    letters 「:joetsu_logo:」, so the author is told."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT + "🌸 :joetsu_logo:")
    stored = st.slack.message("C0INTAKE", ts)
    assert stored is not None and stored.text.endswith(":cherry_blossom: :joetsu_logo:")  # as Slack sends it
    check = wait_thread(st, "C0INTAKE", ts, lambda ms: any("確認結果" in all_text(m) for m in ms))
    found = all_text(next(m for m in check if "確認結果" in all_text(m)))
    assert "a11y.machine_dependent" in found and "「`:joetsu_logo:`」は Slack の絵文字の書き方" in found
    assert ":cherry_blossom:" not in found
    with st.rt.db.session() as s:
        assert s.exec(select(DraftVersionRow)).one().text.endswith("🌸 :joetsu_logo:")


def test_a_custom_emoji_with_a_japanese_name_is_pointed_out_and_ordinary_colons_are_not(stack: LocalStack) -> None:
    """Japanese workspaces name their emoji in Japanese: 「:お知らせ:」 looks like no shortcode by its
    letters, and X would show them. Slack's rich text says it was an emoji; 「問合せ:観光振興課:」,
    typed text, is not pointed out. Checked again when the draft is edited, from what was kept."""
    st = stack
    text = CLEAN_DRAFT + ":お知らせ:\n問合せ:観光振興課:025-526-5111 :了解:"
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", text)
    check = wait_thread(st, "C0INTAKE", ts, lambda ms: any("確認結果" in all_text(m) for m in ms))
    found = all_text(next(m for m in check if "確認結果" in all_text(m)))
    assert "「`:お知らせ:`」は Slack の絵文字の書き方" in found and "「`:了解:`」は Slack の絵文字の書き方" in found, found
    assert "観光振興課" not in found
    with st.rt.db.session() as s:
        assert s.exec(select(DraftVersionRow)).one().custom_emoji == ["お知らせ", "了解"]
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", text.replace(" :了解:", ""))
    again = wait_thread(st, "C0INTAKE", ts, lambda ms: sum("確認結果" in all_text(m) for m in ms) >= 2)
    latest = all_text([m for m in again if "確認結果" in all_text(m)][-1])
    assert "「`:お知らせ:`」は Slack の絵文字の書き方" in latest and ":了解:" not in latest, latest
    assert versions(st)[-1].custom_emoji == ["お知らせ"]


def test_a_telephone_number_typed_on_a_phone_is_the_draft_as_typed(stack: LocalStack) -> None:
    """Slack's phone apps link a number typed in a message (``<tel:0255265111|025-526-5111>``): the
    draft, what the approvers read and what is counted is the number as typed, not
    「025-526-5111（tel:0255265111）」."""
    st = stack
    typed = CLEAN_DRAFT + "\n問合せ：観光振興課 025-526-5111"
    blocks = [{"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
        {"type": "text", "text": CLEAN_DRAFT + "\n問合せ：観光振興課 "},
        {"type": "link", "url": "tel:0255265111", "text": "025-526-5111"}]}]}]
    wire = CLEAN_DRAFT + "\n問合せ：観光振興課 <tel:0255265111|025-526-5111>"
    ts = st.slack.post_as_user("C0INTAKE", "U0OPERATOR", wire, blocks=blocks).ts
    st.driver.event({"type": "message", "user": "U0OPERATOR", "text": wire, "blocks": blocks,
                     "ts": ts, "channel": "C0INTAKE", "event_ts": ts, "channel_type": "channel"})
    for a in APPROVERS:
        shown = all_text(wait_dm(st, a)[0])
        assert "観光振興課 025-526-5111" in shown and "tel:" not in shown, shown
    with st.rt.db.session() as s:
        assert [v.text for v in s.exec(select(DraftVersionRow))] == [typed]


def entries(st: LocalStack) -> list[LedgerEntry]:
    with st.rt.db.session() as s:
        return list(ledger_repo.iter_entries(s))


def versions(st: LocalStack) -> list[DraftVersionRow]:
    with st.rt.db.session() as s:
        return list(s.exec(select(DraftVersionRow).order_by(DraftVersionRow.number)))  # type: ignore[arg-type]


def test_an_edit_delivered_before_its_message_makes_the_draft_with_the_new_text(stack: LocalStack) -> None:
    """The operator fixes a typo at once; Slack delivers the edit first, then (a retry, out of
    order) the original message event with the old text. The draft is the edited text, once."""
    st = stack
    ts = typed_unseen(st, CLEAN_DRAFT)
    edited = CLEAN_DRAFT.replace("紅葉", "雪灯籠")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", edited)
    st.driver.retry_last_event(retry_num=1)  # the edit resent: still one draft
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, ts=ts, event_id="Ev0LATEORIGINAL", retry_num=1)
    for a in APPROVERS:
        request = wait_dm(st, a)[0]
        assert "雪灯籠" in all_text(request)
    settle(st)
    (d,) = drafts(st)
    assert (d.message_ts, d.current_version) == (ts, 1)
    with st.rt.db.session() as s:
        assert [v.text for v in s.exec(select(DraftVersionRow))] == [edited]
    assert all(len(dm(st, a)) == 1 for a in APPROVERS)


def current_version_text(st: LocalStack) -> str:
    (d,) = drafts(st)
    with st.rt.db.session() as s:
        return s.exec(select(DraftVersionRow).where(DraftVersionRow.draft_id == d.id,
                                                    DraftVersionRow.number == d.current_version)).one().text


def test_a_late_retry_of_an_older_edit_changes_nothing(stack: LocalStack) -> None:
    """The first edit's event does not reach the bot; a second edit does and is approved; then Slack
    retries the first. The message shows the second edit's text: that stays the approved version."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(st, a)
    older, newer = CLEAN_DRAFT.replace("紅葉", "雪灯籠"), CLEAN_DRAFT.replace("紅葉", "菊まつり")
    with st.driver.undelivered() as lost:
        st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", older)
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", newer)
    request = [m for m in wait_dm(st, "U0MANAGER", 2) if "菊まつり" in all_text(m)][-1]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=request.channel, message_ts=request.ts)
    st.slack.wait_for(lambda: drafts(st)[0].state == "approved", timeout=30, message="approval")
    settle(st)
    sent_before = {a: len(dm(st, a)) for a in APPROVERS}
    assert st.driver.redeliver(lost[0]).status == 200
    settle(st)
    (d,) = drafts(st)
    assert (d.state, d.current_version) == ("approved", 2)
    assert current_version_text(st) == newer and "菊まつり" in st.slack.message("C0INTAKE", ts).text
    with st.rt.db.session() as s:
        assert [e.kind for e in ledger_repo.iter_entries(s)] == ["approved"]
    assert {a: len(dm(st, a)) for a in APPROVERS} == sent_before


PREVIEWED_LINK = "https://www.city.joetsu.niigata.jp/event/momiji"


def _preview_lost_then_edited(st: LocalStack) -> tuple[str, str, JsonDict]:
    """A draft with a link; Slack's preview of it (a message_changed without ``edited``: the
    message as first written) not delivered; then the operator's edit of the date, sent to the
    approvers as version 2. The draft's ts, the edited text and the preview's lost event."""
    original = CLEAN_DRAFT + "詳しくは " + PREVIEWED_LINK
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", original)
    for a in APPROVERS:
        wait_dm(st, a)
    with st.driver.undelivered() as lost:
        st.driver.link_unfurled("C0INTAKE", ts, [{"id": 1, "from_url": PREVIEWED_LINK, "title": "紅葉ライトアップ"}])
    fixed = original.replace("11月28日（土）", "11月29日（日）")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", fixed)
    for a in APPROVERS:
        wait_dm(st, a, 2)
    settle(st)
    return ts, fixed, lost[0]


def test_a_link_preview_of_the_text_before_an_edit_delivered_late_changes_nothing(stack: LocalStack) -> None:
    """Slack adds a link's preview to a draft just posted (a message_changed without ``edited``: the
    message as first written); that event is retried after the operator's edit has been applied. It
    must not bring the old date back as a new version for the approvers to decide."""
    st = stack
    ts, fixed, lost = _preview_lost_then_edited(st)
    sent_before = {a: len(dm(st, a)) for a in APPROVERS}
    assert st.driver.redeliver(lost).status == 200
    settle(st)
    (d,) = drafts(st)
    assert (d.state, d.current_version) == ("pending", 2) and current_version_text(st) == fixed
    assert {a: len(dm(st, a)) for a in APPROVERS} == sent_before
    # A preview added after the edit is the edited message: no new version either.
    st.driver.link_unfurled("C0INTAKE", ts, [{"id": 1, "from_url": PREVIEWED_LINK, "title": "紅葉ライトアップ"}])
    settle(st)
    assert drafts(st)[0].current_version == 2 and {a: len(dm(st, a)) for a in APPROVERS} == sent_before


def test_a_change_not_timed_as_slack_times_does_not_unlock_older_changes(stack: LocalStack) -> None:
    """A message_changed whose ``ts`` does not read as Slack's time (a proxy or relay that rewrote
    it) was stored as the draft's last change: every later comparison was then unreadable, and the
    preview of the text as first written, retried after the edit, came back as a new version with
    the old date for the approvers to decide."""
    st = stack
    ts, fixed, lost = _preview_lost_then_edited(st)
    edit = st.driver.last_event
    assert edit is not None
    st.driver.event({**edit["event"], "ts": "not-a-ts", "event_ts": st.slack.next_ts()})
    settle(st)
    sent_before = {a: len(dm(st, a)) for a in APPROVERS}
    assert st.driver.redeliver(lost).status == 200
    settle(st)
    (d,) = drafts(st)
    assert (d.state, d.current_version) == ("pending", 2) and current_version_text(st) == fixed
    assert {a: len(dm(st, a)) for a in APPROVERS} == sent_before


def _current_version(st: LocalStack) -> DraftVersionRow:
    (d,) = drafts(st)
    with st.rt.db.session() as s:
        return s.exec(select(DraftVersionRow).where(DraftVersionRow.draft_id == d.id,
                                                    DraftVersionRow.number == d.current_version)).one()


def _picture_deleted(st: LocalStack, change: JsonDict, index: int) -> JsonDict:
    """The message_changed event Slack sends when the picture ``index`` of the message that
    ``change`` (an earlier message_changed envelope) shows is deleted: the file left as a tombstone,
    the message's ``edited`` kept as the last edit of its text set it, the event's own ``ts`` new."""
    event = change["event"]
    message = dict(event["message"])
    files = [dict(f) for f in message["files"]]
    files[index] = {"id": files[index]["id"], "mode": "tombstone"}
    message["files"] = files
    at = st.slack.next_ts()
    return {**event, "message": message, "previous_message": event["message"], "ts": at, "event_ts": at}


def test_a_picture_deleted_after_an_edit_is_a_new_version_for_the_approvers(stack: LocalStack) -> None:
    """The operator fixes the text of a draft with two pictures, then deletes one of them. Slack's
    event for the deletion keeps the text edit's ``edited.ts``; its own ``ts`` is new. The approvers
    must decide the message as it now stands, one picture, not the version that still shows two."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, images=["紅葉の写真", "地図"])
    for a in APPROVERS:
        wait_dm(st, a)
    fixed = CLEAN_DRAFT.replace("紅葉", "雪灯籠")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", fixed, images=["紅葉の写真", "地図"])
    for a in APPROVERS:
        wait_dm(st, a, 2)
    settle(st)
    edit = st.driver.last_event
    assert edit is not None
    deletion = _picture_deleted(st, edit, 1)
    assert deletion["message"]["edited"] == edit["event"]["message"]["edited"]
    st.driver.event(deletion)
    for a in APPROVERS:
        assert "雪灯籠" in all_text(wait_dm(st, a, 3)[-1])
    settle(st)
    (d,) = drafts(st)
    v = _current_version(st)
    assert (d.state, d.current_version, v.text, v.image_count, v.alt_texts) == ("pending", 3, fixed, 1, ["紅葉の写真"])
    # The same message in a later event (Slack's language detection, a preview) is nothing new.
    sent_before = {a: len(dm(st, a)) for a in APPROVERS}
    at = st.slack.next_ts()
    st.driver.event({**deletion, "ts": at, "event_ts": at})
    settle(st)
    assert drafts(st)[0].current_version == 3 and {a: len(dm(st, a)) for a in APPROVERS} == sent_before


def test_a_picture_deletion_retried_after_a_later_edit_changes_nothing(stack: LocalStack) -> None:
    """The event of a picture's deletion does not reach the bot; the operator then edits the text
    (the message keeps one picture); Slack retries the deletion, whose message shows the text before
    that edit. The later edit stays the version the approvers decide."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, images=["紅葉の写真", "地図"])
    for a in APPROVERS:
        wait_dm(st, a)
    settle(st)
    post = st.driver.last_event
    assert post is not None
    change = {"event": {"type": "message", "subtype": "message_changed", "hidden": True,
                        "channel": post["event"]["channel"], "channel_type": post["event"].get("channel_type"),
                        "message": {k: v for k, v in post["event"].items() if k not in ("channel", "channel_type",
                                                                                          "event_ts")}}}
    with st.driver.undelivered() as lost:
        st.driver.event(_picture_deleted(st, change, 1))
    fixed = CLEAN_DRAFT.replace("紅葉", "雪灯籠")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", fixed, images=["紅葉の写真"])
    for a in APPROVERS:
        wait_dm(st, a, 2)
    settle(st)
    sent_before = {a: len(dm(st, a)) for a in APPROVERS}
    assert st.driver.redeliver(lost[0]).status == 200
    settle(st)
    (d,) = drafts(st)
    v = _current_version(st)
    assert (d.current_version, v.text, v.image_count) == (2, fixed, 1)
    assert {a: len(dm(st, a)) for a in APPROVERS} == sent_before


def test_edits_delivered_newest_first_keep_the_newest_text(stack: LocalStack) -> None:
    """Two quick edits; Slack delivers the second, then the first, then the original message."""
    st = stack
    ts = typed_unseen(st, CLEAN_DRAFT)
    older, newer = CLEAN_DRAFT.replace("紅葉", "雪灯籠"), CLEAN_DRAFT.replace("紅葉", "菊まつり")
    with st.driver.undelivered() as lost:
        st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", older)
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", newer)
    st.driver.redeliver(lost[0])
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, ts=ts, event_id="Ev0LATEORIGINAL", retry_num=1)
    settle(st)
    (d,) = drafts(st)
    assert d.current_version == 1 and current_version_text(st) == newer
    for a in APPROVERS:
        assert [("菊まつり" in all_text(m)) for m in dm(st, a)] == [True]


def test_an_edit_of_someone_elses_message_is_still_no_draft(stack: LocalStack) -> None:
    st = stack
    ts = st.slack.post_as_user("C0INTAKE", "U0STRANGER", message_text("こんにちは"),
                               blocks=rich_text_blocks("こんにちは")).ts
    st.driver.message_changed("C0INTAKE", ts, "U0STRANGER", "こんにちは。よろしくお願いします。")
    settle(st)
    assert drafts(st) == [] and st.slack.ephemerals("U0STRANGER") == []


SYSTEM_MESSAGES = [
    {"subtype": "huddle_thread", "text": "", "room": {"id": "R0HUDDLE"}},
    {"subtype": "channel_convert_to_private", "text": "チャンネルを非公開にしました"},
    {"subtype": "bot_add", "text": "連携アプリを追加しました"},
    {"subtype": "channel_posting_permissions", "text": "投稿できる人を変更しました"},
    {"subtype": "assistant_app_thread", "text": "新しいスレッド"},
    {"subtype": "some_future_subtype", "text": "Slack が将来加える種類"},
    {"text": ""},
    {"text": None},
    {"text": "   \n "},
    {"text": "", "blocks": []},
    {"subtype": "file_share", "text": "", "files": [{"id": "F0GONE", "mode": "tombstone"}]},  # a file deleted since
]


def test_what_slack_or_apps_post_in_the_channel_is_no_draft(stack: LocalStack) -> None:
    """Only a message a person wrote, with text or pictures, is a draft: huddles, channel
    changes, apps or an empty message are not (before, each became one), nor are the edits
    Slack makes to them (a huddle's message changes as people join). Nobody is told anything:
    nothing was written. (A PDF alone is no draft either, but its sender is told why: see
    test_a_file_alone_is_no_draft_and_its_sender_is_told_once_a_week. An operator's /me is a
    person writing, and a draft: tests/e2e/test_payload_shapes.py.)"""
    st = stack
    for n, fields in enumerate(SYSTEM_MESSAGES):
        ts = f"1764000{n:03d}.000100"
        event = {"type": "message", "user": "U0OPERATOR", "ts": ts, "channel": "C0INTAKE", **fields}
        assert st.driver.event(event).status == 200
        if fields.get("subtype") in (None, "file_share"):
            continue  # (text written into these later would make them drafts, rightly)
        edited = {"type": "message", "subtype": "message_changed", "channel": "C0INTAKE", "ts": f"1764001{n:03d}.000100",
                  "message": {**event, "text": "参加者: 高田 太郎"}, "previous_message": event}
        assert st.driver.event(edited).status == 200
    settle(st)
    assert drafts(st) == []
    assert st.slack.ephemerals("U0OPERATOR") == [] and all(dm(st, a) == [] for a in APPROVERS)
    # A picture alone is something to check, though: it is a draft, told that it needs a text.
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", "", images=["雪の高田城"])
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("content.empty" in all_text(m) for m in ms))
    assert len(drafts(st)) == 1


PDF_FILE = {"id": "F0PDF", "mimetype": "application/pdf", "name": "チラシ.pdf", "mode": "hosted"}


def file_alone(st: LocalStack, user: str, file: dict[str, object]) -> str:
    """``user`` posts ``file`` into the intake channel without writing anything; returns the ts."""
    ts = st.slack.post_as_user("C0INTAKE", user, "").ts
    st.driver.event({"type": "message", "subtype": "file_share", "user": user, "text": "", "ts": ts,
                     "channel": "C0INTAKE", "event_ts": ts, "channel_type": "channel", "upload": True,
                     "files": [{**file, "id": f"{file['id']}{ts.replace('.', '')}"}]})
    return ts


def test_a_file_alone_is_no_draft_and_its_sender_is_told_once_a_week(stack: LocalStack) -> None:
    """A PDF flyer alone in the intake channel: before, nothing happened, and an operator who
    expected a check waited for one that never came. It is still no draft (kessai reads written
    text, and most such files are reference documents), but the operator is told, privately and
    once a week in that channel, what is checked and how to send a draft."""
    st = stack
    ts = file_alone(st, "U0OPERATOR", PDF_FILE)
    said = wait_ephemeral(st, "U0OPERATOR", "kessai では確認していません")
    assert "/kessai draft" in said and "対応は不要" in said
    st.driver.retry_last_event(retry_num=1)  # Slack's retry
    file_alone(st, "U0OPERATOR", PDF_FILE)  # more reference documents that week: no more notes
    file_alone(st, "U0OPERATOR", {"id": "F0CONNECT", "file_access": "check_file_info", "mode": "file_access"})
    file_alone(st, "U0STRANGER", PDF_FILE)  # no operator: could not send a draft here anyway
    settle(st)
    assert drafts(st) == [] and all(dm(st, a) == [] for a in APPROVERS)
    assert [e.text for e in st.slack.ephemerals("U0OPERATOR")] == [said]
    assert st.slack.ephemerals("U0STRANGER") == []
    # Writing the post into the file's message, as the note says, makes it a draft.
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT)
    assert "紅葉ライトアップ" in all_text(wait_dm(st, "U0MANAGER")[0])
    (d,) = drafts(st)
    assert d.message_ts == ts


def test_a_message_with_its_text_only_in_its_blocks_is_a_draft(stack: LocalStack) -> None:
    """Some clients and apps posting for a person send the message's rich text blocks with an
    empty ``text``: before, such a draft was taken as empty and dropped without a word."""
    st = stack
    ts = st.slack.post_as_user("C0INTAKE", "U0OPERATOR", "", blocks=rich_text_blocks(CLEAN_DRAFT)).ts
    st.driver.event({"type": "message", "user": "U0OPERATOR", "text": "", "blocks": rich_text_blocks(CLEAN_DRAFT),
                     "ts": ts, "channel": "C0INTAKE", "event_ts": ts, "channel_type": "channel"})
    for a in APPROVERS:
        assert "紅葉ライトアップ" in all_text(wait_dm(st, a)[0])
    with st.rt.db.session() as s:
        assert [v.text for v in s.exec(select(DraftVersionRow))] == [CLEAN_DRAFT]


def posted_days_ago(st: LocalStack, days: float, text: str) -> str:
    """A message the operator posted ``days`` ago that never became a draft; returns its ts."""
    return st.slack.post_as_user("C0INTAKE", "U0OPERATOR", message_text(text), blocks=rich_text_blocks(text),
                                 ts=f"{time.time() - days * 86400:.6f}").ts


def test_a_change_today_of_an_old_message_edited_long_ago_is_not_routed(stack: LocalStack) -> None:
    """A memo posted 90 days ago and fixed a minute after it was posted; today a change comes for
    it that keeps that edit's ``edited.ts`` (a picture deleted, Slack's language detection). Its
    age was measured to that old edit, a minute: the memo went to the approvers as a new draft.
    The change is today's (the event's ``ts``), as for a memo never edited."""
    st = stack
    ts = posted_days_ago(st, 90, "来週の打合せは会議室Bです。")
    edited = f"{float(ts) + 60:.6f}"
    at = st.slack.next_ts()
    st.driver.event({
        "type": "message", "subtype": "message_changed", "hidden": True, "channel": "C0INTAKE",
        "ts": at, "event_ts": at, "channel_type": "channel",
        "message": {"type": "message", "user": "U0OPERATOR", "text": message_text("来週の打合せは会議室Bです。"),
                    "blocks": rich_text_blocks("来週の打合せは会議室Bです。"), "ts": ts,
                    "edited": {"user": "U0OPERATOR", "ts": edited}},
    })
    assert "7 日以上" in wait_ephemeral(st, "U0OPERATOR", "7 日以上")
    settle(st)
    assert drafts(st) == [] and all(dm(st, a) == [] for a in APPROVERS)


def test_an_edit_of_an_old_message_that_never_was_a_draft_is_not_routed(stack: LocalStack) -> None:
    """An operator fixes a typo in a message posted months ago (a memo from before the bot was
    invited): before, the edit sent it to the approvers as a new draft. Only a message posted
    within a week becomes a draft when edited; for an older one the operator is told, once."""
    st = stack
    ts = posted_days_ago(st, 90, "来週の打合せは会議室Bです。")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT)
    said = wait_ephemeral(st, "U0OPERATOR", "7 日以上")
    assert "決裁に回す" in said
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT + "よろしくお願いします。")
    settle(st)
    assert drafts(st) == [] and all(dm(st, a) == [] for a in APPROVERS)
    assert [e.text for e in st.slack.ephemerals("U0OPERATOR")] == [said]
    # What got no answer while Slack held events back (RATE_LIMITED_JA tells people to edit it),
    # even over a long weekend, is still checked when edited.
    held_back = posted_days_ago(st, 4, CLEAN_DRAFT)
    st.driver.message_changed("C0INTAKE", held_back, "U0OPERATOR", CLEAN_DRAFT.replace("紅葉", "雪灯籠"))
    assert "雪灯籠" in all_text(wait_dm(st, "U0MANAGER")[0])
    assert [d.message_ts for d in drafts(st)] == [held_back]


def test_a_question_to_the_bot_in_an_intake_channel_is_answered_not_routed(stack: LocalStack) -> None:
    """「@kessai 使い方を教えてください」 in an intake channel is a question to the bot: before, it
    became a draft and both approvers were asked to approve 「@U0KESSAIBOT 使い方を…」."""
    st = stack
    bot = st.slack.bot_user_id
    for text in (f"<@{bot}> 使い方を教えてください", f" <@{bot}|kessai> 決裁の状況は？"):
        ts = st.slack.post_as_user("C0INTAKE", "U0OPERATOR", text).ts
        st.driver.event({"type": "message", "user": "U0OPERATOR", "text": text, "ts": ts, "channel": "C0INTAKE",
                         "event_ts": ts, "channel_type": "channel"})
    said = wait_ephemeral(st, "U0OPERATOR", "下書きとしては受け付けていません")
    assert "/kessai help" in said
    st.driver.retry_last_event(retry_num=1)  # Slack's retry: no third answer
    # Editing the question makes no draft either.
    st.driver.event({"type": "message", "subtype": "message_changed", "channel": "C0INTAKE", "hidden": True,
                     "ts": "1800000000.000001", "event_ts": "1800000000.000001",
                     "message": {"type": "message", "user": "U0OPERATOR", "text": f"<@{bot}> 承認の仕方は？",
                                 "ts": ts, "edited": {"user": "U0OPERATOR", "ts": "1800000000.000001"}}})
    settle(st)
    assert drafts(st) == [] and dm(st, "U0MANAGER") == []
    assert [e.text for e in st.slack.ephemerals("U0OPERATOR")].count(said) == 2
    # A draft that mentions the bot further on, or mentions someone else first, is a draft as before.
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER", 1)
    text = f"<@U0MANAGER> {CLEAN_DRAFT}"
    ts = st.slack.post_as_user("C0INTAKE", "U0OPERATOR", text).ts
    st.driver.event({"type": "message", "user": "U0OPERATOR", "text": text, "ts": ts, "channel": "C0INTAKE",
                     "event_ts": ts, "channel_type": "channel"})
    settle(st)
    assert len(drafts(st)) == 2


def test_a_slash_command_slack_posted_as_a_message_is_explained_not_routed(stack: LocalStack) -> None:
    """「／kessai　ｈｅｌｐ」 typed with the Japanese input on (or 「 /kessai status」 after a space) is
    no command to Slack: it posts it as a message. Before, in an intake channel that message became
    a draft and both approvers were asked to approve 「／kessai　ｈｅｌｐ」."""
    st = stack
    for text in ("／kessai\u3000ｈｅｌｐ", " /kessai status", "／ＫＥＳＳＡＩ", "\u200b/Kessai help\n"):
        st.driver.message("C0INTAKE", "U0OPERATOR", text)
    said = wait_ephemeral(st, "U0OPERATOR", "コマンドとして実行されずに")
    assert "/kessai help" in said and "全角" in said
    st.driver.retry_last_event(retry_num=1)  # Slack's retry: no second answer to it
    # Someone who is no operator meant a command too: told how to run it, not that they are no operator.
    st.driver.message("C0INTAKE", "U0STRANGER", "／kessai help")
    wait_ephemeral(st, "U0STRANGER", "コマンドとして実行されずに")
    # Editing such a message makes no draft either.
    ts = st.driver.message("C0INTAKE", "U0OPERATOR2", "／kessai")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR2", "／kessai　status")
    settle(st)
    assert drafts(st) == [] and all(dm(st, a) == [] for a in APPROVERS)
    assert [e.text for e in st.slack.ephemerals("U0OPERATOR")].count(said) == 4
    assert [e.text for e in st.slack.ephemerals("U0OPERATOR2")].count(said) == 1
    # A post that only begins with a slash, or names kessai further on, is a draft as before.
    st.driver.message("C0INTAKE", "U0OPERATOR", "／ 本日の窓口 ／ " + CLEAN_DRAFT)
    st.driver.message("C0INTAKE", "U0OPERATOR", "/kessaiの使い方説明会を開きます。" + CLEAN_DRAFT)
    settle(st)
    assert len(drafts(st)) == 2


def test_two_edits_in_one_second_as_slack_times_them_keep_the_second(stack: LocalStack) -> None:
    """Slack gives an edit's ``edited.ts`` in whole seconds and its event's ``ts`` with
    microseconds: two edits made within one second carry the same ``edited.ts``. Ordered by it,
    the second edit would be taken for a retry of the first and dropped, and the approvers asked
    about the text as first fixed. Ordered by the event's ``ts``, the second is the draft; the
    first, retried late, changes nothing."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, APPROVERS[0])
    second = int(float(ts)) + 5
    first_fix, second_fix = CLEAN_DRAFT.replace("紅葉", "雪灯籠"), CLEAN_DRAFT.replace("紅葉", "桜")

    def edit(text: str, at: str) -> JsonDict:
        return {"type": "message", "subtype": "message_changed", "hidden": True, "channel": "C0INTAKE",
                "ts": at, "event_ts": at, "channel_type": "channel",
                "message": {"type": "message", "user": "U0OPERATOR", "text": message_text(text),
                            "blocks": rich_text_blocks(text), "ts": ts, "team": st.slack.team_id,
                            "edited": {"user": "U0OPERATOR", "ts": f"{second}.000000"}}}

    st.driver.event(edit(first_fix, f"{second}.120000"), event_id="Ev0FIX1")
    st.driver.event(edit(second_fix, f"{second}.870000"), event_id="Ev0FIX2")
    st.driver.event(edit(first_fix, f"{second}.120000"), event_id="Ev0FIX1", retry_num=1)
    settle(st)
    (d,) = drafts(st)
    assert [v.text for v in versions(st)][-1] == second_fix and d.current_version == len(versions(st))
