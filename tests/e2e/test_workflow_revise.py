"""「修正する」: the author of a /kessai draft draft corrects it in the same form (its message is
the bot's, so it cannot be edited in Slack); the correction is the next version of the same draft."""

from __future__ import annotations

from datetime import time

from sqlmodel import select

from bot.localstack import LocalStack
from storage import ledger as ledger_repo
from storage.models import DraftVersionRow
from tests.e2e.conftest import APPROVERS, all_text, buttons, drafts, settle, wait_dm, wait_ephemeral
from tests.e2e.test_workflow_drafting import TOMORROW, root_message, submit_draft, wait_root_thread

PHONE = "災害ボランティアの受付は、現地責任者の携帯 090-1234-5678 までお電話ください。"
FIXED = "災害ボランティアの受付は、広報対話課 025-526-5111 までお電話ください。"


def version_rows(st: LocalStack) -> list[DraftVersionRow]:
    with st.rt.db.session() as s:
        return list(s.exec(select(DraftVersionRow).order_by(DraftVersionRow.number)))  # type: ignore[arg-type]


def open_revision(st: LocalStack, user: str, message_ts: str) -> None:
    st.driver.block_action(user, "revise_draft", channel="C0INTAKE", message_ts=message_ts)


def test_a_modal_draft_with_errors_is_corrected_with_the_revise_button(stack: LocalStack) -> None:
    st = stack
    submit_draft(st, text=PHONE, images="1", alt_texts="受付テントの様子", note="至急です")
    root = root_message(st, "090-1234-5678")
    check = next(m for m in wait_root_thread(st, root, "pii.phone") if "revise_draft" in buttons(m))
    assert set(buttons(check)) == {"revise_draft", "override_draft"}
    assert "「修正する」" in all_text(check) and "編集して" not in all_text(check)

    open_revision(st, "U0OPERATOR", check.ts)
    form = st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "revise_draft_form"), timeout=30)
    shown = str(form.view)
    # The form comes filled in with version 1, so only the mistake needs retyping.
    for kept in (PHONE, "受付テントの様子", "至急です", TOMORROW.isoformat(), "10:00", "第1版を修正"):
        assert kept in shown, kept
    reply = st.driver.view_submission("U0OPERATOR", "revise_draft_form", {"text": FIXED})
    assert reply.status == 200 and reply.json() is None

    for a in APPROVERS:
        request = wait_dm(st, a)[0]
        assert "第2版" in all_text(request) and "025-526-5111" in all_text(request)
    (d,) = drafts(st)
    assert (d.state, d.current_version, d.source) == ("pending", 2, "modal")
    v1, v2 = version_rows(st)
    assert v2.text == FIXED and v2.alt_texts == ["受付テントの様子"] and v2.note == "至急です"
    assert v2.scheduled_at == v1.scheduled_at and v2.content_hash != v1.content_hash
    # The bot's message in the channel now shows the corrected text.
    st.slack.wait_for(lambda: "025-526-5111" in all_text(root_message(st)), timeout=30, message="root updated")
    assert "090-1234-5678" not in all_text(root_message(st))


def test_the_fixed_text_posted_in_a_modal_drafts_thread_points_to_the_revise_button(sqlite_stack: LocalStack) -> None:
    """The thread of a /kessai draft draft hangs off the bot's own post, which nobody can edit: the
    author who posts the fixed text there is pointed to 「修正する」 instead."""
    st = sqlite_stack
    submit_draft(st, text=PHONE)
    root = root_message(st, "090-1234-5678")
    wait_root_thread(st, root, "pii.phone")
    st.driver.message("C0INTAKE", "U0OPERATOR", FIXED, thread_ts=root.ts)
    hint = wait_ephemeral(st, "U0OPERATOR", "新しい版にはなりません")
    assert "「修正する」" in hint and "編集" not in hint
    settle(st)
    assert [v.text for v in version_rows(st)] == [PHONE]


