"""Files posted with a draft (a PDF flyer, a map, photos): the approver is told which files go with
the post and can open them, and the 決裁 binds them: a file swapped after the 承認 is a new version."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import update
from sqlmodel import select

from bot.ledger import verify_with_versions
from bot.localstack import LocalStack
from storage import ledger as ledger_repo
from storage.models import DraftVersionRow
from tests.e2e.conftest import (
    APPROVERS,
    CLEAN_DRAFT,
    all_text,
    buttons,
    dm,
    drafts,
    settle,
    thread,
    wait_dm,
    wait_ephemeral,
    wait_thread,
)

UNCHECKED = "kessai は添付ファイルの中身を確認していません"


def versions(st: LocalStack) -> list[DraftVersionRow]:
    with st.rt.db.session() as s:
        return list(s.exec(select(DraftVersionRow).order_by(DraftVersionRow.number)))  # type: ignore[arg-type]


def ledger_kinds(st: LocalStack) -> list[tuple[str, int]]:
    with st.rt.db.session() as s:
        return [(e.kind, e.version_number) for e in ledger_repo.iter_entries(s)]


def ledger_verifies(st: LocalStack) -> bool:
    """What `kessai ledger verify` computes: the chain, and each decided version's content."""
    with st.rt.db.session() as s:
        return verify_with_versions(ledger_repo.iter_entries_with_versions(s, st.rt.kessai.tz),
                                    ledger_repo.head(s)).ok


def flyer(st: LocalStack, file_id: str = "F0FLYER1", name: str = "チラシ.pdf", size: int = 1_258_291) -> dict[str, Any]:
    return st.driver.file(file_id, name, "U0OPERATOR", size=size)


def link(st: LocalStack, file_id: str, name: str) -> str:
    return f"<https://{st.slack.team_id.lower()}.slack.com/files/U0OPERATOR/{file_id}/{name}|{name}>"


def status(st: LocalStack, ts: str, contains: str) -> str:
    found = wait_thread(st, "C0INTAKE", ts, lambda ms: any(contains in all_text(m) for m in ms))
    return all_text(next(m for m in found if contains in all_text(m)))


@pytest.mark.parametrize(("images", "pdf", "listed"), [
    (["高田城三重櫓のライトアップ"], False, ["photo1.jpg（画像・512 KB）"]),
    (["高田城三重櫓", "", "堀の桜"], False, ["photo1.jpg", "photo2.jpg", "photo3.jpg"]),
    (None, True, ["チラシ.pdf（PDF・1.2 MB）"]),
    (["会場の地図"], True, ["photo1.jpg（画像・512 KB）", "チラシ.pdf（PDF・1.2 MB）"]),
])
def test_the_approver_and_the_thread_are_told_of_every_attached_file(
        sqlite_stack: LocalStack, images: list[str] | None, pdf: bool, listed: list[str]) -> None:
    st = sqlite_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, images=images, files=[flyer(st)] if pdf else None)
    for a in APPROVERS:
        wait_dm(st, a)
    request = all_text(dm(st, "U0MANAGER")[0])
    assert f"*添付ファイル:* {len(listed)}件 — {UNCHECKED}" in request
    for i, name in enumerate(listed, 1):
        assert f"　{i}. <https://" in request and name.split("（")[0] + ">" in request and name in request.replace(">", "")
    if pdf:
        assert link(st, "F0FLYER1", "チラシ.pdf") in request  # opens the PDF in Slack, on a phone too
    pending = status(st, ts, "決裁待ち")
    assert f"添付ファイル:* {len(listed)}件" in pending and UNCHECKED in pending
    # Pictures count for the picture rules as the form's do (a11y.image_alt, portrait.consent);
    # a PDF alone does not.
    check = status(st, ts, "第1版")
    assert ("a11y.image_alt" in check) == ("" in (images or ["x"]))
    assert ("portrait.consent" in check) == bool(images)


