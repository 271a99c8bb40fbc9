"""What Slack would refuse or cut at the extremes: many accounts, long texts, long names."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from bot import incidents as inc
from bot import render
from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import LocalStack, start_local_stack
from bot.sandbox.blockkit import view_errors
from storage.models import DraftVersionRow
from tests.conftest import database_url
from tests.e2e.conftest import BUSINESS_MORNING, all_text, dm, settle, thread, wait_dm
from tests.e2e.test_workflow_publish_home import home_text

MANY = 150


def many_accounts(org: OrgConfig) -> OrgConfig:
    """The demo organisation with MANY accounts, all approved by U0MANAGER."""
    base = org.accounts[0]
    accounts = tuple(replace(base, id=f"acct-{i}", name=f"上越市公式アカウント{i}番（観光振興課）",
                             approvers=("U0MANAGER",)) for i in range(MANY))
    return replace(org, accounts=accounts)


@pytest.fixture
def big_stack(tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    st = start_local_stack(many_accounts(org), database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING))
    yield st
    st.stop()


def test_app_home_of_an_approver_of_150_accounts_lists_them_all(big_stack: LocalStack) -> None:
    st = big_stack
    text = home_text(st, "U0MANAGER", "今月の投稿数")
    home = st.slack.home("U0MANAGER")
    assert home is not None and not view_errors(home)
    # Every account on its own line, the last one included (one section cut them at 3,000 characters).
    assert all(f"上越市公式アカウント{i}番（観光振興課）: 0件（最低 " in text for i in range(MANY))


def test_the_shortcut_on_a_message_longer_than_the_form_says_what_it_left_out(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    text = "高田城址公園の観桜会についてのお知らせです。\n" * 250  # 5,750 characters
    ts = st.slack.post_as_user("C0GENERAL", "U0OPERATOR", text).ts
    st.driver.message_shortcut("U0OPERATOR", "submit_as_draft", "C0GENERAL", ts)
    view = st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "submit_draft"), timeout=30)
    blocks = {b.get("block_id"): b for b in view.view["blocks"]}
    assert blocks["text"]["element"]["initial_value"] == text[:3000]
    shown = "\n".join(b["text"]["text"] for b in view.view["blocks"] if b["type"] == "section")
    assert "元のメッセージは 5,750 文字あり" in shown and "先頭の 3,000 文字だけ" in shown


def offered(form: dict[str, Any], block_id: str) -> list[str]:
    """The values a person can pick in a form's select (the driver would submit any value)."""
    [element] = [b["element"] for b in form["blocks"] if b.get("block_id") == block_id]
    groups = element.get("option_groups") or [{"options": element.get("options") or []}]
    return [o["value"] for g in groups for o in g["options"]]


def test_every_one_of_150_accounts_can_be_chosen_in_the_draft_and_incident_forms(big_stack: LocalStack) -> None:
    st = big_stack
    st.driver.slash_command("U0OPERATOR", "/kessai", "draft")
    form = st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", render.DRAFT_CALLBACK), timeout=30)
    assert not view_errors(form.view)
    assert offered(form.view, render.F_ACCOUNT) == [f"acct-{i}" for i in range(MANY)]
    reply = st.driver.view_submission("U0OPERATOR", render.DRAFT_CALLBACK, {
        render.F_ACCOUNT: "acct-140", render.F_TEXT: "高田城址公園の観桜会は4月1日からです。"})
    assert reply.json() is None, reply.body
    root = st.slack.wait_for(lambda: next((m for m in st.slack.messages("C0INTAKE") if "観桜会" in all_text(m)), None),
                             timeout=30, message="the draft in the intake channel")
    assert "上越市公式アカウント140番（観光振興課）" in all_text(root)

    description = "なりすましアカウントが市の名前で投稿しています。" * 125  # 3,000 characters, the form's most
    st.driver.slash_command("U0OPERATOR", "/kessai", "incident")
    form = st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", inc.REPORT_CALLBACK), timeout=30)
    assert not view_errors(form.view)
    assert offered(form.view, inc.ACCOUNT_BLOCK) == [inc.NO_ACCOUNT, *(f"acct-{i}" for i in range(MANY))]
    reply = st.driver.view_submission("U0OPERATOR", inc.REPORT_CALLBACK, {
        inc.KIND_ACTION: "impersonation", inc.ACCOUNT_ACTION: "acct-149", inc.DESCRIPTION_ACTION: description})
    assert reply.json() is None, reply.body
    alert = st.slack.wait_for(lambda: next(iter(st.slack.messages("C0ESCALATE")), None), timeout=30,
                              message="incident alert")
    text = all_text(alert)
    assert "上越市公式アカウント149番（観光振興課）" in text
    assert "全 3,000 文字のうち先頭 1,500 文字を表示しています" in text