def test_a_rejected_modal_draft_is_revised_and_sent_again(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    submit_draft(st)
    root = root_message(st)
    request = wait_dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "reject_draft", channel=request.channel, message_ts=request.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0MANAGER", "reject_reason"), timeout=30)
    st.driver.view_submission("U0MANAGER", "reject_reason", {"reason_text": "日時を確認してください。"})
    notice = next(m for m in wait_root_thread(st, root, "差し戻されました") if "差し戻されました" in m.text)
    assert "revise_draft" in buttons(notice)

    open_revision(st, "U0OPERATOR", notice.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "revise_draft_form"), timeout=30)
    assert st.driver.view_submission("U0OPERATOR", "revise_draft_form", {"time": time(14, 0)}).json() is None
    st.slack.wait_for(lambda: len([m for m in st.slack.messages(st.slack.dm_channel("U0MANAGER"))
                                   if "第2版" in all_text(m)]) == 1, timeout=30, message="request for v2")
    (d,) = drafts(st)
    assert (d.state, d.current_version) == ("pending", 2)
    with st.rt.db.session() as s:
        assert [e.kind for e in ledger_repo.iter_entries(s)] == ["rejected"]


def test_revision_refusals(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    submit_draft(st, text=PHONE)
    root = root_message(st, "090-1234-5678")
    check = next(m for m in wait_root_thread(st, root, "pii.phone") if "revise_draft" in buttons(m))

    # Someone else (another operator of the account) may not rewrite the author's draft.
    open_revision(st, "U0OPERATOR2", check.ts)
    wait_ephemeral(st, "U0OPERATOR2", "作成者だけ")
    # A forged submission with another user is refused in the form, and changes nothing.
    open_revision(st, "U0OPERATOR", check.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "revise_draft_form"), timeout=30)
    forged = st.driver.view_submission("U0OPERATOR2", "revise_draft_form", {"text": FIXED},
                                       private_metadata="1:1").json()
    assert forged["response_action"] == "errors" and "作成者だけ" in forged["errors"]["text"]
    # Garbage or another draft's id in the metadata.
    for metadata in ("x", "99:1", "1:" + "9" * 40):
        answer = st.driver.view_submission("U0OPERATOR", "revise_draft_form", {"text": FIXED},
                                           private_metadata=metadata).json()
        assert answer["response_action"] == "errors", metadata
    # The form's own validation still applies.
    empty = st.driver.view_submission("U0OPERATOR", "revise_draft_form", {"text": "  "}).json()
    assert "文面を入力" in empty["errors"]["text"]
    settle(st)
    assert [v.number for v in version_rows(st)] == [1]

    # A correction submitted twice (a double tap) makes one new version; the second is stale.
    assert st.driver.view_submission("U0OPERATOR", "revise_draft_form", {"text": FIXED}).json() is None
    stale = st.driver.view_submission("U0OPERATOR", "revise_draft_form", {"text": FIXED}, private_metadata="1:1").json()
    assert "古い版" in stale["errors"]["text"]
    wait_dm(st, "U0MANAGER")
    # The old check result's button is stale too.
    open_revision(st, "U0OPERATOR", check.ts)
    wait_ephemeral(st, "U0OPERATOR", "古い版")
    settle(st)
    assert [v.number for v in version_rows(st)] == [1, 2]