def test_a_file_swapped_after_the_approval_voids_it_and_the_ledger_binds_which_file(stack: LocalStack) -> None:
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, files=[flyer(st)])
    for a in APPROVERS:
        wait_dm(st, a)
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: ledger_kinds(st) == [("approved", 1)], timeout=30, message="approval")
    approved = status(st, ts, "承認しました")
    assert "この文面とファイルでSNSへの投稿をお願いします" in approved and link(st, "F0FLYER1", "チラシ.pdf") in approved
    # The same text and file again (a link's unfurl): nothing changes.
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT, files=[flyer(st)])
    # The flyer replaced by another file of the same name, text untouched: a new version.
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT, files=[flyer(st, "F0FLYER2", size=2_000_000)])
    st.slack.wait_for(lambda: ledger_kinds(st) == [("approved", 1), ("void", 1)], timeout=30, message="void")
    for a in APPROVERS:
        wait_dm(st, a, 2)
    settle(st)
    v1, v2 = versions(st)
    assert v1.content_hash != v2.content_hash
    assert [f["id"] for f in v2.files or []] == ["F0FLYER2"]
    assert "2件" not in all_text(dm(st, "U0MANAGER")[-1]) and "1.9 MB" in all_text(dm(st, "U0MANAGER")[-1])
    assert [d.state for d in drafts(st)] == ["pending"]
    # The file removed: one more version, whose request lists no file.
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT)
    st.slack.wait_for(lambda: len(versions(st)) == 3, timeout=30, message="third version")
    for a in APPROVERS:
        wait_dm(st, a, 3)
    assert "添付ファイル" not in all_text(dm(st, "U0MANAGER")[-1])
    last = dm(st, "U0MANAGER")[-1]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=last.channel, message_ts=last.ts)
    st.slack.wait_for(lambda: ("approved", 3) in ledger_kinds(st), timeout=30, message="second approval")
    assert ledger_verifies(st)
    # Swapping the file in the database after the 承認 is caught by `kessai ledger verify`.
    with st.rt.db.session() as s:
        s.execute(update(DraftVersionRow).where(DraftVersionRow.number == 1)  # type: ignore[arg-type]
                  .values(files=[{**(v1.files or [])[0], "id": "F0OTHER"}]))
        s.commit()
    assert not ledger_verifies(st)


def test_a_draft_recorded_before_files_were_keeps_its_approval_and_verifies(stack: LocalStack) -> None:
    """A version written before files were recorded has NULL, not []: its hash is unchanged, and a
    message_changed with the same text (an unfurl arriving after the upgrade) does not take the
    message's files for files added and void its 承認. An edit of the text records them."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: ledger_kinds(st) == [("approved", 1)], timeout=30, message="approval")
    settle(st)
    with st.rt.db.session() as s:
        s.execute(update(DraftVersionRow).values(files=None))
        s.commit()
    assert versions(st)[0].files is None and ledger_verifies(st)
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT, files=[flyer(st)])
    settle(st)
    assert len(versions(st)) == 1 and ledger_kinds(st) == [("approved", 1)]
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT + "（雨天決行）", files=[flyer(st)])
    st.slack.wait_for(lambda: len(versions(st)) == 2, timeout=30, message="second version")
    assert [f["name"] for f in versions(st)[1].files or []] == ["チラシ.pdf"]
    settle(st)
    assert ledger_kinds(st) == [("approved", 1), ("void", 1)] and ledger_verifies(st)


def test_a_file_name_cannot_ping_or_forge_a_link(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    evil = {**flyer(st), "name": "<!channel> <https://evil.example|公式>.pdf",
            "permalink": "https://evil.example/x|<!here>"}
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, files=[evil])
    request = all_text(wait_dm(st, "U0MANAGER")[0])
    assert "&lt;!channel&gt; &lt;https://evil.example|公式&gt;.pdf（PDF・1.2 MB）" in request
    assert "<!" not in request and "<https://evil" not in request
    assert buttons(dm(st, "U0MANAGER")[0])
    assert "<!" not in "".join(all_text(m) for m in thread(st, "C0INTAKE", ts))


@pytest.mark.parametrize("comment", ["", "写真はこちらです。"])
def test_a_picture_posted_in_the_drafts_thread_is_said_not_to_go_with_the_draft(stack: LocalStack,
                                                                                 comment: str) -> None:
    """The author posts the draft, then adds its photo in the thread: the approver never sees it and
    no 肖像権 or alt-text check runs, so the author is told, privately, how to send it with the draft."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    st.driver.message("C0INTAKE", "U0OPERATOR", comment, thread_ts=ts, images=["会場の様子"])
    note = wait_ephemeral(st, "U0OPERATOR", "スレッドに添付")
    assert "決裁者には届いていません" in note and "削除" in note
    settle(st)
    assert [d.current_version for d in drafts(st)] == [1]
    # Someone else's picture in the thread is conversation (an approver showing what they mean).
    st.driver.message("C0INTAKE", "U0MANAGER", "", thread_ts=ts, images=["参考"])
    settle(st)
    assert not any("スレッドに添付" in e.text for e in st.slack.ephemerals("U0MANAGER"))
    assert sum("スレッドに添付" in e.text for e in st.slack.ephemerals("U0OPERATOR")) == 1


