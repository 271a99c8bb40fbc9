"""/kessai draft, the 「決裁に回す」 shortcut, and the account choice in a shared intake channel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot import render
from bot.app import shifted_clock
from bot.config import OrgConfig, parse_org_config
from bot.localstack import LocalStack, start_local_stack
from bot.sandbox.records import Message
from storage.models import DraftVersionRow
from tests.conftest import DEMO_TOML, database_url
from tests.e2e.conftest import (
    APPROVERS,
    BUSINESS_MORNING,
    CLEAN_DRAFT,
    all_text,
    buttons,
    dm,
    draft_shown,
    drafts,
    settle,
    thread,
    wait_dm,
    wait_ephemeral,
)

TOMORROW = date(2026, 11, 25)


def versions(st: LocalStack) -> list[DraftVersionRow]:
    with st.rt.db.session() as s:
        return list(s.exec(select(DraftVersionRow).order_by(DraftVersionRow.id)))  # type: ignore[arg-type]


def open_draft_modal(st: LocalStack, user: str = "U0OPERATOR") -> None:
    reply = st.driver.slash_command(user, "/kessai", "draft")
    assert reply.status == 200
    st.slack.wait_for(lambda: st.slack.latest_view(user, "submit_draft"), timeout=30, message="draft modal")


def submit_draft(st: LocalStack, user: str = "U0OPERATOR", **values: Any) -> Any:
    """Open /kessai draft and submit it; ``values`` by action id (defaults: a clean draft for tomorrow)."""
    open_draft_modal(st, user)
    filled: dict[str, Any] = {"account": "joetsu-x", "text": CLEAN_DRAFT, "date": TOMORROW, "time": time(10, 0)}
    filled.update(values)
    return st.driver.view_submission(user, "submit_draft", {k: v for k, v in filled.items() if v is not ...})


def root_message(st: LocalStack, contains: str = "") -> Message:
    """The bot's message in the intake channel for a modal draft (its thread is the draft's thread)."""
    def found() -> Message | None:
        for m in st.slack.messages("C0INTAKE"):
            if m.bot_id and m.thread_ts in (None, m.ts) and "下書きを提出しました" in m.text and contains in all_text(m):
                return m
        return None

    return st.slack.wait_for(found, timeout=30, message="the draft's root message")


def wait_root_thread(st: LocalStack, root: Message, contains: str) -> list[Message]:
    return st.slack.wait_for(
        lambda: (ms := thread(st, "C0INTAKE", root.ts)) and any(contains in all_text(m) for m in ms) and ms,
        timeout=30, message=f"thread reply containing {contains}")


def test_modal_draft_is_posted_to_the_intake_channel_and_routed_with_its_fields(stack: LocalStack) -> None:
    st = stack
    reply = submit_draft(st, images="1", alt_texts="紅葉に照らされた高田城三重櫓", consent=["yes"],
                         note="写真は広報課撮影です。<!channel>")
    assert reply.status == 200 and reply.json() is None
    root = root_message(st, "紅葉ライトアップ")
    # The findings reply and the status line are separate messages delivered in parallel.
    wait_root_thread(st, root, "指摘はありません")
    wait_root_thread(st, root, "決裁待ち")
    wait_root_thread(st, root, "2026年11月25日（水）10:00")  # the status shows the schedule
    for a in APPROVERS:
        msg = wait_dm(st, a)[0]
        text = all_text(msg)
        assert "2026年11月25日（水）10:00" in text and "紅葉に照らされた高田城三重櫓" in text
        # The note as written, in plain text (where Slack pings nobody), under its mrkdwn label.
        plain = [b["text"] for b in msg.blocks if b["type"] == "section" and b["text"]["type"] == "plain_text"]
        assert {"type": "plain_text", "text": "｜写真は広報課撮影です。<!channel>", "emoji": False} in plain
        assert "\n*決裁者へのメモ:*" in text and "&lt;!channel&gt;" not in text
        assert set(buttons(msg)) == {"approve_draft", "reject_draft"}
    (d,) = drafts(st)
    assert (d.source, d.state, d.account_id) == ("modal", "pending", "joetsu-x")
    (v,) = versions(st)
    assert v.image_count == 1 and v.portrait_consent and v.alt_texts == ["紅葉に照らされた高田城三重櫓"]
    assert v.scheduled_at is not None and v.scheduled_at.astimezone(BUSINESS_MORNING.tzinfo).hour == 10


@pytest.mark.parametrize(("values", "block", "expected"), [
    ({"text": "   "}, "text", "文面を入力"),
    ({"date": date(2026, 11, 20)}, "date", "過去"),
    ({"time": None}, "time", "投稿予定時刻も"),
    ({"images": "2", "alt_texts": "一枚目の説明"}, "alt_texts", "2行"),
    ({"images": "0", "alt_texts": "説明"}, "alt_texts", "空欄"),
    ({"account": "joetsu-insta"}, "account", "運用担当者として登録されていない"),
    ({"images": "99"}, "images", "0〜10枚"),
])
def test_modal_validation_errors_are_shown_in_the_modal(sqlite_stack: LocalStack, values: dict[str, Any],
                                                        block: str, expected: str) -> None:
    st = sqlite_stack
    reply = submit_draft(st, **values)
    answer = reply.json()
    assert answer["response_action"] == "errors"
    assert expected in answer["errors"][block]
    assert answer["errors"][block].endswith("。")  # a whole, polite sentence
    settle(st)
    assert drafts(st) == []


def test_someone_who_operates_no_account_cannot_open_the_modal(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    reply = st.driver.slash_command("U0STRANGER", "/kessai", "draft")
    assert "運用担当者としても登録されていない" in reply.json()["text"]
    assert st.slack.calls_of("views.open") == []


def test_shortcut_prefills_the_modal_with_the_message_text(stack: LocalStack) -> None:
    st = stack
    ts = st.slack.post_as_user("C0GENERAL", "U0OPERATOR", "高田城址公園の観桜会は4月1日からです。").ts
    st.driver.message_shortcut("U0OPERATOR", "submit_as_draft", "C0GENERAL", ts)
    view = st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "submit_draft"), timeout=30)
    blocks = {b.get("block_id"): b for b in view.view["blocks"]}
    assert blocks["text"]["element"]["initial_value"] == "高田城址公園の観桜会は4月1日からです。"
    assert blocks["account"]["element"]["initial_option"]["value"] == "joetsu-x"  # the only account operated
    reply = st.driver.view_submission("U0OPERATOR", "submit_draft", {"date": TOMORROW, "time": time(9, 30)})
    assert reply.json() is None
    root = root_message(st, "観桜会")
    assert "決裁に回す" in root.text
    wait_dm(st, "U0MANAGER")
    assert [d.source for d in drafts(st)] == ["shortcut"]


def test_shortcut_keeps_the_custom_emoji_of_the_message_for_the_checks(stack: LocalStack) -> None:
    """「決裁に回す」 on a message holding 「:お知らせ:」 (the workspace's own emoji): the form's text
    has the letters, which X would show, and only the message's blocks said they were an emoji.
    Pasted into the intake channel it was pointed out; through the shortcut it was not."""
    st = stack
    text = CLEAN_DRAFT + ":お知らせ:\n問合せ:観光振興課:025-526-5111"
    ts = st.slack.post_as_user("C0GENERAL", "U0OPERATOR", text).ts
    # With the text: the message as Slack sends it, its blocks holding the emoji element.
    st.driver.message_shortcut("U0OPERATOR", "submit_as_draft", "C0GENERAL", ts, text=text)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "submit_draft"), timeout=30)
    st.driver.view_submission("U0OPERATOR", "submit_draft", {"date": TOMORROW, "time": time(9, 30)})
    root = root_message(st, "観光振興課")
    found = "\n".join(all_text(m) for m in wait_root_thread(st, root, "Slack の絵文字の書き方"))
    assert "「`:お知らせ:`」は Slack の絵文字の書き方" in found and ":観光振興課:`」" not in found, found
    assert [v.custom_emoji for v in versions(st)] == [["お知らせ"]]


def test_shortcut_on_a_message_that_already_is_a_draft_is_refused_with_the_way_to_fix_it(stack: LocalStack) -> None:
    """「決裁に回す」 on a pasted draft made a second draft of the same message, held up as a
    duplicate of the first (spam.duplicate) with 「理由を付けて決裁依頼」 offered: the approvers
    could be asked twice about one post. The same on the bot's post of a form draft."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    submit_draft(st, text="高田城址公園の観桜会は4月1日からです。")
    root = root_message(st, "観桜会")
    wait_dm(st, "U0MANAGER", 2)
    settle(st)
    st.driver.message_shortcut("U0OPERATOR2", "submit_as_draft", "C0INTAKE", ts)  # another operator, too
    assert wait_ephemeral(st, "U0OPERATOR2", "決裁に回す") == (
        "このメッセージは、すでに 高田 太郎 さんの下書き（上越市公式X、第1版、決裁待ち）として受け付けています。"
        "同じ文面が二重に決裁に回らないよう、「決裁に回す」は使えません。"
        "内容を直すときは、元のメッセージを編集してください。")
    st.driver.message_shortcut("U0OPERATOR", "submit_as_draft", "C0INTAKE", root.ts)
    assert "スレッドの「修正する」から出し直してください" in wait_ephemeral(st, "U0OPERATOR", "決裁に回す")
    settle(st)
    assert st.slack.calls_of("views.open") == [st.slack.calls_of("views.open")[0]]  # only /kessai draft's
    assert [(d.source, d.state) for d in drafts(st)] == [("channel", "pending"), ("modal", "pending")]


def test_shortcut_by_a_non_operator_is_refused_politely(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    ts = st.slack.post_as_user("C0GENERAL", "U0STRANGER", "こんにちは").ts
    st.driver.message_shortcut("U0STRANGER", "submit_as_draft", "C0GENERAL", ts)
    assert "ご相談ください" in wait_ephemeral(st, "U0STRANGER", "運用担当者")
    assert st.slack.calls_of("views.open") == []


def test_findings_of_a_modal_draft_go_to_its_thread(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    submit_draft(st, text="お問い合わせは担当の携帯 090-1234-5678 まで")
    root = root_message(st, "090-1234-5678")
    replies = wait_root_thread(st, root, "pii.phone")
    assert any("override_draft" in buttons(m) for m in replies)
    settle(st)
    assert dm(st, "U0MANAGER") == []


# -- several accounts in one intake channel ---------------------------------------------------
@pytest.fixture
def shared_org() -> OrgConfig:
    # The Instagram account takes its drafts in the X account's channel; 直江津 operates both.
    text = DEMO_TOML.read_text(encoding="utf-8").replace('intake_channel = "C0INSTA"', 'intake_channel = "C0INTAKE"')
    return parse_org_config(text, "shared.toml")


@pytest.fixture(params=["sqlite", "postgres"])
def shared_stack(request: pytest.FixtureRequest, tmp_path: Path, shared_org: OrgConfig) -> Iterator[LocalStack]:
    st = start_local_stack(shared_org, database_url(request.param, tmp_path), clock=shifted_clock(BUSINESS_MORNING))
    yield st
    st.stop()


def test_shared_channel_asks_which_account_then_checks_for_that_platform(shared_stack: LocalStack) -> None:
    st = shared_stack
    text = "高田城址公園の紅葉が見頃です。 #上越市 #紅葉 #秋 #公園 #城 #夜景"
    ts = st.driver.message("C0INTAKE", "U0OPERATOR2", text)
    question = st.slack.wait_for(
        lambda: next((m for m in thread(st, "C0INTAKE", ts) if "choose_account" in str(m.blocks)), None),
        timeout=30, message="account question")
    assert "<@U0OPERATOR2>" in question.text
    (d,) = drafts(st)
    assert (d.account_id, d.state) == (None, "checking")
    # Someone else cannot answer for the author; the author can.
    st.driver.block_action("U0OPERATOR", "choose_account", "joetsu-insta", channel="C0INTAKE", message_ts=question.ts)
    wait_ephemeral(st, "U0OPERATOR", "作成者だけ")
    st.driver.block_action("U0OPERATOR2", "choose_account", "joetsu-insta", channel="C0INTAKE",
                           message_ts=question.ts)
    msg = wait_dm(st, "U0MANAGER")[0]
    assert "上越市公式Instagram" in all_text(msg)
    # Instagram rules applied: six hashtags is over Instagram's five, and unlisted tags are flagged.
    replies = st.slack.wait_for(lambda: (ms := thread(st, "C0INTAKE", ts)) and any(
        "platform.hashtags" in all_text(m) for m in ms) and ms, timeout=30)
    assert any("platform.hashtag_unlisted" in all_text(m) for m in replies)
    (d,) = drafts(st)
    assert (d.account_id, d.state) == ("joetsu-insta", "pending")
    st.slack.wait_for(lambda: "上越市公式Instagram" in all_text(st.slack.message("C0INTAKE", question.ts)), timeout=30)
    # A second choice (a client still showing the old select) changes nothing.
    st.driver.block_action("U0OPERATOR2", "choose_account", "joetsu-x", channel="C0INTAKE",
                           message_ts=question.ts, block_id=f"choose_account:{d.id}")
    wait_ephemeral(st, "U0OPERATOR2", "すでに選ばれています")
    assert [d.account_id for d in drafts(st)] == ["joetsu-insta"]


def test_shared_channel_with_one_operated_account_needs_no_question(shared_stack: LocalStack) -> None:
    st = shared_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)  # operates only the X account
    wait_dm(st, "U0MANAGER")
    settle(st)
    assert not any("choose_account" in str(m.blocks) for m in thread(st, "C0INTAKE", ts))
    assert [d.account_id for d in drafts(st)] == ["joetsu-x"]


def test_a_draft_withdrawn_before_its_account_was_chosen_closes_the_question(shared_stack: LocalStack) -> None:
    st = shared_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR2", CLEAN_DRAFT)
    question = st.slack.wait_for(
        lambda: next((m for m in thread(st, "C0INTAKE", ts) if "choose_account" in str(m.blocks)), None), timeout=30)
    st.driver.message_deleted("C0INTAKE", ts)
    st.slack.wait_for(lambda: "取り下げられました" in st.slack.message("C0INTAKE", question.ts).text, timeout=30,
                      message="the question closed")
    assert "choose_account" not in str(st.slack.message("C0INTAKE", question.ts).blocks)
    # A client still showing the menu: the truth, and nothing checked or routed.
    st.driver.block_action("U0OPERATOR2", "choose_account", "joetsu-x", channel="C0INTAKE", message_ts=question.ts,
                           block_id=f"choose_account:{drafts(st)[0].id}")
    wait_ephemeral(st, "U0OPERATOR2", "取り下げられています")
    settle(st)
    assert [(d.account_id, d.state) for d in drafts(st)] == [(None, "withdrawn")]
    assert dm(st, "U0MANAGER") == []


def test_tampered_account_choice_is_refused(shared_stack: LocalStack) -> None:
    st = shared_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR2", CLEAN_DRAFT)
    question = st.slack.wait_for(
        lambda: next((m for m in thread(st, "C0INTAKE", ts) if "choose_account" in str(m.blocks)), None), timeout=30)
    st.driver.block_action("U0OPERATOR2", "choose_account", "no-such-account", channel="C0INTAKE",
                           message_ts=question.ts)
    wait_ephemeral(st, "U0OPERATOR2", "運用しているアカウントから選んで")
    st.driver.block_action("U0OPERATOR2", "choose_account", "joetsu-x", channel="C0INTAKE", message_ts=question.ts,
                           block_id="choose_account:999x")
    wait_ephemeral(st, "U0OPERATOR2", "見つかりません")
    settle(st)
    assert [(d.account_id, d.state) for d in drafts(st)] == [(None, "checking")]


def test_a_draft_form_sent_twice_files_one_draft(sqlite_stack: LocalStack) -> None:
    """Our answer did not reach Slack in time, the form stayed open and the operator pressed 送信
    again (the same view): it used to file a second draft, blocked as a duplicate of the first."""
    st = sqlite_stack
    open_draft_modal(st)
    form = st.slack.latest_view("U0OPERATOR", "submit_draft")
    assert form is not None
    values = {"account": "joetsu-x", "text": CLEAN_DRAFT, "date": TOMORROW, "time": time(10, 0)}
    first = st.driver.view_submission("U0OPERATOR", "submit_draft", values, view_id=form.id)
    again = st.driver.view_submission("U0OPERATOR", "submit_draft", values, view_id=form.id)
    assert first.json() is None and again.json() is None  # the form closes both times, no error
    for a in APPROVERS:
        wait_dm(st, a)
    settle(st)
    assert len(drafts(st)) == 1
    assert all(len(dm(st, a)) == 1 for a in APPROVERS)


def test_accounts_of_one_name_on_two_platforms_are_told_apart_in_the_menus(tmp_path: Path) -> None:
    """Many cities call every account just 「上越市」, which the file allows on different platforms;
    the menus showed only the name, so the draft form and a shared channel's question offered
    「上越市」 twice, and a draft went to the account not meant."""
    text = (DEMO_TOML.read_text(encoding="utf-8").replace('intake_channel = "C0INSTA"', 'intake_channel = "C0INTAKE"')
            .replace('name = "上越市公式X"', 'name = "上越市"').replace('name = "上越市公式Instagram"', 'name = "上越市"'))
    st = start_local_stack(parse_org_config(text, "same-name.toml"), database_url("sqlite", tmp_path),
                           clock=shifted_clock(BUSINESS_MORNING))
    try:
        open_draft_modal(st, "U0OPERATOR2")
        view = st.slack.latest_view("U0OPERATOR2", "submit_draft")
        assert view is not None
        [menu] = [b["element"] for b in view.view["blocks"] if b.get("block_id") == "account"]
        assert sorted(o["text"]["text"] for o in menu["options"]) == ["上越市（Instagram）", "上越市（X）"]
        ts = st.driver.message("C0INTAKE", "U0OPERATOR2", CLEAN_DRAFT)
        question = st.slack.wait_for(
            lambda: next((m for m in thread(st, "C0INTAKE", ts) if "choose_account" in str(m.blocks)), None),
            timeout=30, message="account question")
        [select] = [el for b in question.blocks if b.get("type") == "actions" for el in b["elements"]]
        assert sorted(o["text"]["text"] for o in select["options"]) == ["上越市（Instagram）", "上越市（X）"]
    finally:
        st.stop()


def test_what_the_approver_reads_is_the_text_that_is_posted_and_hashed(sqlite_stack: LocalStack) -> None:
    """A form keeps 「*」「_」「~」「`」 and 「:名前:」 as typed, and X shows them so. Shown as mrkdwn, the
    DM drew 「~中止~」 struck through (the manager read the reverse of the post), 「*要予約*」 bold
    and 「:sparkles:」 as a picture; the message the operator copies the post from did the same."""
    from bot.ledger import content_hash
    from storage import ledger as ledger_repo

    st = sqlite_stack
    typed = ("【お知らせ】 ~中止~ ではなく *予定どおり* 開催します :sparkles:\n"
             "> 受付 _9:00_ から `先着順` です & 駐車場<無料>\n\n持ち物: タオル")
    submit_draft(st, text=typed)
    msg = wait_dm(st, "U0MANAGER")[0]
    assert draft_shown(msg) == typed
    root = root_message(st, "お知らせ")
    assert draft_shown(root) == typed  # where the operator copies the post from
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: "承認しました" in dm(st, "U0MANAGER")[-1].text, timeout=30, message="approved")
    [version] = versions(st)
    with st.rt.db.session() as s:
        [entry] = list(ledger_repo.iter_entries(s))
    assert version.text == typed and entry.content_hash == version.content_hash == content_hash(
        text=typed, account_id="joetsu-x", scheduled_at=version.scheduled_at, alt_texts=[])
    assert draft_shown(dm(st, "U0MANAGER")[-1]) == typed  # and the decided DM still shows it so


def test_the_form_says_the_zone_its_date_and_time_are_read_in(tmp_path: Path) -> None:
    """The hint under 投稿予定日 said 「日本時間です」 whatever KESSAI_TZ was, while the date and time
    were read in KESSAI_TZ: a 10:00 meant in Japan became 10:00 in Berlin."""
    def hint(view: dict[str, Any]) -> str:
        return str(next(b for b in view["blocks"] if b.get("block_id") == "date")["hint"]["text"])

    assert hint(render.draft_modal([("joetsu-x", "上越市公式X")])).startswith("日本時間です。")
    st = start_local_stack(parse_org_config(DEMO_TOML.read_text(encoding="utf-8")), database_url("sqlite", tmp_path),
                           tz="Europe/Berlin", clock=shifted_clock(BUSINESS_MORNING))
    try:
        open_draft_modal(st)
        form = st.slack.latest_view("U0OPERATOR", "submit_draft")
        assert form is not None
        said = hint(form.view)
        assert said.startswith("タイムゾーン Europe/Berlin の日時です。") and "日本時間" not in said, said
        st.driver.view_submission("U0OPERATOR", "submit_draft", {
            "account": "joetsu-x", "text": CLEAN_DRAFT, "date": TOMORROW, "time": time(10, 0)})
        settle(st)
        [v] = versions(st)
        assert v.scheduled_at is not None and v.scheduled_at.astimezone(ZoneInfo("Europe/Berlin")).hour == 10
    finally:
        st.stop()