def test_a_pasted_draft_is_corrected_by_editing_its_message(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", PHONE)
    settle(st)
    check = next(m for m in st.slack.messages("C0INTAKE", thread_ts=ts) if "override_draft" in buttons(m))
    assert "revise_draft" not in buttons(check) and "元のメッセージを編集" in all_text(check)
    # A forged revise click on it is refused with what to do instead.
    st.driver.block_action("U0OPERATOR", "revise_draft", "1:1", channel="C0INTAKE", message_ts=check.ts)
    wait_ephemeral(st, "U0OPERATOR", "元のメッセージを編集")


def test_app_home_offers_each_draft_its_next_step(sqlite_stack: LocalStack) -> None:
    """On Home the author finds 「修正する」 on a bot-posted draft with errors and 「投稿済みにする」
    on an approved one; a pasted draft with errors has no button (its message is edited)."""
    st = sqlite_stack
    submit_draft(st, text=PHONE)
    root_message(st, "090-1234-5678")
    st.driver.message("C0INTAKE", "U0OPERATOR", "市民プールは点検のため臨時休館します。問い合わせは 090-1234-5678 まで。")
    st.driver.message("C0INTAKE", "U0OPERATOR", "図書館で子ども向けのおはなし会を開きます。どなたでも参加できます。")
    request = st.slack.wait_for(lambda: next((m for m in st.slack.messages(st.slack.dm_channel("U0MANAGER"))
                                              if "おはなし会" in all_text(m)), None), timeout=30)
    st.driver.block_action("U0MANAGER", "approve_draft", channel=request.channel, message_ts=request.ts)
    settle(st)
    st.driver.app_home_opened("U0OPERATOR")
    st.slack.wait_for(lambda: "承認済み" in str(st.slack.home("U0OPERATOR")), timeout=30, message="home")
    home = st.slack.home_view("U0OPERATOR")
    assert home is not None
    accessories = [(b["accessory"]["action_id"], b["accessory"]["value"], b["text"]["text"])
                   for b in home.view["blocks"] if b.get("accessory")]
    by_action = {a: (v, text) for a, v, text in accessories}
    assert sorted(a for a, _, _ in accessories) == ["mark_published", "revise_draft"]  # none on the pasted one
    assert "090-1234-5678" in by_action["revise_draft"][1] and "おはなし会" in by_action["mark_published"][1]

    st.driver.block_action("U0OPERATOR", "revise_draft", view=home)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "revise_draft_form"), timeout=30,
                      message="the revision form opened from Home")
    assert st.driver.view_submission("U0OPERATOR", "revise_draft_form", {"text": FIXED}).json() is None
    st.slack.wait_for(lambda: any("025-526-5111" in all_text(m)
                                  for m in st.slack.messages(st.slack.dm_channel("U0MANAGER"))), timeout=30)
    st.driver.block_action("U0OPERATOR", "mark_published", view=home)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "publish_post"), timeout=30,
                      message="the publication form opened from Home")


def test_a_revise_button_sent_for_other_content_opens_nothing(sqlite_stack: LocalStack) -> None:
    """After a restore from a backup, 「修正する」 from before it names the same draft number as a
    new, different draft: it must not open that draft's form (or take a correction of it)."""
    st = sqlite_stack
    submit_draft(st, text=PHONE)
    root = root_message(st, "090-1234-5678")
    check = next(m for m in wait_root_thread(st, root, "pii.phone") if "revise_draft" in buttons(m))
    value = buttons(check)["revise_draft"]
    assert value.count(":") == 2
    open_revision(st, "U0OPERATOR", check.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "revise_draft_form"), timeout=30)
    with st.rt.db.session() as s:  # what a restore leaves behind: the same number, other content
        for v in s.exec(select(DraftVersionRow)):
            v.text, v.content_hash = "12月19日（土）に体育館を閉館します。", "f" * 64
            s.add(v)
        s.commit()
    reply = st.driver.view_submission("U0OPERATOR", "revise_draft_form", {"text": FIXED})
    assert "別の内容" in str(reply.json())
    opened = len(st.slack.calls_of("views.open"))
    st.driver.block_action("U0OPERATOR", "revise_draft", value, channel="C0INTAKE", message_ts=check.ts)
    wait_ephemeral(st, "U0OPERATOR", "別の内容")
    settle(st)
    assert [v.number for v in version_rows(st)] == [1] and len(st.slack.calls_of("views.open")) == opened