def test_a_picture_in_the_thread_of_an_approved_draft_is_not_answered(stack: LocalStack) -> None:
    """Once approved, the author's picture in the thread is mostly the post as published: told it
    「決裁者には届いていません」 and to delete the message, they would withdraw the approved draft."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: [d.state for d in drafts(st)] == ["approved"], timeout=30)
    st.driver.message("C0INTAKE", "U0OPERATOR", "投稿しました。", thread_ts=ts, images=["投稿のスクリーンショット"])
    settle(st)
    assert not any("スレッドに添付" in e.text for e in st.slack.ephemerals("U0OPERATOR"))
    assert [d.state for d in drafts(st)] == ["approved"]


LONG_DRAFT = ("【市長ブログ】高田城址公園の観桜会について。今年も多くの皆さまにお越しいただき、ありがとうございました。\n" * 120)
SNIPPET_NOTE = "テキストスニペット（長い文章を Slack がファイルの形にしたもの）の中身は kessai では読めない"


@pytest.mark.parametrize("comment, with_id", [("", True), ("市長ブログの下書きです。確認をお願いします。", True),
                                              ("市長ブログの下書きです。確認をお願いします。", False)])
def test_a_draft_sent_as_a_text_snippet_is_refused_with_the_way_to_send_it_every_time(
        sqlite_stack: LocalStack, comment: str, with_id: bool) -> None:
    """A long text sent as a snippet: its text is not in the event (a preview of its first lines
    only) and kessai cannot read it. Alone it was taken for a PDF shared for reference (a note
    about 「PDF など」 once a week, then nothing); with a comment the comment was routed as the
    draft, the approver asked to approve a text nobody had checked. A snippet described without its
    id (which kessai never uses: the text is unread either way) is the same snippet: its comment was
    routed as the draft."""
    st = sqlite_stack
    for n in (1, 2):
        snippet = st.driver.snippet(f"F0SNIP{n}", LONG_DRAFT, "U0OPERATOR", title="市長ブログ")
        if not with_id:
            del snippet["id"]
        ts = st.driver.message("C0INTAKE", "U0OPERATOR", comment, files=[snippet])
        st.slack.wait_for(lambda n=n: sum(SNIPPET_NOTE in e.text for e in st.slack.ephemerals("U0OPERATOR")) == n,
                          timeout=30, message=f"the refusal of snippet {n}")
        if comment:
            # Its comment edited: still no draft of it.
            st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", comment + "（差し替え）", files=[snippet])
    settle(st)
    note = next(e.text for e in st.slack.ephemerals("U0OPERATOR") if SNIPPET_NOTE in e.text)
    assert "ふつうのメッセージとして" in note and "PDF" not in note
    assert drafts(st) == [] and dm(st, "U0MANAGER") == []
    assert not any("本文がありません" in e.text or "content.empty" in e.text for e in st.slack.ephemerals("U0OPERATOR"))
    # The same text pasted as a message is a draft, whole.
    st.driver.message("C0INTAKE", "U0OPERATOR", LONG_DRAFT.strip())
    st.slack.wait_for(lambda: versions(st), timeout=30, message="the draft")
    assert [v.text for v in versions(st)] == [LONG_DRAFT.strip()]


@pytest.mark.parametrize("comment", ["", "修正版です。"])
def test_a_draft_written_again_as_a_snippet_in_its_thread_is_said_not_to_be_read(sqlite_stack: LocalStack,
                                                                                  comment: str) -> None:
    """Told to fix the draft, its author sends the fixed long text as a snippet in the thread: with no
    comment the reply was not even looked at, with one it was conversation, and they waited for a check
    of a text kessai cannot read. Told, privately, to edit the original message; the draft is unchanged."""
    st = sqlite_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    st.driver.message("C0INTAKE", "U0OPERATOR", comment, thread_ts=ts,
                      files=[st.driver.snippet("F0SNIPT", LONG_DRAFT, "U0OPERATOR", title="修正版")])
    note = wait_ephemeral(st, "U0OPERATOR", "スレッドに送ったテキストスニペット")
    assert "元のメッセージ" in note and "編集" in note
    # Someone else's snippet in the thread is conversation (an approver sharing a reference text).
    st.driver.message("C0INTAKE", "U0MANAGER", "", thread_ts=ts,
                      files=[st.driver.snippet("F0SNIPM", LONG_DRAFT, "U0MANAGER")])
    settle(st)
    assert not any("スニペット" in e.text for e in st.slack.ephemerals("U0MANAGER"))
    assert [d.current_version for d in drafts(st)] == [1]
    assert sum("スレッドに送ったテキストスニペット" in e.text for e in st.slack.ephemerals("U0OPERATOR")) == 1