@pytest.fixture
def facebook_stack(tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    facebook = replace(org.accounts[0], platform="facebook", name="上越市公式Facebook")
    st = start_local_stack(replace(org, accounts=(facebook, *org.accounts[1:])), database_url("sqlite", tmp_path),
                           clock=shifted_clock(BUSINESS_MORNING))
    yield st
    st.stop()


def test_a_facebook_post_of_20000_characters_and_a_long_rejection_reason_reach_everyone_readably(
    facebook_stack: LocalStack,
) -> None:
    """Every message and view below goes through the local Slack's Block Kit checks: none is refused."""
    st = facebook_stack
    text = ("上越市からのお知らせです。高田城址公園の観桜会は4月1日から開催します。皆さまのお越しをお待ちしています。\n" * 400)[:20_000]
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", text)
    [request] = wait_dm(st, "U0MANAGER")
    shown = all_text(request)
    assert "全 20,000 文字のうち先頭" in shown and "続きは受付チャンネルの元のメッセージでご確認ください" in shown
    home_text(st, "U0MANAGER", "決裁待ち（1件）")

    st.driver.block_action("U0MANAGER", "reject_draft", channel=request.channel, message_ts=request.ts)
    form = st.slack.wait_for(lambda: st.slack.latest_view("U0MANAGER", render.REJECT_CALLBACK), timeout=30)
    assert "全 20,000 文字のうち先頭 500 文字を表示しています" in str(form.view["blocks"])
    reason = "<修正前>と<修正後>を比べてください\n" * 100  # 2,000 characters, the form's most
    reply = st.driver.view_submission("U0MANAGER", render.REJECT_CALLBACK, {render.REJECT_REASON_ACTION: reason})
    assert reply.status == 200 and not reply.body.strip(), reply.body
    status = st.slack.wait_for(lambda: next((m for m in thread(st, "C0INTAKE", ts) if "差し戻しました" in all_text(m)),
                                            None), timeout=30, message="the status line decided")
    # The whole reason, as written (plain text: 「<」 is not escaped, each line behind 「｜」).
    assert all_text(status).count("\n｜<修正前>と<修正後>を比べてください") == 100
    assert "元のメッセージを編集してください" in all_text(status)
    # Not escaped, it fits the DM's room for a reason whole too.
    decided = st.slack.wait_for(lambda: next((m for m in dm(st, "U0MANAGER")[:1] if "差し戻しました" in all_text(m)), None),
                                timeout=30, message="the request DM decided")
    assert all_text(decided).count("\n｜<修正前>と<修正後>を比べてください") == 100
    settle(st)
    assert [(c.method, c.response.get("error")) for c in st.slack.calls if not c.ok] == []


def test_the_shortcut_on_a_message_with_a_flyer_says_the_file_does_not_go_with_the_form(
        sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    text = "高田城址公園の観桜会は4月1日からです。詳しくはチラシをご覧ください。"
    ts = st.slack.post_as_user("C0GENERAL", "U0OPERATOR", text).ts
    flyer = st.driver.file("F0FLYER1", "観桜会チラシ.pdf", "U0OPERATOR")
    st.driver.message_shortcut("U0OPERATOR", "submit_as_draft", "C0GENERAL", ts, files=[flyer])
    view = st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "submit_draft"), timeout=30)
    shown = "\n".join(b["text"]["text"] for b in view.view["blocks"] if b["type"] == "section")
    assert "添付されたファイル（1件）は、この入力画面からは決裁に回らず" in shown and "受付チャンネル" in shown


@pytest.fixture
def blog_stack(tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    blog = replace(org.accounts[0], platform="blog", name="上越市長ブログ")
    st = start_local_stack(replace(org, accounts=(blog, *org.accounts[1:])), database_url("sqlite", tmp_path),
                           clock=shifted_clock(BUSINESS_MORNING))
    yield st
    st.stop()


def test_blog_drafts_of_3500_to_40000_characters_pasted_as_messages_are_checked_and_stored_whole(
    blog_stack: LocalStack,
) -> None:
    """A 市長ブログ or a 広報 article runs to thousands of characters: pasted as one message, it is
    one draft with the whole text, and the approver is shown its beginning and told where the rest is
    (Slack's limit for a message's text is 40,000 characters: api.slack.com/changelog/2018-04-truncating-really-long-messages)."""
    st = blog_stack
    line = "上越市からのお知らせです。高田城址公園の観桜会は4月1日から開催します。皆さまのお越しをお待ちしています。\n"
    texts = [(line * (size // len(line) + 1))[:size - 1].rstrip("\n") + "。" for size in (3_500, 4_500, 12_000, 40_000)]
    for n, text in enumerate(texts, 1):
        st.driver.message("C0INTAKE", "U0OPERATOR", text)
        shown = all_text(wait_dm(st, "U0MANAGER", n)[-1])
        # Whole when the request has room for it, else its beginning and where the rest is.
        assert text[-40:] in shown or (f"全 {len(text):,} 文字のうち先頭" in shown
                                       and "続きは受付チャンネルの元のメッセージでご確認ください" in shown)
    settle(st)
    with st.rt.db.session() as s:
        stored = [v.text for v in s.exec(select(DraftVersionRow).order_by(DraftVersionRow.id))]  # type: ignore[arg-type]
    assert stored == texts
    assert [(c.method, c.response.get("error")) for c in st.slack.calls if not c.ok] == []
